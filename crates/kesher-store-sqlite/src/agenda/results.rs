//! The results tree.

use async_trait::async_trait;
use chrono::Utc;
use kesher_domain::agenda::{ResultInput, ResultKind, ResultStatus};
use kesher_domain::tree::{self, MoveError, Placement};
use kesher_domain::*;
use kesher_store::{
    Actor, AuditAction, Conflict, ResultNode, ResultStore, StoreError, StoreResult,
};
use sqlx::SqliteConnection;
use sqlx::sqlite::SqliteRow;

use crate::audit::{commit_update, record_in};
use crate::owned::{Owned, check_owned};
use crate::rows::{choice, get, json_list, list_of, timestamp};
use crate::{SqliteStore, backend};

macro_rules! result_select {
    () => {
        "SELECT r.*, b.name AS owner_body_name FROM result_nodes r LEFT JOIN bodies b ON b.id = r.owner_body_id "
    };
}

fn result_node(row: &SqliteRow) -> Result<ResultNode, StoreError> {
    Ok(ResultNode {
        id: ResultNodeId::new(get(row, "id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        parent_id: get::<Option<i64>>(row, "parent_id")?.map(ResultNodeId::new),
        position: get::<i64>(row, "position")? as u32,
        kind: choice(row, "kind", ResultKind::parse)?,
        title: get(row, "title")?,
        description: get(row, "description")?,
        owner_body_id: get::<Option<i64>>(row, "owner_body_id")?.map(BodyId::new),
        owner_body_name: get(row, "owner_body_name")?,
        populations: list_of(row, "populations")?,
        subjects: list_of(row, "subjects")?,
        age_bands: list_of(row, "age_bands")?,
        status: choice(row, "status", ResultStatus::parse)?,
        created_at: timestamp(row, "created_at")?,
        updated_at: timestamp(row, "updated_at")?,
    })
}

async fn fetch_result(conn: &mut SqliteConnection, id: ResultNodeId) -> StoreResult<ResultNode> {
    let row = sqlx::query(concat!(result_select!(), "WHERE r.id = ?1"))
        .bind(id.get())
        .fetch_optional(conn)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
    result_node(&row)
}

async fn fetch_results(
    conn: &mut SqliteConnection,
    initiative: InitiativeId,
) -> StoreResult<Vec<ResultNode>> {
    sqlx::query(concat!(
        result_select!(),
        "WHERE r.initiative_id = ?1 ORDER BY r.parent_id, r.position, r.id"
    ))
    .bind(initiative.get())
    .fetch_all(conn)
    .await
    .map_err(backend)?
    .iter()
    .map(result_node)
    .collect()
}

async fn check_result_references(
    conn: &mut SqliteConnection,
    initiative: InitiativeId,
    input: &ResultInput,
) -> StoreResult<()> {
    if let Some(body) = input.owner_body_id {
        check_owned(conn, Owned::Body(body), initiative).await?;
    }
    Ok(())
}

#[async_trait]
impl ResultStore for SqliteStore {
    async fn create_result(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &ResultInput,
    ) -> StoreResult<ResultNode> {
        let mut tx = self.write().await?;
        if let Some(parent) = input.parent_id {
            check_owned(&mut tx, Owned::Result(parent), initiative).await?;
        }
        check_result_references(&mut tx, initiative, input).await?;
        let now = Utc::now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO result_nodes (initiative_id, parent_id, position, kind, title, description, owner_body_id,
                 populations, subjects, age_bands, status, created_at, updated_at)
             VALUES (?1, ?2, (SELECT COUNT(*) FROM result_nodes WHERE initiative_id = ?1 AND parent_id IS ?2),
                 ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)
             RETURNING id",
        )
        .bind(initiative.get())
        .bind(input.parent_id.map(ResultNodeId::get))
        .bind(input.kind.code())
        .bind(input.title.as_str())
        .bind(&input.description)
        .bind(input.owner_body_id.map(BodyId::get))
        .bind(json_list(&input.populations))
        .bind(json_list(&input.subjects))
        .bind(json_list(&input.age_bands))
        .bind(input.status.code())
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        let created = fetch_result(&mut tx, ResultNodeId::new(id)).await?;
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("result", id),
            AuditAction::Create,
            None,
            Some(&created),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn update_result(
        &self,
        actor: Actor,
        id: ResultNodeId,
        input: &ResultInput,
    ) -> StoreResult<ResultNode> {
        let mut tx = self.write().await?;
        let before = fetch_result(&mut tx, id).await?;
        check_result_references(&mut tx, before.initiative_id, input).await?;
        sqlx::query(
            "UPDATE result_nodes SET kind = ?1, title = ?2, description = ?3, owner_body_id = ?4, populations = ?5,
                 subjects = ?6, age_bands = ?7, status = ?8, updated_at = ?9
             WHERE id = ?10",
        )
        .bind(input.kind.code())
        .bind(input.title.as_str())
        .bind(&input.description)
        .bind(input.owner_body_id.map(BodyId::get))
        .bind(json_list(&input.populations))
        .bind(json_list(&input.subjects))
        .bind(json_list(&input.age_bands))
        .bind(input.status.code())
        .bind(Utc::now())
        .bind(id.get())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        let after = fetch_result(&mut tx, id).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("result", id.get()),
            before,
            after,
        )
        .await
    }

    async fn move_result(
        &self,
        actor: Actor,
        id: ResultNodeId,
        parent: Option<ResultNodeId>,
        index: usize,
    ) -> StoreResult<Vec<ResultNode>> {
        let mut tx = self.write().await?;
        let before = fetch_result(&mut tx, id).await?;
        let initiative = before.initiative_id;
        if let Some(parent) = parent {
            check_owned(&mut tx, Owned::Result(parent), initiative).await?;
        }
        let nodes = fetch_results(&mut tx, initiative).await?;
        let placements: Vec<Placement> = nodes
            .iter()
            .map(|n| Placement {
                id: n.id,
                parent: n.parent_id,
                position: n.position,
            })
            .collect();
        let changes = tree::move_to(&placements, id, parent, index).map_err(|e| match e {
            MoveError::Cycle => StoreError::Conflict(Conflict::Cycle),
            MoveError::UnknownNode | MoveError::UnknownParent | MoveError::NoRoom => {
                StoreError::NotFound
            }
        })?;
        let now = Utc::now();
        for change in &changes {
            sqlx::query("UPDATE result_nodes SET parent_id = ?1, position = ?2, updated_at = ?3 WHERE id = ?4")
                .bind(change.parent.map(ResultNodeId::get))
                .bind(i64::from(change.position))
                .bind(now)
                .bind(change.id.get())
                .execute(&mut *tx)
                .await
                .map_err(backend)?;
        }
        let after = fetch_result(&mut tx, id).await?;
        if before.parent_id != after.parent_id || before.position != after.position {
            record_in(
                &mut tx,
                actor,
                initiative,
                ("result", id.get()),
                AuditAction::Update,
                Some(&before),
                Some(&after),
            )
            .await?;
        }
        let tree = fetch_results(&mut tx, initiative).await?;
        tx.commit().await.map_err(backend)?;
        Ok(tree)
    }

    async fn delete_result(&self, actor: Actor, id: ResultNodeId) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let before = fetch_result(&mut tx, id).await?;
        let children: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM result_nodes WHERE parent_id = ?1")
                .bind(id.get())
                .fetch_one(&mut *tx)
                .await
                .map_err(backend)?;
        if children > 0 {
            return Err(StoreError::Conflict(Conflict::InUse));
        }
        sqlx::query("DELETE FROM result_nodes WHERE id = ?1")
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        // Close the gap among the siblings left behind.
        sqlx::query(
            "UPDATE result_nodes SET position = position - 1
             WHERE initiative_id = ?1 AND parent_id IS ?2 AND position > ?3",
        )
        .bind(before.initiative_id.get())
        .bind(before.parent_id.map(ResultNodeId::get))
        .bind(i64::from(before.position))
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        record_in::<_, ()>(
            &mut tx,
            actor,
            before.initiative_id,
            ("result", id.get()),
            AuditAction::Delete,
            Some(&before),
            None,
        )
        .await?;
        tx.commit().await.map_err(backend)
    }

    async fn result(&self, id: ResultNodeId) -> StoreResult<ResultNode> {
        let mut conn = self.read().await?;
        fetch_result(&mut conn, id).await
    }

    async fn results(&self, initiative: InitiativeId) -> StoreResult<Vec<ResultNode>> {
        let mut conn = self.read().await?;
        fetch_results(&mut conn, initiative).await
    }
}
