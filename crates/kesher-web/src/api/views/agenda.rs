//! The API's view of the common agenda: versions, the results tree, the glossary, decisions,
//! disputes, endorsements and changes in the field. Each type mirrors its record field by
//! field today; it is its own type so that a change in storage cannot change `/api/v1` unseen.

use chrono::{DateTime, NaiveDate, Utc};
use kesher_core::agenda::{BoundaryChange, StatementDiff};
use kesher_domain::agenda::*;
use kesher_domain::network::Sector;
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::*;

/// One saved version of the agenda statements and boundaries. Versions never change.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct AgendaVersion {
    pub id: AgendaVersionId,
    pub initiative_id: InitiativeId,
    /// 1, 2, 3… within the initiative: the order of saving.
    pub number: u32,
    /// What people call it: "2", or "2.1" for a wording-only mend of version 2.
    pub label: String,
    pub problem: Option<String>,
    pub vision: Option<String>,
    pub vision_year: Option<i32>,
    pub mission: Option<String>,
    pub overarching_goal: Option<String>,
    /// What this revision changed.
    pub note: Option<String>,
    /// It mended the wording only (a minor version): endorsements carry over.
    pub wording_only: bool,
    pub boundaries: Vec<Boundary>,
    /// Who saved it.
    pub created_by: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl From<kesher_store::AgendaVersion> for AgendaVersion {
    fn from(record: kesher_store::AgendaVersion) -> Self {
        Self {
            id: record.id,
            initiative_id: record.initiative_id,
            number: record.number,
            label: record.label,
            problem: record.problem,
            vision: record.vision,
            vision_year: record.vision_year,
            mission: record.mission,
            overarching_goal: record.overarching_goal,
            note: record.note,
            wording_only: record.wording_only,
            boundaries: record.boundaries,
            created_by: record.created_by,
            created_at: record.created_at,
        }
    }
}

/// A node of the results tree.
#[derive(Clone, Debug, Serialize, ToSchema)]
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

impl From<kesher_store::ResultNode> for ResultNode {
    fn from(record: kesher_store::ResultNode) -> Self {
        Self {
            id: record.id,
            initiative_id: record.initiative_id,
            parent_id: record.parent_id,
            position: record.position,
            kind: record.kind,
            title: record.title,
            description: record.description,
            owner_body_id: record.owner_body_id,
            owner_body_name: record.owner_body_name,
            populations: record.populations,
            subjects: record.subjects,
            age_bands: record.age_bands,
            status: record.status,
            created_at: record.created_at,
            updated_at: record.updated_at,
        }
    }
}

/// One version of a term's definition.
#[derive(Clone, Debug, Serialize, ToSchema)]
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

impl From<kesher_store::Definition> for Definition {
    fn from(record: kesher_store::Definition) -> Self {
        Self {
            id: record.id,
            term_id: record.term_id,
            number: record.number,
            definition: record.definition,
            proposed_by_organization_id: record.proposed_by_organization_id,
            proposed_by_organization_name: record.proposed_by_organization_name,
            proposed_by_user: record.proposed_by_user,
            adopted_on: record.adopted_on,
            adopted_by_body_id: record.adopted_by_body_id,
            adopted_by_body_name: record.adopted_by_body_name,
            created_at: record.created_at,
        }
    }
}

/// An agreed term of the glossary, with every version of its definition, oldest first.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct GlossaryTerm {
    pub id: TermId,
    pub initiative_id: InitiativeId,
    pub term: String,
    pub definitions: Vec<Definition>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<kesher_store::GlossaryTerm> for GlossaryTerm {
    fn from(record: kesher_store::GlossaryTerm) -> Self {
        Self {
            id: record.id,
            initiative_id: record.initiative_id,
            term: record.term,
            definitions: record.definitions.into_iter().map(Into::into).collect(),
            created_at: record.created_at,
            updated_at: record.updated_at,
        }
    }
}

/// A decision in the log.
#[derive(Clone, Debug, Serialize, ToSchema)]
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
    /// That meeting's number within its body.
    pub meeting_number: Option<u32>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<kesher_store::Decision> for Decision {
    fn from(record: kesher_store::Decision) -> Self {
        Self {
            id: record.id,
            initiative_id: record.initiative_id,
            body_id: record.body_id,
            body_name: record.body_name,
            decided_on: record.decided_on,
            kind: record.kind,
            text: record.text,
            contested: record.contested,
            result_ids: record.result_ids,
            term_ids: record.term_ids,
            meeting_id: record.meeting_id,
            meeting_number: record.meeting_number,
            created_at: record.created_at,
            updated_at: record.updated_at,
        }
    }
}

/// A comment on a version of the agenda, in its author's name and, when they spoke for
/// one, their organization's.
#[derive(Clone, Debug, Serialize, ToSchema)]
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

impl From<kesher_store::AgendaComment> for AgendaComment {
    fn from(record: kesher_store::AgendaComment) -> Self {
        Self {
            id: record.id,
            agenda_version_id: record.agenda_version_id,
            comment: record.comment,
            author_id: record.author_id,
            author_name: record.author_name,
            organization_id: record.organization_id,
            organization_name: record.organization_name,
            created_at: record.created_at,
        }
    }
}

/// One side's position in a dispute.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Position {
    pub id: PositionId,
    pub organization_id: Option<OrganizationId>,
    pub organization_name: Option<String>,
    /// The person who stated it; unknown for positions stated before authors were kept.
    pub author_id: Option<UserId>,
    pub author_name: Option<String>,
    pub position: String,
    pub created_at: DateTime<Utc>,
}

impl From<kesher_store::Position> for Position {
    fn from(record: kesher_store::Position) -> Self {
        Self {
            id: record.id,
            organization_id: record.organization_id,
            organization_name: record.organization_name,
            author_id: record.author_id,
            author_name: record.author_name,
            position: record.position,
            created_at: record.created_at,
        }
    }
}

/// A moment in a dispute's life: opened, resolved, reopened.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct DisputeEvent {
    pub at: DateTime<Utc>,
    pub actor_name: Option<String>,
    pub status: DisputeStatus,
    pub note: Option<String>,
}

impl From<kesher_store::DisputeEvent> for DisputeEvent {
    fn from(record: kesher_store::DisputeEvent) -> Self {
        Self {
            at: record.at,
            actor_name: record.actor_name,
            status: record.status,
            note: record.note,
        }
    }
}

/// An open question or dispute about the agenda.
#[derive(Clone, Debug, Serialize, ToSchema)]
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

impl From<kesher_store::Dispute> for Dispute {
    fn from(record: kesher_store::Dispute) -> Self {
        Self {
            id: record.id,
            initiative_id: record.initiative_id,
            question: record.question,
            raised_by_organization_id: record.raised_by_organization_id,
            raised_by_organization_name: record.raised_by_organization_name,
            raised_by_sector: record.raised_by_sector,
            status: record.status,
            decision_ids: record.decision_ids,
            positions: record.positions.into_iter().map(Into::into).collect(),
            history: record.history.into_iter().map(Into::into).collect(),
            created_at: record.created_at,
            updated_at: record.updated_at,
        }
    }
}

/// An organization's signature on a version of the agenda.
#[derive(Clone, Debug, Serialize, ToSchema)]
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

impl From<kesher_store::Endorsement> for Endorsement {
    fn from(record: kesher_store::Endorsement) -> Self {
        Self {
            id: record.id,
            initiative_id: record.initiative_id,
            organization_id: record.organization_id,
            organization_name: record.organization_name,
            agenda_version_id: record.agenda_version_id,
            version: record.version,
            signed_on: record.signed_on,
            signed_by: record.signed_by,
            created_at: record.created_at,
        }
    }
}

/// What an organization changed in the field because of the agenda.
#[derive(Clone, Debug, Serialize, ToSchema)]
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

impl From<kesher_store::FieldChange> for FieldChange {
    fn from(record: kesher_store::FieldChange) -> Self {
        Self {
            id: record.id,
            initiative_id: record.initiative_id,
            organization_id: record.organization_id,
            organization_name: record.organization_name,
            result_id: record.result_id,
            result_title: record.result_title,
            before: record.before,
            now: record.now,
            noted_on: record.noted_on,
            created_at: record.created_at,
            updated_at: record.updated_at,
        }
    }
}

/// Two agenda versions side by side.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct AgendaComparison {
    pub from: AgendaVersion,
    pub to: AgendaVersion,
    /// One entry per statement, in reading order: (statement code, the two texts marked).
    pub statements: Vec<StatementDiff>,
    /// Boundaries in the newer version that the older did not have.
    pub boundaries_added: Vec<Boundary>,
    /// Boundaries of the older version that the newer dropped.
    pub boundaries_removed: Vec<Boundary>,
    /// Boundaries both versions name (same dimension and item) whose scope or reason changed.
    pub boundaries_changed: Vec<BoundaryChange>,
}

impl From<kesher_core::agenda::AgendaComparison> for AgendaComparison {
    fn from(record: kesher_core::agenda::AgendaComparison) -> Self {
        Self {
            from: record.from.into(),
            to: record.to.into(),
            statements: record.statements,
            boundaries_added: record.boundaries_added,
            boundaries_removed: record.boundaries_removed,
            boundaries_changed: record.boundaries_changed,
        }
    }
}

/// A node with its depth, in reading order.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct TreeRow {
    pub node: ResultNode,
    pub depth: usize,
}

impl From<kesher_core::agenda::TreeRow> for TreeRow {
    fn from(record: kesher_core::agenda::TreeRow) -> Self {
        Self {
            node: record.node.into(),
            depth: record.depth,
        }
    }
}

/// Which partners signed which version of the agenda.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct EndorsementBoard {
    /// The current version's number, if there is one.
    pub current_version: Option<u32>,
    /// Every organization, with the latest version it endorsed.
    pub rows: Vec<EndorsementRow>,
    pub endorsements: Vec<Endorsement>,
}

impl From<kesher_core::agenda::EndorsementBoard> for EndorsementBoard {
    fn from(record: kesher_core::agenda::EndorsementBoard) -> Self {
        Self {
            current_version: record.current_version,
            rows: record.rows.into_iter().map(Into::into).collect(),
            endorsements: record.endorsements.into_iter().map(Into::into).collect(),
        }
    }
}

/// One partner on the endorsement board.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct EndorsementRow {
    pub organization: Organization,
    pub latest: Option<Endorsement>,
}

impl From<kesher_core::agenda::EndorsementRow> for EndorsementRow {
    fn from(record: kesher_core::agenda::EndorsementRow) -> Self {
        Self {
            organization: record.organization.into(),
            latest: record.latest.map(Into::into),
        }
    }
}

/// The changes in the field gathered under the goal each serves.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ChangesByGoal {
    /// None for changes not tied to a result.
    pub result: Option<ResultNode>,
    pub changes: Vec<FieldChange>,
}

impl From<kesher_core::agenda::ChangesByGoal> for ChangesByGoal {
    fn from(record: kesher_core::agenda::ChangesByGoal) -> Self {
        Self {
            result: record.result.map(Into::into),
            changes: record.changes.into_iter().map(Into::into).collect(),
        }
    }
}
