//! Creating and describing initiatives.

use kesher_domain::InitiativeId;
use kesher_domain::access::Access;
use kesher_domain::network::InitiativeForm;
use kesher_domain::{FieldError, Invalid};
use kesher_store::{Actor, Initiative};

use crate::{Caller, CoreError, CoreResult, Kesher};

impl Kesher {
    /// An initiative the caller can read, with what they may do in it.
    pub async fn initiative(
        &self,
        caller: &Caller,
        id: InitiativeId,
    ) -> CoreResult<(Initiative, Access)> {
        let access = self.require(caller, id, |_| true).await?;
        Ok((self.store.initiative(id).await?, access))
    }

    /// Only an instance admin creates initiatives; the command line and the demo pass `None`.
    pub async fn create_initiative(
        &self,
        caller: Option<&Caller>,
        form: &InitiativeForm,
    ) -> CoreResult<Initiative> {
        let actor = match caller {
            Some(caller) if caller.is_admin() => caller.actor(),
            Some(_) => return Err(CoreError::Forbidden),
            None => Actor::system(),
        };
        let input = form.parse().map_err(CoreError::Invalid)?;
        if let Some(parent) = input.parent_id {
            self.store
                .initiative(parent)
                .await
                .map_err(|_| CoreError::invalid("parent_id", Invalid::Choice))?;
        }
        Ok(self.store.create_initiative(actor, &input).await?)
    }

    /// The backbone edits the initiative's name and description; moving it under another
    /// parent is left to an instance admin.
    pub async fn update_initiative(
        &self,
        caller: &Caller,
        id: InitiativeId,
        form: &InitiativeForm,
    ) -> CoreResult<Initiative> {
        let access = self
            .require(caller, id, |a| a.can_edit_initiative())
            .await?;
        let current = self.store.initiative(id).await?;
        let mut input = form.parse().map_err(CoreError::Invalid)?;
        if !access.is_admin() {
            input.parent_id = current.parent_id;
        }
        if input.parent_id != current.parent_id {
            self.check_no_cycle(id, input.parent_id).await?;
        }
        Ok(self
            .store
            .update_initiative(caller.actor(), id, &input)
            .await?)
    }

    /// A parent may not be the initiative itself or one of its descendants.
    async fn check_no_cycle(
        &self,
        id: InitiativeId,
        parent: Option<InitiativeId>,
    ) -> CoreResult<()> {
        let all = self.store.list_initiatives().await?;
        let mut cursor = parent;
        let mut steps = 0;
        while let Some(current) = cursor {
            if current == id || steps > all.len() {
                return Err(CoreError::Invalid(vec![FieldError::new(
                    "parent_id",
                    Invalid::Cycle,
                )]));
            }
            let node = all
                .iter()
                .find(|i| i.id == current)
                .ok_or_else(|| CoreError::invalid("parent_id", Invalid::Choice))?;
            cursor = node.parent_id;
            steps += 1;
        }
        Ok(())
    }

    /// The initiatives directly under this one (a network's local communities) that the
    /// caller can see.
    pub async fn child_initiatives(
        &self,
        caller: &Caller,
        id: InitiativeId,
    ) -> CoreResult<Vec<Initiative>> {
        let visible = self.visible_initiatives(caller).await?;
        Ok(visible
            .into_iter()
            .filter(|i| i.parent_id == Some(id))
            .collect())
    }
}
