//! Versions of the agenda's statements and boundaries.

use std::collections::HashMap;

use async_trait::async_trait;
use chrono::Utc;
use kesher_domain::agenda::{AgendaInput, Boundary, BoundaryDimension, BoundaryScope};
use kesher_domain::*;
use kesher_store::{
    Actor, AgendaVersion, AgendaVersionStore, AuditAction, StoreError, StoreResult,
};
use sqlx::SqliteConnection;
use sqlx::sqlite::SqliteRow;

use crate::audit::record_in;
use crate::rows::{choice, get, timestamp};
use crate::{SqliteStore, backend};

fn agenda_version(row: &SqliteRow, boundaries: Vec<Boundary>) -> Result<AgendaVersion, StoreError> {
    Ok(AgendaVersion {
        id: AgendaVersionId::new(get(row, "id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        number: get::<i64>(row, "number")? as u32,
        // Filled in from the whole sequence by the caller (`with_labels`).
        label: String::new(),
        problem: get(row, "problem")?,
        vision: get(row, "vision")?,
        vision_year: get::<Option<i64>>(row, "vision_year")?.map(|y| y as i32),
        mission: get(row, "mission")?,
        overarching_goal: get(row, "overarching_goal")?,
        note: get(row, "note")?,
        wording_only: get(row, "wording_only")?,
        boundaries,
        created_by: get(row, "created_by_name")?,
        created_at: timestamp(row, "created_at")?,
    })
}

fn boundary(row: &SqliteRow) -> Result<Boundary, StoreError> {
    Ok(Boundary {
        dimension: choice(row, "dimension", BoundaryDimension::parse)?,
        scope: choice(row, "scope", BoundaryScope::parse)?,
        item: get(row, "item")?,
        reason: get(row, "reason")?,
    })
}

macro_rules! version_select {
    () => {
        "SELECT v.*, u.name AS created_by_name FROM agenda_versions v LEFT JOIN users u ON u.id = v.created_by "
    };
}

async fn fetch_version(
    conn: &mut SqliteConnection,
    id: AgendaVersionId,
) -> StoreResult<AgendaVersion> {
    let row = sqlx::query(concat!(version_select!(), "WHERE v.id = ?1"))
        .bind(id.get())
        .fetch_optional(&mut *conn)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
    let boundaries =
        sqlx::query("SELECT * FROM agenda_boundaries WHERE version_id = ?1 ORDER BY position")
            .bind(id.get())
            .fetch_all(&mut *conn)
            .await
            .map_err(backend)?
            .iter()
            .map(boundary)
            .collect::<Result<Vec<_>, _>>()?;
    let mut version = agenda_version(&row, boundaries)?;
    let sequence: Vec<(i64, bool)> = sqlx::query_as(
        "SELECT number, wording_only FROM agenda_versions WHERE initiative_id = ?1 ORDER BY number",
    )
    .bind(version.initiative_id.get())
    .fetch_all(&mut *conn)
    .await
    .map_err(backend)?;
    let sequence: Vec<(u32, bool)> = sequence.into_iter().map(|(n, w)| (n as u32, w)).collect();
    with_labels(std::slice::from_mut(&mut version), &sequence);
    Ok(version)
}

/// Names each version as people call it, from the initiative's whole sequence.
fn with_labels(versions: &mut [AgendaVersion], sequence: &[(u32, bool)]) {
    let labels = kesher_domain::agenda::version_labels(sequence);
    for version in versions {
        version.label = labels
            .iter()
            .find(|(n, _)| *n == version.number)
            .map(|(_, l)| l.clone())
            .unwrap_or_else(|| version.number.to_string());
    }
}

#[async_trait]
impl AgendaVersionStore for SqliteStore {
    async fn create_agenda_version(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &AgendaInput,
    ) -> StoreResult<AgendaVersion> {
        let mut tx = self.write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO agenda_versions (initiative_id, number, problem, vision, vision_year, mission,
                 overarching_goal, note, created_by, created_at, wording_only)
             VALUES (?1, (SELECT COALESCE(MAX(number), 0) + 1 FROM agenda_versions WHERE initiative_id = ?1),
                 ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             RETURNING id",
        )
        .bind(initiative.get())
        .bind(&input.problem)
        .bind(&input.vision)
        .bind(input.vision_year.map(i64::from))
        .bind(&input.mission)
        .bind(&input.overarching_goal)
        .bind(&input.note)
        .bind(actor.user_id().map(UserId::get))
        .bind(Utc::now())
        .bind(input.wording_only)
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        for (position, b) in input.boundaries.iter().enumerate() {
            sqlx::query(
                "INSERT INTO agenda_boundaries (version_id, position, dimension, scope, item, reason)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .bind(id)
            .bind(position as i64)
            .bind(b.dimension.code())
            .bind(b.scope.code())
            .bind(&b.item)
            .bind(&b.reason)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        }
        let created = fetch_version(&mut tx, AgendaVersionId::new(id)).await?;
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("agenda_version", id),
            AuditAction::Create,
            None,
            Some(&created),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn agenda_versions(&self, initiative: InitiativeId) -> StoreResult<Vec<AgendaVersion>> {
        let mut conn = self.read().await?;
        let rows = sqlx::query(concat!(
            version_select!(),
            "WHERE v.initiative_id = ?1 ORDER BY v.number"
        ))
        .bind(initiative.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?;
        let boundary_rows = sqlx::query(
            "SELECT b.* FROM agenda_boundaries b JOIN agenda_versions v ON v.id = b.version_id
             WHERE v.initiative_id = ?1 ORDER BY b.version_id, b.position",
        )
        .bind(initiative.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?;
        let mut boundaries: HashMap<i64, Vec<Boundary>> = HashMap::new();
        for row in &boundary_rows {
            boundaries
                .entry(get(row, "version_id")?)
                .or_default()
                .push(boundary(row)?);
        }
        let mut versions = rows
            .iter()
            .map(|row| {
                let id: i64 = get(row, "id")?;
                agenda_version(row, boundaries.remove(&id).unwrap_or_default())
            })
            .collect::<StoreResult<Vec<_>>>()?;
        let sequence: Vec<(u32, bool)> = versions
            .iter()
            .map(|v| (v.number, v.wording_only))
            .collect();
        with_labels(&mut versions, &sequence);
        Ok(versions)
    }

    async fn agenda_version(&self, id: AgendaVersionId) -> StoreResult<AgendaVersion> {
        let mut conn = self.read().await?;
        fetch_version(&mut conn, id).await
    }
}
