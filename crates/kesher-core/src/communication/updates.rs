//! Updates (newsletters): the backbone drafts one from a template that gathers what
//! happened since the last (decisions, new headline figures with their coverage, meetings
//! ahead), sends it once to an audience, and everyone in the initiative reads the archive.
//! Each message carries a link that stops further updates to that person.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate, Utc};
use kesher_domain::access::Access;
use kesher_domain::measurement::indicator::Unit;
use kesher_domain::text::number;
use kesher_domain::updates::{Audience, UpdateForm};
use kesher_domain::*;
use kesher_i18n::{Arg, Lang};
use kesher_store::{MembershipFilter, Person, PersonFilter, Update, UpdateRecipient};

use super::meetings::seated_on;
use crate::error::choice_of;
use crate::people::mail::Letter;
use crate::{Caller, CoreError, CoreResult, Kesher, Secret};

/// How far back the first update's template looks for decisions.
const FIRST_LOOKBACK_DAYS: i64 = 90;
/// How far ahead the template lists meetings.
const MEETINGS_AHEAD_DAYS: i64 = 60;

/// Whether a person's organization funds.
pub fn is_funder(person: &Person) -> bool {
    kesher_domain::network::funds(person.sector, person.organization_type)
}

impl Kesher {
    /// The initiative's updates: everyone reads those sent; the backbone sees its drafts too.
    pub async fn updates(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<(Vec<Update>, Access)> {
        let access = self.require(caller, initiative, |_| true).await?;
        let mut updates = self.store.updates(initiative).await?;
        if !access.can_manage_bodies() {
            updates.retain(|u| u.sent_at.is_some());
        }
        Ok((updates, access))
    }

    /// One update; a draft is the backbone's alone.
    pub async fn update(&self, caller: &Caller, id: UpdateId) -> CoreResult<(Update, Access)> {
        let found = self.store.update(id).await?;
        let draft = found.sent_at.is_none();
        let access = self
            .require(caller, found.initiative_id, |a| {
                !draft || a.can_manage_bodies()
            })
            .await?;
        Ok((found, access))
    }

    /// A new update's form, its text drafted from what happened since the last update
    /// was sent: decisions taken, headline figures newer than those it could report (each
    /// with its coverage), and the meetings of the coming weeks.
    pub async fn update_template(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        lang: Lang,
    ) -> CoreResult<UpdateForm> {
        self.require(caller, initiative, |a| a.can_manage_bodies())
            .await?;
        let last = self
            .store
            .updates(initiative)
            .await?
            .into_iter()
            .filter(|u| u.sent_at.is_some())
            .max_by_key(|u| u.sent_at);
        let today = Utc::now().date_naive();
        let since = last
            .as_ref()
            .and_then(|u| u.sent_at)
            .map(|at| at.date_naive())
            .unwrap_or(today - Duration::days(FIRST_LOOKBACK_DAYS));
        let mut text = String::new();

        let decisions: Vec<_> = self
            .store
            .decisions(initiative)
            .await?
            .into_iter()
            .filter(|d| d.decided_on >= since)
            .collect();
        if !decisions.is_empty() {
            text.push_str(&format!("## {}\n\n", lang.t("update-template-decisions")));
            for decision in &decisions {
                let when = shown_date(lang, decision.decided_on);
                match &decision.body_name {
                    Some(body) => text.push_str(&format!(
                        "* {when} · {body}: {}\n",
                        one_line(&decision.text)
                    )),
                    None => text.push_str(&format!("* {when}: {}\n", one_line(&decision.text))),
                }
            }
            text.push('\n');
        }

        let reported: BTreeMap<IndicatorId, &str> = last
            .as_ref()
            .map(|u| u.reported.iter().map(|(i, p)| (*i, p.as_str())).collect())
            .unwrap_or_default();
        let progress = self.progress(caller, initiative).await?;
        let mut figures = Vec::new();
        for standing in &progress.indicators {
            let Some(latest) = standing.latest() else {
                continue;
            };
            if reported.get(&standing.indicator.id) == Some(&latest.period.code().as_str()) {
                continue;
            }
            let indicator = &standing.indicator;
            let mut value = number(latest.value, indicator.decimals);
            if indicator.unit == Unit::Percent {
                value.push('%');
            }
            figures.push(format!(
                "* {}: {value} ({}) · {}\n",
                indicator.name_in(lang == Lang::En),
                latest.period.code(),
                lang.t_with(
                    "coverage-of",
                    &[
                        ("reported", Arg::Number(i64::from(latest.coverage.reported))),
                        ("expected", Arg::Number(i64::from(latest.coverage.expected))),
                        ("percent", Arg::Text(number(latest.coverage.percent(), 1))),
                    ],
                )
            ));
        }
        if !figures.is_empty() {
            text.push_str(&format!("## {}\n\n", lang.t("update-template-figures")));
            text.push_str(&figures.concat());
            text.push('\n');
        }

        let now = Utc::now()
            .with_timezone(&chrono_tz::Asia::Jerusalem)
            .naive_local();
        let ahead: Vec<_> = self
            .store
            .meetings_of_initiative(initiative)
            .await?
            .into_iter()
            .filter(|m| m.cancelled_at.is_none())
            .filter(|m| {
                m.starts_at >= now && m.starts_at <= now + Duration::days(MEETINGS_AHEAD_DAYS)
            })
            .collect();
        if !ahead.is_empty() {
            text.push_str(&format!("## {}\n\n", lang.t("update-template-meetings")));
            for meeting in &ahead {
                let name = lang.t_with(
                    "meeting-name",
                    &[
                        ("body", Arg::from(meeting.body_name.as_str())),
                        ("number", Arg::Text(meeting.number.to_string())),
                    ],
                );
                let when = format!(
                    "{} {}",
                    shown_date(lang, meeting.starts_at.date()),
                    meeting.starts_at.format("%H:%M")
                );
                match &meeting.location {
                    Some(place) => text.push_str(&format!("* {when} · {name} · {place}\n")),
                    None => text.push_str(&format!("* {when} · {name}\n")),
                }
            }
            text.push('\n');
        }
        if text.is_empty() {
            text = lang.t("update-template-nothing");
        }
        Ok(UpdateForm {
            title: lang.t_with(
                "update-template-title",
                &[("date", Arg::Text(shown_date(lang, today)))],
            ),
            text: text.trim_end().to_string(),
            audience: "partners".into(),
            ..UpdateForm::default()
        })
    }

    /// Saves a new draft (backbone).
    pub async fn create_update(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &UpdateForm,
    ) -> CoreResult<Update> {
        self.require(caller, initiative, |a| a.can_manage_bodies())
            .await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        self.store
            .create_update(caller.actor(), initiative, &input)
            .await
            .map_err(choice_of(audience_field(&input.audience)))
    }

    /// Changes a draft (backbone); a sent update stays as it was sent.
    pub async fn edit_update(
        &self,
        caller: &Caller,
        id: UpdateId,
        form: &UpdateForm,
    ) -> CoreResult<Update> {
        self.draft(caller, id).await?;
        let input = form.parse().map_err(CoreError::Invalid)?;
        self.store
            .edit_update(caller.actor(), id, &input)
            .await
            .map_err(choice_of(audience_field(&input.audience)))
            .map_err(already_sent)
    }

    /// Throws a draft away (backbone).
    pub async fn delete_update(&self, caller: &Caller, id: UpdateId) -> CoreResult<()> {
        self.draft(caller, id).await?;
        self.store
            .delete_update(caller.actor(), id)
            .await
            .map_err(|e| already_sent(e.into()))
    }

    /// The backbone's draft, or why not: another's is forbidden, a sent one a conflict.
    async fn draft(&self, caller: &Caller, id: UpdateId) -> CoreResult<Update> {
        let found = self.store.update(id).await?;
        self.require(caller, found.initiative_id, |a| a.can_manage_bodies())
            .await?;
        if found.sent_at.is_some() {
            return Err(CoreError::Conflict {
                message_id: "update-already-sent",
            });
        }
        Ok(found)
    }

    /// Who an update goes to today: the people of its audience who have an e-mail address
    /// and did not stop updates, each once, by name.
    pub async fn update_recipients(
        &self,
        caller: &Caller,
        id: UpdateId,
    ) -> CoreResult<Vec<Person>> {
        let found = self.store.update(id).await?;
        self.require(caller, found.initiative_id, |a| a.can_manage_bodies())
            .await?;
        self.audience_of(&found).await
    }

    async fn audience_of(&self, update: &Update) -> CoreResult<Vec<Person>> {
        let initiative = update.initiative_id;
        let stopped = self.store.people_without_updates(initiative).await?;
        let people = self
            .store
            .list_people(initiative, &PersonFilter::default())
            .await?;
        let chosen: Vec<PersonId> = match update.audience {
            updates::AudienceKind::Partners => people.iter().map(|p| p.id).collect(),
            updates::AudienceKind::Funders => people
                .iter()
                .filter(|p| is_funder(p))
                .map(|p| p.id)
                .collect(),
            updates::AudienceKind::Custom => update.person_ids.clone(),
            updates::AudienceKind::Body => {
                let body = update.body_id.ok_or(CoreError::NotFound)?;
                let seats = self
                    .store
                    .list_memberships(
                        initiative,
                        &MembershipFilter {
                            body_id: Some(body),
                            ..Default::default()
                        },
                    )
                    .await?;
                seated_on(&seats, body, Utc::now().date_naive())
            }
        };
        let mut out: Vec<Person> = people
            .into_iter()
            .filter(|p| chosen.contains(&p.id))
            .filter(|p| p.email.is_some())
            .filter(|p| !stopped.contains(&p.id))
            .collect();
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    /// Sends a draft to its audience, each in their own language, with a link to stop
    /// updates; keeps the headline figures it could report, for the next template.
    pub async fn send_update(&self, caller: &Caller, id: UpdateId) -> CoreResult<Update> {
        let found = self.draft(caller, id).await?;
        let recipients = self.audience_of(&found).await?;
        if recipients.is_empty() {
            return Err(CoreError::Conflict {
                message_id: "update-nobody-to-send",
            });
        }
        let initiative = self.store.initiative(found.initiative_id).await?;
        let users = self.store.list_users().await?;
        let link = format!(
            "{}/initiatives/{}/updates/{}",
            self.public_url(),
            found.initiative_id,
            found.id
        );
        let mut letters = Vec::new();
        for person in &recipients {
            let Some(address) = person.email.as_deref() else {
                continue;
            };
            let lang = users
                .iter()
                .find(|u| u.email.eq_ignore_ascii_case(address))
                .and_then(|u| Lang::parse(&u.language))
                .unwrap_or_default();
            let secret = Secret::generate("ku_");
            let stop = format!("{}/unsubscribe?key={}", self.public_url(), secret.expose());
            let mail = Letter {
                lang,
                initiative: &initiative.name,
                subject: found.title.clone(),
                heading: found.title.clone(),
                paragraphs: Vec::new(),
                action: Some((lang.t("update-mail-read-online"), link.clone())),
                links: Vec::new(),
                unsubscribe: vec![(lang.t("update-mail-stop"), stop)],
                list_unsubscribe: Some(format!(
                    "{}/unsubscribe/one-click?key={}",
                    self.public_url(),
                    secret.expose()
                )),
                markdown: Some(&found.text),
            }
            .to_mail(Some(found.initiative_id), "update", address)?;
            letters.push(UpdateRecipient {
                person_id: person.id,
                mail: Some(mail),
                stop_digest: secret.digest(),
            });
        }
        let progress = self.progress(caller, found.initiative_id).await?;
        let reported: Vec<(IndicatorId, String)> = progress
            .indicators
            .iter()
            .filter_map(|p| p.latest().map(|f| (p.indicator.id, f.period.code())))
            .collect();
        let sent = self
            .store
            .send_update(caller.actor(), id, &letters, &reported)
            .await
            .map_err(|e| already_sent(e.into()))?;
        self.mail_queued();
        tracing::info!(update.id = %id, messages = letters.len(), "update queued");
        Ok(sent)
    }

    /// Stops updates to the person whose message carried `secret`; false for an unknown
    /// link.
    pub async fn stop_updates(&self, secret: &Secret) -> CoreResult<bool> {
        Ok(self.store.stop_updates(&secret.digest()).await?.is_some())
    }
}

/// The field a wrong audience member is reported at.
fn audience_field(audience: &Audience) -> &'static str {
    match audience {
        Audience::Custom(_) => "person_ids",
        _ => "body_id",
    }
}

fn already_sent(error: CoreError) -> CoreError {
    match error {
        CoreError::Conflict { .. } => CoreError::Conflict {
            message_id: "update-already-sent",
        },
        other => other,
    }
}

fn shown_date(lang: Lang, date: NaiveDate) -> String {
    crate::dates::date_in(lang, &date)
}

/// A text on one line, for a list item.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
