//! Invitations (backbone): invite a person by e-mail with a role, and see each invitation
//! as pending, accepted, expired or revoked, to send again or revoke.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use chrono::Utc;
use kesher_core::people::invitations::InvitationForm;
use kesher_domain::access::Role;
use kesher_domain::{InitiativeId, InvitationId};
use kesher_store::Invitation;

use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, NoFields, Params};
use crate::html::{Choice, answer_form, choices, frame, organization_choices, render, saved};
use crate::page::{Page, Section};

const LABELS: &[(&str, &str)] = &[
    ("email", "field-email"),
    ("role", "field-role"),
    ("organization_id", "field-organization"),
    ("language", "field-language"),
];

/// One invitation as the list shows it.
struct Row {
    invitation: Invitation,
    status: &'static str,
    status_label: String,
    organization: Option<String>,
    /// Pending or expired: it can be sent again; pending: it can be revoked.
    can_resend: bool,
    can_revoke: bool,
}

#[derive(Template)]
#[template(path = "invitations/list.html")]
struct InvitationsPage {
    page: Page,
    initiative_id: InitiativeId,
    rows: Vec<Row>,
    form: InvitationForm,
    errors: FormErrors,
    roles: Vec<Choice>,
    organizations: Vec<Choice>,
    languages: Vec<Choice>,
}

async fn invitations_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    form: InvitationForm,
    errors: FormErrors,
) -> Result<InvitationsPage, AppError> {
    let caller = ctx.caller()?;
    let f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Access,
        "invitations-title",
    )
    .await?;
    let invitations = state.kesher.invitations(caller, id).await?;
    let organizations = organization_choices(&state.kesher, caller, id, None).await?;
    let now = Utc::now();
    let rows = invitations
        .into_iter()
        .map(|invitation| {
            let status = invitation.status(now).code();
            Row {
                status,
                status_label: f.page.t(&format!("invitation-status-{status}")),
                organization: invitation.grant.organization_id.and_then(|o| {
                    organizations
                        .iter()
                        .find(|c| c.value == o.to_string())
                        .map(|c| c.label.clone())
                }),
                can_resend: matches!(status, "pending" | "expired"),
                can_revoke: status == "pending",
                invitation,
            }
        })
        .collect();
    let languages = crate::html::language_choices(ctx.lang);
    Ok(InvitationsPage {
        roles: choices(&f.page, Role::ALL, Role::code, Role::label_id),
        page: f.page,
        initiative_id: id,
        rows,
        form,
        errors,
        organizations,
        languages,
    })
}

/// `GET /initiatives/{id}/invitations` (backbone)
pub async fn list_invitations(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    let form = InvitationForm {
        language: ctx.lang.code().to_string(),
        ..Default::default()
    };
    render(&invitations_page(&state, &ctx, id, form, FormErrors::default()).await?)
}

/// `POST /initiatives/{id}/invitations` (backbone)
pub async fn create_invitation(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(form): CsrfForm<InvitationForm>,
) -> Result<Response, AppError> {
    let outcome = state.kesher.invite(ctx.caller()?, id, &form).await;
    let (state, ctx) = (&state, &ctx);
    answer_form(
        ctx,
        outcome,
        |_| format!("/initiatives/{id}/invitations"),
        "flash-invitation-sent",
        LABELS,
        |errors| invitations_page(state, ctx, id, form, errors),
    )
    .await
}

/// `POST /initiatives/{id}/invitations/{invitation}/resend` (backbone)
pub async fn resend_invitation(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, invitation)): Params<(InitiativeId, InvitationId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    state
        .kesher
        .resend_invitation(ctx.caller()?, id, invitation)
        .await?;
    Ok(saved(
        &ctx,
        &format!("/initiatives/{id}/invitations"),
        "flash-invitation-sent",
    ))
}

/// `POST /initiatives/{id}/invitations/{invitation}/revoke` (backbone)
pub async fn revoke_invitation(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, invitation)): Params<(InitiativeId, InvitationId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    state
        .kesher
        .revoke_invitation(ctx.caller()?, id, invitation)
        .await?;
    Ok(saved(
        &ctx,
        &format!("/initiatives/{id}/invitations"),
        "flash-invitation-revoked",
    ))
}
