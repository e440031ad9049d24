//! Changes in the field.

use async_trait::async_trait;
use chrono::Utc;
use kesher_domain::agenda::FieldChangeInput;
use kesher_domain::*;
use kesher_store::{Actor, AuditAction, FieldChange, FieldChangeStore, StoreError, StoreResult};
use sqlx::SqliteConnection;
use sqlx::sqlite::SqliteRow;

use crate::audit::{commit_delete, commit_update, record_in};
use crate::owned::{Owned, check_owned};
use crate::rows::{get, timestamp};
use crate::{SqliteStore, backend};

macro_rules! field_change_select {
    () => {
        "SELECT f.*, o.name AS organization_name, r.title AS result_title FROM field_changes f
         JOIN organizations o ON o.id = f.organization_id
         LEFT JOIN result_nodes r ON r.id = f.result_id "
    };
}

fn field_change(row: &SqliteRow) -> Result<FieldChange, StoreError> {
    Ok(FieldChange {
        id: FieldChangeId::new(get(row, "id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        organization_id: OrganizationId::new(get(row, "organization_id")?),
        organization_name: get(row, "organization_name")?,
        result_id: get::<Option<i64>>(row, "result_id")?.map(ResultNodeId::new),
        result_title: get(row, "result_title")?,
        before: get(row, "before_text")?,
        now: get(row, "now_text")?,
        noted_on: get(row, "noted_on")?,
        created_at: timestamp(row, "created_at")?,
        updated_at: timestamp(row, "updated_at")?,
    })
}

async fn fetch_field_change(
    conn: &mut SqliteConnection,
    id: FieldChangeId,
) -> StoreResult<FieldChange> {
    let row = sqlx::query(concat!(field_change_select!(), "WHERE f.id = ?1"))
        .bind(id.get())
        .fetch_optional(conn)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
    field_change(&row)
}

async fn check_field_change_references(
    conn: &mut SqliteConnection,
    initiative: InitiativeId,
    input: &FieldChangeInput,
) -> StoreResult<()> {
    check_owned(conn, Owned::Organization(input.organization_id), initiative).await?;
    if let Some(result) = input.result_id {
        check_owned(conn, Owned::Result(result), initiative).await?;
    }
    Ok(())
}

#[async_trait]
impl FieldChangeStore for SqliteStore {
    async fn create_field_change(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &FieldChangeInput,
    ) -> StoreResult<FieldChange> {
        let mut tx = self.write().await?;
        check_field_change_references(&mut tx, initiative, input).await?;
        let now = Utc::now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO field_changes (initiative_id, organization_id, result_id, before_text, now_text, noted_on,
                 created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) RETURNING id",
        )
        .bind(initiative.get())
        .bind(input.organization_id.get())
        .bind(input.result_id.map(ResultNodeId::get))
        .bind(&input.before)
        .bind(&input.now)
        .bind(input.noted_on)
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        let created = fetch_field_change(&mut tx, FieldChangeId::new(id)).await?;
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("field_change", id),
            AuditAction::Create,
            None,
            Some(&created),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn update_field_change(
        &self,
        actor: Actor,
        id: FieldChangeId,
        input: &FieldChangeInput,
    ) -> StoreResult<FieldChange> {
        let mut tx = self.write().await?;
        let before = fetch_field_change(&mut tx, id).await?;
        check_field_change_references(&mut tx, before.initiative_id, input).await?;
        sqlx::query(
            "UPDATE field_changes SET organization_id = ?1, result_id = ?2, before_text = ?3, now_text = ?4, noted_on = ?5,
                 updated_at = ?6
             WHERE id = ?7",
        )
        .bind(input.organization_id.get())
        .bind(input.result_id.map(ResultNodeId::get))
        .bind(&input.before)
        .bind(&input.now)
        .bind(input.noted_on)
        .bind(Utc::now())
        .bind(id.get())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        let after = fetch_field_change(&mut tx, id).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("field_change", id.get()),
            before,
            after,
        )
        .await
    }

    async fn delete_field_change(&self, actor: Actor, id: FieldChangeId) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let before = fetch_field_change(&mut tx, id).await?;
        let statement = "DELETE FROM field_changes WHERE id = ?1";
        commit_delete(
            tx,
            actor,
            before.initiative_id,
            statement,
            ("field_change", id.get()),
            &before,
        )
        .await
    }

    async fn field_change(&self, id: FieldChangeId) -> StoreResult<FieldChange> {
        let mut conn = self.read().await?;
        fetch_field_change(&mut conn, id).await
    }

    async fn field_changes(&self, initiative: InitiativeId) -> StoreResult<Vec<FieldChange>> {
        let mut conn = self.read().await?;
        sqlx::query(concat!(
            field_change_select!(),
            "WHERE f.initiative_id = ?1 ORDER BY f.noted_on DESC, f.id DESC"
        ))
        .bind(initiative.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?
        .iter()
        .map(field_change)
        .collect()
    }
}
