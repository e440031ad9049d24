//! The common agenda in SQLite: versioned statements, the results tree, the glossary, the
//! decision log, disputes, endorsements and changes in the field.

use std::collections::HashMap;

use async_trait::async_trait;
use chrono::Utc;
use kesher_domain::agenda::{
    AdoptionInput, AgendaInput, Boundary, BoundaryDimension, BoundaryScope, DecisionInput,
    DecisionKind, DefinitionInput, DisputeInput, DisputeStatus, DisputeStatusInput,
    EndorsementInput, FieldChangeInput, PositionInput, ResultInput, ResultKind, ResultStatus,
};
use kesher_domain::network::Sector;
use kesher_domain::search::fold;
use kesher_domain::text::Name;
use kesher_domain::tree::{self, MoveError, Placement};
use kesher_domain::*;
use kesher_store::{
    Actor, AgendaStore, AgendaVersion, AuditAction, Conflict, Decision, Definition, Dispute,
    DisputeEvent, Endorsement, FieldChange, GlossaryTerm, Position, ResultNode, StoreError,
    StoreResult,
};
use sqlx::SqliteConnection;
use sqlx::sqlite::SqliteRow;

use crate::audit::{commit_delete, commit_update, record_in};
use crate::owned::{Owned, check_owned};
use crate::rows::{choice, get, timestamp};
use crate::{SqliteStore, backend};

fn json_list(items: &[String]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".into())
}

fn list_of(row: &SqliteRow, column: &str) -> Result<Vec<String>, StoreError> {
    let raw: String = get(row, column)?;
    serde_json::from_str(&raw).map_err(|e| StoreError::Backend(format!("{column}: {e}")))
}

// ---- agenda versions ----

fn agenda_version(row: &SqliteRow, boundaries: Vec<Boundary>) -> Result<AgendaVersion, StoreError> {
    Ok(AgendaVersion {
        id: AgendaVersionId::new(get(row, "id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        number: get::<i64>(row, "number")? as u32,
        problem: get(row, "problem")?,
        vision: get(row, "vision")?,
        vision_year: get::<Option<i64>>(row, "vision_year")?.map(|y| y as i32),
        mission: get(row, "mission")?,
        overarching_goal: get(row, "overarching_goal")?,
        note: get(row, "note")?,
        boundaries,
        created_by: get(row, "created_by_name")?,
        created_at: timestamp(row, "created_at")?,
    })
}

fn boundary(row: &SqliteRow) -> Result<Boundary, StoreError> {
    Ok(Boundary {
        dimension: choice(row, "dimension", BoundaryDimension::parse)?,
        scope: choice(row, "scope", BoundaryScope::parse)?,
        item: get(row, "item")?,
        reason: get(row, "reason")?,
    })
}

macro_rules! version_select {
    () => {
        "SELECT v.*, u.name AS created_by_name FROM agenda_versions v LEFT JOIN users u ON u.id = v.created_by "
    };
}

async fn fetch_version(
    conn: &mut SqliteConnection,
    id: AgendaVersionId,
) -> StoreResult<AgendaVersion> {
    let row = sqlx::query(concat!(version_select!(), "WHERE v.id = ?1"))
        .bind(id.get())
        .fetch_optional(&mut *conn)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
    let boundaries =
        sqlx::query("SELECT * FROM agenda_boundaries WHERE version_id = ?1 ORDER BY position")
            .bind(id.get())
            .fetch_all(&mut *conn)
            .await
            .map_err(backend)?
            .iter()
            .map(boundary)
            .collect::<Result<Vec<_>, _>>()?;
    agenda_version(&row, boundaries)
}

// ---- results tree ----

macro_rules! result_select {
    () => {
        "SELECT r.*, b.name AS owner_body_name FROM result_nodes r LEFT JOIN bodies b ON b.id = r.owner_body_id "
    };
}

fn result_node(row: &SqliteRow) -> Result<ResultNode, StoreError> {
    Ok(ResultNode {
        id: ResultNodeId::new(get(row, "id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        parent_id: get::<Option<i64>>(row, "parent_id")?.map(ResultNodeId::new),
        position: get::<i64>(row, "position")? as u32,
        kind: choice(row, "kind", ResultKind::parse)?,
        title: get(row, "title")?,
        description: get(row, "description")?,
        owner_body_id: get::<Option<i64>>(row, "owner_body_id")?.map(BodyId::new),
        owner_body_name: get(row, "owner_body_name")?,
        populations: list_of(row, "populations")?,
        subjects: list_of(row, "subjects")?,
        age_bands: list_of(row, "age_bands")?,
        status: choice(row, "status", ResultStatus::parse)?,
        created_at: timestamp(row, "created_at")?,
        updated_at: timestamp(row, "updated_at")?,
    })
}

async fn fetch_result(conn: &mut SqliteConnection, id: ResultNodeId) -> StoreResult<ResultNode> {
    let row = sqlx::query(concat!(result_select!(), "WHERE r.id = ?1"))
        .bind(id.get())
        .fetch_optional(conn)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
    result_node(&row)
}

async fn fetch_results(
    conn: &mut SqliteConnection,
    initiative: InitiativeId,
) -> StoreResult<Vec<ResultNode>> {
    sqlx::query(concat!(
        result_select!(),
        "WHERE r.initiative_id = ?1 ORDER BY r.parent_id, r.position, r.id"
    ))
    .bind(initiative.get())
    .fetch_all(conn)
    .await
    .map_err(backend)?
    .iter()
    .map(result_node)
    .collect()
}

async fn check_result_references(
    conn: &mut SqliteConnection,
    initiative: InitiativeId,
    input: &ResultInput,
) -> StoreResult<()> {
    if let Some(body) = input.owner_body_id {
        check_owned(conn, Owned::Body(body), initiative).await?;
    }
    Ok(())
}

// ---- glossary ----

macro_rules! definition_select {
    () => {
        "SELECT d.*, o.name AS organization_name, u.name AS user_name, b.name AS body_name
         FROM glossary_definitions d
         LEFT JOIN organizations o ON o.id = d.proposed_by_organization_id
         LEFT JOIN users u ON u.id = d.proposed_by_user
         LEFT JOIN bodies b ON b.id = d.adopted_by_body_id "
    };
}

fn definition(row: &SqliteRow) -> Result<Definition, StoreError> {
    Ok(Definition {
        id: DefinitionId::new(get(row, "id")?),
        term_id: TermId::new(get(row, "term_id")?),
        number: get::<i64>(row, "number")? as u32,
        definition: get(row, "definition")?,
        proposed_by_organization_id: get::<Option<i64>>(row, "proposed_by_organization_id")?
            .map(OrganizationId::new),
        proposed_by_organization_name: get(row, "organization_name")?,
        proposed_by_user: get(row, "user_name")?,
        adopted_on: get(row, "adopted_on")?,
        adopted_by_body_id: get::<Option<i64>>(row, "adopted_by_body_id")?.map(BodyId::new),
        adopted_by_body_name: get(row, "body_name")?,
        created_at: timestamp(row, "created_at")?,
    })
}

fn glossary_term(
    row: &SqliteRow,
    definitions: Vec<Definition>,
) -> Result<GlossaryTerm, StoreError> {
    Ok(GlossaryTerm {
        id: TermId::new(get(row, "id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        term: get(row, "term")?,
        definitions,
        created_at: timestamp(row, "created_at")?,
        updated_at: timestamp(row, "updated_at")?,
    })
}

async fn fetch_term(conn: &mut SqliteConnection, id: TermId) -> StoreResult<GlossaryTerm> {
    let row = sqlx::query("SELECT * FROM glossary_terms WHERE id = ?1")
        .bind(id.get())
        .fetch_optional(&mut *conn)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
    let definitions = sqlx::query(concat!(
        definition_select!(),
        "WHERE d.term_id = ?1 ORDER BY d.number"
    ))
    .bind(id.get())
    .fetch_all(&mut *conn)
    .await
    .map_err(backend)?
    .iter()
    .map(definition)
    .collect::<Result<Vec<_>, _>>()?;
    glossary_term(&row, definitions)
}

async fn insert_definition(
    conn: &mut SqliteConnection,
    actor: Actor,
    initiative: InitiativeId,
    term: TermId,
    input: &DefinitionInput,
) -> StoreResult<()> {
    if let Some(organization) = input.proposed_by {
        check_owned(conn, Owned::Organization(organization), initiative).await?;
    }
    sqlx::query(
        "INSERT INTO glossary_definitions (term_id, number, definition, proposed_by_organization_id, proposed_by_user, created_at)
         VALUES (?1, (SELECT COALESCE(MAX(number), 0) + 1 FROM glossary_definitions WHERE term_id = ?1), ?2, ?3, ?4, ?5)",
    )
    .bind(term.get())
    .bind(&input.definition)
    .bind(input.proposed_by.map(OrganizationId::get))
    .bind(actor.user_id().map(UserId::get))
    .bind(Utc::now())
    .execute(&mut *conn)
    .await
    .map_err(backend)?;
    sqlx::query("UPDATE glossary_terms SET updated_at = ?1 WHERE id = ?2")
        .bind(Utc::now())
        .bind(term.get())
        .execute(conn)
        .await
        .map_err(backend)?;
    Ok(())
}

// ---- decisions ----

macro_rules! decision_select {
    () => {
        "SELECT d.*, b.name AS body_name FROM decisions d LEFT JOIN bodies b ON b.id = d.body_id "
    };
}

fn decision(
    row: &SqliteRow,
    result_ids: Vec<ResultNodeId>,
    term_ids: Vec<TermId>,
) -> Result<Decision, StoreError> {
    Ok(Decision {
        id: DecisionId::new(get(row, "id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        body_id: get::<Option<i64>>(row, "body_id")?.map(BodyId::new),
        body_name: get(row, "body_name")?,
        decided_on: get(row, "decided_on")?,
        kind: choice(row, "kind", DecisionKind::parse)?,
        text: get(row, "text")?,
        contested: get(row, "contested")?,
        result_ids,
        term_ids,
        created_at: timestamp(row, "created_at")?,
        updated_at: timestamp(row, "updated_at")?,
    })
}

async fn fetch_decision(conn: &mut SqliteConnection, id: DecisionId) -> StoreResult<Decision> {
    let row = sqlx::query(concat!(decision_select!(), "WHERE d.id = ?1"))
        .bind(id.get())
        .fetch_optional(&mut *conn)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
    let results: Vec<i64> = sqlx::query_scalar(
        "SELECT result_id FROM decision_results WHERE decision_id = ?1 ORDER BY result_id",
    )
    .bind(id.get())
    .fetch_all(&mut *conn)
    .await
    .map_err(backend)?;
    let terms: Vec<i64> = sqlx::query_scalar(
        "SELECT term_id FROM decision_terms WHERE decision_id = ?1 ORDER BY term_id",
    )
    .bind(id.get())
    .fetch_all(&mut *conn)
    .await
    .map_err(backend)?;
    decision(
        &row,
        results.into_iter().map(ResultNodeId::new).collect(),
        terms.into_iter().map(TermId::new).collect(),
    )
}

async fn write_decision_links(
    conn: &mut SqliteConnection,
    initiative: InitiativeId,
    id: DecisionId,
    input: &DecisionInput,
) -> StoreResult<()> {
    for result in &input.result_ids {
        check_owned(conn, Owned::Result(*result), initiative).await?;
    }
    for term in &input.term_ids {
        check_owned(conn, Owned::Term(*term), initiative).await?;
    }
    sqlx::query("DELETE FROM decision_results WHERE decision_id = ?1")
        .bind(id.get())
        .execute(&mut *conn)
        .await
        .map_err(backend)?;
    sqlx::query("DELETE FROM decision_terms WHERE decision_id = ?1")
        .bind(id.get())
        .execute(&mut *conn)
        .await
        .map_err(backend)?;
    for result in &input.result_ids {
        sqlx::query("INSERT INTO decision_results (decision_id, result_id) VALUES (?1, ?2)")
            .bind(id.get())
            .bind(result.get())
            .execute(&mut *conn)
            .await
            .map_err(backend)?;
    }
    for term in &input.term_ids {
        sqlx::query("INSERT INTO decision_terms (decision_id, term_id) VALUES (?1, ?2)")
            .bind(id.get())
            .bind(term.get())
            .execute(&mut *conn)
            .await
            .map_err(backend)?;
    }
    Ok(())
}

// ---- disputes ----

async fn fetch_dispute(conn: &mut SqliteConnection, id: DisputeId) -> StoreResult<Dispute> {
    let row = sqlx::query(
        "SELECT d.*, o.name AS organization_name FROM disputes d
         LEFT JOIN organizations o ON o.id = d.raised_by_organization_id WHERE d.id = ?1",
    )
    .bind(id.get())
    .fetch_optional(&mut *conn)
    .await
    .map_err(backend)?
    .ok_or(StoreError::NotFound)?;
    let positions = sqlx::query(
        "SELECT p.*, o.name AS organization_name FROM dispute_positions p
         LEFT JOIN organizations o ON o.id = p.organization_id WHERE p.dispute_id = ?1 ORDER BY p.id",
    )
    .bind(id.get())
    .fetch_all(&mut *conn)
    .await
    .map_err(backend)?
    .iter()
    .map(|row| {
        Ok(Position {
            id: PositionId::new(get(row, "id")?),
            organization_id: get::<Option<i64>>(row, "organization_id")?.map(OrganizationId::new),
            organization_name: get(row, "organization_name")?,
            position: get(row, "position")?,
            created_at: timestamp(row, "created_at")?,
        })
    })
    .collect::<Result<Vec<_>, StoreError>>()?;
    let history = sqlx::query(
        "SELECT e.*, u.name AS actor_name FROM dispute_events e
         LEFT JOIN users u ON u.id = e.actor_id WHERE e.dispute_id = ?1 ORDER BY e.id",
    )
    .bind(id.get())
    .fetch_all(&mut *conn)
    .await
    .map_err(backend)?
    .iter()
    .map(|row| {
        Ok(DisputeEvent {
            at: timestamp(row, "at")?,
            actor_name: get(row, "actor_name")?,
            status: choice(row, "status", DisputeStatus::parse)?,
            note: get(row, "note")?,
        })
    })
    .collect::<Result<Vec<_>, StoreError>>()?;
    let decisions: Vec<i64> = sqlx::query_scalar(
        "SELECT decision_id FROM dispute_decisions WHERE dispute_id = ?1 ORDER BY decision_id",
    )
    .bind(id.get())
    .fetch_all(&mut *conn)
    .await
    .map_err(backend)?;
    let sector: Option<String> = get(&row, "raised_by_sector")?;
    Ok(Dispute {
        id,
        initiative_id: InitiativeId::new(get(&row, "initiative_id")?),
        question: get(&row, "question")?,
        raised_by_organization_id: get::<Option<i64>>(&row, "raised_by_organization_id")?
            .map(OrganizationId::new),
        raised_by_organization_name: get(&row, "organization_name")?,
        raised_by_sector: sector
            .map(|s| Sector::parse(&s))
            .transpose()
            .map_err(|_| StoreError::Backend("unknown sector in a dispute".into()))?,
        status: choice(&row, "status", DisputeStatus::parse)?,
        decision_ids: decisions.into_iter().map(DecisionId::new).collect(),
        positions,
        history,
        created_at: timestamp(&row, "created_at")?,
        updated_at: timestamp(&row, "updated_at")?,
    })
}

async fn add_dispute_event(
    conn: &mut SqliteConnection,
    actor: Actor,
    dispute: DisputeId,
    status: DisputeStatus,
    note: Option<&str>,
) -> StoreResult<()> {
    sqlx::query("INSERT INTO dispute_events (dispute_id, at, actor_id, status, note) VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(dispute.get())
        .bind(Utc::now())
        .bind(actor.user_id().map(UserId::get))
        .bind(status.code())
        .bind(note)
        .execute(conn)
        .await
        .map_err(backend)?;
    Ok(())
}

async fn write_dispute(
    conn: &mut SqliteConnection,
    initiative: InitiativeId,
    id: DisputeId,
    input: &DisputeInput,
) -> StoreResult<()> {
    if let Some(organization) = input.raised_by {
        check_owned(conn, Owned::Organization(organization), initiative).await?;
    }
    for decision in &input.decision_ids {
        check_owned(conn, Owned::Decision(*decision), initiative).await?;
    }
    sqlx::query(
        "UPDATE disputes SET question = ?1, raised_by_organization_id = ?2, raised_by_sector = ?3, updated_at = ?4
         WHERE id = ?5",
    )
    .bind(&input.question)
    .bind(input.raised_by.map(OrganizationId::get))
    .bind(input.raised_by_sector.map(Sector::code))
    .bind(Utc::now())
    .bind(id.get())
    .execute(&mut *conn)
    .await
    .map_err(backend)?;
    sqlx::query("DELETE FROM dispute_decisions WHERE dispute_id = ?1")
        .bind(id.get())
        .execute(&mut *conn)
        .await
        .map_err(backend)?;
    for decision in &input.decision_ids {
        sqlx::query("INSERT INTO dispute_decisions (dispute_id, decision_id) VALUES (?1, ?2)")
            .bind(id.get())
            .bind(decision.get())
            .execute(&mut *conn)
            .await
            .map_err(backend)?;
    }
    Ok(())
}

// ---- endorsements and field changes ----

macro_rules! endorsement_select {
    () => {
        "SELECT e.*, o.name AS organization_name, v.number AS version FROM endorsements e
         JOIN organizations o ON o.id = e.organization_id
         JOIN agenda_versions v ON v.id = e.agenda_version_id "
    };
}

fn endorsement(row: &SqliteRow) -> Result<Endorsement, StoreError> {
    Ok(Endorsement {
        id: EndorsementId::new(get(row, "id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        organization_id: OrganizationId::new(get(row, "organization_id")?),
        organization_name: get(row, "organization_name")?,
        agenda_version_id: AgendaVersionId::new(get(row, "agenda_version_id")?),
        version: get::<i64>(row, "version")? as u32,
        signed_on: get(row, "signed_on")?,
        signed_by: get(row, "signed_by")?,
        created_at: timestamp(row, "created_at")?,
    })
}

async fn fetch_endorsement(
    conn: &mut SqliteConnection,
    id: EndorsementId,
) -> StoreResult<Endorsement> {
    let row = sqlx::query(concat!(endorsement_select!(), "WHERE e.id = ?1"))
        .bind(id.get())
        .fetch_optional(conn)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
    endorsement(&row)
}

macro_rules! field_change_select {
    () => {
        "SELECT f.*, o.name AS organization_name, r.title AS result_title FROM field_changes f
         JOIN organizations o ON o.id = f.organization_id
         LEFT JOIN result_nodes r ON r.id = f.result_id "
    };
}

fn field_change(row: &SqliteRow) -> Result<FieldChange, StoreError> {
    Ok(FieldChange {
        id: FieldChangeId::new(get(row, "id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        organization_id: OrganizationId::new(get(row, "organization_id")?),
        organization_name: get(row, "organization_name")?,
        result_id: get::<Option<i64>>(row, "result_id")?.map(ResultNodeId::new),
        result_title: get(row, "result_title")?,
        before: get(row, "before_text")?,
        now: get(row, "now_text")?,
        noted_on: get(row, "noted_on")?,
        created_at: timestamp(row, "created_at")?,
        updated_at: timestamp(row, "updated_at")?,
    })
}

async fn fetch_field_change(
    conn: &mut SqliteConnection,
    id: FieldChangeId,
) -> StoreResult<FieldChange> {
    let row = sqlx::query(concat!(field_change_select!(), "WHERE f.id = ?1"))
        .bind(id.get())
        .fetch_optional(conn)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
    field_change(&row)
}

async fn check_field_change_references(
    conn: &mut SqliteConnection,
    initiative: InitiativeId,
    input: &FieldChangeInput,
) -> StoreResult<()> {
    check_owned(conn, Owned::Organization(input.organization_id), initiative).await?;
    if let Some(result) = input.result_id {
        check_owned(conn, Owned::Result(result), initiative).await?;
    }
    Ok(())
}

#[async_trait]
impl AgendaStore for SqliteStore {
    async fn create_agenda_version(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &AgendaInput,
    ) -> StoreResult<AgendaVersion> {
        let mut tx = self.write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO agenda_versions (initiative_id, number, problem, vision, vision_year, mission,
                 overarching_goal, note, created_by, created_at)
             VALUES (?1, (SELECT COALESCE(MAX(number), 0) + 1 FROM agenda_versions WHERE initiative_id = ?1),
                 ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             RETURNING id",
        )
        .bind(initiative.get())
        .bind(&input.problem)
        .bind(&input.vision)
        .bind(input.vision_year.map(i64::from))
        .bind(&input.mission)
        .bind(&input.overarching_goal)
        .bind(&input.note)
        .bind(actor.user_id().map(UserId::get))
        .bind(Utc::now())
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        for (position, b) in input.boundaries.iter().enumerate() {
            sqlx::query(
                "INSERT INTO agenda_boundaries (version_id, position, dimension, scope, item, reason)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .bind(id)
            .bind(position as i64)
            .bind(b.dimension.code())
            .bind(b.scope.code())
            .bind(&b.item)
            .bind(&b.reason)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        }
        let created = fetch_version(&mut tx, AgendaVersionId::new(id)).await?;
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("agenda_version", id),
            AuditAction::Create,
            None,
            Some(&created),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn agenda_versions(&self, initiative: InitiativeId) -> StoreResult<Vec<AgendaVersion>> {
        let mut conn = self.read().await?;
        let rows = sqlx::query(concat!(
            version_select!(),
            "WHERE v.initiative_id = ?1 ORDER BY v.number"
        ))
        .bind(initiative.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?;
        let boundary_rows = sqlx::query(
            "SELECT b.* FROM agenda_boundaries b JOIN agenda_versions v ON v.id = b.version_id
             WHERE v.initiative_id = ?1 ORDER BY b.version_id, b.position",
        )
        .bind(initiative.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?;
        let mut boundaries: HashMap<i64, Vec<Boundary>> = HashMap::new();
        for row in &boundary_rows {
            boundaries
                .entry(get(row, "version_id")?)
                .or_default()
                .push(boundary(row)?);
        }
        rows.iter()
            .map(|row| {
                let id: i64 = get(row, "id")?;
                agenda_version(row, boundaries.remove(&id).unwrap_or_default())
            })
            .collect()
    }

    async fn agenda_version(&self, id: AgendaVersionId) -> StoreResult<AgendaVersion> {
        let mut conn = self.read().await?;
        fetch_version(&mut conn, id).await
    }

    async fn create_result(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &ResultInput,
    ) -> StoreResult<ResultNode> {
        let mut tx = self.write().await?;
        if let Some(parent) = input.parent_id {
            check_owned(&mut tx, Owned::Result(parent), initiative).await?;
        }
        check_result_references(&mut tx, initiative, input).await?;
        let now = Utc::now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO result_nodes (initiative_id, parent_id, position, kind, title, description, owner_body_id,
                 populations, subjects, age_bands, status, created_at, updated_at)
             VALUES (?1, ?2, (SELECT COUNT(*) FROM result_nodes WHERE initiative_id = ?1 AND parent_id IS ?2),
                 ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)
             RETURNING id",
        )
        .bind(initiative.get())
        .bind(input.parent_id.map(ResultNodeId::get))
        .bind(input.kind.code())
        .bind(input.title.as_str())
        .bind(&input.description)
        .bind(input.owner_body_id.map(BodyId::get))
        .bind(json_list(&input.populations))
        .bind(json_list(&input.subjects))
        .bind(json_list(&input.age_bands))
        .bind(input.status.code())
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        let created = fetch_result(&mut tx, ResultNodeId::new(id)).await?;
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("result", id),
            AuditAction::Create,
            None,
            Some(&created),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn update_result(
        &self,
        actor: Actor,
        id: ResultNodeId,
        input: &ResultInput,
    ) -> StoreResult<ResultNode> {
        let mut tx = self.write().await?;
        let before = fetch_result(&mut tx, id).await?;
        check_result_references(&mut tx, before.initiative_id, input).await?;
        sqlx::query(
            "UPDATE result_nodes SET kind = ?1, title = ?2, description = ?3, owner_body_id = ?4, populations = ?5,
                 subjects = ?6, age_bands = ?7, status = ?8, updated_at = ?9
             WHERE id = ?10",
        )
        .bind(input.kind.code())
        .bind(input.title.as_str())
        .bind(&input.description)
        .bind(input.owner_body_id.map(BodyId::get))
        .bind(json_list(&input.populations))
        .bind(json_list(&input.subjects))
        .bind(json_list(&input.age_bands))
        .bind(input.status.code())
        .bind(Utc::now())
        .bind(id.get())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        let after = fetch_result(&mut tx, id).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("result", id.get()),
            before,
            after,
        )
        .await
    }

    async fn move_result(
        &self,
        actor: Actor,
        id: ResultNodeId,
        parent: Option<ResultNodeId>,
        index: usize,
    ) -> StoreResult<Vec<ResultNode>> {
        let mut tx = self.write().await?;
        let before = fetch_result(&mut tx, id).await?;
        let initiative = before.initiative_id;
        if let Some(parent) = parent {
            check_owned(&mut tx, Owned::Result(parent), initiative).await?;
        }
        let nodes = fetch_results(&mut tx, initiative).await?;
        let placements: Vec<Placement> = nodes
            .iter()
            .map(|n| Placement {
                id: n.id,
                parent: n.parent_id,
                position: n.position,
            })
            .collect();
        let changes = tree::move_to(&placements, id, parent, index).map_err(|e| match e {
            MoveError::Cycle => StoreError::Conflict(Conflict::Cycle),
            MoveError::UnknownNode | MoveError::UnknownParent | MoveError::NoRoom => {
                StoreError::NotFound
            }
        })?;
        let now = Utc::now();
        for change in &changes {
            sqlx::query("UPDATE result_nodes SET parent_id = ?1, position = ?2, updated_at = ?3 WHERE id = ?4")
                .bind(change.parent.map(ResultNodeId::get))
                .bind(i64::from(change.position))
                .bind(now)
                .bind(change.id.get())
                .execute(&mut *tx)
                .await
                .map_err(backend)?;
        }
        let after = fetch_result(&mut tx, id).await?;
        if before.parent_id != after.parent_id || before.position != after.position {
            record_in(
                &mut tx,
                actor,
                initiative,
                ("result", id.get()),
                AuditAction::Update,
                Some(&before),
                Some(&after),
            )
            .await?;
        }
        let tree = fetch_results(&mut tx, initiative).await?;
        tx.commit().await.map_err(backend)?;
        Ok(tree)
    }

    async fn delete_result(&self, actor: Actor, id: ResultNodeId) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let before = fetch_result(&mut tx, id).await?;
        let children: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM result_nodes WHERE parent_id = ?1")
                .bind(id.get())
                .fetch_one(&mut *tx)
                .await
                .map_err(backend)?;
        if children > 0 {
            return Err(StoreError::Conflict(Conflict::InUse));
        }
        sqlx::query("DELETE FROM result_nodes WHERE id = ?1")
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        // Close the gap among the siblings left behind.
        sqlx::query(
            "UPDATE result_nodes SET position = position - 1
             WHERE initiative_id = ?1 AND parent_id IS ?2 AND position > ?3",
        )
        .bind(before.initiative_id.get())
        .bind(before.parent_id.map(ResultNodeId::get))
        .bind(i64::from(before.position))
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        record_in::<_, ()>(
            &mut tx,
            actor,
            before.initiative_id,
            ("result", id.get()),
            AuditAction::Delete,
            Some(&before),
            None,
        )
        .await?;
        tx.commit().await.map_err(backend)
    }

    async fn result(&self, id: ResultNodeId) -> StoreResult<ResultNode> {
        let mut conn = self.read().await?;
        fetch_result(&mut conn, id).await
    }

    async fn results(&self, initiative: InitiativeId) -> StoreResult<Vec<ResultNode>> {
        let mut conn = self.read().await?;
        fetch_results(&mut conn, initiative).await
    }

    async fn create_term(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        term: &Name,
        first: &DefinitionInput,
    ) -> StoreResult<GlossaryTerm> {
        let mut tx = self.write().await?;
        let now = Utc::now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO glossary_terms (initiative_id, term, term_key, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?4) RETURNING id",
        )
        .bind(initiative.get())
        .bind(term.as_str())
        .bind(fold(term.as_str()))
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        insert_definition(&mut tx, actor, initiative, TermId::new(id), first).await?;
        let created = fetch_term(&mut tx, TermId::new(id)).await?;
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("term", id),
            AuditAction::Create,
            None,
            Some(&created),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn rename_term(
        &self,
        actor: Actor,
        id: TermId,
        term: &Name,
    ) -> StoreResult<GlossaryTerm> {
        let mut tx = self.write().await?;
        let before = fetch_term(&mut tx, id).await?;
        sqlx::query(
            "UPDATE glossary_terms SET term = ?1, term_key = ?2, updated_at = ?3 WHERE id = ?4",
        )
        .bind(term.as_str())
        .bind(fold(term.as_str()))
        .bind(Utc::now())
        .bind(id.get())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        let after = fetch_term(&mut tx, id).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("term", id.get()),
            before,
            after,
        )
        .await
    }

    async fn add_definition(
        &self,
        actor: Actor,
        term: TermId,
        input: &DefinitionInput,
    ) -> StoreResult<GlossaryTerm> {
        let mut tx = self.write().await?;
        let before = fetch_term(&mut tx, term).await?;
        insert_definition(&mut tx, actor, before.initiative_id, term, input).await?;
        let after = fetch_term(&mut tx, term).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("term", term.get()),
            before,
            after,
        )
        .await
    }

    async fn adopt_definition(
        &self,
        actor: Actor,
        id: DefinitionId,
        input: &AdoptionInput,
    ) -> StoreResult<GlossaryTerm> {
        let mut tx = self.write().await?;
        let term: i64 =
            sqlx::query_scalar("SELECT term_id FROM glossary_definitions WHERE id = ?1")
                .bind(id.get())
                .fetch_optional(&mut *tx)
                .await
                .map_err(backend)?
                .ok_or(StoreError::NotFound)?;
        let before = fetch_term(&mut tx, TermId::new(term)).await?;
        if let Some(body) = input.body_id {
            check_owned(&mut tx, Owned::Body(body), before.initiative_id).await?;
        }
        sqlx::query("UPDATE glossary_definitions SET adopted_on = ?1, adopted_by_body_id = ?2 WHERE id = ?3")
            .bind(input.adopted_on)
            .bind(input.body_id.map(BodyId::get))
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        sqlx::query("UPDATE glossary_terms SET updated_at = ?1 WHERE id = ?2")
            .bind(Utc::now())
            .bind(term)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        let after = fetch_term(&mut tx, TermId::new(term)).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("term", term),
            before,
            after,
        )
        .await
    }

    async fn term(&self, id: TermId) -> StoreResult<GlossaryTerm> {
        let mut conn = self.read().await?;
        fetch_term(&mut conn, id).await
    }

    async fn term_of_definition(&self, id: DefinitionId) -> StoreResult<GlossaryTerm> {
        let mut conn = self.read().await?;
        let term: i64 =
            sqlx::query_scalar("SELECT term_id FROM glossary_definitions WHERE id = ?1")
                .bind(id.get())
                .fetch_optional(&mut *conn)
                .await
                .map_err(backend)?
                .ok_or(StoreError::NotFound)?;
        fetch_term(&mut conn, TermId::new(term)).await
    }

    async fn terms(&self, initiative: InitiativeId) -> StoreResult<Vec<GlossaryTerm>> {
        let mut conn = self.read().await?;
        let rows =
            sqlx::query("SELECT * FROM glossary_terms WHERE initiative_id = ?1 ORDER BY term_key")
                .bind(initiative.get())
                .fetch_all(&mut *conn)
                .await
                .map_err(backend)?;
        let definition_rows = sqlx::query(concat!(
            definition_select!(),
            "JOIN glossary_terms t ON t.id = d.term_id WHERE t.initiative_id = ?1 ORDER BY d.term_id, d.number"
        ))
        .bind(initiative.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?;
        let mut definitions: HashMap<i64, Vec<Definition>> = HashMap::new();
        for row in &definition_rows {
            definitions
                .entry(get(row, "term_id")?)
                .or_default()
                .push(definition(row)?);
        }
        rows.iter()
            .map(|row| {
                let id: i64 = get(row, "id")?;
                glossary_term(row, definitions.remove(&id).unwrap_or_default())
            })
            .collect()
    }

    async fn create_decision(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &DecisionInput,
    ) -> StoreResult<Decision> {
        let mut tx = self.write().await?;
        if let Some(body) = input.body_id {
            check_owned(&mut tx, Owned::Body(body), initiative).await?;
        }
        let now = Utc::now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO decisions (initiative_id, body_id, decided_on, kind, text, contested, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) RETURNING id",
        )
        .bind(initiative.get())
        .bind(input.body_id.map(BodyId::get))
        .bind(input.decided_on)
        .bind(input.kind.code())
        .bind(&input.text)
        .bind(input.contested)
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        write_decision_links(&mut tx, initiative, DecisionId::new(id), input).await?;
        let created = fetch_decision(&mut tx, DecisionId::new(id)).await?;
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("decision", id),
            AuditAction::Create,
            None,
            Some(&created),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn update_decision(
        &self,
        actor: Actor,
        id: DecisionId,
        input: &DecisionInput,
    ) -> StoreResult<Decision> {
        let mut tx = self.write().await?;
        let before = fetch_decision(&mut tx, id).await?;
        if let Some(body) = input.body_id {
            check_owned(&mut tx, Owned::Body(body), before.initiative_id).await?;
        }
        sqlx::query(
            "UPDATE decisions SET body_id = ?1, decided_on = ?2, kind = ?3, text = ?4, contested = ?5, updated_at = ?6
             WHERE id = ?7",
        )
        .bind(input.body_id.map(BodyId::get))
        .bind(input.decided_on)
        .bind(input.kind.code())
        .bind(&input.text)
        .bind(input.contested)
        .bind(Utc::now())
        .bind(id.get())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        write_decision_links(&mut tx, before.initiative_id, id, input).await?;
        let after = fetch_decision(&mut tx, id).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("decision", id.get()),
            before,
            after,
        )
        .await
    }

    async fn delete_decision(&self, actor: Actor, id: DecisionId) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let before = fetch_decision(&mut tx, id).await?;
        let statement = "DELETE FROM decisions WHERE id = ?1";
        commit_delete(
            tx,
            actor,
            before.initiative_id,
            statement,
            ("decision", id.get()),
            &before,
        )
        .await
    }

    async fn decision(&self, id: DecisionId) -> StoreResult<Decision> {
        let mut conn = self.read().await?;
        fetch_decision(&mut conn, id).await
    }

    async fn decisions(&self, initiative: InitiativeId) -> StoreResult<Vec<Decision>> {
        let mut conn = self.read().await?;
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM decisions WHERE initiative_id = ?1 ORDER BY decided_on DESC, id DESC",
        )
        .bind(initiative.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?;
        let mut decisions = Vec::with_capacity(ids.len());
        for id in ids {
            decisions.push(fetch_decision(&mut conn, DecisionId::new(id)).await?);
        }
        Ok(decisions)
    }

    async fn create_dispute(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &DisputeInput,
    ) -> StoreResult<Dispute> {
        let mut tx = self.write().await?;
        let now = Utc::now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO disputes (initiative_id, question, status, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?4) RETURNING id",
        )
        .bind(initiative.get())
        .bind(&input.question)
        .bind(DisputeStatus::Open.code())
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        let id = DisputeId::new(id);
        write_dispute(&mut tx, initiative, id, input).await?;
        add_dispute_event(&mut tx, actor, id, DisputeStatus::Open, None).await?;
        let created = fetch_dispute(&mut tx, id).await?;
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("dispute", id.get()),
            AuditAction::Create,
            None,
            Some(&created),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn update_dispute(
        &self,
        actor: Actor,
        id: DisputeId,
        input: &DisputeInput,
    ) -> StoreResult<Dispute> {
        let mut tx = self.write().await?;
        let before = fetch_dispute(&mut tx, id).await?;
        write_dispute(&mut tx, before.initiative_id, id, input).await?;
        let after = fetch_dispute(&mut tx, id).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("dispute", id.get()),
            before,
            after,
        )
        .await
    }

    async fn add_position(
        &self,
        actor: Actor,
        dispute: DisputeId,
        input: &PositionInput,
    ) -> StoreResult<Dispute> {
        let mut tx = self.write().await?;
        let before = fetch_dispute(&mut tx, dispute).await?;
        if let Some(organization) = input.organization_id {
            check_owned(
                &mut tx,
                Owned::Organization(organization),
                before.initiative_id,
            )
            .await?;
        }
        let now = Utc::now();
        sqlx::query("INSERT INTO dispute_positions (dispute_id, organization_id, position, created_at) VALUES (?1, ?2, ?3, ?4)")
            .bind(dispute.get())
            .bind(input.organization_id.map(OrganizationId::get))
            .bind(&input.position)
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        sqlx::query("UPDATE disputes SET updated_at = ?1 WHERE id = ?2")
            .bind(now)
            .bind(dispute.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        let after = fetch_dispute(&mut tx, dispute).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("dispute", dispute.get()),
            before,
            after,
        )
        .await
    }

    async fn change_dispute_status(
        &self,
        actor: Actor,
        id: DisputeId,
        input: &DisputeStatusInput,
    ) -> StoreResult<Dispute> {
        let mut tx = self.write().await?;
        let before = fetch_dispute(&mut tx, id).await?;
        if !before.status.can_become(input.status) {
            return Err(StoreError::Conflict(Conflict::Transition));
        }
        sqlx::query("UPDATE disputes SET status = ?1, updated_at = ?2 WHERE id = ?3")
            .bind(input.status.code())
            .bind(Utc::now())
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        add_dispute_event(&mut tx, actor, id, input.status, input.note.as_deref()).await?;
        let after = fetch_dispute(&mut tx, id).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("dispute", id.get()),
            before,
            after,
        )
        .await
    }

    async fn dispute(&self, id: DisputeId) -> StoreResult<Dispute> {
        let mut conn = self.read().await?;
        fetch_dispute(&mut conn, id).await
    }

    async fn disputes(&self, initiative: InitiativeId) -> StoreResult<Vec<Dispute>> {
        let mut conn = self.read().await?;
        let ids: Vec<i64> =
            sqlx::query_scalar("SELECT id FROM disputes WHERE initiative_id = ?1 ORDER BY id DESC")
                .bind(initiative.get())
                .fetch_all(&mut *conn)
                .await
                .map_err(backend)?;
        let mut disputes = Vec::with_capacity(ids.len());
        for id in ids {
            disputes.push(fetch_dispute(&mut conn, DisputeId::new(id)).await?);
        }
        Ok(disputes)
    }

    async fn create_endorsement(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &EndorsementInput,
    ) -> StoreResult<Endorsement> {
        let mut tx = self.write().await?;
        check_owned(
            &mut tx,
            Owned::Organization(input.organization_id),
            initiative,
        )
        .await?;
        let version: i64 = sqlx::query_scalar(
            "SELECT id FROM agenda_versions WHERE initiative_id = ?1 AND number = ?2",
        )
        .bind(initiative.get())
        .bind(i64::from(input.version))
        .fetch_optional(&mut *tx)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO endorsements (initiative_id, organization_id, agenda_version_id, signed_on, signed_by, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
        )
        .bind(initiative.get())
        .bind(input.organization_id.get())
        .bind(version)
        .bind(input.signed_on)
        .bind(&input.signed_by)
        .bind(Utc::now())
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        let created = fetch_endorsement(&mut tx, EndorsementId::new(id)).await?;
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("endorsement", id),
            AuditAction::Create,
            None,
            Some(&created),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn delete_endorsement(&self, actor: Actor, id: EndorsementId) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let before = fetch_endorsement(&mut tx, id).await?;
        let statement = "DELETE FROM endorsements WHERE id = ?1";
        commit_delete(
            tx,
            actor,
            before.initiative_id,
            statement,
            ("endorsement", id.get()),
            &before,
        )
        .await
    }

    async fn endorsement(&self, id: EndorsementId) -> StoreResult<Endorsement> {
        let mut conn = self.read().await?;
        fetch_endorsement(&mut conn, id).await
    }

    async fn endorsements(&self, initiative: InitiativeId) -> StoreResult<Vec<Endorsement>> {
        let mut conn = self.read().await?;
        sqlx::query(concat!(
            endorsement_select!(),
            "WHERE e.initiative_id = ?1 ORDER BY o.name_key, v.number"
        ))
        .bind(initiative.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?
        .iter()
        .map(endorsement)
        .collect()
    }

    async fn create_field_change(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &FieldChangeInput,
    ) -> StoreResult<FieldChange> {
        let mut tx = self.write().await?;
        check_field_change_references(&mut tx, initiative, input).await?;
        let now = Utc::now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO field_changes (initiative_id, organization_id, result_id, before_text, now_text, noted_on,
                 created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) RETURNING id",
        )
        .bind(initiative.get())
        .bind(input.organization_id.get())
        .bind(input.result_id.map(ResultNodeId::get))
        .bind(&input.before)
        .bind(&input.now)
        .bind(input.noted_on)
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        let created = fetch_field_change(&mut tx, FieldChangeId::new(id)).await?;
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("field_change", id),
            AuditAction::Create,
            None,
            Some(&created),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn update_field_change(
        &self,
        actor: Actor,
        id: FieldChangeId,
        input: &FieldChangeInput,
    ) -> StoreResult<FieldChange> {
        let mut tx = self.write().await?;
        let before = fetch_field_change(&mut tx, id).await?;
        check_field_change_references(&mut tx, before.initiative_id, input).await?;
        sqlx::query(
            "UPDATE field_changes SET organization_id = ?1, result_id = ?2, before_text = ?3, now_text = ?4, noted_on = ?5,
                 updated_at = ?6
             WHERE id = ?7",
        )
        .bind(input.organization_id.get())
        .bind(input.result_id.map(ResultNodeId::get))
        .bind(&input.before)
        .bind(&input.now)
        .bind(input.noted_on)
        .bind(Utc::now())
        .bind(id.get())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        let after = fetch_field_change(&mut tx, id).await?;
        commit_update(
            tx,
            actor,
            before.initiative_id,
            ("field_change", id.get()),
            before,
            after,
        )
        .await
    }

    async fn delete_field_change(&self, actor: Actor, id: FieldChangeId) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let before = fetch_field_change(&mut tx, id).await?;
        let statement = "DELETE FROM field_changes WHERE id = ?1";
        commit_delete(
            tx,
            actor,
            before.initiative_id,
            statement,
            ("field_change", id.get()),
            &before,
        )
        .await
    }

    async fn field_change(&self, id: FieldChangeId) -> StoreResult<FieldChange> {
        let mut conn = self.read().await?;
        fetch_field_change(&mut conn, id).await
    }

    async fn field_changes(&self, initiative: InitiativeId) -> StoreResult<Vec<FieldChange>> {
        let mut conn = self.read().await?;
        sqlx::query(concat!(
            field_change_select!(),
            "WHERE f.initiative_id = ?1 ORDER BY f.noted_on DESC, f.id DESC"
        ))
        .bind(initiative.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?
        .iter()
        .map(field_change)
        .collect()
    }
}
