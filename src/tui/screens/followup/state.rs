//! What the follow-up view shows: the reviews read, the rows by team and owner, and the
//! selected action.

use std::cell::Cell;
use std::path::PathBuf;

use crate::model::{ActionItem, Session};

#[derive(Debug, Default)]
pub struct FollowUpView {
    /// The readable reviews of the data folder.
    pub reviews: Vec<(PathBuf, Session)>,
    /// Team and owner headings and actions, in the order shown. Kept as they were when the
    /// view was read, so an action just verified stays in sight until the next refresh.
    pub rows: Vec<Row>,
    /// Index into the action rows.
    pub selected: usize,
    /// First visible row; the renderer keeps the selection in view.
    pub offset: Cell<usize>,
    pub unreadable: usize,
    pub loading: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    Team(String),
    Owner(String),
    Action { review: usize, id: String },
}

impl FollowUpView {
    /// Positions in `rows` of the action rows.
    pub fn action_rows(&self) -> Vec<usize> {
        (0..self.rows.len()).filter(|i| matches!(self.rows[*i], Row::Action { .. })).collect()
    }

    pub fn action_at(&self, row: usize) -> Option<(usize, &ActionItem)> {
        let Some(Row::Action { review, id }) = self.rows.get(row) else { return None };
        let (_, session) = self.reviews.get(*review)?;
        session.actions.iter().find(|a| a.id == *id).map(|a| (*review, a))
    }

    /// The selected action and the index of its review.
    pub fn selected(&self) -> Option<(usize, &ActionItem)> {
        self.action_rows().get(self.selected).and_then(|row| self.action_at(*row))
    }
}
