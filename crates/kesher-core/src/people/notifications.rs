//! Telling people what happened that concerns them: a value returned to their
//! organization, a new agenda version of substance to endorse, a change in an open
//! question they stated a position on, an invitation they sent accepted. Each person chooses, per kind, a message
//! at once (the default), a daily digest, or nothing; every message carries a one-click
//! unsubscribe link for its kind. One event gives one message per person.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use kesher_domain::{InitiativeId, Invalid, UserId};
use kesher_i18n::{Arg, Lang};
use kesher_store::{NewNotification, Notification, NotificationMode, User};

use super::mail::Letter;
use crate::{Caller, CoreError, CoreResult, Kesher, Secret};

/// The kinds of notification, as stored and as the account page lists them.
pub const KINDS: [&str; 4] = [
    "value_returned",
    "endorsement_needed",
    "question_changed",
    "invitation_accepted",
];

/// How far back, and how many, notifications the first page lists.
pub const RECENT_DAYS: i64 = 30;
pub const RECENT_LIMIT: u32 = 10;

/// How long a notification for the digest waits at most: a digest goes out once the
/// oldest thing it gathers is a day old, so a person gets at most one a day.
const DIGEST_AFTER: Duration = Duration::hours(24);

impl Kesher {
    /// Tells `user` of an event of `kind`: `text_id` with `args` is the line, in their
    /// language; `link` the path where it is dealt with.
    pub(crate) async fn notify(
        &self,
        user: &User,
        initiative: Option<InitiativeId>,
        kind: &'static str,
        text: impl Fn(Lang) -> String,
        link: String,
    ) -> CoreResult<()> {
        let mode = self
            .store
            .notification_modes(user.id)
            .await?
            .into_iter()
            .find(|(k, _)| k == kind)
            .map(|(_, mode)| mode)
            .unwrap_or_default();
        let lang = Lang::parse(&user.language).unwrap_or_default();
        let notification = NewNotification {
            user_id: user.id,
            initiative_id: initiative,
            kind: kind.to_string(),
            text: text(lang),
            link,
        };
        match mode {
            NotificationMode::Off => Ok(()),
            NotificationMode::Daily => {
                self.store.record_notification(&notification, None).await?;
                Ok(())
            }
            NotificationMode::Immediate => {
                let initiative_name = match initiative {
                    Some(id) => self.store.initiative(id).await?.name,
                    None => String::new(),
                };
                let secret = Secret::generate("ku_");
                let letter = Letter {
                    lang,
                    initiative: &initiative_name,
                    subject: lang.t(&format!("notify-{}-subject", kind.replace('_', "-"))),
                    heading: lang.t(&format!("notify-{}-subject", kind.replace('_', "-"))),
                    paragraphs: vec![notification.text.clone()],
                    action: Some((
                        lang.t("notify-open"),
                        format!("{}{}", self.public_url(), notification.link),
                    )),
                    links: Vec::new(),
                    unsubscribe: vec![self.unsubscribe_line(lang, kind, &secret)],
                    markdown: None,
                    list_unsubscribe: Some(self.one_click_unsubscribe(&secret)),
                };
                let mail = letter.to_mail(initiative, "notification", &user.email)?;
                self.store
                    .record_notification(&notification, Some((&mail, &secret.digest())))
                    .await?;
                self.mail_queued();
                Ok(())
            }
        }
    }

    /// Where a mail program posts `List-Unsubscribe=One-Click` to stop the link's kind.
    fn one_click_unsubscribe(&self, secret: &Secret) -> String {
        format!(
            "{}/unsubscribe/one-click?key={}",
            self.public_url(),
            secret.expose()
        )
    }

    fn unsubscribe_line(&self, lang: Lang, kind: &str, secret: &Secret) -> (String, String) {
        (
            lang.t_with(
                "notify-unsubscribe",
                &[("kind", Arg::Text(lang.t(&kind_label_id(kind))))],
            ),
            format!("{}/unsubscribe?key={}", self.public_url(), secret.expose()),
        )
    }

    /// Sends each person who chose the daily digest one message gathering what waited,
    /// once the oldest of it is a day old. Returns how many digests were queued.
    pub async fn deliver_digests(&self, now: DateTime<Utc>) -> CoreResult<usize> {
        let mut by_user: BTreeMap<UserId, Vec<Notification>> = BTreeMap::new();
        for notification in self.store.undigested_notifications().await? {
            by_user
                .entry(notification.user_id)
                .or_default()
                .push(notification);
        }
        let mut queued = 0;
        for (user, waiting) in by_user {
            if waiting
                .first()
                .is_none_or(|n| n.created_at > now - DIGEST_AFTER)
            {
                continue;
            }
            let user = self.store.user(user).await?;
            let lang = Lang::parse(&user.language).unwrap_or_default();
            let mut kinds: Vec<&str> = waiting.iter().map(|n| n.kind.as_str()).collect();
            kinds.sort_unstable();
            kinds.dedup();
            let mut unsubscribe = Vec::new();
            let mut digests = Vec::new();
            // A digest of one kind names its link in the header too; one of several kinds
            // offers a link per kind in its text only, as one header link would stop them all.
            let mut list_unsubscribe = None;
            let single_kind = kinds.len() == 1;
            for kind in kinds {
                let secret = Secret::generate("ku_");
                unsubscribe.push(self.unsubscribe_line(lang, kind, &secret));
                if single_kind {
                    list_unsubscribe = Some(self.one_click_unsubscribe(&secret));
                }
                digests.push((kind.to_string(), secret.digest()));
            }
            let letter = Letter {
                lang,
                initiative: "",
                subject: lang.t_with(
                    "mail-digest-subject",
                    &[("count", Arg::from(waiting.len()))],
                ),
                heading: lang.t_with(
                    "mail-digest-subject",
                    &[("count", Arg::from(waiting.len()))],
                ),
                paragraphs: Vec::new(),
                action: None,
                links: waiting
                    .iter()
                    .map(|n| (n.text.clone(), format!("{}{}", self.public_url(), n.link)))
                    .collect(),
                unsubscribe,
                list_unsubscribe,
                markdown: None,
            };
            let mail = letter.to_mail(None, "digest", &user.email)?;
            let ids: Vec<_> = waiting.iter().map(|n| n.id).collect();
            self.store.mark_digested(&ids, &mail, &digests, now).await?;
            queued += 1;
        }
        if queued > 0 {
            self.mail_queued();
        }
        Ok(queued)
    }

    /// What the caller was told in the initiative over the last [`RECENT_DAYS`] days,
    /// newest first (at most [`RECENT_LIMIT`]): their first page lists it under what waits
    /// for them, so nothing depends on the e-mail having arrived.
    pub async fn recent_notifications(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<Notification>> {
        self.require(caller, initiative, |_| true).await?;
        Ok(self
            .store
            .recent_notifications(
                caller.user.id,
                initiative,
                Utc::now() - Duration::days(RECENT_DAYS),
                RECENT_LIMIT,
            )
            .await?)
    }

    /// The caller's choice for every kind.
    pub async fn notification_choices(
        &self,
        caller: &Caller,
    ) -> CoreResult<Vec<(&'static str, NotificationMode)>> {
        let chosen = self.store.notification_modes(caller.user.id).await?;
        Ok(KINDS
            .iter()
            .map(|kind| {
                let mode = chosen
                    .iter()
                    .find(|(k, _)| k == kind)
                    .map(|(_, m)| *m)
                    .unwrap_or_default();
                (*kind, mode)
            })
            .collect())
    }

    /// Sets the caller's choices, one per kind (`mode.<kind>` = immediate, daily, off).
    pub async fn set_notification_choices(
        &self,
        caller: &Caller,
        choices: &[(String, String)],
    ) -> CoreResult<()> {
        for (kind, mode) in choices {
            let Some(kind) = KINDS.iter().find(|k| *k == kind) else {
                return Err(CoreError::invalid("kind", Invalid::Choice));
            };
            let mode = NotificationMode::parse(mode)
                .ok_or_else(|| CoreError::invalid("mode", Invalid::Choice))?;
            self.store
                .set_notification_mode(caller.actor(), caller.user.id, kind, mode)
                .await?;
        }
        Ok(())
    }

    /// The kind an unsubscribe link stops, and for whom; `NotFound` for a link that never was.
    /// The kind of message a stop link stops: a kind of notification, or `update` for
    /// the initiative's updates. Reading it changes nothing.
    pub async fn unsubscribe_link(&self, secret: &Secret) -> CoreResult<String> {
        if let Some((_, kind)) = self.store.unsubscribe_target(&secret.digest()).await? {
            return Ok(kind);
        }
        match self.store.update_stop_link(&secret.digest()).await? {
            Some(_) => Ok(UPDATE_KIND.to_string()),
            None => Err(CoreError::NotFound),
        }
    }

    /// Stops what the link stops for its person (no sign-in needed: the link is the
    /// proof): its kind of notification, or the initiative's updates. Returns the kind.
    pub async fn unsubscribe(&self, secret: &Secret) -> CoreResult<String> {
        let Some((user, kind)) = self.store.unsubscribe_target(&secret.digest()).await? else {
            if self.stop_updates(secret).await? {
                tracing::info!("updates stopped");
                return Ok(UPDATE_KIND.to_string());
            }
            return Err(CoreError::NotFound);
        };
        self.store
            .set_notification_mode(
                kesher_store::Actor::user(user),
                user,
                &kind,
                NotificationMode::Off,
            )
            .await?;
        tracing::info!(user.id = %user, kind, "unsubscribed");
        Ok(kind)
    }
}

/// The kind a stop link in an update names.
pub const UPDATE_KIND: &str = "update";

/// The Fluent id naming a kind of notification.
pub fn kind_label_id(kind: &str) -> String {
    format!("notify-kind-{}", kind.replace('_', "-"))
}
