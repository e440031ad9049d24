//! The approval workflow of partners' values — a partner submits, the backbone approves or
//! returns with a comment — with each submitted value checked against its place's own
//! history, and who has reported what against what was expected.

use std::collections::{BTreeMap, HashMap, HashSet};

use kesher_domain::measurement::indicator::Aggregation;
use kesher_domain::measurement::indicator::Cell;
use kesher_domain::measurement::period::Period;
use kesher_domain::measurement::quality::{exceeds_parent, is_outlier, robust_score};
use kesher_domain::measurement::values::ValueState;
use kesher_domain::*;
use kesher_store::{DataSource, DataValue, Indicator, ValueFilter, ValueKey};
use serde::Serialize;

use crate::{Caller, CoreError, CoreResult, Kesher};

/// A value waiting for (or back from) review, with what helps judge it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ReviewItem {
    pub value: DataValue,
    pub indicator_code: String,
    pub indicator_name: String,
    pub place_name: String,
    pub source: DataSource,
    /// The place's approved values of the same indicator in earlier periods, oldest first.
    pub history: Vec<f64>,
    /// Flagged when it stands out from that history (robust z-score above 3.5 with four
    /// or more earlier values; more than three times the largest, or under a third of the
    /// smallest, with one to three), or when it exceeds its parent's figure.
    pub outlier: bool,
    pub score: Option<f64>,
    /// For an indicator that adds up: the value is more than its parent place's figure
    /// (the same period's, else the latest before).
    pub exceeds_parent: bool,
}

/// Reporting against expectation for one indicator and period.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Completeness {
    pub indicator_id: IndicatorId,
    pub indicator_code: String,
    pub organization_id: Option<OrganizationId>,
    #[schema(value_type = String)]
    pub period: Period,
    /// Places that reported the period before.
    pub expected: usize,
    /// Of those, the places with a value (in any state) now.
    pub received: usize,
}

impl Kesher {
    /// Values in the given states, for the indicators the caller may enter (the backbone:
    /// all), each with its source and its place's history.
    pub async fn review_items(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        states: &[ValueState],
    ) -> CoreResult<Vec<ReviewItem>> {
        let access = self.require(caller, initiative, |_| true).await?;
        let indicators: Vec<Indicator> = self
            .store
            .indicators(initiative)
            .await?
            .into_iter()
            .filter(|i| !i.is_computed() && access.can_enter_values(i.owner_organization_id))
            .collect();
        if indicators.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<IndicatorId> = indicators.iter().map(|i| i.id).collect();
        let waiting = self
            .store
            .values(&ValueFilter {
                indicator_ids: ids.clone(),
                states: states.to_vec(),
                ..ValueFilter::default()
            })
            .await?;
        if waiting.is_empty() {
            return Ok(Vec::new());
        }
        let places: HashSet<PlaceId> = waiting.iter().map(|v| v.place_id).collect();
        let approved = self
            .store
            .values(&ValueFilter {
                indicator_ids: ids,
                place_ids: places.into_iter().collect(),
                states: vec![ValueState::Approved],
                ..ValueFilter::default()
            })
            .await?;
        let mut history: HashMap<(IndicatorId, PlaceId, Cell), BTreeMap<Period, f64>> =
            HashMap::new();
        for v in approved {
            if let Some(value) = v.value {
                history
                    .entry((v.indicator_id, v.place_id, v.cell))
                    .or_default()
                    .insert(v.period, value);
            }
        }
        let place_names: HashMap<PlaceId, String> = self
            .store
            .places(initiative)
            .await?
            .into_iter()
            .map(|p| (p.id, p.name))
            .collect();
        let mut sources: HashMap<DataSourceId, DataSource> = HashMap::new();
        let mut items = Vec::with_capacity(waiting.len());
        let measurement = self.load_measurement(initiative).await?;
        for value in waiting {
            let Some(indicator) = indicators.iter().find(|i| i.id == value.indicator_id) else {
                continue;
            };
            let earlier: Vec<f64> = history
                .get(&(value.indicator_id, value.place_id, value.cell.clone()))
                .map(|by_period| by_period.range(..value.period).map(|(_, v)| *v).collect())
                .unwrap_or_default();
            let score = value.value.and_then(|v| robust_score(&earlier, v));
            let parent_figure = (indicator.aggregation == Aggregation::Sum)
                .then(|| measurement.place(value.place_id).and_then(|p| p.parent_id))
                .flatten()
                .and_then(|parent| {
                    let figures = measurement.figures(indicator, &value.cell);
                    figures
                        .range(..=value.period)
                        .rev()
                        .find_map(|(_, at)| at.get(&parent).map(|r| r.value))
                });
            let exceeds_parent = value
                .value
                .is_some_and(|v| exceeds_parent(v, parent_figure));
            let outlier = exceeds_parent || value.value.is_some_and(|v| is_outlier(&earlier, v));
            let source = match sources.get(&value.source_id) {
                Some(source) => source.clone(),
                None => {
                    let source = self.store.data_source(value.source_id).await?;
                    sources.insert(value.source_id, source.clone());
                    source
                }
            };
            items.push(ReviewItem {
                indicator_code: indicator.code.clone(),
                indicator_name: indicator.name_he.clone(),
                place_name: place_names
                    .get(&value.place_id)
                    .cloned()
                    .unwrap_or_default(),
                source,
                history: earlier,
                outlier,
                score,
                exceeds_parent,
                value,
            });
        }
        Ok(items)
    }

    /// A partner sends drafts (or returned values, once fixed) to the backbone.
    pub async fn submit_values(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        keys: &[ValueKey],
    ) -> CoreResult<u64> {
        let access = self.require(caller, initiative, |_| true).await?;
        let indicators = self.store.indicators(initiative).await?;
        for key in keys {
            let indicator = indicators
                .iter()
                .find(|i| i.id == key.indicator_id)
                .ok_or(CoreError::NotFound)?;
            if !access.can_enter_values(indicator.owner_organization_id) {
                return Err(CoreError::Forbidden);
            }
        }
        Ok(self
            .store
            .change_value_state(
                caller.actor(),
                initiative,
                keys,
                &[ValueState::Draft, ValueState::Returned],
                ValueState::Submitted,
                None,
            )
            .await?)
    }

    /// The backbone approves submitted values, or returns them with a comment saying why.
    pub async fn review_values(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        keys: &[ValueKey],
        approve: bool,
        comment: &str,
    ) -> CoreResult<u64> {
        self.require(caller, initiative, |a| a.can_manage_measurement())
            .await?;
        if keys.is_empty() {
            return Err(CoreError::invalid("values", Invalid::Required));
        }
        let comment = kesher_domain::text::optional_line(comment, kesher_domain::text::LINE_MAX)
            .map_err(|problem| CoreError::invalid("comment", problem))?;
        if !approve && comment.is_none() {
            return Err(CoreError::invalid("comment", Invalid::Required));
        }
        let (to, note) = if approve {
            (ValueState::Approved, None)
        } else {
            (ValueState::Returned, comment.as_deref())
        };
        let changed = self
            .store
            .change_value_state(
                caller.actor(),
                initiative,
                keys,
                &[ValueState::Submitted],
                to,
                note,
            )
            .await?;
        if !approve && changed > 0 {
            // The values are returned whatever becomes of the message: a failure to tell
            // is logged, never turned into a failed return.
            if let Err(error) = self
                .tell_of_return(initiative, keys, note.unwrap_or_default())
                .await
            {
                tracing::warn!(%error, initiative = initiative.get(), "return not notified");
            }
        }
        Ok(changed)
    }

    /// Tells the partner editors of each organization whose values came back: one message
    /// a person, however many values and indicators the return held.
    async fn tell_of_return(
        &self,
        initiative: InitiativeId,
        keys: &[ValueKey],
        comment: &str,
    ) -> CoreResult<()> {
        let indicators = self.store.indicators(initiative).await?;
        // Per organization: how many values, and the indicators' names in each language.
        let mut by_organization: BTreeMap<OrganizationId, (usize, Vec<&Indicator>)> =
            BTreeMap::new();
        for key in keys {
            let Some(indicator) = indicators.iter().find(|i| i.id == key.indicator_id) else {
                continue;
            };
            let Some(owner) = indicator.owner_organization_id else {
                continue;
            };
            let entry = by_organization.entry(owner).or_default();
            entry.0 += 1;
            if !entry.1.iter().any(|i| i.id == indicator.id) {
                entry.1.push(indicator);
            }
        }
        let grants = self.store.roles_in_initiative(initiative).await?;
        let mut told: Vec<UserId> = Vec::new();
        for (organization, (count, returned)) in by_organization {
            for grant in grants.iter().filter(|g| {
                g.role == kesher_domain::access::Role::PartnerEditor
                    && g.organization_id == Some(organization)
            }) {
                if told.contains(&grant.user_id) {
                    continue;
                }
                told.push(grant.user_id);
                let user = self.store.user(grant.user_id).await?;
                let names = |english: bool| {
                    returned
                        .iter()
                        .map(|i| i.name_in(english))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                self.notify(
                    &user,
                    Some(initiative),
                    "value_returned",
                    |lang| {
                        lang.t_with(
                            "notify-value-returned",
                            &[
                                ("count", kesher_i18n::Arg::from(count)),
                                (
                                    "indicator",
                                    kesher_i18n::Arg::Text(names(lang == kesher_i18n::Lang::En)),
                                ),
                                ("comment", kesher_i18n::Arg::Text(comment.to_string())),
                            ],
                        )
                    },
                    format!("/initiatives/{initiative}/measurement/report"),
                )
                .await?;
            }
        }
        Ok(())
    }

    /// For every indicator a partner reports: in its latest period, how many of the places
    /// that reported the period before have reported again.
    pub async fn completeness(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<Completeness>> {
        self.require(caller, initiative, |a| a.can_manage_measurement())
            .await?;
        let indicators: Vec<Indicator> = self
            .store
            .indicators(initiative)
            .await?
            .into_iter()
            .filter(|i| !i.is_computed() && i.owner_organization_id.is_some())
            .collect();
        let mut out = Vec::new();
        for indicator in indicators {
            let periods = self.store.value_periods(indicator.id).await?;
            let Some(latest) = periods.last().copied() else {
                continue;
            };
            let values = self
                .store
                .values(&ValueFilter {
                    indicator_ids: vec![indicator.id],
                    totals_only: true,
                    ..ValueFilter::default()
                })
                .await?;
            let places_in = |period: Period| -> HashSet<PlaceId> {
                values
                    .iter()
                    .filter(|v| v.period == period)
                    .map(|v| v.place_id)
                    .collect()
            };
            let now = places_in(latest);
            let before = periods
                .iter()
                .rev()
                .nth(1)
                .map(|p| places_in(*p))
                .unwrap_or_else(|| now.clone());
            out.push(Completeness {
                indicator_id: indicator.id,
                indicator_code: indicator.code.clone(),
                organization_id: indicator.owner_organization_id,
                period: latest,
                expected: before.len(),
                received: before.intersection(&now).count(),
            });
        }
        Ok(out)
    }
}
