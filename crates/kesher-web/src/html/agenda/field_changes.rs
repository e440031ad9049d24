//! Changes in the field: what partners do differently because of the agenda, under the
//! goal each serves — the seeds' own test of whether the agenda steers anyone.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use chrono::Utc;
use kesher_core::CoreError;
use kesher_core::agenda::ChangesByGoal;
use kesher_domain::access::Access;
use kesher_domain::agenda::FieldChangeForm;
use kesher_domain::{FieldChangeId, InitiativeId, OrganizationId};

use super::goal_choices;
use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, NoFields, Params};
use crate::html::{Choice, answer_form, check_in, frame, organization_choices, render, saved};
use crate::page::{Page, Section};

/// The label of each field, for the error summary.
const LABELS: &[(&str, &str)] = &[
    ("organization_id", "field-organization"),
    ("result_id", "field-serves-goal"),
    ("before", "field-before"),
    ("now", "field-now"),
    ("noted_on", "field-noted-on"),
];

#[derive(Template)]
#[template(path = "agenda/field_changes.html")]
struct ChangesPage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    groups: Vec<ChangesByGoal>,
    access: Access,
    can_take_part: bool,
    organizations: Vec<Choice>,
    results: Vec<Choice>,
    form: FieldChangeForm,
    errors: FormErrors,
    action: String,
    delete_action: Option<String>,
}

impl ChangesPage {
    fn can_change(&self, organization: &OrganizationId) -> bool {
        self.access.can_edit_organization(*organization)
    }
}

/// The organizations the caller may record changes for.
async fn speakable(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    access: &Access,
) -> Result<Vec<Choice>, AppError> {
    let caller = ctx.caller()?;
    organization_choices(&state.kesher, caller, id, Some(access)).await
}

async fn changes_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    form: Option<FieldChangeForm>,
    errors: FormErrors,
) -> Result<ChangesPage, AppError> {
    let caller = ctx.caller()?;
    let f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Agenda,
        "field-changes-title",
    )
    .await?;
    let organizations = speakable(state, ctx, id, &f.access).await?;
    let form = form.unwrap_or_else(|| FieldChangeForm {
        noted_on: Utc::now().date_naive().to_string(),
        organization_id: match organizations.as_slice() {
            [only] => only.value.clone(),
            _ => String::new(),
        },
        ..Default::default()
    });
    Ok(ChangesPage {
        groups: state.kesher.field_changes_by_goal(caller, id).await?,
        can_take_part: f.access.can_report(),
        results: goal_choices(
            &state.kesher.results_tree(caller, id).await?,
            &form.result_id,
        ),
        access: f.access,
        page: f.page,
        initiative_id: id,
        tab: "field-changes",
        organizations,
        form,
        errors,
        action: format!("/initiatives/{id}/field-changes"),
        delete_action: None,
    })
}

/// `GET /initiatives/{id}/field-changes`
pub async fn list_field_changes(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    render(&changes_page(&state, &ctx, id, None, FormErrors::default()).await?)
}

/// `POST /initiatives/{id}/field-changes` (backbone, partner editors for their organization)
pub async fn create_field_change(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(form): CsrfForm<FieldChangeForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let outcome = state.kesher.create_field_change(caller, id, &form).await;
    answer_form(
        &ctx,
        outcome,
        |_| format!("/initiatives/{id}/field-changes"),
        "flash-field-change-recorded",
        LABELS,
        |errors| changes_page(&state, &ctx, id, Some(form), errors),
    )
    .await
}

#[derive(Template)]
#[template(path = "agenda/field_change_form.html")]
struct ChangeFormPage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    organizations: Vec<Choice>,
    results: Vec<Choice>,
    form: FieldChangeForm,
    errors: FormErrors,
    action: String,
    delete_action: Option<String>,
}

async fn change_form_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    change: FieldChangeId,
    form: Option<FieldChangeForm>,
    errors: FormErrors,
) -> Result<ChangeFormPage, AppError> {
    let caller = ctx.caller()?;
    let (found, access) = state.kesher.field_change(caller, change).await?;
    check_in(id, found.initiative_id)?;
    if !access.can_edit_organization(found.organization_id) {
        return Err(CoreError::Forbidden.into());
    }
    let f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Agenda,
        "field-changes-edit",
    )
    .await?;
    let form = form.unwrap_or_else(|| FieldChangeForm {
        organization_id: found.organization_id.to_string(),
        result_id: found.result_id.map(|r| r.to_string()).unwrap_or_default(),
        before: found.before.clone(),
        now: found.now.clone(),
        noted_on: found.noted_on.to_string(),
    });
    let here = format!("/initiatives/{id}/field-changes/{change}");
    Ok(ChangeFormPage {
        organizations: speakable(state, ctx, id, &access).await?,
        results: goal_choices(
            &state.kesher.results_tree(caller, id).await?,
            &form.result_id,
        ),
        page: f.page,
        initiative_id: id,
        tab: "field-changes",
        form,
        errors,
        delete_action: Some(format!("{here}/delete")),
        action: here,
    })
}

/// `GET /initiatives/{id}/field-changes/{change}/edit`
pub async fn edit_field_change(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, change)): Params<(InitiativeId, FieldChangeId)>,
) -> Result<Response, AppError> {
    render(&change_form_page(&state, &ctx, id, change, None, FormErrors::default()).await?)
}

/// `POST /initiatives/{id}/field-changes/{change}`
pub async fn update_field_change(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, change)): Params<(InitiativeId, FieldChangeId)>,
    CsrfForm(form): CsrfForm<FieldChangeForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.field_change(caller, change).await?;
    check_in(id, found.initiative_id)?;
    let outcome = state
        .kesher
        .update_field_change(caller, change, &form)
        .await;
    answer_form(
        &ctx,
        outcome,
        |_| format!("/initiatives/{id}/field-changes"),
        "flash-saved",
        LABELS,
        |errors| change_form_page(&state, &ctx, id, change, Some(form), errors),
    )
    .await
}

/// `POST /initiatives/{id}/field-changes/{change}/delete`
pub async fn delete_field_change(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, change)): Params<(InitiativeId, FieldChangeId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.field_change(caller, change).await?;
    check_in(id, found.initiative_id)?;
    state.kesher.delete_field_change(caller, change).await?;
    Ok(saved(
        &ctx,
        &format!("/initiatives/{id}/field-changes"),
        "flash-deleted",
    ))
}
