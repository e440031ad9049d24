//! The common agenda: statements and their versions, the results tree, the glossary, the
//! decision log, disputes, endorsements and changes in the field.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use kesher_core::agenda::MoveForm;
use kesher_domain::agenda::{
    AdoptionForm, AgendaForm, CommentForm, DecisionForm, DefinitionForm, DisputeForm,
    DisputeStatusForm, EndorsementForm, FieldChangeForm, PositionForm, ResultForm, TermForm,
};
use kesher_domain::*;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::views::{
    self, AgendaComment, AgendaComparison, AgendaVersion, ChangesByGoal, Decision, Dispute,
    Endorsement, EndorsementBoard, FieldChange, GlossaryTerm, ResultNode, TreeRow,
};
use crate::api::{ErrorBody, created};
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{JsonBody, Params, QueryParams};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_agenda_versions, revise_agenda))
        .routes(routes!(show_agenda_version))
        .routes(routes!(list_agenda_comments, add_agenda_comment))
        .routes(routes!(compare_agenda))
        .routes(routes!(list_results, create_result))
        .routes(routes!(show_result, update_result, delete_result))
        .routes(routes!(move_result))
        .routes(routes!(list_terms, create_term))
        .routes(routes!(show_term, rename_term))
        .routes(routes!(propose_definition))
        .routes(routes!(adopt_definition))
        .routes(routes!(list_decisions, create_decision))
        .routes(routes!(show_decision, update_decision, delete_decision))
        .routes(routes!(list_disputes, create_dispute))
        .routes(routes!(show_dispute, update_dispute))
        .routes(routes!(add_position))
        .routes(routes!(change_dispute_status))
        .routes(routes!(show_endorsements, create_endorsement))
        .routes(routes!(delete_endorsement))
        .routes(routes!(list_field_changes, create_field_change))
        .routes(routes!(
            show_field_change,
            update_field_change,
            delete_field_change
        ))
}

fn no_content() -> Response {
    StatusCode::NO_CONTENT.into_response()
}

// ---- statements ----

/// Every version of the agenda, oldest first; the last is current.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/agenda", tag = "agenda",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = Vec<AgendaVersion>), (status = 403, body = ErrorBody)))]
pub async fn list_agenda_versions(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Json<Vec<AgendaVersion>>, AppError> {
    Ok(Json(views::all(
        state.kesher.agenda_versions(ctx.caller()?, id).await?,
    )))
}

/// Save the statements and boundaries as a new version (backbone); earlier versions stay.
/// Statements identical to the current version's save nothing: the answer is then 200 with
/// the current version.
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/agenda", tag = "agenda", request_body = AgendaForm,
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 201, body = AgendaVersion), (status = 200, body = AgendaVersion, description = "Nothing changed"),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn revise_agenda(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    JsonBody(form): JsonBody<AgendaForm>,
) -> Result<Response, AppError> {
    let revision = state.kesher.revise_agenda(ctx.caller()?, id, &form).await?;
    if revision.saved {
        Ok(created(AgendaVersion::from(revision.version)))
    } else {
        Ok(Json(AgendaVersion::from(revision.version)).into_response())
    }
}

/// One version of the agenda.
#[utoipa::path(get, path = "/api/v1/agenda-versions/{id}", tag = "agenda",
    params(("id" = i64, Path, description = "Agenda version id")),
    responses((status = 200, body = AgendaVersion), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn show_agenda_version(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<AgendaVersionId>,
) -> Result<Json<AgendaVersion>, AppError> {
    Ok(Json(
        state.kesher.agenda_version(ctx.caller()?, id).await?.into(),
    ))
}

/// The comments on a version of the agenda, oldest first.
#[utoipa::path(get, path = "/api/v1/agenda-versions/{id}/comments", tag = "agenda",
    params(("id" = i64, Path, description = "Agenda version id")),
    responses((status = 200, body = Vec<AgendaComment>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list_agenda_comments(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<AgendaVersionId>,
) -> Result<Json<Vec<AgendaComment>>, AppError> {
    let comments = state.kesher.agenda_comments(ctx.caller()?, id).await?;
    Ok(Json(comments.into_iter().map(Into::into).collect()))
}

/// Comment on the current version (everyone who takes part: the backbone, partner editors
/// and members; in the author's name, and their organization's when they speak for one).
/// An older version answers 409.
#[utoipa::path(post, path = "/api/v1/agenda-versions/{id}/comments", tag = "agenda", request_body = CommentForm,
    params(("id" = i64, Path, description = "Agenda version id")),
    responses((status = 201, body = AgendaComment), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_agenda_comment(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<AgendaVersionId>,
    JsonBody(form): JsonBody<CommentForm>,
) -> Result<Response, AppError> {
    Ok(created(AgendaComment::from(
        state
            .kesher
            .add_agenda_comment(ctx.caller()?, id, &form)
            .await?,
    )))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CompareQuery {
    /// The older version's number.
    from: u32,
    /// The newer version's number.
    to: u32,
}

/// Two versions side by side, word by word.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/agenda/compare", tag = "agenda",
    params(("id" = i64, Path, description = "Initiative id"), CompareQuery),
    responses((status = 200, body = AgendaComparison), (status = 404, body = ErrorBody)))]
pub async fn compare_agenda(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    QueryParams(query): QueryParams<CompareQuery>,
) -> Result<Json<AgendaComparison>, AppError> {
    Ok(Json(AgendaComparison::from(
        state
            .kesher
            .compare_agenda(ctx.caller()?, id, query.from, query.to)
            .await?,
    )))
}

// ---- results tree ----

/// The results tree in reading order, with each node's depth.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/results", tag = "agenda",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = Vec<TreeRow>), (status = 403, body = ErrorBody)))]
pub async fn list_results(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Json<Vec<TreeRow>>, AppError> {
    Ok(Json(views::all(
        state.kesher.results_tree(ctx.caller()?, id).await?,
    )))
}

/// Add a node, last under its parent (backbone).
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/results", tag = "agenda", request_body = ResultForm,
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 201, body = ResultNode), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_result(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    JsonBody(form): JsonBody<ResultForm>,
) -> Result<Response, AppError> {
    Ok(created(ResultNode::from(
        state.kesher.create_result(ctx.caller()?, id, &form).await?,
    )))
}

/// One node.
#[utoipa::path(get, path = "/api/v1/results/{id}", tag = "agenda",
    params(("id" = i64, Path, description = "Result node id")),
    responses((status = 200, body = ResultNode), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn show_result(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<ResultNodeId>,
) -> Result<Json<ResultNode>, AppError> {
    Ok(Json(
        state.kesher.result_node(ctx.caller()?, id).await?.0.into(),
    ))
}

/// Change a node's content (backbone); `parent_id` is ignored: move it instead.
#[utoipa::path(put, path = "/api/v1/results/{id}", tag = "agenda", request_body = ResultForm,
    params(("id" = i64, Path, description = "Result node id")),
    responses((status = 200, body = ResultNode), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_result(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<ResultNodeId>,
    JsonBody(form): JsonBody<ResultForm>,
) -> Result<Json<ResultNode>, AppError> {
    Ok(Json(ResultNode::from(
        state.kesher.update_result(ctx.caller()?, id, &form).await?,
    )))
}

/// Remove a node that has no children (backbone).
#[utoipa::path(delete, path = "/api/v1/results/{id}", tag = "agenda",
    params(("id" = i64, Path, description = "Result node id")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn delete_result(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<ResultNodeId>,
) -> Result<Response, AppError> {
    state.kesher.delete_result(ctx.caller()?, id).await?;
    Ok(no_content())
}

/// Move a node with its subtree: a nudge (up, down, indent, outdent) or a parent and index
/// (backbone). Its id never changes. Returns the whole tree.
#[utoipa::path(post, path = "/api/v1/results/{id}/move", tag = "agenda", request_body = MoveForm,
    params(("id" = i64, Path, description = "Result node id")),
    responses((status = 200, body = Vec<TreeRow>), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn move_result(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<ResultNodeId>,
    JsonBody(form): JsonBody<MoveForm>,
) -> Result<Json<Vec<TreeRow>>, AppError> {
    Ok(Json(views::all(
        state.kesher.move_result(ctx.caller()?, id, &form).await?,
    )))
}

// ---- glossary ----

/// The glossary: every term with every version of its definition.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/glossary", tag = "agenda",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = Vec<GlossaryTerm>), (status = 403, body = ErrorBody)))]
pub async fn list_terms(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Json<Vec<GlossaryTerm>>, AppError> {
    Ok(Json(views::all(
        state.kesher.terms(ctx.caller()?, id).await?,
    )))
}

/// Propose a new term with its first definition (backbone; partner editors for their organization).
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/glossary", tag = "agenda", request_body = TermForm,
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 201, body = GlossaryTerm), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_term(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    JsonBody(form): JsonBody<TermForm>,
) -> Result<Response, AppError> {
    Ok(created(GlossaryTerm::from(
        state.kesher.create_term(ctx.caller()?, id, &form).await?,
    )))
}

/// One term.
#[utoipa::path(get, path = "/api/v1/glossary/{id}", tag = "agenda",
    params(("id" = i64, Path, description = "Term id")),
    responses((status = 200, body = GlossaryTerm), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn show_term(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<TermId>,
) -> Result<Json<GlossaryTerm>, AppError> {
    Ok(Json(state.kesher.term(ctx.caller()?, id).await?.0.into()))
}

/// A new name for a term.
#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct RenameForm {
    #[serde(deserialize_with = "lenient::text")]
    term: String,
}

/// Rename a term (backbone).
#[utoipa::path(put, path = "/api/v1/glossary/{id}", tag = "agenda", request_body = RenameForm,
    params(("id" = i64, Path, description = "Term id")),
    responses((status = 200, body = GlossaryTerm), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn rename_term(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<TermId>,
    JsonBody(form): JsonBody<RenameForm>,
) -> Result<Json<GlossaryTerm>, AppError> {
    Ok(Json(GlossaryTerm::from(
        state
            .kesher
            .rename_term(ctx.caller()?, id, &form.term)
            .await?,
    )))
}

/// Propose a new version of a term's definition (backbone; partner editors for their organization).
#[utoipa::path(post, path = "/api/v1/glossary/{id}/definitions", tag = "agenda", request_body = DefinitionForm,
    params(("id" = i64, Path, description = "Term id")),
    responses((status = 201, body = GlossaryTerm), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn propose_definition(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<TermId>,
    JsonBody(form): JsonBody<DefinitionForm>,
) -> Result<Response, AppError> {
    Ok(created(GlossaryTerm::from(
        state
            .kesher
            .propose_definition(ctx.caller()?, id, &form)
            .await?,
    )))
}

/// Record that a body adopted a version of a definition (backbone).
#[utoipa::path(post, path = "/api/v1/definitions/{id}/adopt", tag = "agenda", request_body = AdoptionForm,
    params(("id" = i64, Path, description = "Definition id")),
    responses((status = 200, body = GlossaryTerm), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn adopt_definition(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<DefinitionId>,
    JsonBody(form): JsonBody<AdoptionForm>,
) -> Result<Json<GlossaryTerm>, AppError> {
    Ok(Json(GlossaryTerm::from(
        state
            .kesher
            .adopt_definition(ctx.caller()?, id, &form)
            .await?,
    )))
}

// ---- decisions ----

/// The decision log, newest first.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/decisions", tag = "agenda",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = Vec<Decision>), (status = 403, body = ErrorBody)))]
pub async fn list_decisions(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Json<Vec<Decision>>, AppError> {
    Ok(Json(views::all(
        state.kesher.decisions(ctx.caller()?, id).await?,
    )))
}

/// Record a decision (backbone).
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/decisions", tag = "agenda", request_body = DecisionForm,
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 201, body = Decision), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_decision(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    JsonBody(form): JsonBody<DecisionForm>,
) -> Result<Response, AppError> {
    Ok(created(Decision::from(
        state
            .kesher
            .create_decision(ctx.caller()?, id, &form)
            .await?,
    )))
}

/// One decision.
#[utoipa::path(get, path = "/api/v1/decisions/{id}", tag = "agenda",
    params(("id" = i64, Path, description = "Decision id")),
    responses((status = 200, body = Decision), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn show_decision(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<DecisionId>,
) -> Result<Json<Decision>, AppError> {
    Ok(Json(
        state.kesher.decision(ctx.caller()?, id).await?.0.into(),
    ))
}

/// Change a decision, its links or its contested mark (backbone).
#[utoipa::path(put, path = "/api/v1/decisions/{id}", tag = "agenda", request_body = DecisionForm,
    params(("id" = i64, Path, description = "Decision id")),
    responses((status = 200, body = Decision), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_decision(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<DecisionId>,
    JsonBody(form): JsonBody<DecisionForm>,
) -> Result<Json<Decision>, AppError> {
    Ok(Json(Decision::from(
        state
            .kesher
            .update_decision(ctx.caller()?, id, &form)
            .await?,
    )))
}

/// Remove a decision recorded by mistake (backbone).
#[utoipa::path(delete, path = "/api/v1/decisions/{id}", tag = "agenda",
    params(("id" = i64, Path, description = "Decision id")),
    responses((status = 204), (status = 403, body = ErrorBody)))]
pub async fn delete_decision(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<DecisionId>,
) -> Result<Response, AppError> {
    state.kesher.delete_decision(ctx.caller()?, id).await?;
    Ok(no_content())
}

// ---- disputes ----

/// Open questions and disputes, newest first, with positions and history.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/disputes", tag = "agenda",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = Vec<Dispute>), (status = 403, body = ErrorBody)))]
pub async fn list_disputes(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Json<Vec<Dispute>>, AppError> {
    Ok(Json(views::all(
        state.kesher.disputes(ctx.caller()?, id).await?,
    )))
}

/// Raise a dispute (backbone; partner editors in their organization's name).
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/disputes", tag = "agenda", request_body = DisputeForm,
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 201, body = Dispute), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_dispute(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    JsonBody(form): JsonBody<DisputeForm>,
) -> Result<Response, AppError> {
    Ok(created(Dispute::from(
        state
            .kesher
            .create_dispute(ctx.caller()?, id, &form)
            .await?,
    )))
}

/// One dispute.
#[utoipa::path(get, path = "/api/v1/disputes/{id}", tag = "agenda",
    params(("id" = i64, Path, description = "Dispute id")),
    responses((status = 200, body = Dispute), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn show_dispute(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<DisputeId>,
) -> Result<Json<Dispute>, AppError> {
    Ok(Json(
        state.kesher.dispute(ctx.caller()?, id).await?.0.into(),
    ))
}

/// Change a dispute's question, who raised it and its decisions (backbone).
#[utoipa::path(put, path = "/api/v1/disputes/{id}", tag = "agenda", request_body = DisputeForm,
    params(("id" = i64, Path, description = "Dispute id")),
    responses((status = 200, body = Dispute), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_dispute(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<DisputeId>,
    JsonBody(form): JsonBody<DisputeForm>,
) -> Result<Json<Dispute>, AppError> {
    Ok(Json(Dispute::from(
        state
            .kesher
            .update_dispute(ctx.caller()?, id, &form)
            .await?,
    )))
}

/// State a position (backbone; partner editors for their organization).
#[utoipa::path(post, path = "/api/v1/disputes/{id}/positions", tag = "agenda", request_body = PositionForm,
    params(("id" = i64, Path, description = "Dispute id")),
    responses((status = 201, body = Dispute), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_position(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<DisputeId>,
    JsonBody(form): JsonBody<PositionForm>,
) -> Result<Response, AppError> {
    Ok(created(Dispute::from(
        state.kesher.add_position(ctx.caller()?, id, &form).await?,
    )))
}

/// Resolve a dispute, or reopen a resolved one (backbone); its history keeps every step.
#[utoipa::path(post, path = "/api/v1/disputes/{id}/status", tag = "agenda", request_body = DisputeStatusForm,
    params(("id" = i64, Path, description = "Dispute id")),
    responses((status = 200, body = Dispute), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn change_dispute_status(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<DisputeId>,
    JsonBody(form): JsonBody<DisputeStatusForm>,
) -> Result<Json<Dispute>, AppError> {
    Ok(Json(Dispute::from(
        state
            .kesher
            .change_dispute_status(ctx.caller()?, id, &form)
            .await?,
    )))
}

// ---- endorsements ----

/// Which partners endorsed the current version, an older one, or none.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/endorsements", tag = "agenda",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = EndorsementBoard), (status = 403, body = ErrorBody)))]
pub async fn show_endorsements(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Json<EndorsementBoard>, AppError> {
    Ok(Json(EndorsementBoard::from(
        state.kesher.endorsement_board(ctx.caller()?, id).await?,
    )))
}

/// Record an organization's endorsement of a version (backbone).
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/endorsements", tag = "agenda", request_body = EndorsementForm,
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 201, body = Endorsement), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_endorsement(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    JsonBody(form): JsonBody<EndorsementForm>,
) -> Result<Response, AppError> {
    Ok(created(Endorsement::from(
        state
            .kesher
            .create_endorsement(ctx.caller()?, id, &form)
            .await?,
    )))
}

/// Remove an endorsement recorded by mistake (backbone).
#[utoipa::path(delete, path = "/api/v1/endorsements/{id}", tag = "agenda",
    params(("id" = i64, Path, description = "Endorsement id")),
    responses((status = 204), (status = 403, body = ErrorBody)))]
pub async fn delete_endorsement(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<EndorsementId>,
) -> Result<Response, AppError> {
    state.kesher.delete_endorsement(ctx.caller()?, id).await?;
    Ok(no_content())
}

// ---- changes in the field ----

/// What partners changed in the field because of the agenda, grouped by the goal served.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/field-changes", tag = "agenda",
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 200, body = Vec<ChangesByGoal>), (status = 403, body = ErrorBody)))]
pub async fn list_field_changes(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Json<Vec<ChangesByGoal>>, AppError> {
    Ok(Json(views::all(
        state
            .kesher
            .field_changes_by_goal(ctx.caller()?, id)
            .await?,
    )))
}

/// Record a change (backbone; partner editors for their own organization).
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/field-changes", tag = "agenda", request_body = FieldChangeForm,
    params(("id" = i64, Path, description = "Initiative id")),
    responses((status = 201, body = FieldChange), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_field_change(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    JsonBody(form): JsonBody<FieldChangeForm>,
) -> Result<Response, AppError> {
    Ok(created(FieldChange::from(
        state
            .kesher
            .create_field_change(ctx.caller()?, id, &form)
            .await?,
    )))
}

/// One change in the field.
#[utoipa::path(get, path = "/api/v1/field-changes/{id}", tag = "agenda",
    params(("id" = i64, Path, description = "Field change id")),
    responses((status = 200, body = FieldChange), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn show_field_change(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<FieldChangeId>,
) -> Result<Json<FieldChange>, AppError> {
    Ok(Json(
        state.kesher.field_change(ctx.caller()?, id).await?.0.into(),
    ))
}

/// Change a recorded change (backbone; its organization's partner editor).
#[utoipa::path(put, path = "/api/v1/field-changes/{id}", tag = "agenda", request_body = FieldChangeForm,
    params(("id" = i64, Path, description = "Field change id")),
    responses((status = 200, body = FieldChange), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_field_change(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<FieldChangeId>,
    JsonBody(form): JsonBody<FieldChangeForm>,
) -> Result<Json<FieldChange>, AppError> {
    Ok(Json(FieldChange::from(
        state
            .kesher
            .update_field_change(ctx.caller()?, id, &form)
            .await?,
    )))
}

/// Remove a recorded change (backbone; its organization's partner editor).
#[utoipa::path(delete, path = "/api/v1/field-changes/{id}", tag = "agenda",
    params(("id" = i64, Path, description = "Field change id")),
    responses((status = 204), (status = 403, body = ErrorBody)))]
pub async fn delete_field_change(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<FieldChangeId>,
) -> Result<Response, AppError> {
    state.kesher.delete_field_change(ctx.caller()?, id).await?;
    Ok(no_content())
}
