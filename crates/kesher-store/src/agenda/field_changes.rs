//! What organizations changed in the field because of the agenda.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use kesher_domain::agenda::FieldChangeInput;
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Actor, StoreResult};

/// What an organization changed in the field because of the agenda.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct FieldChange {
    pub id: FieldChangeId,
    pub initiative_id: InitiativeId,
    pub organization_id: OrganizationId,
    pub organization_name: String,
    pub result_id: Option<ResultNodeId>,
    pub result_title: Option<String>,
    pub before: String,
    pub now: String,
    pub noted_on: NaiveDate,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The field changes of an initiative. Records it refers to by id must belong to the
/// same initiative, or the write is refused with `Conflict::WrongInitiative`.
#[async_trait]
pub trait FieldChangeStore: Send + Sync {
    async fn create_field_change(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &FieldChangeInput,
    ) -> StoreResult<FieldChange>;
    async fn update_field_change(
        &self,
        actor: Actor,
        id: FieldChangeId,
        input: &FieldChangeInput,
    ) -> StoreResult<FieldChange>;
    async fn delete_field_change(&self, actor: Actor, id: FieldChangeId) -> StoreResult<()>;
    async fn field_change(&self, id: FieldChangeId) -> StoreResult<FieldChange>;
    /// Newest first.
    async fn field_changes(&self, initiative: InitiativeId) -> StoreResult<Vec<FieldChange>>;
}
