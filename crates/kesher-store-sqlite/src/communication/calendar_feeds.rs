//! Calendar feeds.

use async_trait::async_trait;
use chrono::Utc;
use kesher_domain::*;
use kesher_store::{
    Actor, AuditAction, CalendarFeed, CalendarFeedStore, FeedScope, SecretDigest, StoreError,
    StoreResult,
};
use sqlx::SqliteConnection;
use sqlx::sqlite::SqliteRow;

use crate::audit::record_in;
use crate::owned::{Owned, check_owned};
use crate::rows::{get, timestamp};
use crate::{SqliteStore, backend};

macro_rules! feed_select {
    () => {
        "SELECT f.*, b.name AS body_name FROM calendar_feeds f
         LEFT JOIN bodies b ON b.id = f.body_id "
    };
}

fn feed(row: &SqliteRow) -> Result<CalendarFeed, StoreError> {
    let scope: String = get(row, "scope")?;
    let body: Option<i64> = get(row, "body_id")?;
    Ok(CalendarFeed {
        id: CalendarFeedId::new(get(row, "id")?),
        user_id: UserId::new(get(row, "user_id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        scope: match (scope.as_str(), body) {
            ("body", Some(body)) => FeedScope::Body(BodyId::new(body)),
            ("mine", _) => FeedScope::Mine,
            ("initiative", _) => FeedScope::Initiative,
            _ => {
                return Err(StoreError::Backend(
                    "a calendar feed's scope does not read".into(),
                ));
            }
        },
        body_name: get(row, "body_name")?,
        created_at: timestamp(row, "created_at")?,
    })
}

async fn fetch(conn: &mut SqliteConnection, id: CalendarFeedId) -> StoreResult<CalendarFeed> {
    let row = sqlx::query(concat!(
        feed_select!(),
        "WHERE f.id = ?1 AND f.revoked_at IS NULL"
    ))
    .bind(id.get())
    .fetch_optional(conn)
    .await
    .map_err(backend)?
    .ok_or(StoreError::NotFound)?;
    feed(&row)
}

#[async_trait]
impl CalendarFeedStore for SqliteStore {
    async fn create_calendar_feed(
        &self,
        actor: Actor,
        user: UserId,
        initiative: InitiativeId,
        scope: FeedScope,
        digest: &SecretDigest,
    ) -> StoreResult<CalendarFeed> {
        let mut tx = self.write().await?;
        let (code, body) = match scope {
            FeedScope::Mine => ("mine", None),
            FeedScope::Body(body) => {
                check_owned(&mut tx, Owned::Body(body), initiative).await?;
                ("body", Some(body.get()))
            }
            FeedScope::Initiative => ("initiative", None),
        };
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO calendar_feeds (digest, user_id, initiative_id, scope, body_id, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
        )
        .bind(&digest.0)
        .bind(user.get())
        .bind(initiative.get())
        .bind(code)
        .bind(body)
        .bind(Utc::now())
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        let created = fetch(&mut tx, CalendarFeedId::new(id)).await?;
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("calendar_feed", id),
            AuditAction::Create,
            None,
            Some(&created),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn calendar_feed(&self, digest: &SecretDigest) -> StoreResult<Option<CalendarFeed>> {
        let mut conn = self.read().await?;
        sqlx::query(concat!(
            feed_select!(),
            "WHERE f.digest = ?1 AND f.revoked_at IS NULL"
        ))
        .bind(&digest.0)
        .fetch_optional(&mut *conn)
        .await
        .map_err(backend)?
        .as_ref()
        .map(feed)
        .transpose()
    }

    async fn calendar_feed_by_id(&self, id: CalendarFeedId) -> StoreResult<CalendarFeed> {
        let mut conn = self.read().await?;
        fetch(&mut conn, id).await
    }

    async fn calendar_feeds(
        &self,
        user: UserId,
        initiative: InitiativeId,
    ) -> StoreResult<Vec<CalendarFeed>> {
        let mut conn = self.read().await?;
        sqlx::query(concat!(
            feed_select!(),
            "WHERE f.user_id = ?1 AND f.initiative_id = ?2 AND f.revoked_at IS NULL ORDER BY f.id"
        ))
        .bind(user.get())
        .bind(initiative.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?
        .iter()
        .map(feed)
        .collect()
    }

    async fn revoke_calendar_feed(&self, actor: Actor, id: CalendarFeedId) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let before = fetch(&mut tx, id).await?;
        sqlx::query("UPDATE calendar_feeds SET revoked_at = ?1 WHERE id = ?2")
            .bind(Utc::now())
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        record_in::<_, ()>(
            &mut tx,
            actor,
            before.initiative_id,
            ("calendar_feed", id.get()),
            AuditAction::Delete,
            Some(&before),
            None,
        )
        .await?;
        tx.commit().await.map_err(backend)
    }
}
