//! Progress of the whole initiative: each indicator's headline, provisional period, change
//! and status, counted by status and by goal, and Strive's proof point (at least 60% of the
//! indicators improving, or the initiative's own threshold).

use std::collections::{BTreeMap, HashMap, HashSet};

use kesher_domain::access::Access;
use kesher_domain::agenda::ResultKind;
use kesher_domain::measurement::indicator::Cell;
use kesher_domain::measurement::progress::{Change, ProofPoint, proof_point};
use kesher_domain::measurement::status::{Reason, Status};
use kesher_domain::*;
use kesher_store::{Indicator, MeasurementSettings, ResultNode};

use super::headline::{FigureAt, Standing};
use super::picture::Measurement;
use crate::{Caller, CoreError, CoreResult, Kesher};

/// How many indicators stand at each status, every status named (zero included).
pub type StatusCounts = BTreeMap<&'static str, u32>;

fn counts<'a>(statuses: impl IntoIterator<Item = &'a Status>) -> StatusCounts {
    let mut out: StatusCounts = Status::ALL.iter().map(|s| (s.code(), 0)).collect();
    for status in statuses {
        *out.entry(status.code()).or_default() += 1;
    }
    out
}

/// One indicator's progress for the whole initiative.
#[derive(Clone, Debug)]
pub struct IndicatorProgress {
    pub indicator: Indicator,
    pub standing: Standing,
}

impl IndicatorProgress {
    pub fn latest(&self) -> Option<FigureAt> {
        self.standing.latest
    }
    pub fn change_since_previous(&self) -> Option<(f64, Change)> {
        self.standing.since_previous
    }
    pub fn change_since_baseline(&self) -> Option<(f64, Change)> {
        self.standing.since_baseline
    }
    pub fn reason(&self) -> Reason {
        self.standing.reason
    }
}

/// A goal of the results tree with the indicators that measure it or anything under it.
#[derive(Clone, Debug)]
pub struct GoalProgress {
    pub goal: ResultNode,
    pub counts: StatusCounts,
    pub indicator_ids: Vec<IndicatorId>,
    pub proof_point: ProofPoint,
}

/// The initiative's progress.
#[derive(Clone, Debug)]
pub struct Progress {
    pub proof_point: ProofPoint,
    pub counts: StatusCounts,
    pub indicators: Vec<IndicatorProgress>,
    pub goals: Vec<GoalProgress>,
    pub settings: MeasurementSettings,
}

/// The goal each results node stands under (a goal stands under itself).
fn goal_of(nodes: &[ResultNode]) -> HashMap<ResultNodeId, ResultNodeId> {
    let by_id: HashMap<ResultNodeId, &ResultNode> = nodes.iter().map(|n| (n.id, n)).collect();
    let mut out = HashMap::new();
    for node in nodes {
        let mut current = Some(node);
        let mut steps = 0;
        while let Some(n) = current {
            if n.kind == ResultKind::Goal {
                out.insert(node.id, n.id);
                break;
            }
            steps += 1;
            if steps > nodes.len() {
                break;
            }
            current = n.parent_id.and_then(|p| by_id.get(&p).copied());
        }
    }
    out
}

impl Kesher {
    /// Every indicator's standing for the whole initiative today, by status and by goal,
    /// with the proof point.
    pub async fn progress(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Progress> {
        self.require(caller, initiative, |_| true).await?;
        let measurement = self.load_measurement(initiative).await?;
        let nodes = self.store.results(initiative).await?;
        let settings = self.store.measurement_settings(initiative).await?;
        Ok(progress_of(
            &measurement,
            &nodes,
            settings,
            chrono::Utc::now().date_naive(),
        ))
    }

    /// Saves the proof-point threshold (backbone), in percent from 1 to 100.
    pub async fn save_measurement_settings(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        proof_point_threshold: &str,
    ) -> CoreResult<(MeasurementSettings, Access)> {
        let access = self
            .require(caller, initiative, |a| a.can_manage_measurement())
            .await?;
        let threshold =
            match kesher_domain::measurement::indicator::parse_number(proof_point_threshold) {
                Ok(Some(t)) if (1.0..=100.0).contains(&t) => t,
                Ok(None) => kesher_domain::measurement::progress::DEFAULT_PROOF_POINT,
                Ok(Some(_)) | Err(_) => {
                    return Err(CoreError::invalid(
                        "proof_point_threshold",
                        Invalid::Range { min: 1, max: 100 },
                    ));
                }
            };
        let saved = self
            .store
            .save_measurement_settings(
                caller.actor(),
                initiative,
                &MeasurementSettings {
                    proof_point_threshold: threshold,
                },
            )
            .await?;
        Ok((saved, access))
    }
}

/// The progress of a measurement on `today` (the pure part, tested by hand computations).
pub fn progress_of(
    measurement: &Measurement,
    nodes: &[ResultNode],
    settings: MeasurementSettings,
    today: chrono::NaiveDate,
) -> Progress {
    let threshold = settings.proof_point_threshold;
    let indicators: Vec<IndicatorProgress> = measurement
        .indicators
        .iter()
        .map(|indicator| {
            let figures = measurement.figures(indicator, &Cell::total());
            IndicatorProgress {
                indicator: indicator.clone(),
                standing: measurement.standing(
                    indicator,
                    &figures,
                    measurement.initiative_place(indicator),
                    today,
                ),
            }
        })
        .collect();
    let goal_of = goal_of(nodes);
    let goals = nodes
        .iter()
        .filter(|n| n.kind == ResultKind::Goal)
        .map(|goal| {
            let under: Vec<&IndicatorProgress> = indicators
                .iter()
                .filter(|p| {
                    p.indicator
                        .result_node_id
                        .and_then(|r| goal_of.get(&r))
                        .is_some_and(|g| *g == goal.id)
                })
                .collect();
            GoalProgress {
                goal: goal.clone(),
                counts: counts(under.iter().map(|p| &p.standing.status)),
                indicator_ids: under.iter().map(|p| p.indicator.id).collect(),
                proof_point: proof_point(under.iter().map(|p| p.standing.improving), threshold),
            }
        })
        .collect();
    Progress {
        proof_point: proof_point(indicators.iter().map(|p| p.standing.improving), threshold),
        counts: counts(indicators.iter().map(|p| &p.standing.status)),
        indicators,
        goals,
        settings,
    }
}

impl Progress {
    /// The indicators that measure no goal (nor anything under one).
    pub fn without_goal(&self) -> impl Iterator<Item = &IndicatorProgress> {
        self.indicators.iter().filter(|p| {
            !self
                .goals
                .iter()
                .any(|g| g.indicator_ids.contains(&p.indicator.id))
        })
    }

    /// The indicators of one results node: measuring it or anything under it.
    pub fn under(&self, node: ResultNodeId, nodes: &[ResultNode]) -> Vec<&IndicatorProgress> {
        let mut inside: HashSet<ResultNodeId> = HashSet::from([node]);
        // Nodes come in no particular order; repeat until nothing is added.
        loop {
            let before = inside.len();
            for n in nodes {
                if n.parent_id.is_some_and(|p| inside.contains(&p)) {
                    inside.insert(n.id);
                }
            }
            if inside.len() == before {
                break;
            }
        }
        self.indicators
            .iter()
            .filter(|p| {
                p.indicator
                    .result_node_id
                    .is_some_and(|r| inside.contains(&r))
            })
            .collect()
    }
}
