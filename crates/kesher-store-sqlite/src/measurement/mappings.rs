//! Saved column mappings.

use async_trait::async_trait;
use chrono::Utc;
use kesher_domain::*;
use kesher_store::{
    Actor, AuditAction, ColumnMapping, ColumnMappingStore, StoreError, StoreResult,
};
use sqlx::sqlite::SqliteRow;

use crate::audit::record_in;
use crate::rows::{get, timestamp};
use crate::{SqliteStore, backend};

fn column_mapping(row: &SqliteRow) -> StoreResult<ColumnMapping> {
    let raw: String = get(row, "mapping")?;
    Ok(ColumnMapping {
        id: ColumnMappingId::new(get(row, "id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        purpose: get(row, "purpose")?,
        name: get(row, "name")?,
        mapping: serde_json::from_str(&raw).map_err(|e| StoreError::Backend(e.to_string()))?,
        updated_at: timestamp(row, "updated_at")?,
    })
}

#[async_trait]
impl ColumnMappingStore for SqliteStore {
    async fn save_column_mapping(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        purpose: &str,
        name: &str,
        mapping: &serde_json::Value,
    ) -> StoreResult<ColumnMapping> {
        let mut tx = self.write().await?;
        let row = sqlx::query(
            "INSERT INTO column_mappings (initiative_id, purpose, name, mapping, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (initiative_id, purpose, name) DO UPDATE SET mapping = excluded.mapping,
                 updated_at = excluded.updated_at
             RETURNING *",
        )
        .bind(initiative.get())
        .bind(purpose)
        .bind(name)
        .bind(mapping.to_string())
        .bind(Utc::now())
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        let saved = column_mapping(&row)?;
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("column_mapping", saved.id.get()),
            AuditAction::Update,
            None,
            Some(&saved),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(saved)
    }

    async fn column_mappings(&self, initiative: InitiativeId) -> StoreResult<Vec<ColumnMapping>> {
        sqlx::query("SELECT * FROM column_mappings WHERE initiative_id = ?1 ORDER BY purpose, name")
            .bind(initiative.get())
            .fetch_all(&self.pool)
            .await
            .map_err(backend)?
            .iter()
            .map(column_mapping)
            .collect()
    }
}
