//! Mutually reinforcing activities: who does what, where and for whom. Partners' programs,
//! and how they line up against the common agenda's goals and the places it counts.

pub mod alignment;
pub mod programs;
pub mod work_plan;
