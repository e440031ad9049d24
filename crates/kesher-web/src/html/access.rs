//! Who may do what in an initiative: the backbone grants and revokes roles.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kesher_core::CoreError;
use kesher_core::accounts::RoleForm;
use kesher_domain::access::Role;
use kesher_domain::{InitiativeId, UserId};
use kesher_store::RoleGrant;

use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, NoFields, Params};
use crate::html::{Choice, choices, frame, organization_choices, render_with, saved};
use crate::page::{Page, Section};

/// The label of each field, for the error summary.
const LABELS: &[(&str, &str)] = &[
    ("email", "field-email"),
    ("role", "field-role"),
    ("organization_id", "field-organization"),
];

#[derive(Template)]
#[template(path = "access/list.html")]
struct AccessPage {
    page: Page,
    initiative_id: InitiativeId,
    grants: Vec<RoleGrant>,
    form: RoleForm,
    errors: FormErrors,
    roles: Vec<Choice>,
    organizations: Vec<Choice>,
}

impl AccessPage {
    /// Is this row the signed-in user? Their own role is not offered for removal.
    fn is_self(&self, user: &UserId) -> bool {
        self.page.user.as_ref().is_some_and(|u| u.id == *user)
    }
}

async fn access_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    form: RoleForm,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Access,
        "nav-access",
    )
    .await?;
    let grants = state.kesher.list_roles(caller, id).await?;
    let organizations = organization_choices(&state.kesher, caller, id, None).await?;
    render_with(
        status,
        &AccessPage {
            roles: choices(&f.page, Role::ALL, Role::code, Role::label_id),
            page: f.page,
            initiative_id: id,
            grants,
            form,
            errors,
            organizations,
        },
    )
}

/// `GET /initiatives/{id}/access` (backbone)
pub async fn list_roles(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    access_page(
        &state,
        &ctx,
        id,
        RoleForm::default(),
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

/// `POST /initiatives/{id}/access` (backbone)
pub async fn grant_role(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(form): CsrfForm<RoleForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    match state.kesher.grant_role(caller, id, &form).await {
        Ok(_) => Ok(saved(
            &ctx,
            &format!("/initiatives/{id}/access"),
            "flash-role-granted",
        )),
        Err(CoreError::Invalid(errors)) => {
            let errors = FormErrors::new(ctx.lang, &errors, LABELS);
            access_page(
                &state,
                &ctx,
                id,
                form,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

/// `POST /initiatives/{id}/access/{user}/revoke` (backbone)
pub async fn revoke_role(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, user)): Params<(InitiativeId, UserId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    state.kesher.revoke_role(caller, id, user).await?;
    Ok(saved(
        &ctx,
        &format!("/initiatives/{id}/access"),
        "flash-role-revoked",
    ))
}
