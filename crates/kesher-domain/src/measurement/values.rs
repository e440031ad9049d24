//! Data values and where they stand: missing or suppressed with a reason, the approval
//! workflow from a partner's draft to the backbone's approval, and targets.

use serde::{Deserialize, Serialize};

use super::indicator::parse_number;
use super::period::{Period, PeriodKind};
use crate::text::{LINE_MAX, optional_line};
use crate::validation::Checker;
use crate::{FieldError, Invalid, PlaceId, choice_enum, lenient};

choice_enum!(
    /// Where a value stands in the approval workflow.
    ValueState, "value-state", {
        /// Saved by a partner, not yet sent.
        Draft => "draft",
        /// Sent to the backbone for approval.
        Submitted => "submitted",
        /// Approved by the backbone (imports by the backbone arrive approved).
        Approved => "approved",
        /// Sent back to the partner with a comment.
        Returned => "returned",
    }
);

impl ValueState {
    /// The moves the workflow allows: a partner submits a draft or a returned value; the
    /// backbone approves or returns a submitted one.
    pub fn can_become(self, next: ValueState) -> bool {
        use ValueState::*;
        matches!(
            (self, next),
            (Draft | Returned, Submitted) | (Submitted, Approved | Returned)
        )
    }

    /// The small integer stored with each value.
    pub fn as_number(self) -> i64 {
        match self {
            ValueState::Draft => 0,
            ValueState::Submitted => 1,
            ValueState::Approved => 2,
            ValueState::Returned => 3,
        }
    }

    pub fn from_number(n: i64) -> Option<Self> {
        Self::ALL.iter().copied().find(|s| s.as_number() == n)
    }

    /// Whether the value counts in charts, roll-ups and exports.
    pub fn is_published(self) -> bool {
        self == ValueState::Approved
    }
}

choice_enum!(
    /// Why a value has no number.
    MissingReason, "missing-reason", {
        /// Not reported (the file had an empty cell).
        Missing => "missing",
        /// Withheld by the source to protect a small group.
        Suppressed => "suppressed",
        /// Does not apply to this place (no upper school, no such grade).
        NotApplicable => "not_applicable",
    }
);

impl MissingReason {
    /// Reads the marks files use for a value that is not there: its code, or what school
    /// files write for a value withheld to protect a small group (`s`, `*`, `<10`,
    /// `חסוי`) and for one that does not apply (`n/a`, `לא רלוונטי`).
    pub fn from_mark(raw: &str) -> Option<MissingReason> {
        let mark = raw.trim().to_lowercase();
        if let Ok(reason) = MissingReason::parse(&mark) {
            return Some(reason);
        }
        match mark.as_str() {
            "s" | "*" | "**" | "x" | "חסוי" | "suppressed value" => {
                Some(MissingReason::Suppressed)
            }
            m if m.starts_with('<') || m.starts_with("n<") => Some(MissingReason::Suppressed),
            "n/a" | "na" | "לא רלוונטי" => Some(MissingReason::NotApplicable),
            _ => None,
        }
    }
}

choice_enum!(
    /// How values arrived.
    SourceKind, "source-kind", {
        File => "file",
        Form => "form",
        Api => "api",
        CommandLine => "command_line",
        Demo => "demo",
        /// Computed by Kesher from the meetings' record (the health of the collaboration).
        Meetings => "meetings",
    }
);

/// A target for one period: a number, or a benchmark place whose value the target follows
/// ("the national average").
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct TargetForm {
    #[serde(deserialize_with = "lenient::text")]
    #[schema(required = true)]
    pub period: String,
    #[serde(deserialize_with = "lenient::number")]
    #[schema(value_type = Option<f64>)]
    #[schema(required = true)]
    pub value: String,
    /// A place whose value of the same indicator the target follows.
    #[serde(deserialize_with = "lenient::integer")]
    #[schema(value_type = Option<i64>)]
    pub benchmark_place_id: String,
    #[serde(deserialize_with = "lenient::text")]
    pub note: String,
}

/// A checked target.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetInput {
    pub period: Period,
    pub value: Option<f64>,
    pub benchmark_place_id: Option<PlaceId>,
    pub note: Option<String>,
}

impl TargetForm {
    pub fn parse(&self, kind: PeriodKind) -> Result<TargetInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let period = c.check("period", Period::parse(kind, &self.period));
        let value = c.check("value", parse_number(&self.value));
        let benchmark = c.check(
            "benchmark_place_id",
            lenient::optional_id(&self.benchmark_place_id),
        );
        let note = c.check("note", optional_line(&self.note, LINE_MAX));
        if value == Some(None) && benchmark == Some(None) {
            c.push("value", Invalid::Required);
        }
        match (period, value, benchmark, note) {
            (Some(period), Some(value), Some(benchmark), Some(note)) if c.is_empty() => {
                Ok(TargetInput {
                    period,
                    value,
                    benchmark_place_id: benchmark.map(PlaceId::new),
                    note,
                })
            }
            _ => Err(c.into_errors()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_marks_of_a_withheld_value_are_read() {
        for mark in ["s", "*", "<10", "n<5", "חסוי", "suppressed"] {
            assert_eq!(
                MissingReason::from_mark(mark),
                Some(MissingReason::Suppressed),
                "{mark}"
            );
        }
        assert_eq!(
            MissingReason::from_mark("n/a"),
            Some(MissingReason::NotApplicable)
        );
        assert_eq!(MissingReason::from_mark("many"), None);
    }

    #[test]
    fn the_workflow_moves_one_way() {
        use ValueState::*;
        assert!(Draft.can_become(Submitted));
        assert!(Submitted.can_become(Approved));
        assert!(Submitted.can_become(Returned));
        assert!(Returned.can_become(Submitted));
        assert!(!Draft.can_become(Approved));
        assert!(!Approved.can_become(Draft));
        for state in ValueState::ALL {
            assert_eq!(ValueState::from_number(state.as_number()), Some(*state));
        }
    }

    #[test]
    fn a_target_needs_a_number_or_a_benchmark() {
        let form = TargetForm {
            period: "תשפ\"ו".into(),
            ..TargetForm::default()
        };
        let errors = form.parse(PeriodKind::SchoolYear).unwrap_err();
        assert_eq!(errors[0].field, "value");
        let target = TargetForm {
            benchmark_place_id: "1".into(),
            ..form
        }
        .parse(PeriodKind::SchoolYear)
        .unwrap();
        assert_eq!(target.period, Period::SchoolYear(2025));
    }
}
