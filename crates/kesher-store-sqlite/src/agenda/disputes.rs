//! Disputes, their positions and their history.

use async_trait::async_trait;
use chrono::Utc;
use kesher_domain::agenda::{DisputeInput, DisputeStatus, DisputeStatusInput, PositionInput};
use kesher_domain::network::Sector;
use kesher_domain::*;
use kesher_store::{
    Actor, AuditAction, Conflict, Dispute, DisputeEvent, DisputeStore, Position, StoreError,
    StoreResult,
};
use sqlx::SqliteConnection;

use crate::audit::{commit_update, record_in};
use crate::owned::{Owned, check_owned};
use crate::rows::{choice, get, timestamp};
use crate::{SqliteStore, backend};

async fn fetch_dispute(conn: &mut SqliteConnection, id: DisputeId) -> StoreResult<Dispute> {
    let row = sqlx::query(
        "SELECT d.*, o.name AS organization_name FROM disputes d
         LEFT JOIN organizations o ON o.id = d.raised_by_organization_id WHERE d.id = ?1",
    )
    .bind(id.get())
    .fetch_optional(&mut *conn)
    .await
    .map_err(backend)?
    .ok_or(StoreError::NotFound)?;
    let positions = sqlx::query(
        "SELECT p.*, o.name AS organization_name, u.name AS author_name FROM dispute_positions p
         LEFT JOIN organizations o ON o.id = p.organization_id
         LEFT JOIN users u ON u.id = p.user_id WHERE p.dispute_id = ?1 ORDER BY p.id",
    )
    .bind(id.get())
    .fetch_all(&mut *conn)
    .await
    .map_err(backend)?
    .iter()
    .map(|row| {
        Ok(Position {
            id: PositionId::new(get(row, "id")?),
            organization_id: get::<Option<i64>>(row, "organization_id")?.map(OrganizationId::new),
            organization_name: get(row, "organization_name")?,
            author_id: get::<Option<i64>>(row, "user_id")?.map(UserId::new),
            author_name: get(row, "author_name")?,
            position: get(row, "position")?,
            created_at: timestamp(row, "created_at")?,
        })
    })
    .collect::<Result<Vec<_>, StoreError>>()?;
    let history = sqlx::query(
        "SELECT e.*, u.name AS actor_name FROM dispute_events e
         LEFT JOIN users u ON u.id = e.actor_id WHERE e.dispute_id = ?1 ORDER BY e.id",
    )
    .bind(id.get())
    .fetch_all(&mut *conn)
    .await
    .map_err(backend)?
    .iter()
    .map(|row| {
        Ok(DisputeEvent {
            at: timestamp(row, "at")?,
            actor_name: get(row, "actor_name")?,
            status: choice(row, "status", DisputeStatus::parse)?,
            note: get(row, "note")?,
        })
    })
    .collect::<Result<Vec<_>, StoreError>>()?;
    let decisions: Vec<i64> = sqlx::query_scalar(
        "SELECT decision_id FROM dispute_decisions WHERE dispute_id = ?1 ORDER BY decision_id",
    )
    .bind(id.get())
    .fetch_all(&mut *conn)
    .await
    .map_err(backend)?;
    let sector: Option<String> = get(&row, "raised_by_sector")?;
    Ok(Dispute {
        id,
        initiative_id: InitiativeId::new(get(&row, "initiative_id")?),
        question: get(&row, "question")?,
        raised_by_organization_id: get::<Option<i64>>(&row, "raised_by_organization_id")?
            .map(OrganizationId::new),
        raised_by_organization_name: get(&row, "organization_name")?,
        raised_by_sector: sector
            .map(|s| Sector::parse(&s))
            .transpose()
            .map_err(|_| StoreError::Backend("unknown sector in a dispute".into()))?,
        status: choice(&row, "status", DisputeStatus::parse)?,
        decision_ids: decisions.into_iter().map(DecisionId::new).collect(),
        positions,
        history,
        created_at: timestamp(&row, "created_at")?,
        updated_at: timestamp(&row, "updated_at")?,
    })
}

async fn add_dispute_event(
    conn: &mut SqliteConnection,
    actor: Actor,
    dispute: DisputeId,
    status: DisputeStatus,
    note: Option<&str>,
) -> StoreResult<()> {
    sqlx::query("INSERT INTO dispute_events (dispute_id, at, actor_id, status, note) VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(dispute.get())
        .bind(Utc::now())
        .bind(actor.user_id().map(UserId::get))
        .bind(status.code())
        .bind(note)
        .execute(conn)
        .await
        .map_err(backend)?;
    Ok(())
}

async fn write_dispute(
    conn: &mut SqliteConnection,
    initiative: InitiativeId,
    id: DisputeId,
    input: &DisputeInput,
) -> StoreResult<()> {
    if let Some(organization) = input.raised_by {
        check_owned(conn, Owned::Organization(organization), initiative).await?;
    }
    for decision in &input.decision_ids {
        check_owned(conn, Owned::Decision(*decision), initiative).await?;
    }
    sqlx::query(
        "UPDATE disputes SET question = ?1, raised_by_organization_id = ?2, raised_by_sector = ?3, updated_at = ?4
         WHERE id = ?5",
    )
    .bind(&input.question)
    .bind(input.raised_by.map(OrganizationId::get))
    .bind(input.raised_by_sector.map(Sector::code))
    .bind(Utc::now())
    .bind(id.get())
    .execute(&mut *conn)
    .await
    .map_err(backend)?;
    sqlx::query("DELETE FROM dispute_decisions WHERE dispute_id = ?1")
        .bind(id.get())
        .execute(&mut *conn)
        .await
        .map_err(backend)?;
    for decision in &input.decision_ids {
        sqlx::query("INSERT INTO dispute_decisions (dispute_id, decision_id) VALUES (?1, ?2)")
            .bind(id.get())
            .bind(decision.get())
            .execute(&mut *conn)
            .await
            .map_err(backend)?;
    }
    Ok(())
}

#[async_trait]
impl DisputeStore for SqliteStore {
    async fn create_dispute(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &DisputeInput,
    ) -> StoreResult<Dispute> {
        let mut tx = self.write().await?;
        let now = Utc::now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO disputes (initiative_id, question, status, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?4) RETURNING id",
        )
        .bind(initiative.get())
        .bind(&input.question)
        .bind(DisputeStatus::Open.code())
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        let id = DisputeId::new(id);
        write_dispute(&mut tx, initiative, id, input).await?;
        add_dispute_event(&mut tx, actor, id, DisputeStatus::Open, None).await?;
        let created = fetch_dispute(&mut tx, id).await?;
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("dispute", id.get()),
            AuditAction::Create,
            None,
            Some(&created),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn update_dispute(
        &self,
        actor: Actor,
        id: DisputeId,
        input: &DisputeInput,
    ) -> StoreResult<Dispute> {
        let mut tx = self.write().await?;
        let before = fetch_dispute(&mut tx, id).await?;
        write_dispute(&mut tx, before.initiative_id, id, input).await?;
        let after = fetch_dispute(&mut tx, id).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("dispute", id.get()),
            before,
            after,
        )
        .await
    }

    async fn add_position(
        &self,
        actor: Actor,
        dispute: DisputeId,
        input: &PositionInput,
    ) -> StoreResult<Dispute> {
        let mut tx = self.write().await?;
        let before = fetch_dispute(&mut tx, dispute).await?;
        if let Some(organization) = input.organization_id {
            check_owned(
                &mut tx,
                Owned::Organization(organization),
                before.initiative_id,
            )
            .await?;
        }
        let now = Utc::now();
        sqlx::query("INSERT INTO dispute_positions (dispute_id, organization_id, user_id, position, created_at) VALUES (?1, ?2, ?3, ?4, ?5)")
            .bind(dispute.get())
            .bind(input.organization_id.map(OrganizationId::get))
            .bind(actor.user_id().map(UserId::get))
            .bind(&input.position)
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        sqlx::query("UPDATE disputes SET updated_at = ?1 WHERE id = ?2")
            .bind(now)
            .bind(dispute.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        let after = fetch_dispute(&mut tx, dispute).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("dispute", dispute.get()),
            before,
            after,
        )
        .await
    }

    async fn change_dispute_status(
        &self,
        actor: Actor,
        id: DisputeId,
        input: &DisputeStatusInput,
    ) -> StoreResult<Dispute> {
        let mut tx = self.write().await?;
        let before = fetch_dispute(&mut tx, id).await?;
        if !before.status.can_become(input.status) {
            return Err(StoreError::Conflict(Conflict::Transition));
        }
        sqlx::query("UPDATE disputes SET status = ?1, updated_at = ?2 WHERE id = ?3")
            .bind(input.status.code())
            .bind(Utc::now())
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        add_dispute_event(&mut tx, actor, id, input.status, input.note.as_deref()).await?;
        let after = fetch_dispute(&mut tx, id).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("dispute", id.get()),
            before,
            after,
        )
        .await
    }

    async fn dispute(&self, id: DisputeId) -> StoreResult<Dispute> {
        let mut conn = self.read().await?;
        fetch_dispute(&mut conn, id).await
    }

    async fn disputes(&self, initiative: InitiativeId) -> StoreResult<Vec<Dispute>> {
        let mut conn = self.read().await?;
        let ids: Vec<i64> =
            sqlx::query_scalar("SELECT id FROM disputes WHERE initiative_id = ?1 ORDER BY id DESC")
                .bind(initiative.get())
                .fetch_all(&mut *conn)
                .await
                .map_err(backend)?;
        let mut disputes = Vec::with_capacity(ids.len());
        for id in ids {
            disputes.push(fetch_dispute(&mut conn, DisputeId::new(id)).await?);
        }
        Ok(disputes)
    }
}
