//! Shared measurement over the API: places, periods, indicators with targets, values in
//! and out, and an indicator's figures added up at a place.

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use kesher_core::measurement::ValueBatchForm;
use kesher_core::measurement::headline::FigureAt;
use kesher_core::measurement::picture::ALL_PLACES;
use kesher_domain::measurement::coverage::Coverage;
use kesher_domain::measurement::indicator::{Cell, IndicatorForm};
use kesher_domain::measurement::period::Period;
use kesher_domain::measurement::place::PlaceForm;
use kesher_domain::measurement::status::Point;
use kesher_domain::measurement::values::{SourceKind, TargetForm, ValueState};
use kesher_domain::*;
use kesher_store::ValueFilter;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::views::{self, DataValue, Indicator, Place, PlaceGroup, ValueWriteOutcome};
use crate::api::{ErrorBody, created};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{JsonBody, Params, QueryParams};
use crate::html::measurement::{reason_text, today};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_places, create_place))
        .routes(routes!(show_place, update_place, delete_place))
        .routes(routes!(list_place_groups, create_place_group))
        .routes(routes!(list_rules, create_rule))
        .routes(routes!(list_periods))
        .routes(routes!(list_indicators, create_indicator))
        .routes(routes!(show_indicator, update_indicator, delete_indicator))
        .routes(routes!(set_target))
        .routes(routes!(show_figures))
        .routes(routes!(show_progress))
        .routes(routes!(list_values, enter_values))
}

/// Every place of the initiative.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/places", tag = "measurement",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = Vec<Place>), (status = 403, body = ErrorBody)))]
pub async fn list_places(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Json<Vec<Place>>, AppError> {
    Ok(Json(views::all(
        state.kesher.places(ctx.caller()?, id).await?.0,
    )))
}

/// Add a place (backbone).
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/places", tag = "measurement", request_body = PlaceForm,
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 201, body = Place), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_place(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    JsonBody(form): JsonBody<PlaceForm>,
) -> Result<Response, AppError> {
    Ok(created(Place::from(
        state.kesher.create_place(ctx.caller()?, id, &form).await?,
    )))
}

/// One place.
#[utoipa::path(get, path = "/api/v1/places/{id}", tag = "measurement",
    params(("id" = i64, Path, description = "Place id")),
    responses((status = 200, body = Place), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn show_place(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<PlaceId>,
) -> Result<Json<Place>, AppError> {
    Ok(Json(state.kesher.place(ctx.caller()?, id).await?.0.into()))
}

/// Change a place (backbone).
#[utoipa::path(put, path = "/api/v1/places/{id}", tag = "measurement", request_body = PlaceForm,
    params(("id" = i64, Path, description = "Place id")),
    responses((status = 200, body = Place), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_place(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<PlaceId>,
    JsonBody(form): JsonBody<PlaceForm>,
) -> Result<Json<Place>, AppError> {
    Ok(Json(Place::from(
        state.kesher.update_place(ctx.caller()?, id, &form).await?,
    )))
}

/// Delete a place (backbone); refused while places stand under it or it has values.
#[utoipa::path(delete, path = "/api/v1/places/{id}", tag = "measurement",
    params(("id" = i64, Path, description = "Place id")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn delete_place(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<PlaceId>,
) -> Result<Response, AppError> {
    use axum::response::IntoResponse;
    state.kesher.delete_place(ctx.caller()?, id).await?;
    Ok(axum::http::StatusCode::NO_CONTENT.into_response())
}

/// The initiative's groups of places.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/place-groups", tag = "measurement",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = Vec<PlaceGroup>), (status = 403, body = ErrorBody)))]
pub async fn list_place_groups(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Json<Vec<PlaceGroup>>, AppError> {
    Ok(Json(views::all(
        state.kesher.place_groups(ctx.caller()?, id).await?,
    )))
}

/// A group of places to make.
#[derive(Deserialize, ToSchema)]
pub struct PlaceGroupBody {
    #[schema(required = true)]
    pub name: String,
    pub place_ids: Vec<i64>,
}

/// Make a group of places (backbone).
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/place-groups", tag = "measurement", request_body = PlaceGroupBody,
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 201, body = PlaceGroup), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_place_group(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    JsonBody(body): JsonBody<PlaceGroupBody>,
) -> Result<Response, AppError> {
    let places: Vec<PlaceId> = body.place_ids.into_iter().map(PlaceId::new).collect();
    Ok(created(PlaceGroup::from(
        state
            .kesher
            .create_place_group(ctx.caller()?, id, &body.name, &places)
            .await?,
    )))
}

/// A rule between two indicators.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct RuleBody {
    pub id: Option<i64>,
    /// The left indicator's code.
    #[schema(required = true)]
    pub left: String,
    /// `at_most` or `at_least`.
    #[schema(required = true)]
    pub comparison: String,
    #[schema(required = true)]
    pub right: String,
}

/// The initiative's rules between indicators.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/rules", tag = "measurement",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = Vec<RuleBody>), (status = 403, body = ErrorBody)))]
pub async fn list_rules(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Json<Vec<RuleBody>>, AppError> {
    Ok(Json(
        state
            .kesher
            .validation_rules(ctx.caller()?, id)
            .await?
            .into_iter()
            .map(|r| RuleBody {
                id: Some(r.id),
                left: r.rule.left.to_string(),
                comparison: r.rule.comparison.code().to_string(),
                right: r.rule.right.to_string(),
            })
            .collect(),
    ))
}

/// Add a rule (backbone); imports and entries are checked against it from then on.
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/rules", tag = "measurement", request_body = RuleBody,
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 201, body = RuleBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_rule(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    JsonBody(body): JsonBody<RuleBody>,
) -> Result<Response, AppError> {
    let stored = state
        .kesher
        .create_validation_rule(ctx.caller()?, id, &body.left, &body.comparison, &body.right)
        .await?;
    Ok(created(RuleBody {
        id: Some(stored.id),
        left: stored.rule.left.to_string(),
        comparison: stored.rule.comparison.code().to_string(),
        right: stored.rule.right.to_string(),
    }))
}

/// A period as the API gives it.
#[derive(Serialize, ToSchema)]
pub struct PeriodInfo {
    /// `2021/22`, `2021`, `2021-Q3`, `2021-07`.
    pub code: String,
    /// `school_year`, `calendar_year`, `quarter` or `month`.
    pub kind: String,
    /// The Hebrew name of a school year (`תשפ"ב`).
    pub hebrew: Option<String>,
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeriodQuery {
    /// Only the periods this indicator (by code) has values for.
    indicator: Option<String>,
}

/// The periods the initiative's values cover, in order.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/periods", tag = "measurement",
    params(("id" = i64, Path, description = "Initiative id"), PeriodQuery),
    responses((status = 200, body = Vec<PeriodInfo>), (status = 403, body = ErrorBody)))]
pub async fn list_periods(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    QueryParams(query): QueryParams<PeriodQuery>,
) -> Result<Json<Vec<PeriodInfo>>, AppError> {
    let (measurement, _) = state.kesher.measurement(ctx.caller()?, id).await?;
    let mut periods: Vec<Period> = measurement
        .indicators
        .iter()
        .filter(|i| query.indicator.as_deref().is_none_or(|c| c == i.code))
        .flat_map(|i| measurement.periods(i))
        .collect();
    periods.sort();
    periods.dedup();
    Ok(Json(
        periods
            .into_iter()
            .map(|p| PeriodInfo {
                code: p.code(),
                kind: p.kind().code().to_string(),
                hebrew: p.hebrew_year(),
            })
            .collect(),
    ))
}

/// Every indicator of the initiative, in code order.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/indicators", tag = "measurement",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = Vec<Indicator>), (status = 403, body = ErrorBody)))]
pub async fn list_indicators(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Json<Vec<Indicator>>, AppError> {
    Ok(Json(views::all(
        state.kesher.indicators(ctx.caller()?, id).await?.0,
    )))
}

/// Define an indicator (backbone).
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/indicators", tag = "measurement", request_body = IndicatorForm,
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 201, body = Indicator), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_indicator(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    JsonBody(form): JsonBody<IndicatorForm>,
) -> Result<Response, AppError> {
    Ok(created(Indicator::from(
        state
            .kesher
            .create_indicator(ctx.caller()?, id, &form)
            .await?,
    )))
}

/// One indicator with its targets.
#[utoipa::path(get, path = "/api/v1/indicators/{id}", tag = "measurement",
    params(("id" = i64, Path, description = "Indicator id")),
    responses((status = 200, body = Indicator), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn show_indicator(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<IndicatorId>,
) -> Result<Json<Indicator>, AppError> {
    Ok(Json(
        state.kesher.indicator(ctx.caller()?, id).await?.0.into(),
    ))
}

/// Change an indicator's definition (backbone).
#[utoipa::path(put, path = "/api/v1/indicators/{id}", tag = "measurement", request_body = IndicatorForm,
    params(("id" = i64, Path, description = "Indicator id")),
    responses((status = 200, body = Indicator), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_indicator(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<IndicatorId>,
    JsonBody(form): JsonBody<IndicatorForm>,
) -> Result<Json<Indicator>, AppError> {
    Ok(Json(Indicator::from(
        state
            .kesher
            .update_indicator(ctx.caller()?, id, &form)
            .await?,
    )))
}

/// Delete an indicator with its targets and values (backbone); refused while others read it.
#[utoipa::path(delete, path = "/api/v1/indicators/{id}", tag = "measurement",
    params(("id" = i64, Path, description = "Indicator id")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn delete_indicator(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<IndicatorId>,
) -> Result<Response, AppError> {
    use axum::response::IntoResponse;
    state.kesher.delete_indicator(ctx.caller()?, id).await?;
    Ok(axum::http::StatusCode::NO_CONTENT.into_response())
}

/// Set the target for a period (replacing the one there) (backbone).
#[utoipa::path(post, path = "/api/v1/indicators/{id}/targets", tag = "measurement", request_body = TargetForm,
    params(("id" = i64, Path, description = "Indicator id")),
    responses((status = 200, body = Indicator), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn set_target(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<IndicatorId>,
    JsonBody(form): JsonBody<TargetForm>,
) -> Result<Json<Indicator>, AppError> {
    Ok(Json(Indicator::from(
        state.kesher.set_target(ctx.caller()?, id, &form).await?,
    )))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FiguresQuery {
    /// A place id; the whole initiative when absent (or 0).
    place: Option<i64>,
}

/// An indicator's figure at a place for one period.
#[derive(Serialize, ToSchema)]
pub struct FigurePoint {
    pub period: String,
    pub value: f64,
    /// How many places with entered values it adds up.
    pub places: u32,
    /// Of the places expected to report under this one, how many did.
    pub coverage: Option<Coverage>,
    /// Below the indicator's coverage threshold: never the headline.
    pub provisional: bool,
}

/// An indicator's series at one place, and where it stands against its target.
#[derive(Serialize, ToSchema)]
pub struct Figures {
    pub indicator_id: IndicatorId,
    pub place_id: PlaceId,
    pub series: Vec<FigurePoint>,
    /// `on_track`, `at_risk`, `off_track`, `reached`, `not_reached`, `no_recent_data` or
    /// `unknown`.
    pub status: String,
    /// Why, in one sentence in the caller's language.
    pub reason: String,
    pub baseline: Option<FigurePoint>,
    pub target: Option<FigurePoint>,
}

fn point(p: Point) -> FigurePoint {
    FigurePoint {
        period: p.period.code(),
        value: p.value,
        places: 0,
        coverage: None,
        provisional: false,
    }
}

/// An indicator added up at a place, period by period (approved values only), each figure
/// with its coverage.
#[utoipa::path(get, path = "/api/v1/indicators/{id}/figures", tag = "measurement",
    params(("id" = i64, Path, description = "Indicator id"), FiguresQuery),
    responses((status = 200, body = Figures), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn show_figures(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<IndicatorId>,
    QueryParams(query): QueryParams<FiguresQuery>,
) -> Result<Json<Figures>, AppError> {
    let caller = ctx.caller()?;
    let (indicator, _) = state.kesher.indicator(caller, id).await?;
    let (measurement, _) = state
        .kesher
        .measurement(caller, indicator.initiative_id)
        .await?;
    let place = query.place.map(PlaceId::new).unwrap_or(ALL_PLACES);
    if place != ALL_PLACES && measurement.place(place).is_none() {
        return Err(kesher_core::CoreError::NotFound.into());
    }
    let figures = measurement.figures(&indicator, &Cell::total());
    let covered = measurement.series_with_coverage(&indicator, &figures, place);
    let series = figures
        .iter()
        .filter_map(|(period, at)| {
            let r = at.get(&place)?;
            let coverage = covered
                .iter()
                .find(|f| f.period == *period)
                .map(|f| f.coverage);
            Some(FigurePoint {
                period: period.code(),
                value: r.value,
                places: r.places,
                provisional: coverage.is_some_and(|c| !c.meets(indicator.coverage_threshold)),
                coverage,
            })
        })
        .collect();
    let standing = measurement.standing(&indicator, &figures, place, today());
    Ok(Json(Figures {
        indicator_id: id,
        place_id: place,
        series,
        status: standing.status.code().to_string(),
        reason: reason_text(ctx.lang, &indicator, &standing.reason, false),
        baseline: standing.baseline.map(point),
        target: standing.target.map(point),
    }))
}

/// A headline or provisional figure of the progress answer.
#[derive(Serialize, ToSchema)]
pub struct ProgressFigure {
    pub period: String,
    pub value: f64,
    pub coverage: Coverage,
}

fn progress_figure(f: FigureAt) -> ProgressFigure {
    ProgressFigure {
        period: f.period.code(),
        value: f.value,
        coverage: f.coverage,
    }
}

/// Strive's proof point for the initiative.
#[derive(Serialize, ToSchema)]
pub struct ProofPointView {
    /// In percent (60 by default).
    pub threshold: f64,
    /// The share of improving indicators among those with enough data to compare, in
    /// percent; `null` when none can be compared.
    pub share_improving: Option<f64>,
    pub met: bool,
}

/// One indicator's progress for the whole initiative.
#[derive(Serialize, ToSchema)]
pub struct IndicatorProgressView {
    pub indicator_id: IndicatorId,
    pub code: String,
    /// The results-tree node it measures.
    pub result_id: Option<ResultNodeId>,
    /// The headline: the newest period whose coverage meets the threshold.
    pub latest: Option<ProgressFigure>,
    /// A newer period still below the threshold.
    pub provisional: Option<ProgressFigure>,
    /// Since the previous complete period, in the indicator's unit.
    pub change_since_previous: Option<f64>,
    pub change_since_baseline: Option<f64>,
    /// Better since both (beyond the "no real change" band); `null` when it cannot be told.
    pub improving: Option<bool>,
    pub status: String,
    /// Why, in one sentence in the caller's language.
    pub reason: String,
}

/// A goal with the counts of its indicators.
#[derive(Serialize, ToSchema)]
pub struct GoalProgressView {
    pub result_id: ResultNodeId,
    pub title: String,
    /// Indicators by status code (every status named).
    #[schema(value_type = Object)]
    pub counts: std::collections::BTreeMap<&'static str, u32>,
    pub indicator_ids: Vec<IndicatorId>,
}

/// The initiative's progress: every indicator's figure, change and status, by goal, and
/// the proof point.
#[derive(Serialize, ToSchema)]
pub struct ProgressView {
    pub proof_point: ProofPointView,
    /// Indicators by status code (every status named).
    #[schema(value_type = Object)]
    pub counts: std::collections::BTreeMap<&'static str, u32>,
    pub indicators: Vec<IndicatorProgressView>,
    pub goals: Vec<GoalProgressView>,
}

/// The initiative's progress, for the whole initiative (all its places together), matching
/// the progress page number for number.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/progress", tag = "measurement",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = ProgressView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn show_progress(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Json<ProgressView>, AppError> {
    let progress = state.kesher.progress(ctx.caller()?, id).await?;
    Ok(Json(ProgressView {
        proof_point: ProofPointView {
            threshold: progress.proof_point.threshold,
            share_improving: progress.proof_point.share_improving,
            met: progress.proof_point.met,
        },
        counts: progress.counts.clone(),
        indicators: progress
            .indicators
            .iter()
            .map(|p| IndicatorProgressView {
                indicator_id: p.indicator.id,
                code: p.indicator.code.clone(),
                result_id: p.indicator.result_node_id,
                latest: p.standing.latest.map(progress_figure),
                provisional: p.standing.provisional.map(progress_figure),
                change_since_previous: p.standing.since_previous.map(|(d, _)| d),
                change_since_baseline: p.standing.since_baseline.map(|(d, _)| d),
                improving: p.standing.improving,
                status: p.standing.status.code().to_string(),
                reason: reason_text(ctx.lang, &p.indicator, &p.standing.reason, false),
            })
            .collect(),
        goals: progress
            .goals
            .iter()
            .map(|g| GoalProgressView {
                result_id: g.goal.id,
                title: g.goal.title.clone(),
                counts: g.counts.clone(),
                indicator_ids: g.indicator_ids.clone(),
            })
            .collect(),
    }))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ValuesQuery {
    /// Only this indicator (by code).
    indicator: Option<String>,
    /// Only this period (`2021/22`…).
    period: Option<String>,
    /// Only this place.
    place: Option<i64>,
    /// `draft`, `submitted`, `approved` (the default) or `returned`; readers other than
    /// the backbone see approved values only.
    state: Option<ValueState>,
}

/// A `period` parameter that names no period is refused at that field, like a form's.
fn not_a_period<E>(_: E) -> AppError {
    AppError(kesher_core::CoreError::invalid(
        "period",
        kesher_domain::Invalid::Period,
    ))
}

/// Values as stored (each with its source), by indicator, period, place and state.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/values", tag = "measurement",
    params(("id" = i64, Path, description = "Initiative id"), ValuesQuery),
    responses((status = 200, body = Vec<DataValue>), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "The period names no period")))]
pub async fn list_values(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    QueryParams(query): QueryParams<ValuesQuery>,
) -> Result<Json<Vec<DataValue>>, AppError> {
    let caller = ctx.caller()?;
    let mut filter = ValueFilter::default();
    // An empty parameter (a form's blank field) asks for no filter.
    let query = ValuesQuery {
        indicator: query.indicator.filter(|s| !s.trim().is_empty()),
        period: query.period.filter(|s| !s.trim().is_empty()),
        ..query
    };
    if let Some(code) = &query.indicator {
        let (indicators, _) = state.kesher.indicators(caller, id).await?;
        let found = indicators
            .iter()
            .find(|i| &i.code == code)
            .ok_or(AppError(kesher_core::CoreError::NotFound))?;
        filter.indicator_ids.push(found.id);
        if let Some(period) = &query.period {
            filter
                .periods
                .push(Period::parse(found.period_kind, period).map_err(not_a_period)?);
        }
    } else if let Some(period) = &query.period {
        filter
            .periods
            .push(Period::parse_code(period).map_err(not_a_period)?);
    }
    if let Some(place) = query.place {
        filter.place_ids.push(PlaceId::new(place));
    }
    filter
        .states
        .push(query.state.unwrap_or(ValueState::Approved));
    Ok(Json(views::all(
        state.kesher.values(caller, id, filter).await?,
    )))
}

/// Send values (all or none). The backbone's are approved at once; a partner editor's, for
/// the indicators their organization reports, wait for approval. Problems come back as
/// issues numbered by entry (from 1).
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/values", tag = "measurement", request_body = ValueBatchForm,
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 201, body = ValueWriteOutcome), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn enter_values(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    JsonBody(batch): JsonBody<ValueBatchForm>,
) -> Result<Response, AppError> {
    Ok(created(ValueWriteOutcome::from(
        state
            .kesher
            .enter_values(ctx.caller()?, id, &batch, SourceKind::Api, false)
            .await?
            .0,
    )))
}
