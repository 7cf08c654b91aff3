//! What the Insights view says.

use crate::tui::messages::count;

pub const TITLE: &str = " waterline — insights";
pub const READING: &str = "  Reading the reviews…";
pub const FACTORS: &str = " Contributing factors by category, per quarter ";
pub const NO_FACTORS: &str = "  No contributing factor recorded in a review with a start time yet.";
pub const RECURRING: &str = " Conditions that recur ";
pub const NO_RECURRING: &str = "  No condition seen in more than one review.";
pub const RECURRING_HEADER: [&str; 4] = ["category", "shared words", "reviews", "actions"];
pub const FOLLOW_THROUGH: &str = " Follow-through ";
pub const NO_WINDOW: &str = "no policy window has closed yet";
pub const NO_VERIFIED_DAY: &str = "no verified day recorded";
pub const NOTHING_OVERDUE: &str = "nothing overdue";
pub const NO_TEAM: &str = "no team";
pub const TIMES: &str =
    " Time to detect · mitigate · resolve by severity (median per quarter, latest) ";
pub const TIMES_HEADER: [&str; 3] = ["detect", "mitigate", "resolve"];
pub const NO_SEVERITY: &str = "none";
pub const KEPT: &str = " Wording kept on purpose most often — where the lexicon may not fit ";
pub const NO_KEPT: &str = "  No wording kept on purpose yet.";

pub fn title(reviews: usize, without_start: usize) -> String {
    let all = format!("{TITLE} across {}", count(reviews, "review", "reviews"));
    match without_start {
        0 => all,
        n => format!("{all} ({n} without a start time, left out of the figures over time)"),
    }
}

/// The chart's title when not every quarter fits: which ones, and the keys that move.
pub fn factors_window(first: &str, last: &str, shown: usize, of: usize, keys: &str) -> String {
    format!(
        " Contributing factors by category, {first} to {last} ({shown} of {of} quarters; {keys}) "
    )
}

pub fn unreadable(n: usize) -> String {
    format!("⚠ {} could not be read", count(n, "file", "files"))
}

/// Where the view is when it does not fit: rows shown of all rows.
pub fn scrolled(first: u16, last: u16, of: u16) -> String {
    format!("↑↓ scroll · lines {first}–{last} of {of}")
}

pub fn committed(committed: usize, verified: usize) -> String {
    format!("{committed} committed · {verified} verified")
}

pub fn in_window(share: f64, verified: usize, closed: usize) -> String {
    format!("{:.0}% verified within the policy window ({verified} of {closed})", share * 100.0)
}

pub fn median_days(days: f64) -> String {
    format!("median {days:.0} days to verified")
}

pub fn overdue(teams: &str) -> String {
    format!("overdue: {teams}")
}

pub fn kept(rule: &str, words: &str, times: usize, reviews: usize) -> String {
    format!("{rule}  {words}  kept {times}× in {}", count(reviews, "review", "reviews"))
}

pub fn reason(times: usize, reason: &str) -> String {
    format!("    ×{times} {reason}")
}

pub fn more_reasons(n: usize) -> String {
    format!("    … {} more", count(n, "reason", "reasons"))
}

pub fn more_rules(n: usize) -> String {
    format!(
        "  … {} more kept less often (`waterline insights` lists all)",
        count(n, "rule", "rules")
    )
}
