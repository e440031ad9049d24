//! Partners report their own program's values in a short form — kept as a draft or sent —
//! and the backbone approves them or returns them with a comment, seeing beside each value
//! its place's history and an outlier flag, and who has not reported yet.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kesher_core::CoreError;
use kesher_core::measurement::review::{Completeness, ReviewItem};
use kesher_core::measurement::{ValueBatchForm, ValueEntry};
use kesher_domain::measurement::indicator::Cell;
use kesher_domain::measurement::period::Period;
use kesher_domain::measurement::values::{SourceKind, ValueState};
use kesher_domain::{IndicatorId, InitiativeId, PlaceId};
use kesher_i18n::Lang;
use kesher_store::ValueKey;

use super::imports::data_issue_text;
use super::period_label;
use crate::AppState;
use crate::charts::number;
use crate::context::Ctx;
use crate::error::{AppError, bad_request};
use crate::forms::{CsrfForm, Params, pair};
use crate::html::{Choice, frame, render, render_with, saved};
use crate::page::{Page, Section};

/// How many places the form offers at once.
const ROWS: usize = 8;

/// A value's key in a form: indicator~place~period~cell.
fn key_text(key: &ValueKey) -> String {
    format!(
        "{}~{}~{}~{}",
        key.indicator_id,
        key.place_id,
        key.period.key(),
        key.cell.key()
    )
}

fn key_of(text: &str) -> Option<ValueKey> {
    let mut parts = text.splitn(4, '~');
    let indicator = parts.next()?.parse().ok()?;
    let place = parts.next()?.parse().ok()?;
    let period = Period::from_key(parts.next()?.parse().ok()?)?;
    let cell = Cell::from_key(parts.next().unwrap_or(""));
    Some(ValueKey {
        indicator_id: IndicatorId::new(indicator),
        place_id: PlaceId::new(place),
        period,
        cell,
    })
}

/// A value in a list, as the page shows it.
pub struct ItemRow {
    pub key: String,
    pub indicator: String,
    pub place: String,
    pub period: String,
    pub value: String,
    pub state: String,
    pub note: String,
    pub source: String,
    pub history: String,
    pub outlier: bool,
    /// More than the figure of the place it stands under.
    pub exceeds_parent: bool,
}

fn item_row(page: &Page, item: &ReviewItem) -> ItemRow {
    let v = &item.value;
    ItemRow {
        key: key_text(&v.key()),
        indicator: item.indicator_name.clone(),
        place: item.place_name.clone(),
        period: period_label(page.lang, v.period),
        value: match (v.value, v.missing) {
            (Some(x), _) => number(x, 2)
                .trim_end_matches('0')
                .trim_end_matches('.')
                .to_string(),
            (None, Some(reason)) => page.t(reason.label_id()),
            (None, None) => String::new(),
        },
        state: page.t(v.state.label_id()),
        note: v.note.clone().unwrap_or_default(),
        source: format!(
            "{} · {} · {}",
            item.source.name,
            item.source.created_by.clone().unwrap_or_default(),
            page.moment(&item.source.created_at)
        ),
        history: item
            .history
            .iter()
            .map(|x| number(*x, 1))
            .collect::<Vec<_>>()
            .join(", "),
        outlier: item.outlier,
        exceeds_parent: item.exceeds_parent,
    }
}

/// One row of the entry form.
pub struct EntryRow {
    pub index: usize,
    pub place: String,
    pub value: String,
    /// A weighted mean's weight for the same place (the students a rate is of).
    pub weight: String,
    pub note: String,
}

#[derive(Template)]
#[template(path = "measurement/report.html")]
struct ReportPage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    indicators: Vec<Choice>,
    indicator: String,
    period: String,
    rows: Vec<EntryRow>,
    issues: Vec<(String, String)>,
    pending: Vec<ItemRow>,
    manages: bool,
}

async fn report_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    form: Option<&[(String, String)]>,
    issues: Vec<(String, String)>,
) -> Result<ReportPage, AppError> {
    let caller = ctx.caller()?;
    let f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Measurement,
        "report-title",
    )
    .await?;
    let (all, access) = state.kesher.indicators(caller, id).await?;
    let english = f.page.lang == Lang::En;
    let indicators: Vec<Choice> = all
        .iter()
        .filter(|i| !i.is_computed() && access.can_enter_values(i.owner_organization_id))
        .map(|i| Choice {
            value: i.code.clone(),
            label: format!(
                "{} · {}",
                i.name_in(english),
                f.page.t(i.period_kind.label_id())
            ),
        })
        .collect();
    if !access.can_report() {
        return Err(CoreError::Forbidden.into());
    }
    let get = |name: &str| -> String { form.map(|f| pair(f, name)).unwrap_or("").to_string() };
    let rows = (0..ROWS)
        .map(|index| EntryRow {
            index,
            place: get(&format!("place.{index}")),
            value: get(&format!("value.{index}")),
            weight: get(&format!("weight.{index}")),
            note: get(&format!("note.{index}")),
        })
        .collect();
    let pending = state
        .kesher
        .review_items(
            caller,
            id,
            &[
                ValueState::Draft,
                ValueState::Returned,
                ValueState::Submitted,
            ],
        )
        .await?
        .iter()
        .map(|item| item_row(&f.page, item))
        .collect();
    Ok(ReportPage {
        indicator: get("indicator"),
        period: get("period"),
        manages: access.can_manage_measurement(),
        page: f.page,
        initiative_id: id,
        tab: "report",
        indicators,
        rows,
        issues,
        pending,
    })
}

/// `GET /initiatives/{id}/measurement/report`: the form for the indicators the caller
/// reports, and their values still in progress.
pub async fn show_report(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    render(&report_page(&state, &ctx, id, None, Vec::new()).await?)
}

/// `POST /initiatives/{id}/measurement/report`: writes the filled rows, all or none.
pub async fn enter_values(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let get = |name: &str| pair(&pairs, name).trim().to_string();
    let (places, _) = state.kesher.places(caller, id).await?;
    let mut issues = Vec::new();
    let mut entries = Vec::new();
    let (indicators, _) = state.kesher.indicators(caller, id).await?;
    let weighted: Option<String> = indicators
        .iter()
        .find(|i| i.code == get("indicator"))
        .filter(|i| {
            i.aggregation == kesher_domain::measurement::indicator::Aggregation::WeightedMean
        })
        .and_then(|i| i.weight_code.clone());
    for index in 0..ROWS {
        let place_text = get(&format!("place.{index}"));
        let value_text = get(&format!("value.{index}"));
        if place_text.is_empty() && value_text.is_empty() {
            continue;
        }
        let line = (index + 1).to_string();
        let place = kesher_core::measurement::place_by_code_or_name(&places, &place_text);
        let Some(place) = place else {
            issues.push((
                line,
                ctx.lang.t_with(
                    "data-issue-unknown-place",
                    &[("value", place_text.clone().into())],
                ),
            ));
            continue;
        };
        let value = match kesher_domain::measurement::indicator::parse_number(&value_text) {
            Ok(v) => v,
            Err(problem) => {
                issues.push((
                    line,
                    crate::forms::field_message(
                        ctx.lang,
                        &kesher_domain::FieldError::new("value", problem),
                    ),
                ));
                continue;
            }
        };
        entries.push((
            index,
            ValueEntry {
                indicator: get("indicator"),
                place_id: place.id.get(),
                period: get("period"),
                cell: Default::default(),
                value,
                missing: None,
                note: Some(get(&format!("note.{index}"))),
            },
        ));
        // A weighted mean's weight (the students a rate is of) goes in beside it, as a
        // value of the weight indicator; core refuses the rate without it.
        let weight_text = get(&format!("weight.{index}"));
        if let Some(weight_code) = weighted.as_ref().filter(|_| !weight_text.is_empty()) {
            match kesher_domain::measurement::indicator::parse_number(&weight_text) {
                Ok(weight) => entries.push((
                    index,
                    ValueEntry {
                        indicator: weight_code.clone(),
                        place_id: place.id.get(),
                        period: get("period"),
                        cell: Default::default(),
                        value: weight,
                        missing: None,
                        note: None,
                    },
                )),
                Err(problem) => issues.push((
                    line.clone(),
                    crate::forms::field_message(
                        ctx.lang,
                        &kesher_domain::FieldError::new("weight", problem),
                    ),
                )),
            }
        }
    }
    if issues.is_empty() && entries.is_empty() {
        issues.push((String::new(), ctx.lang.t("report-nothing-entered")));
    }
    if issues.is_empty() {
        let rows: Vec<usize> = entries.iter().map(|(i, _)| *i).collect();
        let batch = ValueBatchForm {
            source: ctx.lang.t("report-source"),
            entries: entries.into_iter().map(|(_, e)| e).collect(),
        };
        let as_draft = get("action") == "draft";
        match state
            .kesher
            .enter_values(caller, id, &batch, SourceKind::Form, as_draft)
            .await
        {
            Ok((_, written)) => {
                let message = match written {
                    ValueState::Approved => "flash-values-counted",
                    ValueState::Draft => "flash-values-drafted",
                    _ => "flash-values-sent",
                };
                return Ok(saved(
                    &ctx,
                    &format!("/initiatives/{id}/measurement/report"),
                    message,
                ));
            }
            Err(CoreError::DataImport(found)) => {
                for issue in found {
                    let row = issue
                        .line
                        .and_then(|l| rows.get(l - 1))
                        .map(|i| (i + 1).to_string())
                        .unwrap_or_default();
                    issues.push((row, data_issue_text(ctx.lang, &issue)));
                }
            }
            Err(CoreError::Invalid(fields)) => {
                for field in fields {
                    issues.push((String::new(), crate::forms::field_message(ctx.lang, &field)));
                }
            }
            Err(other) => return Err(other.into()),
        }
    }
    render_with(
        StatusCode::UNPROCESSABLE_ENTITY,
        &report_page(&state, &ctx, id, Some(&pairs), issues).await?,
    )
}

fn chosen_keys(pairs: &[(String, String)]) -> Result<Vec<ValueKey>, AppError> {
    pairs
        .iter()
        .filter(|(k, _)| k == "key")
        .map(|(_, v)| key_of(v).ok_or_else(bad_request))
        .collect()
}

/// `POST /initiatives/{id}/measurement/report/submit`: sends the chosen drafts.
pub async fn submit_values(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let keys = chosen_keys(&pairs)?;
    state.kesher.submit_values(ctx.caller()?, id, &keys).await?;
    Ok(saved(
        &ctx,
        &format!("/initiatives/{id}/measurement/report"),
        "flash-values-sent",
    ))
}

/// Reporting against expectation, as a row.
pub struct CompletenessRow {
    pub indicator_id: IndicatorId,
    pub indicator: String,
    pub organization: String,
    pub period: String,
    pub expected: usize,
    pub received: usize,
}

#[derive(Template)]
#[template(path = "measurement/approvals.html")]
struct ApprovalsPage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    items: Vec<ItemRow>,
    completeness: Vec<CompletenessRow>,
    problem: Option<String>,
}

async fn approvals_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    problem: Option<String>,
) -> Result<ApprovalsPage, AppError> {
    let caller = ctx.caller()?;
    let f = super::backbone_frame(state, ctx, id, "approvals-title").await?;
    let items = state
        .kesher
        .review_items(caller, id, &[ValueState::Submitted])
        .await?;
    let organizations = crate::html::organization_choices(&state.kesher, caller, id, None).await?;
    let completeness = state
        .kesher
        .completeness(caller, id)
        .await?
        .into_iter()
        .map(|c: Completeness| CompletenessRow {
            indicator_id: c.indicator_id,
            indicator: c.indicator_code,
            organization: c
                .organization_id
                .and_then(|o| organizations.iter().find(|c| c.value == o.to_string()))
                .map(|c| c.label.clone())
                .unwrap_or_default(),
            period: period_label(f.page.lang, c.period),
            expected: c.expected,
            received: c.received,
        })
        .collect();
    Ok(ApprovalsPage {
        items: items.iter().map(|i| item_row(&f.page, i)).collect(),
        page: f.page,
        initiative_id: id,
        tab: "approvals",
        completeness,
        problem,
    })
}

/// `GET /initiatives/{id}/measurement/approvals` (backbone)
pub async fn show_approvals(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    render(&approvals_page(&state, &ctx, id, None).await?)
}

/// `POST /initiatives/{id}/measurement/approvals` (backbone): approve, or return with a
/// comment, the chosen values.
pub async fn review_values(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let keys = chosen_keys(&pairs)?;
    let get = |name: &str| pair(&pairs, name);
    let approve = get("action") != "return";
    match state
        .kesher
        .review_values(ctx.caller()?, id, &keys, approve, get("comment"))
        .await
    {
        Ok(_) => Ok(saved(
            &ctx,
            &format!("/initiatives/{id}/measurement/approvals"),
            if approve {
                "flash-values-approved"
            } else {
                "flash-values-returned"
            },
        )),
        Err(CoreError::Invalid(fields)) => {
            let problem = fields
                .iter()
                .map(|f| {
                    if f.field == "comment" {
                        ctx.lang.t("approvals-comment-needed")
                    } else {
                        ctx.lang.t("approvals-pick-values")
                    }
                })
                .collect::<Vec<_>>()
                .join(" ");
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &approvals_page(&state, &ctx, id, Some(problem)).await?,
            )
        }
        Err(other) => Err(other.into()),
    }
}
