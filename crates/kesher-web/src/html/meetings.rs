//! Meetings of a body: planning one (with its agenda), its page (agenda with the running
//! total, invitees, who came), changing it, and recording attendance.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use kesher_domain::meetings::{AgendaItemForm, AttendanceForm, MeetingForm};
use kesher_domain::{BodyId, InitiativeId, MeetingId};
use kesher_store::Meeting;
use serde::Deserialize;

use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, Params, QueryParams};
use crate::html::bodies::people_choices;
use crate::html::{Choice, answer_form, check_in, frame, render};
use crate::page::{Page, Section};

const LABELS: &[(&str, &str)] = &[
    ("starts_at", "field-meeting-starts-at"),
    ("duration_minutes", "field-meeting-duration"),
    ("location", "field-meeting-location"),
    ("objectives", "field-meeting-objectives"),
    ("agenda", "meeting-agenda"),
    ("attended", "meeting-attendance"),
];

/// Spare agenda rows below those already written.
const SPARE_ROWS: usize = 4;

/// "Steering committee 3": the body's name and the meeting's number.
pub fn meeting_name(page: &Page, meeting: &Meeting) -> String {
    page.line(
        "meeting-name",
        vec![
            ("body", meeting.body_name.clone().into()),
            ("number", meeting.number.to_string().into()),
        ],
    )
}

/// A local time as people in Israel write it: 10/01/2027 17:00.
pub fn local_time(at: &chrono::NaiveDateTime) -> String {
    at.format("%d/%m/%Y %H:%M").to_string()
}

#[derive(Template)]
#[template(path = "meetings/show.html")]
struct ShowPage {
    page: Page,
    initiative_id: InitiativeId,
    meeting: Meeting,
    can_manage: bool,
    /// People who may be recorded as guests (the initiative's people not invited).
    guests: Vec<Choice>,
    errors: FormErrors,
}

impl ShowPage {
    fn name(&self) -> String {
        meeting_name(&self.page, &self.meeting)
    }

    fn when(&self) -> String {
        local_time(&self.meeting.starts_at)
    }

    /// The agenda's minutes up to and including item `index`.
    fn running_total(&self, index: &usize) -> u32 {
        self.meeting
            .agenda
            .iter()
            .take(index + 1)
            .filter_map(|i| i.minutes)
            .map(u32::from)
            .sum()
    }

    fn agenda_minutes(&self) -> u32 {
        self.running_total(&self.meeting.agenda.len())
    }

    fn over_time(&self) -> bool {
        self.agenda_minutes() > u32::from(self.meeting.duration_minutes)
    }

    fn duration(&self) -> String {
        self.page.tn(
            "meeting-minutes",
            usize::from(self.meeting.duration_minutes),
        )
    }

    fn total_line(&self) -> String {
        self.page.line(
            "meeting-agenda-total",
            vec![
                ("planned", self.agenda_minutes().to_string().into()),
                ("duration", self.meeting.duration_minutes.to_string().into()),
            ],
        )
    }

    fn attendance_line(&self) -> String {
        self.page.line(
            "meeting-attended-of-invited",
            vec![
                ("attended", self.attended().to_string().into()),
                ("invited", self.invited().to_string().into()),
            ],
        )
    }

    fn attended(&self) -> usize {
        self.meeting
            .invitees
            .iter()
            .filter(|i| i.attended == Some(true))
            .count()
    }

    fn invited(&self) -> usize {
        self.meeting.invitees.iter().filter(|i| i.invited).count()
    }
}

async fn show_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    meeting: MeetingId,
    errors: FormErrors,
) -> Result<ShowPage, AppError> {
    let caller = ctx.caller()?;
    let (found, access) = state.kesher.meeting(caller, meeting).await?;
    check_in(id, found.initiative_id)?;
    let mut f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Bodies,
        "nav-bodies",
    )
    .await?;
    f.page.title = meeting_name(&f.page, &found);
    let can_manage = access.can_manage_bodies();
    let guests = if can_manage {
        people_choices(&state.kesher, caller, id)
            .await?
            .into_iter()
            .filter(|c| {
                !found
                    .invitees
                    .iter()
                    .any(|i| i.person_id.to_string() == c.value)
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(ShowPage {
        page: f.page,
        initiative_id: id,
        meeting: found,
        can_manage,
        guests,
        errors,
    })
}

/// `GET /initiatives/{id}/meetings/{meeting}`
pub async fn show_meeting(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, meeting)): Params<(InitiativeId, MeetingId)>,
) -> Result<Response, AppError> {
    render(&show_page(&state, &ctx, id, meeting, FormErrors::default()).await?)
}

/// `POST /initiatives/{id}/meetings/{meeting}/attendance` (backbone): the ticked
/// invitees, and a guest, came.
pub async fn record_attendance(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, meeting)): Params<(InitiativeId, MeetingId)>,
    CsrfForm(form): CsrfForm<AttendanceForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.meeting(caller, meeting).await?;
    check_in(id, found.initiative_id)?;
    let outcome = state.kesher.record_attendance(caller, meeting, &form).await;
    answer_form(
        &ctx,
        outcome,
        |_| format!("/initiatives/{id}/meetings/{meeting}#attendance"),
        "flash-attendance-recorded",
        LABELS,
        |errors| show_page(&state, &ctx, id, meeting, errors),
    )
    .await
}

/// The planning form as a browser sends it: the agenda rows come as repeated fields.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MeetingPageForm {
    starts_at: String,
    duration_minutes: String,
    location: String,
    objectives: String,
    agenda_title: Vec<String>,
    agenda_minutes: Vec<String>,
    agenda_presenter_id: Vec<String>,
}

impl MeetingPageForm {
    fn into_form(self) -> MeetingForm {
        let rows = self
            .agenda_title
            .len()
            .max(self.agenda_minutes.len())
            .max(self.agenda_presenter_id.len());
        let at = |list: &[String], i: usize| list.get(i).cloned().unwrap_or_default();
        MeetingForm {
            agenda: (0..rows)
                .map(|i| AgendaItemForm {
                    title: at(&self.agenda_title, i),
                    minutes: at(&self.agenda_minutes, i),
                    presenter_id: at(&self.agenda_presenter_id, i),
                })
                .collect(),
            starts_at: self.starts_at,
            duration_minutes: self.duration_minutes,
            location: self.location,
            objectives: self.objectives,
        }
    }
}

#[derive(Template)]
#[template(path = "meetings/form.html")]
struct FormPage {
    page: Page,
    initiative_id: InitiativeId,
    body_id: BodyId,
    action: String,
    form: MeetingForm,
    rows: Vec<AgendaItemForm>,
    people: Vec<Choice>,
    errors: FormErrors,
}

impl FormPage {
    fn item_label(&self, n: &usize) -> String {
        self.page
            .line("meeting-item-n", vec![("n", n.to_string().into())])
    }
}

async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    body: BodyId,
    existing: Option<MeetingId>,
    form: MeetingForm,
    errors: FormErrors,
) -> Result<FormPage, AppError> {
    let caller = ctx.caller()?;
    let detail = state.kesher.body(caller, body).await?;
    check_in(id, detail.body.initiative_id)?;
    if !detail.access.can_manage_bodies() {
        return Err(kesher_core::CoreError::Forbidden.into());
    }
    let title = if existing.is_some() {
        "meeting-edit"
    } else {
        "meeting-plan"
    };
    let mut f = frame(&state.kesher, ctx, caller, id, Section::Bodies, title).await?;
    f.page.title = f.page.named(title, &detail.body.name);
    let mut rows: Vec<AgendaItemForm> = form
        .agenda
        .iter()
        .filter(|r| {
            !(r.title.trim().is_empty()
                && r.minutes.trim().is_empty()
                && r.presenter_id.trim().is_empty())
        })
        .cloned()
        .collect();
    rows.extend((0..SPARE_ROWS).map(|_| AgendaItemForm::default()));
    Ok(FormPage {
        people: people_choices(&state.kesher, caller, id).await?,
        page: f.page,
        initiative_id: id,
        body_id: body,
        action: match existing {
            Some(meeting) => format!("/initiatives/{id}/meetings/{meeting}"),
            None => format!("/initiatives/{id}/bodies/{body}/meetings"),
        },
        form,
        rows,
        errors,
    })
}

/// `?from=`: the meeting a new one copies.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CopyQuery {
    from: Option<MeetingId>,
}

/// The form of a meeting filled from `meeting`.
fn form_of(meeting: &Meeting, starts_at: Option<chrono::NaiveDateTime>) -> MeetingForm {
    MeetingForm {
        starts_at: starts_at
            .map(|at| at.format("%Y-%m-%dT%H:%M").to_string())
            .unwrap_or_default(),
        duration_minutes: meeting.duration_minutes.to_string(),
        location: meeting.location.clone().unwrap_or_default(),
        objectives: meeting.objectives.clone().unwrap_or_default(),
        agenda: meeting
            .agenda
            .iter()
            .map(|i| AgendaItemForm {
                title: i.title.clone(),
                minutes: i.minutes.map(|m| m.to_string()).unwrap_or_default(),
                presenter_id: i.presenter_id.map(|p| p.to_string()).unwrap_or_default(),
            })
            .collect(),
    }
}

/// `GET /initiatives/{id}/bodies/{body}/meetings/new` (backbone). With `?from=`, a copy of
/// that meeting, its time moved on by the body's cadence (left to choose without one).
pub async fn new_meeting(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, body)): Params<(InitiativeId, BodyId)>,
    QueryParams(query): QueryParams<CopyQuery>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let form = match query.from {
        Some(from) => {
            let (copied, _) = state.kesher.meeting(caller, from).await?;
            check_in(id, copied.initiative_id)?;
            let cadence = state.kesher.body(caller, body).await?.body.cadence;
            form_of(&copied, cadence.next_after(copied.starts_at))
        }
        None => MeetingForm {
            duration_minutes: "90".into(),
            ..Default::default()
        },
    };
    render(&form_page(&state, &ctx, id, body, None, form, FormErrors::default()).await?)
}

/// `POST /initiatives/{id}/bodies/{body}/meetings` (backbone)
pub async fn plan_meeting(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, body)): Params<(InitiativeId, BodyId)>,
    CsrfForm(form): CsrfForm<MeetingPageForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let form = form.into_form();
    let detail = state.kesher.body(caller, body).await?;
    check_in(id, detail.body.initiative_id)?;
    let outcome = state.kesher.plan_meeting(caller, body, &form).await;
    answer_form(
        &ctx,
        outcome,
        |m| format!("/initiatives/{id}/meetings/{}", m.id),
        "flash-meeting-planned",
        LABELS,
        |errors| form_page(&state, &ctx, id, body, None, form, errors),
    )
    .await
}

/// `GET /initiatives/{id}/meetings/{meeting}/edit` (backbone)
pub async fn edit_meeting(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, meeting)): Params<(InitiativeId, MeetingId)>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let (found, _) = state.kesher.meeting(caller, meeting).await?;
    check_in(id, found.initiative_id)?;
    let form = form_of(&found, Some(found.starts_at));
    render(
        &form_page(
            &state,
            &ctx,
            id,
            found.body_id,
            Some(meeting),
            form,
            FormErrors::default(),
        )
        .await?,
    )
}

/// `POST /initiatives/{id}/meetings/{meeting}` (backbone)
pub async fn update_meeting(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, meeting)): Params<(InitiativeId, MeetingId)>,
    CsrfForm(form): CsrfForm<MeetingPageForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let form = form.into_form();
    let (found, _) = state.kesher.meeting(caller, meeting).await?;
    check_in(id, found.initiative_id)?;
    let outcome = state.kesher.update_meeting(caller, meeting, &form).await;
    answer_form(
        &ctx,
        outcome,
        |_| format!("/initiatives/{id}/meetings/{meeting}"),
        "flash-meeting-saved",
        LABELS,
        |errors| form_page(&state, &ctx, id, found.body_id, Some(meeting), form, errors),
    )
    .await
}
