//! Accounts: passwords (argon2id), sign-in with throttling, sessions and API tokens (kept
//! as SHA-256 digests), the instance admin's user list, and roles in an initiative.

use std::time::Instant;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use base64::Engine;
use chrono::{Duration, Utc};
use kesher_domain::access::{Grant, Role};
use kesher_domain::text::{Email, Name, NewPassword};
use kesher_domain::validation::Checker;
use kesher_domain::{
    ApiTokenId, FieldError, InitiativeId, Invalid, OrganizationId, UserId, lenient,
};
use kesher_store::{Actor, ApiToken, NewUser, RoleGrant, SecretDigest, User};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::{CoreError, CoreResult, Kesher};

/// How long a session lasts without signing in again.
pub const SESSION_DAYS: i64 = 14;

/// Someone signed in: the user behind a session or an API token.
#[derive(Clone, Debug)]
pub struct Caller {
    pub user: User,
}

impl Caller {
    pub fn actor(&self) -> Actor {
        Actor::user(self.user.id)
    }

    pub fn is_admin(&self) -> bool {
        self.user.is_admin
    }
}

/// A secret handed to a client once (a session cookie, an API token). `Debug` hides it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// 32 random bytes, URL-safe base64, with a prefix that says what it is.
    pub(crate) fn generate(prefix: &str) -> Self {
        let bytes: [u8; 32] = rand::random();
        Self(format!(
            "{prefix}{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
        ))
    }

    pub fn from_client(raw: &str) -> Self {
        Self(raw.to_string())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    /// What the store keeps instead of the secret.
    pub fn digest(&self) -> SecretDigest {
        SecretDigest(hex::encode(Sha256::digest(self.0.as_bytes())))
    }

    /// A value derived from this secret for another purpose (the CSRF token of a session),
    /// which reveals nothing about the secret itself.
    pub fn derive(&self, purpose: &str) -> String {
        let mut hasher = Sha256::new();
        hasher.update(purpose.as_bytes());
        hasher.update([0]);
        hasher.update(self.0.as_bytes());
        hex::encode(hasher.finalize())
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// Password hashes running at once. Each takes about 19 MiB and a core's worth of time, so
/// a crowd of sign-ins queues here instead of taking the server's memory and threads.
static HASHING: std::sync::LazyLock<tokio::sync::Semaphore> = std::sync::LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    tokio::sync::Semaphore::new(cores)
});

async fn hashing_turn() -> CoreResult<tokio::sync::SemaphorePermit<'static>> {
    HASHING
        .acquire()
        .await
        .map_err(|e| CoreError::Internal(format!("password hashing closed: {e}")))
}

/// Hashes a password with argon2id and a fresh salt. Slow on purpose: run off the runtime,
/// one per core at most.
pub async fn hash_password(password: &NewPassword) -> CoreResult<String> {
    let password = password.expose().to_string();
    let _turn = hashing_turn().await?;
    tokio::task::spawn_blocking(move || {
        let salt_bytes: [u8; 16] = rand::random();
        let salt = SaltString::encode_b64(&salt_bytes)
            .map_err(|e| CoreError::Internal(format!("salt encoding failed: {e}")))?;
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| CoreError::Internal(format!("password hashing failed: {e}")))
    })
    .await
    .map_err(|e| CoreError::Internal(e.to_string()))?
}

async fn verify_password(password: &str, hash: &str) -> bool {
    let password = password.to_string();
    let hash = hash.to_string();
    let Ok(_turn) = hashing_turn().await else {
        return false;
    };
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

/// A hash no password matches, verified when the account does not exist so that a wrong
/// address takes as long as a wrong password.
const DECOY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0dd4nY4SdJ2CChqqvQwG2jDCyu6VpZ1Bf2rLrbdJHik";

/// An address as a log line may show it: the first letter of the mailbox and the domain
/// (`d***@example.org`), enough to tell a pattern, not enough to name the person.
pub(crate) fn masked(email: &str) -> String {
    let email = email.trim();
    match email.rsplit_once('@') {
        Some((mailbox, domain)) => {
            let first: String = mailbox
                .chars()
                .take(1)
                .filter(|c| !c.is_control())
                .collect();
            let domain: String = domain
                .chars()
                .filter(|c| !c.is_control())
                .take(64)
                .collect();
            format!("{first}***@{domain}")
        }
        None => "***".to_string(),
    }
}

/// How long a new API token lives unless its maker says otherwise, and the longest allowed.
pub const TOKEN_DAYS: i64 = 365;
pub const TOKEN_DAYS_MAX: i64 = 5 * 365;

/// A token as its owner asks for it on the account page or through the API.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct TokenForm {
    /// A name to recognise it by ("the municipal dashboard").
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub name: String,
    /// Days until it expires (1–1825; a year when left out).
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub expires_in_days: String,
}

/// A token's checked name and its expiry `days` from now.
fn token_terms(name: &str, days: i64) -> CoreResult<(String, chrono::DateTime<Utc>)> {
    let name = Name::parse(name)
        .map_err(|p| CoreError::invalid("name", p))?
        .into_string();
    if !(1..=TOKEN_DAYS_MAX).contains(&days) {
        return Err(CoreError::invalid(
            "expires_in_days",
            Invalid::Range {
                min: 1,
                max: TOKEN_DAYS_MAX,
            },
        ));
    }
    Ok((name, Utc::now() + Duration::days(days)))
}

/// A new account as the admin types it.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct UserForm {
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub email: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub name: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub password: String,
    /// "true"/"on" for an instance admin.
    #[serde(deserialize_with = "lenient::boolean")]
    #[schema(value_type = bool)]
    pub is_admin: String,
}

/// The caller's own details.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ProfileForm {
    /// The account's name (named so apart from the token form's `name` on the same page).
    pub full_name: String,
    /// `he` or `en`.
    pub language: String,
}

/// A new e-mail address, with the current password.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct EmailChangeForm {
    pub new_email: String,
    pub email_password: String,
}

/// A new password, with the current one.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct PasswordChangeForm {
    pub current_password: String,
    pub new_password: String,
}

/// A role as the backbone grants it.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct RoleForm {
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub email: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = Role)]
    #[schema(required = true)]
    pub role: String,
    /// Required for a partner editor: the organization they speak for.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub organization_id: String,
}

impl Kesher {
    /// Signs in with e-mail and password; `client` is the caller's network address, for
    /// throttling only. Returns the session secret for the cookie.
    pub async fn sign_in(
        &self,
        email: &str,
        password: &str,
        client: &str,
    ) -> CoreResult<(User, Secret)> {
        let attempt = match self.throttle.begin(email, client, Instant::now()) {
            Ok(attempt) => attempt,
            Err(retry_after_seconds) => {
                tracing::warn!(
                    account = %masked(email),
                    retry_after_seconds,
                    "sign-in throttled"
                );
                return Err(CoreError::TooManyAttempts {
                    retry_after_seconds,
                });
            }
        };
        let credentials = match Email::parse(email) {
            Ok(email) => self.store.user_credentials(&email).await?,
            Err(_) => None,
        };
        let hash = credentials
            .as_ref()
            .map(|c| c.password_hash.as_str())
            .unwrap_or(DECOY_HASH);
        let matches = verify_password(password, hash).await;
        let known = credentials.is_some();
        let disabled = credentials
            .as_ref()
            .is_some_and(|c| c.user.disabled_at.is_some());
        if matches && disabled {
            tracing::warn!(account = %masked(email), "sign-in of a disabled account refused");
            return Err(CoreError::BadCredentials);
        }
        let Some(credentials) = credentials.filter(|_| matches) else {
            tracing::warn!(account = %masked(email), known, "sign-in failed");
            return Err(CoreError::BadCredentials);
        };
        self.throttle.succeeded(attempt);
        tracing::info!(user.id = %credentials.user.id, "signed in");
        let secret = self.open_session(&credentials.user).await?;
        Ok((credentials.user, secret))
    }

    /// A new session for an account that has just proved who it is.
    pub(crate) async fn open_session(&self, user: &User) -> CoreResult<Secret> {
        let secret = Secret::generate("ks_");
        self.store
            .create_session(
                &secret.digest(),
                user.id,
                Utc::now() + Duration::days(SESSION_DAYS),
            )
            .await?;
        Ok(secret)
    }

    /// The user behind a session cookie, if the session is live.
    pub async fn session_caller(&self, secret: &Secret) -> CoreResult<Option<Caller>> {
        Ok(self
            .store
            .session_user(&secret.digest(), Utc::now())
            .await?
            .map(|user| Caller { user }))
    }

    /// The user behind a live API token. Its use is noted at most once an hour, so that
    /// reading through the API does not write on every request.
    pub async fn token_caller(&self, secret: &Secret) -> CoreResult<Option<Caller>> {
        let now = Utc::now();
        let Some((user, token)) = self.store.api_token_user(&secret.digest(), now).await? else {
            return Ok(None);
        };
        let stale = token
            .last_used_at
            .is_none_or(|at| now - at > Duration::hours(1));
        if stale && let Err(error) = self.store.mark_api_token_used(token.id, now).await {
            // Busy behind an import, say: the request goes on; the next use notes it.
            tracing::debug!(%error, "a token's last use was not noted");
        }
        Ok(Some(Caller { user }))
    }

    pub async fn sign_out(&self, secret: &Secret) -> CoreResult<()> {
        Ok(self.store.delete_session(&secret.digest()).await?)
    }

    /// Housekeeping: forget expired sessions and abandoned import previews.
    pub async fn sweep(&self) -> CoreResult<()> {
        let now = Utc::now();
        self.store.delete_expired_sessions(now).await?;
        self.store
            .delete_import_drafts_before(now - Duration::days(1))
            .await?;
        Ok(())
    }

    /// Creates an account. Only an instance admin may, except for the command line (`None`).
    pub async fn create_user(&self, caller: Option<&Caller>, form: &UserForm) -> CoreResult<User> {
        let actor = match caller {
            Some(caller) if caller.is_admin() => caller.actor(),
            Some(_) => return Err(CoreError::Forbidden),
            None => Actor::system(),
        };
        let mut c = Checker::new();
        let email = c.check("email", Email::parse(&form.email));
        let name = c.check("name", Name::parse(&form.name));
        let password = c.check("password", NewPassword::parse(&form.password));
        let (Some(email), Some(name), Some(password)) = (email, name, password) else {
            return Err(CoreError::Invalid(c.into_errors()));
        };
        let password_hash = hash_password(&password).await?;
        let user = self
            .store
            .create_user(
                actor,
                NewUser {
                    email,
                    name,
                    password_hash,
                    is_admin: kesher_domain::lenient::truthy(&form.is_admin),
                    language: "he".into(),
                },
            )
            .await?;
        tracing::info!(user.id = %user.id, "account created");
        Ok(user)
    }

    /// Changes the caller's own name and language.
    pub async fn update_own_account(
        &self,
        caller: &Caller,
        form: &ProfileForm,
    ) -> CoreResult<User> {
        let mut c = Checker::new();
        let name = c.check("full_name", Name::parse(&form.full_name));
        let language = kesher_i18n::Lang::parse(form.language.trim());
        if language.is_none() {
            c.push("language", Invalid::Choice);
        }
        let (Some(name), Some(language)) = (name, language) else {
            return Err(CoreError::Invalid(c.into_errors()));
        };
        Ok(self
            .store
            .update_profile(caller.actor(), caller.user.id, &name, language.code())
            .await?)
    }

    /// Moves the caller's account to a new e-mail address. The current password is
    /// required (a session left open on a shared computer must not be enough to take the
    /// account over), and the old address is told, in the same write, so that its owner
    /// notices a change they did not make.
    pub async fn change_own_email(
        &self,
        caller: &Caller,
        form: &EmailChangeForm,
    ) -> CoreResult<User> {
        let mut c = Checker::new();
        let new = c.check("new_email", Email::parse(&form.new_email));
        let old = Email::parse(&caller.user.email)
            .map_err(|_| CoreError::Internal("a stored address no longer parses".into()))?;
        let hash = self
            .store
            .user_credentials(&old)
            .await?
            .map(|c| c.password_hash)
            .unwrap_or_else(|| DECOY_HASH.to_string());
        if !verify_password(&form.email_password, &hash).await {
            c.push("email_password", Invalid::WrongPassword);
        }
        let Some(new) = new.filter(|_| c.is_empty()) else {
            return Err(CoreError::Invalid(c.into_errors()));
        };
        if new.as_str() == old.as_str() {
            return Ok(caller.user.clone());
        }
        let lang = kesher_i18n::Lang::parse(&caller.user.language).unwrap_or_default();
        let notice = crate::people::mail::Letter {
            lang,
            initiative: "",
            subject: lang.t("mail-email-changed-subject"),
            heading: lang.t("mail-email-changed-subject"),
            paragraphs: vec![
                lang.t_with(
                    "mail-email-changed-body",
                    &[
                        ("name", kesher_i18n::Arg::from(caller.user.name.as_str())),
                        ("email", kesher_i18n::Arg::from(new.as_str())),
                    ],
                ),
                lang.t("mail-email-changed-not-you"),
            ],
            action: None,
            links: Vec::new(),
            unsubscribe: Vec::new(),
            markdown: None,
            list_unsubscribe: None,
        }
        .to_mail(None, "email_changed", old.as_str())?;
        let moved = self
            .store
            .change_email(caller.actor(), caller.user.id, &new, &notice)
            .await
            .map_err(|e| match e {
                kesher_store::StoreError::Conflict(kesher_store::Conflict::UserEmailTaken) => {
                    CoreError::invalid("new_email", Invalid::Taken)
                }
                other => other.into(),
            })?;
        self.mail_queued();
        tracing::info!(user.id = %caller.user.id, "e-mail address changed");
        Ok(moved)
    }

    /// Changes the caller's own password: the current one is required, every other session
    /// ends, and a fresh session is returned for the browser that asked.
    pub async fn change_own_password(
        &self,
        caller: &Caller,
        form: &PasswordChangeForm,
    ) -> CoreResult<Secret> {
        let mut c = Checker::new();
        let new = c.check("new_password", NewPassword::parse(&form.new_password));
        let email = Email::parse(&caller.user.email)
            .map_err(|_| CoreError::Internal("a stored address no longer parses".into()))?;
        let hash = self
            .store
            .user_credentials(&email)
            .await?
            .map(|c| c.password_hash)
            .unwrap_or_else(|| DECOY_HASH.to_string());
        if !verify_password(&form.current_password, &hash).await {
            c.push("current_password", Invalid::WrongPassword);
        }
        let Some(new) = new.filter(|_| c.is_empty()) else {
            return Err(CoreError::Invalid(c.into_errors()));
        };
        let hash = hash_password(&new).await?;
        self.store
            .set_password(caller.actor(), caller.user.id, &hash)
            .await?;
        tracing::info!(user.id = %caller.user.id, "password changed");
        self.open_session(&caller.user).await
    }

    pub async fn list_users(&self, caller: &Caller) -> CoreResult<Vec<User>> {
        if !caller.is_admin() {
            return Err(CoreError::Forbidden);
        }
        Ok(self.store.list_users().await?)
    }

    /// A token for the account with this address, made on the command line by `operator`
    /// (the audit log names them), valid for `days` days.
    pub async fn create_api_token(
        &self,
        email: &str,
        name: &str,
        days: i64,
        operator: &'static str,
    ) -> CoreResult<Secret> {
        let email = Email::parse(email).map_err(|p| CoreError::invalid("email", p))?;
        let credentials = self
            .store
            .user_credentials(&email)
            .await?
            .ok_or(CoreError::NotFound)?;
        let (name, expires_at) = token_terms(name, days)?;
        let secret = Secret::generate("kt_");
        self.store
            .create_api_token(
                Actor::operator(operator),
                credentials.user.id,
                &name,
                &secret.digest(),
                Some(expires_at),
            )
            .await?;
        Ok(secret)
    }

    /// The caller's own tokens, newest first.
    pub async fn own_tokens(&self, caller: &Caller) -> CoreResult<Vec<ApiToken>> {
        Ok(self.store.api_tokens_of(caller.user.id).await?)
    }

    /// A new token for the caller; its secret is shown once.
    pub async fn create_own_token(
        &self,
        caller: &Caller,
        form: &TokenForm,
    ) -> CoreResult<(ApiToken, Secret)> {
        // A number that does not parse is out of range too; token_terms says so.
        let days = match form.expires_in_days.trim() {
            "" => TOKEN_DAYS,
            raw => raw.parse::<i64>().unwrap_or(0),
        };
        let (name, expires_at) = token_terms(&form.name, days)?;
        let secret = Secret::generate("kt_");
        let token = self
            .store
            .create_api_token(
                caller.actor(),
                caller.user.id,
                &name,
                &secret.digest(),
                Some(expires_at),
            )
            .await?;
        tracing::info!(user.id = %caller.user.id, token.id = %token.id, "API token created");
        Ok((token, secret))
    }

    /// Revokes one of the caller's own tokens; it is refused from then on.
    pub async fn revoke_own_token(&self, caller: &Caller, id: ApiTokenId) -> CoreResult<()> {
        self.store
            .revoke_api_token(caller.actor(), caller.user.id, id)
            .await?;
        tracing::info!(user.id = %caller.user.id, token.id = %id, "API token revoked");
        Ok(())
    }

    /// Disables an account (its sessions and tokens end) or enables it again. Instance
    /// admins only, and never their own account.
    pub async fn set_user_disabled(
        &self,
        caller: &Caller,
        id: UserId,
        disabled: bool,
    ) -> CoreResult<User> {
        if !caller.is_admin() {
            return Err(CoreError::Forbidden);
        }
        if id == caller.user.id {
            return Err(CoreError::Conflict {
                message_id: "conflict-disable-self",
            });
        }
        let user = self
            .store
            .set_user_disabled(caller.actor(), id, disabled)
            .await?;
        tracing::info!(user.id = %id, by = %caller.user.id, disabled, "account access changed");
        Ok(user)
    }

    /// The roles the caller holds, in every initiative.
    pub async fn own_roles(&self, caller: &Caller) -> CoreResult<Vec<RoleGrant>> {
        Ok(self.store.roles_of_user(caller.user.id).await?)
    }

    /// Who holds which role in the initiative.
    pub async fn list_roles(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<RoleGrant>> {
        self.require(caller, initiative, |a| a.can_manage_roles())
            .await?;
        Ok(self.store.roles_in_initiative(initiative).await?)
    }

    /// Gives an existing account a role in the initiative (replacing any role it had there).
    pub async fn grant_role(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &RoleForm,
    ) -> CoreResult<RoleGrant> {
        self.require(caller, initiative, |a| a.can_manage_roles())
            .await?;
        let mut c = Checker::new();
        let email = c.check("email", Email::parse(&form.email));
        let role = c.check("role", Role::parse(&form.role));
        let organization = c.check(
            "organization_id",
            lenient::optional_id(&form.organization_id),
        );
        if let (Some(Role::PartnerEditor), Some(None)) = (role, organization) {
            c.push("organization_id", Invalid::Required);
        }
        let (Some(email), Some(role), Some(organization)) = (email, role, organization) else {
            return Err(CoreError::Invalid(c.into_errors()));
        };
        if !c.is_empty() {
            return Err(CoreError::Invalid(c.into_errors()));
        }
        let user = self
            .store
            .user_credentials(&email)
            .await?
            .ok_or_else(|| CoreError::invalid("email", Invalid::Unknown))?
            .user;
        // Changing one's own role could lock the backbone out of its own initiative.
        if user.id == caller.user.id {
            return Err(CoreError::Conflict {
                message_id: "conflict-own-role",
            });
        }
        // A partner editor's role names their organization, a member's may; no other does.
        let organization_id = organization
            .filter(|_| role.names_organization())
            .map(OrganizationId::new);
        self.store
            .grant_role(
                caller.actor(),
                initiative,
                user.id,
                Grant {
                    role,
                    organization_id,
                },
            )
            .await
            .map_err(|e| match e {
                kesher_store::StoreError::NotFound | kesher_store::StoreError::Conflict(_) => {
                    CoreError::Invalid(vec![FieldError::new("organization_id", Invalid::Choice)])
                }
                other => other.into(),
            })
    }

    /// Grants a role without a caller: the command line and the demo loader.
    pub async fn grant_role_as_system(
        &self,
        initiative: InitiativeId,
        user: UserId,
        grant: Grant,
    ) -> CoreResult<RoleGrant> {
        Ok(self
            .store
            .grant_role(Actor::system(), initiative, user, grant)
            .await?)
    }

    pub async fn revoke_role(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        user: UserId,
    ) -> CoreResult<()> {
        self.require(caller, initiative, |a| a.can_manage_roles())
            .await?;
        if user == caller.user.id {
            return Err(CoreError::Conflict {
                message_id: "conflict-own-role",
            });
        }
        Ok(self
            .store
            .revoke_role(caller.actor(), initiative, user)
            .await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_hide_in_debug_and_derive_stably() {
        let secret = Secret::generate("ks_");
        assert!(secret.expose().starts_with("ks_"));
        assert_eq!(secret.expose().len(), 3 + 43);
        assert_eq!(format!("{secret:?}"), "Secret(…)");
        assert_eq!(secret.derive("csrf"), secret.derive("csrf"));
        assert_ne!(secret.derive("csrf"), secret.derive("other"));
        assert_ne!(secret.digest().0, secret.derive("csrf"));
        assert_ne!(Secret::generate("ks_"), secret);
    }

    #[tokio::test]
    async fn passwords_hash_with_argon2id_and_verify() {
        let password = NewPassword::parse("correct horse battery").unwrap();
        let hash = hash_password(&password).await.unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &hash).await);
        assert!(!verify_password("wrong horse battery", &hash).await);
        assert!(!verify_password("anything", DECOY_HASH).await);
    }
}
