//! Reading what clients send: forms that must carry the CSRF token, path and query values,
//! JSON bodies, each refused with a clear 400/403 instead of axum's plain-text rejections.
//! Also [`FormErrors`], which puts each refused field's message beside its input.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::request::Parts;
use kesher_domain::FieldError;
use kesher_i18n::{Arg, Lang};
use serde::de::DeserializeOwned;

use crate::context::Ctx;
use crate::error::{AppError, bad_request};

/// Longest form body accepted (the import upload has its own, larger limit).
const FORM_LIMIT: usize = 256 * 1024;

/// A form posted from one of Kesher's own pages: its `csrf` field must match the session.
pub struct CsrfForm<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for CsrfForm<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let ctx = request
            .extensions()
            .get::<Ctx>()
            .cloned()
            .ok_or_else(bad_request)?;
        let body = Bytes::from_request(request, state)
            .await
            .map_err(|_| bad_request())?;
        if body.len() > FORM_LIMIT {
            return Err(bad_request());
        }
        let token = form_urlencoded::parse(&body)
            .find(|(k, _)| k == "csrf")
            .map(|(_, v)| v.into_owned());
        ctx.check_csrf(token.as_deref())?;
        serde_html_form::from_bytes(&body)
            .map(CsrfForm)
            .map_err(|_| bad_request())
    }
}

/// The value of a field of a form read as name–value pairs (forms whose fields are numbered
/// rows or one per file column); "" when absent.
pub fn pair<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

/// A form that carries nothing but its CSRF token (sign out, delete, confirm).
#[derive(serde::Deserialize)]
pub struct NoFields {}

/// Path parameters; a malformed id is a 400, not a crash or axum's plain text.
pub struct Params<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for Params<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(value)| Params(value))
            .map_err(|_| bad_request())
    }
}

/// Query parameters, read leniently (unknown keys are ignored).
pub struct QueryParams<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for QueryParams<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(value)| QueryParams(value))
            .map_err(|_| bad_request())
    }
}

/// A JSON request body.
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let body = Bytes::from_request(request, state)
            .await
            .map_err(|_| bad_request())?;
        if body.len() > FORM_LIMIT {
            return Err(bad_request());
        }
        serde_json::from_slice(&body)
            .map(JsonBody)
            .map_err(|_| bad_request())
    }
}

/// The localized message for one refused field.
pub fn field_message(lang: Lang, error: &FieldError) -> String {
    let args: Vec<(&str, Arg)> = error
        .problem
        .message_args()
        .into_iter()
        .map(|(name, value)| (name, Arg::Number(value)))
        .collect();
    lang.t_with(error.problem.message_id(), &args)
}

/// The refused fields of a form, ready for its template.
#[derive(Clone, Debug, Default)]
pub struct FormErrors {
    messages: Vec<(&'static str, String)>,
    /// The summary's lines: each message with its field's label in front.
    summary: Vec<(&'static str, String)>,
}

impl FormErrors {
    /// `labels` gives the Fluent id of each field's label, so that the summary at the top
    /// says which field each message is about.
    pub fn new(lang: Lang, errors: &[FieldError], labels: &[(&str, &str)]) -> Self {
        let messages: Vec<(&'static str, String)> = errors
            .iter()
            .map(|e| (e.field, field_message(lang, e)))
            .collect();
        let mut summary: Vec<(&'static str, String)> = messages
            .iter()
            .map(|(field, message)| {
                let line = match labels.iter().find(|(f, _)| f == field) {
                    Some((_, label)) => format!("{}: {message}", lang.t(label)),
                    None => message.clone(),
                };
                (*field, line)
            })
            .collect();
        // The summary reads in the form's order, which `labels` follows.
        summary.sort_by_key(|(field, _)| {
            labels
                .iter()
                .position(|(f, _)| f == field)
                .unwrap_or(usize::MAX)
        });
        Self { messages, summary }
    }

    /// The message for `field`, if it was refused.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.messages
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }

    /// Every refused field, in form order: (field, "label: message").
    pub fn all(&self) -> &[(&'static str, String)] {
        &self.summary
    }
}
