//! The shape of the results tree and how nodes move in it. A node keeps its id wherever it
//! goes, so indicators, decisions and work-plan items that point at it never break; a move
//! only changes parents and positions, and can never make a node its own ancestor.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::ResultNodeId;

/// A node's place: its parent (none at the top) and its position among its siblings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Placement {
    pub id: ResultNodeId,
    pub parent: Option<ResultNodeId>,
    pub position: u32,
}

/// A small move, as the keyboard makes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Nudge {
    /// Before the previous sibling.
    Up,
    /// After the next sibling.
    Down,
    /// Under the previous sibling, as its last child.
    Indent,
    /// Out of its parent, right after it.
    Outdent,
}

impl Nudge {
    pub fn parse(raw: &str) -> Option<Nudge> {
        match raw {
            "up" => Some(Nudge::Up),
            "down" => Some(Nudge::Down),
            "indent" => Some(Nudge::Indent),
            "outdent" => Some(Nudge::Outdent),
            _ => None,
        }
    }
}

/// Why a move cannot be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MoveError {
    #[error("no such node")]
    UnknownNode,
    #[error("no such parent")]
    UnknownParent,
    #[error("a node cannot go under itself or its own descendants")]
    Cycle,
    #[error("the node is already at that edge")]
    NoRoom,
}

fn siblings(tree: &[Placement], parent: Option<ResultNodeId>) -> Vec<Placement> {
    let mut group: Vec<Placement> = tree
        .iter()
        .filter(|p| p.parent == parent)
        .copied()
        .collect();
    group.sort_by_key(|p| (p.position, p.id));
    group
}

/// Every node below `id`, at any depth.
pub fn descendants(tree: &[Placement], id: ResultNodeId) -> HashSet<ResultNodeId> {
    let mut children: HashMap<ResultNodeId, Vec<ResultNodeId>> = HashMap::new();
    for p in tree {
        if let Some(parent) = p.parent {
            children.entry(parent).or_default().push(p.id);
        }
    }
    let mut found = HashSet::new();
    let mut stack = vec![id];
    while let Some(current) = stack.pop() {
        for child in children.get(&current).into_iter().flatten() {
            if found.insert(*child) {
                stack.push(*child);
            }
        }
    }
    found
}

/// The nodes in reading order (each parent before its children, siblings by position),
/// with their depth (0 at the top).
pub fn depth_first(tree: &[Placement]) -> Vec<(ResultNodeId, usize)> {
    let mut out = Vec::with_capacity(tree.len());
    let mut stack: Vec<(ResultNodeId, usize)> = siblings(tree, None)
        .iter()
        .rev()
        .map(|p| (p.id, 0))
        .collect();
    let mut seen = HashSet::new();
    while let Some((id, depth)) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        out.push((id, depth));
        for child in siblings(tree, Some(id)).iter().rev() {
            stack.push((child.id, depth + 1));
        }
    }
    out
}

/// Where a nudge takes a node: its new parent and its index among the new siblings.
pub fn nudge(
    tree: &[Placement],
    id: ResultNodeId,
    nudge: Nudge,
) -> Result<(Option<ResultNodeId>, usize), MoveError> {
    let node = tree
        .iter()
        .find(|p| p.id == id)
        .ok_or(MoveError::UnknownNode)?;
    let group = siblings(tree, node.parent);
    let index = group
        .iter()
        .position(|p| p.id == id)
        .ok_or(MoveError::UnknownNode)?;
    match nudge {
        Nudge::Up if index > 0 => Ok((node.parent, index - 1)),
        Nudge::Down if index + 1 < group.len() => Ok((node.parent, index + 1)),
        Nudge::Indent if index > 0 => {
            let new_parent = group[index - 1].id;
            Ok((Some(new_parent), siblings(tree, Some(new_parent)).len()))
        }
        Nudge::Outdent => {
            let parent = node.parent.ok_or(MoveError::NoRoom)?;
            let parent_node = tree
                .iter()
                .find(|p| p.id == parent)
                .ok_or(MoveError::UnknownParent)?;
            let parent_index = siblings(tree, parent_node.parent)
                .iter()
                .position(|p| p.id == parent)
                .ok_or(MoveError::UnknownParent)?;
            Ok((parent_node.parent, parent_index + 1))
        }
        _ => Err(MoveError::NoRoom),
    }
}

/// The placements that change when `id` moves under `parent` at `index` (past the end means
/// last). Siblings on both sides are renumbered 0, 1, 2… so positions stay dense.
pub fn move_to(
    tree: &[Placement],
    id: ResultNodeId,
    parent: Option<ResultNodeId>,
    index: usize,
) -> Result<Vec<Placement>, MoveError> {
    let node = *tree
        .iter()
        .find(|p| p.id == id)
        .ok_or(MoveError::UnknownNode)?;
    if let Some(parent) = parent {
        if !tree.iter().any(|p| p.id == parent) {
            return Err(MoveError::UnknownParent);
        }
        if parent == id || descendants(tree, id).contains(&parent) {
            return Err(MoveError::Cycle);
        }
    }
    let mut changed = Vec::new();
    let mut renumber = |group: &[Placement], new_parent: Option<ResultNodeId>| {
        for (position, p) in group.iter().enumerate() {
            let placed = Placement {
                id: p.id,
                parent: new_parent,
                position: position as u32,
            };
            if placed != *p {
                changed.retain(|c: &Placement| c.id != p.id);
                changed.push(placed);
            }
        }
    };
    let old_group: Vec<Placement> = siblings(tree, node.parent)
        .into_iter()
        .filter(|p| p.id != id)
        .collect();
    if node.parent != parent {
        renumber(&old_group, node.parent);
    }
    let mut new_group: Vec<Placement> = if node.parent == parent {
        old_group
    } else {
        siblings(tree, parent)
    };
    let at = index.min(new_group.len());
    new_group.insert(at, node);
    renumber(&new_group, parent);
    Ok(changed)
}

/// Applies placements to a tree (what the store does in its transaction).
pub fn apply(tree: &mut [Placement], changes: &[Placement]) {
    for change in changes {
        if let Some(p) = tree.iter_mut().find(|p| p.id == change.id) {
            *p = *change;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: i64) -> ResultNodeId {
        ResultNodeId::new(n)
    }

    /// 1 mission; 2, 3 goals under it; 4, 5 levers under 2; 6 under 3.
    fn tree() -> Vec<Placement> {
        let p = |n, parent: Option<i64>, position| Placement {
            id: id(n),
            parent: parent.map(id),
            position,
        };
        vec![
            p(1, None, 0),
            p(2, Some(1), 0),
            p(3, Some(1), 1),
            p(4, Some(2), 0),
            p(5, Some(2), 1),
            p(6, Some(3), 0),
        ]
    }

    fn order(tree: &[Placement]) -> Vec<(i64, usize)> {
        depth_first(tree)
            .into_iter()
            .map(|(n, d)| (n.get(), d))
            .collect()
    }

    fn moved(
        mut tree: Vec<Placement>,
        node: i64,
        parent: Option<i64>,
        index: usize,
    ) -> Vec<Placement> {
        let changes = move_to(&tree, id(node), parent.map(id), index).unwrap();
        apply(&mut tree, &changes);
        tree
    }

    /// Every node still there, once; every parent exists; positions dense from 0.
    fn well_formed(tree: &[Placement]) {
        assert_eq!(
            depth_first(tree).len(),
            tree.len(),
            "nothing orphaned or lost"
        );
        for p in tree {
            if let Some(parent) = p.parent {
                assert!(tree.iter().any(|q| q.id == parent));
            }
        }
        let parents: HashSet<_> = tree.iter().map(|p| p.parent).collect();
        for parent in parents {
            let positions: Vec<u32> = siblings(tree, parent).iter().map(|p| p.position).collect();
            assert_eq!(positions, (0..positions.len() as u32).collect::<Vec<_>>());
        }
    }

    #[test]
    fn reading_order_follows_parents_and_positions() {
        assert_eq!(
            order(&tree()),
            vec![(1, 0), (2, 1), (4, 2), (5, 2), (3, 1), (6, 2)]
        );
    }

    #[test]
    fn moving_a_lever_to_another_goal_keeps_its_id_and_renumbers_both_sides() {
        let after = moved(tree(), 4, Some(3), 0);
        well_formed(&after);
        assert_eq!(
            order(&after),
            vec![(1, 0), (2, 1), (5, 2), (3, 1), (4, 2), (6, 2)]
        );
    }

    #[test]
    fn a_node_cannot_go_under_itself_or_its_descendants() {
        assert_eq!(
            move_to(&tree(), id(2), Some(id(2)), 0),
            Err(MoveError::Cycle)
        );
        assert_eq!(
            move_to(&tree(), id(1), Some(id(5)), 0),
            Err(MoveError::Cycle)
        );
        assert_eq!(
            move_to(&tree(), id(2), Some(id(99)), 0),
            Err(MoveError::UnknownParent)
        );
    }

    #[test]
    fn a_subtree_moves_whole() {
        let after = moved(tree(), 2, Some(3), 9);
        well_formed(&after);
        assert_eq!(
            order(&after),
            vec![(1, 0), (3, 1), (6, 2), (2, 2), (4, 3), (5, 3)]
        );
    }

    #[test]
    fn nudges_as_the_keyboard_makes_them() {
        let t = tree();
        assert_eq!(nudge(&t, id(5), Nudge::Up), Ok((Some(id(2)), 0)));
        assert_eq!(nudge(&t, id(4), Nudge::Up), Err(MoveError::NoRoom));
        assert_eq!(nudge(&t, id(2), Nudge::Down), Ok((Some(id(1)), 1)));
        assert_eq!(nudge(&t, id(3), Nudge::Indent), Ok((Some(id(2)), 2)));
        assert_eq!(nudge(&t, id(2), Nudge::Indent), Err(MoveError::NoRoom));
        assert_eq!(nudge(&t, id(6), Nudge::Outdent), Ok((Some(id(1)), 2)));
        assert_eq!(nudge(&t, id(1), Nudge::Outdent), Err(MoveError::NoRoom));
        // Applying each nudge keeps the tree whole.
        for (node, n) in [
            (5, Nudge::Up),
            (2, Nudge::Down),
            (3, Nudge::Indent),
            (6, Nudge::Outdent),
            (4, Nudge::Outdent),
        ] {
            let (parent, index) = nudge(&t, id(node), n).unwrap();
            well_formed(&moved(t.clone(), node, parent.map(|p| p.get()), index));
        }
    }

    #[test]
    fn moving_within_the_same_parent_reorders() {
        let after = moved(tree(), 5, Some(2), 0);
        well_formed(&after);
        assert_eq!(
            order(&after),
            vec![(1, 0), (2, 1), (5, 2), (4, 2), (3, 1), (6, 2)]
        );
    }
}
