//! Places, and places imports matched by code or by name.

use std::collections::HashMap;

use async_trait::async_trait;
use chrono::Utc;
use kesher_domain::measurement::place::{PlaceAttributes, PlaceInput, PlaceKind};
use kesher_domain::search::fold;
use kesher_domain::*;
use kesher_store::{
    Actor, AuditAction, Conflict, Place, PlaceImportOutcome, PlaceKey, PlaceRow, PlaceStore,
    StoreError, StoreResult,
};
use sqlx::sqlite::SqliteRow;
use sqlx::{Sqlite, SqliteConnection};

use crate::audit::{commit_delete, commit_update, record_in};
use crate::owned::{Owned, check_owned};
use crate::rows::{choice, get};
use crate::{SqliteStore, backend};

fn place(row: &SqliteRow) -> StoreResult<Place> {
    let periphery: Option<i64> = get(row, "periphery")?;
    Ok(Place {
        id: PlaceId::new(get(row, "id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        parent_id: get::<Option<i64>>(row, "parent_id")?.map(PlaceId::new),
        kind: choice(row, "kind", PlaceKind::parse)?,
        code: get(row, "code")?,
        name: get(row, "name")?,
        attributes: PlaceAttributes {
            sector: get(row, "sector")?,
            supervision: get(row, "supervision")?,
            stage: get(row, "stage")?,
            ses_index: get(row, "ses_index")?,
            ses_cluster: get(row, "ses_cluster")?,
            nurture_quintile: get(row, "nurture_quintile")?,
            periphery: periphery.map(|p| p != 0),
            population: get(row, "population")?,
            students: get(row, "students")?,
            grid_x: get(row, "grid_x")?,
            grid_y: get(row, "grid_y")?,
        },
    })
}

async fn fetch_place(conn: &mut SqliteConnection, id: PlaceId) -> StoreResult<Place> {
    let row = sqlx::query("SELECT * FROM places WHERE id = ?1")
        .bind(id.get())
        .fetch_optional(conn)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
    place(&row)
}

/// Refuses a parent of another initiative, of a kind the place cannot stand under, or one
/// that lies below the place itself.
async fn check_place_parent(
    conn: &mut SqliteConnection,
    initiative: InitiativeId,
    id: Option<PlaceId>,
    kind: PlaceKind,
    parent: Option<PlaceId>,
) -> StoreResult<()> {
    let Some(parent) = parent else {
        return Ok(());
    };
    check_owned(conn, Owned::Place(parent), initiative).await?;
    let parent_place = fetch_place(conn, parent).await?;
    if !kind.may_stand_under(parent_place.kind) {
        return Err(StoreError::Conflict(Conflict::PlaceLevel));
    }
    if let Some(id) = id {
        let mut current = Some(parent);
        while let Some(step) = current {
            if step == id {
                return Err(StoreError::Conflict(Conflict::Cycle));
            }
            current =
                sqlx::query_scalar::<_, Option<i64>>("SELECT parent_id FROM places WHERE id = ?1")
                    .bind(step.get())
                    .fetch_optional(&mut *conn)
                    .await
                    .map_err(backend)?
                    .flatten()
                    .map(PlaceId::new);
        }
    }
    Ok(())
}

/// Writes the attribute columns of a place (binding order of the statements below).
fn bind_attributes<'q>(
    query: sqlx::query::Query<'q, Sqlite, sqlx::sqlite::SqliteArguments>,
    a: &'q PlaceAttributes,
) -> sqlx::query::Query<'q, Sqlite, sqlx::sqlite::SqliteArguments> {
    query
        .bind(&a.sector)
        .bind(&a.supervision)
        .bind(&a.stage)
        .bind(a.ses_index)
        .bind(a.ses_cluster)
        .bind(a.nurture_quintile)
        .bind(a.periphery.map(i64::from))
        .bind(a.population)
        .bind(a.students)
        .bind(a.grid_x)
        .bind(a.grid_y)
}

const PLACE_INSERT: &str =
    "INSERT INTO places (sector, supervision, stage, ses_index, ses_cluster, nurture_quintile,
         periphery, population, students, grid_x, grid_y,
         initiative_id, parent_id, kind, code, name, name_key, created_at, updated_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?18)
     RETURNING id";

const PLACE_UPDATE: &str =
    "UPDATE places SET sector = ?1, supervision = ?2, stage = ?3, ses_index = ?4,
         ses_cluster = ?5, nurture_quintile = ?6, periphery = ?7, population = ?8, students = ?9,
         grid_x = ?10, grid_y = ?11,
         parent_id = ?12, kind = ?13, code = ?14, name = ?15, name_key = ?16, updated_at = ?17
     WHERE id = ?18";

async fn insert_place(
    conn: &mut SqliteConnection,
    initiative: InitiativeId,
    parent: Option<PlaceId>,
    kind: PlaceKind,
    code: Option<&str>,
    name: &str,
    attributes: &PlaceAttributes,
) -> StoreResult<PlaceId> {
    let id: i64 = bind_attributes(sqlx::query(PLACE_INSERT), attributes)
        .bind(initiative.get())
        .bind(parent.map(PlaceId::get))
        .bind(kind.code())
        .bind(code)
        .bind(name)
        .bind(fold(name))
        .bind(Utc::now())
        .fetch_one(conn)
        .await
        .map_err(backend)
        .and_then(|row| get(&row, "id"))?;
    Ok(PlaceId::new(id))
}

async fn rewrite_place(conn: &mut SqliteConnection, place: &Place) -> StoreResult<()> {
    bind_attributes(sqlx::query(PLACE_UPDATE), &place.attributes)
        .bind(place.parent_id.map(PlaceId::get))
        .bind(place.kind.code())
        .bind(&place.code)
        .bind(&place.name)
        .bind(fold(&place.name))
        .bind(Utc::now())
        .bind(place.id.get())
        .execute(conn)
        .await
        .map_err(backend)?;
    Ok(())
}

/// Adds or updates places (see `PlaceStore::import_places`) inside the caller's
/// transaction; also gives the id each row ended up with, in row order.
pub(super) async fn import_place_rows(
    tx: &mut SqliteConnection,
    actor: Actor,
    initiative: InitiativeId,
    rows: &[PlaceRow],
) -> StoreResult<(PlaceImportOutcome, Vec<PlaceId>)> {
    let existing: Vec<Place> =
        sqlx::query("SELECT * FROM places WHERE initiative_id = ?1 ORDER BY id")
            .bind(initiative.get())
            .fetch_all(&mut *tx)
            .await
            .map_err(backend)?
            .iter()
            .map(place)
            .collect::<StoreResult<_>>()?;
    let mut by_code: HashMap<(PlaceKind, String), Place> = HashMap::new();
    let mut by_name: HashMap<(PlaceKind, String), Place> = HashMap::new();
    for p in existing {
        if let Some(code) = &p.code {
            by_code.insert((p.kind, code.clone()), p.clone());
        }
        by_name.entry((p.kind, fold(&p.name))).or_insert(p);
    }
    let find = |by_code: &HashMap<(PlaceKind, String), Place>,
                by_name: &HashMap<(PlaceKind, String), Place>,
                key: &PlaceKey| {
        by_code
            .get(&(key.kind, key.key.clone()))
            .or_else(|| by_name.get(&(key.kind, fold(&key.key))))
            .cloned()
    };
    let mut outcome = PlaceImportOutcome::default();
    let mut ids = Vec::with_capacity(rows.len());
    for row in rows {
        let parent = match &row.parent {
            None => None,
            Some(key) => Some(
                find(&by_code, &by_name, key)
                    .ok_or(StoreError::NotFound)?
                    .id,
            ),
        };
        let own_key = PlaceKey {
            kind: row.kind,
            key: row.code.clone().unwrap_or_else(|| row.name.clone()),
        };
        let found = match &row.code {
            Some(code) => by_code.get(&(row.kind, code.clone())).cloned().or_else(|| {
                by_name
                    .get(&(row.kind, fold(&row.name)))
                    .filter(|p| p.code.is_none())
                    .cloned()
            }),
            None => find(&by_code, &by_name, &own_key),
        };
        let stored = match found {
            Some(before) => {
                let mut after = before.clone();
                after.attributes.merge(&row.attributes);
                after.name = row.name.clone();
                if row.code.is_some() {
                    after.code = row.code.clone();
                }
                if parent.is_some() {
                    after.parent_id = parent;
                }
                if after == before {
                    outcome.unchanged += 1;
                } else {
                    rewrite_place(&mut *tx, &after).await?;
                    record_in(
                        &mut *tx,
                        actor,
                        initiative,
                        ("place", after.id.get()),
                        AuditAction::Update,
                        Some(&before),
                        Some(&after),
                    )
                    .await?;
                    outcome.updated += 1;
                }
                after
            }
            None => {
                let id = insert_place(
                    &mut *tx,
                    initiative,
                    parent,
                    row.kind,
                    row.code.as_deref(),
                    &row.name,
                    &row.attributes,
                )
                .await?;
                let created = Place {
                    id,
                    initiative_id: initiative,
                    parent_id: parent,
                    kind: row.kind,
                    code: row.code.clone(),
                    name: row.name.clone(),
                    attributes: row.attributes.clone(),
                };
                record_in::<(), _>(
                    &mut *tx,
                    actor,
                    initiative,
                    ("place", id.get()),
                    AuditAction::Create,
                    None,
                    Some(&created),
                )
                .await?;
                outcome.added += 1;
                created
            }
        };
        if let Some(code) = &stored.code {
            by_code.insert((stored.kind, code.clone()), stored.clone());
        }
        ids.push(stored.id);
        by_name.insert((stored.kind, fold(&stored.name)), stored);
    }
    Ok((outcome, ids))
}

#[async_trait]
impl PlaceStore for SqliteStore {
    async fn create_place(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &PlaceInput,
    ) -> StoreResult<Place> {
        let mut tx = self.write().await?;
        check_place_parent(&mut tx, initiative, None, input.kind, input.parent_id).await?;
        let id = insert_place(
            &mut tx,
            initiative,
            input.parent_id,
            input.kind,
            input.code.as_deref(),
            input.name.as_str(),
            &input.attributes,
        )
        .await?;
        let created = fetch_place(&mut tx, id).await?;
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("place", id.get()),
            AuditAction::Create,
            None,
            Some(&created),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn update_place(
        &self,
        actor: Actor,
        id: PlaceId,
        input: &PlaceInput,
    ) -> StoreResult<Place> {
        let mut tx = self.write().await?;
        let before = fetch_place(&mut tx, id).await?;
        check_place_parent(
            &mut tx,
            before.initiative_id,
            Some(id),
            input.kind,
            input.parent_id,
        )
        .await?;
        let after = Place {
            parent_id: input.parent_id,
            kind: input.kind,
            code: input.code.clone(),
            name: input.name.as_str().to_string(),
            attributes: input.attributes.clone(),
            ..before.clone()
        };
        rewrite_place(&mut tx, &after).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("place", id.get()),
            before,
            after,
        )
        .await
    }

    async fn delete_place(&self, actor: Actor, id: PlaceId) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let before = fetch_place(&mut tx, id).await?;
        let used: i64 = sqlx::query_scalar(
            "SELECT (SELECT COUNT(*) FROM places WHERE parent_id = ?1)
                  + (SELECT COUNT(*) FROM data_values WHERE place_id = ?1)",
        )
        .bind(id.get())
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        if used > 0 {
            return Err(StoreError::Conflict(Conflict::InUse));
        }
        sqlx::query("UPDATE targets SET benchmark_place_id = NULL WHERE benchmark_place_id = ?1")
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        commit_delete(
            tx,
            actor,
            before.initiative_id,
            "DELETE FROM places WHERE id = ?1",
            ("place", id.get()),
            &before,
        )
        .await
    }

    async fn place(&self, id: PlaceId) -> StoreResult<Place> {
        fetch_place(&mut *self.read().await?, id).await
    }

    async fn places(&self, initiative: InitiativeId) -> StoreResult<Vec<Place>> {
        sqlx::query("SELECT * FROM places WHERE initiative_id = ?1 ORDER BY name_key, id")
            .bind(initiative.get())
            .fetch_all(&mut *self.read().await?)
            .await
            .map_err(backend)?
            .iter()
            .map(place)
            .collect()
    }

    async fn import_places(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        rows: &[PlaceRow],
    ) -> StoreResult<PlaceImportOutcome> {
        let mut tx = self.write().await?;
        let (outcome, _) = import_place_rows(&mut tx, actor, initiative, rows).await?;
        tx.commit().await.map_err(backend)?;
        Ok(outcome)
    }
}
