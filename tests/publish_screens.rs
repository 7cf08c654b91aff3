//! What publishing looks like in the console, at the sizes people use: the lessons on the
//! Review step, the export form and its question, a published review whose gate broke, and
//! an action verified on a day. Names follow `screen__state__WxH`.

mod common;

use common::*;
use waterline::model::{ActionStatus, LessonKind, ReviewStatus};
use waterline::tui::app::{Model, Overlay};
use waterline::tui::screens::export::state::{Chosen, ReplaceQuestion};
use waterline::tui::steps::review::state::{Row, rows};

/// Snapshots at both sizes, after checking that each shows what matters.
fn both_sizes(name: &str, m: &Model, shows: &[&str]) {
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = draw(m, w, h);
        assert_shows(&screen, shows, &format!("{name} at {w}x{h}"));
        insta::assert_snapshot!(format!("{name}__{w}x{h}"), screen);
    }
}

fn select_lesson(m: &mut Model, kind: LessonKind, index: usize) {
    let doc = m.doc.as_mut().expect("open");
    let gate = doc.gate(&Default::default());
    let at = rows(doc, &gate).iter().position(|r| *r == Row::Lesson { kind, index });
    doc.review.selected = at.expect("a lesson row");
}

#[test]
fn review_lessons_of_the_demo() {
    let mut m = open(demo_session());
    keys(&mut m, "6");
    select_lesson(&mut m, LessonKind::Lucky, 0);
    both_sizes(
        "review__lesson_selected",
        &m,
        &["Where we got lucky", "▶  No card data was exposed", " e edit ", " x remove "],
    );
}

#[test]
fn review_lesson_form_flags_blame_as_it_is_typed() {
    let mut m = open(demo_session());
    keys(&mut m, "6a");
    keys(&mut m, "The engineer should have known better");
    both_sizes(
        "review__lesson_form_flagged",
        &m,
        &["Add a lesson", "What went well", "⚑ “should have known better”"],
    );
}

#[test]
fn export_form_and_replace_question() {
    let mut m = open(demo_session());
    keys(&mut m, "E");
    both_sizes(
        "export__form",
        &m,
        &["Write the report beside the review", "Markdown", "as written"],
    );
    let chosen = Chosen { format: waterline::export::Format::Html, redact: true };
    let path = std::path::PathBuf::from("reviews/outage.html");
    m.overlay = Some(Overlay::ReplaceReport(ReplaceQuestion { path, chosen }));
    both_sizes("export__replace_question", &m, &["Replace a file?", "outage.html", " y ", " n "]);
}

#[test]
fn review_published_but_broken() {
    let mut s = demo_session();
    for a in s.actions.iter_mut() {
        a.status = ActionStatus::Open;
    }
    s.incident.status = ReviewStatus::Reviewed;
    s.incident.detected_at = None;
    let mut m = open(s);
    keys(&mut m, "6");
    both_sizes(
        "review__published_but_broken",
        &m,
        &["⚠ gate broke", "⚠ This review is marked reviewed", "b takes it back to in-review"],
    );
}

#[test]
fn actions_verified_on_a_day() {
    let mut s = demo_session();
    s.actions[0].status = ActionStatus::Verified;
    s.actions[0].verification = "Drill on 5 March: the hook rejected a bad auth block".into();
    s.actions[0].verified_on = chrono::NaiveDate::from_ymd_opt(2026, 3, 5);
    let mut m = open(s);
    keys(&mut m, "5");
    let screen = draw(&m, 120, 40);
    assert_shows(&screen, &["verified on Thu 5 Mar 2026", "evidence: Drill"], "the side pane");
    insta::assert_snapshot!("actions__verified_on__120x40", screen);
}
