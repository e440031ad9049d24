//! Checking data: values within the indicator's range, rules between indicators
//! (takers ≤ students), outliers against a place's own history, and the small-cell
//! suppression that keeps anything published from pointing at a few children.

use serde::Serialize;

use super::indicator::IndicatorCode;
use crate::choice_enum;

choice_enum!(
    /// How the left indicator of a rule must compare with the right one.
    Comparison, "comparison", {
        AtMost => "at_most",
        AtLeast => "at_least",
    }
);

/// A rule between two indicators of the same place, period and breakdown cell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ValidationRule {
    pub left: IndicatorCode,
    pub comparison: Comparison,
    pub right: IndicatorCode,
}

impl ValidationRule {
    /// Whether the two values keep the rule (they keep it when either is missing).
    pub fn holds(&self, left: Option<f64>, right: Option<f64>) -> bool {
        match (left, right) {
            (Some(l), Some(r)) => match self.comparison {
                Comparison::AtMost => l <= r,
                Comparison::AtLeast => l >= r,
            },
            _ => true,
        }
    }
}

/// Whether a value lies within an allowed (min, max); an open end allows anything.
pub fn within(value: f64, range: (Option<f64>, Option<f64>)) -> bool {
    range.0.is_none_or(|min| value >= min) && range.1.is_none_or(|max| value <= max)
}

/// The robust z-score above which a value is flagged as an outlier (Iglewicz and Hoaglin).
pub const OUTLIER_SCORE: f64 = 3.5;

/// The fewest earlier values a place needs before its new value can be called unusual.
pub const OUTLIER_HISTORY: usize = 4;

fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

/// The robust z-score of `value` against the place's own earlier values: its distance from
/// their median in units of the median absolute deviation (scaled to a standard deviation).
/// `None` with too little history to judge.
pub fn robust_score(history: &[f64], value: f64) -> Option<f64> {
    if history.len() < OUTLIER_HISTORY {
        return None;
    }
    let mut sorted: Vec<f64> = history.to_vec();
    sorted.sort_by(f64::total_cmp);
    let center = median(&sorted);
    let mut deviations: Vec<f64> = sorted.iter().map(|v| (v - center).abs()).collect();
    deviations.sort_by(f64::total_cmp);
    let mad = median(&deviations);
    if mad > 0.0 {
        return Some(0.6745 * (value - center) / mad);
    }
    // Half the history identical: fall back to the mean absolute deviation.
    let mean_deviation = deviations.iter().sum::<f64>() / deviations.len() as f64;
    if mean_deviation > 0.0 {
        Some((value - center) / (1.253314 * mean_deviation))
    } else if value == center {
        Some(0.0)
    } else {
        None
    }
}

/// With one to three earlier values a spread cannot be judged, so a value stands out when it
/// is more than this many times the largest of them, or less than the smallest divided by it.
pub const SHORT_HISTORY_FACTOR: f64 = 3.0;

/// Whether a value stands out from its place's history: by the robust score with four or
/// more earlier values, by [`SHORT_HISTORY_FACTOR`] with one to three.
pub fn is_outlier(history: &[f64], value: f64) -> bool {
    if history.len() >= OUTLIER_HISTORY {
        return robust_score(history, value).is_some_and(|z| z.abs() > OUTLIER_SCORE);
    }
    let largest = history.iter().copied().fold(f64::MIN, f64::max);
    let smallest = history.iter().copied().fold(f64::MAX, f64::min);
    if history.is_empty() || largest <= 0.0 {
        return false;
    }
    value > largest * SHORT_HISTORY_FACTOR
        || (smallest > 0.0 && value >= 0.0 && value < smallest / SHORT_HISTORY_FACTOR)
}

/// Whether a place's value is more than its parent's figure, for an indicator that adds up:
/// a club cannot hold more children than its city.
pub fn exceeds_parent(value: f64, parent: Option<f64>) -> bool {
    parent.is_some_and(|p| value > p)
}

/// The default smallest group a published figure may describe.
pub const DEFAULT_SMALL_CELL: u32 = 10;

/// Which figures of a set that adds up to a published total must be hidden. `people[i]` is
/// how many individuals figure *i* is built from (`None` when it does not count people).
///
/// A figure built from fewer than `threshold` people is hidden. When exactly one figure of
/// the set is hidden, it could be worked back from the total and the others, so the next
/// smallest is hidden too. When the total itself is small, everything is hidden.
pub fn suppressed(people: &[Option<f64>], total: Option<f64>, threshold: u32) -> Vec<bool> {
    let threshold = f64::from(threshold);
    if total.is_some_and(|t| t < threshold) {
        return vec![true; people.len()];
    }
    let mut hidden: Vec<bool> = people
        .iter()
        .map(|n| n.is_some_and(|n| n < threshold))
        .collect();
    let hidden_count = hidden.iter().filter(|h| **h).count();
    if hidden_count == 1 && total.is_some() {
        let next_smallest = people
            .iter()
            .enumerate()
            .filter(|(i, n)| !hidden[*i] && n.is_some())
            .min_by(|a, b| a.1.unwrap_or(f64::MAX).total_cmp(&b.1.unwrap_or(f64::MAX)))
            .map(|(i, _)| i);
        if let Some(i) = next_smallest {
            hidden[i] = true;
        }
    }
    hidden
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_between_indicators_is_checked_only_when_both_are_there() {
        let rule = ValidationRule {
            left: IndicatorCode::parse("takers").unwrap(),
            comparison: Comparison::AtMost,
            right: IndicatorCode::parse("students").unwrap(),
        };
        assert!(rule.holds(Some(30.0), Some(120.0)));
        assert!(!rule.holds(Some(130.0), Some(120.0)));
        assert!(rule.holds(Some(130.0), None));
        assert!(within(100.0, (Some(0.0), Some(100.0))));
        assert!(!within(100.5, (Some(0.0), Some(100.0))));
        assert!(within(-3.0, (None, None)));
    }

    #[test]
    fn an_outlier_stands_out_from_its_own_history() {
        let history = [41.0, 43.0, 40.0, 44.0, 42.0];
        assert!(!is_outlier(&history, 45.0));
        assert!(is_outlier(&history, 80.0));
        assert!(is_outlier(&history, 4.0));
        // Too short a history says nothing.
        assert_eq!(robust_score(&[40.0, 41.0], 90.0), None);
        // A flat history still notices a jump.
        assert!(is_outlier(&[50.0, 50.0, 50.0, 50.0, 52.0], 90.0));
    }

    #[test]
    fn a_short_history_and_the_parent_still_catch_a_slip() {
        // One earlier year of 120 children: 1,400 stands out, 150 does not.
        assert!(is_outlier(&[120.0], 1400.0));
        assert!(!is_outlier(&[120.0], 150.0));
        assert!(is_outlier(&[120.0, 130.0, 110.0], 20.0));
        assert!(!is_outlier(&[], 1400.0));
        // A club of 1,400 under a city whose figure is 120.
        assert!(exceeds_parent(1400.0, Some(120.0)));
        assert!(!exceeds_parent(100.0, Some(120.0)));
        assert!(!exceeds_parent(1400.0, None));
    }

    #[test]
    fn small_cells_and_the_cells_that_would_reveal_them_are_hidden() {
        // Girls 4, boys 40, total 44 published: hiding the girls alone would let anyone
        // subtract; so the boys go too.
        assert_eq!(
            suppressed(&[Some(4.0), Some(40.0)], Some(44.0), 10),
            vec![true, true]
        );
        // Three groups: the smallest of the others is hidden with the small one.
        assert_eq!(
            suppressed(&[Some(3.0), Some(50.0), Some(20.0)], Some(73.0), 10),
            vec![true, false, true]
        );
        // Two small ones already protect each other.
        assert_eq!(
            suppressed(&[Some(3.0), Some(5.0), Some(40.0)], Some(48.0), 10),
            vec![true, true, false]
        );
        // Nothing small, nothing hidden; a small total hides all.
        assert_eq!(
            suppressed(&[Some(30.0), Some(40.0)], Some(70.0), 10),
            vec![false, false]
        );
        assert_eq!(
            suppressed(&[Some(3.0), Some(4.0)], Some(7.0), 10),
            vec![true, true]
        );
        // Without a published total there is nothing to subtract from.
        assert_eq!(
            suppressed(&[Some(3.0), Some(40.0)], None, 10),
            vec![true, false]
        );
    }
}
