//! Meetings of bodies: planned, changed, and who came.

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use kesher_domain::meetings::{AttendanceForm, MeetingForm};
use kesher_domain::{BodyId, MeetingId};
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
