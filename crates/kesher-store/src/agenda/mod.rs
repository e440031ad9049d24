//! The storage of the common agenda, one trait and one file per entity: versions of the
//! statements and the comments on them, the results tree, the glossary, decisions, disputes, endorsements and field
//! changes. [`AgendaStore`] names them together.
//!
//! Records referred to by id (a body, an organization, a node, a term, a decision) must
//! belong to the same initiative, or the write is refused with `Conflict::WrongInitiative`
//! (or `NotFound` when they do not exist).

mod comments;
mod decisions;
mod disputes;
mod endorsements;
mod field_changes;
mod glossary;
mod results;
mod versions;

pub use comments::*;
pub use decisions::*;
pub use disputes::*;
pub use endorsements::*;
pub use field_changes::*;
pub use glossary::*;
pub use results::*;
pub use versions::*;

/// Everything the common agenda keeps. A backend implements each part; this is their sum.
pub trait AgendaStore:
    AgendaVersionStore
    + AgendaCommentStore
    + ResultStore
    + GlossaryStore
    + DecisionStore
    + DisputeStore
    + EndorsementStore
    + FieldChangeStore
{
}

impl<T> AgendaStore for T where
    T: AgendaVersionStore
        + AgendaCommentStore
        + ResultStore
        + GlossaryStore
        + DecisionStore
        + DisputeStore
        + EndorsementStore
        + FieldChangeStore
{
}
