//! Importing the partner list from a CSV or XLSX file.

use axum::Json;
use axum::extract::{DefaultBodyLimit, Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use kesher_core::CoreError;
use kesher_core::spreadsheet::{SheetFormat, TextEncoding};
use kesher_domain::InitiativeId;
use kesher_domain::import::ChangeCounts;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::{ErrorBody, IssueMessage, issue_messages};
use crate::context::Ctx;
use crate::error::{AppError, bad_request};
use crate::forms::{Params, QueryParams};

pub fn routes() -> OpenApiRouter<AppState> {
    let (schemas, paths, method_router) = routes!(import_partners);
    let method_router = method_router.layer(DefaultBodyLimit::max(crate::router::UPLOAD_LIMIT));
    let (program_schemas, program_paths, programs) = routes!(import_programs);
    let programs = programs.layer(DefaultBodyLimit::max(crate::router::UPLOAD_LIMIT));
    OpenApiRouter::new()
        .routes((schemas, paths, method_router))
        .routes((program_schemas, program_paths, programs))
}

/// Adds every program of a spreadsheet (CSV or XLSX, one row per program), or none. The
/// columns are named in Hebrew or English: partner (שותף), name (שם התוכנית), and any of
/// description, goals (by their titles), place codes, populations, subjects, age bands,
/// core, starts, ends, funding ("source: amount; …"). The backbone imports any partner's
/// programs, a partner editor their own. A refused file answers 422 with every problem by
/// line and column, and nothing is written.
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/programs/import", tag = "activities",
    params(("id" = i64, Path, description = "Initiative id")),
    request_body(content = ImportUpload, content_type = "multipart/form-data"),
    responses(
        (status = 201, body = Vec<crate::api::views::Program>, description = "Every program added"),
        (status = 422, body = ErrorBody, description = "Refused; nothing was written"),
        (status = 403, body = ErrorBody)))]
pub async fn import_programs(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let mut multipart = multipart.map_err(|_| CoreError::UnsupportedType {
        expected: "multipart/form-data",
    })?;
    let mut file = None;
    while let Some(field) = multipart.next_field().await.map_err(|_| bad_request())? {
        if field.name() == Some("file") {
            file = Some(field.bytes().await.map_err(|_| CoreError::BadRequest {
                message_id: "import-file-too-big",
            })?);
        }
    }
    let bytes = file.ok_or(CoreError::BadRequest {
        message_id: "import-no-file",
    })?;
    let created = state.kesher.import_programs(caller, id, &bytes).await?;
    Ok(crate::api::created(crate::api::views::all::<
        kesher_store::Program,
        crate::api::views::Program,
    >(created)))
}

#[derive(Deserialize, Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct ImportQuery {
    /// Check the file and report what it would do, without writing anything.
    dry_run: bool,
    /// The encoding of a CSV file, when detecting it makes the letters come out wrong;
    /// left out, it is detected. A byte-order mark in the file wins over it.
    #[param(inline)]
    encoding: Option<EncodingChoice>,
}

/// The encodings a CSV file can be read in, as the API spells them.
#[derive(Clone, Copy, Debug, Deserialize, ToSchema)]
pub enum EncodingChoice {
    #[serde(rename = "detect")]
    Detect,
    #[serde(rename = "utf-8")]
    Utf8,
    #[serde(rename = "windows-1255")]
    Windows1255,
    #[serde(rename = "windows-1256")]
    Windows1256,
    #[serde(rename = "windows-1251")]
    Windows1251,
    #[serde(rename = "windows-1252")]
    Windows1252,
}

impl From<EncodingChoice> for TextEncoding {
    fn from(choice: EncodingChoice) -> Self {
        match choice {
            EncodingChoice::Detect => TextEncoding::Detect,
            EncodingChoice::Utf8 => TextEncoding::Utf8,
            EncodingChoice::Windows1255 => TextEncoding::Windows1255,
            EncodingChoice::Windows1256 => TextEncoding::Windows1256,
            EncodingChoice::Windows1251 => TextEncoding::Windows1251,
            EncodingChoice::Windows1252 => TextEncoding::Windows1252,
        }
    }
}

/// The upload: one file part named `file`.
#[derive(ToSchema, serde::Deserialize)]
// The upload takes its file and nothing else (documented so: no other part is read).
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct ImportUpload {
    /// The spreadsheet: CSV (UTF-8, UTF-16 or a Windows code page) or XLSX, up to 10 MB.
    #[schema(format = Binary, content_media_type = "application/octet-stream", required = true)]
    file: String,
}

/// What an import did, or would do.
#[derive(Serialize, ToSchema)]
pub struct ImportReport {
    /// The file passed every check.
    pub accepted: bool,
    /// True when nothing was written (a dry run, or a refused file).
    pub dry_run: bool,
    pub format: Option<SheetFormat>,
    pub rows: usize,
    pub ignored_columns: Vec<String>,
    pub issues: Vec<IssueMessage>,
    pub organizations: ChangeCounts,
    pub people: ChangeCounts,
}

/// Import organizations and people from a spreadsheet (backbone): all rows or none.
/// Importing the same file again changes nothing.
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/imports/partners", tag = "imports",
    params(("id" = i64, Path, description = "Initiative id"), ImportQuery),
    request_body(content = ImportUpload, content_type = "multipart/form-data"),
    responses(
        (status = 200, body = ImportReport, description = "Applied, or checked when dry_run"),
        (status = 422, body = ImportReport, description = "Refused; nothing was written"),
        (status = 403, body = ErrorBody)))]
pub async fn import_partners(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    QueryParams(query): QueryParams<ImportQuery>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    // Not a multipart body: answered in the API's own shape, not axum's plain text.
    let mut multipart = multipart.map_err(|_| CoreError::UnsupportedType {
        expected: "multipart/form-data",
    })?;
    let mut file = None;
    while let Some(field) = multipart.next_field().await.map_err(|_| bad_request())? {
        if field.name() == Some("file") {
            let name = field.file_name().unwrap_or("").to_string();
            let bytes = field.bytes().await.map_err(|_| CoreError::BadRequest {
                message_id: "import-file-too-big",
            })?;
            file = Some((name, bytes));
        }
    }
    let (name, bytes) = file.ok_or(CoreError::BadRequest {
        message_id: "import-no-file",
    })?;
    let preview = state
        .kesher
        .preview_import(
            caller,
            id,
            &name,
            &bytes,
            query.encoding.map(Into::into).unwrap_or_default(),
        )
        .await?;
    let mut report = ImportReport {
        accepted: preview.accepted(),
        dry_run: true,
        format: preview.format,
        rows: preview.rows,
        ignored_columns: preview.ignored_columns.clone(),
        issues: issue_messages(ctx.lang, &preview.issues),
        organizations: preview
            .plan
            .as_ref()
            .map(|p| p.organization_counts())
            .unwrap_or_default(),
        people: preview
            .plan
            .as_ref()
            .map(|p| p.people_counts())
            .unwrap_or_default(),
    };
    if !report.accepted {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Json(report)).into_response());
    }
    if !query.dry_run
        && let Some(draft) = preview.draft_id
    {
        let outcome = state.kesher.confirm_import(caller, id, draft).await?;
        report.organizations = outcome.organizations;
        report.people = outcome.people;
        report.dry_run = false;
    } else if !query.dry_run {
        // The file matches what is stored: accepted, and nothing needed writing.
        report.dry_run = false;
    }
    Ok(Json(report).into_response())
}
