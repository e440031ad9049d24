//! The document library: the backbone keeps documents in the initiative's folder or a
//! body's, uploads new versions, and links them to a meeting (its materials), a decision or
//! a node of the results tree. Who sees one is the document's own choice: everyone in the
//! initiative, the body's members (and the backbone), or the backbone alone.

use chrono::Utc;
use kesher_domain::access::Access;
use kesher_domain::documents::{DocumentForm, Visibility, file_kind, file_name};
use kesher_domain::*;
use kesher_store::{Document, DocumentVersion, MembershipFilter, NewFile};
use sha2::{Digest, Sha256};

use super::meetings::seated_on;
use crate::error::choice_of;
use crate::{Caller, CoreError, CoreResult, Kesher};

/// A file as it arrived: the name the browser gave it (a label) and its bytes.
#[derive(Clone, Copy, Debug)]
pub struct Upload<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

/// The SHA-256 of a file, in hex: what a version is known by in the audit log.
pub fn file_digest(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

impl Kesher {
    /// Whether the caller may see `document`.
    async fn may_see(
        &self,
        caller: &Caller,
        access: &Access,
        document: &Document,
    ) -> CoreResult<bool> {
        Ok(match document.visibility {
            Visibility::Initiative => true,
            Visibility::Backbone => access.can_manage_bodies(),
            Visibility::Body => {
                if access.can_manage_bodies() {
                    return Ok(true);
                }
                let (Some(body), Some(me)) = (
                    document.body_id,
                    self.person_of(caller, document.initiative_id).await?,
                ) else {
                    return Ok(false);
                };
                let seats = self
                    .store
                    .list_memberships(
                        document.initiative_id,
                        &MembershipFilter {
                            body_id: Some(body),
                            ..Default::default()
                        },
                    )
                    .await?;
                seated_on(&seats, body, Utc::now().date_naive()).contains(&me.id)
            }
        })
    }

    /// Refuses a caller who may not change the initiative's library (before a file is read).
    pub async fn require_library_manager(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<()> {
        self.require(caller, initiative, |a| a.can_manage_bodies())
            .await
            .map(|_| ())
    }

    /// The documents of the initiative the caller may see, by folder and title.
    pub async fn documents(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<(Vec<Document>, Access)> {
        let access = self.require(caller, initiative, |_| true).await?;
        let mut visible = Vec::new();
        for document in self.store.documents(initiative).await? {
            if self.may_see(caller, &access, &document).await? {
                visible.push(document);
            }
        }
        Ok((visible, access))
    }

    /// The visible documents that are a meeting's materials.
    pub async fn meeting_materials(
        &self,
        caller: &Caller,
        meeting: MeetingId,
    ) -> CoreResult<Vec<Document>> {
        let found = self.store.meeting(meeting).await?;
        let (documents, _) = self.documents(caller, found.initiative_id).await?;
        Ok(documents
            .into_iter()
            .filter(|d| d.meeting_id == Some(meeting))
            .collect())
    }

    /// One document, if the caller may see it (403 otherwise).
    pub async fn document(
        &self,
        caller: &Caller,
        id: DocumentId,
    ) -> CoreResult<(Document, Access)> {
        let found = self.store.document(id).await?;
        let access = self.require(caller, found.initiative_id, |_| true).await?;
        if !self.may_see(caller, &access, &found).await? {
            return Err(CoreError::Forbidden);
        }
        Ok((found, access))
    }

    /// A version's file, if the caller may see its document.
    pub async fn document_file(
        &self,
        caller: &Caller,
        version: DocumentVersionId,
    ) -> CoreResult<(Document, DocumentVersion, Vec<u8>)> {
        let (document, found, bytes) = self.store.document_file(version).await?;
        let access = self
            .require(caller, document.initiative_id, |_| true)
            .await?;
        if !self.may_see(caller, &access, &document).await? {
            return Err(CoreError::Forbidden);
        }
        Ok((document, found, bytes))
    }

    /// Adds a document with its first version (backbone). The file is accepted by what
    /// its bytes are; a missing, unknown or too large file is named at the `file` field,
    /// beside any other field's problem.
    pub async fn add_document(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &DocumentForm,
        upload: Option<Upload<'_>>,
    ) -> CoreResult<Document> {
        self.require_library_manager(caller, initiative).await?;
        let parsed = form.parse();
        let kind = checked_file(upload);
        let (input, (upload, kind)) = match (parsed, kind) {
            (Ok(input), Ok(file)) => (input, file),
            (parsed, kind) => {
                let mut errors = parsed.err().unwrap_or_default();
                if let Err(problem) = kind {
                    errors.push(FieldError::new("file", problem));
                }
                return Err(CoreError::Invalid(errors));
            }
        };
        self.check_document_links(initiative, &input).await?;
        let name = file_name(upload.name);
        let sha = file_digest(upload.bytes);
        self.store
            .create_document(
                caller.actor(),
                initiative,
                &input,
                NewFile {
                    file_name: &name,
                    media_type: kind.media_type,
                    sha256: &sha,
                    bytes: upload.bytes,
                },
            )
            .await
            .map_err(choice_of("body_id"))
    }

    /// A new version of a document (backbone).
    pub async fn add_document_version(
        &self,
        caller: &Caller,
        id: DocumentId,
        upload: Option<Upload<'_>>,
    ) -> CoreResult<Document> {
        let found = self.store.document(id).await?;
        self.require(caller, found.initiative_id, |a| a.can_manage_bodies())
            .await?;
        let (upload, kind) = checked_file(upload)
            .map_err(|problem| CoreError::Invalid(vec![FieldError::new("file", problem)]))?;
        let name = file_name(upload.name);
        let sha = file_digest(upload.bytes);
        Ok(self
            .store
            .add_document_version(
                caller.actor(),
                id,
                NewFile {
                    file_name: &name,
                    media_type: kind.media_type,
                    sha256: &sha,
                    bytes: upload.bytes,
                },
            )
            .await?)
    }

    /// Changes a document's title, folder, visibility and links (backbone).
    pub async fn edit_document(
        &self,
        caller: &Caller,
        id: DocumentId,
        form: &DocumentForm,
    ) -> CoreResult<Document> {
        let found = self.store.document(id).await?;
        self.require(caller, found.initiative_id, |a| a.can_manage_bodies())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        self.check_document_links(found.initiative_id, &input)
            .await?;
        self.store
            .edit_document(caller.actor(), id, &input)
            .await
            .map_err(choice_of("body_id"))
    }

    /// Deletes a document with all its versions (backbone); the audit log keeps what it was.
    pub async fn delete_document(&self, caller: &Caller, id: DocumentId) -> CoreResult<()> {
        let found = self.store.document(id).await?;
        self.require(caller, found.initiative_id, |a| a.can_manage_bodies())
            .await?;
        Ok(self.store.delete_document(caller.actor(), id).await?)
    }
}

/// The upload and what it is, or why it is refused.
fn checked_file(
    upload: Option<Upload<'_>>,
) -> Result<(Upload<'_>, kesher_domain::documents::FileKind), Invalid> {
    let upload = upload.ok_or(Invalid::Required)?;
    let kind = file_kind(upload.bytes)?;
    Ok((upload, kind))
}

impl Kesher {
    /// Each link of a document to a record of another initiative (or none), at its field.
    async fn check_document_links(
        &self,
        initiative: InitiativeId,
        input: &kesher_domain::documents::DocumentInput,
    ) -> CoreResult<()> {
        let mut errors = Vec::new();
        let mut check = |field: &'static str, owner: Option<InitiativeId>| {
            if owner != Some(initiative) {
                errors.push(FieldError::new(field, Invalid::Choice));
            }
        };
        if let Some(body) = input.body_id {
            check(
                "body_id",
                self.store.body(body).await.ok().map(|b| b.initiative_id),
            );
        }
        if let Some(meeting) = input.meeting_id {
            check(
                "meeting_id",
                self.store
                    .meeting(meeting)
                    .await
                    .ok()
                    .map(|m| m.initiative_id),
            );
        }
        if let Some(decision) = input.decision_id {
            check(
                "decision_id",
                self.store
                    .decision(decision)
                    .await
                    .ok()
                    .map(|d| d.initiative_id),
            );
        }
        if let Some(result) = input.result_id {
            check(
                "result_id",
                self.store
                    .result(result)
                    .await
                    .ok()
                    .map(|r| r.initiative_id),
            );
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(CoreError::Invalid(errors))
        }
    }
}
