//! The health of the collaboration, measured from its own meeting records: how many of the
//! invited come, whether the same people come back, whether what one meeting asked is done
//! by the next, whether the planned agenda is covered, and which sectors sit at the table.
//! Pure arithmetic over what was recorded; a figure with nothing to measure is `None`,
//! never 0 and never a division by zero.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDateTime, Utc};

use crate::PersonId;
use crate::meetings::instant;
use crate::network::Sector;

/// One person on a held meeting's record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seat {
    pub person: PersonId,
    /// Invited ahead (a guest was not).
    pub invited: bool,
    pub attended: bool,
    /// The sector of the person's organization.
    pub sector: Sector,
}

/// A meeting whose attendance was recorded, in the body's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeldMeeting {
    pub number: u32,
    /// Israel's local time.
    pub starts_at: NaiveDateTime,
    pub seats: Vec<Seat>,
    /// For each agenda item, whether it was covered; `None` until the minutes are recorded.
    pub covered: Vec<Option<bool>>,
    /// For each action item the meeting gave, when it was done (`None` while open).
    pub actions_done_at: Vec<Option<DateTime<Utc>>>,
}

/// A body's health figures. Rates are shares between 0 and 1, each with the counts it is
/// made of, so a page can say "23 of 30".
#[derive(Clone, Debug, PartialEq)]
pub struct BodyHealth {
    pub meetings_held: usize,
    /// Of the invited, the share who came (guests are not counted against an invitation).
    pub attendance: Option<Share>,
    /// Of those who came to a meeting, the share who had come to the body's previous held
    /// meeting (the first held meeting has nothing to return to).
    pub returning: Option<Share>,
    /// Of the action items a held meeting gave, the share done by the start of the body's
    /// next held meeting (those of the last held meeting wait for the next one).
    pub actions_done: Option<Share>,
    /// Of the agenda items of meetings whose minutes were recorded, the share covered.
    pub agenda_covered: Option<Share>,
    /// Of the dates the body's rhythm expected a meeting, the share that had one.
    pub activity: Option<Share>,
    /// The sectors of the organizations of everyone who came, in the sectors' order.
    pub sectors: Vec<Sector>,
}

/// `part` of `whole`, with `whole` > 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Share {
    pub part: usize,
    pub whole: usize,
}

impl Share {
    fn of(part: usize, whole: usize) -> Option<Share> {
        (whole > 0).then_some(Share { part, whole })
    }

    /// Between 0 and 1.
    pub fn rate(&self) -> f64 {
        self.part as f64 / self.whole as f64
    }
}

/// One held meeting's counts: each figure's part and whole, 0 of 0 where there is
/// nothing to count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Counts {
    invited_came: usize,
    invited: usize,
    returned: usize,
    attendees: usize,
    done_in_time: usize,
    given: usize,
    covered: usize,
    planned: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.invited_came += o.invited_came;
        self.invited += o.invited;
        self.returned += o.returned;
        self.attendees += o.attendees;
        self.done_in_time += o.done_in_time;
        self.given += o.given;
        self.covered += o.covered;
        self.planned += o.planned;
    }
}

impl Counts {
    fn share(&self, measure: HealthMeasure) -> Option<Share> {
        match measure {
            HealthMeasure::Attendance => Share::of(self.invited_came, self.invited),
            HealthMeasure::Returning => Share::of(self.returned, self.attendees),
            HealthMeasure::ActionsDone => Share::of(self.done_in_time, self.given),
            HealthMeasure::AgendaCovered => Share::of(self.covered, self.planned),
        }
    }
}

/// Each held meeting's counts, in the body's order. A meeting's returning members are
/// counted against the meeting before it; its action items against the meeting after it
/// (the latest meeting's items wait for the next one).
fn counts(meetings: &[HeldMeeting]) -> Vec<(&HeldMeeting, Counts)> {
    let mut meetings: Vec<&HeldMeeting> = meetings.iter().collect();
    meetings.sort_by_key(|m| m.number);
    let came = |m: &HeldMeeting| -> BTreeSet<PersonId> {
        m.seats
            .iter()
            .filter(|s| s.attended)
            .map(|s| s.person)
            .collect()
    };
    (0..meetings.len())
        .map(|k| {
            let m = meetings[k];
            let mut c = Counts {
                invited: m.seats.iter().filter(|s| s.invited).count(),
                invited_came: m.seats.iter().filter(|s| s.invited && s.attended).count(),
                ..Counts::default()
            };
            if k > 0 {
                let now = came(m);
                c.attendees = now.len();
                c.returned = now.intersection(&came(meetings[k - 1])).count();
            }
            if let Some(next) = meetings.get(k + 1) {
                let next_opens = instant(next.starts_at);
                c.given = m.actions_done_at.len();
                c.done_in_time = m
                    .actions_done_at
                    .iter()
                    .filter(|done| done.is_some_and(|at| at <= next_opens))
                    .count();
            }
            for was in m.covered.iter().flatten() {
                c.planned += 1;
                c.covered += usize::from(*was);
            }
            (m, c)
        })
        .collect()
}

/// The figures of one body from its held meetings (any order; they are sorted by number),
/// its rhythm and the moment they are read at (Israel's local time).
pub fn body_health(
    meetings: &[HeldMeeting],
    cadence: &crate::bodies::Cadence,
    now: NaiveDateTime,
) -> BodyHealth {
    let mut total = Counts::default();
    for (_, c) in counts(meetings) {
        total += c;
    }
    let sectors: BTreeSet<Sector> = meetings
        .iter()
        .flat_map(|m| m.seats.iter().filter(|s| s.attended).map(|s| s.sector))
        .collect();
    BodyHealth {
        meetings_held: meetings.len(),
        attendance: total.share(HealthMeasure::Attendance),
        returning: total.share(HealthMeasure::Returning),
        actions_done: total.share(HealthMeasure::ActionsDone),
        agenda_covered: total.share(HealthMeasure::AgendaCovered),
        activity: activity(
            &meetings.iter().map(|m| m.starts_at).collect::<Vec<_>>(),
            cadence,
            now,
        ),
        sectors: Sector::ALL
            .iter()
            .copied()
            .filter(|s| sectors.contains(s))
            .collect(),
    }
}

/// Whether a body keeps its rhythm: from its first held meeting up to `now`, the dates
/// its cadence expected a meeting, and of them how many had one held near it (within half
/// a rhythm either way). Extra meetings around one date do not make up for a date missed.
/// `None` without a regular cadence or before the first held meeting.
pub fn activity(
    held: &[NaiveDateTime],
    cadence: &crate::bodies::Cadence,
    now: NaiveDateTime,
) -> Option<Share> {
    let first = *held.iter().min()?;
    let mut slots = vec![first];
    // Ten years of weekly meetings at most: a bound on a loop over user-set rhythms.
    for _ in 0..520 {
        match cadence.next_after(*slots.last()?) {
            Some(next) if next <= now => slots.push(next),
            Some(_) => break,
            None => return None,
        }
    }
    // Each expected date owns the time from halfway after the one before it to halfway
    // before the one after it (the last one, up to now).
    let halfway = |a: NaiveDateTime, b: NaiveDateTime| a + (b - a) / 2;
    let kept = (0..slots.len())
        .filter(|&k| {
            let from = (k > 0).then(|| halfway(slots[k - 1], slots[k]));
            let to = slots.get(k + 1).map(|next| halfway(slots[k], *next));
            held.iter().any(|at| {
                from.is_none_or(|from| *at >= from) && to.is_none_or(|to| *at < to) && *at <= now
            })
        })
        .count();
    Share::of(kept, slots.len())
}

crate::choice_enum!(
    /// A figure of the collaboration's health that an indicator can follow.
    HealthMeasure, "health-measure", {
        /// Of the invited, the share who came.
        Attendance => "attendance",
        /// Of those who came, the share who came to the previous meeting too.
        Returning => "returning",
        /// Of the action items given, the share done by the next meeting.
        ActionsDone => "actions_done",
        /// Of the agenda items recorded, the share covered.
        AgendaCovered => "agenda_covered",
    }
);

/// One measure of a body per period, for an indicator that follows it: each held meeting
/// counts in the period its day falls in, and a period's share adds up its meetings'
/// parts and wholes. Periods with nothing to measure are left out (never 0). In order.
pub fn measure_by_period(
    meetings: &[HeldMeeting],
    measure: HealthMeasure,
    kind: crate::measurement::period::PeriodKind,
) -> Vec<(crate::measurement::period::Period, Share)> {
    use crate::measurement::period::Period;
    let mut by_period: std::collections::BTreeMap<Period, Counts> = Default::default();
    for (m, c) in counts(meetings) {
        *by_period
            .entry(Period::containing(kind, m.starts_at.date()))
            .or_default() += c;
    }
    by_period
        .into_iter()
        .filter_map(|(period, c)| Some((period, c.share(measure)?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(at: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(at, "%Y-%m-%dT%H:%M").unwrap()
    }

    fn utc(at: &str) -> Option<DateTime<Utc>> {
        Some(local(at).and_utc())
    }

    fn no_rhythm() -> crate::bodies::Cadence {
        crate::bodies::Cadence {
            text: None,
            every: None,
            unit: None,
        }
    }

    fn meeting(number: u32, at: &str, seats: Vec<Seat>) -> HeldMeeting {
        HeldMeeting {
            number,
            starts_at: local(at),
            seats,
            covered: Vec::new(),
            actions_done_at: Vec::new(),
        }
    }

    fn seat(person: i64, invited: bool, attended: bool, sector: Sector) -> Seat {
        Seat {
            person: PersonId::new(person),
            invited,
            attended,
            sector,
        }
    }

    #[test]
    fn a_scripted_year_gives_the_hand_computed_figures() {
        use Sector::*;
        // Meeting 1: 4 invited, 3 came (1, 2, 3). Meeting 2: 4 invited, 2 came (1, 4) and a
        // guest (5). Meeting 3: 5 invited, all came.
        let mut first = meeting(
            1,
            "2026-10-01T17:00",
            vec![
                seat(1, true, true, Public),
                seat(2, true, true, Business),
                seat(3, true, true, Public),
                seat(4, true, false, Academia),
            ],
        );
        // Meeting 2 opens at 17:00 in Israel on 5 November, after the clocks went back:
        // 15:00 UTC. An item done at 14:30 UTC was done in time; one at 15:30 was not.
        first.actions_done_at = vec![
            utc("2026-10-20T09:00"),
            utc("2026-11-05T14:30"),
            utc("2026-11-05T15:30"),
            None,
        ];
        first.covered = vec![Some(true), Some(true), Some(false)];
        let mut second = meeting(
            2,
            "2026-11-05T17:00",
            vec![
                seat(1, true, true, Public),
                seat(2, true, false, Business),
                seat(3, true, false, Public),
                seat(4, true, true, Academia),
                seat(5, false, true, ThirdSector),
            ],
        );
        second.actions_done_at = vec![utc("2026-11-20T12:00")];
        // Its minutes were never recorded.
        second.covered = vec![None, None];
        let mut third = meeting(
            3,
            "2026-12-03T17:00",
            (1..=5).map(|p| seat(p, true, true, Public)).collect(),
        );
        // The last meeting's items wait for the next meeting to be judged.
        third.actions_done_at = vec![None, utc("2026-12-04T10:00")];
        third.covered = vec![Some(true), Some(true), Some(true), Some(false)];
        let year = vec![third, first, second];
        let health = body_health(&year, &no_rhythm(), local("2027-06-01T00:00"));
        assert_eq!(health.meetings_held, 3);
        // (3 + 2 + 5) of (4 + 4 + 5) invited came: 10 of 13.
        assert_eq!(
            health.attendance,
            Some(Share {
                part: 10,
                whole: 13
            })
        );
        // Meeting 2's three (1, 4, 5): only 1 came to meeting 1. Meeting 3's five: 1, 4 and 5
        // came to meeting 2. So 4 of 8.
        assert_eq!(health.returning, Some(Share { part: 4, whole: 8 }));
        assert_eq!(health.returning.unwrap().rate(), 0.5);
        // Meeting 1's four items: 2 done by meeting 2; meeting 2's one: done by meeting 3.
        assert_eq!(health.actions_done, Some(Share { part: 3, whole: 5 }));
        // Recorded minutes: 2 of 3 items covered, then 3 of 4.
        assert_eq!(health.agenda_covered, Some(Share { part: 5, whole: 7 }));
        assert_eq!(
            health.sectors,
            vec![Public, Business, ThirdSector, Academia]
        );
    }

    #[test]
    fn a_measure_by_quarter_counts_each_meeting_in_its_own_quarter() {
        use crate::measurement::period::{Period, PeriodKind};
        use Sector::*;
        let mut first = meeting(
            1,
            "2026-10-01T17:00",
            vec![seat(1, true, true, Public), seat(2, true, false, Public)],
        );
        first.actions_done_at = vec![utc("2026-10-20T09:00"), None];
        let second = meeting(
            2,
            "2026-11-05T17:00",
            vec![seat(1, true, true, Public), seat(2, true, true, Public)],
        );
        let mut third = meeting(
            3,
            "2027-01-07T17:00",
            vec![seat(1, true, false, Public), seat(2, true, true, Public)],
        );
        third.actions_done_at = vec![utc("2027-01-08T09:00")];
        let year = vec![first, second, third];
        // Q4 2026 holds meetings 1 and 2 (1 + 2 of 4 came); Q1 2027 meeting 3 (1 of 2).
        assert_eq!(
            measure_by_period(&year, HealthMeasure::Attendance, PeriodKind::Quarter),
            vec![
                (Period::Quarter(2026, 4), Share { part: 3, whole: 4 }),
                (Period::Quarter(2027, 1), Share { part: 1, whole: 2 }),
            ]
        );
        // Meeting 1's two items: one done by meeting 2. Meeting 3's wait for a fourth.
        assert_eq!(
            measure_by_period(&year, HealthMeasure::ActionsDone, PeriodKind::Quarter),
            vec![(Period::Quarter(2026, 4), Share { part: 1, whole: 2 })]
        );
        // Summed over every period, the body's own figure.
        let whole = body_health(&year, &no_rhythm(), local("2027-06-01T00:00"));
        assert_eq!(whole.attendance, Some(Share { part: 4, whole: 6 }));
    }

    #[test]
    fn activity_counts_the_meetings_the_cadence_expected() {
        use crate::bodies::{Cadence, CadenceUnit};
        let every_two_months = Cadence {
            text: None,
            every: Some(2),
            unit: Some(CadenceUnit::Months),
        };
        let held = [
            local("2025-09-18T09:00"),
            local("2025-11-20T09:00"),
            local("2026-01-22T09:00"),
        ];
        // Expected on 18/9, 18/11, 18/1 and 18/3 by 1 April: 3 of 4 held.
        assert_eq!(
            activity(&held, &every_two_months, local("2026-04-01T00:00")),
            Some(Share { part: 3, whole: 4 })
        );
        // A burst of extra meetings does not make up for the dates missed.
        let burst = [held[0], held[0], local("2025-10-01T09:00"), held[0]];
        assert_eq!(
            activity(&burst, &every_two_months, local("2026-04-01T00:00")),
            Some(Share { part: 1, whole: 4 })
        );
        // A meeting a few days early still keeps its date.
        let early = [held[0], local("2025-11-12T09:00")];
        assert_eq!(
            activity(&early, &every_two_months, local("2025-12-01T00:00")),
            Some(Share { part: 2, whole: 2 })
        );
        let no_rhythm = Cadence {
            text: Some("when needed".into()),
            every: None,
            unit: None,
        };
        assert_eq!(activity(&held, &no_rhythm, local("2026-04-01T00:00")), None);
        assert_eq!(
            activity(&[], &every_two_months, local("2026-04-01T00:00")),
            None
        );
    }

    #[test]
    fn nothing_held_measures_nothing() {
        let health = body_health(&[], &no_rhythm(), local("2027-06-01T00:00"));
        assert_eq!(health.meetings_held, 0);
        assert_eq!(health.attendance, None);
        assert_eq!(health.returning, None);
        assert!(health.sectors.is_empty());
        // One meeting with nobody invited: no attendance rate, and nothing to return to.
        let mut lone = meeting(
            1,
            "2027-01-10T17:00",
            vec![seat(1, false, true, Sector::Public)],
        );
        lone.actions_done_at = vec![utc("2027-01-11T10:00")];
        let lone = body_health(&[lone], &no_rhythm(), local("2027-06-01T00:00"));
        assert_eq!((lone.attendance, lone.returning), (None, None));
        // No next meeting yet and no minutes: nothing to judge.
        assert_eq!((lone.actions_done, lone.agenda_covered), (None, None));
        assert_eq!(lone.sectors, vec![Sector::Public]);
    }
}
