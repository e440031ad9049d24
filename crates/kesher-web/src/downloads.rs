//! Files in the answer: a table as CSV or XLSX, named for the browser's download. The pages
//! and the API send them through the same function, so both give the same file.

use axum::response::Response;
use kesher_core::measurement::export::Download;

use crate::error::AppError;

/// A file in the answer, named for the browser's download.
pub fn attachment(download: &Download, format: &str, name: &str) -> Result<Response, AppError> {
    use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
    use axum::response::IntoResponse;
    let (bytes, content_type, extension) = if format == "xlsx" {
        (
            download.to_xlsx()?,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        )
    } else {
        (download.to_csv(), "text/csv; charset=utf-8", "csv")
    };
    Ok((
        [
            (CONTENT_TYPE, content_type.to_string()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}.{extension}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// A calendar (RFC 5545) in the answer: what calendar programs subscribe to. Never cached
/// by a proxy: it may be someone's own meetings.
pub fn calendar(text: String) -> Response {
    use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
    use axum::response::IntoResponse;
    (
        [
            (CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (CACHE_CONTROL, "private, no-store"),
        ],
        text,
    )
        .into_response()
}

/// A library file in the answer, always as an attachment with the type its bytes were
/// recognised as; `nosniff` and a sandbox keep a browser from running anything in it.
pub fn document(version: &kesher_store::DocumentVersion, bytes: Vec<u8>) -> Response {
    use axum::http::header::{
        CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_SECURITY_POLICY, CONTENT_TYPE,
        X_CONTENT_TYPE_OPTIONS,
    };
    use axum::response::IntoResponse;
    // RFC 6266: a plain ASCII fallback, and the real (Hebrew) name percent-encoded.
    let ascii: String = version
        .file_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = form_urlencoded::byte_serialize(version.file_name.as_bytes()).collect();
    (
        [
            (CONTENT_TYPE, version.media_type.clone()),
            (
                CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
                    encoded.replace('+', "%20")
                ),
            ),
            (X_CONTENT_TYPE_OPTIONS, "nosniff".to_string()),
            (CONTENT_SECURITY_POLICY, "sandbox".to_string()),
            (CACHE_CONTROL, "private, no-store".to_string()),
        ],
        bytes,
    )
        .into_response()
}
