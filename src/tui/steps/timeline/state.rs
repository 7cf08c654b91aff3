//! What the Timeline step shows: the selected event and the list's scroll position.

use std::cell::Cell;

use crate::model::Event;
use crate::tui::app::Doc;

#[derive(Debug, Default)]
pub struct TimelineView {
    /// Index into the (time-sorted) events.
    pub selected: usize,
    /// First visible row; the renderer keeps the selection in view.
    pub offset: Cell<usize>,
}

impl Doc {
    pub fn selected_event(&self) -> Option<&Event> {
        self.session.events.get(self.timeline.selected)
    }

    pub fn select_event(&mut self, id: &str) {
        if let Some(i) = self.session.events.iter().position(|e| e.id == id) {
            self.timeline.selected = i;
        }
    }
}
