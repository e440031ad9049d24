//! Partners' programs and the alignment map.

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use kesher_core::CoreError;
use kesher_core::activities::alignment::AlignmentFilter;
use kesher_core::activities::work_plans::ReportForm;
use kesher_domain::activities::programs::ProgramForm;
use kesher_domain::activities::work_plan::{MilestoneForm, PlanForm, PlanItemForm, school_year};
use kesher_domain::measurement::period::{Period, PeriodKind};
use kesher_domain::{InitiativeId, MilestoneId, ProgramId, WorkPlanId, WorkPlanItemId};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::views::{self, Alignment, Program, WorkPlan, YearPlan};
use crate::api::{ErrorBody, created};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{JsonBody, Params, QueryParams};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_programs, create_program))
        .routes(routes!(show_program, edit_program, delete_program))
        .routes(routes!(alignment))
        .routes(routes!(year_work_plan))
        .routes(routes!(create_work_plan))
        .routes(routes!(draft_next_year))
        .routes(routes!(show_work_plan, delete_work_plan))
        .routes(routes!(approve_work_plan))
        .routes(routes!(new_work_plan_version))
        .routes(routes!(add_plan_item))
        .routes(routes!(edit_plan_item, delete_plan_item))
        .routes(routes!(report_plan_item))
        .routes(routes!(add_milestone))
        .routes(routes!(set_milestone_done))
        .routes(routes!(hsds_directory))
        .routes(routes!(contribution))
}

/// For each population indicator linked to the results tree (a program's own output
/// measures are not), the programs and commitments that claim to move it — those serving
/// its node or one under it — where the programs work, and what their output measures show;
/// every figure with how complete it is (everyone).
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/contribution", tag = "activities",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = views::Contribution),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn contribution(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Json<views::Contribution>, AppError> {
    let map = state.kesher.contribution(ctx.caller()?, id).await?;
    Ok(Json(views::Contribution::from(&map)))
}

/// The initiative's programs as an Open Referral directory (HSDS 3): `organizations`,
/// `services` (the programs), `locations` (the schools they run at, with WGS84 coordinates
/// from the Ministry's grid and the school's code), `service_at_locations`, and
/// `service_areas` (the authorities and districts a program serves whole). Every record has
/// a name-based UUID that stays the same from one export to the next (everyone).
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/hsds", tag = "activities",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = kesher_core::activities::hsds::HsdsDirectory),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn hsds_directory(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Json<kesher_core::activities::hsds::HsdsDirectory>, AppError> {
    Ok(Json(state.kesher.hsds_directory(ctx.caller()?, id).await?))
}

/// Which school year: `2026/27`, `תשפ"ז` or its closing year `2027`; the current one when
/// not given.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct YearQuery {
    pub year: Option<String>,
}

/// The school year asked for, or the one running today.
pub(crate) fn year_asked(raw: Option<&str>) -> Result<i32, AppError> {
    let today = chrono::Utc::now()
        .with_timezone(&chrono_tz::Asia::Jerusalem)
        .date_naive();
    match raw.map(str::trim).filter(|r| !r.is_empty()) {
        None => match Period::containing(PeriodKind::SchoolYear, today) {
            Period::SchoolYear(year) => Ok(year),
            _ => Ok(chrono::Datelike::year(&today)),
        },
        Some(raw) => school_year(raw)
            .ok()
            .flatten()
            .ok_or_else(|| CoreError::invalid("year", kesher_domain::Invalid::Period).into()),
    }
}

/// A plan as the API shows it, its rows placed under their goals.
async fn shown(
    state: &AppState,
    ctx: &Ctx,
    plan: kesher_store::WorkPlan,
) -> Result<WorkPlan, AppError> {
    let view = state
        .kesher
        .work_plan_year(ctx.caller()?, plan.initiative_id, plan.first_year)
        .await?;
    Ok(WorkPlan::of(&plan, |n| view.goal_of(n), |r| view.late(r)))
}

/// One school year's work plan: the latest version of its annual plan with every row
/// (goal, node, executor, budget planned and actual, status, milestones), the multi-year
/// plan that covers the year, and the budget per goal and in total (everyone).
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/work-plan", tag = "activities",
    params(("id" = i64, Path, description = "Initiative id"), YearQuery),
    responses((status = 200, body = YearPlan), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn year_work_plan(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    QueryParams(query): QueryParams<YearQuery>,
) -> Result<Json<YearPlan>, AppError> {
    let year = year_asked(query.year.as_deref())?;
    let view = state.kesher.work_plan_year(ctx.caller()?, id, year).await?;
    Ok(Json(YearPlan::from(&view)))
}

/// A new, empty draft plan (backbone): `{"kind": "annual" | "multi_year", "title",
/// "first_year", "last_year"?}`.
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/work-plans", tag = "activities", request_body = PlanForm,
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 201, body = WorkPlan), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_work_plan(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    JsonBody(form): JsonBody<PlanForm>,
) -> Result<Response, AppError> {
    let plan = state
        .kesher
        .create_work_plan(ctx.caller()?, id, &form)
        .await?;
    Ok(created(shown(&state, &ctx, plan).await?))
}

/// Next year's draft, asked for.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct NextYearForm {
    /// The year whose plan it grows from (`2026/27`); next year's plan is drafted.
    #[serde(deserialize_with = "kesher_domain::lenient::text")]
    pub year: String,
    #[serde(deserialize_with = "kesher_domain::lenient::text")]
    pub title: String,
}

/// Drafts next year's annual plan (backbone): this year's rows still open, then the
/// multi-year plan's rows for next year; done and dropped rows stay behind.
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/work-plan/next-year", tag = "activities", request_body = NextYearForm,
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 201, body = WorkPlan), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn draft_next_year(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    JsonBody(form): JsonBody<NextYearForm>,
) -> Result<Response, AppError> {
    let year = year_asked(Some(&form.year))?;
    let title = kesher_domain::text::Name::parse(&form.title)
        .map_err(|problem| CoreError::invalid("title", problem))?;
    let plan = state
        .kesher
        .draft_next_year(ctx.caller()?, id, year, title.as_str())
        .await?;
    Ok(created(shown(&state, &ctx, plan).await?))
}

/// One plan, in one of its versions.
#[utoipa::path(get, path = "/api/v1/work-plans/{id}", tag = "activities",
    params(("id" = i64, Path, description = "Work plan id")),
    responses((status = 200, body = WorkPlan), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn show_work_plan(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<WorkPlanId>,
) -> Result<Json<WorkPlan>, AppError> {
    let (plan, _) = state.kesher.work_plan(ctx.caller()?, id).await?;
    Ok(Json(shown(&state, &ctx, plan).await?))
}

/// Deletes a draft (backbone); an approved plan answers 409.
#[utoipa::path(delete, path = "/api/v1/work-plans/{id}", tag = "activities",
    params(("id" = i64, Path, description = "Work plan id")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn delete_work_plan(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<WorkPlanId>,
) -> Result<axum::http::StatusCode, AppError> {
    state.kesher.delete_work_plan(ctx.caller()?, id).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

/// The decision that approves a plan.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct ApprovalForm {
    /// A decision of the leading team or the steering committee.
    #[serde(deserialize_with = "kesher_domain::lenient::integer")]
    #[schema(value_type = i64)]
    pub decision_id: String,
}

/// Approves a draft by a decision of the leading team or the steering committee
/// (backbone); an approved plan answers 409.
#[utoipa::path(post, path = "/api/v1/work-plans/{id}/approve", tag = "activities", request_body = ApprovalForm,
    params(("id" = i64, Path, description = "Work plan id")),
    responses((status = 200, body = WorkPlan), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn approve_work_plan(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<WorkPlanId>,
    JsonBody(form): JsonBody<ApprovalForm>,
) -> Result<Json<WorkPlan>, AppError> {
    let plan = state
        .kesher
        .approve_work_plan(ctx.caller()?, id, &form.decision_id)
        .await?;
    Ok(Json(shown(&state, &ctx, plan).await?))
}

/// The plan's next version: a draft with its rows as they stand (backbone).
#[utoipa::path(post, path = "/api/v1/work-plans/{id}/versions", tag = "activities",
    params(("id" = i64, Path, description = "Work plan id")),
    responses((status = 201, body = WorkPlan), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn new_work_plan_version(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<WorkPlanId>,
) -> Result<Response, AppError> {
    let plan = state
        .kesher
        .new_work_plan_version(ctx.caller()?, id)
        .await?;
    Ok(created(shown(&state, &ctx, plan).await?))
}

/// Adds a row to a draft (backbone): `{"result_id", "organization_id" | "body_id",
/// "program_id"?, "budget_planned"?, "budget_actual"?, "status"?, "title"?, "notes"?}`.
#[utoipa::path(post, path = "/api/v1/work-plans/{id}/items", tag = "activities", request_body = PlanItemForm,
    params(("id" = i64, Path, description = "Work plan id")),
    responses((status = 201, body = WorkPlan), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_plan_item(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<WorkPlanId>,
    JsonBody(form): JsonBody<PlanItemForm>,
) -> Result<Response, AppError> {
    let plan = state.kesher.add_plan_item(ctx.caller()?, id, &form).await?;
    Ok(created(shown(&state, &ctx, plan).await?))
}

/// Replaces a row of a draft (backbone); on an approved plan 409.
#[utoipa::path(put, path = "/api/v1/work-plan-items/{id}", tag = "activities", request_body = PlanItemForm,
    params(("id" = i64, Path, description = "Row id")),
    responses((status = 200, body = WorkPlan), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn edit_plan_item(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<WorkPlanItemId>,
    JsonBody(form): JsonBody<PlanItemForm>,
) -> Result<Json<WorkPlan>, AppError> {
    let plan = state
        .kesher
        .edit_plan_item(ctx.caller()?, id, &form)
        .await?;
    Ok(Json(shown(&state, &ctx, plan).await?))
}

/// Removes a row of a draft (backbone); on an approved plan 409.
#[utoipa::path(delete, path = "/api/v1/work-plan-items/{id}", tag = "activities",
    params(("id" = i64, Path, description = "Row id")),
    responses((status = 200, body = WorkPlan), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
pub async fn delete_plan_item(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<WorkPlanItemId>,
) -> Result<Json<WorkPlan>, AppError> {
    let plan = state.kesher.delete_plan_item(ctx.caller()?, id).await?;
    Ok(Json(shown(&state, &ctx, plan).await?))
}

/// Where a row stands and what it spent (the backbone, or the editor of the organization
/// that carries it out), on a draft or an approved plan: `{"status", "budget_actual"?,
/// "notes"?}`.
#[utoipa::path(put, path = "/api/v1/work-plan-items/{id}/report", tag = "activities", request_body = ReportForm,
    params(("id" = i64, Path, description = "Row id")),
    responses((status = 200, body = WorkPlan), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn report_plan_item(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<WorkPlanItemId>,
    JsonBody(form): JsonBody<ReportForm>,
) -> Result<Json<WorkPlan>, AppError> {
    let plan = state
        .kesher
        .report_plan_item(ctx.caller()?, id, &form)
        .await?;
    Ok(Json(shown(&state, &ctx, plan).await?))
}

/// Adds a milestone to a row (the backbone, or whoever carries the row out):
/// `{"title", "due_on"}`.
#[utoipa::path(post, path = "/api/v1/work-plan-items/{id}/milestones", tag = "activities", request_body = MilestoneForm,
    params(("id" = i64, Path, description = "Row id")),
    responses((status = 201, body = WorkPlan), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn add_milestone(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<WorkPlanItemId>,
    JsonBody(form): JsonBody<MilestoneForm>,
) -> Result<Response, AppError> {
    let plan = state.kesher.add_milestone(ctx.caller()?, id, &form).await?;
    Ok(created(shown(&state, &ctx, plan).await?))
}

/// Done or open again: `true` or `false`, nothing else.
#[derive(Debug, Deserialize, ToSchema)]
pub struct DoneForm {
    pub done: bool,
}

/// Marks a milestone done today, or open again (the backbone, or the row's executor).
#[utoipa::path(put, path = "/api/v1/milestones/{id}/done", tag = "activities", request_body = DoneForm,
    params(("id" = i64, Path, description = "Milestone id")),
    responses((status = 200, body = WorkPlan), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn set_milestone_done(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<MilestoneId>,
    JsonBody(form): JsonBody<DoneForm>,
) -> Result<Json<WorkPlan>, AppError> {
    let plan = state
        .kesher
        .set_milestone_done(ctx.caller()?, id, form.done)
        .await?;
    Ok(Json(shown(&state, &ctx, plan).await?))
}

/// The initiative's programs, by partner and name (everyone in the initiative).
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/programs", tag = "activities",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = Vec<Program>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list_programs(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Json<Vec<Program>>, AppError> {
    Ok(Json(views::all(
        state.kesher.programs(ctx.caller()?, id).await?.0,
    )))
}

/// A new program: `{"organization_id", "name", "result_ids": [...], "place_ids": [...],
/// "populations": [...], "core": bool, "starts", "ends"}` and optionally `description`,
/// `place_group_ids`, `indicator_ids`, `subjects`, `age_bands`. The backbone adds one for
/// any partner; a partner editor for their own organization.
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/programs", tag = "activities", request_body = ProgramForm,
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 201, body = Program), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn create_program(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    JsonBody(form): JsonBody<ProgramForm>,
) -> Result<Response, AppError> {
    let program = state
        .kesher
        .create_program(ctx.caller()?, id, &form)
        .await?;
    Ok(created(Program::from(program)))
}

/// One program.
#[utoipa::path(get, path = "/api/v1/programs/{id}", tag = "activities",
    params(("id" = i64, Path, description = "Program id")),
    responses((status = 200, body = Program), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn show_program(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<ProgramId>,
) -> Result<Json<Program>, AppError> {
    Ok(Json(
        state.kesher.program(ctx.caller()?, id).await?.0.into(),
    ))
}

/// Replaces a program's details and links (the backbone, or its partner's editor).
#[utoipa::path(put, path = "/api/v1/programs/{id}", tag = "activities", request_body = ProgramForm,
    params(("id" = i64, Path, description = "Program id")),
    responses((status = 200, body = Program), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn edit_program(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<ProgramId>,
    JsonBody(form): JsonBody<ProgramForm>,
) -> Result<Json<Program>, AppError> {
    Ok(Json(
        state
            .kesher
            .edit_program(ctx.caller()?, id, &form)
            .await?
            .into(),
    ))
}

/// Removes a program (the backbone, or its partner's editor); the audit log keeps it.
#[utoipa::path(delete, path = "/api/v1/programs/{id}", tag = "activities",
    params(("id" = i64, Path, description = "Program id")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn delete_program(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<ProgramId>,
) -> Result<axum::http::StatusCode, AppError> {
    state.kesher.delete_program(ctx.caller()?, id).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

/// The alignment map: for each goal the programs, partners and lowest places that serve
/// it; the gaps (goals, places and target populations nobody serves); the overlaps
/// (several programs for one goal in one place). Programs that have ended are left out
/// unless `include_ended=true`.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/alignment", tag = "activities",
    params(("id" = i64, Path, description = "Initiative id"), AlignmentFilter),
    responses((status = 200, body = Alignment), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn alignment(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    QueryParams(filter): QueryParams<AlignmentFilter>,
) -> Result<Json<Alignment>, AppError> {
    let view = state.kesher.alignment(ctx.caller()?, id, &filter).await?;
    Ok(Json(Alignment::from(&view)))
}
