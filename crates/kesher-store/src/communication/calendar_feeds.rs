//! Calendar feeds: secret addresses a calendar program subscribes to, each for one person's
//! meetings in an initiative, one body's, or the whole initiative's.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Actor, SecretDigest, StoreResult};

pub use kesher_domain::meetings::FeedScope;

/// A live calendar feed (its secret is never kept, only its digest).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct CalendarFeed {
    pub id: CalendarFeedId,
    pub user_id: UserId,
    pub initiative_id: InitiativeId,
    pub scope: FeedScope,
    /// The body's name, for a body's feed.
    pub body_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[async_trait]
pub trait CalendarFeedStore: Send + Sync {
    /// A new feed of `user` with the digest of its secret.
    async fn create_calendar_feed(
        &self,
        actor: Actor,
        user: UserId,
        initiative: InitiativeId,
        scope: FeedScope,
        digest: &SecretDigest,
    ) -> StoreResult<CalendarFeed>;
    /// The live feed whose secret has `digest`.
    async fn calendar_feed(&self, digest: &SecretDigest) -> StoreResult<Option<CalendarFeed>>;
    async fn calendar_feed_by_id(&self, id: CalendarFeedId) -> StoreResult<CalendarFeed>;
    /// A person's live feeds in an initiative, oldest first.
    async fn calendar_feeds(
        &self,
        user: UserId,
        initiative: InitiativeId,
    ) -> StoreResult<Vec<CalendarFeed>>;
    /// Stops a feed: its address answers 404 from now on.
    async fn revoke_calendar_feed(&self, actor: Actor, id: CalendarFeedId) -> StoreResult<()>;
}
