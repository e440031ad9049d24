//! Initiatives, their network at a glance, seating, roles and audit log.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use kesher_core::accounts::RoleForm;
use kesher_domain::network::InitiativeForm;
use kesher_domain::{InitiativeId, UserId};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::views::{self, AuditEntry, Initiative, NetworkOverview, RoleGrant, SeatingMatrix};
use crate::api::{ErrorBody, created};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{JsonBody, Params, QueryParams};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_initiatives, create_initiative))
        .routes(routes!(show_initiative, update_initiative))
        .routes(routes!(show_network))
        .routes(routes!(show_seating))
        .routes(routes!(list_audit))
        .routes(routes!(list_roles, grant_role))
        .routes(routes!(revoke_role))
}

/// The initiatives the caller can see.
#[utoipa::path(get, path = "/api/v1/initiatives", tag = "initiatives",
    responses((status = 200, body = Vec<Initiative>), (status = 401, body = ErrorBody)))]
pub async fn list_initiatives(
    ctx: Ctx,
    State(state): State<AppState>,
) -> Result<Json<Vec<Initiative>>, AppError> {
    Ok(Json(views::all(
        state.kesher.visible_initiatives(ctx.caller()?).await?,
    )))
}

/// Create an initiative (instance admin); give `parent_id` for a network's local community.
#[utoipa::path(post, path = "/api/v1/initiatives", tag = "initiatives", request_body = InitiativeForm,
    responses((status = 201, body = Initiative), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_initiative(
    ctx: Ctx,
    State(state): State<AppState>,
    JsonBody(form): JsonBody<InitiativeForm>,
) -> Result<Response, AppError> {
    Ok(created(Initiative::from(
        state
            .kesher
            .create_initiative(Some(ctx.caller()?), &form)
            .await?,
    )))
}

/// One initiative.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}", tag = "initiatives",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = Initiative), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn show_initiative(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Json<Initiative>, AppError> {
    Ok(Json(
        state.kesher.initiative(ctx.caller()?, id).await?.0.into(),
    ))
}

/// Rename or describe an initiative (backbone; the parent only by an admin).
#[utoipa::path(put, path = "/api/v1/initiatives/{id}", tag = "initiatives", request_body = InitiativeForm,
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = Initiative), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_initiative(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    JsonBody(form): JsonBody<InitiativeForm>,
) -> Result<Json<Initiative>, AppError> {
    Ok(Json(Initiative::from(
        state
            .kesher
            .update_initiative(ctx.caller()?, id, &form)
            .await?,
    )))
}

/// The network at a glance: counts by sector and type, bodies with their advice.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/network", tag = "initiatives",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = NetworkOverview), (status = 403, body = ErrorBody)))]
pub async fn show_network(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Json<NetworkOverview>, AppError> {
    Ok(Json(NetworkOverview::from(
        state.kesher.network_overview(ctx.caller()?, id).await?,
    )))
}

/// Who sits where today (people × bodies).
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/seating", tag = "initiatives",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = SeatingMatrix), (status = 403, body = ErrorBody)))]
pub async fn show_seating(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Json<SeatingMatrix>, AppError> {
    Ok(Json(
        state.kesher.seating_matrix(ctx.caller()?, id).await?.into(),
    ))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// How many entries, newest first (1–500, default 100).
    #[serde(default)]
    #[param(minimum = 1, maximum = 500)]
    limit: Option<u32>,
}

/// The initiative's audit log, newest first (backbone).
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/audit", tag = "initiatives",
    params(("id" = i64, Path, description = "Initiative id"), AuditQuery),
    responses((status = 200, body = Vec<AuditEntry>), (status = 403, body = ErrorBody)))]
pub async fn list_audit(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    QueryParams(query): QueryParams<AuditQuery>,
) -> Result<Json<Vec<AuditEntry>>, AppError> {
    Ok(Json(views::all(
        state
            .kesher
            .audit_log(
                ctx.caller()?,
                id,
                match query.limit {
                    None => 100,
                    Some(limit @ 1..=500) => limit,
                    Some(_) => return Err(crate::error::bad_request()),
                },
            )
            .await?,
    )))
}

/// Who holds which role (backbone).
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/roles", tag = "initiatives",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = Vec<RoleGrant>), (status = 403, body = ErrorBody)))]
pub async fn list_roles(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Json<Vec<RoleGrant>>, AppError> {
    Ok(Json(views::all(
        state.kesher.list_roles(ctx.caller()?, id).await?,
    )))
}

/// Give an existing account a role (backbone); replaces any role it had here.
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/roles", tag = "initiatives", request_body = RoleForm,
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 201, body = RoleGrant), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn grant_role(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    JsonBody(form): JsonBody<RoleForm>,
) -> Result<Response, AppError> {
    Ok(created(RoleGrant::from(
        state.kesher.grant_role(ctx.caller()?, id, &form).await?,
    )))
}

/// Take a user's role away (backbone).
#[utoipa::path(delete, path = "/api/v1/initiatives/{id}/roles/{user_id}", tag = "initiatives",
    params(("id" = i64, Path, description = "Initiative id"), ("user_id" = i64, Path, description = "User id")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn revoke_role(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, user)): Params<(InitiativeId, UserId)>,
) -> Result<Response, AppError> {
    state.kesher.revoke_role(ctx.caller()?, id, user).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
