//! Appending to and reading the audit log.

use async_trait::async_trait;
use chrono::Utc;
use kesher_domain::{AuditEntryId, InitiativeId, UserId};
use kesher_store::{
    Actor, AuditAction, AuditEntry, AuditFilter, AuditStore, StoreError, StoreResult,
};
use serde::Serialize;
use sqlx::sqlite::SqliteRow;
use sqlx::{Sqlite, SqliteConnection, Transaction};

use crate::rows::{get, timestamp};
use crate::{SqliteStore, backend};

/// One change to record, inside the transaction that makes it.
pub(crate) struct Change<'a, B: Serialize, A: Serialize> {
    pub initiative: Option<InitiativeId>,
    pub entity: &'static str,
    pub entity_id: i64,
    pub action: AuditAction,
    pub before: Option<&'a B>,
    pub after: Option<&'a A>,
}

pub(crate) async fn record<B: Serialize, A: Serialize>(
    conn: &mut SqliteConnection,
    actor: Actor,
    change: Change<'_, B, A>,
) -> Result<(), StoreError> {
    let before = change
        .before
        .map(serde_json::to_string)
        .transpose()
        .map_err(|e| StoreError::Backend(e.to_string()))?;
    let after = change
        .after
        .map(serde_json::to_string)
        .transpose()
        .map_err(|e| StoreError::Backend(e.to_string()))?;
    sqlx::query(
        "INSERT INTO audit_log (at, actor_id, initiative_id, entity, entity_id, action, before_json, after_json, actor_note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )
    .bind(Utc::now())
    .bind(actor.user_id().map(UserId::get))
    .bind(change.initiative.map(InitiativeId::get))
    .bind(change.entity)
    .bind(change.entity_id)
    .bind(change.action.code())
    .bind(before)
    .bind(after)
    .bind(actor.operator_name().map(|o| format!("command line ({o})")))
    .execute(conn)
    .await
    .map_err(backend)?;
    Ok(())
}

/// Whether an update changed nothing but its timestamp. Such a save is rolled back: the
/// record keeps its time and the log does not fill with empty entries.
pub(crate) fn unchanged<T: Serialize>(before: &T, after: &T) -> bool {
    let strip = |value: &T| {
        let mut json = serde_json::to_value(value).unwrap_or_default();
        if let Some(object) = json.as_object_mut() {
            object.remove("updated_at");
        }
        json
    };
    strip(before) == strip(after)
}

fn entry(row: &SqliteRow) -> Result<AuditEntry, StoreError> {
    let parse_json = |raw: Option<String>| -> Result<Option<serde_json::Value>, StoreError> {
        raw.map(|s| serde_json::from_str(&s))
            .transpose()
            .map_err(|e| StoreError::Backend(e.to_string()))
    };
    let action: String = get(row, "action")?;
    Ok(AuditEntry {
        id: AuditEntryId::new(get(row, "id")?),
        at: timestamp(row, "at")?,
        actor_id: get::<Option<i64>>(row, "actor_id")?.map(UserId::new),
        actor_name: get(row, "actor_name")?,
        initiative_id: get::<Option<i64>>(row, "initiative_id")?.map(InitiativeId::new),
        entity: get(row, "entity")?,
        entity_id: get(row, "entity_id")?,
        action: AuditAction::parse(&action)
            .ok_or_else(|| StoreError::Backend(format!("unknown audit action {action:?}")))?,
        before: parse_json(get(row, "before_json")?)?,
        after: parse_json(get(row, "after_json")?)?,
    })
}

#[async_trait]
impl AuditStore for SqliteStore {
    async fn audit_entries(&self, filter: &AuditFilter) -> StoreResult<Vec<AuditEntry>> {
        let mut conn = self.read().await?;
        // The subjects travel as one JSON array so the statement stays fixed.
        let subjects = serde_json::to_string(
            &filter
                .subjects
                .iter()
                .map(|(entity, id)| format!("{entity}:{id}"))
                .collect::<Vec<_>>(),
        )
        .map_err(|e| StoreError::Backend(e.to_string()))?;
        let limit = if filter.limit == 0 { 200 } else { filter.limit };
        let rows = sqlx::query(
            "SELECT a.*, coalesce(u.name, a.actor_note) AS actor_name FROM audit_log a
             LEFT JOIN users u ON u.id = a.actor_id
             WHERE (?1 IS NULL OR a.initiative_id = ?1)
               AND (?2 = '[]' OR (a.entity || ':' || a.entity_id) IN (SELECT value FROM json_each(?2)))
             ORDER BY a.id DESC
             LIMIT ?3",
        )
        .bind(filter.initiative_id.map(InitiativeId::get))
        .bind(subjects)
        .bind(i64::from(limit))
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?;
        rows.iter().map(entry).collect()
    }

    async fn data_version(&self, initiative: InitiativeId) -> StoreResult<i64> {
        let version: Option<i64> =
            sqlx::query_scalar("SELECT MAX(id) FROM audit_log WHERE initiative_id = ?1")
                .bind(initiative.get())
                .fetch_one(&self.pool)
                .await
                .map_err(backend)?;
        Ok(version.unwrap_or(0))
    }
}

/// Appends an audit entry about `subject` (entity name and id) in the initiative.
pub(crate) async fn record_in<B: Serialize, A: Serialize>(
    conn: &mut SqliteConnection,
    actor: Actor,
    initiative: InitiativeId,
    subject: (&'static str, i64),
    action: AuditAction,
    before: Option<&B>,
    after: Option<&A>,
) -> StoreResult<()> {
    let (entity, entity_id) = subject;
    record(
        conn,
        actor,
        Change {
            initiative: Some(initiative),
            entity,
            entity_id,
            action,
            before,
            after,
        },
    )
    .await
}

/// Ends an update: when the record reads as it did (its `updated_at` aside), nothing is
/// written and nothing is logged; otherwise the audit entry joins the same transaction.
pub(crate) async fn commit_update<T: Serialize>(
    mut tx: Transaction<'static, Sqlite>,
    actor: Actor,
    initiative: InitiativeId,
    subject: (&'static str, i64),
    before: T,
    after: T,
) -> StoreResult<T> {
    if unchanged(&before, &after) {
        tx.rollback().await.map_err(backend)?;
        return Ok(before);
    }
    let action = AuditAction::Update;
    record_in(
        &mut tx,
        actor,
        initiative,
        subject,
        action,
        Some(&before),
        Some(&after),
    )
    .await?;
    tx.commit().await.map_err(backend)?;
    Ok(after)
}

/// Deletes the subject's row with `statement` (which takes the id as `?1`) and logs what it
/// held, in the same transaction.
pub(crate) async fn commit_delete<T: Serialize>(
    mut tx: Transaction<'static, Sqlite>,
    actor: Actor,
    initiative: InitiativeId,
    statement: &'static str,
    subject: (&'static str, i64),
    before: &T,
) -> StoreResult<()> {
    sqlx::query(statement)
        .bind(subject.1)
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
    let action = AuditAction::Delete;
    record_in::<_, ()>(
        &mut tx,
        actor,
        initiative,
        subject,
        action,
        Some(before),
        None,
    )
    .await?;
    tx.commit().await.map_err(backend)
}
