//! The alignment map of an initiative: its programs against the goals of the results tree
//! and the places it counts, with the gaps and overlaps between them.

use std::collections::HashMap;

use chrono::NaiveDate;
use kesher_domain::activities::alignment::{Alignment, PlaceNode, ProgramReach, TreeNode, align};
use kesher_domain::activities::programs::ProgramInput;
use kesher_domain::agenda::{ResultKind, ResultStatus};
use kesher_domain::*;
use kesher_store::{Place, Program, ResultNode};
use serde::Deserialize;

use crate::agenda::ordered;
use crate::{Caller, CoreResult, Kesher};

/// Which programs the map counts.
#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct AlignmentFilter {
    /// Only programs for this target population (a standard code or the initiative's word).
    pub population: Option<String>,
    /// Only programs in this subject.
    pub subject: Option<String>,
    /// Only programs for this age band.
    pub age_band: Option<String>,
    /// Count programs that have ended too (by default only those running or ahead).
    pub include_ended: Option<bool>,
}

impl AlignmentFilter {
    fn keeps(&self, program: &Program, today: NaiveDate) -> bool {
        fn given(f: &Option<String>) -> Option<&str> {
            f.as_deref().map(str::trim).filter(|w| !w.is_empty())
        }
        given(&self.population).is_none_or(|w| ProgramInput::names(&program.populations, w))
            && given(&self.subject).is_none_or(|w| ProgramInput::names(&program.subjects, w))
            && given(&self.age_band).is_none_or(|w| ProgramInput::names(&program.age_bands, w))
            && (self.include_ended == Some(true) || program.ends.is_none_or(|e| e >= today))
    }
}

/// The map with what its pages need to name things.
pub struct AlignmentView {
    pub alignment: Alignment,
    /// The goals, in the tree's order.
    pub goals: Vec<ResultNode>,
    /// The programs the map counts.
    pub programs: Vec<Program>,
    /// Every program of the initiative, for the filters' choices.
    pub all_programs: usize,
    pub places: Vec<Place>,
}

impl AlignmentView {
    pub fn program(&self, id: ProgramId) -> Option<&Program> {
        self.programs.iter().find(|p| p.id == id)
    }

    pub fn place(&self, id: PlaceId) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }

    pub fn goal(&self, id: ResultNodeId) -> Option<&ResultNode> {
        self.goals.iter().find(|g| g.id == id)
    }
}

impl Kesher {
    /// Who serves which goal where, and what nobody serves (everyone in the initiative).
    pub async fn alignment(
        &self,
        caller: &Caller,
        initiative: InitiativeId,
        filter: &AlignmentFilter,
    ) -> CoreResult<AlignmentView> {
        self.require(caller, initiative, |_| true).await?;
        let today = crate::dates::today();
        let all = self.store.programs(initiative).await?;
        let all_programs = all.len();
        let programs: Vec<Program> = all.into_iter().filter(|p| filter.keeps(p, today)).collect();
        let nodes = ordered(self.store.results(initiative).await?);
        let tree: Vec<TreeNode> = nodes
            .iter()
            .map(|row| TreeNode {
                id: row.node.id,
                parent: row.node.parent_id,
                kind: row.node.kind,
                pursued: row.node.status != ResultStatus::Dropped,
                populations: row.node.populations.clone(),
            })
            .collect();
        let places = self.store.places(initiative).await?;
        let place_nodes: Vec<PlaceNode> = places
            .iter()
            .map(|p| PlaceNode {
                id: p.id,
                parent: p.parent_id,
            })
            .collect();
        let groups: HashMap<PlaceGroupId, Vec<PlaceId>> = self
            .store
            .place_groups(initiative)
            .await?
            .into_iter()
            .map(|g| (g.id, g.place_ids))
            .collect();
        let reach: Vec<ProgramReach> = programs
            .iter()
            .map(|p| {
                let mut place_ids = p.place_ids.clone();
                for group in &p.place_group_ids {
                    place_ids.extend(groups.get(group).into_iter().flatten());
                }
                ProgramReach {
                    id: p.id,
                    organization_id: p.organization_id,
                    result_ids: p.result_ids.clone(),
                    place_ids,
                    populations: p.populations.clone(),
                }
            })
            .collect();
        let alignment = align(&tree, &place_nodes, &reach);
        let goals = nodes
            .into_iter()
            .map(|row| row.node)
            .filter(|n| n.kind == ResultKind::Goal)
            .collect();
        Ok(AlignmentView {
            alignment,
            goals,
            programs,
            all_programs,
            places,
        })
    }
}
