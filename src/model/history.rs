//! Undo and redo for every edit: whole-document snapshots, bounded in number.

use super::Session;

const DEPTH: usize = 200;
/// Fewer steps for a very large review, so undo never holds more than a few hundred
/// thousand items in memory (about 40 steps at 5 000 events).
const ITEM_BUDGET: usize = 200_000;

#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Session>,
    redo: Vec<Session>,
}

impl History {
    /// Records the state before an edit. Any redo path is dropped, as in every editor.
    pub fn record(&mut self, before: Session) {
        let depth = (ITEM_BUDGET / size(&before).max(1)).clamp(20, DEPTH);
        while self.undo.len() >= depth {
            self.undo.remove(0);
        }
        self.undo.push(before);
        self.redo.clear();
    }

    /// Returns the state to restore, given the current one.
    pub fn undo(&mut self, current: Session) -> Option<Session> {
        let previous = self.undo.pop()?;
        self.redo.push(current);
        Some(previous)
    }

    pub fn redo(&mut self, current: Session) -> Option<Session> {
        let next = self.redo.pop()?;
        self.undo.push(current);
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

fn size(s: &Session) -> usize {
    s.events.len() + s.whys.len() + s.factors.len() + s.behaviours.len() + s.actions.len() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_then_redo_returns_to_the_edit() {
        let mut h = History::default();
        let a = Session::new("a");
        let b = Session::new("b");
        h.record(a.clone());
        let restored = h.undo(b.clone()).expect("one step to undo");
        assert_eq!(restored, a);
        assert_eq!(h.redo(restored), Some(b));
        assert!(!h.can_redo());
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut h = History::default();
        h.record(Session::new("a"));
        let _ = h.undo(Session::new("b"));
        h.record(Session::new("c"));
        assert!(!h.can_redo());
    }
}
