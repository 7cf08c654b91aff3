//! What the console looks like, at the sizes people use: TestBackend + insta snapshots.
//! Names follow `screen__state__WxH`.

mod common;

use common::*;
use waterline::tui::app::{Model, update};
use waterline::tui::intent::Intent;

/// Snapshots at both sizes, after checking that each shows what matters (`shows`): the
/// selection, the glyphs, the keys on offer.
fn both_sizes(name: &str, m: &Model, shows: &[&str]) {
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = draw(m, w, h);
        assert_shows(&screen, shows, &format!("{name} at {w}x{h}"));
        insta::assert_snapshot!(format!("{name}__{w}x{h}"), screen);
    }
}

#[test]
fn home_empty() {
    both_sizes("home__empty", &model(), &["No reviews here yet.", " n new ", " d demo "]);
}

#[test]
fn home_with_reviews() {
    let mut m = model();
    let listing = |title: &str, severity: &str, open: usize| waterline::store::Listing {
        path: format!("{title}.toml").into(),
        modified: None,
        summary: Ok(waterline::store::ListingSummary {
            title: title.into(),
            severity: severity.into(),
            status: waterline::model::ReviewStatus::Draft,
            open_actions: open,
            started: chrono::NaiveDate::from_ymd_opt(2026, 3, 2),
        }),
    };
    let broken = waterline::store::Listing {
        path: "hand-edited.toml".into(),
        modified: None,
        summary: Err("hand-edited.toml:3:9: invalid string".into()),
    };
    update(
        &mut m,
        Intent::Listed {
            listings: vec![
                listing("Card payments declined after an auth config change", "SEV1", 5),
                listing("Search index rebuild stalled", "SEV3", 0),
                broken,
            ],
            left: 0,
        },
    );
    both_sizes("home__three_reviews", &m, &["▶ Card payments declined", "SEV1", " Enter open "]);
}

#[test]
fn timeline_demo() {
    both_sizes(
        "timeline__demo",
        &open(demo_session()),
        &["▶09:08", "◆DET", " a add ", "S D M R milestones"],
    );
}

#[test]
fn timeline_empty() {
    both_sizes(
        "timeline__empty",
        &open(waterline::model::Session::new("Checkout errors")),
        &["No events yet. Press a to add the first one", " a add "],
    );
}

#[test]
fn timeline_add_form_with_a_bad_time() {
    let mut m = open(demo_session());
    keys(&mut m, "a25:00");
    both_sizes("timeline__add_form_bad_time", &m, &["▶ Time", "✗ “25:00”", " Enter save "]);
}

#[test]
fn incident_form() {
    let mut m = open(demo_session());
    keys(&mut m, "i");
    both_sizes("incident__form", &m, &["▶ Title", "Card payments declined", " Esc close "]);
}

#[test]
fn help_overlay() {
    let mut m = open(demo_session());
    keys(&mut m, "?");
    both_sizes("help__timeline", &m, &["Anywhere", "In a review", "Esc/q help"]);
}

#[test]
fn review_gate_of_the_demo() {
    let mut m = open(demo_session());
    keys(&mut m, "6");
    both_sizes(
        "review__demo",
        &m,
        &["▶ factor:f5", "✗ Every factor has an action", " Enter go to "],
    );
    keys(&mut m, "o");
    keys(&mut m, "Pager budget for the secondary rota");
    enter(&mut m);
    keys(&mut m, "G");
    both_sizes(
        "review__parked_selected",
        &m,
        &["▶ p1 · review · Pager budget", "Parking lot · 1", " x remove "],
    );
}

#[test]
fn too_small_terminal_says_what_it_needs() {
    insta::assert_snapshot!("too_small__40x10", draw(&open(demo_session()), 40, 10));
}

#[test]
fn tiny_terminals_draw_without_panicking() {
    let m = open(demo_session());
    for (w, h) in [(1, 1), (2, 1), (1, 3), (10, 2)] {
        let screen = draw(&m, w, h);
        assert_eq!(screen.lines().count(), usize::from(h), "{w}x{h} draws every row");
    }
    let screen = draw(&m, 59, 15);
    assert!(screen.contains("Terminal too small"), "below 60 columns it says so:\n{screen}");
    let screen = draw(&m, 60, 15);
    assert!(screen.contains("Timeline ·") && !screen.contains("too small"), "{screen}");
}

#[test]
fn paste_offer_shows_what_each_line_becomes() {
    let mut m = open(demo_session());
    keys(&mut m, "a");
    update(
        &mut m,
        Intent::Paste("[09:31] Support: card payments failing\n09:40 Page sent\nDev acks\n23:58 Late note\n00:04 After midnight".into()),
    );
    both_sizes(
        "timeline__paste_offer",
        &m,
        &["lines pasted. Add one event per line?", " Enter save ", " Esc close"],
    );
}
