//! The initiative-wide measurement settings.

use async_trait::async_trait;
use chrono::Utc;
use kesher_domain::*;
use kesher_store::{
    Actor, AuditAction, MeasurementSettings, MeasurementSettingsStore, StoreResult,
};

use crate::audit::record_in;
use crate::{SqliteStore, backend};

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
