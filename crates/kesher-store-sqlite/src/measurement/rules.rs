//! Validation rules between two indicators.

use async_trait::async_trait;
use chrono::Utc;
use kesher_domain::measurement::indicator::IndicatorCode;
use kesher_domain::measurement::quality::{Comparison, ValidationRule};
use kesher_domain::*;
use kesher_store::{Actor, AuditAction, StoreError, StoreResult, StoredRule, ValidationRuleStore};

use crate::audit::{commit_delete, record_in};
use crate::rows::{choice, get};
use crate::{SqliteStore, backend};

#[async_trait]
impl ValidationRuleStore for SqliteStore {
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
}
