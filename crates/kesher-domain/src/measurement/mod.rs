//! Shared measurement: periods, indicators and their formulas, adding values up the place
//! hierarchy, how complete each figure is, data quality, small-cell suppression, the status
//! against a target and whether an indicator improves.

pub mod coverage;
pub mod grid;
pub mod indicator;
pub mod period;
pub mod place;
pub mod progress;
pub mod quality;
pub mod rollup;
pub mod status;
pub mod values;
