//! Shared measurement use cases: places, indicators and targets, and the figures the
//! pages draw — every indicator added up the place hierarchy, with its status. Imports of
//! places and values live in [`import`].

pub mod checks;
pub mod export;
pub mod headline;
pub mod import;
pub mod picture;
pub mod progress;
pub mod report_card;
pub mod review;

use std::collections::HashSet;

use kesher_domain::access::Access;
use kesher_domain::measurement::indicator::{IndicatorForm, IndicatorInput};
use kesher_domain::measurement::place::PlaceForm;
use kesher_domain::measurement::values::TargetForm;
use kesher_domain::*;
use kesher_store::{Indicator, Place, PlaceGroup};

use crate::error::choice_of;
use crate::{Caller, CoreError, CoreResult, Kesher};

/// Refuses a formula, weight or population that names an indicator the initiative does not
/// have, or a formula that would read itself (directly or through others).
fn check_indicator_links(
    input: &IndicatorInput,
    others: &[Indicator],
    own_id: Option<IndicatorId>,
) -> CoreResult<()> {
    let known: HashSet<&str> = others
        .iter()
        .filter(|i| Some(i.id) != own_id)
        .map(|i| i.code.as_str())
        .collect();
    let mut problems = Vec::new();
    if let Some(formula) = &input.formula {
        let inputs = formula.inputs();
        if inputs.iter().any(|code| !known.contains(code.as_str())) {
            problems.push(FieldError::new("formula", Invalid::FormulaReference));
        } else if reads_itself(input.code.as_str(), &inputs, others, own_id) {
            problems.push(FieldError::new("formula", Invalid::Cycle));
        }
    }
    for (field, code) in [
        ("weight_code", &input.weight_code),
        ("population_code", &input.population_code),
    ] {
        if let Some(code) = code
            && code.as_str() != input.code.as_str()
            && !known.contains(code.as_str())
        {
            problems.push(FieldError::new(field, Invalid::Unknown));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(CoreError::Invalid(problems))
    }
}

/// Whether following formulas from `inputs` leads back to `code`.
fn reads_itself(
    code: &str,
    inputs: &[String],
    others: &[Indicator],
    own_id: Option<IndicatorId>,
) -> bool {
    let mut seen: HashSet<String> = HashSet::new();
    let mut queue: Vec<String> = inputs.to_vec();
    while let Some(next) = queue.pop() {
        if next == code {
            return true;
        }
        if !seen.insert(next.clone()) {
            continue;
        }
        if let Some(formula) = others
            .iter()
            .filter(|i| Some(i.id) != own_id)
            .find(|i| i.code == next)
            .and_then(|i| i.formula.as_deref())
            .and_then(|f| kesher_domain::measurement::indicator::Formula::parse(f).ok())
        {
            queue.extend(formula.inputs());
        }
    }
    false
}

impl Kesher {
    // ---- places ----

    pub async fn places(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<(Vec<Place>, Access)> {
        let access = self.require(caller, initiative, |_| true).await?;
        Ok((self.store.places(initiative).await?, access))
    }

    pub async fn place(&self, caller: &Caller, id: PlaceId) -> CoreResult<(Place, Access)> {
        let place = self.store.place(id).await?;
        let access = self.require(caller, place.initiative_id, |_| true).await?;
        Ok((place, access))
    }

    pub async fn create_place(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &PlaceForm,
    ) -> CoreResult<Place> {
        self.require(caller, initiative, |a| a.can_manage_measurement())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        self.store
            .create_place(caller.actor(), initiative, &input)
            .await
            .map_err(choice_of("parent_id"))
    }

    pub async fn update_place(
        &self,
        caller: &Caller,
        id: PlaceId,
        form: &PlaceForm,
    ) -> CoreResult<Place> {
        let place = self.store.place(id).await?;
        self.require(caller, place.initiative_id, |a| a.can_manage_measurement())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        self.store
            .update_place(caller.actor(), id, &input)
            .await
            .map_err(choice_of("parent_id"))
    }

    pub async fn delete_place(&self, caller: &Caller, id: PlaceId) -> CoreResult<()> {
        let place = self.store.place(id).await?;
        self.require(caller, place.initiative_id, |a| a.can_manage_measurement())
            .await?;
        Ok(self.store.delete_place(caller.actor(), id).await?)
    }

    pub async fn place_groups(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<PlaceGroup>> {
        self.require(caller, initiative, |_| true).await?;
        Ok(self.store.place_groups(initiative).await?)
    }

    /// Makes a group of the given places.
    pub async fn create_place_group(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        name: &str,
        places: &[PlaceId],
    ) -> CoreResult<PlaceGroup> {
        self.require(caller, initiative, |a| a.can_manage_measurement())
            .await?;
        let name = kesher_domain::text::Name::parse(name)
            .map_err(|problem| CoreError::invalid("name", problem))?;
        if places.is_empty() {
            return Err(CoreError::invalid("place_ids", Invalid::Required));
        }
        self.store
            .create_place_group(caller.actor(), initiative, name.as_str(), places)
            .await
            .map_err(choice_of("place_ids"))
    }

    pub async fn delete_place_group(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        id: PlaceGroupId,
    ) -> CoreResult<()> {
        self.require(caller, initiative, |a| a.can_manage_measurement())
            .await?;
        let groups = self.store.place_groups(initiative).await?;
        if !groups.iter().any(|g| g.id == id) {
            return Err(CoreError::NotFound);
        }
        Ok(self.store.delete_place_group(caller.actor(), id).await?)
    }

    // ---- indicators ----

    pub async fn indicators(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<(Vec<Indicator>, Access)> {
        let access = self.require(caller, initiative, |_| true).await?;
        Ok((self.store.indicators(initiative).await?, access))
    }

    pub async fn indicator(
        &self,
        caller: &Caller,
        id: IndicatorId,
    ) -> CoreResult<(Indicator, Access)> {
        let indicator = self.store.indicator(id).await?;
        let access = self
            .require(caller, indicator.initiative_id, |_| true)
            .await?;
        Ok((indicator, access))
    }

    pub async fn create_indicator(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &IndicatorForm,
    ) -> CoreResult<Indicator> {
        self.require(caller, initiative, |a| a.can_manage_measurement())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        let others = self.store.indicators(initiative).await?;
        check_indicator_links(&input, &others, None)?;
        self.store
            .create_indicator(caller.actor(), initiative, &input)
            .await
            .map_err(choice_of("result_node_id"))
    }

    pub async fn update_indicator(
        &self,
        caller: &Caller,
        id: IndicatorId,
        form: &IndicatorForm,
    ) -> CoreResult<Indicator> {
        let before = self.store.indicator(id).await?;
        self.require(caller, before.initiative_id, |a| a.can_manage_measurement())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        let others = self.store.indicators(before.initiative_id).await?;
        check_indicator_links(&input, &others, Some(id))?;
        // Renaming a code that formulas read would break them.
        if input.code.as_str() != before.code && !readers_of(&before.code, &others).is_empty() {
            return Err(CoreError::invalid("code", Invalid::InUse));
        }
        self.store
            .update_indicator(caller.actor(), id, &input)
            .await
            .map_err(choice_of("result_node_id"))
    }

    /// How many values deleting the indicator would take with it (kept in the audit log).
    pub async fn indicator_value_count(&self, caller: &Caller, id: IndicatorId) -> CoreResult<u64> {
        let indicator = self.store.indicator(id).await?;
        self.require(caller, indicator.initiative_id, |a| {
            a.can_manage_measurement()
        })
        .await?;
        Ok(self.store.count_indicator_values(id).await?)
    }

    /// Refused while another indicator's formula, weight or population reads it.
    pub async fn delete_indicator(&self, caller: &Caller, id: IndicatorId) -> CoreResult<()> {
        let indicator = self.store.indicator(id).await?;
        self.require(caller, indicator.initiative_id, |a| {
            a.can_manage_measurement()
        })
        .await?;
        let others = self.store.indicators(indicator.initiative_id).await?;
        if !readers_of(&indicator.code, &others).is_empty() {
            return Err(CoreError::Conflict {
                message_id: "conflict-indicator-in-use",
            });
        }
        Ok(self.store.delete_indicator(caller.actor(), id).await?)
    }

    pub async fn set_target(
        &self,
        caller: &Caller,
        id: IndicatorId,
        form: &TargetForm,
    ) -> CoreResult<Indicator> {
        let indicator = self.store.indicator(id).await?;
        self.require(caller, indicator.initiative_id, |a| {
            a.can_manage_measurement()
        })
        .await?;
        let input = form
            .parse(indicator.period_kind)
            .map_err(CoreError::Invalid)?;
        self.store
            .set_target(caller.actor(), id, &input)
            .await
            .map_err(choice_of("benchmark_place_id"))
    }

    pub async fn delete_target(
        &self,
        caller: &Caller,
        indicator: IndicatorId,
        target: TargetId,
    ) -> CoreResult<Indicator> {
        let found = self.store.indicator(indicator).await?;
        self.require(caller, found.initiative_id, |a| a.can_manage_measurement())
            .await?;
        if !found.targets.iter().any(|t| t.id == target) {
            return Err(CoreError::NotFound);
        }
        Ok(self.store.delete_target(caller.actor(), target).await?)
    }
}

/// A place as a person names it in a form: by its code, else by its name (niqqud, final
/// letters and spacing set aside).
pub fn place_by_code_or_name<'a>(places: &'a [Place], text: &str) -> Option<&'a Place> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let folded = kesher_domain::search::fold(text);
    places
        .iter()
        .find(|p| p.code.as_deref() == Some(text))
        .or_else(|| {
            places
                .iter()
                .find(|p| kesher_domain::search::fold(&p.name) == folded)
        })
}

/// The indicators whose formula, weight or population reads `code`.
pub fn readers_of<'a>(code: &str, indicators: &'a [Indicator]) -> Vec<&'a Indicator> {
    indicators
        .iter()
        .filter(|i| i.code != code)
        .filter(|i| {
            i.weight_code.as_deref() == Some(code)
                || i.population_code.as_deref() == Some(code)
                || i.formula.as_deref().is_some_and(|f| {
                    kesher_domain::measurement::indicator::Formula::parse(f)
                        .map(|f| f.inputs().iter().any(|c| c == code))
                        .unwrap_or(false)
                })
        })
        .collect()
}

/// One value sent through the API or a form.
#[derive(Clone, Debug, serde::Deserialize, utoipa::ToSchema)]
pub struct ValueEntry {
    /// The indicator's code.
    pub indicator: String,
    pub place_id: i64,
    /// In the indicator's kind of period: `2021/22`, `2021`, `2021-Q3`, `2021-07`.
    pub period: String,
    /// The breakdown cell, dimension → value (`{"gender": "female"}`); empty for the total.
    #[serde(default)]
    pub cell: std::collections::BTreeMap<String, String>,
    pub value: Option<f64>,
    /// Why there is no value: `missing`, `suppressed` or `not_applicable`.
    pub missing: Option<String>,
    pub note: Option<String>,
}

/// A batch of values from one source.
#[derive(Clone, Debug, serde::Deserialize, utoipa::ToSchema)]
pub struct ValueBatchForm {
    /// What the values are (a report's name, a program's).
    #[schema(required = true)]
    pub source: String,
    #[schema(required = true)]
    pub entries: Vec<ValueEntry>,
}

impl Kesher {
    /// Writes values sent by a form or the API, all or none. The backbone's values are
    /// approved at once; a partner editor's, for the indicators their organization reports,
    /// are kept as a draft (`as_draft`) or sent for the backbone's approval. Answers with the
    /// state they were written in, so the user is told which happened.
    pub async fn enter_values(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        batch: &ValueBatchForm,
        kind: kesher_domain::measurement::values::SourceKind,
        as_draft: bool,
    ) -> CoreResult<(
        kesher_store::ValueWriteOutcome,
        kesher_domain::measurement::values::ValueState,
    )> {
        use kesher_domain::measurement::indicator::Cell;
        use kesher_domain::measurement::period::Period;
        use kesher_domain::measurement::values::{MissingReason, ValueState};
        use kesher_store::{NewSource, NewValue};

        use self::import::{DataIssue, DataProblem};

        let access = self.require(caller, initiative, |_| true).await?;
        let source = kesher_domain::text::Name::parse(&batch.source)
            .map_err(|problem| CoreError::invalid("source", problem))?;
        if batch.entries.is_empty() {
            return Err(CoreError::invalid("entries", Invalid::Required));
        }
        let indicators = self.store.indicators(initiative).await?;
        let places: HashSet<PlaceId> = self
            .store
            .places(initiative)
            .await?
            .into_iter()
            .map(|p| p.id)
            .collect();
        let mut issues = Vec::new();
        let mut values = Vec::new();
        let mut seen = HashSet::new();
        for (index, entry) in batch.entries.iter().enumerate() {
            let issue = |column: &str, problem: DataProblem| DataIssue {
                line: Some(index + 1),
                column: Some(column.to_string()),
                problem,
            };
            let Some(indicator) = indicators.iter().find(|i| i.code == entry.indicator) else {
                issues.push(issue(
                    "indicator",
                    DataProblem::UnknownIndicator {
                        value: entry.indicator.clone(),
                    },
                ));
                continue;
            };
            if !access.can_enter_values(indicator.owner_organization_id) {
                return Err(CoreError::Forbidden);
            }
            if indicator.is_computed() {
                issues.push(issue(
                    "indicator",
                    DataProblem::ComputedIndicator {
                        value: entry.indicator.clone(),
                    },
                ));
                continue;
            }
            let place = PlaceId::new(entry.place_id);
            if !places.contains(&place) {
                issues.push(issue(
                    "place_id",
                    DataProblem::UnknownPlace {
                        value: entry.place_id.to_string(),
                    },
                ));
                continue;
            }
            let period = match Period::parse(indicator.period_kind, &entry.period) {
                Ok(p) => p,
                Err(problem) => {
                    issues.push(issue("period", DataProblem::Cell { problem }));
                    continue;
                }
            };
            let missing = match (&entry.value, entry.missing.as_deref()) {
                (Some(_), _) => None,
                (None, Some(reason)) => match MissingReason::parse(reason) {
                    Ok(r) => Some(r),
                    Err(problem) => {
                        issues.push(issue("missing", DataProblem::Cell { problem }));
                        continue;
                    }
                },
                (None, None) => Some(MissingReason::Missing),
            };
            if let Some(v) = entry.value
                && let Err(problem) = self::checks::check_value(indicator, v)
            {
                issues.push(issue("value", problem));
                continue;
            }
            let cell = Cell::of(entry.cell.iter().map(|(d, v)| (d.as_str(), v.as_str())));
            if !seen.insert((indicator.id, place, period, cell.clone())) {
                issues.push(issue(
                    "indicator",
                    DataProblem::Duplicate {
                        first_line: index + 1,
                    },
                ));
                continue;
            }
            values.push(NewValue {
                indicator_id: indicator.id,
                place_id: place,
                period,
                cell,
                value: entry.value,
                missing,
                note: entry.note.clone().filter(|n| !n.trim().is_empty()),
            });
        }
        // With every entry read, entry n is value n: the rules can name their entries.
        if issues.is_empty() {
            let rules = self.rules_of(initiative).await?;
            let stored = self
                .stored_counterparts(&indicators, &rules, Some(&values))
                .await?;
            for (index, problem) in self::checks::check_batch(&values, &indicators, &rules, &stored)
            {
                issues.push(DataIssue {
                    line: Some(index + 1),
                    column: Some("value".into()),
                    problem,
                });
            }
        }
        if !issues.is_empty() {
            return Err(CoreError::DataImport(issues));
        }
        let state = if access.can_manage_measurement() {
            ValueState::Approved
        } else if as_draft {
            ValueState::Draft
        } else {
            ValueState::Submitted
        };
        let outcome = self
            .store
            .write_values(
                caller.actor(),
                initiative,
                &NewSource {
                    kind,
                    name: source.as_str().to_string(),
                },
                &[],
                &values,
                state,
            )
            .await?;
        Ok((outcome, state))
    }

    /// The initiative's rules between indicators.
    pub(crate) async fn rules_of(
        &self,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<kesher_domain::measurement::quality::ValidationRule>> {
        Ok(self
            .store
            .validation_rules(initiative)
            .await?
            .into_iter()
            .map(|r| r.rule)
            .collect())
    }

    /// The stored values a batch's rules and weights are checked against: those of the
    /// indicators on either side of a rule or weighing a mean, at the batch's places and
    /// periods (`None`: everywhere, for a file whose places are not known before it is read).
    pub(crate) async fn stored_counterparts(
        &self,
        indicators: &[Indicator],
        rules: &[kesher_domain::measurement::quality::ValidationRule],
        batch: Option<&[kesher_store::NewValue]>,
    ) -> CoreResult<self::checks::StoredValues> {
        let wanted = self::checks::counterparts(indicators, rules);
        if wanted.is_empty() {
            return Ok(self::checks::StoredValues::new());
        }
        let (mut place_ids, mut periods) = (Vec::new(), Vec::new());
        if let Some(batch) = batch {
            place_ids = batch.iter().map(|v| v.place_id).collect();
            periods = batch.iter().map(|v| v.period).collect();
            place_ids.sort();
            place_ids.dedup();
            periods.sort();
            periods.dedup();
        }
        Ok(self
            .store
            .values(&kesher_store::ValueFilter {
                indicator_ids: wanted,
                place_ids,
                periods,
                ..kesher_store::ValueFilter::default()
            })
            .await?
            .into_iter()
            .filter_map(|v| {
                v.value
                    .map(|x| ((v.indicator_id, v.place_id, v.period, v.cell), x))
            })
            .collect())
    }

    /// Values of the initiative: by indicator, period and state (approved when not asked).
    pub async fn values(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        filter: kesher_store::ValueFilter,
    ) -> CoreResult<Vec<kesher_store::DataValue>> {
        let access = self.require(caller, initiative, |_| true).await?;
        // Values not yet approved (a partner's draft, a value returned with the backbone's
        // comment) are the reviewers' business; every other reader sees what the figures
        // count.
        let mut filter = filter;
        if !access.can_manage_measurement() {
            let approved = kesher_domain::measurement::values::ValueState::Approved;
            if filter.states.is_empty() || filter.states.contains(&approved) {
                filter.states = vec![approved];
            } else {
                return Ok(Vec::new());
            }
        }
        let own: HashSet<IndicatorId> = self
            .store
            .indicators(initiative)
            .await?
            .into_iter()
            .map(|i| i.id)
            .collect();
        if filter.indicator_ids.iter().any(|i| !own.contains(i)) {
            return Err(CoreError::NotFound);
        }
        if filter.indicator_ids.is_empty() {
            filter.indicator_ids = own.into_iter().collect();
        }
        if filter.indicator_ids.is_empty() {
            return Ok(Vec::new());
        }
        Ok(self.store.values(&filter).await?)
    }
}

impl Kesher {
    /// The initiative's rules between indicators.
    pub async fn validation_rules(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<kesher_store::StoredRule>> {
        self.require(caller, initiative, |_| true).await?;
        Ok(self.store.validation_rules(initiative).await?)
    }

    /// Adds a rule between two of the initiative's indicators (backbone); imports and forms
    /// check it from then on.
    pub async fn create_validation_rule(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        left: &str,
        comparison: &str,
        right: &str,
    ) -> CoreResult<kesher_store::StoredRule> {
        use kesher_domain::measurement::indicator::IndicatorCode;
        use kesher_domain::measurement::quality::{Comparison, ValidationRule};
        self.require(caller, initiative, |a| a.can_manage_measurement())
            .await?;
        let known = self.store.indicators(initiative).await?;
        let mut problems = Vec::new();
        let mut code = |field: &'static str, raw: &str| match IndicatorCode::parse(raw) {
            Ok(c) if known.iter().any(|i| i.code == c.as_str()) => Some(c),
            Ok(_) => {
                problems.push(FieldError::new(field, Invalid::Choice));
                None
            }
            Err(p) => {
                problems.push(FieldError::new(field, p));
                None
            }
        };
        let left = code("left", left);
        let right = code("right", right);
        let comparison = Comparison::parse(comparison)
            .map_err(|p| problems.push(FieldError::new("comparison", p)))
            .ok();
        if let (Some(l), Some(r)) = (&left, &right)
            && l == r
        {
            problems.push(FieldError::new("right", Invalid::Choice));
        }
        match (left, comparison, right) {
            (Some(left), Some(comparison), Some(right)) if problems.is_empty() => Ok(self
                .store
                .create_validation_rule(
                    caller.actor(),
                    initiative,
                    &ValidationRule {
                        left,
                        comparison,
                        right,
                    },
                )
                .await?),
            _ => Err(CoreError::Invalid(problems)),
        }
    }

    pub async fn delete_validation_rule(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        id: i64,
    ) -> CoreResult<()> {
        self.require(caller, initiative, |a| a.can_manage_measurement())
            .await?;
        Ok(self
            .store
            .delete_validation_rule(caller.actor(), initiative, id)
            .await?)
    }
}
