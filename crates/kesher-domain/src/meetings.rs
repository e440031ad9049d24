//! Meetings of a body: when and where, what for, the agenda with the time each item takes,
//! who was invited and who came. Times are Israel's local time (`Asia/Jerusalem`), as the
//! people who meet read their clocks; the calendar feeds convert them.

use chrono::{NaiveDateTime, TimeZone};
use chrono_tz::Asia::Jerusalem;
use serde::{Deserialize, Serialize};

use crate::text::{LINE_MAX, LONG_TEXT_MAX, Name, optional_line, optional_number, optional_text};
use crate::validation::Checker;
use crate::{FieldError, Invalid, PersonId, lenient};

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
}

/// A checked agenda item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItemInput {
    pub title: String,
    pub minutes: Option<u16>,
    pub presenter_id: Option<PersonId>,
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
            if [&row.title, &row.minutes, &row.presenter_id]
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
            if let (Some(title), Some(minutes), Some(presenter)) = (title, minutes, presenter) {
                agenda.push(AgendaItemInput {
                    title: title.into_string(),
                    minutes: minutes.map(|m| m as u16),
                    presenter_id: presenter.map(PersonId::new),
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

#[cfg(test)]
mod tests {
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
