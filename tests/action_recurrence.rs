//! Recurrence over two fixture reviews: a factor of the later review that matches one of
//! the earlier (same category, overlapping key words) brings back the earlier review and
//! what became of its actions. And the follow-up order across reviews.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use waterline::analysis::followup::{Filter, Urgency, by_team_and_owner, committed};
use waterline::analysis::recurrence::{find, key_words};
use waterline::model::{ActionStatus, Category, Session};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/followup");
const EARLIER: &str = "2025-11-04-checkout-config-rollout.toml";
const LATER: &str = "2026-03-06-card-payments-declined.toml";
const OTHER: &str = "2026-02-10-search-latency.toml";

fn load(name: &str) -> (PathBuf, Session) {
    let path = Path::new(DIR).join(name);
    let session = waterline::store::load(&path).expect("fixture loads").session;
    (path, session)
}

#[test]
fn a_condition_seen_before_names_the_earlier_review_and_its_actions() {
    let (later_path, later) = load(LATER);
    let earlier = vec![load(EARLIER), load(OTHER)];
    let found = find(&later, Some(&later_path), &earlier);
    let pairs: Vec<(&str, &str)> =
        found.iter().map(|r| (r.factor.as_str(), r.earlier_factor.as_str())).collect();
    assert_eq!(pairs, [("f1", "f1"), ("f3", "f2")], "{found:#?}");

    let config = &found[0];
    assert_eq!(config.review_title, "Checkout errors after a payment config rollout");
    assert_eq!(config.review_day, NaiveDate::from_ymd_opt(2025, 11, 4));
    assert!(config.shared.iter().any(|w| w == "schema"), "{:?}", config.shared);
    let message = config.message();
    assert!(
        message.starts_with(
            "this condition appeared in “Checkout errors after a payment config rollout” on 2025-11-04"
        ),
        "{message}"
    );
    assert!(message.contains("a1 is done but was never verified"), "{message}");
    assert!(message.contains("a3 is still open"), "{message}");
    assert!(message.contains("a4 was only an idea"), "{message}");
    assert!(message.contains("a5 was decided against: Accepted risk"), "{message}");
    assert_eq!(config.actions[0], ("a1".to_string(), ActionStatus::Done));

    let alert = &found[1];
    assert!(alert.message().contains("a2 was verified, yet the condition is back"));
}

#[test]
fn a_different_category_or_a_single_shared_word_is_not_a_recurrence() {
    let (later_path, mut later) = load(LATER);
    let earlier = vec![load(EARLIER)];
    later.factors[0].category = Category::Process;
    later.factors[2].text = "Checkout dashboards load slowly".into();
    let found = find(&later, Some(&later_path), &earlier);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn only_earlier_reviews_count_and_the_open_review_is_not_its_own_history() {
    let (earlier_path, earlier) = load(EARLIER);
    let later = vec![load(LATER)];
    assert!(find(&earlier, Some(&earlier_path), &later).is_empty(), "the later one is not history");
    let itself = vec![(earlier_path.clone(), earlier.clone())];
    assert!(find(&earlier, Some(&earlier_path), &itself).is_empty());
}

#[test]
fn key_words_ignore_small_words_and_fold_plurals() {
    let words: Vec<String> = key_words("The alerts and the thresholds").into_iter().collect();
    assert_eq!(words, ["alert", "threshold"]);
}

#[test]
fn follow_up_lists_overdue_first_then_due_soon_and_filters_by_owner_and_team() {
    let reviews = vec![load(EARLIER), load(LATER), load(OTHER)];
    let today = NaiveDate::from_ymd_opt(2026, 4, 1).expect("a date");
    let items = committed(&reviews, today, &Filter::default());
    let order: Vec<(Urgency, &str)> =
        items.iter().map(|i| (i.urgency, i.action.id.as_str())).collect();
    assert_eq!(
        &order[..5],
        [
            (Urgency::Overdue, "a3"),
            (Urgency::Overdue, "a1"),
            (Urgency::Overdue, "a1"),
            (Urgency::DueSoon, "a2"),
            (Urgency::DueSoon, "a2"),
        ]
    );
    assert!(items.iter().all(|i| i.action.status != ActionStatus::Idea), "ideas are not listed");
    assert_eq!(items.last().map(|i| i.urgency), Some(Urgency::Closed));

    let kenji = Filter { owner: Some("kenji".into()), ..Filter::default() };
    let mine: Vec<&str> =
        committed(&reviews, today, &kenji).iter().map(|i| i.action.text.as_str()).collect();
    assert_eq!(mine.len(), 3, "{mine:?}");
    let search = Filter { team: Some("Search".into()), overdue_only: true, ..Filter::default() };
    assert_eq!(committed(&reviews, today, &search).len(), 1);
}

#[test]
fn groups_are_by_team_then_owner_with_the_unnamed_last() {
    let reviews = vec![load(EARLIER), load(LATER), load(OTHER)];
    let today = NaiveDate::from_ymd_opt(2026, 4, 1).expect("a date");
    let items = committed(&reviews, today, &Filter::default());
    let groups: Vec<(String, String)> =
        by_team_and_owner(&items).into_iter().map(|(k, _)| k).collect();
    let teams: Vec<&str> = groups.iter().map(|(t, _)| t.as_str()).collect();
    let mut sorted = teams.clone();
    sorted.sort_by_key(|t| t.to_lowercase());
    assert_eq!(teams, sorted);
    assert!(groups.contains(&("Platform".into(), "Kenji".into())));
}
