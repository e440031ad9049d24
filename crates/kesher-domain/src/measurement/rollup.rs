//! Adding values up the place hierarchy: schools into authorities, authorities into
//! districts, districts into the country. A sum adds; a weighted mean is recomputed from the
//! summed products and weights; an unweighted mean averages the places themselves. A ratio is
//! never averaged: a computed indicator recomputes its formula from its inputs' totals.

use std::collections::HashMap;

use super::indicator::{Aggregation, CompiledFormula};
use crate::PlaceId;

/// The place hierarchy, ordered so that every place comes before its parent.
#[derive(Clone, Debug, Default)]
pub struct Hierarchy {
    parent: HashMap<PlaceId, PlaceId>,
    deepest_first: Vec<PlaceId>,
}

impl Hierarchy {
    /// Builds the hierarchy from (place, parent) pairs. A parent that is not among the
    /// places is ignored; a cycle cannot arise because the store refuses it.
    pub fn new(places: impl IntoIterator<Item = (PlaceId, Option<PlaceId>)>) -> Self {
        let pairs: Vec<(PlaceId, Option<PlaceId>)> = places.into_iter().collect();
        let parent: HashMap<PlaceId, PlaceId> = pairs
            .iter()
            .filter_map(|&(place, parent)| parent.map(|p| (place, p)))
            .collect();
        let mut depth: HashMap<PlaceId, usize> = HashMap::with_capacity(pairs.len());
        for &(place, _) in &pairs {
            let mut d = 0;
            let mut current = place;
            while let Some(&up) = parent.get(&current) {
                d += 1;
                current = up;
                if d > pairs.len() {
                    break;
                }
            }
            depth.insert(place, d);
        }
        let mut deepest_first: Vec<PlaceId> = pairs.iter().map(|&(p, _)| p).collect();
        deepest_first.sort_by_key(|p| (std::cmp::Reverse(depth[p]), *p));
        Self {
            parent,
            deepest_first,
        }
    }

    pub fn parent(&self, place: PlaceId) -> Option<PlaceId> {
        self.parent.get(&place).copied()
    }

    /// The place's parent, grandparent… up to the top.
    pub fn ancestors(&self, place: PlaceId) -> impl Iterator<Item = PlaceId> + '_ {
        std::iter::successors(self.parent(place), |p| self.parent(*p))
    }

    pub fn len(&self) -> usize {
        self.deepest_first.len()
    }

    pub fn is_empty(&self) -> bool {
        self.deepest_first.is_empty()
    }
}

/// A value entered for a place, with the weight it carries in a weighted mean.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Entered {
    pub value: f64,
    /// The weight (e.g. the school's number of students); `None` leaves the place out of a
    /// weighted mean.
    pub weight: Option<f64>,
}

/// A place's figure after adding up.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rolled {
    pub value: f64,
    /// How many places with entered values it was built from.
    pub places: u32,
    /// Whether the value was entered for this place itself rather than added up.
    pub entered: bool,
}

#[derive(Clone, Copy, Default)]
struct Tally {
    sum: f64,
    weight: f64,
    places: u32,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.sum += other.sum;
        self.weight += other.weight;
        self.places += other.places;
    }
}

/// Adds entered values up the hierarchy by the rule. A place with a value of its own keeps
/// it (its children are not added on top, which would count them twice); a place without one
/// gets the total of its children. With `Aggregation::None` only entered values come back.
pub fn roll_up(
    hierarchy: &Hierarchy,
    rule: Aggregation,
    entered: &HashMap<PlaceId, Entered>,
) -> HashMap<PlaceId, Rolled> {
    let mut out = HashMap::with_capacity(entered.len() * 2);
    if rule == Aggregation::None {
        for (&place, e) in entered {
            out.insert(
                place,
                Rolled {
                    value: e.value,
                    places: 1,
                    entered: true,
                },
            );
        }
        return out;
    }
    let mut children: HashMap<PlaceId, Tally> = HashMap::new();
    for &place in &hierarchy.deepest_first {
        let own = entered.get(&place).and_then(|e| match rule {
            Aggregation::WeightedMean => e.weight.filter(|w| *w > 0.0).map(|w| Tally {
                sum: e.value * w,
                weight: w,
                places: 1,
            }),
            _ => Some(Tally {
                sum: e.value,
                weight: 1.0,
                places: 1,
            }),
        });
        let is_entered = own.is_some();
        let Some(tally) = own.or_else(|| children.get(&place).copied()) else {
            continue;
        };
        let value = match rule {
            Aggregation::Sum => tally.sum,
            Aggregation::Mean | Aggregation::WeightedMean if tally.weight > 0.0 => {
                tally.sum / tally.weight
            }
            _ => continue,
        };
        out.insert(
            place,
            Rolled {
                value,
                places: tally.places,
                entered: is_entered,
            },
        );
        if let Some(parent) = hierarchy.parent(place) {
            children.entry(parent).or_default().add(tally);
        }
    }
    out
}

/// A computed indicator at every place: its formula over its inputs' added-up figures, in
/// the order of [`CompiledFormula::inputs`]. A place missing any input gets no value.
pub fn compute(
    formula: &CompiledFormula,
    inputs: &[HashMap<PlaceId, Rolled>],
) -> HashMap<PlaceId, Rolled> {
    let Some(first) = inputs.first() else {
        return HashMap::new();
    };
    let mut out = HashMap::with_capacity(first.len());
    let mut values = vec![None; inputs.len()];
    for (&place, rolled) in first {
        for (slot, input) in values.iter_mut().zip(inputs) {
            *slot = input.get(&place).map(|r| r.value);
        }
        if let Some(value) = formula.evaluate(&values) {
            out.insert(
                place,
                Rolled {
                    value,
                    places: rolled.places,
                    entered: rolled.entered,
                },
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measurement::indicator::Formula;

    const COUNTRY: PlaceId = PlaceId::new(1);
    const NORTH: PlaceId = PlaceId::new(2);
    const TOWN: PlaceId = PlaceId::new(3);
    const BIG: PlaceId = PlaceId::new(10);
    const SMALL: PlaceId = PlaceId::new(11);
    const VILLAGE: PlaceId = PlaceId::new(12);

    fn hierarchy() -> Hierarchy {
        Hierarchy::new([
            (VILLAGE, Some(NORTH)),
            (BIG, Some(TOWN)),
            (SMALL, Some(TOWN)),
            (TOWN, Some(NORTH)),
            (NORTH, Some(COUNTRY)),
            (COUNTRY, None),
        ])
    }

    fn entered(values: &[(PlaceId, f64)]) -> HashMap<PlaceId, Entered> {
        values
            .iter()
            .map(|&(p, v)| {
                (
                    p,
                    Entered {
                        value: v,
                        weight: None,
                    },
                )
            })
            .collect()
    }

    #[test]
    fn sums_add_up_every_level() {
        let rolled = roll_up(
            &hierarchy(),
            Aggregation::Sum,
            &entered(&[(BIG, 300.0), (SMALL, 20.0), (VILLAGE, 5.0)]),
        );
        assert_eq!(rolled[&TOWN].value, 320.0);
        assert_eq!(rolled[&COUNTRY].value, 325.0);
        assert_eq!(rolled[&COUNTRY].places, 3);
        assert!(!rolled[&COUNTRY].entered);
    }

    #[test]
    fn a_ratio_is_recomputed_from_totals_not_averaged() {
        // The big school: 60 of 300 take 5-unit maths (20%); the small one 10 of 20 (50%).
        let takers = roll_up(
            &hierarchy(),
            Aggregation::Sum,
            &entered(&[(BIG, 60.0), (SMALL, 10.0)]),
        );
        let students = roll_up(
            &hierarchy(),
            Aggregation::Sum,
            &entered(&[(BIG, 300.0), (SMALL, 20.0)]),
        );
        let share = Formula::parse("takers / students * 100").unwrap().compile();
        // Inputs come in the formula's order (alphabetical): students, then takers.
        assert_eq!(share.inputs(), ["students", "takers"]);
        let computed = compute(&share, &[students, takers]);
        assert_eq!(computed[&BIG].value, 20.0);
        // 70 of 320 — not the 35% an average of the two percentages would claim.
        assert!((computed[&TOWN].value - 21.875).abs() < 1e-9);
        assert!((computed[&COUNTRY].value - 21.875).abs() < 1e-9);
    }

    #[test]
    fn weighted_and_unweighted_means_differ_as_asked() {
        let mut values = entered(&[(BIG, 20.0), (SMALL, 50.0)]);
        values.get_mut(&BIG).unwrap().weight = Some(300.0);
        values.get_mut(&SMALL).unwrap().weight = Some(20.0);
        let weighted = roll_up(&hierarchy(), Aggregation::WeightedMean, &values);
        assert!((weighted[&TOWN].value - 21.875).abs() < 1e-9);
        let unweighted = roll_up(&hierarchy(), Aggregation::Mean, &values);
        assert_eq!(unweighted[&TOWN].value, 35.0);
        // Averaged over the schools, not over the authorities' averages.
        let mut three = values.clone();
        three.insert(
            VILLAGE,
            Entered {
                value: 80.0,
                weight: Some(10.0),
            },
        );
        let unweighted = roll_up(&hierarchy(), Aggregation::Mean, &three);
        assert_eq!(unweighted[&NORTH].value, 50.0);
    }

    #[test]
    fn an_entered_total_is_not_counted_twice() {
        let rolled = roll_up(
            &hierarchy(),
            Aggregation::Sum,
            &entered(&[(BIG, 300.0), (SMALL, 20.0), (TOWN, 330.0), (VILLAGE, 5.0)]),
        );
        assert_eq!(rolled[&TOWN].value, 330.0);
        assert!(rolled[&TOWN].entered);
        assert_eq!(rolled[&NORTH].value, 335.0);
        let kept = roll_up(&hierarchy(), Aggregation::None, &entered(&[(BIG, 1.0)]));
        assert_eq!(kept.len(), 1);
    }
}
