//! What every page's template knows: the language and direction, the signed-in user, the
//! CSRF token, the navigation, and the helpers templates use to speak (`t`, dates).

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Asia::Jerusalem;
use kesher_domain::InitiativeId;
use kesher_domain::access::Access;
use kesher_i18n::{Arg, Lang};
use kesher_store::{Initiative, User};

use crate::context::Ctx;

/// A number a message counts with; templates pass it by reference, Rust by value.
pub trait Count {
    fn count(&self) -> i64;
}

macro_rules! count_for {
    ($($t:ty),*) => {
        $(impl Count for $t {
            fn count(&self) -> i64 {
                *self as i64
            }
        })*
    };
}

count_for!(usize, u32, u16, i32, i64);

impl<T: Count> Count for &T {
    fn count(&self) -> i64 {
        (**self).count()
    }
}

/// The sections of an initiative, for the navigation's current-page mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Overview,
    Agenda,
    Measurement,
    Organizations,
    People,
    Bodies,
    Activities,
    WorkPlan,
    /// Partners' commitments and joint funding requests.
    Commitments,
    Updates,
    Documents,
    Seating,
    Import,
    Access,
    History,
}

/// The initiative navigation shown on its pages.
#[derive(Clone, Debug)]
pub struct Nav {
    pub initiative_id: InitiativeId,
    pub initiative_name: String,
    pub section: Section,
    /// The backbone's own links (import, access, history) show only to those who may use them.
    pub manages: bool,
    /// Whether the caller speaks for an organization or the backbone (reports values).
    pub takes_part: bool,
}

/// The frame of every page.
#[derive(Clone, Debug)]
pub struct Page {
    pub lang: Lang,
    pub title: String,
    pub csrf: String,
    pub user: Option<User>,
    /// This page in the other language.
    pub switch_href: String,
    pub other_lang: Lang,
    /// A one-time message from the previous action, already in words.
    pub flash: Option<String>,
    pub nav: Option<Nav>,
}

impl Page {
    pub fn new(ctx: &Ctx, title: String) -> Self {
        let other_lang = match ctx.lang {
            Lang::He => Lang::En,
            Lang::En => Lang::He,
        };
        Self {
            lang: ctx.lang,
            title,
            csrf: ctx.csrf.clone(),
            user: ctx.caller.as_ref().map(|c| c.user.clone()),
            switch_href: switch_href(&ctx.uri, other_lang),
            other_lang,
            flash: ctx.flash.as_deref().map(|id| ctx.lang.t(id)),
            nav: None,
        }
    }

    /// Adds the initiative navigation.
    pub fn in_initiative(
        mut self,
        initiative: &Initiative,
        access: &Access,
        section: Section,
    ) -> Self {
        self.nav = Some(Nav {
            initiative_id: initiative.id,
            initiative_name: initiative.name.clone(),
            section,
            manages: access.can_manage_network(),
            takes_part: access.can_report(),
        });
        self
    }

    /// The message `id` in the page's language.
    pub fn t(&self, id: &str) -> String {
        self.lang.t(id)
    }

    /// The message `id` with one number, `$count`.
    pub fn tn(&self, id: &str, count: impl Count) -> String {
        self.lang
            .t_with(id, &[("count", Arg::Number(count.count()))])
    }

    /// The message `id` with one text argument, `$name`.
    pub fn ts(&self, id: &str, name: &str) -> String {
        self.lang.t_with(id, &[("name", Arg::from(name))])
    }

    /// The message `id` with one name, `$name`, isolated from the sentence's direction (for
    /// page text, not attributes: see `line`).
    pub fn named(&self, id: &str, name: &str) -> String {
        self.line(id, vec![("name", Arg::from(name))])
    }

    /// The message `id` with text arguments, each isolated from its neighbours' direction.
    /// A sentence that names a Hebrew body beside a date ("Adopted on 15 Jan 2026 by ...")
    /// would otherwise have its words reordered by the browser. Only for page text: the
    /// marks are invisible, but do not belong in attributes or JSON.
    pub fn line(&self, id: &str, args: Vec<(&str, Arg)>) -> String {
        self.lang.t_with(id, &isolated(args))
    }

    /// "Steering committee 3": a body's name and a meeting's number within it.
    pub fn meeting_name(&self, body: &str, number: &u32) -> String {
        self.line(
            "meeting-name",
            vec![
                ("body", Arg::from(body)),
                ("number", Arg::Text(number.to_string())),
            ],
        )
    }

    /// The message `id` with one text argument `name`, isolated like `line`'s.
    pub fn with(&self, id: &str, name: &str, value: impl std::fmt::Display) -> String {
        self.line(id, vec![(name, Arg::Text(value.to_string()))])
    }

    /// The URL of an embedded asset (stylesheet, script, icon).
    pub fn asset(&self, name: &str) -> String {
        crate::assets::url(name)
    }

    /// A body's departure from the seeds' advice, in words.
    pub fn warning(&self, warning: &kesher_domain::bodies::BodyWarning) -> String {
        let args: Vec<(&str, Arg)> = warning
            .message_args()
            .into_iter()
            .map(|(name, value)| (name, Arg::Number(value)))
            .collect();
        self.lang.t_with(warning.message_id(), &args)
    }

    pub fn dir(&self) -> &'static str {
        self.lang.direction().as_str()
    }

    /// Is `section` the current one (for `aria-current`)?
    pub fn is_section(&self, section: &str) -> bool {
        let current = match self.nav.as_ref().map(|n| n.section) {
            Some(Section::Overview) => "overview",
            Some(Section::Agenda) => "agenda",
            Some(Section::Measurement) => "measurement",
            Some(Section::Organizations) => "organizations",
            Some(Section::People) => "people",
            Some(Section::Bodies) => "bodies",
            Some(Section::Activities) => "activities",
            Some(Section::WorkPlan) => "work-plan",
            Some(Section::Commitments) => "commitments",
            Some(Section::Updates) => "updates",
            Some(Section::Documents) => "documents",
            Some(Section::Seating) => "seating",
            Some(Section::Import) => "import",
            Some(Section::Access) => "access",
            Some(Section::History) => "history",
            None => "",
        };
        current == section
    }

    /// A date as people in this language write it.
    pub fn date(&self, date: &NaiveDate) -> String {
        date_in(self.lang, date)
    }

    /// Whole shekels as people read them: `₪1,200,000`.
    pub fn shekels(&self, value: &i64) -> String {
        format!("₪{}", kesher_domain::text::number(*value as f64, 0))
    }

    /// An optional date, or nothing.
    pub fn maybe_date(&self, date: &Option<NaiveDate>) -> String {
        date.as_ref().map(|d| self.date(d)).unwrap_or_default()
    }

    /// A moment in Israel's time zone, where the users are.
    pub fn moment(&self, at: &DateTime<Utc>) -> String {
        let local = at.with_timezone(&Jerusalem);
        match self.lang {
            Lang::He => local.format("%d/%m/%Y %H:%M").to_string(),
            Lang::En => local.format("%-d %b %Y, %H:%M").to_string(),
        }
    }
}

/// The same path and query, with `lang` set to `lang`.
fn switch_href(uri: &str, lang: Lang) -> String {
    let (path, query) = uri.split_once('?').unwrap_or((uri, ""));
    let mut serializer = form_urlencoded::Serializer::new(String::new());
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        if key != "lang" {
            serializer.append_pair(&key, &value);
        }
    }
    serializer.append_pair("lang", lang.code());
    format!("{path}?{}", serializer.finish())
}

pub use kesher_core::dates::date_in;

/// Message arguments with every text wrapped in Unicode isolation marks (first-strong
/// isolate … pop), so a Hebrew name, a signed number or a period code keeps its own
/// direction inside the sentence. For page text only, not attributes or JSON.
pub fn isolated(args: Vec<(&str, Arg)>) -> Vec<(&str, Arg)> {
    args.into_iter()
        .map(|(name, value)| match value {
            Arg::Text(text) => (name, Arg::Text(format!("\u{2068}{text}\u{2069}"))),
            number => (name, number),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_switch_keeps_the_rest_of_the_query() {
        assert_eq!(
            switch_href("/initiatives/1/organizations", Lang::En),
            "/initiatives/1/organizations?lang=en"
        );
        assert_eq!(
            switch_href(
                "/initiatives/1/organizations?q=%D7%9E%D7%93%D7%A2&lang=en",
                Lang::He
            ),
            "/initiatives/1/organizations?q=%D7%9E%D7%93%D7%A2&lang=he"
        );
    }
}
