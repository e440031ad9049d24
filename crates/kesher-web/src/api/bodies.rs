//! Bodies, with the seeds' advice on working groups.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use kesher_domain::bodies::{BodyForm, BodyWarning};
use kesher_domain::{BodyId, InitiativeId};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::views::{self, Body, BodySummary, Membership};
use crate::api::{ErrorBody, created};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{JsonBody, Params};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_bodies, create_body))
        .routes(routes!(show_body, update_body, delete_body))
}

/// A body with every seat (past ones too) and where it departs from the advice.
#[derive(Serialize, ToSchema)]
pub struct BodyView {
    pub body: Body,
    pub memberships: Vec<Membership>,
    pub warnings: Vec<BodyWarning>,
}

/// The initiative's bodies with their seats today and their warnings.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/bodies", tag = "bodies",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = Vec<BodySummary>), (status = 403, body = ErrorBody)))]
pub async fn list_bodies(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Json<Vec<BodySummary>>, AppError> {
    Ok(Json(views::all(
        state.kesher.list_bodies(ctx.caller()?, id).await?,
    )))
}

/// Add a body (backbone).
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/bodies", tag = "bodies", request_body = BodyForm,
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 201, body = Body), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_body(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    JsonBody(form): JsonBody<BodyForm>,
) -> Result<Response, AppError> {
    Ok(created(Body::from(
        state.kesher.create_body(ctx.caller()?, id, &form).await?,
    )))
}

/// One body, its seats and its warnings.
#[utoipa::path(get, path = "/api/v1/bodies/{id}", tag = "bodies",
    params(("id" = i64, Path, description = "Body id")),
    responses((status = 200, body = BodyView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn show_body(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<BodyId>,
) -> Result<Json<BodyView>, AppError> {
    let detail = state.kesher.body(ctx.caller()?, id).await?;
    Ok(Json(BodyView {
        body: detail.body.into(),
        memberships: views::all(detail.memberships),
        warnings: detail.warnings,
    }))
}

/// Change a body (backbone). Send every field.
#[utoipa::path(put, path = "/api/v1/bodies/{id}", tag = "bodies", request_body = BodyForm,
    params(("id" = i64, Path, description = "Body id")),
    responses((status = 200, body = Body), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_body(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<BodyId>,
    JsonBody(form): JsonBody<BodyForm>,
) -> Result<Json<Body>, AppError> {
    Ok(Json(Body::from(
        state.kesher.update_body(ctx.caller()?, id, &form).await?,
    )))
}

/// Remove a body with its seats (backbone).
#[utoipa::path(delete, path = "/api/v1/bodies/{id}", tag = "bodies",
    params(("id" = i64, Path, description = "Body id")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn delete_body(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<BodyId>,
) -> Result<Response, AppError> {
    state.kesher.delete_body(ctx.caller()?, id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
