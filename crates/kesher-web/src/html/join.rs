//! Accepting an invitation from its link (`/invitation?key=…`; the key travels in the
//! query, which the request log leaves out): a new account chooses a name and password, an
//! existing one signs in, and either lands in the initiative.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use kesher_core::people::invitations::{AcceptForm, InvitationLink};
use kesher_core::{CoreError, Secret};
use kesher_store::InvitationStatus;
use serde::Deserialize;

use crate::AppState;
use crate::context::{Ctx, with_session};
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, QueryParams};
use crate::html::render_with;
use crate::page::Page;

const LABELS: &[(&str, &str)] = &[("name", "field-user-name"), ("password", "field-password")];

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct KeyQuery {
    pub key: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct JoinForm {
    key: String,
    name: String,
    password: String,
}

#[derive(Template)]
#[template(path = "invitations/accept.html")]
struct AcceptPage {
    page: Page,
    key: String,
    initiative_name: String,
    email: String,
    role: String,
    /// Pending: the form; otherwise why the link no longer works.
    spent: Option<String>,
    has_account: bool,
    chosen_name: String,
    errors: FormErrors,
    problem: Option<String>,
}

fn accept_page(
    ctx: &Ctx,
    key: &str,
    link: InvitationLink,
    name: String,
    errors: FormErrors,
    problem: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let spent = match link.status {
        InvitationStatus::Pending => None,
        other => Some(ctx.lang.t(&format!("invitation-spent-{}", other.code()))),
    };
    render_with(
        status,
        &AcceptPage {
            page: Page::new(ctx, ctx.lang.t("invitation-accept-title")),
            key: key.to_string(),
            role: ctx.lang.t(link.invitation.grant.role.label_id()),
            initiative_name: link.initiative_name,
            email: link.invitation.email,
            spent,
            has_account: link.has_account,
            chosen_name: name,
            errors,
            problem,
        },
    )
}

/// `GET /invitation?key=…`
pub async fn show_invitation(
    ctx: Ctx,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<KeyQuery>,
) -> Result<Response, AppError> {
    let link = state
        .kesher
        .invitation_link(&Secret::from_client(&query.key))
        .await?;
    let status = if link.status == InvitationStatus::Pending {
        StatusCode::OK
    } else {
        StatusCode::GONE
    };
    accept_page(
        &ctx,
        &query.key,
        link,
        String::new(),
        FormErrors::default(),
        None,
        status,
    )
}

/// `POST /invitation`: the key, and a name and password (or the existing account's).
pub async fn accept_invitation(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(form): CsrfForm<JoinForm>,
) -> Result<Response, AppError> {
    let secret = Secret::from_client(&form.key);
    let answer = AcceptForm {
        name: form.name.clone(),
        password: form.password.clone(),
    };
    match state
        .kesher
        .accept_invitation(&secret, &answer, &ctx.client)
        .await
    {
        Ok((_, session)) => {
            let link = state.kesher.invitation_link(&secret).await?;
            let home = format!("/initiatives/{}", link.invitation.initiative_id);
            Ok(with_session(
                Redirect::to(&home).into_response(),
                &ctx,
                &session,
            ))
        }
        Err(CoreError::Invalid(errors)) => {
            let link = state.kesher.invitation_link(&secret).await?;
            let errors = FormErrors::new(ctx.lang, &errors, LABELS);
            accept_page(
                &ctx,
                &form.key,
                link,
                form.name,
                errors,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(CoreError::BadCredentials) => {
            let link = state.kesher.invitation_link(&secret).await?;
            let problem = Some(ctx.lang.t("error-bad-credentials"));
            accept_page(
                &ctx,
                &form.key,
                link,
                form.name,
                FormErrors::default(),
                problem,
                StatusCode::UNAUTHORIZED,
            )
        }
        Err(other) => Err(other.into()),
    }
}
