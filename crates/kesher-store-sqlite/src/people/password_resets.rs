//! Password resets.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kesher_domain::UserId;
use kesher_store::{Actor, NewMail, PasswordResetStore, SecretDigest, StoreError, StoreResult};

use super::insert_mail;
use crate::accounts::replace_password;
use crate::{SqliteStore, backend};

#[async_trait]
impl PasswordResetStore for SqliteStore {
    async fn create_password_reset(
        &self,
        user: UserId,
        digest: &SecretDigest,
        expires_at: DateTime<Utc>,
        mail: &NewMail,
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        sqlx::query(
            "INSERT INTO password_resets (user_id, digest, created_at, expires_at)
             VALUES (?1, ?2, ?3, ?4)",
        )
        .bind(user.get())
        .bind(&digest.0)
        .bind(Utc::now())
        .bind(expires_at)
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        insert_mail(&mut tx, mail).await?;
        tx.commit().await.map_err(backend)
    }

    async fn password_reset_user(
        &self,
        digest: &SecretDigest,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<UserId>> {
        let user: Option<i64> = sqlx::query_scalar(
            "SELECT r.user_id FROM password_resets r JOIN users u ON u.id = r.user_id
             WHERE r.digest = ?1 AND r.used_at IS NULL AND r.expires_at > ?2
               AND u.disabled_at IS NULL",
        )
        .bind(&digest.0)
        .bind(now)
        .fetch_optional(&self.pool)
        .await
        .map_err(backend)?;
        Ok(user.map(UserId::new))
    }

    async fn use_password_reset(
        &self,
        digest: &SecretDigest,
        now: DateTime<Utc>,
        password_hash: &str,
    ) -> StoreResult<UserId> {
        let mut tx = self.write().await?;
        // Spent in the same statement that finds it, so two uses at once cannot both pass.
        let user: Option<i64> = sqlx::query_scalar(
            "UPDATE password_resets SET used_at = ?2
             WHERE digest = ?1 AND used_at IS NULL AND expires_at > ?2
               AND user_id IN (SELECT id FROM users WHERE disabled_at IS NULL)
             RETURNING user_id",
        )
        .bind(&digest.0)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await
        .map_err(backend)?;
        let user = UserId::new(user.ok_or(StoreError::NotFound)?);
        replace_password(&mut tx, Actor::user(user), user, password_hash).await?;
        // Every other link of the account dies with this one.
        sqlx::query(
            "UPDATE password_resets SET used_at = ?2 WHERE user_id = ?1 AND used_at IS NULL",
        )
        .bind(user.get())
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        tx.commit().await.map_err(backend)?;
        Ok(user)
    }
}
