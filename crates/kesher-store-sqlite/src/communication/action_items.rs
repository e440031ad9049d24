//! Action items of meetings.

use async_trait::async_trait;
use chrono::{NaiveDateTime, Utc};
use kesher_domain::meetings::{ActionItemInput, ActionOwner, ActionStatus};
use kesher_domain::*;
use kesher_store::{
    ActionItem, ActionItemFilter, ActionItemStore, Actor, AuditAction, StoreError, StoreResult,
};
use sqlx::SqliteConnection;
use sqlx::sqlite::SqliteRow;

use super::LOCAL_TIME;
use crate::audit::{commit_update, record_in};
use crate::owned::{Owned, check_owned};
use crate::rows::{get, timestamp};
use crate::{SqliteStore, backend};

/// An action item with its meeting, body and owner's names. The owning organization is
/// the owner itself or the owning person's.
macro_rules! action_select {
    () => {
        "SELECT a.*, m.number AS meeting_number, m.starts_at AS meeting_starts_at,
        m.body_id, b.name AS body_name, b.initiative_id,
        p.name AS owner_person_name, o.id AS owning_organization_id, o.name AS owning_organization_name
    FROM action_items a
    JOIN meetings m ON m.id = a.meeting_id
    JOIN bodies b ON b.id = m.body_id
    LEFT JOIN people p ON p.id = a.owner_person_id
    JOIN organizations o ON o.id = coalesce(a.owner_organization_id, p.organization_id) "
    };
}

fn action_item(row: &SqliteRow) -> Result<ActionItem, StoreError> {
    let starts_at: String = get(row, "meeting_starts_at")?;
    Ok(ActionItem {
        id: ActionItemId::new(get(row, "id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        meeting_id: MeetingId::new(get(row, "meeting_id")?),
        body_id: BodyId::new(get(row, "body_id")?),
        body_name: get(row, "body_name")?,
        meeting_number: get::<i64>(row, "meeting_number")? as u32,
        meeting_starts_at: NaiveDateTime::parse_from_str(&starts_at, LOCAL_TIME)
            .map_err(|_| StoreError::Backend("a meeting's time does not read".into()))?,
        title: get(row, "title")?,
        owner_person_id: get::<Option<i64>>(row, "owner_person_id")?.map(PersonId::new),
        owner_person_name: get(row, "owner_person_name")?,
        owner_organization_id: OrganizationId::new(get(row, "owning_organization_id")?),
        owner_organization_name: get(row, "owning_organization_name")?,
        due_on: get(row, "due_on")?,
        result_id: get::<Option<i64>>(row, "result_id")?.map(ResultNodeId::new),
        indicator_id: get::<Option<i64>>(row, "indicator_id")?.map(IndicatorId::new),
        done_at: get(row, "done_at")?,
        done_note: get(row, "done_note")?,
        created_at: timestamp(row, "created_at")?,
        updated_at: timestamp(row, "updated_at")?,
    })
}

async fn fetch(conn: &mut SqliteConnection, id: ActionItemId) -> StoreResult<ActionItem> {
    let row = sqlx::query(concat!(action_select!(), "WHERE a.id = ?1"))
        .bind(id.get())
        .fetch_optional(conn)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
    action_item(&row)
}

#[async_trait]
impl ActionItemStore for SqliteStore {
    async fn create_action_item(
        &self,
        actor: Actor,
        meeting: MeetingId,
        input: &ActionItemInput,
    ) -> StoreResult<ActionItem> {
        let mut tx = self.write().await?;
        let initiative: i64 = sqlx::query_scalar(
            "SELECT b.initiative_id FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = ?1",
        )
        .bind(meeting.get())
        .fetch_optional(&mut *tx)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
        let initiative = InitiativeId::new(initiative);
        let (person, organization) = match input.owner {
            ActionOwner::Person(p) => {
                check_owned(&mut tx, Owned::Person(p), initiative).await?;
                (Some(p.get()), None)
            }
            ActionOwner::Organization(o) => {
                check_owned(&mut tx, Owned::Organization(o), initiative).await?;
                (None, Some(o.get()))
            }
        };
        if let Some(result) = input.result_id {
            check_owned(&mut tx, Owned::Result(result), initiative).await?;
        }
        if let Some(indicator) = input.indicator_id {
            check_owned(&mut tx, Owned::Indicator(indicator), initiative).await?;
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO action_items (meeting_id, title, owner_person_id, owner_organization_id,
                 due_on, result_id, indicator_id, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) RETURNING id",
        )
        .bind(meeting.get())
        .bind(&input.title)
        .bind(person)
        .bind(organization)
        .bind(input.due_on)
        .bind(input.result_id.map(ResultNodeId::get))
        .bind(input.indicator_id.map(IndicatorId::get))
        .bind(Utc::now())
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        let created = fetch(&mut tx, ActionItemId::new(id)).await?;
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("action_item", id),
            AuditAction::Create,
            None,
            Some(&created),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn action_item(&self, id: ActionItemId) -> StoreResult<ActionItem> {
        let mut conn = self.read().await?;
        fetch(&mut conn, id).await
    }

    async fn set_action_status(
        &self,
        actor: Actor,
        id: ActionItemId,
        status: &ActionStatus,
    ) -> StoreResult<ActionItem> {
        let mut tx = self.write().await?;
        let before = fetch(&mut tx, id).await?;
        let now = Utc::now();
        // Marking done twice keeps the first moment it was done, unless a day is given.
        sqlx::query(
            "UPDATE action_items SET done_at = CASE WHEN ?1 THEN coalesce(?5, done_at, ?2) END,
                 done_note = ?3, updated_at = ?2 WHERE id = ?4",
        )
        .bind(status.done)
        .bind(now)
        .bind(&status.note)
        .bind(id.get())
        .bind(status.done_at)
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        let after = fetch(&mut tx, id).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("action_item", id.get()),
            before,
            after,
        )
        .await
    }

    async fn action_items(
        &self,
        initiative: InitiativeId,
        filter: &ActionItemFilter,
    ) -> StoreResult<Vec<ActionItem>> {
        let mut conn = self.read().await?;
        let rows = sqlx::query(concat!(
            action_select!(),
            "WHERE b.initiative_id = ?1
               AND (?2 IS NULL OR m.body_id = ?2)
               AND (?3 IS NULL OR a.meeting_id = ?3)
               AND (?4 IS NULL OR a.owner_person_id = ?4)
               AND (?5 IS NULL OR o.id = ?5)
               AND (NOT ?6 OR a.done_at IS NULL)
             ORDER BY a.done_at IS NOT NULL, a.due_on IS NULL, a.due_on, a.id"
        ))
        .bind(initiative.get())
        .bind(filter.body.map(BodyId::get))
        .bind(filter.meeting.map(MeetingId::get))
        .bind(filter.person.map(PersonId::get))
        .bind(filter.organization.map(OrganizationId::get))
        .bind(filter.open_only)
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?;
        rows.iter().map(action_item).collect()
    }
}
