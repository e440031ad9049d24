//! Shared measurement pages: the dashboard of every indicator against its target, an
//! indicator's picture (trend, comparison across places, breakdown, each with its table),
//! the indicator form, places, and file imports through a column mapping.

pub mod gaps;
pub mod imports;
pub mod indicators;
pub mod places;
pub mod report_card;
pub mod reporting;
pub mod setup;

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use kesher_core::measurement::picture::{ALL_PLACES, Measurement, Standing};
use kesher_domain::InitiativeId;
use kesher_domain::measurement::indicator::Cell;
use kesher_domain::measurement::period::Period;
use kesher_domain::measurement::status::{AT_RISK_SHARE, ON_TRACK_SHARE, Status};
use kesher_i18n::Lang;
use kesher_store::Indicator;

use crate::AppState;
use crate::charts::number;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::Params;
use crate::html::{Frame, frame, render};
use crate::page::{Page, Section};

/// A period as the page names it: the Hebrew year beside the code in Hebrew.
/// The frame of a page only the backbone (whoever manages measurement) may open.
pub async fn backbone_frame(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    title_id: &str,
) -> Result<Frame, AppError> {
    let f = frame(
        &state.kesher,
        ctx,
        ctx.caller()?,
        id,
        Section::Measurement,
        title_id,
    )
    .await?;
    if !f.access.can_manage_measurement() {
        return Err(kesher_core::CoreError::Forbidden.into());
    }
    Ok(f)
}

pub fn period_label(lang: Lang, period: Period) -> String {
    match (lang, period.hebrew_year()) {
        (Lang::He, Some(hebrew)) => format!("{hebrew} ({})", period.code()),
        _ => period.code(),
    }
}

/// `GET /initiatives/{id}/measurement/setup.json` (backbone): the whole setup.
pub async fn download_setup(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    use axum::http::header::CONTENT_DISPOSITION;
    use axum::response::IntoResponse;
    let setup = state.kesher.measurement_setup(ctx.caller()?, id).await?;
    Ok((
        [(
            CONTENT_DISPOSITION,
            "attachment; filename=\"measurement-setup.json\"".to_string(),
        )],
        axum::Json(setup),
    )
        .into_response())
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct Dhis2Query {
    pub indicator: Option<String>,
}

/// `GET /initiatives/{id}/measurement/dhis2.json?indicator=`: approved values as a DHIS2
/// `dataValueSets` document.
pub async fn download_dhis2(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    crate::forms::QueryParams(query): crate::forms::QueryParams<Dhis2Query>,
) -> Result<Response, AppError> {
    use axum::http::header::CONTENT_DISPOSITION;
    use axum::response::IntoResponse;
    let document = state
        .kesher
        .dhis2_data_values(ctx.caller()?, id, query.indicator.as_deref())
        .await?;
    Ok((
        [(
            CONTENT_DISPOSITION,
            "attachment; filename=\"dataValueSets.json\"".to_string(),
        )],
        axum::Json(document),
    )
        .into_response())
}

/// The rule behind the status, in the page's language.
pub fn status_rule(page: &Page) -> String {
    page.line(
        "measurement-status-rule",
        vec![
            ("on", ((ON_TRACK_SHARE * 100.0).round() as i64).into()),
            ("risk", ((AT_RISK_SHARE * 100.0).round() as i64).into()),
        ],
    )
}

/// One row of the dashboard.
pub struct DashboardRow {
    pub id: kesher_domain::IndicatorId,
    pub code: String,
    pub name: String,
    pub unit: String,
    pub computed: bool,
    pub latest: Option<(String, String)>,
    pub baseline: Option<String>,
    pub target: Option<(String, String)>,
    pub status: Status,
}

/// The indicators of one axis.
pub struct AxisGroup {
    pub label: String,
    pub rows: Vec<DashboardRow>,
}

fn dashboard_row(page: &Page, measurement: &Measurement, indicator: &Indicator) -> DashboardRow {
    let figures = measurement.figures(indicator, &Cell::total());
    let Standing {
        latest,
        baseline,
        target,
        status,
    } = measurement.standing(indicator, &figures, ALL_PLACES);
    let shown = |v: f64| number(v, indicator.decimals);
    DashboardRow {
        id: indicator.id,
        code: indicator.code.clone(),
        name: indicator.name_in(page.lang == Lang::En).to_string(),
        unit: page.t(indicator.unit.label_id()),
        computed: indicator.is_computed(),
        latest: latest.map(|p| (period_label(page.lang, p.period), shown(p.value))),
        baseline: baseline.map(|p| shown(p.value)),
        target: target.map(|p| (period_label(page.lang, p.period), shown(p.value))),
        status,
    }
}

#[derive(Template)]
#[template(path = "measurement/dashboard.html")]
struct DashboardPage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    groups: Vec<AxisGroup>,
    counts: Vec<(String, usize)>,
    rule: String,
    manages: bool,
    has_places: bool,
}

/// `GET /initiatives/{id}/measurement`: every indicator for the whole initiative, its latest
/// figure and where it stands against its target.
pub async fn show_dashboard(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let f = frame(
        &state.kesher,
        &ctx,
        caller,
        id,
        Section::Measurement,
        "measurement-title",
    )
    .await?;
    let (measurement, access) = state.kesher.measurement(caller, id).await?;
    let rows: Vec<(kesher_domain::measurement::indicator::Axis, DashboardRow)> = measurement
        .indicators
        .iter()
        .map(|i| (i.axis, dashboard_row(&f.page, &measurement, i)))
        .collect();
    let groups = kesher_domain::measurement::indicator::Axis::ALL
        .iter()
        .map(|axis| AxisGroup {
            label: f.page.t(axis.label_id()),
            rows: rows
                .iter()
                .filter(|(a, _)| a == axis)
                .map(|(_, r)| DashboardRow {
                    id: r.id,
                    code: r.code.clone(),
                    name: r.name.clone(),
                    unit: r.unit.clone(),
                    computed: r.computed,
                    latest: r.latest.clone(),
                    baseline: r.baseline.clone(),
                    target: r.target.clone(),
                    status: r.status,
                })
                .collect(),
        })
        .filter(|g: &AxisGroup| !g.rows.is_empty())
        .collect();
    let counts = Status::ALL
        .iter()
        .map(|s| {
            (
                f.page.t(s.label_id()),
                rows.iter().filter(|(_, r)| r.status == *s).count(),
            )
        })
        .collect();
    render(&DashboardPage {
        rule: status_rule(&f.page),
        page: f.page,
        initiative_id: id,
        tab: "dashboard",
        groups,
        counts,
        manages: access.can_manage_measurement(),
        has_places: !measurement.places.is_empty(),
    })
}
