//! Notifications, the choices about them, and unsubscribe links.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kesher_domain::{InitiativeId, NotificationId, UserId};
use kesher_store::{
    Actor, AuditAction, NewMail, NewNotification, Notification, NotificationMode,
    NotificationStore, SecretDigest, StoreError, StoreResult,
};
use sqlx::SqliteConnection;
use sqlx::sqlite::SqliteRow;

use super::insert_mail;
use crate::audit::{self, Change};
use crate::rows::{get, timestamp};
use crate::{SqliteStore, backend};

fn notification(row: &SqliteRow) -> Result<Notification, StoreError> {
    Ok(Notification {
        id: NotificationId::new(get(row, "id")?),
        user_id: UserId::new(get(row, "user_id")?),
        initiative_id: get::<Option<i64>>(row, "initiative_id")?.map(InitiativeId::new),
        kind: get(row, "kind")?,
        text: get(row, "text")?,
        link: get(row, "link")?,
        created_at: timestamp(row, "created_at")?,
        mailed_at: get(row, "mailed_at")?,
    })
}

async fn keep_link(
    conn: &mut SqliteConnection,
    user: UserId,
    kind: &str,
    digest: &SecretDigest,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO unsubscribe_links (digest, user_id, kind, created_at) VALUES (?1, ?2, ?3, ?4)",
    )
    .bind(&digest.0)
    .bind(user.get())
    .bind(kind)
    .bind(Utc::now())
    .execute(conn)
    .await
    .map_err(backend)?;
    Ok(())
}

#[async_trait]
impl NotificationStore for SqliteStore {
    async fn notification_modes(
        &self,
        user: UserId,
    ) -> StoreResult<Vec<(String, NotificationMode)>> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT kind, mode FROM notification_settings WHERE user_id = ?1 ORDER BY kind",
        )
        .bind(user.get())
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        rows.into_iter()
            .map(|(kind, mode)| {
                NotificationMode::parse(&mode)
                    .map(|m| (kind, m))
                    .ok_or_else(|| StoreError::Backend(format!("unknown mode {mode:?}")))
            })
            .collect()
    }

    async fn set_notification_mode(
        &self,
        actor: Actor,
        user: UserId,
        kind: &str,
        mode: NotificationMode,
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        sqlx::query(
            "INSERT INTO notification_settings (user_id, kind, mode) VALUES (?1, ?2, ?3)
             ON CONFLICT (user_id, kind) DO UPDATE SET mode = excluded.mode",
        )
        .bind(user.get())
        .bind(kind)
        .bind(mode.code())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        let after = serde_json::json!({ "notifications": { kind: mode.code() } });
        audit::record::<(), _>(
            &mut tx,
            actor,
            Change {
                initiative: None,
                entity: "user",
                entity_id: user.get(),
                action: AuditAction::Update,
                before: None,
                after: Some(&after),
            },
        )
        .await?;
        tx.commit().await.map_err(backend)
    }

    async fn record_notification(
        &self,
        new: &NewNotification,
        mail: Option<(&NewMail, &SecretDigest)>,
    ) -> StoreResult<Notification> {
        let mut tx = self.write().await?;
        let now = Utc::now();
        let row = sqlx::query(
            "INSERT INTO notifications (user_id, initiative_id, kind, text, link, created_at, mailed_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING *",
        )
        .bind(new.user_id.get())
        .bind(new.initiative_id.map(InitiativeId::get))
        .bind(&new.kind)
        .bind(&new.text)
        .bind(&new.link)
        .bind(now)
        .bind(mail.map(|_| now))
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        let kept = notification(&row)?;
        if let Some((message, link)) = mail {
            insert_mail(&mut tx, message).await?;
            keep_link(&mut tx, new.user_id, &new.kind, link).await?;
        }
        tx.commit().await.map_err(backend)?;
        Ok(kept)
    }

    async fn undigested_notifications(&self) -> StoreResult<Vec<Notification>> {
        let rows = sqlx::query("SELECT * FROM notifications WHERE mailed_at IS NULL ORDER BY id")
            .fetch_all(&self.pool)
            .await
            .map_err(backend)?;
        rows.iter().map(notification).collect()
    }

    async fn recent_notifications(
        &self,
        user: UserId,
        initiative: InitiativeId,
        since: DateTime<Utc>,
        limit: u32,
    ) -> StoreResult<Vec<Notification>> {
        let rows = sqlx::query(
            "SELECT * FROM notifications WHERE user_id = ?1 AND initiative_id = ?2 AND created_at >= ?3
             ORDER BY id DESC LIMIT ?4",
        )
        .bind(user.get())
        .bind(initiative.get())
        .bind(since)
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        rows.iter().map(notification).collect()
    }

    async fn mark_digested(
        &self,
        ids: &[NotificationId],
        mail: &NewMail,
        unsubscribe: &[(String, SecretDigest)],
        at: DateTime<Utc>,
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let mut user = None;
        for id in ids {
            let owner: Option<i64> = sqlx::query_scalar(
                "UPDATE notifications SET mailed_at = ?1 WHERE id = ?2 AND mailed_at IS NULL
                 RETURNING user_id",
            )
            .bind(at)
            .bind(id.get())
            .fetch_optional(&mut *tx)
            .await
            .map_err(backend)?;
            // Gathered by another digest meanwhile: nothing is sent twice.
            let owner = owner.ok_or(StoreError::Conflict(kesher_store::Conflict::Transition))?;
            user = Some(UserId::new(owner));
        }
        let Some(user) = user else {
            return Ok(());
        };
        insert_mail(&mut tx, mail).await?;
        for (kind, digest) in unsubscribe {
            keep_link(&mut tx, user, kind, digest).await?;
        }
        tx.commit().await.map_err(backend)
    }

    async fn unsubscribe_target(
        &self,
        digest: &SecretDigest,
    ) -> StoreResult<Option<(UserId, String)>> {
        let row: Option<(i64, String)> =
            sqlx::query_as("SELECT user_id, kind FROM unsubscribe_links WHERE digest = ?1")
                .bind(&digest.0)
                .fetch_optional(&self.pool)
                .await
                .map_err(backend)?;
        Ok(row.map(|(user, kind)| (UserId::new(user), kind)))
    }
}
