//! What the Whys step shows: the selected answer, the folded ones, the big view — and
//! the answers on screen, derived from the tree and the folds.

use std::collections::HashSet;

use crate::model::{Why, WhyTree};
use crate::tui::app::Doc;

/// What the Whys step shows: which answer is selected, which are folded, large or not.
#[derive(Debug, Default)]
pub struct WhysView {
    /// The selected answer's id; the first visible one when unset or gone.
    pub selected: Option<String>,
    /// The incident itself is selected (the row above every answer): `a` asks why of it.
    pub incident: bool,
    pub collapsed: HashSet<String>,
    /// The selected answer large, for the room.
    pub big: bool,
    pub offset: usize,
}

/// The answers on screen, depth first, skipping those under a folded answer.
pub fn visible(doc: &Doc) -> Vec<(&Why, usize)> {
    super::layout::visible_whys(&doc.why_layout(), &doc.session.whys)
}

impl WhysView {
    /// Selects an answer (`None`: the first one), leaving the incident row.
    pub fn select(&mut self, id: Option<String>) {
        self.selected = id;
        self.incident = false;
    }
}

/// The selected answer: none when the incident row is selected; else the one chosen if it
/// is on screen, else its nearest visible ancestor, else the first answer.
pub fn selected_id(doc: &Doc) -> Option<String> {
    if doc.whys.incident {
        return None;
    }
    let layout = doc.why_layout();
    let whys = &doc.session.whys;
    let row = (doc.whys.selected.as_deref())
        .and_then(|chosen| layout.shown_row(whys, chosen))
        .unwrap_or(0);
    let node = layout.nodes.get(row)?;
    whys.get(node.index).map(|w| w.id.clone())
}

pub fn selected(doc: &Doc) -> Option<&Why> {
    selected_id(doc).and_then(|id| doc.session.whys.why(&id))
}

impl Doc {
    /// Selects answer `id` and unfolds the way down to it, so the selection is visible.
    pub fn reveal_why(&mut self, id: &str) {
        let mut at = self.session.whys.why(id).and_then(|w| w.parent.clone());
        while let Some(parent) = at {
            at = self.session.whys.why(&parent).and_then(|w| w.parent.clone());
            self.whys.collapsed.remove(&parent);
        }
        self.whys.select(Some(id.to_string()));
    }
}
