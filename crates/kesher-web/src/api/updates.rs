//! Updates to partners (drafted, sent once, archived) and the contact plan with each
//! partner.

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use kesher_core::communication::contacts::ContactRow;
use kesher_domain::updates::{ContactPlanForm, UpdateForm};
use kesher_domain::{InitiativeId, OrganizationId, PersonId, UpdateId};
use kesher_store::{ContactPlan, Update};
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
        .routes(routes!(list_updates, create_update))
        .routes(routes!(update_template))
        .routes(routes!(show_update, edit_update, delete_update))
        .routes(routes!(update_recipients))
        .routes(routes!(send_update))
        .routes(routes!(contact_plan))
        .routes(routes!(set_contact_plan, clear_contact_plan))
}

/// The initiative's updates, newest first: those sent, and for the backbone its drafts.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/updates", tag = "updates",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = Vec<Update>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list_updates(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Json<Vec<Update>>, AppError> {
    Ok(Json(state.kesher.updates(ctx.caller()?, id).await?.0))
}

/// A new draft (backbone): `{"title", "text" (Markdown), "audience": "partners" | "body" |
/// "funders" | "custom", "body_id"?, "person_ids"?}`.
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/updates", tag = "updates", request_body = UpdateForm,
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 201, body = Update), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn create_update(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    JsonBody(form): JsonBody<UpdateForm>,
) -> Result<Response, AppError> {
    Ok(created(
        state.kesher.create_update(ctx.caller()?, id, &form).await?,
    ))
}

/// A drafted update: its title and text gathered from what happened since the last one.
#[derive(Serialize, ToSchema)]
pub struct UpdateDraft {
    pub title: String,
    /// Markdown.
    pub text: String,
    pub audience: String,
}

/// The template of a new update (backbone), in the caller's language: decisions, new
/// approved figures with their coverage, and meetings ahead, since the last update sent.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/updates/template", tag = "updates",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = UpdateDraft), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn update_template(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Json<UpdateDraft>, AppError> {
    let form = state
        .kesher
        .update_template(ctx.caller()?, id, ctx.lang)
        .await?;
    Ok(Json(UpdateDraft {
        title: form.title,
        text: form.text,
        audience: form.audience,
    }))
}

/// One update (a draft only for the backbone).
#[utoipa::path(get, path = "/api/v1/updates/{id}", tag = "updates",
    params(("id" = i64, Path, description = "Update id")),
    responses((status = 200, body = Update), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn show_update(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<UpdateId>,
) -> Result<Json<Update>, AppError> {
    Ok(Json(state.kesher.update(ctx.caller()?, id).await?.0))
}

/// Changes a draft (backbone); a sent update answers 409.
#[utoipa::path(put, path = "/api/v1/updates/{id}", tag = "updates", request_body = UpdateForm,
    params(("id" = i64, Path, description = "Update id")),
    responses((status = 200, body = Update), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn edit_update(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<UpdateId>,
    JsonBody(form): JsonBody<UpdateForm>,
) -> Result<Json<Update>, AppError> {
    Ok(Json(
        state.kesher.edit_update(ctx.caller()?, id, &form).await?,
    ))
}

/// Deletes a draft (backbone); a sent update answers 409.
#[utoipa::path(delete, path = "/api/v1/updates/{id}", tag = "updates",
    params(("id" = i64, Path, description = "Update id")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
pub async fn delete_update(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<UpdateId>,
) -> Result<axum::http::StatusCode, AppError> {
    state.kesher.delete_update(ctx.caller()?, id).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

/// A person an update goes to.
#[derive(Serialize, ToSchema)]
pub struct Recipient {
    pub person_id: PersonId,
    pub name: String,
    pub organization_name: String,
}

/// Who the update would reach if sent now (backbone): its audience's people with an
/// e-mail address who did not stop updates.
#[utoipa::path(get, path = "/api/v1/updates/{id}/recipients", tag = "updates",
    params(("id" = i64, Path, description = "Update id")),
    responses((status = 200, body = Vec<Recipient>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn update_recipients(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<UpdateId>,
) -> Result<Json<Vec<Recipient>>, AppError> {
    Ok(Json(
        state
            .kesher
            .update_recipients(ctx.caller()?, id)
            .await?
            .into_iter()
            .map(|p| Recipient {
                person_id: p.id,
                name: p.name,
                organization_name: p.organization_name,
            })
            .collect(),
    ))
}

/// Sends a draft to its audience (backbone), once: a message each, with a link to stop
/// updates. 409 when already sent or when nobody can receive it.
#[utoipa::path(post, path = "/api/v1/updates/{id}/send", tag = "updates",
    params(("id" = i64, Path, description = "Update id")),
    responses((status = 200, body = Update), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
pub async fn send_update(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<UpdateId>,
) -> Result<Json<Update>, AppError> {
    Ok(Json(state.kesher.send_update(ctx.caller()?, id).await?))
}

/// Every partner with its contact plan, its last contact (from meetings attended and
/// updates received) and whether contact is overdue (backbone).
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/contact-plan", tag = "updates",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = Vec<ContactRow>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn contact_plan(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Json<Vec<ContactRow>>, AppError> {
    Ok(Json(state.kesher.contact_plan(ctx.caller()?, id).await?))
}

/// Sets an organization's contact plan (backbone): `{"purpose", "channel", "every",
/// "unit": "weeks" | "months"}`.
#[utoipa::path(put, path = "/api/v1/organizations/{id}/contact-plan", tag = "updates", request_body = ContactPlanForm,
    params(("id" = i64, Path, description = "Organization id")),
    responses((status = 200, body = ContactPlan), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn set_contact_plan(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<OrganizationId>,
    JsonBody(form): JsonBody<ContactPlanForm>,
) -> Result<Json<ContactPlan>, AppError> {
    Ok(Json(
        state
            .kesher
            .set_contact_plan(ctx.caller()?, id, &form)
            .await?,
    ))
}

/// Removes an organization's contact plan (backbone).
#[utoipa::path(delete, path = "/api/v1/organizations/{id}/contact-plan", tag = "updates",
    params(("id" = i64, Path, description = "Organization id")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn clear_contact_plan(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<OrganizationId>,
) -> Result<axum::http::StatusCode, AppError> {
    state.kesher.clear_contact_plan(ctx.caller()?, id).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}
