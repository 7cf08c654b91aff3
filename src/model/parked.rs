//! The parking lot: points raised that belong elsewhere, kept so nobody's point is lost and
//! listed on the review step.

use super::Extra;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parked {
    pub id: String,
    pub text: String,
    /// The step the room was on when it was raised (`timeline`, `whys`…).
    pub step: String,
    pub extra: Extra,
}
