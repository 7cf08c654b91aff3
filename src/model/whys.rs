//! Five Whys answers, kept as a flat list with parent links so the file diffs well.

use super::Extra;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Why {
    pub id: String,
    /// `None`: asked of the incident itself.
    pub parent: Option<String>,
    pub text: String,
    /// The facilitator marked this answer as a condition of the system someone can change.
    pub system_condition: bool,
    pub note: String,
    pub extra: Extra,
}
