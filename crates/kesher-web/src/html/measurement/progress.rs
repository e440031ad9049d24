//! The progress page: how many of the initiative's indicators improve (Strive's proof point),
//! how many stand at each status, and the same for every goal of the results tree, with
//! each goal's indicators; the backbone sets the proof-point threshold here.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use kesher_core::measurement::progress::Progress;
use kesher_domain::InitiativeId;
use kesher_domain::measurement::progress::ProofPoint;
use serde::Deserialize;

use super::{AxisGroup, goal_group, status_counts, unlinked_group};
use crate::AppState;
use crate::charts::number;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, Params};
use crate::html::{answer_form, frame, render};
use crate::page::{Page, Section};

/// One results node's part of the page.
pub struct GoalSection {
    pub id: kesher_domain::ResultNodeId,
    pub title: String,
    pub proof_point: String,
    pub met: bool,
    pub counts: Vec<(String, u32)>,
    pub rows: AxisGroup,
}

#[derive(Template)]
#[template(path = "measurement/progress.html")]
struct ProgressPage {
    page: Page,
    initiative_id: InitiativeId,
    tab: &'static str,
    proof_point: String,
    met: bool,
    unjudged: Option<String>,
    counts: Vec<(String, u32)>,
    goals: Vec<GoalSection>,
    unlinked: Option<AxisGroup>,
    manages: bool,
    form: SettingsForm,
    errors: FormErrors,
}

/// "6 of 10 indicators improving (60%) — the proof point of 60% is met."
pub fn proof_point_text(page: &Page, proof: &ProofPoint) -> String {
    page.line(
        if proof.met {
            "progress-proof-point-met"
        } else {
            "progress-proof-point-not-met"
        },
        vec![
            ("improving", i64::from(proof.improving).into()),
            ("judged", i64::from(proof.judged).into()),
            (
                "share",
                number(proof.share_improving.unwrap_or(0.0), 0).into(),
            ),
            ("threshold", number(proof.threshold, 0).into()),
        ],
    )
}

/// The backbone's settings form.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct SettingsForm {
    pub proof_point_threshold: String,
}

const LABELS: &[(&str, &str)] = &[("proof_point_threshold", "field-proof-point-threshold")];

async fn progress_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    form: Option<SettingsForm>,
    errors: FormErrors,
) -> Result<ProgressPage, AppError> {
    let caller = ctx.caller()?;
    let f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Measurement,
        "progress-title",
    )
    .await?;
    let progress: Progress = state.kesher.progress(caller, id).await?;
    let page = f.page;
    let goals = progress
        .goals
        .iter()
        .map(|g| GoalSection {
            id: g.goal.id,
            title: g.goal.title.clone(),
            proof_point: proof_point_text(&page, &g.proof_point),
            met: g.proof_point.met,
            counts: status_counts(&page, &g.counts),
            rows: goal_group(&page, &progress, g),
        })
        .collect();
    let unlinked = Some(unlinked_group(&page, &progress)).filter(|g| !g.rows.is_empty());
    let unjudged = progress.indicators.len() as u32 - progress.proof_point.judged;
    Ok(ProgressPage {
        proof_point: proof_point_text(&page, &progress.proof_point),
        met: progress.proof_point.met,
        unjudged: (unjudged > 0).then(|| page.tn("progress-unjudged", unjudged as i64)),
        counts: status_counts(&page, &progress.counts),
        goals,
        unlinked,
        manages: f.access.can_manage_measurement(),
        form: form.unwrap_or(SettingsForm {
            proof_point_threshold: number(progress.settings.proof_point_threshold, 0),
        }),
        errors,
        page,
        initiative_id: id,
        tab: "progress",
    })
}

/// `GET /initiatives/{id}/measurement/progress`
pub async fn show_progress(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    render(&progress_page(&state, &ctx, id, None, FormErrors::default()).await?)
}

/// `POST /initiatives/{id}/measurement/progress` (backbone): the proof-point threshold.
pub async fn save_settings(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(form): CsrfForm<SettingsForm>,
) -> Result<Response, AppError> {
    let outcome = state
        .kesher
        .save_measurement_settings(ctx.caller()?, id, &form.proof_point_threshold)
        .await;
    answer_form(
        &ctx,
        outcome,
        |_| format!("/initiatives/{id}/measurement/progress"),
        "flash-saved",
        LABELS,
        |errors| progress_page(&state, &ctx, id, Some(form), errors),
    )
    .await
}
