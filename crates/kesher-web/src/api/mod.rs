//! The JSON API under `/api/v1`: everything the pages show, for scripts. Each handler is
//! annotated with `#[utoipa::path]`; [`routes`] collects them with `utoipa-axum`, so the
//! OpenAPI document served at `/api/v1/openapi.json` is generated from this code.
//!
//! Authentication: `Authorization: Bearer <token>` (from `kesher token create`), or the
//! session cookie plus an `X-CSRF-Token` header for writes.

mod accounts;
mod activities;
mod commitments;
pub(crate) use activities::year_asked;
mod agenda;
mod bodies;
mod documents;
mod downloads;
pub(crate) use downloads::json_attachment;
mod imports;
mod initiatives;
mod invitations;
mod measurement;
mod meetings;
mod memberships;
mod organizations;
mod people;
mod updates;
pub mod views;

use std::sync::LazyLock;

use axum::Json;
use axum::response::{IntoResponse, Response};
use kesher_core::CoreError;
use kesher_i18n::Lang;
use serde::Serialize;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};
use utoipa_axum::router::OpenApiRouter;

use crate::AppState;
use crate::error::code_of;
use crate::forms::field_message;
use crate::html::errors::issue_text;

/// One refused field.
#[derive(Serialize, ToSchema)]
pub struct FieldMessage {
    pub field: String,
    /// A stable code (`required`, `too_long`, `email`, `taken`…).
    pub code: String,
    /// The problem in the caller's language.
    pub message: String,
}

/// One problem in an imported file.
#[derive(Serialize, ToSchema)]
pub struct IssueMessage {
    /// The spreadsheet line (the header is line 1); null for the file as a whole.
    pub line: Option<usize>,
    /// The column's stable code.
    pub column: Option<String>,
    pub code: String,
    pub message: String,
}

/// What went wrong.
#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// A stable code: `unauthenticated`, `forbidden`, `not_found`, `conflict`, `invalid`,
    /// `import_refused`, `bad_request`, `too_many_attempts`, `internal`.
    pub code: String,
    /// The problem in the caller's language (`?lang=en` for English).
    pub message: String,
    pub fields: Vec<FieldMessage>,
    pub issues: Vec<IssueMessage>,
}

/// Every error the API returns has this shape.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

fn code_text<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.get("code").and_then(|c| c.as_str()).map(str::to_string))
        .unwrap_or_default()
}

pub(crate) fn issue_messages(
    lang: Lang,
    issues: &[kesher_domain::import::Issue],
) -> Vec<IssueMessage> {
    issues
        .iter()
        .map(|i| IssueMessage {
            line: i.line,
            column: i.column.map(|c| c.code().to_string()),
            code: code_text(&i.kind),
            message: issue_text(lang, i),
        })
        .collect()
}

/// What a field of the wrong type takes, in the caller's language.
fn expected_message(lang: Lang, expected: Option<&str>) -> String {
    use kesher_domain::lenient::*;
    match expected {
        // Kesher's readers' words, and serde's own for typed fields.
        Some(EXPECTED_TEXT | "a string") => lang.t("json-expected-text"),
        Some(EXPECTED_INTEGER | "i64" | "i32" | "u64" | "u32" | "u16" | "u8") => {
            lang.t("json-expected-integer")
        }
        Some(EXPECTED_NUMBER | "f64" | "f32") => lang.t("json-expected-number"),
        Some(EXPECTED_BOOLEAN | "a boolean") => lang.t("json-expected-boolean"),
        Some(EXPECTED_CHOICE) => lang.t("json-expected-choice"),
        Some(other) => lang.t_with(
            "json-expected-other",
            &[("expected", kesher_i18n::Arg::Text(other.to_string()))],
        ),
        None => lang.t("error-bad-json"),
    }
}

/// The JSON body of an error, in the caller's language.
pub fn error_body(lang: Lang, error: &CoreError) -> serde_json::Value {
    let fields = match error {
        CoreError::Invalid(fields) => fields
            .iter()
            .map(|f| FieldMessage {
                field: f.field.to_string(),
                code: code_text(&f.problem),
                message: field_message(lang, f),
            })
            .collect(),
        CoreError::BadJson {
            field: Some(field),
            expected,
        } => vec![FieldMessage {
            field: field.clone(),
            code: "type".into(),
            message: expected_message(lang, expected.as_deref()),
        }],
        _ => Vec::new(),
    };
    let issues = match error {
        CoreError::Import(issues) => issue_messages(lang, issues),
        CoreError::DataImport(issues) => issues
            .iter()
            .map(|i| IssueMessage {
                line: i.line,
                column: i.column.clone(),
                code: code_text(&i.problem),
                message: crate::html::measurement::imports::data_issue_text(lang, i),
            })
            .collect(),
        _ => Vec::new(),
    };
    let body = ErrorBody {
        error: ErrorDetail {
            code: code_of(error).to_string(),
            message: crate::html::errors::headline(lang, error),
            fields,
            issues,
        },
    };
    serde_json::to_value(body).unwrap_or_default()
}

/// `201 Created` with the new record.
pub(crate) fn created<T: Serialize>(value: T) -> Response {
    (axum::http::StatusCode::CREATED, Json(value)).into_response()
}

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("An API token from `kesher token create`."))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                crate::context::SESSION_COOKIE,
                "The browser session; writes also need the X-CSRF-Token header.",
            ))),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Kesher API",
        description = "The partner network of a collective-impact initiative: initiatives, organizations, people, bodies and memberships. Errors share one shape (ErrorBody); messages follow the caller's language (`?lang=en`, Hebrew by default).",
    ),
    modifiers(&Security),
    security(("token" = []), ("session" = [])),
    components(schemas(ErrorBody)),
    tags(
        (name = "initiatives", description = "Initiatives, their network at a glance, roles and audit log"),
        (name = "organizations", description = "Partner organizations"),
        (name = "people", description = "Representatives of organizations"),
        (name = "bodies", description = "Steering committees, working groups and other bodies"),
        (name = "memberships", description = "Seats of people in bodies"),
        (name = "meetings", description = "Meetings of bodies: when and where, the agenda, invitees and who came"),
        (name = "updates", description = "Updates to partners, sent once to an audience and kept as an archive, and the contact plan with each partner"),
        (name = "documents", description = "The document library: documents of the initiative and its bodies, their versions and who may see them"),
        (name = "imports", description = "Importing the partner list from a spreadsheet"),
        (name = "accounts", description = "The signed-in user and, for admins, all accounts"),
        (name = "agenda", description = "The common agenda: versioned statements, the results tree, glossary, decisions, disputes, endorsements and changes in the field"),
        (name = "invitations", description = "Bringing people into an initiative by e-mail, with a role"),
        (name = "activities", description = "Mutually reinforcing activities: partners' programs, the alignment map of goals, places, gaps and overlaps, the work plan, commitments and joint funding requests"),
        (name = "measurement", description = "Shared measurement: places, periods, indicators with targets, values, and figures added up the place hierarchy"),
    )
)]
struct ApiDoc;

/// The API's routes and their OpenAPI document, built together from the handlers.
pub fn routes() -> (axum::Router<AppState>, utoipa::openapi::OpenApi) {
    let router = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(accounts::routes())
        .merge(initiatives::routes())
        .merge(organizations::routes())
        .merge(people::routes())
        .merge(bodies::routes())
        .merge(memberships::routes())
        .merge(meetings::routes())
        .merge(imports::routes())
        .merge(agenda::routes())
        .merge(measurement::routes())
        .merge(downloads::routes())
        .merge(invitations::routes())
        .merge(updates::routes())
        .merge(documents::routes())
        .merge(activities::routes())
        .merge(commitments::routes());
    router.split_for_parts()
}

/// The OpenAPI document as served.
pub static OPENAPI_JSON: LazyLock<String> = LazyLock::new(|| {
    let mut document = routes().1;
    document_errors(&mut document);
    document
        .to_pretty_json()
        .unwrap_or_else(|_| "{}".to_string())
});

/// Every error an operation can answer, each with `ErrorBody`, added where the handler's
/// own annotation does not already say more: any request can be malformed (400), come
/// without or with a wrong token (401), be refused by role (403), name a record that is
/// not there (404), meet a sign-in wait (429) or a long import (503); a request with a
/// body can also be too large (413), of another type (415), conflict with what is stored
/// (409) or fail its checks (422).
fn document_errors(document: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
    let error = |description: &str| {
        ResponseBuilder::new()
            .description(description)
            .content(
                "application/json",
                ContentBuilder::new()
                    .schema(Some(Ref::from_schema_name("ErrorBody")))
                    .build(),
            )
            .build()
    };
    for item in document.paths.paths.values_mut() {
        let operations = [
            (&mut item.get, false),
            (&mut item.delete, true),
            (&mut item.post, true),
            (&mut item.put, true),
            (&mut item.patch, true),
        ];
        for (operation, writes) in operations {
            let Some(operation) = operation else { continue };
            let with_body = operation.request_body.is_some();
            let mut codes = vec![
                (
                    "400",
                    "The request is malformed: a bad id, query or JSON body.",
                ),
                (
                    "401",
                    "Not signed in, or the token is unknown, expired or revoked.",
                ),
                ("403", "The caller's role does not allow this."),
                ("404", "No such record (or not in this initiative)."),
                ("429", "Too many attempts; see Retry-After."),
                (
                    "503",
                    "Busy with a long import; nothing was written; see Retry-After.",
                ),
            ];
            if writes || operation.request_body.is_some() {
                codes.push(("409", "The change conflicts with what is stored."));
                codes.push((
                    "422",
                    "Some fields or entries need correcting; each is named.",
                ));
            }
            if with_body {
                codes.push(("413", "The body is over the limit (256 KB)."));
                codes.push(("415", "The body is not JSON."));
            }
            for (code, description) in codes {
                operation
                    .responses
                    .responses
                    .entry(code.to_string())
                    .or_insert_with(|| error(description).into());
            }
        }
    }
}
