//! The common agenda in SQLite, one file per entity: versioned statements, the results tree,
//! the glossary, the decision log, disputes, endorsements and changes in the field.

mod comments;
mod decisions;
mod disputes;
mod endorsements;
mod field_changes;
mod glossary;
mod results;
mod versions;

use kesher_store::StoreError;
use sqlx::sqlite::SqliteRow;

use crate::rows::get;

/// A list of codes (populations, subjects, age bands) as its column keeps it.
fn json_list(items: &[String]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".into())
}

fn list_of(row: &SqliteRow, column: &str) -> Result<Vec<String>, StoreError> {
    let raw: String = get(row, column)?;
    serde_json::from_str(&raw).map_err(|e| StoreError::Backend(format!("{column}: {e}")))
}
