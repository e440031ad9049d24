//! Continuous communication: the meetings of the initiative's bodies and the action items
//! they give. One trait and one file per entity.

mod action_items;
mod calendar_feeds;
mod contact_plans;
mod documents;
mod health_indicators;
mod meetings;
mod updates;

pub use action_items::*;
pub use calendar_feeds::*;
pub use contact_plans::*;
pub use documents::*;
pub use health_indicators::*;
pub use meetings::*;
pub use updates::*;
