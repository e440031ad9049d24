//! Partners' commitments and joint funding requests.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kesher_core::activities::commitments::CommitmentFilter;
use kesher_core::dates::today;
use kesher_domain::activities::commitments::{CommitmentForm, FulfilmentForm};
use kesher_domain::activities::funding::{FundingRequestForm, PledgeForm};
use kesher_domain::{CommitmentId, FundingRequestId, InitiativeId};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::views::{Commitment, FundingRequest};
use crate::api::{ErrorBody, created};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{JsonBody, Params, QueryParams};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_commitments, create_commitment))
        .routes(routes!(show_commitment, edit_commitment, delete_commitment))
        .routes(routes!(report_commitment))
        .routes(routes!(list_funding_requests, create_funding_request))
        .routes(routes!(
            show_funding_request,
            edit_funding_request,
            delete_funding_request
        ))
        .routes(routes!(answer_funding_request))
}

/// The initiative's commitments, soonest due first, filtered by goal (and what is under
/// it), partner, kind, standing and visibility (everyone with a role; partners-only ones
/// included).
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/commitments", tag = "activities",
    params(("id" = i64, Path, description = "Initiative id"), CommitmentFilter),
    responses((status = 200, body = Vec<Commitment>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn list_commitments(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    QueryParams(filter): QueryParams<CommitmentFilter>,
) -> Result<Json<Vec<Commitment>>, AppError> {
    let (found, _) = state.kesher.commitments(ctx.caller()?, id, &filter).await?;
    let today = today();
    Ok(Json(
        found
            .into_iter()
            .map(|c| Commitment::of(c, today))
            .collect(),
    ))
}

/// A new commitment: `{"organization_id", "result_id", "kind": "money" | "people" |
/// "activity", "promise", "amount", "unit"?, "due", "visibility"?: "public" | "partners"}`.
/// The backbone commits for any partner; a partner editor for their own organization.
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/commitments", tag = "activities", request_body = CommitmentForm,
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 201, body = Commitment), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn create_commitment(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    JsonBody(form): JsonBody<CommitmentForm>,
) -> Result<Response, AppError> {
    let made = state
        .kesher
        .create_commitment(ctx.caller()?, id, &form)
        .await?;
    Ok(created(Commitment::of(made, today())))
}

/// One commitment.
#[utoipa::path(get, path = "/api/v1/commitments/{id}", tag = "activities",
    params(("id" = i64, Path, description = "Commitment id")),
    responses((status = 200, body = Commitment), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn show_commitment(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<CommitmentId>,
) -> Result<Json<Commitment>, AppError> {
    let (found, _) = state.kesher.commitment(ctx.caller()?, id).await?;
    Ok(Json(Commitment::of(found, today())))
}

/// Replaces what was promised (its partner's editor, or the backbone); the report stays.
#[utoipa::path(put, path = "/api/v1/commitments/{id}", tag = "activities", request_body = CommitmentForm,
    params(("id" = i64, Path, description = "Commitment id")),
    responses((status = 200, body = Commitment), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn edit_commitment(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<CommitmentId>,
    JsonBody(form): JsonBody<CommitmentForm>,
) -> Result<Json<Commitment>, AppError> {
    let edited = state
        .kesher
        .edit_commitment(ctx.caller()?, id, &form)
        .await?;
    Ok(Json(Commitment::of(edited, today())))
}

/// Withdraws a commitment (its partner's editor, or the backbone).
#[utoipa::path(delete, path = "/api/v1/commitments/{id}", tag = "activities",
    params(("id" = i64, Path, description = "Commitment id")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn delete_commitment(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<CommitmentId>,
) -> Result<StatusCode, AppError> {
    state.kesher.delete_commitment(ctx.caller()?, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// How it was kept, dated today: `{"status": "fulfilled" | "partly" | "not_fulfilled" |
/// "open", "delivered"?, "evidence", "evidence_url"?}`; the evidence is required unless
/// the commitment is open again.
#[utoipa::path(put, path = "/api/v1/commitments/{id}/fulfilment", tag = "activities", request_body = FulfilmentForm,
    params(("id" = i64, Path, description = "Commitment id")),
    responses((status = 200, body = Commitment), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn report_commitment(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<CommitmentId>,
    JsonBody(form): JsonBody<FulfilmentForm>,
) -> Result<Json<Commitment>, AppError> {
    let reported = state
        .kesher
        .report_commitment(ctx.caller()?, id, &form)
        .await?;
    Ok(Json(Commitment::of(reported, today())))
}

/// The initiative's joint funding requests, newest first, each with what is covered. The
/// funders' answers (`pledges`) are there only for someone who speaks for a funder.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/funding-requests", tag = "activities",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = Vec<FundingRequest>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list_funding_requests(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Json<Vec<FundingRequest>>, AppError> {
    let (views, _) = state.kesher.funding_requests(ctx.caller()?, id).await?;
    Ok(Json(views.into_iter().map(FundingRequest::from).collect()))
}

/// A new request: `{"organization_id", "title", "description", "amount", "result_ids"?,
/// "needed_by"?}`. The backbone submits for any partner; a partner editor for their own.
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/funding-requests", tag = "activities", request_body = FundingRequestForm,
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 201, body = FundingRequest), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn create_funding_request(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    JsonBody(form): JsonBody<FundingRequestForm>,
) -> Result<Response, AppError> {
    let view = state
        .kesher
        .create_funding_request(ctx.caller()?, id, &form)
        .await?;
    Ok(created(FundingRequest::from(view)))
}

/// One request, as the caller may see it.
#[utoipa::path(get, path = "/api/v1/funding-requests/{id}", tag = "activities",
    params(("id" = i64, Path, description = "Funding request id")),
    responses((status = 200, body = FundingRequest), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn show_funding_request(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<FundingRequestId>,
) -> Result<Json<FundingRequest>, AppError> {
    let (view, _) = state.kesher.funding_request(ctx.caller()?, id).await?;
    Ok(Json(FundingRequest::from(view)))
}

/// Replaces a request's details, or closes it with `"status": "closed"` (its partner's
/// editor, or the backbone); the answers stay.
#[utoipa::path(put, path = "/api/v1/funding-requests/{id}", tag = "activities", request_body = FundingRequestForm,
    params(("id" = i64, Path, description = "Funding request id")),
    responses((status = 200, body = FundingRequest), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn edit_funding_request(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<FundingRequestId>,
    JsonBody(form): JsonBody<FundingRequestForm>,
) -> Result<Json<FundingRequest>, AppError> {
    let view = state
        .kesher
        .edit_funding_request(ctx.caller()?, id, &form)
        .await?;
    Ok(Json(FundingRequest::from(view)))
}

/// Withdraws a request with its answers (its partner's editor, or the backbone).
#[utoipa::path(delete, path = "/api/v1/funding-requests/{id}", tag = "activities",
    params(("id" = i64, Path, description = "Funding request id")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn delete_funding_request(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<FundingRequestId>,
) -> Result<StatusCode, AppError> {
    state
        .kesher
        .delete_funding_request(ctx.caller()?, id)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A funder's answer, replacing its earlier one: `{"organization_id", "interest":
/// "interested" | "considering" | "declined", "amount"?, "note"?}`. Only someone who
/// speaks for a funding partner answers, and for that partner only; a closed request
/// answers 409.
#[utoipa::path(put, path = "/api/v1/funding-requests/{id}/pledge", tag = "activities", request_body = PledgeForm,
    params(("id" = i64, Path, description = "Funding request id")),
    responses((status = 200, body = FundingRequest), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn answer_funding_request(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<FundingRequestId>,
    JsonBody(form): JsonBody<PledgeForm>,
) -> Result<Json<FundingRequest>, AppError> {
    let view = state
        .kesher
        .answer_funding_request(ctx.caller()?, id, &form)
        .await?;
    Ok(Json(FundingRequest::from(view)))
}
