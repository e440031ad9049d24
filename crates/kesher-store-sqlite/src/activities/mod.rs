//! Partners' programs in SQLite, one file per entity.

mod programs;
mod work_plans;
