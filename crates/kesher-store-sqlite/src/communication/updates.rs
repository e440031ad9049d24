//! Updates and whom they reached.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kesher_domain::updates::{Audience, AudienceKind, UpdateInput};
use kesher_domain::*;
use kesher_store::{
    Actor, AuditAction, Conflict, SecretDigest, StoreError, StoreResult, Update, UpdateRecipient,
    UpdateStore,
};
use sqlx::SqliteConnection;
use sqlx::sqlite::SqliteRow;

use crate::audit::{commit_delete, commit_update, record_in};
use crate::owned::{Owned, check_owned};
use crate::people::insert_mail;
use crate::rows::{choice, get, timestamp};
use crate::{SqliteStore, backend};

macro_rules! update_select {
    () => {
        "SELECT u.*, b.name AS body_name,
            (SELECT group_concat(person_id) FROM update_people p WHERE p.update_id = u.id) AS person_ids,
            (SELECT count(*) FROM update_recipients r WHERE r.update_id = u.id) AS recipients
         FROM updates u LEFT JOIN bodies b ON b.id = u.body_id "
    };
}

fn update(row: &SqliteRow) -> Result<Update, StoreError> {
    let people: Option<String> = get(row, "person_ids")?;
    let mut person_ids: Vec<PersonId> = people
        .unwrap_or_default()
        .split(',')
        .filter_map(|id| id.parse().ok())
        .map(PersonId::new)
        .collect();
    person_ids.sort();
    let reported: String = get(row, "reported")?;
    let reported: Vec<(i64, String)> = serde_json::from_str(&reported)
        .map_err(|_| StoreError::Backend("an update's figures do not read".into()))?;
    Ok(Update {
        id: UpdateId::new(get(row, "id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        title: get(row, "title")?,
        text: get(row, "text")?,
        audience: choice(row, "audience", AudienceKind::parse)?,
        body_id: get::<Option<i64>>(row, "body_id")?.map(BodyId::new),
        body_name: get(row, "body_name")?,
        person_ids,
        created_at: timestamp(row, "created_at")?,
        updated_at: timestamp(row, "updated_at")?,
        sent_at: get(row, "sent_at")?,
        recipients: get::<i64>(row, "recipients")? as u32,
        reported: reported
            .into_iter()
            .map(|(indicator, period)| (IndicatorId::new(indicator), period))
            .collect(),
    })
}

async fn fetch(conn: &mut SqliteConnection, id: UpdateId) -> StoreResult<Update> {
    let row = sqlx::query(concat!(update_select!(), "WHERE u.id = ?1"))
        .bind(id.get())
        .fetch_optional(conn)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
    update(&row)
}

/// A draft, or `Conflict::Transition` for a sent update.
async fn fetch_draft(conn: &mut SqliteConnection, id: UpdateId) -> StoreResult<Update> {
    let found = fetch(conn, id).await?;
    if found.sent_at.is_some() {
        return Err(StoreError::Conflict(Conflict::Transition));
    }
    Ok(found)
}

/// Checks the audience belongs to the initiative and writes its body and people.
async fn write_audience(
    conn: &mut SqliteConnection,
    id: i64,
    initiative: InitiativeId,
    audience: &Audience,
) -> StoreResult<()> {
    let body = match audience {
        Audience::Body(body) => {
            check_owned(conn, Owned::Body(*body), initiative).await?;
            Some(body.get())
        }
        _ => None,
    };
    sqlx::query("UPDATE updates SET audience = ?1, body_id = ?2 WHERE id = ?3")
        .bind(audience.kind().code())
        .bind(body)
        .bind(id)
        .execute(&mut *conn)
        .await
        .map_err(backend)?;
    sqlx::query("DELETE FROM update_people WHERE update_id = ?1")
        .bind(id)
        .execute(&mut *conn)
        .await
        .map_err(backend)?;
    if let Audience::Custom(people) = audience {
        for person in people {
            check_owned(conn, Owned::Person(*person), initiative).await?;
            sqlx::query("INSERT INTO update_people (update_id, person_id) VALUES (?1, ?2)")
                .bind(id)
                .bind(person.get())
                .execute(&mut *conn)
                .await
                .map_err(backend)?;
        }
    }
    Ok(())
}

#[async_trait]
impl UpdateStore for SqliteStore {
    async fn create_update(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &UpdateInput,
    ) -> StoreResult<Update> {
        let mut tx = self.write().await?;
        // Written as partners first, so that the audience's own check runs in one place.
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO updates (initiative_id, title, text, audience, created_at, updated_at)
             VALUES (?1, ?2, ?3, 'partners', ?4, ?4) RETURNING id",
        )
        .bind(initiative.get())
        .bind(&input.title)
        .bind(&input.text)
        .bind(Utc::now())
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        write_audience(&mut tx, id, initiative, &input.audience).await?;
        let created = fetch(&mut tx, UpdateId::new(id)).await?;
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("update", id),
            AuditAction::Create,
            None,
            Some(&created),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn edit_update(
        &self,
        actor: Actor,
        id: UpdateId,
        input: &UpdateInput,
    ) -> StoreResult<Update> {
        let mut tx = self.write().await?;
        let before = fetch_draft(&mut tx, id).await?;
        sqlx::query("UPDATE updates SET title = ?1, text = ?2, updated_at = ?3 WHERE id = ?4")
            .bind(&input.title)
            .bind(&input.text)
            .bind(Utc::now())
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        write_audience(&mut tx, id.get(), before.initiative_id, &input.audience).await?;
        let after = fetch(&mut tx, id).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("update", id.get()),
            before,
            after,
        )
        .await
    }

    async fn delete_update(&self, actor: Actor, id: UpdateId) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let before = fetch_draft(&mut tx, id).await?;
        commit_delete(
            tx,
            actor,
            before.initiative_id,
            "DELETE FROM updates WHERE id = ?1",
            ("update", id.get()),
            &before,
        )
        .await
    }

    async fn update(&self, id: UpdateId) -> StoreResult<Update> {
        let mut conn = self.read().await?;
        fetch(&mut conn, id).await
    }

    async fn updates(&self, initiative: InitiativeId) -> StoreResult<Vec<Update>> {
        let mut conn = self.read().await?;
        sqlx::query(concat!(
            update_select!(),
            "WHERE u.initiative_id = ?1 ORDER BY coalesce(u.sent_at, u.updated_at) DESC, u.id DESC"
        ))
        .bind(initiative.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?
        .iter()
        .map(update)
        .collect()
    }

    async fn send_update(
        &self,
        actor: Actor,
        id: UpdateId,
        recipients: &[UpdateRecipient],
        reported: &[(IndicatorId, String)],
    ) -> StoreResult<Update> {
        let mut tx = self.write().await?;
        let before = fetch_draft(&mut tx, id).await?;
        for recipient in recipients {
            check_owned(
                &mut tx,
                Owned::Person(recipient.person_id),
                before.initiative_id,
            )
            .await?;
            sqlx::query(
                "INSERT INTO update_recipients (update_id, person_id, stop_digest) VALUES (?1, ?2, ?3)",
            )
            .bind(id.get())
            .bind(recipient.person_id.get())
            .bind(&recipient.stop_digest.0)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
            if let Some(mail) = &recipient.mail {
                insert_mail(&mut tx, mail).await?;
            }
        }
        let reported: Vec<(i64, &str)> = reported
            .iter()
            .map(|(indicator, period)| (indicator.get(), period.as_str()))
            .collect();
        let reported =
            serde_json::to_string(&reported).map_err(|e| StoreError::Backend(e.to_string()))?;
        sqlx::query("UPDATE updates SET sent_at = ?1, reported = ?2 WHERE id = ?3")
            .bind(Utc::now())
            .bind(reported)
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        let after = fetch(&mut tx, id).await?;
        record_in(
            &mut tx,
            actor,
            before.initiative_id,
            ("update", id.get()),
            AuditAction::Update,
            Some(&before),
            Some(&after),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(after)
    }

    async fn update_stop_link(&self, digest: &SecretDigest) -> StoreResult<Option<PersonId>> {
        let mut conn = self.read().await?;
        let person: Option<i64> =
            sqlx::query_scalar("SELECT person_id FROM update_recipients WHERE stop_digest = ?1")
                .bind(&digest.0)
                .fetch_optional(&mut *conn)
                .await
                .map_err(backend)?;
        Ok(person.map(PersonId::new))
    }

    async fn stop_updates(&self, digest: &SecretDigest) -> StoreResult<Option<PersonId>> {
        let mut tx = self.write().await?;
        let found: Option<(i64, i64)> = sqlx::query_as(
            "SELECT p.id, p.initiative_id FROM update_recipients r JOIN people p ON p.id = r.person_id
             WHERE r.stop_digest = ?1",
        )
        .bind(&digest.0)
        .fetch_optional(&mut *tx)
        .await
        .map_err(backend)?;
        let Some((person, initiative)) = found else {
            return Ok(None);
        };
        let changed = sqlx::query(
            "UPDATE people SET updates_stopped_at = ?1 WHERE id = ?2 AND updates_stopped_at IS NULL",
        )
        .bind(Utc::now())
        .bind(person)
        .execute(&mut *tx)
        .await
        .map_err(backend)?
        .rows_affected();
        if changed > 0 {
            // The person asked through their own link, with no account: the system writes it.
            record_in(
                &mut tx,
                Actor::system(),
                InitiativeId::new(initiative),
                ("person", person),
                AuditAction::Update,
                Some(&serde_json::json!({"updates": true})),
                Some(&serde_json::json!({"updates": false})),
            )
            .await?;
        }
        tx.commit().await.map_err(backend)?;
        Ok(Some(PersonId::new(person)))
    }

    async fn people_without_updates(&self, initiative: InitiativeId) -> StoreResult<Vec<PersonId>> {
        let mut conn = self.read().await?;
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM people WHERE initiative_id = ?1 AND updates_stopped_at IS NOT NULL ORDER BY id",
        )
        .bind(initiative.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?;
        Ok(ids.into_iter().map(PersonId::new).collect())
    }

    async fn last_update_received(
        &self,
        initiative: InitiativeId,
    ) -> StoreResult<Vec<(PersonId, DateTime<Utc>)>> {
        let mut conn = self.read().await?;
        let rows: Vec<(i64, DateTime<Utc>)> = sqlx::query_as(
            "SELECT r.person_id, max(u.sent_at) FROM update_recipients r
             JOIN updates u ON u.id = r.update_id
             WHERE u.initiative_id = ?1 GROUP BY r.person_id ORDER BY r.person_id",
        )
        .bind(initiative.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?;
        Ok(rows
            .into_iter()
            .map(|(person, at)| (PersonId::new(person), at))
            .collect())
    }
}
