//! Bodies and their memberships: the list, a body's page with its seats and the advice,
//! the body forms, and adding, editing and removing seats.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use kesher_core::{BodyDetail, BodySummary, Caller, CoreError, Kesher};
use kesher_domain::access::Access;
use kesher_domain::bodies::{BodyForm, BodyKind, CadenceUnit, MembershipForm, MembershipRole};
use kesher_domain::{BodyId, InitiativeId, MembershipId};
use kesher_store::{Body, Membership, PersonFilter};

use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, NoFields, Params};
use crate::html::{
    Choice, Deletion, check_in, choices, confirm_delete, frame, render, render_with, saved,
};
use crate::page::{Page, Section};

/// The body form's labels, for the error summary.
const BODY_LABELS: &[(&str, &str)] = &[
    ("name", "field-body-name"),
    ("kind", "field-body-kind"),
    ("mandate", "field-mandate"),
    ("cadence", "field-cadence-text"),
    ("cadence_every", "field-cadence-every"),
    ("cadence_unit", "field-cadence-unit"),
    ("goal", "field-goal"),
];

/// The membership form's labels, for the error summary.
const SEAT_LABELS: &[(&str, &str)] = &[
    ("person_id", "field-person"),
    ("role", "field-membership-role"),
    ("from", "field-from"),
    ("to", "field-to"),
];

#[derive(Template)]
#[template(path = "bodies/list.html")]
struct ListPage {
    page: Page,
    initiative_id: InitiativeId,
    access: Access,
    bodies: Vec<BodySummary>,
}

/// `GET /initiatives/{id}/bodies`
pub async fn list_bodies(
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
        Section::Bodies,
        "nav-bodies",
    )
    .await?;
    let bodies = state.kesher.list_bodies(caller, id).await?;
    render(&ListPage {
        page: f.page,
        initiative_id: id,
        access: f.access,
        bodies,
    })
}

/// A seat with its status today, for the members table.
struct SeatLine {
    membership: Membership,
    status: &'static str,
}

#[derive(Template)]
#[template(path = "bodies/show.html")]
struct ShowPage {
    page: Page,
    initiative_id: InitiativeId,
    detail: BodyDetail,
    cadence: String,
    seats: Vec<SeatLine>,
    form: MembershipForm,
    errors: FormErrors,
    people: Vec<Choice>,
    roles: Vec<Choice>,
    /// The body's meetings, newest first.
    meetings: Vec<kesher_store::Meeting>,
}

impl ShowPage {
    fn meeting_name(&self, meeting: &kesher_store::Meeting) -> String {
        crate::html::meetings::meeting_name(&self.page, meeting)
    }

    fn when(&self, meeting: &kesher_store::Meeting) -> String {
        crate::html::meetings::local_time(&meeting.starts_at)
    }

    /// "5 / 8" (of the invited, who came) once attendance is recorded, and "+2" for
    /// guests, who are not counted against the invitation.
    fn attendance(&self, meeting: &kesher_store::Meeting) -> String {
        if meeting.attendance_recorded_at.is_none() {
            return "—".into();
        }
        let came = |invited: bool| {
            meeting
                .invitees
                .iter()
                .filter(|i| i.invited == invited && i.attended == Some(true))
                .count()
        };
        let invited = meeting.invitees.iter().filter(|i| i.invited).count();
        match came(false) {
            0 => format!("{} / {invited}", came(true)),
            guests => format!("{} / {invited} +{guests}", came(true)),
        }
    }
}

fn cadence_text(page: &Page, body: &Body) -> String {
    let regular = match (body.cadence.every, body.cadence.unit) {
        (Some(every), Some(CadenceUnit::Weeks)) => {
            Some(page.tn("cadence-every-weeks", every as usize))
        }
        (Some(every), Some(CadenceUnit::Months)) => {
            Some(page.tn("cadence-every-months", every as usize))
        }
        _ => None,
    };
    [regular, body.cadence.text.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
}

pub(crate) async fn people_choices(
    kesher: &Kesher,
    caller: &Caller,
    initiative: InitiativeId,
) -> Result<Vec<Choice>, AppError> {
    Ok(kesher
        .list_people(caller, initiative, &PersonFilter::default(), None)
        .await?
        .into_iter()
        .map(|p| Choice {
            value: p.id.to_string(),
            label: format!("{} — {}", p.name, p.organization_name),
        })
        .collect())
}

fn role_choices(page: &Page) -> Vec<Choice> {
    choices(
        page,
        MembershipRole::ALL,
        MembershipRole::code,
        MembershipRole::label_id,
    )
}

async fn show_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    body: BodyId,
    form: MembershipForm,
    errors: FormErrors,
) -> Result<ShowPage, AppError> {
    let caller = ctx.caller()?;
    let detail = state.kesher.body(caller, body).await?;
    check_in(id, detail.body.initiative_id)?;
    let mut f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Bodies,
        "nav-bodies",
    )
    .await?;
    f.page.title = detail.body.name.clone();
    let today = Utc::now().date_naive();
    let seats: Vec<SeatLine> = detail
        .memberships
        .iter()
        .map(|m| SeatLine {
            membership: m.clone(),
            status: match (m.from, m.to) {
                (Some(from), _) if from > today => "seat-upcoming",
                (_, Some(to)) if to < today => "seat-ended",
                _ => "seat-active",
            },
        })
        .collect();
    let people = if detail.access.can_manage_bodies() {
        people_choices(&state.kesher, caller, id).await?
    } else {
        Vec::new()
    };
    let mut meetings = state.kesher.meetings_of_body(caller, body).await?;
    meetings.reverse();
    Ok(ShowPage {
        meetings,
        cadence: cadence_text(&f.page, &detail.body),
        roles: role_choices(&f.page),
        page: f.page,
        initiative_id: id,
        detail,
        seats,
        form,
        errors,
        people,
    })
}

/// `GET /initiatives/{id}/bodies/{body}`
pub async fn show_body(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, body)): Params<(InitiativeId, BodyId)>,
) -> Result<Response, AppError> {
    let form = MembershipForm {
        role: MembershipRole::Member.code().into(),
        ..Default::default()
    };
    render(&show_page(&state, &ctx, id, body, form, FormErrors::default()).await?)
}

#[derive(Template)]
#[template(path = "bodies/form.html")]
struct FormPage {
    page: Page,
    form: BodyForm,
    errors: FormErrors,
    kinds: Vec<Choice>,
    units: Vec<Choice>,
    action: String,
    cancel: String,
}

fn form_page(
    page: Page,
    form: BodyForm,
    errors: FormErrors,
    action: String,
    cancel: String,
) -> FormPage {
    FormPage {
        kinds: choices(&page, BodyKind::ALL, BodyKind::code, BodyKind::label_id),
        units: choices(
            &page,
            CadenceUnit::ALL,
            CadenceUnit::code,
            CadenceUnit::label_id,
        ),
        page,
        form,
        errors,
        action,
        cancel,
    }
}

fn form_of(body: &Body) -> BodyForm {
    BodyForm {
        name: body.name.clone(),
        kind: body.kind.code().into(),
        mandate: body.mandate.clone().unwrap_or_default(),
        cadence: body.cadence.text.clone().unwrap_or_default(),
        cadence_every: body
            .cadence
            .every
            .map(|n| n.to_string())
            .unwrap_or_default(),
        cadence_unit: body
            .cadence
            .unit
            .map(|u| u.code().to_string())
            .unwrap_or_default(),
        goal: body.goal.clone().unwrap_or_default(),
    }
}

/// `GET /initiatives/{id}/bodies/new` (backbone)
pub async fn new_body(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let f = frame(&state.kesher, &ctx, caller, id, Section::Bodies, "body-new").await?;
    if !f.access.can_manage_bodies() {
        return Err(CoreError::Forbidden.into());
    }
    let list = format!("/initiatives/{id}/bodies");
    render(&form_page(
        f.page,
        BodyForm::default(),
        FormErrors::default(),
        list.clone(),
        list,
    ))
}

/// `POST /initiatives/{id}/bodies` (backbone)
pub async fn create_body(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(form): CsrfForm<BodyForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    match state.kesher.create_body(caller, id, &form).await {
        Ok(created) => Ok(saved(
            &ctx,
            &format!("/initiatives/{id}/bodies/{}", created.id),
            "flash-body-created",
        )),
        Err(CoreError::Invalid(errors)) => {
            let f = frame(&state.kesher, &ctx, caller, id, Section::Bodies, "body-new").await?;
            let list = format!("/initiatives/{id}/bodies");
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(
                    f.page,
                    form,
                    FormErrors::new(ctx.lang, &errors, BODY_LABELS),
                    list.clone(),
                    list,
                ),
            )
        }
        Err(other) => Err(other.into()),
    }
}

/// `GET /initiatives/{id}/bodies/{body}/edit` (backbone)
pub async fn edit_body(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, body)): Params<(InitiativeId, BodyId)>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let detail = state.kesher.body(caller, body).await?;
    check_in(id, detail.body.initiative_id)?;
    if !detail.access.can_manage_bodies() {
        return Err(CoreError::Forbidden.into());
    }
    let f = frame(
        &state.kesher,
        &ctx,
        caller,
        id,
        Section::Bodies,
        "body-edit",
    )
    .await?;
    let here = format!("/initiatives/{id}/bodies/{body}");
    render(&form_page(
        f.page,
        form_of(&detail.body),
        FormErrors::default(),
        here.clone(),
        here,
    ))
}

/// `POST /initiatives/{id}/bodies/{body}` (backbone)
pub async fn update_body(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, body)): Params<(InitiativeId, BodyId)>,
    CsrfForm(form): CsrfForm<BodyForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let detail = state.kesher.body(caller, body).await?;
    check_in(id, detail.body.initiative_id)?;
    let here = format!("/initiatives/{id}/bodies/{body}");
    match state.kesher.update_body(caller, body, &form).await {
        Ok(_) => Ok(saved(&ctx, &here, "flash-saved")),
        Err(CoreError::Invalid(errors)) => {
            let f = frame(
                &state.kesher,
                &ctx,
                caller,
                id,
                Section::Bodies,
                "body-edit",
            )
            .await?;
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(
                    f.page,
                    form,
                    FormErrors::new(ctx.lang, &errors, BODY_LABELS),
                    here.clone(),
                    here,
                ),
            )
        }
        Err(other) => Err(other.into()),
    }
}

/// `GET /initiatives/{id}/bodies/{body}/delete` (backbone)
pub async fn confirm_delete_body(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, body)): Params<(InitiativeId, BodyId)>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let detail = state.kesher.body(caller, body).await?;
    check_in(id, detail.body.initiative_id)?;
    if !detail.access.can_manage_bodies() {
        return Err(CoreError::Forbidden.into());
    }
    confirm_delete(
        &state.kesher,
        &ctx,
        id,
        Section::Bodies,
        Deletion {
            title: ("body-delete-title", &detail.body.name),
            explanation: ctx.lang.t_with(
                "body-delete-explained",
                &[("count", detail.memberships.len().into())],
            ),
            blocked: None,
            record: format!("/initiatives/{id}/bodies/{body}"),
        },
    )
    .await
}

/// `POST /initiatives/{id}/bodies/{body}/delete` (backbone)
pub async fn delete_body(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, body)): Params<(InitiativeId, BodyId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let detail = state.kesher.body(caller, body).await?;
    check_in(id, detail.body.initiative_id)?;
    state.kesher.delete_body(caller, body).await?;
    Ok(saved(
        &ctx,
        &format!("/initiatives/{id}/bodies"),
        "flash-deleted",
    ))
}

/// `POST /initiatives/{id}/bodies/{body}/memberships` (backbone)
pub async fn create_membership(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, body)): Params<(InitiativeId, BodyId)>,
    CsrfForm(form): CsrfForm<MembershipForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let detail = state.kesher.body(caller, body).await?;
    check_in(id, detail.body.initiative_id)?;
    match state.kesher.create_membership(caller, body, &form).await {
        Ok(_) => Ok(saved(
            &ctx,
            &format!("/initiatives/{id}/bodies/{body}"),
            "flash-membership-added",
        )),
        Err(CoreError::Invalid(errors)) => {
            let errors = FormErrors::new(ctx.lang, &errors, SEAT_LABELS);
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &show_page(&state, &ctx, id, body, form, errors).await?,
            )
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "bodies/membership_form.html")]
struct MembershipFormPage {
    page: Page,
    initiative_id: InitiativeId,
    body_id: BodyId,
    body_name: String,
    membership_id: MembershipId,
    form: MembershipForm,
    errors: FormErrors,
    people: Vec<Choice>,
    roles: Vec<Choice>,
}

fn membership_form_of(m: &Membership) -> MembershipForm {
    MembershipForm {
        person_id: m.person_id.to_string(),
        role: m.role.code().into(),
        from: m.from.map(|d| d.to_string()).unwrap_or_default(),
        to: m.to.map(|d| d.to_string()).unwrap_or_default(),
    }
}

async fn membership_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    membership: &Membership,
    form: MembershipForm,
    errors: FormErrors,
) -> Result<MembershipFormPage, AppError> {
    let caller = ctx.caller()?;
    let mut f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Bodies,
        "membership-edit",
    )
    .await?;
    f.page.title = f.page.ts("membership-edit-of", &membership.person_name);
    Ok(MembershipFormPage {
        people: people_choices(&state.kesher, caller, id).await?,
        roles: role_choices(&f.page),
        page: f.page,
        initiative_id: id,
        body_id: membership.body_id,
        body_name: membership.body_name.clone(),
        membership_id: membership.id,
        form,
        errors,
    })
}

async fn managed_membership(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    membership: MembershipId,
) -> Result<Membership, AppError> {
    let caller = ctx.caller()?;
    let (found, access) = state.kesher.membership(caller, membership).await?;
    check_in(id, found.initiative_id)?;
    if !access.can_manage_bodies() {
        return Err(CoreError::Forbidden.into());
    }
    Ok(found)
}

/// `GET /initiatives/{id}/memberships/{membership}/edit` (backbone)
pub async fn edit_membership(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, membership)): Params<(InitiativeId, MembershipId)>,
) -> Result<Response, AppError> {
    let found = managed_membership(&state, &ctx, id, membership).await?;
    render(
        &membership_page(
            &state,
            &ctx,
            id,
            &found,
            membership_form_of(&found),
            FormErrors::default(),
        )
        .await?,
    )
}

/// `POST /initiatives/{id}/memberships/{membership}` (backbone)
pub async fn update_membership(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, membership)): Params<(InitiativeId, MembershipId)>,
    CsrfForm(form): CsrfForm<MembershipForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let found = managed_membership(&state, &ctx, id, membership).await?;
    match state
        .kesher
        .update_membership(caller, membership, &form)
        .await
    {
        Ok(_) => Ok(saved(
            &ctx,
            &format!("/initiatives/{id}/bodies/{}", found.body_id),
            "flash-saved",
        )),
        Err(CoreError::Invalid(errors)) => {
            let errors = FormErrors::new(ctx.lang, &errors, SEAT_LABELS);
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &membership_page(&state, &ctx, id, &found, form, errors).await?,
            )
        }
        Err(other) => Err(other.into()),
    }
}

/// `POST /initiatives/{id}/memberships/{membership}/delete` (backbone)
pub async fn delete_membership(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, membership)): Params<(InitiativeId, MembershipId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let found = managed_membership(&state, &ctx, id, membership).await?;
    state.kesher.delete_membership(caller, membership).await?;
    Ok(saved(
        &ctx,
        &format!("/initiatives/{id}/bodies/{}", found.body_id),
        "flash-membership-removed",
    ))
}

/// `GET /initiatives/{id}/bodies/{body}/memberships`: a refused "add member" form is shown at
/// this address; reloading it, or switching language there, leads back to the body.
pub async fn show_body_from_memberships(
    Params((id, body)): Params<(InitiativeId, BodyId)>,
) -> axum::response::Redirect {
    axum::response::Redirect::to(&format!("/initiatives/{id}/bodies/{body}"))
}
