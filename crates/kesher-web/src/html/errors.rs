//! The error page.

use askama::Template;
use kesher_core::CoreError;
use kesher_domain::import::{Issue, IssueKind, PartnerColumn};
use kesher_domain::network::{OrganizationType, Sector};
use kesher_i18n::{Arg, Lang};

use crate::forms::field_message;
use crate::page::Page;

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    page: Page,
    explanation: String,
    issues: Vec<String>,
}

/// What is wrong, without where: for tables that give the line and column their own cells.
pub fn issue_problem(lang: Lang, issue: &Issue) -> String {
    let mut args: Vec<(&str, Arg)> = issue
        .kind
        .message_args()
        .into_iter()
        .map(|(name, value)| (name, Arg::Number(value)))
        .collect();
    if let IssueKind::UnknownChoice { value } = &issue.kind {
        // Quote what was written, and list what may be written instead.
        let labels: Vec<String> = match issue.column {
            Some(PartnerColumn::Sector) => {
                Sector::ALL.iter().map(|s| lang.t(s.label_id())).collect()
            }
            _ => OrganizationType::ALL
                .iter()
                .map(|t| lang.t(t.label_id()))
                .collect(),
        };
        args.push(("value", Arg::from(value.as_str())));
        args.push(("choices", Arg::from(labels.join(", "))));
    }
    lang.t_with(issue.kind.message_id(), &args)
}

/// One import issue in words, with its line and column.
pub fn issue_text(lang: Lang, issue: &Issue) -> String {
    let problem = issue_problem(lang, issue);
    let column = issue.column.map(|c| lang.t(c.label_id()));
    match (issue.line, column) {
        (Some(line), Some(column)) => lang.t_with(
            "import-issue-at-line-column",
            &[
                ("line", Arg::from(line)),
                ("column", Arg::from(column)),
                ("problem", Arg::from(problem)),
            ],
        ),
        (Some(line), None) => lang.t_with(
            "import-issue-at-line",
            &[("line", Arg::from(line)), ("problem", Arg::from(problem))],
        ),
        (None, _) => problem,
    }
}

/// "Try again in 30 seconds" / "in 4 minutes": a short wait in seconds, a longer one in
/// whole minutes rounded up.
pub fn wait_explained(lang: kesher_i18n::Lang, seconds: u64) -> String {
    let minutes = if seconds < 60 {
        0
    } else {
        seconds.div_ceil(60)
    };
    lang.t_with(
        "error-too-many-attempts-explained",
        &[
            ("seconds", Arg::Number(seconds as i64)),
            ("minutes", Arg::Number(minutes as i64)),
        ],
    )
}

/// The error's headline in `lang`; a size limit is named.
pub fn headline(lang: Lang, error: &CoreError) -> String {
    match error {
        CoreError::TooLarge { limit_bytes } => lang.t_with(
            "error-too-large-limit",
            &[("limit", Arg::Text(size_text(*limit_bytes)))],
        ),
        _ => lang.t(crate::error::message_id_of(error)),
    }
}

/// A size as people read it: 256 KB, 10 MB.
pub fn size_text(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MB", bytes.div_ceil(1024 * 1024))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// The body of an error page in the page's language.
pub fn render(page: Page, error: &CoreError) -> String {
    let lang = page.lang;
    let explanation = match error {
        CoreError::TooManyAttempts {
            retry_after_seconds,
        } => wait_explained(lang, *retry_after_seconds),
        CoreError::TooLarge { .. } => headline(lang, error),
        CoreError::Busy { .. } => lang.t("error-busy-explained"),
        CoreError::Conflict { .. } | CoreError::BadRequest { .. } => {
            lang.t("error-conflict-explained")
        }
        CoreError::Forbidden => lang.t("error-forbidden-explained"),
        CoreError::FormExpired => lang.t("error-form-expired-explained"),
        CoreError::NotFound => lang.t("error-not-found-explained"),
        CoreError::Internal(_) => lang.t("error-internal-explained"),
        _ => lang.t("error-invalid-explained"),
    };
    let issues = match error {
        CoreError::Invalid(fields) => fields.iter().map(|f| field_message(lang, f)).collect(),
        CoreError::Import(issues) => issues.iter().map(|i| issue_text(lang, i)).collect(),
        _ => Vec::new(),
    };
    ErrorPage {
        page,
        explanation,
        issues,
    }
    .render()
    .unwrap_or_else(|_| lang.t("error-internal"))
}
