//! Forgiving readers for form fields. The same form structs serve HTML forms (where every
//! value is a string) and JSON (where a client may send a number, a list or null); these
//! readers turn either into the text the domain's parsers then check.

use serde::{Deserialize, Deserializer};

use crate::Invalid;

/// What a field expects, as the readers' errors name it (`invalid type: integer `5`,
/// expected text`); the web layer finds these words to say it in the user's language.
pub const EXPECTED_TEXT: &str = "text";
pub const EXPECTED_INTEGER: &str = "a whole number";
pub const EXPECTED_NUMBER: &str = "a number";
pub const EXPECTED_BOOLEAN: &str = "true or false";
pub const EXPECTED_CHOICE: &str = "one of the listed words";

/// Reads one field as the text the domain's parsers check. A form sends every value as
/// text; JSON must send the field's own type (`kind` says which besides text is taken),
/// so `"name": 42` is refused rather than stored as "42", and a large integer is never
/// rounded through a float.
struct FieldText {
    expected: &'static str,
}

thread_local! {
    /// Set while a JSON body is read: a number or yes-or-no field then takes only its own
    /// JSON type, as the API's document says ("5" and "" are refused, not read as 5 and
    /// as left out). A form, where every value is text, is read as before.
    static STRICT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `read` (a synchronous deserialization of a JSON body) with the typed fields strict.
pub fn strictly<T>(read: impl FnOnce() -> T) -> T {
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            STRICT.set(false);
        }
    }
    STRICT.set(true);
    let _reset = Reset;
    read()
}

impl FieldText {
    /// A JSON `null`: read as left empty, except for a choice, which the document gives as
    /// one of its words and never as `null`.
    fn take_null<E: serde::de::Error>(&self) -> Result<String, E> {
        if STRICT.get() && self.expected == EXPECTED_CHOICE {
            Err(E::invalid_type(serde::de::Unexpected::Unit, self))
        } else {
            Ok(String::new())
        }
    }

    fn take_text<E: serde::de::Error>(&self, v: &str) -> Result<(), E> {
        // In JSON a choice is one of its words: an empty string is not one (a form's empty
        // choice means "not chosen", as its blank spare rows do).
        let refused = STRICT.get()
            && match self.expected {
                EXPECTED_TEXT => false,
                EXPECTED_CHOICE => v.trim().is_empty(),
                _ => true,
            };
        if refused {
            Err(E::invalid_type(serde::de::Unexpected::Str(v), self))
        } else {
            Ok(())
        }
    }
}

impl<'de> serde::de::Visitor<'de> for FieldText {
    type Value = String;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(self.expected)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<String, E> {
        self.take_text(v)?;
        Ok(v.to_string())
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<String, E> {
        self.take_text(&v)?;
        Ok(v)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<String, E> {
        self.take_null()
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<String, E> {
        self.take_null()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<String, E> {
        if self.expected == EXPECTED_BOOLEAN {
            Ok(v.to_string())
        } else {
            Err(E::invalid_type(serde::de::Unexpected::Bool(v), &self))
        }
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<String, E> {
        if matches!(self.expected, EXPECTED_INTEGER | EXPECTED_NUMBER) {
            Ok(v.to_string())
        } else {
            Err(E::invalid_type(serde::de::Unexpected::Signed(v), &self))
        }
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<String, E> {
        match self.expected {
            EXPECTED_NUMBER => Ok(v.to_string()),
            EXPECTED_INTEGER if i64::try_from(v).is_ok() => Ok(v.to_string()),
            _ => Err(E::invalid_type(serde::de::Unexpected::Unsigned(v), &self)),
        }
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<String, E> {
        // JSON Schema counts 12.0 as an integer, so a whole number written with a point
        // is taken as one (within the range a float holds exactly).
        const EXACT: f64 = 9_007_199_254_740_992.0;
        if self.expected == EXPECTED_NUMBER {
            Ok(v.to_string())
        } else if self.expected == EXPECTED_INTEGER && v.fract() == 0.0 && v.abs() <= EXACT {
            Ok((v as i64).to_string())
        } else {
            Err(E::invalid_type(serde::de::Unexpected::Float(v), &self))
        }
    }
}

fn field<'de, D: Deserializer<'de>>(d: D, expected: &'static str) -> Result<String, D::Error> {
    d.deserialize_option(FieldText { expected })
}

/// A text field that says something by being there at all: `None` when absent or null,
/// the text (even empty) when given.
pub fn given_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    struct Given;
    impl<'de> serde::de::Visitor<'de> for Given {
        type Value = Option<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str(EXPECTED_TEXT)
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            text(d).map(Some)
        }
    }
    d.deserialize_option(Given)
}

/// A text field: a string (or null, read as empty).
pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    field(d, EXPECTED_TEXT)
}

/// A field that takes one of a list of words (a kind, a scope): a string in JSON, never
/// empty; from a form, empty means not chosen.
pub fn choice<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    field(d, EXPECTED_CHOICE)
}

/// A whole-number field (an id, a year): an integer in JSON, or its digits from a form.
pub fn integer<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    field(d, EXPECTED_INTEGER)
}

/// A number field (a value, a target): a number in JSON, or as written in a form.
pub fn number<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    field(d, EXPECTED_NUMBER)
}

/// A boolean field as a form or JSON sends it: ticked ("on"), "true", "1" or "yes".
pub fn truthy(raw: &str) -> bool {
    matches!(
        raw.trim().to_ascii_lowercase().as_str(),
        "true" | "on" | "1" | "yes"
    )
}

/// A yes-or-no field: `true`/`false` in JSON, or a checkbox's "on" from a form.
pub fn boolean<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    field(d, EXPECTED_BOOLEAN)
}

#[derive(Deserialize)]
#[serde(untagged)]
enum TagList {
    Line(String),
    List(Vec<String>),
}

/// Tags as one comma-separated line or as a list, read as one line.
pub fn tags<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(match Option::<TagList>::deserialize(d)? {
        None => String::new(),
        Some(TagList::Line(line)) => line,
        Some(TagList::List(list)) => list.join(", "),
    })
}

/// One funding source as JSON gives it.
#[derive(Deserialize)]
struct FundingObject {
    source: String,
    amount: IdScalar,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum FundingItem {
    Object(FundingObject),
    Line(String),
}

#[derive(Deserialize)]
#[serde(untagged)]
enum FundingList {
    Lines(String),
    Many(Vec<FundingItem>),
}

/// Funding sources, read as lines of "source: amount": from a form, the lines of a text
/// box; from JSON, a list of `{"source", "amount"}` objects. The lines are checked where the
/// form is parsed, so a bad one is refused at its field.
pub fn funding_lines<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let lines: Vec<String> = match Option::<FundingList>::deserialize(d)? {
        None => Vec::new(),
        Some(FundingList::Lines(_)) if STRICT.get() => {
            return Err(serde::de::Error::custom("a list of {source, amount}"));
        }
        Some(FundingList::Lines(text)) => text.lines().map(str::to_string).collect(),
        Some(FundingList::Many(items)) => {
            let mut lines = Vec::with_capacity(items.len());
            for item in items {
                match item {
                    FundingItem::Object(FundingObject { source, amount }) => {
                        // A tab cannot be typed into the box's line, so it marks where the
                        // source ends whatever it holds.
                        lines.push(format!(
                            "{}\t{}",
                            source.replace('\t', " "),
                            amount.into_text()
                        ));
                    }
                    FundingItem::Line(_) if STRICT.get() => {
                        return Err(serde::de::Error::custom("a list of {source, amount}"));
                    }
                    FundingItem::Line(line) => lines.push(line),
                }
            }
            lines
        }
    };
    Ok(lines.join("\n"))
}

#[derive(Deserialize)]
#[serde(untagged)]
enum IdScalar {
    Integer(i64),
    Text(String),
}

impl IdScalar {
    fn into_text(self) -> String {
        match self {
            IdScalar::Integer(n) => n.to_string(),
            IdScalar::Text(s) => s,
        }
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum IdList {
    One(IdScalar),
    Many(Vec<IdScalar>),
}

/// A list of ids: from a form (one value, or the same field repeated) or from JSON (a
/// list). Values that are not ids are dropped; the store refuses ids that do not exist.
pub fn ids<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<i64>, D::Error> {
    let scalars = match Option::<IdList>::deserialize(d)? {
        None => Vec::new(),
        // JSON gives a list of integers, as the document says; a form repeats a field.
        Some(IdList::One(_)) if STRICT.get() => {
            return Err(serde::de::Error::custom("a list of ids"));
        }
        Some(IdList::Many(many))
            if STRICT.get() && many.iter().any(|id| matches!(id, IdScalar::Text(_))) =>
        {
            return Err(serde::de::Error::custom("a list of ids"));
        }
        Some(IdList::One(one)) => vec![one],
        Some(IdList::Many(many)) => many,
    };
    Ok(scalars
        .into_iter()
        .filter_map(|s| s.into_text().trim().parse::<i64>().ok())
        .filter(|n| *n > 0)
        .collect())
}

/// An id that may be left empty.
pub fn optional_id(raw: &str) -> Result<Option<i64>, Invalid> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    raw.parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .map(Some)
        .ok_or(Invalid::Choice)
}

/// An id that must be given.
pub fn required_id(raw: &str) -> Result<i64, Invalid> {
    optional_id(raw)?.ok_or(Invalid::Required)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_in_json_are_a_list_of_integers_and_in_a_form_a_repeated_field() {
        #[derive(Deserialize)]
        struct Attendance {
            #[serde(deserialize_with = "super::ids")]
            attended: Vec<i64>,
        }
        let strict =
            |body: &str| strictly(|| serde_json::from_str::<Attendance>(body)).map(|a| a.attended);
        assert_eq!(strict(r#"{"attended": [3, 5]}"#).unwrap(), vec![3, 5]);
        assert!(strict(r#"{"attended": ""}"#).is_err());
        assert!(strict(r#"{"attended": 3}"#).is_err());
        assert!(strict(r#"{"attended": ["3"]}"#).is_err());
        // One ticked box arrives as a single value from a form.
        let form: Attendance = serde_json::from_str(r#"{"attended": "3"}"#).unwrap();
        assert_eq!(form.attended, vec![3]);
    }

    #[test]
    fn a_choice_in_json_is_one_of_its_words_never_null_nor_empty() {
        #[derive(Deserialize)]
        struct Row {
            #[serde(deserialize_with = "choice")]
            scope: String,
        }
        let strict = |body: &str| strictly(|| serde_json::from_str::<Row>(body)).map(|r| r.scope);
        assert_eq!(strict(r#"{"scope": "in"}"#).unwrap(), "in");
        assert!(strict(r#"{"scope": null}"#).is_err());
        assert!(strict(r#"{"scope": ""}"#).is_err());
        // A form's blank choice (read without the JSON strictness) means "not chosen".
        assert_eq!(
            serde_json::from_str::<Row>(r#"{"scope": null}"#)
                .unwrap()
                .scope,
            ""
        );
    }

    #[derive(Deserialize)]
    struct Probe {
        #[serde(deserialize_with = "text", default)]
        a: String,
        #[serde(deserialize_with = "tags", default)]
        t: String,
    }

    #[derive(Deserialize)]
    struct Typed {
        #[serde(deserialize_with = "integer", default)]
        id: String,
        #[serde(deserialize_with = "number", default)]
        value: String,
        #[serde(deserialize_with = "boolean", default)]
        flag: String,
    }

    #[test]
    fn json_lists_and_nulls_become_text_but_a_number_is_not_text() {
        let p: Probe = serde_json::from_str(r#"{"a": "42", "t": ["x", "y"]}"#).unwrap();
        assert_eq!((p.a.as_str(), p.t.as_str()), ("42", "x, y"));
        let p: Probe = serde_json::from_str(r#"{"a": null}"#).unwrap();
        assert_eq!((p.a.as_str(), p.t.as_str()), ("", ""));
        let refused = serde_json::from_str::<Probe>(r#"{"a": 42}"#).err().unwrap();
        assert!(refused.to_string().contains("expected text"), "{refused}");
        assert!(serde_json::from_str::<Probe>(r#"{"a": true}"#).is_err());
    }

    #[test]
    fn typed_fields_take_their_type_or_a_forms_text() {
        let p: Typed =
            serde_json::from_str(r#"{"id": 9007199254740993, "value": 2.5, "flag": true}"#)
                .unwrap();
        // Not rounded through a float.
        assert_eq!(p.id, "9007199254740993");
        assert_eq!((p.value.as_str(), p.flag.as_str()), ("2.5", "true"));
        let p: Typed = serde_json::from_str(r#"{"id": "7", "value": "3", "flag": "on"}"#).unwrap();
        assert_eq!(
            (p.id.as_str(), p.value.as_str(), p.flag.as_str()),
            ("7", "3", "on")
        );
        let p: Typed = serde_json::from_str(r#"{"id": -485.0}"#).unwrap();
        assert_eq!(p.id, "-485");
        for wrong in [
            r#"{"id": 2.5}"#,
            r#"{"id": true}"#,
            r#"{"flag": 1}"#,
            r#"{"value": false}"#,
        ] {
            assert!(serde_json::from_str::<Typed>(wrong).is_err(), "{wrong}");
        }
        let huge = serde_json::from_str::<Typed>(r#"{"id": 18446744073709551615}"#)
            .err()
            .unwrap();
        assert!(
            huge.to_string().contains("expected a whole number"),
            "{huge}"
        );
    }

    #[test]
    fn ids() {
        assert_eq!(optional_id(" 7 "), Ok(Some(7)));
        assert_eq!(optional_id(""), Ok(None));
        assert_eq!(optional_id("-1"), Err(Invalid::Choice));
        assert_eq!(required_id(""), Err(Invalid::Required));
    }
}

#[cfg(test)]
mod strict_tests {
    use super::*;

    #[derive(Deserialize, Debug)]
    struct Form {
        #[serde(deserialize_with = "integer", default)]
        parent_id: String,
    }

    #[test]
    fn json_number_fields_refuse_strings_while_forms_keep_taking_text() {
        let from_json =
            |body: &str| strictly(|| serde_json::from_str::<Form>(body)).map(|f| f.parent_id);
        assert_eq!(from_json(r#"{"parent_id": 5}"#).unwrap(), "5");
        assert_eq!(from_json(r#"{"parent_id": null}"#).unwrap(), "");
        assert!(from_json(r#"{"parent_id": ""}"#).is_err());
        assert!(from_json(r#"{"parent_id": "5"}"#).is_err());
        // Outside a JSON body (a form), text is what every field is.
        let lenient: Form = serde_json::from_str(r#"{"parent_id": "5"}"#).unwrap();
        assert_eq!(lenient.parent_id, "5");
    }
}
