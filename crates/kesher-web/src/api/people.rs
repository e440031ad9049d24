//! People (representatives). E-mail and phone are null for viewers.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use kesher_domain::network::PersonForm;
use kesher_domain::{InitiativeId, PersonId};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::views::{self, Person};
use crate::api::{ErrorBody, created};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{JsonBody, Params, QueryParams};
use crate::queries::PersonQuery;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_people, create_person))
        .routes(routes!(show_person, update_person, delete_person))
}

/// The initiative's people, filtered.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/people", tag = "people",
    params(("id" = i64, Path, description = "Initiative id"), PersonQuery),
    responses((status = 200, body = Vec<Person>), (status = 403, body = ErrorBody)))]
pub async fn list_people(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    QueryParams(query): QueryParams<PersonQuery>,
) -> Result<Json<Vec<Person>>, AppError> {
    Ok(Json(views::all(
        state
            .kesher
            .list_people(ctx.caller()?, id, &query.filter(), query.text())
            .await?,
    )))
}

/// Add a person (backbone, or a partner editor to their own organization).
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/people", tag = "people", request_body = PersonForm,
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 201, body = Person), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_person(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    JsonBody(form): JsonBody<PersonForm>,
) -> Result<Response, AppError> {
    Ok(created(Person::from(
        state.kesher.create_person(ctx.caller()?, id, &form).await?,
    )))
}

/// One person.
#[utoipa::path(get, path = "/api/v1/people/{id}", tag = "people",
    params(("id" = i64, Path, description = "Person id")),
    responses((status = 200, body = Person), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn show_person(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<PersonId>,
) -> Result<Json<Person>, AppError> {
    Ok(Json(state.kesher.person(ctx.caller()?, id).await?.0.into()))
}

/// Change a person (backbone, or the partner editor of their organization).
#[utoipa::path(put, path = "/api/v1/people/{id}", tag = "people", request_body = PersonForm,
    params(("id" = i64, Path, description = "Person id")),
    responses((status = 200, body = Person), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_person(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<PersonId>,
    JsonBody(form): JsonBody<PersonForm>,
) -> Result<Json<Person>, AppError> {
    Ok(Json(Person::from(
        state.kesher.update_person(ctx.caller()?, id, &form).await?,
    )))
}

/// Remove a person and their seats (backbone, or the partner editor of their organization).
#[utoipa::path(delete, path = "/api/v1/people/{id}", tag = "people",
    params(("id" = i64, Path, description = "Person id")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn delete_person(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<PersonId>,
) -> Result<Response, AppError> {
    state.kesher.delete_person(ctx.caller()?, id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
