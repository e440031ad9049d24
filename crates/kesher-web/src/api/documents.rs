//! The document library: documents with their versions, who may see them, and what they
//! belong to (a meeting's materials, a decision, a results node). Files go up as
//! `multipart/form-data` and come down as attachments.

use axum::Json;
use axum::extract::{DefaultBodyLimit, Multipart, State};
use axum::response::Response;
use kesher_core::CoreError;
use kesher_domain::documents::DocumentForm;
use kesher_domain::{DocumentId, DocumentVersionId, InitiativeId};
use kesher_store::Document;
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::{ErrorBody, created};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{JsonBody, Params, Sent};
use crate::router::DOCUMENT_LIMIT;

pub fn routes() -> OpenApiRouter<AppState> {
    let (schemas, paths, list) = routes!(list_documents, add_document);
    let (version_schemas, version_paths, versions) = routes!(add_document_version);
    OpenApiRouter::new()
        .routes((
            schemas,
            paths,
            list.layer(DefaultBodyLimit::max(DOCUMENT_LIMIT)),
        ))
        .routes((
            version_schemas,
            version_paths,
            versions.layer(DefaultBodyLimit::max(DOCUMENT_LIMIT)),
        ))
        .routes(routes!(show_document, edit_document, delete_document))
        .routes(routes!(download_version))
}

/// A new document as uploaded: its fields and its file (no other part is read).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct DocumentUpload {
    #[schema(required = true)]
    title: String,
    description: Option<String>,
    /// The body whose folder holds it; left out for the initiative's own folder.
    body_id: Option<i64>,
    /// `initiative`, `body` (its members and the backbone) or `backbone`.
    #[schema(required = true)]
    visibility: String,
    meeting_id: Option<i64>,
    decision_id: Option<i64>,
    result_id: Option<i64>,
    /// Up to 20 MB: office documents, PDF or an image, judged by the content.
    #[schema(format = Binary, content_media_type = "application/octet-stream", required = true)]
    file: String,
}

/// A new version as uploaded: its file (no other part is read).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct VersionUpload {
    /// Up to 20 MB: office documents, PDF or an image, judged by the content.
    #[schema(format = Binary, content_media_type = "application/octet-stream", required = true)]
    file: String,
}

/// The multipart body, or the API's own answer for another kind of body.
async fn sent(
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Sent, AppError> {
    let multipart = multipart.map_err(|_| CoreError::UnsupportedType {
        expected: "multipart/form-data",
    })?;
    Sent::read(multipart).await
}

/// The documents of the initiative the caller may see.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/documents", tag = "documents",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = Vec<Document>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list_documents(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Json<Vec<Document>>, AppError> {
    Ok(Json(state.kesher.documents(ctx.caller()?, id).await?.0))
}

/// Adds a document with its first version (backbone).
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/documents", tag = "documents",
    params(("id" = i64, Path, description = "Initiative id")),
    request_body(content = DocumentUpload, content_type = "multipart/form-data"),
    responses((status = 201, body = Document), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_document(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    // The role first: a refused caller is told so, whatever the body.
    state.kesher.require_library_manager(caller, id).await?;
    let sent = sent(multipart).await?;
    Ok(created(
        state
            .kesher
            .add_document(caller, id, &sent.form(), sent.upload())
            .await?,
    ))
}

/// One document with its versions, if the caller may see it.
#[utoipa::path(get, path = "/api/v1/documents/{id}", tag = "documents",
    params(("id" = i64, Path, description = "Document id")),
    responses((status = 200, body = Document), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn show_document(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<DocumentId>,
) -> Result<Json<Document>, AppError> {
    Ok(Json(state.kesher.document(ctx.caller()?, id).await?.0))
}

/// Changes a document's title, folder, visibility and links (backbone).
#[utoipa::path(put, path = "/api/v1/documents/{id}", tag = "documents", request_body = DocumentForm,
    params(("id" = i64, Path, description = "Document id")),
    responses((status = 200, body = Document), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn edit_document(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<DocumentId>,
    JsonBody(form): JsonBody<DocumentForm>,
) -> Result<Json<Document>, AppError> {
    Ok(Json(
        state.kesher.edit_document(ctx.caller()?, id, &form).await?,
    ))
}

/// Deletes a document with every version (backbone).
#[utoipa::path(delete, path = "/api/v1/documents/{id}", tag = "documents",
    params(("id" = i64, Path, description = "Document id")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn delete_document(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<DocumentId>,
) -> Result<axum::http::StatusCode, AppError> {
    state.kesher.delete_document(ctx.caller()?, id).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

/// Uploads a new version of a document (backbone).
#[utoipa::path(post, path = "/api/v1/documents/{id}/versions", tag = "documents",
    params(("id" = i64, Path, description = "Document id")),
    request_body(content = VersionUpload, content_type = "multipart/form-data"),
    responses((status = 200, body = Document), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_document_version(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<DocumentId>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Json<Document>, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.document(caller, id).await?;
    state
        .kesher
        .require_library_manager(caller, found.initiative_id)
        .await?;
    let sent = sent(multipart).await?;
    Ok(Json(
        state
            .kesher
            .add_document_version(caller, id, sent.upload())
            .await?,
    ))
}

/// A version's file, as an attachment.
#[utoipa::path(get, path = "/api/v1/document-versions/{id}/file", tag = "documents",
    params(("id" = i64, Path, description = "Document version id")),
    responses((status = 200, description = "The file, with the media type its content was recognised as",
            content(
                (String = "application/pdf"), (String = "image/png"), (String = "image/jpeg"),
                (String = "image/gif"), (String = "image/webp"),
                (String = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                (String = "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
                (String = "application/msword"), (String = "application/vnd.ms-excel"),
                (String = "application/vnd.ms-powerpoint"),
                (String = "application/vnd.oasis.opendocument.text"),
                (String = "application/vnd.oasis.opendocument.spreadsheet"),
                (String = "application/vnd.oasis.opendocument.presentation"))),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn download_version(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<DocumentVersionId>,
) -> Result<Response, AppError> {
    let (_, version, bytes) = state.kesher.document_file(ctx.caller()?, id).await?;
    Ok(crate::downloads::document(&version, bytes))
}
