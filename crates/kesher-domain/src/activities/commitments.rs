//! A commitment (התחייבות), as 100Kin10's partners make them: a partner promises money,
//! people or activity to a goal, in a measurable amount, by a date; it is public or seen by
//! the partners only; and when it is reported on, the report carries its evidence.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{positive_amount, whole_amount};
use crate::text::{
    LINE_MAX, LONG_TEXT_MAX, WebAddress, optional_date, optional_line, optional_text,
};
use crate::validation::Checker;
use crate::{FieldError, Invalid, OrganizationId, ResultNodeId, choice_enum, lenient};

choice_enum!(
    /// What a partner commits.
    CommitmentKind, "commitment-kind", {
        /// Shekels.
        Money => "money",
        /// People's time: volunteers, mentors, teachers.
        People => "people",
        /// Something the partner does: courses, hours, events, in its own unit.
        Activity => "activity",
    }
);

choice_enum!(
    /// Who sees a commitment.
    CommitmentVisibility, "commitment-visibility", {
        /// Everyone with a role in the initiative, and the public report card.
        Public => "public",
        /// Everyone with a role in the initiative only.
        Partners => "partners",
    }
);

choice_enum!(
    /// How a commitment was kept, as its partner or the backbone reported it.
    Fulfilment, "commitment-fulfilment", {
        /// Not reported on yet.
        Open => "open",
        Fulfilled => "fulfilled",
        /// Part of what was promised was delivered.
        Partly => "partly",
        /// The date passed and it was not kept.
        NotFulfilled => "not_fulfilled",
    }
);

/// A commitment as typed, in a form or in JSON.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct CommitmentForm {
    /// The partner that commits.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = i64)]
    #[schema(required = true)]
    pub organization_id: String,
    /// The goal, lever or action component it serves.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = i64)]
    #[schema(required = true)]
    pub result_id: String,
    #[serde(deserialize_with = "lenient::choice")]
    #[schema(value_type = CommitmentKind)]
    #[schema(required = true)]
    pub kind: String,
    /// The promise in a sentence ("20 engineers mentor 40 classes in the periphery").
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub promise: String,
    /// How much, as a whole number: shekels, people, or the activity's own unit.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = i64)]
    #[schema(required = true)]
    pub amount: String,
    /// What an activity's amount counts ("workshops", "hours"); money counts shekels and
    /// people count people.
    #[serde(deserialize_with = "lenient::text")]
    pub unit: String,
    /// The date by which it is kept, `YYYY-MM-DD`.
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = NaiveDate)]
    #[schema(required = true)]
    pub due: String,
    /// `partners` when not given.
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = Option<CommitmentVisibility>)]
    pub visibility: String,
}

/// A checked commitment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitmentInput {
    pub organization_id: OrganizationId,
    pub result_id: ResultNodeId,
    pub kind: CommitmentKind,
    pub promise: String,
    pub amount: i64,
    pub unit: Option<String>,
    pub due: NaiveDate,
    pub visibility: CommitmentVisibility,
}

impl CommitmentForm {
    pub fn parse(&self) -> Result<CommitmentInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let organization = c.check(
            "organization_id",
            lenient::required_id(&self.organization_id),
        );
        let result = c.check("result_id", lenient::required_id(&self.result_id));
        let kind = c.check("kind", CommitmentKind::parse(&self.kind));
        let promise = c.check(
            "promise",
            optional_line(&self.promise, LINE_MAX).and_then(|p| p.ok_or(Invalid::Required)),
        );
        let amount = c.check("amount", positive_amount(&self.amount));
        let unit = c.check("unit", optional_line(&self.unit, 60));
        if let (Some(CommitmentKind::Activity), Some(None)) = (kind, &unit) {
            c.push("unit", Invalid::Required);
        }
        let due = c.check(
            "due",
            optional_date(&self.due).and_then(|d| d.ok_or(Invalid::Required)),
        );
        let visibility = c.check(
            "visibility",
            if self.visibility.trim().is_empty() {
                Ok(CommitmentVisibility::Partners)
            } else {
                CommitmentVisibility::parse(&self.visibility)
            },
        );
        match (
            organization,
            result,
            kind,
            promise,
            amount,
            unit,
            due,
            visibility,
        ) {
            (
                Some(organization),
                Some(result),
                Some(kind),
                Some(promise),
                Some(amount),
                Some(unit),
                Some(due),
                Some(visibility),
            ) if c.is_empty() => Ok(CommitmentInput {
                organization_id: OrganizationId::new(organization),
                result_id: ResultNodeId::new(result),
                kind,
                promise,
                amount,
                // Money counts shekels and people count people, whatever was typed.
                unit: match kind {
                    CommitmentKind::Activity => unit,
                    _ => None,
                },
                due,
                visibility,
            }),
            _ => Err(c.into_errors()),
        }
    }
}

/// A report on a commitment, as typed.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct FulfilmentForm {
    #[serde(deserialize_with = "lenient::choice")]
    #[schema(value_type = Fulfilment)]
    #[schema(required = true)]
    pub status: String,
    /// How much was delivered, in the commitment's unit.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub delivered: String,
    /// What shows it: the report, the attendance list, the transfer. Required unless the
    /// commitment is open again.
    #[serde(deserialize_with = "lenient::text")]
    pub evidence: String,
    /// A link to the evidence.
    #[serde(deserialize_with = "lenient::text")]
    pub evidence_url: String,
}

/// A checked report on a commitment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FulfilmentInput {
    pub status: Fulfilment,
    pub delivered: Option<i64>,
    pub evidence: Option<String>,
    pub evidence_url: Option<String>,
}

impl FulfilmentForm {
    pub fn parse(&self) -> Result<FulfilmentInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let status = c.check("status", Fulfilment::parse(&self.status));
        let delivered = c.check("delivered", whole_amount(&self.delivered));
        let evidence = c.check("evidence", optional_text(&self.evidence, LONG_TEXT_MAX));
        let url = c.check(
            "evidence_url",
            WebAddress::parse_optional(&self.evidence_url),
        );
        // A commitment is not called kept, or not kept, without saying what shows it.
        if let (Some(status), Some(None)) = (status, &evidence)
            && status != Fulfilment::Open
        {
            c.push("evidence", Invalid::Required);
        }
        match (status, delivered, evidence, url) {
            (Some(status), Some(delivered), Some(evidence), Some(url)) if c.is_empty() => {
                Ok(FulfilmentInput {
                    status,
                    delivered,
                    evidence,
                    evidence_url: url.map(WebAddress::into_string),
                })
            }
            _ => Err(c.into_errors()),
        }
    }
}

/// Whether an open commitment's date has passed on `today`.
pub fn overdue(status: Fulfilment, due: NaiveDate, today: NaiveDate) -> bool {
    status == Fulfilment::Open && due < today
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> CommitmentForm {
        CommitmentForm {
            organization_id: "4".into(),
            result_id: "9".into(),
            kind: "people".into(),
            promise: "20 מהנדסות מלוות 40 כיתות".into(),
            amount: "20".into(),
            unit: "מהנדסות".into(),
            due: "2027-06-30".into(),
            visibility: "public".into(),
        }
    }

    #[test]
    fn a_commitment_is_read_and_money_and_people_keep_no_unit_of_their_own() {
        let input = form().parse().unwrap();
        assert_eq!(input.kind, CommitmentKind::People);
        assert_eq!(input.amount, 20);
        assert_eq!(input.unit, None);
        assert_eq!(input.visibility, CommitmentVisibility::Public);
        let money = CommitmentForm {
            kind: "money".into(),
            amount: "₪250,000".into(),
            visibility: String::new(),
            ..form()
        }
        .parse()
        .unwrap();
        assert_eq!(money.amount, 250_000);
        assert_eq!(money.visibility, CommitmentVisibility::Partners);
    }

    #[test]
    fn a_commitment_needs_a_measurable_amount_a_date_and_an_activity_its_unit() {
        let errors = CommitmentForm {
            kind: "activity".into(),
            amount: "0".into(),
            unit: " ".into(),
            due: "next june".into(),
            ..form()
        }
        .parse()
        .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["amount", "unit", "due"]);
    }

    #[test]
    fn a_report_other_than_open_needs_its_evidence() {
        let refused = FulfilmentForm {
            status: "fulfilled".into(),
            delivered: "20".into(),
            ..FulfilmentForm::default()
        }
        .parse()
        .unwrap_err();
        assert_eq!(refused[0].field, "evidence");
        assert_eq!(refused[0].problem, Invalid::Required);
        let kept = FulfilmentForm {
            status: "partly".into(),
            delivered: "12".into(),
            evidence: "רשימת נוכחות".into(),
            evidence_url: "example.org/report".into(),
        }
        .parse()
        .unwrap();
        assert_eq!(
            kept.evidence_url.as_deref(),
            Some("https://example.org/report")
        );
        assert!(
            FulfilmentForm {
                status: "open".into(),
                ..FulfilmentForm::default()
            }
            .parse()
            .is_ok()
        );
    }

    #[test]
    fn only_an_open_commitment_past_its_date_is_overdue() {
        let due = NaiveDate::from_ymd_opt(2027, 6, 30).unwrap();
        let after = NaiveDate::from_ymd_opt(2027, 7, 1).unwrap();
        assert!(overdue(Fulfilment::Open, due, after));
        assert!(!overdue(Fulfilment::Open, due, due));
        assert!(!overdue(Fulfilment::Fulfilled, due, after));
    }
}
