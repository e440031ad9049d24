//! An initiative's pages: creating and editing it, the overview of its network, who sits
//! where, and its audit log.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kesher_core::{BodySummary, CoreError, NetworkOverview, SeatingMatrix};
use kesher_domain::InitiativeId;
use kesher_domain::access::Access;
use kesher_domain::network::InitiativeForm;
use kesher_store::Initiative;

use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, Params};
use crate::html::{Choice, HistoryLine, frame, history_lines, render, render_with, saved};
use crate::page::{Page, Section};

/// The label of each field, for the error summary.
const LABELS: &[(&str, &str)] = &[
    ("name", "field-initiative-name"),
    ("description", "field-initiative-description"),
    ("parent_id", "field-parent"),
];

#[derive(Template)]
#[template(path = "initiatives/form.html")]
struct InitiativeFormPage {
    page: Page,
    form: InitiativeForm,
    errors: FormErrors,
    action: String,
    cancel: String,
    can_choose_parent: bool,
    parents: Vec<Choice>,
}

fn parent_choices(initiatives: &[Initiative], except: Option<InitiativeId>) -> Vec<Choice> {
    initiatives
        .iter()
        .filter(|i| Some(i.id) != except)
        .map(|i| Choice {
            value: i.id.to_string(),
            label: i.name.clone(),
        })
        .collect()
}

fn form_of(initiative: &Initiative) -> InitiativeForm {
    InitiativeForm {
        name: initiative.name.clone(),
        description: initiative.description.clone().unwrap_or_default(),
        parent_id: initiative
            .parent_id
            .map(|p| p.to_string())
            .unwrap_or_default(),
    }
}

/// `GET /initiatives/new` (instance admin)
pub async fn new_initiative(ctx: Ctx, State(state): State<AppState>) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    if !caller.is_admin() {
        return Err(CoreError::Forbidden.into());
    }
    let all = state.kesher.visible_initiatives(caller).await?;
    render(&InitiativeFormPage {
        page: Page::new(&ctx, ctx.lang.t("initiative-new")),
        form: InitiativeForm::default(),
        errors: FormErrors::default(),
        action: "/initiatives".into(),
        cancel: "/".into(),
        can_choose_parent: true,
        parents: parent_choices(&all, None),
    })
}

/// `POST /initiatives` (instance admin)
pub async fn create_initiative(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(form): CsrfForm<InitiativeForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    match state.kesher.create_initiative(Some(caller), &form).await {
        Ok(created) => Ok(saved(
            &ctx,
            &format!("/initiatives/{}", created.id),
            "flash-initiative-created",
        )),
        Err(CoreError::Invalid(errors)) => {
            let all = state.kesher.visible_initiatives(caller).await?;
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &InitiativeFormPage {
                    page: Page::new(&ctx, ctx.lang.t("initiative-new")),
                    errors: FormErrors::new(ctx.lang, &errors, LABELS),
                    form,
                    action: "/initiatives".into(),
                    cancel: "/".into(),
                    can_choose_parent: true,
                    parents: parent_choices(&all, None),
                },
            )
        }
        Err(other) => Err(other.into()),
    }
}

/// `GET /initiatives/{id}/edit` (backbone)
pub async fn edit_initiative(
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
        Section::Overview,
        "initiative-edit",
    )
    .await?;
    if !f.access.can_edit_initiative() {
        return Err(CoreError::Forbidden.into());
    }
    let all = state.kesher.visible_initiatives(caller).await?;
    render(&InitiativeFormPage {
        form: form_of(&f.initiative),
        page: f.page,
        errors: FormErrors::default(),
        action: format!("/initiatives/{id}"),
        cancel: format!("/initiatives/{id}"),
        can_choose_parent: caller.is_admin(),
        parents: parent_choices(&all, Some(id)),
    })
}

/// `POST /initiatives/{id}` (backbone)
pub async fn update_initiative(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(form): CsrfForm<InitiativeForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    match state.kesher.update_initiative(caller, id, &form).await {
        Ok(_) => Ok(saved(&ctx, &format!("/initiatives/{id}"), "flash-saved")),
        Err(CoreError::Invalid(errors)) => {
            let f = frame(
                &state.kesher,
                &ctx,
                caller,
                id,
                Section::Overview,
                "initiative-edit",
            )
            .await?;
            let all = state.kesher.visible_initiatives(caller).await?;
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &InitiativeFormPage {
                    page: f.page,
                    errors: FormErrors::new(ctx.lang, &errors, LABELS),
                    form,
                    action: format!("/initiatives/{id}"),
                    cancel: format!("/initiatives/{id}"),
                    can_choose_parent: caller.is_admin(),
                    parents: parent_choices(&all, Some(id)),
                },
            )
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "initiatives/overview.html")]
struct OverviewPage {
    page: Page,
    overview: NetworkOverview,
    bodies: Vec<BodySummary>,
    access: Access,
}

/// `GET /initiatives/{id}`
pub async fn show_initiative(
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
        Section::Overview,
        "nav-overview",
    )
    .await?;
    let overview = state.kesher.network_overview(caller, id).await?;
    let mut page = f.page;
    page.title = overview.initiative.name.clone();
    render(&OverviewPage {
        page,
        bodies: overview.bodies.clone(),
        overview,
        access: f.access,
    })
}

#[derive(Template)]
#[template(path = "initiatives/seating.html")]
struct SeatingPage {
    page: Page,
    initiative_id: InitiativeId,
    matrix: SeatingMatrix,
}

/// `GET /initiatives/{id}/seating`
pub async fn show_seating(
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
        Section::Seating,
        "nav-seating",
    )
    .await?;
    let matrix = state.kesher.seating_matrix(caller, id).await?;
    render(&SeatingPage {
        page: f.page,
        initiative_id: id,
        matrix,
    })
}

#[derive(Template)]
#[template(path = "initiatives/history.html")]
struct HistoryPage {
    page: Page,
    entries: Vec<HistoryLine>,
}

/// `GET /initiatives/{id}/history` (backbone)
pub async fn show_history(
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
        Section::History,
        "nav-history",
    )
    .await?;
    let entries = state.kesher.audit_log(caller, id, 300).await?;
    let entries = history_lines(&f.page, &entries);
    render(&HistoryPage {
        page: f.page,
        entries,
    })
}
