//! One finding about one item of a review, addressed the way `check` prints it
//! (`why:w4`, `factor:f2`).

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// `kind:id`, e.g. `why:w4`.
    pub item: String,
    /// The field the finding is about (`text`, `system_condition`, `actions`…).
    pub field: &'static str,
    pub message: String,
    pub severity: Severity,
    /// A wrong turn, or its wording, that an answer has reframed: reported at info so the
    /// record stays visible.
    pub reframed: bool,
}

impl Check {
    pub fn new(
        kind: &str,
        id: &str,
        field: &'static str,
        severity: Severity,
        message: String,
    ) -> Self {
        Check { item: format!("{kind}:{id}"), field, message, severity, reframed: false }
    }

    /// The same finding, marked as reframed.
    pub fn reframed(self) -> Self {
        Check { reframed: true, ..self }
    }

    /// The id part of `item` (`w4` for `why:w4`).
    pub fn id(&self) -> &str {
        self.item.split_once(':').map_or("", |(_, id)| id)
    }
}
