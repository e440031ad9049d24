//! The one place where entered values are checked, whichever way they came — a form, the
//! API or a file: each value against its indicator's range, and the batch as a whole
//! against the rules between indicators and the weights a weighted mean needs, both looked
//! up first in the batch and then among the stored values.

use std::collections::HashMap;

use kesher_domain::measurement::indicator::{Aggregation, Cell, allowed_range};
use kesher_domain::measurement::period::Period;
use kesher_domain::measurement::quality::{ValidationRule, within};
use kesher_domain::*;
use kesher_store::{Indicator, NewValue};

use super::import::DataProblem;

/// Stored values a batch is checked against: (indicator, place, period, cell) → value.
pub type StoredValues = HashMap<(IndicatorId, PlaceId, Period, Cell), f64>;

/// Checks one number against what its indicator allows: the range the backbone set, else
/// the unit's (a percentage 0–100, a count up to a plausible 10⁹ per place…). A number
/// that is not finite is never allowed.
pub fn check_value(indicator: &Indicator, value: f64) -> Result<(), DataProblem> {
    let range = allowed_range(
        indicator.unit,
        indicator.kind,
        indicator.scale_max,
        indicator.valid_min,
        indicator.valid_max,
    );
    if value.is_finite() && within(value, range) {
        Ok(())
    } else {
        Err(DataProblem::OutOfRange {
            value,
            min: range.0,
            max: range.1,
        })
    }
}

/// The indicators a batch must be checked against in the store: both sides of every rule
/// and the weight of every weighted mean.
pub fn counterparts(indicators: &[Indicator], rules: &[ValidationRule]) -> Vec<IndicatorId> {
    let id_of = |code: &str| indicators.iter().find(|i| i.code == code).map(|i| i.id);
    let mut ids: Vec<IndicatorId> = rules
        .iter()
        .flat_map(|r| [id_of(r.left.as_str()), id_of(r.right.as_str())])
        .chain(
            indicators
                .iter()
                .filter(|i| i.aggregation == Aggregation::WeightedMean)
                .map(|i| i.weight_code.as_deref().and_then(id_of)),
        )
        .flatten()
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// Every rule and weight the batch breaks, as (index of the value, problem).
///
/// - A rule `left ≤ right` is checked for each value on either side: the other side comes
///   from the batch, else from the stored values. When both sides are in the batch the
///   problem is told once, at the left one.
/// - A weighted-mean value needs its weight for the same place, period and cell, in the
///   batch or stored; without it the value would count nowhere.
pub fn check_batch(
    values: &[NewValue],
    indicators: &[Indicator],
    rules: &[ValidationRule],
    stored: &StoredValues,
) -> Vec<(usize, DataProblem)> {
    let id_of = |code: &str| indicators.iter().find(|i| i.code == code).map(|i| i.id);
    let in_batch: HashMap<(IndicatorId, PlaceId, Period, &Cell), Option<f64>> = values
        .iter()
        .map(|v| ((v.indicator_id, v.place_id, v.period, &v.cell), v.value))
        .collect();
    let lookup = |indicator: IndicatorId, like: &NewValue| -> (bool, Option<f64>) {
        match in_batch.get(&(indicator, like.place_id, like.period, &like.cell)) {
            Some(value) => (true, *value),
            None => (
                false,
                stored
                    .get(&(indicator, like.place_id, like.period, like.cell.clone()))
                    .copied(),
            ),
        }
    };
    let mut problems = Vec::new();
    let weights: HashMap<IndicatorId, (IndicatorId, &str)> = indicators
        .iter()
        .filter(|i| i.aggregation == Aggregation::WeightedMean)
        .filter_map(|i| {
            let code = i.weight_code.as_deref()?;
            Some((i.id, (id_of(code)?, code)))
        })
        .collect();
    let code_of = |id: IndicatorId| {
        indicators
            .iter()
            .find(|i| i.id == id)
            .map(|i| i.code.clone())
            .unwrap_or_default()
    };
    for (index, v) in values.iter().enumerate() {
        if v.value.is_some()
            && let Some(&(weight, weight_code)) = weights.get(&v.indicator_id)
            && lookup(weight, v).1.is_none_or(|w| w <= 0.0)
        {
            problems.push((
                index,
                DataProblem::MissingWeight {
                    indicator: code_of(v.indicator_id),
                    weight: weight_code.to_string(),
                },
            ));
        }
        for rule in rules {
            let (Some(left), Some(right)) = (id_of(rule.left.as_str()), id_of(rule.right.as_str()))
            else {
                continue;
            };
            let broken = if v.indicator_id == left {
                !rule.holds(v.value, lookup(right, v).1)
            } else if v.indicator_id == right {
                let (left_in_batch, left_value) = lookup(left, v);
                !left_in_batch && !rule.holds(left_value, v.value)
            } else {
                false
            };
            if broken {
                problems.push((
                    index,
                    DataProblem::Rule {
                        left: rule.left.to_string(),
                        right: rule.right.to_string(),
                    },
                ));
            }
        }
    }
    problems
}
