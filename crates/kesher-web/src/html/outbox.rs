//! The outbox: every message Kesher sent or would send, so a network without a mail server
//! still runs (the backbone reads an invitation's link here and passes it on), and a
//! failure to send is seen, with the server's reason.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use kesher_domain::InitiativeId;
use kesher_store::Mail;

use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::Params;
use crate::html::{frame, render};
use crate::page::{Page, Section};

#[derive(Template)]
#[template(path = "outbox/list.html")]
struct OutboxPage {
    page: Page,
    /// Each message, its state in words, and the link it carries (shown as a link, so a
    /// closed network can follow an invitation from here).
    messages: Vec<(Mail, String, Option<String>)>,
}

fn state_of(page: &Page, mail: &Mail) -> String {
    if mail.sent_at.is_some() {
        page.t("outbox-sent")
    } else if mail.next_attempt_at.is_none() {
        page.t("outbox-given-up")
    } else if mail.attempts > 0 {
        page.t("outbox-retrying")
    } else {
        page.t("outbox-waiting")
    }
}

fn outbox_page(page: Page, mail: Vec<Mail>) -> Result<Response, AppError> {
    let messages = mail
        .into_iter()
        .map(|m| {
            let state = state_of(&page, &m);
            let link = m
                .text_body
                .lines()
                .map(str::trim)
                .find(|l| l.starts_with("http://") || l.starts_with("https://"))
                .map(str::to_string);
            (m, state, link)
        })
        .collect();
    render(&OutboxPage { page, messages })
}

/// `GET /initiatives/{id}/outbox` (backbone): the initiative's messages.
pub async fn initiative_outbox(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let mail = state.kesher.outbox(caller, Some(id)).await?;
    let f = frame(
        &state.kesher,
        &ctx,
        caller,
        id,
        Section::Access,
        "outbox-title",
    )
    .await?;
    outbox_page(f.page, mail)
}

/// `GET /outbox` (instance admin): every message, password resets included.
pub async fn all_outbox(ctx: Ctx, State(state): State<AppState>) -> Result<Response, AppError> {
    let mail = state.kesher.outbox(ctx.caller()?, None).await?;
    outbox_page(Page::new(&ctx, ctx.lang.t("outbox-title")), mail)
}
