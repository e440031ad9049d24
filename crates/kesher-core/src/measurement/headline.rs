//! Which figure an indicator leads with, and what it says: how complete every period is at
//! every place, the newest complete period as the headline with a newer thin one shown as
//! provisional, the status with its reason, and the change since the previous period and
//! the baseline.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use chrono::NaiveDate;
use kesher_domain::PlaceId;
use kesher_domain::measurement::coverage::{Coverage, Expected, count, expected_by_period};
use kesher_domain::measurement::indicator::{Cell, Formula};
use kesher_domain::measurement::period::Period;
use kesher_domain::measurement::place::PlaceKind;
use kesher_domain::measurement::progress::{Change, band, improving, read_change};
use kesher_domain::measurement::status::{Evidence, Point, Reason, Status, judge};
use kesher_store::Indicator;
use serde::Serialize;

use super::picture::{Figures, Measurement};

/// Coverage of one indicator: period → place → how many of the places expected under it
/// reported.
pub type Coverages = BTreeMap<Period, HashMap<PlaceId, Coverage>>;

/// A figure with how complete it is.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct FigureAt {
    #[schema(value_type = String)]
    pub period: Period,
    pub value: f64,
    pub coverage: Coverage,
}

impl FigureAt {
    pub fn point(&self) -> Point {
        Point {
            period: self.period,
            value: self.value,
        }
    }
}

/// An indicator's standing at one place.
#[derive(Clone, Debug, Serialize)]
pub struct Standing {
    /// The headline: the newest period whose coverage meets the indicator's threshold.
    pub latest: Option<FigureAt>,
    /// A newer period still below the threshold, shown beside the headline, never as it.
    pub provisional: Option<FigureAt>,
    pub baseline: Option<Point>,
    pub target: Option<Point>,
    pub status: Status,
    pub reason: Reason,
    /// The change since the previous complete period and its reading.
    pub since_previous: Option<(f64, Change)>,
    /// The change since the baseline and its reading.
    pub since_baseline: Option<(f64, Change)>,
    /// Better since both; `None` when either cannot be compared.
    pub improving: Option<bool>,
    /// The "no real change" band used.
    pub band: Option<f64>,
}

impl Measurement {
    /// The places that reported the indicator's total in each period: its own entered
    /// values (a total made of cells counts; one with a cell missing does not), or for a
    /// computed indicator the places that reported every input.
    fn reported(&self, indicator: &Indicator) -> BTreeMap<Period, HashSet<PlaceId>> {
        let total = Cell::total();
        self.periods(indicator)
            .into_iter()
            .map(|period| (period, self.reporters(indicator, period, &total)))
            .collect()
    }

    /// The places that reported one period and cell of the indicator (for a computed one,
    /// every input).
    pub(super) fn reporters(
        &self,
        indicator: &Indicator,
        period: Period,
        cell: &Cell,
    ) -> HashSet<PlaceId> {
        self.reporters_within(indicator, period, cell, 0)
    }

    fn reporters_within(
        &self,
        indicator: &Indicator,
        period: Period,
        cell: &Cell,
        depth: usize,
    ) -> HashSet<PlaceId> {
        if depth > 8 {
            return HashSet::new();
        }
        match indicator
            .formula
            .as_deref()
            .and_then(|f| Formula::parse(f).ok())
        {
            None => self
                .entered(indicator, period, cell)
                .map(|at| at.keys().copied().collect())
                .unwrap_or_default(),
            Some(formula) => {
                let mut sets = formula
                    .inputs()
                    .into_iter()
                    .filter_map(|code| self.indicator_by_code(&code))
                    .map(|input| self.reporters_within(input, period, cell, depth + 1));
                let first = sets.next().unwrap_or_default();
                sets.fold(first, |acc, set| &acc & &set)
            }
        }
    }

    /// The places expected to report the indicator in each period, by its rule.
    pub(super) fn expected_places(
        &self,
        indicator: &Indicator,
    ) -> BTreeMap<Period, HashSet<PlaceId>> {
        let reported = self.reported(indicator);
        self.expected_given(indicator, &reported)
    }

    fn expected_given(
        &self,
        indicator: &Indicator,
        reported: &BTreeMap<Period, HashSet<PlaceId>>,
    ) -> BTreeMap<Period, HashSet<PlaceId>> {
        let fixed: Option<HashSet<PlaceId>> = match indicator.coverage_expected {
            Expected::PreviousPeriod => None,
            Expected::AllSchools => Some(
                self.places
                    .iter()
                    .filter(|p| p.kind == PlaceKind::School)
                    .map(|p| p.id)
                    .collect(),
            ),
            // A group since deleted falls back to the previous period.
            Expected::PlaceGroup => indicator
                .coverage_group_id
                .and_then(|id| self.groups.iter().find(|g| g.id == id))
                .map(|g| g.place_ids.iter().copied().collect()),
        };
        expected_by_period(reported, fixed.as_ref(), indicator.coverage_threshold)
    }

    /// How complete each period of the indicator is at every place, by the indicator's rule
    /// of who is expected to report; computed once per version of the data.
    pub fn coverage(&self, indicator: &Indicator) -> Arc<Coverages> {
        if let Some(done) = self
            .coverages
            .lock()
            .ok()
            .and_then(|m| m.get(&indicator.id).cloned())
        {
            return done;
        }
        let reported = self.reported(indicator);
        let expected = self.expected_given(indicator, &reported);
        let computed: Arc<Coverages> = Arc::new(
            reported
                .iter()
                .map(|(period, did)| {
                    let none = HashSet::new();
                    let wanted = expected.get(period).unwrap_or(&none);
                    (*period, count(&self.hierarchy, wanted, did))
                })
                .collect(),
        );
        if let Ok(mut memo) = self.coverages.lock() {
            memo.insert(indicator.id, computed.clone());
        }
        computed
    }

    /// The indicator's figures at a place, each with its coverage, in period order.
    pub fn series_with_coverage(
        &self,
        indicator: &Indicator,
        figures: &Figures,
        place: PlaceId,
    ) -> Vec<FigureAt> {
        let coverage = self.coverage(indicator);
        figures
            .iter()
            .filter_map(|(period, at)| {
                at.get(&place).map(|r| FigureAt {
                    period: *period,
                    value: r.value,
                    coverage: coverage
                        .get(period)
                        .and_then(|c| c.get(&place))
                        .copied()
                        .unwrap_or(Coverage {
                            reported: 1,
                            expected: 1,
                        }),
                })
            })
            .collect()
    }

    /// Whether a figure is complete enough to lead with.
    pub fn is_complete(indicator: &Indicator, figure: &FigureAt) -> bool {
        figure.coverage.meets(indicator.coverage_threshold)
    }

    /// Where the indicator stands at a place on `today`: the headline and any provisional
    /// period, the status with its reason (judged on complete periods only), and the change.
    ///
    /// The target judged against is the first one whose period has not yet passed, else the
    /// last one; a target that follows a benchmark place takes that place's figure.
    pub fn standing(
        &self,
        indicator: &Indicator,
        figures: &Figures,
        place: PlaceId,
        today: NaiveDate,
    ) -> Standing {
        let series = self.series_with_coverage(indicator, figures, place);
        let complete: Vec<FigureAt> = series
            .iter()
            .filter(|f| Self::is_complete(indicator, f))
            .copied()
            .collect();
        let latest = complete.last().copied();
        let provisional = series
            .last()
            .filter(|f| latest.is_none_or(|l| f.period > l.period))
            .copied();
        let baseline = match (indicator.baseline_period, indicator.baseline_value) {
            (Some(period), Some(value)) => Some(Point { period, value }),
            _ => complete.first().map(FigureAt::point),
        };
        let current = Period::containing(indicator.period_kind, today);
        let target = indicator
            .targets
            .iter()
            .find(|t| t.period >= current)
            .or(indicator.targets.last())
            .and_then(|chosen| {
                let value = match (chosen.value, chosen.benchmark_place_id) {
                    (_, Some(benchmark)) => Measurement::series(figures, benchmark)
                        .iter()
                        .rev()
                        .find(|p| p.period <= chosen.period)
                        .map(|p| p.value)
                        .or(chosen.value)?,
                    (Some(value), None) => value,
                    (None, None) => return None,
                };
                Some(Point {
                    period: chosen.period,
                    value,
                })
            });
        let at_target = target.and_then(|t| {
            complete
                .iter()
                .find(|f| f.period >= t.period)
                .map(FigureAt::point)
        });
        let judged = judge(&Evidence {
            direction: indicator.direction,
            frequency: indicator.frequency,
            baseline,
            target,
            latest: latest.map(|f| f.point()),
            at_target,
            current,
        });
        let band =
            latest.map(|l| band(indicator.no_change_band, baseline.map(|b| b.value), l.value));
        let change = |from: Option<Point>| -> Option<(f64, Change)> {
            let (l, from, band) = (latest?, from?, band?);
            (from.period < l.period).then(|| {
                let delta = l.value - from.value;
                (delta, read_change(indicator.direction, delta, band))
            })
        };
        let previous = complete.iter().rev().nth(1).map(FigureAt::point);
        let since_previous = change(previous);
        let since_baseline = change(baseline);
        Standing {
            latest,
            provisional,
            baseline,
            target,
            status: judged.status,
            reason: judged.reason,
            since_previous,
            since_baseline,
            improving: improving(
                since_previous.map(|(_, c)| c),
                since_baseline.map(|(_, c)| c),
            ),
            band,
        }
    }
}
