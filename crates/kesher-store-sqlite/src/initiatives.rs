//! Initiatives.

use async_trait::async_trait;
use chrono::Utc;
use kesher_domain::InitiativeId;
use kesher_domain::network::InitiativeInput;
use kesher_store::{Actor, AuditAction, Initiative, InitiativeStore, StoreError, StoreResult};
use sqlx::SqliteConnection;
use sqlx::sqlite::SqliteRow;

use crate::audit::{self, Change};
use crate::rows::{get, timestamp};
use crate::{SqliteStore, backend};

fn initiative(row: &SqliteRow) -> Result<Initiative, StoreError> {
    Ok(Initiative {
        id: InitiativeId::new(get(row, "id")?),
        name: get(row, "name")?,
        description: get(row, "description")?,
        parent_id: get::<Option<i64>>(row, "parent_id")?.map(InitiativeId::new),
        created_at: timestamp(row, "created_at")?,
        updated_at: timestamp(row, "updated_at")?,
    })
}

async fn fetch(conn: &mut SqliteConnection, id: InitiativeId) -> StoreResult<Initiative> {
    let row = sqlx::query("SELECT * FROM initiatives WHERE id = ?1")
        .bind(id.get())
        .fetch_optional(conn)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
    initiative(&row)
}

#[async_trait]
impl InitiativeStore for SqliteStore {
    async fn create_initiative(
        &self,
        actor: Actor,
        input: &InitiativeInput,
    ) -> StoreResult<Initiative> {
        let mut tx = self.write().await?;
        if let Some(parent) = input.parent_id {
            fetch(&mut tx, parent).await?;
        }
        let now = Utc::now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO initiatives (name, description, parent_id, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?4) RETURNING id",
        )
        .bind(input.name.as_str())
        .bind(&input.description)
        .bind(input.parent_id.map(InitiativeId::get))
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        let created = fetch(&mut tx, InitiativeId::new(id)).await?;
        audit::record::<(), _>(
            &mut tx,
            actor,
            Change {
                initiative: Some(created.id),
                entity: "initiative",
                entity_id: id,
                action: AuditAction::Create,
                before: None,
                after: Some(&created),
            },
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn update_initiative(
        &self,
        actor: Actor,
        id: InitiativeId,
        input: &InitiativeInput,
    ) -> StoreResult<Initiative> {
        let mut tx = self.write().await?;
        let before = fetch(&mut tx, id).await?;
        if let Some(parent) = input.parent_id {
            fetch(&mut tx, parent).await?;
        }
        sqlx::query(
            "UPDATE initiatives SET name = ?1, description = ?2, parent_id = ?3, updated_at = ?4 WHERE id = ?5",
        )
        .bind(input.name.as_str())
        .bind(&input.description)
        .bind(input.parent_id.map(InitiativeId::get))
        .bind(Utc::now())
        .bind(id.get())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        let after = fetch(&mut tx, id).await?;
        if audit::unchanged(&before, &after) {
            tx.rollback().await.map_err(backend)?;
            return Ok(before);
        }
        audit::record(
            &mut tx,
            actor,
            Change {
                initiative: Some(id),
                entity: "initiative",
                entity_id: id.get(),
                action: AuditAction::Update,
                before: Some(&before),
                after: Some(&after),
            },
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(after)
    }

    async fn initiative(&self, id: InitiativeId) -> StoreResult<Initiative> {
        let mut conn = self.read().await?;
        fetch(&mut conn, id).await
    }

    async fn list_initiatives(&self) -> StoreResult<Vec<Initiative>> {
        let mut conn = self.read().await?;
        let rows = sqlx::query("SELECT * FROM initiatives ORDER BY id")
            .fetch_all(&mut *conn)
            .await
            .map_err(backend)?;
        rows.iter().map(initiative).collect()
    }
}
