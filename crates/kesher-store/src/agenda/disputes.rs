//! Open questions and disputes about the agenda, with each side's position.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kesher_domain::agenda::{DisputeInput, DisputeStatus, DisputeStatusInput, PositionInput};
use kesher_domain::network::Sector;
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Actor, StoreResult};

/// One side's position in a dispute.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Position {
    pub id: PositionId,
    pub organization_id: Option<OrganizationId>,
    pub organization_name: Option<String>,
    /// The person who stated it (unknown for positions stated before authors were kept).
    pub author_id: Option<UserId>,
    pub author_name: Option<String>,
    pub position: String,
    pub created_at: DateTime<Utc>,
}

/// A moment in a dispute's life: opened, resolved, reopened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct DisputeEvent {
    pub at: DateTime<Utc>,
    pub actor_name: Option<String>,
    pub status: DisputeStatus,
    pub note: Option<String>,
}

/// An open question or dispute about the agenda.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Dispute {
    pub id: DisputeId,
    pub initiative_id: InitiativeId,
    pub question: String,
    pub raised_by_organization_id: Option<OrganizationId>,
    pub raised_by_organization_name: Option<String>,
    pub raised_by_sector: Option<Sector>,
    pub status: DisputeStatus,
    pub decision_ids: Vec<DecisionId>,
    pub positions: Vec<Position>,
    /// Oldest first; the first is the opening.
    pub history: Vec<DisputeEvent>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The disputes of an initiative. Records it refers to by id must belong to the
/// same initiative, or the write is refused with `Conflict::WrongInitiative`.
#[async_trait]
pub trait DisputeStore: Send + Sync {
    /// Opens a dispute; its history starts with the opening.
    async fn create_dispute(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &DisputeInput,
    ) -> StoreResult<Dispute>;
    async fn update_dispute(
        &self,
        actor: Actor,
        id: DisputeId,
        input: &DisputeInput,
    ) -> StoreResult<Dispute>;
    async fn add_position(
        &self,
        actor: Actor,
        dispute: DisputeId,
        input: &PositionInput,
    ) -> StoreResult<Dispute>;
    /// Resolves or reopens; refused with `Conflict::InUse` when the status cannot follow the
    /// current one (see `DisputeStatus::can_become`).
    async fn change_dispute_status(
        &self,
        actor: Actor,
        id: DisputeId,
        input: &DisputeStatusInput,
    ) -> StoreResult<Dispute>;
    async fn dispute(&self, id: DisputeId) -> StoreResult<Dispute>;
    /// Newest first.
    async fn disputes(&self, initiative: InitiativeId) -> StoreResult<Vec<Dispute>>;
}
