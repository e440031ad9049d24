//! Named groups of places.

use kesher_domain::*;
use kesher_store::PlaceGroup;

use crate::error::choice_of;
use crate::{Caller, CoreError, CoreResult, Kesher};

impl Kesher {
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
}
