//! Comments on the agenda: what members, partners and the backbone say about the version
//! under discussion, each in their own name and, when they speak for one, their
//! organization's.

use kesher_domain::agenda::CommentForm;
use kesher_domain::*;
use kesher_store::AgendaComment;

use crate::error::choice_of;
use crate::{Caller, CoreError, CoreResult, Kesher};

use super::*;

impl Kesher {
    /// The comments on a version, oldest first.
    pub async fn agenda_comments(
        &self,
        caller: &Caller,
        version: AgendaVersionId,
    ) -> CoreResult<Vec<AgendaComment>> {
        self.agenda_version(caller, version).await?;
        Ok(self.store.agenda_comments(version).await?)
    }

    /// Comments on the current version. An older version is history: a comment there
    /// would answer a text nobody is discussing any more, so it is refused.
    pub async fn add_agenda_comment(
        &self,
        caller: &Caller,
        version: AgendaVersionId,
        form: &CommentForm,
    ) -> CoreResult<AgendaComment> {
        let found = self.store.agenda_version(version).await?;
        let access = self
            .require(caller, found.initiative_id, |a| a.can_take_part_in_agenda())
            .await?;
        let mut input = form.parse().map_err(CoreError::Invalid)?;
        input.organization_id = speaking_for(&access, input.organization_id)?;
        let newest = self
            .store
            .agenda_versions(found.initiative_id)
            .await?
            .last()
            .map(|v| v.id);
        if newest != Some(version) {
            return Err(CoreError::Conflict {
                message_id: "conflict-comment-on-old-version",
            });
        }
        self.store
            .add_agenda_comment(caller.actor(), version, &input)
            .await
            .map_err(choice_of("organization_id"))
    }
}
