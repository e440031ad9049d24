//! Continuous communication in SQLite: the meetings of bodies and their action items.

mod action_items;
mod calendar_feeds;
mod contact_plans;
mod documents;
mod health_indicators;
mod meetings;
mod updates;

pub(crate) use meetings::LOCAL_TIME;
