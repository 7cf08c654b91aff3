//! The Actions step, the follow-up meeting and the follow-up view on screen, at 80×24 and
//! 120×40, in the mono theme: every check reads by its glyph (✓ ! ✗), never by colour.
//! Names follow `screen__state__WxH`.

mod common;

use std::path::Path;

use common::*;
use waterline::model::{ActionItem, ActionStatus, Factor, Session};
use waterline::tui::app::{Model, update};
use waterline::tui::intent::Intent;
use waterline::tui::keymap::{KeyCode, KeyInput};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/followup");

/// Snapshots at each size, after checking that each shows what matters (`shows`): the
/// selection, the glyphs, the keys on offer.
fn both_sizes(name: &str, m: &Model, shows: &[&str]) {
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = draw(m, w, h);
        assert_shows(&screen, shows, &format!("{name} at {w}x{h}"));
        insta::assert_snapshot!(format!("{name}__{w}x{h}"), screen);
    }
}

fn demo() -> Model {
    let mut m = open(demo_session());
    keys(&mut m, "5");
    m
}

/// The domain source's good and bad examples side by side, to show every glyph.
fn good_and_bad() -> Model {
    let mut s = Session::new("Auth outage after a config change");
    s.incident.severity = "SEV1".into();
    s.incident.started_at = Some(fixed_now());
    s.factors.push(Factor {
        id: "f1".into(),
        text: "No validation of config changes before deploy".into(),
        ..Factor::default()
    });
    let due = fixed_now().date_naive() + chrono::Days::new(14);
    let texts = [
        ("Add pre-deploy hook that validates config schema.", "Platform", "Sarah"),
        ("Implement 1% canary with automatic rollback on error spike.", "Platform", "Kenji"),
        ("Add config change review requirement to deploy pipeline.", "Platform", "Sarah"),
        ("Be more careful with config changes.", "Platform", "Sarah"),
        ("Engineer X needs training.", "", ""),
        ("Review all configs.", "the team", "TBD"),
        ("Improve monitoring.", "SRE", "someone"),
    ];
    for (i, (text, team, owner)) in texts.into_iter().enumerate() {
        s.actions.push(ActionItem {
            id: format!("a{}", i + 1),
            text: text.into(),
            team: team.into(),
            owner: owner.into(),
            due: (i != 6).then_some(due),
            factors: if i == 5 { Vec::new() } else { vec!["f1".into()] },
            ..ActionItem::default()
        });
    }
    let mut m = open(s);
    keys(&mut m, "5");
    m
}

#[test]
fn actions_list() {
    both_sizes("actions__demo", &demo(), &["▶a1", "✓ ✓ ✓ ✓ ✓", "◐ in progress", " a add "]);
    let mut m = good_and_bad();
    both_sizes("actions__good_and_bad", &m, &["▶a1", "Actions · 7 committed"]);
    keys(&mut m, "jjj");
    both_sizes("actions__person_focused_selected", &m, &["▶a4", "✗ ! ✓ ✓ ✗"]);
}

#[test]
fn actions_empty() {
    let mut m = open(Session::new("A quiet review"));
    keys(&mut m, "5");
    both_sizes("actions__empty", &m, &["Actions · 0 committed", " a add "]);
}

#[test]
fn actions_form_checks_update_as_typed() {
    let mut m = demo();
    keys(&mut m, "a");
    keys(&mut m, "Improve monitoring");
    both_sizes("actions__add_form_vague", &m, &["▶ Action", "Improve monitoring", " Enter save "]);
    for _ in 0..18 {
        key(&mut m, KeyInput::plain(KeyCode::Backspace));
    }
    keys(&mut m, "Page on card decline rate above 3% for five minutes");
    tab(&mut m);
    keys(&mut m, "SRE");
    tab(&mut m);
    keys(&mut m, "Dev");
    tab(&mut m);
    keys(&mut m, "+10d");
    tab(&mut m);
    tab(&mut m);
    key(&mut m, KeyInput::plain(KeyCode::Right));
    key(&mut m, KeyInput::plain(KeyCode::Right));
    keys(&mut m, " ");
    both_sizes("actions__add_form_good", &m, &["▶ Factors", "[x] f3", " Enter save "]);
}

#[test]
fn actions_status_note() {
    let mut m = demo();
    keys(&mut m, "dv");
    both_sizes("actions__verify_note", &m, &["▶ Evidence", "● done"]);
    enter(&mut m);
    both_sizes("actions__verify_note_refused", &m, &["▶ Evidence", "● done"]);
}

#[test]
fn actions_walkthrough() {
    let mut m = demo();
    keys(&mut m, "m");
    both_sizes(
        "actions__meeting_first",
        &m,
        &["▶◐ a1", "Follow-up meeting · action 1 of 5", " n next "],
    );
    keys(&mut m, "dnpnnnn");
    both_sizes("actions__meeting_summary", &m, &["Follow-up meeting · summary", " b back "]);
}

fn load(name: &str) -> (std::path::PathBuf, Session) {
    let path = Path::new(FIXTURES).join(name);
    (path.clone(), waterline::store::load(&path).expect("fixture").session)
}

#[test]
fn actions_seen_before() {
    let (path, later) = load("2026-03-06-card-payments-declined.toml");
    let mut m = model();
    let loaded = waterline::store::Loaded { session: later, read_only: false, notices: Vec::new() };
    update(&mut m, Intent::Loaded { path, result: Ok(Box::new(loaded)), demo: false });
    keys(&mut m, "5");
    let reviews = vec![load("2025-11-04-checkout-config-rollout.toml")];
    update(&mut m, Intent::Library { reviews, unreadable: 0 });
    both_sizes("actions__recurrence_line", &m, &["▶a1", "⟲ f1"]);
    keys(&mut m, "r");
    both_sizes("actions__recurrence", &m, &["Seen before · 2", " Esc close "]);
}

#[test]
fn follow_up_view() {
    let mut m = model();
    m.clock = || chrono::DateTime::parse_from_rfc3339("2026-04-01T09:00:00Z").expect("time");
    keys(&mut m, "f");
    update(&mut m, Intent::Library { reviews: Vec::new(), unreadable: 0 });
    both_sizes("followup__empty", &m, &[" r reload ", "q/Esc close"]);
    let reviews = [
        "2025-11-04-checkout-config-rollout.toml",
        "2026-02-10-search-latency.toml",
        "2026-03-06-card-payments-declined.toml",
    ]
    .map(load)
    .to_vec();
    update(&mut m, Intent::Library { reviews, unreadable: 1 });
    both_sizes("followup__three_reviews", &m, &["▶ ○ open", "a3 · Checkout errors", " O open "]);
    keys(&mut m, "jv");
    both_sizes("followup__verify_note", &m, &["▶ Evidence", "● done"]);
    assert!(
        m.follow_up
            .as_ref()
            .unwrap()
            .selected()
            .is_some_and(|(_, a)| a.status == ActionStatus::Done)
    );
}

/// While the reviews are read (off the loop, seconds for a big folder), the view says so
/// and shows no count it does not know yet; reading again keeps the rows but not the counts.
#[test]
fn the_follow_up_view_shows_no_counts_while_it_reads() {
    let mut m = model();
    keys(&mut m, "f");
    let screen = draw(&m, 120, 40);
    assert_shows(&screen, &[" Follow-up ", waterline::tui::messages::LIBRARY_LOADING], "reading");
    assert!(
        !screen.contains("0 actions"),
        "no count before the reviews are read:
{screen}"
    );
    let one = vec![load("2026-03-06-card-payments-declined.toml")];
    update(&mut m, Intent::Library { reviews: one, unreadable: 0 });
    assert_shows(&draw(&m, 120, 40), &[" · 1 review "], "read");
    keys(&mut m, "r");
    let again = draw(&m, 120, 40);
    assert!(
        !again.contains(" · 1 review "),
        "reading again, the old count goes:
{again}"
    );
}

#[test]
fn the_follow_up_view_counts_one_review_in_the_singular() {
    let mut m = model();
    keys(&mut m, "f");
    let one = vec![load("2026-03-06-card-payments-declined.toml")];
    update(&mut m, Intent::Library { reviews: one, unreadable: 1 });
    let screen = draw(&m, 120, 40);
    assert!(screen.contains(" · 1 review "), "a count of one is singular:\n{screen}");
    assert!(screen.contains("1 file in the data folder was unreadable"), "{screen}");
}

#[test]
fn actions_help() {
    let mut m = demo();
    keys(&mut m, "?");
    both_sizes("actions__help", &m, &["Anywhere", "Esc/q help"]);
}
