//! Shared measurement pages: the dashboard of every indicator against its target, an
//! indicator's picture (trend, comparison across places, breakdown, each with its table),
//! the indicator form, places, and file imports through a column mapping.

pub mod gaps;
pub mod imports;
pub mod indicators;
pub mod places;
pub mod progress;
pub mod report_card;
pub mod reporting;
pub mod setup;

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use kesher_core::measurement::headline::{FigureAt, Standing};
use kesher_core::measurement::progress::{GoalProgress, Progress, StatusCounts};
use kesher_domain::InitiativeId;
use kesher_domain::measurement::coverage::Coverage;
use kesher_domain::measurement::indicator::Unit;
use kesher_domain::measurement::period::Period;
use kesher_domain::measurement::progress::Change;
use kesher_domain::measurement::status::{AT_RISK_SHARE, ON_TRACK_SHARE, Point, Reason, Status};
use kesher_i18n::{Arg, Lang};
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
    let setup = state.kesher.measurement_setup(ctx.caller()?, id).await?;
    Ok(crate::api::json_attachment(setup, "measurement-setup.json"))
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
    let document = state
        .kesher
        .dhis2_data_values(ctx.caller()?, id, query.indicator.as_deref())
        .await?;
    Ok(crate::api::json_attachment(document, "dataValueSets.json"))
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

/// Today, for judging what is recent and which targets have passed.
pub fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

/// A figure as the pages write it: grouped digits, the indicator's decimals, and a percent
/// sign for a percentage.
pub fn shown_value(indicator: &Indicator, value: f64) -> String {
    let text = number(value, indicator.decimals);
    if indicator.unit == Unit::Percent {
        format!("{text}%")
    } else {
        text
    }
}

/// A change as the pages write it, with its sign: "+2.1", "-0.4"; a percentage changes
/// by points ("+1.4 points"), not by percent.
pub fn signed_value(lang: Lang, indicator: &Indicator, change: f64) -> String {
    let digits = number(change, indicator.decimals);
    let signed = if change > 0.0 && digits.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("+{digits}")
    } else {
        digits
    };
    in_points(lang, indicator, signed)
}

/// A difference between two figures as written: between percentages it is in points
/// ("1.4 points"), otherwise the number alone.
pub fn in_points(lang: Lang, indicator: &Indicator, number: String) -> String {
    if indicator.unit == Unit::Percent {
        lang.t_with("measurement-points", &[("value", Arg::Text(number))])
    } else {
        number
    }
}

/// How complete a figure is: "4 of 950 places (0.4%)".
pub fn coverage_text(lang: Lang, coverage: Coverage) -> String {
    lang.t_with(
        "coverage-of",
        &[
            ("reported", Arg::Number(i64::from(coverage.reported))),
            ("expected", Arg::Number(i64::from(coverage.expected))),
            ("percent", Arg::Text(number(coverage.percent(), 1))),
        ],
    )
}

/// A provisional period in one line: "2016/17: 4 of 950 places (0.4%) so far".
pub fn provisional_text(lang: Lang, figure: &FigureAt) -> String {
    lang.t_with(
        "coverage-provisional",
        &[
            ("period", Arg::Text(period_label(lang, figure.period))),
            ("coverage", Arg::Text(coverage_text(lang, figure.coverage))),
        ],
    )
}

/// The arrow and the words of a change.
pub fn change_words(lang: Lang, change: Change) -> (&'static str, String) {
    let arrow = match change {
        Change::Better => "▲",
        Change::Worse => "▼",
        Change::Flat => "▬",
    };
    (arrow, lang.t(change.label_id()))
}

/// Why a status is what it is, in one sentence. `isolate` wraps every figure and period in
/// Unicode isolation marks, for page text (not for JSON).
pub fn reason_text(lang: Lang, indicator: &Indicator, reason: &Reason, isolate: bool) -> String {
    let value = |v: f64| Arg::Text(shown_value(indicator, v));
    let period = |p| Arg::Text(period_label(lang, p));
    // Most sentences name a figure and its period, then the target and its period.
    let against = |figure: &Point, target: &Point| -> Vec<(&'static str, Arg)> {
        vec![
            ("value", value(figure.value)),
            ("period", period(figure.period)),
            ("target", value(target.value)),
            ("target_period", period(target.period)),
        ]
    };
    let (id, args): (&str, Vec<(&str, Arg)>) = match reason {
        Reason::NoData => ("status-reason-no-data", Vec::new()),
        Reason::NoTarget { latest } => (
            "status-reason-no-target",
            vec![
                ("value", value(latest.value)),
                ("period", period(latest.period)),
            ],
        ),
        Reason::TargetPassed {
            figure,
            target,
            reached,
        } => (
            if *reached {
                "status-reason-target-reached"
            } else {
                "status-reason-target-missed"
            },
            against(figure, target),
        ),
        Reason::TargetPassedWithoutFigure { latest, target } => (
            "status-reason-target-passed-without-figure",
            against(latest, target),
        ),
        Reason::Stale { latest, current } => (
            "status-reason-stale",
            vec![
                ("value", value(latest.value)),
                ("period", period(latest.period)),
                ("current", period(*current)),
            ],
        ),
        Reason::Trajectory {
            latest,
            expected,
            target,
        } => {
            let mut args = against(latest, target);
            args.push(("expected", value(*expected)));
            ("status-reason-trajectory", args)
        }
        Reason::AheadOfTarget { latest, target } => {
            ("status-reason-ahead", against(latest, target))
        }
        Reason::HoldTheLine { latest, target } => ("status-reason-hold", against(latest, target)),
    };
    let args = if isolate {
        crate::page::isolated(args)
    } else {
        args
    };
    lang.t_with(id, &args)
}

/// One row of the dashboard.
#[derive(Clone)]
pub struct DashboardRow {
    pub id: kesher_domain::IndicatorId,
    pub code: String,
    pub name: String,
    pub unit: String,
    pub computed: bool,
    pub latest: Option<(String, String)>,
    /// How complete the headline is.
    pub coverage: Option<String>,
    /// A newer period still being collected, in one line.
    pub provisional: Option<String>,
    pub baseline: Option<String>,
    pub target: Option<(String, String)>,
    /// Since the previous complete period: (arrow, words, signed change).
    pub change: Option<(&'static str, String, String)>,
    pub status: Status,
    pub reason: String,
    /// The goal the indicator measures (or stands under), for grouping by goal.
    pub result_id: Option<kesher_domain::ResultNodeId>,
}

/// The indicators of one axis.
pub struct AxisGroup {
    pub label: String,
    pub rows: Vec<DashboardRow>,
}

/// A dashboard row from an indicator's standing for the whole initiative.
pub fn dashboard_row(page: &Page, indicator: &Indicator, standing: &Standing) -> DashboardRow {
    let shown = |v: f64| shown_value(indicator, v);
    DashboardRow {
        id: indicator.id,
        code: indicator.code.clone(),
        name: indicator.name_in(page.lang == Lang::En).to_string(),
        unit: page.t(indicator.unit.label_id()),
        computed: indicator.is_computed(),
        latest: standing
            .latest
            .map(|f| (period_label(page.lang, f.period), shown(f.value))),
        coverage: standing
            .latest
            .map(|f| coverage_text(page.lang, f.coverage)),
        provisional: standing
            .provisional
            .map(|f| provisional_text(page.lang, &f)),
        baseline: standing.baseline.map(|p| shown(p.value)),
        target: standing
            .target
            .map(|p| (period_label(page.lang, p.period), shown(p.value))),
        change: standing.since_previous.map(|(delta, change)| {
            let (arrow, words) = change_words(page.lang, change);
            (arrow, words, signed_value(page.lang, indicator, delta))
        }),
        status: standing.status,
        reason: reason_text(page.lang, indicator, &standing.reason, true),
        result_id: indicator.result_node_id,
    }
}

#[derive(Template)]
#[template(path = "measurement/dashboard.html")]
struct DashboardPage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    groups: Vec<AxisGroup>,
    counts: Vec<(String, u32)>,
    rule: String,
    manages: bool,
    has_places: bool,
    by_goal: bool,
}

/// How the dashboard groups its indicators.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct DashboardQuery {
    /// `goal` to group by the goal each indicator measures; by axis otherwise.
    pub by: Option<String>,
}

/// The statuses with their counts, in words, every status named.
pub fn status_counts(page: &Page, counts: &StatusCounts) -> Vec<(String, u32)> {
    Status::ALL
        .iter()
        .map(|s| {
            (
                page.t(s.label_id()),
                counts.get(s.code()).copied().unwrap_or(0),
            )
        })
        .collect()
}

/// One goal's dashboard rows, in the order of its indicators.
pub fn goal_group(page: &Page, progress: &Progress, goal: &GoalProgress) -> AxisGroup {
    AxisGroup {
        label: goal.goal.title.clone(),
        rows: goal
            .indicator_ids
            .iter()
            .filter_map(|id| progress.indicators.iter().find(|p| p.indicator.id == *id))
            .map(|p| dashboard_row(page, &p.indicator, &p.standing))
            .collect(),
    }
}

/// The rows of the indicators that measure no goal.
pub fn unlinked_group(page: &Page, progress: &Progress) -> AxisGroup {
    AxisGroup {
        label: page.t("progress-no-goal"),
        rows: progress
            .without_goal()
            .map(|p| dashboard_row(page, &p.indicator, &p.standing))
            .collect(),
    }
}

/// Groups of dashboard rows by goal, in the results tree's order, and the indicators
/// measuring no goal last.
pub fn goal_groups(page: &Page, progress: &Progress) -> Vec<AxisGroup> {
    let mut groups: Vec<AxisGroup> = progress
        .goals
        .iter()
        .map(|g| goal_group(page, progress, g))
        .collect();
    groups.push(unlinked_group(page, progress));
    groups.retain(|g| !g.rows.is_empty());
    groups
}

/// `GET /initiatives/{id}/measurement?by=`: every indicator for the whole initiative, its
/// headline figure (with how complete it is and any provisional period), its change and
/// where it stands against its target, by axis or by goal.
pub async fn show_dashboard(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    crate::forms::QueryParams(query): crate::forms::QueryParams<DashboardQuery>,
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
    let progress = state.kesher.progress(caller, id).await?;
    let by_goal = query.by.as_deref() == Some("goal");
    let groups = if by_goal {
        goal_groups(&f.page, &progress)
    } else {
        kesher_domain::measurement::indicator::Axis::ALL
            .iter()
            .map(|axis| AxisGroup {
                label: f.page.t(axis.label_id()),
                rows: progress
                    .indicators
                    .iter()
                    .filter(|p| p.indicator.axis == *axis)
                    .map(|p| dashboard_row(&f.page, &p.indicator, &p.standing))
                    .collect(),
            })
            .filter(|g: &AxisGroup| !g.rows.is_empty())
            .collect()
    };
    render(&DashboardPage {
        rule: status_rule(&f.page),
        counts: status_counts(&f.page, &progress.counts),
        page: f.page,
        initiative_id: id,
        tab: "dashboard",
        groups,
        manages: access.can_manage_measurement(),
        has_places: !measurement.places.is_empty(),
        by_goal,
    })
}
