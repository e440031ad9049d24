//! Dates as each language writes them, for pages and messages alike.

use chrono::NaiveDate;
use kesher_i18n::Lang;

/// Today in Israel, where the initiatives work: a date that turns at midnight there, not
/// at midnight UTC.
pub fn today() -> NaiveDate {
    chrono::Utc::now()
        .with_timezone(&chrono_tz::Asia::Jerusalem)
        .date_naive()
}

/// A date as the language writes it: 15/01/2026 in Hebrew, 15 Jan 2026 in English.
pub fn date_in(lang: Lang, date: &NaiveDate) -> String {
    match lang {
        Lang::He => date.format("%d/%m/%Y").to_string(),
        Lang::En => date.format("%-d %b %Y").to_string(),
    }
}
