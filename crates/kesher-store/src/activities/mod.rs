//! Mutually reinforcing activities: partners' programs, the work plan, commitments and joint
//! funding requests. One trait and one file per entity.

mod commitments;
mod funding_requests;
mod programs;
mod work_plans;

pub use commitments::*;
pub use funding_requests::*;
pub use programs::*;
pub use work_plans::*;
