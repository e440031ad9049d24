//! Continuous communication in SQLite: the meetings of bodies and their action items.

mod action_items;
mod meetings;

pub(crate) use meetings::LOCAL_TIME;
