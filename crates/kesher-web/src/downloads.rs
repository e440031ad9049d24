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
