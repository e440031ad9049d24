//! The health of the collaboration, measured from its own meeting records: how many of the
//! invited come, whether the same people come back, and which sectors sit at the table.
//! Pure arithmetic over what was recorded; a figure with nothing to measure is `None`,
//! never 0 and never a division by zero.

use std::collections::BTreeSet;

use crate::PersonId;
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
    pub seats: Vec<Seat>,
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

/// The figures of one body from its held meetings (any order; they are sorted by number).
pub fn body_health(meetings: &[HeldMeeting]) -> BodyHealth {
    let mut meetings: Vec<&HeldMeeting> = meetings.iter().collect();
    meetings.sort_by_key(|m| m.number);
    let came = |m: &HeldMeeting| -> BTreeSet<PersonId> {
        m.seats
            .iter()
            .filter(|s| s.attended)
            .map(|s| s.person)
            .collect()
    };
    let invited: usize = meetings
        .iter()
        .map(|m| m.seats.iter().filter(|s| s.invited).count())
        .sum();
    let invited_came: usize = meetings
        .iter()
        .map(|m| m.seats.iter().filter(|s| s.invited && s.attended).count())
        .sum();
    let (mut returned, mut attendees) = (0, 0);
    for pair in meetings.windows(2) {
        let before = came(pair[0]);
        let now = came(pair[1]);
        attendees += now.len();
        returned += now.intersection(&before).count();
    }
    let sectors: BTreeSet<Sector> = meetings
        .iter()
        .flat_map(|m| m.seats.iter().filter(|s| s.attended).map(|s| s.sector))
        .collect();
    BodyHealth {
        meetings_held: meetings.len(),
        attendance: Share::of(invited_came, invited),
        returning: Share::of(returned, attendees),
        sectors: Sector::ALL
            .iter()
            .copied()
            .filter(|s| sectors.contains(s))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let year = vec![
            HeldMeeting {
                number: 3,
                seats: (1..=5).map(|p| seat(p, true, true, Public)).collect(),
            },
            HeldMeeting {
                number: 1,
                seats: vec![
                    seat(1, true, true, Public),
                    seat(2, true, true, Business),
                    seat(3, true, true, Public),
                    seat(4, true, false, Academia),
                ],
            },
            HeldMeeting {
                number: 2,
                seats: vec![
                    seat(1, true, true, Public),
                    seat(2, true, false, Business),
                    seat(3, true, false, Public),
                    seat(4, true, true, Academia),
                    seat(5, false, true, ThirdSector),
                ],
            },
        ];
        let health = body_health(&year);
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
        assert_eq!(
            health.sectors,
            vec![Public, Business, ThirdSector, Academia]
        );
    }

    #[test]
    fn nothing_held_measures_nothing() {
        let health = body_health(&[]);
        assert_eq!(health.meetings_held, 0);
        assert_eq!(health.attendance, None);
        assert_eq!(health.returning, None);
        assert!(health.sectors.is_empty());
        // One meeting with nobody invited: no attendance rate, and nothing to return to.
        let lone = body_health(&[HeldMeeting {
            number: 1,
            seats: vec![seat(1, false, true, Sector::Public)],
        }]);
        assert_eq!((lone.attendance, lone.returning), (None, None));
        assert_eq!(lone.sectors, vec![Sector::Public]);
    }
}
