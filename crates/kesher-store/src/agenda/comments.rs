//! Comments on a version of the agenda: what members, partners and the backbone say about a
//! draft before it is endorsed.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kesher_domain::agenda::CommentInput;
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Actor, StoreResult};

/// One comment on a version of the agenda, with its author and the organization it speaks
/// for (none: the author's own voice).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct AgendaComment {
    pub id: AgendaCommentId,
    pub agenda_version_id: AgendaVersionId,
    pub comment: String,
    pub author_id: Option<UserId>,
    pub author_name: Option<String>,
    pub organization_id: Option<OrganizationId>,
    pub organization_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// The comments of an agenda version. The organization a comment names must belong to the
/// version's initiative, or the write is refused with `Conflict::WrongInitiative`.
#[async_trait]
pub trait AgendaCommentStore: Send + Sync {
    /// Adds a comment in the actor's name.
    async fn add_agenda_comment(
        &self,
        actor: Actor,
        version: AgendaVersionId,
        input: &CommentInput,
    ) -> StoreResult<AgendaComment>;
    /// Oldest first.
    async fn agenda_comments(&self, version: AgendaVersionId) -> StoreResult<Vec<AgendaComment>>;
}
