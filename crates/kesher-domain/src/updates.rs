//! Updates (newsletters) the backbone sends to an audience, and the contact plan it keeps
//! with each partner: why it is in touch, through which channel, how often.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::bodies::CadenceUnit;
use crate::text::{LINE_MAX, LONG_TEXT_MAX, optional_line, optional_number, optional_text};
use crate::validation::Checker;
use crate::{BodyId, FieldError, Invalid, PersonId, choice_enum, lenient};

/// The longest text of an update (Markdown).
pub const UPDATE_TEXT_MAX: usize = 50_000;

choice_enum!(
    /// Who an update goes to.
    AudienceKind, "update-audience", {
        /// Every person of every partner organization.
        Partners => "partners",
        /// The current members of one body.
        Body => "body",
        /// The people of the funding organizations (philanthropy, foundations).
        Funders => "funders",
        /// People chosen one by one.
        Custom => "custom",
    }
);

/// A checked audience.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Audience {
    Partners,
    Body(BodyId),
    Funders,
    Custom(Vec<PersonId>),
}

impl Audience {
    pub fn kind(&self) -> AudienceKind {
        match self {
            Audience::Partners => AudienceKind::Partners,
            Audience::Body(_) => AudienceKind::Body,
            Audience::Funders => AudienceKind::Funders,
            Audience::Custom(_) => AudienceKind::Custom,
        }
    }
}

/// An update as typed: the composing form and the API's JSON.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct UpdateForm {
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub title: String,
    /// Markdown; shown rendered and cleaned, never as raw HTML.
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub text: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = AudienceKind)]
    #[schema(required = true)]
    pub audience: String,
    /// The body, for an audience of one body.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub body_id: String,
    /// The people, for a custom audience.
    #[serde(deserialize_with = "lenient::ids")]
    pub person_ids: Vec<i64>,
}

/// A checked update.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UpdateInput {
    pub title: String,
    pub text: String,
    pub audience: Audience,
}

impl UpdateForm {
    pub fn parse(&self) -> Result<UpdateInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let title = c.check(
            "title",
            optional_line(&self.title, LINE_MAX).and_then(|t| t.ok_or(Invalid::Required)),
        );
        let text = c.check(
            "text",
            optional_text(&self.text, UPDATE_TEXT_MAX).and_then(|t| t.ok_or(Invalid::Required)),
        );
        let kind = c.check("audience", AudienceKind::parse(&self.audience));
        let audience = match kind {
            Some(AudienceKind::Partners) => Some(Audience::Partners),
            Some(AudienceKind::Funders) => Some(Audience::Funders),
            Some(AudienceKind::Body) => c
                .check(
                    "body_id",
                    lenient::optional_id(&self.body_id).and_then(|b| b.ok_or(Invalid::Required)),
                )
                .map(|b| Audience::Body(BodyId::new(b))),
            Some(AudienceKind::Custom) => {
                let mut people: Vec<PersonId> = Vec::new();
                for id in &self.person_ids {
                    if !people.contains(&PersonId::new(*id)) {
                        people.push(PersonId::new(*id));
                    }
                }
                if people.is_empty() {
                    c.push("person_ids", Invalid::Required);
                    None
                } else {
                    Some(Audience::Custom(people))
                }
            }
            None => None,
        };
        match (title, text, audience) {
            (Some(title), Some(text), Some(audience)) if c.is_empty() => Ok(UpdateInput {
                title,
                text,
                audience,
            }),
            _ => Err(c.into_errors()),
        }
    }
}

choice_enum!(
    /// How the backbone keeps in touch with a partner.
    ContactChannel, "contact-channel", {
        /// The initiative's updates by e-mail.
        Updates => "updates",
        /// Meetings of a body the partner sits on.
        Meetings => "meetings",
        /// A personal meeting or a visit.
        Visit => "visit",
        Phone => "phone",
        Email => "email",
    }
);

/// A contact plan as typed.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ContactPlanForm {
    /// Why the backbone is in touch with this partner.
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub purpose: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = ContactChannel)]
    #[schema(required = true)]
    pub channel: String,
    /// Every how many weeks or months.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = i64)]
    #[schema(required = true)]
    pub every: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = CadenceUnit)]
    #[schema(required = true)]
    pub unit: String,
}

/// A checked contact plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ContactPlanInput {
    pub purpose: String,
    pub channel: ContactChannel,
    pub every: u16,
    pub unit: CadenceUnit,
}

impl ContactPlanInput {
    /// When contact is due again after the last on `last`.
    pub fn due_after(&self, last: NaiveDate) -> Option<NaiveDate> {
        let every = u32::from(self.every);
        match self.unit {
            CadenceUnit::Weeks => last.checked_add_signed(chrono::Duration::weeks(every.into())),
            CadenceUnit::Months => last.checked_add_months(Months::new(every)),
        }
    }
}

impl ContactPlanForm {
    pub fn parse(&self) -> Result<ContactPlanInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let purpose = c.check(
            "purpose",
            optional_text(&self.purpose, LONG_TEXT_MAX).and_then(|t| t.ok_or(Invalid::Required)),
        );
        let channel = c.check("channel", ContactChannel::parse(&self.channel));
        let every = c.check(
            "every",
            optional_number(&self.every, 1, 52).and_then(|n| n.ok_or(Invalid::Required)),
        );
        let unit = c.check("unit", CadenceUnit::parse(&self.unit));
        match (purpose, channel, every, unit) {
            (Some(purpose), Some(channel), Some(every), Some(unit)) => Ok(ContactPlanInput {
                purpose,
                channel,
                every: every as u16,
                unit,
            }),
            _ => Err(c.into_errors()),
        }
    }
}

/// Where a partner stands against its contact plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ContactStanding {
    /// No plan is kept for it.
    NoPlan,
    /// Never in touch through a meeting or an update.
    NeverContacted,
    /// The next contact is due on or after today.
    OnTime,
    /// The plan's interval has passed since the last contact.
    Overdue,
}

/// A partner's standing on `today`, given its plan and when it was last in touch.
pub fn contact_standing(
    plan: Option<&ContactPlanInput>,
    last: Option<NaiveDate>,
    today: NaiveDate,
) -> ContactStanding {
    match (plan, last) {
        (None, _) => ContactStanding::NoPlan,
        (Some(_), None) => ContactStanding::NeverContacted,
        (Some(plan), Some(last)) => match plan.due_after(last) {
            Some(due) if due < today => ContactStanding::Overdue,
            _ => ContactStanding::OnTime,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(audience: &str) -> UpdateForm {
        UpdateForm {
            title: "עדכון דצמבר".into(),
            text: "מה קרה החודש".into(),
            audience: audience.into(),
            ..UpdateForm::default()
        }
    }

    #[test]
    fn an_audience_of_one_body_names_the_body() {
        let errors = form("body").parse().unwrap_err();
        assert_eq!(errors[0].field, "body_id");
        let mut with_body = form("body");
        with_body.body_id = "4".into();
        assert_eq!(
            with_body.parse().unwrap().audience,
            Audience::Body(BodyId::new(4))
        );
    }

    #[test]
    fn a_custom_audience_needs_people_and_counts_each_once() {
        assert_eq!(form("custom").parse().unwrap_err()[0].field, "person_ids");
        let mut chosen = form("custom");
        chosen.person_ids = vec![3, 5, 3];
        assert_eq!(
            chosen.parse().unwrap().audience,
            Audience::Custom(vec![PersonId::new(3), PersonId::new(5)])
        );
    }

    #[test]
    fn an_unknown_audience_is_refused_at_its_field() {
        let errors = form("everyone").parse().unwrap_err();
        assert_eq!(errors[0].field, "audience");
    }

    fn plan(every: u16, unit: CadenceUnit) -> ContactPlanInput {
        ContactPlanInput {
            purpose: "לעדכן על תכניות הליבה".into(),
            channel: ContactChannel::Updates,
            every,
            unit,
        }
    }

    #[test]
    fn a_partner_is_overdue_once_the_interval_passed_since_the_last_contact() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let quarterly = plan(3, CadenceUnit::Months);
        assert_eq!(
            contact_standing(Some(&quarterly), Some(d("2026-09-07")), d("2026-12-07")),
            ContactStanding::OnTime
        );
        assert_eq!(
            contact_standing(Some(&quarterly), Some(d("2026-09-06")), d("2026-12-07")),
            ContactStanding::Overdue
        );
        assert_eq!(
            contact_standing(Some(&quarterly), None, d("2026-12-07")),
            ContactStanding::NeverContacted
        );
        assert_eq!(
            contact_standing(None, Some(d("2020-01-01")), d("2026-12-07")),
            ContactStanding::NoPlan
        );
        let fortnightly = plan(2, CadenceUnit::Weeks);
        assert_eq!(
            contact_standing(Some(&fortnightly), Some(d("2026-11-22")), d("2026-12-07")),
            ContactStanding::Overdue
        );
    }

    #[test]
    fn a_plan_needs_a_purpose_a_channel_and_an_interval() {
        let errors = ContactPlanForm::default().parse().unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["purpose", "channel", "every", "unit"]);
    }
}
