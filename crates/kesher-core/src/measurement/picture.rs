//! The figures behind the measurement pages: an indicator's approved values added up the
//! place hierarchy for every period, computed indicators recomputed from their inputs'
//! totals, and where each indicator stands against its target.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, Mutex};

use kesher_domain::access::Access;
use kesher_domain::measurement::indicator::{Aggregation, Cell, Formula};
use kesher_domain::measurement::period::Period;
use kesher_domain::measurement::rollup::{Entered, Hierarchy, Rolled, compute, roll_up};
use kesher_domain::measurement::status::Point;
use kesher_domain::*;
use kesher_store::{Indicator, Place};

use crate::{Caller, CoreResult, Kesher};

/// The whole initiative: the sum of the places at the top of the hierarchy. It has no row
/// of its own; pages name it "all places".
pub const ALL_PLACES: PlaceId = PlaceId::new(0);

/// Figures of one indicator: period → place → figure.
pub type Figures = BTreeMap<Period, HashMap<PlaceId, Rolled>>;

/// The values of one (indicator, period, cell) gathered while the store streams them.
type Filing = ((IndicatorId, Period, Cell), HashMap<PlaceId, f64>);

/// A value known to be missing or suppressed: indicator, period, place, cell.
type Unknown = (IndicatorId, Period, PlaceId, Cell);

/// Place → the breakdowns (named by their dimensions) with a missing cell there.
type PlaceGaps = HashMap<PlaceId, HashSet<Vec<String>>>;

/// One indicator's approved values: period → cell → place → value.
type EnteredValues = BTreeMap<Period, HashMap<Cell, HashMap<PlaceId, f64>>>;

/// Everything the measurement pages need about the initiative's places and indicators.
/// Built once per version of the initiative's data and shared; the figures it computes are
/// kept with it, so pages after the first only read them.
pub struct Measurement {
    pub places: Vec<Place>,
    pub indicators: Vec<Indicator>,
    pub hierarchy: Hierarchy,
    /// Approved values by indicator, period, cell, place.
    values: HashMap<IndicatorId, EnteredValues>,
    /// The initiative's named groups of places (for coverage and the gap view).
    pub groups: Vec<kesher_store::PlaceGroup>,
    by_id: HashMap<PlaceId, usize>,
    children: HashMap<Option<PlaceId>, Vec<usize>>,
    figures: Mutex<HashMap<(IndicatorId, Cell), Arc<Figures>>>,
    pub(super) coverages: Mutex<HashMap<IndicatorId, Arc<super::headline::Coverages>>>,
    /// Indicators some of whose figures overflowed (were not finite) and were left out.
    overflowed: Mutex<HashSet<IndicatorId>>,
}

/// The measurements of the initiatives, each with the data version it was built at.
#[derive(Default)]
pub struct MeasurementCache {
    loaded: Mutex<HashMap<InitiativeId, (i64, Arc<Measurement>)>>,
    /// Held while one is built, so requests arriving together wait for it instead of each
    /// building their own.
    building: tokio::sync::Mutex<()>,
}

impl Measurement {
    fn new(
        places: Vec<Place>,
        groups: Vec<kesher_store::PlaceGroup>,
        indicators: Vec<Indicator>,
        mut values: HashMap<IndicatorId, EnteredValues>,
        unknown: &HashSet<Unknown>,
    ) -> Self {
        // Every top-level place hangs under the synthetic "all places".
        let hierarchy = Hierarchy::new(
            places
                .iter()
                .map(|p| (p.id, Some(p.parent_id.unwrap_or(ALL_PLACES))))
                .chain(std::iter::once((ALL_PLACES, None))),
        );
        add_totals_from_cells(&indicators, &mut values, unknown);
        let by_id = places.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
        let mut children: HashMap<Option<PlaceId>, Vec<usize>> = HashMap::new();
        for (i, p) in places.iter().enumerate() {
            children.entry(p.parent_id).or_default().push(i);
        }
        Self {
            places,
            indicators,
            hierarchy,
            values,
            groups,
            by_id,
            children,
            figures: Mutex::default(),
            coverages: Mutex::default(),
            overflowed: Mutex::default(),
        }
    }

    /// A measurement made of given records and approved values (indicator, period, place,
    /// cell, value; `None` for a value known to be missing), as the store would hand them
    /// over: for tests and benchmarks that check the figures without a database.
    pub fn from_values(
        places: Vec<Place>,
        groups: Vec<kesher_store::PlaceGroup>,
        indicators: Vec<Indicator>,
        approved: impl IntoIterator<Item = (IndicatorId, Period, PlaceId, Cell, Option<f64>)>,
    ) -> Self {
        let mut values: HashMap<IndicatorId, EnteredValues> = HashMap::new();
        let mut unknown = HashSet::new();
        for (indicator, period, place, cell, value) in approved {
            match value {
                Some(v) => {
                    values
                        .entry(indicator)
                        .or_default()
                        .entry(period)
                        .or_default()
                        .entry(cell)
                        .or_default()
                        .insert(place, v);
                }
                None => {
                    unknown.insert((indicator, period, place, cell));
                }
            }
        }
        Self::new(places, groups, indicators, values, &unknown)
    }

    pub fn indicator_by_code(&self, code: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.code == code)
    }

    pub fn place(&self, id: PlaceId) -> Option<&Place> {
        self.by_id.get(&id).map(|&i| &self.places[i])
    }

    /// Where an indicator's figure for the whole initiative is read: over all places; but
    /// an indicator that is not summed up the hierarchy has no figure there, so when the
    /// initiative has one top-level place (a city and its schools), it is read at that
    /// place, where the city's own figures (its committees' attendance) are entered.
    pub fn initiative_place(&self, indicator: &Indicator) -> PlaceId {
        let top = self.children(ALL_PLACES);
        match top.as_slice() {
            [only] if indicator.aggregation == Aggregation::None => only.id,
            _ => ALL_PLACES,
        }
    }

    /// The places directly under `parent` (the top-level ones under [`ALL_PLACES`]).
    pub fn children(&self, parent: PlaceId) -> Vec<&Place> {
        let parent = (parent != ALL_PLACES).then_some(parent);
        self.children
            .get(&parent)
            .map(|list| list.iter().map(|&i| &self.places[i]).collect())
            .unwrap_or_default()
    }

    /// The periods with any entered value for the indicator or, for a computed one, for
    /// all of its inputs.
    pub fn periods(&self, indicator: &Indicator) -> Vec<Period> {
        let mut periods: Vec<Period> = self.periods_of(indicator, 0).into_iter().collect();
        periods.sort();
        periods
    }

    fn periods_of(&self, indicator: &Indicator, depth: usize) -> HashSet<Period> {
        if depth > 8 {
            return HashSet::new();
        }
        match indicator
            .formula
            .as_deref()
            .and_then(|f| Formula::parse(f).ok())
        {
            None => self
                .values
                .get(&indicator.id)
                .map(|by_period| by_period.keys().copied().collect())
                .unwrap_or_default(),
            Some(formula) => {
                let mut sets = formula.inputs().into_iter().map(|code| {
                    self.indicator_by_code(&code)
                        .map(|i| self.periods_of(i, depth + 1))
                        .unwrap_or_default()
                });
                let first = sets.next().unwrap_or_default();
                sets.fold(first, |acc, set| acc.intersection(&set).copied().collect())
            }
        }
    }

    /// The breakdown cells with values for the indicator in a period (the total aside).
    pub fn cells(&self, indicator: &Indicator, period: Period) -> Vec<Cell> {
        let source = match indicator
            .formula
            .as_deref()
            .and_then(|f| Formula::parse(f).ok())
        {
            None => Some(indicator),
            Some(formula) => formula
                .denominator()
                .and_then(|code| self.indicator_by_code(&code)),
        };
        let mut cells: Vec<Cell> = source
            .and_then(|i| self.values.get(&i.id))
            .and_then(|by_period| by_period.get(&period))
            .map(|by_cell| by_cell.keys().filter(|c| !c.is_total()).cloned().collect())
            .unwrap_or_default();
        cells.sort();
        cells
    }

    /// The indicator's figure at every place for one period and cell.
    pub fn figures_at(
        &self,
        indicator: &Indicator,
        period: Period,
        cell: &Cell,
    ) -> HashMap<PlaceId, Rolled> {
        self.figures_inner(indicator, period, cell, None, 0)
    }

    pub(super) fn entered(
        &self,
        indicator: &Indicator,
        period: Period,
        cell: &Cell,
    ) -> Option<&HashMap<PlaceId, f64>> {
        self.values
            .get(&indicator.id)
            .and_then(|by_period| by_period.get(&period))
            .and_then(|by_cell| by_cell.get(cell))
    }

    /// `only` keeps the entered values of those places alone: a formula's inputs are added
    /// up over the places that report all of them, so a school that gave its students but
    /// not its examinees does not count as having none.
    fn figures_inner(
        &self,
        indicator: &Indicator,
        period: Period,
        cell: &Cell,
        only: Option<&HashSet<PlaceId>>,
        depth: usize,
    ) -> HashMap<PlaceId, Rolled> {
        if depth > 8 {
            return HashMap::new();
        }
        if let Some(formula) = indicator
            .formula
            .as_deref()
            .and_then(|f| Formula::parse(f).ok())
        {
            let compiled = formula.compile();
            let input_indicators: Vec<Option<&Indicator>> = compiled
                .inputs()
                .iter()
                .map(|code| self.indicator_by_code(code))
                .collect();
            let mut complete: Option<HashSet<PlaceId>> = only.cloned();
            for input in input_indicators.iter().flatten() {
                if input.is_computed() {
                    continue;
                }
                let places: HashSet<PlaceId> = self
                    .entered(input, period, cell)
                    .map(|values| values.keys().copied().collect())
                    .unwrap_or_default();
                complete = Some(match complete {
                    None => places,
                    Some(so_far) => so_far.intersection(&places).copied().collect(),
                });
            }
            let inputs: Vec<HashMap<PlaceId, Rolled>> = input_indicators
                .iter()
                .map(|input| {
                    input
                        .map(|i| self.figures_inner(i, period, cell, complete.as_ref(), depth + 1))
                        .unwrap_or_default()
                })
                .collect();
            return compute(&compiled, &inputs);
        }
        let Some(entered_values) = self.entered(indicator, period, cell) else {
            return HashMap::new();
        };
        let weights: Option<HashMap<PlaceId, Rolled>> = match indicator.aggregation {
            Aggregation::WeightedMean => indicator
                .weight_code
                .as_deref()
                .and_then(|code| self.indicator_by_code(code))
                .filter(|w| w.id != indicator.id)
                .map(|w| self.figures_inner(w, period, cell, only, depth + 1)),
            _ => None,
        };
        let entered: HashMap<PlaceId, Entered> = entered_values
            .iter()
            .filter(|(place, _)| only.is_none_or(|only| only.contains(place)))
            .map(|(&place, &value)| {
                let weight = weights
                    .as_ref()
                    .and_then(|w| w.get(&place))
                    .map(|r| r.value);
                (place, Entered { value, weight })
            })
            .collect();
        roll_up(&self.hierarchy, indicator.aggregation, &entered)
    }

    /// Every period's figures at every place, for the total or one cell; computed once per
    /// version of the data.
    pub fn figures(&self, indicator: &Indicator, cell: &Cell) -> Arc<Figures> {
        let key = (indicator.id, cell.clone());
        if let Some(done) = self.figures.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return done;
        }
        let mut overflowed = false;
        let computed: Arc<Figures> = Arc::new(
            self.periods(indicator)
                .into_iter()
                .map(|period| {
                    let mut at = self.figures_at(indicator, period, cell);
                    // A sum past what a float holds is infinite; it is left out and the
                    // indicator's page says its figures overflowed, rather than drawing it.
                    let before = at.len();
                    at.retain(|_, r| r.value.is_finite());
                    overflowed |= at.len() != before;
                    (period, at)
                })
                .collect(),
        );
        if overflowed && let Ok(mut marked) = self.overflowed.lock() {
            marked.insert(indicator.id);
        }
        if let Ok(mut memo) = self.figures.lock() {
            memo.insert(key, computed.clone());
        }
        computed
    }

    /// Whether some of the indicator's figures were too large to compute and were left out
    /// (asked after [`Self::figures`]).
    pub fn overflowed(&self, indicator: &Indicator) -> bool {
        self.overflowed
            .lock()
            .is_ok_and(|marked| marked.contains(&indicator.id))
    }

    /// The series of one place, in period order.
    pub fn series(figures: &Figures, place: PlaceId) -> Vec<Point> {
        figures
            .iter()
            .filter_map(|(period, at)| {
                at.get(&place).map(|r| Point {
                    period: *period,
                    value: r.value,
                })
            })
            .collect()
    }
}

impl Kesher {
    /// Loads the initiative's places, indicators and approved values, for the pages that
    /// draw figures.
    pub async fn measurement(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<(Arc<Measurement>, Access)> {
        let access = self.require(caller, initiative, |_| true).await?;
        Ok((self.load_measurement(initiative).await?, access))
    }

    /// The initiative's measurement: the one already built when the data has not changed
    /// since (any write moves the data version on), else a new one. The version is read
    /// before building, so data written meanwhile only makes the next request build again.
    pub(crate) async fn load_measurement(
        &self,
        initiative: InitiativeId,
    ) -> CoreResult<Arc<Measurement>> {
        let version = self.store.data_version(initiative).await?;
        let cached = || {
            self.measurements
                .loaded
                .lock()
                .ok()
                .and_then(|m| m.get(&initiative).cloned())
                .filter(|(built_at, _)| *built_at == version)
                .map(|(_, measurement)| measurement)
        };
        if let Some(measurement) = cached() {
            return Ok(measurement);
        }
        let _building = self.measurements.building.lock().await;
        if let Some(measurement) = cached() {
            return Ok(measurement);
        }
        // The stale one is let go first: at a national scale two side by side would double
        // the memory the figures take.
        if let Ok(mut loaded) = self.measurements.loaded.lock() {
            loaded.remove(&initiative);
        }
        let measurement = Arc::new(self.build_measurement(initiative).await?);
        if let Ok(mut loaded) = self.measurements.loaded.lock() {
            loaded.insert(initiative, (version, measurement.clone()));
        }
        Ok(measurement)
    }

    async fn build_measurement(&self, initiative: InitiativeId) -> CoreResult<Measurement> {
        let places = self.store.places(initiative).await?;
        let groups = self.store.place_groups(initiative).await?;
        let indicators = self.store.indicators(initiative).await?;
        let mut values: HashMap<IndicatorId, EnteredValues> = HashMap::new();
        let mut unknown: HashSet<Unknown> = HashSet::new();
        // The last (indicator, period, cell) seen: values come in key order, so most land
        // in the same map as the one before and skip three lookups.
        let mut current: Option<Filing> = None;
        let flush = |values: &mut HashMap<IndicatorId, EnteredValues>, done: Option<Filing>| {
            if let Some(((indicator, period, cell), at)) = done {
                values
                    .entry(indicator)
                    .or_default()
                    .entry(period)
                    .or_default()
                    .entry(cell)
                    .or_default()
                    .extend(at);
            }
        };
        self.store
            .visit_approved_values(initiative, &mut |v| {
                let same = current.as_ref().is_some_and(|((i, p, c), _)| {
                    *i == v.indicator_id && *p == v.period && c == v.cell
                });
                if !same {
                    let key = (v.indicator_id, v.period, v.cell.clone());
                    flush(&mut values, current.replace((key, HashMap::new())));
                }
                match (v.value, current.as_mut()) {
                    (Some(value), Some((_, at))) => {
                        at.insert(v.place_id, value);
                    }
                    (None, _) => {
                        unknown.insert((v.indicator_id, v.period, v.place_id, v.cell.clone()));
                    }
                    (Some(_), None) => {}
                }
            })
            .await?;
        flush(&mut values, current.take());
        Ok(Measurement::new(
            places, groups, indicators, values, &unknown,
        ))
    }
}

/// Gives every place whose values were entered only broken down (by gender, by sector…) a
/// total made of them, so the place counts in the figures above it. The total adds up one
/// breakdown only — the finest the place has in full (gender × sector before gender alone;
/// among single dimensions, the first in alphabetical order with no cell missing) — so no
/// one is counted twice across overlapping groups. A weighted mean weighs each cell by the
/// weight indicator's value in the same cell. A total entered by hand is kept; a place whose
/// total is itself missing, or every breakdown of which has a missing or suppressed cell,
/// gets none and is counted as not reported (the cells it has would understate it); an
/// unweighted mean or an indicator that is not added up gets none.
fn add_totals_from_cells(
    indicators: &[Indicator],
    values: &mut HashMap<IndicatorId, EnteredValues>,
    unknown: &HashSet<Unknown>,
) {
    let total = Cell::total();
    // Per indicator and period: place → the breakdowns (by their dimensions) with a
    // missing cell there.
    let mut gaps: HashMap<(IndicatorId, Period), PlaceGaps> = HashMap::new();
    for (indicator, period, place, cell) in unknown {
        let dimensions: Vec<String> = cell.parts().iter().map(|(d, _)| d.to_string()).collect();
        gaps.entry((*indicator, *period))
            .or_default()
            .entry(*place)
            .or_default()
            .insert(dimensions);
    }
    for indicator in indicators.iter().filter(|i| !i.is_computed()) {
        let weight = match indicator.aggregation {
            Aggregation::Sum => None,
            Aggregation::WeightedMean => match indicator
                .weight_code
                .as_deref()
                .and_then(|code| indicators.iter().find(|i| i.code == code))
            {
                Some(weight) => Some(weight.id),
                None => continue,
            },
            Aggregation::Mean | Aggregation::None => continue,
        };
        let Some(by_period) = values.get(&indicator.id) else {
            continue;
        };
        let mut derived: Vec<(Period, HashMap<PlaceId, f64>)> = Vec::new();
        for (period, by_cell) in by_period {
            // The cells grouped by the dimensions they break down by, finest first.
            let mut sets: BTreeMap<(std::cmp::Reverse<usize>, Vec<&str>), Vec<&Cell>> =
                BTreeMap::new();
            for cell in by_cell.keys().filter(|c| !c.is_total()) {
                let dimensions: Vec<&str> = cell.parts().into_iter().map(|(d, _)| d).collect();
                sets.entry((std::cmp::Reverse(dimensions.len()), dimensions))
                    .or_default()
                    .push(cell);
            }
            if sets.is_empty() {
                continue;
            }
            let entered_total = by_cell.get(&total);
            let no_gaps = HashMap::new();
            let gaps_here = gaps.get(&(indicator.id, *period)).unwrap_or(&no_gaps);
            let weights = weight
                .and_then(|w| values.get(&w))
                .and_then(|w| w.get(period));
            // place → (breakdown it was added from, Σ value·weight, Σ weight)
            let mut sums: HashMap<PlaceId, (usize, f64, f64)> = HashMap::new();
            for (set, ((_, dimensions), cells)) in sets.iter().enumerate() {
                let key: Vec<String> = dimensions.iter().map(|d| d.to_string()).collect();
                for cell in cells {
                    let cell_weights = weights.and_then(|w| w.get(*cell));
                    for (&place, &value) in &by_cell[*cell] {
                        if entered_total.is_some_and(|t| t.contains_key(&place))
                            || sums.get(&place).is_some_and(|s| s.0 != set)
                        {
                            continue;
                        }
                        let place_gaps = gaps_here.get(&place);
                        if place_gaps.is_some_and(|g| g.contains(&Vec::new()) || g.contains(&key)) {
                            // This breakdown has a missing cell here (or the total is
                            // missing): a later, complete breakdown may still serve.
                            continue;
                        }
                        let w = match (weight, cell_weights) {
                            (None, _) => 1.0,
                            (Some(_), Some(w)) => match w.get(&place) {
                                Some(&w) if w > 0.0 => w,
                                _ => continue,
                            },
                            (Some(_), None) => continue,
                        };
                        let entry = sums.entry(place).or_insert((set, 0.0, 0.0));
                        entry.1 += value * w;
                        entry.2 += w;
                    }
                }
            }
            let totals: HashMap<PlaceId, f64> = sums
                .into_iter()
                .filter(|(_, (_, _, w))| *w > 0.0)
                .map(|(place, (_, sum, w))| (place, if weight.is_some() { sum / w } else { sum }))
                .collect();
            if !totals.is_empty() {
                derived.push((*period, totals));
            }
        }
        let by_period = values.entry(indicator.id).or_default();
        for (period, totals) in derived {
            by_period
                .entry(period)
                .or_default()
                .entry(total.clone())
                .or_default()
                .extend(totals);
        }
    }
}

/// A group of the initiative to compare, for the gap view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Group {
    /// A breakdown cell, everywhere (girls).
    Cell(Cell),
    /// The places with this nurture quintile, and the places under them.
    Quintile(i64),
    /// Periphery places (or not), and the places under them.
    Periphery(bool),
    /// The places of this sector, and the places under them.
    Sector(String),
    /// A named group of places, and the places under them.
    Places(PlaceGroupId),
}

impl Group {
    /// The group's code in a URL: `cell:gender=female`, `quintile:5`, `periphery:yes`,
    /// `sector:ערבי`, `group:3`.
    pub fn code(&self) -> String {
        match self {
            Group::Cell(cell) => format!("cell:{}", cell.key()),
            Group::Quintile(q) => format!("quintile:{q}"),
            Group::Periphery(p) => format!("periphery:{}", if *p { "yes" } else { "no" }),
            Group::Sector(s) => format!("sector:{s}"),
            Group::Places(id) => format!("group:{id}"),
        }
    }

    pub fn parse(raw: &str) -> Option<Group> {
        let (kind, value) = raw.split_once(':')?;
        Some(match kind {
            "cell" => Group::Cell(Cell::from_key(value)),
            "quintile" => Group::Quintile(value.parse().ok()?),
            "periphery" => Group::Periphery(value == "yes"),
            "sector" => Group::Sector(value.to_string()),
            "group" => Group::Places(PlaceGroupId::new(value.parse().ok()?)),
            _ => return None,
        })
    }
}

impl Measurement {
    /// The places a group holds: those matching it and every place under them.
    fn places_of(&self, group: &Group, groups: &[kesher_store::PlaceGroup]) -> HashSet<PlaceId> {
        let matches = |place: &Place| match group {
            Group::Cell(_) => true,
            Group::Quintile(q) => place.attributes.nurture_quintile == Some(*q),
            Group::Periphery(p) => place.attributes.periphery.unwrap_or(false) == *p,
            Group::Sector(s) => place.attributes.sector.as_deref() == Some(s.as_str()),
            Group::Places(id) => groups
                .iter()
                .find(|g| g.id == *id)
                .is_some_and(|g| g.place_ids.contains(&place.id)),
        };
        let chosen: HashSet<PlaceId> = self
            .places
            .iter()
            .filter(|p| matches(p))
            .map(|p| p.id)
            .collect();
        self.places
            .iter()
            .filter(|p| {
                chosen.contains(&p.id)
                    || self.hierarchy.ancestors(p.id).any(|a| chosen.contains(&a))
            })
            .map(|p| p.id)
            .collect()
    }

    /// A group's figure in every period, added up over the group's own places only, with
    /// how many of the group's places expected to report did.
    pub fn group_series(&self, indicator: &Indicator, group: &Group) -> Vec<GroupFigure> {
        let (cell, only) = match group {
            Group::Cell(cell) => (cell.clone(), None),
            other => (Cell::total(), Some(self.places_of(other, &self.groups))),
        };
        let expected = self.expected_places(indicator);
        self.periods(indicator)
            .into_iter()
            .filter_map(|period| {
                let rolled = self
                    .figures_inner(indicator, period, &cell, only.as_ref(), 0)
                    .get(&ALL_PLACES)
                    .copied()?;
                if !rolled.value.is_finite() {
                    return None;
                }
                let reported: HashSet<PlaceId> = self
                    .reporters(indicator, period, &cell)
                    .into_iter()
                    .filter(|p| only.as_ref().is_none_or(|o| o.contains(p)))
                    .collect();
                let wanted = expected
                    .get(&period)
                    .map(|e| {
                        e.iter()
                            .filter(|p| only.as_ref().is_none_or(|o| o.contains(p)))
                            .count()
                    })
                    .unwrap_or(0);
                let also: usize = reported
                    .iter()
                    .filter(|p| !expected.get(&period).is_some_and(|e| e.contains(p)))
                    .count();
                Some(GroupFigure {
                    period,
                    value: rolled.value,
                    coverage: kesher_domain::measurement::coverage::Coverage {
                        reported: reported.len() as u32,
                        expected: (wanted + also) as u32,
                    },
                })
            })
            .collect()
    }
}

/// A group's figure in one period, with how many of its places it rests on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GroupFigure {
    pub period: Period,
    pub value: f64,
    pub coverage: kesher_domain::measurement::coverage::Coverage,
}
