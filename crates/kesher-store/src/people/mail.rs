//! The outbox: every message Kesher sends is queued here, in the same transaction as the
//! event that causes it, and a worker sends it later, so a page never waits on a mail
//! server and nothing is lost when one is down.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kesher_domain::{InitiativeId, MailId};
use serde::Serialize;

use crate::StoreResult;

/// A message to queue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewMail {
    /// The initiative the message is about, if any (a password reset is about none).
    pub initiative_id: Option<InitiativeId>,
    /// What kind of message: `invitation`, `password_reset`, `test`.
    pub kind: String,
    pub to_address: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    /// The one-click unsubscribe address for a `List-Unsubscribe` header, when the message
    /// is of one kind a person can stop.
    pub list_unsubscribe: Option<String>,
    /// A calendar object to attach (`text/calendar`), with its iCalendar `METHOD`
    /// (`REQUEST`, `CANCEL`): an invitation a calendar program can add and answer.
    pub calendar: Option<MailCalendar>,
}

/// An iCalendar object a message carries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MailCalendar {
    pub method: String,
    pub text: String,
}

/// A message in the outbox.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mail {
    pub id: MailId,
    pub initiative_id: Option<InitiativeId>,
    pub kind: String,
    pub to_address: String,
    pub subject: String,
    /// Emptied once the message is sent: it may carry a one-time link, which is kept only
    /// while someone may still need to read it from the outbox.
    pub text_body: String,
    pub html_body: String,
    /// Emptied with the bodies once sent.
    pub list_unsubscribe: Option<String>,
    /// Emptied with the bodies once sent.
    pub calendar: Option<MailCalendar>,
    pub created_at: DateTime<Utc>,
    pub attempts: i64,
    /// When the worker tries next; `None` once it is sent or given up.
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub sent_at: Option<DateTime<Utc>>,
    /// Why the last try failed, in the mail server's words.
    pub last_error: Option<String>,
}

/// The outbox.
#[async_trait]
pub trait MailStore: Send + Sync {
    /// Queues a message on its own (a test message); messages caused by an event are
    /// queued by that event's own write.
    async fn queue_mail(&self, mail: &NewMail) -> StoreResult<Mail>;
    /// Messages due to be tried at `now`, oldest first.
    async fn due_mail(&self, now: DateTime<Utc>, limit: u32) -> StoreResult<Vec<Mail>>;
    /// Marks a message sent and empties its bodies.
    async fn mark_mail_sent(&self, id: MailId, at: DateTime<Utc>) -> StoreResult<()>;
    /// Counts a failed try; `retry_at` is when to try again, `None` to give up.
    async fn mark_mail_failed(
        &self,
        id: MailId,
        error: &str,
        retry_at: Option<DateTime<Utc>>,
    ) -> StoreResult<()>;
    /// The newest messages, of one initiative or (`None`) of all, newest first.
    async fn outbox(&self, initiative: Option<InitiativeId>, limit: u32) -> StoreResult<Vec<Mail>>;
}
