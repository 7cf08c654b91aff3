//! What the Review step shows: the selectable rows (missing items, the lessons list by
//! list, then parked points).

use crate::analysis::readiness::Gate;
use crate::model::{ItemRef, LessonKind};
use crate::tui::app::Doc;

#[derive(Debug, Default)]
pub struct ReviewView {
    /// Index into the selectable rows: missing items, lessons, then parked points.
    pub selected: usize,
    pub offset: usize,
}

/// A row the person can select on the Review step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// `index` counts missing items across the gate, so two with the same item differ.
    Missing {
        index: usize,
        item: ItemRef,
    },
    Parked {
        id: String,
    },
    /// The lesson at `index` of the `kind` list.
    Lesson {
        kind: LessonKind,
        index: usize,
    },
}

/// How many rows there are, without making them: a gate can list thousands of items.
pub fn row_count(doc: &Doc, gate: &Gate) -> usize {
    let missing: usize = gate.entries.iter().map(|e| e.missing.len()).sum();
    let lessons: usize =
        LessonKind::ALL.into_iter().map(|k| doc.session.lessons.list(k).len()).sum();
    missing + lessons + doc.session.parked.len()
}

/// Row `at`, made alone: what a key or a frame needs of the selection.
pub fn row_at(doc: &Doc, gate: &Gate, at: usize) -> Option<Row> {
    let mut left = at;
    for entry in &gate.entries {
        if let Some(m) = entry.missing.get(left) {
            return Some(Row::Missing { index: at, item: m.item.clone() });
        }
        left -= entry.missing.len();
    }
    for kind in LessonKind::ALL {
        let n = doc.session.lessons.list(kind).len();
        if left < n {
            return Some(Row::Lesson { kind, index: left });
        }
        left -= n;
    }
    doc.session.parked.get(left).map(|p| Row::Parked { id: p.id.clone() })
}

/// Every row, in order.
pub fn rows(doc: &Doc, gate: &Gate) -> Vec<Row> {
    let missing = (gate.entries.iter())
        .flat_map(|e| e.missing.iter())
        .enumerate()
        .map(|(index, m)| Row::Missing { index, item: m.item.clone() });
    let parked = (doc.session.parked.iter()).map(|p| Row::Parked { id: p.id.clone() });
    let lessons = &doc.session.lessons;
    let lessons = LessonKind::ALL.into_iter().flat_map(|kind| {
        (0..lessons.list(kind).len()).map(move |index| Row::Lesson { kind, index })
    });
    missing.chain(lessons).chain(parked).collect()
}
