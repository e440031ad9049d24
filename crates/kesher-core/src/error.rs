//! The one error every use case returns. The web layer renders it as a page or as JSON, in
//! the user's language; an internal failure's cause goes to the log and nowhere else.

use kesher_domain::FieldError;
use kesher_domain::import::Issue;
use kesher_store::{Conflict, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// No one is signed in (or the token is unknown).
    #[error("not signed in")]
    Unauthenticated,
    /// The e-mail or the password is wrong.
    #[error("wrong e-mail or password")]
    BadCredentials,
    /// Too many failed sign-ins; try again after this many seconds.
    #[error("too many attempts")]
    TooManyAttempts { retry_after_seconds: u64 },
    /// Signed in, but this role may not do this.
    #[error("forbidden")]
    Forbidden,
    /// A form came back without the token of the current session (it was opened before
    /// signing in again, or it came from another site). Nothing was saved.
    #[error("form expired")]
    FormExpired,
    #[error("not found")]
    NotFound,
    /// The change conflicts with what is stored; the Fluent id explains how.
    #[error("conflict: {message_id}")]
    Conflict { message_id: &'static str },
    /// The form has problems, each tied to a field.
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    /// The imported file has problems; nothing was written.
    #[error("the file cannot be imported")]
    Import(Vec<Issue>),
    /// The measurement file has problems; nothing was written.
    #[error("the data file cannot be imported")]
    DataImport(Vec<crate::measurement::import::DataIssue>),
    /// The request itself is malformed; the Fluent id explains how.
    #[error("bad request: {message_id}")]
    BadRequest { message_id: &'static str },
    /// A JSON body that is not what the API takes: `field` is its path (`entries[2].value`)
    /// when one field is of the wrong type, and `expected` what that field takes (one of
    /// the `kesher_domain::lenient::EXPECTED_*` words, or a type's name).
    #[error("bad JSON at {field:?}")]
    BadJson {
        field: Option<String>,
        expected: Option<String>,
    },
    /// The body is larger than the limit of this address.
    #[error("body larger than {limit_bytes} bytes")]
    TooLarge { limit_bytes: usize },
    /// The body is not of a type this address takes (`expected`, e.g. application/json).
    #[error("unsupported body type")]
    UnsupportedType { expected: &'static str },
    /// The store is busy with a long write (an import); try again after this many seconds.
    #[error("busy")]
    Busy { retry_after_seconds: u64 },
    /// Something failed inside; the text is for the log only.
    #[error("internal failure: {0}")]
    Internal(String),
}

impl CoreError {
    pub fn invalid(field: &'static str, problem: kesher_domain::Invalid) -> Self {
        CoreError::Invalid(vec![FieldError::new(field, problem)])
    }
}

impl From<StoreError> for CoreError {
    fn from(error: StoreError) -> Self {
        use kesher_domain::Invalid;
        match error {
            StoreError::NotFound => CoreError::NotFound,
            // The conflicts a user can fix in the form are shown at the field.
            StoreError::Conflict(Conflict::OrganizationNameTaken) => {
                CoreError::invalid("name", Invalid::Taken)
            }
            StoreError::Conflict(Conflict::ExternalIdTaken) => {
                CoreError::invalid("external_id", Invalid::Taken)
            }
            StoreError::Conflict(Conflict::PersonEmailTaken)
            | StoreError::Conflict(Conflict::UserEmailTaken) => {
                CoreError::invalid("email", Invalid::Taken)
            }
            StoreError::Conflict(Conflict::InUse) => CoreError::Conflict {
                message_id: "conflict-in-use",
            },
            StoreError::Conflict(Conflict::WrongInitiative) => CoreError::Conflict {
                message_id: "conflict-wrong-initiative",
            },
            StoreError::Conflict(Conflict::TermTaken) => CoreError::invalid("term", Invalid::Taken),
            StoreError::Conflict(Conflict::AlreadyEndorsed) => {
                CoreError::invalid("organization_id", Invalid::AlreadyEndorsed)
            }
            StoreError::Conflict(Conflict::Cycle) => CoreError::Conflict {
                message_id: "conflict-cycle",
            },
            StoreError::Conflict(Conflict::Transition) => CoreError::Conflict {
                message_id: "conflict-transition",
            },
            StoreError::Conflict(Conflict::IndicatorCodeTaken) => {
                CoreError::invalid("code", Invalid::Taken)
            }
            StoreError::Conflict(Conflict::PlaceCodeTaken) => {
                CoreError::invalid("code", Invalid::Taken)
            }
            StoreError::Conflict(Conflict::PlaceGroupTaken) => {
                CoreError::invalid("name", Invalid::Taken)
            }
            StoreError::Conflict(Conflict::PlaceLevel) => {
                CoreError::invalid("parent_id", Invalid::Level)
            }
            StoreError::Conflict(Conflict::DuplicateValue) => CoreError::Conflict {
                message_id: "conflict-duplicate-value",
            },
            StoreError::Busy => {
                tracing::warn!("a write waited out the busy timeout behind a long write");
                CoreError::Busy {
                    retry_after_seconds: 5,
                }
            }
            StoreError::Backend(message) => CoreError::Internal(message),
        }
    }
}

/// A reference to a record that does not exist, or belongs elsewhere, is a wrong choice in
/// the form rather than a missing page.
pub(crate) fn choice_of(field: &'static str) -> impl Fn(StoreError) -> CoreError {
    move |error| match error {
        StoreError::NotFound | StoreError::Conflict(Conflict::WrongInitiative) => {
            CoreError::invalid(field, kesher_domain::Invalid::Choice)
        }
        other => other.into(),
    }
}
