//! The home list as a facilitator looking for an old review uses it: the incident's date,
//! severity and status on each row, and a filter typed over them.

mod common;
mod tools;

use common::*;
use waterline::model::ReviewStatus;
use waterline::store::{Listing, ListingSummary};
use waterline::tui::app::{Model, update};
use waterline::tui::effects::Effect;
use waterline::tui::intent::Intent;
use waterline::tui::keymap::{KeyCode, KeyInput};

fn listing(title: &str, started: &str, severity: &str, status: ReviewStatus) -> Listing {
    Listing {
        path: format!("{title}.toml").into(),
        modified: None,
        summary: Ok(ListingSummary {
            title: title.into(),
            severity: severity.into(),
            status,
            open_actions: 1,
            started: chrono::NaiveDate::parse_from_str(started, "%Y-%m-%d").ok(),
        }),
    }
}

fn home() -> Model {
    let mut m = model();
    update(
        &mut m,
        Intent::Listed {
            listings: vec![
                listing("Card payments declined", "2026-03-02", "SEV1", ReviewStatus::Draft),
                listing("Search index stalled", "2026-02-11", "SEV3", ReviewStatus::Reviewed),
                listing("S3 outage in us-east-1", "2017-02-28", "SEV1", ReviewStatus::InReview),
                listing("Not started yet", "", "SEV2", ReviewStatus::Draft),
            ],
            left: 0,
        },
    );
    m
}

fn shown_titles(m: &Model) -> Vec<String> {
    let screen = draw(m, 120, 40);
    ["Card payments", "Search index", "S3 outage", "Not started"]
        .iter()
        .filter(|t| screen.contains(*t))
        .map(|t| t.to_string())
        .collect()
}

#[test]
fn the_home_list_shows_the_incident_date_severity_and_status() {
    let m = home();
    let screen = draw(&m, 120, 40);
    assert_shows(
        &screen,
        &[
            "Incident",
            "Severity",
            "Status",
            "2017-02-28",
            "SEV3",
            "in-review",
            "reviewed",
            " / filter ",
        ],
        "home",
    );
    insta::assert_snapshot!("home__dates__120x40", screen);
    let small = draw(&m, 80, 24);
    assert_shows(&small, &["2026-03-02", "SEV1", "draft"], "home at 80x24");
    insta::assert_snapshot!("home__dates__80x24", small);
}

#[test]
fn typing_a_filter_narrows_the_list_and_esc_clears_it() {
    let mut m = home();
    keys(&mut m, "/2017");
    assert_eq!(shown_titles(&m), ["S3 outage"], "the incident's year finds it");
    let screen = draw(&m, 120, 40);
    assert_shows(&screen, &["1 of 4", "filter: 2017", " Esc "], "filtering");
    insta::assert_snapshot!("home__filtered__120x40", screen);
    // Letters that are commands elsewhere on home are typed while filtering.
    m.press(KeyInput::plain(KeyCode::Esc));
    assert_eq!(shown_titles(&m).len(), 4, "Esc shows every review again");
    keys(&mut m, "/sev1 draft");
    assert_eq!(shown_titles(&m), ["Card payments"], "severity and status together");
    m.press(KeyInput::plain(KeyCode::Backspace));
    m.press(KeyInput::plain(KeyCode::Backspace));
    m.press(KeyInput::plain(KeyCode::Backspace));
    m.press(KeyInput::plain(KeyCode::Backspace));
    m.press(KeyInput::plain(KeyCode::Backspace));
    assert_eq!(shown_titles(&m), ["Card payments", "S3 outage"], "Backspace widens it");
    assert!(!m.quitting, "q was never pressed as a command");
}

#[test]
fn enter_opens_the_selected_match() {
    let mut m = home();
    keys(&mut m, "/search");
    let effects = enter(&mut m);
    assert!(
        matches!(effects.as_slice(), [Effect::Open { path }] if path.to_string_lossy() == "Search index stalled.toml"),
        "opens the one shown: {effects:?}"
    );
}

#[test]
fn a_filter_that_matches_nothing_says_how_to_widen_it() {
    let mut m = home();
    keys(&mut m, "/zzz");
    let screen = draw(&m, 80, 24);
    assert_shows(&screen, &["No review matches", "0 of 4"], "no match");
    assert!(enter(&mut m).is_empty(), "Enter opens nothing");
}

#[test]
fn in_a_git_data_folder_each_review_shows_its_state_without_holding_up_the_list() {
    use tools::{commit_all, init_repo, require};
    use waterline::tui::effects::Runner;
    if !require("git", &["--version"]) {
        return;
    }
    let root = tempfile::tempdir().expect("temporary folder");
    init_repo(root.path());
    let review = |title: &str| format!("waterline = 1\n\n[incident]\ntitle = \"{title}\"\n");
    let write = |name: &str, title: &str| {
        std::fs::write(root.path().join(name), review(title)).expect("written");
    };
    write("kept.toml", "Kept as committed");
    write("edited.toml", "Edited since");
    commit_all(root.path(), "Reviews");
    write("edited.toml", "Edited since, again");
    write("added.toml", "Added since");

    let mut runner = Runner::new(Some(root.path().to_path_buf()));
    let mut m = model();
    // The list comes back at once; the git states follow from another thread.
    let listed = runner.run(Effect::ListReviews);
    assert!(
        matches!(listed.as_slice(), [Intent::Listed { listings: l, left: 0 }] if l.len() == 3),
        "{listed:?}"
    );
    for intent in listed {
        update(&mut m, intent);
    }
    let states = runner.wait_for_background(std::time::Duration::from_secs(60));
    assert!(matches!(states, Some(Intent::GitStates(_))), "{states:?}");
    update(&mut m, states.expect("git states"));
    let screen = draw(&m, 120, 40);
    let row =
        |title: &str| screen.lines().find(|l| l.contains(title)).unwrap_or_default().to_string();
    assert_shows(&screen, &["Git"], "a git column");
    assert!(row("Edited since, again").contains("changed"), "{screen}");
    assert!(row("Added since").contains("new"), "{screen}");
    assert!(!row("Kept as committed").contains("changed"), "{screen}");
}

/// Ctrl-C leaves from anywhere on home, filtering included: it is never typed as a letter.
#[test]
fn ctrl_c_while_filtering_quits_instead_of_typing() {
    let mut m = home();
    keys(&mut m, "/sea");
    let effects = m.press(KeyInput::ctrl('c'));
    assert!(effects.contains(&Effect::Quit), "Ctrl-C quits: {effects:?}");
    let screen = draw(&m, 120, 40);
    assert!(!screen.contains("filter: seac"), "nothing was typed:\n{screen}");
}

/// A title longer than its column ends in "…" at 80×24, never cut mid-word without a sign.
#[test]
fn a_long_title_ends_in_an_ellipsis_on_a_small_screen() {
    let mut m = model();
    let long = "Checkout errors from an expired certificate on the payment gateway";
    update(
        &mut m,
        Intent::Listed {
            listings: vec![listing(long, "2026-03-20", "SEV2", ReviewStatus::Reviewed)],
            left: 0,
        },
    );
    let screen = draw(&m, 80, 24);
    let row = screen.lines().find(|l| l.contains("Checkout errors")).expect("the row is shown");
    assert!(row.contains('…'), "the cut is marked: {row}");
    assert_shows(&screen, &["2026-03-20", "SEV2", "reviewed"], "the other columns stay whole");
    let wide = draw(&m, 140, 40);
    assert_shows(&wide, &[long], "the whole title where it fits");
}
