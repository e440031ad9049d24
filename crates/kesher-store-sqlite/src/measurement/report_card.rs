//! The public report card.

use async_trait::async_trait;
use chrono::Utc;
use kesher_domain::*;
use kesher_store::{
    Actor, AuditAction, ReportCard, ReportCardInput, ReportCardStore, StoreError, StoreResult,
};
use sqlx::sqlite::SqliteRow;

use crate::audit::record_in;
use crate::rows::{get, timestamp};
use crate::{SqliteStore, backend};

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
