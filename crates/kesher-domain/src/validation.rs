//! What can be wrong with a user's input. The domain says *what* is wrong; the web layer
//! turns it into a sentence in the user's language through the Fluent message ids below.

use serde::Serialize;

/// One reason a value was refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Invalid {
    #[error("a value is required")]
    Required,
    #[error("longer than {max} characters")]
    TooLong { max: usize },
    #[error("not an e-mail address")]
    Email,
    #[error("not a phone number")]
    Phone,
    #[error("not a web address")]
    WebAddress,
    #[error("not a date")]
    Date,
    #[error("not a date and time (or one the clocks skip)")]
    DateTime,
    #[error("the end date is before the start date")]
    DateOrder,
    #[error("not one of the offered choices")]
    Choice,
    #[error("not a whole number between {min} and {max}")]
    Range { min: i64, max: i64 },
    #[error("given without the other half of the pair")]
    Incomplete,
    #[error("already taken")]
    Taken,
    #[error("password too short (at least {min} characters)")]
    PasswordTooShort { min: usize },
    #[error("cannot be its own ancestor")]
    Cycle,
    #[error("not found")]
    Unknown,
    /// Codes that name nothing in the initiative (places, indicators), as typed.
    #[error("no such code: {codes}")]
    UnknownCodes { codes: String },
    #[error("overlaps a seat the person already holds in this body")]
    Overlap,
    #[error("this organization already endorsed that version")]
    AlreadyEndorsed,
    #[error("a date in the future")]
    Future,
    #[error("boundary row {row} is incomplete")]
    BoundaryRow { row: usize },
    #[error("a level that cannot stand under its parent")]
    Level,
    #[error("not a period of the expected kind")]
    Period,
    #[error("not a number")]
    Number,
    #[error("not a valid formula")]
    Formula,
    #[error("a formula that refers to an unknown indicator")]
    FormulaReference,
    #[error("not a code of letters, digits and underscores")]
    Code,
    #[error("the highest value is below the lowest")]
    NumberOrder,
    #[error("outside the range the indicator allows")]
    OutOfRange,
    #[error("still in use")]
    InUse,
    #[error("larger than any plausible value")]
    TooLarge,
    #[error("holds an invisible or control character")]
    Control,
    #[error("not the account's current password")]
    WrongPassword,
    #[error("names both a person and an organization; an owner is one of them")]
    OneOwner,
    #[error("not a file of an accepted kind (office documents, PDF, images)")]
    FileKind,
    #[error("a file larger than {max_mb} MB")]
    FileTooBig { max_mb: usize },
}

impl Invalid {
    /// The Fluent message id that explains this problem to a user.
    pub fn message_id(&self) -> &'static str {
        match self {
            Invalid::Required => "invalid-required",
            Invalid::WrongPassword => "invalid-wrong-password",
            Invalid::TooLong { .. } => "invalid-too-long",
            Invalid::Email => "invalid-email",
            Invalid::Phone => "invalid-phone",
            Invalid::WebAddress => "invalid-web-address",
            Invalid::Date => "invalid-date",
            Invalid::DateTime => "invalid-date-time",
            Invalid::DateOrder => "invalid-date-order",
            Invalid::Choice => "invalid-choice",
            Invalid::Range { .. } => "invalid-range",
            Invalid::Incomplete => "invalid-incomplete",
            Invalid::Taken => "invalid-taken",
            Invalid::PasswordTooShort { .. } => "invalid-password-too-short",
            Invalid::Cycle => "invalid-cycle",
            Invalid::Unknown => "invalid-unknown",
            Invalid::UnknownCodes { .. } => "invalid-unknown-codes",
            Invalid::Overlap => "invalid-overlap",
            Invalid::AlreadyEndorsed => "invalid-already-endorsed",
            Invalid::Future => "invalid-future",
            Invalid::BoundaryRow { .. } => "invalid-boundary-row",
            Invalid::Level => "invalid-level",
            Invalid::Period => "invalid-period",
            Invalid::Number => "invalid-number",
            Invalid::Formula => "invalid-formula",
            Invalid::FormulaReference => "invalid-formula-reference",
            Invalid::Code => "invalid-code",
            Invalid::NumberOrder => "invalid-number-order",
            Invalid::OutOfRange => "invalid-out-of-range",
            Invalid::InUse => "invalid-in-use",
            Invalid::TooLarge => "invalid-too-large",
            Invalid::Control => "invalid-control",
            Invalid::OneOwner => "invalid-one-owner",
            Invalid::FileKind => "invalid-file-kind",
            Invalid::FileTooBig { .. } => "invalid-file-too-big",
        }
    }

    /// Words the message needs, as (name, text) pairs.
    pub fn message_text_args(&self) -> Vec<(&'static str, String)> {
        match self {
            Invalid::UnknownCodes { codes } => vec![("codes", codes.clone())],
            _ => Vec::new(),
        }
    }

    /// Codes as a refusal lists them: the first ten, and how many more.
    pub fn unknown_codes(codes: &[String]) -> Self {
        let shown: Vec<&str> = codes.iter().take(10).map(String::as_str).collect();
        let mut text = shown.join(", ");
        if codes.len() > shown.len() {
            text.push_str(&format!(" (+{})", codes.len() - shown.len()));
        }
        Invalid::UnknownCodes { codes: text }
    }

    /// Numbers the message needs, as (name, value) pairs.
    pub fn message_args(&self) -> Vec<(&'static str, i64)> {
        match self {
            Invalid::TooLong { max } => vec![("max", *max as i64)],
            Invalid::FileTooBig { max_mb } => vec![("max", *max_mb as i64)],
            Invalid::Range { min, max } => vec![("min", *min), ("max", *max)],
            Invalid::PasswordTooShort { min } => vec![("min", *min as i64)],
            Invalid::BoundaryRow { row } => vec![("line", *row as i64)],
            _ => Vec::new(),
        }
    }
}

/// A refused value together with the form field it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: &'static str,
    #[serde(flatten)]
    pub problem: Invalid,
}

impl FieldError {
    pub fn new(field: &'static str, problem: Invalid) -> Self {
        Self { field, problem }
    }
}

/// Collects field errors while a whole form is parsed, so the user sees every problem at once.
#[derive(Default, Debug)]
pub struct Checker {
    errors: Vec<FieldError>,
}

impl Checker {
    pub fn new() -> Self {
        Self::default()
    }

    /// Keeps the parsed value, or records the problem under `field`.
    pub fn check<T>(&mut self, field: &'static str, parsed: Result<T, Invalid>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(problem) => {
                self.errors.push(FieldError::new(field, problem));
                None
            }
        }
    }

    pub fn push(&mut self, field: &'static str, problem: Invalid) {
        self.errors.push(FieldError::new(field, problem));
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// The problems recorded so far.
    pub fn into_errors(self) -> Vec<FieldError> {
        self.errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_codes_are_listed_ten_at_most_with_how_many_more() {
        let codes: Vec<String> = (1..=12).map(|n| format!("4801{n:02}")).collect();
        let refused = Invalid::unknown_codes(&codes);
        let text = &refused.message_text_args()[0].1;
        assert!(text.starts_with("480101, 480102"), "{text}");
        assert!(
            text.contains("480110") && !text.contains("480111"),
            "{text}"
        );
        assert!(text.ends_with("(+2)"), "{text}");
        assert_eq!(
            Invalid::unknown_codes(&["7700".into()]).message_text_args(),
            vec![("codes", "7700".to_string())]
        );
    }
}
