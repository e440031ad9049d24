//! Continuous communication: the meetings of the initiative's bodies and the action items
//! they give. One trait and one file per entity.

mod action_items;
mod calendar_feeds;
mod health_indicators;
mod meetings;

pub use action_items::*;
pub use calendar_feeds::*;
pub use health_indicators::*;
pub use meetings::*;
