//! What partners changed in the field, by the goal each change serves.

use std::collections::HashMap;

use kesher_domain::access::Access;
use kesher_domain::agenda::{FieldChangeForm, ResultKind};
use kesher_domain::*;
use kesher_store::{FieldChange, ResultNode};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::choice_of;
use crate::{Caller, CoreError, CoreResult, Kesher};

use super::*;

/// The changes in the field gathered under the goal each serves.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ChangesByGoal {
    /// None for changes not tied to a result.
    pub result: Option<ResultNode>,
    pub changes: Vec<FieldChange>,
}

impl Kesher {
    pub async fn field_changes(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<FieldChange>> {
        self.require(caller, initiative, |_| true).await?;
        Ok(self.store.field_changes(initiative).await?)
    }

    /// The changes grouped under the goal they serve, in the tree's order; changes tied to
    /// nothing come last. A change tied to a lever or an action component counts for the
    /// goal above it (or for its own node when no goal is above it).
    pub async fn field_changes_by_goal(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<ChangesByGoal>> {
        let changes = self.field_changes(caller, initiative).await?;
        let nodes = self.store.results(initiative).await?;
        let parent_of: HashMap<ResultNodeId, (Option<ResultNodeId>, ResultKind)> = nodes
            .iter()
            .map(|n| (n.id, (n.parent_id, n.kind)))
            .collect();
        let goal_of = |node: ResultNodeId| {
            let mut at = Some(node);
            while let Some(id) = at {
                match parent_of.get(&id) {
                    Some((_, ResultKind::Goal)) => return id,
                    Some((parent, _)) => at = *parent,
                    None => break,
                }
            }
            node
        };
        let tree = ordered(nodes);
        let mut groups: Vec<ChangesByGoal> = tree
            .into_iter()
            .filter_map(|row| {
                let of_node: Vec<FieldChange> = changes
                    .iter()
                    .filter(|c| c.result_id.map(goal_of) == Some(row.node.id))
                    .cloned()
                    .collect();
                (!of_node.is_empty()).then_some(ChangesByGoal {
                    result: Some(row.node),
                    changes: of_node,
                })
            })
            .collect();
        let loose: Vec<FieldChange> = changes
            .into_iter()
            .filter(|c| c.result_id.is_none())
            .collect();
        if !loose.is_empty() {
            groups.push(ChangesByGoal {
                result: None,
                changes: loose,
            });
        }
        Ok(groups)
    }

    pub async fn field_change(
        &self,
        caller: &Caller,
        id: FieldChangeId,
    ) -> CoreResult<(FieldChange, Access)> {
        let change = self.store.field_change(id).await?;
        let access = self.require(caller, change.initiative_id, |_| true).await?;
        Ok((change, access))
    }

    pub async fn create_field_change(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &FieldChangeForm,
    ) -> CoreResult<FieldChange> {
        let access = self.require(caller, initiative, |a| a.can_report()).await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        not_in_future("noted_on", input.noted_on).map_err(|e| CoreError::Invalid(vec![e]))?;
        if !access.can_edit_organization(input.organization_id) {
            return Err(CoreError::Forbidden);
        }
        self.store
            .create_field_change(caller.actor(), initiative, &input)
            .await
            .map_err(choice_of("result_id"))
    }

    pub async fn update_field_change(
        &self,
        caller: &Caller,
        id: FieldChangeId,
        form: &FieldChangeForm,
    ) -> CoreResult<FieldChange> {
        let found = self.store.field_change(id).await?;
        let access = self
            .require(caller, found.initiative_id, |a| {
                a.can_edit_organization(found.organization_id)
            })
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        not_in_future("noted_on", input.noted_on).map_err(|e| CoreError::Invalid(vec![e]))?;
        if !access.can_edit_organization(input.organization_id) {
            return Err(CoreError::Forbidden);
        }
        self.store
            .update_field_change(caller.actor(), id, &input)
            .await
            .map_err(choice_of("result_id"))
    }

    pub async fn delete_field_change(&self, caller: &Caller, id: FieldChangeId) -> CoreResult<()> {
        let found = self.store.field_change(id).await?;
        self.require(caller, found.initiative_id, |a| {
            a.can_edit_organization(found.organization_id)
        })
        .await?;
        Ok(self.store.delete_field_change(caller.actor(), id).await?)
    }
}
