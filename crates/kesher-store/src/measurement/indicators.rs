//! Indicators and the targets they aim at.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kesher_domain::measurement::coverage::Expected;
use kesher_domain::measurement::indicator::{
    Aggregation, Axis, Direction, Frequency, IndicatorInput, IndicatorKind, Unit,
};
use kesher_domain::measurement::period::{Period, PeriodKind};
use kesher_domain::measurement::values::TargetInput;
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Actor, StoreResult};

/// A target an indicator aims at for one period.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct Target {
    pub id: TargetId,
    pub indicator_id: IndicatorId,
    #[schema(value_type = String)]
    pub period: Period,
    pub value: Option<f64>,
    /// The place whose value the target follows (the national average).
    pub benchmark_place_id: Option<PlaceId>,
    pub note: Option<String>,
}

/// An indicator with its targets, earliest first.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct Indicator {
    pub id: IndicatorId,
    pub initiative_id: InitiativeId,
    pub code: String,
    pub name_he: String,
    pub name_en: Option<String>,
    pub definition_he: Option<String>,
    pub definition_en: Option<String>,
    pub unit: Unit,
    pub direction: Direction,
    pub kind: IndicatorKind,
    pub scale_max: Option<i64>,
    pub axis: Axis,
    pub result_node_id: Option<ResultNodeId>,
    pub data_source: Option<String>,
    pub frequency: Frequency,
    pub period_kind: PeriodKind,
    pub owner_organization_id: Option<OrganizationId>,
    pub aggregation: Aggregation,
    pub weight_code: Option<String>,
    pub formula: Option<String>,
    pub population_code: Option<String>,
    pub decimals: u8,
    pub breakdowns: Vec<String>,
    pub valid_min: Option<f64>,
    pub valid_max: Option<f64>,
    #[schema(value_type = Option<String>)]
    pub baseline_period: Option<Period>,
    pub baseline_value: Option<f64>,
    /// Which places are expected to report: `previous_period`, `all_schools`, `place_group`.
    pub coverage_expected: Expected,
    pub coverage_group_id: Option<PlaceGroupId>,
    /// In percent: below it a period is provisional.
    pub coverage_threshold: f64,
    /// A change no larger than this is no real change; `None`: 1% of the baseline.
    pub no_change_band: Option<f64>,
    pub targets: Vec<Target>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Indicator {
    /// The name in the user's language (Hebrew when there is no English one).
    pub fn name_in(&self, english: bool) -> &str {
        match (&self.name_en, english) {
            (Some(name), true) => name,
            _ => &self.name_he,
        }
    }

    pub fn is_computed(&self) -> bool {
        self.formula.is_some()
    }
}

/// The indicators of an initiative, each with its targets.
#[async_trait]
pub trait IndicatorStore: Send + Sync {
    /// Refused with `Conflict::IndicatorCodeTaken` when the initiative already has the code.
    async fn create_indicator(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &IndicatorInput,
    ) -> StoreResult<Indicator>;
    async fn update_indicator(
        &self,
        actor: Actor,
        id: IndicatorId,
        input: &IndicatorInput,
    ) -> StoreResult<Indicator>;
    /// Deletes the indicator with its targets and values. The audit entry's "before" keeps
    /// the indicator, every value and every earlier reading (see [`crate::DELETED_VALUE_COLUMNS`]).
    /// Refusing it while formulas read it is the core's job.
    async fn delete_indicator(&self, actor: Actor, id: IndicatorId) -> StoreResult<()>;
    /// How many values (of any state, every place, period and cell) the indicator holds.
    async fn count_indicator_values(&self, id: IndicatorId) -> StoreResult<u64>;
    async fn indicator(&self, id: IndicatorId) -> StoreResult<Indicator>;
    /// In code order.
    async fn indicators(&self, initiative: InitiativeId) -> StoreResult<Vec<Indicator>>;
    /// Adds the target for its period, or replaces the one there.
    async fn set_target(
        &self,
        actor: Actor,
        indicator: IndicatorId,
        input: &TargetInput,
    ) -> StoreResult<Indicator>;
    async fn delete_target(&self, actor: Actor, id: TargetId) -> StoreResult<Indicator>;
}
