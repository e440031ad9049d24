//! Shared measurement use cases: places, indicators and targets, and the figures the
//! pages draw — every indicator added up the place hierarchy, with its status. Imports of
//! places and values live in [`import`].

pub mod checks;
pub mod export;
pub mod headline;
pub mod import;
mod indicators;
pub mod picture;
mod place_groups;
mod places;
pub mod progress;
pub mod report_card;
pub mod review;
mod rules;
mod values;

pub use indicators::readers_of;
pub use places::place_by_code_or_name;
pub use values::{ValueBatchForm, ValueEntry};
