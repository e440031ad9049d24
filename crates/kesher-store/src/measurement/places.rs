//! Places: the country, districts, authorities and schools an initiative measures.

use async_trait::async_trait;
use kesher_domain::measurement::place::{PlaceAttributes, PlaceInput, PlaceKind};
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Actor, StoreResult};

/// A place: the country, a district, an authority, a school.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct Place {
    pub id: PlaceId,
    pub initiative_id: InitiativeId,
    pub parent_id: Option<PlaceId>,
    pub kind: PlaceKind,
    /// סמל מוסד for a school, the CBS code for an authority.
    pub code: Option<String>,
    pub name: String,
    pub attributes: PlaceAttributes,
}

/// One row of a places import. Its parent is named by kind and code (or name, when the
/// source has no code for it) and may be another row of the same import.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceRow {
    pub kind: PlaceKind,
    pub code: Option<String>,
    pub name: String,
    pub parent: Option<PlaceKey>,
    pub attributes: PlaceAttributes,
}

impl PlaceRow {
    /// The stand-in id a [`NewValue`] gives a place that is written in the same call
    /// (`ValueStore::write_values`'s `new_places`, by index): -1 for the first.
    pub fn placeholder(index: usize) -> PlaceId {
        PlaceId::new(-(index as i64) - 1)
    }

    /// The index a stand-in id points at; `None` for a stored place's id.
    pub fn placeholder_index(id: PlaceId) -> Option<usize> {
        (id.get() < 0).then(|| (-id.get() - 1) as usize)
    }
}

/// How an import names a place: its code where it has one, else its name.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PlaceKey {
    pub kind: PlaceKind,
    /// The code, or the folded name.
    pub key: String,
}

/// What a places import did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, ToSchema)]
pub struct PlaceImportOutcome {
    pub added: u64,
    pub updated: u64,
    pub unchanged: u64,
}

/// The places of an initiative.
#[async_trait]
pub trait PlaceStore: Send + Sync {
    async fn create_place(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &PlaceInput,
    ) -> StoreResult<Place>;
    async fn update_place(
        &self,
        actor: Actor,
        id: PlaceId,
        input: &PlaceInput,
    ) -> StoreResult<Place>;
    /// Refused with `Conflict::InUse` while the place has places under it or values.
    async fn delete_place(&self, actor: Actor, id: PlaceId) -> StoreResult<()>;
    async fn place(&self, id: PlaceId) -> StoreResult<Place>;
    async fn places(&self, initiative: InitiativeId) -> StoreResult<Vec<Place>>;
    /// Adds or updates places in one transaction: a row matches a place of the same kind by
    /// code, else by folded name. Blank attributes keep what was there. Rows come parents
    /// first; a parent not found is `NotFound` and nothing is written.
    async fn import_places(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        rows: &[PlaceRow],
    ) -> StoreResult<PlaceImportOutcome>;
}
