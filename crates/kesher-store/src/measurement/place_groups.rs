//! Named groups of places (the initiative's own schools, a cluster of authorities).

use async_trait::async_trait;
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Actor, StoreResult};

/// A named group of places.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct PlaceGroup {
    pub id: PlaceGroupId,
    pub initiative_id: InitiativeId,
    pub name: String,
    pub place_ids: Vec<PlaceId>,
}

/// The place groups of an initiative.
#[async_trait]
pub trait PlaceGroupStore: Send + Sync {
    async fn create_place_group(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        name: &str,
        places: &[PlaceId],
    ) -> StoreResult<PlaceGroup>;
    async fn delete_place_group(&self, actor: Actor, id: PlaceGroupId) -> StoreResult<()>;
    async fn place_groups(&self, initiative: InitiativeId) -> StoreResult<Vec<PlaceGroup>>;
}
