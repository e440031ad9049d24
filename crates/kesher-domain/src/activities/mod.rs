//! Mutually reinforcing activities: who does what, where and for whom. Partners' programs,
//! how they line up against the common agenda's goals and the places it counts, the work
//! plan, partners' commitments and joint funding requests.

pub mod alignment;
pub mod commitments;
pub mod funding;
pub mod programs;
pub mod work_plan;

use crate::Invalid;

/// The largest amount anything here may name: a billion shekels (past any initiative's),
/// people or units.
pub const AMOUNT_MAX: i64 = 1_000_000_000;

/// A whole amount as people type it, with thousands separators and the shekel sign
/// (`₪250,000`, `250 000`); empty is none.
pub fn whole_amount(raw: &str) -> Result<Option<i64>, Invalid> {
    let cleaned: String = raw
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '₪'))
        .collect();
    crate::text::optional_number(&cleaned, 0, AMOUNT_MAX)
}

/// A required amount of at least one.
pub fn positive_amount(raw: &str) -> Result<i64, Invalid> {
    match whole_amount(raw)? {
        None => Err(Invalid::Required),
        Some(0) => Err(Invalid::Range {
            min: 1,
            max: AMOUNT_MAX,
        }),
        Some(amount) => Ok(amount),
    }
}
