//! The signed-in user, and the instance admin's accounts.

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use kesher_core::accounts::UserForm;
use kesher_store::{RoleGrant, User};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::{ErrorBody, created};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::JsonBody;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(show_me))
        .routes(routes!(list_users, create_user))
}

/// The caller and the roles they hold.
#[derive(Serialize, ToSchema)]
pub struct Me {
    pub user: User,
    pub roles: Vec<RoleGrant>,
}

/// Who am I?
#[utoipa::path(get, path = "/api/v1/me", tag = "accounts",
    responses((status = 200, body = Me), (status = 401, body = ErrorBody)))]
pub async fn show_me(ctx: Ctx, State(state): State<AppState>) -> Result<Json<Me>, AppError> {
    let caller = ctx.caller()?;
    let roles = state.kesher.own_roles(caller).await?;
    Ok(Json(Me {
        user: caller.user.clone(),
        roles,
    }))
}

/// Every account (instance admin).
#[utoipa::path(get, path = "/api/v1/users", tag = "accounts",
    responses((status = 200, body = Vec<User>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn list_users(
    ctx: Ctx,
    State(state): State<AppState>,
) -> Result<Json<Vec<User>>, AppError> {
    Ok(Json(state.kesher.list_users(ctx.caller()?).await?))
}

/// Create an account (instance admin).
#[utoipa::path(post, path = "/api/v1/users", tag = "accounts", request_body = UserForm,
    responses((status = 201, body = User), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_user(
    ctx: Ctx,
    State(state): State<AppState>,
    JsonBody(form): JsonBody<UserForm>,
) -> Result<Response, AppError> {
    Ok(created(
        state.kesher.create_user(Some(ctx.caller()?), &form).await?,
    ))
}
