//! Five Whys answers, kept as a flat list with parent links so the file diffs well.
//! [`WhyTree`] reads that list as a forest; [`WhyTreeEdit`] changes it without ever
//! breaking it: every parent exists, no answer is its own ancestor, ids never change.

use std::collections::HashSet;

use super::{Extra, WhyIndex};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Why {
    pub id: String,
    /// `None`: asked of the incident itself.
    pub parent: Option<String>,
    pub text: String,
    /// The facilitator marked this answer as a condition of the system someone can change.
    pub system_condition: bool,
    pub note: String,
    /// The wrong turn this answer asks again in system terms: the only thing that makes a
    /// wrong turn count as reframed. A hand-edited file may point at a why that is gone;
    /// `check` reports it.
    pub reframes: Option<String>,
    pub extra: Extra,
}

impl Why {
    pub fn new(id: impl Into<String>, parent: Option<&str>, text: impl Into<String>) -> Self {
        Why {
            id: id.into(),
            parent: parent.map(str::to_string),
            text: text.into(),
            ..Why::default()
        }
    }
}

/// Why a tree change was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TreeError {
    #[error("there is no answer {0}")]
    Missing(String),
    #[error("{0} cannot move under itself or under one of its own answers")]
    Cycle(String),
}

/// Reading the flat list as a forest. Sibling order is the order in the list.
pub trait WhyTree {
    fn why(&self, id: &str) -> Option<&Why>;
    /// Answers directly under `parent` (`None`: asked of the incident), in order.
    fn children_of(&self, parent: Option<&str>) -> Vec<&Why>;
    fn roots(&self) -> Vec<&Why> {
        self.children_of(None)
    }
    fn is_leaf(&self, id: &str) -> bool {
        self.children_of(Some(id)).is_empty()
    }
    /// The chain from a top-level answer down to `id`, both included.
    fn path_to_root(&self, id: &str) -> Vec<&Why>;
    /// 0 for a top-level answer.
    fn depth(&self, id: &str) -> usize {
        self.path_to_root(id).len().saturating_sub(1)
    }
    /// `id` and everything under it, depth first, in sibling order.
    fn subtree(&self, id: &str) -> Vec<&Why>;
    /// The whole forest depth first, with each answer's depth.
    fn walk(&self) -> Vec<(&Why, usize)>;
}

impl WhyTree for [Why] {
    fn why(&self, id: &str) -> Option<&Why> {
        self.iter().find(|w| w.id == id)
    }

    fn children_of(&self, parent: Option<&str>) -> Vec<&Why> {
        self.iter().filter(|w| w.parent.as_deref() == parent).collect()
    }

    fn is_leaf(&self, id: &str) -> bool {
        !self.iter().any(|w| w.parent.as_deref() == Some(id))
    }

    // The walks below go through an index built for the call: one pass over the list
    // instead of one per answer (see `WhyIndex`).
    fn path_to_root(&self, id: &str) -> Vec<&Why> {
        WhyIndex::new(self).path_to_root(id)
    }

    fn subtree(&self, id: &str) -> Vec<&Why> {
        WhyIndex::new(self).subtree(id)
    }

    fn walk(&self) -> Vec<(&Why, usize)> {
        WhyIndex::new(self).walk()
    }
}

/// Changing the tree. New answers and moved branches are placed right after their new
/// parent's last descendant, so the saved file reads top to bottom like the tree.
pub trait WhyTreeEdit {
    /// Adds `why` as the last answer under `parent` (`None`: asked of the incident).
    fn add_child(&mut self, parent: Option<&str>, why: Why) -> Result<(), TreeError>;
    /// Adds `why` right after `of`, under the same parent.
    fn add_sibling(&mut self, of: &str, why: Why) -> Result<(), TreeError>;
    /// Adds `why` beside the wrong turn `of`, recording that it reframes `of`.
    fn add_reframing(&mut self, of: &str, why: Why) -> Result<(), TreeError>;
    /// Removes `id` and everything under it; returns what was removed, in list order.
    fn remove_subtree(&mut self, id: &str) -> Vec<Why>;
    /// Swaps `id` with the sibling before it. False when it is already first.
    fn move_up(&mut self, id: &str) -> bool;
    /// Swaps `id` with the sibling after it. False when it is already last.
    fn move_down(&mut self, id: &str) -> bool;
    /// Moves `id` (with its answers) to be the last answer under `parent`.
    fn reparent(&mut self, id: &str, parent: Option<&str>) -> Result<(), TreeError>;
}

impl WhyTreeEdit for Vec<Why> {
    fn add_child(&mut self, parent: Option<&str>, mut why: Why) -> Result<(), TreeError> {
        if let Some(p) = parent
            && self.why(p).is_none()
        {
            return Err(TreeError::Missing(p.into()));
        }
        why.parent = parent.map(str::to_string);
        let at = end_of_children(self, parent);
        self.insert(at, why);
        Ok(())
    }

    fn add_sibling(&mut self, of: &str, mut why: Why) -> Result<(), TreeError> {
        let sibling = self.why(of).ok_or_else(|| TreeError::Missing(of.into()))?;
        why.parent = sibling.parent.clone();
        let at = end_of_subtree(self, of);
        self.insert(at, why);
        Ok(())
    }

    fn add_reframing(&mut self, of: &str, mut why: Why) -> Result<(), TreeError> {
        why.reframes = Some(of.to_string());
        self.add_sibling(of, why)
    }

    fn remove_subtree(&mut self, id: &str) -> Vec<Why> {
        let gone: HashSet<String> = self.subtree(id).iter().map(|w| w.id.clone()).collect();
        let (removed, mut kept): (Vec<Why>, Vec<Why>) =
            std::mem::take(self).into_iter().partition(|w| gone.contains(&w.id));
        // A reframing of a removed answer no longer reframes anything.
        for w in &mut kept {
            if w.reframes.as_ref().is_some_and(|r| gone.contains(r)) {
                w.reframes = None;
            }
        }
        *self = kept;
        removed
    }

    fn move_up(&mut self, id: &str) -> bool {
        let Some(parent) = self.why(id).map(|w| w.parent.clone()) else { return false };
        let siblings: Vec<String> =
            self.children_of(parent.as_deref()).iter().map(|w| w.id.clone()).collect();
        match siblings.iter().position(|s| s == id) {
            Some(i) if i > 0 => {
                let block = take_block(self, id);
                let at = self.iter().position(|w| w.id == siblings[i - 1]).unwrap_or(0);
                splice_at(self, at, block);
                true
            }
            _ => false,
        }
    }

    fn move_down(&mut self, id: &str) -> bool {
        let Some(parent) = self.why(id).map(|w| w.parent.clone()) else { return false };
        let siblings: Vec<String> =
            self.children_of(parent.as_deref()).iter().map(|w| w.id.clone()).collect();
        match siblings.iter().position(|s| s == id) {
            Some(i) if i + 1 < siblings.len() => {
                let block = take_block(self, id);
                let at = end_of_subtree(self, &siblings[i + 1]);
                splice_at(self, at, block);
                true
            }
            _ => false,
        }
    }

    fn reparent(&mut self, id: &str, parent: Option<&str>) -> Result<(), TreeError> {
        if self.why(id).is_none() {
            return Err(TreeError::Missing(id.into()));
        }
        if let Some(p) = parent {
            if self.why(p).is_none() {
                return Err(TreeError::Missing(p.into()));
            }
            if self.subtree(id).iter().any(|w| w.id == p) {
                return Err(TreeError::Cycle(id.into()));
            }
        }
        let mut block = take_block(self, id);
        block[0].parent = parent.map(str::to_string);
        let at = end_of_children(self, parent);
        splice_at(self, at, block);
        Ok(())
    }
}

/// Takes `id` and its descendants out of the list, keeping their relative order.
fn take_block(all: &mut Vec<Why>, id: &str) -> Vec<Why> {
    let ids: Vec<String> = all.subtree(id).iter().map(|w| w.id.clone()).collect();
    let wanted: HashSet<&str> = ids.iter().map(String::as_str).collect();
    let (mut taken, kept): (Vec<Why>, Vec<Why>) =
        std::mem::take(all).into_iter().partition(|w| wanted.contains(w.id.as_str()));
    *all = kept;
    // In tree order, the branch's own answer first.
    let rank: std::collections::HashMap<&str, usize> =
        ids.iter().enumerate().map(|(k, id)| (id.as_str(), k)).collect();
    taken.sort_by_key(|w| rank.get(w.id.as_str()).copied().unwrap_or(usize::MAX));
    taken
}

fn splice_at(all: &mut Vec<Why>, at: usize, block: Vec<Why>) {
    let at = at.min(all.len());
    all.splice(at..at, block);
}

/// The index just past the last answer in `id`'s subtree.
fn end_of_subtree(all: &[Why], id: &str) -> usize {
    let ids: HashSet<&str> = all.subtree(id).iter().map(|w| w.id.as_str()).collect();
    all.iter().rposition(|w| ids.contains(w.id.as_str())).map_or(all.len(), |i| i + 1)
}

/// Where a new last child of `parent` goes: after the parent's whole subtree (or at the
/// end of the list for a top-level answer).
fn end_of_children(all: &[Why], parent: Option<&str>) -> usize {
    match parent {
        Some(p) => end_of_subtree(all, p),
        None => all.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> Vec<Why> {
        let mut t = Vec::new();
        t.add_child(None, Why::new("w1", None, "root")).unwrap();
        t.add_child(Some("w1"), Why::new("w2", None, "a")).unwrap();
        t.add_child(Some("w2"), Why::new("w3", None, "a.1")).unwrap();
        t.add_child(Some("w1"), Why::new("w4", None, "b")).unwrap();
        t
    }

    fn ids(t: &[Why]) -> Vec<&str> {
        t.iter().map(|w| w.id.as_str()).collect()
    }

    #[test]
    fn children_are_placed_after_their_parents_subtree() {
        let mut t = tree();
        t.add_child(Some("w2"), Why::new("w5", None, "a.2")).unwrap();
        assert_eq!(ids(&t), ["w1", "w2", "w3", "w5", "w4"]);
        assert_eq!(t.depth("w5"), 2);
        let path: Vec<&str> = t.path_to_root("w5").iter().map(|w| w.id.as_str()).collect();
        assert_eq!(path, ["w1", "w2", "w5"]);
    }

    #[test]
    fn a_sibling_follows_the_answer_it_was_added_beside() {
        let mut t = tree();
        t.add_sibling("w2", Why::new("w5", None, "between")).unwrap();
        let under_root: Vec<&str> =
            t.children_of(Some("w1")).iter().map(|w| w.id.as_str()).collect();
        assert_eq!(under_root, ["w2", "w5", "w4"]);
    }

    #[test]
    fn moving_down_carries_the_branch_along() {
        let mut t = tree();
        assert!(t.move_down("w2"));
        assert_eq!(ids(&t), ["w1", "w4", "w2", "w3"]);
        assert!(!t.move_down("w2"), "already last");
        assert!(t.move_up("w2"));
        assert_eq!(ids(&t), ["w1", "w2", "w3", "w4"]);
        assert!(!t.move_up("w1"), "the only top-level answer");
    }

    #[test]
    fn reparent_refuses_a_cycle_and_a_missing_parent() {
        let mut t = tree();
        assert_eq!(t.reparent("w1", Some("w3")), Err(TreeError::Cycle("w1".into())));
        assert_eq!(t.reparent("w2", Some("w2")), Err(TreeError::Cycle("w2".into())));
        assert_eq!(t.reparent("w2", Some("w9")), Err(TreeError::Missing("w9".into())));
        t.reparent("w2", Some("w4")).unwrap();
        assert_eq!(t.depth("w3"), 3);
        t.reparent("w3", None).unwrap();
        assert_eq!(t.roots().len(), 2);
    }

    #[test]
    fn removing_a_subtree_returns_every_answer_in_it() {
        let mut t = tree();
        let gone = t.remove_subtree("w2");
        assert_eq!(ids(&gone), ["w2", "w3"]);
        assert_eq!(ids(&t), ["w1", "w4"]);
        assert!(t.remove_subtree("w9").is_empty());
    }

    #[test]
    fn walk_visits_depth_first_in_sibling_order() {
        let t = tree();
        let walked: Vec<(&str, usize)> =
            t.walk().iter().map(|(w, d)| (w.id.as_str(), *d)).collect();
        assert_eq!(walked, [("w1", 0), ("w2", 1), ("w3", 2), ("w4", 1)]);
    }
}
