//! Comparing two versions of a text word by word, for the side-by-side view of agenda and
//! definition versions. The diff itself is `similar`'s; this module only shapes it.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

/// What happened to a run of text between two versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DiffKind {
    Same,
    Removed,
    Added,
}

/// A run of text with what happened to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct DiffPart {
    pub kind: DiffKind,
    pub text: String,
}

/// The old and the new text, each cut into runs: the old side marks what was removed, the
/// new side what was added. Neighbouring runs of one kind are joined.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct SideBySide {
    pub old: Vec<DiffPart>,
    pub new: Vec<DiffPart>,
    /// False when the two texts are the same.
    pub changed: bool,
}

fn push(parts: &mut Vec<DiffPart>, kind: DiffKind, text: &str) {
    match parts.last_mut() {
        Some(last) if last.kind == kind => last.text.push_str(text),
        _ => parts.push(DiffPart {
            kind,
            text: text.to_string(),
        }),
    }
}

/// A space left unchanged between two changed words belongs to the change, so that a
/// removed phrase reads as one run rather than a run per word.
fn join_across_spaces(parts: Vec<DiffPart>) -> Vec<DiffPart> {
    let mut out: Vec<DiffPart> = Vec::with_capacity(parts.len());
    let mut iter = parts.into_iter().peekable();
    while let Some(part) = iter.next() {
        let bridges = part.kind == DiffKind::Same
            && part.text.trim().is_empty()
            && out.last().is_some_and(|l| l.kind != DiffKind::Same)
            && iter
                .peek()
                .is_some_and(|n| Some(n.kind) == out.last().map(|l| l.kind));
        if bridges {
            if let (Some(last), Some(next)) = (out.last_mut(), iter.next()) {
                last.text.push_str(&part.text);
                last.text.push_str(&next.text);
            }
        } else {
            out.push(part);
        }
    }
    out
}

/// Compares two texts word by word (Hebrew and English alike: words are what whitespace
/// separates).
pub fn side_by_side(old: &str, new: &str) -> SideBySide {
    let diff = TextDiff::from_words(old, new);
    let mut result = SideBySide::default();
    for change in diff.iter_all_changes() {
        let text = change.value();
        match change.tag() {
            ChangeTag::Equal => {
                push(&mut result.old, DiffKind::Same, text);
                push(&mut result.new, DiffKind::Same, text);
            }
            ChangeTag::Delete => {
                result.changed = true;
                push(&mut result.old, DiffKind::Removed, text);
            }
            ChangeTag::Insert => {
                result.changed = true;
                push(&mut result.new, DiffKind::Added, text);
            }
        }
    }
    result.old = join_across_spaces(result.old);
    result.new = join_across_spaces(result.new);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(parts: &[DiffPart]) -> String {
        parts
            .iter()
            .map(|p| match p.kind {
                DiffKind::Same => p.text.clone(),
                DiffKind::Removed => format!("[-{}]", p.text),
                DiffKind::Added => format!("[+{}]", p.text),
            })
            .collect()
    }

    #[test]
    fn hebrew_words_are_marked_where_they_changed() {
        let d = side_by_side(
            "להכפיל את מספר הלומדים במתמטיקה ובפיזיקה",
            "להכפיל את מספר הלומדים והלומדות במתמטיקה, בפיזיקה ובכימיה",
        );
        assert!(d.changed);
        assert_eq!(show(&d.old), "להכפיל את מספר הלומדים [-במתמטיקה ובפיזיקה]");
        assert_eq!(
            show(&d.new),
            "להכפיל את מספר הלומדים [+והלומדות במתמטיקה, בפיזיקה ובכימיה]"
        );
    }

    #[test]
    fn the_same_text_has_no_changes() {
        let d = side_by_side("חזון משותף", "חזון משותף");
        assert!(!d.changed);
        assert_eq!(show(&d.new), "חזון משותף");
    }

    #[test]
    fn a_text_written_from_nothing_is_all_added() {
        let d = side_by_side("", "משימה חדשה");
        assert_eq!(show(&d.new), "[+משימה חדשה]");
        assert!(d.old.is_empty());
    }
}
