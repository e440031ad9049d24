//! Invitations: the backbone brings a person into the initiative with a role, by a
//! single-use link sent by e-mail that expires after seven days. The link's secret is
//! never stored, only its digest.

use chrono::{Duration, Utc};
use kesher_domain::access::{Grant, Role};
use kesher_domain::lenient;
use kesher_domain::text::{Email, Name, NewPassword};
use kesher_domain::validation::Checker;
use kesher_domain::{InitiativeId, Invalid, InvitationId, OrganizationId};
use kesher_i18n::{Arg, Lang};
use kesher_store::{
    Invitation, InvitationStatus, Invitee, NewInvitation, NewMail, NewUser, StoreError, User,
};
use serde::Deserialize;

use super::mail::Letter;
use crate::accounts::hash_password;
use crate::{Caller, CoreError, CoreResult, Kesher, Secret};

/// How long an invitation's link works.
pub const INVITATION_DAYS: i64 = 7;

/// An invitation as the backbone writes it.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct InvitationForm {
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub email: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = Role)]
    #[schema(required = true)]
    pub role: String,
    /// Required for a partner editor: the organization they will speak for.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub organization_id: String,
    /// The language of the message and of the page it leads to: `he` (the default) or `en`.
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = Option<String>)]
    pub language: String,
}

/// What the invitee answers: their name and a new password, or, when an account with the
/// invited address exists, that account's password.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct AcceptForm {
    pub name: String,
    pub password: String,
}

/// An invitation as its link shows it to the invitee.
#[derive(Clone, Debug)]
pub struct InvitationLink {
    pub invitation: Invitation,
    pub initiative_name: String,
    pub status: InvitationStatus,
    /// An account with the invited address exists: the invitee signs in to accept.
    pub has_account: bool,
}

impl Kesher {
    /// Invites a person (backbone). The invitation and its message are written together.
    pub async fn invite(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        form: &InvitationForm,
    ) -> CoreResult<Invitation> {
        self.require(caller, initiative, |a| a.can_manage_roles())
            .await?;
        let mut c = Checker::new();
        let email = c.check("email", Email::parse(&form.email));
        let role = c.check("role", Role::parse(&form.role));
        let organization = c.check(
            "organization_id",
            lenient::optional_id(&form.organization_id),
        );
        let language = match form.language.trim() {
            "" => Some(Lang::He),
            code => {
                let lang = Lang::parse(code);
                if lang.is_none() {
                    c.push("language", Invalid::Choice);
                }
                lang
            }
        };
        if let (Some(Role::PartnerEditor), Some(None)) = (role, organization) {
            c.push("organization_id", Invalid::Required);
        }
        let (Some(email), Some(role), Some(organization), Some(lang)) =
            (email, role, organization, language)
        else {
            return Err(CoreError::Invalid(c.into_errors()));
        };
        if !c.is_empty() {
            return Err(CoreError::Invalid(c.into_errors()));
        }
        // Someone who already holds a role here needs no invitation; one already invited
        // is sent the same invitation again from the list.
        if let Some(existing) = self.store.user_credentials(&email).await?
            && self
                .store
                .role_in(existing.user.id, initiative)
                .await?
                .is_some()
        {
            return Err(CoreError::invalid("email", Invalid::Taken));
        }
        let now = Utc::now();
        if self
            .store
            .invitations_in(initiative)
            .await?
            .iter()
            .any(|i| i.email == email.as_str() && i.status(now) == InvitationStatus::Pending)
        {
            return Err(CoreError::Conflict {
                message_id: "conflict-already-invited",
            });
        }
        let grant = Grant {
            role,
            organization_id: organization
                .filter(|_| role.names_organization())
                .map(OrganizationId::new),
        };
        let secret = Secret::generate("ki_");
        let expires_at = now + Duration::days(INVITATION_DAYS);
        let initiative_name = self.store.initiative(initiative).await?.name;
        let mail = self.invitation_letter(
            lang,
            &initiative_name,
            &caller.user.name,
            grant,
            &secret,
            email.as_str(),
            initiative,
        )?;
        let invitation = self
            .store
            .create_invitation(
                caller.actor(),
                &NewInvitation {
                    initiative_id: initiative,
                    email: email.as_str().to_string(),
                    grant,
                    language: lang.code().to_string(),
                    invited_by: Some(caller.user.id),
                    digest: secret.digest(),
                    expires_at,
                },
                &mail,
            )
            .await
            .map_err(|e| match e {
                StoreError::NotFound | StoreError::Conflict(_) => {
                    CoreError::invalid("organization_id", Invalid::Choice)
                }
                other => other.into(),
            })?;
        self.mail_queued();
        tracing::info!(invitation.id = %invitation.id, initiative = initiative.get(), "invitation sent");
        Ok(invitation)
    }

    #[allow(clippy::too_many_arguments)]
    fn invitation_letter(
        &self,
        lang: Lang,
        initiative_name: &str,
        inviter: &str,
        grant: Grant,
        secret: &Secret,
        to: &str,
        initiative: InitiativeId,
    ) -> CoreResult<NewMail> {
        let role = lang.t(grant.role.label_id());
        Letter {
            lang,
            initiative: initiative_name,
            subject: lang.t_with(
                "mail-invitation-subject",
                &[("initiative", Arg::from(initiative_name))],
            ),
            heading: lang.t_with(
                "mail-invitation-heading",
                &[("initiative", Arg::from(initiative_name))],
            ),
            paragraphs: vec![
                lang.t_with(
                    "mail-invitation-body",
                    &[
                        ("inviter", Arg::from(inviter)),
                        ("initiative", Arg::from(initiative_name)),
                        ("role", Arg::Text(role)),
                    ],
                ),
                lang.t_with(
                    "mail-invitation-expiry",
                    &[("days", Arg::from(INVITATION_DAYS))],
                ),
            ],
            action: Some((
                lang.t("mail-invitation-action"),
                format!("{}/invitation?key={}", self.public_url(), secret.expose()),
            )),
            links: Vec::new(),
            unsubscribe: Vec::new(),
            markdown: None,
            list_unsubscribe: None,
        }
        .to_mail(Some(initiative), "invitation", to)
    }

    /// An initiative's invitations, newest first (backbone).
    pub async fn invitations(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<Invitation>> {
        self.require(caller, initiative, |a| a.can_manage_roles())
            .await?;
        Ok(self.store.invitations_in(initiative).await?)
    }

    /// One of the initiative's invitations, or `NotFound` (also for another initiative's).
    async fn own_invitation(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        id: InvitationId,
    ) -> CoreResult<Invitation> {
        self.require(caller, initiative, |a| a.can_manage_roles())
            .await?;
        let invitation = self.store.invitation(id).await?;
        if invitation.initiative_id != initiative {
            return Err(CoreError::NotFound);
        }
        Ok(invitation)
    }

    /// Sends a pending or expired invitation again, with a new link valid seven days; the
    /// old link stops working.
    pub async fn resend_invitation(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        id: InvitationId,
    ) -> CoreResult<Invitation> {
        let invitation = self.own_invitation(caller, initiative, id).await?;
        let lang = Lang::parse(&invitation.language).unwrap_or_default();
        let secret = Secret::generate("ki_");
        let initiative_name = self.store.initiative(initiative).await?.name;
        let mail = self.invitation_letter(
            lang,
            &initiative_name,
            &caller.user.name,
            invitation.grant,
            &secret,
            &invitation.email,
            initiative,
        )?;
        let renewed = self
            .store
            .renew_invitation(
                caller.actor(),
                id,
                &secret.digest(),
                Utc::now() + Duration::days(INVITATION_DAYS),
                &mail,
            )
            .await
            .map_err(spent)?;
        self.mail_queued();
        Ok(renewed)
    }

    /// Revokes a pending invitation: its link stops working.
    pub async fn revoke_invitation(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        id: InvitationId,
    ) -> CoreResult<Invitation> {
        self.own_invitation(caller, initiative, id).await?;
        self.store
            .revoke_invitation(caller.actor(), id)
            .await
            .map_err(spent)
    }

    /// What a link leads to; `NotFound` for a link that never was.
    pub async fn invitation_link(&self, secret: &Secret) -> CoreResult<InvitationLink> {
        let invitation = self
            .store
            .invitation_by_digest(&secret.digest())
            .await?
            .ok_or(CoreError::NotFound)?;
        let initiative_name = self.store.initiative(invitation.initiative_id).await?.name;
        let has_account = match Email::parse(&invitation.email) {
            Ok(email) => self.store.user_credentials(&email).await?.is_some(),
            Err(_) => false,
        };
        Ok(InvitationLink {
            status: invitation.status(Utc::now()),
            invitation,
            initiative_name,
            has_account,
        })
    }

    /// Accepts an invitation from its link: a new account with the name and password
    /// given, or the existing account of the invited address, signed in with its password.
    /// Returns the account and a session for it.
    pub async fn accept_invitation(
        &self,
        secret: &Secret,
        form: &AcceptForm,
        client: &str,
    ) -> CoreResult<(User, Secret)> {
        let link = self.invitation_link(secret).await?;
        if link.status != InvitationStatus::Pending {
            return Err(CoreError::Conflict {
                message_id: "conflict-invitation-spent",
            });
        }
        let invitation = link.invitation;
        let invitee = if link.has_account {
            let (user, session) = self
                .sign_in(&invitation.email, &form.password, client)
                .await?;
            self.store
                .accept_invitation(invitation.id, Invitee::Existing(user.id), Utc::now())
                .await
                .map_err(spent)?;
            tracing::info!(invitation.id = %invitation.id, user.id = %user.id, "invitation accepted");
            self.tell_inviter(&invitation, &user).await;
            return Ok((user, session));
        } else {
            let mut c = Checker::new();
            let name = c.check("name", Name::parse(&form.name));
            let password = c.check("password", NewPassword::parse(&form.password));
            let email = Email::parse(&invitation.email)
                .map_err(|_| CoreError::Internal("an invited address no longer parses".into()))?;
            let (Some(name), Some(password)) = (name, password) else {
                return Err(CoreError::Invalid(c.into_errors()));
            };
            Invitee::New(NewUser {
                email,
                name,
                password_hash: hash_password(&password).await?,
                is_admin: false,
                // The invitation's language is the newcomer's until they choose another.
                language: invitation.language.clone(),
            })
        };
        let (user, _) = self
            .store
            .accept_invitation(invitation.id, invitee, Utc::now())
            .await
            .map_err(spent)?;
        tracing::info!(invitation.id = %invitation.id, user.id = %user.id, "invitation accepted");
        self.tell_inviter(&invitation, &user).await;
        let session = self.open_session(&user).await?;
        Ok((user, session))
    }
}

impl Kesher {
    /// Tells whoever sent the invitation that it was accepted (a failure is logged only:
    /// the newcomer is in either way).
    async fn tell_inviter(&self, invitation: &Invitation, newcomer: &User) {
        let Some(inviter) = invitation.invited_by else {
            return;
        };
        let told = async {
            let inviter = self.store.user(inviter).await?;
            let initiative = self.store.initiative(invitation.initiative_id).await?.name;
            self.notify(
                &inviter,
                Some(invitation.initiative_id),
                "invitation_accepted",
                |lang| {
                    lang.t_with(
                        "notify-invitation-accepted",
                        &[
                            ("name", Arg::from(newcomer.name.as_str())),
                            ("initiative", Arg::from(initiative.as_str())),
                        ],
                    )
                },
                format!("/initiatives/{}/invitations", invitation.initiative_id),
            )
            .await
        };
        if let Err(error) = told.await {
            tracing::warn!(%error, invitation.id = %invitation.id, "acceptance not notified");
        }
    }
}

/// An invitation accepted, revoked or expired in the meantime.
fn spent(error: StoreError) -> CoreError {
    match error {
        StoreError::Conflict(kesher_store::Conflict::Transition) => CoreError::Conflict {
            message_id: "conflict-invitation-spent",
        },
        other => other.into(),
    }
}
