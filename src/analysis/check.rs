//! One finding about one item of a review, addressed the way `check` prints it
//! (`why:w4`, `factor:f2`).

/// How much a finding matters: the linter's and the checks' are one scale.
pub use super::language::Severity;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// `kind:id`, e.g. `why:w4`.
    pub item: String,
    /// The field the finding is about (`text`, `system_condition`, `actions`…).
    pub field: &'static str,
    pub message: String,
    pub severity: Severity,
}

impl Check {
    pub fn new(
        kind: &str,
        id: &str,
        field: &'static str,
        severity: Severity,
        message: String,
    ) -> Self {
        Check { item: format!("{kind}:{id}"), field, message, severity }
    }

    /// The id part of `item` (`w4` for `why:w4`).
    pub fn id(&self) -> &str {
        self.item.split_once(':').map_or("", |(_, id)| id)
    }
}
