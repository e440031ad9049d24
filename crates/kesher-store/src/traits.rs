//! The store's traits, one per area. A backend implements them all; the rest of Kesher
//! holds an `Arc<dyn Store>`.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kesher_domain::access::Grant;
use kesher_domain::bodies::{BodyInput, MembershipInput};
use kesher_domain::import::ImportPlan;
use kesher_domain::network::{InitiativeInput, OrganizationInput, PersonInput};
use kesher_domain::sheet::Table;
use kesher_domain::text::Email;
use kesher_domain::*;

use crate::{
    Actor, ApiToken, AuditEntry, AuditFilter, Body, ImportDraft, ImportOutcome, Initiative,
    Membership, MembershipFilter, NewUser, Organization, OrganizationFilter, Person, PersonFilter,
    RoleGrant, StoreResult, User, UserCredentials,
};

/// A secret (session or API token) as the store sees it: only its SHA-256 digest, hex.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretDigest(pub String);

impl std::fmt::Debug for SecretDigest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretDigest(…)")
    }
}

/// Accounts, sessions, API tokens and roles.
#[async_trait]
pub trait AccountStore: Send + Sync {
    async fn create_user(&self, actor: Actor, user: NewUser) -> StoreResult<User>;
    async fn user(&self, id: UserId) -> StoreResult<User>;
    async fn user_credentials(&self, email: &Email) -> StoreResult<Option<UserCredentials>>;
    async fn list_users(&self) -> StoreResult<Vec<User>>;
    async fn count_users(&self) -> StoreResult<u64>;
    /// Changes an account's own details: its name and language.
    async fn update_profile(
        &self,
        actor: Actor,
        id: UserId,
        name: &kesher_domain::text::Name,
        language: &str,
    ) -> StoreResult<User>;
    async fn set_password(&self, actor: Actor, id: UserId, password_hash: &str) -> StoreResult<()>;
    /// Moves an account to a new e-mail address (`Conflict::UserEmailTaken` when another
    /// account has it) and queues `notice` (to the old address) in the same transaction.
    async fn change_email(
        &self,
        actor: Actor,
        id: UserId,
        email: &Email,
        notice: &crate::NewMail,
    ) -> StoreResult<User>;

    async fn create_session(
        &self,
        digest: &SecretDigest,
        user: UserId,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// The user a live session belongs to; expired sessions count as absent.
    async fn session_user(
        &self,
        digest: &SecretDigest,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<User>>;
    async fn delete_session(&self, digest: &SecretDigest) -> StoreResult<()>;
    async fn delete_expired_sessions(&self, now: DateTime<Utc>) -> StoreResult<u64>;

    async fn create_api_token(
        &self,
        actor: Actor,
        user: UserId,
        name: &str,
        digest: &SecretDigest,
        expires_at: Option<DateTime<Utc>>,
    ) -> StoreResult<ApiToken>;
    /// The token and its user, if the token exists, has not expired at `now` and its user
    /// is not disabled.
    async fn api_token_user(
        &self,
        digest: &SecretDigest,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<(User, ApiToken)>>;
    /// A user's tokens, newest first (expired ones too, so their owner sees them lapse).
    async fn api_tokens_of(&self, user: UserId) -> StoreResult<Vec<ApiToken>>;
    /// Deletes one of `user`'s tokens; `NotFound` when it is not theirs.
    async fn revoke_api_token(&self, actor: Actor, user: UserId, id: ApiTokenId)
    -> StoreResult<()>;
    /// Notes that a token was used (not audited: it changes nothing a user made).
    async fn mark_api_token_used(&self, id: ApiTokenId, at: DateTime<Utc>) -> StoreResult<()>;
    /// Disables (or enables again) an account. Disabling ends its sessions and deletes its
    /// tokens in the same transaction.
    async fn set_user_disabled(
        &self,
        actor: Actor,
        id: UserId,
        disabled: bool,
    ) -> StoreResult<User>;

    /// Gives a user a role in an initiative, replacing any role they had there.
    async fn grant_role(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        user: UserId,
        grant: Grant,
    ) -> StoreResult<RoleGrant>;
    async fn revoke_role(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        user: UserId,
    ) -> StoreResult<()>;
    async fn role_in(
        &self,
        user: UserId,
        initiative: InitiativeId,
    ) -> StoreResult<Option<RoleGrant>>;
    async fn roles_of_user(&self, user: UserId) -> StoreResult<Vec<RoleGrant>>;
    async fn roles_in_initiative(&self, initiative: InitiativeId) -> StoreResult<Vec<RoleGrant>>;
}

/// Initiatives.
#[async_trait]
pub trait InitiativeStore: Send + Sync {
    async fn create_initiative(
        &self,
        actor: Actor,
        input: &InitiativeInput,
    ) -> StoreResult<Initiative>;
    async fn update_initiative(
        &self,
        actor: Actor,
        id: InitiativeId,
        input: &InitiativeInput,
    ) -> StoreResult<Initiative>;
    async fn initiative(&self, id: InitiativeId) -> StoreResult<Initiative>;
    async fn list_initiatives(&self) -> StoreResult<Vec<Initiative>>;
}

/// Organizations and their people.
#[async_trait]
pub trait NetworkStore: Send + Sync {
    async fn create_organization(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &OrganizationInput,
    ) -> StoreResult<Organization>;
    async fn update_organization(
        &self,
        actor: Actor,
        id: OrganizationId,
        input: &OrganizationInput,
    ) -> StoreResult<Organization>;
    /// Refused with `Conflict::InUse` while the organization still has people.
    async fn delete_organization(&self, actor: Actor, id: OrganizationId) -> StoreResult<()>;
    async fn organization(&self, id: OrganizationId) -> StoreResult<Organization>;
    async fn list_organizations(
        &self,
        initiative: InitiativeId,
        filter: &OrganizationFilter,
    ) -> StoreResult<Vec<Organization>>;

    /// The person's organization must belong to `initiative`.
    async fn create_person(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &PersonInput,
    ) -> StoreResult<Person>;
    async fn update_person(
        &self,
        actor: Actor,
        id: PersonId,
        input: &PersonInput,
    ) -> StoreResult<Person>;
    /// Removes the person with their memberships; the audit entry keeps both.
    async fn delete_person(&self, actor: Actor, id: PersonId) -> StoreResult<()>;
    async fn person(&self, id: PersonId) -> StoreResult<Person>;
    async fn list_people(
        &self,
        initiative: InitiativeId,
        filter: &PersonFilter,
    ) -> StoreResult<Vec<Person>>;
}

/// Bodies and memberships.
#[async_trait]
pub trait BodyStore: Send + Sync {
    async fn create_body(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &BodyInput,
    ) -> StoreResult<Body>;
    async fn update_body(&self, actor: Actor, id: BodyId, input: &BodyInput) -> StoreResult<Body>;
    /// Removes the body with its memberships; the audit entry keeps both.
    async fn delete_body(&self, actor: Actor, id: BodyId) -> StoreResult<()>;
    async fn body(&self, id: BodyId) -> StoreResult<Body>;
    async fn list_bodies(&self, initiative: InitiativeId) -> StoreResult<Vec<Body>>;

    /// The person must belong to the body's initiative.
    async fn create_membership(
        &self,
        actor: Actor,
        body: BodyId,
        input: &MembershipInput,
    ) -> StoreResult<Membership>;
    async fn update_membership(
        &self,
        actor: Actor,
        id: MembershipId,
        input: &MembershipInput,
    ) -> StoreResult<Membership>;
    async fn delete_membership(&self, actor: Actor, id: MembershipId) -> StoreResult<()>;
    async fn membership(&self, id: MembershipId) -> StoreResult<Membership>;
    async fn list_memberships(
        &self,
        initiative: InitiativeId,
        filter: &MembershipFilter,
    ) -> StoreResult<Vec<Membership>>;
}

/// Partner-list imports.
#[async_trait]
pub trait ImportStore: Send + Sync {
    async fn save_import_draft(
        &self,
        user: UserId,
        initiative: InitiativeId,
        file_name: &str,
        table: &Table,
    ) -> StoreResult<ImportDraft>;
    async fn import_draft(&self, id: ImportDraftId) -> StoreResult<ImportDraft>;
    async fn delete_import_draft(&self, id: ImportDraftId) -> StoreResult<()>;
    /// Drafts older than `before` are abandoned previews.
    async fn delete_import_drafts_before(&self, before: DateTime<Utc>) -> StoreResult<u64>;

    /// Carries out a whole plan in one transaction: all of it, or (on any error) none.
    async fn apply_import(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        plan: &ImportPlan,
    ) -> StoreResult<ImportOutcome>;
}

/// The audit log.
#[async_trait]
pub trait AuditStore: Send + Sync {
    async fn audit_entries(&self, filter: &AuditFilter) -> StoreResult<Vec<AuditEntry>>;
    /// A number that changes whenever anything of the initiative changes (every write
    /// appends to the audit log in its own transaction): the key for caching what is
    /// computed from the initiative's data.
    async fn data_version(&self, initiative: InitiativeId) -> StoreResult<i64>;
}

/// Everything Kesher keeps.
pub trait Store:
    AccountStore
    + InitiativeStore
    + NetworkStore
    + BodyStore
    + ImportStore
    + AuditStore
    + crate::AgendaStore
    + crate::MeasurementStore
    + crate::MailStore
    + crate::InvitationStore
    + crate::PasswordResetStore
    + crate::NotificationStore
    + crate::MeetingStore
    + crate::ActionItemStore
    + crate::CalendarFeedStore
    + crate::HealthIndicatorStore
    + crate::UpdateStore
    + crate::ContactPlanStore
    + crate::DocumentStore
    + crate::ProgramStore
    + crate::WorkPlanStore
    + crate::CommitmentStore
    + crate::FundingRequestStore
{
}

impl<T> Store for T where
    T: AccountStore
        + InitiativeStore
        + NetworkStore
        + BodyStore
        + ImportStore
        + AuditStore
        + crate::AgendaStore
        + crate::MeasurementStore
        + crate::MailStore
        + crate::InvitationStore
        + crate::PasswordResetStore
        + crate::NotificationStore
        + crate::MeetingStore
        + crate::ActionItemStore
        + crate::CalendarFeedStore
        + crate::HealthIndicatorStore
        + crate::UpdateStore
        + crate::ContactPlanStore
        + crate::DocumentStore
        + crate::ProgramStore
        + crate::CommitmentStore
        + crate::FundingRequestStore
        + crate::WorkPlanStore
        + crate::CommitmentStore
        + crate::FundingRequestStore
{
}
