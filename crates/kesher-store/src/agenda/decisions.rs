//! The decision log.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use kesher_domain::agenda::{DecisionInput, DecisionKind};
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Actor, StoreResult};

/// A decision in the log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Decision {
    pub id: DecisionId,
    pub initiative_id: InitiativeId,
    pub body_id: Option<BodyId>,
    pub body_name: Option<String>,
    pub decided_on: NaiveDate,
    pub kind: DecisionKind,
    pub text: String,
    /// The decision was taken but stays disputed.
    pub contested: bool,
    pub result_ids: Vec<ResultNodeId>,
    pub term_ids: Vec<TermId>,
    /// The meeting that took it, when it was recorded at one.
    pub meeting_id: Option<MeetingId>,
    /// That meeting's number within its body ("steering committee 3").
    pub meeting_number: Option<u32>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The decisions of an initiative. Records it refers to by id must belong to the
/// same initiative, or the write is refused with `Conflict::WrongInitiative`.
#[async_trait]
pub trait DecisionStore: Send + Sync {
    async fn create_decision(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &DecisionInput,
    ) -> StoreResult<Decision>;
    async fn update_decision(
        &self,
        actor: Actor,
        id: DecisionId,
        input: &DecisionInput,
    ) -> StoreResult<Decision>;
    async fn delete_decision(&self, actor: Actor, id: DecisionId) -> StoreResult<()>;
    async fn decision(&self, id: DecisionId) -> StoreResult<Decision>;
    /// Newest first.
    async fn decisions(&self, initiative: InitiativeId) -> StoreResult<Vec<Decision>>;
}
