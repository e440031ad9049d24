//! Notifications: what a person is told of, by e-mail at once or in a daily digest, as
//! they choose for each kind; and the one-click unsubscribe links their messages carry.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kesher_domain::{InitiativeId, NotificationId, UserId};
use serde::Serialize;

use crate::{Actor, NewMail, SecretDigest, StoreResult};

/// How a person wants one kind of notification.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NotificationMode {
    /// A message for each event (the default).
    #[default]
    Immediate,
    /// One message a day gathering the day's events.
    Daily,
    /// No message.
    Off,
}

impl NotificationMode {
    pub const ALL: [NotificationMode; 3] = [
        NotificationMode::Immediate,
        NotificationMode::Daily,
        NotificationMode::Off,
    ];

    pub fn code(self) -> &'static str {
        match self {
            NotificationMode::Immediate => "immediate",
            NotificationMode::Daily => "daily",
            NotificationMode::Off => "off",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.code() == code.trim())
    }
}

/// A notification to keep.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewNotification {
    pub user_id: UserId,
    pub initiative_id: Option<InitiativeId>,
    /// `value_returned`, `invitation_accepted`…
    pub kind: String,
    /// What happened, in the person's language, one line.
    pub text: String,
    /// Where it is dealt with (a path of this site).
    pub link: String,
}

/// A notification as kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Notification {
    pub id: NotificationId,
    pub user_id: UserId,
    pub initiative_id: Option<InitiativeId>,
    pub kind: String,
    pub text: String,
    pub link: String,
    pub created_at: DateTime<Utc>,
    /// When it went out, alone or in a digest; `None` while it waits for the digest.
    pub mailed_at: Option<DateTime<Utc>>,
}

/// Notifications and the choices about them.
#[async_trait]
pub trait NotificationStore: Send + Sync {
    /// The kinds a person has chosen a mode for (the others are immediate).
    async fn notification_modes(
        &self,
        user: UserId,
    ) -> StoreResult<Vec<(String, NotificationMode)>>;
    async fn set_notification_mode(
        &self,
        actor: Actor,
        user: UserId,
        kind: &str,
        mode: NotificationMode,
    ) -> StoreResult<()>;
    /// Keeps a notification; with `mail` (an immediate one), queues the message and keeps
    /// its unsubscribe link's digest, all in one transaction.
    async fn record_notification(
        &self,
        notification: &NewNotification,
        mail: Option<(&NewMail, &SecretDigest)>,
    ) -> StoreResult<Notification>;
    /// Notifications not yet mailed, oldest first.
    async fn undigested_notifications(&self) -> StoreResult<Vec<Notification>>;
    /// A person's notifications in one initiative since `since`, newest first, at most
    /// `limit`: what their first page shows beside what waits for them.
    async fn recent_notifications(
        &self,
        user: UserId,
        initiative: InitiativeId,
        since: DateTime<Utc>,
        limit: u32,
    ) -> StoreResult<Vec<Notification>>;
    /// Marks a person's notifications mailed and queues the digest that gathers them, with
    /// an unsubscribe link's digest for each kind it holds, in one transaction.
    async fn mark_digested(
        &self,
        ids: &[NotificationId],
        mail: &NewMail,
        unsubscribe: &[(String, SecretDigest)],
        at: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// Whose and which kind an unsubscribe link is.
    async fn unsubscribe_target(
        &self,
        digest: &SecretDigest,
    ) -> StoreResult<Option<(UserId, String)>>;
}
