//! Planning a meeting, changing it, and recording who came.

use kesher_domain::access::Access;
use kesher_domain::meetings::{AttendanceForm, MeetingForm};
use kesher_domain::*;
use kesher_store::{Meeting, Membership, MembershipFilter};

use crate::error::choice_of;
use crate::{Caller, CoreError, CoreResult, Kesher};

/// The people seated in `body` on `day`, each once: a meeting's invitees by default.
pub fn seated_on(
    memberships: &[Membership],
    body: BodyId,
    day: chrono::NaiveDate,
) -> Vec<PersonId> {
    let mut people: Vec<PersonId> = memberships
        .iter()
        .filter(|m| m.body_id == body)
        .filter(|m| kesher_domain::bodies::seat_is_active(m.from, m.to, day))
        .map(|m| m.person_id)
        .collect();
    people.sort_unstable();
    people.dedup();
    people
}

impl Kesher {
    /// A body's meetings, in order of their number.
    pub async fn meetings_of_body(
        &self,
        caller: &Caller,
        body: BodyId,
    ) -> CoreResult<Vec<Meeting>> {
        let found = self.store.body(body).await?;
        self.require(caller, found.initiative_id, |_| true).await?;
        Ok(self.store.meetings_of_body(body).await?)
    }

    pub async fn meeting(&self, caller: &Caller, id: MeetingId) -> CoreResult<(Meeting, Access)> {
        let meeting = self.store.meeting(id).await?;
        let access = self
            .require(caller, meeting.initiative_id, |_| true)
            .await?;
        Ok((meeting, access))
    }

    /// Plans a meeting of a body, numbered after its last. The invitees are the people
    /// seated in the body on the meeting's day.
    pub async fn plan_meeting(
        &self,
        caller: &Caller,
        body: BodyId,
        form: &MeetingForm,
    ) -> CoreResult<Meeting> {
        let found = self.store.body(body).await?;
        self.require(caller, found.initiative_id, |a| a.can_manage_bodies())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        let seats = self
            .store
            .list_memberships(
                found.initiative_id,
                &MembershipFilter {
                    body_id: Some(body),
                    ..Default::default()
                },
            )
            .await?;
        let invitees = seated_on(&seats, body, input.starts_at.date());
        self.store
            .create_meeting(caller.actor(), body, &input, &invitees)
            .await
            .map_err(choice_of("agenda"))
    }

    /// Changes a meeting's time, place, objectives and agenda.
    pub async fn update_meeting(
        &self,
        caller: &Caller,
        id: MeetingId,
        form: &MeetingForm,
    ) -> CoreResult<Meeting> {
        let found = self.store.meeting(id).await?;
        self.require(caller, found.initiative_id, |a| a.can_manage_bodies())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        self.store
            .update_meeting(caller.actor(), id, &input)
            .await
            .map_err(choice_of("agenda"))
    }

    /// Records who came: those named attended, every other invitee did not.
    pub async fn record_attendance(
        &self,
        caller: &Caller,
        id: MeetingId,
        form: &AttendanceForm,
    ) -> CoreResult<Meeting> {
        let found = self.store.meeting(id).await?;
        self.require(caller, found.initiative_id, |a| a.can_manage_bodies())
            .await?;
        self.store
            .record_attendance(caller.actor(), id, &form.people())
            .await
            .map_err(choice_of("attended"))
    }
}
