//! The Whys tree as the step draws it, worked out once per change of the review or of the
//! folds: which answers are on screen, in order, each with its depth, its parent's row and
//! what its line shows. Drawing then costs what is visible, however deep the tree.

use std::collections::{HashMap, HashSet};

use crate::model::{Why, WhyIndex};
use crate::tui::app::Doc;

/// One answer on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Its position in the review's list of answers.
    pub index: usize,
    pub depth: usize,
    /// The row of its parent (answers under a folded one are not on screen, so a shown
    /// answer's parent always is).
    pub parent: Option<usize>,
    /// The last answer under its parent: its guide turns the corner.
    pub last: bool,
    pub has_children: bool,
    /// Answers hidden under it when it is folded.
    pub hidden: usize,
    /// The factors that point at it, as `f1,f3`.
    pub factors: String,
}

/// The visible answers in tree order, and where each answer is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhyLayout {
    generation: u64,
    collapsed: HashSet<String>,
    pub nodes: Vec<Node>,
    /// An answer's row among `nodes`, by id.
    row_of: HashMap<String, usize>,
    /// Each answer's parent, by position in the list (for answers under a fold).
    parent_of: Vec<Option<usize>>,
    by_id: HashMap<String, usize>,
}

impl WhyLayout {
    pub fn new(doc: &Doc) -> Self {
        let whys = &doc.session.whys;
        let index = WhyIndex::new(whys);
        let mut by_id: HashMap<String, usize> = HashMap::with_capacity(whys.len());
        for (i, w) in whys.iter().enumerate() {
            by_id.entry(w.id.clone()).or_insert(i);
        }
        let parent_of: Vec<Option<usize>> = (whys.iter())
            .map(|w| w.parent.as_deref().and_then(|p| by_id.get(p).copied()))
            .collect();
        // The last answer in list order under each parent (None: the incident).
        let mut last_under: HashMap<Option<&str>, usize> = HashMap::new();
        for (i, w) in whys.iter().enumerate() {
            last_under.insert(w.parent.as_deref(), i);
        }
        let mut factors: HashMap<&str, Vec<&str>> = HashMap::new();
        for f in &doc.session.factors {
            for w in &f.whys {
                factors.entry(w.as_str()).or_default().push(f.id.as_str());
            }
        }
        let collapsed = doc.whys.collapsed.clone();
        let mut nodes = Vec::new();
        let mut row_of = HashMap::new();
        // The row of the latest answer shown at each depth: a child's parent row.
        let mut at_depth: Vec<usize> = Vec::new();
        let mut hidden_below: Option<usize> = None;
        for (i, depth) in index.walk_positions() {
            let w = &whys[i];
            match hidden_below {
                Some(d) if depth > d => continue,
                _ => hidden_below = None,
            }
            let folded = collapsed.contains(&w.id);
            if folded {
                hidden_below = Some(depth);
            }
            at_depth.truncate(depth);
            let parent = depth.checked_sub(1).and_then(|d| at_depth.get(d).copied());
            let row = nodes.len();
            at_depth.push(row);
            row_of.entry(w.id.clone()).or_insert(row);
            nodes.push(Node {
                index: i,
                depth,
                parent,
                last: last_under.get(&w.parent.as_deref()) == Some(&i),
                has_children: !index.is_leaf(&w.id),
                hidden: if folded { index.subtree(&w.id).len().saturating_sub(1) } else { 0 },
                factors: factors.get(w.id.as_str()).map(|f| f.join(",")).unwrap_or_default(),
            });
        }
        WhyLayout { generation: doc.generation, collapsed, nodes, row_of, parent_of, by_id }
    }

    /// Whether this layout is still the one `doc` shows (same review, same folds).
    pub fn fits(&self, doc: &Doc) -> bool {
        self.generation == doc.generation && self.collapsed == doc.whys.collapsed
    }

    /// The row of answer `id`, if it is on screen.
    pub fn row_of(&self, id: &str) -> Option<usize> {
        self.row_of.get(id).copied()
    }

    /// The row shown for answer `id`: its own, or its nearest ancestor's on screen.
    pub fn shown_row(&self, whys: &[Why], id: &str) -> Option<usize> {
        let mut at = self.by_id.get(id).copied();
        // A loop cannot be loaded or made, but a bad list must still not hang us.
        for _ in 0..=self.parent_of.len() {
            let i = at?;
            if let Some(row) = whys.get(i).and_then(|w| self.row_of(&w.id)) {
                return Some(row);
            }
            at = self.parent_of.get(i).copied().flatten();
        }
        None
    }
}

/// The answers on screen, with their depths, as references into the review.
pub fn visible_whys<'a>(layout: &WhyLayout, whys: &'a [Why]) -> Vec<(&'a Why, usize)> {
    (layout.nodes.iter()).filter_map(|n| whys.get(n.index).map(|w| (w, n.depth))).collect()
}
