//! Contribution: for each population indicator, the programs and commitments that claim to
//! move it, where they work, and what their own output measures show. A program or a
//! commitment claims an indicator when it serves the node of the results tree the indicator
//! measures, or a node under it. A program's own output measures are not population
//! indicators (they are shown beside the program instead), nor are the infrastructure
//! indicators that follow the collaboration's health.

use std::collections::HashSet;

use kesher_domain::measurement::indicator::{Axis, Cell};
use kesher_domain::*;
use kesher_store::{Commitment, Indicator, Program, ResultNode};

use super::commitments::within;
use crate::measurement::headline::Standing;
use crate::measurement::picture::Measurement;
use crate::{Caller, CoreResult, Kesher};

/// An indicator with its standing for the whole initiative: the headline (complete
/// periods only) and a newer provisional figure, each with its coverage.
#[derive(Clone, Debug)]
pub struct Measured {
    pub indicator: Indicator,
    pub standing: Standing,
}

/// A program that claims to move an indicator.
#[derive(Clone, Debug)]
pub struct ProgramClaim {
    pub program: Program,
    /// The nodes it serves at or under the indicator's node.
    pub via: Vec<ResultNodeId>,
    /// Its own output measures.
    pub outputs: Vec<Measured>,
}

/// One population indicator and what claims to move it.
#[derive(Clone, Debug)]
pub struct IndicatorContribution {
    pub measured: Measured,
    pub node: ResultNode,
    pub programs: Vec<ProgramClaim>,
    pub commitments: Vec<Commitment>,
}

/// The initiative's contribution map.
#[derive(Clone, Debug)]
pub struct Contribution {
    pub indicators: Vec<IndicatorContribution>,
    /// Population indicators not linked to any node of the tree: nothing can claim them.
    pub unlinked: Vec<Indicator>,
}

fn measured(
    measurement: &Measurement,
    indicator: &Indicator,
    today: chrono::NaiveDate,
) -> Measured {
    let figures = measurement.figures(indicator, &Cell::total());
    Measured {
        indicator: indicator.clone(),
        standing: measurement.standing(
            indicator,
            &figures,
            measurement.initiative_place(indicator),
            today,
        ),
    }
}

/// The contribution map from what the initiative holds, as it stands on `today`.
pub fn contribution_of(
    measurement: &Measurement,
    nodes: &[ResultNode],
    programs: &[Program],
    commitments: &[Commitment],
    today: chrono::NaiveDate,
) -> Contribution {
    let outputs: HashSet<IndicatorId> = programs
        .iter()
        .flat_map(|p| p.indicator_ids.iter().copied())
        .collect();
    let mut out = Contribution {
        indicators: Vec::new(),
        unlinked: Vec::new(),
    };
    // The collaboration's own health (attendance, tasks done) is no population's.
    for indicator in measurement
        .indicators
        .iter()
        .filter(|i| !outputs.contains(&i.id) && i.axis != Axis::Infrastructure)
    {
        let Some(node) = indicator
            .result_node_id
            .and_then(|id| nodes.iter().find(|n| n.id == id))
        else {
            out.unlinked.push(indicator.clone());
            continue;
        };
        let claims = programs
            .iter()
            .filter_map(|program| {
                let via: Vec<ResultNodeId> = program
                    .result_ids
                    .iter()
                    .copied()
                    .filter(|r| within(nodes, *r, node.id))
                    .collect();
                (!via.is_empty()).then(|| ProgramClaim {
                    via,
                    outputs: measurement
                        .indicators
                        .iter()
                        .filter(|i| program.indicator_ids.contains(&i.id))
                        .map(|i| measured(measurement, i, today))
                        .collect(),
                    program: program.clone(),
                })
            })
            .collect();
        out.indicators.push(IndicatorContribution {
            measured: measured(measurement, indicator, today),
            node: node.clone(),
            programs: claims,
            commitments: commitments
                .iter()
                .filter(|c| within(nodes, c.result_id, node.id))
                .cloned()
                .collect(),
        });
    }
    out
}

impl Kesher {
    /// The contribution map (everyone who reads the initiative).
    pub async fn contribution(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
    ) -> CoreResult<Contribution> {
        self.require(caller, initiative, |_| true).await?;
        let measurement = self.load_measurement(initiative).await?;
        let nodes = self.store.results(initiative).await?;
        let programs = self.store.programs(initiative).await?;
        let commitments = self.store.commitments(initiative).await?;
        Ok(contribution_of(
            &measurement,
            &nodes,
            &programs,
            &commitments,
            crate::dates::today(),
        ))
    }
}
