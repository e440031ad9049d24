//! Kesher's words. Every sentence the product shows lives in `locales/{he,en}/*.ftl`;
//! this crate embeds them and looks them up. Hebrew is the default and the fallback.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use unic_langid::{LanguageIdentifier, langid};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "he",
        // Plain text, without Unicode isolation marks around arguments: messages also go
        // into JSON errors and attributes, and templates isolate user text with <bdi>.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static HE_IDS: LazyLock<HashSet<String>> =
    LazyLock::new(|| message_ids(Lang::He).into_iter().collect());
static EN_IDS: LazyLock<HashSet<String>> =
    LazyLock::new(|| message_ids(Lang::En).into_iter().collect());

static HE: LanguageIdentifier = langid!("he");
static EN: LanguageIdentifier = langid!("en");

/// A language the product speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    He,
    En,
}

/// Text direction of a language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Rtl,
    Ltr,
}

impl Direction {
    /// The value of the HTML `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Rtl => "rtl",
            Direction::Ltr => "ltr",
        }
    }
}

impl Lang {
    /// Every language, Hebrew first.
    pub const ALL: [Lang; 2] = [Lang::He, Lang::En];

    /// The BCP 47 code, used in `lang` attributes, cookies and `?lang=`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::He => "he",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "he" | "he-il" | "iw" => Some(Lang::He),
            "en" | "en-us" | "en-gb" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn direction(self) -> Direction {
        match self {
            Lang::He => Direction::Rtl,
            Lang::En => Direction::Ltr,
        }
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::He => &HE,
            Lang::En => &EN,
        }
    }

    /// The message `id` in this language.
    pub fn t(self, id: &str) -> String {
        LOCALES.lookup(self.id(), id)
    }

    /// The message `id` with named arguments.
    pub fn t_with(self, id: &str, args: &[(&str, Arg)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    Arg::Number(n) => FluentValue::from(*n),
                    Arg::Text(s) => FluentValue::from(s.clone()),
                };
                (Cow::Owned(name.to_string()), value)
            })
            .collect();
        LOCALES.lookup_with_args(self.id(), id, &args)
    }

    /// Whether this language's file defines `id` (no fallback).
    pub fn has(self, id: &str) -> bool {
        let ids = match self {
            Lang::He => &*HE_IDS,
            Lang::En => &*EN_IDS,
        };
        ids.contains(id)
    }
}

/// A value passed into a message.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Number(i64),
    Text(String),
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(n as i64)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

/// The message ids defined in one language's files, for completeness checks.
pub fn message_ids(lang: Lang) -> Vec<String> {
    let source = match lang {
        Lang::He => include_str!("../locales/he/main.ftl"),
        Lang::En => include_str!("../locales/en/main.ftl"),
    };
    source
        .lines()
        .filter_map(|line| {
            let (id, _) = line.split_once(" =")?;
            let id = id.trim_end();
            let starts_well = id.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
            let plain = id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            (starts_well && plain).then(|| id.to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_complete_and_hebrew_has_nothing_english_lacks() {
        let he = message_ids(Lang::He);
        let en = message_ids(Lang::En);
        let missing_in_en: Vec<_> = he.iter().filter(|id| !en.contains(id)).collect();
        let missing_in_he: Vec<_> = en.iter().filter(|id| !he.contains(id)).collect();
        assert!(
            missing_in_en.is_empty(),
            "missing in English: {missing_in_en:?}"
        );
        assert!(
            missing_in_he.is_empty(),
            "missing in Hebrew: {missing_in_he:?}"
        );
        assert!(he.len() > 100, "the Hebrew file holds the whole product");
    }

    #[test]
    fn every_message_resolves_in_its_own_language() {
        // A message that fails to parse falls back to Hebrew or to "Unknown localization";
        // English text must come from the English file.
        let english = Lang::En.t("save");
        assert_eq!(english, "Save");
        for id in message_ids(Lang::En) {
            let text = Lang::En.t_with(
                &id,
                &[
                    ("count", Arg::Number(3)),
                    ("name", "x".into()),
                    ("max", Arg::Number(1)),
                    ("min", Arg::Number(1)),
                    ("line", Arg::Number(2)),
                    ("column", "c".into()),
                    ("problem", "p".into()),
                    ("minutes", Arg::Number(5)),
                    ("field", "f".into()),
                    ("before", "b".into()),
                    ("after", "a".into()),
                    ("value", "v".into()),
                    ("choices", "c".into()),
                    ("body", "g".into()),
                    ("date", "d".into()),
                    ("from", Arg::Number(1)),
                    ("to", Arg::Number(2)),
                    ("total", Arg::Number(4)),
                    ("version", Arg::Number(2)),
                    ("older", Arg::Number(1)),
                    ("on", Arg::Number(90)),
                    ("risk", Arg::Number(50)),
                    ("place", "p".into()),
                    ("period", "p".into()),
                    ("shown", Arg::Number(30)),
                    ("formula", "f".into()),
                    ("weight", "w".into()),
                    ("districts", Arg::Number(6)),
                    ("authorities", Arg::Number(255)),
                    ("schools", Arg::Number(4718)),
                    ("places", Arg::Number(7)),
                    ("missing", Arg::Number(1)),
                    ("periods", "p".into()),
                    ("indicators", "i".into()),
                    ("left", "l".into()),
                    ("right", "r".into()),
                    ("group", "g".into()),
                    ("reference", "r".into()),
                    ("done", Arg::Number(10)),
                    ("total", Arg::Number(20)),
                    ("percent", Arg::Number(50)),
                    ("reported", Arg::Number(4)),
                    ("expected", "e".into()),
                    ("coverage", "c".into()),
                    ("target", "t".into()),
                    ("target_period", "p".into()),
                    ("current", "p".into()),
                    ("arrow", "a".into()),
                    ("change", "c".into()),
                    ("words", "w".into()),
                    ("unit", "u".into()),
                    ("channel", "c".into()),
                    ("every", "e".into()),
                    ("first", "f".into()),
                    ("last", "l".into()),
                    ("improving", Arg::Number(6)),
                    ("judged", Arg::Number(10)),
                    ("share", "60".into()),
                    ("threshold", "60".into()),
                    ("indicator", "i".into()),
                    ("dimension", "d".into()),
                    ("cells", "c".into()),
                    ("limit", "256 KB".into()),
                    ("seconds", Arg::Number(30)),
                    ("address", "a".into()),
                    ("inviter", "i".into()),
                    ("initiative", "i".into()),
                    ("role", "r".into()),
                    ("days", Arg::Number(7)),
                    ("minutes", Arg::Number(60)),
                    ("question", "q".into()),
                    ("kind", "k".into()),
                    ("label", "2.1".into()),
                    ("comment", "c".into()),
                    ("email", "e@example.org".into()),
                    ("body", "b".into()),
                    ("number", Arg::Number(3)),
                    ("planned", Arg::Number(80)),
                    ("duration", Arg::Number(90)),
                    ("attended", Arg::Number(5)),
                    ("invited", Arg::Number(8)),
                    ("n", Arg::Number(1)),
                    ("part", Arg::Number(10)),
                    ("whole", Arg::Number(13)),
                    ("covered", Arg::Number(4)),
                    ("overdue", Arg::Number(1)),
                    ("when", "10/01/2027 17:00".into()),
                    ("meeting", "m".into()),
                    ("date", "10/01/2027".into()),
                    ("yes", Arg::Number(3)),
                    ("no", Arg::Number(1)),
                    ("maybe", Arg::Number(2)),
                    ("none", Arg::Number(4)),
                    ("location", "l".into()),
                    ("answer", "a".into()),
                    ("counted", Arg::Number(3)),
                    ("partners", Arg::Number(2)),
                    ("year", "2026/27".into()),
                    ("pledged", "₪5".into()),
                    ("requested", "₪10".into()),
                    ("funders", Arg::Number(1)),
                    ("amount", "₪5".into()),
                    ("codes", "480199".into()),
                ],
            );
            assert!(!text.contains("Unknown localization"), "{id}");
            assert!(
                !text.chars().any(|c| ('\u{05D0}'..='\u{05EA}').contains(&c))
                    || id == "switch-language",
                "{id} is Hebrew in English: {text}"
            );
        }
    }

    #[test]
    fn lookup_and_arguments() {
        assert_eq!(Lang::He.direction().as_str(), "rtl");
        assert_eq!(Lang::En.direction().as_str(), "ltr");
        let he = Lang::He.t_with("invalid-too-long", &[("max", 200usize.into())]);
        assert!(he.contains("200"), "{he}");
        let en = Lang::En.t_with("invalid-too-long", &[("max", 200usize.into())]);
        assert!(en.contains("200") && en.is_ascii(), "{en}");
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }
}
