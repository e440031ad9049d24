//! The common agenda's use cases: revising the statements and comparing versions, the
//! results tree and its moves, the glossary, the decision log, disputes, endorsements and
//! changes in the field, comments on the version under discussion. The backbone edits;
//! partner editors and members propose definitions, raise disputes, state positions and
//! comment; partner editors record their own organization's changes and endorsements;
//! viewers read.

mod comments;
mod decisions;
mod disputes;
mod endorsements;
mod field_changes;
mod glossary;
mod results;
mod versions;

pub use endorsements::{EndorsementBoard, EndorsementRow};
pub use field_changes::ChangesByGoal;
pub use results::{MoveForm, TreeRow, ordered, suggested_kind};
pub use versions::{AgendaComparison, BoundaryChange, Revision, StatementDiff};

use kesher_domain::access::Access;
use kesher_domain::*;

use crate::{CoreError, CoreResult};

/// Decisions, adoptions, endorsements and changes in the field record what already happened.
/// A day's grace covers the hours by which Israel's date runs ahead of UTC's.
fn not_in_future(field: &'static str, date: chrono::NaiveDate) -> Result<(), FieldError> {
    let tomorrow = chrono::Utc::now().date_naive() + chrono::Days::new(1);
    if date > tomorrow {
        Err(FieldError::new(field, Invalid::Future))
    } else {
        Ok(())
    }
}

/// Refuses an organization the caller does not speak for; fills in the one they speak for
/// (a partner editor's, or a member's when their role names it) when they name none.
fn speaking_for(
    access: &Access,
    named: Option<OrganizationId>,
) -> CoreResult<Option<OrganizationId>> {
    match (named, access.speaks_for()) {
        (Some(org), _) if access.can_speak_for(org) => Ok(Some(org)),
        (Some(_), _) => Err(CoreError::Forbidden),
        (None, Some(own)) if !access.can_edit_agenda() => Ok(Some(own)),
        (None, _) => Ok(None),
    }
}
