//! The alignment map: which partners' programs serve which goals, in which places — and
//! where nobody does (gaps) or several programs do the same in one place (overlaps).
//!
//! A program reaches the places it names, every place under them, and every member of the
//! place groups it names. Gaps and overlaps are counted at the lowest places the
//! initiative keeps (those with nothing under them: schools, or an authority with no
//! schools listed), so that one city-wide program is not counted once for the city and
//! again for each school. A program serves a goal when it names the goal or a lever or
//! action component under it.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::agenda::ResultKind;
use crate::{OrganizationId, PlaceId, ProgramId, ResultNodeId};

/// A node of the results tree, as the map needs it.
#[derive(Clone, Debug)]
pub struct TreeNode {
    pub id: ResultNodeId,
    pub parent: Option<ResultNodeId>,
    pub kind: ResultKind,
    /// Whether the goal is still pursued (a dropped goal is no gap).
    pub pursued: bool,
    /// The target populations it names.
    pub populations: Vec<String>,
}

/// A place, as the map needs it.
#[derive(Clone, Copy, Debug)]
pub struct PlaceNode {
    pub id: PlaceId,
    pub parent: Option<PlaceId>,
}

/// A program, as the map needs it: its place groups already replaced by their members.
#[derive(Clone, Debug)]
pub struct ProgramReach {
    pub id: ProgramId,
    pub organization_id: OrganizationId,
    pub result_ids: Vec<ResultNodeId>,
    pub place_ids: Vec<PlaceId>,
    pub populations: Vec<String>,
}

/// One goal: who serves it and where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct GoalAlignment {
    pub result_id: ResultNodeId,
    pub programs: Vec<ProgramId>,
    pub organizations: Vec<OrganizationId>,
    /// The lowest places its programs reach.
    pub places: Vec<PlaceId>,
}

/// What nobody serves.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Gaps {
    /// Goals still pursued that no program serves.
    pub goals_without_programs: Vec<ResultNodeId>,
    /// The lowest places no program reaches.
    pub places_without_programs: Vec<PlaceId>,
    /// Target populations the goals name that no program names.
    pub populations_without_programs: Vec<String>,
    /// Programs that serve no goal of the tree.
    pub programs_without_goals: Vec<ProgramId>,
}

/// Several programs for one goal in one place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Overlap {
    pub place_id: PlaceId,
    pub result_id: ResultNodeId,
    pub program_ids: Vec<ProgramId>,
}

/// The whole map.
#[derive(Clone, Debug, Default, Serialize, utoipa::ToSchema)]
pub struct Alignment {
    pub goals: Vec<GoalAlignment>,
    pub gaps: Gaps,
    pub overlaps: Vec<Overlap>,
    /// Programs per place (any level: a place holds what reaches the places under it) and
    /// goal, for the places × goals matrix.
    #[serde(skip)]
    pub cells: HashMap<(PlaceId, ResultNodeId), BTreeSet<ProgramId>>,
    /// Programs reaching each place, whatever the goal (the map of schools).
    #[serde(skip)]
    pub reached: HashMap<PlaceId, BTreeSet<ProgramId>>,
}

/// The goal a node serves: itself if it is one, else the nearest goal above it.
fn goal_of(node: ResultNodeId, nodes: &HashMap<ResultNodeId, &TreeNode>) -> Option<ResultNodeId> {
    let mut at = nodes.get(&node)?;
    // A tree is finite and acyclic; the bound only guards against a damaged one.
    for _ in 0..nodes.len() {
        if at.kind == ResultKind::Goal {
            return Some(at.id);
        }
        at = nodes.get(&at.parent?)?;
    }
    None
}

fn folded(word: &str) -> String {
    word.trim().to_lowercase()
}

/// Builds the map. Goals come in the order of `tree`.
pub fn align(tree: &[TreeNode], places: &[PlaceNode], programs: &[ProgramReach]) -> Alignment {
    let nodes: HashMap<ResultNodeId, &TreeNode> = tree.iter().map(|n| (n.id, n)).collect();
    let mut children: HashMap<PlaceId, Vec<PlaceId>> = HashMap::new();
    let parent: HashMap<PlaceId, Option<PlaceId>> =
        places.iter().map(|p| (p.id, p.parent)).collect();
    for place in places {
        if let Some(up) = place.parent {
            children.entry(up).or_default().push(place.id);
        }
    }
    let is_leaf = |id: &PlaceId| !children.contains_key(id);

    // The lowest places each program reaches.
    let leaves_under = |start: PlaceId, into: &mut BTreeSet<PlaceId>| {
        let mut stack = vec![start];
        let mut seen = BTreeSet::new();
        while let Some(at) = stack.pop() {
            if !seen.insert(at) {
                continue;
            }
            match children.get(&at) {
                Some(below) => stack.extend(below.iter().copied()),
                None => {
                    into.insert(at);
                }
            }
        }
    };

    let mut per_goal: BTreeMap<ResultNodeId, (BTreeSet<ProgramId>, BTreeSet<OrganizationId>)> =
        BTreeMap::new();
    let mut goal_places: HashMap<ResultNodeId, BTreeSet<PlaceId>> = HashMap::new();
    let mut leaf_goal: BTreeMap<(PlaceId, ResultNodeId), BTreeSet<ProgramId>> = BTreeMap::new();
    let mut cells: HashMap<(PlaceId, ResultNodeId), BTreeSet<ProgramId>> = HashMap::new();
    let mut reached: HashMap<PlaceId, BTreeSet<ProgramId>> = HashMap::new();
    let mut programs_without_goals = Vec::new();
    let mut named_populations: BTreeSet<String> = BTreeSet::new();

    for program in programs {
        named_populations.extend(program.populations.iter().map(|p| folded(p)));
        let goals: BTreeSet<ResultNodeId> = program
            .result_ids
            .iter()
            .filter_map(|r| goal_of(*r, &nodes))
            .collect();
        if goals.is_empty() {
            programs_without_goals.push(program.id);
        }
        let mut leaves = BTreeSet::new();
        for place in &program.place_ids {
            if parent.contains_key(place) {
                leaves_under(*place, &mut leaves);
            }
        }
        // Each reached place and every place above it, once.
        let mut upwards: BTreeSet<PlaceId> = BTreeSet::new();
        for leaf in &leaves {
            let mut at = Some(*leaf);
            while let Some(here) = at {
                if !upwards.insert(here) {
                    break;
                }
                at = parent.get(&here).copied().flatten();
            }
        }
        for place in &upwards {
            reached.entry(*place).or_default().insert(program.id);
        }
        for goal in goals {
            let entry = per_goal.entry(goal).or_default();
            entry.0.insert(program.id);
            entry.1.insert(program.organization_id);
            goal_places.entry(goal).or_default().extend(&leaves);
            for leaf in &leaves {
                leaf_goal
                    .entry((*leaf, goal))
                    .or_default()
                    .insert(program.id);
            }
            for place in &upwards {
                cells.entry((*place, goal)).or_default().insert(program.id);
            }
        }
    }

    let goal_nodes: Vec<&TreeNode> = tree.iter().filter(|n| n.kind == ResultKind::Goal).collect();
    let goals = goal_nodes
        .iter()
        .map(|goal| {
            let (programs, organizations) = per_goal.remove(&goal.id).unwrap_or_default();
            GoalAlignment {
                result_id: goal.id,
                programs: programs.into_iter().collect(),
                organizations: organizations.into_iter().collect(),
                places: goal_places
                    .remove(&goal.id)
                    .unwrap_or_default()
                    .into_iter()
                    .collect(),
            }
        })
        .collect::<Vec<_>>();
    let goals_without_programs = goals
        .iter()
        .zip(&goal_nodes)
        .filter(|(g, node)| node.pursued && g.programs.is_empty())
        .map(|(g, _)| g.result_id)
        .collect();
    let places_without_programs = places
        .iter()
        .filter(|p| is_leaf(&p.id) && !reached.contains_key(&p.id))
        .map(|p| p.id)
        .collect();
    // The populations the pursued goals (and what lies under them) name, as first written.
    let mut populations_without_programs: Vec<String> = Vec::new();
    for node in tree {
        let pursued = goal_of(node.id, &nodes)
            .and_then(|g| nodes.get(&g))
            .is_some_and(|g| g.pursued);
        if !pursued {
            continue;
        }
        for population in &node.populations {
            let key = folded(population);
            if !named_populations.contains(&key)
                && !populations_without_programs
                    .iter()
                    .any(|p| folded(p) == key)
            {
                populations_without_programs.push(population.trim().to_string());
            }
        }
    }
    let overlaps = leaf_goal
        .into_iter()
        .filter(|(_, programs)| programs.len() > 1)
        .map(|((place_id, result_id), programs)| Overlap {
            place_id,
            result_id,
            program_ids: programs.into_iter().collect(),
        })
        .collect();
    Alignment {
        goals,
        gaps: Gaps {
            goals_without_programs,
            places_without_programs,
            populations_without_programs,
            programs_without_goals,
        },
        overlaps,
        cells,
        reached,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: i64, parent: Option<i64>, kind: ResultKind) -> TreeNode {
        TreeNode {
            id: ResultNodeId::new(id),
            parent: parent.map(ResultNodeId::new),
            kind,
            pursued: true,
            populations: Vec::new(),
        }
    }

    fn place(id: i64, parent: Option<i64>) -> PlaceNode {
        PlaceNode {
            id: PlaceId::new(id),
            parent: parent.map(PlaceId::new),
        }
    }

    fn program(id: i64, org: i64, results: &[i64], places: &[i64]) -> ProgramReach {
        ProgramReach {
            id: ProgramId::new(id),
            organization_id: OrganizationId::new(org),
            result_ids: results.iter().copied().map(ResultNodeId::new).collect(),
            place_ids: places.iter().copied().map(PlaceId::new).collect(),
            populations: Vec::new(),
        }
    }

    fn ids<T: Copy>(make: fn(i64) -> T, raw: &[i64]) -> Vec<T> {
        raw.iter().copied().map(make).collect()
    }

    /// Mission 1 → goals 10 (lever 11 → action component 12) and 20, and goal 30 (dropped).
    /// City 100 → schools 101, 102, 103; a second city 200 with no schools listed.
    fn tree() -> Vec<TreeNode> {
        let mut dropped = node(30, Some(1), ResultKind::Goal);
        dropped.pursued = false;
        let mut girls = node(20, Some(1), ResultKind::Goal);
        girls.populations = vec!["Girls".into(), "חרדים".into()];
        vec![
            node(1, None, ResultKind::Mission),
            node(10, Some(1), ResultKind::Goal),
            node(11, Some(10), ResultKind::Lever),
            node(12, Some(11), ResultKind::ActionComponent),
            girls,
            dropped,
        ]
    }

    fn places() -> Vec<PlaceNode> {
        vec![
            place(100, None),
            place(101, Some(100)),
            place(102, Some(100)),
            place(103, Some(100)),
            place(200, None),
        ]
    }

    #[test]
    fn a_program_serves_the_goal_above_its_action_component_in_the_schools_under_its_city() {
        let programs = vec![
            program(1, 7, &[12], &[100]),
            program(2, 8, &[10], &[101]),
            program(3, 8, &[1], &[102]),
        ];
        let map = align(&tree(), &places(), &programs);
        let first = &map.goals[0];
        assert_eq!(first.result_id, ResultNodeId::new(10));
        assert_eq!(first.programs, ids(ProgramId::new, &[1, 2]));
        assert_eq!(first.organizations, ids(OrganizationId::new, &[7, 8]));
        assert_eq!(first.places, ids(PlaceId::new, &[101, 102, 103]));
        // Goal 20 has nobody; the dropped goal 30 is no gap; the mission is no goal.
        assert_eq!(map.goals.len(), 3);
        assert_eq!(map.gaps.goals_without_programs, vec![ResultNodeId::new(20)]);
        // Program 3 names only the mission.
        assert_eq!(map.gaps.programs_without_goals, vec![ProgramId::new(3)]);
        // The second city has no schools listed: it is itself a lowest place, and a gap.
        assert_eq!(map.gaps.places_without_programs, vec![PlaceId::new(200)]);
        // School 101 has the city-wide program and its own for goal 10: an overlap, once.
        assert_eq!(
            map.overlaps,
            vec![Overlap {
                place_id: PlaceId::new(101),
                result_id: ResultNodeId::new(10),
                program_ids: ids(ProgramId::new, &[1, 2]),
            }]
        );
        // The city's cell holds both programs; a school's only what reaches it.
        let cell = |p: i64, g: i64| {
            map.cells
                .get(&(PlaceId::new(p), ResultNodeId::new(g)))
                .map(|s| s.len())
                .unwrap_or(0)
        };
        assert_eq!(cell(100, 10), 2);
        assert_eq!(cell(103, 10), 1);
        assert_eq!(cell(200, 10), 0);
        assert_eq!(map.reached[&PlaceId::new(102)].len(), 2);
    }

    #[test]
    fn a_population_the_goals_name_is_a_gap_until_a_program_names_it() {
        let mut reaching_girls = program(1, 7, &[20], &[101]);
        reaching_girls.populations = vec![" girls".into()];
        let map = align(&tree(), &places(), &[reaching_girls]);
        assert_eq!(map.gaps.populations_without_programs, vec!["חרדים"]);
        assert!(map.overlaps.is_empty());
        assert_eq!(
            map.gaps.places_without_programs,
            ids(PlaceId::new, &[102, 103, 200])
        );
    }

    #[test]
    fn with_no_programs_every_pursued_goal_and_lowest_place_is_a_gap() {
        let map = align(&tree(), &places(), &[]);
        assert_eq!(
            map.gaps.goals_without_programs,
            ids(ResultNodeId::new, &[10, 20])
        );
        assert_eq!(
            map.gaps.places_without_programs,
            ids(PlaceId::new, &[101, 102, 103, 200])
        );
        assert!(map.goals.iter().all(|g| g.programs.is_empty()));
    }

    #[test]
    fn a_place_of_another_initiative_or_unknown_reaches_nothing() {
        let map = align(&tree(), &places(), &[program(1, 7, &[10], &[999])]);
        assert!(map.goals[0].places.is_empty());
        assert!(map.reached.is_empty());
    }
}
