//! The glossary: terms, proposed definitions and their adoption.

use kesher_domain::access::Access;
use kesher_domain::agenda::{AdoptionForm, DefinitionForm, TermForm};
use kesher_domain::text::Name;
use kesher_domain::*;
use kesher_store::GlossaryTerm;

use crate::error::choice_of;
use crate::{Caller, CoreError, CoreResult, Kesher};

use super::*;

impl Kesher {
    pub async fn terms(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<GlossaryTerm>> {
        self.require(caller, initiative, |_| true).await?;
        Ok(self.store.terms(initiative).await?)
    }

    pub async fn term(&self, caller: &Caller, id: TermId) -> CoreResult<(GlossaryTerm, Access)> {
        let term = self.store.term(id).await?;
        let access = self.require(caller, term.initiative_id, |_| true).await?;
        Ok((term, access))
    }

    /// The term a definition belongs to.
    pub async fn term_of_definition(
        &self,
        caller: &Caller,
        id: DefinitionId,
    ) -> CoreResult<GlossaryTerm> {
        let term = self.store.term_of_definition(id).await?;
        self.require(caller, term.initiative_id, |_| true).await?;
        Ok(term)
    }

    /// A new term with its first definition (a proposal until adopted).
    pub async fn create_term(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &TermForm,
    ) -> CoreResult<GlossaryTerm> {
        let access = self
            .require(caller, initiative, |a| a.can_take_part_in_agenda())
            .await?;
        let (term, mut definition) = form.parse().map_err(CoreError::Invalid)?;
        definition.proposed_by = speaking_for(&access, definition.proposed_by)?;
        self.store
            .create_term(caller.actor(), initiative, &term, &definition)
            .await
            .map_err(choice_of("proposed_by_organization_id"))
    }

    pub async fn rename_term(
        &self,
        caller: &Caller,
        id: TermId,
        term: &str,
    ) -> CoreResult<GlossaryTerm> {
        let found = self.store.term(id).await?;
        self.require(caller, found.initiative_id, |a| a.can_edit_agenda())
            .await?;
        let name = Name::parse(term).map_err(|p| CoreError::invalid("term", p))?;
        Ok(self.store.rename_term(caller.actor(), id, &name).await?)
    }

    /// Proposes a new version of a term's definition.
    pub async fn propose_definition(
        &self,
        caller: &Caller,
        id: TermId,
        form: &DefinitionForm,
    ) -> CoreResult<GlossaryTerm> {
        let found = self.store.term(id).await?;
        let access = self
            .require(caller, found.initiative_id, |a| a.can_take_part_in_agenda())
            .await?;
        let mut input = form.parse().map_err(CoreError::Invalid)?;
        input.proposed_by = speaking_for(&access, input.proposed_by)?;
        self.store
            .add_definition(caller.actor(), id, &input)
            .await
            .map_err(choice_of("proposed_by_organization_id"))
    }

    /// Records that a body adopted a version of a definition.
    pub async fn adopt_definition(
        &self,
        caller: &Caller,
        id: DefinitionId,
        form: &AdoptionForm,
    ) -> CoreResult<GlossaryTerm> {
        let term = self.store.term_of_definition(id).await?;
        self.require(caller, term.initiative_id, |a| a.can_edit_agenda())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        not_in_future("adopted_on", input.adopted_on).map_err(|e| CoreError::Invalid(vec![e]))?;
        self.store
            .adopt_definition(caller.actor(), id, &input)
            .await
            .map_err(choice_of("body_id"))
    }
}
