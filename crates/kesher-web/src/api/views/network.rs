//! The API's view of the partner network: initiatives, organizations, people, bodies, seats,
//! accounts, roles and the audit log. Each type mirrors its record field by field today;
//! it is its own type so that a change in storage cannot change `/api/v1` unseen.

use chrono::{DateTime, NaiveDate, Utc};
use kesher_core::Count;
use kesher_domain::access::*;
use kesher_domain::bodies::*;
use kesher_domain::network::*;
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

/// An initiative (יוזמה).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Initiative {
    pub id: InitiativeId,
    pub name: String,
    pub description: Option<String>,
    /// The national network this local community belongs to.
    pub parent_id: Option<InitiativeId>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<kesher_store::Initiative> for Initiative {
    fn from(record: kesher_store::Initiative) -> Self {
        Self {
            id: record.id,
            name: record.name,
            description: record.description,
            parent_id: record.parent_id,
            created_at: record.created_at,
            updated_at: record.updated_at,
        }
    }
}

/// A partner organization (ארגון).
#[derive(Clone, Debug, Serialize, ToSchema)]
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

impl From<kesher_store::Organization> for Organization {
    fn from(record: kesher_store::Organization) -> Self {
        Self {
            id: record.id,
            initiative_id: record.initiative_id,
            name: record.name,
            sector: record.sector,
            organization_type: record.organization_type,
            description: record.description,
            website: record.website,
            tags: record.tags,
            external_id: record.external_id,
            created_at: record.created_at,
            updated_at: record.updated_at,
        }
    }
}

/// A representative of an organization (איש/אשת קשר).
#[derive(Clone, Debug, Serialize, ToSchema)]
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

impl From<kesher_store::Person> for Person {
    fn from(record: kesher_store::Person) -> Self {
        Self {
            id: record.id,
            initiative_id: record.initiative_id,
            organization_id: record.organization_id,
            organization_name: record.organization_name,
            sector: record.sector,
            organization_type: record.organization_type,
            name: record.name,
            role_title: record.role_title,
            email: record.email,
            phone: record.phone,
            created_at: record.created_at,
            updated_at: record.updated_at,
        }
    }
}

/// A governing or working body (גוף).
#[derive(Clone, Debug, Serialize, ToSchema)]
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

impl From<kesher_store::Body> for Body {
    fn from(record: kesher_store::Body) -> Self {
        Self {
            id: record.id,
            initiative_id: record.initiative_id,
            name: record.name,
            kind: record.kind,
            mandate: record.mandate,
            cadence: record.cadence,
            goal: record.goal,
            created_at: record.created_at,
            updated_at: record.updated_at,
        }
    }
}

/// A person's seat in a body (חברות).
#[derive(Clone, Debug, Serialize, ToSchema)]
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

impl From<kesher_store::Membership> for Membership {
    fn from(record: kesher_store::Membership) -> Self {
        Self {
            id: record.id,
            initiative_id: record.initiative_id,
            body_id: record.body_id,
            body_name: record.body_name,
            body_kind: record.body_kind,
            person_id: record.person_id,
            person_name: record.person_name,
            organization_id: record.organization_id,
            organization_name: record.organization_name,
            role: record.role,
            from: record.from,
            to: record.to,
            created_at: record.created_at,
            updated_at: record.updated_at,
        }
    }
}

/// A login account.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct User {
    pub id: UserId,
    pub email: String,
    pub name: String,
    pub is_admin: bool,
    pub created_at: DateTime<Utc>,
    /// When an admin disabled the account; a disabled user cannot sign in or use a token.
    pub disabled_at: Option<DateTime<Utc>>,
}

impl From<kesher_store::User> for User {
    fn from(record: kesher_store::User) -> Self {
        Self {
            id: record.id,
            email: record.email,
            name: record.name,
            is_admin: record.is_admin,
            created_at: record.created_at,
            disabled_at: record.disabled_at,
        }
    }
}

/// A role a user holds in an initiative.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct RoleGrant {
    pub initiative_id: InitiativeId,
    pub user_id: UserId,
    pub user_email: String,
    pub user_name: String,
    pub role: Role,
    pub organization_id: Option<OrganizationId>,
    pub organization_name: Option<String>,
}

impl From<kesher_store::RoleGrant> for RoleGrant {
    fn from(record: kesher_store::RoleGrant) -> Self {
        Self {
            initiative_id: record.initiative_id,
            user_id: record.user_id,
            user_email: record.user_email,
            user_name: record.user_name,
            role: record.role,
            organization_id: record.organization_id,
            organization_name: record.organization_name,
        }
    }
}

/// An API token's public face; the secret itself is shown once and stored only as a hash.
#[derive(Clone, Debug, Serialize, ToSchema)]
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

impl From<kesher_store::ApiToken> for ApiToken {
    fn from(record: kesher_store::ApiToken) -> Self {
        Self {
            id: record.id,
            user_id: record.user_id,
            name: record.name,
            created_at: record.created_at,
            expires_at: record.expires_at,
            last_used_at: record.last_used_at,
        }
    }
}

/// One change, as the audit log keeps it: who, when, what, before and after.
#[derive(Clone, Debug, Serialize, ToSchema)]
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

impl From<kesher_store::AuditEntry> for AuditEntry {
    fn from(record: kesher_store::AuditEntry) -> Self {
        Self {
            id: record.id,
            at: record.at,
            actor_id: record.actor_id,
            actor_name: record.actor_name,
            initiative_id: record.initiative_id,
            entity: record.entity,
            entity_id: record.entity_id,
            action: record.action.into(),
            before: record.before,
            after: record.after,
        }
    }
}

/// The initiative's network in numbers.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct NetworkOverview {
    pub initiative: Initiative,
    pub parent: Option<Initiative>,
    pub children: Vec<Initiative>,
    pub organizations: usize,
    pub people: usize,
    /// Every sector, in the fixed order, zeros included.
    pub by_sector: Vec<Count<Sector>>,
    /// Only the types that occur, most organizations first.
    pub by_type: Vec<Count<OrganizationType>>,
    pub bodies: Vec<BodySummary>,
}

impl From<kesher_core::NetworkOverview> for NetworkOverview {
    fn from(record: kesher_core::NetworkOverview) -> Self {
        Self {
            initiative: record.initiative.into(),
            parent: record.parent.map(Into::into),
            children: record.children.into_iter().map(Into::into).collect(),
            organizations: record.organizations,
            people: record.people,
            by_sector: record.by_sector,
            by_type: record.by_type,
            bodies: record.bodies.into_iter().map(Into::into).collect(),
        }
    }
}

/// One person's row in the seating matrix.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SeatingRow {
    pub person: Person,
    /// One cell per body, in the order of `SeatingMatrix::bodies`: the role held today.
    pub seats: Vec<Option<MembershipRole>>,
}

impl From<kesher_core::SeatingRow> for SeatingRow {
    fn from(record: kesher_core::SeatingRow) -> Self {
        Self {
            person: record.person.into(),
            seats: record.seats,
        }
    }
}

/// Who sits where today: people × bodies.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SeatingMatrix {
    pub bodies: Vec<Body>,
    /// People with at least one seat today, by organization then name.
    pub rows: Vec<SeatingRow>,
    /// People of the initiative who sit in no body today, by organization then name.
    pub unseated: Vec<Person>,
}

impl From<kesher_core::SeatingMatrix> for SeatingMatrix {
    fn from(record: kesher_core::SeatingMatrix) -> Self {
        Self {
            bodies: record.bodies.into_iter().map(Into::into).collect(),
            rows: record.rows.into_iter().map(Into::into).collect(),
            unseated: record.unseated.into_iter().map(Into::into).collect(),
        }
    }
}

/// A body in a list: how many sit in it today, and where it departs from the advice.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct BodySummary {
    pub body: Body,
    /// Members today: each person once, observers not counted.
    pub members_today: usize,
    pub warnings: Vec<BodyWarning>,
}

impl From<kesher_core::BodySummary> for BodySummary {
    fn from(record: kesher_core::BodySummary) -> Self {
        Self {
            body: record.body.into(),
            members_today: record.members_today,
            warnings: record.warnings,
        }
    }
}

/// What kind of change an audit entry records.
#[derive(Clone, Copy, Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    Create,
    Update,
    Delete,
}

impl From<kesher_store::AuditAction> for AuditAction {
    fn from(action: kesher_store::AuditAction) -> Self {
        match action {
            kesher_store::AuditAction::Create => Self::Create,
            kesher_store::AuditAction::Update => Self::Update,
            kesher_store::AuditAction::Delete => Self::Delete,
        }
    }
}
