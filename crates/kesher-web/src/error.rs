//! The one application error, and its two renderings: a page in the user's language, or a
//! JSON body under `/api`. Handlers return `Err(AppError)`; [`crate::context::prepare`]
//! turns it into the body once the language is known. A failure inside is logged once,
//! with its cause, and shown only as a generic message.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use kesher_core::CoreError;

/// An error on its way out of a handler.
#[derive(Debug)]
pub struct AppError(pub CoreError);

impl From<CoreError> for AppError {
    fn from(error: CoreError) -> Self {
        AppError(error)
    }
}

/// Attached to an error response until the context middleware renders its body.
#[derive(Clone)]
pub(crate) struct PendingError(pub std::sync::Arc<CoreError>);

pub(crate) fn status_of(error: &CoreError) -> StatusCode {
    match error {
        CoreError::Unauthenticated | CoreError::BadCredentials => StatusCode::UNAUTHORIZED,
        CoreError::TooManyAttempts { .. } => StatusCode::TOO_MANY_REQUESTS,
        CoreError::Forbidden | CoreError::FormExpired => StatusCode::FORBIDDEN,
        CoreError::NotFound => StatusCode::NOT_FOUND,
        CoreError::Conflict { .. } => StatusCode::CONFLICT,
        CoreError::Invalid(_) | CoreError::Import(_) | CoreError::DataImport(_) => {
            StatusCode::UNPROCESSABLE_ENTITY
        }
        CoreError::BadRequest { .. } | CoreError::BadJson { .. } => StatusCode::BAD_REQUEST,
        CoreError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
        CoreError::UnsupportedType { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        CoreError::Busy { .. } => StatusCode::SERVICE_UNAVAILABLE,
        CoreError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// A stable code for API clients.
pub(crate) fn code_of(error: &CoreError) -> &'static str {
    match error {
        CoreError::Unauthenticated => "unauthenticated",
        CoreError::BadCredentials => "bad_credentials",
        CoreError::TooManyAttempts { .. } => "too_many_attempts",
        CoreError::Forbidden => "forbidden",
        CoreError::FormExpired => "form_expired",
        CoreError::NotFound => "not_found",
        CoreError::Conflict { .. } => "conflict",
        CoreError::Invalid(_) => "invalid",
        CoreError::Import(_) | CoreError::DataImport(_) => "import_refused",
        CoreError::BadRequest { .. } => "bad_request",
        CoreError::BadJson { .. } => "bad_json",
        CoreError::TooLarge { .. } => "too_large",
        CoreError::UnsupportedType { .. } => "unsupported_media_type",
        CoreError::Busy { .. } => "busy",
        CoreError::Internal(_) => "internal",
    }
}

/// The Fluent id of the error's headline.
pub(crate) fn message_id_of(error: &CoreError) -> &'static str {
    match error {
        CoreError::Unauthenticated => "error-unauthenticated",
        CoreError::BadCredentials => "error-bad-credentials",
        CoreError::TooManyAttempts { .. } => "error-too-many-attempts",
        CoreError::Forbidden => "error-forbidden",
        CoreError::FormExpired => "error-form-expired",
        CoreError::NotFound => "error-not-found",
        CoreError::Conflict { message_id } | CoreError::BadRequest { message_id } => message_id,
        CoreError::Invalid(_) => "error-invalid",
        CoreError::Import(_) | CoreError::DataImport(_) => "error-import-refused",
        CoreError::BadJson { .. } => "error-bad-json",
        CoreError::TooLarge { .. } => "error-too-large",
        CoreError::UnsupportedType { .. } => "error-unsupported-type",
        CoreError::Busy { .. } => "error-busy",
        CoreError::Internal(_) => "error-internal",
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let CoreError::Internal(cause) = &self.0 {
            tracing::error!(%cause, "request failed inside");
        }
        let mut response = status_of(&self.0).into_response();
        if let CoreError::TooManyAttempts {
            retry_after_seconds,
        }
        | CoreError::Busy {
            retry_after_seconds,
        } = &self.0
            && let Ok(value) = retry_after_seconds.to_string().parse()
        {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, value);
        }
        response
            .extensions_mut()
            .insert(PendingError(std::sync::Arc::new(self.0)));
        response
    }
}

/// A bad path or query (an id that is no number) is the caller's mistake, not ours.
pub(crate) fn bad_request() -> AppError {
    AppError(CoreError::BadRequest {
        message_id: "error-bad-request",
    })
}
