//! An initiative's pages: creating and editing it, the overview of its network, who sits
//! where, and its audit log.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kesher_core::people::needs::Need;
use kesher_core::{BodySummary, CoreError, NetworkOverview, SeatingMatrix};
use kesher_domain::InitiativeId;
use kesher_domain::access::Access;
use kesher_domain::network::InitiativeForm;
use kesher_i18n::Arg;
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
    /// The initiative's first page: what waits for the person. `None` on the network page,
    /// which shows the statistics instead.
    needs: Option<Vec<NeedLine>>,
    /// What the person was told lately here, newest first (first page only).
    told: Vec<kesher_store::Notification>,
}

/// One thing waiting for the person, in words, with where it is done.
pub struct NeedLine {
    pub text: String,
    pub href: String,
}

fn need_lines(ctx: &Ctx, id: InitiativeId, needs: Vec<Need>) -> Vec<NeedLine> {
    let lang = ctx.lang;
    needs
        .into_iter()
        .map(|need| match need {
            Need::ValuesReturned { count } => NeedLine {
                text: lang.t_with("need-values-returned", &[("count", Arg::from(count))]),
                href: format!("/initiatives/{id}/measurement/report"),
            },
            Need::ValuesAwaitingApproval { count } => NeedLine {
                text: lang.t_with("need-values-awaiting", &[("count", Arg::from(count))]),
                href: format!("/initiatives/{id}/measurement/approvals"),
            },
            Need::ReportDue {
                indicator_name,
                period,
                ..
            } => NeedLine {
                text: lang.t_with(
                    "need-report-due",
                    &[
                        ("indicator", Arg::Text(indicator_name)),
                        (
                            "period",
                            Arg::Text(crate::html::measurement::period_label(lang, period)),
                        ),
                    ],
                ),
                // The report page lists every indicator the organization reports.
                href: format!("/initiatives/{id}/measurement/report"),
            },
            Need::PositionAwaited {
                dispute_id,
                question,
            } => NeedLine {
                text: lang.t_with("need-position", &[("question", Arg::Text(question))]),
                href: format!("/initiatives/{id}/disputes/{dispute_id}"),
            },
            Need::VersionToEndorse { version } => NeedLine {
                text: lang.t_with("need-endorse", &[("version", Arg::Text(version))]),
                href: format!("/initiatives/{id}/endorsements"),
            },
            Need::InvitationsWaiting { count } => NeedLine {
                text: lang.t_with("need-invitations", &[("count", Arg::from(count))]),
                href: format!("/initiatives/{id}/invitations"),
            },
            Need::ActionItemsOpen { count, overdue } => NeedLine {
                text: lang.t_with(
                    "need-action-items",
                    &[("count", Arg::from(count)), ("overdue", Arg::from(overdue))],
                ),
                href: format!("/initiatives/{id}/action-items?mine=true"),
            },
            Need::PlanRowsLate { count } => NeedLine {
                text: lang.t_with("need-plan-rows-late", &[("count", Arg::from(count))]),
                href: format!("/initiatives/{id}/work-plan"),
            },
            Need::CommitmentsOverdue { count } => NeedLine {
                text: lang.t_with("need-commitments-overdue", &[("count", Arg::from(count))]),
                href: format!("/initiatives/{id}/commitments?status=overdue"),
            },
            Need::MilestoneAhead { title, due_on } => NeedLine {
                text: lang.t_with(
                    "need-milestone-ahead",
                    &[
                        ("name", Arg::Text(title)),
                        ("date", Arg::Text(due_on.format("%d/%m/%Y").to_string())),
                    ],
                ),
                href: format!("/initiatives/{id}/work-plan"),
            },
            Need::MeetingAhead {
                meeting_id,
                body_name,
                number,
                starts_at,
            } => NeedLine {
                text: lang.t_with(
                    "need-meeting-ahead",
                    &[
                        ("body", Arg::Text(body_name)),
                        ("number", Arg::Text(number.to_string())),
                        (
                            "when",
                            Arg::Text(starts_at.format("%d/%m/%Y %H:%M").to_string()),
                        ),
                    ],
                ),
                href: format!("/initiatives/{id}/meetings/{meeting_id}"),
            },
        })
        .collect()
}

async fn overview_page(
    ctx: &Ctx,
    state: &AppState,
    id: InitiativeId,
    first_page: bool,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Overview,
        "nav-overview",
    )
    .await?;
    let overview = state.kesher.network_overview(caller, id).await?;
    let needs = if first_page {
        let english = ctx.lang == kesher_i18n::Lang::En;
        let needs = state.kesher.what_needs_me(caller, id, english).await?;
        Some(need_lines(ctx, id, needs))
    } else {
        None
    };
    let told = if first_page {
        state.kesher.recent_notifications(caller, id).await?
    } else {
        Vec::new()
    };
    let mut page = f.page;
    page.title = if first_page {
        overview.initiative.name.clone()
    } else {
        format!(
            "{} · {}",
            overview.initiative.name,
            ctx.lang.t("overview-at-a-glance")
        )
    };
    render(&OverviewPage {
        page,
        bodies: overview.bodies.clone(),
        overview,
        access: f.access,
        needs,
        told,
    })
}

/// `GET /initiatives/{id}`: the initiative's first page, led by what needs the person.
pub async fn show_initiative(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    overview_page(&ctx, &state, id, true).await
}

/// `GET /initiatives/{id}/network`: the partner network at a glance, by sector and type.
pub async fn show_network(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    overview_page(&ctx, &state, id, false).await
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
