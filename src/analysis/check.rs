//! One finding about one item of a review. `check` prints its item as `why:w4`.

/// How much a finding matters: the linter's and the checks' are one scale.
pub use super::language::Severity;
use crate::model::ItemRef;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub item: ItemRef,
    /// The field the finding is about (`text`, `system_condition`, `actions`…).
    pub field: &'static str,
    pub message: String,
    pub severity: Severity,
    /// A wrong turn, or its wording, that an answer has reframed: reported at info so the
    /// record stays visible.
    pub reframed: bool,
}

impl Check {
    pub fn new(item: ItemRef, field: &'static str, severity: Severity, message: String) -> Self {
        Check { item, field, message, severity, reframed: false }
    }

    /// The same finding, marked as reframed.
    pub fn reframed(self) -> Self {
        Check { reframed: true, ..self }
    }

    /// The id of the item (`w4` for `why:w4`).
    pub fn id(&self) -> &str {
        self.item.id()
    }
}
