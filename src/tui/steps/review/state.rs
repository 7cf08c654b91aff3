//! What the Review step shows: the selectable rows (missing items, then parked points).

use std::cell::Cell;

use crate::analysis::readiness::Gate;
use crate::model::ItemRef;
use crate::tui::app::Doc;

#[derive(Debug, Default)]
pub struct ReviewView {
    /// Index into the selectable rows: missing items, then parked points.
    pub selected: usize,
    pub offset: Cell<usize>,
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
}

pub fn rows(doc: &Doc, gate: &Gate) -> Vec<Row> {
    let missing = (gate.entries.iter())
        .flat_map(|e| e.missing.iter())
        .enumerate()
        .map(|(index, m)| Row::Missing { index, item: m.item.clone() });
    let parked = (doc.session.parked.iter()).map(|p| Row::Parked { id: p.id.clone() });
    missing.chain(parked).collect()
}
