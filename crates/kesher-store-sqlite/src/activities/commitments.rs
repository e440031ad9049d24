//! Partners' commitments.

use async_trait::async_trait;
use chrono::{NaiveDate, Utc};
use kesher_domain::activities::commitments::{
    CommitmentInput, CommitmentKind, CommitmentVisibility, Fulfilment, FulfilmentInput,
};
use kesher_domain::*;
use kesher_store::{Actor, AuditAction, Commitment, CommitmentStore, StoreError, StoreResult};
use sqlx::SqliteConnection;
use sqlx::sqlite::SqliteRow;

use crate::audit::{commit_delete, commit_update, record_in};
use crate::owned::{Owned, check_owned};
use crate::rows::{choice, date, get, timestamp};
use crate::{SqliteStore, backend};

macro_rules! commitment_select {
    () => {
        "SELECT c.*, o.name AS organization_name FROM commitments c
     JOIN organizations o ON o.id = c.organization_id "
    };
}

fn commitment(row: &SqliteRow) -> Result<Commitment, StoreError> {
    Ok(Commitment {
        id: CommitmentId::new(get(row, "id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        organization_id: OrganizationId::new(get(row, "organization_id")?),
        organization_name: get(row, "organization_name")?,
        result_id: ResultNodeId::new(get(row, "result_id")?),
        kind: choice(row, "kind", CommitmentKind::parse)?,
        promise: get(row, "promise")?,
        amount: get(row, "amount")?,
        unit: get(row, "unit")?,
        due: date(row, "due")?.ok_or_else(|| StoreError::Backend("no due date".into()))?,
        visibility: choice(row, "visibility", CommitmentVisibility::parse)?,
        status: choice(row, "status", Fulfilment::parse)?,
        delivered: get(row, "delivered")?,
        evidence: get(row, "evidence")?,
        evidence_url: get(row, "evidence_url")?,
        reported_on: date(row, "reported_on")?,
        created_at: timestamp(row, "created_at")?,
        updated_at: timestamp(row, "updated_at")?,
    })
}

async fn fetch(conn: &mut SqliteConnection, id: CommitmentId) -> StoreResult<Commitment> {
    let row = sqlx::query(concat!(commitment_select!(), " WHERE c.id = ?1"))
        .bind(id.get())
        .fetch_optional(conn)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
    commitment(&row)
}

/// Writes what was promised, its organization and node checked to be the initiative's.
async fn write(
    conn: &mut SqliteConnection,
    id: i64,
    initiative: InitiativeId,
    input: &CommitmentInput,
) -> StoreResult<()> {
    check_owned(conn, Owned::Organization(input.organization_id), initiative).await?;
    check_owned(conn, Owned::Result(input.result_id), initiative).await?;
    sqlx::query(
        "UPDATE commitments SET organization_id = ?1, result_id = ?2, kind = ?3, promise = ?4,
             amount = ?5, unit = ?6, due = ?7, visibility = ?8, updated_at = ?9
         WHERE id = ?10",
    )
    .bind(input.organization_id.get())
    .bind(input.result_id.get())
    .bind(input.kind.code())
    .bind(&input.promise)
    .bind(input.amount)
    .bind(&input.unit)
    .bind(input.due)
    .bind(input.visibility.code())
    .bind(Utc::now())
    .bind(id)
    .execute(&mut *conn)
    .await
    .map_err(backend)?;
    Ok(())
}

#[async_trait]
impl CommitmentStore for SqliteStore {
    async fn create_commitment(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &CommitmentInput,
    ) -> StoreResult<Commitment> {
        let mut tx = self.write().await?;
        check_owned(
            &mut tx,
            Owned::Organization(input.organization_id),
            initiative,
        )
        .await?;
        check_owned(&mut tx, Owned::Result(input.result_id), initiative).await?;
        let now = Utc::now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO commitments (initiative_id, organization_id, result_id, kind, promise,
                 amount, due, visibility, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9) RETURNING id",
        )
        .bind(initiative.get())
        .bind(input.organization_id.get())
        .bind(input.result_id.get())
        .bind(input.kind.code())
        .bind(&input.promise)
        .bind(input.amount)
        .bind(input.due)
        .bind(input.visibility.code())
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        write(&mut tx, id, initiative, input).await?;
        let created = fetch(&mut tx, CommitmentId::new(id)).await?;
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("commitment", id),
            AuditAction::Create,
            None,
            Some(&created),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn edit_commitment(
        &self,
        actor: Actor,
        id: CommitmentId,
        input: &CommitmentInput,
    ) -> StoreResult<Commitment> {
        let mut tx = self.write().await?;
        let before = fetch(&mut tx, id).await?;
        write(&mut tx, id.get(), before.initiative_id, input).await?;
        let after = fetch(&mut tx, id).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("commitment", id.get()),
            before,
            after,
        )
        .await
    }

    async fn report_commitment(
        &self,
        actor: Actor,
        id: CommitmentId,
        report: &FulfilmentInput,
        day: NaiveDate,
    ) -> StoreResult<Commitment> {
        let mut tx = self.write().await?;
        let before = fetch(&mut tx, id).await?;
        // Open again: nothing is reported, so nothing of the last report stands.
        let reported = report.status != Fulfilment::Open;
        sqlx::query(
            "UPDATE commitments SET status = ?1, delivered = ?2, evidence = ?3,
                 evidence_url = ?4, reported_on = ?5, updated_at = ?6
             WHERE id = ?7",
        )
        .bind(report.status.code())
        .bind(report.delivered.filter(|_| reported))
        .bind(report.evidence.as_deref().filter(|_| reported))
        .bind(report.evidence_url.as_deref().filter(|_| reported))
        .bind(Some(day).filter(|_| reported))
        .bind(Utc::now())
        .bind(id.get())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        let after = fetch(&mut tx, id).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("commitment", id.get()),
            before,
            after,
        )
        .await
    }

    async fn delete_commitment(&self, actor: Actor, id: CommitmentId) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let before = fetch(&mut tx, id).await?;
        commit_delete(
            tx,
            actor,
            before.initiative_id,
            "DELETE FROM commitments WHERE id = ?1",
            ("commitment", id.get()),
            &before,
        )
        .await
    }

    async fn commitment(&self, id: CommitmentId) -> StoreResult<Commitment> {
        let mut conn = self.read().await?;
        fetch(&mut conn, id).await
    }

    async fn commitments(&self, initiative: InitiativeId) -> StoreResult<Vec<Commitment>> {
        let mut conn = self.read().await?;
        sqlx::query(concat!(
            commitment_select!(),
            " WHERE c.initiative_id = ?1 ORDER BY c.due, o.name, c.id"
        ))
        .bind(initiative.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?
        .iter()
        .map(commitment)
        .collect()
    }
}
