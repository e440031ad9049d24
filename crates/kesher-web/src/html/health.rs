//! The health of the collaboration: per body, the meetings held, who of the invited came,
//! who came back, action items done in time, the agenda covered and the sectors at the
//! table, each figure with the counts behind it; and the indicators that follow a figure.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use kesher_core::communication::health::HealthIndicatorForm;
use kesher_domain::health::{BodyHealth, HealthMeasure, Share};
use kesher_domain::{IndicatorId, InitiativeId};
use kesher_store::Body;

use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, NoFields, Params};
use crate::html::{Choice, answer_form, choices, frame, render, saved};
use crate::page::{Page, Section};

/// An indicator that follows a figure, as the page lists it.
struct FollowRow {
    indicator_id: IndicatorId,
    indicator: String,
    measure: HealthMeasure,
    body: String,
    place: String,
}

#[derive(Template)]
#[template(path = "health.html")]
struct HealthPage {
    page: Page,
    initiative_id: InitiativeId,
    bodies: Vec<(Body, BodyHealth)>,
    follows: Vec<FollowRow>,
    can_link: bool,
    indicators: Vec<Choice>,
    measures: Vec<Choice>,
    body_choices: Vec<Choice>,
    places: Vec<Choice>,
    errors: FormErrors,
}

impl HealthPage {
    /// "77% (10 of 13)", or a dash with nothing to measure.
    fn share(&self, share: &Option<Share>) -> String {
        match share {
            Some(s) => self.page.line(
                "health-share",
                vec![
                    ("percent", format!("{:.0}", s.rate() * 100.0).into()),
                    ("part", s.part.to_string().into()),
                    ("whole", s.whole.to_string().into()),
                ],
            ),
            None => "—".into(),
        }
    }

    fn sectors(&self, health: &BodyHealth) -> String {
        if health.sectors.is_empty() {
            return "—".into();
        }
        health
            .sectors
            .iter()
            .map(|s| self.page.t(s.label_id()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

async fn health_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    errors: FormErrors,
) -> Result<HealthPage, AppError> {
    let caller = ctx.caller()?;
    let f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Bodies,
        "health-title",
    )
    .await?;
    let bodies = state.kesher.collaboration_health(caller, id).await?;
    let (indicators, _) = state.kesher.indicators(caller, id).await?;
    let (places, _) = state.kesher.places(caller, id).await?;
    let english = ctx.lang == kesher_i18n::Lang::En;
    let follows = state
        .kesher
        .health_indicators(caller, id)
        .await?
        .into_iter()
        .map(|l| FollowRow {
            indicator_id: l.indicator_id,
            indicator: indicators
                .iter()
                .find(|i| i.id == l.indicator_id)
                .map(|i| i.name_in(english).to_string())
                .unwrap_or_default(),
            measure: l.measure,
            body: bodies
                .iter()
                .find(|(b, _)| b.id == l.body_id)
                .map(|(b, _)| b.name.clone())
                .unwrap_or_default(),
            place: places
                .iter()
                .find(|p| p.id == l.place_id)
                .map(|p| p.name.clone())
                .unwrap_or_default(),
        })
        .collect();
    // The places an initiative's own figure belongs to: its upper levels, not schools.
    let place_choices = places
        .iter()
        .filter(|p| p.kind != kesher_domain::measurement::place::PlaceKind::School)
        .map(|p| Choice {
            value: p.id.to_string(),
            label: p.name.clone(),
        })
        .collect();
    Ok(HealthPage {
        can_link: f.access.can_manage_measurement(),
        indicators: indicators
            .iter()
            .map(|i| Choice {
                value: i.id.to_string(),
                label: i.name_in(english).to_string(),
            })
            .collect(),
        measures: choices(
            &f.page,
            HealthMeasure::ALL,
            HealthMeasure::code,
            HealthMeasure::label_id,
        ),
        body_choices: bodies
            .iter()
            .map(|(b, _)| Choice {
                value: b.id.to_string(),
                label: b.name.clone(),
            })
            .collect(),
        places: place_choices,
        page: f.page,
        initiative_id: id,
        bodies,
        follows,
        errors,
    })
}

/// `GET /initiatives/{id}/health`
pub async fn show_health(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    render(&health_page(&state, &ctx, id, FormErrors::default()).await?)
}

/// `POST /initiatives/{id}/health/indicators` (backbone): an indicator follows a figure.
pub async fn link_indicator(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(form): CsrfForm<HealthIndicatorForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let outcome = state.kesher.link_health_indicator(caller, id, &form).await;
    answer_form(
        &ctx,
        outcome,
        |_| format!("/initiatives/{id}/health#follows"),
        "flash-health-indicator-linked",
        &[
            ("indicator_id", "health-follow-indicator"),
            ("measure", "health-follow-measure"),
            ("body_id", "field-body"),
            ("place_id", "health-follow-place"),
        ],
        |errors| health_page(&state, &ctx, id, errors),
    )
    .await
}

/// `POST /initiatives/{id}/health/indicators/{indicator}/unlink` (backbone)
pub async fn unlink_indicator(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, indicator)): Params<(InitiativeId, IndicatorId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let found = state
        .kesher
        .health_indicators(caller, id)
        .await?
        .into_iter()
        .any(|l| l.indicator_id == indicator);
    if !found {
        return Err(kesher_core::CoreError::NotFound.into());
    }
    state
        .kesher
        .unlink_health_indicator(caller, indicator)
        .await?;
    Ok(saved(
        &ctx,
        &format!("/initiatives/{id}/health#follows"),
        "flash-health-indicator-unlinked",
    ))
}
