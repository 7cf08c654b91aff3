//! What the Actions step shows: the selected action, and whether the list, the follow-up
//! meeting or the conditions seen before are open; the recurrence cache.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::analysis::recurrence::{self, Recurrence};
use crate::model::{ActionItem, Category};
use crate::tui::app::Doc;

/// What the step shows, and where the person is in it.
#[derive(Debug, Default)]
pub struct ActionsView {
    /// Index into `order`: committed actions first, then ideas.
    pub selected: usize,
    /// First visible row; the renderer keeps the selection in view.
    pub offset: Cell<usize>,
    pub mode: ActionsMode,
    /// Conditions seen before, for the factors they were worked out for: reading every
    /// earlier review's factors again on each frame would be slow with many reviews.
    pub seen: RefCell<Option<(FactorKey, Rc<Vec<Recurrence>>)>>,
}

/// The factors as recurrence reads them: id, category, text.
pub type FactorKey = Vec<(String, Category, String)>;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ActionsMode {
    #[default]
    List,
    /// Conditions of this review seen in earlier ones, scrolled by `scroll` rows.
    Recurrence { scroll: u16 },
    /// The follow-up meeting, one committed action at a time.
    Walk { index: usize, finished: bool },
}

/// Indices of the actions as listed: committed in file order, then the ideas.
pub fn order(actions: &[ActionItem]) -> Vec<usize> {
    let committed = (0..actions.len()).filter(|i| actions[*i].status.is_committed());
    let ideas = (0..actions.len()).filter(|i| !actions[*i].status.is_committed());
    committed.chain(ideas).collect()
}

/// Indices of the committed actions: what the follow-up meeting steps through.
pub fn committed(actions: &[ActionItem]) -> Vec<usize> {
    (0..actions.len()).filter(|i| actions[*i].status.is_committed()).collect()
}

impl Doc {
    pub fn selected_action(&self) -> Option<&ActionItem> {
        let order = order(&self.session.actions);
        order.get(self.actions.selected).map(|i| &self.session.actions[*i])
    }

    /// The action the meeting is on, if it is open.
    pub fn walked_action(&self) -> Option<&ActionItem> {
        let ActionsMode::Walk { index, .. } = self.actions.mode else { return None };
        committed(&self.session.actions).get(index).map(|i| &self.session.actions[*i])
    }

    pub fn select_action(&mut self, id: &str) {
        let order = order(&self.session.actions);
        if let Some(i) = order.iter().position(|i| self.session.actions[*i].id == id) {
            self.actions.selected = i;
        }
    }

    /// Conditions of this review seen in earlier ones, once the data folder has been read.
    pub fn recurrences(&self) -> Rc<Vec<Recurrence>> {
        let Some(others) = self.library.as_deref() else { return Rc::default() };
        let key: FactorKey = (self.session.factors.iter())
            .map(|f| (f.id.clone(), f.category, f.text.clone()))
            .collect();
        let mut cache = self.actions.seen.borrow_mut();
        match cache.as_ref() {
            Some((k, found)) if *k == key => Rc::clone(found),
            _ => {
                let found = Rc::new(recurrence::find(&self.session, Some(&self.path), others));
                *cache = Some((key, Rc::clone(&found)));
                found
            }
        }
    }

    pub(crate) fn clamp_actions(&mut self) {
        let n = self.session.actions.len();
        self.actions.selected = self.actions.selected.min(n.saturating_sub(1));
        let walked = committed(&self.session.actions).len();
        if let ActionsMode::Walk { index, .. } = &mut self.actions.mode {
            *index = (*index).min(walked.saturating_sub(1));
        }
    }
}
