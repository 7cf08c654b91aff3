//! Time to detect, mitigate and resolve by severity over time: the median of each per
//! quarter, from the incident's milestones.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Review, median, quarter, start_day};
use crate::model::{Milestone, timeline::time_to};

/// One severity's medians, quarter by quarter (only quarters with a review of it).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeverityTimes {
    /// As written in the reviews (trimmed); `""` when none was given.
    pub severity: String,
    pub quarters: Vec<QuarterTimes>,
}

/// Medians in minutes; `None` when no review of the quarter has that milestone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuarterTimes {
    pub quarter: String,
    pub reviews: usize,
    pub ttd_minutes: Option<f64>,
    pub ttm_minutes: Option<f64>,
    pub ttr_minutes: Option<f64>,
}

type Samples = (usize, Vec<i64>, Vec<i64>, Vec<i64>);

pub(super) fn by_severity(reviews: &[&Review]) -> Vec<SeverityTimes> {
    let mut by: BTreeMap<String, BTreeMap<String, Samples>> = BTreeMap::new();
    for (_, s) in reviews {
        let Some(day) = start_day(s) else { continue };
        let e = (by.entry(s.incident.severity.trim().to_string()).or_default())
            .entry(quarter(day))
            .or_default();
        e.0 += 1;
        let minutes = |m| time_to(&s.incident, m).map(|d| d.num_minutes());
        e.1.extend(minutes(Milestone::Detected));
        e.2.extend(minutes(Milestone::Mitigated));
        e.3.extend(minutes(Milestone::Resolved));
    }
    (by.into_iter())
        .map(|(severity, quarters)| SeverityTimes {
            severity,
            quarters: (quarters.into_iter())
                .map(|(quarter, (reviews, mut d, mut m, mut r))| QuarterTimes {
                    quarter,
                    reviews,
                    ttd_minutes: median(&mut d),
                    ttm_minutes: median(&mut m),
                    ttr_minutes: median(&mut r),
                })
                .collect(),
        })
        .collect()
}
