//! Indicators and their targets.

use std::collections::HashSet;

use kesher_domain::access::Access;
use kesher_domain::measurement::indicator::{IndicatorForm, IndicatorInput};
use kesher_domain::measurement::values::TargetForm;
use kesher_domain::*;
use kesher_store::Indicator;

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
            problems.push(FieldError::new(
                field,
                Invalid::unknown_codes(&[code.as_str().to_string()]),
            ));
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
