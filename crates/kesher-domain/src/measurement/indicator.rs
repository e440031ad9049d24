//! Indicators: what is measured, in which unit, over which period, broken down how, and —
//! for a computed indicator — by which formula over other indicators.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::coverage::{DEFAULT_THRESHOLD, Expected};
use super::period::{Period, PeriodKind};
use crate::text::{LINE_MAX, LONG_TEXT_MAX, Name, optional_line, optional_text};
use crate::validation::Checker;
use crate::{
    FieldError, Invalid, OrganizationId, PlaceGroupId, ResultNodeId, choice_enum, lenient,
};

choice_enum!(
    /// What an indicator's values count or measure.
    Unit, "indicator-unit", {
        Count => "count",
        Percent => "percent",
        /// Per thousand (or another base the definition gives).
        Rate => "rate",
        Score => "score",
        Currency => "currency",
    }
);

choice_enum!(
    /// Which way is better.
    Direction, "indicator-direction", {
        Higher => "higher",
        Lower => "lower",
    }
);

choice_enum!(
    /// A number, or a rating on a scale (1 to the scale's top).
    IndicatorKind, "indicator-kind", {
        Quantitative => "quantitative",
        Qualitative => "qualitative",
    }
);

choice_enum!(
    /// The three axes an initiative measures itself on.
    Axis, "measurement-axis", {
        /// Planned against actual, from action component up to the mission.
        WorkPlan => "work_plan",
        /// The health of the ecosystem's infrastructure: attendance, returning people, tasks done.
        Infrastructure => "infrastructure",
        /// The fixed, broad set of indicators mapped continuously across all ages.
        Mapping => "mapping",
    }
);

choice_enum!(
    /// How often values are collected.
    Frequency, "frequency", {
        Yearly => "yearly",
        TwiceYearly => "twice_yearly",
        Quarterly => "quarterly",
        Monthly => "monthly",
        Once => "once",
    }
);

choice_enum!(
    /// How an entered indicator adds up from schools to authorities, districts and the
    /// country. A computed indicator always recomputes its formula from its inputs' totals.
    Aggregation, "aggregation", {
        Sum => "sum",
        /// Weighted by another indicator (a percentage weighted by the number of students).
        WeightedMean => "weighted_mean",
        /// Every place counts the same — only when the user asks for it.
        Mean => "mean",
        /// Not added up: shown only where it was entered.
        None => "none",
    }
);

/// The longest indicator code; codes appear in formulas and file headers.
pub const CODE_MAX: usize = 40;

/// An indicator's code: lower-case Latin letters, digits and `_`, starting with a letter, so
/// it can stand in a formula and a file header (`math_5u_takers`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IndicatorCode(String);

impl IndicatorCode {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let code = raw.trim().to_ascii_lowercase();
        if code.is_empty() {
            return Err(Invalid::Required);
        }
        if code.len() > CODE_MAX {
            return Err(Invalid::TooLong { max: CODE_MAX });
        }
        let mut chars = code.chars();
        let starts_with_letter = chars.next().is_some_and(|c| c.is_ascii_lowercase());
        if !starts_with_letter
            || !chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            return Err(Invalid::Code);
        }
        Ok(Self(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for IndicatorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A checked formula over other indicators' codes: numbers, codes, `+ - * /` and brackets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Formula(String);

type Tree = evalexpr::Node<evalexpr::DefaultNumericTypes>;

impl Formula {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let text = raw.trim();
        if text.is_empty() {
            return Err(Invalid::Required);
        }
        let tree = evalexpr::build_operator_tree::<evalexpr::DefaultNumericTypes>(text)
            .map_err(|_| Invalid::Formula)?;
        let arithmetic_only = text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || " _.+-*/()".contains(c));
        if !arithmetic_only || tree.iter_function_identifiers().next().is_some() {
            return Err(Invalid::Formula);
        }
        let formula = Self(text.to_string());
        let inputs = formula.inputs();
        if inputs.is_empty()
            || inputs
                .iter()
                .any(|code| IndicatorCode::parse(code).is_err())
        {
            return Err(Invalid::Formula);
        }
        // The parser accepts a dangling operator (`a +`); evaluating once with every input
        // set finds it.
        let trial = formula
            .compile()
            .evaluate_strict(&vec![Some(1.0); inputs.len()]);
        if trial.is_err() {
            return Err(Invalid::Formula);
        }
        Ok(formula)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn tree(&self) -> Option<Tree> {
        evalexpr::build_operator_tree(&self.0).ok()
    }

    /// The codes the formula reads, each once, in alphabetical order.
    pub fn inputs(&self) -> Vec<String> {
        self.tree()
            .map(|tree| {
                tree.iter_variable_identifiers()
                    .map(str::to_string)
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The first input after the last division (the denominator of a ratio) — the count of
    /// people a ratio is built from, for small-cell suppression.
    pub fn denominator(&self) -> Option<String> {
        let (_, after) = self.0.rsplit_once('/')?;
        let start = after.find(|c: char| c.is_ascii_alphabetic())?;
        let code: String = after[start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        IndicatorCode::parse(&code).ok().map(|c| c.0)
    }

    /// Prepares the formula for evaluating over many places.
    pub fn compile(&self) -> CompiledFormula {
        CompiledFormula {
            tree: self.tree(),
            inputs: self.inputs(),
        }
    }
}

/// A formula parsed once, evaluated many times.
pub struct CompiledFormula {
    tree: Option<Tree>,
    inputs: Vec<String>,
}

impl CompiledFormula {
    pub fn inputs(&self) -> &[String] {
        &self.inputs
    }

    /// The value for one place and period, given its inputs in the order of [`Self::inputs`].
    /// `None` when an input is missing or the result is not a finite number (0 ÷ 0).
    pub fn evaluate(&self, values: &[Option<f64>]) -> Option<f64> {
        self.evaluate_strict(values)
            .ok()
            .flatten()
            .filter(|v| v.is_finite())
    }

    /// Like [`Self::evaluate`], but tells a formula that cannot be evaluated at all (`Err`)
    /// from a missing input (`Ok(None)`).
    fn evaluate_strict(&self, values: &[Option<f64>]) -> Result<Option<f64>, ()> {
        use evalexpr::{ContextWithMutableVariables, HashMapContext, Value};
        let tree = self.tree.as_ref().ok_or(())?;
        let mut context = HashMapContext::<evalexpr::DefaultNumericTypes>::new();
        for (code, value) in self.inputs.iter().zip(values) {
            let Some(value) = value else { return Ok(None) };
            context
                .set_value(code.clone(), Value::Float(*value))
                .map_err(|_| ())?;
        }
        match tree.eval_with_context(&context).map_err(|_| ())? {
            Value::Float(f) => Ok(Some(f)),
            Value::Int(i) => Ok(Some(i as f64)),
            _ => Err(()),
        }
    }
}

/// A dimension an indicator's values are broken down by: `gender`, `sector`, `grade` or the
/// initiative's own.
pub const STANDARD_DIMENSIONS: [&str; 3] = ["gender", "sector", "grade"];

/// A breakdown cell: one value per dimension, or none for the total. Stored as its key,
/// `gender=female|sector=arab`, with the dimensions in alphabetical order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Cell(String);

impl Cell {
    /// The total, not broken down.
    pub fn total() -> Self {
        Self::default()
    }

    /// Builds a cell from (dimension, value) pairs; blank values are left out.
    pub fn of<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut parts: Vec<(String, String)> = pairs
            .into_iter()
            .map(|(d, v)| (d.trim().to_lowercase(), v.trim().replace(['|', '='], " ")))
            .filter(|(d, v)| !d.is_empty() && !v.is_empty())
            .collect();
        parts.sort();
        Self(
            parts
                .iter()
                .map(|(d, v)| format!("{d}={v}"))
                .collect::<Vec<_>>()
                .join("|"),
        )
    }

    pub fn from_key(key: &str) -> Self {
        Self(key.to_string())
    }

    pub fn key(&self) -> &str {
        &self.0
    }

    pub fn is_total(&self) -> bool {
        self.0.is_empty()
    }

    /// The (dimension, value) pairs of the cell.
    pub fn parts(&self) -> Vec<(&str, &str)> {
        self.0
            .split('|')
            .filter_map(|part| part.split_once('='))
            .collect()
    }

    /// The value the cell gives a dimension.
    pub fn value_of(&self, dimension: &str) -> Option<&str> {
        self.parts()
            .into_iter()
            .find(|(d, _)| *d == dimension)
            .map(|(_, v)| v)
    }
}

/// Reads a number as spreadsheets and people write it: `1,234.5`, `12.5%`, ` 7 `.
/// `None` for a blank cell.
pub fn parse_number(raw: &str) -> Result<Option<f64>, Invalid> {
    let cleaned: String = raw
        .trim()
        .trim_end_matches('%')
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '\u{200f}' | '\u{200e}'))
        .collect();
    if cleaned.is_empty() {
        return Ok(None);
    }
    match cleaned.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(Some(value)),
        _ => Err(Invalid::Number),
    }
}

/// What an indicator means and how it behaves, as the backbone defines it.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct IndicatorForm {
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub code: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub name_he: String,
    #[serde(deserialize_with = "lenient::text")]
    pub name_en: String,
    #[serde(deserialize_with = "lenient::text")]
    pub definition_he: String,
    #[serde(deserialize_with = "lenient::text")]
    pub definition_en: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = Unit)]
    pub unit: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = Direction)]
    pub direction: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = IndicatorKind)]
    pub kind: String,
    /// The top of the scale of a qualitative indicator (ratings run from 1).
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub scale_max: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = Axis)]
    pub axis: String,
    /// The results-tree node the indicator measures.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub result_node_id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub data_source: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = Frequency)]
    pub frequency: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = PeriodKind)]
    pub period_kind: String,
    /// The partner organization that reports it.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub owner_organization_id: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = Aggregation)]
    pub aggregation: String,
    /// For a weighted mean: the indicator that weighs each place.
    #[serde(deserialize_with = "lenient::text")]
    pub weight_code: String,
    /// For a computed indicator, e.g. `math_5u_takers / students * 100`.
    #[serde(deserialize_with = "lenient::text")]
    pub formula: String,
    /// The indicator that counts the people each figure is built from (for suppression).
    #[serde(deserialize_with = "lenient::text")]
    pub population_code: String,
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub decimals: String,
    /// Breakdown dimensions, as a list or one line.
    #[serde(deserialize_with = "lenient::tags")]
    #[schema(value_type = Vec<String>)]
    pub breakdowns: String,
    #[serde(deserialize_with = "lenient::number")]
    #[schema(value_type = Option<f64>)]
    pub valid_min: String,
    #[serde(deserialize_with = "lenient::number")]
    #[schema(value_type = Option<f64>)]
    pub valid_max: String,
    #[serde(deserialize_with = "lenient::number")]
    #[schema(value_type = Option<f64>)]
    pub baseline_value: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = Option<String>)]
    pub baseline_period: String,
    /// Which places are expected to report: `previous_period` (the default),
    /// `all_schools` or `place_group`.
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = Option<Expected>)]
    pub coverage_expected: String,
    /// The group expected to report, with `place_group`.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub coverage_group_id: String,
    /// The share of expected places (percent, 90 by default) below which a period is
    /// provisional.
    #[serde(deserialize_with = "lenient::number")]
    #[schema(value_type = Option<f64>)]
    pub coverage_threshold: String,
    /// A change no larger than this is "no real change" (1% of the baseline by default).
    #[serde(deserialize_with = "lenient::number")]
    #[schema(value_type = Option<f64>)]
    pub no_change_band: String,
}

/// A checked indicator definition.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorInput {
    pub code: IndicatorCode,
    pub name_he: Name,
    pub name_en: Option<String>,
    pub definition_he: Option<String>,
    pub definition_en: Option<String>,
    pub unit: Unit,
    pub direction: Direction,
    pub kind: IndicatorKind,
    pub scale_max: Option<i64>,
    pub axis: Axis,
    pub result_node_id: Option<ResultNodeId>,
    pub data_source: Option<String>,
    pub frequency: Frequency,
    pub period_kind: PeriodKind,
    pub owner_organization_id: Option<OrganizationId>,
    pub aggregation: Aggregation,
    pub weight_code: Option<IndicatorCode>,
    pub formula: Option<Formula>,
    pub population_code: Option<IndicatorCode>,
    pub decimals: u8,
    pub breakdowns: Vec<String>,
    pub valid_min: Option<f64>,
    pub valid_max: Option<f64>,
    pub baseline: Option<(Period, f64)>,
    pub coverage: CoverageRule,
    pub no_change_band: Option<f64>,
}

/// Which places are expected to report an indicator, and how many of them must have for a
/// period to be more than provisional.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct CoverageRule {
    pub expected: Expected,
    /// The group, when `expected` is a place group.
    pub group_id: Option<PlaceGroupId>,
    /// In percent.
    pub threshold: f64,
}

impl Default for CoverageRule {
    fn default() -> Self {
        Self {
            expected: Expected::PreviousPeriod,
            group_id: None,
            threshold: DEFAULT_THRESHOLD,
        }
    }
}

/// The largest number any value, limit or band may be: past it a sum over a national
/// hierarchy could no longer be told apart from an overflow.
pub const LARGEST_NUMBER: f64 = 1e15;

/// The plausible maximum per place of a count (and of any unit without its own).
pub const PLAUSIBLE_COUNT: f64 = 1e9;

/// The plausible maximum per place of money.
pub const PLAUSIBLE_MONEY: f64 = 1e12;

fn optional_choice<T>(
    raw: &str,
    default: T,
    parse: fn(&str) -> Result<T, Invalid>,
) -> Result<T, Invalid> {
    if raw.trim().is_empty() {
        Ok(default)
    } else {
        parse(raw)
    }
}

fn optional_code(raw: &str) -> Result<Option<IndicatorCode>, Invalid> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        IndicatorCode::parse(raw).map(Some)
    }
}

impl IndicatorForm {
    pub fn parse(&self) -> Result<IndicatorInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let code = c.check("code", IndicatorCode::parse(&self.code));
        let name_he = c.check("name_he", Name::parse(&self.name_he));
        let name_en = c.check("name_en", optional_line(&self.name_en, LINE_MAX));
        let definition_he = c.check(
            "definition_he",
            optional_text(&self.definition_he, LONG_TEXT_MAX),
        );
        let definition_en = c.check(
            "definition_en",
            optional_text(&self.definition_en, LONG_TEXT_MAX),
        );
        let unit = c.check("unit", Unit::parse(&self.unit));
        let direction = c.check(
            "direction",
            optional_choice(&self.direction, Direction::Higher, Direction::parse),
        );
        let kind = c.check(
            "kind",
            optional_choice(
                &self.kind,
                IndicatorKind::Quantitative,
                IndicatorKind::parse,
            ),
        );
        let scale_max = c.check(
            "scale_max",
            crate::text::optional_number(&self.scale_max, 2, 10),
        );
        if kind == Some(IndicatorKind::Qualitative) && scale_max == Some(None) {
            c.push("scale_max", Invalid::Required);
        }
        let axis = c.check("axis", Axis::parse(&self.axis));
        let result_node_id = c.check("result_node_id", lenient::optional_id(&self.result_node_id));
        let data_source = c.check("data_source", optional_line(&self.data_source, LINE_MAX));
        let frequency = c.check(
            "frequency",
            optional_choice(&self.frequency, Frequency::Yearly, Frequency::parse),
        );
        let period_kind = c.check("period_kind", PeriodKind::parse(&self.period_kind));
        let owner = c.check(
            "owner_organization_id",
            lenient::optional_id(&self.owner_organization_id),
        );
        let formula = c.check(
            "formula",
            if self.formula.trim().is_empty() {
                Ok(None)
            } else {
                Formula::parse(&self.formula).map(Some)
            },
        );
        let aggregation = c.check(
            "aggregation",
            optional_choice(&self.aggregation, Aggregation::Sum, Aggregation::parse),
        );
        let weight_code = c.check("weight_code", optional_code(&self.weight_code));
        if aggregation == Some(Aggregation::WeightedMean) && weight_code == Some(None) {
            c.push("weight_code", Invalid::Required);
        }
        let population_code = c.check("population_code", optional_code(&self.population_code));
        let decimals = c.check(
            "decimals",
            crate::text::optional_number(&self.decimals, 0, 4),
        );
        let breakdowns = c.check("breakdowns", parse_dimensions(&self.breakdowns));
        let valid_min = c.check("valid_min", parse_number(&self.valid_min));
        let valid_max = c.check("valid_max", parse_number(&self.valid_max));
        if let (Some(Some(min)), Some(Some(max))) = (valid_min, valid_max)
            && min > max
        {
            c.push("valid_max", Invalid::NumberOrder);
        }
        for (field, limit) in [("valid_min", valid_min), ("valid_max", valid_max)] {
            if limit.flatten().is_some_and(|v| v.abs() > LARGEST_NUMBER) {
                c.push(field, Invalid::TooLarge);
            }
        }
        let coverage_expected = c.check(
            "coverage_expected",
            optional_choice(
                &self.coverage_expected,
                Expected::PreviousPeriod,
                Expected::parse,
            ),
        );
        let coverage_group = c.check(
            "coverage_group_id",
            lenient::optional_id(&self.coverage_group_id),
        );
        if coverage_expected == Some(Expected::PlaceGroup) && coverage_group == Some(None) {
            c.push("coverage_group_id", Invalid::Required);
        }
        let coverage_threshold = c.check(
            "coverage_threshold",
            match parse_number(&self.coverage_threshold) {
                Ok(Some(t)) if !(1.0..=100.0).contains(&t) => {
                    Err(Invalid::Range { min: 1, max: 100 })
                }
                other => other,
            },
        );
        let no_change_band = c.check(
            "no_change_band",
            match parse_number(&self.no_change_band) {
                Ok(Some(b)) if !(0.0..=LARGEST_NUMBER).contains(&b) => Err(Invalid::OutOfRange),
                other => other,
            },
        );
        let baseline_value = c.check("baseline_value", parse_number(&self.baseline_value));
        let baseline_period = c.check(
            "baseline_period",
            match (period_kind, self.baseline_period.trim()) {
                (_, "") => Ok(None),
                (Some(kind), raw) => Period::parse(kind, raw).map(Some),
                (None, _) => Ok(None),
            },
        );
        let baseline = match (baseline_value, baseline_period) {
            (Some(Some(value)), Some(Some(period))) => Some((period, value)),
            (Some(None), Some(None)) => None,
            (Some(Some(_)), Some(None)) => {
                c.push("baseline_period", Invalid::Incomplete);
                None
            }
            (Some(None), Some(Some(_))) => {
                c.push("baseline_value", Invalid::Incomplete);
                None
            }
            _ => None,
        };
        if !c.is_empty() {
            return Err(c.into_errors());
        }
        let (Some(code), Some(name_he), Some(unit), Some(axis), Some(period_kind)) =
            (code, name_he, unit, axis, period_kind)
        else {
            return Err(c.into_errors());
        };
        Ok(IndicatorInput {
            code,
            name_he,
            name_en: name_en.flatten(),
            definition_he: definition_he.flatten(),
            definition_en: definition_en.flatten(),
            unit,
            direction: direction.unwrap_or(Direction::Higher),
            kind: kind.unwrap_or(IndicatorKind::Quantitative),
            scale_max: scale_max.flatten(),
            axis,
            result_node_id: result_node_id.flatten().map(ResultNodeId::new),
            data_source: data_source.flatten(),
            frequency: frequency.unwrap_or(Frequency::Yearly),
            period_kind,
            owner_organization_id: owner.flatten().map(OrganizationId::new),
            aggregation: aggregation.unwrap_or(Aggregation::Sum),
            weight_code: weight_code.flatten(),
            formula: formula.flatten(),
            population_code: population_code.flatten(),
            // Counts are whole; everything else shows one decimal unless asked otherwise.
            decimals: decimals
                .flatten()
                .map_or(if unit == Unit::Count { 0 } else { 1 }, |d| d as u8),
            breakdowns: breakdowns.unwrap_or_default(),
            valid_min: valid_min.flatten(),
            valid_max: valid_max.flatten(),
            baseline,
            coverage: CoverageRule {
                expected: coverage_expected.unwrap_or(Expected::PreviousPeriod),
                group_id: match coverage_expected {
                    Some(Expected::PlaceGroup) => coverage_group.flatten().map(PlaceGroupId::new),
                    _ => None,
                },
                threshold: coverage_threshold.flatten().unwrap_or(DEFAULT_THRESHOLD),
            },
            no_change_band: no_change_band.flatten(),
        })
    }
}

impl IndicatorInput {
    /// The range a value must fall in: the one the backbone set, else what the unit allows
    /// (a percentage within 0–100, a rating on its scale, a count from zero to a plausible
    /// 10⁹ per place, money within 10¹²).
    pub fn allowed_range(&self) -> (Option<f64>, Option<f64>) {
        allowed_range(
            self.unit,
            self.kind,
            self.scale_max,
            self.valid_min,
            self.valid_max,
        )
    }
}

/// See [`IndicatorInput::allowed_range`].
pub fn allowed_range(
    unit: Unit,
    kind: IndicatorKind,
    scale_max: Option<i64>,
    valid_min: Option<f64>,
    valid_max: Option<f64>,
) -> (Option<f64>, Option<f64>) {
    let (unit_min, unit_max) = match (kind, unit) {
        (IndicatorKind::Qualitative, _) => (Some(1.0), scale_max.map(|m| m as f64)),
        (_, Unit::Percent) => (Some(0.0), Some(100.0)),
        (_, Unit::Count | Unit::Rate) => (Some(0.0), Some(PLAUSIBLE_COUNT)),
        (_, Unit::Currency) => (Some(-PLAUSIBLE_MONEY), Some(PLAUSIBLE_MONEY)),
        (_, Unit::Score) => (Some(-PLAUSIBLE_COUNT), Some(PLAUSIBLE_COUNT)),
    };
    (valid_min.or(unit_min), valid_max.or(unit_max))
}

fn parse_dimensions(raw: &str) -> Result<Vec<String>, Invalid> {
    let mut dimensions = Vec::new();
    for part in raw
        .split(['\n', ','])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let code = IndicatorCode::parse(part)?;
        if !dimensions.contains(&code.0) {
            dimensions.push(code.0);
        }
    }
    Ok(dimensions)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_can_stand_in_formulas() {
        assert_eq!(
            IndicatorCode::parse(" Math_5U_Takers ").unwrap().as_str(),
            "math_5u_takers"
        );
        assert_eq!(IndicatorCode::parse("5u"), Err(Invalid::Code));
        assert_eq!(IndicatorCode::parse("שיעור"), Err(Invalid::Code));
        assert_eq!(IndicatorCode::parse("a-b"), Err(Invalid::Code));
    }

    #[test]
    fn a_share_formula_reads_its_inputs_and_computes() {
        let formula = Formula::parse("math_takers / students * 100").unwrap();
        assert_eq!(formula.inputs(), vec!["math_takers", "students"]);
        assert_eq!(formula.denominator().as_deref(), Some("students"));
        let compiled = formula.compile();
        // Inputs come in alphabetical order: math_takers, students.
        assert_eq!(compiled.evaluate(&[Some(30.0), Some(120.0)]), Some(25.0));
        assert_eq!(compiled.evaluate(&[Some(30.0), None]), None);
        assert_eq!(compiled.evaluate(&[Some(0.0), Some(0.0)]), None);
    }

    #[test]
    fn formulas_are_arithmetic_only() {
        assert_eq!(Formula::parse("a +"), Err(Invalid::Formula));
        assert_eq!(Formula::parse("max(a, b)"), Err(Invalid::Formula));
        assert_eq!(Formula::parse("a = 3"), Err(Invalid::Formula));
        assert_eq!(Formula::parse("12 * 3"), Err(Invalid::Formula));
        assert!(Formula::parse("(a + b) / c").is_ok());
    }

    #[test]
    fn cells_are_keyed_the_same_whatever_the_order() {
        let a = Cell::of([("sector", "arab"), ("gender", "female")]);
        let b = Cell::of([("Gender", " female "), ("sector", "arab")]);
        assert_eq!(a, b);
        assert_eq!(a.key(), "gender=female|sector=arab");
        assert_eq!(a.value_of("sector"), Some("arab"));
        assert!(Cell::of([("gender", "")]).is_total());
    }

    #[test]
    fn numbers_are_read_as_spreadsheets_write_them() {
        assert_eq!(parse_number("1,234.5"), Ok(Some(1234.5)));
        assert_eq!(parse_number("12.5%"), Ok(Some(12.5)));
        assert_eq!(parse_number("  "), Ok(None));
        assert_eq!(parse_number("n/a"), Err(Invalid::Number));
    }

    fn form() -> IndicatorForm {
        IndicatorForm {
            code: "math5_share".into(),
            name_he: "שיעור הניגשים ל-5 יחידות מתמטיקה".into(),
            unit: "percent".into(),
            axis: "mapping".into(),
            period_kind: "school_year".into(),
            formula: "math5_takers / students * 100".into(),
            ..IndicatorForm::default()
        }
    }

    #[test]
    fn an_indicator_form_names_every_problem() {
        let input = form().parse().unwrap();
        assert_eq!(input.allowed_range(), (Some(0.0), Some(100.0)));
        assert_eq!(input.decimals, 1);
        let broken = IndicatorForm {
            code: "".into(),
            kind: "qualitative".into(),
            aggregation: "weighted_mean".into(),
            baseline_value: "40".into(),
            valid_min: "50".into(),
            valid_max: "10".into(),
            ..form()
        };
        let fields: Vec<&str> = broken
            .parse()
            .unwrap_err()
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            vec![
                "code",
                "scale_max",
                "weight_code",
                "valid_max",
                "baseline_period"
            ]
        );
    }

    #[test]
    fn a_baseline_reads_its_period_in_the_indicators_kind() {
        let input = IndicatorForm {
            baseline_value: "31.5".into(),
            baseline_period: "תשפ\"א".into(),
            ..form()
        }
        .parse()
        .unwrap();
        assert_eq!(input.baseline, Some((Period::SchoolYear(2020), 31.5)));
    }
}
