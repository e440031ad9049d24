//! Endorsements of agenda versions.

use async_trait::async_trait;
use chrono::Utc;
use kesher_domain::agenda::EndorsementInput;
use kesher_domain::*;
use kesher_store::{Actor, AuditAction, Endorsement, EndorsementStore, StoreError, StoreResult};
use sqlx::SqliteConnection;
use sqlx::sqlite::SqliteRow;

use crate::audit::{commit_delete, record_in};
use crate::owned::{Owned, check_owned};
use crate::rows::{get, timestamp};
use crate::{SqliteStore, backend};

macro_rules! endorsement_select {
    () => {
        "SELECT e.*, o.name AS organization_name, v.number AS version FROM endorsements e
         JOIN organizations o ON o.id = e.organization_id
         JOIN agenda_versions v ON v.id = e.agenda_version_id "
    };
}

fn endorsement(row: &SqliteRow) -> Result<Endorsement, StoreError> {
    Ok(Endorsement {
        id: EndorsementId::new(get(row, "id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        organization_id: OrganizationId::new(get(row, "organization_id")?),
        organization_name: get(row, "organization_name")?,
        agenda_version_id: AgendaVersionId::new(get(row, "agenda_version_id")?),
        version: get::<i64>(row, "version")? as u32,
        signed_on: get(row, "signed_on")?,
        signed_by: get(row, "signed_by")?,
        created_at: timestamp(row, "created_at")?,
    })
}

async fn fetch_endorsement(
    conn: &mut SqliteConnection,
    id: EndorsementId,
) -> StoreResult<Endorsement> {
    let row = sqlx::query(concat!(endorsement_select!(), "WHERE e.id = ?1"))
        .bind(id.get())
        .fetch_optional(conn)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
    endorsement(&row)
}

#[async_trait]
impl EndorsementStore for SqliteStore {
    async fn create_endorsement(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &EndorsementInput,
    ) -> StoreResult<Endorsement> {
        let mut tx = self.write().await?;
        check_owned(
            &mut tx,
            Owned::Organization(input.organization_id),
            initiative,
        )
        .await?;
        let version: i64 = sqlx::query_scalar(
            "SELECT id FROM agenda_versions WHERE initiative_id = ?1 AND number = ?2",
        )
        .bind(initiative.get())
        .bind(i64::from(input.version))
        .fetch_optional(&mut *tx)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO endorsements (initiative_id, organization_id, agenda_version_id, signed_on, signed_by, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
        )
        .bind(initiative.get())
        .bind(input.organization_id.get())
        .bind(version)
        .bind(input.signed_on)
        .bind(&input.signed_by)
        .bind(Utc::now())
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        let created = fetch_endorsement(&mut tx, EndorsementId::new(id)).await?;
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("endorsement", id),
            AuditAction::Create,
            None,
            Some(&created),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn delete_endorsement(&self, actor: Actor, id: EndorsementId) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let before = fetch_endorsement(&mut tx, id).await?;
        let statement = "DELETE FROM endorsements WHERE id = ?1";
        commit_delete(
            tx,
            actor,
            before.initiative_id,
            statement,
            ("endorsement", id.get()),
            &before,
        )
        .await
    }

    async fn endorsement(&self, id: EndorsementId) -> StoreResult<Endorsement> {
        let mut conn = self.read().await?;
        fetch_endorsement(&mut conn, id).await
    }

    async fn endorsements(&self, initiative: InitiativeId) -> StoreResult<Vec<Endorsement>> {
        let mut conn = self.read().await?;
        sqlx::query(concat!(
            endorsement_select!(),
            "WHERE e.initiative_id = ?1 ORDER BY o.name_key, v.number"
        ))
        .bind(initiative.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?
        .iter()
        .map(endorsement)
        .collect()
    }
}
