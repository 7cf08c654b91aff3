//! Merge conflicts left in a review by `waterline merge`: a view listing each conflicted
//! item with our and their version side by side, resolved item by item (ours, theirs, or
//! an edit in the item's own form), each choice one undoable edit.

pub mod state;
pub mod update;
pub mod view;
pub mod words;

/// Whether the open review has merge conflicts left: the banner shows, and `C` is offered
/// (footer and help), only then.
pub fn left(model: &crate::tui::app::Model) -> usize {
    model.doc.as_ref().map_or(0, |d| d.session.conflicts.len())
}
