//! The work plan page: one school year's plan in the seed's table (goal → lever → action
//! component → who carries it out → budget planned and actual, status, milestones), the
//! budget per goal beside it, the programs serving each goal that year, and for the backbone
//! the forms that draft, approve and carry the plan into next year.

use std::collections::HashMap;

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use kesher_core::activities::work_plans::{ReportForm, YearPlan};
use kesher_domain::activities::work_plan::{
    Budget, Executor, ItemStatus, MilestoneForm, PlanForm, PlanItemForm, PlanKind,
};
use kesher_domain::agenda::ResultKind;
use kesher_domain::measurement::period::Period;
use kesher_domain::text::number;
use kesher_domain::{InitiativeId, MilestoneId, ResultNodeId, WorkPlanId, WorkPlanItemId};
use kesher_store::{Program, WorkPlanItem};
use serde::Deserialize;

use crate::AppState;
use crate::api::year_asked;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, NoFields, Params, QueryParams};
use crate::html::agenda::body_choices;
use crate::html::{Choice, choices, frame, organization_choices, render_with, saved};
use crate::page::{Page, Section};

const ROW_LABELS: &[(&str, &str)] = &[
    ("result_id", "field-plan-result"),
    ("organization_id", "field-plan-organization"),
    ("body_id", "field-plan-body"),
    ("program_id", "field-plan-program"),
    ("budget_planned", "field-plan-planned"),
    ("budget_actual", "field-plan-actual"),
    ("status", "field-plan-status"),
    ("title", "field-plan-title"),
    ("notes", "field-plan-notes"),
    ("decision_id", "field-plan-decision"),
    ("kind", "field-plan-kind"),
    ("first_year", "field-plan-first-year"),
    ("last_year", "field-plan-last-year"),
    ("due_on", "field-milestone-due"),
];

/// The year asked for.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct YearParam {
    year: Option<String>,
}

/// One goal's part of the page.
pub struct GoalSection {
    pub title: String,
    pub link: Option<String>,
    pub budget: Budget,
    pub rows: Vec<WorkPlanItem>,
    /// Programs running in the year that serve the goal.
    pub programs: Vec<Program>,
}

#[derive(Template)]
#[template(path = "programs/work_plan.html")]
struct WorkPlanPage {
    page: Page,
    initiative_id: InitiativeId,
    view: YearPlan,
    sections: Vec<GoalSection>,
    /// Each node's title with the lever above it ("lever › action component").
    paths: HashMap<ResultNodeId, String>,
    manages: bool,
    nodes: Vec<Choice>,
    organizations: Vec<Choice>,
    own_organization: Option<kesher_domain::OrganizationId>,
    bodies: Vec<Choice>,
    programs: Vec<Choice>,
    statuses: Vec<Choice>,
    decisions: Vec<Choice>,
    kinds: Vec<Choice>,
    row_form: PlanItemForm,
    plan_form: PlanForm,
    errors: FormErrors,
}

impl WorkPlanPage {
    fn year_name(&self, year: impl std::borrow::Borrow<i32>) -> String {
        let period = Period::SchoolYear(*year.borrow());
        match (self.page.lang, period.hebrew_year()) {
            (kesher_i18n::Lang::He, Some(hebrew)) => format!("{hebrew} ({})", period.code()),
            _ => period.code(),
        }
    }
    /// A school year as links and forms write it (`2026/27`).
    fn code(&self, year: impl std::borrow::Borrow<i32>) -> String {
        Period::SchoolYear(*year.borrow()).code()
    }
    fn shekels(&self, value: &Option<i64>) -> String {
        value
            .map(|v| self.page.shekels(&v))
            .unwrap_or_else(|| "—".into())
    }
    fn sum(&self, value: &i64, rows: &u32) -> String {
        if *rows == 0 {
            "—".into()
        } else {
            self.page.shekels(value)
        }
    }
    fn spent(&self, budget: &Budget) -> String {
        budget
            .spent_percent()
            .map(|p| format!("{}%", number(p, 0)))
            .unwrap_or_else(|| "—".into())
    }
    fn coverage(&self, budget: &Budget) -> String {
        if budget.rows_actual < budget.rows {
            self.page.line(
                "plan-actual-of-rows",
                vec![
                    ("part", kesher_i18n::Arg::Number(budget.rows_actual.into())),
                    ("whole", kesher_i18n::Arg::Number(budget.rows.into())),
                ],
            )
        } else {
            String::new()
        }
    }
    fn path(&self, row: &WorkPlanItem) -> String {
        let node = self.paths.get(&row.result_id).cloned().unwrap_or_default();
        match &row.title {
            Some(title) => format!("{node} — {title}"),
            None => node,
        }
    }
    fn status(&self, row: &WorkPlanItem) -> String {
        self.page.t(row.status.label_id())
    }
    fn late(&self, row: &WorkPlanItem) -> bool {
        self.view.late(row)
    }
    fn executor_kind(&self, row: &WorkPlanItem) -> String {
        match row.executor {
            Executor::Organization(_) => String::new(),
            Executor::Body(_) => format!(" ({})", self.page.t("plan-executor-body")),
        }
    }
    fn may_report(&self, row: &WorkPlanItem) -> bool {
        self.manages
            || matches!(row.executor, Executor::Organization(o) if self.own_organization == Some(o))
    }
    fn is_draft(&self) -> bool {
        self.view
            .plan
            .as_ref()
            .is_some_and(|p| p.decision_id.is_none())
    }
    fn status_chosen(&self, row: &WorkPlanItem, choice: &Choice) -> bool {
        row.status.code() == choice.value
    }
    fn done(&self, id: &MilestoneId) -> bool {
        self.view
            .plan
            .iter()
            .flat_map(|p| &p.items)
            .flat_map(|r| &r.milestones)
            .any(|m| m.id == *id && m.done_on.is_some())
    }
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    year: i32,
    row_form: PlanItemForm,
    plan_form: PlanForm,
    errors: FormErrors,
) -> Result<WorkPlanPage, AppError> {
    let caller = ctx.caller()?;
    let view = state.kesher.work_plan_year(caller, id, year).await?;
    let f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::WorkPlan,
        "work-plan-title",
    )
    .await?;
    let mut page = f.page;
    let manages = f.access.can_edit_agenda();
    let by_id: HashMap<ResultNodeId, &kesher_core::agenda::TreeRow> =
        view.tree.iter().map(|r| (r.node.id, r)).collect();
    let paths: HashMap<ResultNodeId, String> = view
        .tree
        .iter()
        .map(|row| {
            let parent = row
                .node
                .parent_id
                .and_then(|p| by_id.get(&p))
                .filter(|p| p.node.kind == ResultKind::Lever);
            let path = match parent {
                Some(lever) => format!("{} › {}", lever.node.title, row.node.title),
                None => row.node.title.clone(),
            };
            (row.node.id, path)
        })
        .collect();
    // The programs running at some point of the school year (September to August).
    let (first, last) = (
        chrono::NaiveDate::from_ymd_opt(year, 9, 1),
        chrono::NaiveDate::from_ymd_opt(year + 1, 8, 31),
    );
    let all_programs = state.kesher.programs(caller, id).await?.0;
    let running: Vec<Program> = all_programs
        .iter()
        .filter(|p| {
            p.starts.is_none_or(|s| last.is_none_or(|l| s <= l))
                && p.ends.is_none_or(|e| first.is_none_or(|f| e >= f))
        })
        .cloned()
        .collect();
    let rows: &[WorkPlanItem] = view
        .plan
        .as_ref()
        .map(|p| p.items.as_slice())
        .unwrap_or_default();
    let mut sections: Vec<GoalSection> = view
        .tree
        .iter()
        .filter(|r| r.node.kind == ResultKind::Goal)
        .map(|goal| GoalSection {
            title: goal.node.title.clone(),
            link: Some(format!("/initiatives/{id}/results/{}", goal.node.id)),
            budget: view
                .goals
                .iter()
                .find(|g| g.goal == Some(goal.node.id))
                .map(|g| g.budget)
                .unwrap_or_default(),
            rows: rows
                .iter()
                .filter(|r| view.goal_of(r.result_id) == Some(goal.node.id))
                .cloned()
                .collect(),
            programs: running
                .iter()
                .filter(|p| {
                    p.result_ids
                        .iter()
                        .any(|r| view.goal_of(*r) == Some(goal.node.id))
                })
                .cloned()
                .collect(),
        })
        .filter(|s| !s.rows.is_empty() || !s.programs.is_empty() || manages)
        .collect();
    let orphans: Vec<WorkPlanItem> = rows
        .iter()
        .filter(|r| view.goal_of(r.result_id).is_none())
        .cloned()
        .collect();
    if !orphans.is_empty() {
        sections.push(GoalSection {
            title: page.t("plan-no-goal"),
            link: None,
            budget: view
                .goals
                .iter()
                .find(|g| g.goal.is_none())
                .map(|g| g.budget)
                .unwrap_or_default(),
            rows: orphans,
            programs: Vec::new(),
        });
    }
    page.title = page.with("work-plan-of-year", "year", Period::SchoolYear(year).code());
    let decisions = if manages {
        state
            .kesher
            .approving_decisions(caller, id)
            .await?
            .into_iter()
            .map(|d| Choice {
                value: d.id.to_string(),
                label: format!(
                    "{} · {} · {}",
                    page.date(&d.decided_on),
                    d.body_name.unwrap_or_default(),
                    crate::html::shortened(&d.text, 80)
                ),
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(WorkPlanPage {
        nodes: view
            .tree
            .iter()
            .filter(|r| r.node.kind != ResultKind::Mission)
            .map(|r| Choice {
                value: r.node.id.to_string(),
                label: format!(
                    "{}{} — {}",
                    "· ".repeat(r.depth.saturating_sub(1)),
                    page.t(r.node.kind.label_id()),
                    r.node.title
                ),
            })
            .collect(),
        organizations: organization_choices(&state.kesher, caller, id, None).await?,
        own_organization: f.access.own_organization(),
        bodies: body_choices(&state.kesher, caller, id).await?,
        programs: all_programs
            .iter()
            .map(|p| Choice {
                value: p.id.to_string(),
                label: format!("{} ({})", p.name, p.organization_name),
            })
            .collect(),
        statuses: choices(
            &page,
            ItemStatus::ALL,
            ItemStatus::code,
            ItemStatus::label_id,
        ),
        kinds: choices(&page, PlanKind::ALL, PlanKind::code, PlanKind::label_id),
        decisions,
        sections,
        paths,
        manages,
        view,
        page,
        initiative_id: id,
        row_form,
        plan_form,
        errors,
    })
}

/// `GET /initiatives/{id}/work-plan?year=`
pub async fn work_plan(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    QueryParams(query): QueryParams<YearParam>,
) -> Result<Response, AppError> {
    let year = year_asked(query.year.as_deref())?;
    let plan_form = PlanForm {
        kind: PlanKind::Annual.code().into(),
        first_year: Period::SchoolYear(year).code(),
        ..Default::default()
    };
    render_with(
        axum::http::StatusCode::OK,
        &page(
            &state,
            &ctx,
            id,
            year,
            PlanItemForm::default(),
            plan_form,
            FormErrors::default(),
        )
        .await?,
    )
}

fn back(id: InitiativeId, year: i32) -> String {
    format!(
        "/initiatives/{id}/work-plan?year={}",
        Period::SchoolYear(year).code()
    )
}

/// What was typed in the page's two forms, kept when one is refused.
#[derive(Default)]
struct Typed {
    row_form: PlanItemForm,
    plan_form: PlanForm,
}

/// Answers a form of the page: saved, back to the year with a message; refused for its
/// fields, the page again with the messages (422) and what was typed.
async fn answer<T>(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    year: i32,
    outcome: Result<T, kesher_core::CoreError>,
    message_id: &'static str,
    typed: Typed,
) -> Result<Response, AppError> {
    let Typed {
        row_form,
        plan_form,
    } = typed;
    match outcome {
        Ok(_) => Ok(saved(ctx, &back(id, year), message_id)),
        Err(kesher_core::CoreError::Invalid(errors)) => {
            let errors = FormErrors::new(ctx.lang, &errors, ROW_LABELS);
            render_with(
                axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                &page(state, ctx, id, year, row_form, plan_form, errors).await?,
            )
        }
        Err(other) => Err(other.into()),
    }
}

/// The plan reached through the initiative's address, or not found.
async fn plan_in(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    plan: WorkPlanId,
) -> Result<kesher_store::WorkPlan, AppError> {
    let (found, _) = state.kesher.work_plan(ctx.caller()?, plan).await?;
    crate::html::check_in(id, found.initiative_id)?;
    Ok(found)
}

/// The plan of a row reached through the initiative's and the plan's addresses, or not found.
async fn row_in(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    plan: WorkPlanId,
    item: WorkPlanItemId,
) -> Result<kesher_store::WorkPlan, AppError> {
    let found = plan_in(state, ctx, id, plan).await?;
    if found.items.iter().any(|r| r.id == item) {
        Ok(found)
    } else {
        Err(kesher_core::CoreError::NotFound.into())
    }
}

/// `POST /initiatives/{id}/work-plans`
pub async fn create_plan(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(form): CsrfForm<PlanForm>,
) -> Result<Response, AppError> {
    let outcome = state
        .kesher
        .create_work_plan(ctx.caller()?, id, &form)
        .await;
    let year = match &outcome {
        Ok(plan) => plan.first_year,
        Err(_) => year_asked(Some(&form.first_year)).unwrap_or_default(),
    };
    answer(
        &state,
        &ctx,
        id,
        year,
        outcome,
        "flash-plan-saved",
        Typed {
            plan_form: form,
            ..Typed::default()
        },
    )
    .await
}

/// Next year's draft, as the page asks for it.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NextYearFields {
    year: String,
}

/// `POST /initiatives/{id}/work-plan/next-year`
pub async fn next_year(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(form): CsrfForm<NextYearFields>,
) -> Result<Response, AppError> {
    let year = year_asked(Some(&form.year))?;
    let title = ctx.lang.t_with(
        "work-plan-of-year",
        &[(
            "year",
            kesher_i18n::Arg::Text(Period::SchoolYear(year + 1).code()),
        )],
    );
    state
        .kesher
        .draft_next_year(ctx.caller()?, id, year, &title)
        .await?;
    Ok(saved(&ctx, &back(id, year + 1), "flash-plan-drafted"))
}

/// `POST /initiatives/{id}/work-plans/{plan}/items`
pub async fn add_row(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, plan)): Params<(InitiativeId, WorkPlanId)>,
    CsrfForm(form): CsrfForm<PlanItemForm>,
) -> Result<Response, AppError> {
    let found = plan_in(&state, &ctx, id, plan).await?;
    let outcome = state.kesher.add_plan_item(ctx.caller()?, plan, &form).await;
    answer(
        &state,
        &ctx,
        id,
        found.first_year,
        outcome,
        "flash-plan-saved",
        Typed {
            row_form: form,
            ..Typed::default()
        },
    )
    .await
}

/// `POST /initiatives/{id}/work-plans/{plan}/items/{item}/delete`
pub async fn delete_row(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, plan, item)): Params<(InitiativeId, WorkPlanId, WorkPlanItemId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let found = row_in(&state, &ctx, id, plan, item).await?;
    state.kesher.delete_plan_item(ctx.caller()?, item).await?;
    Ok(saved(&ctx, &back(id, found.first_year), "flash-plan-saved"))
}

/// `POST /initiatives/{id}/work-plans/{plan}/items/{item}/report`
pub async fn report_row(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, plan, item)): Params<(InitiativeId, WorkPlanId, WorkPlanItemId)>,
    CsrfForm(form): CsrfForm<ReportForm>,
) -> Result<Response, AppError> {
    let found = row_in(&state, &ctx, id, plan, item).await?;
    let outcome = state
        .kesher
        .report_plan_item(ctx.caller()?, item, &form)
        .await;
    answer(
        &state,
        &ctx,
        id,
        found.first_year,
        outcome,
        "flash-plan-reported",
        Typed::default(),
    )
    .await
}

/// `POST /initiatives/{id}/work-plans/{plan}/items/{item}/milestones`
pub async fn add_milestone(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, plan, item)): Params<(InitiativeId, WorkPlanId, WorkPlanItemId)>,
    CsrfForm(form): CsrfForm<MilestoneForm>,
) -> Result<Response, AppError> {
    let found = row_in(&state, &ctx, id, plan, item).await?;
    let outcome = state.kesher.add_milestone(ctx.caller()?, item, &form).await;
    answer(
        &state,
        &ctx,
        id,
        found.first_year,
        outcome,
        "flash-plan-reported",
        Typed::default(),
    )
    .await
}

/// `POST /initiatives/{id}/work-plans/{plan}/milestones/{milestone}/toggle`
pub async fn toggle_milestone(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, plan, milestone)): Params<(InitiativeId, WorkPlanId, MilestoneId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let found = plan_in(&state, &ctx, id, plan).await?;
    let done = found
        .items
        .iter()
        .flat_map(|r| &r.milestones)
        .find(|m| m.id == milestone)
        .ok_or(kesher_core::CoreError::NotFound)?
        .done_on
        .is_some();
    state
        .kesher
        .set_milestone_done(ctx.caller()?, milestone, !done)
        .await?;
    Ok(saved(
        &ctx,
        &back(id, found.first_year),
        "flash-plan-reported",
    ))
}

/// The decision that approves a plan, as the page sends it.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ApprovalFields {
    decision_id: String,
}

/// `POST /initiatives/{id}/work-plans/{plan}/approve`
pub async fn approve(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, plan)): Params<(InitiativeId, WorkPlanId)>,
    CsrfForm(form): CsrfForm<ApprovalFields>,
) -> Result<Response, AppError> {
    let found = plan_in(&state, &ctx, id, plan).await?;
    let outcome = state
        .kesher
        .approve_work_plan(ctx.caller()?, plan, &form.decision_id)
        .await;
    answer(
        &state,
        &ctx,
        id,
        found.first_year,
        outcome,
        "flash-plan-approved",
        Typed::default(),
    )
    .await
}

/// `POST /initiatives/{id}/work-plans/{plan}/versions`
pub async fn new_version(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, plan)): Params<(InitiativeId, WorkPlanId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let found = plan_in(&state, &ctx, id, plan).await?;
    state
        .kesher
        .new_work_plan_version(ctx.caller()?, plan)
        .await?;
    Ok(saved(&ctx, &back(id, found.first_year), "flash-plan-saved"))
}
