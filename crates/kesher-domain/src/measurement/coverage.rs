//! How complete a figure is: of the places expected to report an indicator for a period, how
//! many did (what DHIS2 calls the reporting rate). A period whose coverage is below the
//! indicator's threshold is provisional: shown, marked, never the headline, never published.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use super::period::Period;
use super::rollup::Hierarchy;
use crate::{PlaceId, choice_enum};

choice_enum!(
    /// Which places are expected to report an indicator, by the backbone's choice.
    Expected, "coverage-expected", {
        /// The places that reported the last complete period before (the default): a
        /// series keeps its own shape, whatever level it is entered at.
        PreviousPeriod => "previous_period",
        /// Every school of the initiative.
        AllSchools => "all_schools",
        /// The places of one group.
        PlaceGroup => "place_group",
    }
);

/// The share of expected places, in percent, below which a period is provisional.
pub const DEFAULT_THRESHOLD: f64 = 90.0;

/// How many of the places expected to report under a place did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Coverage {
    pub reported: u32,
    pub expected: u32,
}

impl Coverage {
    /// The share reported, in percent; a place nobody was expected to report under is
    /// complete by definition.
    pub fn percent(self) -> f64 {
        if self.expected == 0 {
            100.0
        } else {
            f64::from(self.reported) * 100.0 / f64::from(self.expected)
        }
    }

    /// Whether the share reported reaches the threshold (in percent).
    pub fn meets(self, threshold: f64) -> bool {
        // Compared in whole numbers, so 9 of 10 meets 90% however 0.9 rounds.
        f64::from(self.reported) * 100.0 >= threshold * f64::from(self.expected) - 1e-9
    }
}

/// Coverage at every place, for one period: each place that was expected, or that reported
/// though not expected, counts once at itself and at every place above it. (A place that
/// reports without being expected — a new school — is in the count, not outside it, so the
/// share never exceeds 100%.)
pub fn count(
    hierarchy: &Hierarchy,
    expected: &HashSet<PlaceId>,
    reported: &HashSet<PlaceId>,
) -> HashMap<PlaceId, Coverage> {
    let mut out: HashMap<PlaceId, Coverage> = HashMap::new();
    for &place in expected.union(reported) {
        let did = u32::from(reported.contains(&place));
        for at in std::iter::once(place).chain(hierarchy.ancestors(place)) {
            let c = out.entry(at).or_default();
            c.expected += 1;
            c.reported += did;
        }
    }
    out
}

/// The places expected to report in each period, in period order.
///
/// With a fixed set (every school, a group) it is that set every period. By the previous
/// period, it is the set that reported in the last earlier period whose coverage met the
/// threshold — so a period in which four schools reported does not lower what the next one is
/// measured against — or, before any period met it, the period just before; the first
/// period is measured against itself.
pub fn expected_by_period(
    reported: &BTreeMap<Period, HashSet<PlaceId>>,
    fixed: Option<&HashSet<PlaceId>>,
    threshold: f64,
) -> BTreeMap<Period, HashSet<PlaceId>> {
    let mut out = BTreeMap::new();
    if let Some(fixed) = fixed {
        for period in reported.keys() {
            out.insert(*period, fixed.clone());
        }
        return out;
    }
    let mut last_complete: Option<&HashSet<PlaceId>> = None;
    let mut previous: Option<&HashSet<PlaceId>> = None;
    for (period, did) in reported {
        let expected: HashSet<PlaceId> = last_complete.or(previous).cloned().unwrap_or_default();
        let all = Coverage {
            reported: did.len() as u32,
            expected: expected.union(did).count() as u32,
        };
        if all.meets(threshold) {
            last_complete = Some(did);
        }
        previous = Some(did);
        out.insert(*period, expected);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const COUNTRY: PlaceId = PlaceId::new(1);
    const TOWN: PlaceId = PlaceId::new(2);

    fn school(n: i64) -> PlaceId {
        PlaceId::new(100 + n)
    }

    fn hierarchy(schools: i64) -> Hierarchy {
        Hierarchy::new(
            [(COUNTRY, None), (TOWN, Some(COUNTRY))]
                .into_iter()
                .chain((0..schools).map(|n| (school(n), Some(TOWN)))),
        )
    }

    fn set(range: std::ops::Range<i64>) -> HashSet<PlaceId> {
        range.map(school).collect()
    }

    #[test]
    fn four_schools_of_950_are_a_provisional_year() {
        let reported = BTreeMap::from([
            (Period::SchoolYear(2015), set(0..950)),
            (Period::SchoolYear(2016), set(0..4)),
        ]);
        let expected = expected_by_period(&reported, None, DEFAULT_THRESHOLD);
        // The first year is measured against itself.
        assert!(expected[&Period::SchoolYear(2015)].is_empty());
        let later = count(
            &hierarchy(950),
            &expected[&Period::SchoolYear(2016)],
            &reported[&Period::SchoolYear(2016)],
        );
        assert_eq!(
            later[&COUNTRY],
            Coverage {
                reported: 4,
                expected: 950
            }
        );
        assert!(!later[&COUNTRY].meets(DEFAULT_THRESHOLD));
        assert!((later[&TOWN].percent() - 0.42).abs() < 0.01);
        // A school that reported is complete in itself; one that did not is 0 of 1.
        assert!(later[&school(3)].meets(DEFAULT_THRESHOLD));
        assert_eq!(later[&school(4)].reported, 0);
    }

    #[test]
    fn a_thin_year_does_not_lower_the_bar_for_the_next() {
        let reported = BTreeMap::from([
            (Period::SchoolYear(2014), set(0..100)),
            (Period::SchoolYear(2015), set(0..4)),
            (Period::SchoolYear(2016), set(0..10)),
        ]);
        let expected = expected_by_period(&reported, None, DEFAULT_THRESHOLD);
        // 2016 is measured against 2014's hundred, not 2015's four.
        assert_eq!(expected[&Period::SchoolYear(2016)].len(), 100);
    }

    #[test]
    fn a_new_school_is_counted_not_left_outside() {
        let expected = set(0..9);
        let reported = set(0..10);
        let at = count(&hierarchy(10), &expected, &reported);
        assert_eq!(
            at[&COUNTRY],
            Coverage {
                reported: 10,
                expected: 10
            }
        );
        // 9 of 10 meets 90% exactly.
        assert!(
            Coverage {
                reported: 9,
                expected: 10
            }
            .meets(90.0)
        );
        assert!(
            !Coverage {
                reported: 8,
                expected: 10
            }
            .meets(90.0)
        );
    }

    #[test]
    fn a_fixed_set_is_expected_every_period() {
        let reported = BTreeMap::from([(Period::SchoolYear(2020), set(0..3))]);
        let all = set(0..12);
        let expected = expected_by_period(&reported, Some(&all), DEFAULT_THRESHOLD);
        assert_eq!(expected[&Period::SchoolYear(2020)].len(), 12);
    }
}
