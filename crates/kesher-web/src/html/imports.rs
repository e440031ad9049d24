//! The partner import: the start page with the column guide, the upload that shows a
//! preview (or every problem, with nothing written), and the confirmation.

use askama::Template;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::Response;
use kesher_core::spreadsheet::{SheetFormat, TextEncoding};
use kesher_core::{CoreError, ImportPreview};
use kesher_domain::import::{Change, ChangeCounts, OrganizationRef, PartnerColumn};
use kesher_domain::{ImportDraftId, InitiativeId};
use kesher_store::ImportOutcome;

use crate::AppState;
use crate::context::Ctx;
use crate::error::{AppError, bad_request};
use crate::forms::{CsrfForm, NoFields, Params};
use crate::html::errors::issue_problem;
use crate::html::{frame, render, render_with};
use crate::page::{Page, Section};

struct ColumnGuide {
    label: String,
    also: String,
    meaning: String,
}

#[derive(Template)]
#[template(path = "imports/start.html")]
struct StartPage {
    page: Page,
    initiative_id: InitiativeId,
    columns: Vec<ColumnGuide>,
}

/// `GET /initiatives/{id}/import` (backbone)
pub async fn show_import(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let f = frame(
        &state.kesher,
        &ctx,
        caller,
        id,
        Section::Import,
        "nav-import",
    )
    .await?;
    if !f.access.can_import() {
        return Err(CoreError::Forbidden.into());
    }
    let columns = PartnerColumn::ALL
        .iter()
        .map(|c| ColumnGuide {
            label: f.page.t(c.label_id()),
            also: format!(
                "{}, {}",
                c.code(),
                f.page.t(&format!("{}-aliases", c.label_id()))
            ),
            meaning: f.page.t(&format!("{}-meaning", c.label_id())),
        })
        .collect();
    render(&StartPage {
        page: f.page,
        initiative_id: id,
        columns,
    })
}

struct IssueLine {
    line: String,
    column: String,
    problem: String,
}

struct PlanLine {
    line: usize,
    name: String,
    change: String,
    class: &'static str,
}

#[derive(Template)]
#[template(path = "imports/preview.html")]
struct PreviewPage {
    page: Page,
    initiative_id: InitiativeId,
    preview: ImportPreview,
    format: Option<String>,
    issues: Vec<IssueLine>,
    organizations: ChangeCounts,
    people: ChangeCounts,
    rows: Vec<PlanLine>,
}

/// How a file was read, in the user's words.
pub(crate) fn format_label(page: &Page, format: SheetFormat) -> String {
    page.t(match format {
        SheetFormat::Xlsx => "import-format-xlsx",
        SheetFormat::CsvUtf8 => "import-format-csv-utf8",
        SheetFormat::CsvUtf16 => "import-format-csv-utf16",
        SheetFormat::CsvWindows1255 => "import-format-csv-windows-1255",
        SheetFormat::CsvWindows1256 => "import-format-csv-windows-1256",
        SheetFormat::CsvWindows1251 => "import-format-csv-windows-1251",
        SheetFormat::CsvWindows1252 => "import-format-csv-windows-1252",
    })
}

fn preview_page(page: Page, initiative_id: InitiativeId, preview: ImportPreview) -> PreviewPage {
    let issues = preview
        .issues
        .iter()
        .map(|issue| IssueLine {
            line: issue.line.map(|l| l.to_string()).unwrap_or_default(),
            column: issue
                .column
                .map(|c| page.t(c.label_id()))
                .unwrap_or_default(),
            problem: issue_problem(page.lang, issue),
        })
        .collect();
    let change = |change: &str| -> (String, &'static str) {
        match change {
            "create" => (page.t("import-change-create"), "plan-create"),
            "update" => (page.t("import-change-update"), "plan-update"),
            _ => (page.t("import-change-unchanged"), ""),
        }
    };
    fn code<Id>(c: &Change<Id>) -> &'static str {
        match c {
            Change::Create => "create",
            Change::Update(_) => "update",
            Change::Unchanged(_) => "unchanged",
        }
    }
    let mut rows = Vec::new();
    if let Some(plan) = &preview.plan {
        for o in &plan.organizations {
            let (text, class) = change(code(&o.change));
            rows.push(PlanLine {
                line: o.line,
                name: o.input.name.as_str().to_string(),
                change: text,
                class,
            });
        }
        for p in &plan.people {
            let organization = match p.organization {
                OrganizationRef::Planned(i) => plan
                    .organizations
                    .get(i)
                    .map(|o| o.input.name.as_str().to_string()),
                OrganizationRef::Existing(id) => plan
                    .organizations
                    .iter()
                    .find(
                        |o| matches!(o.change, Change::Update(x) | Change::Unchanged(x) if x == id),
                    )
                    .map(|o| o.input.name.as_str().to_string()),
            }
            .unwrap_or_default();
            let (text, class) = change(code(&p.change));
            rows.push(PlanLine {
                line: p.line,
                name: format!("{} — {organization}", p.details.name.as_str()),
                change: text,
                class,
            });
        }
        rows.sort_by_key(|r| r.line);
        // Unchanged rows are many on a re-import and say nothing; the counts show them.
        rows.retain(|r| !r.class.is_empty());
    }
    PreviewPage {
        format: preview.format.map(|f| format_label(&page, f)),
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
        page,
        initiative_id,
        preview,
        issues,
        rows,
    }
}

/// `POST /initiatives/{id}/import` (backbone): multipart with `csrf`, `encoding` (optional)
/// and `file`.
pub async fn preview_import(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let mut token = None;
    let mut encoding = TextEncoding::Detect;
    let mut file: Option<(String, Vec<u8>)> = None;
    while let Some(field) = multipart.next_field().await.map_err(|_| bad_request())? {
        match field.name() {
            Some("csrf") => token = Some(field.text().await.map_err(|_| bad_request())?),
            Some("encoding") => encoding = crate::forms::encoding_field(field).await?,
            Some("file") => {
                let name = field.file_name().unwrap_or("").to_string();
                let bytes = field.bytes().await.map_err(|_| CoreError::BadRequest {
                    message_id: "import-file-too-big",
                })?;
                file = Some((name, bytes.to_vec()));
            }
            _ => {}
        }
    }
    ctx.check_csrf(token.as_deref())?;
    let (name, bytes) = file.ok_or(CoreError::BadRequest {
        message_id: "import-no-file",
    })?;
    let preview = state
        .kesher
        .preview_import(caller, id, &name, &bytes, encoding)
        .await?;
    let f = frame(
        &state.kesher,
        &ctx,
        caller,
        id,
        Section::Import,
        "import-preview-title",
    )
    .await?;
    let status = if preview.accepted() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_with(status, &preview_page(f.page, id, preview))
}

#[derive(Template)]
#[template(path = "imports/done.html")]
struct DonePage {
    page: Page,
    initiative_id: InitiativeId,
    outcome: ImportOutcome,
}

/// `POST /initiatives/{id}/import/{draft}/confirm` (backbone)
pub async fn confirm_import(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, draft)): Params<(InitiativeId, ImportDraftId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let outcome = state.kesher.confirm_import(caller, id, draft).await?;
    let f = frame(
        &state.kesher,
        &ctx,
        caller,
        id,
        Section::Import,
        "import-done-title",
    )
    .await?;
    render(&DonePage {
        page: f.page,
        initiative_id: id,
        outcome,
    })
}
