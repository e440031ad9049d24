//! The work plan (תוכנית עבודה), in the municipal seed's table: goal → lever → action
//! component → executing body (an organization or a body) → budget planned and actual, with
//! a status and milestones. A multi-year plan spans several school years; an annual plan
//! one. A plan is a draft until a decision of the leading team or the steering committee
//! approves it; an approved plan is kept as it was, and a change starts its next version.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::measurement::period::{Period, PeriodKind};
use crate::text::{LINE_MAX, LONG_TEXT_MAX, Name, optional_date, optional_line, optional_text};
use crate::validation::Checker;
use crate::{
    BodyId, FieldError, Invalid, OrganizationId, ProgramId, ResultNodeId, choice_enum, lenient,
};

choice_enum!(
    /// How long a plan runs.
    PlanKind, "plan-kind", {
        /// Several school years: the direction the annual plans grow from.
        MultiYear => "multi_year",
        /// One school year.
        Annual => "annual",
    }
);

choice_enum!(
    /// Where a row of the plan stands.
    ItemStatus, "plan-item-status", {
        Planned => "planned",
        InProgress => "in_progress",
        Done => "done",
        Dropped => "dropped",
    }
);

impl ItemStatus {
    /// Whether the row still asks for work (carried into next year's draft).
    pub fn open(self) -> bool {
        matches!(self, ItemStatus::Planned | ItemStatus::InProgress)
    }
}

/// The largest budget a row may name, in shekels.
pub const BUDGET_MAX: i64 = super::AMOUNT_MAX;

/// A plan as typed.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct PlanForm {
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = PlanKind)]
    #[schema(required = true)]
    pub kind: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub title: String,
    /// The first school year: `2026/27`, `תשפ"ז` or its closing year `2027`.
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub first_year: String,
    /// The last school year (a multi-year plan's); an annual plan's is its first.
    #[serde(deserialize_with = "lenient::text")]
    pub last_year: String,
}

/// A checked plan: its years by the calendar year they open in (2026 is 2026/27).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PlanInput {
    pub kind: PlanKind,
    pub title: String,
    pub first_year: i32,
    pub last_year: i32,
}

/// A school year as typed, by the calendar year it opens in.
pub fn school_year(raw: &str) -> Result<Option<i32>, Invalid> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    match Period::parse(PeriodKind::SchoolYear, raw.trim())? {
        Period::SchoolYear(year) => Ok(Some(year)),
        _ => Err(Invalid::Period),
    }
}

impl PlanForm {
    pub fn parse(&self) -> Result<PlanInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let kind = c.check("kind", PlanKind::parse(&self.kind));
        let title = c.check("title", Name::parse(&self.title));
        let first = c.check(
            "first_year",
            school_year(&self.first_year).and_then(|y| y.ok_or(Invalid::Required)),
        );
        let last = c.check("last_year", school_year(&self.last_year));
        if let (Some(PlanKind::MultiYear), Some(None)) = (kind, last) {
            c.push("last_year", Invalid::Required);
        }
        if let (Some(first), Some(Some(last))) = (first, last)
            && (last < first || last - first > 20)
        {
            c.push("last_year", Invalid::DateOrder);
        }
        if !c.is_empty() {
            return Err(c.into_errors());
        }
        match (kind, title, first, last) {
            (Some(kind), Some(title), Some(first), Some(last)) => Ok(PlanInput {
                kind,
                title: title.into_string(),
                first_year: first,
                last_year: match kind {
                    PlanKind::Annual => first,
                    PlanKind::MultiYear => last.unwrap_or(first),
                },
            }),
            _ => Err(c.into_errors()),
        }
    }
}

/// Who carries a row out: an organization or a body, never both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Executor {
    Organization(OrganizationId),
    Body(BodyId),
}

/// A row of the plan as typed.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct PlanItemForm {
    /// The node of the results tree it carries out: an action component, usually.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = i64)]
    #[schema(required = true)]
    pub result_id: String,
    /// What is done, when the node's title does not say it.
    #[serde(deserialize_with = "lenient::text")]
    pub title: String,
    /// The executing organization (or give `body_id`).
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub organization_id: String,
    /// The executing body (or give `organization_id`).
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub body_id: String,
    /// The program that carries it out, if one does.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub program_id: String,
    /// Shekels, whole.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub budget_planned: String,
    /// Shekels spent so far, whole.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub budget_actual: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = Option<ItemStatus>)]
    pub status: String,
    #[serde(deserialize_with = "lenient::text")]
    pub notes: String,
}

/// A checked row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PlanItemInput {
    pub result_id: ResultNodeId,
    pub title: Option<String>,
    pub executor: Executor,
    pub program_id: Option<ProgramId>,
    pub budget_planned: Option<i64>,
    pub budget_actual: Option<i64>,
    pub status: ItemStatus,
    pub notes: Option<String>,
}

impl PlanItemForm {
    pub fn parse(&self) -> Result<PlanItemInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let result = c.check("result_id", lenient::required_id(&self.result_id));
        let title = c.check("title", optional_line(&self.title, LINE_MAX));
        let organization = c.check(
            "organization_id",
            lenient::optional_id(&self.organization_id),
        );
        let body = c.check("body_id", lenient::optional_id(&self.body_id));
        let program = c.check("program_id", lenient::optional_id(&self.program_id));
        let planned = c.check("budget_planned", super::whole_amount(&self.budget_planned));
        let actual = c.check("budget_actual", super::whole_amount(&self.budget_actual));
        let status = c.check(
            "status",
            match self.status.trim() {
                "" => Ok(ItemStatus::Planned),
                raw => ItemStatus::parse(raw),
            },
        );
        let notes = c.check("notes", optional_text(&self.notes, LONG_TEXT_MAX));
        let executor = match (organization, body) {
            (Some(Some(_)), Some(Some(_))) => {
                c.push("organization_id", Invalid::OneOwner);
                None
            }
            (Some(Some(o)), Some(None)) => Some(Executor::Organization(OrganizationId::new(o))),
            (Some(None), Some(Some(b))) => Some(Executor::Body(BodyId::new(b))),
            (Some(None), Some(None)) => {
                c.push("organization_id", Invalid::Required);
                None
            }
            _ => None,
        };
        match (
            result, title, executor, program, planned, actual, status, notes,
        ) {
            (
                Some(result),
                Some(title),
                Some(executor),
                Some(program),
                Some(planned),
                Some(actual),
                Some(status),
                Some(notes),
            ) if c.is_empty() => Ok(PlanItemInput {
                result_id: ResultNodeId::new(result),
                title,
                executor,
                program_id: program.map(ProgramId::new),
                budget_planned: planned,
                budget_actual: actual,
                status,
                notes,
            }),
            _ => Err(c.into_errors()),
        }
    }
}

/// A milestone of a row as typed.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct MilestoneForm {
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub title: String,
    /// `YYYY-MM-DD`.
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = NaiveDate)]
    #[schema(required = true)]
    pub due_on: String,
}

/// A checked milestone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct MilestoneInput {
    pub title: String,
    pub due_on: NaiveDate,
}

impl MilestoneForm {
    pub fn parse(&self) -> Result<MilestoneInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let title = c.check("title", Name::parse(&self.title));
        let due = c.check(
            "due_on",
            optional_date(&self.due_on).and_then(|d| d.ok_or(Invalid::Required)),
        );
        match (title, due) {
            (Some(title), Some(due_on)) => Ok(MilestoneInput {
                title: title.into_string(),
                due_on,
            }),
            _ => Err(c.into_errors()),
        }
    }
}

/// Planned and actual budget, added up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Budget {
    pub planned: i64,
    pub actual: i64,
    /// Rows with a planned budget, and rows with an actual one: a sum over some rows only
    /// says so.
    pub rows_planned: u32,
    pub rows_actual: u32,
    pub rows: u32,
}

impl Budget {
    pub fn add(&mut self, planned: Option<i64>, actual: Option<i64>) {
        self.rows += 1;
        if let Some(p) = planned {
            self.planned += p;
            self.rows_planned += 1;
        }
        if let Some(a) = actual {
            self.actual += a;
            self.rows_actual += 1;
        }
    }

    /// Actual as a share of planned, when both are known and something was planned.
    pub fn spent_percent(&self) -> Option<f64> {
        (self.planned > 0 && self.rows_actual > 0)
            .then(|| self.actual as f64 * 100.0 / self.planned as f64)
    }
}

/// Rows' budgets per goal (by `goal_of`, rows under no goal apart) and in total.
pub fn budget_by_goal<'a>(
    rows: impl IntoIterator<Item = (ResultNodeId, Option<i64>, Option<i64>)> + 'a,
    goal_of: impl Fn(ResultNodeId) -> Option<ResultNodeId>,
) -> (BTreeMap<Option<ResultNodeId>, Budget>, Budget) {
    let mut per_goal: BTreeMap<Option<ResultNodeId>, Budget> = BTreeMap::new();
    let mut total = Budget::default();
    for (result, planned, actual) in rows {
        per_goal
            .entry(goal_of(result))
            .or_default()
            .add(planned, actual);
        total.add(planned, actual);
    }
    (per_goal, total)
}

/// Next year's annual plan, drafted: this year's rows still open carry over (their status
/// kept, nothing spent yet); then the multi-year plan's rows for nodes this year did not
/// have, as planned. Done and dropped rows stay behind. Budgets planned are kept as a start.
pub fn draft_next_year(
    this_year: &[PlanItemInput],
    multi_year: &[PlanItemInput],
) -> Vec<PlanItemInput> {
    let mut draft: Vec<PlanItemInput> = this_year
        .iter()
        .filter(|row| row.status.open())
        .map(|row| PlanItemInput {
            budget_actual: None,
            ..row.clone()
        })
        .collect();
    for row in multi_year {
        let known = this_year
            .iter()
            .any(|r| r.result_id == row.result_id && r.executor == row.executor);
        if !known && row.status != ItemStatus::Dropped {
            draft.push(PlanItemInput {
                budget_actual: None,
                status: ItemStatus::Planned,
                ..row.clone()
            });
        }
    }
    draft
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(
        result: i64,
        org: i64,
        planned: Option<i64>,
        actual: Option<i64>,
        status: ItemStatus,
    ) -> PlanItemInput {
        PlanItemInput {
            result_id: ResultNodeId::new(result),
            title: None,
            executor: Executor::Organization(OrganizationId::new(org)),
            program_id: None,
            budget_planned: planned,
            budget_actual: actual,
            status,
            notes: None,
        }
    }

    #[test]
    fn budgets_add_up_per_goal_and_say_how_many_rows_they_hold() {
        // Action components 11 and 12 under goal 1; 21 under goal 2; 99 under none.
        let goal_of = |r: ResultNodeId| match r.get() {
            11 | 12 => Some(ResultNodeId::new(1)),
            21 => Some(ResultNodeId::new(2)),
            _ => None,
        };
        let rows = [
            (ResultNodeId::new(11), Some(120_000), Some(80_000)),
            (ResultNodeId::new(12), Some(30_000), None),
            (ResultNodeId::new(21), Some(50_000), Some(55_000)),
            (ResultNodeId::new(99), None, Some(1_000)),
        ];
        let (per_goal, total) = budget_by_goal(rows, goal_of);
        let first = per_goal[&Some(ResultNodeId::new(1))];
        assert_eq!((first.planned, first.actual), (150_000, 80_000));
        assert_eq!(
            (first.rows, first.rows_planned, first.rows_actual),
            (2, 2, 1)
        );
        let second = per_goal[&Some(ResultNodeId::new(2))];
        assert_eq!(second.spent_percent(), Some(110.0));
        assert_eq!(per_goal[&None].planned, 0);
        assert_eq!(per_goal[&None].spent_percent(), None);
        assert_eq!(
            (total.planned, total.actual, total.rows),
            (200_000, 136_000, 4)
        );
    }

    #[test]
    fn next_year_carries_what_is_open_and_adds_what_the_multi_year_plan_holds() {
        let this_year = vec![
            row(11, 5, Some(100), Some(90), ItemStatus::Done),
            row(12, 5, Some(200), Some(50), ItemStatus::InProgress),
            row(13, 6, Some(300), None, ItemStatus::Dropped),
        ];
        let multi_year = vec![
            row(11, 5, Some(100), None, ItemStatus::Planned),
            row(12, 5, Some(250), None, ItemStatus::Planned),
            row(14, 7, Some(400), None, ItemStatus::Planned),
            row(15, 7, Some(500), None, ItemStatus::Dropped),
        ];
        let draft = draft_next_year(&this_year, &multi_year);
        let summary: Vec<(i64, Option<i64>, Option<i64>, ItemStatus)> = draft
            .iter()
            .map(|r| {
                (
                    r.result_id.get(),
                    r.budget_planned,
                    r.budget_actual,
                    r.status,
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                // Still in progress: carried with its own budget, nothing spent yet.
                (12, Some(200), None, ItemStatus::InProgress),
                // New in the multi-year plan: planned.
                (14, Some(400), None, ItemStatus::Planned),
            ]
        );
    }

    #[test]
    fn a_row_is_carried_by_one_executor_and_a_budget_is_whole_shekels() {
        let errors = PlanItemForm {
            result_id: "3".into(),
            organization_id: "4".into(),
            body_id: "5".into(),
            budget_planned: "12.5".into(),
            ..PlanItemForm::default()
        }
        .parse()
        .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["budget_planned", "organization_id"]);
        let row = PlanItemForm {
            result_id: "3".into(),
            body_id: "5".into(),
            budget_planned: "₪ 120,000".into(),
            ..PlanItemForm::default()
        }
        .parse()
        .unwrap();
        assert_eq!(row.executor, Executor::Body(BodyId::new(5)));
        assert_eq!(row.budget_planned, Some(120_000));
        assert_eq!(row.status, ItemStatus::Planned);
    }

    #[test]
    fn a_plan_names_its_school_years() {
        let annual = PlanForm {
            kind: "annual".into(),
            title: "תוכנית העבודה תשפ\"ז".into(),
            first_year: "2026/27".into(),
            ..PlanForm::default()
        }
        .parse()
        .unwrap();
        assert_eq!((annual.first_year, annual.last_year), (2026, 2026));
        let errors = PlanForm {
            kind: "multi_year".into(),
            title: "רב שנתית".into(),
            first_year: "2026/27".into(),
            last_year: "2024/25".into(),
        }
        .parse()
        .unwrap_err();
        assert_eq!(errors[0].field, "last_year");
    }
}
