//! Where an indicator stands against its target, and why, in one sentence: reached or not
//! once the target's period is over, "no recent data" when the newest complete figure is
//! old, else how much of the way from the baseline to the target it has come against how
//! much a straight line says it should have by now.

use serde::Serialize;

use super::indicator::{Direction, Frequency};
use super::period::{Period, PeriodKind};
use crate::choice_enum;

choice_enum!(
    /// Where an indicator stands against its target.
    Status, "status", {
        OnTrack => "on_track",
        AtRisk => "at_risk",
        OffTrack => "off_track",
        /// The target's period is over and its figure reached the target.
        Reached => "reached",
        /// The target's period is over and its figure fell short.
        NotReached => "not_reached",
        /// No complete figure in the last two periods the indicator is collected in.
        NoRecentData => "no_recent_data",
        /// No complete figure, or no target, to judge by.
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

/// Why a status is what it is; the pages put it in words.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// No period has enough of its places reported.
    NoData,
    /// There is a figure but no target to judge it against.
    NoTarget { latest: Point },
    /// The target's period is over; `figure` is the first complete figure of it or after.
    TargetPassed {
        figure: Point,
        target: Point,
        reached: bool,
    },
    /// The target's period is over with no complete figure for it or after.
    TargetPassedWithoutFigure { latest: Point, target: Point },
    /// The newest complete figure is older than the last two periods of collection.
    Stale { latest: Point, current: Period },
    /// Judged on the straight line from the baseline to the target: by `latest`'s period
    /// the line stands at `expected`.
    Trajectory {
        latest: Point,
        expected: f64,
        target: Point,
    },
    /// The target is already reached, ahead of its period.
    AheadOfTarget { latest: Point, target: Point },
    /// A target no better than the baseline: hold the line.
    HoldTheLine { latest: Point, target: Point },
}

/// A status with its reason.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Judgement {
    pub status: Status,
    pub reason: Reason,
}

/// What a judgement rests on: every point is a complete figure (coverage met).
#[derive(Clone, Copy, Debug)]
pub struct Evidence {
    pub direction: Direction,
    pub frequency: Frequency,
    /// The baseline the backbone set, or the first complete figure.
    pub baseline: Option<Point>,
    pub target: Option<Point>,
    /// The newest complete figure.
    pub latest: Option<Point>,
    /// The first complete figure in the target's period or after it.
    pub at_target: Option<Point>,
    /// The period today falls in, in the indicator's kind.
    pub current: Period,
}

/// How many periods of the indicator's kind lie between two collections; `None` when it is
/// collected once and so never goes stale.
fn collection_step(frequency: Frequency, kind: PeriodKind) -> Option<i64> {
    let per_year = Period::per_year(kind);
    match frequency {
        Frequency::Yearly => Some(per_year),
        Frequency::TwiceYearly => Some((per_year / 2).max(1)),
        Frequency::Quarterly => Some((per_year / 4).max(1)),
        Frequency::Monthly => Some((per_year / 12).max(1)),
        Frequency::Once => None,
    }
}

fn better_or_equal(direction: Direction, value: f64, than: f64) -> bool {
    match direction {
        Direction::Higher => value >= than,
        Direction::Lower => value <= than,
    }
}

/// Judges an indicator, first rule that applies:
///
/// 1. No complete figure: unknown. No target: unknown, saying so.
/// 2. The target's period is over: reached or not reached, by the first complete figure of
///    that period or after; with none, no recent data.
/// 3. The newest complete figure is older than the last two periods of collection (by the
///    indicator's frequency): no recent data — never "on track" on old figures.
/// 4. Reaching the target (in the better direction), early: on track.
/// 5. A target no better than the baseline asks to hold the line: on track while the figure
///    is at least as good as the target, else off track.
/// 6. Otherwise the progress made as a share of the progress the straight line expects by
///    now: at least 90% on track, 50–90% at risk, less (or backwards) off track.
pub fn judge(e: &Evidence) -> Judgement {
    let done = |status, reason| Judgement { status, reason };
    let Some(latest) = e.latest else {
        return done(Status::Unknown, Reason::NoData);
    };
    let Some(target) = e.target else {
        return done(Status::Unknown, Reason::NoTarget { latest });
    };
    if e.current > target.period {
        return match e.at_target {
            Some(figure) => {
                let reached = better_or_equal(e.direction, figure.value, target.value);
                done(
                    if reached {
                        Status::Reached
                    } else {
                        Status::NotReached
                    },
                    Reason::TargetPassed {
                        figure,
                        target,
                        reached,
                    },
                )
            }
            None => done(
                Status::NoRecentData,
                Reason::TargetPassedWithoutFigure { latest, target },
            ),
        };
    }
    if let Some(step) = collection_step(e.frequency, latest.period.kind())
        && latest.period.kind() == e.current.kind()
        && latest.period.ordinal() < e.current.ordinal() - 2 * step
    {
        return done(
            Status::NoRecentData,
            Reason::Stale {
                latest,
                current: e.current,
            },
        );
    }
    let baseline = e.baseline.unwrap_or(latest);
    let sign = match e.direction {
        Direction::Higher => 1.0,
        Direction::Lower => -1.0,
    };
    let gain = |value: f64| sign * (value - baseline.value);
    let needed = gain(target.value);
    let achieved = gain(latest.value);
    if needed <= 0.0 {
        let status = if better_or_equal(e.direction, latest.value, target.value) {
            Status::OnTrack
        } else {
            Status::OffTrack
        };
        return done(status, Reason::HoldTheLine { latest, target });
    }
    if achieved >= needed {
        return done(Status::OnTrack, Reason::AheadOfTarget { latest, target });
    }
    let span = (target.period.ordinal() - baseline.period.ordinal()) as f64;
    let elapsed = (latest.period.ordinal() - baseline.period.ordinal()) as f64;
    let share_of_time = if span > 0.0 {
        (elapsed / span).clamp(0.0, 1.0)
    } else {
        1.0
    };
    let expected_gain = needed * share_of_time;
    let expected = baseline.value + sign * expected_gain;
    let reason = Reason::Trajectory {
        latest,
        expected,
        target,
    };
    let status = if expected_gain <= 0.0 {
        // Still at the baseline's period: only going backwards is a worry.
        if achieved >= 0.0 {
            Status::OnTrack
        } else {
            Status::AtRisk
        }
    } else {
        let share = achieved / expected_gain;
        if share >= ON_TRACK_SHARE {
            Status::OnTrack
        } else if share >= AT_RISK_SHARE {
            Status::AtRisk
        } else {
            Status::OffTrack
        }
    };
    done(status, reason)
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

    fn evidence(baseline: Point, target: Point, latest: Point) -> Evidence {
        Evidence {
            direction: Direction::Higher,
            frequency: Frequency::Yearly,
            baseline: Some(baseline),
            target: Some(target),
            latest: Some(latest),
            at_target: None,
            // The year after the latest figure: recent.
            current: latest.period.next(),
        }
    }

    #[test]
    fn progress_is_measured_against_a_straight_line() {
        // From 20% in 2020 to 30% in 2025: by 2022, 24% is expected.
        let judge_at = |v| judge(&evidence(at(2020, 20.0), at(2025, 30.0), at(2022, v)));
        assert_eq!(judge_at(23.8).status, Status::OnTrack);
        assert_eq!(judge_at(22.5).status, Status::AtRisk);
        assert_eq!(judge_at(21.0).status, Status::OffTrack);
        assert_eq!(judge_at(19.0).status, Status::OffTrack);
        assert_eq!(judge_at(31.0).status, Status::OnTrack);
        match judge_at(22.5).reason {
            Reason::Trajectory { expected, .. } => assert!((expected - 24.0).abs() < 1e-9),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn lower_is_better_runs_the_other_way() {
        // Dropouts from 8% to 4% by 2024; by 2022, 6% is expected.
        let judge_at = |v| {
            judge(&Evidence {
                direction: Direction::Lower,
                ..evidence(at(2020, 8.0), at(2024, 4.0), at(2022, v))
            })
            .status
        };
        assert_eq!(judge_at(6.1), Status::OnTrack);
        assert_eq!(judge_at(7.0), Status::AtRisk);
        assert_eq!(judge_at(8.5), Status::OffTrack);
    }

    #[test]
    fn a_passed_target_year_is_reached_or_not() {
        let mut e = evidence(at(2015, 15.2), at(2025, 25.0), at(2025, 24.0));
        e.current = Period::SchoolYear(2026);
        e.at_target = Some(at(2025, 24.0));
        assert_eq!(judge(&e).status, Status::NotReached);
        e.at_target = Some(at(2025, 25.5));
        assert_eq!(judge(&e).status, Status::Reached);
    }

    #[test]
    fn a_passed_target_on_old_figures_is_not_on_track() {
        // The case: the newest figure is 2015/16, the target 2025/26 has passed.
        let mut e = evidence(at(2012, 11.0), at(2025, 25.0), at(2015, 15.2));
        e.current = Period::SchoolYear(2026);
        let judged = judge(&e);
        assert_eq!(judged.status, Status::NoRecentData);
        assert!(matches!(
            judged.reason,
            Reason::TargetPassedWithoutFigure { .. }
        ));
    }

    #[test]
    fn old_figures_are_no_recent_data() {
        // Target 2030; the newest figure is 2022/23 and today is in 2026/27.
        let mut e = evidence(at(2020, 20.0), at(2030, 30.0), at(2022, 29.0));
        e.current = Period::SchoolYear(2026);
        assert_eq!(judge(&e).status, Status::NoRecentData);
        // 2024/25 is one of the last two years before 2026/27: recent enough.
        e.latest = Some(at(2024, 29.0));
        assert_eq!(judge(&e).status, Status::OnTrack);
        // Collected once: never stale.
        e.latest = Some(at(2021, 29.0));
        e.frequency = Frequency::Once;
        assert_eq!(judge(&e).status, Status::OnTrack);
    }

    #[test]
    fn a_held_line_and_the_baselines_own_year() {
        // Hold at least the national average of 25%.
        let hold = |v| judge(&evidence(at(2020, 26.0), at(2026, 25.0), at(2022, v))).status;
        assert_eq!(hold(25.5), Status::OnTrack);
        assert_eq!(hold(24.0), Status::OffTrack);
        // In the baseline's own year nothing is expected yet.
        assert_eq!(
            judge(&evidence(at(2020, 20.0), at(2025, 30.0), at(2020, 20.0))).status,
            Status::OnTrack
        );
        let none = Evidence {
            latest: None,
            ..evidence(at(2020, 20.0), at(2025, 30.0), at(2020, 20.0))
        };
        assert_eq!(judge(&none).reason, Reason::NoData);
    }
}
