//! The API's view of programs and the alignment map. Each type mirrors its record field by
//! field today; it is its own type so that a change in storage cannot change `/api/v1` unseen.

use chrono::NaiveDate;
use kesher_domain::activities::alignment as map;
use kesher_domain::*;
use serde::Serialize;
use utoipa::ToSchema;

/// A partner's program.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Program {
    pub id: ProgramId,
    pub initiative_id: InitiativeId,
    pub organization_id: OrganizationId,
    pub organization_name: String,
    pub name: String,
    pub description: Option<String>,
    /// The goals, levers and action components it serves.
    pub result_ids: Vec<ResultNodeId>,
    /// The places it names; it reaches every place under them too.
    pub place_ids: Vec<PlaceId>,
    /// Place groups it reaches, every member of each.
    pub place_group_ids: Vec<PlaceGroupId>,
    /// Its own output measures (indicators).
    pub indicator_ids: Vec<IndicatorId>,
    pub populations: Vec<String>,
    pub subjects: Vec<String>,
    pub age_bands: Vec<String>,
    /// One of the initiative's core programs, rather than a general one.
    pub core: bool,
    pub starts: Option<NaiveDate>,
    pub ends: Option<NaiveDate>,
}

impl From<kesher_store::Program> for Program {
    fn from(p: kesher_store::Program) -> Self {
        Self {
            id: p.id,
            initiative_id: p.initiative_id,
            organization_id: p.organization_id,
            organization_name: p.organization_name,
            name: p.name,
            description: p.description,
            result_ids: p.result_ids,
            place_ids: p.place_ids,
            place_group_ids: p.place_group_ids,
            indicator_ids: p.indicator_ids,
            populations: p.populations,
            subjects: p.subjects,
            age_bands: p.age_bands,
            core: p.core,
            starts: p.starts,
            ends: p.ends,
        }
    }
}

/// One goal of the results tree: the programs that serve it, their partners, and the
/// lowest places they reach.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct GoalAlignment {
    pub result_id: ResultNodeId,
    pub programs: Vec<ProgramId>,
    pub organizations: Vec<OrganizationId>,
    pub places: Vec<PlaceId>,
}

/// What no program serves.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct AlignmentGaps {
    /// Goals still pursued that no program serves.
    pub goals_without_programs: Vec<ResultNodeId>,
    /// The lowest places (schools, or an authority with none listed) no program reaches.
    pub places_without_programs: Vec<PlaceId>,
    /// Target populations the goals name that no program names.
    pub populations_without_programs: Vec<String>,
    /// Programs that serve no goal.
    pub programs_without_goals: Vec<ProgramId>,
}

/// Several programs for one goal in one place.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct AlignmentOverlap {
    pub place_id: PlaceId,
    pub result_id: ResultNodeId,
    pub program_ids: Vec<ProgramId>,
}

/// The alignment map: programs against goals and places.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Alignment {
    pub goals: Vec<GoalAlignment>,
    pub gaps: AlignmentGaps,
    pub overlaps: Vec<AlignmentOverlap>,
    /// How many programs the map counts (after the filters), of how many in all.
    pub programs_counted: usize,
    pub programs_in_all: usize,
}

impl From<&kesher_core::activities::alignment::AlignmentView> for Alignment {
    fn from(view: &kesher_core::activities::alignment::AlignmentView) -> Self {
        let map::Alignment {
            goals,
            gaps,
            overlaps,
            ..
        } = &view.alignment;
        Self {
            goals: goals
                .iter()
                .map(|g| GoalAlignment {
                    result_id: g.result_id,
                    programs: g.programs.clone(),
                    organizations: g.organizations.clone(),
                    places: g.places.clone(),
                })
                .collect(),
            gaps: AlignmentGaps {
                goals_without_programs: gaps.goals_without_programs.clone(),
                places_without_programs: gaps.places_without_programs.clone(),
                populations_without_programs: gaps.populations_without_programs.clone(),
                programs_without_goals: gaps.programs_without_goals.clone(),
            },
            overlaps: overlaps
                .iter()
                .map(|o| AlignmentOverlap {
                    place_id: o.place_id,
                    result_id: o.result_id,
                    program_ids: o.program_ids.clone(),
                })
                .collect(),
            programs_counted: view.programs.len(),
            programs_in_all: view.all_programs,
        }
    }
}
