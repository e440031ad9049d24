//! The common agenda's use cases: revising the statements and comparing versions, the
//! results tree and its moves, the glossary, the decision log, disputes, endorsements and
//! changes in the field. The backbone edits; partner editors propose definitions, raise
//! disputes, state positions and record their own organization's changes; others read.

use std::collections::HashMap;

use kesher_domain::access::Access;
use kesher_domain::agenda::{
    AdoptionForm, AgendaForm, AgendaInput, Boundary, DecisionForm, DecisionInput, DefinitionForm,
    DisputeForm, DisputeStatusForm, EndorsementForm, FieldChangeForm, PositionForm, ResultForm,
    ResultKind, TermForm,
};
use kesher_domain::diff::{SideBySide, side_by_side};
use kesher_domain::search::fold;
use kesher_domain::text::Name;
use kesher_domain::tree::{self, Nudge, Placement};
use kesher_domain::*;
use kesher_store::{
    AgendaVersion, Decision, Dispute, Endorsement, FieldChange, GlossaryTerm, Organization,
    OrganizationFilter, ResultNode, StoreError,
};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::choice_of;
use crate::{Caller, CoreError, CoreResult, Kesher};

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

/// One boundary in two versions.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct BoundaryChange {
    pub before: Boundary,
    pub after: Boundary,
}

/// What saving the agenda form did.
#[derive(Clone, Debug)]
pub struct Revision {
    /// The current version: the new one, or the unchanged one.
    pub version: AgendaVersion,
    /// False when the statements were the same as the current version's: no version is
    /// added for nothing, so partners' endorsements of it stay current.
    pub saved: bool,
}

/// One statement compared.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct StatementDiff {
    /// problem, vision, vision_year, mission, overarching_goal.
    pub statement: String,
    pub diff: SideBySide,
}

/// A node with its depth, in reading order.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct TreeRow {
    pub node: ResultNode,
    pub depth: usize,
}

/// Where a node goes: a nudge, or a new parent and index.
#[derive(Clone, Debug, Default, serde::Deserialize, ToSchema)]
#[serde(default)]
pub struct MoveForm {
    /// up, down, indent or outdent. When given, `parent_id` and `index` are ignored; given
    /// empty, it is refused (a page's nudge button always names one).
    #[serde(deserialize_with = "lenient::given_text")]
    #[schema(value_type = Option<Nudge>)]
    pub nudge: Option<String>,
    /// The new parent; empty for the top of the tree.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub parent_id: String,
    /// The place among the new siblings, from 0; past the end means last.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<u32>, minimum = 0, maximum = 10000)]
    pub index: String,
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

/// One partner on the endorsement board.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct EndorsementRow {
    pub organization: Organization,
    pub latest: Option<Endorsement>,
}

impl EndorsementRow {
    /// Signed the current version.
    pub fn is_current(&self, current: &Option<u32>) -> bool {
        matches!((&self.latest, current), (Some(e), Some(c)) if e.version == *c)
    }
}

/// The changes in the field gathered under the goal each serves.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ChangesByGoal {
    /// None for changes not tied to a result.
    pub result: Option<ResultNode>,
    pub changes: Vec<FieldChange>,
}

/// Decisions, adoptions, endorsements and changes in the field record what already happened.
/// A day's grace covers the hours by which Israel's date runs ahead of UTC's.
fn not_in_future(field: &'static str, date: chrono::NaiveDate) -> Result<(), FieldError> {
    let tomorrow = chrono::Utc::now().date_naive() + chrono::Days::new(1);
    if date > tomorrow {
        Err(FieldError::new(field, Invalid::Future))
    } else {
        Ok(())
    }
}

/// Whether the typed statements say what the version already says.
fn same_statements(version: &AgendaVersion, input: &AgendaInput) -> bool {
    version.problem == input.problem
        && version.vision == input.vision
        && version.vision_year == input.vision_year
        && version.mission == input.mission
        && version.overarching_goal == input.overarching_goal
        && version.boundaries == input.boundaries
}

fn statements_of(version: &AgendaVersion) -> [(&'static str, String); 5] {
    [
        ("problem", version.problem.clone().unwrap_or_default()),
        ("vision", version.vision.clone().unwrap_or_default()),
        (
            "vision_year",
            version
                .vision_year
                .map(|y| y.to_string())
                .unwrap_or_default(),
        ),
        ("mission", version.mission.clone().unwrap_or_default()),
        (
            "overarching_goal",
            version.overarching_goal.clone().unwrap_or_default(),
        ),
    ]
}

/// Refuses an organization a partner editor does not speak for; fills in their own when
/// they name none.
fn speaking_for(
    access: &Access,
    named: Option<OrganizationId>,
) -> CoreResult<Option<OrganizationId>> {
    match (named, access.own_organization()) {
        (Some(org), _) if access.can_speak_for(org) => Ok(Some(org)),
        (Some(_), _) => Err(CoreError::Forbidden),
        (None, Some(own)) if !access.can_edit_agenda() => Ok(Some(own)),
        (None, _) => Ok(None),
    }
}

impl Kesher {
    // ---- statements ----

    /// Every version of the agenda, oldest first (the last is current).
    pub async fn agenda_versions(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<AgendaVersion>> {
        self.require(caller, initiative, |_| true).await?;
        Ok(self.store.agenda_versions(initiative).await?)
    }

    pub async fn agenda_version(
        &self,
        caller: &Caller,
        id: AgendaVersionId,
    ) -> CoreResult<AgendaVersion> {
        let version = self.store.agenda_version(id).await?;
        self.require(caller, version.initiative_id, |_| true)
            .await?;
        Ok(version)
    }

    /// Saves the statements as a new version; the earlier versions stay as they were. When
    /// nothing differs from the current version (a note alone is not a change), nothing is
    /// saved.
    pub async fn revise_agenda(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &AgendaForm,
    ) -> CoreResult<Revision> {
        self.require(caller, initiative, |a| a.can_edit_agenda())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        let current = self.store.agenda_versions(initiative).await?.pop();
        if let Some(current) = current.filter(|c| same_statements(c, &input)) {
            return Ok(Revision {
                version: current,
                saved: false,
            });
        }
        let version = self
            .store
            .create_agenda_version(caller.actor(), initiative, &input)
            .await?;
        Ok(Revision {
            version,
            saved: true,
        })
    }

    /// Two versions (by number) side by side, with the changed words marked.
    pub async fn compare_agenda(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        from: u32,
        to: u32,
    ) -> CoreResult<AgendaComparison> {
        let versions = self.agenda_versions(caller, initiative).await?;
        let find = |number: u32| {
            versions
                .iter()
                .find(|v| v.number == number)
                .cloned()
                .ok_or(CoreError::NotFound)
        };
        let (from, to) = (find(from)?, find(to)?);
        let statements = statements_of(&from)
            .into_iter()
            .zip(statements_of(&to))
            .map(|((statement, old), (_, new))| StatementDiff {
                statement: statement.to_string(),
                diff: side_by_side(&old, &new),
            })
            .collect();
        // A boundary is the same boundary in both versions when it names the same thing on
        // the same dimension; then only its scope or reason can have changed.
        let key = |b: &Boundary| (b.dimension, fold(&b.item));
        let find_in = |list: &[Boundary], b: &Boundary| {
            list.iter().find(|other| key(other) == key(b)).cloned()
        };
        let boundaries_changed = to
            .boundaries
            .iter()
            .filter_map(|after| {
                let before = find_in(&from.boundaries, after)?;
                (before != *after).then(|| BoundaryChange {
                    before,
                    after: after.clone(),
                })
            })
            .collect();
        Ok(AgendaComparison {
            boundaries_added: to
                .boundaries
                .iter()
                .filter(|b| find_in(&from.boundaries, b).is_none())
                .cloned()
                .collect(),
            boundaries_removed: from
                .boundaries
                .iter()
                .filter(|b| find_in(&to.boundaries, b).is_none())
                .cloned()
                .collect(),
            boundaries_changed,
            statements,
            from,
            to,
        })
    }

    // ---- results tree ----

    /// The tree in reading order, with depths.
    pub async fn results_tree(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<TreeRow>> {
        self.require(caller, initiative, |_| true).await?;
        let nodes = self.store.results(initiative).await?;
        Ok(ordered(nodes))
    }

    pub async fn result_node(
        &self,
        caller: &Caller,
        id: ResultNodeId,
    ) -> CoreResult<(ResultNode, Access)> {
        let node = self.store.result(id).await?;
        let access = self.require(caller, node.initiative_id, |_| true).await?;
        Ok((node, access))
    }

    pub async fn create_result(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &ResultForm,
    ) -> CoreResult<ResultNode> {
        self.require(caller, initiative, |a| a.can_edit_agenda())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        let nodes = self.store.results(initiative).await?;
        let parent = match input.parent_id {
            None => None,
            Some(id) => Some(
                nodes
                    .iter()
                    .find(|n| n.id == id)
                    .map(|n| n.kind)
                    .ok_or_else(|| CoreError::invalid("parent_id", Invalid::Choice))?,
            ),
        };
        if !input.kind.may_stand_under(parent) {
            return Err(CoreError::invalid("kind", Invalid::Level));
        }
        // The parent is known to be here; a reference the store cannot find is the body.
        self.store
            .create_result(caller.actor(), initiative, &input)
            .await
            .map_err(choice_of("owner_body_id"))
    }

    pub async fn update_result(
        &self,
        caller: &Caller,
        id: ResultNodeId,
        form: &ResultForm,
    ) -> CoreResult<ResultNode> {
        let node = self.store.result(id).await?;
        self.require(caller, node.initiative_id, |a| a.can_edit_agenda())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        // A new level must still fit under the parent and above the children.
        let nodes = self.store.results(node.initiative_id).await?;
        let kind_of = |id: Option<ResultNodeId>| {
            id.and_then(|id| nodes.iter().find(|n| n.id == id).map(|n| n.kind))
        };
        let fits_children = nodes
            .iter()
            .filter(|n| n.parent_id == Some(id))
            .all(|child| child.kind.may_stand_under(Some(input.kind)));
        if !input.kind.may_stand_under(kind_of(node.parent_id)) || !fits_children {
            return Err(CoreError::invalid("kind", Invalid::Level));
        }
        self.store
            .update_result(caller.actor(), id, &input)
            .await
            .map_err(choice_of("owner_body_id"))
    }

    /// Moves a node by a nudge (up, down, indent, outdent) or to a parent and index.
    pub async fn move_result(
        &self,
        caller: &Caller,
        id: ResultNodeId,
        form: &MoveForm,
    ) -> CoreResult<Vec<TreeRow>> {
        let node = self.store.result(id).await?;
        self.require(caller, node.initiative_id, |a| a.can_edit_agenda())
            .await?;
        let nodes = self.store.results(node.initiative_id).await?;
        let placements: Vec<Placement> = nodes
            .iter()
            .map(|n| Placement {
                id: n.id,
                parent: n.parent_id,
                position: n.position,
            })
            .collect();
        let (parent, index) = match form.nudge.as_deref().map(str::trim) {
            Some(given) => {
                let nudge =
                    Nudge::parse(given).ok_or(CoreError::invalid("nudge", Invalid::Choice))?;
                tree::nudge(&placements, id, nudge).map_err(|_| CoreError::Conflict {
                    message_id: "conflict-no-room",
                })?
            }
            None => {
                let parent = lenient::optional_id(&form.parent_id)
                    .map_err(|p| CoreError::invalid("parent_id", p))?
                    .map(ResultNodeId::new);
                let index = optional_index(&form.index)?;
                (parent, index)
            }
        };
        // Under itself is the first thing to say no to; the store refuses it again, in its
        // transaction. A parent the tree does not hold is left to the store, which names it.
        if let Err(tree::MoveError::Cycle) = tree::move_to(&placements, id, parent, index) {
            return Err(CoreError::Conflict {
                message_id: "conflict-cycle",
            });
        }
        let parent_kind = parent.and_then(|p| nodes.iter().find(|n| n.id == p).map(|n| n.kind));
        if parent_kind.is_some() && !node.kind.may_stand_under(parent_kind) {
            return Err(CoreError::invalid("parent_id", Invalid::Level));
        }
        let nodes = self
            .store
            .move_result(caller.actor(), id, parent, index)
            .await
            .map_err(choice_of("parent_id"))?;
        Ok(ordered(nodes))
    }

    pub async fn delete_result(&self, caller: &Caller, id: ResultNodeId) -> CoreResult<()> {
        let node = self.store.result(id).await?;
        self.require(caller, node.initiative_id, |a| a.can_edit_agenda())
            .await?;
        self.store
            .delete_result(caller.actor(), id)
            .await
            .map_err(|e| match e {
                StoreError::Conflict(kesher_store::Conflict::InUse) => CoreError::Conflict {
                    message_id: "conflict-result-has-children",
                },
                other => other.into(),
            })
    }

    // ---- glossary ----

    pub async fn terms(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<GlossaryTerm>> {
        self.require(caller, initiative, |_| true).await?;
        Ok(self.store.terms(initiative).await?)
    }

    pub async fn term(&self, caller: &Caller, id: TermId) -> CoreResult<(GlossaryTerm, Access)> {
        let term = self.store.term(id).await?;
        let access = self.require(caller, term.initiative_id, |_| true).await?;
        Ok((term, access))
    }

    /// The term a definition belongs to.
    pub async fn term_of_definition(
        &self,
        caller: &Caller,
        id: DefinitionId,
    ) -> CoreResult<GlossaryTerm> {
        let term = self.store.term_of_definition(id).await?;
        self.require(caller, term.initiative_id, |_| true).await?;
        Ok(term)
    }

    /// A new term with its first definition (a proposal until adopted).
    pub async fn create_term(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &TermForm,
    ) -> CoreResult<GlossaryTerm> {
        let access = self
            .require(caller, initiative, |a| a.can_take_part_in_agenda())
            .await?;
        let (term, mut definition) = form.parse().map_err(CoreError::Invalid)?;
        definition.proposed_by = speaking_for(&access, definition.proposed_by)?;
        self.store
            .create_term(caller.actor(), initiative, &term, &definition)
            .await
            .map_err(choice_of("proposed_by_organization_id"))
    }

    pub async fn rename_term(
        &self,
        caller: &Caller,
        id: TermId,
        term: &str,
    ) -> CoreResult<GlossaryTerm> {
        let found = self.store.term(id).await?;
        self.require(caller, found.initiative_id, |a| a.can_edit_agenda())
            .await?;
        let name = Name::parse(term).map_err(|p| CoreError::invalid("term", p))?;
        Ok(self.store.rename_term(caller.actor(), id, &name).await?)
    }

    /// Proposes a new version of a term's definition.
    pub async fn propose_definition(
        &self,
        caller: &Caller,
        id: TermId,
        form: &DefinitionForm,
    ) -> CoreResult<GlossaryTerm> {
        let found = self.store.term(id).await?;
        let access = self
            .require(caller, found.initiative_id, |a| a.can_take_part_in_agenda())
            .await?;
        let mut input = form.parse().map_err(CoreError::Invalid)?;
        input.proposed_by = speaking_for(&access, input.proposed_by)?;
        self.store
            .add_definition(caller.actor(), id, &input)
            .await
            .map_err(choice_of("proposed_by_organization_id"))
    }

    /// Records that a body adopted a version of a definition.
    pub async fn adopt_definition(
        &self,
        caller: &Caller,
        id: DefinitionId,
        form: &AdoptionForm,
    ) -> CoreResult<GlossaryTerm> {
        let term = self.store.term_of_definition(id).await?;
        self.require(caller, term.initiative_id, |a| a.can_edit_agenda())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        not_in_future("adopted_on", input.adopted_on).map_err(|e| CoreError::Invalid(vec![e]))?;
        self.store
            .adopt_definition(caller.actor(), id, &input)
            .await
            .map_err(choice_of("body_id"))
    }

    // ---- decisions ----

    pub async fn decisions(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<Decision>> {
        self.require(caller, initiative, |_| true).await?;
        Ok(self.store.decisions(initiative).await?)
    }

    pub async fn decision(
        &self,
        caller: &Caller,
        id: DecisionId,
    ) -> CoreResult<(Decision, Access)> {
        let decision = self.store.decision(id).await?;
        let access = self
            .require(caller, decision.initiative_id, |_| true)
            .await?;
        Ok((decision, access))
    }

    pub async fn create_decision(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &DecisionForm,
    ) -> CoreResult<Decision> {
        self.require(caller, initiative, |a| a.can_edit_agenda())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        self.check_decision(initiative, &input).await?;
        self.store
            .create_decision(caller.actor(), initiative, &input)
            .await
            .map_err(choice_of("body_id"))
    }

    /// Names the field whose reference is not in the initiative (the body, a node of the
    /// tree, a term), and refuses a decision dated in the future.
    async fn check_decision(
        &self,
        initiative: InitiativeId,
        input: &DecisionInput,
    ) -> CoreResult<()> {
        let mut errors = Vec::new();
        if let Some(body) = input.body_id {
            let bodies = self.store.list_bodies(initiative).await?;
            if !bodies.iter().any(|b| b.id == body) {
                errors.push(FieldError::new("body_id", Invalid::Choice));
            }
        }
        if !input.result_ids.is_empty() {
            let nodes = self.store.results(initiative).await?;
            if !input
                .result_ids
                .iter()
                .all(|r| nodes.iter().any(|n| n.id == *r))
            {
                errors.push(FieldError::new("result_ids", Invalid::Choice));
            }
        }
        if !input.term_ids.is_empty() {
            let terms = self.store.terms(initiative).await?;
            if !input
                .term_ids
                .iter()
                .all(|t| terms.iter().any(|term| term.id == *t))
            {
                errors.push(FieldError::new("term_ids", Invalid::Choice));
            }
        }
        if let Err(e) = not_in_future("decided_on", input.decided_on) {
            errors.push(e);
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(CoreError::Invalid(errors))
        }
    }

    pub async fn update_decision(
        &self,
        caller: &Caller,
        id: DecisionId,
        form: &DecisionForm,
    ) -> CoreResult<Decision> {
        let found = self.store.decision(id).await?;
        self.require(caller, found.initiative_id, |a| a.can_edit_agenda())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        self.check_decision(found.initiative_id, &input).await?;
        self.store
            .update_decision(caller.actor(), id, &input)
            .await
            .map_err(choice_of("body_id"))
    }

    pub async fn delete_decision(&self, caller: &Caller, id: DecisionId) -> CoreResult<()> {
        let found = self.store.decision(id).await?;
        self.require(caller, found.initiative_id, |a| a.can_edit_agenda())
            .await?;
        Ok(self.store.delete_decision(caller.actor(), id).await?)
    }

    // ---- disputes ----

    pub async fn disputes(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<Dispute>> {
        self.require(caller, initiative, |_| true).await?;
        Ok(self.store.disputes(initiative).await?)
    }

    pub async fn dispute(&self, caller: &Caller, id: DisputeId) -> CoreResult<(Dispute, Access)> {
        let dispute = self.store.dispute(id).await?;
        let access = self
            .require(caller, dispute.initiative_id, |_| true)
            .await?;
        Ok((dispute, access))
    }

    /// Opens a dispute. A partner editor raises it in their organization's name; the sector
    /// is the organization's unless another is named.
    pub async fn create_dispute(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &DisputeForm,
    ) -> CoreResult<Dispute> {
        let access = self
            .require(caller, initiative, |a| a.can_take_part_in_agenda())
            .await?;
        let mut input = form.parse().map_err(CoreError::Invalid)?;
        input.raised_by = speaking_for(&access, input.raised_by)?;
        if let (Some(org), None) = (input.raised_by, input.raised_by_sector) {
            input.raised_by_sector = self.store.organization(org).await.ok().map(|o| o.sector);
        }
        self.store
            .create_dispute(caller.actor(), initiative, &input)
            .await
            .map_err(choice_of("raised_by_organization_id"))
    }

    pub async fn update_dispute(
        &self,
        caller: &Caller,
        id: DisputeId,
        form: &DisputeForm,
    ) -> CoreResult<Dispute> {
        let found = self.store.dispute(id).await?;
        self.require(caller, found.initiative_id, |a| a.can_edit_agenda())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        self.store
            .update_dispute(caller.actor(), id, &input)
            .await
            .map_err(choice_of("raised_by_organization_id"))
    }

    /// States a position; a partner editor speaks for their own organization.
    pub async fn add_position(
        &self,
        caller: &Caller,
        id: DisputeId,
        form: &PositionForm,
    ) -> CoreResult<Dispute> {
        let found = self.store.dispute(id).await?;
        let access = self
            .require(caller, found.initiative_id, |a| a.can_take_part_in_agenda())
            .await?;
        let mut input = form.parse().map_err(CoreError::Invalid)?;
        input.organization_id = speaking_for(&access, input.organization_id)?;
        self.store
            .add_position(caller.actor(), id, &input)
            .await
            .map_err(choice_of("organization_id"))
    }

    /// Resolves or reopens a dispute; its history keeps every step.
    pub async fn change_dispute_status(
        &self,
        caller: &Caller,
        id: DisputeId,
        form: &DisputeStatusForm,
    ) -> CoreResult<Dispute> {
        let found = self.store.dispute(id).await?;
        self.require(caller, found.initiative_id, |a| a.can_edit_agenda())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        Ok(self
            .store
            .change_dispute_status(caller.actor(), id, &input)
            .await?)
    }

    // ---- endorsements ----

    pub async fn endorsement_board(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<EndorsementBoard> {
        self.require(caller, initiative, |_| true).await?;
        let current_version = self
            .store
            .agenda_versions(initiative)
            .await?
            .last()
            .map(|v| v.number);
        let endorsements = self.store.endorsements(initiative).await?;
        let organizations = self
            .store
            .list_organizations(initiative, &OrganizationFilter::default())
            .await?;
        let mut latest: HashMap<OrganizationId, Endorsement> = HashMap::new();
        for endorsement in &endorsements {
            let newer = latest
                .get(&endorsement.organization_id)
                .is_none_or(|e| e.version < endorsement.version);
            if newer {
                latest.insert(endorsement.organization_id, endorsement.clone());
            }
        }
        let rows = organizations
            .into_iter()
            .map(|organization| EndorsementRow {
                latest: latest.remove(&organization.id),
                organization,
            })
            .collect();
        Ok(EndorsementBoard {
            current_version,
            rows,
            endorsements,
        })
    }

    pub async fn create_endorsement(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &EndorsementForm,
    ) -> CoreResult<Endorsement> {
        self.require(caller, initiative, |a| a.can_edit_agenda())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        not_in_future("signed_on", input.signed_on).map_err(|e| CoreError::Invalid(vec![e]))?;
        self.store
            .create_endorsement(caller.actor(), initiative, &input)
            .await
            .map_err(|e| match e {
                StoreError::NotFound => CoreError::invalid("version", Invalid::Choice),
                StoreError::Conflict(kesher_store::Conflict::WrongInitiative) => {
                    CoreError::invalid("organization_id", Invalid::Choice)
                }
                other => other.into(),
            })
    }

    pub async fn delete_endorsement(&self, caller: &Caller, id: EndorsementId) -> CoreResult<()> {
        let found = self.store.endorsement(id).await?;
        self.require(caller, found.initiative_id, |a| a.can_edit_agenda())
            .await?;
        Ok(self.store.delete_endorsement(caller.actor(), id).await?)
    }

    // ---- changes in the field ----

    pub async fn field_changes(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<FieldChange>> {
        self.require(caller, initiative, |_| true).await?;
        Ok(self.store.field_changes(initiative).await?)
    }

    /// The changes grouped under the goal they serve, in the tree's order; changes tied to
    /// nothing come last. A change tied to a lever or an action component counts for the
    /// goal above it (or for its own node when no goal is above it).
    pub async fn field_changes_by_goal(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<ChangesByGoal>> {
        let changes = self.field_changes(caller, initiative).await?;
        let nodes = self.store.results(initiative).await?;
        let parent_of: HashMap<ResultNodeId, (Option<ResultNodeId>, ResultKind)> = nodes
            .iter()
            .map(|n| (n.id, (n.parent_id, n.kind)))
            .collect();
        let goal_of = |node: ResultNodeId| {
            let mut at = Some(node);
            while let Some(id) = at {
                match parent_of.get(&id) {
                    Some((_, ResultKind::Goal)) => return id,
                    Some((parent, _)) => at = *parent,
                    None => break,
                }
            }
            node
        };
        let tree = ordered(nodes);
        let mut groups: Vec<ChangesByGoal> = tree
            .into_iter()
            .filter_map(|row| {
                let of_node: Vec<FieldChange> = changes
                    .iter()
                    .filter(|c| c.result_id.map(goal_of) == Some(row.node.id))
                    .cloned()
                    .collect();
                (!of_node.is_empty()).then_some(ChangesByGoal {
                    result: Some(row.node),
                    changes: of_node,
                })
            })
            .collect();
        let loose: Vec<FieldChange> = changes
            .into_iter()
            .filter(|c| c.result_id.is_none())
            .collect();
        if !loose.is_empty() {
            groups.push(ChangesByGoal {
                result: None,
                changes: loose,
            });
        }
        Ok(groups)
    }

    pub async fn field_change(
        &self,
        caller: &Caller,
        id: FieldChangeId,
    ) -> CoreResult<(FieldChange, Access)> {
        let change = self.store.field_change(id).await?;
        let access = self.require(caller, change.initiative_id, |_| true).await?;
        Ok((change, access))
    }

    pub async fn create_field_change(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &FieldChangeForm,
    ) -> CoreResult<FieldChange> {
        let access = self
            .require(caller, initiative, |a| a.can_take_part_in_agenda())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        not_in_future("noted_on", input.noted_on).map_err(|e| CoreError::Invalid(vec![e]))?;
        if !access.can_speak_for(input.organization_id) {
            return Err(CoreError::Forbidden);
        }
        self.store
            .create_field_change(caller.actor(), initiative, &input)
            .await
            .map_err(choice_of("result_id"))
    }

    pub async fn update_field_change(
        &self,
        caller: &Caller,
        id: FieldChangeId,
        form: &FieldChangeForm,
    ) -> CoreResult<FieldChange> {
        let found = self.store.field_change(id).await?;
        let access = self
            .require(caller, found.initiative_id, |a| {
                a.can_speak_for(found.organization_id)
            })
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        not_in_future("noted_on", input.noted_on).map_err(|e| CoreError::Invalid(vec![e]))?;
        if !access.can_speak_for(input.organization_id) {
            return Err(CoreError::Forbidden);
        }
        self.store
            .update_field_change(caller.actor(), id, &input)
            .await
            .map_err(choice_of("result_id"))
    }

    pub async fn delete_field_change(&self, caller: &Caller, id: FieldChangeId) -> CoreResult<()> {
        let found = self.store.field_change(id).await?;
        self.require(caller, found.initiative_id, |a| {
            a.can_speak_for(found.organization_id)
        })
        .await?;
        Ok(self.store.delete_field_change(caller.actor(), id).await?)
    }
}

fn optional_index(raw: &str) -> CoreResult<usize> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(usize::MAX);
    }
    // Past the end means last, but a place beyond any tree a person builds is a mistake
    // the documented range refuses.
    raw.parse::<usize>()
        .ok()
        .filter(|i| *i <= MOVE_INDEX_MAX)
        .ok_or_else(|| {
            CoreError::invalid(
                "index",
                Invalid::Range {
                    min: 0,
                    max: MOVE_INDEX_MAX as i64,
                },
            )
        })
}

/// The largest place among siblings a move may name (as the API documents it).
const MOVE_INDEX_MAX: usize = 10_000;

/// The nodes in reading order with their depths.
pub fn ordered(nodes: Vec<ResultNode>) -> Vec<TreeRow> {
    let placements: Vec<Placement> = nodes
        .iter()
        .map(|n| Placement {
            id: n.id,
            parent: n.parent_id,
            position: n.position,
        })
        .collect();
    let mut by_id: HashMap<ResultNodeId, ResultNode> =
        nodes.into_iter().map(|n| (n.id, n)).collect();
    tree::depth_first(&placements)
        .into_iter()
        .filter_map(|(id, depth)| by_id.remove(&id).map(|node| TreeRow { node, depth }))
        .collect()
}

/// The kind a new child of `parent` usually has (a goal under the mission…).
pub fn suggested_kind(parent: Option<&ResultNode>) -> ResultKind {
    parent
        .map(|p| p.kind.child())
        .unwrap_or(ResultKind::Mission)
}
