//! The API's view of shared measurement: places, groups, indicators with their targets, values
//! and what a write of values did. Each type mirrors its record field by field today; it is
//! its own type so that a change in storage cannot change `/api/v1` unseen.

use chrono::{DateTime, Utc};
use kesher_domain::measurement::coverage::Expected;
use kesher_domain::measurement::indicator::*;
use kesher_domain::measurement::period::*;
use kesher_domain::measurement::place::*;
use kesher_domain::measurement::values::*;
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

/// A place: the country, a district, an authority, a school.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Place {
    pub id: PlaceId,
    pub initiative_id: InitiativeId,
    pub parent_id: Option<PlaceId>,
    pub kind: PlaceKind,
    /// סמל מוסד for a school, the CBS code for an authority.
    pub code: Option<String>,
    pub name: String,
    pub attributes: PlaceAttributes,
}

impl From<kesher_store::Place> for Place {
    fn from(record: kesher_store::Place) -> Self {
        Self {
            id: record.id,
            initiative_id: record.initiative_id,
            parent_id: record.parent_id,
            kind: record.kind,
            code: record.code,
            name: record.name,
            attributes: record.attributes,
        }
    }
}

/// A named group of places.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PlaceGroup {
    pub id: PlaceGroupId,
    pub initiative_id: InitiativeId,
    pub name: String,
    pub place_ids: Vec<PlaceId>,
}

impl From<kesher_store::PlaceGroup> for PlaceGroup {
    fn from(record: kesher_store::PlaceGroup) -> Self {
        Self {
            id: record.id,
            initiative_id: record.initiative_id,
            name: record.name,
            place_ids: record.place_ids,
        }
    }
}

/// A target an indicator aims at for one period.
#[derive(Clone, Debug, Serialize, ToSchema)]
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

impl From<kesher_store::Target> for Target {
    fn from(record: kesher_store::Target) -> Self {
        Self {
            id: record.id,
            indicator_id: record.indicator_id,
            period: record.period,
            value: record.value,
            benchmark_place_id: record.benchmark_place_id,
            note: record.note,
        }
    }
}

/// An indicator with its targets, earliest first.
#[derive(Clone, Debug, Serialize, ToSchema)]
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

impl From<kesher_store::Indicator> for Indicator {
    fn from(record: kesher_store::Indicator) -> Self {
        Self {
            id: record.id,
            initiative_id: record.initiative_id,
            code: record.code,
            name_he: record.name_he,
            name_en: record.name_en,
            definition_he: record.definition_he,
            definition_en: record.definition_en,
            unit: record.unit,
            direction: record.direction,
            kind: record.kind,
            scale_max: record.scale_max,
            axis: record.axis,
            result_node_id: record.result_node_id,
            data_source: record.data_source,
            frequency: record.frequency,
            period_kind: record.period_kind,
            owner_organization_id: record.owner_organization_id,
            aggregation: record.aggregation,
            weight_code: record.weight_code,
            formula: record.formula,
            population_code: record.population_code,
            decimals: record.decimals,
            breakdowns: record.breakdowns,
            valid_min: record.valid_min,
            valid_max: record.valid_max,
            baseline_period: record.baseline_period,
            baseline_value: record.baseline_value,
            coverage_expected: record.coverage_expected,
            coverage_group_id: record.coverage_group_id,
            coverage_threshold: record.coverage_threshold,
            no_change_band: record.no_change_band,
            targets: record.targets.into_iter().map(Into::into).collect(),
            created_at: record.created_at,
            updated_at: record.updated_at,
        }
    }
}

/// A stored value.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct DataValue {
    pub indicator_id: IndicatorId,
    pub place_id: PlaceId,
    #[schema(value_type = String)]
    pub period: Period,
    /// The breakdown cell (`gender=female`), empty for the total.
    #[schema(value_type = String)]
    pub cell: Cell,
    pub value: Option<f64>,
    pub missing: Option<MissingReason>,
    /// The reason for a missing value, or the backbone's comment on a returned one.
    pub note: Option<String>,
    pub state: ValueState,
    pub source_id: DataSourceId,
}

impl From<kesher_store::DataValue> for DataValue {
    fn from(record: kesher_store::DataValue) -> Self {
        Self {
            indicator_id: record.indicator_id,
            place_id: record.place_id,
            period: record.period,
            cell: record.cell,
            value: record.value,
            missing: record.missing,
            note: record.note,
            state: record.state,
            source_id: record.source_id,
        }
    }
}

/// What a write of values did.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ValueWriteOutcome {
    pub source_id: DataSourceId,
    pub added: u64,
    pub changed: u64,
    pub unchanged: u64,
}

impl From<kesher_store::ValueWriteOutcome> for ValueWriteOutcome {
    fn from(record: kesher_store::ValueWriteOutcome) -> Self {
        Self {
            source_id: record.source_id,
            added: record.added,
            changed: record.changed,
            unchanged: record.unchanged,
        }
    }
}
