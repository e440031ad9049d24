//! The common agenda's pages: the statements and their versions, the results tree and the
//! theory of change, the glossary, the decision log, disputes, endorsements and changes in
//! the field. Each page carries the agenda's tabs.

pub mod decisions;
pub mod disputes;
pub mod endorsements;
pub mod field_changes;
pub mod glossary;
pub mod results;
pub mod statements;

use kesher_core::agenda::TreeRow;
use kesher_core::{Caller, Kesher};
use kesher_domain::InitiativeId;
use kesher_store::OrganizationFilter;

use crate::error::AppError;
use crate::html::Choice;

/// The initiative's bodies as choices.
pub(crate) async fn body_choices(
    kesher: &Kesher,
    caller: &Caller,
    initiative: InitiativeId,
) -> Result<Vec<Choice>, AppError> {
    Ok(kesher
        .list_bodies(caller, initiative)
        .await?
        .into_iter()
        .map(|b| Choice {
            value: b.body.id.to_string(),
            label: b.body.name,
        })
        .collect())
}

/// The initiative's organizations as choices.
pub(crate) async fn organization_choices(
    kesher: &Kesher,
    caller: &Caller,
    initiative: InitiativeId,
) -> Result<Vec<Choice>, AppError> {
    Ok(kesher
        .list_organizations(caller, initiative, &OrganizationFilter::default(), None)
        .await?
        .into_iter()
        .map(|o| Choice {
            value: o.id.to_string(),
            label: o.name,
        })
        .collect())
}

/// The results tree as choices, indented by depth so the shape shows in a select.
pub(crate) fn result_choices(rows: &[TreeRow]) -> Vec<Choice> {
    rows.iter()
        .map(|r| Choice {
            value: r.node.id.to_string(),
            label: format!("{}{}", "— ".repeat(r.depth), r.node.title),
        })
        .collect()
}
