//! The gap view: one group of the initiative against a reference group over time — girls
//! against boys, periphery against centre, nurture quintile 5 against 1 — with the gap in
//! each period, as a chart and as its table.

use std::collections::BTreeSet;

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use kesher_core::measurement::picture::{Group, GroupFigure, Measurement};
use kesher_domain::measurement::indicator::{Cell, Unit};
use kesher_domain::measurement::period::Period;
use kesher_domain::{IndicatorId, InitiativeId};
use kesher_i18n::Lang;
use kesher_store::{Indicator, PlaceGroup};
use serde::Deserialize;

use super::indicators::{FigureRow, cell_label};
use super::{coverage_text, in_points, period_label, shown_value};
use crate::AppState;
use crate::charts::{self, Line, Stroke, Trend, TrendPoint, number};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{Params, QueryParams};
use crate::html::{Choice, check_in, frame, render};
use crate::page::{Page, Section};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct GapQuery {
    pub group: String,
    pub reference: String,
}

fn group_label(page: &Page, group: &Group, groups: &[PlaceGroup]) -> String {
    match group {
        Group::Cell(cell) => cell_label(page, cell),
        Group::Quintile(q) => {
            let label = page.line("place-nurture", vec![("value", (*q).into())]);
            // The Ministry's nurture index runs upward with need: 5 is the neediest fifth.
            match q {
                5 => format!("{label} ({})", page.t("gap-quintile-neediest")),
                1 => format!("{label} ({})", page.t("gap-quintile-least-needy")),
                _ => label,
            }
        }
        Group::Periphery(true) => page.t("gap-periphery"),
        Group::Periphery(false) => page.t("gap-not-periphery"),
        Group::Sector(s) => page.line("gap-sector", vec![("name", s.clone().into())]),
        Group::Places(id) => groups
            .iter()
            .find(|g| g.id == *id)
            .map(|g| g.name.clone())
            .unwrap_or_default(),
    }
}

/// The comparison a user most likely came for: the indicator's first two breakdown cells
/// (girls against boys); without a breakdown, the neediest nurture quintile against the
/// least needy (5 against 1), then periphery against the rest, then whatever comes first.
fn default_pair(options: &[Group]) -> (Option<Group>, Option<Group>) {
    let cells: Vec<&Group> = options
        .iter()
        .filter(|g| matches!(g, Group::Cell(_)))
        .collect();
    if cells.len() >= 2 {
        return (Some(cells[0].clone()), Some(cells[1].clone()));
    }
    let quintiles: Vec<&Group> = options
        .iter()
        .filter(|g| matches!(g, Group::Quintile(_)))
        .collect();
    if let (Some(lowest), Some(highest)) = (quintiles.first(), quintiles.last())
        && quintiles.len() >= 2
    {
        return (Some((*highest).clone()), Some((*lowest).clone()));
    }
    if options.contains(&Group::Periphery(true)) {
        return (Some(Group::Periphery(true)), Some(Group::Periphery(false)));
    }
    (options.first().cloned(), options.get(1).cloned())
}

/// The groups the initiative's data can tell apart for this indicator.
fn offered(measurement: &Measurement, indicator: &Indicator, groups: &[PlaceGroup]) -> Vec<Group> {
    let mut out = Vec::new();
    let cells: BTreeSet<Cell> = measurement
        .periods(indicator)
        .into_iter()
        .flat_map(|p| measurement.cells(indicator, p))
        .collect();
    out.extend(cells.into_iter().map(Group::Cell));
    let quintiles: BTreeSet<i64> = measurement
        .places
        .iter()
        .filter_map(|p| p.attributes.nurture_quintile)
        .collect();
    out.extend(quintiles.into_iter().map(Group::Quintile));
    if measurement
        .places
        .iter()
        .any(|p| p.attributes.periphery.is_some())
    {
        out.extend([Group::Periphery(true), Group::Periphery(false)]);
    }
    let sectors: BTreeSet<String> = measurement
        .places
        .iter()
        .filter_map(|p| p.attributes.sector.clone())
        .collect();
    out.extend(sectors.into_iter().map(Group::Sector));
    out.extend(groups.iter().map(|g| Group::Places(g.id)));
    out
}

#[derive(Template)]
#[template(path = "measurement/gap.html")]
struct GapPage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    indicator: Indicator,
    choices: Vec<Choice>,
    group: String,
    reference: String,
    group_name: String,
    reference_name: String,
    caption: String,
    svg: String,
    rows: Vec<FigureRow>,
    /// How the gap moved between the first and last complete periods, in one sentence.
    summary: Option<String>,
}

/// "The gap widened from 11.2 to 14.8 points between 2012/13 and 2015/16": the first and
/// the last period in which both groups are complete, the gap read by its size.
fn gap_summary(page: &Page, indicator: &Indicator, gaps: &[(Period, f64)]) -> Option<String> {
    let (&(from_period, from), &(to_period, to)) = (gaps.first()?, gaps.last()?);
    if from_period == to_period {
        return None;
    }
    let shown = |v: f64| number(v, indicator.decimals);
    let id = match (
        to.abs() - from.abs(),
        10f64.powi(-i32::from(indicator.decimals)) / 2.0,
    ) {
        (d, tiny) if d > tiny => "gap-widened",
        (d, tiny) if d < -tiny => "gap-narrowed",
        _ => "gap-held",
    };
    let to_text = in_points(page.lang, indicator, shown(to));
    Some(page.line(
        id,
        vec![
            ("from", shown(from).into()),
            ("to", to_text.into()),
            ("first", period_label(page.lang, from_period).into()),
            ("last", period_label(page.lang, to_period).into()),
        ],
    ))
}

/// `GET /initiatives/{id}/measurement/indicators/{indicator}/gap?group=&reference=`
pub async fn show_gap(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, indicator_id)): Params<(InitiativeId, IndicatorId)>,
    QueryParams(query): QueryParams<GapQuery>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (indicator, _) = state.kesher.indicator(caller, indicator_id).await?;
    check_in(id, indicator.initiative_id)?;
    let mut f = frame(
        &state.kesher,
        &ctx,
        caller,
        id,
        Section::Measurement,
        "gap-title",
    )
    .await?;
    let (measurement, _) = state.kesher.measurement(caller, id).await?;
    let groups = state.kesher.place_groups(caller, id).await?;
    let options = offered(&measurement, &indicator, &groups);
    let choices: Vec<Choice> = options
        .iter()
        .map(|g| Choice {
            value: g.code(),
            label: group_label(&f.page, g, &groups),
        })
        .collect();
    let (first, second) = default_pair(&options);
    let pick = |raw: &str, fallback: Option<Group>| {
        Group::parse(raw)
            .filter(|g| options.contains(g))
            .or(fallback)
    };
    let group = pick(&query.group, first);
    let reference = pick(&query.reference, second);
    let name = indicator.name_in(f.page.lang == Lang::En).to_string();
    f.page.title = f.page.line("gap-title-of", vec![("name", name.into())]);
    let (mut svg, mut rows, mut summary) = (String::new(), Vec::new(), None);
    let (mut group_name, mut reference_name) = (String::new(), String::new());
    if let (Some(group), Some(reference)) = (&group, &reference) {
        group_name = group_label(&f.page, group, &groups);
        reference_name = group_label(&f.page, reference, &groups);
        let ours = measurement.group_series(&indicator, group);
        let theirs = measurement.group_series(&indicator, reference);
        let periods: Vec<_> = measurement.periods(&indicator);
        let threshold = indicator.coverage_threshold;
        let line = |series: &[GroupFigure], label: &str, stroke, colour| Line {
            label: label.to_string(),
            points: series
                .iter()
                .map(|g| TrendPoint {
                    x: g.period.ordinal(),
                    value: g.value,
                    provisional: !g.coverage.meets(threshold),
                })
                .collect(),
            stroke,
            colour,
            marks: true,
        };
        if !ours.is_empty() || !theirs.is_empty() {
            let axis: Vec<(i64, String)> =
                periods.iter().map(|p| (p.ordinal(), p.code())).collect();
            let unit = f.page.t(indicator.unit.label_id());
            svg = charts::trend(&Trend {
                periods: &axis,
                lines: &[
                    line(&ours, &group_name, Stroke::Solid, charts::SERIES),
                    line(&theirs, &reference_name, Stroke::Dashed, charts::OTHER),
                ],
                labelled: &[],
                decimals: indicator.decimals,
                from_zero: false,
                unit: &unit,
                suffix: if indicator.unit == Unit::Percent {
                    "%"
                } else {
                    ""
                },
                labelled_by: "gap-caption",
            });
        }
        let rests_on = |g: &GroupFigure| {
            let text = coverage_text(f.page.lang, g.coverage);
            if g.coverage.meets(threshold) {
                text
            } else {
                format!("{text} · {}", f.page.t("measurement-provisional"))
            }
        };
        let mut complete_gaps = Vec::new();
        for period in &periods {
            let a = ours.iter().find(|p| p.period == *period);
            let b = theirs.iter().find(|p| p.period == *period);
            let shown = |v: Option<&GroupFigure>| {
                v.map(|g| shown_value(&indicator, g.value))
                    .unwrap_or_default()
            };
            let gap = match (a, b) {
                (Some(a), Some(b)) => Some(a.value - b.value),
                _ => None,
            };
            if let (Some(a), Some(b), Some(gap)) = (a, b, gap)
                && a.coverage.meets(threshold)
                && b.coverage.meets(threshold)
            {
                complete_gaps.push((*period, gap));
            }
            rows.push(FigureRow {
                label: period_label(f.page.lang, *period),
                value: shown(a),
                extra: vec![
                    a.map(rests_on).unwrap_or_default(),
                    shown(b),
                    b.map(rests_on).unwrap_or_default(),
                    gap.map(|g| number(g, indicator.decimals))
                        .unwrap_or_default(),
                ],
            });
        }
        summary = gap_summary(&f.page, &indicator, &complete_gaps);
    }
    let caption = f.page.line(
        "gap-caption",
        vec![
            ("group", group_name.clone().into()),
            ("reference", reference_name.clone().into()),
        ],
    );
    render(&GapPage {
        caption,
        page: f.page,
        initiative_id: id,
        tab: "dashboard",
        indicator,
        choices,
        group: group.map(|g| g.code()).unwrap_or_default(),
        reference: reference.map(|g| g.code()).unwrap_or_default(),
        group_name,
        reference_name,
        svg,
        rows,
        summary,
    })
}
