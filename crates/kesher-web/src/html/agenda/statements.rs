//! The agenda statements: the current version, any earlier one, a new revision, and two
//! versions side by side.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use kesher_core::CoreError;
use kesher_core::agenda::AgendaComparison;
use kesher_domain::InitiativeId;
use kesher_domain::agenda::{
    AgendaForm, BoundaryDimension, BoundaryForm, BoundaryScope, CommentForm,
};
use kesher_domain::diff::DiffKind;
use kesher_store::{AgendaComment, AgendaVersion};
use serde::Deserialize;

use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, Params, QueryParams};
use crate::html::{Choice, answer_form, choices, frame, organization_choices, render, saved};
use crate::page::{Page, Section};

/// The label of each field, for the error summary.
const LABELS: &[(&str, &str)] = &[
    ("problem", "agenda-problem"),
    ("vision", "agenda-vision"),
    ("vision_year", "agenda-vision-target-year"),
    ("mission", "agenda-mission"),
    ("overarching_goal", "agenda-overarching-goal"),
    ("boundaries", "agenda-boundaries"),
    ("note", "agenda-note"),
];

#[derive(Template)]
#[template(path = "agenda/statements.html")]
struct StatementsPage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    shown: Option<AgendaVersion>,
    is_current: bool,
    versions: Vec<AgendaVersion>,
    can_edit: bool,
    /// The comments on the version shown, oldest first.
    comments: Vec<AgendaComment>,
    /// Whether the caller may comment (on the current version only).
    can_comment: bool,
    speaking_as: Option<String>,
    organizations: Vec<Choice>,
    /// The comment as typed, kept when it is refused.
    comment: CommentForm,
    errors: FormErrors,
}

/// The comment fields, for the error summary.
const COMMENT_LABELS: &[(&str, &str)] = &[
    ("comment", "field-comment"),
    ("organization_id", "field-organization"),
];

impl StatementsPage {
    /// "Version 2, saved 15/01/2026 by …".
    fn version_line(&self, version: &AgendaVersion) -> String {
        let by = version
            .created_by
            .clone()
            .unwrap_or_else(|| self.page.t("history-system"));
        self.page.line(
            "agenda-version-line",
            vec![
                ("label", version.label.clone().into()),
                ("date", self.page.moment(&version.created_at).into()),
                ("name", by.into()),
            ],
        )
    }
}

async fn statements_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    number: Option<u32>,
    refused: Option<(CommentForm, FormErrors)>,
) -> Result<StatementsPage, AppError> {
    let caller = ctx.caller()?;
    let f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Agenda,
        "agenda-title",
    )
    .await?;
    let versions = state.kesher.agenda_versions(caller, id).await?;
    let current = versions.last().map(|v| v.number);
    let shown = match number {
        Some(n) => Some(
            versions
                .iter()
                .find(|v| v.number == n)
                .cloned()
                .ok_or(CoreError::NotFound)?,
        ),
        None => versions.last().cloned(),
    };
    let comments = match &shown {
        Some(version) => state.kesher.agenda_comments(caller, version.id).await?,
        None => Vec::new(),
    };
    let is_current = shown.as_ref().map(|v| v.number) == current;
    let (comment, errors) = refused.unwrap_or_default();
    Ok(StatementsPage {
        can_comment: is_current && shown.is_some() && f.access.can_take_part_in_agenda(),
        speaking_as: super::speaking_as(&state.kesher, caller, &f.access).await?,
        organizations: if f.access.can_edit_agenda() {
            organization_choices(&state.kesher, caller, id, None).await?
        } else {
            Vec::new()
        },
        page: f.page,
        initiative_id: id,
        tab: "statements",
        is_current,
        shown,
        versions,
        can_edit: f.access.can_edit_agenda(),
        comments,
        comment,
        errors,
    })
}

/// `GET /initiatives/{id}/agenda`
pub async fn show_agenda(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    render(&statements_page(&state, &ctx, id, None, None).await?)
}

/// `GET /initiatives/{id}/agenda/versions/{number}`
pub async fn show_agenda_version(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, number)): Params<(InitiativeId, u32)>,
) -> Result<Response, AppError> {
    render(&statements_page(&state, &ctx, id, Some(number), None).await?)
}

/// `POST /initiatives/{id}/agenda/versions/{number}/comments` (everyone who takes part):
/// a comment on the current version.
pub async fn add_comment(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, number)): Params<(InitiativeId, u32)>,
    CsrfForm(form): CsrfForm<CommentForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let version = state
        .kesher
        .agenda_versions(caller, id)
        .await?
        .into_iter()
        .find(|v| v.number == number)
        .ok_or(CoreError::NotFound)?;
    let outcome = state
        .kesher
        .add_agenda_comment(caller, version.id, &form)
        .await;
    answer_form(
        &ctx,
        outcome,
        |_| format!("/initiatives/{id}/agenda#comments"),
        "flash-comment-added",
        COMMENT_LABELS,
        |errors| statements_page(&state, &ctx, id, Some(number), Some((form, errors))),
    )
    .await
}

/// The statements form as a browser sends it: the boundary rows come as repeated fields.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StatementsPageForm {
    problem: String,
    vision: String,
    vision_year: String,
    mission: String,
    overarching_goal: String,
    note: String,
    wording_only: String,
    boundary_dimension: Vec<String>,
    boundary_scope: Vec<String>,
    boundary_item: Vec<String>,
    boundary_reason: Vec<String>,
}

impl StatementsPageForm {
    fn into_form(self) -> AgendaForm {
        let rows = self
            .boundary_item
            .len()
            .max(self.boundary_dimension.len())
            .max(self.boundary_scope.len())
            .max(self.boundary_reason.len());
        let at = |list: &[String], i: usize| list.get(i).cloned().unwrap_or_default();
        let boundaries = (0..rows)
            .map(|i| BoundaryForm {
                dimension: at(&self.boundary_dimension, i),
                scope: at(&self.boundary_scope, i),
                item: at(&self.boundary_item, i),
                reason: at(&self.boundary_reason, i),
            })
            .collect();
        AgendaForm {
            problem: self.problem,
            vision: self.vision,
            vision_year: self.vision_year,
            mission: self.mission,
            overarching_goal: self.overarching_goal,
            note: self.note,
            boundaries,
            wording_only: self.wording_only,
        }
    }
}

#[derive(Template)]
#[template(path = "agenda/statements_form.html")]
struct StatementsFormPage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    form: AgendaForm,
    rows: Vec<BoundaryForm>,
    dimensions: Vec<Choice>,
    scopes: Vec<Choice>,
    errors: FormErrors,
}

/// Spare rows below the boundaries already written, for new ones.
const SPARE_ROWS: usize = 3;

fn form_page(
    page: Page,
    id: InitiativeId,
    form: AgendaForm,
    errors: FormErrors,
) -> StatementsFormPage {
    let mut rows: Vec<BoundaryForm> = form
        .boundaries
        .iter()
        .filter(|b| {
            !(b.item.trim().is_empty()
                && b.dimension.is_empty()
                && b.scope.is_empty()
                && b.reason.trim().is_empty())
        })
        .cloned()
        .collect();
    rows.extend((0..SPARE_ROWS).map(|_| BoundaryForm::default()));
    StatementsFormPage {
        dimensions: choices(
            &page,
            BoundaryDimension::ALL,
            BoundaryDimension::code,
            BoundaryDimension::label_id,
        ),
        scopes: choices(
            &page,
            BoundaryScope::ALL,
            BoundaryScope::code,
            BoundaryScope::label_id,
        ),
        page,
        initiative_id: id,
        tab: "statements",
        form,
        rows,
        errors,
    }
}

/// `GET /initiatives/{id}/agenda/edit` (backbone): the current version, ready to revise.
pub async fn edit_agenda(
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
        Section::Agenda,
        "agenda-revise",
    )
    .await?;
    if !f.access.can_edit_agenda() {
        return Err(CoreError::Forbidden.into());
    }
    let versions = state.kesher.agenda_versions(caller, id).await?;
    let form = versions
        .last()
        .map(|v| AgendaForm {
            problem: v.problem.clone().unwrap_or_default(),
            vision: v.vision.clone().unwrap_or_default(),
            vision_year: v.vision_year.map(|y| y.to_string()).unwrap_or_default(),
            mission: v.mission.clone().unwrap_or_default(),
            overarching_goal: v.overarching_goal.clone().unwrap_or_default(),
            note: String::new(),
            boundaries: v
                .boundaries
                .iter()
                .map(|b| BoundaryForm {
                    dimension: b.dimension.code().into(),
                    scope: b.scope.code().into(),
                    item: b.item.clone(),
                    reason: b.reason.clone().unwrap_or_default(),
                })
                .collect(),
            // Each revision says anew whether it changes substance.
            wording_only: String::new(),
        })
        .unwrap_or_default();
    render(&form_page(f.page, id, form, FormErrors::default()))
}

/// `POST /initiatives/{id}/agenda` (backbone): saves a new version.
pub async fn revise_agenda(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(sent): CsrfForm<StatementsPageForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let form = sent.into_form();
    let outcome = state.kesher.revise_agenda(caller, id, &form).await;
    if matches!(&outcome, Ok(revision) if !revision.saved) {
        let agenda = format!("/initiatives/{id}/agenda");
        return Ok(saved(&ctx, &agenda, "flash-agenda-unchanged"));
    }
    let (kesher, ctx) = (&state.kesher, &ctx);
    answer_form(
        ctx,
        outcome,
        |_| format!("/initiatives/{id}/agenda"),
        "flash-agenda-saved",
        LABELS,
        |errors| async move {
            let f = frame(kesher, ctx, caller, id, Section::Agenda, "agenda-revise").await?;
            Ok(form_page(f.page, id, form, errors))
        },
    )
    .await
}

/// Which versions to compare; without them, the current version against the one before.
#[derive(Deserialize)]
pub struct CompareQuery {
    from: Option<u32>,
    to: Option<u32>,
}

#[derive(Template)]
#[template(path = "agenda/compare.html")]
struct ComparePage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    comparison: AgendaComparison,
}

impl ComparePage {
    fn statement_label(&self, statement: &str) -> String {
        match statement {
            "problem" => "agenda-problem",
            "vision" => "agenda-vision",
            "vision_year" => "agenda-vision-target-year",
            "mission" => "agenda-mission",
            _ => "agenda-overarching-goal",
        }
        .to_string()
    }
}

/// `GET /initiatives/{id}/agenda/compare?from=1&to=2`
pub async fn compare_agenda(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    QueryParams(query): QueryParams<CompareQuery>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let mut f = frame(
        &state.kesher,
        &ctx,
        caller,
        id,
        Section::Agenda,
        "agenda-compare",
    )
    .await?;
    let (from, to) = match (query.from, query.to) {
        (Some(from), Some(to)) => (from, to),
        (from, to) => {
            let latest = state.kesher.agenda_versions(caller, id).await?.len() as u32;
            if latest == 0 {
                return Ok(Redirect::to(&format!("/initiatives/{id}/agenda")).into_response());
            }
            let to = to.unwrap_or(latest);
            (from.unwrap_or(to.saturating_sub(1).max(1)), to)
        }
    };
    let comparison = state.kesher.compare_agenda(caller, id, from, to).await?;
    f.page.title = f.page.lang.t_with(
        "agenda-compare-title",
        &[
            ("from", (from as usize).into()),
            ("to", (to as usize).into()),
        ],
    );
    render(&ComparePage {
        page: f.page,
        initiative_id: id,
        tab: "statements",
        comparison,
    })
}
