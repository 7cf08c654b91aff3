//! Follow-up across reviews: every committed action in a folder of reviews, which are
//! overdue and which are due soon, in the order to chase them.

use std::cmp::Ordering;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{ActionItem, ActionStatus, Session};

/// An unfinished action due within this many days is "due soon".
pub const DUE_SOON_DAYS: i64 = 7;

/// Where an action stands today, most pressing first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Urgency {
    Overdue,
    DueSoon,
    Later,
    NoDueDate,
    /// Done, and waiting for evidence that it works.
    AwaitingVerification,
    /// Verified, or decided against.
    Closed,
}

impl Urgency {
    pub fn label(self) -> &'static str {
        match self {
            Self::Overdue => "overdue",
            Self::DueSoon => "due soon",
            Self::Later => "later",
            Self::NoDueDate => "no due date",
            Self::AwaitingVerification => "done, not verified",
            Self::Closed => "closed",
        }
    }

    /// Still needs someone to act: unfinished or unverified.
    pub fn needs_follow_up(self) -> bool {
        self != Self::Closed
    }
}

/// Where `action` stands on `today`; `None` for an idea, which is not committed.
pub fn urgency(action: &ActionItem, today: NaiveDate) -> Option<Urgency> {
    Some(match action.status {
        ActionStatus::Idea => return None,
        ActionStatus::Verified | ActionStatus::WontDo => Urgency::Closed,
        ActionStatus::Done => Urgency::AwaitingVerification,
        ActionStatus::Open | ActionStatus::InProgress => match action.due {
            None => Urgency::NoDueDate,
            Some(due) if due < today => Urgency::Overdue,
            Some(due) if (due - today).num_days() <= DUE_SOON_DAYS => Urgency::DueSoon,
            Some(_) => Urgency::Later,
        },
    })
}

/// One committed action and the review it belongs to (an index into the reviews).
#[derive(Debug, Clone, Copy)]
pub struct Item<'a> {
    pub review: usize,
    pub action: &'a ActionItem,
    pub urgency: Urgency,
}

/// Which actions to list.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Compared without case.
    pub owner: Option<String>,
    pub team: Option<String>,
    pub overdue_only: bool,
}

impl Filter {
    fn keeps(&self, item: &Item) -> bool {
        let same = |want: &Option<String>, have: &str| {
            want.as_ref().is_none_or(|w| w.trim().eq_ignore_ascii_case(have.trim()))
        };
        same(&self.owner, &item.action.owner)
            && same(&self.team, &item.action.team)
            && (!self.overdue_only || item.urgency == Urgency::Overdue)
    }
}

/// Every committed action of `reviews` that `filter` keeps: overdue first (longest
/// overdue first), then due soon, later, without a date, awaiting verification, closed.
pub fn committed<'a>(
    reviews: &'a [(PathBuf, Session)],
    today: NaiveDate,
    filter: &Filter,
) -> Vec<Item<'a>> {
    let mut items: Vec<Item> = reviews
        .iter()
        .enumerate()
        .flat_map(|(review, (_, s))| {
            s.actions.iter().filter_map(move |action| {
                urgency(action, today).map(|urgency| Item { review, action, urgency })
            })
        })
        .filter(|item| filter.keeps(item))
        .collect();
    items.sort_by(|a, b| order(reviews, a, b));
    items
}

fn order(reviews: &[(PathBuf, Session)], a: &Item, b: &Item) -> Ordering {
    let title = |i: &Item| reviews[i.review].1.incident.title.to_lowercase();
    a.urgency
        .cmp(&b.urgency)
        .then_with(|| a.action.due.cmp(&b.action.due))
        .then_with(|| title(a).cmp(&title(b)))
        .then_with(|| reviews[a.review].0.cmp(&reviews[b.review].0))
        .then_with(|| id_number(&a.action.id).cmp(&id_number(&b.action.id)))
}

/// `a12` sorts after `a9`.
fn id_number(id: &str) -> (u64, String) {
    let digits: String = id.chars().filter(char::is_ascii_digit).collect();
    (digits.parse().unwrap_or(u64::MAX), id.to_string())
}

/// Days since the incident began: how long the action has been known to be needed.
pub fn age_days(session: &Session, today: NaiveDate) -> Option<i64> {
    session.incident.started_at.map(|t| (today - t.date_naive()).num_days())
}

/// Days until `due` (negative when past).
pub fn days_until(due: NaiveDate, today: NaiveDate) -> i64 {
    (due - today).num_days()
}

/// Items grouped by team, then owner (alphabetical, unnamed last), keeping their order
/// within a group.
pub fn by_team_and_owner<'a>(items: &[Item<'a>]) -> Vec<((String, String), Vec<Item<'a>>)> {
    let key = |i: &Item| (i.action.team.trim().to_string(), i.action.owner.trim().to_string());
    let mut groups: Vec<((String, String), Vec<Item<'a>>)> = Vec::new();
    for item in items {
        match groups.iter_mut().find(|(k, _)| *k == key(item)) {
            Some((_, list)) => list.push(*item),
            None => groups.push((key(item), vec![*item])),
        }
    }
    let rank = |s: &str| (s.is_empty(), s.to_lowercase());
    groups.sort_by(|(a, _), (b, _)| rank(&a.0).cmp(&rank(&b.0)).then(rank(&a.1).cmp(&rank(&b.1))));
    groups
}
