//! Importing places and values: upload a file, map its columns (guessed from the headers,
//! or a mapping saved earlier), see every problem by line and column, then write it whole.

use askama::Template;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use kesher_core::CoreError;
use kesher_core::measurement::import::{
    AuthorityCodeForm, BreakdownColumn, DataIssue, DataOutcome, DataPreview, DataProblem,
    DataPurpose, Layout, PlaceMapping, ValueMapping, WideColumn,
};
use kesher_domain::measurement::place::PlaceKind;
use kesher_domain::sheet::TextEncoding;
use kesher_domain::{ImportDraftId, InitiativeId};
use kesher_i18n::{Arg, Lang};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::AppState;
use crate::charts::number;
use crate::context::Ctx;
use crate::error::{AppError, bad_request};
use crate::forms::{CsrfForm, Params, QueryParams, pair};
use crate::html::{Choice, frame, render, render_with, saved};
use crate::import_jobs::ImportJob;
use crate::page::{Page, Section};

/// A problem of a data file in the user's language.
pub fn data_issue_text(lang: Lang, issue: &DataIssue) -> String {
    let (id, args): (&str, Vec<(&str, Arg)>) = match &issue.problem {
        DataProblem::Sheet { kind } => {
            return crate::html::errors::issue_text(
                lang,
                &kesher_domain::import::Issue::file(kind.clone()),
            );
        }
        DataProblem::MissingColumn { field } => (
            "data-issue-missing-column",
            vec![(
                "field",
                lang.t(&format!("mapping-{}", field.replace('_', "-")))
                    .into(),
            )],
        ),
        DataProblem::Cell { problem } => {
            let message = crate::forms::field_message(
                lang,
                &kesher_domain::FieldError::new("value", problem.clone()),
            );
            ("data-issue-cell", vec![("problem", message.into())])
        }
        DataProblem::UnknownPlace { value } => (
            "data-issue-unknown-place",
            vec![("value", value.clone().into())],
        ),
        DataProblem::UnknownIndicator { value } => (
            "data-issue-unknown-indicator",
            vec![("value", value.clone().into())],
        ),
        DataProblem::ComputedIndicator { value } => (
            "data-issue-computed-indicator",
            vec![("value", value.clone().into())],
        ),
        DataProblem::Duplicate { first_line } => (
            "data-issue-duplicate",
            vec![("line", (*first_line as i64).into())],
        ),
        DataProblem::OutOfRange { value, min, max } => (
            "data-issue-out-of-range",
            vec![
                ("value", value.to_string().into()),
                (
                    "min",
                    min.map(|m| m.to_string())
                        .unwrap_or_else(|| "—".into())
                        .into(),
                ),
                (
                    "max",
                    max.map(|m| m.to_string())
                        .unwrap_or_else(|| "—".into())
                        .into(),
                ),
            ],
        ),
        DataProblem::Rule { left, right } => (
            "data-issue-rule",
            vec![
                ("left", left.clone().into()),
                ("right", right.clone().into()),
            ],
        ),
        DataProblem::MissingWeight { indicator, weight } => (
            "data-issue-missing-weight",
            vec![
                ("indicator", indicator.clone().into()),
                ("weight", weight.clone().into()),
            ],
        ),
        DataProblem::NoRows => ("data-issue-no-rows", Vec::new()),
    };
    lang.t_with(id, &args)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MappingQuery {
    pub purpose: Option<String>,
    pub mapping: Option<i64>,
}

fn purpose_of(raw: Option<&str>) -> DataPurpose {
    match raw {
        Some("places") => DataPurpose::Places,
        _ => DataPurpose::Values,
    }
}

#[derive(Template)]
#[template(path = "measurement/import.html")]
struct UploadPage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    problem: Option<String>,
    has_places: bool,
    has_indicators: bool,
}

async fn upload_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    problem: Option<String>,
) -> Result<UploadPage, AppError> {
    let caller = ctx.caller()?;
    let f = super::backbone_frame(state, ctx, id, "data-import-title").await?;
    let (places, _) = state.kesher.places(caller, id).await?;
    let (indicators, _) = state.kesher.indicators(caller, id).await?;
    Ok(UploadPage {
        page: f.page,
        initiative_id: id,
        tab: "import",
        problem,
        has_places: !places.is_empty(),
        has_indicators: !indicators.is_empty(),
    })
}

/// `GET /initiatives/{id}/measurement/import` (backbone)
pub async fn new_data_import(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    render(&upload_page(&state, &ctx, id, None).await?)
}

/// `POST /initiatives/{id}/measurement/import` (backbone): multipart `csrf`, `purpose`,
/// `encoding` (optional) and `file`.
pub async fn upload_data_file(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let mut token = None;
    let mut purpose = None;
    let mut encoding = TextEncoding::Detect;
    let mut file: Option<(String, Vec<u8>)> = None;
    while let Some(field) = multipart.next_field().await.map_err(|_| bad_request())? {
        match field.name() {
            Some("csrf") => token = Some(field.text().await.map_err(|_| bad_request())?),
            Some("purpose") => purpose = Some(field.text().await.map_err(|_| bad_request())?),
            Some("encoding") => {
                encoding = crate::forms::encoding_field(field).await?;
            }
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
    let purpose = purpose_of(purpose.as_deref());
    let (name, bytes) = match file {
        Some((name, bytes)) if !bytes.is_empty() => (name, bytes),
        _ => {
            let problem = ctx.lang.t("import-no-file");
            return render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &upload_page(&state, &ctx, id, Some(problem)).await?,
            );
        }
    };
    match state
        .kesher
        .upload_data_file(caller, id, &name, &bytes, encoding)
        .await?
    {
        Ok(draft) => Ok(Redirect::to(&format!(
            "/initiatives/{id}/measurement/import/{}?purpose={}",
            draft.id,
            purpose.code()
        ))
        .into_response()),
        Err(issue) => {
            let problem = data_issue_text(ctx.lang, &issue);
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &upload_page(&state, &ctx, id, Some(problem)).await?,
            )
        }
    }
}

/// One mappable field and the header chosen for it.
pub struct MappingField {
    pub name: String,
    pub label: String,
    pub selected: String,
}

/// One header of a wide file and the indicator it is mapped to.
pub struct HeaderChoice {
    pub index: usize,
    pub header: String,
    pub indicator: String,
    pub scale: String,
    pub dimension: String,
    /// For a breakdown column: which values are the total and which dimension each other
    /// value belongs to, as written on the page.
    pub categories: String,
    /// The first few cells under the header.
    pub samples: String,
}

#[derive(Template)]
#[template(path = "measurement/mapping.html")]
struct MappingPage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    draft: ImportDraftId,
    file_name: String,
    /// How the file was read, so letters that came out wrong can be traced to it.
    format: Option<String>,
    purpose: &'static str,
    headers: Vec<String>,
    rows: usize,
    fields: Vec<MappingField>,
    layout: &'static str,
    place_kinds: Vec<Choice>,
    place_kind: String,
    add_missing_places: bool,
    cbs_codes: bool,
    update_only: bool,
    columns: Vec<HeaderChoice>,
    indicator_choices: Vec<Choice>,
    saved: Vec<Choice>,
    preview: Option<DataPreview>,
    issues: Vec<(String, String, String)>,
    mapping_json: String,
    summary: Vec<String>,
    /// Places whose cells do not add up to their total (warnings, not refusals).
    disagreements: Vec<String>,
    /// One place broken down as it will be stored.
    sample: Option<(String, Vec<(String, String)>)>,
}

impl MappingPage {
    /// No error beside a field (the mapping's problems are listed with the file's).
    fn none(&self) -> Option<&str> {
        None
    }
}

fn place_fields(page: &Page, mapping: &PlaceMapping) -> Vec<MappingField> {
    mapping
        .fields()
        .into_iter()
        .map(|(field, header)| MappingField {
            name: format!("place.{field}"),
            label: page.t(&format!("mapping-{}", field.replace('_', "-"))),
            selected: header.unwrap_or("").to_string(),
        })
        .collect()
}

fn value_fields(page: &Page, mapping: &ValueMapping) -> Vec<MappingField> {
    [
        ("place_code", &mapping.place_code),
        ("place_name", &mapping.place_name),
        ("period", &mapping.period),
        ("indicator", &mapping.indicator),
        ("value", &mapping.value),
        ("parent_name", &mapping.parent_name),
    ]
    .into_iter()
    .map(|(field, header)| MappingField {
        name: field.to_string(),
        label: page.t(&format!("mapping-{}", field.replace('_', "-"))),
        selected: header.clone().unwrap_or_default(),
    })
    .collect()
}

/// Reads the mapping form (field → header pairs) into a mapping.
fn read_places(pairs: &[(String, String)]) -> PlaceMapping {
    let mut object = serde_json::Map::new();
    for (key, value) in pairs {
        if let Some(field) = key.strip_prefix("place.")
            && !value.is_empty()
        {
            let value = match field {
                "update_only" => true.into(),
                _ => value.clone().into(),
            };
            object.insert(field.to_string(), value);
        }
    }
    serde_json::from_value(object.into()).unwrap_or_default()
}

fn read_values(pairs: &[(String, String)], headers: &[String]) -> ValueMapping {
    let get = |name: &str| Some(pair(pairs, name).to_string()).filter(|v| !v.is_empty());
    let mut mapping = ValueMapping {
        layout: if get("layout").as_deref() == Some("long") {
            Layout::Long
        } else {
            Layout::Wide
        },
        place_kind: get("place_kind")
            .and_then(|k| PlaceKind::parse(&k).ok())
            .unwrap_or(PlaceKind::School),
        place_code: get("place_code"),
        place_name: get("place_name"),
        period: get("period"),
        indicator: get("indicator"),
        value: get("value"),
        parent_name: get("parent_name"),
        add_missing_places: get("add_missing_places").is_some(),
        ..ValueMapping::default()
    };
    for (index, header) in headers.iter().enumerate() {
        if let Some(indicator) = get(&format!("col.{index}")) {
            mapping.columns.push(WideColumn {
                header: header.clone(),
                indicator,
                scale: get(&format!("scale.{index}")).and_then(|s| s.trim().parse().ok()),
            });
        }
        if let Some(dimension) = get(&format!("dim.{index}")) {
            mapping.breakdowns.push(BreakdownColumn {
                dimension,
                header: header.clone(),
                categories: BreakdownColumn::read_categories(
                    &get(&format!("cat.{index}")).unwrap_or_default(),
                ),
            });
        }
    }
    mapping
}

struct MappingState {
    purpose: DataPurpose,
    places: PlaceMapping,
    values: ValueMapping,
}

async fn mapping_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    draft_id: ImportDraftId,
    chosen: MappingState,
    preview: Option<DataPreview>,
) -> Result<MappingPage, AppError> {
    let caller = ctx.caller()?;
    let draft = state.kesher.data_draft(caller, id, draft_id).await?;
    let f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Measurement,
        "data-mapping-title",
    )
    .await?;
    let page = f.page;
    let (indicators, _) = state.kesher.indicators(caller, id).await?;
    let saved = state
        .kesher
        .column_mappings(caller, id)
        .await?
        .into_iter()
        .filter(|m| m.purpose == chosen.purpose.code())
        .map(|m| Choice {
            value: m.id.to_string(),
            label: m.name,
        })
        .collect();
    let english = page.lang == Lang::En;
    let columns = draft
        .table
        .headers
        .iter()
        .enumerate()
        .map(|(index, header)| {
            let wide = chosen.values.columns.iter().find(|c| &c.header == header);
            HeaderChoice {
                index,
                header: header.clone(),
                indicator: wide.map(|c| c.indicator.clone()).unwrap_or_default(),
                scale: wide
                    .and_then(|c| c.scale)
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
                dimension: chosen
                    .values
                    .breakdowns
                    .iter()
                    .find(|b| &b.header == header)
                    .map(|b| b.dimension.clone())
                    .unwrap_or_default(),
                categories: chosen
                    .values
                    .breakdowns
                    .iter()
                    .find(|b| &b.header == header)
                    .map(BreakdownColumn::categories_text)
                    .unwrap_or_default(),
                samples: draft
                    .table
                    .rows
                    .iter()
                    .take(3)
                    .map(|r| r.cell(index).to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
            }
        })
        .collect();
    let issues = preview
        .as_ref()
        .map(|p| {
            p.issues
                .iter()
                .map(|i| {
                    (
                        i.line.map(|l| l.to_string()).unwrap_or_default(),
                        i.column.clone().unwrap_or_default(),
                        data_issue_text(page.lang, i),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let summary = preview
        .as_ref()
        .map(|p| summary_lines(&page, p))
        .unwrap_or_default();
    let disagreements = preview
        .as_ref()
        .map(|p| disagreement_lines(&page, p))
        .unwrap_or_default();
    let sample = preview.as_ref().and_then(|p| sample_rows(&page, p));
    let mapping_json = match chosen.purpose {
        DataPurpose::Places => serde_json::to_string(&chosen.places),
        DataPurpose::Values => serde_json::to_string(&chosen.values),
    }
    .unwrap_or_default();
    Ok(MappingPage {
        fields: match chosen.purpose {
            DataPurpose::Places => place_fields(&page, &chosen.places),
            DataPurpose::Values => value_fields(&page, &chosen.values),
        },
        place_kinds: crate::html::choices(
            &page,
            PlaceKind::ALL,
            PlaceKind::code,
            PlaceKind::label_id,
        ),
        indicator_choices: indicators
            .iter()
            .filter(|i| !i.is_computed())
            .map(|i| Choice {
                value: i.code.clone(),
                label: format!("{} · {}", i.code, i.name_in(english)),
            })
            .collect(),
        place_kind: chosen.values.place_kind.code().to_string(),
        add_missing_places: chosen.values.add_missing_places,
        cbs_codes: chosen.places.authority_code_form == AuthorityCodeForm::CbsLocality,
        update_only: chosen.places.update_only,
        layout: match chosen.values.layout {
            Layout::Wide => "wide",
            Layout::Long => "long",
        },
        rows: draft.table.rows.iter().filter(|r| !r.is_blank()).count(),
        headers: draft.table.headers.clone(),
        file_name: draft.file_name.clone(),
        format: draft
            .table
            .format
            .map(|f| crate::html::imports::format_label(&page, f)),
        purpose: chosen.purpose.code(),
        draft: draft_id,
        columns,
        saved,
        issues,
        summary,
        disagreements,
        sample,
        mapping_json,
        preview,
        page,
        initiative_id: id,
        tab: "import",
    })
}

fn summary_lines(page: &Page, preview: &DataPreview) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(counts) = &preview.place_rows {
        lines.push(page.line(
            "data-preview-places",
            vec![
                ("districts", (counts.districts as i64).into()),
                ("authorities", (counts.authorities as i64).into()),
                ("schools", (counts.schools as i64).into()),
            ],
        ));
        if counts.skipped > 0 {
            lines.push(page.tn("data-preview-places-skipped", counts.skipped));
        }
    }
    if let Some(plan) = &preview.value_plan {
        let periods = plan
            .periods
            .iter()
            .map(|p| super::period_label(page.lang, *p))
            .collect::<Vec<_>>()
            .join(", ");
        lines.push(page.line(
            "data-preview-values",
            vec![
                ("count", (plan.value_count as i64).into()),
                ("places", (plan.place_count as i64).into()),
                ("missing", (plan.missing_count as i64).into()),
            ],
        ));
        lines.push(page.line("data-preview-periods", vec![("periods", periods.into())]));
        lines.push(page.line(
            "data-preview-indicators",
            vec![("indicators", plan.indicators.join(", ").into())],
        ));
        if plan.new_place_count > 0 {
            lines.push(page.tn("data-preview-new-places", plan.new_place_count));
        }
    }
    lines
}

/// The quality warnings of a values file: each place whose cells of one dimension do not
/// add up to the total the file gives.
fn disagreement_lines(page: &Page, preview: &DataPreview) -> Vec<String> {
    let Some(plan) = &preview.value_plan else {
        return Vec::new();
    };
    plan.disagreements
        .iter()
        .map(|d| {
            page.line(
                "data-preview-cells-disagree",
                vec![
                    ("place", d.place.clone().into()),
                    ("period", super::period_label(page.lang, d.period).into()),
                    ("indicator", d.indicator.clone().into()),
                    ("dimension", d.dimension.clone().into()),
                    ("cells", number(d.cells, 1).into()),
                    ("total", number(d.total, 1).into()),
                ],
            )
        })
        .collect()
}

/// One place broken down, as it will be stored: (caption, rows of dimension · value, number).
fn sample_rows(page: &Page, preview: &DataPreview) -> Option<(String, Vec<(String, String)>)> {
    let sample = preview.value_plan.as_ref()?.sample.as_ref()?;
    let shown = |v: Option<f64>| {
        v.map(|x| {
            number(x, 2)
                .trim_end_matches('0')
                .trim_end_matches('.')
                .to_string()
        })
        .unwrap_or_else(|| page.t("data-sample-missing"))
    };
    let mut rows = vec![(
        page.t("data-sample-total"),
        sample
            .total
            .map(|t| shown(Some(t)))
            .unwrap_or_else(|| page.t("data-sample-total-from-cells")),
    )];
    for (dimension, cells) in &sample.dimensions {
        for (value, figure) in cells {
            rows.push((format!("{dimension}: {value}"), shown(*figure)));
        }
    }
    Some((
        page.line(
            "data-sample-caption",
            vec![
                ("place", sample.place.clone().into()),
                (
                    "period",
                    super::period_label(page.lang, sample.period).into(),
                ),
                ("indicator", sample.indicator.clone().into()),
            ],
        ),
        rows,
    ))
}

/// `GET /initiatives/{id}/measurement/import/{draft}?purpose=&mapping=` (backbone)
pub async fn show_mapping(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, draft)): Params<(InitiativeId, ImportDraftId)>,
    QueryParams(query): QueryParams<MappingQuery>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let purpose = purpose_of(query.purpose.as_deref());
    let found = state.kesher.data_draft(caller, id, draft).await?;
    let (indicators, _) = state.kesher.indicators(caller, id).await?;
    let saved = match query.mapping {
        Some(chosen) => state
            .kesher
            .column_mappings(caller, id)
            .await?
            .into_iter()
            .find(|m| m.id.get() == chosen && m.purpose == purpose.code())
            .map(|m| m.mapping),
        None => None,
    };
    let chosen = MappingState {
        purpose,
        places: saved
            .clone()
            .and_then(|m| serde_json::from_value(m).ok())
            .unwrap_or_else(|| PlaceMapping::guess(&found.table.headers)),
        values: saved
            .and_then(|m| serde_json::from_value(m).ok())
            .unwrap_or_else(|| ValueMapping::guess(&found.table.headers, &indicators)),
    };
    render(&mapping_page(&state, &ctx, id, draft, chosen, None).await?)
}

/// `POST /initiatives/{id}/measurement/import/{draft}/preview` (backbone)
pub async fn preview_data_file(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, draft)): Params<(InitiativeId, ImportDraftId)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let purpose = purpose_of(Some(pair(&pairs, "purpose")));
    let found = state.kesher.data_draft(caller, id, draft).await?;
    let chosen = MappingState {
        purpose,
        places: read_places(&pairs),
        values: read_values(&pairs, &found.table.headers),
    };
    let preview = match purpose {
        DataPurpose::Places => {
            state
                .kesher
                .preview_places(caller, id, draft, &chosen.places)
                .await?
        }
        DataPurpose::Values => {
            state
                .kesher
                .preview_values(caller, id, draft, &chosen.values)
                .await?
        }
    };
    let status = if preview.issues.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_with(
        status,
        &mapping_page(&state, &ctx, id, draft, chosen, Some(preview)).await?,
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ConfirmForm {
    pub purpose: String,
    pub mapping: String,
    pub save_as: String,
}

/// `POST /initiatives/{id}/measurement/import/{draft}/confirm` (backbone). The import runs
/// on in the background; a small file is done within a moment and the user goes straight on,
/// a long one sends them to its progress page.
pub async fn confirm_data_file(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, draft)): Params<(InitiativeId, ImportDraftId)>,
    CsrfForm(form): CsrfForm<ConfirmForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?.clone();
    let purpose = purpose_of(Some(&form.purpose));
    let mapping: serde_json::Value =
        serde_json::from_str(&form.mapping).map_err(|_| bad_request())?;
    enum Chosen {
        Places(PlaceMapping),
        Values(ValueMapping),
    }
    let chosen = match purpose {
        DataPurpose::Places => {
            Chosen::Places(serde_json::from_value(mapping.clone()).map_err(|_| bad_request())?)
        }
        DataPurpose::Values => {
            Chosen::Values(serde_json::from_value(mapping.clone()).map_err(|_| bad_request())?)
        }
    };
    // Checked here as well as in the job, so a stranger's draft is refused at once.
    let found = state.kesher.data_draft(&caller, id, draft).await?;
    let job = Arc::new(ImportJob::new(
        caller.user.id,
        id,
        purpose,
        draft,
        found.file_name,
    ));
    let job_id = state.imports.add(job.clone());
    let kesher = state.kesher.clone();
    let save_as = form.save_as;
    let working = job.clone();
    let task = job.run(async move {
        let outcome = match chosen {
            Chosen::Places(places) => {
                DataOutcome::Places(kesher.import_places(&caller, id, draft, &places).await?)
            }
            Chosen::Values(values) => {
                kesher
                    .import_values(&caller, id, draft, &values, &working.progress)
                    .await?
            }
        };
        if !save_as.trim().is_empty() {
            kesher
                .save_column_mapping(&caller, id, purpose, &save_as, &mapping)
                .await?;
        }
        Ok(outcome)
    });
    match tokio::time::timeout(WAIT_IN_REQUEST, task).await {
        Ok(Err(_panicked)) => {
            return Err(CoreError::Internal("the import stopped unexpectedly".into()).into());
        }
        Ok(Ok(())) => {}
        Err(_still_running) => {
            return Ok(Redirect::to(&format!(
                "/initiatives/{id}/measurement/import/jobs/{job_id}"
            ))
            .into_response());
        }
    }
    job_response(&state, &ctx, id, &job_id).await
}

/// How long the confirming request waits for its import before sending the user to the
/// progress page.
const WAIT_IN_REQUEST: std::time::Duration = std::time::Duration::from_secs(2);

/// Where a job stands, as the user should see it: on to the imported data when written,
/// the problems when refused, the progress page while it runs.
async fn job_response(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    job_id: &str,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let job = state
        .imports
        .find(job_id, caller.user.id, id)
        .ok_or(CoreError::NotFound)?;
    if let Some(ended) = state.imports.take_outcome(job_id) {
        return match ended {
            Ok(DataOutcome::Places(_)) => Ok(saved(
                ctx,
                &format!("/initiatives/{id}/measurement/places"),
                "flash-places-imported",
            )),
            Ok(DataOutcome::Values { .. }) => Ok(saved(
                ctx,
                &format!("/initiatives/{id}/measurement"),
                "flash-values-imported",
            )),
            Err(error) => Err(error.into()),
        };
    }
    let f = super::backbone_frame(state, ctx, id, "data-import-running-title").await?;
    // Read once: a job that ends between the outcome check above and here is shown as
    // still running (the next poll lands on its outcome), never as refused with no problem.
    let refusal = job.refused();
    let refused = refusal.is_some();
    let issues: Vec<(String, String, String)> = refusal
        .unwrap_or_default()
        .iter()
        .map(|i| {
            (
                i.line.map(|l| l.to_string()).unwrap_or_default(),
                i.column.clone().unwrap_or_default(),
                data_issue_text(f.page.lang, i),
            )
        })
        .collect();
    let page = JobPage {
        status: status_of(f.page.lang, &job),
        file_name: job.file_name.clone(),
        done: job.progress.done(),
        total: job.progress.total(),
        status_url: format!("/initiatives/{id}/measurement/import/jobs/{job_id}/status"),
        mapping_url: format!(
            "/initiatives/{id}/measurement/import/{}?purpose={}",
            job.draft,
            job.purpose.code()
        ),
        refused,
        issues,
        page: f.page,
        initiative_id: id,
        tab: "import",
    };
    if refused {
        render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
    } else {
        render(&page)
    }
}

#[derive(Template)]
#[template(path = "measurement/import_job.html")]
struct JobPage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    file_name: String,
    status: String,
    done: usize,
    total: usize,
    status_url: String,
    mapping_url: String,
    refused: bool,
    issues: Vec<(String, String, String)>,
}

/// "12,000 of 60,000 rows written" in the user's language.
fn status_of(lang: Lang, job: &ImportJob) -> String {
    let (done, total) = (job.progress.done(), job.progress.total());
    if total == 0 {
        lang.t("data-import-running")
    } else {
        lang.t_with(
            "data-import-progress",
            &[
                ("done", (done as i64).into()),
                ("total", (total as i64).into()),
                ("percent", ((done * 100 / total) as i64).into()),
            ],
        )
    }
}

/// `GET /initiatives/{id}/measurement/import/jobs/{job}` (the backbone member who started it)
pub async fn show_import_job(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, job)): Params<(InitiativeId, String)>,
) -> Result<Response, AppError> {
    job_response(&state, &ctx, id, &job).await
}

/// What the progress page's script polls.
#[derive(Serialize)]
struct JobStatus {
    done: usize,
    total: usize,
    finished: bool,
    text: String,
}

/// `GET /initiatives/{id}/measurement/import/jobs/{job}/status` (the same member): JSON.
pub async fn import_job_status(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, job_id)): Params<(InitiativeId, String)>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    state
        .kesher
        .require(caller, id, |a| a.can_manage_measurement())
        .await?;
    let job = state
        .imports
        .find(&job_id, caller.user.id, id)
        .ok_or(CoreError::NotFound)?;
    Ok(axum::Json(JobStatus {
        done: job.progress.done(),
        total: job.progress.total(),
        finished: job.is_finished(),
        text: status_of(ctx.lang, &job),
    })
    .into_response())
}
