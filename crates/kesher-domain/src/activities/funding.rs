//! Joint funding requests (בקשת מימון משותפת), as 100Kin10's funders see them: a partner
//! submits one request that every funding partner reads in one place, instead of asking each
//! funder apart. Each funder marks its interest and the amount it pledges; funders see one
//! another's answers and notes, everyone sees how much of the request is covered.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::programs::distinct;
use super::{positive_amount, whole_amount};
use crate::text::{LINE_MAX, LONG_TEXT_MAX, optional_date, optional_line, optional_text};
use crate::validation::Checker;
use crate::{FieldError, Invalid, OrganizationId, ResultNodeId, choice_enum, lenient};

choice_enum!(
    /// Where a request stands.
    RequestStatus, "funding-request-status", {
        /// Funders are asked to answer.
        Open => "open",
        /// The partner closed it: funded, or no longer needed.
        Closed => "closed",
    }
);

choice_enum!(
    /// A funder's answer to a request.
    Interest, "funding-interest", {
        /// It will take part, with the amount it pledges.
        Interested => "interested",
        /// It is looking into it.
        Considering => "considering",
        /// It will not take part.
        Declined => "declined",
    }
);

/// A funding request as typed.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct FundingRequestForm {
    /// The partner that asks.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = i64)]
    #[schema(required = true)]
    pub organization_id: String,
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub title: String,
    /// What the money is for and what it will change.
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub description: String,
    /// Shekels asked for, whole.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = i64)]
    #[schema(required = true)]
    pub amount: String,
    /// The goals, levers or action components it serves.
    #[serde(deserialize_with = "lenient::ids")]
    pub result_ids: Vec<i64>,
    /// By when the money is needed, `YYYY-MM-DD`.
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = Option<NaiveDate>)]
    pub needed_by: String,
    /// `open` when not given.
    #[serde(deserialize_with = "lenient::text")]
    #[schema(value_type = Option<RequestStatus>)]
    pub status: String,
}

/// A checked funding request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FundingRequestInput {
    pub organization_id: OrganizationId,
    pub title: String,
    pub description: String,
    pub amount: i64,
    pub result_ids: Vec<ResultNodeId>,
    pub needed_by: Option<NaiveDate>,
    pub status: RequestStatus,
}

impl FundingRequestForm {
    pub fn parse(&self) -> Result<FundingRequestInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let organization = c.check(
            "organization_id",
            lenient::required_id(&self.organization_id),
        );
        let title = c.check(
            "title",
            optional_line(&self.title, LINE_MAX).and_then(|t| t.ok_or(Invalid::Required)),
        );
        let description = c.check(
            "description",
            optional_text(&self.description, LONG_TEXT_MAX)
                .and_then(|t| t.ok_or(Invalid::Required)),
        );
        let amount = c.check("amount", positive_amount(&self.amount));
        let needed_by = c.check("needed_by", optional_date(&self.needed_by));
        let status = c.check(
            "status",
            if self.status.trim().is_empty() {
                Ok(RequestStatus::Open)
            } else {
                RequestStatus::parse(&self.status)
            },
        );
        match (organization, title, description, amount, needed_by, status) {
            (
                Some(organization),
                Some(title),
                Some(description),
                Some(amount),
                Some(needed_by),
                Some(status),
            ) if c.is_empty() => Ok(FundingRequestInput {
                organization_id: OrganizationId::new(organization),
                title,
                description,
                amount,
                result_ids: distinct(&self.result_ids, ResultNodeId::new),
                needed_by,
                status,
            }),
            _ => Err(c.into_errors()),
        }
    }
}

/// A funder's answer, as typed.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct PledgeForm {
    /// The funding partner that answers (the caller's own, unless the caller is the
    /// backbone).
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = i64)]
    #[schema(required = true)]
    pub organization_id: String,
    #[serde(deserialize_with = "lenient::choice")]
    #[schema(value_type = Interest)]
    #[schema(required = true)]
    pub interest: String,
    /// Shekels pledged, whole; only an interested funder pledges.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub amount: String,
    /// A note for the other funders (conditions, timing, questions).
    #[serde(deserialize_with = "lenient::text")]
    pub note: String,
}

/// A checked answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PledgeInput {
    pub organization_id: OrganizationId,
    pub interest: Interest,
    pub amount: Option<i64>,
    pub note: Option<String>,
}

impl PledgeForm {
    pub fn parse(&self) -> Result<PledgeInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let organization = c.check(
            "organization_id",
            lenient::required_id(&self.organization_id),
        );
        let interest = c.check("interest", Interest::parse(&self.interest));
        let amount = c.check("amount", whole_amount(&self.amount));
        let note = c.check("note", optional_text(&self.note, LONG_TEXT_MAX));
        // A pledge is money promised; one that considers or declines promises none.
        if let (Some(interest), Some(Some(amount))) = (interest, amount)
            && interest != Interest::Interested
            && amount > 0
        {
            c.push("amount", Invalid::Choice);
        }
        match (organization, interest, amount, note) {
            (Some(organization), Some(interest), Some(amount), Some(note)) if c.is_empty() => {
                Ok(PledgeInput {
                    organization_id: OrganizationId::new(organization),
                    interest,
                    amount: amount.filter(|a| *a > 0),
                    note,
                })
            }
            _ => Err(c.into_errors()),
        }
    }
}

/// How much of a request the pledges cover: their sum, never more than what was asked
/// shown as more than whole (an over-pledge is kept, and said).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct FundingCoverage {
    /// Shekels asked for.
    pub requested: i64,
    /// Shekels pledged by funders that are interested.
    pub pledged: i64,
    /// What is still missing (0 when covered).
    pub missing: i64,
    /// Whole percent of the request covered, at most 100.
    pub percent: i64,
    /// Funders that pledged an amount.
    pub funders_pledged: usize,
}

/// The coverage of a request of `requested` shekels by these answers.
pub fn coverage(requested: i64, pledges: &[(Interest, Option<i64>)]) -> FundingCoverage {
    let pledged_by: Vec<i64> = pledges
        .iter()
        .filter(|(interest, _)| *interest == Interest::Interested)
        .filter_map(|(_, amount)| *amount)
        .filter(|a| *a > 0)
        .collect();
    let pledged: i64 = pledged_by.iter().sum();
    let percent = if requested > 0 {
        (pledged.saturating_mul(100) / requested).min(100)
    } else {
        0
    };
    FundingCoverage {
        requested,
        pledged,
        missing: (requested - pledged).max(0),
        percent,
        funders_pledged: pledged_by.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_needs_a_title_a_description_and_a_positive_amount() {
        let errors = FundingRequestForm {
            organization_id: "3".into(),
            amount: "0".into(),
            needed_by: "2027-13-01".into(),
            ..FundingRequestForm::default()
        }
        .parse()
        .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["title", "description", "amount", "needed_by"]);
        let input = FundingRequestForm {
            organization_id: "3".into(),
            title: "מעבדות רובוטיקה בפריפריה".into(),
            description: "ציוד לעשר מעבדות".into(),
            amount: "₪1,200,000".into(),
            result_ids: vec![4, 4, 6],
            ..FundingRequestForm::default()
        }
        .parse()
        .unwrap();
        assert_eq!(input.amount, 1_200_000);
        assert_eq!(input.status, RequestStatus::Open);
        assert_eq!(input.result_ids.len(), 2);
    }

    #[test]
    fn only_an_interested_funder_pledges_money() {
        let refused = PledgeForm {
            organization_id: "5".into(),
            interest: "declined".into(),
            amount: "100000".into(),
            ..PledgeForm::default()
        }
        .parse()
        .unwrap_err();
        assert_eq!(refused[0].field, "amount");
        let considering = PledgeForm {
            organization_id: "5".into(),
            interest: "considering".into(),
            amount: "0".into(),
            note: "נחליט ברבעון הבא".into(),
        }
        .parse()
        .unwrap();
        assert_eq!(considering.amount, None);
    }

    #[test]
    fn coverage_adds_only_interested_pledges_and_stops_at_whole() {
        let c = coverage(
            1_000_000,
            &[
                (Interest::Interested, Some(400_000)),
                (Interest::Interested, Some(350_000)),
                (Interest::Considering, None),
                (Interest::Declined, None),
            ],
        );
        assert_eq!(c.pledged, 750_000);
        assert_eq!(c.missing, 250_000);
        assert_eq!(c.percent, 75);
        assert_eq!(c.funders_pledged, 2);
        let over = coverage(100, &[(Interest::Interested, Some(150))]);
        assert_eq!((over.pledged, over.missing, over.percent), (150, 0, 100));
        assert_eq!(coverage(100, &[]).percent, 0);
    }
}
