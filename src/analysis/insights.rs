//! What a team learns across reviews: contributing factors by category over time,
//! conditions that recur and what became of their actions, follow-through on committed
//! actions, time to detect / mitigate / resolve by severity, and the wording kept on
//! purpose most often. Pure: the reviews, the day and the policy are arguments.

mod recurring;
mod times;

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

pub use recurring::{Recurring, RecurringFactor};
pub use times::{QuarterTimes, SeverityTimes};

use super::followup::{Urgency, urgency};
use super::policy::DuePolicy;
use crate::model::{ActionStatus, Category, Session};

/// A review as insights reads it: where it came from, and the review.
pub type Review = (PathBuf, Session);

/// Everything `waterline insights` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Insights {
    pub today: NaiveDate,
    pub since: Option<NaiveDate>,
    /// Reviews taken into account.
    pub reviews: usize,
    /// Of those, reviews with no start time: left out of everything counted over time.
    pub without_start: usize,
    pub factors_by_quarter: Vec<QuarterFactors>,
    pub recurring: Vec<Recurring>,
    pub follow_through: FollowThrough,
    pub response_times: Vec<SeverityTimes>,
    pub kept_wording: Vec<KeptWording>,
}

/// Contributing factors of the reviews that started in one quarter, by category.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuarterFactors {
    /// `2025-Q3`.
    pub quarter: String,
    pub reviews: usize,
    pub total: usize,
    /// Every category, in the order of `Category::ALL`, zero included.
    pub by_category: Vec<(Category, usize)>,
}

/// Whether committed actions were verified, and in time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowThrough {
    /// Actions the room committed to and did not decide against (open, in progress, done,
    /// verified).
    pub committed: usize,
    /// Of those, the ones whose policy window (from the incident's start, by severity) has
    /// ended by `today`: the ones that can be judged.
    pub window_closed: usize,
    /// Of those, verified on or before the window's last day.
    pub verified_in_window: usize,
    /// `verified_in_window / window_closed`, when there is anything to judge.
    pub share_in_window: Option<f64>,
    pub verified: usize,
    /// Verified without a `verified_on` day: they count as verified, not as in time.
    pub verified_undated: usize,
    /// Median days from the incident's start to `verified_on`.
    pub median_days_to_verified: Option<f64>,
    /// Overdue actions per team (an empty team is `""`), most first.
    pub overdue_by_team: Vec<(String, usize)>,
}

/// A language rule whose findings were kept on purpose, with the reasons given.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeptWording {
    pub rule: String,
    pub count: usize,
    /// The words kept, lower-cased, each once.
    pub matched: Vec<String>,
    /// Each reason with how often it was given, most often first.
    pub reasons: Vec<(String, usize)>,
    /// How many reviews kept it.
    pub reviews: usize,
}

/// Everything across `reviews` that started on or after `since` (all when `None`; a review
/// without a start is left out when `since` is given).
pub fn insights(
    reviews: &[Review],
    today: NaiveDate,
    since: Option<NaiveDate>,
    policy: &DuePolicy,
) -> Insights {
    let chosen: Vec<&Review> = (reviews.iter())
        .filter(|(_, s)| match (since, start_day(s)) {
            (None, _) => true,
            (Some(since), Some(day)) => day >= since,
            (Some(_), None) => false,
        })
        .collect();
    Insights {
        today,
        since,
        reviews: chosen.len(),
        without_start: chosen.iter().filter(|(_, s)| start_day(s).is_none()).count(),
        factors_by_quarter: factors_by_quarter(&chosen),
        recurring: recurring::find(&chosen),
        follow_through: follow_through(&chosen, today, policy),
        response_times: times::by_severity(&chosen),
        kept_wording: kept_wording(&chosen),
    }
}

/// The day a review's incident started.
pub fn start_day(s: &Session) -> Option<NaiveDate> {
    s.incident.started_at.map(|t| t.date_naive())
}

/// `2025-Q3` for a day in July to September 2025.
pub fn quarter(day: NaiveDate) -> String {
    format!("{}-Q{}", day.year(), day.month0() / 3 + 1)
}

/// Every quarter from the first review's to the last one's, so a chart has no holes.
fn factors_by_quarter(reviews: &[&Review]) -> Vec<QuarterFactors> {
    let mut by: BTreeMap<(i32, u32), (usize, HashMap<Category, usize>)> = BTreeMap::new();
    for (_, s) in reviews {
        let Some(day) = start_day(s) else { continue };
        let entry = by.entry((day.year(), day.month0() / 3)).or_default();
        entry.0 += 1;
        for f in &s.factors {
            *entry.1.entry(f.category).or_default() += 1;
        }
    }
    let (Some(&first), Some(&last)) = (by.keys().next(), by.keys().last()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut q = first;
    while q <= last {
        let (reviews, counts) = by.get(&q).cloned().unwrap_or_default();
        let by_category: Vec<(Category, usize)> =
            Category::ALL.iter().map(|c| (*c, counts.get(c).copied().unwrap_or(0))).collect();
        out.push(QuarterFactors {
            quarter: format!("{}-Q{}", q.0, q.1 + 1),
            reviews,
            total: by_category.iter().map(|(_, n)| n).sum(),
            by_category,
        });
        q = if q.1 == 3 { (q.0 + 1, 0) } else { (q.0, q.1 + 1) };
    }
    out
}

fn follow_through(reviews: &[&Review], today: NaiveDate, policy: &DuePolicy) -> FollowThrough {
    let mut f = FollowThrough {
        committed: 0,
        window_closed: 0,
        verified_in_window: 0,
        share_in_window: None,
        verified: 0,
        verified_undated: 0,
        median_days_to_verified: None,
        overdue_by_team: Vec::new(),
    };
    let mut days: Vec<i64> = Vec::new();
    let mut overdue: BTreeMap<String, usize> = BTreeMap::new();
    for (_, s) in reviews {
        let start = start_day(s);
        let window_end = start.and_then(|d| {
            d.checked_add_days(chrono::Days::new(u64::from(policy.days_for(&s.incident.severity))))
        });
        for a in &s.actions {
            if matches!(a.status, ActionStatus::Idea | ActionStatus::WontDo) {
                continue;
            }
            f.committed += 1;
            if urgency(a, today) == Some(Urgency::Overdue) {
                *overdue.entry(a.team.trim().to_string()).or_default() += 1;
            }
            let verified = a.status == ActionStatus::Verified;
            if verified {
                f.verified += 1;
                match (a.verified_on, start) {
                    (Some(on), Some(start)) => days.push((on - start).num_days()),
                    (None, _) => f.verified_undated += 1,
                    _ => {}
                }
            }
            if let Some(end) = window_end.filter(|end| *end <= today) {
                f.window_closed += 1;
                if verified && a.verified_on.is_some_and(|on| on <= end) {
                    f.verified_in_window += 1;
                }
            }
        }
    }
    f.share_in_window =
        (f.window_closed > 0).then(|| f.verified_in_window as f64 / f.window_closed as f64);
    f.median_days_to_verified = median(&mut days);
    let mut teams: Vec<(String, usize)> = overdue.into_iter().collect();
    teams.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    f.overdue_by_team = teams;
    f
}

/// The categories with at least one factor in any of `quarters`, in `Category::ALL`
/// order: the columns or bars worth showing.
pub fn categories_used(quarters: &[QuarterFactors]) -> Vec<Category> {
    (Category::ALL.into_iter())
        .filter(|c| quarters.iter().any(|q| q.by_category.iter().any(|(k, n)| k == c && *n > 0)))
        .collect()
}

/// The median of whole numbers; the mean of the middle two for an even count.
pub fn median(values: &mut [i64]) -> Option<f64> {
    values.sort_unstable();
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2] as f64),
        _ => Some((values[n / 2 - 1] + values[n / 2]) as f64 / 2.0),
    }
}

/// Per rule: times kept, the words, each reason's count, reviews that kept it.
type Kept = (usize, Vec<String>, BTreeMap<String, usize>, usize);

fn kept_wording(reviews: &[&Review]) -> Vec<KeptWording> {
    let mut by: BTreeMap<String, Kept> = BTreeMap::new();
    for (_, s) in reviews {
        let mut seen_here: Vec<&str> = Vec::new();
        for d in &s.dismissed {
            let entry = by.entry(d.rule.clone()).or_default();
            entry.0 += 1;
            let matched = d.matched.trim().to_lowercase();
            if !matched.is_empty() && !entry.1.contains(&matched) {
                entry.1.push(matched);
            }
            let reason = d.reason.trim();
            if !reason.is_empty() {
                *entry.2.entry(reason.to_string()).or_default() += 1;
            }
            if !seen_here.contains(&d.rule.as_str()) {
                seen_here.push(&d.rule);
                entry.3 += 1;
            }
        }
    }
    let mut out: Vec<KeptWording> = (by.into_iter())
        .map(|(rule, (count, matched, reasons, reviews))| {
            let mut reasons: Vec<(String, usize)> = reasons.into_iter().collect();
            reasons.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            KeptWording { rule, count, matched, reasons, reviews }
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.rule.cmp(&b.rule)));
    out
}
