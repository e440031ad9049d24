//! Partners' commitments and their reports.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use kesher_domain::activities::commitments::{
    CommitmentInput, CommitmentKind, CommitmentVisibility, Fulfilment, FulfilmentInput,
};
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Actor, StoreResult};

/// A partner's commitment, with its last report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Commitment {
    pub id: CommitmentId,
    pub initiative_id: InitiativeId,
    pub organization_id: OrganizationId,
    pub organization_name: String,
    /// The goal, lever or action component it serves.
    pub result_id: ResultNodeId,
    pub kind: CommitmentKind,
    pub promise: String,
    pub amount: i64,
    /// What an activity's amount counts; money counts shekels, people count people.
    pub unit: Option<String>,
    pub due: NaiveDate,
    pub visibility: CommitmentVisibility,
    pub status: Fulfilment,
    pub delivered: Option<i64>,
    pub evidence: Option<String>,
    pub evidence_url: Option<String>,
    /// The day of the last report.
    pub reported_on: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[async_trait]
pub trait CommitmentStore: Send + Sync {
    /// A new, open commitment. Its organization and node must be the initiative's
    /// (`Conflict::WrongInitiative` otherwise).
    async fn create_commitment(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &CommitmentInput,
    ) -> StoreResult<Commitment>;
    /// Replaces what was promised; its report stays.
    async fn edit_commitment(
        &self,
        actor: Actor,
        id: CommitmentId,
        input: &CommitmentInput,
    ) -> StoreResult<Commitment>;
    /// Records how it was kept, on `day`; a report of `open` clears the last one.
    async fn report_commitment(
        &self,
        actor: Actor,
        id: CommitmentId,
        report: &FulfilmentInput,
        day: NaiveDate,
    ) -> StoreResult<Commitment>;
    async fn delete_commitment(&self, actor: Actor, id: CommitmentId) -> StoreResult<()>;
    async fn commitment(&self, id: CommitmentId) -> StoreResult<Commitment>;
    /// The initiative's commitments, soonest due first.
    async fn commitments(&self, initiative: InitiativeId) -> StoreResult<Vec<Commitment>>;
}
