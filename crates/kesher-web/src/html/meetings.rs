//! Meetings of a body: planning one (with its agenda), its page (agenda with the running
//! total, invitees, who came), changing it, and recording attendance.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use kesher_core::communication::action_items::is_overdue;
use kesher_core::communication::minutes::render_markdown;
use kesher_domain::agenda::DecisionKind;
use kesher_domain::meetings::{
    ActionItemForm, AgendaItemForm, AnswerForm, AttendanceForm, ItemMinutesForm, MeetingAnswer,
    MeetingDecisionForm, MeetingForm, MinutesForm,
};
use kesher_domain::{BodyId, InitiativeId, MeetingId};
use kesher_store::{ActionItem, Decision, Meeting};
use serde::Deserialize;

use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, Params, QueryParams};
use crate::html::agenda::result_choices;
use crate::html::bodies::people_choices;
use crate::html::{
    Choice, answer_form, check_in, choices, frame, organization_choices, render, saved,
};
use crate::page::{Page, Section};

const LABELS: &[(&str, &str)] = &[
    ("starts_at", "field-meeting-starts-at"),
    ("duration_minutes", "field-meeting-duration"),
    ("location", "field-meeting-location"),
    ("objectives", "field-meeting-objectives"),
    ("agenda", "meeting-agenda"),
    ("attended", "meeting-attendance"),
    ("items", "meeting-minutes-title"),
    ("text", "field-decision-text"),
    ("kind", "field-decision-kind"),
    ("result_ids", "decision-touches-results"),
    ("term_ids", "decision-touches-terms"),
    ("title", "field-action-title"),
    ("owner_person_id", "field-action-owner-person"),
    ("owner_organization_id", "field-action-owner-organization"),
    ("due_on", "field-action-due-on"),
    ("result_id", "field-action-result"),
    ("indicator_id", "field-action-indicator"),
    ("note", "field-action-note"),
];

/// An action item as a list shows it: whether it is late, and whether the reader may
/// close it.
pub struct ActionRow {
    pub item: ActionItem,
    pub overdue: bool,
    pub can_close: bool,
}

/// The rows of `items`, each with what the caller may do with it.
pub async fn action_rows(
    state: &AppState,
    caller: &kesher_core::Caller,
    access: &kesher_domain::access::Access,
    items: Vec<ActionItem>,
) -> Result<Vec<ActionRow>, AppError> {
    let today = chrono::Utc::now().date_naive();
    let mut rows = Vec::with_capacity(items.len());
    for item in items {
        rows.push(ActionRow {
            overdue: is_overdue(&item, today),
            can_close: state.kesher.may_close(caller, access, &item).await?,
            item,
        });
    }
    Ok(rows)
}

/// Spare agenda rows below those already written.
const SPARE_ROWS: usize = 4;

/// "Steering committee 3": the body's name and the meeting's number.
pub fn meeting_name(page: &Page, meeting: &Meeting) -> String {
    page.meeting_name(&meeting.body_name, &meeting.number)
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
    /// Each agenda item's minutes, rendered and cleaned.
    notes_html: Vec<String>,
    decisions: Vec<Decision>,
    actions: Vec<ActionRow>,
    /// Open action items of the body's earlier meetings.
    carried: Vec<ActionRow>,
    people: Vec<Choice>,
    organizations: Vec<Choice>,
    results: Vec<Choice>,
    kinds: Vec<Choice>,
    /// The caller's answer, when they are on the meeting's record (`Some(None)`: not yet).
    my_answer: Option<Option<MeetingAnswer>>,
    answers: Vec<MeetingAnswer>,
    /// Its materials the reader may see.
    materials: Vec<kesher_store::Document>,
    /// The body's seats, for the capacity each came in.
    seats: Vec<kesher_store::Membership>,
    errors: FormErrors,
}

impl ShowPage {
    /// "3 will come, 1 will not, 2 perhaps; 4 have not answered".
    fn answers_line(&self) -> String {
        let count = |a: Option<MeetingAnswer>| {
            self.meeting
                .invitees
                .iter()
                .filter(|i| i.invited && i.answer == a)
                .count()
                .to_string()
        };
        self.page.line(
            "meeting-answers-count",
            vec![
                ("yes", count(Some(MeetingAnswer::Yes)).into()),
                ("no", count(Some(MeetingAnswer::No)).into()),
                ("maybe", count(Some(MeetingAnswer::Maybe)).into()),
                ("none", count(None).into()),
            ],
        )
    }

    fn indicator_name(&self, item: &kesher_store::MeetingAgendaItem) -> String {
        let english = self.page.lang == kesher_i18n::Lang::En;
        match (&item.indicator_name_en, english) {
            (Some(name), true) => name.clone(),
            _ => item.indicator_name_he.clone().unwrap_or_default(),
        }
    }

    fn is_my_answer(&self, answer: &MeetingAnswer) -> bool {
        self.my_answer == Some(Some(*answer))
    }

    fn invitations_line(&self) -> Option<String> {
        let at = self.meeting.invitations_sent_at?;
        Some(self.page.with(
            "meeting-invitations-sent-on",
            "date",
            self.page.date(&at.date_naive()),
        ))
    }

    fn covered_line(&self) -> String {
        let covered = self
            .meeting
            .agenda
            .iter()
            .filter(|i| i.covered == Some(true))
            .count();
        self.page.line(
            "meeting-covered-of-planned",
            vec![
                ("covered", covered.to_string().into()),
                ("planned", self.meeting.agenda.len().to_string().into()),
            ],
        )
    }

    fn owner(&self, item: &ActionItem) -> String {
        owner_of(item)
    }

    /// "The summary was sent on …", once it was.
    fn summary_sent_line(&self) -> Option<String> {
        let at = self.meeting.finalized_at?;
        Some(self.page.with(
            "meeting-summary-sent-on",
            "date",
            self.page.date(&at.date_naive()),
        ))
    }

    fn name(&self) -> String {
        meeting_name(&self.page, &self.meeting)
    }

    fn when(&self) -> String {
        local_time(&self.meeting.starts_at)
    }

    /// The meeting's day in the Hebrew calendar.
    fn hebrew_day(&self) -> String {
        kesher_domain::measurement::period::hebrew_date(self.meeting.starts_at.date())
    }

    /// The capacity a person was asked in: their seat in the body on the meeting's day
    /// (chair, member, observer…), or a guest's.
    fn capacity(&self, invitee: &kesher_store::MeetingInvitee) -> String {
        let day = self.meeting.starts_at.date();
        self.seats
            .iter()
            .filter(|s| s.person_id == invitee.person_id && s.body_id == self.meeting.body_id)
            .find(|s| kesher_domain::bodies::seat_is_active(s.from, s.to, day))
            .map(|s| self.page.t(s.role.label_id()))
            .unwrap_or_else(|| self.page.t("meeting-guest"))
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
    let decisions = state.kesher.meeting_decisions(caller, meeting).await?;
    let given = state.kesher.meeting_action_items(caller, meeting).await?;
    let actions = action_rows(state, caller, &access, given).await?;
    let carried = state.kesher.carried_action_items(caller, meeting).await?;
    let carried = action_rows(state, caller, &access, carried).await?;
    let notes_html = found
        .agenda
        .iter()
        .map(|i| i.notes.as_deref().map(render_markdown).unwrap_or_default())
        .collect();
    let (people, organizations, results) = if can_manage {
        (
            people_choices(&state.kesher, caller, id).await?,
            organization_choices(&state.kesher, caller, id, None).await?,
            result_choices(&state.kesher.results_tree(caller, id).await?),
        )
    } else {
        Default::default()
    };
    let my_answer = state
        .kesher
        .person_of(caller, id)
        .await?
        .and_then(|me| found.invitees.iter().find(|i| i.person_id == me.id))
        .map(|i| i.answer);
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
    let seats = state
        .kesher
        .list_memberships(
            caller,
            id,
            &kesher_store::MembershipFilter {
                body_id: Some(found.body_id),
                ..Default::default()
            },
        )
        .await?;
    Ok(ShowPage {
        kinds: choices(
            &f.page,
            DecisionKind::ALL,
            DecisionKind::code,
            DecisionKind::label_id,
        ),
        page: f.page,
        initiative_id: id,
        meeting: found,
        can_manage,
        guests,
        my_answer,
        answers: MeetingAnswer::ALL.to_vec(),
        materials: state.kesher.meeting_materials(caller, meeting).await?,
        seats,
        notes_html,
        decisions,
        actions,
        carried,
        people,
        organizations,
        results,
        errors,
    })
}

/// The meeting an address names, refused (not found) when the address puts it under
/// another initiative: the one lookup every meeting page and form starts with.
async fn meeting_in(
    state: &AppState,
    caller: &kesher_core::Caller,
    id: InitiativeId,
    meeting: MeetingId,
) -> Result<Meeting, AppError> {
    let (found, _) = state.kesher.meeting(caller, meeting).await?;
    check_in(id, found.initiative_id)?;
    Ok(found)
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
    meeting_in(&state, caller, id, meeting).await?;
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
    /// What each item concerns: `result:{id}`, `indicator:{id}`, `question:{id}` or
    /// `decision:{id}`.
    agenda_concerns: Vec<String>,
}

/// What an agenda item concerns, as the form's one choice writes it.
fn concern_of(item: &AgendaItemForm) -> String {
    if !item.result_id.trim().is_empty() {
        format!("result:{}", item.result_id.trim())
    } else if !item.indicator_id.trim().is_empty() {
        format!("indicator:{}", item.indicator_id.trim())
    } else if !item.dispute_id.trim().is_empty() {
        format!("question:{}", item.dispute_id.trim())
    } else if !item.decision_id.trim().is_empty() {
        format!("decision:{}", item.decision_id.trim())
    } else {
        String::new()
    }
}

impl MeetingPageForm {
    fn into_form(self) -> MeetingForm {
        let rows = self
            .agenda_title
            .len()
            .max(self.agenda_minutes.len())
            .max(self.agenda_presenter_id.len())
            .max(self.agenda_concerns.len());
        let at = |list: &[String], i: usize| list.get(i).cloned().unwrap_or_default();
        MeetingForm {
            agenda: (0..rows)
                .map(|i| {
                    let concern = at(&self.agenda_concerns, i);
                    let (kind, id) = concern.split_once(':').unwrap_or(("", ""));
                    let of = |wanted: &str| {
                        if kind == wanted {
                            id.to_string()
                        } else {
                            String::new()
                        }
                    };
                    AgendaItemForm {
                        title: at(&self.agenda_title, i),
                        minutes: at(&self.agenda_minutes, i),
                        presenter_id: at(&self.agenda_presenter_id, i),
                        result_id: of("result"),
                        indicator_id: of("indicator"),
                        dispute_id: of("question"),
                        decision_id: of("decision"),
                    }
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
    /// What an item may concern, in groups: results, indicators, open questions.
    concerns: Vec<(String, Vec<Choice>)>,
    errors: FormErrors,
}

impl FormPage {
    fn concern(&self, row: &AgendaItemForm) -> String {
        concern_of(row)
    }

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
    let english = ctx.lang == kesher_i18n::Lang::En;
    let results = result_choices(&state.kesher.results_tree(caller, id).await?);
    let (indicators, _) = state.kesher.indicators(caller, id).await?;
    let questions = state.kesher.disputes(caller, id).await?;
    let decisions = state.kesher.decisions(caller, id).await?;
    let tagged = |tag: &str, list: Vec<Choice>| -> Vec<Choice> {
        list.into_iter()
            .map(|c| Choice {
                value: format!("{tag}:{}", c.value),
                label: c.label,
            })
            .collect()
    };
    let concerns = vec![
        (
            f.page.t("meeting-concerns-results"),
            tagged("result", results),
        ),
        (
            f.page.t("meeting-concerns-indicators"),
            tagged(
                "indicator",
                indicators
                    .iter()
                    .map(|i| Choice {
                        value: i.id.to_string(),
                        label: i.name_in(english).to_string(),
                    })
                    .collect(),
            ),
        ),
        (
            f.page.t("meeting-concerns-questions"),
            tagged(
                "question",
                questions
                    .iter()
                    .filter(|d| d.status.is_open())
                    .map(|d| Choice {
                        value: d.id.to_string(),
                        label: d.question.clone(),
                    })
                    .collect(),
            ),
        ),
        (
            f.page.t("meeting-concerns-decisions"),
            tagged(
                "decision",
                decisions
                    .iter()
                    .rev()
                    .map(|d| Choice {
                        value: d.id.to_string(),
                        label: format!(
                            "{} · {}",
                            f.page.date(&d.decided_on),
                            d.text.chars().take(80).collect::<String>()
                        ),
                    })
                    .collect(),
            ),
        ),
    ];
    Ok(FormPage {
        concerns,
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
                result_id: i.result_id.map(|r| r.to_string()).unwrap_or_default(),
                indicator_id: i.indicator_id.map(|r| r.to_string()).unwrap_or_default(),
                dispute_id: i.dispute_id.map(|r| r.to_string()).unwrap_or_default(),
                decision_id: i.decision_id.map(|r| r.to_string()).unwrap_or_default(),
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
    let found = meeting_in(&state, caller, id, meeting).await?;
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
    let found = meeting_in(&state, caller, id, meeting).await?;
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

/// Who carries an action item, as a list shows it: the person and their organization, or
/// the organization.
pub fn owner_of(item: &ActionItem) -> String {
    match &item.owner_person_name {
        Some(person) => format!("{person} ({})", item.owner_organization_name),
        None => item.owner_organization_name.clone(),
    }
}

/// The minutes form as a browser sends it: a notes field per agenda item, in order, and
/// the positions of the items ticked as covered.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MinutesPageForm {
    notes: Vec<String>,
    covered: Vec<usize>,
}

impl MinutesPageForm {
    fn into_form(self) -> MinutesForm {
        MinutesForm {
            items: self
                .notes
                .into_iter()
                .enumerate()
                .map(|(i, notes)| ItemMinutesForm {
                    notes,
                    covered: self.covered.contains(&i).to_string(),
                })
                .collect(),
        }
    }
}

/// `POST /initiatives/{id}/meetings/{meeting}/minutes` (backbone)
pub async fn record_minutes(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, meeting)): Params<(InitiativeId, MeetingId)>,
    CsrfForm(form): CsrfForm<MinutesPageForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    meeting_in(&state, caller, id, meeting).await?;
    let outcome = state
        .kesher
        .record_minutes(caller, meeting, &form.into_form())
        .await;
    answer_form(
        &ctx,
        outcome,
        |_| format!("/initiatives/{id}/meetings/{meeting}#minutes"),
        "flash-minutes-saved",
        LABELS,
        |errors| show_page(&state, &ctx, id, meeting, errors),
    )
    .await
}

/// `POST /initiatives/{id}/meetings/{meeting}/decisions` (backbone)
pub async fn decide_at_meeting(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, meeting)): Params<(InitiativeId, MeetingId)>,
    CsrfForm(form): CsrfForm<MeetingDecisionForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    meeting_in(&state, caller, id, meeting).await?;
    let outcome = state.kesher.decide_at_meeting(caller, meeting, &form).await;
    answer_form(
        &ctx,
        outcome,
        |_| format!("/initiatives/{id}/meetings/{meeting}#decisions"),
        "flash-decision-created",
        LABELS,
        |errors| show_page(&state, &ctx, id, meeting, errors),
    )
    .await
}

/// `POST /initiatives/{id}/meetings/{meeting}/action-items` (backbone)
pub async fn add_action_item(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, meeting)): Params<(InitiativeId, MeetingId)>,
    CsrfForm(form): CsrfForm<ActionItemForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    meeting_in(&state, caller, id, meeting).await?;
    let outcome = state.kesher.add_action_item(caller, meeting, &form).await;
    answer_form(
        &ctx,
        outcome,
        |_| format!("/initiatives/{id}/meetings/{meeting}#action-items"),
        "flash-action-item-added",
        LABELS,
        |errors| show_page(&state, &ctx, id, meeting, errors),
    )
    .await
}

/// `POST /initiatives/{id}/meetings/{meeting}/summary` (backbone): the summary goes to
/// every invitee.
pub async fn finalize_meeting(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, meeting)): Params<(InitiativeId, MeetingId)>,
    CsrfForm(_): CsrfForm<crate::forms::NoFields>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    meeting_in(&state, caller, id, meeting).await?;
    state.kesher.finalize_meeting(caller, meeting).await?;
    Ok(saved(
        &ctx,
        &format!("/initiatives/{id}/meetings/{meeting}#summary"),
        "flash-summary-sent",
    ))
}

#[derive(Template)]
#[template(path = "meetings/summary.html")]
struct SummaryPage {
    page: Page,
    initiative_name: String,
    meeting: Meeting,
    notes_html: Vec<String>,
    decisions: Vec<Decision>,
    actions: Vec<ActionItem>,
}

impl SummaryPage {
    fn name(&self) -> String {
        meeting_name(&self.page, &self.meeting)
    }

    fn when(&self) -> String {
        local_time(&self.meeting.starts_at)
    }

    /// The meeting's day in the Hebrew calendar.
    fn hebrew_day(&self) -> String {
        kesher_domain::measurement::period::hebrew_date(self.meeting.starts_at.date())
    }

    fn owner(&self, item: &ActionItem) -> String {
        owner_of(item)
    }

    fn attendance_line(&self) -> String {
        let attended = self
            .meeting
            .invitees
            .iter()
            .filter(|i| i.attended == Some(true))
            .count();
        let invited = self.meeting.invitees.iter().filter(|i| i.invited).count();
        self.page.line(
            "meeting-attended-of-invited",
            vec![
                ("attended", attended.to_string().into()),
                ("invited", invited.to_string().into()),
            ],
        )
    }
}

/// `GET /initiatives/{id}/meetings/{meeting}/summary`: the meeting's summary on one A4
/// page, for printing or saving as PDF from the browser.
pub async fn meeting_summary(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, meeting)): Params<(InitiativeId, MeetingId)>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let found = meeting_in(&state, caller, id, meeting).await?;
    let mut f = frame(
        &state.kesher,
        &ctx,
        caller,
        id,
        Section::Bodies,
        "nav-bodies",
    )
    .await?;
    f.page.title = f
        .page
        .named("meeting-summary-title", &meeting_name(&f.page, &found));
    let notes_html = found
        .agenda
        .iter()
        .map(|i| i.notes.as_deref().map(render_markdown).unwrap_or_default())
        .collect();
    render(&SummaryPage {
        initiative_name: f.initiative.name.clone(),
        decisions: state.kesher.meeting_decisions(caller, meeting).await?,
        actions: state.kesher.meeting_action_items(caller, meeting).await?,
        page: f.page,
        meeting: found,
        notes_html,
    })
}

/// `POST /initiatives/{id}/meetings/{meeting}/invitations` (backbone): the invitation, or
/// its update, to every invitee.
pub async fn send_invitations(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, meeting)): Params<(InitiativeId, MeetingId)>,
    CsrfForm(_): CsrfForm<crate::forms::NoFields>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    meeting_in(&state, caller, id, meeting).await?;
    state.kesher.send_invitations(caller, meeting).await?;
    Ok(saved(
        &ctx,
        &format!("/initiatives/{id}/meetings/{meeting}#invitation"),
        "flash-invitations-sent",
    ))
}

/// `POST /initiatives/{id}/meetings/{meeting}/cancel` (backbone)
pub async fn cancel_meeting(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, meeting)): Params<(InitiativeId, MeetingId)>,
    CsrfForm(_): CsrfForm<crate::forms::NoFields>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    meeting_in(&state, caller, id, meeting).await?;
    state.kesher.cancel_meeting(caller, meeting).await?;
    Ok(saved(
        &ctx,
        &format!("/initiatives/{id}/meetings/{meeting}"),
        "flash-meeting-cancelled",
    ))
}

/// `POST /initiatives/{id}/meetings/{meeting}/answer`: the caller's own answer.
pub async fn answer_meeting(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, meeting)): Params<(InitiativeId, MeetingId)>,
    CsrfForm(form): CsrfForm<AnswerForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    meeting_in(&state, caller, id, meeting).await?;
    state.kesher.answer_as_me(caller, meeting, &form).await?;
    Ok(saved(
        &ctx,
        &format!("/initiatives/{id}/meetings/{meeting}#invitation"),
        "flash-answer-saved",
    ))
}
