//! What the home screen shows: the reviews in the data folder, and the selected one.

use crate::store::Listing;

#[derive(Debug, Default)]
pub struct Home {
    pub listings: Vec<Listing>,
    pub selected: usize,
    pub failure: Option<String>,
}
