//! The storage of the common agenda: records and the `AgendaStore` trait.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use kesher_domain::agenda::{
    AdoptionInput, AgendaInput, Boundary, DecisionInput, DecisionKind, DefinitionInput,
    DisputeInput, DisputeStatus, DisputeStatusInput, EndorsementInput, FieldChangeInput,
    PositionInput, ResultInput, ResultKind, ResultStatus,
};
use kesher_domain::network::Sector;
use kesher_domain::text::Name;
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Actor, StoreResult};

/// One saved version of the agenda statements and boundaries. Versions never change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct AgendaVersion {
    pub id: AgendaVersionId,
    pub initiative_id: InitiativeId,
    /// 1, 2, 3… within the initiative.
    pub number: u32,
    pub problem: Option<String>,
    pub vision: Option<String>,
    pub vision_year: Option<i32>,
    pub mission: Option<String>,
    pub overarching_goal: Option<String>,
    /// What this revision changed.
    pub note: Option<String>,
    pub boundaries: Vec<Boundary>,
    /// Who saved it.
    pub created_by: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A node of the results tree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct ResultNode {
    pub id: ResultNodeId,
    pub initiative_id: InitiativeId,
    pub parent_id: Option<ResultNodeId>,
    /// Order among its siblings, from 0.
    pub position: u32,
    pub kind: ResultKind,
    pub title: String,
    pub description: Option<String>,
    pub owner_body_id: Option<BodyId>,
    pub owner_body_name: Option<String>,
    /// Standard codes (periphery, girls, arab_sector, haredi_sector) and the initiative's own.
    pub populations: Vec<String>,
    pub subjects: Vec<String>,
    pub age_bands: Vec<String>,
    pub status: ResultStatus,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One version of a term's definition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Definition {
    pub id: DefinitionId,
    pub term_id: TermId,
    /// 1, 2, 3… within the term.
    pub number: u32,
    pub definition: String,
    pub proposed_by_organization_id: Option<OrganizationId>,
    pub proposed_by_organization_name: Option<String>,
    /// The account that entered the proposal.
    pub proposed_by_user: Option<String>,
    /// When this version was adopted, and by which body.
    pub adopted_on: Option<NaiveDate>,
    pub adopted_by_body_id: Option<BodyId>,
    pub adopted_by_body_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// An agreed term of the glossary, with every version of its definition, oldest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct GlossaryTerm {
    pub id: TermId,
    pub initiative_id: InitiativeId,
    pub term: String,
    pub definitions: Vec<Definition>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl GlossaryTerm {
    /// The definition in force: the latest adopted one.
    pub fn adopted(&self) -> Option<&Definition> {
        self.definitions
            .iter()
            .rev()
            .find(|d| d.adopted_on.is_some())
    }
}

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
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One side's position in a dispute.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Position {
    pub id: PositionId,
    pub organization_id: Option<OrganizationId>,
    pub organization_name: Option<String>,
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

/// The common agenda. Records referred to by id (a body, an organization, a node, a term,
/// a decision) must belong to the same initiative, or the write is refused with
/// `Conflict::WrongInitiative` (or `NotFound` when they do not exist).
#[async_trait]
pub trait AgendaStore: Send + Sync {
    /// Saves the statements as the initiative's next version.
    async fn create_agenda_version(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &AgendaInput,
    ) -> StoreResult<AgendaVersion>;
    /// Every version, oldest first.
    async fn agenda_versions(&self, initiative: InitiativeId) -> StoreResult<Vec<AgendaVersion>>;
    async fn agenda_version(&self, id: AgendaVersionId) -> StoreResult<AgendaVersion>;

    /// Adds a node as the last child of its parent (or last at the top).
    async fn create_result(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &ResultInput,
    ) -> StoreResult<ResultNode>;
    /// Changes a node's content; its place changes only through [`AgendaStore::move_result`].
    async fn update_result(
        &self,
        actor: Actor,
        id: ResultNodeId,
        input: &ResultInput,
    ) -> StoreResult<ResultNode>;
    /// Moves a node (with its subtree) under `parent` at `index`; refuses cycles. Returns the
    /// whole tree after the move.
    async fn move_result(
        &self,
        actor: Actor,
        id: ResultNodeId,
        parent: Option<ResultNodeId>,
        index: usize,
    ) -> StoreResult<Vec<ResultNode>>;
    /// Refused with `Conflict::InUse` while the node has children.
    async fn delete_result(&self, actor: Actor, id: ResultNodeId) -> StoreResult<()>;
    async fn result(&self, id: ResultNodeId) -> StoreResult<ResultNode>;
    /// The initiative's nodes, by parent and position.
    async fn results(&self, initiative: InitiativeId) -> StoreResult<Vec<ResultNode>>;

    async fn create_term(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        term: &Name,
        first: &DefinitionInput,
    ) -> StoreResult<GlossaryTerm>;
    async fn rename_term(&self, actor: Actor, id: TermId, term: &Name)
    -> StoreResult<GlossaryTerm>;
    /// Adds a definition as the term's next version (not yet adopted).
    async fn add_definition(
        &self,
        actor: Actor,
        term: TermId,
        input: &DefinitionInput,
    ) -> StoreResult<GlossaryTerm>;
    async fn adopt_definition(
        &self,
        actor: Actor,
        id: DefinitionId,
        input: &AdoptionInput,
    ) -> StoreResult<GlossaryTerm>;
    async fn term(&self, id: TermId) -> StoreResult<GlossaryTerm>;
    async fn term_of_definition(&self, id: DefinitionId) -> StoreResult<GlossaryTerm>;
    async fn terms(&self, initiative: InitiativeId) -> StoreResult<Vec<GlossaryTerm>>;

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
