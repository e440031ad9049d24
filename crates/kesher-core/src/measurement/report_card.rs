//! The public report card: the indicators the backbone chooses, readable by anyone with the
//! card's address, with every figure built from fewer than N people hidden — and any figure
//! from which a hidden one could be worked back hidden too.

use kesher_domain::measurement::indicator::{Cell, Unit};
use kesher_domain::measurement::period::Period;
use kesher_domain::measurement::quality::{DEFAULT_SMALL_CELL, suppressed};
use kesher_domain::*;
use kesher_store::{Indicator, ReportCard, ReportCardInput};
use serde::Deserialize;

use super::picture::{ALL_PLACES, Figures};
use crate::{Caller, CoreError, CoreResult, Kesher};

/// The report card as the settings form sends it.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReportCardForm {
    pub title: String,
    /// Indicator codes, one per ticked box.
    pub indicators: Vec<String>,
    pub threshold: String,
    /// `on` when published.
    pub published: String,
}

/// A figure on the public card; `None` when hidden to protect a small group.
pub type Shown = Option<f64>;

/// One indicator on the public card.
#[derive(Clone, Debug)]
pub struct PublicIndicator {
    pub indicator: Indicator,
    /// The whole initiative, period by period.
    pub trend: Vec<(Period, Shown)>,
    /// The places at the top of the hierarchy, in the latest period.
    pub places: Vec<(String, Shown)>,
    /// Places left out of that list because too few of their own places have reported.
    pub incomplete_places: usize,
    pub latest: Option<Period>,
    /// A newer period still being collected: never published, only named.
    pub collecting: Option<Period>,
}

/// The public card with its figures.
#[derive(Clone, Debug)]
pub struct PublicCard {
    pub card: ReportCard,
    pub initiative_name: String,
    pub indicators: Vec<PublicIndicator>,
    /// The partners' commitments they made public, soonest due first.
    pub commitments: Vec<kesher_store::Commitment>,
}

/// How many people a figure at `place` in `period` is built from, when the indicator
/// counts people: its population indicator's figure, or its own when it is itself a count
/// of people.
fn people(
    indicator: &Indicator,
    population: Option<&Figures>,
    own: &Figures,
    place: PlaceId,
    period: Period,
) -> Option<f64> {
    let figures = match (population, indicator.unit) {
        (Some(p), _) => p,
        (None, Unit::Count) if indicator.population_code.is_none() => own,
        _ => return None,
    };
    figures
        .get(&period)
        .and_then(|at| at.get(&place))
        .map(|r| r.value)
}

impl Kesher {
    /// The card's settings (backbone).
    pub async fn report_card_settings(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Option<ReportCard>> {
        self.require(caller, initiative, |a| a.can_manage_measurement())
            .await?;
        Ok(self.store.report_card(initiative).await?)
    }

    /// Saves the card; the first save gives it its unguessable address.
    pub async fn save_report_card(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &ReportCardForm,
    ) -> CoreResult<ReportCard> {
        self.require(caller, initiative, |a| a.can_manage_measurement())
            .await?;
        let mut problems = Vec::new();
        let title = kesher_domain::text::Name::parse(&form.title)
            .map_err(|p| problems.push(FieldError::new("title", p)))
            .ok();
        let threshold = match form.threshold.trim() {
            "" => Some(DEFAULT_SMALL_CELL),
            raw => match raw.parse::<u32>() {
                Ok(n) if (1..=1000).contains(&n) => Some(n),
                _ => {
                    problems.push(FieldError::new(
                        "threshold",
                        Invalid::Range { min: 1, max: 1000 },
                    ));
                    None
                }
            },
        };
        let known = self.store.indicators(initiative).await?;
        if form
            .indicators
            .iter()
            .any(|code| !known.iter().any(|i| &i.code == code))
        {
            problems.push(FieldError::new("indicators", Invalid::Choice));
        }
        let published = form.published == "on";
        if published && form.indicators.is_empty() {
            problems.push(FieldError::new("indicators", Invalid::Required));
        }
        let (Some(title), Some(threshold)) = (title, threshold) else {
            return Err(CoreError::Invalid(problems));
        };
        if !problems.is_empty() {
            return Err(CoreError::Invalid(problems));
        }
        let slug = match self.store.report_card(initiative).await? {
            Some(card) => card.slug,
            // 32 random bytes; the address is the card's only key, so it must not be guessable.
            None => crate::accounts::Secret::generate("").expose().to_string(),
        };
        Ok(self
            .store
            .save_report_card(
                caller.actor(),
                initiative,
                &slug,
                &ReportCardInput {
                    title: title.as_str().to_string(),
                    indicators: form.indicators.clone(),
                    threshold,
                    published,
                },
            )
            .await?)
    }

    /// The published card at `slug`, for anyone: no account is needed, and an unpublished or
    /// unknown card is not found.
    pub async fn public_report_card(&self, slug: &str) -> CoreResult<PublicCard> {
        let card = self
            .store
            .report_card_by_slug(slug)
            .await?
            .filter(|c| c.published)
            .ok_or(CoreError::NotFound)?;
        let initiative = self.store.initiative(card.initiative_id).await?;
        let measurement = self.load_measurement(card.initiative_id).await?;
        let mut indicators = Vec::new();
        for code in &card.indicators {
            let Some(indicator) = measurement.indicator_by_code(code).cloned() else {
                continue;
            };
            let own = measurement.figures(&indicator, &Cell::total());
            let population = indicator
                .population_code
                .as_deref()
                .and_then(|c| measurement.indicator_by_code(c))
                .map(|p| measurement.figures(p, &Cell::total()));
            let count =
                |place, period| people(&indicator, population.as_deref(), &own, place, period);
            let small = |n: Option<f64>| n.is_some_and(|n| n < f64::from(card.threshold));
            let coverage = measurement.coverage(&indicator);
            // Only periods complete enough to lead with are published, at the whole
            // initiative and at each place listed.
            let complete = |place: PlaceId, period: &Period| {
                coverage
                    .get(period)
                    .and_then(|c| c.get(&place))
                    .is_none_or(|c| c.meets(indicator.coverage_threshold))
            };
            let trend: Vec<(Period, Shown)> = own
                .iter()
                .filter(|(period, _)| complete(ALL_PLACES, period))
                .filter_map(|(period, at)| {
                    at.get(&ALL_PLACES).map(|r| {
                        let hidden = small(count(ALL_PLACES, *period));
                        (*period, (!hidden).then_some(r.value))
                    })
                })
                .collect();
            let latest = trend.last().map(|(p, _)| *p);
            let collecting = own
                .iter()
                .rev()
                .find(|(period, at)| at.contains_key(&ALL_PLACES) && !complete(ALL_PLACES, period))
                .map(|(period, _)| *period)
                .filter(|period| latest.is_none_or(|l| *period > l));
            let mut places = Vec::new();
            let mut incomplete_places = 0;
            if let Some(period) = latest {
                let at = &own[&period];
                let top: Vec<_> = measurement
                    .children(ALL_PLACES)
                    .into_iter()
                    .filter_map(|p| at.get(&p.id).map(|r| (p, r.value)))
                    .filter(|(p, _)| {
                        let whole = complete(p.id, &period);
                        incomplete_places += usize::from(!whole);
                        whole
                    })
                    .collect();
                let counts: Vec<Option<f64>> =
                    top.iter().map(|(p, _)| count(p.id, period)).collect();
                let total_shown = trend.last().and_then(|(_, v)| *v).is_some();
                let hidden = suppressed(
                    &counts,
                    if total_shown {
                        count(ALL_PLACES, period)
                    } else {
                        Some(0.0)
                    },
                    card.threshold,
                );
                places = top
                    .into_iter()
                    .zip(hidden)
                    .map(|((place, value), hide)| (place.name.clone(), (!hide).then_some(value)))
                    .collect();
            }
            indicators.push(PublicIndicator {
                indicator,
                trend,
                places,
                incomplete_places,
                latest,
                collecting,
            });
        }
        let commitments = self.public_commitments(card.initiative_id).await?;
        Ok(PublicCard {
            card,
            initiative_name: initiative.name,
            indicators,
            commitments,
        })
    }
}
