//! What the Timeline step shows: the selected event and the list's scroll position, and
//! the list as laid out once per change of the review.

use chrono::FixedOffset;

use std::collections::HashSet;

use crate::analysis::language::Severity;
use crate::analysis::overview::Overview;
use crate::analysis::review_language::FieldFinding;
use crate::model::timeline::milestone_event;
use crate::model::{Event, ItemKind, Milestone, Session};
use crate::tui::app::Doc;
use crate::tui::steps::timeline::view::{Row, rows};

#[derive(Debug, Default)]
pub struct TimelineView {
    /// Index into the (time-sorted) events.
    pub selected: usize,
    /// First visible row; the renderer keeps the selection in view.
    pub offset: usize,
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

/// The timeline as listed: in the review's offset, a day line where the day changes. Kept
/// per change, so a frame finds its rows, the selection's row and the milestone marks
/// without going through 20,000 events.
#[derive(Debug, PartialEq)]
pub struct TimelineRows {
    pub offset: Option<FixedOffset>,
    pub rows: Vec<Row>,
    /// Each event's row.
    row_of: Vec<usize>,
    /// The event carrying each milestone, in `Milestone::ALL`'s order.
    milestones: [Option<usize>; 4],
    /// Which events hold flagged wording; empty until the review's checks are known.
    flagged: Vec<bool>,
}

impl TimelineRows {
    /// Laid out from the review and, once known, its checks (for the flags).
    pub fn of(session: &Session, checks: Option<&Overview>) -> Self {
        let offset = crate::model::zone::review_offset(session);
        let rows = rows(&session.events, offset);
        let mut row_of = vec![0; session.events.len()];
        for (r, row) in rows.iter().enumerate() {
            if let Row::Event(i) = row
                && let Some(slot) = row_of.get_mut(*i)
            {
                *slot = r;
            }
        }
        let milestones = Milestone::ALL.map(|m| milestone_event(session, m));
        let flagged = checks.map(|o| flagged_events(session, &o.language)).unwrap_or_default();
        TimelineRows { offset, rows, row_of, milestones, flagged }
    }

    /// Whether event `i` holds flagged wording (never, before the checks are known).
    pub fn flagged(&self, i: usize) -> bool {
        self.flagged.get(i).copied().unwrap_or(false)
    }

    /// The row of event `i` (the first row when there is no such event).
    pub fn row_of(&self, i: usize) -> usize {
        self.row_of.get(i).copied().unwrap_or(0)
    }

    /// The milestones event `i` carries, in `Milestone::ALL`'s order.
    pub fn milestones_of(&self, i: usize) -> impl Iterator<Item = Milestone> + '_ {
        (Milestone::ALL.into_iter().zip(self.milestones))
            .filter(move |(_, e)| *e == Some(i))
            .map(|(m, _)| m)
    }
}

/// Each event, by position: whether its words hold a finding at warning or above that
/// nobody kept on purpose.
fn flagged_events(session: &Session, found: &[FieldFinding]) -> Vec<bool> {
    let ids: HashSet<&str> = (found.iter())
        .filter(|f| f.item.kind == ItemKind::Event && f.finding.severity >= Severity::Warning)
        .map(|f| f.item.id())
        .collect();
    session.events.iter().map(|e| ids.contains(e.id.as_str())).collect()
}
