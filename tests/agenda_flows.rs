//! The agenda, the timebox, the prompt cards and self-review, driven through `update` with
//! a clock the test moves by hand: no terminal, no sleeps.

mod common;

use std::cell::Cell;

use common::*;
use waterline::model::{Mode, Timestamp};
use waterline::tui::app::{Model, update};
use waterline::tui::facilitation::agenda::{self, Timeboxes};
use waterline::tui::facilitation::cards::deck;
use waterline::tui::intent::Intent;
use waterline::tui::mouse::Pointer;
use waterline::tui::steps::Step;

thread_local! {
    /// Seconds after `fixed_now` that this test's clock shows (each test has its thread).
    static SECONDS: Cell<i64> = const { Cell::new(0) };
}

fn clock() -> Timestamp {
    fixed_now() + chrono::Duration::seconds(SECONDS.with(Cell::get))
}

fn advance(m: &mut Model, minutes: i64) {
    SECONDS.with(|s| s.set(s.get() + minutes * 60));
    update(m, Intent::Tick);
}

/// The demo, opened at the clock's start, on a clock the test moves.
fn meeting() -> Model {
    SECONDS.with(|s| s.set(0));
    let mut m = open(demo_session());
    m.clock = clock;
    m
}

fn header(m: &Model) -> String {
    agenda::header(m).unwrap_or_default()
}

fn notice(m: &Model) -> String {
    m.notice.as_ref().map(|n| format!("{} {}", n.glyph, n.text)).unwrap_or_default()
}

fn doc_step(m: &Model) -> Step {
    m.doc.as_ref().expect("open").step
}

#[test]
fn the_meeting_clock_and_the_step_time_run_from_the_opening() {
    let mut m = meeting();
    assert_eq!(header(&m), "⏱ 0:00 · Timeline 0/15m");
    advance(&mut m, 8);
    assert_eq!(header(&m), "⏱ 0:08 · Timeline 8/15m");
    let screen = draw(&m, 80, 24);
    assert!(screen.contains("⏱ 0:08 · Timeline 8/15m"), "in the header:\n{screen}");
    assert!(screen.contains("▶1 Timeline 18 8m"), "in the stepper:\n{screen}");
}

#[test]
fn time_is_kept_per_step_as_the_room_moves_through_the_agenda() {
    let mut m = meeting();
    advance(&mut m, 12);
    tab(&mut m);
    advance(&mut m, 20);
    keys(&mut m, "1");
    advance(&mut m, 3);
    keys(&mut m, "3");
    advance(&mut m, 1);
    let a = &m.doc.as_ref().expect("open").agenda;
    assert_eq!(a.minutes_on(Step::Timeline), 15);
    assert_eq!(a.minutes_on(Step::Whys), 20);
    assert_eq!(a.minutes_on(Step::Factors), 1);
    assert_eq!(a.minutes_on(Step::Behaviours), 0);
    assert_eq!(agenda::clock(a.meeting_seconds()), "0:36");
    assert_eq!(header(&m), "⏱ 0:36 · Factors 1/10m");
    // Every step with time spent shows it; the ones over their timebox carry ◷.
    let screen = draw(&m, 120, 40);
    let stepper = screen.lines().nth(1).expect("the stepper row");
    assert_eq!(
        stepper,
        " 1 Timeline 18 15m │ 2 Whys 17 ◷20m │▶3 Factors 6 ⚠1 1m │ 4 Behaviours 2 │ 5 Actions 6 │ 6 Review"
    );
}

#[test]
fn a_step_past_its_timebox_is_said_once_gently() {
    let mut m = meeting();
    advance(&mut m, 15);
    assert!(m.notice.is_none(), "15 of 15 minutes is not over: {}", notice(&m));
    advance(&mut m, 1);
    let said = notice(&m);
    assert!(said.starts_with("◷ Timeline is past its timebox (16 of 15 min)."), "{said}");
    assert!(!m.notice.as_ref().is_some_and(|n| n.problem), "a notice, not a problem");
    assert!(m.overlay.is_none(), "never a dialog");
    assert_eq!(header(&m), "⏱ 0:16 · Timeline ◷ 16/15m");
    // Once: a key clears it, and more time does not bring it back.
    keys(&mut m, "j");
    advance(&mut m, 5);
    assert!(m.notice.is_none(), "{}", notice(&m));
    // Another step has its own timebox and its own notice.
    keys(&mut m, "2");
    advance(&mut m, 16);
    assert!(notice(&m).contains("Whys is past its timebox (16 of 15 min)"), "{}", notice(&m));
}

#[test]
fn a_timebox_running_out_never_interrupts_a_form() {
    let mut m = meeting();
    advance(&mut m, 14);
    keys(&mut m, "a");
    keys(&mut m, "09:4");
    advance(&mut m, 2);
    assert!(m.notice.is_none(), "nothing over the form: {}", notice(&m));
    keys(&mut m, "5");
    tab(&mut m);
    tab(&mut m);
    keys(&mut m, "Pager escalated to the platform team");
    assert!(m.overlay.is_some(), "still typing");
    enter(&mut m);
    assert!(texts(&m).iter().any(|t| t == "Pager escalated to the platform team"));
    // The form has closed: the next tick says it.
    advance(&mut m, 0);
    assert!(notice(&m).contains("Timeline is past its timebox (16 of"), "{}", notice(&m));
}

#[test]
fn a_problem_being_reported_is_not_covered_by_the_agenda() {
    let mut m = meeting();
    update(&mut m, Intent::SaveFailed("disk full".into()));
    m.notice = Some(waterline::tui::app::Notice::problem("disk full"));
    advance(&mut m, 20);
    assert!(notice(&m).contains("disk full"), "{}", notice(&m));
    keys(&mut m, "j");
    advance(&mut m, 0);
    assert!(notice(&m).contains("Timeline is past its timebox (20 of"), "{}", notice(&m));
}

#[test]
fn timeboxes_come_from_the_config_and_zero_means_none() {
    let mut m = meeting();
    let mut boxes = Timeboxes::default();
    boxes.set(Step::Timeline, 0);
    boxes.set(Step::Whys, 30);
    m.timeboxes = boxes;
    advance(&mut m, 40);
    assert_eq!(header(&m), "⏱ 0:40 · Timeline 40m");
    assert!(m.notice.is_none(), "no timebox, nothing to run over");
    keys(&mut m, "2");
    advance(&mut m, 29);
    assert_eq!(header(&m), "⏱ 1:09 · Whys 29/30m");
}

#[test]
fn a_reopened_review_starts_a_new_meeting_clock() {
    let mut m = meeting();
    advance(&mut m, 30);
    keys(&mut m, "q");
    assert!(m.doc.is_none());
    update(
        &mut m,
        Intent::Loaded {
            path: "review.toml".into(),
            result: Ok(Box::new(waterline::store::Loaded {
                session: demo_session(),
                read_only: false,
                notices: Vec::new(),
            })),
            demo: false,
        },
    );
    assert_eq!(header(&m), "⏱ 0:00 · Timeline 0/15m");
}

// ── Prompt cards ────────────────────────────────────────────────────────────────────

fn card(m: &Model) -> (String, usize) {
    let doc = m.doc.as_ref().expect("open");
    let (card, i, _) = doc.cards.current(doc.step, doc.session.incident.mode);
    (card.text, i)
}

#[test]
fn the_review_opens_on_the_blameless_statement_and_cards_cycle() {
    let mut m = meeting();
    let (text, _) = card(&m);
    assert!(text.contains("conditions, not culprits"), "{text}");
    assert!(text.contains("could've") && text.contains("should've"), "{text}");
    keys(&mut m, "]");
    assert!(card(&m).0.starts_with("What happened, in order"), "then the step's prompt");
    keys(&mut m, "]");
    assert_eq!(card(&m).0, "What did you see?");
    keys(&mut m, "]]");
    assert_eq!(card(&m).0, "What made that make sense at the time?");
    keys(&mut m, "]");
    assert_eq!(card(&m).1, 0, "round to the first card");
    keys(&mut m, "[");
    assert_eq!(card(&m).0, "What made that make sense at the time?");
    let screen = draw(&m, 120, 40);
    assert!(screen.contains("Ask the room · 5/5"), "{screen}");
}

#[test]
fn every_step_has_its_own_cards_and_keeps_its_place() {
    let mut m = meeting();
    keys(&mut m, "]]");
    keys(&mut m, "3");
    assert!(card(&m).0.starts_with("Which conditions, together"), "{}", card(&m).0);
    keys(&mut m, "]]");
    assert_eq!(card(&m).0, "Where did we get lucky?");
    keys(&mut m, "6]");
    assert_eq!(card(&m).0, "What went well?");
    keys(&mut m, "1");
    assert_eq!(card(&m).0, "What did you see?", "the Timeline kept its card");
    let bank: Vec<String> =
        Step::ALL.iter().flat_map(|s| deck(*s, Mode::Facilitated)).map(|c| c.text).collect();
    for question in [
        "What did you see?",
        "What did you expect to happen?",
        "What made that make sense at the time?",
        "What went well?",
        "Where did we get lucky?",
    ] {
        assert!(bank.iter().any(|c| c == question), "{question}");
    }
    assert!(bank.iter().any(|c| c.starts_with("What would a peer have done")));
}

#[test]
fn cards_do_not_cycle_while_typing() {
    let mut m = meeting();
    keys(&mut m, "a");
    keys(&mut m, "]");
    assert_eq!(card(&m).1, 0);
    assert!(m.overlay.is_some(), "] was typed into the form");
}

#[test]
fn a_self_review_gets_first_person_gentler_prompts_and_cards() {
    SECONDS.with(|s| s.set(0));
    let mut s = demo_session();
    s.incident.mode = Mode::SelfReview;
    let mut m = open(s);
    let (text, _) = card(&m);
    assert!(text.contains("not about you"), "{text}");
    keys(&mut m, "]");
    assert!(card(&m).0.contains("what did I see at the time?"), "{}", card(&m).0);
    keys(&mut m, "]");
    assert_eq!(card(&m).0, "What did I see?");
    keys(&mut m, "2]");
    assert_eq!(card(&m).0, "What was hard at that moment?");
    keys(&mut m, "3]");
    assert_eq!(card(&m).0, "What did I need that I did not have?");
    let screen = draw(&m, 120, 40);
    assert!(screen.contains("Ask yourself · 2/5"), "{screen}");
    // The side pane's prompt is the first-person one too.
    keys(&mut m, "[");
    let screen = draw(&m, 120, 40);
    assert!(screen.contains("made the work harder"), "{screen}");
}

#[test]
fn the_self_review_template_sets_the_mode() {
    let created = chrono::NaiveDate::from_ymd_opt(2026, 5, 4).expect("a date");
    let session =
        waterline::assets::from_template("self-review", "A hard night", created).expect("it loads");
    assert_eq!(session.incident.mode, Mode::SelfReview);
    assert_eq!(session.incident.review_date, Some(created), "the day of the review is recorded");
}

// ── Presentation mode and the mouse, as flows ─────────────────────────────────────────

#[test]
fn presentation_mode_is_one_key_each_way_and_says_so() {
    let mut m = meeting();
    m.theme = waterline::tui::theme::Theme::default_theme();
    keys(&mut m, "P");
    assert!(m.present.on);
    assert_eq!(m.theme.name, waterline::tui::theme::ThemeName::HighContrast);
    assert!(notice(&m).contains("Presenting"), "{}", notice(&m));
    let screen = draw(&m, 80, 24);
    let footer = screen.lines().last().expect("a footer");
    assert_eq!(footer.trim(), "Tab next step   ] card   P usual view   ? help");
    keys(&mut m, "P");
    assert!(!m.present.on);
    assert_eq!(m.theme.name, waterline::tui::theme::ThemeName::Default);
}

#[test]
fn the_wheel_moves_and_a_click_picks_a_step_or_a_row() {
    let mut m = meeting();
    let _ = draw(&m, 120, 40);
    update(&mut m, Intent::Mouse(Pointer::ScrollDown));
    update(&mut m, Intent::Mouse(Pointer::ScrollDown));
    assert_eq!(m.doc.as_ref().expect("open").timeline.selected, 2);
    update(&mut m, Intent::Mouse(Pointer::ScrollUp));
    assert_eq!(m.doc.as_ref().expect("open").timeline.selected, 1);
    // Row 2 is the list's border, row 3 the day line, row 4 the first event.
    update(&mut m, Intent::Mouse(Pointer::Click { column: 10, row: 10 }));
    assert_eq!(m.doc.as_ref().expect("open").timeline.selected, 6);
    update(&mut m, Intent::Mouse(Pointer::Click { column: 10, row: 3 }));
    assert_eq!(m.doc.as_ref().expect("open").timeline.selected, 6, "a day line selects nothing");
    // The stepper: "3 Factors" sits after "▶1 Timeline 18 │ 2 Whys 17 │".
    let screen = draw(&m, 120, 40);
    let stepper = screen.lines().nth(1).expect("the stepper row");
    let column = stepper.chars().position(|c| c == 'F').expect("Factors") as u16;
    update(&mut m, Intent::Mouse(Pointer::Click { column, row: 1 }));
    assert_eq!(doc_step(&m), Step::Factors);
    let _ = draw(&m, 120, 40);
    // Two rows per factor: row 5 is the second line of the second factor.
    update(&mut m, Intent::Mouse(Pointer::Click { column: 20, row: 6 }));
    assert_eq!(m.doc.as_ref().expect("open").factors.selected, 1);
}

#[test]
fn a_click_in_the_whys_tree_selects_the_answer_on_that_line() {
    let mut m = meeting();
    keys(&mut m, "2");
    let screen = draw(&m, 120, 40);
    let row = screen.lines().position(|l| l.contains("w6 The change reached")).expect("w6");
    update(&mut m, Intent::Mouse(Pointer::Click { column: 30, row: row as u16 }));
    let doc = m.doc.as_ref().expect("open");
    assert_eq!(doc.whys.selected.as_deref(), Some("w6"));
}

#[test]
fn clicks_do_nothing_under_a_form() {
    let mut m = meeting();
    let _ = draw(&m, 120, 40);
    keys(&mut m, "a");
    update(&mut m, Intent::Mouse(Pointer::Click { column: 10, row: 10 }));
    assert_eq!(m.doc.as_ref().expect("open").timeline.selected, 0);
    assert!(m.overlay.is_some());
}

// ── config.toml ──────────────────────────────────────────────────────────────────────

fn with_config(text: &str) -> waterline::cli::config::Config {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("config.toml"), text).expect("write config");
    waterline::cli::config::load(Some(dir.path()))
}

#[test]
fn agenda_timeboxes_and_mouse_are_read_from_config() {
    let config = with_config("mouse = true\n\n[agenda]\ntimeline = 20\nreview = 0\n");
    assert!(config.messages.is_empty(), "{:?}", config.messages);
    assert!(config.mouse);
    assert_eq!(config.timeboxes.get(Step::Timeline), Some(20));
    assert_eq!(config.timeboxes.get(Step::Review), None, "0 means no timebox");
    assert_eq!(config.timeboxes.get(Step::Whys), Some(15), "the others keep their defaults");
    let config = with_config("theme = \"mono\"\n");
    assert!(!config.mouse, "off unless asked for");
    assert_eq!(config.timeboxes, Timeboxes::default());
}

#[test]
fn bad_agenda_values_are_reported_with_their_line_and_the_default_kept() {
    let text = "theme = \"mono\"\n[agenda]\ntimeline = -5\nwhys = \"ten\"\nlunch = 30\nfactors = 601\nactions = 12\n";
    let config = with_config(text);
    let m = &config.messages;
    assert_eq!(m.len(), 4, "{m:?}");
    assert!(m[0].contains("config.toml:3: [agenda] timeline = -5"), "{}", m[0]);
    assert!(m[0].contains("using 15"), "{}", m[0]);
    assert!(m[1].contains("config.toml:4: [agenda] whys = \"ten\""), "{}", m[1]);
    assert!(m[2].contains("config.toml:5: [agenda] `lunch` is not a step"), "{}", m[2]);
    assert!(m[3].contains("config.toml:6:"), "{}", m[3]);
    assert_eq!(config.timeboxes.get(Step::Timeline), Some(15));
    assert_eq!(config.timeboxes.get(Step::Actions), Some(12), "the good value is kept");
    assert!(config.theme.is_some(), "the rest of the file still applies");
}

#[test]
fn agenda_and_mouse_of_the_wrong_shape_are_reported() {
    let config = with_config("mouse = \"yes\"\nagenda = 15\n");
    let m = &config.messages;
    assert_eq!(m.len(), 2, "{m:?}");
    assert!(m[0].contains("config.toml:1: mouse should be true or false"), "{}", m[0]);
    assert!(m[1].contains("config.toml:2: [agenda] should be a table"), "{}", m[1]);
    assert!(!config.mouse);
}
