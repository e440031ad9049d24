//! Memberships: people's seats in bodies.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use kesher_domain::bodies::MembershipForm;
use kesher_domain::{BodyId, InitiativeId, MembershipId, OrganizationId, PersonId, lenient};
use kesher_store::MembershipFilter;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::views::{self, Membership};
use crate::api::{ErrorBody, created};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{JsonBody, Params, QueryParams};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_memberships))
        .routes(routes!(create_membership))
        .routes(routes!(
            show_membership,
            update_membership,
            delete_membership
        ))
}

#[derive(Deserialize, Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct MembershipQuery {
    /// Only this body's seats.
    body_id: String,
    /// Only this person's seats.
    person_id: String,
    /// Only seats of this organization's people.
    organization_id: String,
}

/// Seats in the initiative's bodies, filtered.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/memberships", tag = "memberships",
    params(("id" = i64, Path, description = "Initiative id"), MembershipQuery),
    responses((status = 200, body = Vec<Membership>), (status = 403, body = ErrorBody)))]
pub async fn list_memberships(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    QueryParams(query): QueryParams<MembershipQuery>,
) -> Result<Json<Vec<Membership>>, AppError> {
    let id_of = |raw: &str| lenient::optional_id(raw).ok().flatten();
    let filter = MembershipFilter {
        body_id: id_of(&query.body_id).map(BodyId::new),
        person_id: id_of(&query.person_id).map(PersonId::new),
        organization_id: id_of(&query.organization_id).map(OrganizationId::new),
    };
    Ok(Json(views::all(
        state
            .kesher
            .list_memberships(ctx.caller()?, id, &filter)
            .await?,
    )))
}

/// Seat a person in a body (backbone).
#[utoipa::path(post, path = "/api/v1/bodies/{id}/memberships", tag = "memberships", request_body = MembershipForm,
    params(("id" = i64, Path, description = "Body id")),
    responses((status = 201, body = Membership), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_membership(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<BodyId>,
    JsonBody(form): JsonBody<MembershipForm>,
) -> Result<Response, AppError> {
    Ok(created(Membership::from(
        state
            .kesher
            .create_membership(ctx.caller()?, id, &form)
            .await?,
    )))
}

/// One seat.
#[utoipa::path(get, path = "/api/v1/memberships/{id}", tag = "memberships",
    params(("id" = i64, Path, description = "Membership id")),
    responses((status = 200, body = Membership), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn show_membership(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<MembershipId>,
) -> Result<Json<Membership>, AppError> {
    Ok(Json(
        state.kesher.membership(ctx.caller()?, id).await?.0.into(),
    ))
}

/// Change a seat: its role or its dates (backbone).
#[utoipa::path(put, path = "/api/v1/memberships/{id}", tag = "memberships", request_body = MembershipForm,
    params(("id" = i64, Path, description = "Membership id")),
    responses((status = 200, body = Membership), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_membership(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<MembershipId>,
    JsonBody(form): JsonBody<MembershipForm>,
) -> Result<Json<Membership>, AppError> {
    Ok(Json(Membership::from(
        state
            .kesher
            .update_membership(ctx.caller()?, id, &form)
            .await?,
    )))
}

/// Remove a seat entered by mistake (backbone). A person who left keeps an end date instead.
#[utoipa::path(delete, path = "/api/v1/memberships/{id}", tag = "memberships",
    params(("id" = i64, Path, description = "Membership id")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn delete_membership(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<MembershipId>,
) -> Result<Response, AppError> {
    state.kesher.delete_membership(ctx.caller()?, id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
