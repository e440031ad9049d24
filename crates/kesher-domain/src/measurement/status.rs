//! Whether an indicator is on track to its target: how much of the way from the baseline to
//! the target it has come, against how much a straight line says it should have by now.

use serde::Serialize;

use super::indicator::Direction;
use super::period::Period;
use crate::choice_enum;

choice_enum!(
    /// Where an indicator stands against its target.
    Status, "status", {
        OnTrack => "on_track",
        AtRisk => "at_risk",
        OffTrack => "off_track",
        /// No baseline, target or recent value to judge by.
        Unknown => "unknown",
    }
);

/// The share of the expected progress that counts as on track (the rule the user is shown).
pub const ON_TRACK_SHARE: f64 = 0.9;
/// Below this share of the expected progress an indicator is off track.
pub const AT_RISK_SHARE: f64 = 0.5;

/// A value at a period.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Point {
    pub period: Period,
    pub value: f64,
}

/// Judges the latest value against the straight line from baseline to target.
///
/// - Reaching the target (in the better direction) is on track, whenever it happens.
/// - Otherwise progress is measured as a share of the progress expected by now: at least
///   90% is on track, 50–90% at risk, less (or moving away) off track.
/// - Once the target's period has come without reaching it, the indicator is off track.
/// - A target no better than the baseline asks to hold the line: on track while the value
///   is at least as good as the target.
pub fn status(direction: Direction, baseline: Point, target: Point, latest: Point) -> Status {
    let sign = match direction {
        Direction::Higher => 1.0,
        Direction::Lower => -1.0,
    };
    let gain = |value: f64| sign * (value - baseline.value);
    let needed = gain(target.value);
    let achieved = gain(latest.value);
    if achieved >= needed {
        return Status::OnTrack;
    }
    if needed <= 0.0 || latest.period >= target.period {
        return Status::OffTrack;
    }
    let span = (target.period.ordinal() - baseline.period.ordinal()) as f64;
    let elapsed = (latest.period.ordinal() - baseline.period.ordinal()) as f64;
    let expected = if span > 0.0 {
        needed * (elapsed / span).clamp(0.0, 1.0)
    } else {
        needed
    };
    if expected <= 0.0 {
        // Still at the baseline's period: only going backwards is a worry.
        return if achieved >= 0.0 {
            Status::OnTrack
        } else {
            Status::AtRisk
        };
    }
    let share = achieved / expected;
    if share >= ON_TRACK_SHARE {
        Status::OnTrack
    } else if share >= AT_RISK_SHARE {
        Status::AtRisk
    } else {
        Status::OffTrack
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(year: i32, value: f64) -> Point {
        Point {
            period: Period::SchoolYear(year),
            value,
        }
    }

    #[test]
    fn progress_is_measured_against_a_straight_line() {
        // From 20% in 2020 to 30% in 2025: by 2022, 24% is expected.
        let judge = |v| {
            status(
                Direction::Higher,
                at(2020, 20.0),
                at(2025, 30.0),
                at(2022, v),
            )
        };
        assert_eq!(judge(23.8), Status::OnTrack);
        assert_eq!(judge(22.5), Status::AtRisk);
        assert_eq!(judge(21.0), Status::OffTrack);
        assert_eq!(judge(19.0), Status::OffTrack);
        assert_eq!(judge(31.0), Status::OnTrack);
    }

    #[test]
    fn lower_is_better_runs_the_other_way() {
        // Dropouts from 8% to 4% by 2024; by 2022, 6% is expected.
        let judge = |v| status(Direction::Lower, at(2020, 8.0), at(2024, 4.0), at(2022, v));
        assert_eq!(judge(6.1), Status::OnTrack);
        assert_eq!(judge(7.0), Status::AtRisk);
        assert_eq!(judge(8.5), Status::OffTrack);
    }

    #[test]
    fn a_missed_deadline_and_a_held_line() {
        assert_eq!(
            status(
                Direction::Higher,
                at(2020, 20.0),
                at(2023, 30.0),
                at(2023, 29.0)
            ),
            Status::OffTrack
        );
        // Hold at least the national average of 25%.
        let hold = |v| {
            status(
                Direction::Higher,
                at(2020, 26.0),
                at(2026, 25.0),
                at(2022, v),
            )
        };
        assert_eq!(hold(25.5), Status::OnTrack);
        assert_eq!(hold(24.0), Status::OffTrack);
        // In the baseline's own year nothing is expected yet.
        assert_eq!(
            status(
                Direction::Higher,
                at(2020, 20.0),
                at(2025, 30.0),
                at(2020, 20.0)
            ),
            Status::OnTrack
        );
    }
}
