//! Invitations.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kesher_domain::access::{Grant, Role};
use kesher_domain::{InitiativeId, InvitationId, OrganizationId, UserId};
use kesher_store::{
    Actor, AuditAction, Conflict, Invitation, InvitationStore, Invitee, NewInvitation, NewMail,
    RoleGrant, SecretDigest, StoreError, StoreResult, User,
};
use sqlx::SqliteConnection;
use sqlx::sqlite::SqliteRow;

use super::insert_mail;
use crate::accounts::{grant_fits, insert_user, upsert_role};
use crate::audit::record_in;
use crate::rows::{choice, get, timestamp};
use crate::{SqliteStore, backend};

fn invitation(row: &SqliteRow) -> Result<Invitation, StoreError> {
    Ok(Invitation {
        id: InvitationId::new(get(row, "id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        email: get(row, "email")?,
        grant: Grant {
            role: choice(row, "role", Role::parse)?,
            organization_id: get::<Option<i64>>(row, "organization_id")?.map(OrganizationId::new),
        },
        language: get(row, "language")?,
        invited_by: get::<Option<i64>>(row, "invited_by")?.map(UserId::new),
        created_at: timestamp(row, "created_at")?,
        expires_at: timestamp(row, "expires_at")?,
        accepted_at: get(row, "accepted_at")?,
        accepted_by: get::<Option<i64>>(row, "accepted_by")?.map(UserId::new),
        revoked_at: get(row, "revoked_at")?,
    })
}

async fn fetch(conn: &mut SqliteConnection, id: InvitationId) -> StoreResult<Invitation> {
    let row = sqlx::query("SELECT * FROM invitations WHERE id = ?1")
        .bind(id.get())
        .fetch_optional(conn)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
    invitation(&row)
}

/// Appends the invitation's audit entry; the record never holds the link's digest.
async fn audit(
    conn: &mut SqliteConnection,
    actor: Actor,
    action: AuditAction,
    before: Option<&Invitation>,
    after: &Invitation,
) -> StoreResult<()> {
    record_in(
        conn,
        actor,
        after.initiative_id,
        ("invitation", after.id.get()),
        action,
        before,
        Some(after),
    )
    .await
}

#[async_trait]
impl InvitationStore for SqliteStore {
    async fn create_invitation(
        &self,
        actor: Actor,
        new: &NewInvitation,
        mail: &NewMail,
    ) -> StoreResult<Invitation> {
        let mut tx = self.write().await?;
        grant_fits(&mut tx, new.initiative_id, new.grant).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO invitations (initiative_id, email, role, organization_id, language,
                                      invited_by, digest, created_at, expires_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id",
        )
        .bind(new.initiative_id.get())
        .bind(&new.email)
        .bind(new.grant.role.code())
        .bind(new.grant.organization_id.map(OrganizationId::get))
        .bind(&new.language)
        .bind(new.invited_by.map(UserId::get))
        .bind(&new.digest.0)
        .bind(Utc::now())
        .bind(new.expires_at)
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        let created = fetch(&mut tx, InvitationId::new(id)).await?;
        audit(&mut tx, actor, AuditAction::Create, None, &created).await?;
        insert_mail(&mut tx, mail).await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn invitation(&self, id: InvitationId) -> StoreResult<Invitation> {
        let mut conn = self.read().await?;
        fetch(&mut conn, id).await
    }

    async fn invitation_by_digest(&self, digest: &SecretDigest) -> StoreResult<Option<Invitation>> {
        let row = sqlx::query("SELECT * FROM invitations WHERE digest = ?1")
            .bind(&digest.0)
            .fetch_optional(&self.pool)
            .await
            .map_err(backend)?;
        row.as_ref().map(invitation).transpose()
    }

    async fn invitations_in(&self, initiative: InitiativeId) -> StoreResult<Vec<Invitation>> {
        let rows =
            sqlx::query("SELECT * FROM invitations WHERE initiative_id = ?1 ORDER BY id DESC")
                .bind(initiative.get())
                .fetch_all(&self.pool)
                .await
                .map_err(backend)?;
        rows.iter().map(invitation).collect()
    }

    async fn renew_invitation(
        &self,
        actor: Actor,
        id: InvitationId,
        digest: &SecretDigest,
        expires_at: DateTime<Utc>,
        mail: &NewMail,
    ) -> StoreResult<Invitation> {
        let mut tx = self.write().await?;
        let before = fetch(&mut tx, id).await?;
        let done = sqlx::query(
            "UPDATE invitations SET digest = ?1, expires_at = ?2
             WHERE id = ?3 AND accepted_at IS NULL AND revoked_at IS NULL",
        )
        .bind(&digest.0)
        .bind(expires_at)
        .bind(id.get())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Conflict(Conflict::Transition));
        }
        let after = fetch(&mut tx, id).await?;
        audit(&mut tx, actor, AuditAction::Update, Some(&before), &after).await?;
        insert_mail(&mut tx, mail).await?;
        tx.commit().await.map_err(backend)?;
        Ok(after)
    }

    async fn revoke_invitation(&self, actor: Actor, id: InvitationId) -> StoreResult<Invitation> {
        let mut tx = self.write().await?;
        let before = fetch(&mut tx, id).await?;
        let done = sqlx::query(
            "UPDATE invitations SET revoked_at = ?1
             WHERE id = ?2 AND accepted_at IS NULL AND revoked_at IS NULL",
        )
        .bind(Utc::now())
        .bind(id.get())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Conflict(Conflict::Transition));
        }
        let after = fetch(&mut tx, id).await?;
        audit(&mut tx, actor, AuditAction::Update, Some(&before), &after).await?;
        tx.commit().await.map_err(backend)?;
        Ok(after)
    }

    async fn accept_invitation(
        &self,
        id: InvitationId,
        invitee: Invitee,
        now: DateTime<Utc>,
    ) -> StoreResult<(User, RoleGrant)> {
        let mut tx = self.write().await?;
        let before = fetch(&mut tx, id).await?;
        if before.accepted_at.is_some() || before.revoked_at.is_some() || before.expires_at <= now {
            return Err(StoreError::Conflict(Conflict::Transition));
        }
        let user = match invitee {
            // The new account opens itself: the audit log names it as its own actor.
            Invitee::New(new) => insert_user(&mut tx, Actor::system(), new).await?,
            Invitee::Existing(user) => {
                let row = sqlx::query("SELECT * FROM users WHERE id = ?1")
                    .bind(user.get())
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(backend)?
                    .ok_or(StoreError::NotFound)?;
                crate::accounts::user_of(&row)?
            }
        };
        let actor = Actor::user(user.id);
        let role = upsert_role(&mut tx, actor, before.initiative_id, user.id, before.grant).await?;
        sqlx::query("UPDATE invitations SET accepted_at = ?1, accepted_by = ?2 WHERE id = ?3")
            .bind(now)
            .bind(user.id.get())
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        let after = fetch(&mut tx, id).await?;
        audit(&mut tx, actor, AuditAction::Update, Some(&before), &after).await?;
        tx.commit().await.map_err(backend)?;
        Ok((user, role))
    }
}
