//! The API's view of meetings. Each type mirrors its record field by field today; it is its
//! own type so that a change in storage cannot change `/api/v1` unseen.

use chrono::{DateTime, NaiveDateTime, Utc};
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

/// One item of a meeting's agenda, in its order.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct MeetingAgendaItem {
    pub title: String,
    /// The minutes allotted to it.
    pub minutes: Option<u16>,
    pub presenter_id: Option<PersonId>,
    pub presenter_name: Option<String>,
}

/// A person invited to a meeting, or present without an invitation.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct MeetingInvitee {
    pub person_id: PersonId,
    pub person_name: String,
    pub organization_id: OrganizationId,
    pub organization_name: String,
    /// `false`: came without an invitation.
    pub invited: bool,
    /// `null` until attendance is recorded.
    pub attended: Option<bool>,
}

/// A meeting of a body.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Meeting {
    pub id: MeetingId,
    pub initiative_id: InitiativeId,
    pub body_id: BodyId,
    pub body_name: String,
    /// 1, 2, 3… within the body.
    pub number: u32,
    /// Israel's local time (Asia/Jerusalem).
    #[schema(value_type = String, example = "2027-01-10T17:00:00")]
    pub starts_at: NaiveDateTime,
    pub duration_minutes: u16,
    pub location: Option<String>,
    pub objectives: Option<String>,
    pub agenda: Vec<MeetingAgendaItem>,
    /// The minutes the agenda allots, all items together.
    pub agenda_minutes: u32,
    pub invitees: Vec<MeetingInvitee>,
    pub attendance_recorded_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<kesher_store::Meeting> for Meeting {
    fn from(record: kesher_store::Meeting) -> Self {
        Self {
            agenda_minutes: record
                .agenda
                .iter()
                .filter_map(|i| i.minutes)
                .map(u32::from)
                .sum(),
            id: record.id,
            initiative_id: record.initiative_id,
            body_id: record.body_id,
            body_name: record.body_name,
            number: record.number,
            starts_at: record.starts_at,
            duration_minutes: record.duration_minutes,
            location: record.location,
            objectives: record.objectives,
            agenda: record
                .agenda
                .into_iter()
                .map(|i| MeetingAgendaItem {
                    title: i.title,
                    minutes: i.minutes,
                    presenter_id: i.presenter_id,
                    presenter_name: i.presenter_name,
                })
                .collect(),
            invitees: record
                .invitees
                .into_iter()
                .map(|i| MeetingInvitee {
                    person_id: i.person_id,
                    person_name: i.person_name,
                    organization_id: i.organization_id,
                    organization_name: i.organization_name,
                    invited: i.invited,
                    attended: i.attended,
                })
                .collect(),
            attendance_recorded_at: record.attendance_recorded_at,
            created_at: record.created_at,
            updated_at: record.updated_at,
        }
    }
}
