//! Indicators and their targets.

use std::collections::HashMap;

use async_trait::async_trait;
use chrono::Utc;
use kesher_domain::measurement::coverage::Expected;
use kesher_domain::measurement::indicator::IndicatorCode;
use kesher_domain::measurement::indicator::{
    Aggregation, Axis, Direction, Frequency, IndicatorInput, IndicatorKind, Unit,
};
use kesher_domain::measurement::period::{Period, PeriodKind};
use kesher_domain::measurement::values::TargetInput;
use kesher_domain::*;
use kesher_store::{
    Actor, AuditAction, Indicator, IndicatorStore, StoreError, StoreResult, Target,
};
use sqlx::sqlite::SqliteRow;
use sqlx::{Sqlite, SqliteConnection};

use crate::audit::{commit_delete, commit_update, record_in};
use crate::owned::{Owned, check_owned};
use crate::rows::{choice, get, timestamp};
use crate::{SqliteStore, backend};

use super::*;

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

#[async_trait]
impl IndicatorStore for SqliteStore {
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
}
