//! Work plans with their rows and the rows' milestones: one aggregate, since a row and a
//! milestone exist only inside their plan.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use kesher_domain::activities::work_plan::{
    Executor, ItemStatus, MilestoneInput, PlanInput, PlanItemInput, PlanKind,
};
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Actor, StoreResult};

/// A milestone of a row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Milestone {
    pub id: MilestoneId,
    pub title: String,
    pub due_on: NaiveDate,
    pub done_on: Option<NaiveDate>,
}

/// A row of a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct WorkPlanItem {
    pub id: WorkPlanItemId,
    pub plan_id: WorkPlanId,
    pub result_id: ResultNodeId,
    pub title: Option<String>,
    pub executor: Executor,
    /// The executing organization's or body's name.
    pub executor_name: String,
    pub program_id: Option<ProgramId>,
    pub program_name: Option<String>,
    pub budget_planned: Option<i64>,
    pub budget_actual: Option<i64>,
    pub status: ItemStatus,
    pub notes: Option<String>,
    pub milestones: Vec<Milestone>,
}

/// A plan in one of its versions, with its rows in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct WorkPlan {
    pub id: WorkPlanId,
    pub initiative_id: InitiativeId,
    pub kind: PlanKind,
    pub title: String,
    /// The school years it covers, by the calendar year each opens in (2026 is 2026/27).
    pub first_year: i32,
    pub last_year: i32,
    /// 1, 2, 3… among the plans of the same kind and years.
    pub version: u32,
    /// The decision that approved it; a draft until then.
    pub decision_id: Option<DecisionId>,
    pub approved_at: Option<DateTime<Utc>>,
    pub items: Vec<WorkPlanItem>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What a row's executor reports during the year, on an approved plan as on a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemReport {
    pub status: ItemStatus,
    pub budget_actual: Option<i64>,
    pub notes: Option<String>,
}

#[async_trait]
pub trait WorkPlanStore: Send + Sync {
    /// A new draft with its rows, numbered the next version of its kind and years. What
    /// the rows name must be the initiative's.
    async fn create_work_plan(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        plan: &PlanInput,
        items: &[PlanItemInput],
    ) -> StoreResult<WorkPlan>;
    /// Approves a draft by a decision of the initiative; an approved plan is
    /// `Conflict::Transition`.
    async fn approve_work_plan(
        &self,
        actor: Actor,
        id: WorkPlanId,
        decision: DecisionId,
    ) -> StoreResult<WorkPlan>;
    /// Deletes a draft; an approved plan is `Conflict::Transition`.
    async fn delete_work_plan(&self, actor: Actor, id: WorkPlanId) -> StoreResult<()>;
    async fn work_plan(&self, id: WorkPlanId) -> StoreResult<WorkPlan>;
    /// The initiative's plans, by years and version.
    async fn work_plans(&self, initiative: InitiativeId) -> StoreResult<Vec<WorkPlan>>;
    /// Adds a row at the end of a draft.
    async fn add_plan_item(
        &self,
        actor: Actor,
        plan: WorkPlanId,
        item: &PlanItemInput,
    ) -> StoreResult<WorkPlan>;
    /// Replaces a row of a draft.
    async fn edit_plan_item(
        &self,
        actor: Actor,
        id: WorkPlanItemId,
        item: &PlanItemInput,
    ) -> StoreResult<WorkPlan>;
    /// Records where a row stands and what it spent, on any plan.
    async fn report_plan_item(
        &self,
        actor: Actor,
        id: WorkPlanItemId,
        report: &ItemReport,
    ) -> StoreResult<WorkPlan>;
    /// Removes a row of a draft.
    async fn delete_plan_item(&self, actor: Actor, id: WorkPlanItemId) -> StoreResult<WorkPlan>;
    async fn add_milestone(
        &self,
        actor: Actor,
        item: WorkPlanItemId,
        milestone: &MilestoneInput,
    ) -> StoreResult<WorkPlan>;
    /// Marks a milestone done on a day, or open again (`None`).
    async fn set_milestone_done(
        &self,
        actor: Actor,
        id: MilestoneId,
        done_on: Option<NaiveDate>,
    ) -> StoreResult<WorkPlan>;
    async fn delete_milestone(&self, actor: Actor, id: MilestoneId) -> StoreResult<WorkPlan>;
    /// The plan a row belongs to, and the row's plan for a milestone.
    async fn plan_of_item(&self, id: WorkPlanItemId) -> StoreResult<WorkPlanId>;
    async fn item_of_milestone(&self, id: MilestoneId) -> StoreResult<WorkPlanItemId>;
}
