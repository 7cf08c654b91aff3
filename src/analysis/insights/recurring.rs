//! Conditions that recur: factors of different reviews in the same category sharing key
//! words (the same match as the Actions step's recurrence), gathered into groups, with
//! what became of each one's actions. An index by pairs of words keeps this linear on
//! thousands of reviews.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

use super::{Review, start_day};
use crate::analysis::recurrence::{MIN_SHARED, key_words};
use crate::model::{ActionStatus, Category};

/// One condition seen in several reviews.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recurring {
    pub category: Category,
    /// Key words at least two of the factors share, most shared first.
    pub shared: Vec<String>,
    /// How many reviews it appeared in.
    pub reviews: usize,
    /// The factors, earliest review first.
    pub factors: Vec<RecurringFactor>,
    /// The factors' actions by status (ideas included), in the order of `ActionStatus::ALL`.
    pub actions: Vec<(ActionStatus, usize)>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecurringFactor {
    pub review: String,
    pub path: PathBuf,
    pub day: Option<NaiveDate>,
    pub factor: String,
    pub text: String,
    /// Its actions: id and status.
    pub actions: Vec<(String, ActionStatus)>,
}

struct Entry {
    review: usize,
    factor: usize,
    words: Vec<String>,
}

pub(super) fn find(reviews: &[&Review]) -> Vec<Recurring> {
    let mut entries: Vec<Entry> = Vec::new();
    for (r, (_, s)) in reviews.iter().enumerate() {
        for (f, factor) in s.factors.iter().enumerate() {
            entries.push(Entry {
                review: r,
                factor: f,
                words: key_words(&factor.text).into_iter().collect(),
            });
        }
    }
    let category = |e: &Entry| reviews[e.review].1.factors[e.factor].category;
    // Two factors share at least MIN_SHARED (two) key words exactly when they share a pair
    // of words; so each pair keeps two factors from different reviews, and every factor
    // with that pair joins one of them. Linear in the number of pairs.
    debug_assert_eq!(MIN_SHARED, 2);
    let mut parent: Vec<usize> = (0..entries.len()).collect();
    let mut by_pair: HashMap<(Category, &str, &str), (usize, Option<usize>)> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        for (k, a) in e.words.iter().enumerate() {
            for b in &e.words[k + 1..] {
                let key = (category(e), a.as_str(), b.as_str());
                let (first, other) = by_pair.entry(key).or_insert((i, None));
                let (first, other) = (*first, *other);
                if entries[first].review != e.review {
                    union(&mut parent, i, first);
                    if other.is_none() {
                        by_pair.insert(key, (first, Some(i)));
                    }
                } else if let Some(other) = other {
                    union(&mut parent, i, other);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..entries.len() {
        groups.entry(root(&mut parent, i)).or_default().push(i);
    }
    let mut out: Vec<Recurring> = (groups.into_values())
        .filter_map(|members| {
            let mut in_reviews: Vec<usize> = members.iter().map(|&i| entries[i].review).collect();
            in_reviews.sort_unstable();
            in_reviews.dedup();
            (in_reviews.len() >= 2).then(|| group(reviews, &entries, &members, in_reviews.len()))
        })
        .collect();
    out.sort_by(|a, b| {
        (b.reviews.cmp(&a.reviews))
            .then_with(|| a.factors.first().map(|f| f.day).cmp(&b.factors.first().map(|f| f.day)))
            .then_with(|| a.shared.cmp(&b.shared))
    });
    out
}

fn group(reviews: &[&Review], entries: &[Entry], members: &[usize], count: usize) -> Recurring {
    let mut words: BTreeMap<&str, usize> = BTreeMap::new();
    for &i in members {
        for w in &entries[i].words {
            *words.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut shared: Vec<(&str, usize)> = words.into_iter().filter(|(_, n)| *n >= 2).collect();
    shared.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let mut factors: Vec<RecurringFactor> = (members.iter())
        .map(|&i| {
            let (path, s) = reviews[entries[i].review];
            let factor = &s.factors[entries[i].factor];
            RecurringFactor {
                review: s.incident.title.clone(),
                path: path.clone(),
                day: start_day(s),
                factor: factor.id.clone(),
                text: factor.text.clone(),
                actions: (s.actions.iter())
                    .filter(|a| a.factors.contains(&factor.id))
                    .map(|a| (a.id.clone(), a.status))
                    .collect(),
            }
        })
        .collect();
    factors
        .sort_by(|a, b| (a.day.is_none(), a.day, &a.path).cmp(&(b.day.is_none(), b.day, &b.path)));
    let actions = (ActionStatus::ALL.iter())
        .map(|st| (*st, factors.iter().flat_map(|f| &f.actions).filter(|(_, s)| s == st).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    let first = &entries[members[0]];
    Recurring {
        category: reviews[first.review].1.factors[first.factor].category,
        shared: shared.into_iter().map(|(w, _)| w.to_string()).collect(),
        reviews: count,
        factors,
        actions,
    }
}

fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (root(parent, a), root(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}
