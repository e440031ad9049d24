//! The document library: documents in the initiative's folder or a body's, each with its
//! versions; the files themselves are read one at a time, never with the list.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kesher_domain::documents::{DocumentInput, Visibility};
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Actor, StoreResult};

/// One uploaded version of a document (its bytes are read with `document_file`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct DocumentVersion {
    pub id: DocumentVersionId,
    /// 1, 2, 3… within the document.
    pub number: u32,
    /// The name it was uploaded with (a label only).
    pub file_name: String,
    /// What its bytes are, as recognised on upload.
    pub media_type: String,
    pub size_bytes: u64,
    /// SHA-256 of the bytes, in hex.
    pub sha256: String,
    pub created_at: DateTime<Utc>,
}

/// A document of the library, with its versions, newest last.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Document {
    pub id: DocumentId,
    pub initiative_id: InitiativeId,
    /// The body whose folder holds it; `None`: the initiative's own folder.
    pub body_id: Option<BodyId>,
    pub body_name: Option<String>,
    pub title: String,
    pub description: Option<String>,
    pub visibility: Visibility,
    pub meeting_id: Option<MeetingId>,
    pub decision_id: Option<DecisionId>,
    pub result_id: Option<ResultNodeId>,
    pub versions: Vec<DocumentVersion>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Document {
    /// The version people open.
    pub fn latest(&self) -> Option<&DocumentVersion> {
        self.versions.last()
    }
}

/// A file to keep, already recognised by its bytes.
#[derive(Clone, Copy, Debug)]
pub struct NewFile<'a> {
    pub file_name: &'a str,
    pub media_type: &'a str,
    pub sha256: &'a str,
    pub bytes: &'a [u8],
}

#[async_trait]
pub trait DocumentStore: Send + Sync {
    /// A new document with its first version. The body, meeting, decision and result it
    /// names must be the initiative's.
    async fn create_document(
        &self,
        actor: Actor,
        initiative: InitiativeId,
        input: &DocumentInput,
        file: NewFile<'_>,
    ) -> StoreResult<Document>;
    /// A new version of a document, numbered after its last.
    async fn add_document_version(
        &self,
        actor: Actor,
        id: DocumentId,
        file: NewFile<'_>,
    ) -> StoreResult<Document>;
    /// Changes a document's title, folder, visibility and links.
    async fn edit_document(
        &self,
        actor: Actor,
        id: DocumentId,
        input: &DocumentInput,
    ) -> StoreResult<Document>;
    /// Deletes a document with every version.
    async fn delete_document(&self, actor: Actor, id: DocumentId) -> StoreResult<()>;
    async fn document(&self, id: DocumentId) -> StoreResult<Document>;
    /// The initiative's documents, by folder and title.
    async fn documents(&self, initiative: InitiativeId) -> StoreResult<Vec<Document>>;
    /// A version's bytes, with the document it belongs to.
    async fn document_file(
        &self,
        version: DocumentVersionId,
    ) -> StoreResult<(Document, DocumentVersion, Vec<u8>)>;
}
