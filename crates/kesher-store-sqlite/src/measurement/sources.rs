//! Where values came from.

use async_trait::async_trait;
use kesher_domain::measurement::values::SourceKind;
use kesher_domain::*;
use kesher_store::{DataSource, DataSourceStore, StoreError, StoreResult};
use sqlx::sqlite::SqliteRow;

use crate::rows::{choice, get, timestamp};
use crate::{SqliteStore, backend};

pub(super) fn data_source(row: &SqliteRow) -> StoreResult<DataSource> {
    Ok(DataSource {
        id: DataSourceId::new(get(row, "id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        kind: choice(row, "kind", SourceKind::parse)?,
        name: get(row, "name")?,
        created_by: get(row, "created_by_name")?,
        created_at: timestamp(row, "created_at")?,
        rows: get::<i64>(row, "rows")?.max(0) as u64,
    })
}

#[async_trait]
impl DataSourceStore for SqliteStore {
    async fn data_source(&self, id: DataSourceId) -> StoreResult<DataSource> {
        let row = sqlx::query(concat!(source_select!(), "WHERE s.id = ?1"))
            .bind(id.get())
            .fetch_optional(&self.pool)
            .await
            .map_err(backend)?
            .ok_or(StoreError::NotFound)?;
        data_source(&row)
    }

    async fn data_sources(&self, initiative: InitiativeId) -> StoreResult<Vec<DataSource>> {
        sqlx::query(concat!(
            source_select!(),
            "WHERE s.initiative_id = ?1 ORDER BY s.id DESC"
        ))
        .bind(initiative.get())
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?
        .iter()
        .map(data_source)
        .collect()
    }
}
