//! Import drafts, and carrying out an accepted import plan in one transaction.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kesher_domain::import::{Change as PlannedChange, ImportPlan, OrganizationRef};
use kesher_domain::sheet::Table;
use kesher_domain::{ImportDraftId, InitiativeId, OrganizationId, UserId};
use kesher_store::{
    Actor, AuditAction, ImportDraft, ImportOutcome, ImportStore, StoreError, StoreResult,
};
use sqlx::sqlite::SqliteRow;

use crate::audit::{self, Change};
use crate::network::{
    fetch_organization, fetch_person, insert_organization, insert_person, rewrite_organization,
    rewrite_person,
};
use crate::rows::{get, timestamp};
use crate::{SqliteStore, backend};

fn draft(row: &SqliteRow) -> Result<ImportDraft, StoreError> {
    let table: String = get(row, "table_json")?;
    Ok(ImportDraft {
        id: ImportDraftId::new(get(row, "id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        user_id: UserId::new(get(row, "user_id")?),
        file_name: get(row, "file_name")?,
        table: serde_json::from_str(&table).map_err(|e| StoreError::Backend(e.to_string()))?,
        created_at: timestamp(row, "created_at")?,
    })
}

#[async_trait]
impl ImportStore for SqliteStore {
    async fn save_import_draft(
        &self,
        user: UserId,
        initiative: InitiativeId,
        file_name: &str,
        table: &Table,
    ) -> StoreResult<ImportDraft> {
        let json = serde_json::to_string(table).map_err(|e| StoreError::Backend(e.to_string()))?;
        let row = sqlx::query(
            "INSERT INTO import_drafts (initiative_id, user_id, file_name, table_json, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5) RETURNING *",
        )
        .bind(initiative.get())
        .bind(user.get())
        .bind(file_name)
        .bind(json)
        .bind(Utc::now())
        .fetch_one(&self.pool)
        .await
        .map_err(backend)?;
        draft(&row)
    }

    async fn import_draft(&self, id: ImportDraftId) -> StoreResult<ImportDraft> {
        let row = sqlx::query("SELECT * FROM import_drafts WHERE id = ?1")
            .bind(id.get())
            .fetch_optional(&self.pool)
            .await
            .map_err(backend)?
            .ok_or(StoreError::NotFound)?;
        draft(&row)
    }

    async fn delete_import_draft(&self, id: ImportDraftId) -> StoreResult<()> {
        sqlx::query("DELETE FROM import_drafts WHERE id = ?1")
            .bind(id.get())
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn delete_import_drafts_before(&self, before: DateTime<Utc>) -> StoreResult<u64> {
        let done = sqlx::query("DELETE FROM import_drafts WHERE created_at < ?1")
            .bind(before)
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(done.rows_affected())
    }

    async fn apply_import(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        plan: &ImportPlan,
    ) -> StoreResult<ImportOutcome> {
        let mut tx = self.write().await?;
        let mut created_ids: Vec<Option<OrganizationId>> = vec![None; plan.organizations.len()];
        for (index, planned) in plan.organizations.iter().enumerate() {
            match planned.change {
                PlannedChange::Unchanged(_) => {}
                PlannedChange::Create => {
                    let id = insert_organization(&mut tx, initiative, &planned.input).await?;
                    created_ids[index] = Some(id);
                    let after = fetch_organization(&mut tx, id).await?;
                    audit::record::<(), _>(
                        &mut tx,
                        actor,
                        Change {
                            initiative: Some(initiative),
                            entity: "organization",
                            entity_id: id.get(),
                            action: AuditAction::Create,
                            before: None,
                            after: Some(&after),
                        },
                    )
                    .await?;
                }
                PlannedChange::Update(id) => {
                    let before = fetch_organization(&mut tx, id).await?;
                    if before.initiative_id != initiative {
                        return Err(StoreError::NotFound);
                    }
                    rewrite_organization(&mut tx, id, &planned.input).await?;
                    let after = fetch_organization(&mut tx, id).await?;
                    audit::record(
                        &mut tx,
                        actor,
                        Change {
                            initiative: Some(initiative),
                            entity: "organization",
                            entity_id: id.get(),
                            action: AuditAction::Update,
                            before: Some(&before),
                            after: Some(&after),
                        },
                    )
                    .await?;
                }
            }
        }
        for planned in &plan.people {
            let organization = match planned.organization {
                OrganizationRef::Existing(id) => id,
                OrganizationRef::Planned(index) => {
                    created_ids.get(index).copied().flatten().ok_or_else(|| {
                        StoreError::Backend(
                            "import plan refers to an organization it does not create".into(),
                        )
                    })?
                }
            };
            match planned.change {
                PlannedChange::Unchanged(_) => {}
                PlannedChange::Create => {
                    let id =
                        insert_person(&mut tx, initiative, organization, &planned.details).await?;
                    let after = fetch_person(&mut tx, id).await?;
                    audit::record::<(), _>(
                        &mut tx,
                        actor,
                        Change {
                            initiative: Some(initiative),
                            entity: "person",
                            entity_id: id.get(),
                            action: AuditAction::Create,
                            before: None,
                            after: Some(&after),
                        },
                    )
                    .await?;
                }
                PlannedChange::Update(id) => {
                    let before = fetch_person(&mut tx, id).await?;
                    if before.initiative_id != initiative {
                        return Err(StoreError::NotFound);
                    }
                    rewrite_person(&mut tx, id, initiative, organization, &planned.details).await?;
                    let after = fetch_person(&mut tx, id).await?;
                    audit::record(
                        &mut tx,
                        actor,
                        Change {
                            initiative: Some(initiative),
                            entity: "person",
                            entity_id: id.get(),
                            action: AuditAction::Update,
                            before: Some(&before),
                            after: Some(&after),
                        },
                    )
                    .await?;
                }
            }
        }
        tx.commit().await.map_err(backend)?;
        Ok(ImportOutcome {
            organizations: plan.organization_counts(),
            people: plan.people_counts(),
        })
    }
}
