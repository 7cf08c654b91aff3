//! A list to choose from: a new parent for an answer (one choice), or the whys and events
//! that evidence a factor (ticks). What it is for decides what submitting does.

use std::cell::Cell;

#[derive(Debug)]
pub struct Picker {
    pub purpose: PickFor,
    pub title: String,
    pub items: Vec<PickItem>,
    pub cursor: usize,
    /// Several items can be ticked; otherwise Enter takes the one under the cursor.
    pub multi: bool,
    pub offset: Cell<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickFor {
    /// A new parent for this answer.
    Parent(String),
    FactorWhys(String),
    FactorEvents(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickItem {
    /// `None`: the incident itself (a top-level answer).
    pub id: Option<String>,
    pub label: String,
    /// Indent, for items that form a tree.
    pub depth: usize,
    pub checked: bool,
}

impl Picker {
    pub fn new(
        purpose: PickFor,
        title: impl Into<String>,
        items: Vec<PickItem>,
        multi: bool,
    ) -> Self {
        Picker { purpose, title: title.into(), items, cursor: 0, multi, offset: Cell::new(0) }
    }

    pub fn with_cursor_on(mut self, id: Option<&str>) -> Self {
        if let Some(i) = self.items.iter().position(|it| it.id.as_deref() == id) {
            self.cursor = i;
        }
        self
    }

    /// The ids ticked, in list order.
    pub fn checked(&self) -> Vec<String> {
        self.items.iter().filter(|it| it.checked).filter_map(|it| it.id.clone()).collect()
    }

    pub fn current(&self) -> Option<&PickItem> {
        self.items.get(self.cursor)
    }
}
