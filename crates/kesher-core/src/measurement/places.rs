//! Places: the country, districts, authorities and schools the initiative measures.

use kesher_domain::access::Access;
use kesher_domain::measurement::place::PlaceForm;
use kesher_domain::*;
use kesher_store::Place;

use crate::error::choice_of;
use crate::{Caller, CoreError, CoreResult, Kesher};

impl Kesher {
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
}

/// A place as a person names it in a form: by its code, else by its name (niqqud, final
/// letters and spacing set aside).
pub fn place_by_code_or_name<'a>(places: &'a [Place], text: &str) -> Option<&'a Place> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let folded = kesher_domain::search::fold(text);
    places
        .iter()
        .find(|p| p.code.as_deref() == Some(text))
        .or_else(|| {
            places
                .iter()
                .find(|p| kesher_domain::search::fold(&p.name) == folded)
        })
}
