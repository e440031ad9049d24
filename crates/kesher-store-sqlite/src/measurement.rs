//! Shared measurement in SQLite: places, groups, indicators with targets and rules, data
//! values written set-wise through a temporary table (so a file of a million values is a
//! handful of statements), their sources and history, and saved column mappings.

use std::collections::{HashMap, HashSet};

use async_trait::async_trait;
use chrono::Utc;
use kesher_domain::measurement::coverage::Expected;
use kesher_domain::measurement::indicator::IndicatorCode;
use kesher_domain::measurement::indicator::{
    Aggregation, Axis, Cell, Direction, Frequency, IndicatorInput, IndicatorKind, Unit,
};
use kesher_domain::measurement::period::{Period, PeriodKind};
use kesher_domain::measurement::place::{PlaceAttributes, PlaceInput, PlaceKind};
use kesher_domain::measurement::quality::{Comparison, ValidationRule};
use kesher_domain::measurement::values::{MissingReason, SourceKind, TargetInput, ValueState};
use kesher_domain::search::fold;
use kesher_domain::*;
use kesher_store::{
    Actor, ApprovedValue, AuditAction, ColumnMapping, Conflict, DataSource, DataValue, Indicator,
    MeasurementSettings, MeasurementSettingsStore, MeasurementStore, NewSource, NewValue, Place,
    PlaceGroup, PlaceImportOutcome, PlaceKey, PlaceRow, ReportCard, ReportCardInput,
    ReportCardStore, StoreError, StoreResult, StoredRule, Target, ValueFilter, ValueKey,
    ValueVersion, ValueWriteOutcome, ValueWriter,
};
use serde::Serialize;
use sqlx::sqlite::SqliteRow;
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use crate::audit::{commit_delete, commit_update, record_in};
use crate::owned::{Owned, check_owned};
use crate::rows::{choice, get, timestamp};
use crate::{SqliteStore, backend};

fn period_of(row: &SqliteRow, column: &str) -> StoreResult<Period> {
    let key: i64 = get(row, column)?;
    Period::from_key(key).ok_or_else(|| StoreError::Backend(format!("bad period {key}")))
}

fn optional_choice<T>(
    row: &SqliteRow,
    column: &str,
    parse: impl Fn(&str) -> Result<T, Invalid>,
) -> StoreResult<Option<T>> {
    let raw: Option<String> = get(row, column)?;
    raw.map(|raw| {
        parse(&raw).map_err(|_| StoreError::Backend(format!("unknown code {raw:?} in {column}")))
    })
    .transpose()
}

fn state_of(row: &SqliteRow) -> StoreResult<ValueState> {
    let n: i64 = get(row, "state")?;
    ValueState::from_number(n).ok_or_else(|| StoreError::Backend(format!("bad state {n}")))
}

// ---- places ----

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

/// Adds or updates places (see `MeasurementStore::import_places`) inside the caller's
/// transaction; also gives the id each row ended up with, in row order.
async fn import_place_rows(
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

// ---- indicators ----

fn target(row: &SqliteRow) -> StoreResult<Target> {
    Ok(Target {
        id: TargetId::new(get(row, "id")?),
        indicator_id: IndicatorId::new(get(row, "indicator_id")?),
        period: period_of(row, "period")?,
        value: get(row, "value")?,
        benchmark_place_id: get::<Option<i64>>(row, "benchmark_place_id")?.map(PlaceId::new),
        note: get(row, "note")?,
    })
}

fn indicator(row: &SqliteRow, targets: Vec<Target>) -> StoreResult<Indicator> {
    let breakdowns: String = get(row, "breakdowns")?;
    let baseline_period: Option<i64> = get(row, "baseline_period")?;
    Ok(Indicator {
        id: IndicatorId::new(get(row, "id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        code: get(row, "code")?,
        name_he: get(row, "name_he")?,
        name_en: get(row, "name_en")?,
        definition_he: get(row, "definition_he")?,
        definition_en: get(row, "definition_en")?,
        unit: choice(row, "unit", Unit::parse)?,
        direction: choice(row, "direction", Direction::parse)?,
        kind: choice(row, "kind", IndicatorKind::parse)?,
        scale_max: get(row, "scale_max")?,
        axis: choice(row, "axis", Axis::parse)?,
        result_node_id: get::<Option<i64>>(row, "result_node_id")?.map(ResultNodeId::new),
        data_source: get(row, "data_source")?,
        frequency: choice(row, "frequency", Frequency::parse)?,
        period_kind: choice(row, "period_kind", PeriodKind::parse)?,
        owner_organization_id: get::<Option<i64>>(row, "owner_organization_id")?
            .map(OrganizationId::new),
        aggregation: choice(row, "aggregation", Aggregation::parse)?,
        weight_code: get(row, "weight_code")?,
        formula: get(row, "formula")?,
        population_code: get(row, "population_code")?,
        decimals: get::<i64>(row, "decimals")?.clamp(0, 6) as u8,
        breakdowns: serde_json::from_str(&breakdowns)
            .map_err(|e| StoreError::Backend(format!("breakdowns: {e}")))?,
        valid_min: get(row, "valid_min")?,
        valid_max: get(row, "valid_max")?,
        baseline_period: baseline_period.and_then(Period::from_key),
        baseline_value: get(row, "baseline_value")?,
        coverage_expected: choice(row, "coverage_expected", Expected::parse)?,
        coverage_group_id: get::<Option<i64>>(row, "coverage_group_id")?.map(PlaceGroupId::new),
        coverage_threshold: get(row, "coverage_threshold")?,
        no_change_band: get(row, "no_change_band")?,
        targets,
        created_at: timestamp(row, "created_at")?,
        updated_at: timestamp(row, "updated_at")?,
    })
}

async fn fetch_indicator(conn: &mut SqliteConnection, id: IndicatorId) -> StoreResult<Indicator> {
    let row = sqlx::query("SELECT * FROM indicators WHERE id = ?1")
        .bind(id.get())
        .fetch_optional(&mut *conn)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
    let targets = sqlx::query("SELECT * FROM targets WHERE indicator_id = ?1 ORDER BY period")
        .bind(id.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?
        .iter()
        .map(target)
        .collect::<StoreResult<Vec<_>>>()?;
    indicator(&row, targets)
}

async fn check_indicator_references(
    conn: &mut SqliteConnection,
    initiative: InitiativeId,
    input: &IndicatorInput,
) -> StoreResult<()> {
    if let Some(node) = input.result_node_id {
        check_owned(conn, Owned::Result(node), initiative).await?;
    }
    if let Some(organization) = input.owner_organization_id {
        check_owned(conn, Owned::Organization(organization), initiative).await?;
    }
    if let Some(group) = input.coverage.group_id {
        check_owned(conn, Owned::PlaceGroup(group), initiative).await?;
    }
    Ok(())
}

/// Binds an indicator's columns in the order of the statements below (?1 … ?29).
fn bind_indicator<'q>(
    query: sqlx::query::Query<'q, Sqlite, sqlx::sqlite::SqliteArguments>,
    input: &'q IndicatorInput,
) -> sqlx::query::Query<'q, Sqlite, sqlx::sqlite::SqliteArguments> {
    query
        .bind(input.code.as_str())
        .bind(input.name_he.as_str())
        .bind(&input.name_en)
        .bind(&input.definition_he)
        .bind(&input.definition_en)
        .bind(input.unit.code())
        .bind(input.direction.code())
        .bind(input.kind.code())
        .bind(input.scale_max)
        .bind(input.axis.code())
        .bind(input.result_node_id.map(ResultNodeId::get))
        .bind(&input.data_source)
        .bind(input.frequency.code())
        .bind(input.period_kind.code())
        .bind(input.owner_organization_id.map(OrganizationId::get))
        .bind(input.aggregation.code())
        .bind(input.weight_code.as_ref().map(IndicatorCode::as_str))
        .bind(input.formula.as_ref().map(|f| f.as_str()))
        .bind(input.population_code.as_ref().map(IndicatorCode::as_str))
        .bind(i64::from(input.decimals))
        .bind(serde_json::to_string(&input.breakdowns).unwrap_or_else(|_| "[]".into()))
        .bind(input.valid_min)
        .bind(input.valid_max)
        .bind(input.baseline.map(|(p, _)| p.key()))
        .bind(input.baseline.map(|(_, v)| v))
        .bind(input.coverage.expected.code())
        .bind(input.coverage.group_id.map(PlaceGroupId::get))
        .bind(input.coverage.threshold)
        .bind(input.no_change_band)
}

macro_rules! indicator_columns {
    () => {
        "code, name_he, name_en, definition_he, definition_en, unit, direction, kind,
    scale_max, axis, result_node_id, data_source, frequency, period_kind, owner_organization_id,
    aggregation, weight_code, formula, population_code, decimals, breakdowns, valid_min, valid_max,
    baseline_period, baseline_value, coverage_expected, coverage_group_id, coverage_threshold,
    no_change_band"
    };
}

// ---- values ----

/// The ids of breakdown cells, adding the ones not yet stored.
async fn cell_ids(
    conn: &mut SqliteConnection,
    cells: impl Iterator<Item = &Cell>,
) -> StoreResult<HashMap<Cell, i64>> {
    let mut ids = HashMap::from([(Cell::total(), 0)]);
    let distinct: HashSet<&Cell> = cells.filter(|c| !c.is_total()).collect();
    for cell in distinct {
        sqlx::query("INSERT OR IGNORE INTO breakdown_cells (key) VALUES (?1)")
            .bind(cell.key())
            .execute(&mut *conn)
            .await
            .map_err(backend)?;
        let id: i64 = sqlx::query_scalar("SELECT id FROM breakdown_cells WHERE key = ?1")
            .bind(cell.key())
            .fetch_one(&mut *conn)
            .await
            .map_err(backend)?;
        ids.insert(cell.clone(), id);
    }
    Ok(ids)
}

async fn existing_cell_id(conn: &mut SqliteConnection, cell: &Cell) -> StoreResult<Option<i64>> {
    if cell.is_total() {
        return Ok(Some(0));
    }
    sqlx::query_scalar("SELECT id FROM breakdown_cells WHERE key = ?1")
        .bind(cell.key())
        .fetch_optional(conn)
        .await
        .map_err(backend)
}

/// Refuses any indicator or place that is not the initiative's.
async fn check_value_owners(
    conn: &mut SqliteConnection,
    initiative: InitiativeId,
    values: &[NewValue],
) -> StoreResult<()> {
    let indicators: HashSet<i64> = values.iter().map(|v| v.indicator_id.get()).collect();
    let places: HashSet<i64> = values.iter().map(|v| v.place_id.get()).collect();
    for (table, ids) in [("indicators", indicators), ("places", places)] {
        let list = serde_json::to_string(&ids.iter().collect::<Vec<_>>())
            .map_err(|e| StoreError::Backend(e.to_string()))?;
        let statement = if table == "indicators" {
            "SELECT COUNT(*) FROM indicators WHERE initiative_id = ?1 AND id IN (SELECT value FROM json_each(?2))"
        } else {
            "SELECT COUNT(*) FROM places WHERE initiative_id = ?1 AND id IN (SELECT value FROM json_each(?2))"
        };
        let found: i64 = sqlx::query_scalar(statement)
            .bind(initiative.get())
            .bind(list)
            .fetch_one(&mut *conn)
            .await
            .map_err(backend)?;
        if found as usize != ids.len() {
            return Err(StoreError::NotFound);
        }
    }
    Ok(())
}

/// SQLite allows 32,766 bound parameters in one statement; nine per value.
const VALUES_PER_STATEMENT: usize = 3_000;

/// A [`ValueWriter`] holding its write transaction; dropped unfinished, it rolls back.
struct SqliteValueWriter {
    tx: sqlx::Transaction<'static, Sqlite>,
    actor: Actor,
    initiative: InitiativeId,
    source: NewSource,
    source_id: i64,
    state: ValueState,
    now: chrono::DateTime<Utc>,
    /// The ids of the places added so far, by placeholder index.
    new_place_ids: Vec<PlaceId>,
    cells: HashMap<Cell, i64>,
    staged: u64,
}

#[async_trait::async_trait]
impl ValueWriter for SqliteValueWriter {
    async fn add(&mut self, new_places: &[PlaceRow], values: &[NewValue]) -> StoreResult<()> {
        let tx = &mut self.tx;
        if !new_places.is_empty() {
            let (_, ids) = import_place_rows(tx, self.actor, self.initiative, new_places).await?;
            self.new_place_ids.extend(ids);
        }
        let resolved;
        let values = if self.new_place_ids.is_empty() {
            values
        } else {
            resolved = values
                .iter()
                .map(|v| {
                    let mut v = v.clone();
                    if let Some(index) = PlaceRow::placeholder_index(v.place_id) {
                        v.place_id = *self.new_place_ids.get(index).ok_or(StoreError::NotFound)?;
                    }
                    Ok(v)
                })
                .collect::<StoreResult<Vec<_>>>()?;
            &resolved[..]
        };
        check_value_owners(tx, self.initiative, values).await?;
        let unseen: Vec<&Cell> = values
            .iter()
            .map(|v| &v.cell)
            .filter(|c| !self.cells.contains_key(*c))
            .collect();
        if !unseen.is_empty() {
            self.cells.extend(cell_ids(tx, unseen.into_iter()).await?);
        }
        for chunk in values.chunks(VALUES_PER_STATEMENT) {
            let mut insert: QueryBuilder<Sqlite> = QueryBuilder::new(
                "INSERT INTO temp.incoming_values (indicator_id, period, place_id, cell_id, value, missing, note, state, source_id) ",
            );
            insert.push_values(chunk, |mut b, v| {
                b.push_bind(v.indicator_id.get())
                    .push_bind(v.period.key())
                    .push_bind(v.place_id.get())
                    .push_bind(self.cells.get(&v.cell).copied().unwrap_or(0))
                    .push_bind(v.value)
                    .push_bind(v.missing.map(MissingReason::code))
                    .push_bind(v.note.as_deref())
                    .push_bind(self.state.as_number())
                    .push_bind(self.source_id);
            });
            insert.build().execute(&mut **tx).await.map_err(|e| {
                if let sqlx::Error::Database(db) = &e
                    && db.is_unique_violation()
                {
                    return StoreError::Conflict(Conflict::DuplicateValue);
                }
                backend(e)
            })?;
        }
        self.staged += values.len() as u64;
        Ok(())
    }

    async fn finish(self: Box<Self>) -> StoreResult<ValueWriteOutcome> {
        let Self {
            mut tx,
            actor,
            initiative,
            source,
            source_id,
            now,
            staged,
            ..
        } = *self;
        let changed = sqlx::query(
            "INSERT INTO value_history (indicator_id, period, place_id, cell_id, value, missing, note, state, source_id, replaced_at)
             SELECT d.indicator_id, d.period, d.place_id, d.cell_id, d.value, d.missing, d.note, d.state, d.source_id, ?1
             FROM temp.incoming_values i
             JOIN data_values d ON d.indicator_id = i.indicator_id AND d.period = i.period
                 AND d.place_id = i.place_id AND d.cell_id = i.cell_id
             WHERE (d.value IS NOT i.value OR d.missing IS NOT i.missing
                    OR d.note IS NOT i.note OR d.state != i.state)
               AND NOT (i.value IS NULL AND i.missing = 'missing' AND d.value IS NOT NULL)",
        )
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(backend)?
        .rows_affected();
        let written = sqlx::query(
            "INSERT INTO data_values (indicator_id, period, place_id, cell_id, value, missing, note, state, source_id)
             SELECT indicator_id, period, place_id, cell_id, value, missing, note, state, source_id
             FROM temp.incoming_values WHERE true
             ON CONFLICT (indicator_id, period, place_id, cell_id) DO UPDATE SET
                 value = excluded.value, missing = excluded.missing, note = excluded.note,
                 state = excluded.state, source_id = excluded.source_id
             WHERE (data_values.value IS NOT excluded.value OR data_values.missing IS NOT excluded.missing
                    OR data_values.note IS NOT excluded.note OR data_values.state != excluded.state)
               AND NOT (excluded.value IS NULL AND excluded.missing = 'missing'
                        AND data_values.value IS NOT NULL)",
        )
        .execute(&mut *tx)
        .await
        .map_err(backend)?
        .rows_affected();
        sqlx::query("DELETE FROM temp.incoming_values")
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        let added = written.saturating_sub(changed);
        let unchanged = staged.saturating_sub(written);
        sqlx::query("UPDATE data_sources SET rows = ?1 WHERE id = ?2")
            .bind(staged as i64)
            .bind(source_id)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("data_source", source_id),
            AuditAction::Create,
            None,
            Some(&ValueBatch {
                source: &source.name,
                kind: source.kind,
                added,
                changed,
                unchanged,
            }),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(ValueWriteOutcome {
            source_id: DataSourceId::new(source_id),
            added,
            changed,
            unchanged,
        })
    }
}

fn data_source(row: &SqliteRow) -> StoreResult<DataSource> {
    Ok(DataSource {
        id: DataSourceId::new(get(row, "id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        kind: choice(row, "kind", SourceKind::parse)?,
        name: get(row, "name")?,
        created_by: get(row, "created_by_name")?,
        created_at: timestamp(row, "created_at")?,
        rows: get::<i64>(row, "rows")?.max(0) as u64,
    })
}

macro_rules! source_select {
    () => {
        "SELECT s.*, u.name AS created_by_name FROM data_sources s LEFT JOIN users u ON u.id = s.created_by "
    };
}

fn data_value(row: &SqliteRow) -> StoreResult<DataValue> {
    let key: String = get(row, "cell_key")?;
    Ok(DataValue {
        indicator_id: IndicatorId::new(get(row, "indicator_id")?),
        place_id: PlaceId::new(get(row, "place_id")?),
        period: period_of(row, "period")?,
        cell: Cell::from_key(&key),
        value: get(row, "value")?,
        missing: optional_choice(row, "missing", MissingReason::parse)?,
        note: get(row, "note")?,
        state: state_of(row)?,
        source_id: DataSourceId::new(get(row, "source_id")?),
    })
}

fn json_ids(ids: impl Iterator<Item = i64>) -> String {
    serde_json::to_string(&ids.collect::<Vec<_>>()).unwrap_or_else(|_| "[]".into())
}

/// A summary of a batch of values, for the audit log (the values themselves are too many;
/// each keeps its source and history).
#[derive(Serialize)]
struct ValueBatch<'a> {
    source: &'a str,
    kind: SourceKind,
    added: u64,
    changed: u64,
    unchanged: u64,
}

#[async_trait]
impl MeasurementStore for SqliteStore {
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

    async fn create_place_group(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        name: &str,
        places: &[PlaceId],
    ) -> StoreResult<PlaceGroup> {
        let mut tx = self.write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO place_groups (initiative_id, name, name_key, created_at) VALUES (?1, ?2, ?3, ?4)
             RETURNING id",
        )
        .bind(initiative.get())
        .bind(name)
        .bind(fold(name))
        .bind(Utc::now())
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        for place in places {
            check_owned(&mut tx, Owned::Place(*place), initiative).await?;
            sqlx::query(
                "INSERT OR IGNORE INTO place_group_members (group_id, place_id) VALUES (?1, ?2)",
            )
            .bind(id)
            .bind(place.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        }
        let group = PlaceGroup {
            id: PlaceGroupId::new(id),
            initiative_id: initiative,
            name: name.to_string(),
            place_ids: places.to_vec(),
        };
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("place_group", id),
            AuditAction::Create,
            None,
            Some(&group),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(group)
    }

    async fn delete_place_group(&self, actor: Actor, id: PlaceGroupId) -> StoreResult<()> {
        let tx = self.write().await?;
        let groups = {
            let initiative: i64 =
                sqlx::query_scalar("SELECT initiative_id FROM place_groups WHERE id = ?1")
                    .bind(id.get())
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(backend)?
                    .ok_or(StoreError::NotFound)?;
            self.place_groups(InitiativeId::new(initiative)).await?
        };
        let before = groups
            .into_iter()
            .find(|g| g.id == id)
            .ok_or(StoreError::NotFound)?;
        commit_delete(
            tx,
            actor,
            before.initiative_id,
            "DELETE FROM place_groups WHERE id = ?1",
            ("place_group", id.get()),
            &before,
        )
        .await
    }

    async fn place_groups(&self, initiative: InitiativeId) -> StoreResult<Vec<PlaceGroup>> {
        let rows = sqlx::query(
            "SELECT g.id, g.name, m.place_id FROM place_groups g
             LEFT JOIN place_group_members m ON m.group_id = g.id
             WHERE g.initiative_id = ?1 ORDER BY g.name_key, g.id, m.place_id",
        )
        .bind(initiative.get())
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        let mut groups: Vec<PlaceGroup> = Vec::new();
        for row in rows {
            let id = PlaceGroupId::new(get(&row, "id")?);
            if groups.last().is_none_or(|g| g.id != id) {
                groups.push(PlaceGroup {
                    id,
                    initiative_id: initiative,
                    name: get(&row, "name")?,
                    place_ids: Vec::new(),
                });
            }
            if let (Some(group), Some(place)) =
                (groups.last_mut(), get::<Option<i64>>(&row, "place_id")?)
            {
                group.place_ids.push(PlaceId::new(place));
            }
        }
        Ok(groups)
    }

    async fn create_indicator(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &IndicatorInput,
    ) -> StoreResult<Indicator> {
        let mut tx = self.write().await?;
        check_indicator_references(&mut tx, initiative, input).await?;
        let statement = concat!(
            "INSERT INTO indicators (",
            indicator_columns!(),
            ", initiative_id, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                     ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?31)
             RETURNING id"
        );
        let id: i64 = bind_indicator(sqlx::query(statement), input)
            .bind(initiative.get())
            .bind(Utc::now())
            .fetch_one(&mut *tx)
            .await
            .map_err(backend)
            .and_then(|row| get(&row, "id"))?;
        let created = fetch_indicator(&mut tx, IndicatorId::new(id)).await?;
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("indicator", id),
            AuditAction::Create,
            None,
            Some(&created),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn update_indicator(
        &self,
        actor: Actor,
        id: IndicatorId,
        input: &IndicatorInput,
    ) -> StoreResult<Indicator> {
        let mut tx = self.write().await?;
        let before = fetch_indicator(&mut tx, id).await?;
        check_indicator_references(&mut tx, before.initiative_id, input).await?;
        let statement = concat!(
            "UPDATE indicators SET (",
            indicator_columns!(),
            ", updated_at) =
                (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                 ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30)
             WHERE id = ?31"
        );
        bind_indicator(sqlx::query(statement), input)
            .bind(Utc::now())
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        let after = fetch_indicator(&mut tx, id).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("indicator", id.get()),
            before,
            after,
        )
        .await
    }

    async fn delete_indicator(&self, actor: Actor, id: IndicatorId) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let indicator = fetch_indicator(&mut tx, id).await?;
        // The audit entry keeps every value and every earlier reading, one array each in
        // the order of VALUE_COLUMNS, so a deletion can be undone from the log.
        let mut kept = Vec::new();
        for statement in [
            "SELECT json_group_array(json_array(v.period, v.place_id, c.key, v.value,
                 v.missing, v.note, v.state, v.source_id))
             FROM data_values v JOIN breakdown_cells c ON c.id = v.cell_id
             WHERE v.indicator_id = ?1",
            "SELECT json_group_array(json_array(v.period, v.place_id, c.key, v.value,
                 v.missing, v.note, v.state, v.source_id))
             FROM value_history v JOIN breakdown_cells c ON c.id = v.cell_id
             WHERE v.indicator_id = ?1",
        ] {
            let json: String = sqlx::query_scalar(statement)
                .bind(id.get())
                .fetch_one(&mut *tx)
                .await
                .map_err(backend)?;
            kept.push(
                serde_json::from_str::<serde_json::Value>(&json)
                    .map_err(|e| StoreError::Backend(e.to_string()))?,
            );
        }
        let history = kept.pop().unwrap_or_default();
        let values = kept.pop().unwrap_or_default();
        let before = serde_json::json!({
            "indicator": indicator,
            "value_columns": kesher_store::DELETED_VALUE_COLUMNS,
            "values": values,
            "value_history": history,
        });
        for statement in [
            "DELETE FROM data_values WHERE indicator_id = ?1",
            "DELETE FROM value_history WHERE indicator_id = ?1",
        ] {
            sqlx::query(statement)
                .bind(id.get())
                .execute(&mut *tx)
                .await
                .map_err(backend)?;
        }
        commit_delete(
            tx,
            actor,
            indicator.initiative_id,
            "DELETE FROM indicators WHERE id = ?1",
            ("indicator", id.get()),
            &before,
        )
        .await
    }

    async fn count_indicator_values(&self, id: IndicatorId) -> StoreResult<u64> {
        let count: i64 =
            sqlx::query_scalar("SELECT count(*) FROM data_values WHERE indicator_id = ?1")
                .bind(id.get())
                .fetch_one(&mut *self.read().await?)
                .await
                .map_err(backend)?;
        Ok(count as u64)
    }

    async fn indicator(&self, id: IndicatorId) -> StoreResult<Indicator> {
        fetch_indicator(&mut *self.read().await?, id).await
    }

    async fn indicators(&self, initiative: InitiativeId) -> StoreResult<Vec<Indicator>> {
        let mut conn = self.read().await?;
        let mut targets: HashMap<i64, Vec<Target>> = HashMap::new();
        for row in sqlx::query(
            "SELECT t.* FROM targets t JOIN indicators i ON i.id = t.indicator_id
             WHERE i.initiative_id = ?1 ORDER BY t.period",
        )
        .bind(initiative.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?
        {
            let t = target(&row)?;
            targets.entry(t.indicator_id.get()).or_default().push(t);
        }
        sqlx::query("SELECT * FROM indicators WHERE initiative_id = ?1 ORDER BY code")
            .bind(initiative.get())
            .fetch_all(&mut *conn)
            .await
            .map_err(backend)?
            .iter()
            .map(|row| {
                let id: i64 = get(row, "id")?;
                indicator(row, targets.remove(&id).unwrap_or_default())
            })
            .collect()
    }

    async fn set_target(
        &self,
        actor: Actor,
        indicator: IndicatorId,
        input: &TargetInput,
    ) -> StoreResult<Indicator> {
        let mut tx = self.write().await?;
        let before = fetch_indicator(&mut tx, indicator).await?;
        if let Some(place) = input.benchmark_place_id {
            check_owned(&mut tx, Owned::Place(place), before.initiative_id).await?;
        }
        sqlx::query(
            "INSERT INTO targets (indicator_id, period, value, benchmark_place_id, note)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (indicator_id, period) DO UPDATE SET value = excluded.value,
                 benchmark_place_id = excluded.benchmark_place_id, note = excluded.note",
        )
        .bind(indicator.get())
        .bind(input.period.key())
        .bind(input.value)
        .bind(input.benchmark_place_id.map(PlaceId::get))
        .bind(&input.note)
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        let after = fetch_indicator(&mut tx, indicator).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("indicator", indicator.get()),
            before,
            after,
        )
        .await
    }

    async fn delete_target(&self, actor: Actor, id: TargetId) -> StoreResult<Indicator> {
        let mut tx = self.write().await?;
        let indicator: i64 = sqlx::query_scalar("SELECT indicator_id FROM targets WHERE id = ?1")
            .bind(id.get())
            .fetch_optional(&mut *tx)
            .await
            .map_err(backend)?
            .ok_or(StoreError::NotFound)?;
        let indicator = IndicatorId::new(indicator);
        let before = fetch_indicator(&mut tx, indicator).await?;
        sqlx::query("DELETE FROM targets WHERE id = ?1")
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        let after = fetch_indicator(&mut tx, indicator).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("indicator", indicator.get()),
            before,
            after,
        )
        .await
    }

    async fn create_validation_rule(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        rule: &ValidationRule,
    ) -> StoreResult<StoredRule> {
        let mut tx = self.write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO validation_rules (initiative_id, left_code, comparison, right_code, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
        )
        .bind(initiative.get())
        .bind(rule.left.as_str())
        .bind(rule.comparison.code())
        .bind(rule.right.as_str())
        .bind(Utc::now())
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        let stored = StoredRule {
            id,
            initiative_id: initiative,
            rule: rule.clone(),
        };
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("validation_rule", id),
            AuditAction::Create,
            None,
            Some(&stored),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(stored)
    }

    async fn delete_validation_rule(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        id: i64,
    ) -> StoreResult<()> {
        let before = self
            .validation_rules(initiative)
            .await?
            .into_iter()
            .find(|r| r.id == id)
            .ok_or(StoreError::NotFound)?;
        let tx = self.write().await?;
        commit_delete(
            tx,
            actor,
            initiative,
            "DELETE FROM validation_rules WHERE id = ?1",
            ("validation_rule", id),
            &before,
        )
        .await
    }

    async fn validation_rules(&self, initiative: InitiativeId) -> StoreResult<Vec<StoredRule>> {
        sqlx::query("SELECT * FROM validation_rules WHERE initiative_id = ?1 ORDER BY id")
            .bind(initiative.get())
            .fetch_all(&self.pool)
            .await
            .map_err(backend)?
            .iter()
            .map(|row| {
                let code = |column: &str| -> StoreResult<IndicatorCode> {
                    let raw: String = get(row, column)?;
                    IndicatorCode::parse(&raw).map_err(|_| StoreError::Backend(raw))
                };
                Ok(StoredRule {
                    id: get(row, "id")?,
                    initiative_id: initiative,
                    rule: ValidationRule {
                        left: code("left_code")?,
                        comparison: choice(row, "comparison", Comparison::parse)?,
                        right: code("right_code")?,
                    },
                })
            })
            .collect()
    }

    async fn begin_values(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        source: &NewSource,
        state: ValueState,
    ) -> StoreResult<Box<dyn ValueWriter>> {
        let mut tx = self.write().await?;
        let now = Utc::now();
        let source_id: i64 = sqlx::query_scalar(
            "INSERT INTO data_sources (initiative_id, kind, name, created_by, created_at, rows)
             VALUES (?1, ?2, ?3, ?4, ?5, 0) RETURNING id",
        )
        .bind(initiative.get())
        .bind(source.kind.code())
        .bind(&source.name)
        .bind(actor.user_id().map(UserId::get))
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        // The batches go to a temporary table first; comparing and merging it are then two
        // statements, however many values it holds.
        sqlx::query(
            "CREATE TEMP TABLE IF NOT EXISTS incoming_values (
                indicator_id INTEGER NOT NULL, period INTEGER NOT NULL, place_id INTEGER NOT NULL,
                cell_id INTEGER NOT NULL, value REAL, missing TEXT, note TEXT,
                state INTEGER NOT NULL, source_id INTEGER NOT NULL,
                PRIMARY KEY (indicator_id, period, place_id, cell_id)) WITHOUT ROWID",
        )
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        sqlx::query("DELETE FROM temp.incoming_values")
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        Ok(Box::new(SqliteValueWriter {
            tx,
            actor,
            initiative,
            source: source.clone(),
            source_id,
            state,
            now,
            new_place_ids: Vec::new(),
            cells: HashMap::from([(Cell::total(), 0)]),
            staged: 0,
        }))
    }

    async fn change_value_state(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        keys: &[ValueKey],
        from: &[ValueState],
        to: ValueState,
        note: Option<&str>,
    ) -> StoreResult<u64> {
        let mut tx = self.write().await?;
        let now = Utc::now();
        let from = json_ids(from.iter().map(|s| s.as_number()));
        let mut moved = 0;
        let mut moved_keys = Vec::new();
        for key in keys {
            check_owned(&mut tx, Owned::Indicator(key.indicator_id), initiative).await?;
            let Some(cell) = existing_cell_id(&mut tx, &key.cell).await? else {
                continue;
            };
            let binds = |q: sqlx::query::Query<'static, Sqlite, sqlx::sqlite::SqliteArguments>| {
                q.bind(key.indicator_id.get())
                    .bind(key.period.key())
                    .bind(key.place_id.get())
                    .bind(cell)
            };
            let history = binds(sqlx::query(
                "INSERT INTO value_history (indicator_id, period, place_id, cell_id, value, missing, note, state, source_id, replaced_at)
                 SELECT indicator_id, period, place_id, cell_id, value, missing, note, state, source_id, ?6
                 FROM data_values
                 WHERE indicator_id = ?1 AND period = ?2 AND place_id = ?3 AND cell_id = ?4
                   AND state IN (SELECT value FROM json_each(?5))",
            ))
            .bind(from.clone())
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(backend)?
            .rows_affected();
            if history == 0 {
                continue;
            }
            binds(sqlx::query(
                "UPDATE data_values SET state = ?5, note = ?6
                 WHERE indicator_id = ?1 AND period = ?2 AND place_id = ?3 AND cell_id = ?4",
            ))
            .bind(to.as_number())
            .bind(note.map(str::to_string))
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
            moved += 1;
            moved_keys.push(key.clone());
        }
        if moved > 0 {
            #[derive(Serialize)]
            struct StateChange<'a> {
                state: ValueState,
                note: Option<&'a str>,
                values: &'a [ValueKey],
            }
            record_in::<(), _>(
                &mut tx,
                actor,
                initiative,
                ("data_values", 0),
                AuditAction::Update,
                None,
                Some(&StateChange {
                    state: to,
                    note,
                    values: &moved_keys,
                }),
            )
            .await?;
        }
        tx.commit().await.map_err(backend)?;
        Ok(moved)
    }

    async fn values(&self, filter: &ValueFilter) -> StoreResult<Vec<DataValue>> {
        let mut query: QueryBuilder<Sqlite> = QueryBuilder::new(
            "SELECT v.*, c.key AS cell_key FROM data_values v
             JOIN breakdown_cells c ON c.id = v.cell_id WHERE 1 = 1",
        );
        let lists: [(&str, String, bool); 4] = [
            (
                " AND v.indicator_id IN (SELECT value FROM json_each(",
                json_ids(filter.indicator_ids.iter().map(|i| i.get())),
                filter.indicator_ids.is_empty(),
            ),
            (
                " AND v.period IN (SELECT value FROM json_each(",
                json_ids(filter.periods.iter().map(|p| p.key())),
                filter.periods.is_empty(),
            ),
            (
                " AND v.place_id IN (SELECT value FROM json_each(",
                json_ids(filter.place_ids.iter().map(|p| p.get())),
                filter.place_ids.is_empty(),
            ),
            (
                " AND v.state IN (SELECT value FROM json_each(",
                json_ids(filter.states.iter().map(|s| s.as_number())),
                filter.states.is_empty(),
            ),
        ];
        for (clause, list, empty) in lists {
            if !empty {
                query.push(clause).push_bind(list).push("))");
            }
        }
        if filter.totals_only {
            query.push(" AND v.cell_id = 0");
        }
        query.push(" ORDER BY v.indicator_id, v.period, v.place_id, v.cell_id");
        query
            .build()
            .fetch_all(&self.pool)
            .await
            .map_err(backend)?
            .iter()
            .map(data_value)
            .collect()
    }

    async fn visit_approved_values(
        &self,
        initiative: InitiativeId,
        visit: &mut (dyn for<'c> FnMut(ApprovedValue<'c>) + Send),
    ) -> StoreResult<()> {
        use futures_util::TryStreamExt;
        let mut conn = self.read().await?;
        let cells: HashMap<i64, Cell> =
            sqlx::query_as::<_, (i64, String)>("SELECT id, key FROM breakdown_cells")
                .fetch_all(&mut *conn)
                .await
                .map_err(backend)?
                .into_iter()
                .map(|(id, key)| (id, Cell::from_key(&key)))
                .chain(std::iter::once((0, Cell::total())))
                .collect();
        // Rows are read as a stream of plain tuples: a full row object per value would take
        // gigabytes at a national scale.
        let mut rows = sqlx::query_as::<_, (i64, i64, i64, i64, Option<f64>)>(
            "SELECT v.indicator_id, v.period, v.place_id, v.cell_id, v.value
             FROM data_values v JOIN indicators i ON i.id = v.indicator_id
             WHERE i.initiative_id = ?1 AND v.state = ?2
               AND (v.value IS NOT NULL OR v.missing IS NOT ?3)",
        )
        .bind(initiative.get())
        .bind(ValueState::Approved.as_number())
        .bind(MissingReason::NotApplicable.code())
        .fetch(&mut *conn);
        while let Some((indicator, period, place, cell, value)) =
            rows.try_next().await.map_err(backend)?
        {
            let (Some(period), Some(cell)) = (Period::from_key(period), cells.get(&cell)) else {
                continue;
            };
            visit(ApprovedValue {
                indicator_id: IndicatorId::new(indicator),
                period,
                place_id: PlaceId::new(place),
                cell,
                value,
            });
        }
        Ok(())
    }

    async fn value_periods(&self, indicator: IndicatorId) -> StoreResult<Vec<Period>> {
        let keys: Vec<i64> = sqlx::query_scalar(
            "SELECT DISTINCT period FROM data_values WHERE indicator_id = ?1 ORDER BY period",
        )
        .bind(indicator.get())
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        Ok(keys.into_iter().filter_map(Period::from_key).collect())
    }

    async fn value_history(&self, key: &ValueKey) -> StoreResult<Vec<ValueVersion>> {
        let mut conn = self.read().await?;
        let Some(cell) = existing_cell_id(&mut conn, &key.cell).await? else {
            return Err(StoreError::NotFound);
        };
        let statement = "SELECT * FROM (
                SELECT 0 AS past, NULL AS replaced_at, NULL AS history_id, value, missing, note, state, source_id
                FROM data_values WHERE indicator_id = ?1 AND period = ?2 AND place_id = ?3 AND cell_id = ?4
                UNION ALL
                SELECT 1, replaced_at, id, value, missing, note, state, source_id
                FROM value_history WHERE indicator_id = ?1 AND period = ?2 AND place_id = ?3 AND cell_id = ?4
             ) ORDER BY past, history_id DESC";
        let rows = sqlx::query(statement)
            .bind(key.indicator_id.get())
            .bind(key.period.key())
            .bind(key.place_id.get())
            .bind(cell)
            .fetch_all(&mut *conn)
            .await
            .map_err(backend)?;
        let mut sources: HashMap<i64, DataSource> = HashMap::new();
        let mut versions = Vec::with_capacity(rows.len());
        for row in rows {
            let source_id: i64 = get(&row, "source_id")?;
            let source = match sources.get(&source_id) {
                Some(source) => source.clone(),
                None => {
                    let row = sqlx::query(concat!(source_select!(), "WHERE s.id = ?1"))
                        .bind(source_id)
                        .fetch_one(&mut *conn)
                        .await
                        .map_err(backend)?;
                    let source = data_source(&row)?;
                    sources.insert(source_id, source.clone());
                    source
                }
            };
            versions.push(ValueVersion {
                value: get(&row, "value")?,
                missing: optional_choice(&row, "missing", MissingReason::parse)?,
                note: get(&row, "note")?,
                state: state_of(&row)?,
                source,
                replaced_at: get(&row, "replaced_at")?,
            });
        }
        Ok(versions)
    }

    async fn data_source(&self, id: DataSourceId) -> StoreResult<DataSource> {
        let row = sqlx::query(concat!(source_select!(), "WHERE s.id = ?1"))
            .bind(id.get())
            .fetch_optional(&self.pool)
            .await
            .map_err(backend)?
            .ok_or(StoreError::NotFound)?;
        data_source(&row)
    }

    async fn data_sources(&self, initiative: InitiativeId) -> StoreResult<Vec<DataSource>> {
        sqlx::query(concat!(
            source_select!(),
            "WHERE s.initiative_id = ?1 ORDER BY s.id DESC"
        ))
        .bind(initiative.get())
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?
        .iter()
        .map(data_source)
        .collect()
    }

    async fn save_column_mapping(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        purpose: &str,
        name: &str,
        mapping: &serde_json::Value,
    ) -> StoreResult<ColumnMapping> {
        let mut tx = self.write().await?;
        let row = sqlx::query(
            "INSERT INTO column_mappings (initiative_id, purpose, name, mapping, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (initiative_id, purpose, name) DO UPDATE SET mapping = excluded.mapping,
                 updated_at = excluded.updated_at
             RETURNING *",
        )
        .bind(initiative.get())
        .bind(purpose)
        .bind(name)
        .bind(mapping.to_string())
        .bind(Utc::now())
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        let saved = column_mapping(&row)?;
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("column_mapping", saved.id.get()),
            AuditAction::Update,
            None,
            Some(&saved),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(saved)
    }

    async fn data_version(&self, initiative: InitiativeId) -> StoreResult<i64> {
        let version: Option<i64> =
            sqlx::query_scalar("SELECT MAX(id) FROM audit_log WHERE initiative_id = ?1")
                .bind(initiative.get())
                .fetch_one(&self.pool)
                .await
                .map_err(backend)?;
        Ok(version.unwrap_or(0))
    }

    async fn column_mappings(&self, initiative: InitiativeId) -> StoreResult<Vec<ColumnMapping>> {
        sqlx::query("SELECT * FROM column_mappings WHERE initiative_id = ?1 ORDER BY purpose, name")
            .bind(initiative.get())
            .fetch_all(&self.pool)
            .await
            .map_err(backend)?
            .iter()
            .map(column_mapping)
            .collect()
    }
}

fn column_mapping(row: &SqliteRow) -> StoreResult<ColumnMapping> {
    let raw: String = get(row, "mapping")?;
    Ok(ColumnMapping {
        id: ColumnMappingId::new(get(row, "id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        purpose: get(row, "purpose")?,
        name: get(row, "name")?,
        mapping: serde_json::from_str(&raw).map_err(|e| StoreError::Backend(e.to_string()))?,
        updated_at: timestamp(row, "updated_at")?,
    })
}

fn report_card(row: &SqliteRow) -> StoreResult<ReportCard> {
    let indicators: String = get(row, "indicators")?;
    Ok(ReportCard {
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        slug: get(row, "slug")?,
        title: get(row, "title")?,
        indicators: serde_json::from_str(&indicators)
            .map_err(|e| StoreError::Backend(e.to_string()))?,
        threshold: get::<i64>(row, "threshold")?.clamp(0, i64::from(u32::MAX)) as u32,
        published: get::<i64>(row, "published")? != 0,
        updated_at: timestamp(row, "updated_at")?,
    })
}

#[async_trait]
impl ReportCardStore for SqliteStore {
    async fn report_card(&self, initiative: InitiativeId) -> StoreResult<Option<ReportCard>> {
        sqlx::query("SELECT * FROM report_cards WHERE initiative_id = ?1")
            .bind(initiative.get())
            .fetch_optional(&self.pool)
            .await
            .map_err(backend)?
            .as_ref()
            .map(report_card)
            .transpose()
    }

    async fn report_card_by_slug(&self, slug: &str) -> StoreResult<Option<ReportCard>> {
        sqlx::query("SELECT * FROM report_cards WHERE slug = ?1")
            .bind(slug)
            .fetch_optional(&self.pool)
            .await
            .map_err(backend)?
            .as_ref()
            .map(report_card)
            .transpose()
    }

    async fn save_report_card(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        slug: &str,
        input: &ReportCardInput,
    ) -> StoreResult<ReportCard> {
        let mut tx = self.write().await?;
        let before = sqlx::query("SELECT * FROM report_cards WHERE initiative_id = ?1")
            .bind(initiative.get())
            .fetch_optional(&mut *tx)
            .await
            .map_err(backend)?
            .as_ref()
            .map(report_card)
            .transpose()?;
        let row = sqlx::query(
            "INSERT INTO report_cards (initiative_id, slug, title, indicators, threshold, published, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (initiative_id) DO UPDATE SET title = excluded.title,
                 indicators = excluded.indicators, threshold = excluded.threshold,
                 published = excluded.published, updated_at = excluded.updated_at
             RETURNING *",
        )
        .bind(initiative.get())
        .bind(slug)
        .bind(&input.title)
        .bind(serde_json::to_string(&input.indicators).unwrap_or_else(|_| "[]".into()))
        .bind(i64::from(input.threshold))
        .bind(i64::from(input.published))
        .bind(Utc::now())
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        let after = report_card(&row)?;
        record_in(
            &mut tx,
            actor,
            initiative,
            ("report_card", initiative.get()),
            if before.is_some() {
                AuditAction::Update
            } else {
                AuditAction::Create
            },
            before.as_ref(),
            Some(&after),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(after)
    }
}

#[async_trait]
impl MeasurementSettingsStore for SqliteStore {
    async fn measurement_settings(
        &self,
        initiative: InitiativeId,
    ) -> StoreResult<MeasurementSettings> {
        let threshold: Option<f64> = sqlx::query_scalar(
            "SELECT proof_point_threshold FROM measurement_settings WHERE initiative_id = ?1",
        )
        .bind(initiative.get())
        .fetch_optional(&self.pool)
        .await
        .map_err(backend)?;
        Ok(MeasurementSettings {
            proof_point_threshold: threshold
                .unwrap_or(kesher_domain::measurement::progress::DEFAULT_PROOF_POINT),
        })
    }

    async fn save_measurement_settings(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        settings: &MeasurementSettings,
    ) -> StoreResult<MeasurementSettings> {
        let mut tx = self.write().await?;
        let before: Option<f64> = sqlx::query_scalar(
            "SELECT proof_point_threshold FROM measurement_settings WHERE initiative_id = ?1",
        )
        .bind(initiative.get())
        .fetch_optional(&mut *tx)
        .await
        .map_err(backend)?;
        sqlx::query(
            "INSERT INTO measurement_settings (initiative_id, proof_point_threshold, updated_at)
             VALUES (?1, ?2, ?3)
             ON CONFLICT (initiative_id) DO UPDATE SET
                 proof_point_threshold = excluded.proof_point_threshold,
                 updated_at = excluded.updated_at",
        )
        .bind(initiative.get())
        .bind(settings.proof_point_threshold)
        .bind(Utc::now())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        let before = before.map(|proof_point_threshold| MeasurementSettings {
            proof_point_threshold,
        });
        record_in(
            &mut tx,
            actor,
            initiative,
            ("measurement_settings", initiative.get()),
            if before.is_some() {
                AuditAction::Update
            } else {
                AuditAction::Create
            },
            before.as_ref(),
            Some(settings),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(*settings)
    }
}
