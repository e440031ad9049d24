//! Endorsements: which partners signed the current version of the agenda, and which are
//! still on an older one.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use chrono::Utc;
use kesher_core::agenda::{EndorsementBoard, EndorsementRow};
use kesher_domain::agenda::EndorsementForm;
use kesher_domain::{EndorsementId, InitiativeId};
use kesher_store::Endorsement;

use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, NoFields, Params};
use crate::html::{Choice, answer_form, frame, organization_choices, render, saved};
use crate::page::{Page, Section};

/// The label of each field, for the error summary.
const LABELS: &[(&str, &str)] = &[
    ("organization_id", "field-organization"),
    ("version", "field-version"),
    ("signed_on", "field-signed-on"),
    ("signed_by", "field-signed-by"),
];

#[derive(Template)]
#[template(path = "agenda/endorsements.html")]
struct EndorsementsPage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    board: EndorsementBoard,
    organizations: Vec<Choice>,
    versions: Vec<Choice>,
    can_edit: bool,
    /// The form is offered: the backbone for any partner, a partner editor for their own.
    can_endorse: bool,
    form: EndorsementForm,
    errors: FormErrors,
}

impl EndorsementsPage {
    /// The organization's other endorsements, newest version first, as "version 1 (3 Nov
    /// 2025)": an earlier signature recorded late stays visible beside the latest.
    fn earlier(&self, row: &EndorsementRow) -> String {
        let latest = row.latest.as_ref().map(|e| e.id);
        let mut others: Vec<&Endorsement> = self
            .board
            .endorsements
            .iter()
            .filter(|e| e.organization_id == row.organization.id && Some(e.id) != latest)
            .collect();
        others.sort_by_key(|e| std::cmp::Reverse(e.version));
        others
            .iter()
            .map(|e| {
                let version = self
                    .page
                    .ts("agenda-version-label", &self.board.label_of(e.version));
                format!("{version} ({})", self.page.date(&e.signed_on))
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// "7 of 26 partners signed version 2; 3 are on an older version." `current` is the
    /// binding version: a wording-only mend after it asks nobody to sign again.
    fn summary(&self, current: &u32) -> String {
        let on_current = self
            .board
            .rows
            .iter()
            .filter(|r| r.is_current(&Some(*current)))
            .count();
        let on_older = self
            .board
            .rows
            .iter()
            .filter(|r| r.latest.is_some() && !r.is_current(&Some(*current)))
            .count();
        self.page.lang.t_with(
            "endorsements-summary",
            &[
                ("count", on_current.into()),
                ("total", self.board.rows.len().into()),
                ("version", self.board.label_of(*current).into()),
                ("older", on_older.into()),
            ],
        )
    }
}

async fn endorsements_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    form: Option<EndorsementForm>,
    errors: FormErrors,
) -> Result<EndorsementsPage, AppError> {
    let caller = ctx.caller()?;
    let f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Agenda,
        "endorsements-title",
    )
    .await?;
    let board = state.kesher.endorsement_board(caller, id).await?;
    let versions: Vec<Choice> = (1..=board.current_version.unwrap_or(0))
        .rev()
        .map(|n| Choice {
            value: n.to_string(),
            label: f.page.ts("agenda-version-label", &board.label_of(n)),
        })
        .collect();
    let form = form.unwrap_or_else(|| EndorsementForm {
        version: board
            .current_version
            .map(|v| v.to_string())
            .unwrap_or_default(),
        signed_on: Utc::now().date_naive().to_string(),
        ..Default::default()
    });
    // A partner editor records their own organization's endorsement only.
    let only_own = (!f.access.can_edit_agenda()).then_some(&f.access);
    Ok(EndorsementsPage {
        organizations: organization_choices(&state.kesher, caller, id, only_own).await?,
        can_edit: f.access.can_edit_agenda(),
        can_endorse: f.access.can_endorse(),
        page: f.page,
        initiative_id: id,
        tab: "endorsements",
        board,
        versions,
        form,
        errors,
    })
}

/// `GET /initiatives/{id}/endorsements`
pub async fn show_endorsements(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    render(&endorsements_page(&state, &ctx, id, None, FormErrors::default()).await?)
}

/// `POST /initiatives/{id}/endorsements` (backbone)
pub async fn create_endorsement(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(form): CsrfForm<EndorsementForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let outcome = state.kesher.create_endorsement(caller, id, &form).await;
    answer_form(
        &ctx,
        outcome,
        |_| format!("/initiatives/{id}/endorsements"),
        "flash-endorsement-recorded",
        LABELS,
        |errors| endorsements_page(&state, &ctx, id, Some(form), errors),
    )
    .await
}

/// `POST /initiatives/{id}/endorsements/{endorsement}/delete` (backbone)
pub async fn delete_endorsement(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, endorsement)): Params<(InitiativeId, EndorsementId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    state.kesher.delete_endorsement(caller, endorsement).await?;
    Ok(saved(
        &ctx,
        &format!("/initiatives/{id}/endorsements"),
        "flash-deleted",
    ))
}
