//! The document library.

use async_trait::async_trait;
use chrono::Utc;
use kesher_domain::documents::{DocumentInput, Visibility};
use kesher_domain::*;
use kesher_store::{
    Actor, AuditAction, Document, DocumentStore, DocumentVersion, NewFile, StoreError, StoreResult,
};
use sqlx::SqliteConnection;
use sqlx::sqlite::SqliteRow;

use crate::audit::{commit_delete, commit_update, record_in};
use crate::owned::{Owned, check_owned};
use crate::rows::{choice, get, timestamp};
use crate::{SqliteStore, backend};

macro_rules! document_select {
    () => {
        "SELECT d.*, b.name AS body_name FROM documents d LEFT JOIN bodies b ON b.id = d.body_id "
    };
}

const VERSION_COLUMNS: &str =
    "id, document_id, number, file_name, media_type, size_bytes, sha256, created_at";

fn version(row: &SqliteRow) -> Result<DocumentVersion, StoreError> {
    Ok(DocumentVersion {
        id: DocumentVersionId::new(get(row, "id")?),
        number: get::<i64>(row, "number")? as u32,
        file_name: get(row, "file_name")?,
        media_type: get(row, "media_type")?,
        size_bytes: get::<i64>(row, "size_bytes")? as u64,
        sha256: get(row, "sha256")?,
        created_at: timestamp(row, "created_at")?,
    })
}

fn document(row: &SqliteRow, versions: Vec<DocumentVersion>) -> Result<Document, StoreError> {
    Ok(Document {
        id: DocumentId::new(get(row, "id")?),
        initiative_id: InitiativeId::new(get(row, "initiative_id")?),
        body_id: get::<Option<i64>>(row, "body_id")?.map(BodyId::new),
        body_name: get(row, "body_name")?,
        title: get(row, "title")?,
        description: get(row, "description")?,
        visibility: choice(row, "visibility", Visibility::parse)?,
        meeting_id: get::<Option<i64>>(row, "meeting_id")?.map(MeetingId::new),
        decision_id: get::<Option<i64>>(row, "decision_id")?.map(DecisionId::new),
        result_id: get::<Option<i64>>(row, "result_id")?.map(ResultNodeId::new),
        versions,
        created_at: timestamp(row, "created_at")?,
        updated_at: timestamp(row, "updated_at")?,
    })
}

async fn versions_of(
    conn: &mut SqliteConnection,
    document: i64,
) -> StoreResult<Vec<DocumentVersion>> {
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {VERSION_COLUMNS} FROM document_versions WHERE document_id = ?1 ORDER BY number"
    )))
    .bind(document)
    .fetch_all(conn)
    .await
    .map_err(backend)?
    .iter()
    .map(version)
    .collect()
}

async fn fetch(conn: &mut SqliteConnection, id: DocumentId) -> StoreResult<Document> {
    let row = sqlx::query(concat!(document_select!(), "WHERE d.id = ?1"))
        .bind(id.get())
        .fetch_optional(&mut *conn)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
    let versions = versions_of(conn, id.get()).await?;
    document(&row, versions)
}

/// Refuses links to records of another initiative.
async fn check_links(
    conn: &mut SqliteConnection,
    initiative: InitiativeId,
    input: &DocumentInput,
) -> StoreResult<()> {
    if let Some(body) = input.body_id {
        check_owned(conn, Owned::Body(body), initiative).await?;
    }
    if let Some(meeting) = input.meeting_id {
        check_owned(conn, Owned::Meeting(meeting), initiative).await?;
    }
    if let Some(decision) = input.decision_id {
        check_owned(conn, Owned::Decision(decision), initiative).await?;
    }
    if let Some(result) = input.result_id {
        check_owned(conn, Owned::Result(result), initiative).await?;
    }
    Ok(())
}

async fn insert_version(
    conn: &mut SqliteConnection,
    document: i64,
    file: NewFile<'_>,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO document_versions
             (document_id, number, file_name, media_type, size_bytes, sha256, content, created_at)
         VALUES (?1, (SELECT coalesce(max(number), 0) + 1 FROM document_versions WHERE document_id = ?1),
                 ?2, ?3, ?4, ?5, ?6, ?7)",
    )
    .bind(document)
    .bind(file.file_name)
    .bind(file.media_type)
    .bind(file.bytes.len() as i64)
    .bind(file.sha256)
    .bind(file.bytes)
    .bind(Utc::now())
    .execute(conn)
    .await
    .map_err(backend)?;
    Ok(())
}

#[async_trait]
impl DocumentStore for SqliteStore {
    async fn create_document(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &DocumentInput,
        file: NewFile<'_>,
    ) -> StoreResult<Document> {
        let mut tx = self.write().await?;
        check_links(&mut tx, initiative, input).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO documents (initiative_id, body_id, title, description, visibility,
                 meeting_id, decision_id, result_id, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9) RETURNING id",
        )
        .bind(initiative.get())
        .bind(input.body_id.map(BodyId::get))
        .bind(&input.title)
        .bind(&input.description)
        .bind(input.visibility.code())
        .bind(input.meeting_id.map(MeetingId::get))
        .bind(input.decision_id.map(DecisionId::get))
        .bind(input.result_id.map(ResultNodeId::get))
        .bind(Utc::now())
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        insert_version(&mut tx, id, file).await?;
        let created = fetch(&mut tx, DocumentId::new(id)).await?;
        record_in::<(), _>(
            &mut tx,
            actor,
            initiative,
            ("document", id),
            AuditAction::Create,
            None,
            Some(&created),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn add_document_version(
        &self,
        actor: Actor,
        id: DocumentId,
        file: NewFile<'_>,
    ) -> StoreResult<Document> {
        let mut tx = self.write().await?;
        let before = fetch(&mut tx, id).await?;
        insert_version(&mut tx, id.get(), file).await?;
        sqlx::query("UPDATE documents SET updated_at = ?1 WHERE id = ?2")
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
            ("document", id.get()),
            before,
            after,
        )
        .await
    }

    async fn edit_document(
        &self,
        actor: Actor,
        id: DocumentId,
        input: &DocumentInput,
    ) -> StoreResult<Document> {
        let mut tx = self.write().await?;
        let before = fetch(&mut tx, id).await?;
        check_links(&mut tx, before.initiative_id, input).await?;
        sqlx::query(
            "UPDATE documents SET body_id = ?1, title = ?2, description = ?3, visibility = ?4,
                 meeting_id = ?5, decision_id = ?6, result_id = ?7, updated_at = ?8
             WHERE id = ?9",
        )
        .bind(input.body_id.map(BodyId::get))
        .bind(&input.title)
        .bind(&input.description)
        .bind(input.visibility.code())
        .bind(input.meeting_id.map(MeetingId::get))
        .bind(input.decision_id.map(DecisionId::get))
        .bind(input.result_id.map(ResultNodeId::get))
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
            ("document", id.get()),
            before,
            after,
        )
        .await
    }

    async fn delete_document(&self, actor: Actor, id: DocumentId) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let before = fetch(&mut tx, id).await?;
        commit_delete(
            tx,
            actor,
            before.initiative_id,
            "DELETE FROM documents WHERE id = ?1",
            ("document", id.get()),
            &before,
        )
        .await
    }

    async fn document(&self, id: DocumentId) -> StoreResult<Document> {
        let mut conn = self.read().await?;
        fetch(&mut conn, id).await
    }

    async fn documents(&self, initiative: InitiativeId) -> StoreResult<Vec<Document>> {
        let mut conn = self.read().await?;
        let rows = sqlx::query(concat!(
            document_select!(),
            "WHERE d.initiative_id = ?1 ORDER BY d.body_id IS NOT NULL, b.name, d.title, d.id"
        ))
        .bind(initiative.get())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            let id: i64 = get(row, "id")?;
            let versions = versions_of(&mut conn, id).await?;
            out.push(document(row, versions)?);
        }
        Ok(out)
    }

    async fn document_file(
        &self,
        version_id: DocumentVersionId,
    ) -> StoreResult<(Document, DocumentVersion, Vec<u8>)> {
        let mut conn = self.read().await?;
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {VERSION_COLUMNS}, content FROM document_versions WHERE id = ?1"
        )))
        .bind(version_id.get())
        .fetch_optional(&mut *conn)
        .await
        .map_err(backend)?
        .ok_or(StoreError::NotFound)?;
        let found = version(&row)?;
        let content: Vec<u8> = get(&row, "content")?;
        let owner = DocumentId::new(get(&row, "document_id")?);
        let document = fetch(&mut conn, owner).await?;
        Ok((document, found, content))
    }
}
