//! What the store hands back: one struct per stored thing, shaped for reading. Inputs come
//! from `kesher_domain` already checked.

use chrono::{DateTime, NaiveDate, Utc};
use kesher_domain::access::{Grant, Role};
use kesher_domain::bodies::{BodyKind, Cadence, MembershipRole};
use kesher_domain::network::{OrganizationType, Sector};
use kesher_domain::sheet::Table;
use kesher_domain::text::{Email, Name};
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

/// Who makes a change: a user, the operator of the command line (named by their login on
/// the server), or the system itself (the demo loader, housekeeping).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Actor {
    user: Option<UserId>,
    operator: Option<&'static str>,
}

impl Actor {
    pub fn user(id: UserId) -> Self {
        Self {
            user: Some(id),
            operator: None,
        }
    }
    pub fn system() -> Self {
        Self {
            user: None,
            operator: None,
        }
    }
    /// The command line, run by `operator` (a name kept for the process's life).
    pub fn operator(operator: &'static str) -> Self {
        Self {
            user: None,
            operator: Some(operator),
        }
    }
    pub fn user_id(&self) -> Option<UserId> {
        self.user
    }
    /// What the audit log says of a change not made by a user.
    pub fn operator_name(&self) -> Option<&'static str> {
        self.operator
    }
}

/// A login account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct User {
    pub id: UserId,
    pub email: String,
    pub name: String,
    pub is_admin: bool,
    pub created_at: DateTime<Utc>,
    /// When an admin disabled the account; a disabled user cannot sign in or use a token.
    pub disabled_at: Option<DateTime<Utc>>,
    /// The language of the account's messages and pages: `he` or `en`.
    pub language: String,
}

/// An account with the hash its password is checked against. Never serialized.
#[derive(Clone)]
pub struct UserCredentials {
    pub user: User,
    pub password_hash: String,
}

/// A new account; the password is already hashed.
#[derive(Clone, Debug)]
pub struct NewUser {
    pub email: Email,
    pub name: Name,
    pub password_hash: String,
    pub is_admin: bool,
    /// `he` or `en`.
    pub language: String,
}

/// A role a user holds in an initiative.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct RoleGrant {
    pub initiative_id: InitiativeId,
    pub user_id: UserId,
    pub user_email: String,
    pub user_name: String,
    pub role: Role,
    pub organization_id: Option<OrganizationId>,
    pub organization_name: Option<String>,
}

impl RoleGrant {
    pub fn grant(&self) -> Grant {
        Grant {
            role: self.role,
            organization_id: self.organization_id,
        }
    }
}

/// An API token's public face; the secret itself is shown once and stored only as a hash.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct ApiToken {
    pub id: ApiTokenId,
    pub user_id: UserId,
    pub name: String,
    pub created_at: DateTime<Utc>,
    /// After this the token is refused; `None` never expires.
    pub expires_at: Option<DateTime<Utc>>,
    /// When it was last used, to the hour.
    pub last_used_at: Option<DateTime<Utc>>,
}

/// An initiative (יוזמה).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Initiative {
    pub id: InitiativeId,
    pub name: String,
    pub description: Option<String>,
    /// The national network this local community belongs to.
    pub parent_id: Option<InitiativeId>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A partner organization (ארגון).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Organization {
    pub id: OrganizationId,
    pub initiative_id: InitiativeId,
    pub name: String,
    pub sector: Sector,
    pub organization_type: OrganizationType,
    /// The value the organization brings to the initiative.
    pub description: Option<String>,
    pub website: Option<String>,
    pub tags: Vec<String>,
    /// A key from the backbone's own spreadsheet, matched on re-import.
    pub external_id: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A representative of an organization (איש/אשת קשר).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Person {
    pub id: PersonId,
    pub initiative_id: InitiativeId,
    pub organization_id: OrganizationId,
    pub organization_name: String,
    pub sector: Sector,
    pub organization_type: OrganizationType,
    pub name: String,
    pub role_title: Option<String>,
    /// Hidden (null) from viewers.
    pub email: Option<String>,
    /// Hidden (null) from viewers.
    pub phone: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A governing or working body (גוף).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Body {
    pub id: BodyId,
    pub initiative_id: InitiativeId,
    pub name: String,
    pub kind: BodyKind,
    pub mandate: Option<String>,
    pub cadence: Cadence,
    /// The goal the body serves.
    pub goal: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A person's seat in a body (חברות).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Membership {
    pub id: MembershipId,
    pub initiative_id: InitiativeId,
    pub body_id: BodyId,
    pub body_name: String,
    pub body_kind: BodyKind,
    pub person_id: PersonId,
    pub person_name: String,
    pub organization_id: OrganizationId,
    pub organization_name: String,
    pub role: MembershipRole,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What kind of change an audit entry records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    Create,
    Update,
    Delete,
}

impl AuditAction {
    pub fn code(self) -> &'static str {
        match self {
            AuditAction::Create => "create",
            AuditAction::Update => "update",
            AuditAction::Delete => "delete",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "create" => Some(AuditAction::Create),
            "update" => Some(AuditAction::Update),
            "delete" => Some(AuditAction::Delete),
            _ => None,
        }
    }
}

/// One change, as the audit log keeps it: who, when, what, before and after.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct AuditEntry {
    pub id: AuditEntryId,
    pub at: DateTime<Utc>,
    pub actor_id: Option<UserId>,
    pub actor_name: Option<String>,
    pub initiative_id: Option<InitiativeId>,
    /// "organization", "person", "body", "membership", "initiative", "user", "role".
    pub entity: String,
    pub entity_id: i64,
    pub action: AuditAction,
    #[schema(value_type = Option<Object>)]
    pub before: Option<serde_json::Value>,
    #[schema(value_type = Option<Object>)]
    pub after: Option<serde_json::Value>,
}

/// A parsed spreadsheet kept between the preview and the user's confirmation.
#[derive(Clone, Debug)]
pub struct ImportDraft {
    pub id: ImportDraftId,
    pub initiative_id: InitiativeId,
    pub user_id: UserId,
    pub file_name: String,
    pub table: Table,
    pub created_at: DateTime<Utc>,
}

/// Narrows a list of organizations. (Free-text search is done above the store, where the
/// labels of sectors and types in every language are known.)
#[derive(Clone, Debug, Default)]
pub struct OrganizationFilter {
    pub sector: Option<Sector>,
    pub organization_type: Option<OrganizationType>,
    pub tag: Option<String>,
}

/// Narrows a list of people.
#[derive(Clone, Debug, Default)]
pub struct PersonFilter {
    pub organization_id: Option<OrganizationId>,
    pub sector: Option<Sector>,
}

/// Narrows a list of memberships.
#[derive(Clone, Debug, Default)]
pub struct MembershipFilter {
    pub body_id: Option<BodyId>,
    pub person_id: Option<PersonId>,
    pub organization_id: Option<OrganizationId>,
}

/// Narrows the audit log.
#[derive(Clone, Debug, Default)]
pub struct AuditFilter {
    pub initiative_id: Option<InitiativeId>,
    /// Entries about any of these (entity, id) pairs.
    pub subjects: Vec<(String, i64)>,
    pub limit: u32,
}

/// What an accepted import wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, ToSchema)]
pub struct ImportOutcome {
    pub organizations: kesher_domain::import::ChangeCounts,
    pub people: kesher_domain::import::ChangeCounts,
}
