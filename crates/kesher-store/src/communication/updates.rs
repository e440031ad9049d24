//! Updates: what the backbone tells an audience (all partners, a body, the funders, people
//! chosen one by one), drafted, then sent once and kept in an archive.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kesher_domain::updates::{AudienceKind, UpdateInput};
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Actor, NewMail, SecretDigest, StoreResult};

/// An update, a draft until it is sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Update {
    pub id: UpdateId,
    pub initiative_id: InitiativeId,
    pub title: String,
    /// Markdown.
    pub text: String,
    pub audience: AudienceKind,
    /// The body, for an audience of one body.
    pub body_id: Option<BodyId>,
    pub body_name: Option<String>,
    /// The people, for a custom audience.
    pub person_ids: Vec<PersonId>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    /// How many people it was sent to.
    pub recipients: u32,
    /// The headline figures it could report when it was sent (indicator, period code):
    /// the next update's draft offers only newer ones. Kesher's own bookkeeping.
    #[serde(skip)]
    #[schema(ignore)]
    pub reported: Vec<(IndicatorId, String)>,
}

/// One person an update goes to, with the digest of their link to stop updates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UpdateRecipient {
    pub person_id: PersonId,
    /// The message to queue; `None` records the reach of an update sent before Kesher
    /// (the demo's history).
    pub mail: Option<NewMail>,
    pub stop_digest: SecretDigest,
}

#[async_trait]
pub trait UpdateStore: Send + Sync {
    /// A new draft. The body and the people of its audience must be the initiative's.
    async fn create_update(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &UpdateInput,
    ) -> StoreResult<Update>;
    /// Changes a draft; a sent update is `Conflict::Transition`.
    async fn edit_update(
        &self,
        actor: Actor,
        id: UpdateId,
        input: &UpdateInput,
    ) -> StoreResult<Update>;
    /// Deletes a draft; a sent update is `Conflict::Transition`.
    async fn delete_update(&self, actor: Actor, id: UpdateId) -> StoreResult<()>;
    async fn update(&self, id: UpdateId) -> StoreResult<Update>;
    /// The initiative's updates, newest first (drafts by when they were last changed).
    async fn updates(&self, initiative: InitiativeId) -> StoreResult<Vec<Update>>;
    /// Sends a draft: queues one message per recipient, keeps whom it reached and the
    /// figures it could report, all in one transaction. A sent one is `Conflict::Transition`.
    async fn send_update(
        &self,
        actor: Actor,
        id: UpdateId,
        recipients: &[UpdateRecipient],
        reported: &[(IndicatorId, String)],
    ) -> StoreResult<Update>;
    /// The person whose link to stop updates has `digest`, if any (reading changes nothing).
    async fn update_stop_link(&self, digest: &SecretDigest) -> StoreResult<Option<PersonId>>;
    /// Stops updates to the person whose link has `digest`; `None` for an unknown link.
    async fn stop_updates(&self, digest: &SecretDigest) -> StoreResult<Option<PersonId>>;
    /// The initiative's people who stopped receiving updates.
    async fn people_without_updates(&self, initiative: InitiativeId) -> StoreResult<Vec<PersonId>>;
    /// When each person of the initiative last received an update.
    async fn last_update_received(
        &self,
        initiative: InitiativeId,
    ) -> StoreResult<Vec<(PersonId, DateTime<Utc>)>>;
}
