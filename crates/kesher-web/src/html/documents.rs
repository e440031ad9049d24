//! The document library: documents by folder (the initiative's, then each body's), each
//! with its versions; the backbone uploads, replaces, moves and deletes them. A meeting's
//! materials are documents linked to it. Files are served as attachments, never shown in
//! the page: a file cannot run in Kesher's origin.

use askama::Template;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::Response;
use kesher_core::CoreError;
use kesher_domain::documents::{DocumentForm, Visibility};
use kesher_domain::{DocumentId, DocumentVersionId, InitiativeId};
use kesher_store::Document;
use serde::Deserialize;

use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, NoFields, Params, QueryParams, Sent};
use crate::html::agenda::{body_choices, result_choices};
use crate::html::{Choice, check_in, choices, frame, render, render_with, saved};
use crate::page::{Page, Section};

const LABELS: &[(&str, &str)] = &[
    ("title", "field-document-title"),
    ("description", "field-document-description"),
    ("body_id", "field-document-folder"),
    ("visibility", "field-document-visibility"),
    ("meeting_id", "field-document-meeting"),
    ("decision_id", "field-document-decision"),
    ("result_id", "field-document-result"),
    ("file", "field-document-file"),
];

/// Reads the library's multipart form and checks its CSRF token.
async fn read_sent(ctx: &Ctx, multipart: Multipart) -> Result<Sent, AppError> {
    let sent = Sent::read(multipart).await?;
    ctx.check_csrf(sent.fields.get("csrf").map(String::as_str))?;
    Ok(sent)
}

#[derive(Template)]
#[template(path = "documents/list.html")]
struct ListPage {
    page: Page,
    initiative_id: InitiativeId,
    /// Folder name and its documents, the initiative's folder first.
    folders: Vec<(String, Vec<Document>)>,
    can_manage: bool,
    form: DocumentForm,
    bodies: Vec<Choice>,
    visibilities: Vec<Choice>,
    meetings: Vec<Choice>,
    results: Vec<Choice>,
    errors: FormErrors,
}

impl ListPage {
    fn visibility(&self, document: &Document) -> String {
        visibility_words(&self.page, document)
    }

    fn size(&self, document: &Document) -> String {
        document
            .latest()
            .map(|v| size_words(&self.page, v.size_bytes))
            .unwrap_or_default()
    }
}

fn visibility_words(page: &Page, document: &Document) -> String {
    match document.visibility {
        Visibility::Body => page.named(
            "document-visibility-of-body",
            document.body_name.as_deref().unwrap_or_default(),
        ),
        other => page.t(other.label_id()),
    }
}

/// "2.4 MB", "180 KB".
fn size_words(page: &Page, bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        page.with(
            "document-size-mb",
            "value",
            format!("{:.1}", bytes as f64 / (1024.0 * 1024.0)),
        )
    } else {
        page.with("document-size-kb", "value", bytes.div_ceil(1024))
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LibraryQuery {
    /// Prefills the upload form as a meeting's material.
    meeting: Option<i64>,
}

async fn list_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    form: DocumentForm,
    errors: FormErrors,
) -> Result<ListPage, AppError> {
    let caller = ctx.caller()?;
    let f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Documents,
        "documents-title",
    )
    .await?;
    let (documents, access) = state.kesher.documents(caller, id).await?;
    let mut folders: Vec<(String, Vec<Document>)> = Vec::new();
    for document in documents {
        let folder = document
            .body_name
            .clone()
            .unwrap_or_else(|| f.page.t("documents-folder-initiative"));
        match folders.iter_mut().find(|(name, _)| *name == folder) {
            Some((_, list)) => list.push(document),
            None => folders.push((folder, vec![document])),
        }
    }
    let can_manage = access.can_manage_bodies();
    let (bodies, meetings, results) = if can_manage {
        let meetings = state
            .kesher
            .meetings_of_initiative(caller, id)
            .await?
            .into_iter()
            .rev()
            .map(|m| Choice {
                value: m.id.to_string(),
                label: format!(
                    "{} · {}",
                    f.page.meeting_name(&m.body_name, &m.number),
                    f.page.date(&m.starts_at.date())
                ),
            })
            .collect();
        (
            body_choices(&state.kesher, caller, id).await?,
            meetings,
            result_choices(&state.kesher.results_tree(caller, id).await?),
        )
    } else {
        Default::default()
    };
    Ok(ListPage {
        visibilities: choices(
            &f.page,
            Visibility::ALL,
            Visibility::code,
            Visibility::label_id,
        ),
        page: f.page,
        initiative_id: id,
        folders,
        can_manage,
        form,
        bodies,
        meetings,
        results,
        errors,
    })
}

/// `GET /initiatives/{id}/documents` (`?meeting=` prefills the form for its materials)
pub async fn list_documents(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    QueryParams(query): QueryParams<LibraryQuery>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let mut form = DocumentForm {
        visibility: Visibility::Initiative.code().into(),
        ..Default::default()
    };
    if let Some(meeting) = query.meeting {
        let (found, _) = state
            .kesher
            .meeting(caller, kesher_domain::MeetingId::new(meeting))
            .await?;
        check_in(id, found.initiative_id)?;
        form.meeting_id = meeting.to_string();
        form.body_id = found.body_id.to_string();
    }
    render(&list_page(&state, &ctx, id, form, FormErrors::default()).await?)
}

/// `POST /initiatives/{id}/documents` (backbone): multipart with the fields and `file`.
pub async fn add_document(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    state.kesher.require_library_manager(caller, id).await?;
    let (sent, early) = match read_sent(&ctx, multipart).await {
        Ok(sent) => (Some(sent), None),
        Err(AppError(CoreError::Invalid(errors))) => (None, Some(errors)),
        Err(other) => return Err(other),
    };
    let outcome = match (&sent, early) {
        (Some(sent), _) => {
            state
                .kesher
                .add_document(caller, id, &sent.form(), sent.upload())
                .await
        }
        (None, Some(errors)) => Err(CoreError::Invalid(errors)),
        (None, None) => Err(CoreError::Internal("no form".into())),
    };
    match outcome {
        Ok(document) => Ok(saved(
            &ctx,
            &format!("/initiatives/{id}/documents/{}", document.id),
            "flash-document-added",
        )),
        Err(CoreError::Invalid(errors)) => {
            let form = sent.map(|s| s.form()).unwrap_or_default();
            let errors = FormErrors::new(ctx.lang, &errors, LABELS);
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &list_page(&state, &ctx, id, form, errors).await?,
            )
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "documents/show.html")]
struct ShowPage {
    page: Page,
    initiative_id: InitiativeId,
    document: Document,
    visibility: String,
    can_manage: bool,
    /// What it is linked to, in words, each with its page.
    links: Vec<(String, String)>,
    form: DocumentForm,
    bodies: Vec<Choice>,
    visibilities: Vec<Choice>,
    errors: FormErrors,
}

impl ShowPage {
    fn size(&self, bytes: &u64) -> String {
        size_words(&self.page, *bytes)
    }
}

fn form_of(document: &Document) -> DocumentForm {
    let id = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    DocumentForm {
        title: document.title.clone(),
        description: document.description.clone().unwrap_or_default(),
        body_id: id(document.body_id.map(|b| b.get())),
        visibility: document.visibility.code().into(),
        meeting_id: id(document.meeting_id.map(|m| m.get())),
        decision_id: id(document.decision_id.map(|d| d.get())),
        result_id: id(document.result_id.map(|r| r.get())),
    }
}

async fn show_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    document: DocumentId,
    form: Option<DocumentForm>,
    errors: FormErrors,
) -> Result<ShowPage, AppError> {
    let caller = ctx.caller()?;
    let (found, access) = state.kesher.document(caller, document).await?;
    check_in(id, found.initiative_id)?;
    let f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Documents,
        "documents-title",
    )
    .await?;
    let mut page = f.page;
    page.title = found.title.clone();
    let mut links = Vec::new();
    if let Some(meeting) = found.meeting_id
        && let Ok((m, _)) = state.kesher.meeting(caller, meeting).await
    {
        links.push((
            page.named(
                "document-material-of",
                &page.meeting_name(&m.body_name, &m.number),
            ),
            format!("/initiatives/{id}/meetings/{meeting}"),
        ));
    }
    if let Some(decision) = found.decision_id
        && let Ok((d, _)) = state.kesher.decision(caller, decision).await
    {
        links.push((
            page.with("document-of-decision", "date", page.date(&d.decided_on)),
            format!("/initiatives/{id}/decisions/{decision}"),
        ));
    }
    if let Some(result) = found.result_id
        && let Ok(tree) = state.kesher.results_tree(caller, id).await
        && let Some(row) = tree.iter().find(|r| r.node.id == result)
    {
        links.push((
            page.named("document-of-result", &row.node.title),
            format!("/initiatives/{id}/results/{result}"),
        ));
    }
    let can_manage = access.can_manage_bodies();
    Ok(ShowPage {
        bodies: if can_manage {
            body_choices(&state.kesher, caller, id).await?
        } else {
            Vec::new()
        },
        visibilities: choices(
            &page,
            Visibility::ALL,
            Visibility::code,
            Visibility::label_id,
        ),
        visibility: visibility_words(&page, &found),
        form: form.unwrap_or_else(|| form_of(&found)),
        page,
        initiative_id: id,
        document: found,
        can_manage,
        links,
        errors,
    })
}

/// `GET /initiatives/{id}/documents/{document}`
pub async fn show_document(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, document)): Params<(InitiativeId, DocumentId)>,
) -> Result<Response, AppError> {
    render(&show_page(&state, &ctx, id, document, None, FormErrors::default()).await?)
}

/// `POST /initiatives/{id}/documents/{document}` (backbone): title, folder, visibility.
pub async fn edit_document(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, document)): Params<(InitiativeId, DocumentId)>,
    CsrfForm(form): CsrfForm<DocumentForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.document(caller, document).await?;
    check_in(id, found.initiative_id)?;
    // The links (meeting, decision, result) are not on this form: they stay as they are.
    let form = DocumentForm {
        meeting_id: form_of(&found).meeting_id,
        decision_id: form_of(&found).decision_id,
        result_id: form_of(&found).result_id,
        ..form
    };
    match state.kesher.edit_document(caller, document, &form).await {
        Ok(_) => Ok(saved(
            &ctx,
            &format!("/initiatives/{id}/documents/{document}"),
            "flash-document-saved",
        )),
        Err(CoreError::Invalid(errors)) => {
            let errors = FormErrors::new(ctx.lang, &errors, LABELS);
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &show_page(&state, &ctx, id, document, Some(form), errors).await?,
            )
        }
        Err(other) => Err(other.into()),
    }
}

/// `POST /initiatives/{id}/documents/{document}/versions` (backbone): multipart `file`.
pub async fn add_version(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, document)): Params<(InitiativeId, DocumentId)>,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.document(caller, document).await?;
    check_in(id, found.initiative_id)?;
    let outcome = match read_sent(&ctx, multipart).await {
        Ok(sent) => {
            state
                .kesher
                .add_document_version(caller, document, sent.upload())
                .await
        }
        Err(AppError(error)) => Err(error),
    };
    match outcome {
        Ok(_) => Ok(saved(
            &ctx,
            &format!("/initiatives/{id}/documents/{document}#versions"),
            "flash-document-version-added",
        )),
        Err(CoreError::Invalid(errors)) => {
            let errors = FormErrors::new(ctx.lang, &errors, LABELS);
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &show_page(&state, &ctx, id, document, None, errors).await?,
            )
        }
        Err(other) => Err(other.into()),
    }
}

/// `POST /initiatives/{id}/documents/{document}/delete` (backbone)
pub async fn delete_document(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, document)): Params<(InitiativeId, DocumentId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.document(caller, document).await?;
    check_in(id, found.initiative_id)?;
    state.kesher.delete_document(caller, document).await?;
    Ok(saved(
        &ctx,
        &format!("/initiatives/{id}/documents"),
        "flash-document-deleted",
    ))
}

/// `GET /initiatives/{id}/documents/{document}/versions/{version}`: the file itself.
pub async fn download(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, document, version)): Params<(InitiativeId, DocumentId, DocumentVersionId)>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (owner, found, bytes) = state.kesher.document_file(caller, version).await?;
    if owner.id != document {
        return Err(CoreError::NotFound.into());
    }
    check_in(id, owner.initiative_id)?;
    Ok(crate::downloads::document(&found, bytes))
}
