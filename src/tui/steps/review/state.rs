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
