//! Accounts, sessions, API tokens and roles.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kesher_domain::access::{Grant, Role};
use kesher_domain::text::{Email, Name};
use kesher_domain::{ApiTokenId, InitiativeId, OrganizationId, UserId};
use kesher_store::{
    AccountStore, Actor, ApiToken, AuditAction, Conflict, NewUser, RoleGrant, SecretDigest,
    StoreError, StoreResult, User, UserCredentials,
};
use sqlx::SqliteConnection;
use sqlx::sqlite::SqliteRow;

use crate::audit::{self, Change};
use crate::rows::{choice, get, timestamp};
use crate::{SqliteStore, backend};

pub(crate) fn user_of(row: &SqliteRow) -> Result<User, StoreError> {
    Ok(User {
        id: UserId::new(get(row, "id")?),
        email: get(row, "email")?,
        name: get(row, "name")?,
        is_admin: get(row, "is_admin")?,
        created_at: timestamp(row, "created_at")?,
        disabled_at: get(row, "disabled_at")?,
        language: get(row, "language")?,
    })
}

fn api_token(row: &SqliteRow) -> Result<ApiToken, StoreError> {
    Ok(ApiToken {
        id: ApiTokenId::new(get(row, "id")?),
        user_id: UserId::new(get(row, "user_id")?),
        name: get(row, "name")?,
        created_at: timestamp(row, "created_at")?,
        expires_at: get(row, "expires_at")?,
        last_used_at: get(row, "last_used_at")?,
    })
}

fn role_grant(row: &SqliteRow) -> Result<RoleGrant, StoreError> {
    Ok(RoleGrant {
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        user_id: UserId::new(get(row, "user_id")?),
        user_email: get(row, "email")?,
        user_name: get(row, "user_name")?,
        role: choice(row, "role", Role::parse)?,
        organization_id: get::<Option<i64>>(row, "organization_id")?.map(OrganizationId::new),
        organization_name: get(row, "organization_name")?,
    })
}

/// The columns of a role grant; each statement adds its own WHERE (sqlx takes only static SQL).
macro_rules! role_select {
    () => {
        "SELECT r.initiative_id, r.user_id, r.role, r.organization_id,
            u.email, u.name AS user_name, o.name AS organization_name
         FROM initiative_roles r
         JOIN users u ON u.id = r.user_id
         LEFT JOIN organizations o ON o.id = r.organization_id "
    };
}

async fn fetch_user(conn: &mut SqliteConnection, id: UserId) -> StoreResult<User> {
    let row = sqlx::query("SELECT * FROM users WHERE id = ?1")
        .bind(id.get())
        .fetch_optional(conn)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
    user_of(&row)
}

async fn fetch_role(
    conn: &mut SqliteConnection,
    user: UserId,
    initiative: InitiativeId,
) -> StoreResult<Option<RoleGrant>> {
    let row = sqlx::query(concat!(
        role_select!(),
        "WHERE r.initiative_id = ?1 AND r.user_id = ?2"
    ))
    .bind(initiative.get())
    .bind(user.get())
    .fetch_optional(conn)
    .await
    .map_err(backend)?;
    row.as_ref().map(role_grant).transpose()
}

/// Opens an account inside the caller's transaction (audited there).
pub(crate) async fn insert_user(
    tx: &mut SqliteConnection,
    actor: Actor,
    new: NewUser,
) -> StoreResult<User> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO users (email, name, password_hash, is_admin, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
    )
    .bind(new.email.as_str())
    .bind(new.name.as_str())
    .bind(&new.password_hash)
    .bind(new.is_admin)
    .bind(Utc::now())
    .fetch_one(&mut *tx)
    .await
    .map_err(backend)?;
    let created = fetch_user(tx, UserId::new(id)).await?;
    audit::record::<User, User>(
        tx,
        actor,
        Change {
            initiative: None,
            entity: "user",
            entity_id: id,
            action: AuditAction::Create,
            before: None,
            after: Some(&created),
        },
    )
    .await?;
    Ok(created)
}

/// A partner editor's organization must be one of the initiative's: `NotFound` when it
/// is none, `Conflict::WrongInitiative` when it is another initiative's.
pub(crate) async fn grant_fits(
    conn: &mut SqliteConnection,
    initiative: InitiativeId,
    grant: Grant,
) -> StoreResult<()> {
    let Some(organization) = grant.organization_id else {
        return Ok(());
    };
    let owner: Option<i64> =
        sqlx::query_scalar("SELECT initiative_id FROM organizations WHERE id = ?1")
            .bind(organization.get())
            .fetch_optional(conn)
            .await
            .map_err(backend)?;
    match owner {
        None => Err(StoreError::NotFound),
        Some(owner) if owner != initiative.get() => {
            Err(StoreError::Conflict(Conflict::WrongInitiative))
        }
        Some(_) => Ok(()),
    }
}

/// Gives a user a role inside the caller's transaction (audited there), replacing any
/// role they had in the initiative.
pub(crate) async fn upsert_role(
    tx: &mut SqliteConnection,
    actor: Actor,
    initiative: InitiativeId,
    user: UserId,
    grant: Grant,
) -> StoreResult<RoleGrant> {
    grant_fits(tx, initiative, grant).await?;
    let before = fetch_role(tx, user, initiative).await?;
    sqlx::query(
        "INSERT INTO initiative_roles (initiative_id, user_id, role, organization_id, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (initiative_id, user_id) DO UPDATE
               SET role = excluded.role, organization_id = excluded.organization_id",
    )
    .bind(initiative.get())
    .bind(user.get())
    .bind(grant.role.code())
    .bind(grant.organization_id.map(OrganizationId::get))
    .bind(Utc::now())
    .execute(&mut *tx)
    .await
    .map_err(backend)?;
    let after = fetch_role(tx, user, initiative)
        .await?
        .ok_or(StoreError::NotFound)?;
    audit::record(
        tx,
        actor,
        Change {
            initiative: Some(initiative),
            entity: "role",
            entity_id: user.get(),
            action: if before.is_some() {
                AuditAction::Update
            } else {
                AuditAction::Create
            },
            before: before.as_ref(),
            after: Some(&after),
        },
    )
    .await?;
    Ok(after)
}

/// Replaces a password inside the caller's transaction: audited without the hash, and
/// every session opened with the old password ends.
pub(crate) async fn replace_password(
    tx: &mut SqliteConnection,
    actor: Actor,
    id: UserId,
    password_hash: &str,
) -> StoreResult<()> {
    let found = sqlx::query("UPDATE users SET password_hash = ?1 WHERE id = ?2")
        .bind(password_hash)
        .bind(id.get())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
    if found.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    // The log records that the password changed, never the hash.
    let note = serde_json::json!({ "password": "changed" });
    audit::record::<(), _>(
        tx,
        actor,
        Change {
            initiative: None,
            entity: "user",
            entity_id: id.get(),
            action: AuditAction::Update,
            before: None,
            after: Some(&note),
        },
    )
    .await?;
    // A new password ends every session opened with the old one.
    sqlx::query("DELETE FROM sessions WHERE user_id = ?1")
        .bind(id.get())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
    Ok(())
}

/// Records a change an account made to its own details; `false` when nothing changed
/// (and nothing is recorded).
async fn record_user_change(
    conn: &mut SqliteConnection,
    actor: Actor,
    before: &User,
    after: &User,
) -> StoreResult<bool> {
    if after == before {
        return Ok(false);
    }
    audit::record(
        conn,
        actor,
        Change {
            initiative: None,
            entity: "user",
            entity_id: after.id.get(),
            action: AuditAction::Update,
            before: Some(before),
            after: Some(after),
        },
    )
    .await?;
    Ok(true)
}

#[async_trait]
impl AccountStore for SqliteStore {
    async fn create_user(&self, actor: Actor, new: NewUser) -> StoreResult<User> {
        let mut tx = self.write().await?;
        let created = insert_user(&mut tx, actor, new).await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn user(&self, id: UserId) -> StoreResult<User> {
        let mut conn = self.read().await?;
        fetch_user(&mut conn, id).await
    }

    async fn user_credentials(&self, email: &Email) -> StoreResult<Option<UserCredentials>> {
        let mut conn = self.read().await?;
        let row = sqlx::query("SELECT * FROM users WHERE email = ?1")
            .bind(email.as_str())
            .fetch_optional(&mut *conn)
            .await
            .map_err(backend)?;
        row.map(|row| {
            Ok(UserCredentials {
                user: user_of(&row)?,
                password_hash: get(&row, "password_hash")?,
            })
        })
        .transpose()
    }

    async fn list_users(&self) -> StoreResult<Vec<User>> {
        let mut conn = self.read().await?;
        let rows = sqlx::query("SELECT * FROM users ORDER BY name, email")
            .fetch_all(&mut *conn)
            .await
            .map_err(backend)?;
        rows.iter().map(user_of).collect()
    }

    async fn count_users(&self) -> StoreResult<u64> {
        let mut conn = self.read().await?;
        let n: i64 = sqlx::query_scalar("SELECT count(*) FROM users")
            .fetch_one(&mut *conn)
            .await
            .map_err(backend)?;
        Ok(n as u64)
    }

    async fn update_profile(
        &self,
        actor: Actor,
        id: UserId,
        name: &Name,
        language: &str,
    ) -> StoreResult<User> {
        let mut tx = self.write().await?;
        let before = fetch_user(&mut tx, id).await?;
        sqlx::query("UPDATE users SET name = ?1, language = ?2 WHERE id = ?3")
            .bind(name.as_str())
            .bind(language)
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        let after = fetch_user(&mut tx, id).await?;
        record_user_change(&mut tx, actor, &before, &after).await?;
        tx.commit().await.map_err(backend)?;
        Ok(after)
    }

    async fn change_email(
        &self,
        actor: Actor,
        id: UserId,
        email: &Email,
        notice: &kesher_store::NewMail,
    ) -> StoreResult<User> {
        let mut tx = self.write().await?;
        let before = fetch_user(&mut tx, id).await?;
        sqlx::query("UPDATE users SET email = ?1 WHERE id = ?2")
            .bind(email.as_str())
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        let after = fetch_user(&mut tx, id).await?;
        if record_user_change(&mut tx, actor, &before, &after).await? {
            crate::people::insert_mail(&mut tx, notice).await?;
        }
        tx.commit().await.map_err(backend)?;
        Ok(after)
    }

    async fn set_password(&self, actor: Actor, id: UserId, password_hash: &str) -> StoreResult<()> {
        let mut tx = self.write().await?;
        replace_password(&mut tx, actor, id, password_hash).await?;
        tx.commit().await.map_err(backend)
    }

    async fn create_session(
        &self,
        digest: &SecretDigest,
        user: UserId,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query("INSERT INTO sessions (digest, user_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)")
            .bind(&digest.0)
            .bind(user.get())
            .bind(Utc::now())
            .bind(expires_at)
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn session_user(
        &self,
        digest: &SecretDigest,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<User>> {
        let mut conn = self.read().await?;
        let row = sqlx::query(
            "SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id
             WHERE s.digest = ?1 AND s.expires_at > ?2 AND u.disabled_at IS NULL",
        )
        .bind(&digest.0)
        .bind(now)
        .fetch_optional(&mut *conn)
        .await
        .map_err(backend)?;
        row.as_ref().map(user_of).transpose()
    }

    async fn delete_session(&self, digest: &SecretDigest) -> StoreResult<()> {
        sqlx::query("DELETE FROM sessions WHERE digest = ?1")
            .bind(&digest.0)
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn delete_expired_sessions(&self, now: DateTime<Utc>) -> StoreResult<u64> {
        let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= ?1")
            .bind(now)
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(done.rows_affected())
    }

    async fn create_api_token(
        &self,
        actor: Actor,
        user: UserId,
        name: &str,
        digest: &SecretDigest,
        expires_at: Option<DateTime<Utc>>,
    ) -> StoreResult<ApiToken> {
        let mut tx = self.write().await?;
        let now = Utc::now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO api_tokens (user_id, name, digest, created_at, expires_at)
             VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
        )
        .bind(user.get())
        .bind(name)
        .bind(&digest.0)
        .bind(now)
        .bind(expires_at)
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        let token = ApiToken {
            id: ApiTokenId::new(id),
            user_id: user,
            name: name.to_string(),
            created_at: now,
            expires_at,
            last_used_at: None,
        };
        audit::record::<(), _>(
            &mut tx,
            actor,
            Change {
                initiative: None,
                entity: "api_token",
                entity_id: id,
                action: AuditAction::Create,
                before: None,
                after: Some(&token),
            },
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(token)
    }

    async fn api_token_user(
        &self,
        digest: &SecretDigest,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<(User, ApiToken)>> {
        let mut conn = self.read().await?;
        let Some(row) = sqlx::query(
            "SELECT t.* FROM api_tokens t JOIN users u ON u.id = t.user_id
             WHERE t.digest = ?1 AND (t.expires_at IS NULL OR t.expires_at > ?2)
               AND u.disabled_at IS NULL",
        )
        .bind(&digest.0)
        .bind(now)
        .fetch_optional(&mut *conn)
        .await
        .map_err(backend)?
        else {
            return Ok(None);
        };
        let token = api_token(&row)?;
        let user = fetch_user(&mut conn, token.user_id).await?;
        Ok(Some((user, token)))
    }

    async fn api_tokens_of(&self, user: UserId) -> StoreResult<Vec<ApiToken>> {
        let mut conn = self.read().await?;
        sqlx::query("SELECT * FROM api_tokens WHERE user_id = ?1 ORDER BY id DESC")
            .bind(user.get())
            .fetch_all(&mut *conn)
            .await
            .map_err(backend)?
            .iter()
            .map(api_token)
            .collect()
    }

    async fn revoke_api_token(
        &self,
        actor: Actor,
        user: UserId,
        id: ApiTokenId,
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let row = sqlx::query("SELECT * FROM api_tokens WHERE id = ?1 AND user_id = ?2")
            .bind(id.get())
            .bind(user.get())
            .fetch_optional(&mut *tx)
            .await
            .map_err(backend)?
            .ok_or(StoreError::NotFound)?;
        let token = api_token(&row)?;
        sqlx::query("DELETE FROM api_tokens WHERE id = ?1")
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        audit::record::<_, ()>(
            &mut tx,
            actor,
            Change {
                initiative: None,
                entity: "api_token",
                entity_id: id.get(),
                action: AuditAction::Delete,
                before: Some(&token),
                after: None,
            },
        )
        .await?;
        tx.commit().await.map_err(backend)
    }

    async fn mark_api_token_used(&self, id: ApiTokenId, at: DateTime<Utc>) -> StoreResult<()> {
        sqlx::query("UPDATE api_tokens SET last_used_at = ?2 WHERE id = ?1")
            .bind(id.get())
            .bind(at)
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn set_user_disabled(
        &self,
        actor: Actor,
        id: UserId,
        disabled: bool,
    ) -> StoreResult<User> {
        let mut tx = self.write().await?;
        let before = fetch_user(&mut tx, id).await?;
        let at = disabled.then(Utc::now);
        sqlx::query("UPDATE users SET disabled_at = ?2 WHERE id = ?1")
            .bind(id.get())
            .bind(at)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        if disabled {
            for statement in [
                "DELETE FROM sessions WHERE user_id = ?1",
                "DELETE FROM api_tokens WHERE user_id = ?1",
            ] {
                sqlx::query(statement)
                    .bind(id.get())
                    .execute(&mut *tx)
                    .await
                    .map_err(backend)?;
            }
        }
        let after = fetch_user(&mut tx, id).await?;
        audit::record(
            &mut tx,
            actor,
            Change {
                initiative: None,
                entity: "user",
                entity_id: id.get(),
                action: AuditAction::Update,
                before: Some(&before),
                after: Some(&after),
            },
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(after)
    }

    async fn grant_role(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        user: UserId,
        grant: Grant,
    ) -> StoreResult<RoleGrant> {
        let mut tx = self.write().await?;
        let after = upsert_role(&mut tx, actor, initiative, user, grant).await?;
        tx.commit().await.map_err(backend)?;
        Ok(after)
    }

    async fn revoke_role(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        user: UserId,
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let before = fetch_role(&mut tx, user, initiative)
            .await?
            .ok_or(StoreError::NotFound)?;
        sqlx::query("DELETE FROM initiative_roles WHERE initiative_id = ?1 AND user_id = ?2")
            .bind(initiative.get())
            .bind(user.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        audit::record::<_, ()>(
            &mut tx,
            actor,
            Change {
                initiative: Some(initiative),
                entity: "role",
                entity_id: user.get(),
                action: AuditAction::Delete,
                before: Some(&before),
                after: None,
            },
        )
        .await?;
        tx.commit().await.map_err(backend)
    }

    async fn role_in(
        &self,
        user: UserId,
        initiative: InitiativeId,
    ) -> StoreResult<Option<RoleGrant>> {
        let mut conn = self.read().await?;
        fetch_role(&mut conn, user, initiative).await
    }

    async fn roles_of_user(&self, user: UserId) -> StoreResult<Vec<RoleGrant>> {
        let mut conn = self.read().await?;
        let rows = sqlx::query(concat!(
            role_select!(),
            "WHERE r.user_id = ?1 ORDER BY r.initiative_id"
        ))
        .bind(user.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?;
        rows.iter().map(role_grant).collect()
    }

    async fn roles_in_initiative(&self, initiative: InitiativeId) -> StoreResult<Vec<RoleGrant>> {
        let mut conn = self.read().await?;
        let rows = sqlx::query(concat!(
            role_select!(),
            "WHERE r.initiative_id = ?1 ORDER BY u.name, u.email"
        ))
        .bind(initiative.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?;
        rows.iter().map(role_grant).collect()
    }
}
