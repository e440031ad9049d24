//! Whether an indicator is improving, and Strive's proof point: a community is on its way
//! when at least 60% of its indicators improve. A change is read in the indicator's
//! direction, and a change smaller than the indicator's "no real change" band is no change.

use serde::Serialize;

use super::indicator::Direction;
use crate::choice_enum;

choice_enum!(
    /// Which way a figure moved, read in the indicator's direction.
    Change, "change", {
        Better => "better",
        Worse => "worse",
        /// Within the band: no real change.
        Flat => "flat",
    }
);

/// The default "no real change" band: 1% of the baseline.
pub const DEFAULT_BAND_SHARE: f64 = 0.01;

/// The default share of improving indicators that makes the proof point, in percent.
pub const DEFAULT_PROOF_POINT: f64 = 60.0;

/// The band within which a change is no real change: the one the backbone set, else 1% of
/// the baseline (of the latest figure when the baseline is zero or missing).
pub fn band(set: Option<f64>, baseline: Option<f64>, latest: f64) -> f64 {
    set.unwrap_or_else(|| {
        let base = baseline.filter(|b| *b != 0.0).unwrap_or(latest);
        (base * DEFAULT_BAND_SHARE).abs()
    })
}

/// Reads a change (`now - before`) in the indicator's direction.
pub fn read_change(direction: Direction, change: f64, band: f64) -> Change {
    let gain = match direction {
        Direction::Higher => change,
        Direction::Lower => -change,
    };
    if gain.abs() <= band {
        Change::Flat
    } else if gain > 0.0 {
        Change::Better
    } else {
        Change::Worse
    }
}

/// Improving: better since the previous period and since the baseline. `None` when either
/// comparison cannot be made (one period of data, no baseline).
pub fn improving(since_previous: Option<Change>, since_baseline: Option<Change>) -> Option<bool> {
    match (since_previous, since_baseline) {
        (Some(p), Some(b)) => Some(p == Change::Better && b == Change::Better),
        _ => None,
    }
}

/// The proof point over a set of indicators.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ProofPoint {
    /// In percent.
    pub threshold: f64,
    /// The share improving among the indicators that can be judged, in percent; `None`
    /// when none can.
    pub share_improving: Option<f64>,
    pub improving: u32,
    /// The indicators with enough data to say whether they improve.
    pub judged: u32,
    pub met: bool,
}

/// Counts the improving indicators among those that can be judged (`Some`), against the
/// threshold (in percent). An indicator with too little data to compare is left out of the
/// share rather than counted as not improving, and the page says how many were judged.
pub fn proof_point(flags: impl IntoIterator<Item = Option<bool>>, threshold: f64) -> ProofPoint {
    let (mut improving, mut judged) = (0u32, 0u32);
    for flag in flags.into_iter().flatten() {
        judged += 1;
        improving += u32::from(flag);
    }
    let share = (judged > 0).then(|| f64::from(improving) * 100.0 / f64::from(judged));
    ProofPoint {
        threshold,
        share_improving: share,
        improving,
        judged,
        met: share.is_some_and(|s| s >= threshold - 1e-9),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_read_in_the_indicators_direction() {
        assert_eq!(read_change(Direction::Higher, 2.0, 0.5), Change::Better);
        assert_eq!(read_change(Direction::Lower, 2.0, 0.5), Change::Worse);
        assert_eq!(read_change(Direction::Lower, -2.0, 0.5), Change::Better);
        assert_eq!(read_change(Direction::Higher, 0.4, 0.5), Change::Flat);
        // 1% of a baseline of 120 is 1.2.
        assert!((band(None, Some(120.0), 150.0) - 1.2).abs() < 1e-9);
        assert_eq!(band(Some(3.0), Some(120.0), 150.0), 3.0);
        assert!((band(None, Some(0.0), 50.0) - 0.5).abs() < 1e-9);
    }

    #[test]
    fn six_of_ten_is_the_proof_point() {
        let flags = [
            Some(true),
            Some(true),
            Some(true),
            Some(true),
            Some(true),
            Some(true),
            Some(false),
            Some(false),
            Some(false),
            Some(false),
            None,
        ];
        let p = proof_point(flags, DEFAULT_PROOF_POINT);
        assert_eq!((p.improving, p.judged), (6, 10));
        assert_eq!(p.share_improving, Some(60.0));
        assert!(p.met);
        let p = proof_point(flags.into_iter().skip(1), DEFAULT_PROOF_POINT);
        assert!(!p.met);
        assert!(!proof_point([None], DEFAULT_PROOF_POINT).met);
        assert_eq!(
            improving(Some(Change::Better), Some(Change::Flat)),
            Some(false)
        );
        assert_eq!(improving(None, Some(Change::Better)), None);
    }
}
