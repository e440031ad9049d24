//! The results tree: the indented tree with its move buttons, a node's page, the node
//! forms, moves, deletion, and the printable theory of change.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kesher_core::CoreError;
use kesher_core::agenda::{MoveForm, TreeRow, suggested_kind};
use kesher_domain::agenda::{ResultForm, ResultKind, ResultStatus, StandardPopulation};
use kesher_domain::lenient;
use kesher_domain::{InitiativeId, ResultNodeId};
use kesher_store::{Decision, FieldChange, ResultNode};
use serde::Deserialize;

use super::{body_choices, result_choices};
use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, NoFields, Params, QueryParams, field_message};
use crate::html::{
    Choice, Deletion, answer_form, check_in, choices, confirm_delete, frame, render, render_with,
    saved,
};
use crate::page::{Page, Section};

/// The label of each field, for the error summary.
const LABELS: &[(&str, &str)] = &[
    ("title", "field-result-title"),
    ("kind", "field-result-kind"),
    ("status", "field-result-status"),
    ("description", "field-result-description"),
    ("owner_body_id", "field-owner-body"),
    ("populations", "field-populations"),
    ("subjects", "field-subjects"),
    ("age_bands", "field-age-bands"),
    ("parent_id", "results-new-parent"),
];

/// The four moves, with the Fluent id of each button's label.
const NUDGES: [(&str, &str); 4] = [
    ("up", "results-move-up"),
    ("down", "results-move-down"),
    ("outdent", "results-move-outdent"),
    ("indent", "results-move-indent"),
];

#[derive(Template)]
#[template(path = "agenda/results.html")]
struct TreePage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    rows: Vec<TreeRow>,
    can_edit: bool,
}

impl TreePage {
    /// The arrow buttons that can work for this row: no "up" for the first among its
    /// siblings, no "down" for the last, no "out" at the top, and "in" only under a sibling
    /// whose level can hold it.
    fn nudges(&self, row: &TreeRow) -> Vec<(&'static str, &'static str)> {
        let node = &row.node;
        let siblings = || {
            self.rows
                .iter()
                .filter(|r| r.node.parent_id == node.parent_id)
        };
        let last = siblings().map(|r| r.node.position).max().unwrap_or(0);
        let before = node.position.checked_sub(1).and_then(|p| {
            siblings()
                .find(|r| r.node.position == p)
                .map(|r| r.node.kind)
        });
        NUDGES
            .into_iter()
            .filter(|(nudge, _)| match *nudge {
                "up" => node.position > 0,
                "down" => node.position < last,
                "outdent" => node.parent_id.is_some(),
                _ => before.is_some() && node.kind.may_stand_under(before),
            })
            .collect()
    }

    /// The arrows point the way the node goes on the screen, which depends on direction.
    fn nudge_symbol(&self, nudge: &str) -> &'static str {
        let rtl = self.page.dir() == "rtl";
        match nudge {
            "up" => "↑",
            "down" => "↓",
            "indent" if rtl => "←",
            "indent" => "→",
            _ if rtl => "→",
            _ => "←",
        }
    }
}

/// `GET /initiatives/{id}/results`
pub async fn show_results(
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
        "results-title",
    )
    .await?;
    let rows = state.kesher.results_tree(caller, id).await?;
    render(&TreePage {
        page: f.page,
        initiative_id: id,
        tab: "results",
        rows,
        can_edit: f.access.can_edit_agenda(),
    })
}

#[derive(Template)]
#[template(path = "agenda/result.html")]
struct NodePage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    node: ResultNode,
    ancestors: Vec<ResultNode>,
    children: Vec<ResultNode>,
    decisions: Vec<Decision>,
    changes: Vec<FieldChange>,
    parents: Vec<Choice>,
    can_edit: bool,
    /// A refused move: the parent that was chosen, and why it cannot be.
    refused_move: Option<(String, String)>,
    /// The indicators that measure this node or anything under it, with their standing.
    indicators: Vec<crate::html::measurement::DashboardRow>,
    /// The documents that belong to it, that the reader may see.
    documents: Vec<kesher_store::Document>,
}

impl NodePage {
    /// Standard populations in words; the initiative's own as written.
    fn populations(&self, codes: &[String]) -> String {
        population_labels(&self.page, codes).join(", ")
    }

    /// The move form starts at where the node stands now, or at the refused choice.
    fn current_parent(&self) -> String {
        match &self.refused_move {
            Some((chosen, _)) => chosen.clone(),
            None => self
                .node
                .parent_id
                .map(|p| p.to_string())
                .unwrap_or_default(),
        }
    }

    fn move_error(&self) -> Option<&str> {
        self.refused_move.as_ref().map(|(_, why)| why.as_str())
    }
}

pub(crate) fn population_labels(page: &Page, codes: &[String]) -> Vec<String> {
    codes
        .iter()
        .map(|code| match StandardPopulation::parse(code) {
            Ok(p) => page.t(p.label_id()),
            Err(_) => code.clone(),
        })
        .collect()
}

/// `GET /initiatives/{id}/results/{node}`
pub async fn show_result(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, node)): Params<(InitiativeId, ResultNodeId)>,
) -> Result<Response, AppError> {
    render(&node_page(&state, &ctx, id, node, None).await?)
}

async fn node_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    node: ResultNodeId,
    refused_move: Option<(String, String)>,
) -> Result<NodePage, AppError> {
    let caller = ctx.caller()?;
    let (found, access) = state.kesher.result_node(caller, node).await?;
    check_in(id, found.initiative_id)?;
    let mut f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Agenda,
        "results-title",
    )
    .await?;
    f.page.title = found.title.clone();
    let rows = state.kesher.results_tree(caller, id).await?;
    let mut ancestors = Vec::new();
    let mut cursor = found.parent_id;
    while let Some(parent) = cursor {
        match rows.iter().find(|r| r.node.id == parent) {
            Some(row) => {
                ancestors.insert(0, row.node.clone());
                cursor = row.node.parent_id;
            }
            None => break,
        }
    }
    let children = rows
        .iter()
        .filter(|r| r.node.parent_id == Some(node))
        .map(|r| r.node.clone())
        .collect();
    let nodes: Vec<ResultNode> = rows.iter().map(|r| r.node.clone()).collect();
    let progress = state.kesher.progress(caller, id).await?;
    let indicators = progress
        .under(node, &nodes)
        .into_iter()
        .map(|p| crate::html::measurement::dashboard_row(&f.page, &p.indicator, &p.standing))
        .collect();
    // A node cannot move under itself or its descendants, nor under a level below its own:
    // those are not offered.
    let own_depth = rows
        .iter()
        .find(|r| r.node.id == node)
        .map(|r| r.depth)
        .unwrap_or(0);
    let mut inside = false;
    let movable: Vec<TreeRow> = rows
        .iter()
        .filter(|r| {
            if r.node.id == node {
                inside = true;
                return false;
            }
            if inside && r.depth > own_depth {
                return false;
            }
            inside = false;
            found.kind.may_stand_under(Some(r.node.kind))
        })
        .cloned()
        .collect();
    let decisions = state
        .kesher
        .decisions(caller, id)
        .await?
        .into_iter()
        .filter(|d| d.result_ids.contains(&node))
        .collect();
    let changes = state
        .kesher
        .field_changes(caller, id)
        .await?
        .into_iter()
        .filter(|c| c.result_id == Some(node))
        .collect();
    let documents = state
        .kesher
        .documents(caller, id)
        .await?
        .0
        .into_iter()
        .filter(|d| d.result_id == Some(node))
        .collect();
    Ok(NodePage {
        documents,
        page: f.page,
        initiative_id: id,
        tab: "results",
        parents: result_choices(&movable),
        node: found,
        ancestors,
        children,
        decisions,
        changes,
        can_edit: access.can_edit_agenda(),
        refused_move,
        indicators,
    })
}

#[derive(Template)]
#[template(path = "agenda/result_form.html")]
struct NodeFormPage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    form: ResultForm,
    parent_title: Option<String>,
    kinds: Vec<Choice>,
    statuses: Vec<Choice>,
    bodies: Vec<Choice>,
    standard_populations: Vec<Choice>,
    other_populations: String,
    errors: FormErrors,
    action: String,
    cancel: String,
}

impl NodeFormPage {
    fn has_population(&self, code: &str) -> bool {
        self.form.populations.split(',').any(|p| p.trim() == code)
    }
}

/// The form as a browser sends it: standard populations as checkboxes, others in words.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NodePageForm {
    parent_id: String,
    kind: String,
    title: String,
    description: String,
    owner_body_id: String,
    standard_populations: Vec<String>,
    other_populations: String,
    subjects: String,
    age_bands: String,
    status: String,
}

impl NodePageForm {
    fn into_form(self) -> ResultForm {
        let mut populations = self.standard_populations;
        populations.push(self.other_populations);
        ResultForm {
            parent_id: self.parent_id,
            kind: self.kind,
            title: self.title,
            description: self.description,
            owner_body_id: self.owner_body_id,
            populations: populations
                .into_iter()
                .filter(|p| !p.trim().is_empty())
                .collect::<Vec<_>>()
                .join(", "),
            subjects: self.subjects,
            age_bands: self.age_bands,
            status: self.status,
        }
    }
}

async fn node_form_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    title_id: &str,
    form: ResultForm,
    errors: FormErrors,
    action: String,
) -> Result<NodeFormPage, AppError> {
    let caller = ctx.caller()?;
    let f = frame(&state.kesher, ctx, caller, id, Section::Agenda, title_id).await?;
    if !f.access.can_edit_agenda() {
        return Err(CoreError::Forbidden.into());
    }
    let parent_title = match lenient::optional_id(&form.parent_id).ok().flatten() {
        Some(parent) => Some(
            state
                .kesher
                .result_node(caller, ResultNodeId::new(parent))
                .await?
                .0
                .title,
        ),
        None => None,
    };
    let other_populations = form
        .populations
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty() && StandardPopulation::parse(p).is_err())
        .collect::<Vec<_>>()
        .join(", ");
    Ok(NodeFormPage {
        kinds: choices(
            &f.page,
            ResultKind::ALL,
            ResultKind::code,
            ResultKind::label_id,
        ),
        statuses: choices(
            &f.page,
            ResultStatus::ALL,
            ResultStatus::code,
            ResultStatus::label_id,
        ),
        standard_populations: choices(
            &f.page,
            StandardPopulation::ALL,
            StandardPopulation::code,
            StandardPopulation::label_id,
        ),
        bodies: body_choices(&state.kesher, caller, id).await?,
        page: f.page,
        initiative_id: id,
        tab: "results",
        cancel: format!("/initiatives/{id}/results"),
        form,
        parent_title,
        other_populations,
        errors,
        action,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewNodeQuery {
    parent: String,
}

/// `GET /initiatives/{id}/results/new?parent=` (backbone)
pub async fn new_result(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    QueryParams(query): QueryParams<NewNodeQuery>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let parent = match lenient::optional_id(&query.parent).ok().flatten() {
        Some(parent) => Some(
            state
                .kesher
                .result_node(caller, ResultNodeId::new(parent))
                .await?
                .0,
        ),
        None => None,
    };
    if let Some(parent) = &parent {
        check_in(id, parent.initiative_id)?;
    }
    let form = ResultForm {
        parent_id: parent
            .as_ref()
            .map(|p| p.id.to_string())
            .unwrap_or_default(),
        kind: suggested_kind(parent.as_ref()).code().into(),
        status: ResultStatus::Proposed.code().into(),
        owner_body_id: parent
            .as_ref()
            .and_then(|p| p.owner_body_id)
            .map(|b| b.to_string())
            .unwrap_or_default(),
        ..Default::default()
    };
    let page = node_form_page(
        &state,
        &ctx,
        id,
        "results-new",
        form,
        FormErrors::default(),
        format!("/initiatives/{id}/results"),
    )
    .await?;
    render(&page)
}

/// `POST /initiatives/{id}/results` (backbone)
pub async fn create_result(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(sent): CsrfForm<NodePageForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let form = sent.into_form();
    let outcome = state.kesher.create_result(caller, id, &form).await;
    let action = format!("/initiatives/{id}/results");
    answer_form(
        &ctx,
        outcome,
        |created| format!("/initiatives/{id}/results#node-{}", created.id),
        "flash-result-created",
        LABELS,
        |errors| node_form_page(&state, &ctx, id, "results-new", form, errors, action),
    )
    .await
}

fn form_of(node: &ResultNode) -> ResultForm {
    ResultForm {
        parent_id: node.parent_id.map(|p| p.to_string()).unwrap_or_default(),
        kind: node.kind.code().into(),
        title: node.title.clone(),
        description: node.description.clone().unwrap_or_default(),
        owner_body_id: node
            .owner_body_id
            .map(|b| b.to_string())
            .unwrap_or_default(),
        populations: node.populations.join(", "),
        subjects: node.subjects.join(", "),
        age_bands: node.age_bands.join(", "),
        status: node.status.code().into(),
    }
}

/// `GET /initiatives/{id}/results/{node}/edit` (backbone)
pub async fn edit_result(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, node)): Params<(InitiativeId, ResultNodeId)>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.result_node(caller, node).await?;
    check_in(id, found.initiative_id)?;
    let action = format!("/initiatives/{id}/results/{node}");
    let page = node_form_page(
        &state,
        &ctx,
        id,
        "results-edit",
        form_of(&found),
        FormErrors::default(),
        action,
    )
    .await?;
    render(&page)
}

/// `POST /initiatives/{id}/results/{node}` (backbone)
pub async fn update_result(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, node)): Params<(InitiativeId, ResultNodeId)>,
    CsrfForm(sent): CsrfForm<NodePageForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.result_node(caller, node).await?;
    check_in(id, found.initiative_id)?;
    let form = sent.into_form();
    let here = format!("/initiatives/{id}/results/{node}");
    let outcome = state.kesher.update_result(caller, node, &form).await;
    answer_form(
        &ctx,
        outcome,
        |_| here.clone(),
        "flash-saved",
        LABELS,
        |errors| node_form_page(&state, &ctx, id, "results-edit", form, errors, here.clone()),
    )
    .await
}

/// `POST /initiatives/{id}/results/{node}/move` (backbone): a nudge, or a new parent.
/// Back to the tree, at the moved node, so keyboard users carry on where they were.
pub async fn move_result(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, node)): Params<(InitiativeId, ResultNodeId)>,
    CsrfForm(form): CsrfForm<MoveForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.result_node(caller, node).await?;
    check_in(id, found.initiative_id)?;
    let tree = format!("/initiatives/{id}/results#node-{node}");
    let nudged = form.nudge.is_some();
    let (status, why) = match state.kesher.move_result(caller, node, &form).await {
        Ok(_) => return Ok(saved(&ctx, &tree, "flash-result-moved")),
        // An arrow button that cannot work here: say so on the tree, by the node.
        Err(CoreError::Conflict {
            message_id: "conflict-no-room",
        }) => return Ok(saved(&ctx, &tree, "flash-result-no-room")),
        Err(CoreError::Invalid(_)) if nudged => {
            return Ok(saved(&ctx, &tree, "flash-result-wrong-level"));
        }
        // The node page's "move elsewhere" form: shown again with the reason.
        Err(CoreError::Conflict { message_id }) => (StatusCode::CONFLICT, ctx.lang.t(message_id)),
        Err(CoreError::Invalid(errors)) => {
            let why = errors
                .first()
                .map(|e| field_message(ctx.lang, e))
                .unwrap_or_default();
            (StatusCode::UNPROCESSABLE_ENTITY, why)
        }
        Err(other) => return Err(other.into()),
    };
    let refused = Some((form.parent_id.trim().to_string(), why));
    render_with(status, &node_page(&state, &ctx, id, node, refused).await?)
}

/// `GET /initiatives/{id}/results/{node}/delete` (backbone)
pub async fn confirm_delete_result(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, node)): Params<(InitiativeId, ResultNodeId)>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, access) = state.kesher.result_node(caller, node).await?;
    check_in(id, found.initiative_id)?;
    if !access.can_edit_agenda() {
        return Err(CoreError::Forbidden.into());
    }
    let children = state
        .kesher
        .results_tree(caller, id)
        .await?
        .iter()
        .filter(|r| r.node.parent_id == Some(node))
        .count();
    let blocked = (children > 0).then(|| {
        ctx.lang
            .t_with("results-delete-blocked", &[("count", children.into())])
    });
    confirm_delete(
        &state.kesher,
        &ctx,
        id,
        Section::Agenda,
        Deletion {
            title: ("results-delete-title", &found.title),
            explanation: ctx.lang.t("results-delete-explained"),
            blocked,
            record: format!("/initiatives/{id}/results/{node}"),
        },
    )
    .await
}

/// `POST /initiatives/{id}/results/{node}/delete` (backbone)
pub async fn delete_result(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, node)): Params<(InitiativeId, ResultNodeId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.result_node(caller, node).await?;
    check_in(id, found.initiative_id)?;
    state.kesher.delete_result(caller, node).await?;
    Ok(saved(
        &ctx,
        &format!("/initiatives/{id}/results"),
        "flash-deleted",
    ))
}

/// A node with its children, for the theory of change.
pub struct TheoryNode {
    pub node: ResultNode,
    pub children: Vec<TheoryNode>,
}

fn nest(rows: &[TreeRow], parent: Option<ResultNodeId>) -> Vec<TheoryNode> {
    rows.iter()
        .filter(|r| r.node.parent_id == parent)
        .map(|r| TheoryNode {
            node: r.node.clone(),
            children: nest(rows, Some(r.node.id)),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "agenda/theory.html")]
struct TheoryPage {
    page: Page,
    initiative_id: InitiativeId,
    initiative_name: String,
    missions: Vec<TheoryNode>,
}

/// `GET /initiatives/{id}/results/theory-of-change`: one printable page per tree, results at
/// the top and action components at the bottom.
pub async fn show_theory_of_change(
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
        "results-theory-of-change",
    )
    .await?;
    let rows = state.kesher.results_tree(caller, id).await?;
    let mut tree: Vec<TheoryNode> = nest(&rows, None);
    tree.sort_by_key(|n| n.node.position);
    render(&TheoryPage {
        page: f.page,
        initiative_id: id,
        initiative_name: f.initiative.name,
        missions: tree,
    })
}
