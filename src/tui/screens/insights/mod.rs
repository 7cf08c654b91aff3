//! The Insights view, from home: what the team learns across the reviews in the data
//! folder (`analysis::insights`), drawn with ratatui's chart widgets.

pub mod state;
pub mod update;
pub mod view;
