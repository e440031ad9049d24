//! The glossary: terms and the versions of their definitions.

use std::collections::HashMap;

use async_trait::async_trait;
use chrono::Utc;
use kesher_domain::agenda::{AdoptionInput, DefinitionInput};
use kesher_domain::search::fold;
use kesher_domain::text::Name;
use kesher_domain::*;
use kesher_store::{
    Actor, AuditAction, Definition, GlossaryStore, GlossaryTerm, StoreError, StoreResult,
};
use sqlx::SqliteConnection;
use sqlx::sqlite::SqliteRow;

use crate::audit::{commit_update, record_in};
use crate::owned::{Owned, check_owned};
use crate::rows::{get, timestamp};
use crate::{SqliteStore, backend};

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

#[async_trait]
impl GlossaryStore for SqliteStore {
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
}
