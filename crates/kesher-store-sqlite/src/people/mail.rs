//! The outbox.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kesher_domain::{InitiativeId, MailId};
use kesher_store::{Mail, MailCalendar, MailStore, NewMail, StoreError, StoreResult};
use sqlx::SqliteConnection;
use sqlx::sqlite::SqliteRow;

use crate::rows::{get, timestamp};
use crate::{SqliteStore, backend};

fn mail(row: &SqliteRow) -> Result<Mail, StoreError> {
    Ok(Mail {
        id: MailId::new(get(row, "id")?),
        initiative_id: get::<Option<i64>>(row, "initiative_id")?.map(InitiativeId::new),
        kind: get(row, "kind")?,
        to_address: get(row, "to_address")?,
        subject: get(row, "subject")?,
        text_body: get(row, "text_body")?,
        html_body: get(row, "html_body")?,
        list_unsubscribe: get(row, "list_unsubscribe")?,
        calendar: match (
            get::<Option<String>>(row, "calendar_method")?,
            get::<Option<String>>(row, "calendar")?,
        ) {
            (Some(method), Some(text)) => Some(MailCalendar { method, text }),
            _ => None,
        },
        created_at: timestamp(row, "created_at")?,
        attempts: get(row, "attempts")?,
        next_attempt_at: get(row, "next_attempt_at")?,
        sent_at: get(row, "sent_at")?,
        last_error: get(row, "last_error")?,
    })
}

/// Queues a message inside the caller's transaction, due at once.
pub(crate) async fn insert_mail(conn: &mut SqliteConnection, new: &NewMail) -> StoreResult<Mail> {
    let now = Utc::now();
    let row = sqlx::query(
        "INSERT INTO mail_outbox (initiative_id, kind, to_address, subject, text_body, html_body,
                                  list_unsubscribe, created_at, next_attempt_at, calendar_method, calendar)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?10) RETURNING *",
    )
    .bind(new.initiative_id.map(InitiativeId::get))
    .bind(&new.kind)
    .bind(&new.to_address)
    .bind(&new.subject)
    .bind(&new.text_body)
    .bind(&new.html_body)
    .bind(&new.list_unsubscribe)
    .bind(now)
    .bind(new.calendar.as_ref().map(|c| c.method.as_str()))
    .bind(new.calendar.as_ref().map(|c| c.text.as_str()))
    .fetch_one(conn)
    .await
    .map_err(backend)?;
    mail(&row)
}

#[async_trait]
impl MailStore for SqliteStore {
    async fn queue_mail(&self, new: &NewMail) -> StoreResult<Mail> {
        let mut tx = self.write().await?;
        let queued = insert_mail(&mut tx, new).await?;
        tx.commit().await.map_err(backend)?;
        Ok(queued)
    }

    async fn due_mail(&self, now: DateTime<Utc>, limit: u32) -> StoreResult<Vec<Mail>> {
        let rows = sqlx::query(
            "SELECT * FROM mail_outbox WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= ?1
             ORDER BY id LIMIT ?2",
        )
        .bind(now)
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        rows.iter().map(mail).collect()
    }

    async fn mark_mail_sent(&self, id: MailId, at: DateTime<Utc>) -> StoreResult<()> {
        let done = sqlx::query(
            "UPDATE mail_outbox SET sent_at = ?1, next_attempt_at = NULL, attempts = attempts + 1,
                    text_body = '', html_body = '', list_unsubscribe = NULL, calendar = NULL,
                    calendar_method = NULL, last_error = NULL
             WHERE id = ?2",
        )
        .bind(at)
        .bind(id.get())
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    async fn mark_mail_failed(
        &self,
        id: MailId,
        error: &str,
        retry_at: Option<DateTime<Utc>>,
    ) -> StoreResult<()> {
        let done = sqlx::query(
            "UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?1, next_attempt_at = ?2
             WHERE id = ?3",
        )
        .bind(error)
        .bind(retry_at)
        .bind(id.get())
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    async fn outbox(&self, initiative: Option<InitiativeId>, limit: u32) -> StoreResult<Vec<Mail>> {
        let rows = sqlx::query(
            "SELECT * FROM mail_outbox WHERE ?1 IS NULL OR initiative_id = ?1
             ORDER BY id DESC LIMIT ?2",
        )
        .bind(initiative.map(InitiativeId::get))
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        rows.iter().map(mail).collect()
    }
}
