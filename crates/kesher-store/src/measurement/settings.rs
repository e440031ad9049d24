//! The initiative-wide measurement settings.

use async_trait::async_trait;
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Actor, StoreResult};

/// An initiative's measurement settings that are not about one indicator.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, ToSchema)]
pub struct MeasurementSettings {
    /// In percent: the share of improving indicators that makes the proof point.
    pub proof_point_threshold: f64,
}

/// The initiative-wide measurement settings.
#[async_trait]
pub trait MeasurementSettingsStore: Send + Sync {
    /// The settings, or the defaults when none were saved.
    async fn measurement_settings(
        &self,
        initiative: InitiativeId,
    ) -> StoreResult<MeasurementSettings>;
    async fn save_measurement_settings(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        settings: &MeasurementSettings,
    ) -> StoreResult<MeasurementSettings>;
}
