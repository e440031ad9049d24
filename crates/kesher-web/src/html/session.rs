//! Signing in and out.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Redirect, Response};
use kesher_core::{CoreError, Secret};
use serde::Deserialize;

use crate::AppState;
use crate::context::{Ctx, SESSION_COOKIE, removal, with_session};
use crate::error::AppError;
use crate::forms::{CsrfForm, NoFields, QueryParams};
use crate::html::{render, render_with};
use crate::page::Page;

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    page: Page,
    email: String,
    next: String,
    problem: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct NextQuery {
    #[serde(default)]
    next: String,
}

/// Only a path on this site may follow sign-in, never another site. Browsers drop tabs and
/// newlines from an address and read a backslash as a slash, so `/%09/evil.example` is
/// another site to them: the path is judged after decoding, and anything doubtful goes home.
fn safe_next(next: &str) -> String {
    let decoded: String =
        form_urlencoded::parse(format!("n={}", next.replace('+', "%2B")).as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())
            .unwrap_or_default();
    let same_site = |path: &str| {
        path.starts_with('/')
            && !path[1..].starts_with(['/', '\\'])
            && !path.contains('\\')
            && !path.chars().any(char::is_control)
    };
    // A header carries visible ASCII only; anything else would make the redirect fail.
    let printable = next.chars().all(|c| c.is_ascii_graphic());
    if printable && same_site(next) && same_site(&decoded) {
        next.to_string()
    } else {
        "/".to_string()
    }
}

/// `GET /login`
pub async fn show_login(
    ctx: Ctx,
    QueryParams(query): QueryParams<NextQuery>,
) -> Result<Response, AppError> {
    if ctx.caller.is_some() {
        return Ok(Redirect::to(&safe_next(&query.next)).into_response());
    }
    render(&LoginPage {
        page: Page::new(&ctx, ctx.lang.t("sign-in-title")),
        email: String::new(),
        next: safe_next(&query.next),
        problem: None,
    })
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

/// `POST /login`
pub async fn create_session(
    ctx: Ctx,
    State(state): State<AppState>,
    CsrfForm(form): CsrfForm<LoginForm>,
) -> Result<Response, AppError> {
    match state
        .kesher
        .sign_in(&form.email, &form.password, &ctx.client)
        .await
    {
        Ok((_, secret)) => Ok(with_session(
            Redirect::to(&safe_next(&form.next)).into_response(),
            &ctx,
            &secret,
        )),
        Err(error @ (CoreError::BadCredentials | CoreError::TooManyAttempts { .. })) => {
            let (status, problem) = match &error {
                CoreError::TooManyAttempts {
                    retry_after_seconds,
                } => (
                    StatusCode::TOO_MANY_REQUESTS,
                    crate::html::errors::wait_explained(ctx.lang, *retry_after_seconds),
                ),
                _ => (
                    StatusCode::UNAUTHORIZED,
                    ctx.lang.t("error-bad-credentials"),
                ),
            };
            let mut response = render_with(
                status,
                &LoginPage {
                    page: Page::new(&ctx, ctx.lang.t("sign-in-title")),
                    email: form.email,
                    next: safe_next(&form.next),
                    problem: Some(problem),
                },
            )?;
            if let CoreError::TooManyAttempts {
                retry_after_seconds,
            } = error
            {
                response.headers_mut().insert(
                    axum::http::header::RETRY_AFTER,
                    axum::http::HeaderValue::from(retry_after_seconds),
                );
            }
            Ok(response)
        }
        Err(other) => Err(other.into()),
    }
}

/// `POST /logout`
pub async fn delete_session(
    ctx: Ctx,
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let session = headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| {
            cookie::Cookie::split_parse(v.to_string())
                .filter_map(Result::ok)
                .collect::<Vec<_>>()
        })
        .find(|c| c.name() == SESSION_COOKIE);
    if let Some(session) = session {
        state
            .kesher
            .sign_out(&Secret::from_client(session.value()))
            .await?;
    }
    let mut response = Redirect::to("/login").into_response();
    response
        .headers_mut()
        .append(SET_COOKIE, removal(SESSION_COOKIE, ctx.secure));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn sign_in_never_sends_people_to_another_site() {
        assert_eq!(safe_next("/initiatives/1"), "/initiatives/1");
        assert_eq!(
            safe_next("/initiatives/1/measurement?by=goal"),
            "/initiatives/1/measurement?by=goal"
        );
        for outside in [
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "/%09/evil.example",
            "/%5Cevil.example",
            "/%2F/evil.example",
            "/\t/evil.example",
            "/x%0D%0ASet-Cookie:a=b",
            "/x\r\nLocation: //evil.example",
            "/\u{5d0}",
            "",
            "javascript:x",
        ] {
            assert_eq!(safe_next(outside), "/", "{outside}");
        }
    }
}
