//! The common agenda: its statements and boundaries (kept as versions), the results tree,
//! the glossary of agreed terms, the decision log, the disputes that stay open, partners'
//! endorsements, and the changes partners made in the field because of the agenda.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::network::Sector;
use crate::text::{
    LINE_MAX, LONG_TEXT_MAX, Name, optional_date, optional_line, optional_number, optional_text,
    tidy,
};
use crate::validation::Checker;
use crate::{
    BodyId, DecisionId, FieldError, Invalid, MeetingId, OrganizationId, ResultNodeId, TermId,
    choice_enum, lenient,
};

choice_enum!(
    /// What a boundary of the initiative is about.
    BoundaryDimension, "boundary-dimension", {
        Subject => "subject",
        Age => "age",
        Population => "population",
        Other => "other",
    }
);

choice_enum!(
    /// Whether a boundary item is inside the initiative's scope or outside it.
    BoundaryScope, "boundary-scope", {
        In => "in",
        Out => "out",
    }
);

choice_enum!(
    /// The level of a node in the results tree.
    ResultKind, "result-kind", {
        Mission => "mission",
        Goal => "goal",
        Lever => "lever",
        ActionComponent => "action_component",
    }
);

choice_enum!(
    /// Where a result stands.
    ResultStatus, "result-status", {
        Proposed => "proposed",
        Agreed => "agreed",
        InProgress => "in_progress",
        Achieved => "achieved",
        Dropped => "dropped",
    }
);

choice_enum!(
    /// The target populations the seeds name; an initiative may add its own in words.
    StandardPopulation, "population", {
        Periphery => "periphery",
        Girls => "girls",
        ArabSector => "arab_sector",
        HarediSector => "haredi_sector",
    }
);

choice_enum!(
    /// How a decision was taken.
    DecisionKind, "decision-kind", {
        /// A consensus of the network.
        Consensus => "consensus",
        /// A formal decision of a body.
        Formal => "formal",
        /// The approval of a plan or a budget.
        Approval => "approval",
    }
);

choice_enum!(
    /// Where a dispute stands.
    DisputeStatus, "dispute-status", {
        Open => "open",
        Resolved => "resolved",
        Reopened => "reopened",
    }
);

impl ResultKind {
    /// The level a child of this node usually has.
    pub fn child(self) -> ResultKind {
        match self {
            ResultKind::Mission => ResultKind::Goal,
            ResultKind::Goal => ResultKind::Lever,
            ResultKind::Lever | ResultKind::ActionComponent => ResultKind::ActionComponent,
        }
    }

    /// How far down the chain of results this level stands: mission 0 … action component 3.
    fn rank(self) -> u8 {
        match self {
            ResultKind::Mission => 0,
            ResultKind::Goal => 1,
            ResultKind::Lever => 2,
            ResultKind::ActionComponent => 3,
        }
    }

    /// Whether a node of this level may stand under `parent`: the chain of results only runs
    /// downward (a lever under a goal, a sub-goal under a goal, never a goal under a lever),
    /// and a mission heads a tree of its own.
    pub fn may_stand_under(self, parent: Option<ResultKind>) -> bool {
        match parent {
            None => true,
            Some(parent) => self != ResultKind::Mission && self.rank() >= parent.rank(),
        }
    }
}

impl DisputeStatus {
    /// A dispute is resolved, and a resolved one reopened; nothing else.
    pub fn can_become(self, next: DisputeStatus) -> bool {
        matches!(
            (self, next),
            (
                DisputeStatus::Open | DisputeStatus::Reopened,
                DisputeStatus::Resolved
            ) | (DisputeStatus::Resolved, DisputeStatus::Reopened)
        )
    }

    pub fn is_open(self) -> bool {
        self != DisputeStatus::Resolved
    }
}

/// Reads a list typed as one comma-separated line (or sent as a JSON list).
pub fn parse_list(raw: &str) -> Result<Vec<String>, Invalid> {
    let mut items: Vec<String> = Vec::new();
    for piece in raw.split([',', ';', '،', '\n']) {
        let item = tidy(piece);
        if item.is_empty() {
            continue;
        }
        if item.chars().count() > 80 {
            return Err(Invalid::TooLong { max: 80 });
        }
        if !items.contains(&item) {
            items.push(item);
        }
    }
    if items.len() > 30 {
        return Err(Invalid::Range { min: 0, max: 30 });
    }
    Ok(items)
}

/// One boundary as typed.
#[derive(Clone, Debug, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct BoundaryForm {
    #[serde(deserialize_with = "lenient::choice")]
    #[schema(value_type = BoundaryDimension)]
    pub dimension: String,
    #[serde(deserialize_with = "lenient::choice")]
    #[schema(value_type = BoundaryScope)]
    pub scope: String,
    #[serde(deserialize_with = "lenient::text")]
    pub item: String,
    #[serde(deserialize_with = "lenient::text")]
    pub reason: String,
}

/// A checked boundary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Boundary {
    pub dimension: BoundaryDimension,
    pub scope: BoundaryScope,
    pub item: String,
    pub reason: Option<String>,
}

/// The agenda statements as typed; saving them makes a new version.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct AgendaForm {
    #[serde(deserialize_with = "lenient::text")]
    pub problem: String,
    #[serde(deserialize_with = "lenient::text")]
    pub vision: String,
    /// The year the vision looks to.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i32>)]
    pub vision_year: String,
    #[serde(deserialize_with = "lenient::text")]
    pub mission: String,
    #[serde(deserialize_with = "lenient::text")]
    pub overarching_goal: String,
    /// What this revision changes, and why.
    #[serde(deserialize_with = "lenient::text")]
    pub note: String,
    pub boundaries: Vec<BoundaryForm>,
    /// `true` when the change only mends the wording (a minor version: the partners'
    /// endorsements carry over); left out or `false`, it changes substance, and every
    /// partner is asked to endorse again.
    #[serde(deserialize_with = "lenient::boolean")]
    #[schema(value_type = Option<bool>)]
    pub wording_only: String,
}

/// A checked agenda revision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AgendaInput {
    pub problem: Option<String>,
    pub vision: Option<String>,
    pub vision_year: Option<i32>,
    pub mission: Option<String>,
    pub overarching_goal: Option<String>,
    pub note: Option<String>,
    pub boundaries: Vec<Boundary>,
    /// The change mends the wording only: endorsements carry over.
    pub wording_only: bool,
}

impl AgendaForm {
    pub fn parse(&self) -> Result<AgendaInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let problem = c.check("problem", optional_text(&self.problem, LONG_TEXT_MAX));
        let vision = c.check("vision", optional_text(&self.vision, LONG_TEXT_MAX));
        let vision_year = c.check(
            "vision_year",
            optional_number(&self.vision_year, 2000, 2100),
        );
        let mission = c.check("mission", optional_text(&self.mission, LONG_TEXT_MAX));
        let overarching_goal = c.check(
            "overarching_goal",
            optional_text(&self.overarching_goal, LONG_TEXT_MAX),
        );
        let note = c.check("note", optional_line(&self.note, LINE_MAX));
        let mut boundaries = Vec::new();
        for (index, row) in self.boundaries.iter().enumerate() {
            // A row left entirely blank is one of the spare rows of the form.
            if [&row.dimension, &row.scope, &row.item, &row.reason]
                .iter()
                .all(|v| v.trim().is_empty())
            {
                continue;
            }
            // One message per row that names the row: "required" three times says nothing.
            let dimension = BoundaryDimension::parse(&row.dimension).ok();
            let scope = BoundaryScope::parse(&row.scope).ok();
            let item = Name::parse(&row.item).ok();
            let reason = c.check("boundaries", optional_text(&row.reason, LONG_TEXT_MAX));
            match (dimension, scope, item, reason) {
                (Some(dimension), Some(scope), Some(item), Some(reason)) => {
                    boundaries.push(Boundary {
                        dimension,
                        scope,
                        item: item.into_string(),
                        reason,
                    });
                }
                (_, _, _, Some(_)) => c.push("boundaries", Invalid::BoundaryRow { row: index + 1 }),
                _ => {}
            }
        }
        match (
            problem,
            vision,
            vision_year,
            mission,
            overarching_goal,
            note,
        ) {
            (Some(problem), Some(vision), Some(year), Some(mission), Some(goal), Some(note))
                if c.is_empty() =>
            {
                Ok(AgendaInput {
                    problem,
                    vision,
                    vision_year: year.map(|y| y as i32),
                    mission,
                    overarching_goal: goal,
                    note,
                    boundaries,
                    wording_only: matches!(
                        self.wording_only.trim().to_ascii_lowercase().as_str(),
                        "true" | "on" | "1" | "yes"
                    ),
                })
            }
            _ => Err(c.into_errors()),
        }
    }
}

/// A node of the results tree as typed. Its place in the tree is chosen at creation
/// (`parent_id`) and changed afterwards only by moving it.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ResultForm {
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub parent_id: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = ResultKind)]
    #[schema(required = true)]
    pub kind: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub title: String,
    #[serde(deserialize_with = "lenient::text")]
    pub description: String,
    /// The body in charge (for a goal, usually its working group).
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub owner_body_id: String,
    /// Target populations: standard codes and the initiative's own, as a list or one line.
    #[serde(deserialize_with = "lenient::tags")]
    #[schema(value_type = Vec<String>)]
    pub populations: String,
    #[serde(deserialize_with = "lenient::tags")]
    #[schema(value_type = Vec<String>)]
    pub subjects: String,
    #[serde(deserialize_with = "lenient::tags")]
    #[schema(value_type = Vec<String>)]
    pub age_bands: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = ResultStatus)]
    pub status: String,
}

/// A checked results-tree node.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ResultInput {
    pub parent_id: Option<ResultNodeId>,
    pub kind: ResultKind,
    pub title: Name,
    pub description: Option<String>,
    pub owner_body_id: Option<BodyId>,
    pub populations: Vec<String>,
    pub subjects: Vec<String>,
    pub age_bands: Vec<String>,
    pub status: ResultStatus,
}

impl ResultForm {
    pub fn parse(&self) -> Result<ResultInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let parent = c.check("parent_id", lenient::optional_id(&self.parent_id));
        let kind = c.check("kind", ResultKind::parse(&self.kind));
        let title = c.check("title", Name::parse(&self.title));
        let description = c.check(
            "description",
            optional_text(&self.description, LONG_TEXT_MAX),
        );
        let owner = c.check("owner_body_id", lenient::optional_id(&self.owner_body_id));
        let populations = c.check("populations", parse_list(&self.populations));
        let subjects = c.check("subjects", parse_list(&self.subjects));
        let age_bands = c.check("age_bands", parse_list(&self.age_bands));
        let status = c.check(
            "status",
            match self.status.trim() {
                "" => Ok(ResultStatus::Proposed),
                raw => ResultStatus::parse(raw),
            },
        );
        match (
            parent,
            kind,
            title,
            description,
            owner,
            populations,
            subjects,
            age_bands,
            status,
        ) {
            (
                Some(parent),
                Some(kind),
                Some(title),
                Some(description),
                Some(owner),
                Some(populations),
                Some(subjects),
                Some(age_bands),
                Some(status),
            ) => Ok(ResultInput {
                parent_id: parent.map(ResultNodeId::new),
                kind,
                title,
                description,
                owner_body_id: owner.map(BodyId::new),
                populations,
                subjects,
                age_bands,
                status,
            }),
            _ => Err(c.into_errors()),
        }
    }
}

/// A glossary term as typed, with its first definition.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct TermForm {
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub term: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub definition: String,
    /// The organization that proposes the definition, if one does.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub proposed_by_organization_id: String,
}

/// A definition proposed for a term (a new version of it).
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct DefinitionForm {
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub definition: String,
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub proposed_by_organization_id: String,
}

/// A checked definition proposal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DefinitionInput {
    pub definition: String,
    pub proposed_by: Option<OrganizationId>,
}

impl DefinitionForm {
    pub fn parse(&self) -> Result<DefinitionInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let definition = c.check(
            "definition",
            optional_text(&self.definition, LONG_TEXT_MAX).and_then(|d| d.ok_or(Invalid::Required)),
        );
        let proposed_by = c.check(
            "proposed_by_organization_id",
            lenient::optional_id(&self.proposed_by_organization_id),
        );
        match (definition, proposed_by) {
            (Some(definition), Some(proposed_by)) => Ok(DefinitionInput {
                definition,
                proposed_by: proposed_by.map(OrganizationId::new),
            }),
            _ => Err(c.into_errors()),
        }
    }
}

impl TermForm {
    pub fn parse(&self) -> Result<(Name, DefinitionInput), Vec<FieldError>> {
        let mut c = Checker::new();
        let term = c.check("term", Name::parse(&self.term));
        let definition = DefinitionForm {
            definition: self.definition.clone(),
            proposed_by_organization_id: self.proposed_by_organization_id.clone(),
        }
        .parse();
        match (term, definition) {
            (Some(term), Ok(definition)) => Ok((term, definition)),
            (_, Err(errors)) => {
                let mut all = c.into_errors();
                all.extend(errors);
                Err(all)
            }
            _ => Err(c.into_errors()),
        }
    }
}

/// Marking a definition version as adopted.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct AdoptionForm {
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = NaiveDate)]
    pub adopted_on: String,
    /// The body that adopted it (usually the steering committee).
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub body_id: String,
}

/// A checked adoption.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AdoptionInput {
    pub adopted_on: NaiveDate,
    pub body_id: Option<BodyId>,
}

impl AdoptionForm {
    pub fn parse(&self) -> Result<AdoptionInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let on = c.check(
            "adopted_on",
            optional_date(&self.adopted_on).and_then(|d| d.ok_or(Invalid::Required)),
        );
        let body = c.check("body_id", lenient::optional_id(&self.body_id));
        match (on, body) {
            (Some(adopted_on), Some(body)) => Ok(AdoptionInput {
                adopted_on,
                body_id: body.map(BodyId::new),
            }),
            _ => Err(c.into_errors()),
        }
    }
}

/// A decision as typed.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct DecisionForm {
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub body_id: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = NaiveDate)]
    pub decided_on: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = DecisionKind)]
    pub kind: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub text: String,
    /// "true"/"on" when the decision stays contested.
    #[serde(deserialize_with = "lenient::boolean")]
    #[schema(value_type = bool)]
    pub contested: String,
    /// Results-tree nodes the decision touches.
    #[serde(deserialize_with = "lenient::ids")]
    pub result_ids: Vec<i64>,
    /// Glossary terms the decision touches.
    #[serde(deserialize_with = "lenient::ids")]
    pub term_ids: Vec<i64>,
}

/// A checked decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DecisionInput {
    pub body_id: Option<BodyId>,
    pub decided_on: NaiveDate,
    pub kind: DecisionKind,
    pub text: String,
    pub contested: bool,
    pub result_ids: Vec<ResultNodeId>,
    pub term_ids: Vec<TermId>,
    /// The meeting that took it, when it was recorded there (set on creation only).
    pub meeting_id: Option<MeetingId>,
}

impl DecisionForm {
    pub fn parse(&self) -> Result<DecisionInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let body = c.check("body_id", lenient::optional_id(&self.body_id));
        let on = c.check(
            "decided_on",
            optional_date(&self.decided_on).and_then(|d| d.ok_or(Invalid::Required)),
        );
        let kind = c.check("kind", DecisionKind::parse(&self.kind));
        let text = c.check(
            "text",
            optional_text(&self.text, LONG_TEXT_MAX).and_then(|t| t.ok_or(Invalid::Required)),
        );
        match (body, on, kind, text) {
            (Some(body), Some(decided_on), Some(kind), Some(text)) => Ok(DecisionInput {
                body_id: body.map(BodyId::new),
                decided_on,
                kind,
                text,
                contested: lenient::truthy(&self.contested),
                result_ids: dedup(self.result_ids.iter().map(|n| ResultNodeId::new(*n))),
                term_ids: dedup(self.term_ids.iter().map(|n| TermId::new(*n))),
                meeting_id: None,
            }),
            _ => Err(c.into_errors()),
        }
    }
}

fn dedup<T: PartialEq>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut out = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// A dispute as typed.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct DisputeForm {
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub question: String,
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub raised_by_organization_id: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = Option<Sector>)]
    pub raised_by_sector: String,
    /// Decisions the dispute is about.
    #[serde(deserialize_with = "lenient::ids")]
    pub decision_ids: Vec<i64>,
}

/// A checked dispute.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DisputeInput {
    pub question: String,
    pub raised_by: Option<OrganizationId>,
    pub raised_by_sector: Option<Sector>,
    pub decision_ids: Vec<DecisionId>,
}

impl DisputeForm {
    pub fn parse(&self) -> Result<DisputeInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let question = c.check(
            "question",
            optional_text(&self.question, LONG_TEXT_MAX).and_then(|q| q.ok_or(Invalid::Required)),
        );
        let raised_by = c.check(
            "raised_by_organization_id",
            lenient::optional_id(&self.raised_by_organization_id),
        );
        let sector = c.check(
            "raised_by_sector",
            match self.raised_by_sector.trim() {
                "" => Ok(None),
                raw => Sector::parse(raw).map(Some),
            },
        );
        match (question, raised_by, sector) {
            (Some(question), Some(raised_by), Some(raised_by_sector)) => Ok(DisputeInput {
                question,
                raised_by: raised_by.map(OrganizationId::new),
                raised_by_sector,
                decision_ids: dedup(self.decision_ids.iter().map(|n| DecisionId::new(*n))),
            }),
            _ => Err(c.into_errors()),
        }
    }
}

/// A position in a dispute as typed.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct PositionForm {
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub organization_id: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub position: String,
}

/// A checked position.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PositionInput {
    pub organization_id: Option<OrganizationId>,
    pub position: String,
}

impl PositionForm {
    pub fn parse(&self) -> Result<PositionInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let organization = c.check(
            "organization_id",
            lenient::optional_id(&self.organization_id),
        );
        let position = c.check(
            "position",
            optional_text(&self.position, LONG_TEXT_MAX).and_then(|p| p.ok_or(Invalid::Required)),
        );
        match (organization, position) {
            (Some(organization), Some(position)) => Ok(PositionInput {
                organization_id: organization.map(OrganizationId::new),
                position,
            }),
            _ => Err(c.into_errors()),
        }
    }
}

/// A comment on a version of the agenda, as typed.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct CommentForm {
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub comment: String,
    /// The organization the comment speaks for; left out, the one the author speaks for
    /// (if any).
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub organization_id: String,
}

/// A checked comment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CommentInput {
    pub comment: String,
    pub organization_id: Option<OrganizationId>,
}

impl CommentForm {
    pub fn parse(&self) -> Result<CommentInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let comment = c.check(
            "comment",
            optional_text(&self.comment, LONG_TEXT_MAX).and_then(|t| t.ok_or(Invalid::Required)),
        );
        let organization = c.check(
            "organization_id",
            lenient::optional_id(&self.organization_id),
        );
        match (comment, organization) {
            (Some(comment), Some(organization)) => Ok(CommentInput {
                comment,
                organization_id: organization.map(OrganizationId::new),
            }),
            _ => Err(c.into_errors()),
        }
    }
}

/// Resolving or reopening a dispute, with a word on why.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct DisputeStatusForm {
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = DisputeStatus)]
    #[schema(required = true)]
    pub status: String,
    #[serde(deserialize_with = "lenient::text")]
    pub note: String,
}

/// A checked status change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DisputeStatusInput {
    pub status: DisputeStatus,
    pub note: Option<String>,
}

impl DisputeStatusForm {
    pub fn parse(&self) -> Result<DisputeStatusInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let status = c.check("status", DisputeStatus::parse(&self.status));
        let note = c.check("note", optional_text(&self.note, LONG_TEXT_MAX));
        match (status, note) {
            (Some(status), Some(note)) => Ok(DisputeStatusInput { status, note }),
            _ => Err(c.into_errors()),
        }
    }
}

/// An endorsement as typed.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct EndorsementForm {
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = i64)]
    #[schema(required = true)]
    pub organization_id: String,
    /// The agenda version signed (its number: 1, 2, …).
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = i64)]
    #[schema(required = true)]
    pub version: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = NaiveDate)]
    pub signed_on: String,
    /// Who signed, in words ("ד״ר מיכל כהן, מנכ״לית").
    #[serde(deserialize_with = "lenient::text")]
    pub signed_by: String,
}

/// A checked endorsement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EndorsementInput {
    pub organization_id: OrganizationId,
    pub version: u32,
    pub signed_on: NaiveDate,
    pub signed_by: Option<String>,
}

impl EndorsementForm {
    pub fn parse(&self) -> Result<EndorsementInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let organization = c.check(
            "organization_id",
            lenient::required_id(&self.organization_id),
        );
        let version = c.check(
            "version",
            optional_number(&self.version, 1, 10_000).and_then(|v| v.ok_or(Invalid::Required)),
        );
        let signed_on = c.check(
            "signed_on",
            optional_date(&self.signed_on).and_then(|d| d.ok_or(Invalid::Required)),
        );
        let signed_by = c.check("signed_by", optional_line(&self.signed_by, LINE_MAX));
        match (organization, version, signed_on, signed_by) {
            (Some(organization), Some(version), Some(signed_on), Some(signed_by)) => {
                Ok(EndorsementInput {
                    organization_id: OrganizationId::new(organization),
                    version: version as u32,
                    signed_on,
                    signed_by,
                })
            }
            _ => Err(c.into_errors()),
        }
    }
}

/// A change in the field as typed.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct FieldChangeForm {
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = i64)]
    pub organization_id: String,
    /// The goal (or any result) the change serves.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub result_id: String,
    /// What the organization did before.
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub before: String,
    /// What it does now, because of the agenda.
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub now: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = NaiveDate)]
    pub noted_on: String,
}

/// A checked change in the field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldChangeInput {
    pub organization_id: OrganizationId,
    pub result_id: Option<ResultNodeId>,
    pub before: String,
    pub now: String,
    pub noted_on: NaiveDate,
}

impl FieldChangeForm {
    pub fn parse(&self) -> Result<FieldChangeInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let organization = c.check(
            "organization_id",
            lenient::required_id(&self.organization_id),
        );
        let result = c.check("result_id", lenient::optional_id(&self.result_id));
        let required =
            |raw: &str| optional_text(raw, LONG_TEXT_MAX).and_then(|t| t.ok_or(Invalid::Required));
        let before = c.check("before", required(&self.before));
        let now = c.check("now", required(&self.now));
        let noted_on = c.check(
            "noted_on",
            optional_date(&self.noted_on).and_then(|d| d.ok_or(Invalid::Required)),
        );
        match (organization, result, before, now, noted_on) {
            (Some(organization), Some(result), Some(before), Some(now), Some(noted_on)) => {
                Ok(FieldChangeInput {
                    organization_id: OrganizationId::new(organization),
                    result_id: result.map(ResultNodeId::new),
                    before,
                    now,
                    noted_on,
                })
            }
            _ => Err(c.into_errors()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_run_downward_and_a_mission_heads_its_own_tree() {
        use ResultKind::*;
        assert!(Mission.may_stand_under(None));
        assert!(!Mission.may_stand_under(Some(Mission)));
        assert!(!Mission.may_stand_under(Some(Goal)));
        assert!(Goal.may_stand_under(Some(Mission)));
        assert!(Goal.may_stand_under(Some(Goal)), "a sub-goal");
        assert!(!Goal.may_stand_under(Some(Lever)));
        assert!(ActionComponent.may_stand_under(Some(ActionComponent)));
        assert!(
            Lever.may_stand_under(None),
            "a tree may start below the mission"
        );
    }

    #[test]
    fn blank_boundary_rows_are_skipped_and_bad_ones_reported() {
        let form = AgendaForm {
            mission: "להכפיל את מספר הלומדים".into(),
            vision_year: "2030".into(),
            boundaries: vec![
                BoundaryForm {
                    dimension: "subject".into(),
                    scope: "in".into(),
                    item: "פיזיקה".into(),
                    reason: "".into(),
                },
                BoundaryForm::default(),
                BoundaryForm {
                    dimension: "age".into(),
                    scope: "out".into(),
                    item: "גני ילדים".into(),
                    reason: "מחוץ למנדט".into(),
                },
            ],
            ..Default::default()
        };
        let input = form.parse().unwrap();
        assert_eq!(input.vision_year, Some(2030));
        assert_eq!(input.boundaries.len(), 2);
        assert_eq!(input.boundaries[1].scope, BoundaryScope::Out);
        let bad = AgendaForm {
            boundaries: vec![BoundaryForm {
                dimension: "subject".into(),
                scope: "maybe".into(),
                item: "".into(),
                reason: "".into(),
            }],
            vision_year: "1800".into(),
            ..Default::default()
        };
        let errors = bad.parse().unwrap_err();
        assert_eq!(
            errors,
            vec![
                FieldError::new(
                    "vision_year",
                    Invalid::Range {
                        min: 2000,
                        max: 2100
                    }
                ),
                // One message for the row, naming it, however many of its fields are wrong.
                FieldError::new("boundaries", Invalid::BoundaryRow { row: 1 }),
            ]
        );
    }

    #[test]
    fn a_result_needs_a_kind_and_a_title_and_defaults_to_proposed() {
        let input = ResultForm {
            kind: "goal".into(),
            title: "5 יחידות במתמטיקה".into(),
            populations: "periphery, בנות דוברות ערבית".into(),
            ..Default::default()
        }
        .parse()
        .unwrap();
        assert_eq!(input.status, ResultStatus::Proposed);
        assert_eq!(input.populations, vec!["periphery", "בנות דוברות ערבית"]);
        let errors = ResultForm::default().parse().unwrap_err();
        assert_eq!(
            errors.iter().map(|e| e.field).collect::<Vec<_>>(),
            vec!["kind", "title"]
        );
    }

    #[test]
    fn disputes_are_resolved_and_reopened_and_nothing_else() {
        use DisputeStatus::*;
        assert!(Open.can_become(Resolved));
        assert!(Resolved.can_become(Reopened));
        assert!(Reopened.can_become(Resolved));
        assert!(!Open.can_become(Reopened));
        assert!(!Resolved.can_become(Resolved));
        assert!(!Resolved.can_become(Open));
    }

    #[test]
    fn decisions_keep_their_links_once() {
        let input = DecisionForm {
            decided_on: "2026-01-15".into(),
            kind: "formal".into(),
            text: "הוחלט".into(),
            contested: "on".into(),
            result_ids: vec![3, 3, 4],
            ..Default::default()
        }
        .parse()
        .unwrap();
        assert!(input.contested);
        assert_eq!(
            input.result_ids,
            vec![ResultNodeId::new(3), ResultNodeId::new(4)]
        );
    }
}

/// How each agenda version is called and which one partners endorse, from the sequence
/// of versions (oldest first, each `(number, wording_only)`): a substantive version takes
/// the next whole number, a wording-only one a minor number after the substantive version
/// it mends — versions 1, 2, 3 (wording only) read "1", "2", "2.1".
pub fn version_labels(versions: &[(u32, bool)]) -> Vec<(u32, String)> {
    let mut major = 0;
    let mut minor = 0;
    versions
        .iter()
        .map(|&(number, wording_only)| {
            if wording_only && major > 0 {
                minor += 1;
                (number, format!("{major}.{minor}"))
            } else {
                major += 1;
                minor = 0;
                (number, major.to_string())
            }
        })
        .collect()
}

/// The number of the version an endorsement must reach to count as current: the latest
/// substantive one (a wording-only version after it changes nothing that was endorsed).
pub fn binding_version(versions: &[(u32, bool)]) -> Option<u32> {
    versions
        .iter()
        .rev()
        .find(|(_, wording_only)| !wording_only)
        .or(versions.first())
        .map(|(number, _)| *number)
}

#[cfg(test)]
mod version_tests {
    use super::*;

    #[test]
    fn a_wording_only_version_is_a_minor_number_and_keeps_the_binding_version() {
        let versions = [(1, false), (2, false), (3, true), (4, true), (5, false)];
        let labels: Vec<String> = version_labels(&versions)
            .into_iter()
            .map(|(_, l)| l)
            .collect();
        assert_eq!(labels, ["1", "2", "2.1", "2.2", "3"]);
        assert_eq!(binding_version(&versions[..4]), Some(2));
        assert_eq!(binding_version(&versions), Some(5));
        assert_eq!(binding_version(&[]), None);
        // A first version saved as "wording only" is still the first substantive one.
        assert_eq!(version_labels(&[(1, true)])[0].1, "1");
        assert_eq!(binding_version(&[(1, true)]), Some(1));
    }
}
