//! The signed-in user, and the instance admin's accounts.

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use kesher_core::accounts::{TokenForm, UserForm};
use kesher_domain::{ApiTokenId, UserId};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::views::{self, ApiToken, RoleGrant, User};
use crate::api::{ErrorBody, created};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{JsonBody, Params};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(show_me))
        .routes(routes!(list_tokens, create_token))
        .routes(routes!(revoke_token))
        .routes(routes!(list_users, create_user))
        .routes(routes!(disable_user))
        .routes(routes!(enable_user))
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
        user: caller.user.clone().into(),
        roles: views::all(roles),
    }))
}

/// Every account (instance admin).
#[utoipa::path(get, path = "/api/v1/users", tag = "accounts",
    responses((status = 200, body = Vec<User>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn list_users(
    ctx: Ctx,
    State(state): State<AppState>,
) -> Result<Json<Vec<User>>, AppError> {
    Ok(Json(views::all(
        state.kesher.list_users(ctx.caller()?).await?,
    )))
}

/// Create an account (instance admin).
#[utoipa::path(post, path = "/api/v1/users", tag = "accounts", request_body = UserForm,
    responses((status = 201, body = User), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_user(
    ctx: Ctx,
    State(state): State<AppState>,
    JsonBody(form): JsonBody<UserForm>,
) -> Result<Response, AppError> {
    Ok(created(User::from(
        state.kesher.create_user(Some(ctx.caller()?), &form).await?,
    )))
}

/// A new token, with its secret: shown this once and never again.
#[derive(Serialize, ToSchema)]
pub struct NewToken {
    #[serde(flatten)]
    pub token: ApiToken,
    /// Send it as `Authorization: Bearer <secret>`.
    pub secret: String,
}

/// The caller's API tokens, newest first, with their last use and expiry.
#[utoipa::path(get, path = "/api/v1/me/tokens", tag = "accounts",
    responses((status = 200, body = Vec<ApiToken>), (status = 401, body = ErrorBody)))]
pub async fn list_tokens(
    ctx: Ctx,
    State(state): State<AppState>,
) -> Result<Json<Vec<ApiToken>>, AppError> {
    Ok(Json(views::all(
        state.kesher.own_tokens(ctx.caller()?).await?,
    )))
}

/// Make a token for the caller (a year unless `expires_in_days` says otherwise).
#[utoipa::path(post, path = "/api/v1/me/tokens", tag = "accounts", request_body = TokenForm,
    responses((status = 201, body = NewToken), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_token(
    ctx: Ctx,
    State(state): State<AppState>,
    JsonBody(form): JsonBody<TokenForm>,
) -> Result<Response, AppError> {
    let (token, secret) = state.kesher.create_own_token(ctx.caller()?, &form).await?;
    Ok(created(NewToken {
        token: token.into(),
        secret: secret.expose().to_string(),
    }))
}

/// Revoke one of the caller's tokens; it is refused from then on.
#[utoipa::path(delete, path = "/api/v1/me/tokens/{id}", tag = "accounts",
    params(("id" = i64, Path, description = "Token id")),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn revoke_token(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<ApiTokenId>,
) -> Result<axum::http::StatusCode, AppError> {
    state.kesher.revoke_own_token(ctx.caller()?, id).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

/// Disable an account (instance admin): its sessions and tokens end, and it cannot sign in.
#[utoipa::path(post, path = "/api/v1/users/{id}/disable", tag = "accounts",
    params(("id" = i64, Path, description = "User id")),
    responses((status = 200, body = User), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn disable_user(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<UserId>,
) -> Result<Json<User>, AppError> {
    user_access(ctx, state, id, true).await
}

/// Enable a disabled account again (instance admin).
#[utoipa::path(post, path = "/api/v1/users/{id}/enable", tag = "accounts",
    params(("id" = i64, Path, description = "User id")),
    responses((status = 200, body = User), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn enable_user(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<UserId>,
) -> Result<Json<User>, AppError> {
    user_access(ctx, state, id, false).await
}

async fn user_access(
    ctx: Ctx,
    state: AppState,
    id: UserId,
    disabled: bool,
) -> Result<Json<User>, AppError> {
    Ok(Json(User::from(
        state
            .kesher
            .set_user_disabled(ctx.caller()?, id, disabled)
            .await?,
    )))
}
