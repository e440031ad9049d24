//! Programs and their links to goals, places, place groups and indicators.

use async_trait::async_trait;
use chrono::Utc;
use kesher_domain::activities::programs::ProgramInput;
use kesher_domain::*;
use kesher_store::{Actor, AuditAction, Program, ProgramStore, StoreError, StoreResult};
use sqlx::SqliteConnection;
use sqlx::sqlite::SqliteRow;

use crate::audit::{commit_delete, commit_update, record_in};
use crate::owned::{Owned, check_owned};
use crate::rows::{date, get, json_list, list_of, timestamp};
use crate::{SqliteStore, backend};

macro_rules! program_select {
    () => {
        "SELECT p.*, o.name AS organization_name,
            (SELECT group_concat(result_id) FROM program_results l WHERE l.program_id = p.id) AS result_ids,
            (SELECT group_concat(place_id) FROM program_places l WHERE l.program_id = p.id) AS place_ids,
            (SELECT group_concat(place_group_id) FROM program_place_groups l WHERE l.program_id = p.id) AS place_group_ids,
            (SELECT group_concat(indicator_id) FROM program_indicators l WHERE l.program_id = p.id) AS indicator_ids
         FROM programs p JOIN organizations o ON o.id = p.organization_id "
    };
}

/// A linked list of ids, as `group_concat` gives it, in id order.
fn ids<T: Ord>(row: &SqliteRow, column: &str, make: fn(i64) -> T) -> Result<Vec<T>, StoreError> {
    let raw: Option<String> = get(row, column)?;
    let mut out: Vec<T> = raw
        .unwrap_or_default()
        .split(',')
        .filter_map(|id| id.parse().ok())
        .map(make)
        .collect();
    out.sort();
    Ok(out)
}

fn program(row: &SqliteRow) -> Result<Program, StoreError> {
    Ok(Program {
        id: ProgramId::new(get(row, "id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        organization_id: OrganizationId::new(get(row, "organization_id")?),
        organization_name: get(row, "organization_name")?,
        name: get(row, "name")?,
        description: get(row, "description")?,
        result_ids: ids(row, "result_ids", ResultNodeId::new)?,
        place_ids: ids(row, "place_ids", PlaceId::new)?,
        place_group_ids: ids(row, "place_group_ids", PlaceGroupId::new)?,
        indicator_ids: ids(row, "indicator_ids", IndicatorId::new)?,
        populations: list_of(row, "populations")?,
        subjects: list_of(row, "subjects")?,
        age_bands: list_of(row, "age_bands")?,
        core: get(row, "core")?,
        starts: date(row, "starts")?,
        ends: date(row, "ends")?,
        funding: {
            let raw: String = get(row, "funding")?;
            serde_json::from_str(&raw).map_err(|e| StoreError::Backend(format!("funding: {e}")))?
        },
        created_at: timestamp(row, "created_at")?,
        updated_at: timestamp(row, "updated_at")?,
    })
}

async fn fetch(conn: &mut SqliteConnection, id: ProgramId) -> StoreResult<Program> {
    let row = sqlx::query(concat!(program_select!(), "WHERE p.id = ?1"))
        .bind(id.get())
        .fetch_optional(conn)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
    program(&row)
}

/// One list of a program's links: how to clear it, how to add one, and what to add (each
/// id with the record it must be of the initiative's).
type Link = (&'static str, &'static str, Vec<(i64, Owned)>);

/// Writes the program's details and replaces its links, each checked to be the
/// initiative's.
async fn write(
    conn: &mut SqliteConnection,
    id: i64,
    initiative: InitiativeId,
    input: &ProgramInput,
) -> StoreResult<()> {
    check_owned(conn, Owned::Organization(input.organization_id), initiative).await?;
    sqlx::query(
        "UPDATE programs SET organization_id = ?1, name = ?2, description = ?3, populations = ?4,
             subjects = ?5, age_bands = ?6, core = ?7, starts = ?8, ends = ?9, updated_at = ?10,
             funding = ?12
         WHERE id = ?11",
    )
    .bind(input.organization_id.get())
    .bind(input.name.as_str())
    .bind(&input.description)
    .bind(json_list(&input.populations))
    .bind(json_list(&input.subjects))
    .bind(json_list(&input.age_bands))
    .bind(input.core)
    .bind(input.starts)
    .bind(input.ends)
    .bind(Utc::now())
    .bind(id)
    .bind(serde_json::to_string(&input.funding).map_err(|e| StoreError::Backend(e.to_string()))?)
    .execute(&mut *conn)
    .await
    .map_err(backend)?;
    let links: [Link; 4] = [
        (
            "DELETE FROM program_results WHERE program_id = ?1",
            "INSERT INTO program_results (program_id, result_id) VALUES (?1, ?2)",
            input
                .result_ids
                .iter()
                .map(|r| (r.get(), Owned::Result(*r)))
                .collect(),
        ),
        (
            "DELETE FROM program_places WHERE program_id = ?1",
            "INSERT INTO program_places (program_id, place_id) VALUES (?1, ?2)",
            input
                .place_ids
                .iter()
                .map(|p| (p.get(), Owned::Place(*p)))
                .collect(),
        ),
        (
            "DELETE FROM program_place_groups WHERE program_id = ?1",
            "INSERT INTO program_place_groups (program_id, place_group_id) VALUES (?1, ?2)",
            input
                .place_group_ids
                .iter()
                .map(|g| (g.get(), Owned::PlaceGroup(*g)))
                .collect(),
        ),
        (
            "DELETE FROM program_indicators WHERE program_id = ?1",
            "INSERT INTO program_indicators (program_id, indicator_id) VALUES (?1, ?2)",
            input
                .indicator_ids
                .iter()
                .map(|i| (i.get(), Owned::Indicator(*i)))
                .collect(),
        ),
    ];
    for (clear, insert, linked) in links {
        sqlx::query(clear)
            .bind(id)
            .execute(&mut *conn)
            .await
            .map_err(backend)?;
        for (raw, owned) in linked {
            check_owned(conn, owned, initiative).await?;
            sqlx::query(insert)
                .bind(id)
                .bind(raw)
                .execute(&mut *conn)
                .await
                .map_err(backend)?;
        }
    }
    Ok(())
}

#[async_trait]
impl ProgramStore for SqliteStore {
    async fn create_program(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &ProgramInput,
    ) -> StoreResult<Program> {
        let mut created = self
            .create_programs(actor, initiative, std::slice::from_ref(input))
            .await?;
        created.pop().ok_or(StoreError::NotFound)
    }

    async fn create_programs(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        inputs: &[ProgramInput],
    ) -> StoreResult<Vec<Program>> {
        let mut tx = self.write().await?;
        let mut created = Vec::with_capacity(inputs.len());
        for input in inputs {
            check_owned(
                &mut tx,
                Owned::Organization(input.organization_id),
                initiative,
            )
            .await?;
            let now = Utc::now();
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO programs (initiative_id, organization_id, name, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?4) RETURNING id",
            )
            .bind(initiative.get())
            .bind(input.organization_id.get())
            .bind(input.name.as_str())
            .bind(now)
            .fetch_one(&mut *tx)
            .await
            .map_err(backend)?;
            write(&mut tx, id, initiative, input).await?;
            let program = fetch(&mut tx, ProgramId::new(id)).await?;
            record_in::<(), _>(
                &mut tx,
                actor,
                initiative,
                ("program", id),
                AuditAction::Create,
                None,
                Some(&program),
            )
            .await?;
            created.push(program);
        }
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn edit_program(
        &self,
        actor: Actor,
        id: ProgramId,
        input: &ProgramInput,
    ) -> StoreResult<Program> {
        let mut tx = self.write().await?;
        let before = fetch(&mut tx, id).await?;
        write(&mut tx, id.get(), before.initiative_id, input).await?;
        let after = fetch(&mut tx, id).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("program", id.get()),
            before,
            after,
        )
        .await
    }

    async fn delete_program(&self, actor: Actor, id: ProgramId) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let before = fetch(&mut tx, id).await?;
        commit_delete(
            tx,
            actor,
            before.initiative_id,
            "DELETE FROM programs WHERE id = ?1",
            ("program", id.get()),
            &before,
        )
        .await
    }

    async fn program(&self, id: ProgramId) -> StoreResult<Program> {
        let mut conn = self.read().await?;
        fetch(&mut conn, id).await
    }

    async fn programs(&self, initiative: InitiativeId) -> StoreResult<Vec<Program>> {
        let mut conn = self.read().await?;
        sqlx::query(concat!(
            program_select!(),
            "WHERE p.initiative_id = ?1 ORDER BY o.name, p.name, p.id"
        ))
        .bind(initiative.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?
        .iter()
        .map(program)
        .collect()
    }
}
