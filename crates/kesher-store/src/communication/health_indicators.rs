//! Indicators that follow a health figure of a body, computed from the meetings' record.

use async_trait::async_trait;
use kesher_domain::health::HealthMeasure;
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Actor, StoreResult};

/// An indicator fed by a body's health figure, for one place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct HealthIndicator {
    pub indicator_id: IndicatorId,
    pub measure: HealthMeasure,
    pub body_id: BodyId,
    pub place_id: PlaceId,
}

/// The links between indicators and health figures. The indicator, the body and the place
/// must be of one initiative (`Conflict::WrongInitiative`); an indicator follows one
/// figure (linking it again replaces the link).
#[async_trait]
pub trait HealthIndicatorStore: Send + Sync {
    async fn link_health_indicator(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        link: &HealthIndicator,
    ) -> StoreResult<HealthIndicator>;
    /// The initiative's links, by indicator.
    async fn health_indicators(
        &self,
        initiative: InitiativeId,
    ) -> StoreResult<Vec<HealthIndicator>>;
    /// The indicator stops following its figure; the values it has keep their history.
    async fn unlink_health_indicator(
        &self,
        actor: Actor,
        indicator: IndicatorId,
    ) -> StoreResult<()>;
}
