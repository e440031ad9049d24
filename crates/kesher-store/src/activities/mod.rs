//! Mutually reinforcing activities: partners' programs. One trait and one file per entity.

mod programs;
mod work_plans;

pub use programs::*;
pub use work_plans::*;
