//! Programs: each partner keeps its own, the backbone keeps any, everyone in the initiative
//! reads them all (coordination starts from seeing what the others do).

use std::collections::HashSet;

use kesher_domain::access::Access;
use kesher_domain::activities::programs::{ProgramForm, ProgramInput, code_key};
use kesher_domain::validation::Checker;
use kesher_domain::*;
use kesher_store::Program;

use crate::{Caller, CoreError, CoreResult, Kesher};

impl Kesher {
    /// The initiative's programs, by organization and name.
    pub async fn programs(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<(Vec<Program>, Access)> {
        let access = self.require(caller, initiative, |_| true).await?;
        Ok((self.store.programs(initiative).await?, access))
    }

    /// One program, with what the caller may do with it.
    pub async fn program(&self, caller: &Caller, id: ProgramId) -> CoreResult<(Program, Access)> {
        let program = self.store.program(id).await?;
        let access = self
            .require(caller, program.initiative_id, |_| true)
            .await?;
        Ok((program, access))
    }

    /// Checks a program as typed, and that everything it names is the initiative's: a field
    /// that names something else is refused at that field.
    pub(crate) async fn checked_program(
        &self,
        initiative: InitiativeId,
        form: &ProgramForm,
    ) -> CoreResult<ProgramInput> {
        let mut input = form.parse().map_err(CoreError::Invalid)?;
        let mut c = Checker::new();
        self.check_partner_and_nodes(
            initiative,
            input.organization_id,
            ("result_ids", &input.result_ids),
            &mut c,
        )
        .await?;
        let all_places = self.store.places(initiative).await?;
        let places: HashSet<PlaceId> = all_places.iter().map(|p| p.id).collect();
        if !input.place_ids.iter().all(|p| places.contains(p)) {
            c.push("place_ids", Invalid::Choice);
        }
        // Codes name places of any level; a code two places share (a school and an
        // authority) names both, as the initiative's own list does.
        match form.place_codes() {
            Err(problem) => c.push("place_codes", problem),
            Ok(codes) => {
                let mut unknown: Vec<String> = Vec::new();
                for code in codes {
                    let key = code_key(&code);
                    let named: Vec<PlaceId> = all_places
                        .iter()
                        .filter(|p| p.code.as_deref().is_some_and(|c| code_key(c) == key))
                        .map(|p| p.id)
                        .collect();
                    if named.is_empty() {
                        unknown.push(code.clone());
                    }
                    for id in named {
                        if !input.place_ids.contains(&id) {
                            input.place_ids.push(id);
                        }
                    }
                }
                if !unknown.is_empty() {
                    c.push("place_codes", Invalid::unknown_codes(&unknown));
                }
            }
        }
        let groups = self.store.place_groups(initiative).await?;
        if !input
            .place_group_ids
            .iter()
            .all(|g| groups.iter().any(|known| known.id == *g))
        {
            c.push("place_group_ids", Invalid::Choice);
        }
        let indicators = self.store.indicators(initiative).await?;
        if !input
            .indicator_ids
            .iter()
            .all(|i| indicators.iter().any(|known| known.id == *i))
        {
            c.push("indicator_ids", Invalid::Choice);
        }
        if c.is_empty() {
            Ok(input)
        } else {
            Err(CoreError::Invalid(c.into_errors()))
        }
    }

    /// A new program: the backbone for any partner, a partner editor for their own.
    pub async fn create_program(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &ProgramForm,
    ) -> CoreResult<Program> {
        let access = self
            .require(caller, initiative, |a| a.can_keep_programs())
            .await?;
        let input = self.checked_program(initiative, form).await?;
        if !access.can_keep_programs_of(input.organization_id) {
            return Err(CoreError::Forbidden);
        }
        Ok(self
            .store
            .create_program(caller.actor(), initiative, &input)
            .await?)
    }

    /// Changes a program: whoever keeps its partner's programs, and (when it moves to
    /// another partner) the new partner's too.
    pub async fn edit_program(
        &self,
        caller: &Caller,
        id: ProgramId,
        form: &ProgramForm,
    ) -> CoreResult<Program> {
        let found = self.store.program(id).await?;
        let access = self
            .require(caller, found.initiative_id, |a| {
                a.can_keep_programs_of(found.organization_id)
            })
            .await?;
        let input = self.checked_program(found.initiative_id, form).await?;
        if !access.can_keep_programs_of(input.organization_id) {
            return Err(CoreError::Forbidden);
        }
        Ok(self.store.edit_program(caller.actor(), id, &input).await?)
    }

    /// Removes a program; the audit log keeps what it was.
    pub async fn delete_program(&self, caller: &Caller, id: ProgramId) -> CoreResult<()> {
        let found = self.store.program(id).await?;
        self.require(caller, found.initiative_id, |a| {
            a.can_keep_programs_of(found.organization_id)
        })
        .await?;
        Ok(self.store.delete_program(caller.actor(), id).await?)
    }
}
