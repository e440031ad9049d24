//! Mutually reinforcing activities: partners' programs, the alignment map that lines them
//! up against the common agenda's goals and places, the work plan, partners' commitments
//! and joint funding requests.

pub mod alignment;
pub mod commitments;
pub mod contribution;
pub mod funding;
pub mod hsds;
pub mod program_import;
pub mod programs;
pub mod work_plans;
