//! The instance admin's list of accounts, and creating one.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kesher_core::CoreError;
use kesher_core::accounts::UserForm;
use kesher_domain::UserId;
use kesher_store::User;

use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, NoFields, Params};
use crate::html::{render_with, saved};
use crate::page::Page;

/// The label of each field, for the error summary.
const LABELS: &[(&str, &str)] = &[
    ("email", "field-email"),
    ("name", "field-user-name"),
    ("password", "field-password"),
];

#[derive(Template)]
#[template(path = "users/list.html")]
struct UsersPage {
    page: Page,
    users: Vec<User>,
    form: UserForm,
    errors: FormErrors,
}

async fn users_page(
    state: &AppState,
    ctx: &Ctx,
    form: UserForm,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let users = state.kesher.list_users(caller).await?;
    // The password is never sent back to the page.
    let form = UserForm {
        password: String::new(),
        ..form
    };
    render_with(
        status,
        &UsersPage {
            page: Page::new(ctx, ctx.lang.t("nav-users")),
            users,
            form,
            errors,
        },
    )
}

/// `GET /admin/users` (instance admin)
pub async fn list_users(ctx: Ctx, State(state): State<AppState>) -> Result<Response, AppError> {
    users_page(
        &state,
        &ctx,
        UserForm::default(),
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

/// `POST /admin/users` (instance admin)
pub async fn create_user(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(form): CsrfForm<UserForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    match state.kesher.create_user(Some(caller), &form).await {
        Ok(_) => Ok(saved(&ctx, "/admin/users", "flash-user-created")),
        Err(CoreError::Invalid(errors)) => {
            let errors = FormErrors::new(ctx.lang, &errors, LABELS);
            users_page(&state, &ctx, form, errors, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(other) => Err(other.into()),
    }
}

/// `POST /admin/users/{user}/disable` (instance admin): sessions and tokens end.
pub async fn disable_user(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(user): Params<UserId>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    state
        .kesher
        .set_user_disabled(ctx.caller()?, user, true)
        .await?;
    Ok(saved(&ctx, "/admin/users", "flash-user-disabled"))
}

/// `POST /admin/users/{user}/enable` (instance admin)
pub async fn enable_user(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(user): Params<UserId>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    state
        .kesher
        .set_user_disabled(ctx.caller()?, user, false)
        .await?;
    Ok(saved(&ctx, "/admin/users", "flash-user-enabled"))
}
