//! The decision log.

use kesher_domain::access::Access;
use kesher_domain::agenda::{DecisionForm, DecisionInput};
use kesher_domain::*;
use kesher_store::Decision;

use crate::error::choice_of;
use crate::{Caller, CoreError, CoreResult, Kesher};

use super::*;

impl Kesher {
    pub async fn decisions(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<Decision>> {
        self.require(caller, initiative, |_| true).await?;
        Ok(self.store.decisions(initiative).await?)
    }

    pub async fn decision(
        &self,
        caller: &Caller,
        id: DecisionId,
    ) -> CoreResult<(Decision, Access)> {
        let decision = self.store.decision(id).await?;
        let access = self
            .require(caller, decision.initiative_id, |_| true)
            .await?;
        Ok((decision, access))
    }

    pub async fn create_decision(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &DecisionForm,
    ) -> CoreResult<Decision> {
        self.record_decision(caller, initiative, form, None).await
    }

    /// Adds a decision to the log, taken at `meeting` when one is given: every decision,
    /// wherever it is recorded, passes the same checks.
    pub(crate) async fn record_decision(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &DecisionForm,
        meeting: Option<MeetingId>,
    ) -> CoreResult<Decision> {
        self.require(caller, initiative, |a| a.can_edit_agenda())
            .await?;
        let mut input = form.parse().map_err(CoreError::Invalid)?;
        input.meeting_id = meeting;
        self.check_decision(initiative, &input).await?;
        self.store
            .create_decision(caller.actor(), initiative, &input)
            .await
            .map_err(choice_of("body_id"))
    }

    /// Names the field whose reference is not in the initiative (the body, a node of the
    /// tree, a term), and refuses a decision dated in the future.
    async fn check_decision(
        &self,
        initiative: InitiativeId,
        input: &DecisionInput,
    ) -> CoreResult<()> {
        let mut errors = Vec::new();
        if let Some(body) = input.body_id {
            let bodies = self.store.list_bodies(initiative).await?;
            if !bodies.iter().any(|b| b.id == body) {
                errors.push(FieldError::new("body_id", Invalid::Choice));
            }
        }
        if !input.result_ids.is_empty() {
            let nodes = self.store.results(initiative).await?;
            if !input
                .result_ids
                .iter()
                .all(|r| nodes.iter().any(|n| n.id == *r))
            {
                errors.push(FieldError::new("result_ids", Invalid::Choice));
            }
        }
        if !input.term_ids.is_empty() {
            let terms = self.store.terms(initiative).await?;
            if !input
                .term_ids
                .iter()
                .all(|t| terms.iter().any(|term| term.id == *t))
            {
                errors.push(FieldError::new("term_ids", Invalid::Choice));
            }
        }
        if let Err(e) = not_in_future("decided_on", input.decided_on) {
            errors.push(e);
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(CoreError::Invalid(errors))
        }
    }

    pub async fn update_decision(
        &self,
        caller: &Caller,
        id: DecisionId,
        form: &DecisionForm,
    ) -> CoreResult<Decision> {
        let found = self.store.decision(id).await?;
        self.require(caller, found.initiative_id, |a| a.can_edit_agenda())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        self.check_decision(found.initiative_id, &input).await?;
        self.store
            .update_decision(caller.actor(), id, &input)
            .await
            .map_err(choice_of("body_id"))
    }

    pub async fn delete_decision(&self, caller: &Caller, id: DecisionId) -> CoreResult<()> {
        let found = self.store.decision(id).await?;
        self.require(caller, found.initiative_id, |a| a.can_edit_agenda())
            .await?;
        Ok(self.store.delete_decision(caller.actor(), id).await?)
    }
}
