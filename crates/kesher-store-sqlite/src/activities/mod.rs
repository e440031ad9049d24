//! Mutually reinforcing activities in SQLite, one file per entity.

mod commitments;
mod funding_requests;
mod programs;
mod work_plans;
