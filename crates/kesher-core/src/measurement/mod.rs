//! Shared measurement use cases: places, indicators and targets, and the figures the
//! pages draw — every indicator added up the place hierarchy, with its status. Imports of
//! places and values live in [`import`].

pub mod import;
pub mod picture;

use std::collections::HashSet;

use kesher_domain::access::Access;
use kesher_domain::measurement::indicator::{IndicatorForm, IndicatorInput};
use kesher_domain::measurement::place::PlaceForm;
use kesher_domain::measurement::values::TargetForm;
use kesher_domain::*;
use kesher_store::{Indicator, Place, PlaceGroup, StoreError};

use crate::{Caller, CoreError, CoreResult, Kesher};

fn choice_of(field: &'static str) -> impl Fn(StoreError) -> CoreError {
    move |error| match error {
        StoreError::NotFound | StoreError::Conflict(kesher_store::Conflict::WrongInitiative) => {
            CoreError::invalid(field, Invalid::Choice)
        }
        other => other.into(),
    }
}

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
            .map_err(linked_choice)
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
            .map_err(linked_choice)
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

fn linked_choice(error: StoreError) -> CoreError {
    match error {
        StoreError::NotFound | StoreError::Conflict(kesher_store::Conflict::WrongInitiative) => {
            CoreError::invalid("result_node_id", Invalid::Choice)
        }
        other => other.into(),
    }
}
