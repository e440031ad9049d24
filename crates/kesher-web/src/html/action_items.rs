//! Action items across the initiative: everyone's, one body's, or the caller's own, open
//! ones first and late ones marked; and closing one with a note.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use kesher_domain::meetings::ActionStatusForm;
use kesher_domain::{ActionItemId, BodyId, InitiativeId};
use kesher_store::{ActionItem, ActionItemFilter};
use serde::Deserialize;

use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, Params, QueryParams};
use crate::html::agenda::body_choices;
use crate::html::meetings::{ActionRow, action_rows, owner_of};
use crate::html::{Choice, check_in, frame, render, saved};
use crate::page::{Page, Section};

/// `?mine=true&body_id=…&all=true`: the caller's own, one body's, closed ones too.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ActionQuery {
    mine: bool,
    body_id: Option<BodyId>,
    all: bool,
}

#[derive(Template)]
#[template(path = "meetings/action_items.html")]
struct ListPage {
    page: Page,
    initiative_id: InitiativeId,
    rows: Vec<ActionRow>,
    back: &'static str,
    bodies: Vec<Choice>,
    mine: bool,
    all: bool,
    body: String,
    overdue: usize,
}

impl ListPage {
    fn owner(&self, item: &ActionItem) -> String {
        owner_of(item)
    }
}

/// `GET /initiatives/{id}/action-items`
pub async fn list_action_items(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    QueryParams(query): QueryParams<ActionQuery>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let mut f = frame(
        &state.kesher,
        &ctx,
        caller,
        id,
        Section::Bodies,
        "actions-title",
    )
    .await?;
    let items = if query.mine {
        state.kesher.my_action_items(caller, id).await?
    } else {
        let filter = ActionItemFilter {
            body: query.body_id,
            open_only: !query.all,
            ..Default::default()
        };
        state.kesher.action_items(caller, id, &filter).await?
    };
    let rows = action_rows(&state, caller, &f.access, items).await?;
    if query.mine {
        f.page.title = f.page.t("actions-mine-title");
    }
    render(&ListPage {
        overdue: rows.iter().filter(|r| r.overdue).count(),
        bodies: body_choices(&state.kesher, caller, id).await?,
        page: f.page,
        initiative_id: id,
        rows,
        back: "list",
        mine: query.mine,
        all: query.all,
        body: query.body_id.map(|b| b.to_string()).unwrap_or_default(),
    })
}

/// The status form: done or open again, a note, and which page to return to.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StatusPageForm {
    done: String,
    note: String,
    done_on: String,
    /// `meeting` to return to the meeting that gave the item; anything else, the list.
    back: String,
}

/// `POST /initiatives/{id}/action-items/{item}/status`: the backbone, the person who
/// carries it, or whoever speaks for its organization.
pub async fn set_action_status(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, item)): Params<(InitiativeId, ActionItemId)>,
    CsrfForm(form): CsrfForm<StatusPageForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.action_item(caller, item).await?;
    check_in(id, found.initiative_id)?;
    let done = form.done.trim() == "true";
    let changed = state
        .kesher
        .set_action_status(
            caller,
            item,
            &ActionStatusForm {
                done: form.done,
                note: form.note,
                done_on: form.done_on,
            },
        )
        .await?;
    // Only two places to go back to, both built here: nothing from the form becomes an
    // address.
    let location = if form.back == "meeting" {
        format!(
            "/initiatives/{id}/meetings/{}#action-items",
            changed.meeting_id
        )
    } else {
        format!("/initiatives/{id}/action-items")
    };
    Ok(saved(
        &ctx,
        &location,
        if done {
            "flash-action-done"
        } else {
            "flash-action-reopened"
        },
    ))
}
