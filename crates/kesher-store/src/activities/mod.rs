//! Mutually reinforcing activities: partners' programs. One trait and one file per entity.

mod programs;

pub use programs::*;
