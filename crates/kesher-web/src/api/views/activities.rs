//! The API's view of programs and the alignment map. Each type mirrors its record field by
//! field today; it is its own type so that a change in storage cannot change `/api/v1` unseen.

use chrono::NaiveDate;
use kesher_domain::activities::alignment as map;
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

/// A partner's program.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Program {
    pub id: ProgramId,
    pub initiative_id: InitiativeId,
    pub organization_id: OrganizationId,
    pub organization_name: String,
    pub name: String,
    pub description: Option<String>,
    /// The goals, levers and action components it serves.
    pub result_ids: Vec<ResultNodeId>,
    /// The places it names; it reaches every place under them too.
    pub place_ids: Vec<PlaceId>,
    /// Place groups it reaches, every member of each.
    pub place_group_ids: Vec<PlaceGroupId>,
    /// Its own output measures (indicators).
    pub indicator_ids: Vec<IndicatorId>,
    pub populations: Vec<String>,
    pub subjects: Vec<String>,
    pub age_bands: Vec<String>,
    /// One of the initiative's core programs, rather than a general one.
    pub core: bool,
    pub starts: Option<NaiveDate>,
    pub ends: Option<NaiveDate>,
    /// Where its money comes from, in whole shekels.
    pub funding: Vec<kesher_domain::activities::programs::FundingSource>,
}

impl From<kesher_store::Program> for Program {
    fn from(p: kesher_store::Program) -> Self {
        Self {
            id: p.id,
            initiative_id: p.initiative_id,
            organization_id: p.organization_id,
            organization_name: p.organization_name,
            name: p.name,
            description: p.description,
            result_ids: p.result_ids,
            place_ids: p.place_ids,
            place_group_ids: p.place_group_ids,
            indicator_ids: p.indicator_ids,
            populations: p.populations,
            subjects: p.subjects,
            age_bands: p.age_bands,
            core: p.core,
            starts: p.starts,
            ends: p.ends,
            funding: p.funding,
        }
    }
}

/// One goal of the results tree: the programs that serve it, their partners, and the
/// lowest places they reach.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct GoalAlignment {
    pub result_id: ResultNodeId,
    pub programs: Vec<ProgramId>,
    pub organizations: Vec<OrganizationId>,
    pub places: Vec<PlaceId>,
}

/// What no program serves.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct AlignmentGaps {
    /// Goals still pursued that no program serves.
    pub goals_without_programs: Vec<ResultNodeId>,
    /// The lowest places (schools, or an authority with none listed) no program reaches.
    pub places_without_programs: Vec<PlaceId>,
    /// Target populations the goals name that no program names.
    pub populations_without_programs: Vec<String>,
    /// Programs that serve no goal.
    pub programs_without_goals: Vec<ProgramId>,
}

/// Several programs for one goal in one place.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct AlignmentOverlap {
    pub place_id: PlaceId,
    pub result_id: ResultNodeId,
    pub program_ids: Vec<ProgramId>,
}

/// The alignment map: programs against goals and places.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Alignment {
    pub goals: Vec<GoalAlignment>,
    pub gaps: AlignmentGaps,
    pub overlaps: Vec<AlignmentOverlap>,
    /// How many programs the map counts (after the filters), of how many in all.
    pub programs_counted: usize,
    pub programs_in_all: usize,
}

impl From<&kesher_core::activities::alignment::AlignmentView> for Alignment {
    fn from(view: &kesher_core::activities::alignment::AlignmentView) -> Self {
        let map::Alignment {
            goals,
            gaps,
            overlaps,
            ..
        } = &view.alignment;
        Self {
            goals: goals
                .iter()
                .map(|g| GoalAlignment {
                    result_id: g.result_id,
                    programs: g.programs.clone(),
                    organizations: g.organizations.clone(),
                    places: g.places.clone(),
                })
                .collect(),
            gaps: AlignmentGaps {
                goals_without_programs: gaps.goals_without_programs.clone(),
                places_without_programs: gaps.places_without_programs.clone(),
                populations_without_programs: gaps.populations_without_programs.clone(),
                programs_without_goals: gaps.programs_without_goals.clone(),
            },
            overlaps: overlaps
                .iter()
                .map(|o| AlignmentOverlap {
                    place_id: o.place_id,
                    result_id: o.result_id,
                    program_ids: o.program_ids.clone(),
                })
                .collect(),
            programs_counted: view.programs.len(),
            programs_in_all: view.all_programs,
        }
    }
}

/// A milestone of a work plan's row.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Milestone {
    pub id: MilestoneId,
    pub title: String,
    pub due_on: NaiveDate,
    pub done_on: Option<NaiveDate>,
}

/// A row of a work plan.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct WorkPlanItem {
    pub id: WorkPlanItemId,
    pub result_id: ResultNodeId,
    /// The goal the row's node sits under.
    pub goal_id: Option<ResultNodeId>,
    pub title: Option<String>,
    /// `{"organization": id}` or `{"body": id}`.
    pub executor: kesher_domain::activities::work_plan::Executor,
    pub executor_name: String,
    pub program_id: Option<ProgramId>,
    /// Shekels.
    pub budget_planned: Option<i64>,
    pub budget_actual: Option<i64>,
    pub status: kesher_domain::activities::work_plan::ItemStatus,
    /// Open, with a milestone past its day and not done.
    pub late: bool,
    pub notes: Option<String>,
    pub milestones: Vec<Milestone>,
}

/// A work plan in one of its versions.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct WorkPlan {
    pub id: WorkPlanId,
    pub kind: kesher_domain::activities::work_plan::PlanKind,
    pub title: String,
    /// School years, as `2026/27`.
    pub first_year: String,
    pub last_year: String,
    pub version: u32,
    /// The decision that approved it; `null` while it is a draft.
    pub decision_id: Option<DecisionId>,
    pub items: Vec<WorkPlanItem>,
}

/// Planned and actual budget added up, with how many rows each sum holds.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct BudgetSum {
    pub planned: i64,
    pub actual: i64,
    pub rows: u32,
    pub rows_planned: u32,
    pub rows_actual: u32,
    /// Actual as a share of planned, when both are known.
    pub spent_percent: Option<f64>,
}

impl From<kesher_domain::activities::work_plan::Budget> for BudgetSum {
    fn from(b: kesher_domain::activities::work_plan::Budget) -> Self {
        Self {
            planned: b.planned,
            actual: b.actual,
            rows: b.rows,
            rows_planned: b.rows_planned,
            rows_actual: b.rows_actual,
            spent_percent: b.spent_percent().map(|p| (p * 10.0).round() / 10.0),
        }
    }
}

/// A goal's budget in the year's plan (`result_id` null for rows under no goal).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct GoalBudget {
    pub result_id: Option<ResultNodeId>,
    #[serde(flatten)]
    pub budget: BudgetSum,
}

/// One school year's work plan: the latest version of its annual plan, the multi-year plan
/// that covers it, and the budget per goal and in total (of the annual plan).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct YearPlan {
    /// `2026/27`.
    pub year: String,
    pub plan: Option<WorkPlan>,
    pub multi_year: Option<WorkPlan>,
    pub goals: Vec<GoalBudget>,
    pub total: BudgetSum,
}

fn year_code(year: i32) -> String {
    kesher_domain::measurement::period::Period::SchoolYear(year).code()
}

impl WorkPlan {
    /// The plan as the API shows it; `goal_of` and `late` answer from the year's view.
    pub fn of(
        plan: &kesher_store::WorkPlan,
        goal_of: impl Fn(ResultNodeId) -> Option<ResultNodeId>,
        late: impl Fn(&kesher_store::WorkPlanItem) -> bool,
    ) -> Self {
        Self {
            id: plan.id,
            kind: plan.kind,
            title: plan.title.clone(),
            first_year: year_code(plan.first_year),
            last_year: year_code(plan.last_year),
            version: plan.version,
            decision_id: plan.decision_id,
            items: plan
                .items
                .iter()
                .map(|row| WorkPlanItem {
                    id: row.id,
                    result_id: row.result_id,
                    goal_id: goal_of(row.result_id),
                    title: row.title.clone(),
                    executor: row.executor,
                    executor_name: row.executor_name.clone(),
                    program_id: row.program_id,
                    budget_planned: row.budget_planned,
                    budget_actual: row.budget_actual,
                    status: row.status,
                    late: late(row),
                    notes: row.notes.clone(),
                    milestones: row
                        .milestones
                        .iter()
                        .map(|m| Milestone {
                            id: m.id,
                            title: m.title.clone(),
                            due_on: m.due_on,
                            done_on: m.done_on,
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

impl From<&kesher_core::activities::work_plans::YearPlan> for YearPlan {
    fn from(view: &kesher_core::activities::work_plans::YearPlan) -> Self {
        let show = |plan: &kesher_store::WorkPlan| {
            WorkPlan::of(plan, |n| view.goal_of(n), |row| view.late(row))
        };
        Self {
            year: year_code(view.year),
            plan: view.plan.as_ref().map(show),
            multi_year: view.multi_year.as_ref().map(show),
            goals: view
                .goals
                .iter()
                .map(|g| GoalBudget {
                    result_id: g.goal,
                    budget: g.budget.into(),
                })
                .collect(),
            total: view.total.into(),
        }
    }
}

/// A partner's commitment, with where it stands.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Commitment {
    pub id: CommitmentId,
    pub initiative_id: InitiativeId,
    pub organization_id: OrganizationId,
    pub organization_name: String,
    /// The goal, lever or action component it serves.
    pub result_id: ResultNodeId,
    pub kind: kesher_domain::activities::commitments::CommitmentKind,
    /// The promise in a sentence.
    pub promise: String,
    /// How much: shekels, people, or `unit`s of activity.
    pub amount: i64,
    pub unit: Option<String>,
    pub due: NaiveDate,
    pub visibility: kesher_domain::activities::commitments::CommitmentVisibility,
    /// As last reported: `open`, `fulfilled`, `partly` or `not_fulfilled`.
    pub status: kesher_domain::activities::commitments::Fulfilment,
    /// `status`, or `overdue` when it is open and its date has passed.
    pub standing: String,
    /// How much was delivered, in its unit.
    pub delivered: Option<i64>,
    pub evidence: Option<String>,
    pub evidence_url: Option<String>,
    pub reported_on: Option<NaiveDate>,
}

impl Commitment {
    pub fn of(c: kesher_store::Commitment, today: NaiveDate) -> Self {
        let standing = kesher_core::activities::commitments::Standing::of(&c, today)
            .code()
            .to_string();
        Self {
            id: c.id,
            initiative_id: c.initiative_id,
            organization_id: c.organization_id,
            organization_name: c.organization_name,
            result_id: c.result_id,
            kind: c.kind,
            promise: c.promise,
            amount: c.amount,
            unit: c.unit,
            due: c.due,
            visibility: c.visibility,
            status: c.status,
            standing,
            delivered: c.delivered,
            evidence: c.evidence,
            evidence_url: c.evidence_url,
            reported_on: c.reported_on,
        }
    }
}

/// One funder's answer to a request: shown to funders only.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Pledge {
    pub organization_id: OrganizationId,
    pub organization_name: String,
    pub interest: kesher_domain::activities::funding::Interest,
    /// Shekels pledged.
    pub amount: Option<i64>,
    /// The funder's note to the other funders.
    pub note: Option<String>,
}

/// A joint funding request. Everyone sees what is covered; only the people who speak for a
/// funding partner see `pledges` (for anyone else it is left out, not empty).
#[derive(Clone, Debug, Serialize, ToSchema)]
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
    pub status: kesher_domain::activities::funding::RequestStatus,
    pub coverage: kesher_domain::activities::funding::FundingCoverage,
    /// The funder the caller answers for, when the caller speaks for one.
    pub answering_for: Option<OrganizationId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pledges: Option<Vec<Pledge>>,
}

impl From<kesher_core::activities::funding::FundingView> for FundingRequest {
    fn from(view: kesher_core::activities::funding::FundingView) -> Self {
        let shows = view.shows_answers();
        let r = view.request;
        Self {
            id: r.id,
            initiative_id: r.initiative_id,
            organization_id: r.organization_id,
            organization_name: r.organization_name,
            title: r.title,
            description: r.description,
            amount: r.amount,
            result_ids: r.result_ids,
            needed_by: r.needed_by,
            status: r.status,
            coverage: view.coverage,
            answering_for: view.answering_for.map(|(f, _)| f),
            pledges: shows.then(|| {
                r.pledges
                    .into_iter()
                    .map(|p| Pledge {
                        organization_id: p.organization_id,
                        organization_name: p.organization_name,
                        interest: p.interest,
                        amount: p.amount,
                        note: p.note,
                    })
                    .collect()
            }),
        }
    }
}

/// An indicator's figures for the whole initiative: the headline (the newest complete
/// period) and a newer provisional one, each with how complete it is.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct MeasuredIndicator {
    pub indicator_id: IndicatorId,
    pub code: String,
    pub name: String,
    pub latest: Option<kesher_core::measurement::headline::FigureAt>,
    pub provisional: Option<kesher_core::measurement::headline::FigureAt>,
}

impl From<&kesher_core::activities::contribution::Measured> for MeasuredIndicator {
    fn from(m: &kesher_core::activities::contribution::Measured) -> Self {
        Self {
            indicator_id: m.indicator.id,
            code: m.indicator.code.clone(),
            name: m.indicator.name_he.clone(),
            latest: m.standing.latest,
            provisional: m.standing.provisional,
        }
    }
}

/// A program that claims to move an indicator, with its own output measures.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ProgramContribution {
    pub program_id: ProgramId,
    pub name: String,
    pub organization_id: OrganizationId,
    pub organization_name: String,
    /// The nodes it serves at or under the indicator's node.
    pub via: Vec<ResultNodeId>,
    /// Where it works: the places it names (it reaches those under them too).
    pub place_ids: Vec<PlaceId>,
    pub place_group_ids: Vec<PlaceGroupId>,
    pub outputs: Vec<MeasuredIndicator>,
}

/// A commitment that claims to move an indicator.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CommitmentContribution {
    pub commitment_id: CommitmentId,
    pub organization_id: OrganizationId,
    pub organization_name: String,
    pub promise: String,
    pub kind: kesher_domain::activities::commitments::CommitmentKind,
    pub amount: i64,
    pub unit: Option<String>,
    pub status: kesher_domain::activities::commitments::Fulfilment,
}

/// One population indicator and what claims to move it.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct IndicatorContribution {
    pub indicator: MeasuredIndicator,
    /// The node of the results tree it measures.
    pub result_id: ResultNodeId,
    pub programs: Vec<ProgramContribution>,
    pub commitments: Vec<CommitmentContribution>,
}

/// The contribution map: each population indicator (not a program's own output measure)
/// linked to the results tree, with the programs and commitments serving its node or one
/// under it.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Contribution {
    pub indicators: Vec<IndicatorContribution>,
    /// Population indicators linked to no node of the tree: nothing can claim them yet.
    pub unlinked: Vec<IndicatorId>,
}

impl From<&kesher_core::activities::contribution::Contribution> for Contribution {
    fn from(c: &kesher_core::activities::contribution::Contribution) -> Self {
        Self {
            indicators: c
                .indicators
                .iter()
                .map(|i| IndicatorContribution {
                    indicator: (&i.measured).into(),
                    result_id: i.node.id,
                    programs: i
                        .programs
                        .iter()
                        .map(|claim| ProgramContribution {
                            program_id: claim.program.id,
                            name: claim.program.name.clone(),
                            organization_id: claim.program.organization_id,
                            organization_name: claim.program.organization_name.clone(),
                            via: claim.via.clone(),
                            place_ids: claim.program.place_ids.clone(),
                            place_group_ids: claim.program.place_group_ids.clone(),
                            outputs: claim.outputs.iter().map(Into::into).collect(),
                        })
                        .collect(),
                    commitments: i
                        .commitments
                        .iter()
                        .map(|c| CommitmentContribution {
                            commitment_id: c.id,
                            organization_id: c.organization_id,
                            organization_name: c.organization_name.clone(),
                            promise: c.promise.clone(),
                            kind: c.kind,
                            amount: c.amount,
                            unit: c.unit.clone(),
                            status: c.status,
                        })
                        .collect(),
                })
                .collect(),
            unlinked: c.unlinked.iter().map(|i| i.id).collect(),
        }
    }
}
