//! Invitations (backbone): invite a person by e-mail with a role, list the invitations with
//! their status, and revoke one. The invitee accepts from the link in the message.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{DateTime, Utc};
use kesher_core::people::invitations::InvitationForm;
use kesher_domain::access::Role;
use kesher_domain::{InitiativeId, InvitationId, OrganizationId};
use kesher_store::{Invitation, InvitationStatus};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::{ErrorBody, created};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{JsonBody, Params};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_invitations, create_invitation))
        .routes(routes!(revoke_invitation))
}

/// An invitation as the API shows it; the link itself is only ever in the message.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationView {
    pub id: InvitationId,
    pub status: InvitationStatus,
    pub email: String,
    pub role: Role,
    pub organization_id: Option<OrganizationId>,
    pub language: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub accepted_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<Invitation> for InvitationView {
    fn from(i: Invitation) -> Self {
        Self {
            id: i.id,
            status: i.status(Utc::now()),
            email: i.email,
            role: i.grant.role,
            organization_id: i.grant.organization_id,
            language: i.language,
            created_at: i.created_at,
            expires_at: i.expires_at,
            accepted_at: i.accepted_at,
            revoked_at: i.revoked_at,
        }
    }
}

/// The initiative's invitations, newest first (backbone).
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/invitations", tag = "invitations",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = Vec<InvitationView>), (status = 403, body = ErrorBody)))]
pub async fn list_invitations(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Json<Vec<InvitationView>>, AppError> {
    let invitations = state.kesher.invitations(ctx.caller()?, id).await?;
    Ok(Json(invitations.into_iter().map(Into::into).collect()))
}

/// Invite a person by e-mail (backbone): the message with a single-use link, valid seven
/// days, is queued at once. A partner editor's invitation names their organization.
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/invitations", tag = "invitations",
    request_body = InvitationForm,
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 201, body = InvitationView), (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "A pending invitation to that address exists"),
        (status = 422, body = ErrorBody)))]
pub async fn create_invitation(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    JsonBody(form): JsonBody<InvitationForm>,
) -> Result<Response, AppError> {
    let invitation = state.kesher.invite(ctx.caller()?, id, &form).await?;
    Ok(created(InvitationView::from(invitation)))
}

/// Revoke a pending invitation (backbone): its link stops working.
#[utoipa::path(delete, path = "/api/v1/initiatives/{id}/invitations/{invitation_id}", tag = "invitations",
    params(("id" = i64, Path, description = "Initiative id"),
        ("invitation_id" = i64, Path, description = "Invitation id")),
    responses((status = 200, body = InvitationView), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "Already accepted or revoked")))]
pub async fn revoke_invitation(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, invitation)): Params<(InitiativeId, InvitationId)>,
) -> Result<(StatusCode, Json<InvitationView>), AppError> {
    let revoked = state
        .kesher
        .revoke_invitation(ctx.caller()?, id, invitation)
        .await?;
    Ok((StatusCode::OK, Json(revoked.into())))
}
