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
    /// The minutes taken on it, in Markdown as written.
    pub notes: Option<String>,
    /// Whether it was covered; `null` until the minutes are recorded.
    pub covered: Option<bool>,
    /// The node of the results tree, the indicator and the open question it concerns.
    pub result_id: Option<ResultNodeId>,
    pub indicator_id: Option<IndicatorId>,
    pub dispute_id: Option<DisputeId>,
    /// The decision of the log it concerns.
    pub decision_id: Option<kesher_domain::DecisionId>,
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
    /// Their answer to the invitation (`yes`, `no`, `maybe`), `null` until they give one.
    pub answer: Option<kesher_domain::meetings::MeetingAnswer>,
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
    pub minutes_recorded_at: Option<DateTime<Utc>>,
    /// When the summary went to every invitee.
    pub finalized_at: Option<DateTime<Utc>>,
    /// When the invitations were last sent by e-mail.
    pub invitations_sent_at: Option<DateTime<Utc>>,
    /// The iCalendar `SEQUENCE`: how many times the invitation was sent again after a change.
    pub sequence: u32,
    /// When the meeting was called off.
    pub cancelled_at: Option<DateTime<Utc>>,
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
                    notes: i.notes,
                    covered: i.covered,
                    result_id: i.result_id,
                    indicator_id: i.indicator_id,
                    dispute_id: i.dispute_id,
                    decision_id: i.decision_id,
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
                    answer: i.answer,
                })
                .collect(),
            attendance_recorded_at: record.attendance_recorded_at,
            minutes_recorded_at: record.minutes_recorded_at,
            finalized_at: record.finalized_at,
            invitations_sent_at: record.invitations_sent_at,
            sequence: record.sequence,
            cancelled_at: record.cancelled_at,
            created_at: record.created_at,
            updated_at: record.updated_at,
        }
    }
}

/// An action item a meeting gave a person or an organization.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ActionItem {
    pub id: ActionItemId,
    pub initiative_id: InitiativeId,
    pub meeting_id: MeetingId,
    pub body_id: BodyId,
    pub body_name: String,
    pub meeting_number: u32,
    pub title: String,
    /// The person who carries it, when a person does.
    pub owner_person_id: Option<PersonId>,
    pub owner_person_name: Option<String>,
    /// The organization that carries it: the owner itself, or the owning person's.
    pub owner_organization_id: OrganizationId,
    pub owner_organization_name: String,
    pub due_on: Option<chrono::NaiveDate>,
    /// Open and past its due date.
    pub overdue: bool,
    pub result_id: Option<ResultNodeId>,
    pub indicator_id: Option<IndicatorId>,
    /// `null` while open.
    pub done_at: Option<DateTime<Utc>>,
    pub done_note: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<kesher_store::ActionItem> for ActionItem {
    fn from(record: kesher_store::ActionItem) -> Self {
        Self {
            overdue: kesher_core::communication::action_items::is_overdue(
                &record,
                Utc::now().date_naive(),
            ),
            id: record.id,
            initiative_id: record.initiative_id,
            meeting_id: record.meeting_id,
            body_id: record.body_id,
            body_name: record.body_name,
            meeting_number: record.meeting_number,
            title: record.title,
            owner_person_id: record.owner_person_id,
            owner_person_name: record.owner_person_name,
            owner_organization_id: record.owner_organization_id,
            owner_organization_name: record.owner_organization_name,
            due_on: record.due_on,
            result_id: record.result_id,
            indicator_id: record.indicator_id,
            done_at: record.done_at,
            done_note: record.done_note,
            created_at: record.created_at,
            updated_at: record.updated_at,
        }
    }
}
