//! The decision log: decisions with their body, date, kind, the results and terms they
//! touch, and a mark for those that stay contested.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use kesher_core::CoreError;
use kesher_core::agenda::TreeRow;
use kesher_domain::agenda::{DecisionForm, DecisionKind};
use kesher_domain::{DecisionId, InitiativeId, ResultNodeId, TermId};
use kesher_store::{Decision, Dispute, GlossaryTerm, ResultNode};
use serde::Deserialize;

use super::body_choices;
use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, NoFields, Params, QueryParams};
use crate::html::{
    Choice, Deletion, answer_form, check_in, choices, confirm_delete, frame, render, saved,
};
use crate::page::{Page, Section};

/// The label of each field, for the error summary.
const LABELS: &[(&str, &str)] = &[
    ("text", "field-decision-text"),
    ("decided_on", "field-decided-on"),
    ("kind", "field-decision-kind"),
    ("body_id", "field-body"),
    ("result_ids", "decision-touches-results"),
    ("term_ids", "decision-touches-terms"),
];

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DecisionQuery {
    contested: String,
}

#[derive(Template)]
#[template(path = "agenda/decisions.html")]
struct DecisionsPage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    decisions: Vec<Decision>,
    only_contested: bool,
    can_edit: bool,
}

/// `GET /initiatives/{id}/decisions[?contested=true]`
pub async fn list_decisions(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    QueryParams(query): QueryParams<DecisionQuery>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let only_contested = query.contested == "true";
    let title = if only_contested {
        "decisions-contested-title"
    } else {
        "decisions-title"
    };
    let f = frame(&state.kesher, &ctx, caller, id, Section::Agenda, title).await?;
    let decisions = state
        .kesher
        .decisions(caller, id)
        .await?
        .into_iter()
        .filter(|d| !only_contested || d.contested)
        .collect();
    render(&DecisionsPage {
        page: f.page,
        initiative_id: id,
        tab: "decisions",
        decisions,
        only_contested,
        can_edit: f.access.can_edit_agenda(),
    })
}

#[derive(Template)]
#[template(path = "agenda/decision.html")]
struct DecisionPage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    decision: Decision,
    results: Vec<ResultNode>,
    terms: Vec<GlossaryTerm>,
    disputes: Vec<Dispute>,
    can_edit: bool,
    /// The documents that belong to it, that the reader may see.
    documents: Vec<kesher_store::Document>,
}

/// `GET /initiatives/{id}/decisions/{decision}`
pub async fn show_decision(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, decision)): Params<(InitiativeId, DecisionId)>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, access) = state.kesher.decision(caller, decision).await?;
    check_in(id, found.initiative_id)?;
    let mut f = frame(
        &state.kesher,
        &ctx,
        caller,
        id,
        Section::Agenda,
        "decisions-title",
    )
    .await?;
    f.page.title = ctx.lang.t_with(
        "decision-title",
        &[("date", f.page.date(&found.decided_on).into())],
    );
    let results = state
        .kesher
        .results_tree(caller, id)
        .await?
        .into_iter()
        .map(|r| r.node)
        .filter(|n| found.result_ids.contains(&n.id))
        .collect();
    let terms = state
        .kesher
        .terms(caller, id)
        .await?
        .into_iter()
        .filter(|t| found.term_ids.contains(&t.id))
        .collect();
    let disputes = state
        .kesher
        .disputes(caller, id)
        .await?
        .into_iter()
        .filter(|d| d.decision_ids.contains(&decision))
        .collect();
    let documents = state
        .kesher
        .documents(caller, id)
        .await?
        .0
        .into_iter()
        .filter(|d| d.decision_id == Some(decision))
        .collect();
    render(&DecisionPage {
        documents,
        page: f.page,
        initiative_id: id,
        tab: "decisions",
        decision: found,
        results,
        terms,
        disputes,
        can_edit: access.can_edit_agenda(),
    })
}

#[derive(Template)]
#[template(path = "agenda/decision_form.html")]
struct DecisionFormPage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    form: DecisionForm,
    kinds: Vec<Choice>,
    bodies: Vec<Choice>,
    results: Vec<TreeRow>,
    terms: Vec<GlossaryTerm>,
    errors: FormErrors,
    action: String,
    cancel: String,
}

impl DecisionFormPage {
    fn contested(&self) -> bool {
        matches!(self.form.contested.as_str(), "true" | "on")
    }

    fn links_result(&self, id: &ResultNodeId) -> bool {
        self.form.result_ids.contains(&id.get())
    }

    fn links_term(&self, id: &TermId) -> bool {
        self.form.term_ids.contains(&id.get())
    }
}

async fn decision_form_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    title_id: &str,
    form: DecisionForm,
    errors: FormErrors,
    action: String,
) -> Result<DecisionFormPage, AppError> {
    let caller = ctx.caller()?;
    let f = frame(&state.kesher, ctx, caller, id, Section::Agenda, title_id).await?;
    if !f.access.can_edit_agenda() {
        return Err(CoreError::Forbidden.into());
    }
    Ok(DecisionFormPage {
        kinds: choices(
            &f.page,
            DecisionKind::ALL,
            DecisionKind::code,
            DecisionKind::label_id,
        ),
        bodies: body_choices(&state.kesher, caller, id).await?,
        results: state.kesher.results_tree(caller, id).await?,
        terms: state.kesher.terms(caller, id).await?,
        page: f.page,
        initiative_id: id,
        tab: "decisions",
        cancel: format!("/initiatives/{id}/decisions"),
        form,
        errors,
        action,
    })
}

/// `GET /initiatives/{id}/decisions/new` (backbone)
pub async fn new_decision(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    let form = DecisionForm {
        kind: DecisionKind::Formal.code().into(),
        ..Default::default()
    };
    let page = decision_form_page(
        &state,
        &ctx,
        id,
        "decisions-new",
        form,
        FormErrors::default(),
        format!("/initiatives/{id}/decisions"),
    )
    .await?;
    render(&page)
}

/// `POST /initiatives/{id}/decisions` (backbone)
pub async fn create_decision(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(form): CsrfForm<DecisionForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let outcome = state.kesher.create_decision(caller, id, &form).await;
    let action = format!("/initiatives/{id}/decisions");
    answer_form(
        &ctx,
        outcome,
        |created| format!("/initiatives/{id}/decisions/{}", created.id),
        "flash-decision-created",
        LABELS,
        |errors| decision_form_page(&state, &ctx, id, "decisions-new", form, errors, action),
    )
    .await
}

fn form_of(decision: &Decision) -> DecisionForm {
    DecisionForm {
        body_id: decision.body_id.map(|b| b.to_string()).unwrap_or_default(),
        decided_on: decision.decided_on.to_string(),
        kind: decision.kind.code().into(),
        text: decision.text.clone(),
        contested: decision.contested.to_string(),
        result_ids: decision.result_ids.iter().map(|r| r.get()).collect(),
        term_ids: decision.term_ids.iter().map(|t| t.get()).collect(),
    }
}

/// `GET /initiatives/{id}/decisions/{decision}/edit` (backbone)
pub async fn edit_decision(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, decision)): Params<(InitiativeId, DecisionId)>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.decision(caller, decision).await?;
    check_in(id, found.initiative_id)?;
    let action = format!("/initiatives/{id}/decisions/{decision}");
    render(
        &decision_form_page(
            &state,
            &ctx,
            id,
            "decisions-edit",
            form_of(&found),
            FormErrors::default(),
            action,
        )
        .await?,
    )
}

/// `POST /initiatives/{id}/decisions/{decision}` (backbone)
pub async fn update_decision(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, decision)): Params<(InitiativeId, DecisionId)>,
    CsrfForm(form): CsrfForm<DecisionForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.decision(caller, decision).await?;
    check_in(id, found.initiative_id)?;
    let here = format!("/initiatives/{id}/decisions/{decision}");
    let outcome = state.kesher.update_decision(caller, decision, &form).await;
    answer_form(
        &ctx,
        outcome,
        |_| here.clone(),
        "flash-saved",
        LABELS,
        |errors| {
            decision_form_page(
                &state,
                &ctx,
                id,
                "decisions-edit",
                form,
                errors,
                here.clone(),
            )
        },
    )
    .await
}

/// `GET /initiatives/{id}/decisions/{decision}/delete` (backbone)
pub async fn confirm_delete_decision(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, decision)): Params<(InitiativeId, DecisionId)>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, access) = state.kesher.decision(caller, decision).await?;
    check_in(id, found.initiative_id)?;
    if !access.can_edit_agenda() {
        return Err(CoreError::Forbidden.into());
    }
    let date = crate::page::date_in(ctx.lang, &found.decided_on);
    confirm_delete(
        &state.kesher,
        &ctx,
        id,
        Section::Agenda,
        Deletion {
            title: ("decisions-delete-title", &date),
            explanation: ctx.lang.t("decisions-delete-explained"),
            blocked: None,
            record: format!("/initiatives/{id}/decisions/{decision}"),
        },
    )
    .await
}

/// `POST /initiatives/{id}/decisions/{decision}/delete` (backbone)
pub async fn delete_decision(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, decision)): Params<(InitiativeId, DecisionId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.decision(caller, decision).await?;
    check_in(id, found.initiative_id)?;
    state.kesher.delete_decision(caller, decision).await?;
    Ok(saved(
        &ctx,
        &format!("/initiatives/{id}/decisions"),
        "flash-deleted",
    ))
}
