//! Meetings of bodies: planned, changed, and who came.

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use kesher_domain::meetings::{AttendanceForm, MeetingForm};
use kesher_domain::network::Sector;
use kesher_domain::{BodyId, InitiativeId, MeetingId};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::views::{self, Meeting};
use crate::api::{ErrorBody, created};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{JsonBody, Params};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_meetings, plan_meeting))
        .routes(routes!(show_meeting, update_meeting))
        .routes(routes!(record_attendance))
        .routes(routes!(collaboration_health))
}

/// One body's health figures. Rates are between 0 and 1; `null` when there is nothing to
/// measure yet (no meeting held, nobody invited, or — for action items and agenda
/// coverage — not recorded by Kesher yet).
#[derive(Serialize, ToSchema)]
pub struct BodyHealth {
    pub body_id: BodyId,
    pub body_name: String,
    /// Meetings whose attendance was recorded.
    pub meetings_held: usize,
    /// Of the invited, the share who came (guests are not counted against an invitation).
    pub attendance_rate: Option<f64>,
    /// Of those who came, the share who had come to the body's previous held meeting.
    pub returning_rate: Option<f64>,
    pub action_items_done_rate: Option<f64>,
    pub agenda_covered_rate: Option<f64>,
    /// The sectors of the organizations of everyone who came.
    pub sectors: Vec<Sector>,
}

/// The health of the collaboration, measured from its meetings.
#[derive(Serialize, ToSchema)]
pub struct Health {
    pub bodies: Vec<BodyHealth>,
}

/// The health of the collaboration per body: meetings held, attendance, returning members
/// and the sectors at the table.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/health", tag = "meetings",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = Health), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn collaboration_health(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Json<Health>, AppError> {
    let bodies = state
        .kesher
        .collaboration_health(ctx.caller()?, id)
        .await?
        .into_iter()
        .map(|(body, health)| BodyHealth {
            body_id: body.id,
            body_name: body.name,
            meetings_held: health.meetings_held,
            attendance_rate: health.attendance.map(|s| s.rate()),
            returning_rate: health.returning.map(|s| s.rate()),
            action_items_done_rate: None,
            agenda_covered_rate: None,
            sectors: health.sectors,
        })
        .collect();
    Ok(Json(Health { bodies }))
}

/// A body's meetings, in order of their number.
#[utoipa::path(get, path = "/api/v1/bodies/{id}/meetings", tag = "meetings",
    params(("id" = i64, Path, description = "Body id")),
    responses((status = 200, body = Vec<Meeting>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list_meetings(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<BodyId>,
) -> Result<Json<Vec<Meeting>>, AppError> {
    Ok(Json(views::all(
        state.kesher.meetings_of_body(ctx.caller()?, id).await?,
    )))
}

/// Plan a meeting of a body (backbone). It is numbered after the body's last; the
/// invitees are the people seated in the body on the meeting's day.
#[utoipa::path(post, path = "/api/v1/bodies/{id}/meetings", tag = "meetings", request_body = MeetingForm,
    params(("id" = i64, Path, description = "Body id")),
    responses((status = 201, body = Meeting), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn plan_meeting(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<BodyId>,
    JsonBody(form): JsonBody<MeetingForm>,
) -> Result<Response, AppError> {
    Ok(created(Meeting::from(
        state.kesher.plan_meeting(ctx.caller()?, id, &form).await?,
    )))
}

/// One meeting, with its agenda and invitees.
#[utoipa::path(get, path = "/api/v1/meetings/{id}", tag = "meetings",
    params(("id" = i64, Path, description = "Meeting id")),
    responses((status = 200, body = Meeting), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn show_meeting(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<MeetingId>,
) -> Result<Json<Meeting>, AppError> {
    Ok(Json(
        state.kesher.meeting(ctx.caller()?, id).await?.0.into(),
    ))
}

/// Change a meeting's time, place, objectives and agenda (backbone); its number and
/// invitees stay.
#[utoipa::path(put, path = "/api/v1/meetings/{id}", tag = "meetings", request_body = MeetingForm,
    params(("id" = i64, Path, description = "Meeting id")),
    responses((status = 200, body = Meeting), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn update_meeting(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<MeetingId>,
    JsonBody(form): JsonBody<MeetingForm>,
) -> Result<Json<Meeting>, AppError> {
    Ok(Json(
        state
            .kesher
            .update_meeting(ctx.caller()?, id, &form)
            .await?
            .into(),
    ))
}

/// Record who came (backbone): those listed attended, every other invitee did not; a
/// person present without an invitation is added as a guest.
#[utoipa::path(put, path = "/api/v1/meetings/{id}/attendance", tag = "meetings", request_body = AttendanceForm,
    params(("id" = i64, Path, description = "Meeting id")),
    responses((status = 200, body = Meeting), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn record_attendance(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<MeetingId>,
    JsonBody(form): JsonBody<AttendanceForm>,
) -> Result<Json<Meeting>, AppError> {
    Ok(Json(
        state
            .kesher
            .record_attendance(ctx.caller()?, id, &form)
            .await?
            .into(),
    ))
}
