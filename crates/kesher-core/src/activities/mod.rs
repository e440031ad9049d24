//! Mutually reinforcing activities: partners' programs and the alignment map that lines
//! them up against the common agenda's goals and the places the initiative counts.

pub mod alignment;
pub mod programs;
pub mod work_plans;
