//! The initiative's calendar: its meetings to come and the latest held, and the calendar
//! feeds the reader subscribes to (created, shown once, revoked); and the feed address a
//! calendar program reads, with no session: the secret in it is the proof.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use kesher_core::Secret;
use kesher_domain::meetings::{FeedForm, FeedScope};
use kesher_domain::{CalendarFeedId, InitiativeId};
use kesher_store::{CalendarFeed, Meeting};

use crate::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::forms::{CsrfForm, FormErrors, NoFields, Params};
use crate::html::agenda::body_choices;
use crate::html::meetings::local_time;
use crate::html::{Choice, check_in, frame, render, saved};
use crate::page::{Page, Section};

/// How many held meetings the page shows below those to come.
const PAST_SHOWN: usize = 10;

#[derive(Template)]
#[template(path = "meetings/calendar.html")]
struct CalendarPage {
    page: Page,
    initiative_id: InitiativeId,
    upcoming: Vec<Meeting>,
    past: Vec<Meeting>,
    feeds: Vec<CalendarFeed>,
    bodies: Vec<Choice>,
    /// The address of a feed just created: shown this once.
    new_feed: Option<String>,
    errors: FormErrors,
}

impl CalendarPage {
    fn name(&self, meeting: &Meeting) -> String {
        self.page.meeting_name(&meeting.body_name, &meeting.number)
    }

    fn when(&self, meeting: &Meeting) -> String {
        local_time(&meeting.starts_at)
    }

    fn created(&self, feed: &CalendarFeed) -> String {
        self.page.date(&feed.created_at.date_naive())
    }

    fn scope(&self, feed: &CalendarFeed) -> String {
        match feed.scope {
            FeedScope::Mine => self.page.t("feed-scope-mine"),
            FeedScope::Initiative => self.page.t("feed-scope-initiative"),
            FeedScope::Body(_) => self.page.named(
                "feed-scope-body",
                feed.body_name.as_deref().unwrap_or_default(),
            ),
        }
    }
}

async fn calendar_page(
    state: &AppState,
    ctx: &Ctx,
    id: InitiativeId,
    new_feed: Option<String>,
    errors: FormErrors,
) -> Result<CalendarPage, AppError> {
    let caller = ctx.caller()?;
    let f = frame(
        &state.kesher,
        ctx,
        caller,
        id,
        Section::Bodies,
        "calendar-title",
    )
    .await?;
    let now = chrono::Utc::now()
        .with_timezone(&chrono_tz::Asia::Jerusalem)
        .naive_local();
    let (past, upcoming): (Vec<Meeting>, Vec<Meeting>) = state
        .kesher
        .meetings_of_initiative(caller, id)
        .await?
        .into_iter()
        .partition(|m| m.starts_at < now);
    let past = past.into_iter().rev().take(PAST_SHOWN).collect();
    Ok(CalendarPage {
        feeds: state.kesher.calendar_feeds(caller, id).await?,
        bodies: body_choices(&state.kesher, caller, id).await?,
        page: f.page,
        initiative_id: id,
        upcoming,
        past,
        new_feed,
        errors,
    })
}

/// `GET /initiatives/{id}/calendar`
pub async fn show_calendar(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
) -> Result<Response, AppError> {
    render(&calendar_page(&state, &ctx, id, None, FormErrors::default()).await?)
}

/// The feed form as a page sends it: one choice, `mine`, `initiative` or `body:{id}`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct FeedPageForm {
    scope: String,
}

impl FeedPageForm {
    fn into_form(self) -> FeedForm {
        match self.scope.split_once(':') {
            Some(("body", body)) => FeedForm {
                scope: "body".into(),
                body_id: body.into(),
            },
            _ => FeedForm {
                scope: self.scope,
                body_id: String::new(),
            },
        }
    }
}

/// `POST /initiatives/{id}/calendar/feeds`: a new feed, its address shown on the page
/// that answers (once: only its digest is kept).
pub async fn create_feed(
    ctx: Ctx,
    State(state): State<AppState>,
    Params(id): Params<InitiativeId>,
    CsrfForm(form): CsrfForm<FeedPageForm>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    match state
        .kesher
        .create_calendar_feed(caller, id, &form.into_form())
        .await
    {
        Ok((_, secret)) => {
            let url = state.kesher.feed_url(&secret);
            render(&calendar_page(&state, &ctx, id, Some(url), FormErrors::default()).await?)
        }
        Err(kesher_core::CoreError::Invalid(errors)) => {
            let errors = FormErrors::new(ctx.lang, &errors, &[("scope", "feed-scope")]);
            crate::html::render_with(
                axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                &calendar_page(&state, &ctx, id, None, errors).await?,
            )
        }
        Err(other) => Err(other.into()),
    }
}

/// `POST /initiatives/{id}/calendar/feeds/{feed}/revoke`
pub async fn revoke_feed(
    ctx: Ctx,
    State(state): State<AppState>,
    Params((id, feed)): Params<(InitiativeId, CalendarFeedId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let caller = ctx.caller()?;
    let found = state.kesher.calendar_feeds(caller, id).await?;
    if let Some(own) = found.iter().find(|f| f.id == feed) {
        check_in(id, own.initiative_id)?;
    }
    state.kesher.revoke_calendar_feed(caller, feed).await?;
    Ok(saved(
        &ctx,
        &format!("/initiatives/{id}/calendar#feeds"),
        "flash-feed-revoked",
    ))
}

/// `GET /calendar/{secret}.ics`: the feed a calendar program subscribes to.
pub async fn feed(
    State(state): State<AppState>,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    let secret = file
        .strip_suffix(".ics")
        .ok_or(kesher_core::CoreError::NotFound)?;
    let text = state
        .kesher
        .feed_calendar(&Secret::from_client(secret))
        .await?;
    Ok(crate::downloads::calendar(text))
}
