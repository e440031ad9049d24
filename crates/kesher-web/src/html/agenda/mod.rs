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
use kesher_domain::access::Access;
use kesher_domain::agenda::ResultKind;

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

/// The organization a partner editor's proposals, questions and positions are recorded
/// for, so the form can say so; none for the backbone, who names one.
pub(crate) async fn speaking_as(
    kesher: &Kesher,
    caller: &Caller,
    access: &Access,
) -> Result<Option<String>, AppError> {
    match access.speaks_for() {
        Some(own) if !access.can_edit_agenda() => {
            Ok(Some(kesher.organization(caller, own).await?.0.name))
        }
        _ => Ok(None),
    }
}

/// The goals, for "which goal does this serve"; a node already chosen that is not a goal
/// (recorded through the API) stays on offer so that editing does not lose it.
pub(crate) fn goal_choices(rows: &[TreeRow], chosen: &str) -> Vec<Choice> {
    rows.iter()
        .filter(|r| r.node.kind == ResultKind::Goal || r.node.id.to_string() == chosen)
        .map(|r| Choice {
            value: r.node.id.to_string(),
            label: r.node.title.clone(),
        })
        .collect()
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
