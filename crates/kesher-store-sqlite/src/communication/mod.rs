//! Continuous communication in SQLite: the meetings of bodies and their action items.

mod action_items;
mod calendar_feeds;
mod health_indicators;
mod meetings;

pub(crate) use meetings::LOCAL_TIME;
