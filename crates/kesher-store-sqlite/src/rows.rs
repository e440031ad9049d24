//! Reading rows into records, and the small helpers every query shares.

use chrono::{DateTime, NaiveDate, Utc};
use kesher_store::StoreError;
use sqlx::Row;
use sqlx::sqlite::SqliteRow;

use crate::backend;

/// Reads a column, mapping a decoding failure to a backend error.
pub(crate) fn get<'r, T>(row: &'r SqliteRow, column: &str) -> Result<T, StoreError>
where
    T: sqlx::Decode<'r, sqlx::Sqlite> + sqlx::Type<sqlx::Sqlite>,
{
    row.try_get(column).map_err(backend)
}

/// Reads a column holding a choice code.
pub(crate) fn choice<T>(
    row: &SqliteRow,
    column: &str,
    parse: impl Fn(&str) -> Result<T, kesher_domain::Invalid>,
) -> Result<T, StoreError> {
    let raw: String = get(row, column)?;
    parse(&raw).map_err(|_| StoreError::Backend(format!("unknown code {raw:?} in {column}")))
}

pub(crate) fn timestamp(row: &SqliteRow, column: &str) -> Result<DateTime<Utc>, StoreError> {
    get(row, column)
}

pub(crate) fn date(row: &SqliteRow, column: &str) -> Result<Option<NaiveDate>, StoreError> {
    get(row, column)
}

/// A list of codes (populations, subjects, age bands) as its column keeps it.
pub(crate) fn json_list(items: &[String]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".into())
}

pub(crate) fn list_of(row: &SqliteRow, column: &str) -> Result<Vec<String>, StoreError> {
    let raw: String = get(row, column)?;
    serde_json::from_str(&raw).map_err(|e| StoreError::Backend(format!("{column}: {e}")))
}
