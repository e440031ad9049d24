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
        self.store
            .update_dispute(caller.actor(), id, &input)
            .await
            .map_err(choice_of("raised_by_organization_id"))
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
        self.store
            .add_position(caller.actor(), id, &input)
            .await
            .map_err(choice_of("organization_id"))
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
        Ok(self
            .store
            .change_dispute_status(caller.actor(), id, &input)
            .await?)
    }
}
