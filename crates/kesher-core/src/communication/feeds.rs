//! Calendar feeds: a secret address per person and scope (their own meetings, one body's,
//! the initiative's) that Google Calendar, Outlook or a phone subscribes to. The feed is
//! read with its owner's rights at the moment it is read: an owner who lost their role
//! gets nothing, and a revoked feed is not found.

use kesher_domain::meetings::{FeedForm, FeedScope};
use kesher_domain::*;
use kesher_i18n::{Arg, Lang};
use kesher_store::{CalendarFeed, Meeting};

use super::calendar::{MeetingEvent, Method, calendar};
use crate::error::choice_of;
use crate::{Caller, CoreError, CoreResult, Kesher, Secret};

impl Kesher {
    /// The address of a feed, with its secret.
    pub fn feed_url(&self, secret: &Secret) -> String {
        format!("{}/calendar/{}.ics", self.public_url(), secret.expose())
    }

    /// A new feed of the caller's; its secret is shown once and never kept.
    pub async fn create_calendar_feed(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &FeedForm,
    ) -> CoreResult<(CalendarFeed, Secret)> {
        self.require(caller, initiative, |a| a.can_read()).await?;
        let scope = form.parse().map_err(CoreError::Invalid)?;
        let secret = Secret::generate("cal_");
        let feed = self
            .store
            .create_calendar_feed(
                caller.actor(),
                caller.user.id,
                initiative,
                scope,
                &secret.digest(),
            )
            .await
            .map_err(choice_of("body_id"))?;
        Ok((feed, secret))
    }

    /// The caller's live feeds in the initiative.
    pub async fn calendar_feeds(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<CalendarFeed>> {
        self.require(caller, initiative, |_| true).await?;
        Ok(self
            .store
            .calendar_feeds(caller.user.id, initiative)
            .await?)
    }

    /// Stops one of the caller's feeds (another's is not found).
    pub async fn revoke_calendar_feed(
        &self,
        caller: &Caller,
        id: CalendarFeedId,
    ) -> CoreResult<()> {
        let feed = self.store.calendar_feed_by_id(id).await?;
        if feed.user_id != caller.user.id {
            return Err(CoreError::NotFound);
        }
        Ok(self.store.revoke_calendar_feed(caller.actor(), id).await?)
    }

    /// The calendar a feed's address serves, in its owner's language.
    pub async fn feed_calendar(&self, secret: &Secret) -> CoreResult<String> {
        let feed = self
            .store
            .calendar_feed(&secret.digest())
            .await?
            .ok_or(CoreError::NotFound)?;
        let owner = Caller {
            user: self.store.user(feed.user_id).await?,
        };
        // Read with the owner's rights today: a role taken away takes the feed with it.
        self.require(&owner, feed.initiative_id, |_| true)
            .await
            .map_err(|_| CoreError::NotFound)?;
        let meetings: Vec<Meeting> = match feed.scope {
            FeedScope::Body(body) => self.store.meetings_of_body(body).await?,
            FeedScope::Initiative => {
                self.store
                    .meetings_of_initiative(feed.initiative_id)
                    .await?
            }
            FeedScope::Mine => {
                let me = self.person_of(&owner, feed.initiative_id).await?;
                self.store
                    .meetings_of_initiative(feed.initiative_id)
                    .await?
                    .into_iter()
                    .filter(|m| {
                        me.as_ref()
                            .is_some_and(|p| m.invitees.iter().any(|i| i.person_id == p.id))
                    })
                    .collect()
            }
        };
        let lang = Lang::parse(&owner.user.language).unwrap_or_default();
        self.published(lang, feed.initiative_id, &meetings).await
    }

    /// A body's meetings as a calendar, for a signed-in caller or an API token.
    pub async fn body_calendar(&self, caller: &Caller, body: BodyId) -> CoreResult<String> {
        let meetings = self.meetings_of_body(caller, body).await?;
        let found = self.store.body(body).await?;
        let lang = Lang::parse(&caller.user.language).unwrap_or_default();
        self.published(lang, found.initiative_id, &meetings).await
    }

    async fn published(
        &self,
        lang: Lang,
        initiative: InitiativeId,
        meetings: &[Meeting],
    ) -> CoreResult<String> {
        let name = self.store.initiative(initiative).await?.name;
        let host = super::invitations::host_of(&self.public_url());
        let events: Vec<MeetingEvent<'_>> = meetings
            .iter()
            .map(|m| MeetingEvent {
                meeting: m,
                title: lang.t_with(
                    "meeting-name",
                    &[
                        ("body", Arg::from(m.body_name.as_str())),
                        ("number", Arg::Text(m.number.to_string())),
                    ],
                ),
                description: m.objectives.clone().unwrap_or_default(),
                url: format!(
                    "{}/initiatives/{}/meetings/{}",
                    self.public_url(),
                    m.initiative_id,
                    m.id
                ),
                organizer: None,
                attendee: None,
            })
            .collect();
        Ok(calendar(Method::Publish, &name, &host, &events))
    }
}
