//! Contributing factors: several per incident, never one root cause.

use serde::{Deserialize, Serialize};

use super::Extra;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Factor {
    pub id: String,
    pub text: String,
    pub category: Category,
    /// Why answers that evidence this factor.
    pub whys: Vec<String>,
    /// Timeline events that evidence this factor.
    pub events: Vec<String>,
    /// A reasoned decision to accept the risk instead of acting on it.
    pub accepted_risk: String,
    pub extra: Extra,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Change,
    Tooling,
    Monitoring,
    #[default]
    Process,
    Documentation,
    Capacity,
    Dependency,
    Architecture,
    Organisation,
    Communication,
}

impl Category {
    pub const ALL: [Category; 10] = [
        Self::Change,
        Self::Tooling,
        Self::Monitoring,
        Self::Process,
        Self::Documentation,
        Self::Capacity,
        Self::Dependency,
        Self::Architecture,
        Self::Organisation,
        Self::Communication,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Change => "change",
            Self::Tooling => "tooling",
            Self::Monitoring => "monitoring",
            Self::Process => "process",
            Self::Documentation => "documentation",
            Self::Capacity => "capacity",
            Self::Dependency => "dependency",
            Self::Architecture => "architecture",
            Self::Organisation => "organisation",
            Self::Communication => "communication",
        }
    }
}
