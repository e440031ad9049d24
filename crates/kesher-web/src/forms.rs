//! Reading what clients send: forms that must carry the CSRF token, path and query values,
//! JSON bodies, each refused with a clear 400/403 instead of axum's plain-text rejections.
//! Also [`FormErrors`], which puts each refused field's message beside its input.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::request::Parts;
use kesher_domain::FieldError;
use kesher_i18n::{Arg, Lang};
use serde::de::DeserializeOwned;

use kesher_core::CoreError;

use crate::context::Ctx;
use crate::error::{AppError, bad_request};

/// Longest form body accepted (the import upload has its own, larger limit).
pub(crate) const FORM_LIMIT: usize = 256 * 1024;

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
        let body = body_within(request, state, FORM_LIMIT).await?;
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
/// The `encoding` part of an upload form: the encoding a CSV file is read in. A word the
/// form never offers is a bad request.
pub(crate) async fn encoding_field(
    field: axum::extract::multipart::Field<'_>,
) -> Result<kesher_domain::sheet::TextEncoding, AppError> {
    let text = field.text().await.map_err(|_| bad_request())?;
    kesher_domain::sheet::TextEncoding::parse(&text).ok_or_else(bad_request)
}

pub fn pair<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

/// A form that carries nothing but its CSRF token (sign out, delete, confirm).
#[derive(serde::Deserialize)]
pub struct NoFields {}

/// Path parameters. An id that is not a number names no record: it is answered as one not
/// found (404), not as a crash or axum's plain text.
pub struct Params<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for Params<T> {
    type Rejection = axum::response::Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        use axum::response::IntoResponse;
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(value)) => Ok(Params(value)),
            // JSON Schema counts 43.0 as an integer: an id written so is sent on to its
            // plain address (308 keeps the method and the body); anything else is no record.
            Err(_) => match whole_number_path(parts.uri.path()) {
                Some(path) => {
                    let query = parts
                        .uri
                        .query()
                        .map(|q| format!("?{q}"))
                        .unwrap_or_default();
                    Err(
                        axum::response::Redirect::permanent(&format!("{path}{query}"))
                            .into_response(),
                    )
                }
                None => Err(AppError(kesher_core::CoreError::NotFound).into_response()),
            },
        }
    }
}

/// `path` with each segment that is a whole number written with a point (`43.0`) written
/// plainly (`43`); `None` when there is none.
fn whole_number_path(path: &str) -> Option<String> {
    let mut changed = false;
    let segments: Vec<String> = path
        .split('/')
        .map(|segment| match segment.split_once('.') {
            Some((whole, zeros))
                if !whole.is_empty()
                    && whole.bytes().all(|b| b.is_ascii_digit())
                    && !zeros.is_empty()
                    && zeros.bytes().all(|b| b == b'0') =>
            {
                changed = true;
                whole.to_string()
            }
            _ => segment.to_string(),
        })
        .collect();
    changed.then(|| segments.join("/"))
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

/// A JSON request body, read strictly: `Content-Type: application/json` (else 415), at most
/// [`FORM_LIMIT`] bytes (else 413, naming the limit), UTF-8 (else 400 saying so), and every
/// field of its own type (else 400 naming the field and the type it takes).
pub struct JsonBody<T>(pub T);

fn is_json(request: &Request) -> bool {
    request
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .is_some_and(|v| {
            v == "application/json" || (v.starts_with("application/") && v.ends_with("+json"))
        })
}

/// Reads a body up to `limit` bytes; a longer one is a 413 that names the limit.
pub(crate) async fn body_within<S: Send + Sync>(
    request: Request,
    state: &S,
    limit: usize,
) -> Result<Bytes, AppError> {
    let too_large = || AppError(CoreError::TooLarge { limit_bytes: limit });
    let declared = request
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit) {
        return Err(too_large());
    }
    let body = Bytes::from_request(request, state)
        .await
        .map_err(|rejection| {
            if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                too_large()
            } else {
                bad_request()
            }
        })?;
    if body.len() > limit {
        return Err(too_large());
    }
    Ok(body)
}

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !is_json(&request) {
            return Err(AppError(CoreError::UnsupportedType {
                expected: "application/json",
            }));
        }
        let body = body_within(request, state, FORM_LIMIT).await?;
        if std::str::from_utf8(&body).is_err() {
            return Err(AppError(CoreError::BadRequest {
                message_id: "error-not-utf8",
            }));
        }
        // A syntax error is reported as such; then whole numbers written with a point
        // (12.0, which JSON Schema counts as an integer) are made integers, so a typed id
        // or count takes them.
        let mut value: serde_json::Value = serde_json::from_slice(&body).map_err(|_| {
            AppError(CoreError::BadJson {
                field: None,
                expected: None,
            })
        })?;
        // Every body the API takes is an object; serde would also fill a struct from an
        // array, position by position, which no client means.
        if !value.is_object() {
            return Err(AppError(CoreError::BadJson {
                field: None,
                expected: None,
            }));
        }
        whole_numbers_as_integers(&mut value);
        kesher_domain::lenient::strictly(|| serde_path_to_error::deserialize(value))
            .map(JsonBody)
            .map_err(|error| {
                let path = error.path().to_string();
                let inner = error.into_inner();
                let field = (inner.is_data() && path != ".").then_some(path);
                AppError(CoreError::BadJson {
                    expected: field.as_ref().and_then(|_| expected_of(&inner.to_string())),
                    field,
                })
            })
    }
}

fn whole_numbers_as_integers(value: &mut serde_json::Value) {
    // Within 2^53 a float holds a whole number exactly.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    match value {
        serde_json::Value::Number(n) if !n.is_i64() && !n.is_u64() => {
            if let Some(f) = n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() <= EXACT) {
                *value = serde_json::Value::from(f as i64);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(whole_numbers_as_integers),
        serde_json::Value::Object(fields) => {
            fields.values_mut().for_each(whole_numbers_as_integers)
        }
        _ => {}
    }
}

/// What a refused field takes, from serde's "invalid type: …, expected X at line …".
fn expected_of(message: &str) -> Option<String> {
    let (_, rest) = message.split_once(", expected ")?;
    let expected = rest.rsplit_once(" at line ").map_or(rest, |(e, _)| e);
    Some(expected.to_string())
}

/// The localized message for one refused field.
pub fn field_message(lang: Lang, error: &FieldError) -> String {
    let args: Vec<(&str, Arg)> = error
        .problem
        .message_args()
        .into_iter()
        .map(|(name, value)| (name, Arg::Number(value)))
        .chain(
            error
                .problem
                .message_text_args()
                .into_iter()
                .map(|(name, value)| (name, Arg::Text(value))),
        )
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

/// The text parts a library upload may carry; any other part is skipped unread.
const SENT_FIELDS: &[&str] = &[
    "csrf",
    "title",
    "description",
    "body_id",
    "visibility",
    "meeting_id",
    "decision_id",
    "result_id",
];

/// A multipart form's text fields and its one file (`file`), as the document library's
/// page and API send them.
pub struct Sent {
    pub fields: std::collections::HashMap<String, String>,
    pub file: Option<(String, Vec<u8>)>,
}

impl Sent {
    /// Reads the whole form. A file over the route's limit stops the read; it is answered
    /// at the file field, as any other refused file.
    pub async fn read(mut multipart: axum::extract::Multipart) -> Result<Sent, AppError> {
        let mut fields = std::collections::HashMap::new();
        let mut file = None;
        while let Some(field) = multipart.next_field().await.map_err(|_| bad_request())? {
            let Some(name) = field.name().map(str::to_string) else {
                continue;
            };
            if name == "file" {
                let file_name = field.file_name().unwrap_or("").to_string();
                let bytes = field.bytes().await.map_err(|_| {
                    kesher_core::CoreError::invalid(
                        "file",
                        kesher_domain::Invalid::FileTooBig {
                            max_mb: kesher_domain::documents::FILE_MAX_MB,
                        },
                    )
                })?;
                file = Some((file_name, bytes.to_vec()));
            } else if SENT_FIELDS.contains(&name.as_str()) {
                // A field's text as sent; bytes that are not UTF-8 become U+FFFD and are
                // refused by the field's own check, not as a broken request.
                let bytes = field.bytes().await.map_err(|_| bad_request())?;
                fields.insert(name, String::from_utf8_lossy(&bytes).into_owned());
            }
        }
        Ok(Sent { fields, file })
    }

    pub fn field(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }

    /// The document's fields.
    pub fn form(&self) -> kesher_domain::documents::DocumentForm {
        kesher_domain::documents::DocumentForm {
            title: self.field("title"),
            description: self.field("description"),
            body_id: self.field("body_id"),
            visibility: self.field("visibility"),
            meeting_id: self.field("meeting_id"),
            decision_id: self.field("decision_id"),
            result_id: self.field("result_id"),
        }
    }

    /// The file, unless none (or an empty one) was chosen.
    pub fn upload(&self) -> Option<kesher_core::communication::documents::Upload<'_>> {
        self.file
            .as_ref()
            .filter(|(_, bytes)| !bytes.is_empty())
            .map(|(name, bytes)| kesher_core::communication::documents::Upload { name, bytes })
    }
}
