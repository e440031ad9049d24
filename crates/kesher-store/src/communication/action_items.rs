//! Action items: what a meeting asked someone to do, by when, and whether it was done.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use kesher_domain::meetings::{ActionItemInput, ActionStatus};
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Actor, StoreResult};

/// An action item, with the meeting that gave it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct ActionItem {
    pub id: ActionItemId,
    pub initiative_id: InitiativeId,
    pub meeting_id: MeetingId,
    pub body_id: BodyId,
    pub body_name: String,
    pub meeting_number: u32,
    /// When the meeting that gave it started (Israel's local time).
    #[schema(value_type = String, example = "2027-01-10T17:00:00")]
    pub meeting_starts_at: NaiveDateTime,
    pub title: String,
    /// The person who carries it, when a person does.
    pub owner_person_id: Option<PersonId>,
    pub owner_person_name: Option<String>,
    /// The organization that carries it: the owner itself, or the owning person's.
    pub owner_organization_id: OrganizationId,
    pub owner_organization_name: String,
    pub due_on: Option<NaiveDate>,
    pub result_id: Option<ResultNodeId>,
    pub indicator_id: Option<IndicatorId>,
    /// When it was marked done; `None` while open.
    pub done_at: Option<DateTime<Utc>>,
    /// What was done (or why it was opened again).
    pub done_note: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Which action items to list; every criterion given must hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActionItemFilter {
    pub body: Option<BodyId>,
    pub meeting: Option<MeetingId>,
    /// Carried by this person.
    pub person: Option<PersonId>,
    /// Carried by this organization, or by one of its people.
    pub organization: Option<OrganizationId>,
    pub open_only: bool,
}

/// The action items of the initiative's meetings. Owners, results and indicators named
/// must belong to the meeting's initiative, or the write is refused with
/// `Conflict::WrongInitiative`.
#[async_trait]
pub trait ActionItemStore: Send + Sync {
    async fn create_action_item(
        &self,
        actor: Actor,
        meeting: MeetingId,
        input: &ActionItemInput,
    ) -> StoreResult<ActionItem>;
    async fn action_item(&self, id: ActionItemId) -> StoreResult<ActionItem>;
    /// Marks it done with a note, or open again.
    async fn set_action_status(
        &self,
        actor: Actor,
        id: ActionItemId,
        status: &ActionStatus,
    ) -> StoreResult<ActionItem>;
    /// The initiative's action items that pass `filter`: open ones first, then by due date
    /// (undated last), then in the order they were given.
    async fn action_items(
        &self,
        initiative: InitiativeId,
        filter: &ActionItemFilter,
    ) -> StoreResult<Vec<ActionItem>>;
}
