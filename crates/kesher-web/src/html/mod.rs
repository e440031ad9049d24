//! The HTML pages: one module per resource, handlers named verb_noun, each page a typed
//! askama template.

pub mod access;
pub mod account;
pub mod action_items;
pub mod agenda;
pub mod alignment;
pub mod bodies;
pub mod calendar;
pub mod commitments;
pub mod contribution;
pub mod documents;
pub mod errors;
pub mod funding;
pub mod health;
pub mod home;
pub mod imports;
pub mod initiatives;
pub mod invitations;
pub mod join;
pub mod measurement;
pub mod meeting_answers;
pub mod meetings;
pub mod organizations;
pub mod outbox;
pub mod password;
pub mod people;
pub mod programs;
pub mod session;
pub mod unsubscribe;
pub mod updates;
pub mod users;
pub mod work_plan;

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use kesher_core::{Caller, CoreError, Kesher};
use kesher_domain::InitiativeId;
use kesher_domain::access::Access;
use kesher_store::Initiative;

use crate::context::{Ctx, with_flash};
use crate::error::AppError;
use crate::page::{Page, Section};

/// Renders a page with 200.
pub fn render(template: &impl Template) -> Result<Response, AppError> {
    render_with(StatusCode::OK, template)
}

/// Renders a page with a chosen status (422 for a refused form).
pub fn render_with(status: StatusCode, template: &impl Template) -> Result<Response, AppError> {
    let html = template
        .render()
        .map_err(|e| AppError(CoreError::Internal(format!("template failed: {e}"))))?;
    Ok((status, Html(html)).into_response())
}

/// After a change: go to `location` and say `message_id` there once.
pub fn saved(ctx: &Ctx, location: &str, message_id: &'static str) -> Response {
    with_flash(Redirect::to(location).into_response(), message_id, ctx)
}

/// Answers a sent form. Saved: a redirect to `next` (made from what was saved) that says
/// `message_id` once. Refused for its fields: `again` builds the form's page with each field's
/// message, sent with 422 so nothing typed is lost. Any other refusal is the error it is.
pub async fn answer_form<T, P, Fut>(
    ctx: &Ctx,
    outcome: Result<T, CoreError>,
    next: impl FnOnce(&T) -> String,
    message_id: &'static str,
    labels: &[(&str, &str)],
    again: impl FnOnce(crate::forms::FormErrors) -> Fut,
) -> Result<Response, AppError>
where
    Fut: std::future::Future<Output = Result<P, AppError>>,
    P: Template,
{
    match outcome {
        Ok(done) => Ok(saved(ctx, &next(&done), message_id)),
        Err(CoreError::Invalid(errors)) => {
            let errors = crate::forms::FormErrors::new(ctx.lang, &errors, labels);
            render_with(StatusCode::UNPROCESSABLE_ENTITY, &again(errors).await?)
        }
        Err(other) => Err(other.into()),
    }
}

/// The initiative's organizations as choices: all of them, or with `only_editable` those
/// the caller may edit and speak for (a partner editor's own).
pub async fn organization_choices(
    kesher: &Kesher,
    caller: &Caller,
    initiative: InitiativeId,
    only_editable: Option<&Access>,
) -> Result<Vec<Choice>, AppError> {
    organization_choices_where(kesher, caller, initiative, |o| {
        only_editable.is_none_or(|a| a.can_edit_organization(o))
    })
    .await
}

/// The initiative's organizations as choices, those `keep` lets through: the partners a
/// form may name for the caller (whose programs they keep, for whom they commit).
pub async fn organization_choices_where(
    kesher: &Kesher,
    caller: &Caller,
    initiative: InitiativeId,
    keep: impl Fn(kesher_domain::OrganizationId) -> bool,
) -> Result<Vec<Choice>, AppError> {
    let organizations = kesher
        .list_organizations(
            caller,
            initiative,
            &kesher_store::OrganizationFilter::default(),
            None,
        )
        .await?;
    Ok(organizations
        .into_iter()
        .filter(|o| keep(o.id))
        .map(|o| Choice {
            value: o.id.to_string(),
            label: o.name,
        })
        .collect())
}

/// The languages a person's messages and pages can be in, for a select.
pub fn language_choices(lang: kesher_i18n::Lang) -> Vec<Choice> {
    [("he", "language-he"), ("en", "language-en")]
        .into_iter()
        .map(|(value, label)| Choice {
            value: value.into(),
            label: lang.t(label),
        })
        .collect()
}

/// One option of a select.
#[derive(Clone, Debug)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// The options of a closed list, labelled in the page's language.
pub fn choices<T: Copy>(
    page: &Page,
    all: &[T],
    code: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> &'static str,
) -> Vec<Choice> {
    all.iter()
        .map(|c| Choice {
            value: code(*c).to_string(),
            label: page.t(label(*c)),
        })
        .collect()
}

/// The frame of an initiative's page: the initiative, the caller's access, and the page
/// with the initiative's navigation.
pub struct Frame {
    pub initiative: Initiative,
    pub access: Access,
    pub page: Page,
}

pub async fn frame(
    kesher: &Kesher,
    ctx: &Ctx,
    caller: &Caller,
    initiative: InitiativeId,
    section: Section,
    title_id: &str,
) -> Result<Frame, AppError> {
    let (initiative, access) = kesher.initiative(caller, initiative).await?;
    let page = Page::new(ctx, ctx.lang.t(title_id)).in_initiative(&initiative, &access, section);
    Ok(Frame {
        initiative,
        access,
        page,
    })
}

#[derive(Template)]
#[template(path = "confirm_delete.html")]
struct ConfirmDeletePage {
    page: Page,
    explanation: String,
    /// Why the record cannot be deleted now; the page then offers no delete button.
    blocked: Option<String>,
    action: String,
    cancel: String,
}

/// What the confirmation page says about a record.
pub struct Deletion<'a> {
    /// The title's message id and the record's name.
    pub title: (&'a str, &'a str),
    /// What deleting it does.
    pub explanation: String,
    /// Why it cannot be deleted now, if it cannot.
    pub blocked: Option<String>,
    /// The record's page.
    pub record: String,
}

/// The page that asks once more before a record is deleted; its form posts to
/// `{record}/delete`, and "cancel" leads back to the record.
pub async fn confirm_delete(
    kesher: &Kesher,
    ctx: &Ctx,
    initiative: InitiativeId,
    section: Section,
    deletion: Deletion<'_>,
) -> Result<Response, AppError> {
    let Deletion {
        title,
        explanation,
        blocked,
        record,
    } = deletion;
    let caller = ctx.caller()?;
    let mut f = frame(kesher, ctx, caller, initiative, section, "delete").await?;
    f.page.title = f.page.ts(title.0, title.1);
    render(&ConfirmDeletePage {
        page: f.page,
        explanation,
        blocked,
        action: format!("{record}/delete"),
        cancel: record,
    })
}

/// A record reached through another initiative's URL is not there.
pub fn check_in(expected: InitiativeId, actual: InitiativeId) -> Result<(), AppError> {
    if expected == actual {
        Ok(())
    } else {
        Err(AppError(CoreError::NotFound))
    }
}

/// One audit entry in words, for a history list.
pub struct HistoryLine {
    pub when: String,
    pub who: String,
    pub what: String,
    pub changes: Vec<String>,
}

fn shown_value(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => "—".to_string(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) => {
            items.iter().map(shown_value).collect::<Vec<_>>().join(", ")
        }
        other => other.to_string(),
    }
}

/// What an update changed, field by field; bookkeeping fields are left out.
fn changed_fields(
    page: &Page,
    before: &serde_json::Value,
    after: &serde_json::Value,
) -> Vec<String> {
    let (Some(before), Some(after)) = (before.as_object(), after.as_object()) else {
        return Vec::new();
    };
    after
        .iter()
        .filter(|(key, _)| !matches!(key.as_str(), "updated_at" | "created_at" | "id"))
        .filter(|(key, value)| before.get(*key) != Some(*value))
        .map(|(key, value)| {
            let label_id = format!("audit-field-{key}");
            let label = if page.lang.has(&label_id) {
                page.t(&label_id)
            } else {
                key.clone()
            };
            let old = before.get(key).map(shown_value).unwrap_or_default();
            page.lang.t_with(
                "history-change",
                &[
                    ("field", kesher_i18n::Arg::from(label)),
                    ("before", kesher_i18n::Arg::from(old)),
                    ("after", kesher_i18n::Arg::from(shown_value(value))),
                ],
            )
        })
        .collect()
}

/// The name an entry's record had, from whichever image the entry kept: a name, a title, a
/// term, a question, or the person, body or organization it is about.
fn subject_name(entry: &kesher_store::AuditEntry) -> String {
    let Some(image) = entry.after.as_ref().or(entry.before.as_ref()) else {
        return String::new();
    };
    let text =
        |value: Option<&serde_json::Value>| value.and_then(|v| v.as_str()).map(str::to_string);
    [
        "name",
        "title",
        "term",
        "question",
        "person_name",
        "user_name",
        "organization_name",
    ]
    .iter()
    .find_map(|key| text(image.get(*key)))
    .or_else(|| text(image.get("person").and_then(|p| p.get("name"))))
    .or_else(|| text(image.get("body").and_then(|b| b.get("name"))))
    // A decision is known by its words; the start of them is enough to recognise it.
    .or_else(|| text(image.get("text")).map(|t| shortened(&t, 60)))
    .or_else(|| {
        image
            .get("number")
            .and_then(|n| n.as_i64())
            .map(|n| n.to_string())
    })
    .unwrap_or_default()
}

/// The first `max` characters of `text`, cut at a word, with an ellipsis when cut.
pub fn shortened(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let at_word = cut.rsplit_once(' ').map(|(head, _)| head).unwrap_or(&cut);
    format!("{}…", at_word.trim_end())
}

pub fn history_lines(page: &Page, entries: &[kesher_store::AuditEntry]) -> Vec<HistoryLine> {
    entries
        .iter()
        .map(|entry| {
            let action_id = format!("history-{}-{}", entry.action.code(), entry.entity);
            let image = entry.after.as_ref().or(entry.before.as_ref());
            // A seat is named with its body: "Dana joined the steering committee".
            let body = image
                .and_then(|v| v.get("body_name"))
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string();
            let args = [
                ("name", kesher_i18n::Arg::from(subject_name(entry))),
                ("body", kesher_i18n::Arg::from(body)),
            ];
            let action = if page.lang.has(&action_id) {
                page.lang.t_with(&action_id, &args)
            } else {
                page.lang
                    .t_with(&format!("history-{}-record", entry.action.code()), &args)
            };
            let changes = match (&entry.before, &entry.after) {
                (Some(before), Some(after)) => changed_fields(page, before, after),
                _ => Vec::new(),
            };
            HistoryLine {
                when: page.moment(&entry.at),
                who: entry
                    .actor_name
                    .clone()
                    .unwrap_or_else(|| page.t("history-system")),
                what: action,
                changes,
            }
        })
        .collect()
}
