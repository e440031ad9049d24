//! The results tree: goals, outcomes and what leads to them.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kesher_domain::agenda::{ResultInput, ResultKind, ResultStatus};
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Actor, StoreResult};

/// A node of the results tree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct ResultNode {
    pub id: ResultNodeId,
    pub initiative_id: InitiativeId,
    pub parent_id: Option<ResultNodeId>,
    /// Order among its siblings, from 0.
    pub position: u32,
    pub kind: ResultKind,
    pub title: String,
    pub description: Option<String>,
    pub owner_body_id: Option<BodyId>,
    pub owner_body_name: Option<String>,
    /// Standard codes (periphery, girls, arab_sector, haredi_sector) and the initiative's own.
    pub populations: Vec<String>,
    pub subjects: Vec<String>,
    pub age_bands: Vec<String>,
    pub status: ResultStatus,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The results tree of an initiative. The owning body must belong to the same initiative,
/// or the write is refused with `Conflict::WrongInitiative`.
#[async_trait]
pub trait ResultStore: Send + Sync {
    /// Adds a node as the last child of its parent (or last at the top).
    async fn create_result(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &ResultInput,
    ) -> StoreResult<ResultNode>;
    /// Changes a node's content; its place changes only through [`ResultStore::move_result`].
    async fn update_result(
        &self,
        actor: Actor,
        id: ResultNodeId,
        input: &ResultInput,
    ) -> StoreResult<ResultNode>;
    /// Moves a node (with its subtree) under `parent` at `index`; refuses cycles. Returns the
    /// whole tree after the move.
    async fn move_result(
        &self,
        actor: Actor,
        id: ResultNodeId,
        parent: Option<ResultNodeId>,
        index: usize,
    ) -> StoreResult<Vec<ResultNode>>;
    /// Refused with `Conflict::InUse` while the node has children.
    async fn delete_result(&self, actor: Actor, id: ResultNodeId) -> StoreResult<()>;
    async fn result(&self, id: ResultNodeId) -> StoreResult<ResultNode>;
    /// The initiative's nodes, by parent and position.
    async fn results(&self, initiative: InitiativeId) -> StoreResult<Vec<ResultNode>>;
}
