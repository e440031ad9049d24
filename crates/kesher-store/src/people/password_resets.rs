//! Password resets: a link valid for an hour, used once, stored as its digest.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kesher_domain::UserId;

use crate::{NewMail, SecretDigest, StoreResult};

/// Password resets.
#[async_trait]
pub trait PasswordResetStore: Send + Sync {
    /// Keeps a reset link's digest and queues its message, in one transaction.
    async fn create_password_reset(
        &self,
        user: UserId,
        digest: &SecretDigest,
        expires_at: DateTime<Utc>,
        mail: &NewMail,
    ) -> StoreResult<()>;
    /// The account a live, unused reset link belongs to.
    async fn password_reset_user(
        &self,
        digest: &SecretDigest,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<UserId>>;
    /// Uses a live reset link: sets the new password, ends the account's sessions and marks
    /// the link used, in one transaction (audited as the account's own change).
    /// `NotFound` when the link is unknown, used or expired.
    async fn use_password_reset(
        &self,
        digest: &SecretDigest,
        now: DateTime<Utc>,
        password_hash: &str,
    ) -> StoreResult<UserId>;
}
