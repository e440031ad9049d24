//! Shared measurement in SQLite, one file per entity: places, groups, indicators with
//! targets and rules, data values with their sources and history, saved column mappings,
//! the report card and the settings.

use kesher_domain::Invalid;
use kesher_domain::measurement::period::Period;
use kesher_domain::measurement::values::ValueState;
use kesher_store::{StoreError, StoreResult};
use sqlx::sqlite::SqliteRow;

use crate::rows::get;

/// The start of a query reading data sources with the name of the account that sent each.
macro_rules! source_select {
    () => {
        "SELECT s.*, u.name AS created_by_name FROM data_sources s LEFT JOIN users u ON u.id = s.created_by "
    };
}

mod indicators;
mod mappings;
mod place_groups;
mod places;
mod report_card;
mod rules;
mod settings;
mod sources;
mod values;

use places::import_place_rows;
use sources::data_source;

fn period_of(row: &SqliteRow, column: &str) -> StoreResult<Period> {
    let key: i64 = get(row, column)?;
    Period::from_key(key).ok_or_else(|| StoreError::Backend(format!("bad period {key}")))
}

fn optional_choice<T>(
    row: &SqliteRow,
    column: &str,
    parse: impl Fn(&str) -> Result<T, Invalid>,
) -> StoreResult<Option<T>> {
    let raw: Option<String> = get(row, column)?;
    raw.map(|raw| {
        parse(&raw).map_err(|_| StoreError::Backend(format!("unknown code {raw:?} in {column}")))
    })
    .transpose()
}

fn state_of(row: &SqliteRow) -> StoreResult<ValueState> {
    let n: i64 = get(row, "state")?;
    ValueState::from_number(n).ok_or_else(|| StoreError::Backend(format!("bad state {n}")))
}
