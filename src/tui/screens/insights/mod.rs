//! The Insights view, from home: what the team learns across the reviews in the data
//! folder (`analysis::insights`), drawn with ratatui's chart widgets.

pub mod chart;
pub mod sections;
pub mod state;
pub mod update;
pub mod view;
pub mod words;
