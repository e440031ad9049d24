//! Planning a meeting, changing it, and recording who came.

use kesher_domain::access::Access;
use kesher_domain::meetings::{AttendanceForm, MeetingDecisionForm, MeetingForm, MinutesForm};
use kesher_domain::*;
use kesher_i18n::{Arg, Lang};
use kesher_store::{
    ActionItem, ActionItemFilter, Decision, Meeting, Membership, MembershipFilter, NewMail,
    PersonFilter,
};

use crate::error::choice_of;
use crate::people::mail::Letter;
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

    /// Every meeting of the initiative's bodies, in order of time.
    pub async fn meetings_of_initiative(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<Meeting>> {
        self.require(caller, initiative, |_| true).await?;
        Ok(self.store.meetings_of_initiative(initiative).await?)
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
        if found.cancelled_at.is_some() {
            return Err(CoreError::Conflict {
                message_id: "meeting-cancelled",
            });
        }
        let input = form.parse().map_err(CoreError::Invalid)?;
        let updated = self
            .store
            .update_meeting(caller.actor(), id, &input)
            .await
            .map_err(choice_of("agenda"))?;
        // Invitations already out: a new time, length or place goes to every invitee as
        // an update their calendars apply.
        let moved = (
            updated.starts_at,
            updated.duration_minutes,
            &updated.location,
        ) != (found.starts_at, found.duration_minutes, &found.location);
        self.meeting_record_changed(found.initiative_id).await;
        if found.invitations_sent_at.is_some() && moved {
            return self.mail_invitations(caller, &updated).await;
        }
        Ok(updated)
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
        let recorded = self
            .store
            .record_attendance(caller.actor(), id, &form.people())
            .await
            .map_err(choice_of("attended"))?;
        self.meeting_record_changed(found.initiative_id).await;
        Ok(recorded)
    }

    /// Records the minutes: what was said on each agenda item and whether it was covered.
    pub async fn record_minutes(
        &self,
        caller: &Caller,
        id: MeetingId,
        form: &MinutesForm,
    ) -> CoreResult<Meeting> {
        let found = self.store.meeting(id).await?;
        self.require(caller, found.initiative_id, |a| a.can_manage_bodies())
            .await?;
        let minutes = form.parse(found.agenda.len()).map_err(CoreError::Invalid)?;
        let recorded = self
            .store
            .record_minutes(caller.actor(), id, &minutes)
            .await?;
        self.meeting_record_changed(found.initiative_id).await;
        Ok(recorded)
    }

    /// Records a decision taken at the meeting: it joins the decision log as the body's,
    /// dated the meeting's day, with a link back to the meeting.
    pub async fn decide_at_meeting(
        &self,
        caller: &Caller,
        id: MeetingId,
        form: &MeetingDecisionForm,
    ) -> CoreResult<Decision> {
        let found = self.store.meeting(id).await?;
        self.require(caller, found.initiative_id, |a| a.can_manage_bodies())
            .await?;
        let log_form = form.in_log(found.body_id, found.starts_at.date());
        self.record_decision(caller, found.initiative_id, &log_form, Some(id))
            .await
            .map_err(|e| match e {
                // The meeting's day is the decision's: one still ahead has taken nothing.
                CoreError::Invalid(errors) if errors.iter().any(|e| e.field == "decided_on") => {
                    CoreError::Conflict {
                        message_id: "meeting-not-held-yet",
                    }
                }
                other => other,
            })
    }

    /// The decisions taken at a meeting, in the order they were recorded.
    pub async fn meeting_decisions(
        &self,
        caller: &Caller,
        id: MeetingId,
    ) -> CoreResult<Vec<Decision>> {
        let (found, _) = self.meeting(caller, id).await?;
        let mut decisions: Vec<Decision> = self
            .store
            .decisions(found.initiative_id)
            .await?
            .into_iter()
            .filter(|d| d.meeting_id == Some(id))
            .collect();
        decisions.sort_by_key(|d| d.id);
        Ok(decisions)
    }

    /// The action items given at a meeting.
    pub async fn meeting_action_items(
        &self,
        caller: &Caller,
        id: MeetingId,
    ) -> CoreResult<Vec<ActionItem>> {
        let (found, _) = self.meeting(caller, id).await?;
        Ok(self
            .store
            .action_items(
                found.initiative_id,
                &ActionItemFilter {
                    meeting: Some(id),
                    ..Default::default()
                },
            )
            .await?)
    }

    /// Sends the meeting's summary — attendance, the minutes, decisions and action items —
    /// to everyone invited or present, the absent included, each in their own language.
    /// Refused until attendance is recorded: a summary says who came.
    pub async fn finalize_meeting(&self, caller: &Caller, id: MeetingId) -> CoreResult<Meeting> {
        let found = self.store.meeting(id).await?;
        self.require(caller, found.initiative_id, |a| a.can_manage_bodies())
            .await?;
        if found.attendance_recorded_at.is_none() {
            return Err(CoreError::Conflict {
                message_id: "meeting-summary-before-attendance",
            });
        }
        let initiative = self.store.initiative(found.initiative_id).await?;
        let decisions = self.meeting_decisions(caller, id).await?;
        let actions = self.meeting_action_items(caller, id).await?;
        let people = self
            .store
            .list_people(found.initiative_id, &PersonFilter::default())
            .await?;
        let users = self.store.list_users().await?;
        let mut mails = Vec::new();
        for invitee in &found.invitees {
            let Some(address) = people
                .iter()
                .find(|p| p.id == invitee.person_id)
                .and_then(|p| p.email.clone())
            else {
                continue;
            };
            let lang = users
                .iter()
                .find(|u| u.email.eq_ignore_ascii_case(&address))
                .and_then(|u| Lang::parse(&u.language))
                .unwrap_or_default();
            mails.push(self.summary_letter(
                lang,
                &initiative.name,
                &found,
                &decisions,
                &actions,
                &address,
            )?);
        }
        let finalized = self
            .store
            .finalize_meeting(caller.actor(), id, &mails)
            .await?;
        self.mail_queued();
        tracing::info!(meeting.id = %id, messages = mails.len(), "meeting summary queued");
        Ok(finalized)
    }

    fn summary_letter(
        &self,
        lang: Lang,
        initiative_name: &str,
        meeting: &Meeting,
        decisions: &[Decision],
        actions: &[ActionItem],
        to: &str,
    ) -> CoreResult<NewMail> {
        let name = lang.t_with(
            "meeting-name",
            &[
                ("body", Arg::from(meeting.body_name.as_str())),
                ("number", Arg::Text(meeting.number.to_string())),
            ],
        );
        let attended = meeting
            .invitees
            .iter()
            .filter(|i| i.attended == Some(true))
            .count();
        let invited = meeting.invitees.iter().filter(|i| i.invited).count();
        let mut paragraphs = vec![
            lang.t_with(
                "mail-meeting-summary-when",
                &[(
                    "when",
                    Arg::Text(meeting.starts_at.format("%d/%m/%Y %H:%M").to_string()),
                )],
            ),
            lang.t_with(
                "meeting-attended-of-invited",
                &[
                    ("attended", Arg::from(attended)),
                    ("invited", Arg::from(invited)),
                ],
            ),
        ];
        for (n, item) in meeting.agenda.iter().enumerate() {
            let covered = match item.covered {
                Some(true) => lang.t("meeting-covered-yes"),
                Some(false) => lang.t("meeting-covered-no"),
                None => String::new(),
            };
            let mut line = format!("{}. {} {}", n + 1, item.title, covered);
            if let Some(notes) = &item.notes {
                line.push('\n');
                line.push_str(notes);
            }
            paragraphs.push(line.trim_end().to_string());
        }
        if !decisions.is_empty() {
            paragraphs.push(lang.t("mail-meeting-summary-decisions"));
            paragraphs.extend(decisions.iter().map(|d| format!("• {}", d.text)));
        }
        if !actions.is_empty() {
            paragraphs.push(lang.t("mail-meeting-summary-actions"));
            paragraphs.extend(actions.iter().map(|a| {
                let owner = a
                    .owner_person_name
                    .clone()
                    .unwrap_or_else(|| a.owner_organization_name.clone());
                match a.due_on {
                    Some(due) => format!("• {} — {owner}, {}", a.title, due.format("%d/%m/%Y")),
                    None => format!("• {} — {owner}", a.title),
                }
            }));
        }
        Letter {
            lang,
            initiative: initiative_name,
            subject: lang.t_with(
                "mail-meeting-summary-subject",
                &[("meeting", Arg::from(name.as_str()))],
            ),
            heading: name.clone(),
            paragraphs,
            action: Some((
                lang.t("mail-meeting-summary-action"),
                format!(
                    "{}/initiatives/{}/meetings/{}",
                    self.public_url(),
                    meeting.initiative_id,
                    meeting.id
                ),
            )),
            links: Vec::new(),
            unsubscribe: Vec::new(),
            markdown: None,
            list_unsubscribe: None,
        }
        .to_mail(Some(meeting.initiative_id), "meeting_summary", to)
    }
}
