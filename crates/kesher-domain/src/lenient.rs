//! Forgiving readers for form fields. The same form structs serve HTML forms (where every
//! value is a string) and JSON (where a client may send a number, a list or null); these
//! readers turn either into the text the domain's parsers then check.

use serde::{Deserialize, Deserializer};

use crate::Invalid;

#[derive(Deserialize)]
#[serde(untagged)]
enum Scalar {
    Text(String),
    Integer(i64),
    Float(f64),
    Bool(bool),
}

impl Scalar {
    fn into_text(self) -> String {
        match self {
            Scalar::Text(s) => s,
            Scalar::Integer(n) => n.to_string(),
            Scalar::Float(n) => n.to_string(),
            Scalar::Bool(b) => b.to_string(),
        }
    }
}

/// A string, number, boolean or null, read as text (null as empty).
pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<Scalar>::deserialize(d)?
        .map(Scalar::into_text)
        .unwrap_or_default())
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

#[derive(Deserialize)]
#[serde(untagged)]
enum IdList {
    One(Scalar),
    Many(Vec<Scalar>),
}

/// A list of ids: from a form (one value, or the same field repeated) or from JSON (a
/// list). Values that are not ids are dropped; the store refuses ids that do not exist.
pub fn ids<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<i64>, D::Error> {
    let scalars = match Option::<IdList>::deserialize(d)? {
        None => Vec::new(),
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

    #[derive(Deserialize)]
    struct Probe {
        #[serde(deserialize_with = "text", default)]
        a: String,
        #[serde(deserialize_with = "tags", default)]
        t: String,
    }

    #[test]
    fn json_numbers_lists_and_nulls_become_text() {
        let p: Probe = serde_json::from_str(r#"{"a": 42, "t": ["x", "y"]}"#).unwrap();
        assert_eq!((p.a.as_str(), p.t.as_str()), ("42", "x, y"));
        let p: Probe = serde_json::from_str(r#"{"a": null}"#).unwrap();
        assert_eq!((p.a.as_str(), p.t.as_str()), ("", ""));
    }

    #[test]
    fn ids() {
        assert_eq!(optional_id(" 7 "), Ok(Some(7)));
        assert_eq!(optional_id(""), Ok(None));
        assert_eq!(optional_id("-1"), Err(Invalid::Choice));
        assert_eq!(required_id(""), Err(Invalid::Required));
    }
}
