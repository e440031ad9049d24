//! Comments on versions of the agenda.

use async_trait::async_trait;
use chrono::Utc;
use kesher_domain::agenda::CommentInput;
use kesher_domain::*;
use kesher_store::{
    Actor, AgendaComment, AgendaCommentStore, AuditAction, StoreError, StoreResult,
};
use sqlx::SqliteConnection;
use sqlx::sqlite::SqliteRow;

use crate::audit::record_in;
use crate::owned::{Owned, check_owned};
use crate::rows::{get, timestamp};
use crate::{SqliteStore, backend};

macro_rules! comment_select {
    () => {
        "SELECT c.*, u.name AS author_name, o.name AS organization_name FROM agenda_comments c
         LEFT JOIN users u ON u.id = c.user_id
         LEFT JOIN organizations o ON o.id = c.organization_id "
    };
}

fn comment(row: &SqliteRow) -> Result<AgendaComment, StoreError> {
    Ok(AgendaComment {
        id: AgendaCommentId::new(get(row, "id")?),
        agenda_version_id: AgendaVersionId::new(get(row, "agenda_version_id")?),
        comment: get(row, "body")?,
        author_id: get::<Option<i64>>(row, "user_id")?.map(UserId::new),
        author_name: get(row, "author_name")?,
        organization_id: get::<Option<i64>>(row, "organization_id")?.map(OrganizationId::new),
        organization_name: get(row, "organization_name")?,
        created_at: timestamp(row, "created_at")?,
    })
}

async fn version_initiative(
    conn: &mut SqliteConnection,
    version: AgendaVersionId,
) -> StoreResult<InitiativeId> {
    sqlx::query_scalar::<_, i64>("SELECT initiative_id FROM agenda_versions WHERE id = ?1")
        .bind(version.get())
        .fetch_optional(conn)
        .await
        .map_err(backend)?
        .map(InitiativeId::new)
        .ok_or(StoreError::NotFound)
}

#[async_trait]
impl AgendaCommentStore for SqliteStore {
    async fn add_agenda_comment(
        &self,
        actor: Actor,
        version: AgendaVersionId,
        input: &CommentInput,
    ) -> StoreResult<AgendaComment> {
        let mut tx = self.write().await?;
        let initiative = version_initiative(&mut tx, version).await?;
        if let Some(organization) = input.organization_id {
            check_owned(&mut tx, Owned::Organization(organization), initiative).await?;
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO agenda_comments (agenda_version_id, user_id, organization_id, body, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
        )
        .bind(version.get())
        .bind(actor.user_id().map(UserId::get))
        .bind(input.organization_id.map(OrganizationId::get))
        .bind(&input.comment)
        .bind(Utc::now())
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        let created = sqlx::query(concat!(comment_select!(), "WHERE c.id = ?1"))
            .bind(id)
            .fetch_one(&mut *tx)
            .await
            .map_err(backend)?;
        let created = comment(&created)?;
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("agenda_comment", id),
            AuditAction::Create,
            None,
            Some(&created),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn agenda_comments(&self, version: AgendaVersionId) -> StoreResult<Vec<AgendaComment>> {
        let mut conn = self.read().await?;
        version_initiative(&mut conn, version).await?;
        sqlx::query(concat!(
            comment_select!(),
            "WHERE c.agenda_version_id = ?1 ORDER BY c.id"
        ))
        .bind(version.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?
        .iter()
        .map(comment)
        .collect()
    }
}
