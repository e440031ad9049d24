//! One-click unsubscribe from a message (`/unsubscribe?key=…`): the page names the kind
//! of message and stops it with one button. A mail client that opens links ahead of the
//! reader (to scan them) only reads the page; the button does the change.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use kesher_core::Secret;
use serde::Deserialize;

use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, QueryParams};
use crate::html::join::KeyQuery;
use crate::html::render;
use crate::page::Page;

#[derive(Template)]
#[template(path = "unsubscribe.html")]
struct UnsubscribePage {
    page: Page,
    key: String,
    kind: String,
    done: bool,
}

fn kind_words(ctx: &Ctx, kind: &str) -> String {
    ctx.lang
        .t(&kesher_core::people::notifications::kind_label_id(kind))
}

/// `GET /unsubscribe?key=…`
pub async fn show_unsubscribe(
    ctx: Ctx,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<KeyQuery>,
) -> Result<Response, AppError> {
    let kind = state
        .kesher
        .unsubscribe_link(&Secret::from_client(&query.key))
        .await?;
    render(&UnsubscribePage {
        page: Page::new(&ctx, ctx.lang.t("unsubscribe-title")),
        key: query.key,
        kind: kind_words(&ctx, &kind),
        done: false,
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct UnsubscribeForm {
    key: String,
}

/// `GET /unsubscribe/one-click?key=…`: a person who opens the header's address sees the
/// same page with its button.
pub async fn show_one_click(QueryParams(query): QueryParams<KeyQuery>) -> Response {
    let key: String = form_urlencoded::byte_serialize(query.key.as_bytes()).collect();
    Redirect::to(&format!("/unsubscribe?key={key}")).into_response()
}

/// `POST /unsubscribe/one-click?key=…` with `List-Unsubscribe=One-Click` (RFC 8058): the
/// mail program stops the kind on the reader's behalf. There is no session and so no CSRF
/// token: the 256-bit key is the proof, and the only thing it can do is stop messages.
pub async fn one_click(
    State(state): State<AppState>,
    QueryParams(query): QueryParams<KeyQuery>,
    body: String,
) -> Result<Response, AppError> {
    if body.trim() != "List-Unsubscribe=One-Click" {
        return Err(crate::error::bad_request());
    }
    state
        .kesher
        .unsubscribe(&Secret::from_client(&query.key))
        .await?;
    Ok(axum::http::StatusCode::OK.into_response())
}

/// `POST /unsubscribe`
pub async fn unsubscribe(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(form): CsrfForm<UnsubscribeForm>,
) -> Result<Response, AppError> {
    let kind = state
        .kesher
        .unsubscribe(&Secret::from_client(&form.key))
        .await?;
    render(&UnsubscribePage {
        page: Page::new(&ctx, ctx.lang.t("unsubscribe-title")),
        key: String::new(),
        kind: kind_words(&ctx, &kind),
        done: true,
    })
}
