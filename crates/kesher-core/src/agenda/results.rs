//! The results tree: adding, editing, moving and deleting its nodes.

use std::collections::HashMap;

use kesher_domain::access::Access;
use kesher_domain::agenda::{ResultForm, ResultKind};
use kesher_domain::tree::{self, Nudge, Placement};
use kesher_domain::*;
use kesher_store::{ResultNode, StoreError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::choice_of;
use crate::{Caller, CoreError, CoreResult, Kesher};

/// A node with its depth, in reading order.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct TreeRow {
    pub node: ResultNode,
    pub depth: usize,
}

/// Where a node goes: a nudge, or a new parent and index.
#[derive(Clone, Debug, Default, serde::Deserialize, ToSchema)]
#[serde(default)]
pub struct MoveForm {
    /// up, down, indent or outdent. When given, `parent_id` and `index` are ignored; given
    /// empty, it is refused (a page's nudge button always names one).
    #[serde(deserialize_with = "lenient::given_text")]
    #[schema(value_type = Option<Nudge>)]
    pub nudge: Option<String>,
    /// The new parent; empty for the top of the tree.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub parent_id: String,
    /// The place among the new siblings, from 0; past the end means last.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<u32>, minimum = 0, maximum = 10000)]
    pub index: String,
}

impl Kesher {
    /// The tree in reading order, with depths.
    pub async fn results_tree(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<TreeRow>> {
        self.require(caller, initiative, |_| true).await?;
        let nodes = self.store.results(initiative).await?;
        Ok(ordered(nodes))
    }

    pub async fn result_node(
        &self,
        caller: &Caller,
        id: ResultNodeId,
    ) -> CoreResult<(ResultNode, Access)> {
        let node = self.store.result(id).await?;
        let access = self.require(caller, node.initiative_id, |_| true).await?;
        Ok((node, access))
    }

    pub async fn create_result(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &ResultForm,
    ) -> CoreResult<ResultNode> {
        self.require(caller, initiative, |a| a.can_edit_agenda())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        let nodes = self.store.results(initiative).await?;
        let parent = match input.parent_id {
            None => None,
            Some(id) => Some(
                nodes
                    .iter()
                    .find(|n| n.id == id)
                    .map(|n| n.kind)
                    .ok_or_else(|| CoreError::invalid("parent_id", Invalid::Choice))?,
            ),
        };
        if !input.kind.may_stand_under(parent) {
            return Err(CoreError::invalid("kind", Invalid::Level));
        }
        // The parent is known to be here; a reference the store cannot find is the body.
        self.store
            .create_result(caller.actor(), initiative, &input)
            .await
            .map_err(choice_of("owner_body_id"))
    }

    pub async fn update_result(
        &self,
        caller: &Caller,
        id: ResultNodeId,
        form: &ResultForm,
    ) -> CoreResult<ResultNode> {
        let node = self.store.result(id).await?;
        self.require(caller, node.initiative_id, |a| a.can_edit_agenda())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        // A new level must still fit under the parent and above the children.
        let nodes = self.store.results(node.initiative_id).await?;
        let kind_of = |id: Option<ResultNodeId>| {
            id.and_then(|id| nodes.iter().find(|n| n.id == id).map(|n| n.kind))
        };
        let fits_children = nodes
            .iter()
            .filter(|n| n.parent_id == Some(id))
            .all(|child| child.kind.may_stand_under(Some(input.kind)));
        if !input.kind.may_stand_under(kind_of(node.parent_id)) || !fits_children {
            return Err(CoreError::invalid("kind", Invalid::Level));
        }
        self.store
            .update_result(caller.actor(), id, &input)
            .await
            .map_err(choice_of("owner_body_id"))
    }

    /// Moves a node by a nudge (up, down, indent, outdent) or to a parent and index.
    pub async fn move_result(
        &self,
        caller: &Caller,
        id: ResultNodeId,
        form: &MoveForm,
    ) -> CoreResult<Vec<TreeRow>> {
        let node = self.store.result(id).await?;
        self.require(caller, node.initiative_id, |a| a.can_edit_agenda())
            .await?;
        let nodes = self.store.results(node.initiative_id).await?;
        let placements: Vec<Placement> = nodes
            .iter()
            .map(|n| Placement {
                id: n.id,
                parent: n.parent_id,
                position: n.position,
            })
            .collect();
        // Both are checked as documented even when a nudge makes them unused, so a value
        // outside the document's range is refused the same way either way.
        let asked_parent = lenient::optional_id(&form.parent_id)
            .map_err(|p| CoreError::invalid("parent_id", p))?
            .map(ResultNodeId::new);
        let asked_index = optional_index(&form.index)?;
        let (parent, index) = match form.nudge.as_deref().map(str::trim) {
            Some(given) => {
                let nudge =
                    Nudge::parse(given).ok_or(CoreError::invalid("nudge", Invalid::Choice))?;
                tree::nudge(&placements, id, nudge).map_err(|_| CoreError::Conflict {
                    message_id: "conflict-no-room",
                })?
            }
            None => (asked_parent, asked_index),
        };
        // Under itself is the first thing to say no to; the store refuses it again, in its
        // transaction. A parent the tree does not hold is left to the store, which names it.
        if let Err(tree::MoveError::Cycle) = tree::move_to(&placements, id, parent, index) {
            return Err(CoreError::Conflict {
                message_id: "conflict-cycle",
            });
        }
        let parent_kind = parent.and_then(|p| nodes.iter().find(|n| n.id == p).map(|n| n.kind));
        if parent_kind.is_some() && !node.kind.may_stand_under(parent_kind) {
            return Err(CoreError::invalid("parent_id", Invalid::Level));
        }
        let nodes = self
            .store
            .move_result(caller.actor(), id, parent, index)
            .await
            .map_err(choice_of("parent_id"))?;
        Ok(ordered(nodes))
    }

    pub async fn delete_result(&self, caller: &Caller, id: ResultNodeId) -> CoreResult<()> {
        let node = self.store.result(id).await?;
        self.require(caller, node.initiative_id, |a| a.can_edit_agenda())
            .await?;
        self.store
            .delete_result(caller.actor(), id)
            .await
            .map_err(|e| match e {
                StoreError::Conflict(kesher_store::Conflict::InUse) => CoreError::Conflict {
                    message_id: "conflict-result-has-children",
                },
                other => other.into(),
            })
    }
}

fn optional_index(raw: &str) -> CoreResult<usize> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(usize::MAX);
    }
    // Past the end means last, but a place beyond any tree a person builds is a mistake
    // the documented range refuses.
    raw.parse::<usize>()
        .ok()
        .filter(|i| *i <= MOVE_INDEX_MAX)
        .ok_or_else(|| {
            CoreError::invalid(
                "index",
                Invalid::Range {
                    min: 0,
                    max: MOVE_INDEX_MAX as i64,
                },
            )
        })
}

/// The largest place among siblings a move may name (as the API documents it).
const MOVE_INDEX_MAX: usize = 10_000;

/// The nodes in reading order with their depths.
pub fn ordered(nodes: Vec<ResultNode>) -> Vec<TreeRow> {
    let placements: Vec<Placement> = nodes
        .iter()
        .map(|n| Placement {
            id: n.id,
            parent: n.parent_id,
            position: n.position,
        })
        .collect();
    let mut by_id: HashMap<ResultNodeId, ResultNode> =
        nodes.into_iter().map(|n| (n.id, n)).collect();
    tree::depth_first(&placements)
        .into_iter()
        .filter_map(|(id, depth)| by_id.remove(&id).map(|node| TreeRow { node, depth }))
        .collect()
}

/// The kind a new child of `parent` usually has (a goal under the mission…).
pub fn suggested_kind(parent: Option<&ResultNode>) -> ResultKind {
    parent
        .map(|p| p.kind.child())
        .unwrap_or(ResultKind::Mission)
}
