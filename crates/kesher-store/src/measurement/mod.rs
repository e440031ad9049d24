//! The storage of shared measurement, one trait and one file per entity: places and their
//! groups, indicators with targets, validation rules, data values with where each came from
//! and its history, saved column mappings, the report card and the initiative's settings.
//! [`MeasurementStore`] names them together.

mod indicators;
mod mappings;
mod place_groups;
mod places;
mod report_card;
mod rules;
mod settings;
mod sources;
mod values;

pub use indicators::*;
pub use mappings::*;
pub use place_groups::*;
pub use places::*;
pub use report_card::*;
pub use rules::*;
pub use settings::*;
pub use sources::*;
pub use values::*;

/// Everything shared measurement keeps. A backend implements each part; this is their sum.
pub trait MeasurementStore:
    PlaceStore
    + PlaceGroupStore
    + IndicatorStore
    + ValidationRuleStore
    + ValueStore
    + DataSourceStore
    + ColumnMappingStore
    + ReportCardStore
    + MeasurementSettingsStore
{
}

impl<T> MeasurementStore for T where
    T: PlaceStore
        + PlaceGroupStore
        + IndicatorStore
        + ValidationRuleStore
        + ValueStore
        + DataSourceStore
        + ColumnMappingStore
        + ReportCardStore
        + MeasurementSettingsStore
{
}
