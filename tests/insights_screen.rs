//! The Insights view from home, driven through `update`, and drawn at the sizes people use:
//! factors by category per quarter as grouped bars, recurring conditions, follow-through,
//! response times by severity, wording kept on purpose; scrolled where they do not fit.

mod common;

use std::path::PathBuf;

use common::*;
use waterline::model::Session;
use waterline::tui::app::{Model, Screen, update};
use waterline::tui::effects::Effect;
use waterline::tui::intent::Intent;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/insights");

fn library() -> Vec<(PathBuf, Session)> {
    let mut names: Vec<PathBuf> =
        std::fs::read_dir(FIXTURES).expect("fixtures").map(|e| e.expect("entry").path()).collect();
    names.sort();
    names
        .into_iter()
        .map(|p| (p.clone(), waterline::store::load(&p).expect("fixture loads").session))
        .collect()
}

/// Home, `s`, and the twelve reviews of the fixtures read, on 2026-04-01.
fn shown() -> Model {
    let mut m = model();
    m.clock = || chrono::DateTime::parse_from_rfc3339("2026-04-01T09:00:00Z").expect("time");
    let effects = m.press(waterline::tui::keymap::KeyInput::char('s'));
    assert!(matches!(effects.as_slice(), [Effect::LoadLibrary]), "the data folder is read");
    update(&mut m, Intent::Library { reviews: library(), unreadable: 1 });
    m
}

#[test]
fn insights_open_from_home_and_esc_goes_back() {
    let mut m = shown();
    assert_eq!(m.screen, Screen::Insights);
    let found = m.insights.as_ref().and_then(|v| v.found.as_ref()).expect("computed");
    assert_eq!(found.reviews, 12);
    esc(&mut m);
    assert_eq!(m.screen, Screen::Home);
}

#[test]
fn insights_snapshots_show_the_numbers() {
    let mut m = shown();
    let found = m.insights.as_ref().and_then(|v| v.found.as_ref()).expect("computed");
    let q1 = found.factors_by_quarter.iter().find(|q| q.quarter == "2025-Q1").expect("2025-Q1");
    let monitoring = q1.by_category.iter().find(|(c, _)| c.as_str() == "monitoring");
    assert_eq!(monitoring.map(|(_, n)| *n), Some(2), "the chart's tallest bar below");

    // Wide and tall: every section at once, no scrolling.
    let wide = show(&mut m, 120, 40);
    assert_shows(
        &wide,
        &[
            "insights across 12 reviews",
            "Contributing factors by category, 2025-Q1 to 2026-Q1 (5 of 8 quarters; ← →)",
            // One bar per category in each quarter, labelled, its count on it.
            "to mo pr do ca de ar   to mo pr do ca de ar",
            "2025-Q1",
            "2026-Q1",
            "│1█ 2█    1█ ",
            "to tooling   mo monitoring   pr process   do documentation",
            "Conditions that recur",
            "monitoring     alert certificate date expiry       3        ○1 ✔2",
            "17 committed · 8 verified",
            "31% verified within the policy window (5 of 16)",
            "median 22 days to verified",
            "overdue: Payments\u{a0}2, Search\u{a0}2, Platform\u{a0}1",
            "Time to detect · mitigate · resolve by severity",
            "detect",
            "mitigate",
            "resolve",
            "SEV2",
            "1h 20m",
            "3h 20m",
            "Wording kept on purpose most often",
            "counterfactual-should-have  “should have”  kept 3× in 3 reviews",
            "×2 Quoting the runbook's own wording",
            "condescension-just  “just”  kept 2× in 2 reviews",
            "⚠ 1 file could not be read",
        ],
        "120x40",
    );
    assert!(!wide.contains("scroll"), "everything fits at 120×40:\n{wide}");
    insta::assert_snapshot!("insights__fixtures__120x40", wide);

    // 80×24: the chart and what recurs first, the rest a scroll away.
    let top = show(&mut m, 80, 24);
    assert_shows(
        &top,
        &[
            "Contributing factors by category, 2025-Q2 to 2026-Q1 (4 of 8 quarters; ← →)",
            "to mo pr ca de ar   to mo pr ca de ar",
            "2026-Q1",
            "to tooling   mo monitoring",
            "tooling        config payment schema validation rollout      3        ○1 ✔2",
            "17 committed · 8 verified",
            "⚠ 1 file could not be read   ↑↓ scroll · lines 1–21 of 37",
        ],
        "80x24",
    );
    insta::assert_snapshot!("insights__fixtures__80x24", top);
    keys(&mut m, "G");
    let bottom = show(&mut m, 80, 24);
    assert_shows(
        &bottom,
        &[
            "overdue: Payments\u{a0}2, Search\u{a0}2, Platform\u{a0}1",
            "SEV3",
            "6h 40m",
            "Wording kept on purpose most often",
            "×1 A direct quote from the customer ticket",
            "×2 Means only, not simply",
            "↑↓ scroll · lines 17–37 of 37",
        ],
        "80x24 at the end",
    );
    insta::assert_snapshot!("insights__fixtures__80x24_end", bottom);
    keys(&mut m, "G");
    keys(&mut m, "k");
    assert!(show(&mut m, 80, 24).contains("lines 16–36 of 37"), "one up from the end, not past it");
}

#[test]
fn a_review_without_a_start_time_is_counted_and_said_to_be_left_out_of_the_quarters() {
    let mut m = model();
    m.clock = || chrono::DateTime::parse_from_rfc3339("2026-04-01T09:00:00Z").expect("time");
    m.press(waterline::tui::keymap::KeyInput::char('s'));
    let mut undated = demo_session();
    undated.incident.started_at = None;
    let mut reviews = library();
    reviews.push((PathBuf::from("undated.toml"), undated));
    update(&mut m, Intent::Library { reviews, unreadable: 0 });
    let screen = draw(&m, 120, 40);
    let header =
        "insights across 13 reviews (1 without a start time, left out of the figures over time)";
    assert_shows(&screen, &[header, "2026-Q1"], "120x40");
}

#[test]
fn every_team_with_overdue_actions_is_shown_however_many() {
    let mut m = shown();
    let found = m.insights.as_mut().and_then(|v| v.found.as_mut()).expect("computed");
    for team in ["Checkout", "Identity", "Mobile", "Observability", "Data platform"] {
        found.follow_through.overdue_by_team.push((team.to_string(), 1));
    }
    for (w, h) in [(120, 40), (80, 24)] {
        keys(&mut m, "G");
        let screen = show(&mut m, w, h);
        keys(&mut m, "G");
        let screen = if w == 80 { show(&mut m, w, h) } else { screen };
        // Each team's count beside it (a space that does not break).
        let shows = ["Payments\u{a0}2", "Mobile\u{a0}1", "Observability\u{a0}1", "platform\u{a0}1"];
        assert_shows(&screen, &shows, &format!("{w}x{h}"));
    }
}

#[test]
fn the_chart_moves_to_earlier_quarters_and_back() {
    let mut m = shown();
    assert!(!show(&mut m, 80, 24).contains("2024-Q4"), "the latest quarters first");
    keys(&mut m, "hhhh");
    let earlier = show(&mut m, 80, 24);
    // As many quarters as their categories leave room for.
    assert_shows(&earlier, &["2024-Q3 to 2025-Q1 (3 of 8 quarters", "2024-Q4"], "back");
    assert!(!earlier.contains("2026-Q1"), "{earlier}");
    keys(&mut m, "hhhhhhhh");
    let first = show(&mut m, 80, 24);
    assert!(first.contains("2024-Q2 to 2024-Q4 (3 of 8"), "never before the first:\n{first}");
    keys(&mut m, "l");
    assert!(show(&mut m, 80, 24).contains("2024-Q3 to 2025-Q1"), "one later at once");
    for _ in 0..20 {
        key(&mut m, waterline::tui::keymap::KeyInput::parse("right").expect("key"));
    }
    assert!(show(&mut m, 80, 24).contains("2025-Q2 to 2026-Q1"), "never past the latest");
}

#[test]
fn an_empty_data_folder_says_what_is_missing_at_every_size() {
    let mut m = model();
    m.press(waterline::tui::keymap::KeyInput::char('s'));
    update(&mut m, Intent::Library { reviews: Vec::new(), unreadable: 0 });
    for (w, h) in [(60, 15), (80, 24), (120, 40)] {
        keys(&mut m, "G");
        let screen = show(&mut m, w, h);
        keys(&mut m, "G");
        let end = show(&mut m, w, h);
        let whole = format!("{screen}{end}");
        let shown = [
            "insights across 0 reviews",
            "No contributing factor recorded",
            "No condition seen in more than one review",
            "no policy window has closed yet",
            "nothing overdue",
        ];
        assert_shows(&whole, &shown, &format!("{w}x{h}"));
    }
    keys(&mut m, "G");
    assert!(show(&mut m, 80, 24).contains("No wording kept on purpose yet"));
}

/// Reviews read only as far as their actions (for the follow-up view, asked for just
/// before) have no kept wording or timeline: insights waits for its own, whole reading.
#[test]
fn insights_wait_for_reviews_read_whole() {
    let mut m = model();
    m.press(waterline::tui::keymap::KeyInput::char('s'));
    update(&mut m, Intent::LibraryActions { reviews: library(), unreadable: 0 });
    assert!(
        m.insights.as_ref().is_some_and(|v| v.found.is_none()),
        "nothing worked out from partial reviews"
    );
    assert_shows(&draw(&m, 120, 40), &["Reading"], "still reading");
    update(&mut m, Intent::Library { reviews: library(), unreadable: 0 });
    assert!(m.insights.as_ref().and_then(|v| v.found.as_ref()).is_some(), "then worked out");
}
