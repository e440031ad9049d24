//! An indicator's page — its trend with baseline and target, the comparison across the
//! places under the chosen one, its breakdown — and the forms that define it and its targets.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use kesher_core::CoreError;
use kesher_core::measurement::export::Download;
use kesher_core::measurement::headline::{FigureAt, Standing};
use kesher_core::measurement::picture::{ALL_PLACES, Measurement};
use kesher_domain::measurement::coverage::{Coverage, Expected};
use kesher_domain::measurement::indicator::{
    Aggregation, Axis, Cell, Direction, Frequency, IndicatorForm, IndicatorKind, Unit,
};
use kesher_domain::measurement::period::PeriodKind;
use kesher_domain::measurement::place::PlaceKind;
use kesher_domain::measurement::values::TargetForm;
use kesher_domain::{IndicatorId, InitiativeId, PlaceId, TargetId};
use kesher_i18n::Lang;
use kesher_store::Indicator;
use serde::Deserialize;

use super::{
    change_words, coverage_text, period_label, provisional_text, reason_text, shown_value,
    signed_value, status_rule, today,
};
use crate::AppState;
use crate::charts::{self, Bar, Line, Stroke, Trend, TrendPoint, number};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, NoFields, Params, QueryParams};
use crate::html::{
    Choice, Deletion, answer_form, check_in, choices, confirm_delete, frame, organization_choices,
    render, saved,
};
use crate::page::{Page, Section};

const LABELS: &[(&str, &str)] = &[
    ("code", "field-indicator-code"),
    ("name_he", "field-name-he"),
    ("name_en", "field-name-en"),
    ("definition_he", "field-definition-he"),
    ("definition_en", "field-definition-en"),
    ("unit", "field-unit"),
    ("direction", "field-direction"),
    ("kind", "field-indicator-kind"),
    ("scale_max", "field-scale-max"),
    ("axis", "field-axis"),
    ("result_node_id", "field-measures-result"),
    ("data_source", "field-data-source"),
    ("frequency", "field-frequency"),
    ("period_kind", "field-period-kind"),
    ("owner_organization_id", "field-reporting-organization"),
    ("aggregation", "field-aggregation"),
    ("weight_code", "field-weight-code"),
    ("formula", "field-formula"),
    ("population_code", "field-population-code"),
    ("decimals", "field-decimals"),
    ("breakdowns", "field-breakdowns"),
    ("valid_min", "field-valid-min"),
    ("valid_max", "field-valid-max"),
    ("baseline_value", "field-baseline-value"),
    ("baseline_period", "field-baseline-period"),
    ("coverage_expected", "field-coverage-expected"),
    ("coverage_group_id", "field-coverage-group"),
    ("coverage_threshold", "field-coverage-threshold"),
    ("no_change_band", "field-no-change-band"),
];

const TARGET_LABELS: &[(&str, &str)] = &[
    ("period", "field-period"),
    ("value", "field-target-value"),
    ("benchmark_place_id", "field-benchmark-place"),
    ("note", "field-note"),
];

/// Which place and breakdown cell the page shows.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PictureQuery {
    pub place: Option<i64>,
    pub cell: Option<String>,
}

/// A row of a table behind a chart.
pub struct FigureRow {
    pub label: String,
    pub value: String,
    pub extra: Vec<String>,
}

/// A chart with its table.
pub struct Figure {
    pub id: String,
    pub caption: String,
    pub svg: String,
    pub headers: Vec<String>,
    pub rows: Vec<FigureRow>,
    pub note: Option<String>,
}

#[derive(Template)]
#[template(path = "measurement/indicator.html")]
struct IndicatorPage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    indicator: Indicator,
    definition: Option<String>,
    facts: Vec<(String, String)>,
    place_name: String,
    place_choices: Vec<Choice>,
    selected_place: String,
    status: (String, String),
    reason: String,
    provisional: Option<String>,
    changes: Vec<String>,
    overflowed: bool,
    rule: String,
    figures: Vec<Figure>,
    manages: bool,
    targets: Vec<(TargetId, String, String, String)>,
    target_form: TargetForm,
    target_errors: FormErrors,
    period_hint: String,
}

fn place_label(measurement: &Measurement, page: &Page, place: PlaceId) -> String {
    if place == ALL_PLACES {
        return page.t("measurement-all-places");
    }
    measurement
        .place(place)
        .map(|p| p.name.clone())
        .unwrap_or_default()
}

/// The places offered in the picker: the whole initiative and the upper levels (schools are
/// reached from their place page, there are thousands).
fn place_choices(measurement: &Measurement, page: &Page) -> Vec<Choice> {
    let mut out = vec![Choice {
        value: ALL_PLACES.to_string(),
        label: page.t("measurement-all-places"),
    }];
    for kind in [
        PlaceKind::Country,
        PlaceKind::District,
        PlaceKind::Authority,
    ] {
        let mut places: Vec<_> = measurement
            .places
            .iter()
            .filter(|p| p.kind == kind)
            .collect();
        places.sort_by(|a, b| a.name.cmp(&b.name));
        out.extend(places.into_iter().map(|p| Choice {
            value: p.id.to_string(),
            label: format!("{} · {}", p.name, page.t(kind.label_id())),
        }));
    }
    out
}

/// The most places a comparison draws; the table says when there are more.
const MOST_BARS: usize = 30;

fn figures_for(
    page: &Page,
    measurement: &Measurement,
    indicator: &Indicator,
    place: PlaceId,
    name: &str,
) -> (Vec<Figure>, Standing) {
    let decimals = indicator.decimals;
    let shown = |v: f64| shown_value(indicator, v);
    let all = measurement.figures(indicator, &Cell::total());
    let series = measurement.series_with_coverage(indicator, &all, place);
    let standing = measurement.standing(indicator, &all, place, today());
    let complete = |f: &FigureAt| Measurement::is_complete(indicator, f);
    let mut lines = vec![Line {
        label: name.to_string(),
        points: series
            .iter()
            .map(|f| TrendPoint {
                x: f.period.ordinal(),
                value: f.value,
                provisional: !complete(f),
            })
            .collect(),
        stroke: Stroke::Solid,
        colour: charts::SERIES,
        marks: true,
    }];
    let mut labelled = Vec::new();
    if let Some(t) = standing.target {
        if let Some(b) = standing.baseline {
            lines.push(Line::through(
                page.t("measurement-trajectory"),
                [(b.period.ordinal(), b.value), (t.period.ordinal(), t.value)],
                Stroke::Dashed,
                charts::TARGET,
                false,
            ));
        }
        labelled.push((t.period.ordinal(), t.value, page.t("measurement-target")));
    } else if let Some(b) = standing.baseline
        && let (Some(first), Some(last)) = (series.first(), series.last())
    {
        lines.push(Line::through(
            page.t("measurement-baseline"),
            [
                (first.period.ordinal().min(b.period.ordinal()), b.value),
                (last.period.ordinal(), b.value),
            ],
            Stroke::Dotted,
            charts::BASELINE,
            false,
        ));
    }
    let axis_periods: Vec<(i64, String)> = series
        .iter()
        .map(|f| f.period)
        .chain(standing.target.map(|t| t.period))
        .chain(standing.baseline.map(|b| b.period))
        .map(|p| (p.ordinal(), p.code()))
        .collect();
    let from_zero = matches!(indicator.unit, Unit::Count | Unit::Percent | Unit::Currency);
    let unit = page.t(indicator.unit.label_id());
    let mut figures = vec![Figure {
        id: "trend".into(),
        caption: page.line(
            "measurement-trend-caption",
            vec![("name", name.to_string().into())],
        ),
        svg: if series.is_empty() {
            String::new()
        } else {
            charts::trend(&Trend {
                periods: &axis_periods,
                lines: &lines,
                labelled: &labelled,
                decimals,
                from_zero,
                unit: &unit,
                suffix: if indicator.unit == Unit::Percent {
                    "%"
                } else {
                    ""
                },
                labelled_by: "trend-caption",
            })
        },
        headers: vec![
            page.t("field-period"),
            page.t("measurement-value"),
            page.t("measurement-coverage"),
        ],
        rows: series
            .iter()
            .map(|f| FigureRow {
                label: period_label(page.lang, f.period),
                value: shown(f.value),
                extra: vec![if complete(f) {
                    coverage_text(page.lang, f.coverage)
                } else {
                    format!(
                        "{} · {}",
                        coverage_text(page.lang, f.coverage),
                        page.t("measurement-provisional")
                    )
                }],
            })
            .collect(),
        note: series
            .iter()
            .any(|f| !complete(f))
            .then(|| page.t("measurement-provisional-note")),
    }];
    let periods: Vec<_> = all.keys().copied().collect();
    // The places and breakdowns are shown for the headline period, not a provisional one.
    let headline_period = standing
        .latest
        .map(|f| f.period)
        .or(periods.last().copied());
    if let Some(latest) = headline_period {
        // The places under this one, in the latest period.
        let at = &all[&latest];
        let coverage = measurement.coverage(indicator);
        let coverage_at = |id: PlaceId| {
            coverage
                .get(&latest)
                .and_then(|c| c.get(&id))
                .copied()
                .unwrap_or_default()
        };
        let covered = |c: Coverage| {
            let text = coverage_text(page.lang, c);
            if c.meets(indicator.coverage_threshold) {
                text
            } else {
                format!("{text} · {}", page.t("measurement-provisional"))
            }
        };
        let mut children: Vec<(String, f64, Coverage)> = measurement
            .children(place)
            .into_iter()
            .filter_map(|c| {
                at.get(&c.id)
                    .map(|r| (c.name.clone(), r.value, coverage_at(c.id)))
            })
            .collect();
        children.sort_by(|a, b| b.1.total_cmp(&a.1));
        if !children.is_empty() {
            let total = children.len();
            let drawn: Vec<Bar> = children
                .iter()
                .take(MOST_BARS)
                .map(|(label, value, _)| Bar {
                    label: label.clone(),
                    value: *value,
                    marked: false,
                })
                .collect();
            figures.push(Figure {
                id: "compare".into(),
                caption: page.line(
                    "measurement-compare-caption",
                    vec![
                        ("place", place_label(measurement, page, place).into()),
                        ("period", period_label(page.lang, latest).into()),
                    ],
                ),
                svg: charts::bars(&drawn, decimals, "compare-caption"),
                headers: vec![
                    page.t("measurement-place"),
                    page.t("measurement-value"),
                    page.t("measurement-coverage"),
                ],
                rows: children
                    .iter()
                    .map(|(label, value, coverage)| FigureRow {
                        label: label.clone(),
                        value: shown(*value),
                        extra: vec![covered(*coverage)],
                    })
                    .collect(),
                note: (total > MOST_BARS).then(|| {
                    page.line(
                        "measurement-compare-more",
                        vec![
                            ("shown", (MOST_BARS as i64).into()),
                            ("total", (total as i64).into()),
                        ],
                    )
                }),
            });
        }
        let cells = measurement.cells(indicator, latest);
        // A cell rests on the places that reported it, of those expected here.
        let expected_here = coverage_at(place).expected;
        let broken: Vec<(String, f64, Coverage)> = cells
            .iter()
            .filter_map(|cell| {
                measurement
                    .figures_at(indicator, latest, cell)
                    .get(&place)
                    .map(|r| {
                        (
                            cell_label(page, cell),
                            r.value,
                            Coverage {
                                reported: r.places,
                                expected: expected_here.max(r.places),
                            },
                        )
                    })
            })
            .collect();
        if !broken.is_empty() {
            let drawn: Vec<Bar> = broken
                .iter()
                .map(|(label, value, _)| Bar {
                    label: label.clone(),
                    value: *value,
                    marked: false,
                })
                .collect();
            figures.push(Figure {
                id: "breakdown".into(),
                caption: page.line(
                    "measurement-breakdown-caption",
                    vec![("period", period_label(page.lang, latest).into())],
                ),
                svg: charts::bars(&drawn, decimals, "breakdown-caption"),
                headers: vec![
                    page.t("measurement-group"),
                    page.t("measurement-value"),
                    page.t("measurement-coverage"),
                ],
                rows: broken
                    .iter()
                    .map(|(label, value, coverage)| FigureRow {
                        label: label.clone(),
                        value: shown(*value),
                        extra: vec![covered(*coverage)],
                    })
                    .collect(),
                note: None,
            });
        }
    }
    (figures, standing)
}

/// A breakdown cell as people read it: "gender: female".
pub fn cell_label(page: &Page, cell: &Cell) -> String {
    cell.parts()
        .iter()
        .map(|(dimension, value)| {
            let dimension_id = format!("dimension-{dimension}");
            let known = |id: &str| page.lang.has(id).then(|| page.t(id));
            let dimension_label = known(&dimension_id).unwrap_or(dimension.to_string());
            let value_id = format!("dimension-{dimension}-{value}");
            let value_label = known(&value_id).unwrap_or(value.to_string());
            format!("{dimension_label}: {value_label}")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn facts(page: &Page, indicator: &Indicator) -> Vec<(String, String)> {
    let mut facts = vec![
        (page.t("field-indicator-code"), indicator.code.clone()),
        (page.t("field-unit"), page.t(indicator.unit.label_id())),
        (
            page.t("field-direction"),
            page.t(indicator.direction.label_id()),
        ),
        (page.t("field-axis"), page.t(indicator.axis.label_id())),
        (
            page.t("field-period-kind"),
            page.t(indicator.period_kind.label_id()),
        ),
        (
            page.t("field-frequency"),
            page.t(indicator.frequency.label_id()),
        ),
    ];
    let adds_up = match (&indicator.formula, indicator.aggregation) {
        (Some(formula), _) => page.line(
            "measurement-adds-up-formula",
            vec![("formula", formula.clone().into())],
        ),
        (None, Aggregation::WeightedMean) => page.line(
            "measurement-adds-up-weighted",
            vec![(
                "weight",
                indicator.weight_code.clone().unwrap_or_default().into(),
            )],
        ),
        (None, rule) => page.t(&format!("measurement-adds-up-{}", rule.code())),
    };
    facts.push((page.t("field-aggregation"), adds_up));
    if let Some(source) = &indicator.data_source {
        facts.push((page.t("field-data-source"), source.clone()));
    }
    if !indicator.breakdowns.is_empty() {
        facts.push((page.t("field-breakdowns"), indicator.breakdowns.join(", ")));
    }
    if let Some(population) = &indicator.population_code {
        facts.push((page.t("field-population-code"), population.clone()));
    }
    facts
}

async fn indicator_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    indicator_id: IndicatorId,
    query: PictureQuery,
    target_form: Option<TargetForm>,
    target_errors: FormErrors,
) -> Result<IndicatorPage, AppError> {
    let caller = ctx.caller()?;
    let (indicator, access) = state.kesher.indicator(caller, indicator_id).await?;
    check_in(id, indicator.initiative_id)?;
    let mut f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Measurement,
        "measurement-title",
    )
    .await?;
    let english = f.page.lang == Lang::En;
    let name = indicator.name_in(english).to_string();
    f.page.title = name.clone();
    let (measurement, _) = state.kesher.measurement(caller, id).await?;
    let place = query
        .place
        .map(PlaceId::new)
        .filter(|p| *p == ALL_PLACES || measurement.place(*p).is_some())
        .unwrap_or(ALL_PLACES);
    let (figures, standing) = figures_for(&f.page, &measurement, &indicator, place, &name);
    let status = (
        standing.status.code().to_string(),
        f.page.t(standing.status.label_id()),
    );
    let reason = reason_text(f.page.lang, &indicator, &standing.reason, true);
    let provisional = standing
        .provisional
        .map(|p| provisional_text(f.page.lang, &p));
    let changes: Vec<String> = [
        ("measurement-change-previous", standing.since_previous),
        ("measurement-change-baseline", standing.since_baseline),
    ]
    .into_iter()
    .filter_map(|(id, change)| {
        let (delta, change) = change?;
        let (arrow, words) = change_words(f.page.lang, change);
        Some(f.page.line(
            id,
            vec![
                ("arrow", arrow.into()),
                (
                    "change",
                    signed_value(f.page.lang, &indicator, delta).into(),
                ),
                ("words", words.into()),
            ],
        ))
    })
    .collect();
    let overflowed = measurement.overflowed(&indicator);
    let definition = match (english, &indicator.definition_en, &indicator.definition_he) {
        (true, Some(en), _) => Some(en.clone()),
        (_, _, he) => he.clone(),
    };
    let targets = indicator
        .targets
        .iter()
        .map(|t| {
            let value = match (t.value, t.benchmark_place_id) {
                (_, Some(benchmark)) => f.page.line(
                    "measurement-target-follows",
                    vec![(
                        "place",
                        place_label(&measurement, &f.page, benchmark).into(),
                    )],
                ),
                (Some(v), None) => number(v, indicator.decimals),
                (None, None) => String::new(),
            };
            (
                t.id,
                period_label(f.page.lang, t.period),
                value,
                t.note.clone().unwrap_or_default(),
            )
        })
        .collect();
    Ok(IndicatorPage {
        facts: facts(&f.page, &indicator),
        place_name: place_label(&measurement, &f.page, place),
        place_choices: {
            let mut offered = place_choices(&measurement, &f.page);
            // A school reached from its own page is offered too, so the picker says where
            // the page stands.
            if !offered.iter().any(|c| c.value == place.to_string())
                && let Some(chosen) = measurement.place(place)
            {
                offered.insert(
                    1,
                    Choice {
                        value: place.to_string(),
                        label: format!("{} · {}", chosen.name, f.page.t(chosen.kind.label_id())),
                    },
                );
            }
            offered
        },
        selected_place: place.to_string(),
        rule: status_rule(&f.page),
        period_hint: f.page.t(&format!(
            "period-hint-{}",
            indicator.period_kind.code().replace('_', "-")
        )),
        manages: access.can_manage_measurement(),
        target_form: target_form.unwrap_or_default(),
        target_errors,
        status,
        reason,
        provisional,
        changes,
        overflowed,
        figures,
        targets,
        definition,
        indicator,
        page: f.page,
        initiative_id: id,
        tab: "dashboard",
    })
}

/// `GET /initiatives/{id}/measurement/indicators/{indicator}`
pub async fn show_indicator(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, indicator)): Params<(InitiativeId, IndicatorId)>,
    QueryParams(query): QueryParams<PictureQuery>,
) -> Result<Response, AppError> {
    render(
        &indicator_page(
            &state,
            &ctx,
            id,
            indicator,
            query,
            None,
            FormErrors::default(),
        )
        .await?,
    )
}

/// What to download from an indicator's page.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DownloadQuery {
    /// `shown` (the figures on the page) or `values` (every approved value).
    pub what: String,
    /// `csv` or `xlsx`.
    pub format: String,
    pub place: Option<i64>,
}

/// `GET /initiatives/{id}/measurement/indicators/{indicator}/download?what=&format=&place=`
pub async fn download_indicator(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, indicator_id)): Params<(InitiativeId, IndicatorId)>,
    QueryParams(query): QueryParams<DownloadQuery>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (indicator, _) = state.kesher.indicator(caller, indicator_id).await?;
    check_in(id, indicator.initiative_id)?;
    let download = if query.what == "values" {
        state
            .kesher
            .indicator_values_download(caller, id, &indicator.code)
            .await?
    } else {
        let page = Page::new(&ctx, String::new());
        let (measurement, _) = state.kesher.measurement(caller, id).await?;
        let place = query
            .place
            .map(PlaceId::new)
            .filter(|p| *p == ALL_PLACES || measurement.place(*p).is_some())
            .unwrap_or(ALL_PLACES);
        let name = indicator.name_in(page.lang == Lang::En).to_string();
        let (figures, _) = figures_for(&page, &measurement, &indicator, place, &name);
        let mut rows = Vec::new();
        for figure in &figures {
            for row in &figure.rows {
                rows.push(vec![
                    figure.caption.clone(),
                    row.label.clone(),
                    row.value.replace(',', ""),
                ]);
            }
        }
        Download {
            headers: vec![
                page.t("download-section"),
                page.t("download-label"),
                page.t("measurement-value"),
            ],
            rows,
            number_columns: vec![2],
        }
    };
    crate::downloads::attachment(&download, &query.format, &indicator.code)
}

/// `POST /initiatives/{id}/measurement/indicators/{indicator}/targets` (backbone)
pub async fn set_target(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, indicator)): Params<(InitiativeId, IndicatorId)>,
    CsrfForm(form): CsrfForm<TargetForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.indicator(caller, indicator).await?;
    check_in(id, found.initiative_id)?;
    let outcome = state.kesher.set_target(caller, indicator, &form).await;
    answer_form(
        &ctx,
        outcome,
        |_| format!("/initiatives/{id}/measurement/indicators/{indicator}#targets"),
        "flash-saved",
        TARGET_LABELS,
        |errors| {
            indicator_page(
                &state,
                &ctx,
                id,
                indicator,
                PictureQuery::default(),
                Some(form),
                errors,
            )
        },
    )
    .await
}

/// `POST /initiatives/{id}/measurement/indicators/{indicator}/targets/{target}/delete`
pub async fn delete_target(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, indicator, target)): Params<(InitiativeId, IndicatorId, TargetId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.indicator(caller, indicator).await?;
    check_in(id, found.initiative_id)?;
    state
        .kesher
        .delete_target(caller, indicator, target)
        .await?;
    Ok(saved(
        &ctx,
        &format!("/initiatives/{id}/measurement/indicators/{indicator}#targets"),
        "flash-deleted",
    ))
}

#[derive(Template)]
#[template(path = "measurement/indicator_form.html")]
struct IndicatorFormPage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    form: IndicatorForm,
    errors: FormErrors,
    action: String,
    units: Vec<Choice>,
    directions: Vec<Choice>,
    kinds: Vec<Choice>,
    axes: Vec<Choice>,
    frequencies: Vec<Choice>,
    period_kinds: Vec<Choice>,
    aggregations: Vec<Choice>,
    organizations: Vec<Choice>,
    results: Vec<Choice>,
    expectations: Vec<Choice>,
    groups: Vec<Choice>,
}

async fn indicator_form_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    existing: Option<IndicatorId>,
    form: IndicatorForm,
    errors: FormErrors,
) -> Result<IndicatorFormPage, AppError> {
    let caller = ctx.caller()?;
    let f = super::backbone_frame(
        state,
        ctx,
        id,
        if existing.is_some() {
            "indicator-edit-title"
        } else {
            "indicator-new-title"
        },
    )
    .await?;
    let page = f.page;
    let tree = state.kesher.results_tree(caller, id).await?;
    let results = tree
        .iter()
        .map(|row| Choice {
            value: row.node.id.to_string(),
            label: format!(
                "{}{} · {}",
                "— ".repeat(row.depth),
                row.node.title,
                page.t(row.node.kind.label_id())
            ),
        })
        .collect();
    Ok(IndicatorFormPage {
        units: choices(&page, Unit::ALL, Unit::code, Unit::label_id),
        directions: choices(&page, Direction::ALL, Direction::code, Direction::label_id),
        kinds: choices(
            &page,
            IndicatorKind::ALL,
            IndicatorKind::code,
            IndicatorKind::label_id,
        ),
        axes: choices(&page, Axis::ALL, Axis::code, Axis::label_id),
        frequencies: choices(&page, Frequency::ALL, Frequency::code, Frequency::label_id),
        period_kinds: choices(
            &page,
            PeriodKind::ALL,
            PeriodKind::code,
            PeriodKind::label_id,
        ),
        aggregations: choices(
            &page,
            Aggregation::ALL,
            Aggregation::code,
            Aggregation::label_id,
        ),
        organizations: organization_choices(&state.kesher, caller, id, None).await?,
        results,
        expectations: choices(&page, Expected::ALL, Expected::code, Expected::label_id),
        groups: state
            .kesher
            .place_groups(caller, id)
            .await?
            .into_iter()
            .map(|g| Choice {
                value: g.id.to_string(),
                label: g.name,
            })
            .collect(),
        action: match existing {
            Some(indicator) => format!("/initiatives/{id}/measurement/indicators/{indicator}"),
            None => format!("/initiatives/{id}/measurement/indicators"),
        },
        page,
        initiative_id: id,
        tab: "dashboard",
        form,
        errors,
    })
}

/// `GET /initiatives/{id}/measurement/indicators/new` (backbone)
pub async fn new_indicator(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    let form = IndicatorForm {
        direction: "higher".into(),
        period_kind: "school_year".into(),
        frequency: "yearly".into(),
        aggregation: "sum".into(),
        decimals: "1".into(),
        coverage_expected: Expected::PreviousPeriod.code().into(),
        coverage_threshold: "90".into(),
        ..IndicatorForm::default()
    };
    render(&indicator_form_page(&state, &ctx, id, None, form, FormErrors::default()).await?)
}

/// `POST /initiatives/{id}/measurement/indicators` (backbone)
pub async fn create_indicator(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(form): CsrfForm<IndicatorForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let outcome = state.kesher.create_indicator(caller, id, &form).await;
    answer_form(
        &ctx,
        outcome,
        |created| format!("/initiatives/{id}/measurement/indicators/{}", created.id),
        "flash-saved",
        LABELS,
        |errors| indicator_form_page(&state, &ctx, id, None, form, errors),
    )
    .await
}

fn form_of(indicator: &Indicator) -> IndicatorForm {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let number = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
    IndicatorForm {
        code: indicator.code.clone(),
        name_he: indicator.name_he.clone(),
        name_en: text(&indicator.name_en),
        definition_he: text(&indicator.definition_he),
        definition_en: text(&indicator.definition_en),
        unit: indicator.unit.code().into(),
        direction: indicator.direction.code().into(),
        kind: indicator.kind.code().into(),
        scale_max: indicator
            .scale_max
            .map(|m| m.to_string())
            .unwrap_or_default(),
        axis: indicator.axis.code().into(),
        result_node_id: indicator
            .result_node_id
            .map(|r| r.to_string())
            .unwrap_or_default(),
        data_source: text(&indicator.data_source),
        frequency: indicator.frequency.code().into(),
        period_kind: indicator.period_kind.code().into(),
        owner_organization_id: indicator
            .owner_organization_id
            .map(|o| o.to_string())
            .unwrap_or_default(),
        aggregation: indicator.aggregation.code().into(),
        weight_code: text(&indicator.weight_code),
        formula: text(&indicator.formula),
        population_code: text(&indicator.population_code),
        decimals: indicator.decimals.to_string(),
        breakdowns: indicator.breakdowns.join(", "),
        valid_min: number(indicator.valid_min),
        valid_max: number(indicator.valid_max),
        baseline_value: number(indicator.baseline_value),
        baseline_period: indicator
            .baseline_period
            .map(|p| p.code())
            .unwrap_or_default(),
        coverage_expected: indicator.coverage_expected.code().into(),
        coverage_group_id: indicator
            .coverage_group_id
            .map(|g| g.to_string())
            .unwrap_or_default(),
        coverage_threshold: indicator.coverage_threshold.to_string(),
        no_change_band: number(indicator.no_change_band),
    }
}

/// `GET /initiatives/{id}/measurement/indicators/{indicator}/edit` (backbone)
pub async fn edit_indicator(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, indicator)): Params<(InitiativeId, IndicatorId)>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.indicator(caller, indicator).await?;
    check_in(id, found.initiative_id)?;
    render(
        &indicator_form_page(
            &state,
            &ctx,
            id,
            Some(indicator),
            form_of(&found),
            FormErrors::default(),
        )
        .await?,
    )
}

/// `POST /initiatives/{id}/measurement/indicators/{indicator}` (backbone)
pub async fn update_indicator(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, indicator)): Params<(InitiativeId, IndicatorId)>,
    CsrfForm(form): CsrfForm<IndicatorForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.indicator(caller, indicator).await?;
    check_in(id, found.initiative_id)?;
    let outcome = state
        .kesher
        .update_indicator(caller, indicator, &form)
        .await;
    answer_form(
        &ctx,
        outcome,
        |_| format!("/initiatives/{id}/measurement/indicators/{indicator}"),
        "flash-saved",
        LABELS,
        |errors| indicator_form_page(&state, &ctx, id, Some(indicator), form, errors),
    )
    .await
}

/// `GET /initiatives/{id}/measurement/indicators/{indicator}/delete` (backbone)
pub async fn confirm_delete_indicator(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, indicator)): Params<(InitiativeId, IndicatorId)>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, access) = state.kesher.indicator(caller, indicator).await?;
    check_in(id, found.initiative_id)?;
    if !access.can_manage_measurement() {
        return Err(CoreError::Forbidden.into());
    }
    let (all, _) = state.kesher.indicators(caller, id).await?;
    let readers = kesher_core::measurement::readers_of(&found.code, &all);
    let blocked = (!readers.is_empty()).then(|| {
        ctx.lang.t("conflict-indicator-in-use")
            + " "
            + &readers
                .iter()
                .map(|r| r.code.as_str())
                .collect::<Vec<_>>()
                .join(", ")
    });
    confirm_delete(
        &state.kesher,
        &ctx,
        id,
        Section::Measurement,
        Deletion {
            title: ("indicator-delete-title", &found.name_he),
            explanation: ctx.lang.t_with(
                "indicator-delete-explanation",
                &[(
                    "count",
                    (state
                        .kesher
                        .indicator_value_count(caller, indicator)
                        .await? as i64)
                        .into(),
                )],
            ),
            blocked,
            record: format!("/initiatives/{id}/measurement/indicators/{indicator}"),
        },
    )
    .await
}

/// `POST /initiatives/{id}/measurement/indicators/{indicator}/delete` (backbone)
pub async fn delete_indicator(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, indicator)): Params<(InitiativeId, IndicatorId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.indicator(caller, indicator).await?;
    check_in(id, found.initiative_id)?;
    state.kesher.delete_indicator(caller, indicator).await?;
    Ok(saved(
        &ctx,
        &format!("/initiatives/{id}/measurement"),
        "flash-deleted",
    ))
}
