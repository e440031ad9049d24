//! Partners' programs and the alignment map.

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use kesher_core::activities::alignment::AlignmentFilter;
use kesher_domain::activities::programs::ProgramForm;
use kesher_domain::{InitiativeId, ProgramId};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::views::{self, Alignment, Program};
use crate::api::{ErrorBody, created};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{JsonBody, Params, QueryParams};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_programs, create_program))
        .routes(routes!(show_program, edit_program, delete_program))
        .routes(routes!(alignment))
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
