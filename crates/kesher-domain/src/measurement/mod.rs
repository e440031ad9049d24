//! Shared measurement: periods, indicators and their formulas, adding values up the place
//! hierarchy, data quality, small-cell suppression and the status against a target.

pub mod indicator;
pub mod period;
pub mod place;
pub mod quality;
pub mod rollup;
pub mod status;
pub mod values;
