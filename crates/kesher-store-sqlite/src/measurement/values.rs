//! Data values, written set-wise through a temporary table (so a file of a million values is
//! a handful of statements), moved through the approval workflow, with their history.

use std::collections::{HashMap, HashSet};

use async_trait::async_trait;
use chrono::Utc;
use kesher_domain::measurement::indicator::Cell;
use kesher_domain::measurement::period::Period;
use kesher_domain::measurement::values::{MissingReason, SourceKind, ValueState};
use kesher_domain::*;
use kesher_store::{
    Actor, ApprovedValue, AuditAction, Conflict, DataSource, DataValue, NewSource, NewValue,
    PlaceRow, StoreError, StoreResult, ValueFilter, ValueKey, ValueStore, ValueVersion,
    ValueWriteOutcome, ValueWriter,
};
use serde::Serialize;
use sqlx::sqlite::SqliteRow;
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use crate::audit::record_in;
use crate::owned::{Owned, check_owned};
use crate::rows::get;
use crate::{SqliteStore, backend};

use super::*;

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
impl ValueStore for SqliteStore {
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
}
