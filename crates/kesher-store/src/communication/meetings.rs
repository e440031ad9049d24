//! Meetings of a body, their agenda, who was invited and who came.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDateTime, Utc};
use kesher_domain::meetings::{ItemMinutes, MeetingAnswer, MeetingInput};
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{Actor, NewMail, SecretDigest, StoreResult};

/// An invitation to one invitee: the message, and the digest of the secret in its answer
/// links.
#[derive(Clone, Debug)]
pub struct MeetingLetter {
    pub person: PersonId,
    pub mail: NewMail,
    pub answer_digest: SecretDigest,
}

/// One item of a meeting's agenda, in its order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct MeetingAgendaItem {
    pub title: String,
    pub minutes: Option<u16>,
    pub presenter_id: Option<PersonId>,
    pub presenter_name: Option<String>,
    /// The minutes taken on the item, in Markdown as written (rendered and cleaned when
    /// shown).
    pub notes: Option<String>,
    /// Whether the item was covered: `None` until the minutes are recorded.
    pub covered: Option<bool>,
    /// The node of the results tree it concerns, with its title.
    pub result_id: Option<ResultNodeId>,
    pub result_title: Option<String>,
    /// The indicator it concerns, with its names.
    pub indicator_id: Option<IndicatorId>,
    pub indicator_name_he: Option<String>,
    pub indicator_name_en: Option<String>,
    /// The open question it concerns, with its wording.
    pub dispute_id: Option<DisputeId>,
    pub dispute_question: Option<String>,
    /// The decision it concerns, with the day it was taken.
    pub decision_id: Option<DecisionId>,
    pub decision_on: Option<chrono::NaiveDate>,
}

/// A person invited to a meeting (or present without an invitation), and whether they
/// came: `None` until attendance is recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct MeetingInvitee {
    pub person_id: PersonId,
    pub person_name: String,
    pub organization_id: OrganizationId,
    pub organization_name: String,
    /// Invited ahead (`false`: came without an invitation, recorded with the attendance).
    pub invited: bool,
    pub attended: Option<bool>,
    /// Their answer to the invitation, if they gave one.
    pub answer: Option<MeetingAnswer>,
}

/// A meeting of a body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Meeting {
    pub id: MeetingId,
    pub initiative_id: InitiativeId,
    pub body_id: BodyId,
    pub body_name: String,
    /// 1, 2, 3… within the body, in the order they were planned ("steering committee 3").
    pub number: u32,
    /// Israel's local time.
    #[schema(value_type = String, example = "2027-01-10T17:00:00")]
    pub starts_at: NaiveDateTime,
    pub duration_minutes: u16,
    pub location: Option<String>,
    pub objectives: Option<String>,
    pub agenda: Vec<MeetingAgendaItem>,
    /// Alphabetical by name.
    pub invitees: Vec<MeetingInvitee>,
    /// When attendance was last recorded.
    pub attendance_recorded_at: Option<DateTime<Utc>>,
    /// When the minutes were last recorded.
    pub minutes_recorded_at: Option<DateTime<Utc>>,
    /// When the summary went to every invitee.
    pub finalized_at: Option<DateTime<Utc>>,
    /// When the invitations were last sent by e-mail.
    pub invitations_sent_at: Option<DateTime<Utc>>,
    /// How many times its invitation was sent again after a change: the iCalendar
    /// `SEQUENCE`, so a calendar replaces the meeting instead of adding a second one.
    pub sequence: u32,
    /// When it was called off.
    pub cancelled_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The meetings of the initiative's bodies. People named (invitees, presenters, those
/// present) must belong to the body's initiative, or the write is refused with
/// `Conflict::WrongInitiative`.
#[async_trait]
pub trait MeetingStore: Send + Sync {
    /// Plans a meeting, numbered after the body's last, with its invitees.
    async fn create_meeting(
        &self,
        actor: Actor,
        body: BodyId,
        input: &MeetingInput,
        invitees: &[PersonId],
    ) -> StoreResult<Meeting>;
    /// Changes a meeting's time, place, objectives and agenda (its invitees stay).
    async fn update_meeting(
        &self,
        actor: Actor,
        id: MeetingId,
        input: &MeetingInput,
    ) -> StoreResult<Meeting>;
    async fn meeting(&self, id: MeetingId) -> StoreResult<Meeting>;
    /// A body's meetings, in order of their number.
    async fn meetings_of_body(&self, body: BodyId) -> StoreResult<Vec<Meeting>>;
    /// Every meeting of the initiative's bodies, in order of time.
    async fn meetings_of_initiative(&self, initiative: InitiativeId) -> StoreResult<Vec<Meeting>>;
    /// Records who came: those listed attended, every other invitee did not; a person
    /// present without an invitation is added as a guest.
    async fn record_attendance(
        &self,
        actor: Actor,
        id: MeetingId,
        attended: &[PersonId],
    ) -> StoreResult<Meeting>;
    /// Records the minutes, one entry per agenda item in its order (the caller checks
    /// the count). An agenda changed later keeps each item's minutes by its position.
    async fn record_minutes(
        &self,
        actor: Actor,
        id: MeetingId,
        minutes: &[ItemMinutes],
    ) -> StoreResult<Meeting>;
    /// Marks the meeting's summary sent and queues its messages, in one transaction.
    async fn finalize_meeting(
        &self,
        actor: Actor,
        id: MeetingId,
        summaries: &[NewMail],
    ) -> StoreResult<Meeting>;
    /// Marks the invitations sent with `sequence`, keeps each invitee's answer-link digest
    /// (an earlier message's links stop answering) and queues the messages, in one
    /// transaction.
    async fn send_invitations(
        &self,
        actor: Actor,
        id: MeetingId,
        sequence: u32,
        letters: &[MeetingLetter],
    ) -> StoreResult<Meeting>;
    /// Calls the meeting off with `sequence` and queues the cancellations, in one
    /// transaction. Its record stays.
    async fn cancel_meeting(
        &self,
        actor: Actor,
        id: MeetingId,
        sequence: u32,
        letters: &[NewMail],
    ) -> StoreResult<Meeting>;
    /// Records the answer of the invitee whose answer link has `digest`; `None` when no
    /// invitee's has.
    async fn answer_by_link(
        &self,
        digest: &SecretDigest,
        answer: MeetingAnswer,
    ) -> StoreResult<Option<(MeetingId, PersonId)>>;
    /// Records an invitee's answer (`NotFound` when the person is not invited).
    async fn record_answer(
        &self,
        actor: Actor,
        id: MeetingId,
        person: PersonId,
        answer: MeetingAnswer,
    ) -> StoreResult<Meeting>;
}
