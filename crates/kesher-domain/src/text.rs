//! Validated text values. Each type can only be built through `parse`, so a value that
//! reaches storage has already been trimmed, bounded and checked.

use serde::{Deserialize, Serialize};

use crate::Invalid;

/// Characters that draw nothing; kept inside a text (a zero-width joiner shapes some
/// scripts), trimmed at its ends and ignored when names are compared.
pub fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Characters no typed text needs and that can hide or reorder what a page shows: the C0
/// and C1 controls (tab and line breaks are judged by the caller) and the bidi embeddings,
/// overrides and isolates (U+202A–U+202E, U+2066–U+2069). The marks U+200E/U+200F that
/// Hebrew writers type stay allowed.
fn is_forbidden(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The one check every free text passes: no forbidden character (tab and line breaks only
/// in a multi-line text), and no invisible characters at the ends.
fn checked(raw: &str, multiline: bool) -> Result<&str, Invalid> {
    let allowed = |c: char| multiline && matches!(c, '\t' | '\n' | '\r');
    if raw.chars().any(|c| is_forbidden(c) && !allowed(c)) {
        return Err(Invalid::Control);
    }
    Ok(raw.trim_matches(|c: char| c.is_whitespace() || is_zero_width(c)))
}

/// Trims and collapses runs of whitespace, so "  מרכז   מדע " and "מרכז מדע" are one name.
pub fn tidy(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn bounded(raw: &str, max: usize) -> Result<String, Invalid> {
    let value = tidy(checked(raw, false)?);
    if value.chars().count() > max {
        return Err(Invalid::TooLong { max });
    }
    Ok(value)
}

/// A required one-line name (of an initiative, an organization, a person, a body).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Name(String);

impl Name {
    pub const MAX: usize = 200;

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let value = bounded(raw, Self::MAX)?;
        if value.is_empty() {
            return Err(Invalid::Required);
        }
        Ok(Self(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// An optional one-line text (a role title, an external id). Empty input means "none".
pub fn optional_line(raw: &str, max: usize) -> Result<Option<String>, Invalid> {
    let value = bounded(raw, max)?;
    Ok((!value.is_empty()).then_some(value))
}

/// Free text of several lines (a description, a mandate). Line breaks are kept; only the
/// ends are trimmed. Empty input means "none".
pub fn optional_text(raw: &str, max: usize) -> Result<Option<String>, Invalid> {
    let value = checked(raw, true)?.replace("\r\n", "\n");
    if value.chars().count() > max {
        return Err(Invalid::TooLong { max });
    }
    Ok((!value.is_empty()).then_some(value))
}

/// Longest free text a form accepts (a description, a mandate).
pub const LONG_TEXT_MAX: usize = 4000;
/// Longest one-line text a form accepts.
pub const LINE_MAX: usize = 200;

/// An e-mail address, stored in lower case so that matching ignores case.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    pub const MAX: usize = 254;

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let value = raw.trim().to_lowercase();
        if value.is_empty() {
            return Err(Invalid::Required);
        }
        if value.chars().any(|c| is_forbidden(c) || is_zero_width(c)) {
            return Err(Invalid::Control);
        }
        if value.chars().count() > Self::MAX {
            return Err(Invalid::TooLong { max: Self::MAX });
        }
        let Some((local, domain)) = value.split_once('@') else {
            return Err(Invalid::Email);
        };
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..");
        if local.is_empty()
            || !domain_ok
            || domain.contains('@')
            || value.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            return Err(Invalid::Email);
        }
        Ok(Self(value))
    }

    /// Reads an address that may be left empty.
    pub fn parse_optional(raw: &str) -> Result<Option<Self>, Invalid> {
        if raw.trim().is_empty() {
            Ok(None)
        } else {
            Self::parse(raw).map(Some)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// A phone number as people write it ("050-1234567", "+972 3 555 1234"). Kept as written,
/// tidied; it must hold 7 to 15 digits and nothing but digits, spaces and + - ( ) . /
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Phone(String);

impl Phone {
    pub fn parse_optional(raw: &str) -> Result<Option<Self>, Invalid> {
        let value = tidy(raw);
        if value.is_empty() {
            return Ok(None);
        }
        let digits = value.chars().filter(char::is_ascii_digit).count();
        let allowed = value
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c));
        if !allowed || !(7..=15).contains(&digits) {
            return Err(Invalid::Phone);
        }
        Ok(Some(Self(value)))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// A web site address. People type "www.example.org"; the scheme is added for them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct WebAddress(String);

impl WebAddress {
    pub fn parse_optional(raw: &str) -> Result<Option<Self>, Invalid> {
        let value = raw.trim();
        if value.is_empty() {
            return Ok(None);
        }
        if value.chars().count() > 500 {
            return Err(Invalid::TooLong { max: 500 });
        }
        let with_scheme = if value.contains("://") {
            value.to_string()
        } else {
            format!("https://{value}")
        };
        let parsed = url::Url::parse(&with_scheme).map_err(|_| Invalid::WebAddress)?;
        let host_ok = parsed
            .host_str()
            .is_some_and(|h| h.contains('.') || h == "localhost");
        if !matches!(parsed.scheme(), "http" | "https") || !host_ok {
            return Err(Invalid::WebAddress);
        }
        Ok(Some(Self(parsed.to_string())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// A calendar date typed as YYYY-MM-DD (what `<input type=date>` sends).
pub fn optional_date(raw: &str) -> Result<Option<chrono::NaiveDate>, Invalid> {
    let value = raw.trim();
    if value.is_empty() {
        return Ok(None);
    }
    chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| Invalid::Date)
}

/// A whole number within bounds; empty input means "none".
pub fn optional_number(raw: &str, min: i64, max: i64) -> Result<Option<i64>, Invalid> {
    let value = raw.trim();
    if value.is_empty() {
        return Ok(None);
    }
    match value.parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
        _ => Err(Invalid::Range { min, max }),
    }
}

/// A password for a new account: long enough to resist guessing, short enough to hash.
#[derive(Clone)]
pub struct NewPassword(String);

impl NewPassword {
    pub const MIN: usize = 10;
    pub const MAX: usize = 200;

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let count = raw.chars().count();
        if count == 0 {
            return Err(Invalid::Required);
        }
        if count < Self::MIN {
            return Err(Invalid::PasswordTooShort { min: Self::MIN });
        }
        if count > Self::MAX {
            return Err(Invalid::TooLong { max: Self::MAX });
        }
        Ok(Self(raw.to_string()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(…)")
    }
}

/// Formats a number with a fixed count of decimals and thousands grouped: 502,916.
pub fn number(value: f64, decimals: u8) -> String {
    let text = format!("{:.*}", decimals as usize, value.abs());
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w.to_string(), Some(f.to_string())),
        None => (text, None),
    };
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let sign = if value < 0.0 && text_is_not_zero(&grouped, fraction.as_deref()) {
        "-"
    } else {
        ""
    };
    match fraction {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

fn text_is_not_zero(whole: &str, fraction: Option<&str>) -> bool {
    whole
        .chars()
        .chain(fraction.unwrap_or("").chars())
        .any(|c| c.is_ascii_digit() && c != '0')
}

#[cfg(test)]
mod tests {
    #[test]
    fn control_and_direction_characters_are_refused() {
        for raw in [
            "a\u{0}b",
            "a\u{1b}[31mb",
            "\u{202E}evil",
            "a\u{2066}b\u{2069}",
            "a\u{85}b",
            "two\nlines",
            "tab\there",
        ] {
            assert_eq!(Name::parse(raw), Err(Invalid::Control), "{raw:?}");
            assert_eq!(optional_line(raw, 200), Err(Invalid::Control), "{raw:?}");
        }
        assert_eq!(Email::parse("a\u{200B}@example.org"), Err(Invalid::Control));
        assert_eq!(optional_text("\u{202E}x", 100), Err(Invalid::Control));
        // A multi-line text keeps its line breaks and tabs; Hebrew's direction marks stay.
        assert_eq!(
            optional_text("first\r\n\tsecond", 100).unwrap().as_deref(),
            Some("first\n\tsecond")
        );
        assert_eq!(
            Name::parse("מרכז\u{200F} 2").unwrap().as_str(),
            "מרכז\u{200F} 2"
        );
    }

    #[test]
    fn zero_width_characters_are_trimmed_and_ignored_when_names_are_compared() {
        assert_eq!(
            Name::parse("\u{200B}מרכז מדע\u{FEFF}").unwrap().as_str(),
            "מרכז מדע"
        );
        assert_eq!(
            crate::search::fold("מרכז\u{200B} מדע"),
            crate::search::fold("מרכז מדע")
        );
    }

    use super::*;

    #[test]
    fn names_are_tidied_and_required() {
        assert_eq!(Name::parse("  מרכז   מדע ").unwrap().as_str(), "מרכז מדע");
        assert_eq!(Name::parse("   "), Err(Invalid::Required));
        let long = "א".repeat(Name::MAX + 1);
        assert_eq!(Name::parse(&long), Err(Invalid::TooLong { max: Name::MAX }));
        // The limit counts letters, not bytes: 200 Hebrew letters are 400 bytes.
        assert!(Name::parse(&"א".repeat(Name::MAX)).is_ok());
    }

    #[test]
    fn emails_are_lowercased_and_checked() {
        assert_eq!(
            Email::parse(" Dana.Levi@Example.ORG ").unwrap().as_str(),
            "dana.levi@example.org"
        );
        for bad in [
            "dana",
            "dana@",
            "@example.org",
            "dana@example",
            "da na@example.org",
            "a@b@c.org",
            "dana@.org",
        ] {
            assert_eq!(Email::parse(bad), Err(Invalid::Email), "{bad}");
        }
        assert_eq!(Email::parse_optional("  "), Ok(None));
    }

    #[test]
    fn phones_accept_israeli_forms_and_refuse_words() {
        for good in [
            "050-1234567",
            "+972 50 123 4567",
            "(03) 555-1234",
            "035551234",
        ] {
            assert!(Phone::parse_optional(good).unwrap().is_some(), "{good}");
        }
        for bad in ["טלפון", "12", "050-1234567 שלוחה 3", "1234567890123456"] {
            assert_eq!(Phone::parse_optional(bad), Err(Invalid::Phone), "{bad}");
        }
    }

    #[test]
    fn web_addresses_get_a_scheme() {
        assert_eq!(
            WebAddress::parse_optional("www.example.org")
                .unwrap()
                .unwrap()
                .as_str(),
            "https://www.example.org/"
        );
        assert_eq!(
            WebAddress::parse_optional("javascript:alert(1)"),
            Err(Invalid::WebAddress)
        );
        assert_eq!(
            WebAddress::parse_optional("ftp://example.org"),
            Err(Invalid::WebAddress)
        );
        assert_eq!(
            WebAddress::parse_optional("not a site"),
            Err(Invalid::WebAddress)
        );
    }

    #[test]
    fn dates_and_numbers() {
        assert_eq!(
            optional_date("2025-09-01").unwrap().unwrap().to_string(),
            "2025-09-01"
        );
        assert_eq!(optional_date("1/9/2025"), Err(Invalid::Date));
        assert_eq!(optional_number("3", 1, 52), Ok(Some(3)));
        assert_eq!(
            optional_number("0", 1, 52),
            Err(Invalid::Range { min: 1, max: 52 })
        );
        assert_eq!(
            optional_number("שלוש", 1, 52),
            Err(Invalid::Range { min: 1, max: 52 })
        );
    }

    #[test]
    fn passwords_have_a_floor_and_hide_in_debug() {
        assert_eq!(
            NewPassword::parse("short").err(),
            Some(Invalid::PasswordTooShort { min: 10 })
        );
        let p = NewPassword::parse("a long enough secret").unwrap();
        assert!(!format!("{p:?}").contains("secret"));
    }
}
