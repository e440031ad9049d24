//! Bodies (steering committee, working groups…) and the memberships that seat people in
//! them, with the seeds' advice on how a working group should be composed.

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::text::{
    LINE_MAX, LONG_TEXT_MAX, Name, optional_date, optional_line, optional_number, optional_text,
};
use crate::validation::Checker;
use crate::{FieldError, Invalid, PersonId, choice_enum, lenient};

choice_enum!(
    /// What kind of body it is.
    BodyKind, "body-kind", {
        SteeringCommittee => "steering_committee",
        LeadingTeam => "leading_team",
        WorkingGroup => "working_group",
        PlanningForum => "planning_forum",
        Coalition => "coalition",
        Cluster => "cluster",
        AdvisoryBoard => "advisory_board",
        Subcommittee => "subcommittee",
        BackboneTeam => "backbone_team",
    }
);

choice_enum!(
    /// A person's role in a body.
    MembershipRole, "membership-role", {
        Chair => "chair",
        CoChair => "co_chair",
        Member => "member",
        Facilitator => "facilitator",
        Observer => "observer",
    }
);

choice_enum!(
    /// The unit of a regular meeting cadence.
    CadenceUnit, "cadence-unit", {
        Weeks => "weeks",
        Months => "months",
    }
);

impl MembershipRole {
    /// Chairs and co-chairs lead the body.
    pub fn leads(self) -> bool {
        matches!(self, MembershipRole::Chair | MembershipRole::CoChair)
    }
}

/// How often a body meets: words for people, and optionally a number for the calendar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Cadence {
    /// Free text, e.g. "once a month, Tuesday afternoons".
    pub text: Option<String>,
    /// "every N weeks/months", when the body keeps a regular rhythm.
    pub every: Option<u16>,
    pub unit: Option<CadenceUnit>,
}

impl Cadence {
    /// When the meeting after one at `at` falls, by the regular rhythm; `None` without one.
    /// A month later keeps the day of the month, or the month's last day when it has
    /// fewer (31 January → 28 February).
    pub fn next_after(&self, at: chrono::NaiveDateTime) -> Option<chrono::NaiveDateTime> {
        let every = u32::from(self.every?);
        match self.unit? {
            CadenceUnit::Weeks => at.checked_add_signed(chrono::Duration::weeks(i64::from(every))),
            CadenceUnit::Months => at.checked_add_months(chrono::Months::new(every)),
        }
    }
}

/// A body as a user types it.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct BodyForm {
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub name: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = BodyKind)]
    #[schema(required = true)]
    pub kind: String,
    #[serde(deserialize_with = "lenient::text")]
    pub mandate: String,
    /// The meeting cadence in words.
    #[serde(deserialize_with = "lenient::text")]
    pub cadence: String,
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<u16>)]
    pub cadence_every: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = Option<CadenceUnit>)]
    pub cadence_unit: String,
    /// The goal the body serves (free text until the results tree arrives).
    #[serde(deserialize_with = "lenient::text")]
    pub goal: String,
}

/// A checked body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BodyInput {
    pub name: Name,
    pub kind: BodyKind,
    pub mandate: Option<String>,
    pub cadence: Cadence,
    pub goal: Option<String>,
}

impl BodyForm {
    pub fn parse(&self) -> Result<BodyInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let name = c.check("name", Name::parse(&self.name));
        let kind = c.check("kind", BodyKind::parse(&self.kind));
        let mandate = c.check("mandate", optional_text(&self.mandate, LONG_TEXT_MAX));
        let text = c.check("cadence", optional_line(&self.cadence, LINE_MAX));
        let every = c.check("cadence_every", optional_number(&self.cadence_every, 1, 52));
        let unit = c.check(
            "cadence_unit",
            match self.cadence_unit.trim() {
                "" => Ok(None),
                raw => CadenceUnit::parse(raw).map(Some),
            },
        );
        // "Every 3" means nothing without weeks or months, and "months" nothing without a number.
        if let (Some(every), Some(unit)) = (&every, &unit) {
            match (every, unit) {
                (Some(_), None) => c.push("cadence_unit", Invalid::Incomplete),
                (None, Some(_)) => c.push("cadence_every", Invalid::Incomplete),
                _ => {}
            }
        }
        let goal = c.check("goal", optional_text(&self.goal, LONG_TEXT_MAX));
        match (name, kind, mandate, text, every, unit, goal) {
            (
                Some(name),
                Some(kind),
                Some(mandate),
                Some(text),
                Some(every),
                Some(unit),
                Some(goal),
            ) if c.is_empty() => Ok(BodyInput {
                name,
                kind,
                mandate,
                cadence: Cadence {
                    text,
                    every: every.map(|n| n as u16),
                    unit,
                },
                goal,
            }),
            _ => Err(c.into_errors()),
        }
    }
}

/// A membership as a user types it.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct MembershipForm {
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = i64)]
    #[schema(required = true)]
    pub person_id: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = MembershipRole)]
    #[schema(required = true)]
    pub role: String,
    /// First day in the body (YYYY-MM-DD); empty for "since always".
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = Option<NaiveDate>)]
    pub from: String,
    /// Last day in the body (YYYY-MM-DD); empty while the person still sits there.
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = Option<NaiveDate>)]
    pub to: String,
}

/// A checked membership.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MembershipInput {
    pub person_id: PersonId,
    pub role: MembershipRole,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl MembershipForm {
    pub fn parse(&self) -> Result<MembershipInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let person = c.check("person_id", lenient::required_id(&self.person_id));
        let role = c.check("role", MembershipRole::parse(&self.role));
        let from = c.check("from", optional_date(&self.from));
        let to = c.check("to", optional_date(&self.to));
        if let (Some(Some(from)), Some(Some(to))) = (from, to)
            && to < from
        {
            c.push("to", Invalid::DateOrder);
        }
        match (person, role, from, to) {
            (Some(person), Some(role), Some(from), Some(to)) if c.is_empty() => {
                Ok(MembershipInput {
                    person_id: PersonId::new(person),
                    role,
                    from,
                    to,
                })
            }
            _ => Err(c.into_errors()),
        }
    }
}

/// Is a seat held on `day`?
pub fn seat_is_active(from: Option<NaiveDate>, to: Option<NaiveDate>, day: NaiveDate) -> bool {
    from.is_none_or(|f| f <= day) && to.is_none_or(|t| t >= day)
}

/// Do two seats' periods share a day? An open end reaches forever.
pub fn seats_overlap(
    a: (Option<NaiveDate>, Option<NaiveDate>),
    b: (Option<NaiveDate>, Option<NaiveDate>),
) -> bool {
    let starts_before_other_ends = |from: Option<NaiveDate>, to: Option<NaiveDate>| match (from, to)
    {
        (Some(from), Some(to)) => from <= to,
        _ => true,
    };
    starts_before_other_ends(a.0, b.1) && starts_before_other_ends(b.0, a.1)
}

/// The facts about one seat that the advice needs.
#[derive(Clone, Copy, Debug)]
pub struct Seat {
    pub person: PersonId,
    pub role: MembershipRole,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// How many people sit in the body today as members: each person once, observers not
/// counted. The advice and every count on the pages use this one number.
pub fn members_today(seats: &[Seat], today: NaiveDate) -> usize {
    let people: HashSet<PersonId> = seats
        .iter()
        .filter(|s| seat_is_active(s.from, s.to, today) && s.role != MembershipRole::Observer)
        .map(|s| s.person)
        .collect();
    people.len()
}

/// Where a body departs from the seeds' advice. These are warnings for the backbone, never
/// reasons to refuse a change: the initiative may have good reasons of its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum BodyWarning {
    /// A working group should be led by two co-chairs; this one has none.
    NoChairs,
    /// More than two people lead the working group.
    TooManyChairs { count: usize },
    /// None of the working group's chairs sits on a steering committee, so the group has no
    /// voice where decisions are taken.
    NoChairOnSteeringCommittee,
    /// The seeds advise 10–20 members for a working group.
    SizeOutsideAdvice {
        count: usize,
        min: usize,
        max: usize,
    },
}

impl BodyWarning {
    pub const ADVISED_MIN: usize = 10;
    pub const ADVISED_MAX: usize = 20;

    /// The Fluent message id that explains the warning.
    pub fn message_id(&self) -> &'static str {
        match self {
            BodyWarning::NoChairs => "warning-no-chairs",
            BodyWarning::TooManyChairs { .. } => "warning-too-many-chairs",
            BodyWarning::NoChairOnSteeringCommittee => "warning-no-chair-on-steering",
            BodyWarning::SizeOutsideAdvice { .. } => "warning-size-outside-advice",
        }
    }

    /// Numbers the message needs, as (name, value) pairs.
    pub fn message_args(&self) -> Vec<(&'static str, i64)> {
        match self {
            BodyWarning::TooManyChairs { count } => vec![("count", *count as i64)],
            BodyWarning::SizeOutsideAdvice { count, min, max } => vec![
                ("count", *count as i64),
                ("min", *min as i64),
                ("max", *max as i64),
            ],
            _ => Vec::new(),
        }
    }
}

/// Checks a body against the seeds' advice on `today`.
///
/// Only working groups carry advice. Seats that have ended or not yet begun do not count,
/// and observers are not counted as members. `steering_members` holds everyone with an
/// active seat on any steering committee of the same initiative.
pub fn advise(
    kind: BodyKind,
    seats: &[Seat],
    steering_members: &HashSet<PersonId>,
    today: NaiveDate,
) -> Vec<BodyWarning> {
    if kind != BodyKind::WorkingGroup {
        return Vec::new();
    }
    let active: Vec<&Seat> = seats
        .iter()
        .filter(|s| seat_is_active(s.from, s.to, today))
        .collect();
    let chairs: HashSet<PersonId> = active
        .iter()
        .filter(|s| s.role.leads())
        .map(|s| s.person)
        .collect();

    let mut warnings = Vec::new();
    if chairs.is_empty() {
        warnings.push(BodyWarning::NoChairs);
    } else {
        if chairs.len() > 2 {
            warnings.push(BodyWarning::TooManyChairs {
                count: chairs.len(),
            });
        }
        if chairs.is_disjoint(steering_members) {
            warnings.push(BodyWarning::NoChairOnSteeringCommittee);
        }
    }
    let count = members_today(seats, today);
    if !(BodyWarning::ADVISED_MIN..=BodyWarning::ADVISED_MAX).contains(&count) {
        warnings.push(BodyWarning::SizeOutsideAdvice {
            count,
            min: BodyWarning::ADVISED_MIN,
            max: BodyWarning::ADVISED_MAX,
        });
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn seat(person: i64, role: MembershipRole) -> Seat {
        Seat {
            person: PersonId::new(person),
            role,
            from: Some(day("2025-09-01")),
            to: None,
        }
    }

    fn group(chairs: &[i64], members: usize) -> Vec<Seat> {
        let mut seats: Vec<Seat> = chairs
            .iter()
            .map(|p| seat(*p, MembershipRole::CoChair))
            .collect();
        seats.extend((0..members).map(|i| seat(100 + i as i64, MembershipRole::Member)));
        seats
    }

    #[test]
    fn a_well_formed_working_group_has_no_warnings() {
        let steering = HashSet::from([PersonId::new(1)]);
        let seats = group(&[1, 2], 10);
        assert_eq!(
            advise(BodyKind::WorkingGroup, &seats, &steering, day("2026-01-01")),
            vec![]
        );
    }

    #[test]
    fn three_chairs_none_on_steering_and_too_small() {
        let steering = HashSet::from([PersonId::new(99)]);
        let seats = group(&[1, 2, 3], 4);
        assert_eq!(
            advise(BodyKind::WorkingGroup, &seats, &steering, day("2026-01-01")),
            vec![
                BodyWarning::TooManyChairs { count: 3 },
                BodyWarning::NoChairOnSteeringCommittee,
                BodyWarning::SizeOutsideAdvice {
                    count: 7,
                    min: 10,
                    max: 20
                },
            ]
        );
    }

    #[test]
    fn too_large_and_no_chairs() {
        let seats = group(&[], 21);
        assert_eq!(
            advise(
                BodyKind::WorkingGroup,
                &seats,
                &HashSet::new(),
                day("2026-01-01")
            ),
            vec![
                BodyWarning::NoChairs,
                BodyWarning::SizeOutsideAdvice {
                    count: 21,
                    min: 10,
                    max: 20
                }
            ]
        );
    }

    #[test]
    fn ended_seats_and_observers_do_not_count() {
        let steering = HashSet::from([PersonId::new(1)]);
        // Two co-chairs and eight members: ten, just inside the advice.
        let mut seats = group(&[1, 2], 8);
        let today = day("2026-01-01");
        assert_eq!(
            advise(BodyKind::WorkingGroup, &seats, &steering, today),
            vec![]
        );
        // One member left last year and an observer joined: nine members now.
        seats[2].to = Some(day("2025-12-31"));
        seats.push(seat(500, MembershipRole::Observer));
        assert_eq!(
            advise(BodyKind::WorkingGroup, &seats, &steering, today),
            vec![BodyWarning::SizeOutsideAdvice {
                count: 9,
                min: 10,
                max: 20
            }]
        );
        // A seat that starts next month does not count yet either.
        seats.push(Seat {
            from: Some(day("2026-02-01")),
            ..seat(501, MembershipRole::Member)
        });
        assert_eq!(
            advise(BodyKind::WorkingGroup, &seats, &steering, today),
            vec![BodyWarning::SizeOutsideAdvice {
                count: 9,
                min: 10,
                max: 20
            }]
        );
    }

    #[test]
    fn seats_overlap_when_their_periods_share_a_day() {
        let d = |s: &str| Some(day(s));
        assert!(seats_overlap((None, None), (d("2026-01-01"), None)));
        assert!(seats_overlap(
            (d("2025-09-01"), d("2026-01-01")),
            (d("2026-01-01"), None)
        ));
        assert!(!seats_overlap(
            (d("2025-09-01"), d("2025-12-31")),
            (d("2026-01-01"), None)
        ));
        assert!(!seats_overlap(
            (d("2026-02-01"), None),
            (None, d("2026-01-31"))
        ));
    }

    #[test]
    fn other_bodies_carry_no_advice() {
        let seats = group(&[1, 2, 3], 2);
        assert!(
            advise(
                BodyKind::SteeringCommittee,
                &seats,
                &HashSet::new(),
                day("2026-01-01")
            )
            .is_empty()
        );
    }

    #[test]
    fn cadence_needs_both_halves() {
        let form = BodyForm {
            name: "קבוצת עבודה".into(),
            kind: "working_group".into(),
            cadence_every: "2".into(),
            ..Default::default()
        };
        let errors = form.parse().unwrap_err();
        assert_eq!(
            errors,
            vec![FieldError::new("cadence_unit", Invalid::Incomplete)]
        );
        let form = BodyForm {
            cadence_unit: "weeks".into(),
            ..form
        };
        assert_eq!(form.parse().unwrap().cadence.every, Some(2));
    }

    #[test]
    fn membership_dates_must_be_in_order() {
        let form = MembershipForm {
            person_id: "4".into(),
            role: "member".into(),
            from: "2026-02-01".into(),
            to: "2026-01-01".into(),
        };
        assert_eq!(
            form.parse().unwrap_err(),
            vec![FieldError::new("to", Invalid::DateOrder)]
        );
    }

    #[test]
    fn the_next_meeting_follows_the_cadence() {
        let at = |s: &str| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap();
        let cadence = |every, unit| Cadence {
            text: None,
            every,
            unit,
        };
        assert_eq!(
            cadence(Some(3), Some(CadenceUnit::Months)).next_after(at("2025-11-20T09:00")),
            Some(at("2026-02-20T09:00"))
        );
        assert_eq!(
            cadence(Some(1), Some(CadenceUnit::Months)).next_after(at("2026-01-31T17:00")),
            Some(at("2026-02-28T17:00"))
        );
        assert_eq!(
            cadence(Some(2), Some(CadenceUnit::Weeks)).next_after(at("2026-03-19T09:00")),
            Some(at("2026-04-02T09:00"))
        );
        assert_eq!(cadence(None, None).next_after(at("2026-03-19T09:00")), None);
    }
}
