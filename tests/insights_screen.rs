//! The Insights view from home, driven through `update`, and drawn at the sizes people use:
//! factors per quarter as bars, recurring conditions, follow-through, response times.

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
    let m = shown();
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = draw(&m, w, h);
        assert_shows(
            &screen,
            &[
                "insights across 12 reviews",
                "Contributing factors per quarter",
                "2026-Q1",
                "Conditions that recur",
                "17 committed · 8 verified",
                "31% verified within the policy window",
                "median 22 days to verified",
                "Time to resolve by severity",
                "SEV1",
                "latest 1h 20m",
                "⚠ 1 file could not be read",
            ],
            &format!("{w}x{h}"),
        );
        if w >= 100 {
            let wide =
                ["overdue: Payments 2, Search 2, Platform 1", "monitoring   alert certificate"];
            assert_shows(&screen, &wide, "wide");
        }
        insta::assert_snapshot!(format!("insights__fixtures__{w}x{h}"), screen);
    }
}
