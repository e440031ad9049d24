//! What every request carries: the language, the caller, the CSRF token and a pending
//! flash message; settled once by [`prepare`], read by handlers through [`Ctx`].

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::header::{
    AUTHORIZATION, CACHE_CONTROL, CONTENT_TYPE, COOKIE, SET_COOKIE, STRICT_TRANSPORT_SECURITY,
};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use cookie::{Cookie, SameSite};
use kesher_core::{Caller, CoreError, Secret};
use kesher_i18n::Lang;

use crate::error::{AppError, PendingError};
use crate::{AppState, html, page};

pub const SESSION_COOKIE: &str = "kesher_session";
pub const LANG_COOKIE: &str = "kesher_lang";
pub const ANONYMOUS_COOKIE: &str = "kesher_csrf";
pub const FLASH_COOKIE: &str = "kesher_flash";
/// The header API clients signed in by cookie send their CSRF token in.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The request's context.
#[derive(Clone, Debug)]
pub struct Ctx {
    pub lang: Lang,
    pub caller: Option<Caller>,
    /// The token forms must carry back; derived from the session (or, before sign-in, from
    /// an anonymous cookie) so it cannot be guessed from outside.
    pub csrf: String,
    /// Signed in with an API token rather than a session cookie.
    pub by_token: bool,
    /// A Fluent id left by the previous request (a redirect after a save).
    pub flash: Option<String>,
    /// Path and query of this request, for the language switch and sign-in redirects.
    pub uri: String,
    /// The client's address (the peer, or what a trusted proxy says), for sign-in
    /// throttling only; never logged.
    pub client: String,
    /// The request came over HTTPS (directly or as a proxy reports it).
    pub secure: bool,
}

impl Ctx {
    /// The signed-in caller, or the error that sends a visitor to sign in.
    pub fn caller(&self) -> Result<&Caller, AppError> {
        self.caller
            .as_ref()
            .ok_or(AppError(CoreError::Unauthenticated))
    }

    /// Checks a form's CSRF token.
    pub fn check_csrf(&self, token: Option<&str>) -> Result<(), AppError> {
        match token {
            Some(token) if constant_time_eq(token.as_bytes(), self.csrf.as_bytes()) => Ok(()),
            _ => Err(AppError(CoreError::FormExpired)),
        }
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Ctx>()
            .cloned()
            .ok_or_else(|| AppError(CoreError::Internal("request context missing".into())))
    }
}

fn query_lang(uri: &axum::http::Uri) -> Option<Lang> {
    form_urlencoded::parse(uri.query()?.as_bytes())
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| Lang::parse(&v))
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

fn is_api(path: &str) -> bool {
    path.starts_with("/api/")
}

/// Signs the browser in with `session` (a sign-in, an accepted invitation, a changed
/// password): the session cookie, for as long as a session lasts.
pub fn with_session(
    mut response: axum::response::Response,
    ctx: &Ctx,
    session: &kesher_core::Secret,
) -> axum::response::Response {
    response.headers_mut().append(
        axum::http::header::SET_COOKIE,
        cookie(
            SESSION_COOKIE,
            session.expose().to_string(),
            ctx.secure,
            Some(kesher_core::SESSION_DAYS),
        ),
    );
    response
}

/// A cookie Kesher sets: HttpOnly, SameSite=Lax, path /, Secure over HTTPS.
pub fn cookie(
    name: &'static str,
    value: String,
    secure: bool,
    max_age_days: Option<i64>,
) -> HeaderValue {
    let mut builder = Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure);
    if let Some(days) = max_age_days {
        builder = builder.max_age(cookie_max_age(days));
    }
    HeaderValue::from_str(&builder.build().to_string())
        .unwrap_or_else(|_| HeaderValue::from_static(""))
}

fn cookie_max_age(days: i64) -> cookie::time::Duration {
    cookie::time::Duration::days(days)
}

/// The request's cookies, by name.
struct Jar(Vec<Cookie<'static>>);

impl Jar {
    fn from_headers(headers: &HeaderMap) -> Self {
        let cookies = headers
            .get_all(COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| {
                Cookie::split_parse(v.to_string())
                    .filter_map(Result::ok)
                    .collect::<Vec<_>>()
            })
            .collect();
        Jar(cookies)
    }

    fn get(&self, name: &str) -> Option<&Cookie<'static>> {
        self.0.iter().find(|c| c.name() == name)
    }
}

/// A header that removes a cookie.
pub fn removal(name: &'static str, secure: bool) -> HeaderValue {
    cookie(name, String::new(), secure, Some(0))
}

/// Settles the request's context, runs the handler, and renders any error it returned.
pub async fn prepare(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let jar = Jar::from_headers(request.headers());
    let secure = state.config.always_secure_cookies
        || request
            .headers()
            .get("x-forwarded-proto")
            .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"https"));
    let mut set_cookies: Vec<HeaderValue> = Vec::new();

    let chosen_lang = query_lang(request.uri());
    // The language picked on a page (this request or the cookie) wins; else the
    // account's own (below, once the caller is known); else Hebrew.
    let picked_lang =
        chosen_lang.or_else(|| jar.get(LANG_COOKIE).and_then(|c| Lang::parse(c.value())));
    if let Some(lang) = chosen_lang {
        set_cookies.push(cookie(
            LANG_COOKIE,
            lang.code().to_string(),
            secure,
            Some(365),
        ));
    }

    let kesher = &state.kesher;
    let mut caller = None;
    let mut by_token = false;
    let mut csrf_seed = None;
    // A store that cannot say who is asking must not sign them out: the request fails
    // (logged, as any internal failure), and the cookie stays for the next try.
    let mut lookup_failed = None;
    if let Some(token) = bearer(request.headers()) {
        by_token = true;
        match kesher.token_caller(&Secret::from_client(token)).await {
            Ok(found) => caller = found,
            Err(error) => lookup_failed = Some(error),
        }
    } else if let Some(session) = jar.get(SESSION_COOKIE) {
        let secret = Secret::from_client(session.value());
        match kesher.session_caller(&secret).await {
            Ok(found) => caller = found,
            Err(error) => lookup_failed = Some(error),
        }
        if caller.is_some() || lookup_failed.is_some() {
            csrf_seed = Some(secret);
        } else {
            set_cookies.push(removal(SESSION_COOKIE, secure));
        }
    }
    let csrf_seed = match csrf_seed {
        Some(seed) => seed,
        None => match jar.get(ANONYMOUS_COOKIE) {
            Some(c) if c.value().len() >= 32 => Secret::from_client(c.value()),
            _ => {
                let bytes: [u8; 32] = rand::random();
                let value: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
                set_cookies.push(cookie(ANONYMOUS_COOKIE, value.clone(), secure, None));
                Secret::from_client(&value)
            }
        },
    };
    let flash = jar
        .get(FLASH_COOKIE)
        .map(|c| c.value().to_string())
        .filter(|v| !v.is_empty() && v.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip());
    let forwarded: Vec<&str> = request
        .headers()
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    let client = state.config.client_of(peer, &forwarded);
    let path = request.uri().path().to_string();
    let uri = request
        .uri()
        .path_and_query()
        .map(|p| p.to_string())
        .unwrap_or_else(|| path.clone());
    let method = request.method().clone();
    let lang = picked_lang
        .or_else(|| {
            caller
                .as_ref()
                .and_then(|c: &kesher_core::Caller| Lang::parse(&c.user.language))
        })
        .unwrap_or_default();
    let ctx = Ctx {
        lang,
        caller,
        csrf: csrf_seed.derive("csrf"),
        by_token,
        flash: flash.clone(),
        uri,
        client,
        secure,
    };

    if let Some(error) = lookup_failed {
        let error = match error {
            busy @ CoreError::Busy { .. } => busy,
            other => CoreError::Internal(format!("reading the caller failed: {other}")),
        };
        return finish(
            render_error(&ctx, &path, AppError(error).into_response()),
            set_cookies,
        );
    }

    // API writes signed in by cookie must repeat the CSRF token in a header.
    let writes = !matches!(method, Method::GET | Method::HEAD | Method::OPTIONS);
    if is_api(&path) && writes && ctx.caller.is_some() && !by_token {
        let header = request
            .headers()
            .get(CSRF_HEADER)
            .and_then(|v| v.to_str().ok());
        if let Err(error) = ctx.check_csrf(header) {
            return finish(
                render_error(&ctx, &path, error.into_response()),
                set_cookies,
            );
        }
    }

    request.extensions_mut().insert(ctx.clone());
    let response = next.run(request).await;
    let mut response = render_error(&ctx, &path, response);
    // A flash is shown once: the page that displayed it clears it.
    if flash.is_some() && method == Method::GET && response.status() == StatusCode::OK {
        set_cookies.push(removal(FLASH_COOKIE, secure));
    }
    if response.status() == StatusCode::UNAUTHORIZED && is_api(&path) {
        response
            .headers_mut()
            .insert("www-authenticate", HeaderValue::from_static("Bearer"));
    }
    // What a signed-in user sees may hold personal data: no cache keeps it (a shared
    // computer's browser, a proxy). The embedded assets are the same for everyone.
    if ctx.caller.is_some() && !path.starts_with("/static/") {
        response
            .headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if secure {
        response.headers_mut().insert(
            STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    finish(response, set_cookies)
}

fn finish(mut response: Response, cookies: Vec<HeaderValue>) -> Response {
    for value in cookies {
        response.headers_mut().append(SET_COOKIE, value);
    }
    response
}

/// Replaces a pending error's empty body with a page or a JSON document.
fn render_error(ctx: &Ctx, path: &str, response: Response) -> Response {
    let Some(PendingError(error)) = response.extensions().get::<PendingError>().cloned() else {
        return response;
    };
    let (mut parts, _) = response.into_parts();
    if is_api(path) {
        let body = crate::api::error_body(ctx.lang, &error);
        parts
            .headers
            .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        return Response::from_parts(parts, Body::from(body.to_string()));
    }
    // A visitor who is not signed in goes to the sign-in page, and comes back after.
    if matches!(*error, CoreError::Unauthenticated) {
        let next = form_urlencoded::byte_serialize(ctx.uri.as_bytes()).collect::<String>();
        return Redirect::to(&format!("/login?next={next}")).into_response();
    }
    let page = page::Page::new(ctx, ctx.lang.t(crate::error::message_id_of(&error)));
    let html = html::errors::render(page, &error);
    parts.headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    Response::from_parts(parts, Body::from(html))
}

/// Attaches a one-time message for the next page.
pub fn with_flash(mut response: Response, message_id: &'static str, ctx: &Ctx) -> Response {
    response.headers_mut().append(
        SET_COOKIE,
        cookie(FLASH_COOKIE, message_id.to_string(), ctx.secure, None),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constant_time_comparison() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
    }

    #[test]
    fn cookies_are_http_only_and_lax() {
        let value = cookie(SESSION_COOKIE, "x".into(), true, Some(14));
        let text = value.to_str().unwrap();
        for part in [
            "HttpOnly",
            "SameSite=Lax",
            "Secure",
            "Path=/",
            "Max-Age=1209600",
        ] {
            assert!(text.contains(part), "{text} lacks {part}");
        }
        assert!(
            !cookie(SESSION_COOKIE, "x".into(), false, None)
                .to_str()
                .unwrap()
                .contains("Secure")
        );
    }
}
