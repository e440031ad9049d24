//! Joint funding requests and the funders' answers to them.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use kesher_domain::activities::funding::{
    FundingRequestInput, Interest, PledgeInput, RequestStatus,
};
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Actor, StoreResult};

/// One funder's answer to a request. Funders alone read these; core hides them from
/// everyone else.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Pledge {
    pub organization_id: OrganizationId,
    pub organization_name: String,
    pub interest: Interest,
    /// Shekels pledged.
    pub amount: Option<i64>,
    pub note: Option<String>,
    pub updated_at: DateTime<Utc>,
}

/// A request with every answer it has had.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct FundingRequest {
    pub id: FundingRequestId,
    pub initiative_id: InitiativeId,
    pub organization_id: OrganizationId,
    pub organization_name: String,
    pub title: String,
    pub description: String,
    /// Shekels asked for.
    pub amount: i64,
    pub result_ids: Vec<ResultNodeId>,
    pub needed_by: Option<NaiveDate>,
    pub status: RequestStatus,
    /// By the funder's name.
    pub pledges: Vec<Pledge>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[async_trait]
pub trait FundingRequestStore: Send + Sync {
    /// A new request. Its organization and nodes must be the initiative's.
    async fn create_funding_request(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &FundingRequestInput,
    ) -> StoreResult<FundingRequest>;
    /// Replaces the request's details; the answers stay.
    async fn edit_funding_request(
        &self,
        actor: Actor,
        id: FundingRequestId,
        input: &FundingRequestInput,
    ) -> StoreResult<FundingRequest>;
    async fn delete_funding_request(&self, actor: Actor, id: FundingRequestId) -> StoreResult<()>;
    /// A funder's answer, replacing its earlier one. The funder must be the initiative's.
    /// The audit log keeps who answered and their interest, never the amount or the note:
    /// those are for funders only, and the backbone reads the log.
    async fn answer_funding_request(
        &self,
        actor: Actor,
        id: FundingRequestId,
        answer: &PledgeInput,
    ) -> StoreResult<FundingRequest>;
    async fn funding_request(&self, id: FundingRequestId) -> StoreResult<FundingRequest>;
    /// The initiative's requests, newest first.
    async fn funding_requests(&self, initiative: InitiativeId) -> StoreResult<Vec<FundingRequest>>;
}
