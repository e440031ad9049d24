//! Messages: composed in the recipient's language from the Fluent files, with a plain-text
//! and an HTML part, queued in the store's outbox and delivered by [`Kesher::deliver_mail`]
//! through a [`MailTransport`] (SMTP in the binary, a sink in tests).

use askama::Template;
use chrono::{Duration, Utc};
use kesher_domain::InitiativeId;
use kesher_i18n::{Arg, Lang};
use kesher_store::{Mail, NewMail};

use crate::{Caller, CoreError, CoreResult, Kesher};

/// Sends one message. `Err` holds the server's reason, for the outbox page.
#[async_trait::async_trait]
pub trait MailTransport: Send + Sync {
    async fn send(&self, mail: &Mail) -> Result<(), String>;
}

/// What a message says, before it is rendered in both parts.
pub struct Letter<'a> {
    pub lang: Lang,
    /// The initiative's name, shown above the heading ("" for none).
    pub initiative: &'a str,
    pub subject: String,
    pub heading: String,
    pub paragraphs: Vec<String>,
    /// The one thing to do: a button's label and its address.
    pub action: Option<(String, String)>,
    /// Several things, each a line and its address (a digest).
    pub links: Vec<(String, String)>,
    /// One-click unsubscribe links, one a kind: a label and its address.
    pub unsubscribe: Vec<(String, String)>,
    /// The address a mail program posts to for a one-click unsubscribe (RFC 8058), when
    /// the message is of one kind.
    pub list_unsubscribe: Option<String>,
    /// Text written in Markdown (an update): rendered and cleaned in the HTML part, kept as
    /// written in the text part.
    pub markdown: Option<&'a str>,
}

#[derive(Template)]
#[template(path = "mail/message.html")]
struct HtmlPart<'a> {
    lang: &'a str,
    dir: &'a str,
    subject: &'a str,
    initiative: &'a str,
    heading: &'a str,
    paragraphs: &'a [String],
    action: Option<(&'a str, &'a str)>,
    link_note: String,
    links: &'a [(String, String)],
    unsubscribe: &'a [(String, String)],
    footer: String,
    /// Cleaned HTML from the letter's Markdown.
    rich: Option<String>,
}

#[derive(Template)]
#[template(path = "mail/message.txt")]
struct TextPart<'a> {
    initiative: &'a str,
    heading: &'a str,
    paragraphs: &'a [String],
    action: Option<(&'a str, &'a str)>,
    links: &'a [(String, String)],
    unsubscribe: &'a [(String, String)],
    footer: String,
    markdown: Option<&'a str>,
}

impl Letter<'_> {
    /// Both parts, ready to queue.
    pub fn to_mail(
        &self,
        initiative: Option<InitiativeId>,
        kind: &str,
        to: &str,
    ) -> CoreResult<NewMail> {
        let action = self.action.as_ref().map(|(l, u)| (l.as_str(), u.as_str()));
        let footer = self.lang.t("mail-footer");
        let html = HtmlPart {
            lang: self.lang.code(),
            dir: self.lang.direction().as_str(),
            subject: &self.subject,
            initiative: self.initiative,
            heading: &self.heading,
            paragraphs: &self.paragraphs,
            action,
            link_note: self.lang.t("mail-link-note"),
            links: &self.links,
            unsubscribe: &self.unsubscribe,
            footer: footer.clone(),
            rich: self
                .markdown
                .map(crate::communication::minutes::render_markdown),
        }
        .render()
        .map_err(|e| CoreError::Internal(format!("mail template: {e}")))?;
        let text = TextPart {
            initiative: self.initiative,
            heading: &self.heading,
            paragraphs: &self.paragraphs,
            action,
            links: &self.links,
            unsubscribe: &self.unsubscribe,
            footer,
            markdown: self.markdown,
        }
        .render()
        .map_err(|e| CoreError::Internal(format!("mail template: {e}")))?;
        Ok(NewMail {
            initiative_id: initiative,
            kind: kind.to_string(),
            to_address: to.to_string(),
            subject: self.subject.clone(),
            text_body: text,
            html_body: html,
            list_unsubscribe: self.list_unsubscribe.clone(),
            calendar: None,
        })
    }
}

/// How many messages the worker reads from the outbox at a time.
const DELIVERY_BATCH: u32 = 50;

/// How long to wait before the next try after `attempts` failed ones; `None`: give up.
fn retry_after(attempts: i64) -> Option<Duration> {
    match attempts {
        0 => Some(Duration::minutes(1)),
        1 => Some(Duration::minutes(5)),
        2 => Some(Duration::minutes(30)),
        3 => Some(Duration::hours(2)),
        4 => Some(Duration::hours(12)),
        _ => None,
    }
}

impl Kesher {
    /// The address links in messages start with (`KESHER_PUBLIC_URL`, or the address the
    /// server listens on).
    pub fn public_url(&self) -> String {
        self.public_url.read().expect("public url lock").clone()
    }

    /// Sets the address links in messages start with.
    pub fn set_public_url(&self, url: &str) {
        *self.public_url.write().expect("public url lock") = url.trim_end_matches('/').to_string();
    }

    /// Wakes the mail worker: a message was queued.
    pub(crate) fn mail_queued(&self) {
        self.mail_waiting.notify_one();
    }

    /// Resolves when a message is queued (or at once if one was queued since the last call).
    pub async fn mail_waiting(&self) {
        self.mail_waiting.notified().await;
    }

    /// Sends every message that is due, one at a time; a failure is kept with its reason
    /// and tried again later (after 1, 5 and 30 minutes, 2 and 12 hours, then given up).
    /// Returns how many were sent.
    pub async fn deliver_mail(&self, transport: &dyn MailTransport) -> CoreResult<usize> {
        let mut sent = 0;
        // Batch after batch until nothing is due: a burst (a meeting's invitations, a
        // digest morning) must not wait for the worker's next tick between batches. A
        // failed message is due again only at its retry time, so this ends.
        loop {
            let batch = self.store.due_mail(Utc::now(), DELIVERY_BATCH).await?;
            let full = batch.len() == DELIVERY_BATCH as usize;
            sent += self.deliver_batch(transport, batch).await?;
            if !full {
                return Ok(sent);
            }
        }
    }

    async fn deliver_batch(
        &self,
        transport: &dyn MailTransport,
        batch: Vec<Mail>,
    ) -> CoreResult<usize> {
        let mut sent = 0;
        for mail in batch {
            match transport.send(&mail).await {
                Ok(()) => {
                    self.store.mark_mail_sent(mail.id, Utc::now()).await?;
                    tracing::info!(mail.id = %mail.id, kind = %mail.kind, "mail sent");
                    sent += 1;
                }
                Err(reason) => {
                    let retry = retry_after(mail.attempts).map(|wait| Utc::now() + wait);
                    tracing::warn!(
                        mail.id = %mail.id,
                        kind = %mail.kind,
                        attempts = mail.attempts + 1,
                        gives_up = retry.is_none(),
                        %reason,
                        "mail not sent"
                    );
                    self.store.mark_mail_failed(mail.id, &reason, retry).await?;
                }
            }
        }
        Ok(sent)
    }

    /// The outbox: one initiative's messages (its backbone), or every message (`None`, the
    /// instance admin only), newest first.
    pub async fn outbox(
        &self,
        caller: &Caller,
        initiative: Option<InitiativeId>,
    ) -> CoreResult<Vec<Mail>> {
        match initiative {
            Some(initiative) => {
                self.require(caller, initiative, |a| a.can_manage_roles())
                    .await?;
            }
            None if caller.is_admin() => {}
            None => return Err(CoreError::Forbidden),
        }
        Ok(self.store.outbox(initiative, 200).await?)
    }

    /// A test message to `to`, queued like any other; the command line sends it at once.
    pub async fn queue_test_mail(&self, to: &str, lang: Lang) -> CoreResult<Mail> {
        let letter = Letter {
            lang,
            initiative: "",
            subject: lang.t("mail-test-subject"),
            heading: lang.t("mail-test-subject"),
            paragraphs: vec![lang.t_with(
                "mail-test-body",
                &[("address", Arg::Text(self.public_url()))],
            )],
            action: None,
            links: Vec::new(),
            unsubscribe: Vec::new(),
            markdown: None,
            list_unsubscribe: None,
        };
        let mail = self
            .store
            .queue_mail(&letter.to_mail(None, "test", to)?)
            .await?;
        self.mail_queued();
        Ok(mail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hebrew_message_reads_right_to_left_and_escapes_what_it_is_given() {
        let letter = Letter {
            lang: Lang::He,
            initiative: "קהילת <מדע>",
            subject: "נושא".into(),
            heading: "שלום".into(),
            paragraphs: vec!["פסקה & עוד".into()],
            action: Some((
                "להצטרפות".into(),
                "https://k.example/invitation?key=abc".into(),
            )),
            links: Vec::new(),
            unsubscribe: vec![("הפסקה".into(), "https://k.example/unsubscribe?key=u".into())],
            markdown: None,
            list_unsubscribe: None,
        };
        let mail = letter.to_mail(None, "test", "a@example.org").unwrap();
        assert!(mail.html_body.contains("dir=\"rtl\""));
        assert!(mail.html_body.contains("lang=\"he\""));
        assert!(
            mail.html_body.contains("קהילת &#60;מדע&#62;")
                || mail.html_body.contains("קהילת &lt;מדע&gt;")
        );
        assert!(!mail.html_body.contains("<מדע>"));
        assert!(
            mail.text_body.contains("קהילת <מדע>"),
            "text is not escaped"
        );
        assert!(
            mail.text_body
                .contains("https://k.example/invitation?key=abc")
        );
    }

    #[test]
    fn retries_space_out_and_then_stop() {
        assert_eq!(retry_after(0), Some(Duration::minutes(1)));
        assert!(retry_after(4) > retry_after(3));
        assert_eq!(retry_after(5), None);
    }
}
