//! Open questions and disputes: what is disputed, who raised it, the positions, and a
//! history that keeps every resolution and reopening.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use kesher_core::{Caller, CoreError};
use kesher_domain::agenda::{DisputeForm, DisputeStatus, DisputeStatusForm, PositionForm};
use kesher_domain::network::Sector;
use kesher_domain::{DecisionId, DisputeId, InitiativeId};
use kesher_store::{Decision, Dispute};

use super::speaking_as;
use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, Params};
use crate::html::{
    Choice, Frame, answer_form, check_in, choices, frame, organization_choices, render, saved,
};
use crate::page::{Page, Section};

/// The label of each field, for the error summary.
const LABELS: &[(&str, &str)] = &[
    ("question", "field-question"),
    ("raised_by_organization_id", "field-raised-by"),
    ("raised_by_sector", "field-sector"),
    ("organization_id", "field-organization"),
    ("position", "field-position"),
];

#[derive(Template)]
#[template(path = "agenda/disputes.html")]
struct DisputesPage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    disputes: Vec<Dispute>,
    can_raise: bool,
    fields: DisputeFields,
}

/// What the question's form needs, on the list (to raise one) and on the edit page.
struct DisputeFields {
    decisions: Vec<Decision>,
    organizations: Vec<Choice>,
    sectors: Vec<Choice>,
    /// The backbone names who raised it; a partner editor raises it in their own name.
    can_edit: bool,
    speaking_as: Option<String>,
    form: DisputeForm,
    errors: FormErrors,
}

impl DisputeFields {
    async fn new(
        state: &AppState,
        caller: &Caller,
        id: InitiativeId,
        f: &Frame,
        form: DisputeForm,
        errors: FormErrors,
    ) -> Result<DisputeFields, AppError> {
        Ok(DisputeFields {
            decisions: state.kesher.decisions(caller, id).await?,
            organizations: organization_choices(&state.kesher, caller, id, None).await?,
            sectors: choices(&f.page, Sector::ALL, Sector::code, Sector::label_id),
            can_edit: f.access.can_edit_agenda(),
            speaking_as: speaking_as(&state.kesher, caller, &f.access).await?,
            form,
            errors,
        })
    }

    /// The start of a long decision, for a checkbox label.
    fn short(&self, text: &str) -> String {
        crate::html::shortened(text, 90)
    }

    /// Whether the form has this decision ticked.
    fn links_decision(&self, id: &DecisionId) -> bool {
        self.form.decision_ids.contains(&id.get())
    }
}

async fn disputes_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    form: DisputeForm,
    errors: FormErrors,
) -> Result<DisputesPage, AppError> {
    let caller = ctx.caller()?;
    let f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Agenda,
        "disputes-title",
    )
    .await?;
    Ok(DisputesPage {
        disputes: state.kesher.disputes(caller, id).await?,
        can_raise: f.access.can_take_part_in_agenda(),
        fields: DisputeFields::new(state, caller, id, &f, form, errors).await?,
        page: f.page,
        initiative_id: id,
        tab: "disputes",
    })
}

#[derive(Template)]
#[template(path = "agenda/dispute_edit.html")]
struct DisputeEditPage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    dispute: DisputeId,
    fields: DisputeFields,
}

async fn dispute_edit_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    dispute: DisputeId,
    form: Option<DisputeForm>,
    errors: FormErrors,
) -> Result<DisputeEditPage, AppError> {
    let caller = ctx.caller()?;
    let (found, access) = state.kesher.dispute(caller, dispute).await?;
    check_in(id, found.initiative_id)?;
    if !access.can_edit_agenda() {
        return Err(CoreError::Forbidden.into());
    }
    let f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Agenda,
        "dispute-edit",
    )
    .await?;
    let form = form.unwrap_or_else(|| DisputeForm {
        question: found.question.clone(),
        raised_by_organization_id: found
            .raised_by_organization_id
            .map(|o| o.to_string())
            .unwrap_or_default(),
        raised_by_sector: found
            .raised_by_sector
            .map(|s| s.code().to_string())
            .unwrap_or_default(),
        decision_ids: found.decision_ids.iter().map(|d| d.get()).collect(),
    });
    Ok(DisputeEditPage {
        fields: DisputeFields::new(state, caller, id, &f, form, errors).await?,
        page: f.page,
        initiative_id: id,
        tab: "disputes",
        dispute,
    })
}

/// `GET /initiatives/{id}/disputes/{dispute}/edit` (backbone)
pub async fn edit_dispute(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, dispute)): Params<(InitiativeId, DisputeId)>,
) -> Result<Response, AppError> {
    let page = dispute_edit_page(&state, &ctx, id, dispute, None, FormErrors::default());
    render(&page.await?)
}

/// `POST /initiatives/{id}/disputes/{dispute}` (backbone): the question's words, who raised
/// it and the decisions it is about; its positions and history stay.
pub async fn update_dispute(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, dispute)): Params<(InitiativeId, DisputeId)>,
    CsrfForm(form): CsrfForm<DisputeForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.dispute(caller, dispute).await?;
    check_in(id, found.initiative_id)?;
    let outcome = state.kesher.update_dispute(caller, dispute, &form).await;
    answer_form(
        &ctx,
        outcome,
        |_| format!("/initiatives/{id}/disputes/{dispute}"),
        "flash-saved",
        LABELS,
        |errors| dispute_edit_page(&state, &ctx, id, dispute, Some(form), errors),
    )
    .await
}

/// `GET /initiatives/{id}/disputes`
pub async fn list_disputes(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    render(
        &disputes_page(
            &state,
            &ctx,
            id,
            DisputeForm::default(),
            FormErrors::default(),
        )
        .await?,
    )
}

/// `POST /initiatives/{id}/disputes` (backbone, partner editors)
pub async fn create_dispute(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(form): CsrfForm<DisputeForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let outcome = state.kesher.create_dispute(caller, id, &form).await;
    answer_form(
        &ctx,
        outcome,
        |created| format!("/initiatives/{id}/disputes/{}", created.id),
        "flash-dispute-raised",
        LABELS,
        |errors| disputes_page(&state, &ctx, id, form, errors),
    )
    .await
}

#[derive(Template)]
#[template(path = "agenda/dispute.html")]
struct DisputePage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    dispute: Dispute,
    decisions: Vec<Decision>,
    organizations: Vec<Choice>,
    can_take_part: bool,
    can_edit: bool,
    speaking_as: Option<String>,
    /// The position as typed, kept when the form is refused.
    position: PositionForm,
    errors: FormErrors,
    /// The note of a refused change of status, with what was wrong.
    status_note: String,
    status_errors: FormErrors,
}

/// The form on the dispute's page that came back refused, if one did.
enum Refused {
    Nothing,
    Position(PositionForm, FormErrors),
    Status(DisputeStatusForm, FormErrors),
}

impl DisputePage {
    /// What the backbone can do next: resolve an open dispute, reopen a resolved one.
    fn next_status(&self) -> &'static str {
        if self.dispute.status == DisputeStatus::Resolved {
            "reopened"
        } else {
            "resolved"
        }
    }

    fn next_action(&self) -> String {
        self.page
            .t(if self.dispute.status == DisputeStatus::Resolved {
                "dispute-reopen"
            } else {
                "dispute-resolve"
            })
    }

    fn status_hint(&self) -> String {
        self.page
            .t(if self.dispute.status == DisputeStatus::Resolved {
                "hint-reopen-note"
            } else {
                "hint-status-note"
            })
    }
}

async fn dispute_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    dispute: DisputeId,
    refused: Refused,
) -> Result<DisputePage, AppError> {
    let caller = ctx.caller()?;
    let (found, access) = state.kesher.dispute(caller, dispute).await?;
    check_in(id, found.initiative_id)?;
    let (position, errors, status_note, status_errors) = match refused {
        Refused::Nothing => Default::default(),
        Refused::Position(form, errors) => (form, errors, String::new(), FormErrors::default()),
        Refused::Status(form, errors) => (
            PositionForm::default(),
            FormErrors::default(),
            form.note,
            errors,
        ),
    };
    let mut f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Agenda,
        "disputes-title",
    )
    .await?;
    f.page.title = found.question.chars().take(80).collect();
    let decisions = state
        .kesher
        .decisions(caller, id)
        .await?
        .into_iter()
        .filter(|d| found.decision_ids.contains(&d.id))
        .collect();
    Ok(DisputePage {
        organizations: organization_choices(&state.kesher, caller, id, None).await?,
        page: f.page,
        initiative_id: id,
        tab: "disputes",
        dispute: found,
        decisions,
        can_take_part: access.can_take_part_in_agenda(),
        speaking_as: speaking_as(&state.kesher, caller, &access).await?,
        can_edit: access.can_edit_agenda(),
        position,
        errors,
        status_note,
        status_errors,
    })
}

/// `GET /initiatives/{id}/disputes/{dispute}`
pub async fn show_dispute(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, dispute)): Params<(InitiativeId, DisputeId)>,
) -> Result<Response, AppError> {
    render(&dispute_page(&state, &ctx, id, dispute, Refused::Nothing).await?)
}

/// `POST /initiatives/{id}/disputes/{dispute}/positions` (backbone, partner editors)
pub async fn add_position(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, dispute)): Params<(InitiativeId, DisputeId)>,
    CsrfForm(form): CsrfForm<PositionForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.dispute(caller, dispute).await?;
    check_in(id, found.initiative_id)?;
    let outcome = state.kesher.add_position(caller, dispute, &form).await;
    answer_form(
        &ctx,
        outcome,
        |_| format!("/initiatives/{id}/disputes/{dispute}#positions"),
        "flash-position-added",
        LABELS,
        |errors| dispute_page(&state, &ctx, id, dispute, Refused::Position(form, errors)),
    )
    .await
}

/// `POST /initiatives/{id}/disputes/{dispute}/status` (backbone): resolve or reopen.
pub async fn change_dispute_status(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, dispute)): Params<(InitiativeId, DisputeId)>,
    CsrfForm(form): CsrfForm<DisputeStatusForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.dispute(caller, dispute).await?;
    check_in(id, found.initiative_id)?;
    let here = format!("/initiatives/{id}/disputes/{dispute}");
    let outcome = match state
        .kesher
        .change_dispute_status(caller, dispute, &form)
        .await
    {
        // Sent twice (a double click, or a page left open while someone else acted): the
        // question already stands where the form would put it; say so on its page.
        Err(CoreError::Conflict { .. }) => {
            return Ok(saved(&ctx, &here, "flash-dispute-status-unchanged"));
        }
        other => other,
    };
    let message = match &outcome {
        Ok(changed) if changed.status != DisputeStatus::Resolved => "flash-dispute-reopened",
        _ => "flash-dispute-resolved",
    };
    answer_form(
        &ctx,
        outcome,
        |_| here.clone(),
        message,
        LABELS,
        |errors| dispute_page(&state, &ctx, id, dispute, Refused::Status(form, errors)),
    )
    .await
}
