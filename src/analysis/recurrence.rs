//! Recurrence: a factor of the open review that matches a factor of an earlier review —
//! the same category and overlapping key words — and what became of that review's actions.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::action_messages as say;
use super::phrases::{LISTS, is_number, words};
use crate::model::{ActionStatus, Session};

/// Key words two factors must share to count as the same condition.
pub const MIN_SHARED: usize = 2;

/// One match between a factor now and a factor in an earlier review.
#[derive(Debug, Clone, PartialEq)]
pub struct Recurrence {
    /// The factor in the open review.
    pub factor: String,
    pub review_title: String,
    pub review_path: PathBuf,
    pub review_day: Option<NaiveDate>,
    pub earlier_factor: String,
    pub earlier_text: String,
    /// The key words both factors share.
    pub shared: Vec<String>,
    /// The earlier factor's actions: id and status.
    pub actions: Vec<(String, ActionStatus)>,
    /// One line per earlier action: "a1 is done but was never verified".
    pub outcomes: Vec<String>,
    pub accepted_risk: String,
}

impl Recurrence {
    /// "this condition appeared in “…” on 2025-11-04; its action a1 is done but was never
    /// verified".
    pub fn message(&self) -> String {
        say::recurrence(&self.review_title, self.review_day, &self.outcomes, &self.accepted_risk)
    }
}

/// Every factor of `current` that matches a factor of an earlier review in `others`. A
/// review is earlier when it started before the current one; when either start is not
/// known it is compared anyway. `current_path` is left out of `others`.
pub fn find(
    current: &Session,
    current_path: Option<&Path>,
    others: &[(PathBuf, Session)],
) -> Vec<Recurrence> {
    let start = current.incident.started_at;
    let mine: Vec<BTreeSet<String>> = current.factors.iter().map(|f| key_words(&f.text)).collect();
    // (index of the factor here, the match), found review by review so each earlier
    // factor's key words are worked out once.
    let mut found: Vec<(usize, Recurrence)> = Vec::new();
    for (path, earlier) in others {
        if current_path.is_some_and(|p| same_file(p, path)) {
            continue;
        }
        if let (Some(now), Some(then)) = (start, earlier.incident.started_at)
            && then >= now
        {
            continue;
        }
        for old in &earlier.factors {
            let theirs = key_words(&old.text);
            for (i, factor) in current.factors.iter().enumerate() {
                if factor.category != old.category {
                    continue;
                }
                let shared: Vec<String> = mine[i].intersection(&theirs).cloned().collect();
                if shared.len() >= MIN_SHARED {
                    found.push((i, recurrence(&factor.id, path, earlier, old, shared)));
                }
            }
        }
    }
    found.sort_by_key(|(i, _)| *i);
    found.into_iter().map(|(_, r)| r).collect()
}

fn recurrence(
    factor: &str,
    path: &Path,
    earlier: &Session,
    old: &crate::model::Factor,
    shared: Vec<String>,
) -> Recurrence {
    let linked: Vec<_> = earlier.actions.iter().filter(|a| a.factors.contains(&old.id)).collect();
    Recurrence {
        factor: factor.to_string(),
        review_title: earlier.incident.title.clone(),
        review_path: path.to_path_buf(),
        review_day: earlier.incident.started_at.map(|t| t.date_naive()),
        earlier_factor: old.id.clone(),
        earlier_text: old.text.clone(),
        shared,
        actions: linked.iter().map(|a| (a.id.clone(), a.status)).collect(),
        outcomes: linked
            .iter()
            .map(|a| say::earlier_action(&a.id, a.status, &a.decision))
            .collect(),
        accepted_risk: old.accepted_risk.clone(),
    }
}

/// The words that carry a factor's meaning: no stopwords, no numbers, plurals folded.
pub fn key_words(text: &str) -> BTreeSet<String> {
    let stop = &LISTS.recurrence.stopwords;
    words(text)
        .into_iter()
        .map(|w| w.trim_end_matches("'s").to_string())
        .filter(|w| w.chars().count() >= 3 && !is_number(w) && !stop.contains(w))
        .map(|w| fold_plural(&w))
        .collect()
}

fn fold_plural(word: &str) -> String {
    if word.len() > 4
        && let Some(stem) = word.strip_suffix("ies")
    {
        return format!("{stem}y");
    }
    match word.strip_suffix('s') {
        Some(stem) if word.len() > 3 && !word.ends_with("ss") => stem.to_string(),
        _ => word.to_string(),
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_words_fold_plurals_and_drop_stopwords() {
        let k = key_words("No validation of the configs before deploys; 3 policies");
        let k: Vec<&str> = k.iter().map(String::as_str).collect();
        assert_eq!(k, ["config", "deploy", "policy", "validation"]);
    }
}
