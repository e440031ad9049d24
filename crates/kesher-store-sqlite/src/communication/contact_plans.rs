//! Contact plans of organizations.

use async_trait::async_trait;
use chrono::Utc;
use kesher_domain::bodies::CadenceUnit;
use kesher_domain::updates::{ContactChannel, ContactPlanInput};
use kesher_domain::*;
use kesher_store::{Actor, AuditAction, ContactPlan, ContactPlanStore, StoreError, StoreResult};
use sqlx::SqliteConnection;
use sqlx::sqlite::SqliteRow;

use crate::audit::{commit_delete, commit_update, record_in};
use crate::rows::{choice, get, timestamp};
use crate::{SqliteStore, backend};

macro_rules! plan_select {
    () => {
        "SELECT c.*, o.initiative_id FROM contact_plans c
         JOIN organizations o ON o.id = c.organization_id "
    };
}

fn plan(row: &SqliteRow) -> Result<ContactPlan, StoreError> {
    Ok(ContactPlan {
        organization_id: OrganizationId::new(get(row, "organization_id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        plan: ContactPlanInput {
            purpose: get(row, "purpose")?,
            channel: choice(row, "channel", ContactChannel::parse)?,
            every: get::<i64>(row, "every")? as u16,
            unit: choice(row, "unit", CadenceUnit::parse)?,
        },
        updated_at: timestamp(row, "updated_at")?,
    })
}

async fn fetch(
    conn: &mut SqliteConnection,
    organization: OrganizationId,
) -> StoreResult<Option<ContactPlan>> {
    sqlx::query(concat!(plan_select!(), "WHERE c.organization_id = ?1"))
        .bind(organization.get())
        .fetch_optional(conn)
        .await
        .map_err(backend)?
        .as_ref()
        .map(plan)
        .transpose()
}

#[async_trait]
impl ContactPlanStore for SqliteStore {
    async fn set_contact_plan(
        &self,
        actor: Actor,
        organization: OrganizationId,
        input: &ContactPlanInput,
    ) -> StoreResult<ContactPlan> {
        let mut tx = self.write().await?;
        let initiative: i64 =
            sqlx::query_scalar("SELECT initiative_id FROM organizations WHERE id = ?1")
                .bind(organization.get())
                .fetch_optional(&mut *tx)
                .await
                .map_err(backend)?
                .ok_or(StoreError::NotFound)?;
        let initiative = InitiativeId::new(initiative);
        let before = fetch(&mut tx, organization).await?;
        sqlx::query(
            "INSERT INTO contact_plans (organization_id, purpose, channel, every, unit, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (organization_id) DO UPDATE SET purpose = excluded.purpose,
                 channel = excluded.channel, every = excluded.every, unit = excluded.unit,
                 updated_at = excluded.updated_at",
        )
        .bind(organization.get())
        .bind(&input.purpose)
        .bind(input.channel.code())
        .bind(i64::from(input.every))
        .bind(input.unit.code())
        .bind(Utc::now())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        let after = fetch(&mut tx, organization)
            .await?
            .ok_or(StoreError::NotFound)?;
        let subject = ("contact_plan", organization.get());
        match before {
            Some(before) => commit_update(tx, actor, initiative, subject, before, after).await,
            None => {
                record_in::<(), _>(
                    &mut tx,
                    actor,
                    initiative,
                    subject,
                    AuditAction::Create,
                    None,
                    Some(&after),
                )
                .await?;
                tx.commit().await.map_err(backend)?;
                Ok(after)
            }
        }
    }

    async fn clear_contact_plan(
        &self,
        actor: Actor,
        organization: OrganizationId,
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let before = fetch(&mut tx, organization)
            .await?
            .ok_or(StoreError::NotFound)?;
        commit_delete(
            tx,
            actor,
            before.initiative_id,
            "DELETE FROM contact_plans WHERE organization_id = ?1",
            ("contact_plan", organization.get()),
            &before,
        )
        .await
    }

    async fn contact_plans(&self, initiative: InitiativeId) -> StoreResult<Vec<ContactPlan>> {
        let mut conn = self.read().await?;
        sqlx::query(concat!(
            plan_select!(),
            "WHERE o.initiative_id = ?1 ORDER BY c.organization_id"
        ))
        .bind(initiative.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?
        .iter()
        .map(plan)
        .collect()
    }
}
