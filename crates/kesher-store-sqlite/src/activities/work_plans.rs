//! Work plans, their rows and milestones.

use async_trait::async_trait;
use chrono::{NaiveDate, Utc};
use kesher_domain::activities::work_plan::{
    Executor, ItemStatus, MilestoneInput, PlanInput, PlanItemInput, PlanKind,
};
use kesher_domain::*;
use kesher_store::{
    Actor, AuditAction, Conflict, ItemReport, Milestone, StoreError, StoreResult, WorkPlan,
    WorkPlanItem, WorkPlanStore,
};
use sqlx::SqliteConnection;
use sqlx::sqlite::SqliteRow;

use crate::audit::{commit_delete, commit_update, record_in};
use crate::owned::{Owned, check_owned};
use crate::rows::{choice, date, get, timestamp};
use crate::{SqliteStore, backend};

fn plan_row(row: &SqliteRow) -> Result<WorkPlan, StoreError> {
    Ok(WorkPlan {
        id: WorkPlanId::new(get(row, "id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        kind: choice(row, "kind", PlanKind::parse)?,
        title: get(row, "title")?,
        first_year: get::<i64>(row, "first_year")? as i32,
        last_year: get::<i64>(row, "last_year")? as i32,
        version: get::<i64>(row, "version")? as u32,
        decision_id: get::<Option<i64>>(row, "decision_id")?.map(DecisionId::new),
        approved_at: get(row, "approved_at")?,
        items: Vec::new(),
        created_at: timestamp(row, "created_at")?,
        updated_at: timestamp(row, "updated_at")?,
    })
}

fn item_row(row: &SqliteRow) -> Result<WorkPlanItem, StoreError> {
    let organization: Option<i64> = get(row, "organization_id")?;
    let body: Option<i64> = get(row, "body_id")?;
    let executor = match (organization, body) {
        (Some(o), _) => Executor::Organization(OrganizationId::new(o)),
        (None, Some(b)) => Executor::Body(BodyId::new(b)),
        (None, None) => return Err(StoreError::Backend("a plan row without executor".into())),
    };
    Ok(WorkPlanItem {
        id: WorkPlanItemId::new(get(row, "id")?),
        plan_id: WorkPlanId::new(get(row, "plan_id")?),
        result_id: ResultNodeId::new(get(row, "result_id")?),
        title: get(row, "title")?,
        executor,
        executor_name: get::<Option<String>>(row, "executor_name")?.unwrap_or_default(),
        program_id: get::<Option<i64>>(row, "program_id")?.map(ProgramId::new),
        program_name: get(row, "program_name")?,
        budget_planned: get(row, "budget_planned")?,
        budget_actual: get(row, "budget_actual")?,
        status: choice(row, "status", ItemStatus::parse)?,
        notes: get(row, "notes")?,
        milestones: Vec::new(),
    })
}

async fn fetch(conn: &mut SqliteConnection, id: WorkPlanId) -> StoreResult<WorkPlan> {
    let mut plan = sqlx::query("SELECT * FROM work_plans WHERE id = ?1")
        .bind(id.get())
        .fetch_optional(&mut *conn)
        .await
        .map_err(backend)?
        .as_ref()
        .map(plan_row)
        .transpose()?
        .ok_or(StoreError::NotFound)?;
    let mut items: Vec<WorkPlanItem> = sqlx::query(
        "SELECT i.*, coalesce(o.name, b.name) AS executor_name, p.name AS program_name
         FROM work_plan_items i
         LEFT JOIN organizations o ON o.id = i.organization_id
         LEFT JOIN bodies b ON b.id = i.body_id
         LEFT JOIN programs p ON p.id = i.program_id
         WHERE i.plan_id = ?1 ORDER BY i.position, i.id",
    )
    .bind(id.get())
    .fetch_all(&mut *conn)
    .await
    .map_err(backend)?
    .iter()
    .map(item_row)
    .collect::<Result<_, _>>()?;
    let milestones = sqlx::query(
        "SELECT m.* FROM work_plan_milestones m JOIN work_plan_items i ON i.id = m.item_id
         WHERE i.plan_id = ?1 ORDER BY m.due_on, m.id",
    )
    .bind(id.get())
    .fetch_all(&mut *conn)
    .await
    .map_err(backend)?;
    for row in &milestones {
        let item = WorkPlanItemId::new(get(row, "item_id")?);
        let milestone = Milestone {
            id: MilestoneId::new(get(row, "id")?),
            title: get(row, "title")?,
            due_on: date(row, "due_on")?.ok_or(StoreError::NotFound)?,
            done_on: date(row, "done_on")?,
        };
        if let Some(found) = items.iter_mut().find(|i| i.id == item) {
            found.milestones.push(milestone);
        }
    }
    plan.items = items;
    Ok(plan)
}

/// A draft, or `Conflict::Transition` for an approved plan.
async fn fetch_draft(conn: &mut SqliteConnection, id: WorkPlanId) -> StoreResult<WorkPlan> {
    let plan = fetch(conn, id).await?;
    if plan.decision_id.is_some() || plan.approved_at.is_some() {
        return Err(StoreError::Conflict(Conflict::Transition));
    }
    Ok(plan)
}

async fn item_plan(conn: &mut SqliteConnection, id: WorkPlanItemId) -> StoreResult<WorkPlanId> {
    sqlx::query_scalar::<_, i64>("SELECT plan_id FROM work_plan_items WHERE id = ?1")
        .bind(id.get())
        .fetch_optional(conn)
        .await
        .map_err(backend)?
        .map(WorkPlanId::new)
        .ok_or(StoreError::NotFound)
}

/// Which plans a change of a row may touch.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// Drafts only: the row itself changes.
    Draft,
    /// Any plan: what is reported on the row during the year.
    Any,
}

/// The plan a row belongs to, as it is before the change; a draft only for `Stage::Draft`
/// (`Conflict::Transition` otherwise).
async fn plan_of_row(
    conn: &mut SqliteConnection,
    item: WorkPlanItemId,
    stage: Stage,
) -> StoreResult<WorkPlan> {
    let plan = item_plan(conn, item).await?;
    match stage {
        Stage::Draft => fetch_draft(conn, plan).await,
        Stage::Any => fetch(conn, plan).await,
    }
}

async fn milestone_item(
    conn: &mut SqliteConnection,
    id: MilestoneId,
) -> StoreResult<WorkPlanItemId> {
    sqlx::query_scalar::<_, i64>("SELECT item_id FROM work_plan_milestones WHERE id = ?1")
        .bind(id.get())
        .fetch_optional(conn)
        .await
        .map_err(backend)?
        .map(WorkPlanItemId::new)
        .ok_or(StoreError::NotFound)
}

/// Checks what a row names is the initiative's.
async fn check_item(
    conn: &mut SqliteConnection,
    initiative: InitiativeId,
    item: &PlanItemInput,
) -> StoreResult<()> {
    check_owned(conn, Owned::Result(item.result_id), initiative).await?;
    match item.executor {
        Executor::Organization(o) => check_owned(conn, Owned::Organization(o), initiative).await?,
        Executor::Body(b) => check_owned(conn, Owned::Body(b), initiative).await?,
    }
    if let Some(program) = item.program_id {
        let owner: Option<i64> =
            sqlx::query_scalar("SELECT initiative_id FROM programs WHERE id = ?1")
                .bind(program.get())
                .fetch_optional(&mut *conn)
                .await
                .map_err(backend)?;
        match owner {
            None => return Err(StoreError::NotFound),
            Some(owner) if owner != initiative.get() => {
                return Err(StoreError::Conflict(Conflict::WrongInitiative));
            }
            Some(_) => {}
        }
    }
    Ok(())
}

fn executor_ids(executor: Executor) -> (Option<i64>, Option<i64>) {
    match executor {
        Executor::Organization(o) => (Some(o.get()), None),
        Executor::Body(b) => (None, Some(b.get())),
    }
}

async fn insert_item(
    conn: &mut SqliteConnection,
    plan: WorkPlanId,
    item: &PlanItemInput,
) -> StoreResult<()> {
    let (organization, body) = executor_ids(item.executor);
    let now = Utc::now();
    sqlx::query(
        "INSERT INTO work_plan_items (plan_id, position, result_id, title, organization_id,
             body_id, program_id, budget_planned, budget_actual, status, notes, created_at, updated_at)
         VALUES (?1, (SELECT coalesce(max(position), -1) + 1 FROM work_plan_items WHERE plan_id = ?1),
             ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
    )
    .bind(plan.get())
    .bind(item.result_id.get())
    .bind(&item.title)
    .bind(organization)
    .bind(body)
    .bind(item.program_id.map(|p| p.get()))
    .bind(item.budget_planned)
    .bind(item.budget_actual)
    .bind(item.status.code())
    .bind(&item.notes)
    .bind(now)
    .execute(conn)
    .await
    .map_err(backend)?;
    Ok(())
}

/// Ends a change to a plan's rows: the plan before and after, in the audit log.
async fn commit_plan(
    mut tx: sqlx::Transaction<'static, sqlx::Sqlite>,
    actor: Actor,
    before: WorkPlan,
) -> StoreResult<WorkPlan> {
    sqlx::query("UPDATE work_plans SET updated_at = ?1 WHERE id = ?2")
        .bind(Utc::now())
        .bind(before.id.get())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
    let after = fetch(&mut tx, before.id).await?;
    commit_update(
        tx,
        actor,
        before.initiative_id,
        ("work_plan", before.id.get()),
        before,
        after,
    )
    .await
}

#[async_trait]
impl WorkPlanStore for SqliteStore {
    async fn create_work_plan(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        plan: &PlanInput,
        items: &[PlanItemInput],
    ) -> StoreResult<WorkPlan> {
        let mut tx = self.write().await?;
        let now = Utc::now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO work_plans (initiative_id, kind, title, first_year, last_year, version,
                 created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5,
                 (SELECT coalesce(max(version), 0) + 1 FROM work_plans WHERE initiative_id = ?1
                      AND kind = ?2 AND first_year = ?4 AND last_year = ?5),
                 ?6, ?6) RETURNING id",
        )
        .bind(initiative.get())
        .bind(plan.kind.code())
        .bind(&plan.title)
        .bind(plan.first_year)
        .bind(plan.last_year)
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        let id = WorkPlanId::new(id);
        for item in items {
            check_item(&mut tx, initiative, item).await?;
            insert_item(&mut tx, id, item).await?;
        }
        let created = fetch(&mut tx, id).await?;
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("work_plan", id.get()),
            AuditAction::Create,
            None,
            Some(&created),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn approve_work_plan(
        &self,
        actor: Actor,
        id: WorkPlanId,
        decision: DecisionId,
    ) -> StoreResult<WorkPlan> {
        let mut tx = self.write().await?;
        let before = fetch_draft(&mut tx, id).await?;
        check_owned(&mut tx, Owned::Decision(decision), before.initiative_id).await?;
        sqlx::query(
            "UPDATE work_plans SET decision_id = ?1, approved_at = ?2, updated_at = ?2 WHERE id = ?3",
        )
        .bind(decision.get())
        .bind(Utc::now())
        .bind(id.get())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        let after = fetch(&mut tx, id).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("work_plan", id.get()),
            before,
            after,
        )
        .await
    }

    async fn delete_work_plan(&self, actor: Actor, id: WorkPlanId) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let before = fetch_draft(&mut tx, id).await?;
        commit_delete(
            tx,
            actor,
            before.initiative_id,
            "DELETE FROM work_plans WHERE id = ?1",
            ("work_plan", id.get()),
            &before,
        )
        .await
    }

    async fn work_plan(&self, id: WorkPlanId) -> StoreResult<WorkPlan> {
        let mut conn = self.read().await?;
        fetch(&mut conn, id).await
    }

    async fn work_plans(&self, initiative: InitiativeId) -> StoreResult<Vec<WorkPlan>> {
        let mut conn = self.read().await?;
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM work_plans WHERE initiative_id = ?1
             ORDER BY first_year, last_year DESC, kind, version",
        )
        .bind(initiative.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?;
        let mut plans = Vec::with_capacity(ids.len());
        for id in ids {
            plans.push(fetch(&mut conn, WorkPlanId::new(id)).await?);
        }
        Ok(plans)
    }

    async fn add_plan_item(
        &self,
        actor: Actor,
        plan: WorkPlanId,
        item: &PlanItemInput,
    ) -> StoreResult<WorkPlan> {
        let mut tx = self.write().await?;
        let before = fetch_draft(&mut tx, plan).await?;
        check_item(&mut tx, before.initiative_id, item).await?;
        insert_item(&mut tx, plan, item).await?;
        commit_plan(tx, actor, before).await
    }

    async fn edit_plan_item(
        &self,
        actor: Actor,
        id: WorkPlanItemId,
        item: &PlanItemInput,
    ) -> StoreResult<WorkPlan> {
        let mut tx = self.write().await?;
        let before = plan_of_row(&mut tx, id, Stage::Draft).await?;
        check_item(&mut tx, before.initiative_id, item).await?;
        let (organization, body) = executor_ids(item.executor);
        sqlx::query(
            "UPDATE work_plan_items SET result_id = ?1, title = ?2, organization_id = ?3,
                 body_id = ?4, program_id = ?5, budget_planned = ?6, budget_actual = ?7,
                 status = ?8, notes = ?9, updated_at = ?10
             WHERE id = ?11",
        )
        .bind(item.result_id.get())
        .bind(&item.title)
        .bind(organization)
        .bind(body)
        .bind(item.program_id.map(|p| p.get()))
        .bind(item.budget_planned)
        .bind(item.budget_actual)
        .bind(item.status.code())
        .bind(&item.notes)
        .bind(Utc::now())
        .bind(id.get())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        commit_plan(tx, actor, before).await
    }

    async fn report_plan_item(
        &self,
        actor: Actor,
        id: WorkPlanItemId,
        report: &ItemReport,
    ) -> StoreResult<WorkPlan> {
        let mut tx = self.write().await?;
        let before = plan_of_row(&mut tx, id, Stage::Any).await?;
        sqlx::query(
            "UPDATE work_plan_items SET status = ?1, budget_actual = ?2, notes = ?3, updated_at = ?4
             WHERE id = ?5",
        )
        .bind(report.status.code())
        .bind(report.budget_actual)
        .bind(&report.notes)
        .bind(Utc::now())
        .bind(id.get())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        commit_plan(tx, actor, before).await
    }

    async fn delete_plan_item(&self, actor: Actor, id: WorkPlanItemId) -> StoreResult<WorkPlan> {
        let mut tx = self.write().await?;
        let before = plan_of_row(&mut tx, id, Stage::Draft).await?;
        sqlx::query("DELETE FROM work_plan_items WHERE id = ?1")
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        commit_plan(tx, actor, before).await
    }

    async fn add_milestone(
        &self,
        actor: Actor,
        item: WorkPlanItemId,
        milestone: &MilestoneInput,
    ) -> StoreResult<WorkPlan> {
        let mut tx = self.write().await?;
        let before = plan_of_row(&mut tx, item, Stage::Any).await?;
        sqlx::query(
            "INSERT INTO work_plan_milestones (item_id, title, due_on, created_at)
             VALUES (?1, ?2, ?3, ?4)",
        )
        .bind(item.get())
        .bind(&milestone.title)
        .bind(milestone.due_on)
        .bind(Utc::now())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        commit_plan(tx, actor, before).await
    }

    async fn set_milestone_done(
        &self,
        actor: Actor,
        id: MilestoneId,
        done_on: Option<NaiveDate>,
    ) -> StoreResult<WorkPlan> {
        let mut tx = self.write().await?;
        let item = milestone_item(&mut tx, id).await?;
        let before = plan_of_row(&mut tx, item, Stage::Any).await?;
        sqlx::query("UPDATE work_plan_milestones SET done_on = ?1 WHERE id = ?2")
            .bind(done_on)
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        commit_plan(tx, actor, before).await
    }

    async fn delete_milestone(&self, actor: Actor, id: MilestoneId) -> StoreResult<WorkPlan> {
        let mut tx = self.write().await?;
        let item = milestone_item(&mut tx, id).await?;
        let before = plan_of_row(&mut tx, item, Stage::Any).await?;
        sqlx::query("DELETE FROM work_plan_milestones WHERE id = ?1")
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        commit_plan(tx, actor, before).await
    }

    async fn plan_of_item(&self, id: WorkPlanItemId) -> StoreResult<WorkPlanId> {
        let mut conn = self.read().await?;
        item_plan(&mut conn, id).await
    }

    async fn item_of_milestone(&self, id: MilestoneId) -> StoreResult<WorkPlanItemId> {
        let mut conn = self.read().await?;
        milestone_item(&mut conn, id).await
    }
}
