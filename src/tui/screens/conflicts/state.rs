//! The conflict view's state: which conflict is selected, and an edit under way in an
//! item's own form (its conflict goes when that form saves).

/// Kept with the open review.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConflictsState {
    pub selected: usize,
    pub editing: Option<Editing>,
}

/// A conflict being settled by editing its item in the step's form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editing {
    pub item: String,
    pub field: String,
    /// The review's generation when the form opened: a later one means it saved.
    pub generation: u64,
}
