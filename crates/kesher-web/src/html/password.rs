//! A forgotten password: ask for a link by e-mail (the answer is the same whether or not
//! the address is known), then choose a new password through it (`?key=…`, kept out of
//! the request log).

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kesher_core::{CoreError, Secret};
use serde::Deserialize;

use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, QueryParams};
use crate::html::join::KeyQuery;
use crate::html::{render, render_with, saved};
use crate::page::Page;

#[derive(Template)]
#[template(path = "password/forgot.html")]
struct ForgotPage {
    page: Page,
    email: String,
    /// The request was taken: the same words whoever asked.
    asked: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ForgotForm {
    email: String,
}

/// `GET /password/forgot`
pub async fn show_forgot(ctx: Ctx) -> Result<Response, AppError> {
    render(&ForgotPage {
        page: Page::new(&ctx, ctx.lang.t("password-forgot-title")),
        email: String::new(),
        asked: false,
    })
}

/// `POST /password/forgot`
pub async fn ask_reset(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(form): CsrfForm<ForgotForm>,
) -> Result<Response, AppError> {
    state
        .kesher
        .request_password_reset(&form.email, ctx.lang)
        .await?;
    render(&ForgotPage {
        page: Page::new(&ctx, ctx.lang.t("password-forgot-title")),
        email: form.email,
        asked: true,
    })
}

#[derive(Template)]
#[template(path = "password/reset.html")]
struct ResetPage {
    page: Page,
    key: String,
    live: bool,
    errors: FormErrors,
}

/// `GET /password/reset?key=…`
pub async fn show_reset(
    ctx: Ctx,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<KeyQuery>,
) -> Result<Response, AppError> {
    let live = state
        .kesher
        .password_reset_is_live(&Secret::from_client(&query.key))
        .await?;
    render_with(
        if live {
            StatusCode::OK
        } else {
            StatusCode::GONE
        },
        &ResetPage {
            page: Page::new(&ctx, ctx.lang.t("password-reset-title")),
            key: query.key,
            live,
            errors: FormErrors::default(),
        },
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ResetForm {
    key: String,
    password: String,
}

/// `POST /password/reset`
pub async fn reset_password(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(form): CsrfForm<ResetForm>,
) -> Result<Response, AppError> {
    match state
        .kesher
        .reset_password(&Secret::from_client(&form.key), &form.password)
        .await
    {
        Ok(()) => Ok(saved(&ctx, "/login", "flash-password-reset")),
        Err(CoreError::Invalid(errors)) => render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ResetPage {
                page: Page::new(&ctx, ctx.lang.t("password-reset-title")),
                key: form.key,
                live: true,
                errors: FormErrors::new(ctx.lang, &errors, &[("password", "field-password")]),
            },
        ),
        Err(other) => Err(other.into()),
    }
}
