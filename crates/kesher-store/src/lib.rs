//! The storage boundary. Everything Kesher keeps goes through the [`Store`] traits defined
//! here, so a backend (SQLite today, PostgreSQL later) is one crate that implements them and
//! passes the shared conformance suite in [`testsuite`].
//!
//! Rules every backend keeps: each write method is one transaction; each write appends an
//! [`AuditEntry`] in that same transaction; conflicts come back as [`StoreError::Conflict`]
//! with the reason, never as a bare backend error.

mod activities;
mod agenda;
mod communication;
mod measurement;
mod people;
mod records;
mod traits;

#[cfg(feature = "testsuite")]
pub mod testsuite;

pub use activities::*;
pub use agenda::*;
pub use communication::*;
pub use measurement::*;
pub use people::*;
pub use records::*;
pub use traits::*;

/// Why a store call failed.
/// The columns of each value an indicator's deletion keeps in its audit entry (`values` and
/// `value_history`, one array per value): the period's key, the place, the breakdown cell's
/// key (empty for the total), the number, the missing reason, the note, the state
/// (0 draft, 1 submitted, 2 approved, 3 returned) and the data source.
pub const DELETED_VALUE_COLUMNS: [&str; 8] = [
    "period_key",
    "place_id",
    "cell",
    "value",
    "missing",
    "note",
    "state",
    "source_id",
];

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    #[error("conflict: {0:?}")]
    Conflict(Conflict),
    /// Another write (a long import) held the database longer than the backend waits;
    /// nothing was written, and the same call may succeed in a moment.
    #[error("storage busy")]
    Busy,
    /// The backend failed; the message is for the log, never for a user.
    #[error("storage failure: {0}")]
    Backend(String),
}

/// A write that would break a rule the data keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conflict {
    /// Another account already uses this e-mail address.
    UserEmailTaken,
    /// Another organization in the initiative already has this name.
    OrganizationNameTaken,
    /// Another organization in the initiative already has this external id.
    ExternalIdTaken,
    /// Another person in the initiative already has this e-mail address.
    PersonEmailTaken,
    /// The record is still referred to (an organization with people, a user with roles…).
    InUse,
    /// The referred record belongs to another initiative.
    WrongInitiative,
    /// A results-tree node cannot go under itself or its descendants.
    Cycle,
    /// A dispute's status cannot change that way (only resolve, or reopen a resolved one).
    Transition,
    /// The organization already endorsed that agenda version.
    AlreadyEndorsed,
    /// Another glossary term in the initiative already has this name.
    TermTaken,
    /// Another indicator in the initiative already has this code.
    IndicatorCodeTaken,
    /// Another place of the same kind in the initiative already has this code.
    PlaceCodeTaken,
    /// Another place group in the initiative already has this name.
    PlaceGroupTaken,
    /// A place of this kind cannot stand under that parent (a district under a school).
    PlaceLevel,
    /// One batch names the same value (indicator, place, period, cell) twice.
    DuplicateValue,
}

pub type StoreResult<T> = Result<T, StoreError>;
