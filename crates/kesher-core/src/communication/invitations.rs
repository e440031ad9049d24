//! Inviting by e-mail: each invitee gets the agenda, an iCalendar request their calendar
//! program can add, and three links to answer (will come, will not, perhaps). A change of
//! time or place after the invitations went out sends an update; calling the meeting off
//! sends a cancellation. Answers also come from the meeting's page.

use kesher_domain::meetings::{AnswerForm, MeetingAnswer};
use kesher_domain::*;
use kesher_i18n::{Arg, Lang};
use kesher_store::{MailCalendar, Meeting, MeetingLetter, NewMail, PersonFilter, User};

use super::calendar::{Attendee, MeetingEvent, Method, calendar};
use crate::people::mail::Letter;
use crate::{Caller, CoreError, CoreResult, Kesher, Secret};

/// What a message says about a meeting, in one language.
struct Words {
    lang: Lang,
    name: String,
    when: String,
}

impl Words {
    fn of(lang: Lang, meeting: &Meeting) -> Self {
        Words {
            name: lang.t_with(
                "meeting-name",
                &[
                    ("body", Arg::from(meeting.body_name.as_str())),
                    ("number", Arg::Text(meeting.number.to_string())),
                ],
            ),
            // In Hebrew the date is also given in the Hebrew calendar, as letters are.
            when: match lang {
                Lang::He => format!(
                    "{} ({})",
                    meeting.starts_at.format("%d/%m/%Y %H:%M"),
                    kesher_domain::measurement::period::hebrew_date(meeting.starts_at.date())
                ),
                Lang::En => meeting.starts_at.format("%d/%m/%Y %H:%M").to_string(),
            },
            lang,
        }
    }

    /// The agenda and objectives as plain lines, for the message and the calendar entry.
    fn details(&self, meeting: &Meeting) -> Vec<String> {
        let lang = self.lang;
        let mut lines = vec![lang.t_with(
            "mail-meeting-when",
            &[
                ("when", Arg::Text(self.when.clone())),
                ("minutes", Arg::from(usize::from(meeting.duration_minutes))),
            ],
        )];
        if let Some(location) = &meeting.location {
            lines.push(lang.t_with(
                "mail-meeting-where",
                &[("location", Arg::from(location.as_str()))],
            ));
        }
        if let Some(objectives) = &meeting.objectives {
            lines.push(objectives.clone());
        }
        if !meeting.agenda.is_empty() {
            lines.push(lang.t("meeting-agenda"));
            for (n, item) in meeting.agenda.iter().enumerate() {
                let mut line = format!("{}. {}", n + 1, item.title);
                if let Some(minutes) = item.minutes {
                    line.push_str(&format!(" ({minutes}′)"));
                }
                if let Some(presenter) = &item.presenter_name {
                    line.push_str(&format!(" — {presenter}"));
                }
                lines.push(line);
            }
        }
        lines
    }
}

/// The host part of an address, for calendar identifiers.
pub(crate) fn host_of(url: &str) -> String {
    let rest = url.split("://").nth(1).unwrap_or(url);
    rest.split(['/', ':'])
        .next()
        .unwrap_or("kesher")
        .to_string()
}

impl Kesher {
    /// The address a meeting's page has.
    fn meeting_url(&self, meeting: &Meeting) -> String {
        format!(
            "{}/initiatives/{}/meetings/{}",
            self.public_url(),
            meeting.initiative_id,
            meeting.id
        )
    }

    /// Everyone on the meeting's record with an e-mail address: the person, their address
    /// and the language of their account (Hebrew when they have none).
    async fn addressed_invitees(
        &self,
        meeting: &Meeting,
    ) -> CoreResult<Vec<(PersonId, String, String, Lang)>> {
        let people = self
            .store
            .list_people(meeting.initiative_id, &PersonFilter::default())
            .await?;
        let users: Vec<User> = self.store.list_users().await?;
        Ok(meeting
            .invitees
            .iter()
            .filter_map(|i| {
                let person = people.iter().find(|p| p.id == i.person_id)?;
                let address = person.email.clone()?;
                let lang = users
                    .iter()
                    .find(|u| u.email.eq_ignore_ascii_case(&address))
                    .and_then(|u| Lang::parse(&u.language))
                    .unwrap_or_default();
                Some((i.person_id, person.name.clone(), address, lang))
            })
            .collect())
    }

    /// Sends the invitation to every invitee with an address, or its update when it was
    /// sent before (the calendar entry's sequence moves on, so calendars replace it).
    pub async fn send_invitations(&self, caller: &Caller, id: MeetingId) -> CoreResult<Meeting> {
        let found = self.store.meeting(id).await?;
        self.require(caller, found.initiative_id, |a| a.can_manage_bodies())
            .await?;
        self.mail_invitations(caller, &found).await
    }

    /// Queues the invitations (an update when they went out before) in one write.
    pub(crate) async fn mail_invitations(
        &self,
        caller: &Caller,
        meeting: &Meeting,
    ) -> CoreResult<Meeting> {
        if meeting.cancelled_at.is_some() {
            return Err(CoreError::Conflict {
                message_id: "meeting-cancelled",
            });
        }
        let update = meeting.invitations_sent_at.is_some();
        let sequence = meeting.sequence + u32::from(update);
        let mut sent = meeting.clone();
        sent.sequence = sequence;
        let initiative = self.store.initiative(meeting.initiative_id).await?;
        let host = host_of(&self.public_url());
        // The materials go with the invitation as links to their pages (a reader signs in
        // to open them); those kept for the backbone alone stay out of the message.
        let materials: Vec<(String, String)> = self
            .store
            .documents(meeting.initiative_id)
            .await?
            .into_iter()
            .filter(|d| d.meeting_id == Some(meeting.id))
            .filter(|d| d.visibility != kesher_domain::documents::Visibility::Backbone)
            .map(|d| {
                (
                    d.title,
                    format!(
                        "{}/initiatives/{}/documents/{}",
                        self.public_url(),
                        meeting.initiative_id,
                        d.id
                    ),
                )
            })
            .collect();
        let mut letters = Vec::new();
        for (person, name, address, lang) in self.addressed_invitees(meeting).await? {
            let words = Words::of(lang, meeting);
            let secret = Secret::generate("mta_");
            let answer_url = |answer: MeetingAnswer| {
                format!(
                    "{}/meeting-answer?key={}&answer={}",
                    self.public_url(),
                    secret.expose(),
                    answer.code()
                )
            };
            let answer = meeting
                .invitees
                .iter()
                .find(|i| i.person_id == person)
                .and_then(|i| i.answer);
            let details = words.details(meeting);
            let ics = calendar(
                Method::Request,
                &initiative.name,
                &host,
                &[MeetingEvent {
                    meeting: &sent,
                    title: words.name.clone(),
                    description: details.join("\n"),
                    url: self.meeting_url(meeting),
                    organizer: Some((&caller.user.name, &caller.user.email)),
                    attendee: Some(Attendee {
                        name: &name,
                        email: &address,
                        answer,
                    }),
                }],
            );
            let (subject_id, heading_id) = if update {
                ("mail-meeting-update-subject", "mail-meeting-update-heading")
            } else {
                (
                    "mail-meeting-invitation-subject",
                    "mail-meeting-invitation-heading",
                )
            };
            let args = [
                ("meeting", Arg::Text(words.name.clone())),
                ("when", Arg::Text(words.when.clone())),
            ];
            let mut mail = Letter {
                lang,
                initiative: &initiative.name,
                subject: lang.t_with(subject_id, &args),
                heading: lang.t_with(heading_id, &args),
                paragraphs: details,
                action: Some((lang.t("mail-meeting-open"), self.meeting_url(meeting))),
                links: MeetingAnswer::ALL
                    .iter()
                    .map(|a| (lang.t(&format!("mail-answer-{}", a.code())), answer_url(*a)))
                    .chain(materials.iter().map(|(title, url)| {
                        (
                            lang.t_with(
                                "mail-meeting-material",
                                &[("name", Arg::from(title.as_str()))],
                            ),
                            url.clone(),
                        )
                    }))
                    .collect(),
                unsubscribe: Vec::new(),
                markdown: None,
                list_unsubscribe: None,
            }
            .to_mail(Some(meeting.initiative_id), "meeting_invitation", &address)?;
            mail.calendar = Some(MailCalendar {
                method: Method::Request.code().to_string(),
                text: ics,
            });
            letters.push(MeetingLetter {
                person,
                mail,
                answer_digest: secret.digest(),
            });
        }
        let sent = self
            .store
            .send_invitations(caller.actor(), meeting.id, sequence, &letters)
            .await?;
        self.mail_queued();
        tracing::info!(meeting.id = %meeting.id, messages = letters.len(), update, "meeting invitations queued");
        Ok(sent)
    }

    /// Calls the meeting off. When its invitations went out, each invitee gets a
    /// cancellation their calendar program applies. Its record stays.
    pub async fn cancel_meeting(&self, caller: &Caller, id: MeetingId) -> CoreResult<Meeting> {
        let found = self.store.meeting(id).await?;
        self.require(caller, found.initiative_id, |a| a.can_manage_bodies())
            .await?;
        if found.cancelled_at.is_some() {
            return Err(CoreError::Conflict {
                message_id: "meeting-cancelled",
            });
        }
        let sequence = found.sequence + 1;
        let mut letters: Vec<NewMail> = Vec::new();
        if found.invitations_sent_at.is_some() {
            let mut cancelled = found.clone();
            cancelled.sequence = sequence;
            let initiative = self.store.initiative(found.initiative_id).await?;
            let host = host_of(&self.public_url());
            for (_, name, address, lang) in self.addressed_invitees(&found).await? {
                let words = Words::of(lang, &found);
                let args = [
                    ("meeting", Arg::Text(words.name.clone())),
                    ("when", Arg::Text(words.when.clone())),
                ];
                let mut mail = Letter {
                    lang,
                    initiative: &initiative.name,
                    subject: lang.t_with("mail-meeting-cancel-subject", &args),
                    heading: lang.t_with("mail-meeting-cancel-heading", &args),
                    paragraphs: vec![lang.t("mail-meeting-cancel-body")],
                    action: Some((lang.t("mail-meeting-open"), self.meeting_url(&found))),
                    links: Vec::new(),
                    unsubscribe: Vec::new(),
                    markdown: None,
                    list_unsubscribe: None,
                }
                .to_mail(
                    Some(found.initiative_id),
                    "meeting_cancellation",
                    &address,
                )?;
                mail.calendar = Some(MailCalendar {
                    method: Method::Cancel.code().to_string(),
                    text: calendar(
                        Method::Cancel,
                        &initiative.name,
                        &host,
                        &[MeetingEvent {
                            meeting: &cancelled,
                            title: words.name.clone(),
                            description: String::new(),
                            url: self.meeting_url(&found),
                            organizer: Some((&caller.user.name, &caller.user.email)),
                            attendee: Some(Attendee {
                                name: &name,
                                email: &address,
                                answer: None,
                            }),
                        }],
                    ),
                });
                letters.push(mail);
            }
        }
        let cancelled = self
            .store
            .cancel_meeting(caller.actor(), id, sequence, &letters)
            .await?;
        self.mail_queued();
        Ok(cancelled)
    }

    /// Records the answer an invitation's link carries (no sign-in: the link is the
    /// proof). An unknown or replaced link is not found.
    pub async fn answer_by_link(
        &self,
        secret: &Secret,
        form: &AnswerForm,
    ) -> CoreResult<(Meeting, MeetingAnswer)> {
        let answer = form.parse().map_err(CoreError::Invalid)?;
        let (meeting, _) = self
            .store
            .answer_by_link(&secret.digest(), answer)
            .await?
            .ok_or(CoreError::NotFound)?;
        Ok((self.store.meeting(meeting).await?, answer))
    }

    /// The caller's own answer, from the meeting's page: they must be on its record.
    pub async fn answer_as_me(
        &self,
        caller: &Caller,
        id: MeetingId,
        form: &AnswerForm,
    ) -> CoreResult<Meeting> {
        let (found, _) = self.meeting(caller, id).await?;
        let answer = form.parse().map_err(CoreError::Invalid)?;
        let me = self
            .person_of(caller, found.initiative_id)
            .await?
            .filter(|p| found.invitees.iter().any(|i| i.person_id == p.id))
            .ok_or(CoreError::Forbidden)?;
        Ok(self
            .store
            .record_answer(caller.actor(), id, me.id, answer)
            .await?)
    }
}
