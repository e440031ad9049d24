//! Answering an invitation from its message (`/meeting-answer?key=…&answer=yes`), with no
//! sign-in: the page shows the three answers and records the one chosen with a button. A
//! mail program that opens links ahead of the reader (to scan them) only reads the page.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use kesher_core::Secret;
use kesher_domain::meetings::{AnswerForm, MeetingAnswer};
use serde::Deserialize;

use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, QueryParams};
use crate::html::render;
use crate::page::Page;

#[derive(Template)]
#[template(path = "meetings/answer.html")]
struct AnswerPage {
    page: Page,
    key: String,
    /// The answer the link carried, offered first.
    suggested: String,
    answers: Vec<MeetingAnswer>,
    /// After the answer: the meeting's name and when it is.
    done: Option<(String, String)>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AnswerQuery {
    key: String,
    answer: String,
}

/// `GET /meeting-answer?key=…&answer=…`
pub async fn show_answer(
    ctx: Ctx,
    QueryParams(query): QueryParams<AnswerQuery>,
) -> Result<Response, AppError> {
    render(&AnswerPage {
        page: Page::new(&ctx, ctx.lang.t("meeting-answer-title")),
        key: query.key,
        suggested: query.answer,
        answers: MeetingAnswer::ALL.to_vec(),
        done: None,
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AnswerPageForm {
    key: String,
    answer: String,
}

/// `POST /meeting-answer`: the 256-bit key in the link is the proof of who answers.
pub async fn answer(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(form): CsrfForm<AnswerPageForm>,
) -> Result<Response, AppError> {
    let (meeting, answer) = state
        .kesher
        .answer_by_link(
            &Secret::from_client(&form.key),
            &AnswerForm {
                answer: form.answer,
            },
        )
        .await?;
    let page = Page::new(&ctx, ctx.lang.t("meeting-answer-title"));
    let name = page.meeting_name(&meeting.body_name, &meeting.number);
    let when = crate::html::meetings::local_time(&meeting.starts_at);
    let line = page.line(
        "meeting-answer-recorded",
        vec![
            ("meeting", name.into()),
            ("answer", ctx.lang.t(answer.label_id()).into()),
        ],
    );
    render(&AnswerPage {
        page,
        key: String::new(),
        suggested: String::new(),
        answers: Vec::new(),
        done: Some((line, when)),
    })
}
