//! Indicators that follow a health figure.

use async_trait::async_trait;
use chrono::Utc;
use kesher_domain::health::HealthMeasure;
use kesher_domain::*;
use kesher_store::{
    Actor, AuditAction, HealthIndicator, HealthIndicatorStore, StoreError, StoreResult,
};
use sqlx::sqlite::SqliteRow;

use crate::audit::record_in;
use crate::owned::{Owned, check_owned};
use crate::rows::{choice, get};
use crate::{SqliteStore, backend};

fn link(row: &SqliteRow) -> Result<HealthIndicator, StoreError> {
    Ok(HealthIndicator {
        indicator_id: IndicatorId::new(get(row, "indicator_id")?),
        measure: choice(row, "measure", HealthMeasure::parse)?,
        body_id: BodyId::new(get(row, "body_id")?),
        place_id: PlaceId::new(get(row, "place_id")?),
    })
}

#[async_trait]
impl HealthIndicatorStore for SqliteStore {
    async fn link_health_indicator(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        link: &HealthIndicator,
    ) -> StoreResult<HealthIndicator> {
        let mut tx = self.write().await?;
        check_owned(&mut tx, Owned::Indicator(link.indicator_id), initiative).await?;
        check_owned(&mut tx, Owned::Body(link.body_id), initiative).await?;
        check_owned(&mut tx, Owned::Place(link.place_id), initiative).await?;
        sqlx::query(
            "INSERT INTO health_indicators (indicator_id, measure, body_id, place_id, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (indicator_id) DO UPDATE SET measure = excluded.measure,
                 body_id = excluded.body_id, place_id = excluded.place_id",
        )
        .bind(link.indicator_id.get())
        .bind(link.measure.code())
        .bind(link.body_id.get())
        .bind(link.place_id.get())
        .bind(Utc::now())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("health_indicator", link.indicator_id.get()),
            AuditAction::Create,
            None,
            Some(link),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(link.clone())
    }

    async fn health_indicators(
        &self,
        initiative: InitiativeId,
    ) -> StoreResult<Vec<HealthIndicator>> {
        let mut conn = self.read().await?;
        sqlx::query(
            "SELECT h.* FROM health_indicators h JOIN indicators i ON i.id = h.indicator_id
             WHERE i.initiative_id = ?1 ORDER BY h.indicator_id",
        )
        .bind(initiative.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?
        .iter()
        .map(link)
        .collect()
    }

    async fn unlink_health_indicator(
        &self,
        actor: Actor,
        indicator: IndicatorId,
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let row = sqlx::query(
            "SELECT h.*, i.initiative_id FROM health_indicators h
             JOIN indicators i ON i.id = h.indicator_id WHERE h.indicator_id = ?1",
        )
        .bind(indicator.get())
        .fetch_optional(&mut *tx)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
        let before = link(&row)?;
        let initiative = InitiativeId::new(get(&row, "initiative_id")?);
        sqlx::query("DELETE FROM health_indicators WHERE indicator_id = ?1")
            .bind(indicator.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        record_in::<_, ()>(
            &mut tx,
            actor,
            initiative,
            ("health_indicator", indicator.get()),
            AuditAction::Delete,
            Some(&before),
            None,
        )
        .await?;
        tx.commit().await.map_err(backend)
    }
}
