//! What the core test binaries share: an indicator record as the store would hand it over.

use chrono::Utc;
use kesher_domain::measurement::coverage::Expected;
use kesher_domain::measurement::indicator::{
    Aggregation, Axis, Direction, Frequency, IndicatorKind, Unit,
};
use kesher_domain::measurement::period::PeriodKind;
use kesher_domain::*;
use kesher_store::Indicator;

/// A yearly, school-year indicator of the mapping axis, added up by sum, with no target.
pub fn indicator(id: i64, code: &str, unit: Unit, direction: Direction) -> Indicator {
    Indicator {
        id: IndicatorId::new(id),
        initiative_id: InitiativeId::new(1),
        code: code.into(),
        name_he: code.into(),
        name_en: None,
        definition_he: None,
        definition_en: None,
        unit,
        direction,
        kind: IndicatorKind::Quantitative,
        scale_max: None,
        axis: Axis::Mapping,
        result_node_id: None,
        data_source: None,
        frequency: Frequency::Yearly,
        period_kind: PeriodKind::SchoolYear,
        owner_organization_id: None,
        aggregation: Aggregation::Sum,
        weight_code: None,
        formula: None,
        population_code: None,
        decimals: 1,
        breakdowns: Vec::new(),
        valid_min: None,
        valid_max: None,
        baseline_period: None,
        baseline_value: None,
        coverage_expected: Expected::PreviousPeriod,
        coverage_group_id: None,
        coverage_threshold: 90.0,
        no_change_band: None,
        targets: Vec::new(),
        created_at: Utc::now(),
        updated_at: Utc::now(),
    }
}
