//! The Five Whys step: the tree of answers, folding, moving, reframing wrong turns and
//! promoting system conditions to factors.

pub mod big;
pub mod forms;
pub mod layout;
pub mod state;
pub mod update;
pub mod view;
