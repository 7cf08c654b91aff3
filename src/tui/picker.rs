//! Choosing from a list: a new parent for an answer (one choice), or the whys and events
//! that evidence a factor (ticks). What it is for decides what submitting does.

use std::cell::Cell;

use super::action::Action;
use super::app::{Model, Overlay};
use super::effects::Effect;
use super::{factors_step, whys_step};

const PAGE: usize = 10;

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

pub fn action(model: &mut Model, action: Action, mut list: Picker) -> Vec<Effect> {
    let last = list.items.len().saturating_sub(1);
    match action {
        Action::Cancel => return Vec::new(),
        Action::Up => list.cursor = list.cursor.saturating_sub(1),
        Action::Down => list.cursor = (list.cursor + 1).min(last),
        Action::PageUp => list.cursor = list.cursor.saturating_sub(PAGE),
        Action::PageDown => list.cursor = (list.cursor + PAGE).min(last),
        Action::Top => list.cursor = 0,
        Action::Bottom => list.cursor = last,
        Action::Toggle if list.multi => {
            if let Some(item) = list.items.get_mut(list.cursor) {
                item.checked = !item.checked;
            }
        }
        Action::Submit => {
            return match list.purpose.clone() {
                PickFor::Parent(id) => {
                    let parent = list.current().map(|it| it.id.clone());
                    whys_step::reparent(model, &id, parent);
                    Vec::new()
                }
                PickFor::FactorWhys(id) => factors_step::link(model, &id, list.checked(), true),
                PickFor::FactorEvents(id) => factors_step::link(model, &id, list.checked(), false),
            };
        }
        _ => {}
    }
    model.overlay = Some(Overlay::Pick(list));
    Vec::new()
}
