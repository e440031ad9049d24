//! Joint funding requests, their goals, and each funder's answer.

use async_trait::async_trait;
use chrono::Utc;
use kesher_domain::activities::funding::{
    FundingRequestInput, Interest, PledgeInput, RequestStatus,
};
use kesher_domain::*;
use kesher_store::{
    Actor, AuditAction, FundingRequest, FundingRequestStore, Pledge, StoreError, StoreResult,
};
use sqlx::SqliteConnection;
use sqlx::sqlite::SqliteRow;

use crate::audit::{commit_delete, commit_update, record_in, unchanged};
use crate::owned::{Owned, check_owned};
use crate::rows::{choice, date, get, timestamp};
use crate::{SqliteStore, backend};

macro_rules! request_select {
    () => {
        "SELECT r.*, o.name AS organization_name,
        (SELECT group_concat(result_id) FROM funding_request_results l
          WHERE l.funding_request_id = r.id) AS result_ids
     FROM funding_requests r JOIN organizations o ON o.id = r.organization_id "
    };
}

fn pledge(row: &SqliteRow) -> Result<Pledge, StoreError> {
    Ok(Pledge {
        organization_id: OrganizationId::new(get(row, "organization_id")?),
        organization_name: get(row, "organization_name")?,
        interest: choice(row, "interest", Interest::parse)?,
        amount: get(row, "amount")?,
        note: get(row, "note")?,
        updated_at: timestamp(row, "updated_at")?,
    })
}

async fn request(conn: &mut SqliteConnection, row: &SqliteRow) -> StoreResult<FundingRequest> {
    let id: i64 = get(row, "id")?;
    let raw: Option<String> = get(row, "result_ids")?;
    let mut result_ids: Vec<ResultNodeId> = raw
        .unwrap_or_default()
        .split(',')
        .filter_map(|id| id.parse().ok())
        .map(ResultNodeId::new)
        .collect();
    result_ids.sort();
    let pledges = sqlx::query(
        "SELECT p.*, o.name AS organization_name FROM funding_pledges p
         JOIN organizations o ON o.id = p.organization_id
         WHERE p.funding_request_id = ?1 ORDER BY o.name, o.id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await
    .map_err(backend)?
    .iter()
    .map(pledge)
    .collect::<Result<Vec<_>, _>>()?;
    Ok(FundingRequest {
        id: FundingRequestId::new(id),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        organization_id: OrganizationId::new(get(row, "organization_id")?),
        organization_name: get(row, "organization_name")?,
        title: get(row, "title")?,
        description: get(row, "description")?,
        amount: get(row, "amount")?,
        result_ids,
        needed_by: date(row, "needed_by")?,
        status: choice(row, "status", RequestStatus::parse)?,
        pledges,
        created_at: timestamp(row, "created_at")?,
        updated_at: timestamp(row, "updated_at")?,
    })
}

async fn fetch(conn: &mut SqliteConnection, id: FundingRequestId) -> StoreResult<FundingRequest> {
    let row = sqlx::query(concat!(request_select!(), " WHERE r.id = ?1"))
        .bind(id.get())
        .fetch_optional(&mut *conn)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
    request(conn, &row).await
}

/// The request as the audit log keeps it: who answered and how, never the amounts or the
/// notes, which are the funders' own (the backbone reads the log).
fn logged(found: &FundingRequest) -> FundingRequest {
    let mut kept = found.clone();
    for pledge in &mut kept.pledges {
        pledge.amount = None;
        pledge.note = None;
    }
    kept
}

/// Writes the request's details and replaces its goals, each checked to be the
/// initiative's.
async fn write(
    conn: &mut SqliteConnection,
    id: i64,
    initiative: InitiativeId,
    input: &FundingRequestInput,
) -> StoreResult<()> {
    check_owned(conn, Owned::Organization(input.organization_id), initiative).await?;
    sqlx::query(
        "UPDATE funding_requests SET organization_id = ?1, title = ?2, description = ?3,
             amount = ?4, needed_by = ?5, status = ?6, updated_at = ?7
         WHERE id = ?8",
    )
    .bind(input.organization_id.get())
    .bind(&input.title)
    .bind(&input.description)
    .bind(input.amount)
    .bind(input.needed_by)
    .bind(input.status.code())
    .bind(Utc::now())
    .bind(id)
    .execute(&mut *conn)
    .await
    .map_err(backend)?;
    sqlx::query("DELETE FROM funding_request_results WHERE funding_request_id = ?1")
        .bind(id)
        .execute(&mut *conn)
        .await
        .map_err(backend)?;
    for result in &input.result_ids {
        check_owned(conn, Owned::Result(*result), initiative).await?;
        sqlx::query(
            "INSERT INTO funding_request_results (funding_request_id, result_id) VALUES (?1, ?2)",
        )
        .bind(id)
        .bind(result.get())
        .execute(&mut *conn)
        .await
        .map_err(backend)?;
    }
    Ok(())
}

#[async_trait]
impl FundingRequestStore for SqliteStore {
    async fn create_funding_request(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &FundingRequestInput,
    ) -> StoreResult<FundingRequest> {
        let mut tx = self.write().await?;
        check_owned(
            &mut tx,
            Owned::Organization(input.organization_id),
            initiative,
        )
        .await?;
        let now = Utc::now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO funding_requests (initiative_id, organization_id, title, description,
                 amount, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) RETURNING id",
        )
        .bind(initiative.get())
        .bind(input.organization_id.get())
        .bind(&input.title)
        .bind(&input.description)
        .bind(input.amount)
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        write(&mut tx, id, initiative, input).await?;
        let created = fetch(&mut tx, FundingRequestId::new(id)).await?;
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("funding_request", id),
            AuditAction::Create,
            None,
            Some(&created),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn edit_funding_request(
        &self,
        actor: Actor,
        id: FundingRequestId,
        input: &FundingRequestInput,
    ) -> StoreResult<FundingRequest> {
        let mut tx = self.write().await?;
        let before = fetch(&mut tx, id).await?;
        write(&mut tx, id.get(), before.initiative_id, input).await?;
        let after = fetch(&mut tx, id).await?;
        if unchanged(&before, &after) {
            tx.rollback().await.map_err(backend)?;
            return Ok(before);
        }
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("funding_request", id.get()),
            logged(&before),
            logged(&after),
        )
        .await?;
        Ok(after)
    }

    async fn delete_funding_request(&self, actor: Actor, id: FundingRequestId) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let before = fetch(&mut tx, id).await?;
        commit_delete(
            tx,
            actor,
            before.initiative_id,
            "DELETE FROM funding_requests WHERE id = ?1",
            ("funding_request", id.get()),
            &logged(&before),
        )
        .await
    }

    async fn answer_funding_request(
        &self,
        actor: Actor,
        id: FundingRequestId,
        answer: &PledgeInput,
    ) -> StoreResult<FundingRequest> {
        let mut tx = self.write().await?;
        let before = fetch(&mut tx, id).await?;
        check_owned(
            &mut tx,
            Owned::Organization(answer.organization_id),
            before.initiative_id,
        )
        .await?;
        let now = Utc::now();
        sqlx::query(
            "INSERT INTO funding_pledges (funding_request_id, organization_id, interest, amount,
                 note, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (funding_request_id, organization_id) DO UPDATE SET
                 interest = excluded.interest, amount = excluded.amount, note = excluded.note,
                 updated_at = excluded.updated_at",
        )
        .bind(id.get())
        .bind(answer.organization_id.get())
        .bind(answer.interest.code())
        .bind(answer.amount)
        .bind(&answer.note)
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        sqlx::query("UPDATE funding_requests SET updated_at = ?1 WHERE id = ?2")
            .bind(now)
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        let after = fetch(&mut tx, id).await?;
        let previous = before
            .pledges
            .iter()
            .find(|p| p.organization_id == answer.organization_id);
        let unchanged = previous.is_some_and(|p| {
            p.interest == answer.interest && p.amount == answer.amount && p.note == answer.note
        });
        if unchanged {
            tx.rollback().await.map_err(backend)?;
            return Ok(before);
        }
        record_in(
            &mut tx,
            actor,
            before.initiative_id,
            ("funding_request", id.get()),
            AuditAction::Update,
            Some(&logged(&before)),
            Some(&logged(&after)),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(after)
    }

    async fn funding_request(&self, id: FundingRequestId) -> StoreResult<FundingRequest> {
        let mut conn = self.read().await?;
        fetch(&mut conn, id).await
    }

    async fn funding_requests(&self, initiative: InitiativeId) -> StoreResult<Vec<FundingRequest>> {
        let mut conn = self.read().await?;
        let rows = sqlx::query(concat!(
            request_select!(),
            " WHERE r.initiative_id = ?1 ORDER BY r.created_at DESC, r.id DESC"
        ))
        .bind(initiative.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            out.push(request(&mut conn, row).await?);
        }
        Ok(out)
    }
}
