//! Disputes and the positions partners take in them.

use kesher_domain::access::Access;
use kesher_domain::agenda::{DisputeForm, DisputeStatusForm, PositionForm};
use kesher_domain::*;
use kesher_store::Dispute;

use crate::error::choice_of;
use crate::{Caller, CoreError, CoreResult, Kesher};

use super::*;

impl Kesher {
    pub async fn disputes(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<Dispute>> {
        self.require(caller, initiative, |_| true).await?;
        Ok(self.store.disputes(initiative).await?)
    }

    pub async fn dispute(&self, caller: &Caller, id: DisputeId) -> CoreResult<(Dispute, Access)> {
        let dispute = self.store.dispute(id).await?;
        let access = self
            .require(caller, dispute.initiative_id, |_| true)
            .await?;
        Ok((dispute, access))
    }

    /// Opens a dispute. A partner editor raises it in their organization's name; the sector
    /// is the organization's unless another is named.
    pub async fn create_dispute(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &DisputeForm,
    ) -> CoreResult<Dispute> {
        let access = self
            .require(caller, initiative, |a| a.can_take_part_in_agenda())
            .await?;
        let mut input = form.parse().map_err(CoreError::Invalid)?;
        input.raised_by = speaking_for(&access, input.raised_by)?;
        if let (Some(org), None) = (input.raised_by, input.raised_by_sector) {
            input.raised_by_sector = self.store.organization(org).await.ok().map(|o| o.sector);
        }
        self.store
            .create_dispute(caller.actor(), initiative, &input)
            .await
            .map_err(choice_of("raised_by_organization_id"))
    }

    pub async fn update_dispute(
        &self,
        caller: &Caller,
        id: DisputeId,
        form: &DisputeForm,
    ) -> CoreResult<Dispute> {
        let found = self.store.dispute(id).await?;
        self.require(caller, found.initiative_id, |a| a.can_edit_agenda())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        let updated = self
            .store
            .update_dispute(caller.actor(), id, &input)
            .await
            .map_err(choice_of("raised_by_organization_id"))?;
        if updated.question != found.question || updated.decision_ids != found.decision_ids {
            self.tell_those_who_took_a_position(caller, &updated, "notify-question-edited")
                .await;
        }
        Ok(updated)
    }

    /// States a position; a partner editor speaks for their own organization.
    pub async fn add_position(
        &self,
        caller: &Caller,
        id: DisputeId,
        form: &PositionForm,
    ) -> CoreResult<Dispute> {
        let found = self.store.dispute(id).await?;
        let access = self
            .require(caller, found.initiative_id, |a| a.can_take_part_in_agenda())
            .await?;
        let mut input = form.parse().map_err(CoreError::Invalid)?;
        input.organization_id = speaking_for(&access, input.organization_id)?;
        let updated = self
            .store
            .add_position(caller.actor(), id, &input)
            .await
            .map_err(choice_of("organization_id"))?;
        self.tell_those_who_took_a_position(caller, &updated, "notify-question-new-position")
            .await;
        Ok(updated)
    }

    /// Resolves or reopens a dispute; its history keeps every step.
    pub async fn change_dispute_status(
        &self,
        caller: &Caller,
        id: DisputeId,
        form: &DisputeStatusForm,
    ) -> CoreResult<Dispute> {
        let found = self.store.dispute(id).await?;
        self.require(caller, found.initiative_id, |a| a.can_edit_agenda())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        let updated = self
            .store
            .change_dispute_status(caller.actor(), id, &input)
            .await?;
        let text_id = match updated.status {
            kesher_domain::agenda::DisputeStatus::Resolved => "notify-question-resolved",
            _ => "notify-question-reopened",
        };
        self.tell_those_who_took_a_position(caller, &updated, text_id)
            .await;
        Ok(updated)
    }

    /// Tells each person who stated a position on `dispute` (but not the one who changed
    /// it) what changed: one message per person, however many positions they stated. The
    /// change is already saved, so a failure to notify is logged and does not undo it.
    async fn tell_those_who_took_a_position(
        &self,
        caller: &Caller,
        dispute: &Dispute,
        text_id: &'static str,
    ) {
        let mut people: Vec<UserId> = dispute
            .positions
            .iter()
            .filter_map(|p| p.author_id)
            .filter(|id| *id != caller.user.id)
            .collect();
        people.sort_unstable();
        people.dedup();
        for person in people {
            let outcome = async {
                let user = self.store.user(person).await?;
                // Someone who has since lost their role here is not told.
                if user.disabled_at.is_some()
                    || (!user.is_admin
                        && self
                            .store
                            .role_in(user.id, dispute.initiative_id)
                            .await?
                            .is_none())
                {
                    return Ok(());
                }
                self.notify(
                    &user,
                    Some(dispute.initiative_id),
                    "question_changed",
                    |lang| {
                        lang.t_with(
                            text_id,
                            &[(
                                "question",
                                kesher_i18n::Arg::Text(
                                    dispute.question.chars().take(120).collect(),
                                ),
                            )],
                        )
                    },
                    format!(
                        "/initiatives/{}/disputes/{}",
                        dispute.initiative_id, dispute.id
                    ),
                )
                .await
            }
            .await;
            if let Err(error) = outcome {
                tracing::warn!(%error, dispute = dispute.id.get(), "a change of a question not notified");
            }
        }
    }
}
