//! Organizations' signatures on versions of the agenda.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use kesher_domain::agenda::EndorsementInput;
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Actor, StoreResult};

/// An organization's signature on a version of the agenda.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Endorsement {
    pub id: EndorsementId,
    pub initiative_id: InitiativeId,
    pub organization_id: OrganizationId,
    pub organization_name: String,
    pub agenda_version_id: AgendaVersionId,
    /// The version's number.
    pub version: u32,
    pub signed_on: NaiveDate,
    pub signed_by: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// The endorsements of an initiative. Records it refers to by id must belong to the
/// same initiative, or the write is refused with `Conflict::WrongInitiative`.
#[async_trait]
pub trait EndorsementStore: Send + Sync {
    /// Refused with `NotFound` for a version number the initiative does not have, and with
    /// `Conflict::InUse` when the organization already signed that version.
    async fn create_endorsement(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &EndorsementInput,
    ) -> StoreResult<Endorsement>;
    async fn delete_endorsement(&self, actor: Actor, id: EndorsementId) -> StoreResult<()>;
    async fn endorsement(&self, id: EndorsementId) -> StoreResult<Endorsement>;
    async fn endorsements(&self, initiative: InitiativeId) -> StoreResult<Vec<Endorsement>>;
}
