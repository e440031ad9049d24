//! Commitments: the list everyone in the initiative reads, filtered by goal, partner, kind
//! and standing; one commitment's page with its report; the form a partner editor fills
//! for their own organization (the backbone for any).

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use kesher_core::Caller;
use kesher_core::activities::commitments::{CommitmentFilter, Standing};
use kesher_core::dates::today;
use kesher_domain::access::Access;
use kesher_domain::activities::commitments::{
    CommitmentForm, CommitmentKind, CommitmentVisibility, Fulfilment, FulfilmentForm,
};
use kesher_domain::agenda::ResultKind;
use kesher_domain::{CommitmentId, InitiativeId, ResultNodeId};
use kesher_store::Commitment;

use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, NoFields, Params, QueryParams};
use crate::html::{
    Choice, answer_form, check_in, choices, frame, organization_choices,
    organization_choices_where, render, saved,
};
use crate::page::{Page, Section};

const LABELS: &[(&str, &str)] = &[
    ("organization_id", "field-commitment-organization"),
    ("result_id", "field-commitment-result"),
    ("kind", "field-commitment-kind"),
    ("promise", "field-commitment-promise"),
    ("amount", "field-commitment-amount"),
    ("unit", "field-commitment-unit"),
    ("due", "field-commitment-due"),
    ("visibility", "field-commitment-visibility"),
];

const REPORT_LABELS: &[(&str, &str)] = &[
    ("status", "field-fulfilment-status"),
    ("delivered", "field-fulfilment-delivered"),
    ("evidence", "field-fulfilment-evidence"),
    ("evidence_url", "field-fulfilment-evidence-url"),
];

/// The results tree as choices a commitment or a request may serve: every node but the
/// mission, indented by depth.
pub(crate) async fn servable_results(
    state: &AppState,
    caller: &Caller,
    page: &Page,
    id: InitiativeId,
) -> Result<Vec<Choice>, AppError> {
    Ok(state
        .kesher
        .results_tree(caller, id)
        .await?
        .into_iter()
        .filter(|row| row.node.kind != ResultKind::Mission)
        .map(|row| Choice {
            value: row.node.id.to_string(),
            label: format!(
                "{}{} — {}",
                "· ".repeat(row.depth.saturating_sub(1)),
                page.t(row.node.kind.label_id()),
                row.node.title
            ),
        })
        .collect())
}

/// The title of each node of the tree, to name what a commitment serves.
async fn result_titles(
    state: &AppState,
    caller: &Caller,
    id: InitiativeId,
) -> Result<Vec<(ResultNodeId, String)>, AppError> {
    Ok(state
        .kesher
        .results_tree(caller, id)
        .await?
        .into_iter()
        .map(|row| (row.node.id, row.node.title))
        .collect())
}

/// How a commitment reads in a list or on its page.
pub(crate) struct Shown {
    pub commitment: Commitment,
    pub goal: String,
    /// "₪250,000", "20 people", "12 workshops".
    pub amount: String,
    pub delivered: Option<String>,
    pub standing: String,
    /// `overdue` or a fulfilment code, for the badge's class.
    pub standing_code: &'static str,
}

fn amount_in(page: &Page, c: &Commitment, amount: i64) -> String {
    match c.kind {
        CommitmentKind::Money => page.shekels(&amount),
        CommitmentKind::People => page.tn("commitment-people", amount),
        CommitmentKind::Activity => format!(
            "{} {}",
            kesher_domain::text::number(amount as f64, 0),
            c.unit.clone().unwrap_or_default()
        ),
    }
}

pub(crate) fn shown(page: &Page, titles: &[(ResultNodeId, String)], c: Commitment) -> Shown {
    let standing = Standing::of(&c, today());
    Shown {
        goal: titles
            .iter()
            .find(|(id, _)| *id == c.result_id)
            .map(|(_, t)| t.clone())
            .unwrap_or_default(),
        amount: amount_in(page, &c, c.amount),
        delivered: c.delivered.map(|d| amount_in(page, &c, d)),
        standing: page.t(&format!(
            "commitment-standing-{}",
            standing.code().replace('_', "-")
        )),
        standing_code: standing.code(),
        commitment: c,
    }
}

#[derive(Template)]
#[template(path = "commitments/list.html")]
struct ListPage {
    page: Page,
    initiative_id: InitiativeId,
    commitments: Vec<Shown>,
    filter: CommitmentFilter,
    results: Vec<Choice>,
    organizations: Vec<Choice>,
    kinds: Vec<Choice>,
    standings: Vec<Choice>,
    visibilities: Vec<Choice>,
    can_add: bool,
}

/// The standings a list may be filtered by, in words.
fn standings(page: &Page) -> Vec<Choice> {
    ["open", "overdue", "fulfilled", "partly", "not_fulfilled"]
        .iter()
        .map(|code| Choice {
            value: code.to_string(),
            label: page.t(&format!("commitment-standing-{}", code.replace('_', "-"))),
        })
        .collect()
}

/// `GET /initiatives/{id}/commitments`
pub async fn list(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    QueryParams(filter): QueryParams<CommitmentFilter>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, access) = state.kesher.commitments(caller, id, &filter).await?;
    let f = frame(
        &state.kesher,
        &ctx,
        caller,
        id,
        Section::Commitments,
        "commitments-title",
    )
    .await?;
    let titles = result_titles(&state, caller, id).await?;
    let page = f.page;
    render(&ListPage {
        commitments: found
            .into_iter()
            .map(|c| shown(&page, &titles, c))
            .collect(),
        results: servable_results(&state, caller, &page, id).await?,
        organizations: organization_choices(&state.kesher, caller, id, None).await?,
        kinds: choices(
            &page,
            CommitmentKind::ALL,
            CommitmentKind::code,
            CommitmentKind::label_id,
        ),
        standings: standings(&page),
        visibilities: choices(
            &page,
            CommitmentVisibility::ALL,
            CommitmentVisibility::code,
            CommitmentVisibility::label_id,
        ),
        can_add: access.can_commit(),
        page,
        initiative_id: id,
        filter,
    })
}

#[derive(Template)]
#[template(path = "commitments/show.html")]
struct ShowPage {
    page: Page,
    initiative_id: InitiativeId,
    shown: Shown,
    can_edit: bool,
    report: FulfilmentForm,
    statuses: Vec<Choice>,
    errors: FormErrors,
}

async fn commitment_in(
    state: &AppState,
    caller: &Caller,
    id: InitiativeId,
    commitment: CommitmentId,
) -> Result<(Commitment, Access), AppError> {
    let (found, access) = state.kesher.commitment(caller, commitment).await?;
    check_in(id, found.initiative_id)?;
    Ok((found, access))
}

async fn show_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    commitment: CommitmentId,
    report: Option<FulfilmentForm>,
    errors: FormErrors,
) -> Result<ShowPage, AppError> {
    let caller = ctx.caller()?;
    let (found, access) = commitment_in(state, caller, id, commitment).await?;
    let f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Commitments,
        "commitments-title",
    )
    .await?;
    let mut page = f.page;
    page.title = found.promise.clone();
    let report = report.unwrap_or_else(|| FulfilmentForm {
        status: found.status.code().to_string(),
        delivered: found.delivered.map(|d| d.to_string()).unwrap_or_default(),
        evidence: found.evidence.clone().unwrap_or_default(),
        evidence_url: found.evidence_url.clone().unwrap_or_default(),
    });
    let titles = result_titles(state, caller, id).await?;
    Ok(ShowPage {
        can_edit: access.can_commit_for(found.organization_id),
        statuses: choices(
            &page,
            Fulfilment::ALL,
            Fulfilment::code,
            Fulfilment::label_id,
        ),
        shown: shown(&page, &titles, found),
        page,
        initiative_id: id,
        report,
        errors,
    })
}

/// `GET /initiatives/{id}/commitments/{commitment}`
pub async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, commitment)): Params<(InitiativeId, CommitmentId)>,
) -> Result<Response, AppError> {
    render(&show_page(&state, &ctx, id, commitment, None, FormErrors::default()).await?)
}

/// `POST /initiatives/{id}/commitments/{commitment}/fulfilment`
pub async fn report(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, commitment)): Params<(InitiativeId, CommitmentId)>,
    CsrfForm(form): CsrfForm<FulfilmentForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    commitment_in(&state, caller, id, commitment).await?;
    let outcome = state
        .kesher
        .report_commitment(caller, commitment, &form)
        .await;
    answer_form(
        &ctx,
        outcome,
        |c| format!("/initiatives/{id}/commitments/{}", c.id),
        "flash-commitment-reported",
        REPORT_LABELS,
        |errors| show_page(&state, &ctx, id, commitment, Some(form), errors),
    )
    .await
}

#[derive(Template)]
#[template(path = "commitments/form.html")]
struct FormPage {
    page: Page,
    initiative_id: InitiativeId,
    commitment_id: Option<CommitmentId>,
    form: CommitmentForm,
    organizations: Vec<Choice>,
    results: Vec<Choice>,
    kinds: Vec<Choice>,
    visibilities: Vec<Choice>,
    errors: FormErrors,
}

impl FormPage {
    fn action(&self) -> String {
        match self.commitment_id {
            Some(c) => format!("/initiatives/{}/commitments/{c}", self.initiative_id),
            None => format!("/initiatives/{}/commitments", self.initiative_id),
        }
    }
}

async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    commitment_id: Option<CommitmentId>,
    form: CommitmentForm,
    errors: FormErrors,
) -> Result<FormPage, AppError> {
    let caller = ctx.caller()?;
    let f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Commitments,
        if commitment_id.is_some() {
            "commitment-edit-title"
        } else {
            "commitment-new-title"
        },
    )
    .await?;
    let organizations =
        organization_choices_where(&state.kesher, caller, id, |o| f.access.can_commit_for(o))
            .await?;
    let page = f.page;
    Ok(FormPage {
        organizations,
        results: servable_results(state, caller, &page, id).await?,
        kinds: choices(
            &page,
            CommitmentKind::ALL,
            CommitmentKind::code,
            CommitmentKind::label_id,
        ),
        visibilities: choices(
            &page,
            CommitmentVisibility::ALL,
            CommitmentVisibility::code,
            CommitmentVisibility::label_id,
        ),
        page,
        initiative_id: id,
        commitment_id,
        form,
        errors,
    })
}

/// `GET /initiatives/{id}/commitments/new`
pub async fn new(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let access = state.kesher.require(caller, id, |a| a.can_commit()).await?;
    let form = CommitmentForm {
        organization_id: access
            .own_organization()
            .map(|o| o.to_string())
            .unwrap_or_default(),
        visibility: CommitmentVisibility::Partners.code().into(),
        ..Default::default()
    };
    render(&form_page(&state, &ctx, id, None, form, FormErrors::default()).await?)
}

/// `POST /initiatives/{id}/commitments`
pub async fn create(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(form): CsrfForm<CommitmentForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let outcome = state.kesher.create_commitment(caller, id, &form).await;
    answer_form(
        &ctx,
        outcome,
        |c| format!("/initiatives/{id}/commitments/{}", c.id),
        "flash-commitment-saved",
        LABELS,
        |errors| form_page(&state, &ctx, id, None, form, errors),
    )
    .await
}

/// `GET /initiatives/{id}/commitments/{commitment}/edit`
pub async fn edit(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, commitment)): Params<(InitiativeId, CommitmentId)>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, access) = commitment_in(&state, caller, id, commitment).await?;
    if !access.can_commit_for(found.organization_id) {
        return Err(kesher_core::CoreError::Forbidden.into());
    }
    let form = CommitmentForm {
        organization_id: found.organization_id.to_string(),
        result_id: found.result_id.to_string(),
        kind: found.kind.code().into(),
        promise: found.promise,
        amount: found.amount.to_string(),
        unit: found.unit.unwrap_or_default(),
        due: found.due.format("%Y-%m-%d").to_string(),
        visibility: found.visibility.code().into(),
    };
    render(
        &form_page(
            &state,
            &ctx,
            id,
            Some(commitment),
            form,
            FormErrors::default(),
        )
        .await?,
    )
}

/// `POST /initiatives/{id}/commitments/{commitment}`
pub async fn update(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, commitment)): Params<(InitiativeId, CommitmentId)>,
    CsrfForm(form): CsrfForm<CommitmentForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    commitment_in(&state, caller, id, commitment).await?;
    let outcome = state
        .kesher
        .edit_commitment(caller, commitment, &form)
        .await;
    answer_form(
        &ctx,
        outcome,
        |c| format!("/initiatives/{id}/commitments/{}", c.id),
        "flash-commitment-saved",
        LABELS,
        |errors| form_page(&state, &ctx, id, Some(commitment), form, errors),
    )
    .await
}

/// `POST /initiatives/{id}/commitments/{commitment}/delete`
pub async fn delete(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, commitment)): Params<(InitiativeId, CommitmentId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    commitment_in(&state, caller, id, commitment).await?;
    state.kesher.delete_commitment(caller, commitment).await?;
    Ok(saved(
        &ctx,
        &format!("/initiatives/{id}/commitments"),
        "flash-commitment-deleted",
    ))
}
