//! The signed-in user's own account: who they are, the roles they hold, and their API
//! tokens (made, listed with their last use and expiry, revoked).

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use kesher_core::CoreError;
use kesher_core::accounts::{
    EmailChangeForm, PasswordChangeForm, ProfileForm, TOKEN_DAYS, TokenForm,
};
use kesher_domain::ApiTokenId;
use kesher_store::{ApiToken, RoleGrant};

use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, NoFields, Params};
use crate::html::{render_with, saved};
use crate::page::Page;

const LABELS: &[(&str, &str)] = &[
    ("name", "token-name"),
    ("expires_in_days", "token-expires-in-days"),
];

#[derive(Template)]
#[template(path = "account/show.html")]
struct AccountPage {
    page: Page,
    roles: Vec<(String, RoleGrant)>,
    tokens: Vec<ApiToken>,
    form: TokenForm,
    errors: FormErrors,
    profile: ProfileForm,
    profile_errors: FormErrors,
    password_errors: FormErrors,
    /// The new address as typed, kept when the change is refused.
    new_email: String,
    email_errors: FormErrors,
    languages: Vec<crate::html::Choice>,
    /// Each kind of notification: its code, its name, and the mode chosen.
    notifications: Vec<(&'static str, String, &'static str)>,
    modes: Vec<crate::html::Choice>,
    /// A token just made: its secret, shown this once.
    new_secret: Option<String>,
}

impl AccountPage {
    fn expired(&self, token: &ApiToken) -> bool {
        token.expires_at.is_some_and(|at| at <= chrono::Utc::now())
    }
}

/// What the account page shows besides the token form: the details form as sent (or as
/// stored) and the problems of whichever form was sent.
#[derive(Default)]
struct OtherForms {
    profile: Option<ProfileForm>,
    profile_errors: FormErrors,
    password_errors: FormErrors,
    new_email: String,
    email_errors: FormErrors,
}

async fn account_page(
    state: &AppState,
    ctx: &Ctx,
    form: TokenForm,
    errors: FormErrors,
    new_secret: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    account_page_with(
        state,
        ctx,
        form,
        errors,
        new_secret,
        status,
        OtherForms::default(),
    )
    .await
}

async fn account_page_with(
    state: &AppState,
    ctx: &Ctx,
    form: TokenForm,
    errors: FormErrors,
    new_secret: Option<String>,
    status: StatusCode,
    other: OtherForms,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let profile = other.profile.unwrap_or_else(|| ProfileForm {
        full_name: caller.user.name.clone(),
        language: caller.user.language.clone(),
    });
    let notifications = state
        .kesher
        .notification_choices(caller)
        .await?
        .into_iter()
        .map(|(kind, mode)| {
            (
                kind,
                ctx.lang
                    .t(&kesher_core::people::notifications::kind_label_id(kind)),
                mode.code(),
            )
        })
        .collect();
    let modes = kesher_store::NotificationMode::ALL
        .iter()
        .map(|m| crate::html::Choice {
            value: m.code().to_string(),
            label: ctx.lang.t(&format!("notification-mode-{}", m.code())),
        })
        .collect();
    let languages = crate::html::language_choices(ctx.lang);
    let initiatives = state.kesher.visible_initiatives(caller).await?;
    let roles = state
        .kesher
        .own_roles(caller)
        .await?
        .into_iter()
        .map(|grant| {
            let name = initiatives
                .iter()
                .find(|i| i.id == grant.initiative_id)
                .map(|i| i.name.clone())
                .unwrap_or_default();
            (name, grant)
        })
        .collect();
    let tokens = state.kesher.own_tokens(caller).await?;
    render_with(
        status,
        &AccountPage {
            page: Page::new(ctx, ctx.lang.t("account-title")),
            roles,
            tokens,
            form,
            errors,
            new_secret,
            profile,
            profile_errors: other.profile_errors,
            password_errors: other.password_errors,
            new_email: other.new_email,
            email_errors: other.email_errors,
            languages,
            notifications,
            modes,
        },
    )
}

/// `GET /account`
pub async fn show_account(ctx: Ctx, State(state): State<AppState>) -> Result<Response, AppError> {
    let form = fresh_token_form();
    account_page(
        &state,
        &ctx,
        form,
        FormErrors::default(),
        None,
        StatusCode::OK,
    )
    .await
}

/// `POST /account/tokens`: the page again, with the new token's secret shown once (it is
/// never stored, so it cannot be shown after a redirect).
pub async fn create_token(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(form): CsrfForm<TokenForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    match state.kesher.create_own_token(caller, &form).await {
        Ok((_, secret)) => {
            let fresh = fresh_token_form();
            let secret = Some(secret.expose().to_string());
            account_page(
                &state,
                &ctx,
                fresh,
                FormErrors::default(),
                secret,
                StatusCode::OK,
            )
            .await
        }
        Err(CoreError::Invalid(errors)) => {
            let errors = FormErrors::new(ctx.lang, &errors, LABELS);
            account_page(
                &state,
                &ctx,
                form,
                errors,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

/// `POST /account/tokens/{token}/revoke`
pub async fn revoke_token(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(token): Params<ApiTokenId>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    state.kesher.revoke_own_token(ctx.caller()?, token).await?;
    Ok(saved(&ctx, "/account", "flash-token-revoked"))
}

/// `POST /account/profile`: the caller's name and language.
pub async fn update_profile(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(form): CsrfForm<ProfileForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    match state.kesher.update_own_account(caller, &form).await {
        Ok(user) => {
            // The page opens in the chosen language from now on.
            let mut response = saved(&ctx, "/account", "flash-profile-saved");
            response.headers_mut().append(
                axum::http::header::SET_COOKIE,
                crate::context::cookie(
                    crate::context::LANG_COOKIE,
                    user.language,
                    ctx.secure,
                    Some(365),
                ),
            );
            Ok(response)
        }
        Err(CoreError::Invalid(errors)) => {
            let other = OtherForms {
                profile_errors: FormErrors::new(
                    ctx.lang,
                    &errors,
                    &[
                        ("full_name", "field-user-name"),
                        ("language", "field-language"),
                    ],
                ),
                profile: Some(form),
                ..OtherForms::default()
            };
            refused(&state, &ctx, other).await
        }
        Err(other) => Err(other.into()),
    }
}

/// `POST /account/email`: a new address, confirmed with the current password.
pub async fn change_email(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(form): CsrfForm<EmailChangeForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    match state.kesher.change_own_email(caller, &form).await {
        Ok(_) => Ok(saved(&ctx, "/account", "flash-email-changed")),
        Err(CoreError::Invalid(errors)) => {
            let other = OtherForms {
                email_errors: FormErrors::new(
                    ctx.lang,
                    &errors,
                    &[
                        ("new_email", "field-new-email"),
                        ("email_password", "field-current-password"),
                    ],
                ),
                new_email: form.new_email,
                ..OtherForms::default()
            };
            refused(&state, &ctx, other).await
        }
        Err(other) => Err(other.into()),
    }
}

/// `POST /account/password`: a new password; the other sessions end, this one is renewed.
pub async fn change_password(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(form): CsrfForm<PasswordChangeForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    match state.kesher.change_own_password(caller, &form).await {
        Ok(session) => Ok(crate::context::with_session(
            saved(&ctx, "/account", "flash-password-changed"),
            &ctx,
            &session,
        )),
        Err(CoreError::Invalid(errors)) => {
            let other = OtherForms {
                password_errors: FormErrors::new(
                    ctx.lang,
                    &errors,
                    &[
                        ("current_password", "field-current-password"),
                        ("new_password", "field-new-password"),
                    ],
                ),
                ..OtherForms::default()
            };
            refused(&state, &ctx, other).await
        }
        Err(other) => Err(other.into()),
    }
}

/// The account page again after the details or password form was refused (422), with
/// that form's problems and a fresh token form.
async fn refused(state: &AppState, ctx: &Ctx, other: OtherForms) -> Result<Response, AppError> {
    account_page_with(
        state,
        ctx,
        fresh_token_form(),
        FormErrors::default(),
        None,
        StatusCode::UNPROCESSABLE_ENTITY,
        other,
    )
    .await
}

fn fresh_token_form() -> TokenForm {
    TokenForm {
        expires_in_days: TOKEN_DAYS.to_string(),
        ..TokenForm::default()
    }
}

/// `POST /account/notifications`: `mode.<kind>` for each kind of notification.
pub async fn update_notifications(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let choices: Vec<(String, String)> = pairs
        .into_iter()
        .filter_map(|(name, value)| name.strip_prefix("mode.").map(|k| (k.to_string(), value)))
        .collect();
    state
        .kesher
        .set_notification_choices(ctx.caller()?, &choices)
        .await?;
    Ok(saved(&ctx, "/account", "flash-notifications-saved"))
}
