//! Continuous communication: the meetings of the initiative's bodies. One trait and one
//! file per entity.

mod meetings;

pub use meetings::*;
