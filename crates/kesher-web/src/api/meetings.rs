//! Meetings of bodies: planned, invited, changed or called off, who came, and what they
//! decided and asked people to do.

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use kesher_domain::meetings::{
    ActionItemForm, ActionStatusForm, AnswerForm, AttendanceForm, FeedForm, FeedScope,
    MeetingDecisionForm, MeetingForm, MinutesForm,
};
use kesher_domain::network::Sector;
use kesher_domain::{ActionItemId, BodyId, CalendarFeedId, InitiativeId, MeetingId};
use kesher_store::ActionItemFilter;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::views::{self, ActionItem, Decision, Meeting};
use crate::api::{ErrorBody, created};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{JsonBody, Params, QueryParams};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_meetings, plan_meeting))
        .routes(routes!(show_meeting, update_meeting))
        .routes(routes!(record_attendance))
        .routes(routes!(record_minutes))
        .routes(routes!(decide_at_meeting))
        .routes(routes!(add_action_item))
        .routes(routes!(finalize_meeting))
        .routes(routes!(send_invitations))
        .routes(routes!(cancel_meeting))
        .routes(routes!(answer_meeting))
        .routes(routes!(body_calendar))
        .routes(routes!(list_calendar_feeds, create_calendar_feed))
        .routes(routes!(revoke_calendar_feed))
        .routes(routes!(list_action_items))
        .routes(routes!(set_action_status))
        .routes(routes!(collaboration_health))
        .routes(routes!(list_health_indicators, link_health_indicator))
        .routes(routes!(unlink_health_indicator))
}

/// One body's health figures. Rates are between 0 and 1; `null` when there is nothing to
/// measure yet (no meeting held, nobody invited, no action item judged by a next meeting,
/// no minutes recorded).
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
    /// Of the action items a held meeting gave, the share done by the start of the body's
    /// next held meeting.
    pub action_items_done_rate: Option<f64>,
    /// Of the agenda items of meetings whose minutes were recorded, the share covered.
    pub agenda_covered_rate: Option<f64>,
    /// Of the dates the body's rhythm expected a meeting (from its first held one), the
    /// share that had one; `null` without a regular rhythm.
    pub activity_rate: Option<f64>,
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
            action_items_done_rate: health.actions_done.map(|s| s.rate()),
            agenda_covered_rate: health.agenda_covered.map(|s| s.rate()),
            activity_rate: health.activity.map(|s| s.rate()),
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

/// Record the minutes (backbone): one entry per agenda item, in the agenda's order, with
/// what was said (Markdown) and whether the item was covered.
#[utoipa::path(put, path = "/api/v1/meetings/{id}/minutes", tag = "meetings", request_body = MinutesForm,
    params(("id" = i64, Path, description = "Meeting id")),
    responses((status = 200, body = Meeting), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn record_minutes(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<MeetingId>,
    JsonBody(form): JsonBody<MinutesForm>,
) -> Result<Json<Meeting>, AppError> {
    Ok(Json(
        state
            .kesher
            .record_minutes(ctx.caller()?, id, &form)
            .await?
            .into(),
    ))
}

/// Record a decision taken at the meeting (backbone). It joins the decision log as the
/// body's, dated the meeting's day, with a link back; a meeting still ahead answers 409.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/decisions", tag = "meetings", request_body = MeetingDecisionForm,
    params(("id" = i64, Path, description = "Meeting id")),
    responses((status = 201, body = Decision), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn decide_at_meeting(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<MeetingId>,
    JsonBody(form): JsonBody<MeetingDecisionForm>,
) -> Result<Response, AppError> {
    Ok(created(Decision::from(
        state
            .kesher
            .decide_at_meeting(ctx.caller()?, id, &form)
            .await?,
    )))
}

/// Give an action item at the meeting (backbone): to a person or to an organization (one
/// of the two), with a due date and the result or indicator it serves.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/action-items", tag = "meetings", request_body = ActionItemForm,
    params(("id" = i64, Path, description = "Meeting id")),
    responses((status = 201, body = ActionItem), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn add_action_item(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<MeetingId>,
    JsonBody(form): JsonBody<ActionItemForm>,
) -> Result<Response, AppError> {
    Ok(created(ActionItem::from(
        state
            .kesher
            .add_action_item(ctx.caller()?, id, &form)
            .await?,
    )))
}

/// Send the meeting's summary to everyone invited or present, the absent included
/// (backbone). Until attendance is recorded it answers 409.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/summary", tag = "meetings",
    params(("id" = i64, Path, description = "Meeting id")),
    responses((status = 200, body = Meeting), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
pub async fn finalize_meeting(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<MeetingId>,
) -> Result<Json<Meeting>, AppError> {
    Ok(Json(
        state
            .kesher
            .finalize_meeting(ctx.caller()?, id)
            .await?
            .into(),
    ))
}

/// Which action items to list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct ActionItemQuery {
    /// Only one body's.
    pub body_id: Option<BodyId>,
    /// Only those the caller carries, as a person or for the organization they speak for
    /// (open ones only).
    pub mine: bool,
    /// Closed ones too.
    pub all: bool,
}

/// The initiative's action items: open ones first, then by due date.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/action-items", tag = "meetings",
    params(("id" = i64, Path, description = "Initiative id"), ActionItemQuery),
    responses((status = 200, body = Vec<ActionItem>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list_action_items(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    QueryParams(query): QueryParams<ActionItemQuery>,
) -> Result<Json<Vec<ActionItem>>, AppError> {
    let caller = ctx.caller()?;
    let items = if query.mine {
        state.kesher.my_action_items(caller, id).await?
    } else {
        let filter = ActionItemFilter {
            body: query.body_id,
            open_only: !query.all,
            ..Default::default()
        };
        state.kesher.action_items(caller, id, &filter).await?
    };
    Ok(Json(views::all(items)))
}

/// Mark an action item done with a note of what was done, or open again: the backbone,
/// the person who carries it, or whoever speaks for the organization that carries it.
#[utoipa::path(put, path = "/api/v1/action-items/{id}/status", tag = "meetings", request_body = ActionStatusForm,
    params(("id" = i64, Path, description = "Action item id")),
    responses((status = 200, body = ActionItem), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn set_action_status(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<ActionItemId>,
    JsonBody(form): JsonBody<ActionStatusForm>,
) -> Result<Json<ActionItem>, AppError> {
    Ok(Json(
        state
            .kesher
            .set_action_status(ctx.caller()?, id, &form)
            .await?
            .into(),
    ))
}

/// Send the invitation by e-mail to every invitee with an address (backbone): the agenda,
/// an iCalendar request (`METHOD:REQUEST`) and links to answer. Sent again, it is an update
/// (the calendar entry's `SEQUENCE` moves on). A cancelled meeting answers 409.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/invitations", tag = "meetings",
    params(("id" = i64, Path, description = "Meeting id")),
    responses((status = 200, body = Meeting), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
pub async fn send_invitations(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<MeetingId>,
) -> Result<Json<Meeting>, AppError> {
    Ok(Json(
        state
            .kesher
            .send_invitations(ctx.caller()?, id)
            .await?
            .into(),
    ))
}

/// Call the meeting off (backbone). When its invitations went out, each invitee gets a
/// cancellation (`METHOD:CANCEL`) their calendar applies. Its record stays.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/cancel", tag = "meetings",
    params(("id" = i64, Path, description = "Meeting id")),
    responses((status = 200, body = Meeting), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
pub async fn cancel_meeting(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<MeetingId>,
) -> Result<Json<Meeting>, AppError> {
    Ok(Json(
        state.kesher.cancel_meeting(ctx.caller()?, id).await?.into(),
    ))
}

/// The caller's own answer to the invitation (`yes`, `no`, `maybe`): they must be one of
/// the initiative's people (by their account's e-mail address) and on the meeting's record.
#[utoipa::path(put, path = "/api/v1/meetings/{id}/answer", tag = "meetings", request_body = AnswerForm,
    params(("id" = i64, Path, description = "Meeting id")),
    responses((status = 200, body = Meeting), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn answer_meeting(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<MeetingId>,
    JsonBody(form): JsonBody<AnswerForm>,
) -> Result<Json<Meeting>, AppError> {
    Ok(Json(
        state
            .kesher
            .answer_as_me(ctx.caller()?, id, &form)
            .await?
            .into(),
    ))
}

/// A body's meetings as an iCalendar file (RFC 5545, `METHOD:PUBLISH`), for an API token
/// or a session. Calendar programs that cannot send a token subscribe to a feed instead.
#[utoipa::path(get, path = "/api/v1/bodies/{id}/meetings.ics", tag = "meetings",
    params(("id" = i64, Path, description = "Body id")),
    responses((status = 200, content_type = "text/calendar", body = String, description = "The body's meetings"),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn body_calendar(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<BodyId>,
) -> Result<Response, AppError> {
    let text = state.kesher.body_calendar(ctx.caller()?, id).await?;
    Ok(crate::downloads::calendar(text))
}

/// A calendar feed of the caller's.
#[derive(Serialize, ToSchema)]
pub struct CalendarFeed {
    pub id: CalendarFeedId,
    pub initiative_id: InitiativeId,
    #[serde(flatten)]
    pub scope: FeedScope,
    pub body_name: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// The address to subscribe to: given once, when the feed is created (only a digest
    /// of its secret is kept); `null` afterwards.
    pub url: Option<String>,
}

impl CalendarFeed {
    fn of(feed: kesher_store::CalendarFeed, url: Option<String>) -> Self {
        CalendarFeed {
            id: feed.id,
            initiative_id: feed.initiative_id,
            scope: feed.scope,
            body_name: feed.body_name,
            created_at: feed.created_at,
            url,
        }
    }
}

/// The caller's live calendar feeds in the initiative.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/calendar-feeds", tag = "meetings",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = Vec<CalendarFeed>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list_calendar_feeds(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Json<Vec<CalendarFeed>>, AppError> {
    Ok(Json(
        state
            .kesher
            .calendar_feeds(ctx.caller()?, id)
            .await?
            .into_iter()
            .map(|f| CalendarFeed::of(f, None))
            .collect(),
    ))
}

/// A new calendar feed of the caller's (`{"scope": "mine" | "initiative" | "body",
/// "body_id"}`): the answer carries its address, this once.
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/calendar-feeds", tag = "meetings", request_body = FeedForm,
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 201, body = CalendarFeed), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn create_calendar_feed(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    JsonBody(form): JsonBody<FeedForm>,
) -> Result<Response, AppError> {
    let (feed, secret) = state
        .kesher
        .create_calendar_feed(ctx.caller()?, id, &form)
        .await?;
    let url = state.kesher.feed_url(&secret);
    Ok(created(CalendarFeed::of(feed, Some(url))))
}

/// Revoke one of the caller's calendar feeds: its address answers 404 from now on.
#[utoipa::path(delete, path = "/api/v1/calendar-feeds/{id}", tag = "meetings",
    params(("id" = i64, Path, description = "Calendar feed id")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn revoke_calendar_feed(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<CalendarFeedId>,
) -> Result<axum::http::StatusCode, AppError> {
    state.kesher.revoke_calendar_feed(ctx.caller()?, id).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

/// An indicator that follows a body's health figure: Kesher writes its values from the
/// meeting record, period by period, for one place.
#[derive(Serialize, ToSchema)]
pub struct HealthIndicator {
    pub indicator_id: kesher_domain::IndicatorId,
    pub measure: kesher_domain::health::HealthMeasure,
    pub body_id: BodyId,
    pub place_id: kesher_domain::PlaceId,
}

impl From<kesher_store::HealthIndicator> for HealthIndicator {
    fn from(l: kesher_store::HealthIndicator) -> Self {
        HealthIndicator {
            indicator_id: l.indicator_id,
            measure: l.measure,
            body_id: l.body_id,
            place_id: l.place_id,
        }
    }
}

/// The indicators that follow a health figure.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/health-indicators", tag = "meetings",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = Vec<HealthIndicator>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list_health_indicators(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Json<Vec<HealthIndicator>>, AppError> {
    Ok(Json(
        state
            .kesher
            .health_indicators(ctx.caller()?, id)
            .await?
            .into_iter()
            .map(HealthIndicator::from)
            .collect(),
    ))
}

/// Make an indicator follow a body's health figure (backbone); its values are written at
/// once from the meetings held, and again after every change to their record.
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/health-indicators", tag = "meetings",
    request_body = kesher_core::communication::health::HealthIndicatorForm,
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 201, body = HealthIndicator), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn link_health_indicator(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    JsonBody(form): JsonBody<kesher_core::communication::health::HealthIndicatorForm>,
) -> Result<Response, AppError> {
    Ok(created(HealthIndicator::from(
        state
            .kesher
            .link_health_indicator(ctx.caller()?, id, &form)
            .await?,
    )))
}

/// The indicator stops following its figure (backbone); its values stay.
#[utoipa::path(delete, path = "/api/v1/health-indicators/{id}", tag = "meetings",
    params(("id" = i64, Path, description = "Indicator id")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn unlink_health_indicator(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<kesher_domain::IndicatorId>,
) -> Result<axum::http::StatusCode, AppError> {
    state
        .kesher
        .unlink_health_indicator(ctx.caller()?, id)
        .await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}
