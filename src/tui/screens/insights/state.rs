//! The Insights view's state: what `analysis::insights` found, once the reviews are read.

use crate::analysis::insights::Insights;

#[derive(Debug, Clone, Default)]
pub struct InsightsView {
    /// The reviews are being read.
    pub loading: bool,
    pub found: Option<Insights>,
    /// Files in the data folder that could not be read.
    pub unreadable: usize,
    /// The first line shown when the sections do not fit.
    pub scroll: u16,
    /// The most `scroll` can be, as the last frame drew the view.
    pub most: u16,
    /// How many quarters the chart's window is moved back from the latest.
    pub back: usize,
    /// The most `back` can be, as the last frame drew the chart.
    pub most_back: usize,
}
