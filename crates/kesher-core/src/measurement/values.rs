//! Values entered through a form or the API, and reading them back.

use std::collections::HashSet;

use kesher_domain::*;
use kesher_store::Indicator;

use crate::{Caller, CoreError, CoreResult, Kesher};

use super::*;

/// One value sent through the API or a form.
#[derive(Clone, Debug, serde::Deserialize, utoipa::ToSchema)]
pub struct ValueEntry {
    /// The indicator's code.
    pub indicator: String,
    pub place_id: i64,
    /// In the indicator's kind of period: `2021/22`, `2021`, `2021-Q3`, `2021-07`.
    pub period: String,
    /// The breakdown cell, dimension → value (`{"gender": "female"}`); empty for the total.
    #[serde(default)]
    pub cell: std::collections::BTreeMap<String, String>,
    pub value: Option<f64>,
    /// Why there is no value: `missing`, `suppressed` or `not_applicable`.
    pub missing: Option<String>,
    pub note: Option<String>,
}

/// A batch of values from one source.
#[derive(Clone, Debug, serde::Deserialize, utoipa::ToSchema)]
pub struct ValueBatchForm {
    /// What the values are (a report's name, a program's).
    #[schema(required = true)]
    pub source: String,
    #[schema(required = true)]
    pub entries: Vec<ValueEntry>,
}

impl Kesher {
    /// Writes values sent by a form or the API, all or none. The backbone's values are
    /// approved at once; a partner editor's, for the indicators their organization reports,
    /// are kept as a draft (`as_draft`) or sent for the backbone's approval. Answers with the
    /// state they were written in, so the user is told which happened.
    pub async fn enter_values(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        batch: &ValueBatchForm,
        kind: kesher_domain::measurement::values::SourceKind,
        as_draft: bool,
    ) -> CoreResult<(
        kesher_store::ValueWriteOutcome,
        kesher_domain::measurement::values::ValueState,
    )> {
        use kesher_domain::measurement::indicator::Cell;
        use kesher_domain::measurement::period::Period;
        use kesher_domain::measurement::values::{MissingReason, ValueState};
        use kesher_store::{NewSource, NewValue};

        use super::import::{DataIssue, DataProblem};

        let access = self.require(caller, initiative, |_| true).await?;
        let source = kesher_domain::text::Name::parse(&batch.source)
            .map_err(|problem| CoreError::invalid("source", problem))?;
        if batch.entries.is_empty() {
            return Err(CoreError::invalid("entries", Invalid::Required));
        }
        let indicators = self.store.indicators(initiative).await?;
        let places: HashSet<PlaceId> = self
            .store
            .places(initiative)
            .await?
            .into_iter()
            .map(|p| p.id)
            .collect();
        let mut issues = Vec::new();
        let mut values = Vec::new();
        let mut seen = HashSet::new();
        for (index, entry) in batch.entries.iter().enumerate() {
            let issue = |column: &str, problem: DataProblem| DataIssue {
                line: Some(index + 1),
                column: Some(column.to_string()),
                problem,
            };
            let Some(indicator) = indicators.iter().find(|i| i.code == entry.indicator) else {
                issues.push(issue(
                    "indicator",
                    DataProblem::UnknownIndicator {
                        value: entry.indicator.clone(),
                    },
                ));
                continue;
            };
            if !access.can_enter_values(indicator.owner_organization_id) {
                return Err(CoreError::Forbidden);
            }
            if indicator.is_computed() {
                issues.push(issue(
                    "indicator",
                    DataProblem::ComputedIndicator {
                        value: entry.indicator.clone(),
                    },
                ));
                continue;
            }
            let place = PlaceId::new(entry.place_id);
            if !places.contains(&place) {
                issues.push(issue(
                    "place_id",
                    DataProblem::UnknownPlace {
                        value: entry.place_id.to_string(),
                    },
                ));
                continue;
            }
            let period = match Period::parse(indicator.period_kind, &entry.period) {
                Ok(p) => p,
                Err(problem) => {
                    issues.push(issue("period", DataProblem::Cell { problem }));
                    continue;
                }
            };
            let missing = match (&entry.value, entry.missing.as_deref()) {
                (Some(_), _) => None,
                (None, Some(reason)) => match MissingReason::parse(reason) {
                    Ok(r) => Some(r),
                    Err(problem) => {
                        issues.push(issue("missing", DataProblem::Cell { problem }));
                        continue;
                    }
                },
                (None, None) => Some(MissingReason::Missing),
            };
            if let Some(v) = entry.value
                && let Err(problem) = self::checks::check_value(indicator, v)
            {
                issues.push(issue("value", problem));
                continue;
            }
            let cell = Cell::of(entry.cell.iter().map(|(d, v)| (d.as_str(), v.as_str())));
            if !seen.insert((indicator.id, place, period, cell.clone())) {
                issues.push(issue(
                    "indicator",
                    DataProblem::Duplicate {
                        first_line: index + 1,
                    },
                ));
                continue;
            }
            values.push(NewValue {
                indicator_id: indicator.id,
                place_id: place,
                period,
                cell,
                value: entry.value,
                missing,
                note: entry.note.clone().filter(|n| !n.trim().is_empty()),
            });
        }
        // With every entry read, entry n is value n: the rules can name their entries.
        if issues.is_empty() {
            let rules = self.rules_of(initiative).await?;
            let stored = self
                .stored_counterparts(&indicators, &rules, Some(&values))
                .await?;
            for (index, problem) in self::checks::check_batch(&values, &indicators, &rules, &stored)
            {
                issues.push(DataIssue {
                    line: Some(index + 1),
                    column: Some("value".into()),
                    problem,
                });
            }
        }
        if !issues.is_empty() {
            return Err(CoreError::DataImport(issues));
        }
        let state = if access.can_manage_measurement() {
            ValueState::Approved
        } else if as_draft {
            ValueState::Draft
        } else {
            ValueState::Submitted
        };
        let outcome = self
            .store
            .write_values(
                caller.actor(),
                initiative,
                &NewSource {
                    kind,
                    name: source.as_str().to_string(),
                },
                &[],
                &values,
                state,
            )
            .await?;
        Ok((outcome, state))
    }

    /// The initiative's rules between indicators.
    pub(crate) async fn rules_of(
        &self,
        initiative: InitiativeId,
    ) -> CoreResult<Vec<kesher_domain::measurement::quality::ValidationRule>> {
        Ok(self
            .store
            .validation_rules(initiative)
            .await?
            .into_iter()
            .map(|r| r.rule)
            .collect())
    }

    /// The stored values a batch's rules and weights are checked against: those of the
    /// indicators on either side of a rule or weighing a mean, at the batch's places and
    /// periods (`None`: everywhere, for a file whose places are not known before it is read).
    pub(crate) async fn stored_counterparts(
        &self,
        indicators: &[Indicator],
        rules: &[kesher_domain::measurement::quality::ValidationRule],
        batch: Option<&[kesher_store::NewValue]>,
    ) -> CoreResult<self::checks::StoredValues> {
        let wanted = self::checks::counterparts(indicators, rules);
        if wanted.is_empty() {
            return Ok(self::checks::StoredValues::new());
        }
        let (mut place_ids, mut periods) = (Vec::new(), Vec::new());
        if let Some(batch) = batch {
            place_ids = batch.iter().map(|v| v.place_id).collect();
            periods = batch.iter().map(|v| v.period).collect();
            place_ids.sort();
            place_ids.dedup();
            periods.sort();
            periods.dedup();
        }
        Ok(self
            .store
            .values(&kesher_store::ValueFilter {
                indicator_ids: wanted,
                place_ids,
                periods,
                ..kesher_store::ValueFilter::default()
            })
            .await?
            .into_iter()
            .filter_map(|v| {
                v.value
                    .map(|x| ((v.indicator_id, v.place_id, v.period, v.cell), x))
            })
            .collect())
    }

    /// Values of the initiative: by indicator, period and state (approved when not asked).
    pub async fn values(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        filter: kesher_store::ValueFilter,
    ) -> CoreResult<Vec<kesher_store::DataValue>> {
        let access = self.require(caller, initiative, |_| true).await?;
        // Values not yet approved (a partner's draft, a value returned with the backbone's
        // comment) are the reviewers' business; every other reader sees what the figures
        // count.
        let mut filter = filter;
        if !access.can_manage_measurement() {
            let approved = kesher_domain::measurement::values::ValueState::Approved;
            if filter.states.is_empty() || filter.states.contains(&approved) {
                filter.states = vec![approved];
            } else {
                return Ok(Vec::new());
            }
        }
        let own: HashSet<IndicatorId> = self
            .store
            .indicators(initiative)
            .await?
            .into_iter()
            .map(|i| i.id)
            .collect();
        if filter.indicator_ids.iter().any(|i| !own.contains(i)) {
            return Err(CoreError::NotFound);
        }
        if filter.indicator_ids.is_empty() {
            filter.indicator_ids = own.into_iter().collect();
        }
        if filter.indicator_ids.is_empty() {
            return Ok(Vec::new());
        }
        Ok(self.store.values(&filter).await?)
    }
}
