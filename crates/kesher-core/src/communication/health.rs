//! The health of the collaboration, per body, from the meetings whose attendance was
//! recorded; and the indicators that follow one of its figures, whose values Kesher
//! computes from the meeting record period by period.

use std::collections::HashMap;

use kesher_domain::health::{
    BodyHealth, HealthMeasure, HeldMeeting, Seat, body_health, measure_by_period,
};
use kesher_domain::measurement::indicator::{Cell, Unit};
use kesher_domain::measurement::values::{SourceKind, ValueState};
use kesher_domain::*;
use kesher_store::{
    ActionItem, ActionItemFilter, Actor, Body, HealthIndicator, NewSource, NewValue,
    OrganizationFilter, ValueFilter,
};
use serde::Deserialize;

use crate::error::choice_of;
use crate::{Caller, CoreError, CoreResult, Kesher};

/// Linking an indicator to a health figure, as typed.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct HealthIndicatorForm {
    #[serde(deserialize_with = "kesher_domain::lenient::integer")]
    #[schema(value_type = i64)]
    #[schema(required = true)]
    pub indicator_id: String,
    #[serde(deserialize_with = "kesher_domain::lenient::text")]
    #[schema(value_type = HealthMeasure)]
    #[schema(required = true)]
    pub measure: String,
    #[serde(deserialize_with = "kesher_domain::lenient::integer")]
    #[schema(value_type = i64)]
    #[schema(required = true)]
    pub body_id: String,
    /// The place the values are written for (the initiative's own, usually its city).
    #[serde(deserialize_with = "kesher_domain::lenient::integer")]
    #[schema(value_type = i64)]
    #[schema(required = true)]
    pub place_id: String,
}

impl HealthIndicatorForm {
    fn parse(&self) -> Result<HealthIndicator, Vec<FieldError>> {
        let mut c = kesher_domain::validation::Checker::new();
        let id = |raw: &str| {
            kesher_domain::lenient::optional_id(raw).and_then(|v| v.ok_or(Invalid::Required))
        };
        let indicator = c.check("indicator_id", id(&self.indicator_id));
        let measure = c.check("measure", HealthMeasure::parse(&self.measure));
        let body = c.check("body_id", id(&self.body_id));
        let place = c.check("place_id", id(&self.place_id));
        match (indicator, measure, body, place) {
            (Some(indicator), Some(measure), Some(body), Some(place)) => Ok(HealthIndicator {
                indicator_id: IndicatorId::new(indicator),
                measure,
                body_id: BodyId::new(body),
                place_id: PlaceId::new(place),
            }),
            _ => Err(c.into_errors()),
        }
    }
}

impl Kesher {
    /// A body's meetings whose attendance was recorded, as the health arithmetic reads
    /// them.
    async fn held_meetings(
        &self,
        body: BodyId,
        sectors: &HashMap<OrganizationId, kesher_domain::network::Sector>,
        actions: &[ActionItem],
    ) -> CoreResult<Vec<HeldMeeting>> {
        Ok(self
            .store
            .meetings_of_body(body)
            .await?
            .into_iter()
            .filter(|m| m.attendance_recorded_at.is_some())
            .map(|m| HeldMeeting {
                number: m.number,
                starts_at: m.starts_at,
                covered: m.agenda.iter().map(|i| i.covered).collect(),
                actions_done_at: actions
                    .iter()
                    .filter(|a| a.meeting_id == m.id)
                    .map(|a| a.done_at)
                    .collect(),
                seats: m
                    .invitees
                    .iter()
                    .filter_map(|i| {
                        Some(Seat {
                            person: i.person_id,
                            invited: i.invited,
                            attended: i.attended == Some(true),
                            sector: *sectors.get(&i.organization_id)?,
                        })
                    })
                    .collect(),
            })
            .collect())
    }

    async fn sectors_and_actions(
        &self,
        initiative: InitiativeId,
    ) -> CoreResult<(
        HashMap<OrganizationId, kesher_domain::network::Sector>,
        Vec<ActionItem>,
    )> {
        let sectors = self
            .store
            .list_organizations(initiative, &OrganizationFilter::default())
            .await?
            .into_iter()
            .map(|o| (o.id, o.sector))
            .collect();
        let actions = self
            .store
            .action_items(initiative, &ActionItemFilter::default())
            .await?;
        Ok((sectors, actions))
    }

    /// Each body of the initiative with its health figures, in the bodies' order.
    pub async fn collaboration_health(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<(Body, BodyHealth)>> {
        self.require(caller, initiative, |_| true).await?;
        let (sectors, actions) = self.sectors_and_actions(initiative).await?;
        let now = chrono::Utc::now()
            .with_timezone(&chrono_tz::Asia::Jerusalem)
            .naive_local();
        let mut out = Vec::new();
        for body in self.store.list_bodies(initiative).await? {
            let held = self.held_meetings(body.id, &sectors, &actions).await?;
            let health = body_health(&held, &body.cadence, now);
            out.push((body, health));
        }
        Ok(out)
    }

    /// The indicators that follow a health figure.
    pub async fn health_indicators(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<HealthIndicator>> {
        self.require(caller, initiative, |_| true).await?;
        Ok(self.store.health_indicators(initiative).await?)
    }

    /// Makes an indicator follow a body's health figure (backbone), and writes its values
    /// from the meetings held so far.
    pub async fn link_health_indicator(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &HealthIndicatorForm,
    ) -> CoreResult<HealthIndicator> {
        self.require(caller, initiative, |a| a.can_manage_measurement())
            .await?;
        let link = form.parse().map_err(CoreError::Invalid)?;
        let linked = self
            .store
            .link_health_indicator(caller.actor(), initiative, &link)
            .await
            .map_err(choice_of("indicator_id"))?;
        self.refresh_health_indicators(initiative).await?;
        Ok(linked)
    }

    /// The indicator stops following its figure; its values stay.
    pub async fn unlink_health_indicator(
        &self,
        caller: &Caller,
        indicator: IndicatorId,
    ) -> CoreResult<()> {
        let found = self.store.indicator(indicator).await?;
        self.require(caller, found.initiative_id, |a| a.can_manage_measurement())
            .await?;
        Ok(self
            .store
            .unlink_health_indicator(caller.actor(), indicator)
            .await?)
    }

    /// Writes the values of every indicator that follows a health figure, period by
    /// period, from the meeting record: only those that changed, as one source, approved
    /// (Kesher computed them; nobody reports them). A period whose meetings no longer
    /// measure anything keeps its last value and history.
    pub async fn refresh_health_indicators(&self, initiative: InitiativeId) -> CoreResult<()> {
        let links = self.store.health_indicators(initiative).await?;
        if links.is_empty() {
            return Ok(());
        }
        let (sectors, actions) = self.sectors_and_actions(initiative).await?;
        let mut values = Vec::new();
        for link in links {
            let indicator = self.store.indicator(link.indicator_id).await?;
            let held = self.held_meetings(link.body_id, &sectors, &actions).await?;
            let scale = if indicator.unit == Unit::Percent {
                100.0
            } else {
                1.0
            };
            let current = self
                .store
                .values(&ValueFilter {
                    indicator_ids: vec![indicator.id],
                    place_ids: vec![link.place_id],
                    totals_only: true,
                    ..Default::default()
                })
                .await?;
            for (period, share) in measure_by_period(&held, link.measure, indicator.period_kind) {
                let figure = share.rate() * scale;
                let same = current.iter().any(|v| {
                    v.period == period && v.value.is_some_and(|x| (x - figure).abs() < 1e-9)
                });
                if !same {
                    values.push(NewValue {
                        indicator_id: indicator.id,
                        place_id: link.place_id,
                        period,
                        cell: Cell::total(),
                        value: Some(figure),
                        missing: None,
                        note: None,
                    });
                }
            }
        }
        if values.is_empty() {
            return Ok(());
        }
        self.store
            .write_values(
                Actor::system(),
                initiative,
                &NewSource {
                    kind: SourceKind::Meetings,
                    name: "תיעוד הפגישות".into(),
                },
                &[],
                &values,
                ValueState::Approved,
            )
            .await?;
        Ok(())
    }

    /// After a change to a meeting's record: the indicators that follow a health figure
    /// are brought up to date. The change itself is already saved; if this fails it is
    /// logged, and the next change (or linking again) writes the figures.
    pub(crate) async fn meeting_record_changed(&self, initiative: InitiativeId) {
        if let Err(error) = self.refresh_health_indicators(initiative).await {
            tracing::warn!(%error, initiative = initiative.get(), "the health indicators could not be brought up to date");
        }
    }
}
