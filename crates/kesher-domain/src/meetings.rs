//! Meetings of a body: when and where, what for, the agenda with the time each item takes,
//! who was invited and who came. Times are Israel's local time (`Asia/Jerusalem`), as the
//! people who meet read their clocks; the calendar feeds convert them.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Asia::Jerusalem;
use serde::{Deserialize, Serialize};

use crate::agenda::DecisionForm;
use crate::text::{
    LINE_MAX, LONG_TEXT_MAX, Name, optional_date, optional_line, optional_number, optional_text,
};
use crate::validation::Checker;
use crate::{FieldError, IndicatorId, Invalid, OrganizationId, PersonId, ResultNodeId, lenient};

/// The longest meeting: a planning day.
pub const DURATION_MAX_MINUTES: i64 = 12 * 60;
/// The most items an agenda holds.
pub const AGENDA_ITEMS_MAX: usize = 40;

/// One agenda item as typed.
#[derive(Clone, Debug, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct AgendaItemForm {
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub title: String,
    /// The minutes allotted to it.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub minutes: String,
    /// The person who presents it (one of the initiative's people).
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub presenter_id: String,
    /// The node of the results tree it concerns.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub result_id: String,
    /// The indicator it concerns.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub indicator_id: String,
    /// The open question it concerns.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub dispute_id: String,
    /// The decision of the log it concerns.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub decision_id: String,
}

/// A checked agenda item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItemInput {
    pub title: String,
    pub minutes: Option<u16>,
    pub presenter_id: Option<PersonId>,
    pub result_id: Option<ResultNodeId>,
    pub indicator_id: Option<IndicatorId>,
    pub dispute_id: Option<crate::DisputeId>,
    pub decision_id: Option<crate::DecisionId>,
}

/// A meeting as typed: the planning form, and the API's JSON.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct MeetingForm {
    /// When it starts, in Israel's local time: `2027-01-10T17:00`.
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = String, example = "2027-01-10T17:00")]
    #[schema(required = true)]
    pub starts_at: String,
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = i64)]
    #[schema(required = true)]
    pub duration_minutes: String,
    /// A place, or an online link.
    #[serde(deserialize_with = "lenient::text")]
    pub location: String,
    #[serde(deserialize_with = "lenient::text")]
    pub objectives: String,
    pub agenda: Vec<AgendaItemForm>,
}

/// A checked meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MeetingInput {
    /// Israel's local time.
    pub starts_at: NaiveDateTime,
    pub duration_minutes: u16,
    pub location: Option<String>,
    pub objectives: Option<String>,
    pub agenda: Vec<AgendaItemInput>,
}

impl MeetingInput {
    /// The minutes the agenda allots, all items together.
    pub fn agenda_minutes(&self) -> u32 {
        self.agenda
            .iter()
            .filter_map(|i| i.minutes)
            .map(u32::from)
            .sum()
    }
}

/// Reads a local date and time as a browser's `datetime-local` field or a person writes
/// it (`2027-01-10T17:00`, seconds optional, a space for the `T`), refusing a time the
/// clocks skip when summer time starts.
pub fn local_time(raw: &str) -> Result<NaiveDateTime, Invalid> {
    let value = raw.trim().replace(' ', "T");
    if value.is_empty() {
        return Err(Invalid::Required);
    }
    let parsed = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(&value, format).ok())
        .ok_or(Invalid::DateTime)?;
    if !(2000..=2100).contains(&chrono::Datelike::year(&parsed)) {
        return Err(Invalid::DateTime);
    }
    match Jerusalem.from_local_datetime(&parsed) {
        chrono::LocalResult::None => Err(Invalid::DateTime),
        _ => Ok(parsed),
    }
}

impl MeetingForm {
    pub fn parse(&self) -> Result<MeetingInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let starts_at = c.check("starts_at", local_time(&self.starts_at));
        let duration = c.check(
            "duration_minutes",
            optional_number(&self.duration_minutes, 5, DURATION_MAX_MINUTES)
                .and_then(|d| d.ok_or(Invalid::Required)),
        );
        let location = c.check("location", optional_line(&self.location, LINE_MAX));
        let objectives = c.check("objectives", optional_text(&self.objectives, LONG_TEXT_MAX));
        let mut agenda = Vec::new();
        for row in &self.agenda {
            // A row left entirely blank is one of the spare rows of the form.
            if [
                &row.title,
                &row.minutes,
                &row.presenter_id,
                &row.result_id,
                &row.indicator_id,
                &row.dispute_id,
                &row.decision_id,
            ]
            .iter()
            .all(|v| v.trim().is_empty())
            {
                continue;
            }
            let title = c.check("agenda", Name::parse(&row.title));
            let minutes = c.check(
                "agenda",
                optional_number(&row.minutes, 1, DURATION_MAX_MINUTES),
            );
            let presenter = c.check("agenda", lenient::optional_id(&row.presenter_id));
            let result = c.check("agenda", lenient::optional_id(&row.result_id));
            let indicator = c.check("agenda", lenient::optional_id(&row.indicator_id));
            let dispute = c.check("agenda", lenient::optional_id(&row.dispute_id));
            let decision = c.check("agenda", lenient::optional_id(&row.decision_id));
            if let (
                Some(title),
                Some(minutes),
                Some(presenter),
                Some(result),
                Some(indicator),
                Some(dispute),
                Some(decision),
            ) = (
                title, minutes, presenter, result, indicator, dispute, decision,
            ) {
                agenda.push(AgendaItemInput {
                    title: title.into_string(),
                    minutes: minutes.map(|m| m as u16),
                    presenter_id: presenter.map(PersonId::new),
                    result_id: result.map(ResultNodeId::new),
                    indicator_id: indicator.map(IndicatorId::new),
                    dispute_id: dispute.map(crate::DisputeId::new),
                    decision_id: decision.map(crate::DecisionId::new),
                });
            }
        }
        if agenda.len() > AGENDA_ITEMS_MAX {
            c.push(
                "agenda",
                Invalid::Range {
                    min: 0,
                    max: AGENDA_ITEMS_MAX as i64,
                },
            );
        }
        match (starts_at, duration, location, objectives) {
            (Some(starts_at), Some(duration), Some(location), Some(objectives)) if c.is_empty() => {
                Ok(MeetingInput {
                    starts_at,
                    duration_minutes: duration as u16,
                    location,
                    objectives,
                    agenda,
                })
            }
            _ => Err(c.into_errors()),
        }
    }
}

/// Who came, as typed: the ids of the people present (invited or not).
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct AttendanceForm {
    #[serde(deserialize_with = "lenient::ids")]
    pub attended: Vec<i64>,
}

impl AttendanceForm {
    /// The people present, each once.
    pub fn people(&self) -> Vec<PersonId> {
        let mut ids: Vec<i64> = self.attended.clone();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter().map(PersonId::new).collect()
    }
}

crate::choice_enum!(
    /// An invitee's answer to an invitation.
    MeetingAnswer, "meeting-answer", {
        /// Will come.
        Yes => "yes",
        /// Will not come.
        No => "no",
        /// Perhaps.
        Maybe => "maybe",
    }
);

/// An answer as typed: `yes`, `no` or `maybe`.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct AnswerForm {
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = MeetingAnswer)]
    #[schema(required = true)]
    pub answer: String,
}

impl AnswerForm {
    pub fn parse(&self) -> Result<MeetingAnswer, Vec<FieldError>> {
        MeetingAnswer::parse(&self.answer).map_err(|e| vec![FieldError::new("answer", e)])
    }
}

/// The moment a meeting starts, as a point in time: its local time read in Israel.
pub fn instant(local: NaiveDateTime) -> DateTime<Utc> {
    Jerusalem
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        // A time the clocks skip was refused when it was typed; read one as UTC at worst.
        .unwrap_or_else(|| local.and_utc())
}

/// Which meetings a calendar feed holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "scope", content = "body_id", rename_all = "snake_case")]
pub enum FeedScope {
    /// The meetings its owner is invited to.
    Mine,
    /// One body's meetings.
    Body(crate::BodyId),
    /// Every meeting of the initiative.
    Initiative,
}

/// A calendar feed as asked for: `mine`, `initiative`, or `body` with its `body_id`.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct FeedForm {
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true, example = "body")]
    pub scope: String,
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub body_id: String,
}

impl FeedForm {
    pub fn parse(&self) -> Result<FeedScope, Vec<FieldError>> {
        let body =
            lenient::optional_id(&self.body_id).map_err(|e| vec![FieldError::new("body_id", e)])?;
        match (self.scope.trim(), body) {
            ("mine", _) => Ok(FeedScope::Mine),
            ("initiative", _) => Ok(FeedScope::Initiative),
            ("body", Some(body)) => Ok(FeedScope::Body(crate::BodyId::new(body))),
            ("body", None) => Err(vec![FieldError::new("body_id", Invalid::Required)]),
            _ => Err(vec![FieldError::new("scope", Invalid::Choice)]),
        }
    }
}

/// The longest minutes of one agenda item.
pub const ITEM_NOTES_MAX: usize = 20_000;

/// The minutes of one agenda item as typed: what was said (Markdown) and whether the item
/// was covered.
#[derive(Clone, Debug, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ItemMinutesForm {
    /// Markdown; shown rendered and cleaned, never as raw HTML.
    #[serde(deserialize_with = "lenient::text")]
    pub notes: String,
    /// "true" when the item was discussed as planned.
    #[serde(deserialize_with = "lenient::boolean")]
    #[schema(value_type = bool)]
    pub covered: String,
}

/// The minutes of a meeting as typed: one entry per agenda item, in the agenda's order.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct MinutesForm {
    pub items: Vec<ItemMinutesForm>,
}

/// The checked minutes of one agenda item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ItemMinutes {
    pub notes: Option<String>,
    pub covered: bool,
}

impl MinutesForm {
    /// The minutes of an agenda of `items` items: one entry for each, no more and no less.
    pub fn parse(&self, items: usize) -> Result<Vec<ItemMinutes>, Vec<FieldError>> {
        let mut c = Checker::new();
        if self.items.len() != items {
            c.push(
                "items",
                Invalid::Range {
                    min: items as i64,
                    max: items as i64,
                },
            );
        }
        let mut out = Vec::with_capacity(items);
        for item in &self.items {
            if let Some(notes) = c.check("items", optional_text(&item.notes, ITEM_NOTES_MAX)) {
                out.push(ItemMinutes {
                    notes,
                    covered: lenient::truthy(&item.covered),
                });
            }
        }
        if c.is_empty() {
            Ok(out)
        } else {
            Err(c.into_errors())
        }
    }
}

/// Who carries an action item: a person, or an organization as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActionOwner {
    Person(PersonId),
    Organization(OrganizationId),
}

/// An action item as typed. Its owner is a person or an organization (one of the two).
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ActionItemForm {
    /// What is to be done.
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub title: String,
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub owner_person_id: String,
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub owner_organization_id: String,
    /// YYYY-MM-DD.
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = Option<chrono::NaiveDate>)]
    pub due_on: String,
    /// The result of the common agenda it advances.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub result_id: String,
    /// The indicator it is meant to move.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub indicator_id: String,
}

/// A checked action item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ActionItemInput {
    pub title: String,
    pub owner: ActionOwner,
    pub due_on: Option<chrono::NaiveDate>,
    pub result_id: Option<ResultNodeId>,
    pub indicator_id: Option<IndicatorId>,
}

impl ActionItemForm {
    pub fn parse(&self) -> Result<ActionItemInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let title = c.check("title", Name::parse(&self.title));
        let person = c.check(
            "owner_person_id",
            lenient::optional_id(&self.owner_person_id),
        );
        let organization = c.check(
            "owner_organization_id",
            lenient::optional_id(&self.owner_organization_id),
        );
        let owner = match (person, organization) {
            (Some(Some(p)), Some(None)) => Some(ActionOwner::Person(PersonId::new(p))),
            (Some(None), Some(Some(o))) => Some(ActionOwner::Organization(OrganizationId::new(o))),
            (Some(Some(_)), Some(Some(_))) => {
                c.push("owner_organization_id", Invalid::OneOwner);
                None
            }
            (Some(None), Some(None)) => {
                c.push("owner_person_id", Invalid::Required);
                None
            }
            _ => None,
        };
        let due_on = c.check("due_on", optional_date(&self.due_on));
        let result = c.check("result_id", lenient::optional_id(&self.result_id));
        let indicator = c.check("indicator_id", lenient::optional_id(&self.indicator_id));
        match (title, owner, due_on, result, indicator) {
            (Some(title), Some(owner), Some(due_on), Some(result), Some(indicator))
                if c.is_empty() =>
            {
                Ok(ActionItemInput {
                    title: title.into_string(),
                    owner,
                    due_on,
                    result_id: result.map(ResultNodeId::new),
                    indicator_id: indicator.map(IndicatorId::new),
                })
            }
            _ => Err(c.into_errors()),
        }
    }
}

/// Marking an action item done (with a note of what was done) or open again.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ActionStatusForm {
    #[serde(deserialize_with = "lenient::boolean")]
    #[schema(value_type = bool)]
    #[schema(required = true)]
    pub done: String,
    /// What was done, or why it is open again.
    #[serde(deserialize_with = "lenient::text")]
    pub note: String,
    /// The day it was done, when that was before today (YYYY-MM-DD); today when left out.
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = Option<chrono::NaiveDate>)]
    pub done_on: String,
}

/// A checked change of an action item's status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ActionStatus {
    pub done: bool,
    pub note: Option<String>,
    /// When it was done, if not now: the start of the day given, in Israel.
    pub done_at: Option<DateTime<Utc>>,
}

impl ActionStatusForm {
    /// Checks the form; a day after `today` is refused.
    pub fn parse(&self, today: NaiveDate) -> Result<ActionStatus, Vec<FieldError>> {
        let mut c = Checker::new();
        // Done or open again is the whole point of the form: it is said, never assumed
        // (the page's buttons send it; an API call without it is refused).
        if self.done.trim().is_empty() {
            c.push("done", Invalid::Required);
        }
        let note = c.check("note", optional_text(&self.note, LONG_TEXT_MAX));
        let done_on = c.check(
            "done_on",
            optional_date(&self.done_on).and_then(|d| match d {
                Some(day) if day > today => Err(Invalid::Future),
                other => Ok(other),
            }),
        );
        match (note, done_on) {
            (Some(note), Some(done_on)) if c.is_empty() => Ok(ActionStatus {
                done: lenient::truthy(&self.done),
                note,
                done_at: done_on.map(start_of_day),
            }),
            _ => Err(c.into_errors()),
        }
    }
}

/// The first moment of a day in Israel.
fn start_of_day(day: NaiveDate) -> DateTime<Utc> {
    let midnight = day.and_time(chrono::NaiveTime::MIN);
    Jerusalem
        .from_local_datetime(&midnight)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| midnight.and_utc())
}

/// A decision taken at a meeting, as typed: the body and the day are the meeting's.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct MeetingDecisionForm {
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = crate::agenda::DecisionKind)]
    pub kind: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub text: String,
    /// "true" when the decision stays contested.
    #[serde(deserialize_with = "lenient::boolean")]
    #[schema(value_type = bool)]
    pub contested: String,
    /// Results-tree nodes the decision touches.
    #[serde(deserialize_with = "lenient::ids")]
    pub result_ids: Vec<i64>,
    /// Glossary terms the decision touches.
    #[serde(deserialize_with = "lenient::ids")]
    pub term_ids: Vec<i64>,
}

impl MeetingDecisionForm {
    /// The decision log's form, taken by `body` on `day`: one checking path for every
    /// decision, wherever it is recorded.
    pub fn in_log(&self, body: crate::BodyId, day: chrono::NaiveDate) -> DecisionForm {
        DecisionForm {
            body_id: body.to_string(),
            decided_on: day.format("%Y-%m-%d").to_string(),
            kind: if self.kind.trim().is_empty() {
                crate::agenda::DecisionKind::Formal.code().to_string()
            } else {
                self.kind.clone()
            },
            text: self.text.clone(),
            contested: self.contested.clone(),
            result_ids: self.result_ids.clone(),
            term_ids: self.term_ids.clone(),
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn an_action_items_status_says_done_or_open_and_is_never_assumed() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let missing = ActionStatusForm::default().parse(today).unwrap_err();
        assert_eq!(missing[0].field, "done");
        assert_eq!(missing[0].problem, Invalid::Required);
        let done = ActionStatusForm {
            done: "true".into(),
            ..ActionStatusForm::default()
        }
        .parse(today)
        .unwrap();
        assert!(done.done);
        let open = ActionStatusForm {
            done: "false".into(),
            ..ActionStatusForm::default()
        }
        .parse(today)
        .unwrap();
        assert!(!open.done);
    }

    use super::*;

    fn form(starts_at: &str, duration: &str) -> MeetingForm {
        MeetingForm {
            starts_at: starts_at.into(),
            duration_minutes: duration.into(),
            agenda: vec![
                AgendaItemForm {
                    title: "פתיחה".into(),
                    minutes: "10".into(),
                    ..Default::default()
                },
                AgendaItemForm::default(),
                AgendaItemForm {
                    title: "תוכנית העבודה".into(),
                    minutes: "45".into(),
                    presenter_id: "7".into(),
                    result_id: "3".into(),
                    ..Default::default()
                },
            ],
            ..Default::default()
        }
    }

    #[test]
    fn a_meeting_reads_local_time_and_skips_blank_agenda_rows() {
        let input = form("2027-01-10T17:00", "120").parse().unwrap();
        assert_eq!(input.starts_at.to_string(), "2027-01-10 17:00:00");
        assert_eq!(input.agenda.len(), 2);
        assert_eq!(input.agenda_minutes(), 55);
        assert_eq!(input.agenda[1].presenter_id, Some(PersonId::new(7)));
        assert_eq!(input.agenda[1].result_id, Some(ResultNodeId::new(3)));
        assert!(form("2027-01-10 17:00:30", "120").parse().is_ok());
    }

    #[test]
    fn a_time_the_clocks_skip_or_a_wrong_duration_is_refused_at_its_field() {
        // Israel moves its clocks from 02:00 to 03:00 on the Friday before the last Sunday
        // of March: 26 March 2027.
        let errors = form("2027-03-26T02:30", "60").parse().unwrap_err();
        assert_eq!(errors[0].field, "starts_at");
        assert_eq!(errors[0].problem, Invalid::DateTime);
        for wrong in ["10/01/2027 17:00", "", "2027-13-01T10:00"] {
            let errors = form(wrong, "60").parse().unwrap_err();
            assert_eq!(errors[0].field, "starts_at", "{wrong}");
        }
        let errors = form("2027-01-10T17:00", "0").parse().unwrap_err();
        assert_eq!(errors[0].field, "duration_minutes");
        let errors = form("2027-01-10T17:00", "").parse().unwrap_err();
        assert_eq!(errors[0].problem, Invalid::Required);
    }

    #[test]
    fn an_agenda_row_without_a_title_is_refused() {
        let mut f = form("2027-01-10T17:00", "60");
        f.agenda[0].title = String::new();
        let errors = f.parse().unwrap_err();
        assert_eq!(errors[0].field, "agenda");
    }
}
