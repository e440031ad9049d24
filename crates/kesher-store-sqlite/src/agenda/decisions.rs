//! The decision log, with the nodes and terms each decision concerns.

use async_trait::async_trait;
use chrono::Utc;
use kesher_domain::agenda::{DecisionInput, DecisionKind};
use kesher_domain::*;
use kesher_store::{Actor, AuditAction, Decision, DecisionStore, StoreError, StoreResult};
use sqlx::SqliteConnection;
use sqlx::sqlite::SqliteRow;

use crate::audit::{commit_delete, commit_update, record_in};
use crate::owned::{Owned, check_owned};
use crate::rows::{choice, get, timestamp};
use crate::{SqliteStore, backend};

macro_rules! decision_select {
    () => {
        "SELECT d.*, b.name AS body_name, m.number AS meeting_number FROM decisions d
         LEFT JOIN bodies b ON b.id = d.body_id LEFT JOIN meetings m ON m.id = d.meeting_id "
    };
}

fn decision(
    row: &SqliteRow,
    result_ids: Vec<ResultNodeId>,
    term_ids: Vec<TermId>,
) -> Result<Decision, StoreError> {
    Ok(Decision {
        id: DecisionId::new(get(row, "id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        body_id: get::<Option<i64>>(row, "body_id")?.map(BodyId::new),
        body_name: get(row, "body_name")?,
        decided_on: get(row, "decided_on")?,
        kind: choice(row, "kind", DecisionKind::parse)?,
        text: get(row, "text")?,
        contested: get(row, "contested")?,
        result_ids,
        term_ids,
        meeting_id: get::<Option<i64>>(row, "meeting_id")?.map(MeetingId::new),
        meeting_number: get::<Option<i64>>(row, "meeting_number")?.map(|n| n as u32),
        created_at: timestamp(row, "created_at")?,
        updated_at: timestamp(row, "updated_at")?,
    })
}

async fn fetch_decision(conn: &mut SqliteConnection, id: DecisionId) -> StoreResult<Decision> {
    let row = sqlx::query(concat!(decision_select!(), "WHERE d.id = ?1"))
        .bind(id.get())
        .fetch_optional(&mut *conn)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
    let results: Vec<i64> = sqlx::query_scalar(
        "SELECT result_id FROM decision_results WHERE decision_id = ?1 ORDER BY result_id",
    )
    .bind(id.get())
    .fetch_all(&mut *conn)
    .await
    .map_err(backend)?;
    let terms: Vec<i64> = sqlx::query_scalar(
        "SELECT term_id FROM decision_terms WHERE decision_id = ?1 ORDER BY term_id",
    )
    .bind(id.get())
    .fetch_all(&mut *conn)
    .await
    .map_err(backend)?;
    decision(
        &row,
        results.into_iter().map(ResultNodeId::new).collect(),
        terms.into_iter().map(TermId::new).collect(),
    )
}

async fn write_decision_links(
    conn: &mut SqliteConnection,
    initiative: InitiativeId,
    id: DecisionId,
    input: &DecisionInput,
) -> StoreResult<()> {
    for result in &input.result_ids {
        check_owned(conn, Owned::Result(*result), initiative).await?;
    }
    for term in &input.term_ids {
        check_owned(conn, Owned::Term(*term), initiative).await?;
    }
    sqlx::query("DELETE FROM decision_results WHERE decision_id = ?1")
        .bind(id.get())
        .execute(&mut *conn)
        .await
        .map_err(backend)?;
    sqlx::query("DELETE FROM decision_terms WHERE decision_id = ?1")
        .bind(id.get())
        .execute(&mut *conn)
        .await
        .map_err(backend)?;
    for result in &input.result_ids {
        sqlx::query("INSERT INTO decision_results (decision_id, result_id) VALUES (?1, ?2)")
            .bind(id.get())
            .bind(result.get())
            .execute(&mut *conn)
            .await
            .map_err(backend)?;
    }
    for term in &input.term_ids {
        sqlx::query("INSERT INTO decision_terms (decision_id, term_id) VALUES (?1, ?2)")
            .bind(id.get())
            .bind(term.get())
            .execute(&mut *conn)
            .await
            .map_err(backend)?;
    }
    Ok(())
}

#[async_trait]
impl DecisionStore for SqliteStore {
    async fn create_decision(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &DecisionInput,
    ) -> StoreResult<Decision> {
        let mut tx = self.write().await?;
        if let Some(body) = input.body_id {
            check_owned(&mut tx, Owned::Body(body), initiative).await?;
        }
        if let Some(meeting) = input.meeting_id {
            check_owned(&mut tx, Owned::Meeting(meeting), initiative).await?;
        }
        let now = Utc::now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO decisions (initiative_id, body_id, decided_on, kind, text, contested, created_at, updated_at, meeting_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8) RETURNING id",
        )
        .bind(initiative.get())
        .bind(input.body_id.map(BodyId::get))
        .bind(input.decided_on)
        .bind(input.kind.code())
        .bind(&input.text)
        .bind(input.contested)
        .bind(now)
        .bind(input.meeting_id.map(MeetingId::get))
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        write_decision_links(&mut tx, initiative, DecisionId::new(id), input).await?;
        let created = fetch_decision(&mut tx, DecisionId::new(id)).await?;
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("decision", id),
            AuditAction::Create,
            None,
            Some(&created),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn update_decision(
        &self,
        actor: Actor,
        id: DecisionId,
        input: &DecisionInput,
    ) -> StoreResult<Decision> {
        let mut tx = self.write().await?;
        let before = fetch_decision(&mut tx, id).await?;
        if let Some(body) = input.body_id {
            check_owned(&mut tx, Owned::Body(body), before.initiative_id).await?;
        }
        sqlx::query(
            "UPDATE decisions SET body_id = ?1, decided_on = ?2, kind = ?3, text = ?4, contested = ?5, updated_at = ?6
             WHERE id = ?7",
        )
        .bind(input.body_id.map(BodyId::get))
        .bind(input.decided_on)
        .bind(input.kind.code())
        .bind(&input.text)
        .bind(input.contested)
        .bind(Utc::now())
        .bind(id.get())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        write_decision_links(&mut tx, before.initiative_id, id, input).await?;
        let after = fetch_decision(&mut tx, id).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("decision", id.get()),
            before,
            after,
        )
        .await
    }

    async fn delete_decision(&self, actor: Actor, id: DecisionId) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let before = fetch_decision(&mut tx, id).await?;
        let statement = "DELETE FROM decisions WHERE id = ?1";
        commit_delete(
            tx,
            actor,
            before.initiative_id,
            statement,
            ("decision", id.get()),
            &before,
        )
        .await
    }

    async fn decision(&self, id: DecisionId) -> StoreResult<Decision> {
        let mut conn = self.read().await?;
        fetch_decision(&mut conn, id).await
    }

    async fn decisions(&self, initiative: InitiativeId) -> StoreResult<Vec<Decision>> {
        let mut conn = self.read().await?;
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM decisions WHERE initiative_id = ?1 ORDER BY decided_on DESC, id DESC",
        )
        .bind(initiative.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?;
        let mut decisions = Vec::with_capacity(ids.len());
        for id in ids {
            decisions.push(fetch_decision(&mut conn, DecisionId::new(id)).await?);
        }
        Ok(decisions)
    }
}
