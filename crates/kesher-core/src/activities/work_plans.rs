//! The work plan: the backbone drafts it, a decision of the leading team or the steering
//! committee approves it, and through the year whoever carries a row out reports where it
//! stands and what it spent. Everyone in the initiative reads it.

use std::collections::HashMap;

use chrono::NaiveDate;
use kesher_domain::access::Access;
use kesher_domain::activities::work_plan::{
    Budget, Executor, ItemStatus, MilestoneForm, PlanForm, PlanInput, PlanItemForm, PlanItemInput,
    PlanKind, budget_by_goal, draft_next_year,
};
use kesher_domain::agenda::ResultKind;
use kesher_domain::bodies::BodyKind;
use kesher_domain::validation::Checker;
use kesher_domain::*;
use kesher_store::{ItemReport, WorkPlan, WorkPlanItem};
use serde::Deserialize;

use crate::agenda::{TreeRow, ordered};
use crate::dates::today;
use crate::{Caller, CoreError, CoreResult, Kesher};

/// What a row's executor reports: where it stands and what it spent.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ReportForm {
    #[serde(deserialize_with = "kesher_domain::lenient::text")]
    #[schema(value_type = ItemStatus)]
    #[schema(required = true)]
    pub status: String,
    /// Shekels spent so far, whole.
    #[serde(deserialize_with = "kesher_domain::lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub budget_actual: String,
    #[serde(deserialize_with = "kesher_domain::lenient::text")]
    pub notes: String,
}

impl ReportForm {
    /// Read through the row form's own checks, so a budget is read one way everywhere.
    fn parse(&self, row: &WorkPlanItem) -> Result<ItemReport, Vec<FieldError>> {
        let form = PlanItemForm {
            result_id: row.result_id.to_string(),
            organization_id: match row.executor {
                Executor::Organization(o) => o.to_string(),
                Executor::Body(_) => String::new(),
            },
            body_id: match row.executor {
                Executor::Body(b) => b.to_string(),
                Executor::Organization(_) => String::new(),
            },
            // No status given keeps the row's.
            status: if self.status.trim().is_empty() {
                row.status.code().into()
            } else {
                self.status.clone()
            },
            budget_actual: self.budget_actual.clone(),
            notes: self.notes.clone(),
            ..Default::default()
        };
        let input = form.parse()?;
        Ok(ItemReport {
            status: input.status,
            budget_actual: input.budget_actual,
            notes: input.notes,
        })
    }
}

/// A goal's part of the plan (or the rows under no goal).
#[derive(Clone, Debug)]
pub struct GoalBudget {
    pub goal: Option<ResultNodeId>,
    pub budget: Budget,
}

/// One school year's plan as its page and the API show it.
pub struct YearPlan {
    /// The school year, by the calendar year it opens in.
    pub year: i32,
    /// The latest version of the year's annual plan.
    pub plan: Option<WorkPlan>,
    /// The latest multi-year plan that covers the year.
    pub multi_year: Option<WorkPlan>,
    /// Every plan of the initiative, for the list of versions and years.
    pub plans: Vec<WorkPlan>,
    pub goals: Vec<GoalBudget>,
    pub total: Budget,
    /// The results tree in reading order, for the rows' places in it.
    pub tree: Vec<TreeRow>,
    pub access: Access,
    pub today: NaiveDate,
}

impl YearPlan {
    /// The goal a node sits under (itself, for a goal).
    pub fn goal_of(&self, node: ResultNodeId) -> Option<ResultNodeId> {
        goal_of(&self.tree, node)
    }

    /// Whether a row is late: open, with a milestone past its day and not done.
    pub fn late(&self, row: &WorkPlanItem) -> bool {
        row_late(row, self.today)
    }
}

/// Whether a row is late on `today`: open, with a milestone past its day and not done.
pub fn row_late(row: &WorkPlanItem, today: NaiveDate) -> bool {
    row.status.open()
        && row
            .milestones
            .iter()
            .any(|m| m.done_on.is_none() && m.due_on < today)
}

fn goal_of(tree: &[TreeRow], node: ResultNodeId) -> Option<ResultNodeId> {
    let by_id: HashMap<ResultNodeId, &TreeRow> = tree.iter().map(|r| (r.node.id, r)).collect();
    let mut at = by_id.get(&node)?;
    for _ in 0..tree.len() {
        if at.node.kind == ResultKind::Goal {
            return Some(at.node.id);
        }
        at = by_id.get(&at.node.parent_id?)?;
    }
    None
}

/// The latest version of a plan of `kind` that covers `year`.
fn latest(plans: &[WorkPlan], kind: PlanKind, year: i32) -> Option<WorkPlan> {
    plans
        .iter()
        .filter(|p| p.kind == kind && p.first_year <= year && year <= p.last_year)
        .max_by_key(|p| (p.first_year, p.version))
        .cloned()
}

fn input_of(row: &WorkPlanItem) -> PlanItemInput {
    PlanItemInput {
        result_id: row.result_id,
        title: row.title.clone(),
        executor: row.executor,
        program_id: row.program_id,
        budget_planned: row.budget_planned,
        budget_actual: row.budget_actual,
        status: row.status,
        notes: row.notes.clone(),
    }
}

impl Kesher {
    /// One school year's plan, with the budget per goal and in total (everyone).
    pub async fn work_plan_year(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        year: i32,
    ) -> CoreResult<YearPlan> {
        let access = self.require(caller, initiative, |_| true).await?;
        let plans = self.store.work_plans(initiative).await?;
        let tree = ordered(self.store.results(initiative).await?);
        let plan = latest(&plans, PlanKind::Annual, year);
        let multi_year = latest(&plans, PlanKind::MultiYear, year);
        let rows = plan
            .as_ref()
            .map(|p| p.items.as_slice())
            .unwrap_or_default();
        let (per_goal, total) = budget_by_goal(
            rows.iter()
                .map(|r| (r.result_id, r.budget_planned, r.budget_actual)),
            |node| goal_of(&tree, node),
        );
        // Goals in the tree's order, those with no row left out; rows under no goal last.
        let mut goals: Vec<GoalBudget> = tree
            .iter()
            .filter(|r| r.node.kind == ResultKind::Goal)
            .filter_map(|r| {
                per_goal.get(&Some(r.node.id)).map(|budget| GoalBudget {
                    goal: Some(r.node.id),
                    budget: *budget,
                })
            })
            .collect();
        if let Some(budget) = per_goal.get(&None) {
            goals.push(GoalBudget {
                goal: None,
                budget: *budget,
            });
        }
        Ok(YearPlan {
            year,
            plan,
            multi_year,
            plans,
            goals,
            total,
            tree,
            access,
            today: today(),
        })
    }

    /// One plan in one of its versions (everyone).
    pub async fn work_plan(
        &self,
        caller: &Caller,
        id: WorkPlanId,
    ) -> CoreResult<(WorkPlan, Access)> {
        let plan = self.store.work_plan(id).await?;
        let access = self.require(caller, plan.initiative_id, |_| true).await?;
        Ok((plan, access))
    }

    /// A new, empty draft (backbone).
    pub async fn create_work_plan(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &PlanForm,
    ) -> CoreResult<WorkPlan> {
        self.require(caller, initiative, |a| a.can_edit_agenda())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        Ok(self
            .store
            .create_work_plan(caller.actor(), initiative, &input, &[])
            .await?)
    }

    /// The next version of a plan: a draft holding its rows as they stand (backbone).
    pub async fn new_work_plan_version(
        &self,
        caller: &Caller,
        id: WorkPlanId,
    ) -> CoreResult<WorkPlan> {
        let plan = self.store.work_plan(id).await?;
        self.require(caller, plan.initiative_id, |a| a.can_edit_agenda())
            .await?;
        let input = PlanInput {
            kind: plan.kind,
            title: plan.title.clone(),
            first_year: plan.first_year,
            last_year: plan.last_year,
        };
        let rows: Vec<PlanItemInput> = plan.items.iter().map(input_of).collect();
        Ok(self
            .store
            .create_work_plan(caller.actor(), plan.initiative_id, &input, &rows)
            .await?)
    }

    /// Drafts the annual plan of the year after `year` from this year's rows still open and
    /// the multi-year plan's rows for the next year (backbone). `title` names it.
    pub async fn draft_next_year(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        year: i32,
        title: &str,
    ) -> CoreResult<WorkPlan> {
        self.require(caller, initiative, |a| a.can_edit_agenda())
            .await?;
        let plans = self.store.work_plans(initiative).await?;
        let this_year: Vec<PlanItemInput> = latest(&plans, PlanKind::Annual, year)
            .map(|p| p.items.iter().map(input_of).collect())
            .unwrap_or_default();
        let multi_year: Vec<PlanItemInput> = latest(&plans, PlanKind::MultiYear, year + 1)
            .map(|p| p.items.iter().map(input_of).collect())
            .unwrap_or_default();
        let rows = draft_next_year(&this_year, &multi_year);
        let input = PlanInput {
            kind: PlanKind::Annual,
            title: title.to_string(),
            first_year: year + 1,
            last_year: year + 1,
        };
        Ok(self
            .store
            .create_work_plan(caller.actor(), initiative, &input, &rows)
            .await?)
    }

    /// Approves a draft by a decision of the leading team or the steering committee
    /// (backbone). Any other decision is refused at the field.
    pub async fn approve_work_plan(
        &self,
        caller: &Caller,
        id: WorkPlanId,
        decision: &str,
    ) -> CoreResult<WorkPlan> {
        let plan = self.store.work_plan(id).await?;
        self.require(caller, plan.initiative_id, |a| a.can_edit_agenda())
            .await?;
        let refused = || CoreError::invalid("decision_id", Invalid::Choice);
        let decision = lenient::required_id(decision)
            .map_err(|problem| CoreError::invalid("decision_id", problem))?;
        let found = self
            .store
            .decision(DecisionId::new(decision))
            .await
            .map_err(|_| refused())?;
        if found.initiative_id != plan.initiative_id {
            return Err(refused());
        }
        let body = match found.body_id {
            Some(body) => self.store.body(body).await?,
            None => return Err(refused()),
        };
        if !matches!(
            body.kind,
            BodyKind::SteeringCommittee | BodyKind::LeadingTeam
        ) {
            return Err(refused());
        }
        Ok(self
            .store
            .approve_work_plan(caller.actor(), id, found.id)
            .await?)
    }

    /// Deletes a draft (backbone).
    pub async fn delete_work_plan(&self, caller: &Caller, id: WorkPlanId) -> CoreResult<()> {
        let plan = self.store.work_plan(id).await?;
        self.require(caller, plan.initiative_id, |a| a.can_edit_agenda())
            .await?;
        Ok(self.store.delete_work_plan(caller.actor(), id).await?)
    }

    /// Checks a row as typed, and that what it names is the initiative's (at the field).
    async fn checked_row(
        &self,
        initiative: InitiativeId,
        form: &PlanItemForm,
    ) -> CoreResult<PlanItemInput> {
        let input = form.parse().map_err(CoreError::Invalid)?;
        let mut c = Checker::new();
        let results = self.store.results(initiative).await?;
        if !results
            .iter()
            .any(|r| r.id == input.result_id && r.kind != ResultKind::Mission)
        {
            c.push("result_id", Invalid::Choice);
        }
        match input.executor {
            Executor::Organization(o) => {
                if self
                    .store
                    .organization(o)
                    .await
                    .map_or(true, |found| found.initiative_id != initiative)
                {
                    c.push("organization_id", Invalid::Choice);
                }
            }
            Executor::Body(b) => {
                if self
                    .store
                    .body(b)
                    .await
                    .map_or(true, |found| found.initiative_id != initiative)
                {
                    c.push("body_id", Invalid::Choice);
                }
            }
        }
        if let Some(program) = input.program_id
            && self
                .store
                .program(program)
                .await
                .map_or(true, |found| found.initiative_id != initiative)
        {
            c.push("program_id", Invalid::Choice);
        }
        if c.is_empty() {
            Ok(input)
        } else {
            Err(CoreError::Invalid(c.into_errors()))
        }
    }

    /// Adds a row to a draft (backbone).
    pub async fn add_plan_item(
        &self,
        caller: &Caller,
        plan: WorkPlanId,
        form: &PlanItemForm,
    ) -> CoreResult<WorkPlan> {
        let found = self.store.work_plan(plan).await?;
        self.require(caller, found.initiative_id, |a| a.can_edit_agenda())
            .await?;
        let input = self.checked_row(found.initiative_id, form).await?;
        Ok(self
            .store
            .add_plan_item(caller.actor(), plan, &input)
            .await?)
    }

    /// Replaces a row of a draft (backbone).
    pub async fn edit_plan_item(
        &self,
        caller: &Caller,
        item: WorkPlanItemId,
        form: &PlanItemForm,
    ) -> CoreResult<WorkPlan> {
        let plan = self
            .store
            .work_plan(self.store.plan_of_item(item).await?)
            .await?;
        self.require(caller, plan.initiative_id, |a| a.can_edit_agenda())
            .await?;
        let input = self.checked_row(plan.initiative_id, form).await?;
        Ok(self
            .store
            .edit_plan_item(caller.actor(), item, &input)
            .await?)
    }

    /// Removes a row of a draft (backbone).
    pub async fn delete_plan_item(
        &self,
        caller: &Caller,
        item: WorkPlanItemId,
    ) -> CoreResult<WorkPlan> {
        let plan = self
            .store
            .work_plan(self.store.plan_of_item(item).await?)
            .await?;
        self.require(caller, plan.initiative_id, |a| a.can_edit_agenda())
            .await?;
        Ok(self.store.delete_plan_item(caller.actor(), item).await?)
    }

    /// The row and its plan, with a check that the caller may report on it: the backbone,
    /// or the editor of the organization that carries it out.
    async fn reportable(
        &self,
        caller: &Caller,
        item: WorkPlanItemId,
    ) -> CoreResult<(WorkPlan, WorkPlanItem)> {
        let plan = self
            .store
            .work_plan(self.store.plan_of_item(item).await?)
            .await?;
        let row = plan
            .items
            .iter()
            .find(|r| r.id == item)
            .cloned()
            .ok_or(CoreError::NotFound)?;
        self.require(caller, plan.initiative_id, |a| {
            a.can_report_on(row.executor)
        })
        .await?;
        Ok((plan, row))
    }

    /// Records where a row stands and what it spent, on a draft or an approved plan.
    pub async fn report_plan_item(
        &self,
        caller: &Caller,
        item: WorkPlanItemId,
        form: &ReportForm,
    ) -> CoreResult<WorkPlan> {
        let (_, row) = self.reportable(caller, item).await?;
        let report = form.parse(&row).map_err(CoreError::Invalid)?;
        Ok(self
            .store
            .report_plan_item(caller.actor(), item, &report)
            .await?)
    }

    /// Adds a milestone to a row (the backbone, or whoever carries the row out).
    pub async fn add_milestone(
        &self,
        caller: &Caller,
        item: WorkPlanItemId,
        form: &MilestoneForm,
    ) -> CoreResult<WorkPlan> {
        self.reportable(caller, item).await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        Ok(self
            .store
            .add_milestone(caller.actor(), item, &input)
            .await?)
    }

    /// Marks a milestone done today, or open again (the backbone, or the row's executor).
    pub async fn set_milestone_done(
        &self,
        caller: &Caller,
        milestone: MilestoneId,
        done: bool,
    ) -> CoreResult<WorkPlan> {
        let item = self.store.item_of_milestone(milestone).await?;
        self.reportable(caller, item).await?;
        Ok(self
            .store
            .set_milestone_done(caller.actor(), milestone, done.then(today))
            .await?)
    }

    /// The decisions that may approve a plan: those of the leading team or the steering
    /// committee, newest first.
    pub async fn approving_decisions(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<kesher_store::Decision>> {
        self.require(caller, initiative, |a| a.can_edit_agenda())
            .await?;
        let bodies: Vec<BodyId> = self
            .store
            .list_bodies(initiative)
            .await?
            .into_iter()
            .filter(|b| matches!(b.kind, BodyKind::SteeringCommittee | BodyKind::LeadingTeam))
            .map(|b| b.id)
            .collect();
        let mut decisions: Vec<kesher_store::Decision> = self
            .store
            .decisions(initiative)
            .await?
            .into_iter()
            .filter(|d| d.body_id.is_some_and(|b| bodies.contains(&b)))
            .collect();
        decisions.sort_by_key(|d| std::cmp::Reverse(d.decided_on));
        Ok(decisions)
    }
}
