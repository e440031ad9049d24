//! Invitations: a single-use link, stored as its digest, that brings a person into an
//! initiative with a role.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kesher_domain::access::Grant;
use kesher_domain::{InitiativeId, InvitationId, UserId};
use serde::Serialize;

use crate::{Actor, NewMail, NewUser, RoleGrant, SecretDigest, StoreResult, User};

/// An invitation to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewInvitation {
    pub initiative_id: InitiativeId,
    pub email: String,
    pub grant: Grant,
    /// The language of its messages (`he`, `en`).
    pub language: String,
    pub invited_by: Option<UserId>,
    pub digest: SecretDigest,
    pub expires_at: DateTime<Utc>,
}

/// An invitation as kept. Its status is worked out from its dates ([`Invitation::status`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Invitation {
    pub id: InvitationId,
    pub initiative_id: InitiativeId,
    pub email: String,
    pub grant: Grant,
    pub language: String,
    pub invited_by: Option<UserId>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub accepted_at: Option<DateTime<Utc>>,
    pub accepted_by: Option<UserId>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// Where an invitation stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum InvitationStatus {
    Pending,
    Accepted,
    Expired,
    Revoked,
}

impl InvitationStatus {
    pub fn code(self) -> &'static str {
        match self {
            InvitationStatus::Pending => "pending",
            InvitationStatus::Accepted => "accepted",
            InvitationStatus::Expired => "expired",
            InvitationStatus::Revoked => "revoked",
        }
    }
}

impl Invitation {
    pub fn status(&self, now: DateTime<Utc>) -> InvitationStatus {
        if self.accepted_at.is_some() {
            InvitationStatus::Accepted
        } else if self.revoked_at.is_some() {
            InvitationStatus::Revoked
        } else if self.expires_at <= now {
            InvitationStatus::Expired
        } else {
            InvitationStatus::Pending
        }
    }
}

/// Who accepts an invitation: a new account, or one that exists already.
#[derive(Clone, Debug)]
pub enum Invitee {
    New(NewUser),
    Existing(UserId),
}

/// Invitations.
#[async_trait]
pub trait InvitationStore: Send + Sync {
    /// Writes the invitation and queues its message, in one transaction.
    async fn create_invitation(
        &self,
        actor: Actor,
        invitation: &NewInvitation,
        mail: &NewMail,
    ) -> StoreResult<Invitation>;
    async fn invitation(&self, id: InvitationId) -> StoreResult<Invitation>;
    /// The invitation a link's digest belongs to, whatever its status.
    async fn invitation_by_digest(&self, digest: &SecretDigest) -> StoreResult<Option<Invitation>>;
    /// An initiative's invitations, newest first.
    async fn invitations_in(&self, initiative: InitiativeId) -> StoreResult<Vec<Invitation>>;
    /// Sends a pending or expired invitation again: a new link (the old one stops working),
    /// a new expiry, and its message queued. `Conflict::Transition` once accepted or revoked.
    async fn renew_invitation(
        &self,
        actor: Actor,
        id: InvitationId,
        digest: &SecretDigest,
        expires_at: DateTime<Utc>,
        mail: &NewMail,
    ) -> StoreResult<Invitation>;
    /// Revokes a pending invitation; `Conflict::Transition` once accepted.
    async fn revoke_invitation(&self, actor: Actor, id: InvitationId) -> StoreResult<Invitation>;
    /// Accepts a pending invitation at `now`: opens the account (or takes the existing
    /// one), grants the role and marks the invitation accepted, in one transaction.
    /// `Conflict::Transition` when it was accepted, revoked or expired in the meantime.
    async fn accept_invitation(
        &self,
        id: InvitationId,
        invitee: Invitee,
        now: DateTime<Utc>,
    ) -> StoreResult<(User, RoleGrant)>;
}
