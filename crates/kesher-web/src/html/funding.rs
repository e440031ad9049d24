//! Joint funding requests: the list every partner reads with what each request has covered;
//! one request's page, where funders answer and read one another's answers; the form a
//! partner editor fills for their own organization (the backbone for any).

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use kesher_core::activities::funding::FundingView;
use kesher_domain::activities::funding::{
    FundingCoverage, FundingRequestForm, Interest, PledgeForm, RequestStatus,
};
use kesher_domain::{FundingRequestId, InitiativeId, ResultNodeId};

use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, NoFields, Params};
use crate::html::commitments::servable_results;
use crate::html::{
    Choice, answer_form, check_in, choices, frame, organization_choices_where, render, saved,
};
use crate::page::{Page, Section};

const LABELS: &[(&str, &str)] = &[
    ("organization_id", "field-funding-organization"),
    ("title", "field-funding-title"),
    ("description", "field-funding-description"),
    ("amount", "field-funding-amount"),
    ("result_ids", "field-funding-results"),
    ("needed_by", "field-funding-needed-by"),
    ("status", "field-funding-status"),
];

const PLEDGE_LABELS: &[(&str, &str)] = &[
    ("organization_id", "field-pledge-organization"),
    ("interest", "field-pledge-interest"),
    ("amount", "field-pledge-amount"),
    ("note", "field-pledge-note"),
];

/// What is covered, in words: "₪750,000 of ₪1,000,000 pledged (75%) by 2 funders".
fn coverage_line(page: &Page, c: &FundingCoverage) -> String {
    use kesher_i18n::Arg;
    page.line(
        "funding-covered",
        vec![
            ("pledged", Arg::from(page.shekels(&c.pledged))),
            ("requested", Arg::from(page.shekels(&c.requested))),
            ("percent", Arg::from(c.percent)),
            ("funders", Arg::from(c.funders_pledged as i64)),
        ],
    )
}

#[derive(Template)]
#[template(path = "funding/list.html")]
struct ListPage {
    page: Page,
    initiative_id: InitiativeId,
    requests: Vec<FundingView>,
    can_add: bool,
    is_funder: bool,
}

impl ListPage {
    fn covered(&self, view: &FundingView) -> String {
        coverage_line(&self.page, &view.coverage)
    }
    fn my_answer(&self, view: &FundingView) -> String {
        match &view.answering_for {
            Some((_, Some(pledge))) => self.page.t(pledge.interest.label_id()),
            Some((_, None)) => self.page.t("funding-not-answered"),
            None => String::new(),
        }
    }
}

/// `GET /initiatives/{id}/funding-requests`
pub async fn list(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (requests, who) = state.kesher.funding_requests(caller, id).await?;
    let f = frame(
        &state.kesher,
        &ctx,
        caller,
        id,
        Section::Commitments,
        "funding-title",
    )
    .await?;
    render(&ListPage {
        page: f.page,
        initiative_id: id,
        requests,
        can_add: who.access.can_commit(),
        is_funder: who.funder.is_some(),
    })
}

#[derive(Template)]
#[template(path = "funding/show.html")]
struct ShowPage {
    page: Page,
    initiative_id: InitiativeId,
    view: FundingView,
    goals: Vec<(ResultNodeId, String)>,
    can_edit: bool,
    pledge: PledgeForm,
    interests: Vec<Choice>,
    errors: FormErrors,
}

impl ShowPage {
    fn covered(&self) -> String {
        coverage_line(&self.page, &self.view.coverage)
    }
    fn open(&self) -> bool {
        self.view.request.status == RequestStatus::Open
    }
    fn amount(&self, amount: &Option<i64>) -> String {
        amount
            .map(|a| self.page.shekels(&a))
            .unwrap_or_else(|| "—".into())
    }
}

async fn show_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    request: FundingRequestId,
    pledge: Option<PledgeForm>,
    errors: FormErrors,
) -> Result<ShowPage, AppError> {
    let caller = ctx.caller()?;
    let (view, who) = state.kesher.funding_request(caller, request).await?;
    check_in(id, view.request.initiative_id)?;
    let f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Commitments,
        "funding-title",
    )
    .await?;
    let mut page = f.page;
    page.title = view.request.title.clone();
    let tree = state.kesher.results_tree(caller, id).await?;
    let goals = view
        .request
        .result_ids
        .iter()
        .filter_map(|r| {
            tree.iter()
                .find(|row| row.node.id == *r)
                .map(|row| (*r, row.node.title.clone()))
        })
        .collect();
    let pledge = pledge.unwrap_or_else(|| match &view.answering_for {
        Some((funder, mine)) => PledgeForm {
            organization_id: funder.to_string(),
            interest: mine
                .as_ref()
                .map(|p| p.interest.code().to_string())
                .unwrap_or_default(),
            amount: mine
                .as_ref()
                .and_then(|p| p.amount)
                .map(|a| a.to_string())
                .unwrap_or_default(),
            note: mine
                .as_ref()
                .and_then(|p| p.note.clone())
                .unwrap_or_default(),
        },
        None => PledgeForm::default(),
    });
    Ok(ShowPage {
        can_edit: who.access.can_commit_for(view.request.organization_id),
        interests: choices(&page, Interest::ALL, Interest::code, Interest::label_id),
        page,
        initiative_id: id,
        view,
        goals,
        pledge,
        errors,
    })
}

/// `GET /initiatives/{id}/funding-requests/{request}`
pub async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, request)): Params<(InitiativeId, FundingRequestId)>,
) -> Result<Response, AppError> {
    render(&show_page(&state, &ctx, id, request, None, FormErrors::default()).await?)
}

/// `POST /initiatives/{id}/funding-requests/{request}/pledge`
pub async fn answer(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, request)): Params<(InitiativeId, FundingRequestId)>,
    CsrfForm(form): CsrfForm<PledgeForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.funding_request(caller, request).await?;
    check_in(id, found.request.initiative_id)?;
    let outcome = state
        .kesher
        .answer_funding_request(caller, request, &form)
        .await;
    answer_form(
        &ctx,
        outcome,
        |v| format!("/initiatives/{id}/funding-requests/{}", v.request.id),
        "flash-pledge-saved",
        PLEDGE_LABELS,
        |errors| show_page(&state, &ctx, id, request, Some(form), errors),
    )
    .await
}

#[derive(Template)]
#[template(path = "funding/form.html")]
struct FormPage {
    page: Page,
    initiative_id: InitiativeId,
    request_id: Option<FundingRequestId>,
    form: FundingRequestForm,
    organizations: Vec<Choice>,
    results: Vec<Choice>,
    statuses: Vec<Choice>,
    errors: FormErrors,
}

impl FormPage {
    fn action(&self) -> String {
        match self.request_id {
            Some(r) => format!("/initiatives/{}/funding-requests/{r}", self.initiative_id),
            None => format!("/initiatives/{}/funding-requests", self.initiative_id),
        }
    }
    fn result_ticked(&self, choice: &Choice) -> bool {
        self.form
            .result_ids
            .iter()
            .any(|id| id.to_string() == choice.value)
    }
}

async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    request_id: Option<FundingRequestId>,
    form: FundingRequestForm,
    errors: FormErrors,
) -> Result<FormPage, AppError> {
    let caller = ctx.caller()?;
    let f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Commitments,
        if request_id.is_some() {
            "funding-edit-title"
        } else {
            "funding-new-title"
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
        statuses: choices(
            &page,
            RequestStatus::ALL,
            RequestStatus::code,
            RequestStatus::label_id,
        ),
        page,
        initiative_id: id,
        request_id,
        form,
        errors,
    })
}

/// `GET /initiatives/{id}/funding-requests/new`
pub async fn new(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let access = state.kesher.require(caller, id, |a| a.can_commit()).await?;
    let form = FundingRequestForm {
        organization_id: access
            .own_organization()
            .map(|o| o.to_string())
            .unwrap_or_default(),
        status: RequestStatus::Open.code().into(),
        ..Default::default()
    };
    render(&form_page(&state, &ctx, id, None, form, FormErrors::default()).await?)
}

/// `POST /initiatives/{id}/funding-requests`
pub async fn create(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(form): CsrfForm<FundingRequestForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let outcome = state.kesher.create_funding_request(caller, id, &form).await;
    answer_form(
        &ctx,
        outcome,
        |v| format!("/initiatives/{id}/funding-requests/{}", v.request.id),
        "flash-funding-saved",
        LABELS,
        |errors| form_page(&state, &ctx, id, None, form, errors),
    )
    .await
}

/// `GET /initiatives/{id}/funding-requests/{request}/edit`
pub async fn edit(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, request)): Params<(InitiativeId, FundingRequestId)>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (view, who) = state.kesher.funding_request(caller, request).await?;
    check_in(id, view.request.initiative_id)?;
    if !who.access.can_commit_for(view.request.organization_id) {
        return Err(kesher_core::CoreError::Forbidden.into());
    }
    let r = view.request;
    let form = FundingRequestForm {
        organization_id: r.organization_id.to_string(),
        title: r.title,
        description: r.description,
        amount: r.amount.to_string(),
        result_ids: r.result_ids.iter().map(|id| id.get()).collect(),
        needed_by: r
            .needed_by
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        status: r.status.code().into(),
    };
    render(&form_page(&state, &ctx, id, Some(request), form, FormErrors::default()).await?)
}

/// `POST /initiatives/{id}/funding-requests/{request}`
pub async fn update(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, request)): Params<(InitiativeId, FundingRequestId)>,
    CsrfForm(form): CsrfForm<FundingRequestForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.funding_request(caller, request).await?;
    check_in(id, found.request.initiative_id)?;
    let outcome = state
        .kesher
        .edit_funding_request(caller, request, &form)
        .await;
    answer_form(
        &ctx,
        outcome,
        |v| format!("/initiatives/{id}/funding-requests/{}", v.request.id),
        "flash-funding-saved",
        LABELS,
        |errors| form_page(&state, &ctx, id, Some(request), form, errors),
    )
    .await
}

/// `POST /initiatives/{id}/funding-requests/{request}/delete`
pub async fn delete(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, request)): Params<(InitiativeId, FundingRequestId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.funding_request(caller, request).await?;
    check_in(id, found.request.initiative_id)?;
    state.kesher.delete_funding_request(caller, request).await?;
    Ok(saved(
        &ctx,
        &format!("/initiatives/{id}/funding-requests"),
        "flash-funding-deleted",
    ))
}
