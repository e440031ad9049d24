//! Organizations.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use kesher_domain::network::OrganizationForm;
use kesher_domain::{InitiativeId, OrganizationId};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::views::{self, AuditEntry, Organization};
use crate::api::{ErrorBody, created};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{JsonBody, Params, QueryParams};
use crate::queries::OrganizationQuery;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_organizations, create_organization))
        .routes(routes!(
            show_organization,
            update_organization,
            delete_organization
        ))
        .routes(routes!(organization_history))
}

/// The initiative's organizations, filtered (`q` searches Hebrew and English text).
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/organizations", tag = "organizations",
    params(("id" = i64, Path, description = "Initiative id"), OrganizationQuery),
    responses((status = 200, body = Vec<Organization>), (status = 403, body = ErrorBody)))]
pub async fn list_organizations(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    QueryParams(query): QueryParams<OrganizationQuery>,
) -> Result<Json<Vec<Organization>>, AppError> {
    Ok(Json(views::all(
        state
            .kesher
            .list_organizations(ctx.caller()?, id, &query.filter(), query.text())
            .await?,
    )))
}

/// Add an organization (backbone).
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/organizations", tag = "organizations", request_body = OrganizationForm,
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 201, body = Organization), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_organization(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    JsonBody(form): JsonBody<OrganizationForm>,
) -> Result<Response, AppError> {
    Ok(created(Organization::from(
        state
            .kesher
            .create_organization(ctx.caller()?, id, &form)
            .await?,
    )))
}

/// One organization.
#[utoipa::path(get, path = "/api/v1/organizations/{id}", tag = "organizations",
    params(("id" = i64, Path, description = "Organization id")),
    responses((status = 200, body = Organization), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn show_organization(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<OrganizationId>,
) -> Result<Json<Organization>, AppError> {
    Ok(Json(
        state.kesher.organization(ctx.caller()?, id).await?.0.into(),
    ))
}

/// Change an organization (backbone, or its own partner editor). Send every field.
#[utoipa::path(put, path = "/api/v1/organizations/{id}", tag = "organizations", request_body = OrganizationForm,
    params(("id" = i64, Path, description = "Organization id")),
    responses((status = 200, body = Organization), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_organization(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<OrganizationId>,
    JsonBody(form): JsonBody<OrganizationForm>,
) -> Result<Json<Organization>, AppError> {
    Ok(Json(Organization::from(
        state
            .kesher
            .update_organization(ctx.caller()?, id, &form)
            .await?,
    )))
}

/// Remove an organization that has no people left (backbone).
#[utoipa::path(delete, path = "/api/v1/organizations/{id}", tag = "organizations",
    params(("id" = i64, Path, description = "Organization id")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn delete_organization(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<OrganizationId>,
) -> Result<Response, AppError> {
    state.kesher.delete_organization(ctx.caller()?, id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Changes to the organization and its people, newest first (backbone, own partner editor).
#[utoipa::path(get, path = "/api/v1/organizations/{id}/history", tag = "organizations",
    params(("id" = i64, Path, description = "Organization id")),
    responses((status = 200, body = Vec<AuditEntry>), (status = 403, body = ErrorBody)))]
pub async fn organization_history(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<OrganizationId>,
) -> Result<Json<Vec<AuditEntry>>, AppError> {
    let detail = state.kesher.organization_detail(ctx.caller()?, id).await?;
    if !detail.access.can_read_history_of(id) {
        return Err(kesher_core::CoreError::Forbidden.into());
    }
    Ok(Json(views::all(detail.history)))
}
