//! The report card: its settings for the backbone, and the public page anyone with its
//! address can read and print, small groups hidden.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use kesher_core::CoreError;
use kesher_core::measurement::report_card::{PublicCard, ReportCardForm};
use kesher_domain::InitiativeId;
use kesher_i18n::Lang;
use kesher_store::ReportCard;

use super::indicators::FigureRow;
use super::period_label;
use crate::AppState;
use crate::charts::{self, Line, Stroke};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, Params};
use crate::html::{Choice, answer_form, frame, render};
use crate::page::{Page, Section};

const LABELS: &[(&str, &str)] = &[
    ("title", "field-card-title"),
    ("threshold", "field-card-threshold"),
    ("indicators", "field-card-indicators"),
];

#[derive(Template)]
#[template(path = "measurement/report_card_settings.html")]
struct SettingsPage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    form: ReportCardForm,
    errors: FormErrors,
    indicators: Vec<Choice>,
    card: Option<ReportCard>,
}

impl SettingsPage {
    fn chosen(&self, code: &str) -> bool {
        self.form.indicators.iter().any(|c| c == code)
    }
}

async fn settings_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    form: Option<ReportCardForm>,
    errors: FormErrors,
) -> Result<SettingsPage, AppError> {
    let caller = ctx.caller()?;
    let f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Measurement,
        "card-settings-title",
    )
    .await?;
    let card = state.kesher.report_card_settings(caller, id).await?;
    let (all, _) = state.kesher.indicators(caller, id).await?;
    let english = f.page.lang == Lang::En;
    let form = form.unwrap_or_else(|| match &card {
        Some(c) => ReportCardForm {
            title: c.title.clone(),
            indicators: c.indicators.clone(),
            threshold: c.threshold.to_string(),
            published: if c.published {
                "on".into()
            } else {
                String::new()
            },
        },
        None => ReportCardForm {
            title: f.initiative.name.clone(),
            threshold: kesher_domain::measurement::quality::DEFAULT_SMALL_CELL.to_string(),
            ..ReportCardForm::default()
        },
    });
    Ok(SettingsPage {
        indicators: all
            .iter()
            .map(|i| Choice {
                value: i.code.clone(),
                label: i.name_in(english).to_string(),
            })
            .collect(),
        page: f.page,
        initiative_id: id,
        tab: "dashboard",
        form,
        errors,
        card,
    })
}

/// `GET /initiatives/{id}/measurement/report-card` (backbone)
pub async fn edit_report_card(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    render(&settings_page(&state, &ctx, id, None, FormErrors::default()).await?)
}

/// `POST /initiatives/{id}/measurement/report-card` (backbone)
pub async fn save_report_card(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(form): CsrfForm<ReportCardForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let outcome = state.kesher.save_report_card(caller, id, &form).await;
    answer_form(
        &ctx,
        outcome,
        |_| format!("/initiatives/{id}/measurement/report-card"),
        "flash-saved",
        LABELS,
        |errors| settings_page(&state, &ctx, id, Some(form), errors),
    )
    .await
}

/// One indicator on the public page.
pub struct CardSection {
    pub id: String,
    pub name: String,
    pub definition: Option<String>,
    pub unit: String,
    pub svg: String,
    pub trend: Vec<FigureRow>,
    pub places: Vec<FigureRow>,
    pub latest: String,
    pub any_hidden: bool,
    /// "Data for 2016/17 is still being collected."
    pub collecting: Option<String>,
    /// How many places are left out because their data is incomplete.
    pub incomplete: Option<String>,
}

#[derive(Template)]
#[template(path = "measurement/report_card.html")]
struct PublicPage {
    page: Page,
    initiative_name: String,
    sections: Vec<CardSection>,
    privacy: String,
    /// The partners' public commitments.
    commitments: Vec<crate::html::commitments::Shown>,
}

/// `GET /report/{slug}`: the public report card — no account needed.
pub async fn show_report_card(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(slug): Params<String>,
) -> Result<Response, AppError> {
    let PublicCard {
        card,
        initiative_name,
        indicators,
        commitments,
    } = state.kesher.public_report_card(&slug).await?;
    let page = Page::new(&ctx, card.title.clone());
    let english = page.lang == Lang::En;
    let hidden = page.t("card-hidden");
    let mut sections = Vec::new();
    for (index, item) in indicators.iter().enumerate() {
        let decimals = item.indicator.decimals;
        let shown = |v: Option<f64>| {
            v.map(|x| super::shown_value(&item.indicator, x))
                .unwrap_or(hidden.clone())
        };
        let periods: Vec<(i64, String)> = item
            .trend
            .iter()
            .map(|(p, _)| (p.ordinal(), p.code()))
            .collect();
        let id = format!("card-{index}");
        let points: Vec<(i64, f64)> = item
            .trend
            .iter()
            .filter_map(|(p, v)| v.map(|x| (p.ordinal(), x)))
            .collect();
        let name = item.indicator.name_in(english).to_string();
        let unit = page.t(item.indicator.unit.label_id());
        sections.push(CardSection {
            svg: if points.is_empty() {
                String::new()
            } else {
                charts::trend(&charts::Trend {
                    periods: &periods,
                    lines: &[Line::through(
                        name.clone(),
                        points,
                        Stroke::Solid,
                        charts::SERIES,
                        true,
                    )],
                    labelled: &[],
                    decimals,
                    from_zero: true,
                    unit: &unit,
                    suffix: if item.indicator.unit
                        == kesher_domain::measurement::indicator::Unit::Percent
                    {
                        "%"
                    } else {
                        ""
                    },
                    labelled_by: &format!("{id}-caption"),
                })
            },
            collecting: item.collecting.map(|p| {
                page.line(
                    "card-collecting",
                    vec![("period", period_label(page.lang, p).into())],
                )
            }),
            incomplete: (item.incomplete_places > 0).then(|| {
                page.line(
                    "card-incomplete-places",
                    vec![("count", item.incomplete_places.into())],
                )
            }),
            trend: item
                .trend
                .iter()
                .map(|(p, v)| FigureRow {
                    label: period_label(page.lang, *p),
                    value: shown(*v),
                    extra: Vec::new(),
                })
                .collect(),
            places: item
                .places
                .iter()
                .map(|(place, v)| FigureRow {
                    label: place.clone(),
                    value: shown(*v),
                    extra: Vec::new(),
                })
                .collect(),
            latest: item
                .latest
                .map(|p| period_label(page.lang, p))
                .unwrap_or_default(),
            any_hidden: item.trend.iter().any(|(_, v)| v.is_none())
                || item.places.iter().any(|(_, v)| v.is_none()),
            definition: match (english, &item.indicator.definition_en) {
                (true, Some(en)) => Some(en.clone()),
                _ => item.indicator.definition_he.clone(),
            },
            unit,
            name,
            id,
        });
    }
    if sections.is_empty() {
        return Err(CoreError::NotFound.into());
    }
    let privacy = page.line(
        "card-privacy",
        vec![("count", i64::from(card.threshold).into())],
    );
    let commitments = commitments
        .into_iter()
        .map(|c| crate::html::commitments::shown(&page, &[], c))
        .collect();
    render(&PublicPage {
        page,
        initiative_name,
        sections,
        privacy,
        commitments,
    })
}
