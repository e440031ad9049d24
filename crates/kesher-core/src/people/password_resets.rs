//! Forgotten passwords: a link by e-mail, valid one hour and used once, stored as its
//! digest. Asking answers the same whether or not the address is known.

use chrono::{Duration, Utc};
use kesher_domain::text::{Email, NewPassword};
use kesher_i18n::{Arg, Lang};
use kesher_store::StoreError;

use super::mail::Letter;
use crate::accounts::hash_password;
use crate::{CoreError, CoreResult, Kesher, Secret};

/// How long a reset link works.
pub const RESET_MINUTES: i64 = 60;

impl Kesher {
    /// Sends a reset link to the account with this address, if there is one and it is not
    /// disabled, in the account's language (`lang`, the page's, only if it has none). Says nothing either way: the page must not reveal who has an account.
    pub async fn request_password_reset(&self, email: &str, lang: Lang) -> CoreResult<()> {
        let Ok(email) = Email::parse(email) else {
            return Ok(());
        };
        let Some(account) = self.store.user_credentials(&email).await? else {
            tracing::info!("password reset asked for an unknown address");
            return Ok(());
        };
        if account.user.disabled_at.is_some() {
            return Ok(());
        }
        // The account's own language, whatever the page it was asked from.
        let lang = Lang::parse(&account.user.language).unwrap_or(lang);
        let secret = Secret::generate("kr_");
        let letter = Letter {
            lang,
            initiative: "",
            subject: lang.t("mail-reset-subject"),
            heading: lang.t("mail-reset-subject"),
            paragraphs: vec![
                lang.t_with(
                    "mail-reset-body",
                    &[("name", Arg::from(account.user.name.as_str()))],
                ),
                lang.t_with(
                    "mail-reset-expiry",
                    &[("minutes", Arg::from(RESET_MINUTES))],
                ),
            ],
            action: Some((
                lang.t("mail-reset-action"),
                format!(
                    "{}/password/reset?key={}",
                    self.public_url(),
                    secret.expose()
                ),
            )),
            links: Vec::new(),
            unsubscribe: Vec::new(),
            markdown: None,
            list_unsubscribe: None,
        };
        let mail = letter.to_mail(None, "password_reset", email.as_str())?;
        self.store
            .create_password_reset(
                account.user.id,
                &secret.digest(),
                Utc::now() + Duration::minutes(RESET_MINUTES),
                &mail,
            )
            .await?;
        self.mail_queued();
        tracing::info!(user.id = %account.user.id, "password reset sent");
        Ok(())
    }

    /// Whether a reset link is live, so its page can say so before asking for a password.
    pub async fn password_reset_is_live(&self, secret: &Secret) -> CoreResult<bool> {
        Ok(self
            .store
            .password_reset_user(&secret.digest(), Utc::now())
            .await?
            .is_some())
    }

    /// Sets a new password through a live reset link; the account's sessions end.
    pub async fn reset_password(&self, secret: &Secret, password: &str) -> CoreResult<()> {
        let password =
            NewPassword::parse(password).map_err(|e| CoreError::invalid("password", e))?;
        let hash = hash_password(&password).await?;
        match self
            .store
            .use_password_reset(&secret.digest(), Utc::now(), &hash)
            .await
        {
            Ok(user) => {
                tracing::info!(user.id = %user, "password reset used");
                Ok(())
            }
            Err(StoreError::NotFound) => Err(CoreError::Conflict {
                message_id: "conflict-reset-spent",
            }),
            Err(other) => Err(other.into()),
        }
    }
}
