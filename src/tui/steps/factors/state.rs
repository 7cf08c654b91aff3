//! What the Factors step shows: the selected factor, and the list or the picture.

use std::cell::Cell;

use crate::model::Factor;
use crate::tui::app::Doc;

#[derive(Debug, Default)]
pub struct FactorsView {
    /// Index into the factors, in file order.
    pub selected: usize,
    /// The incident with its factors around it, instead of the list.
    pub picture: bool,
    pub offset: Cell<usize>,
}

pub fn selected(doc: &Doc) -> Option<&Factor> {
    doc.session.factors.get(doc.factors.selected)
}
