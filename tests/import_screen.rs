//! The console's import screen, driven through `update` (no terminal): choosing a file,
//! filtering, ticking, adding as one undoable edit, leaving without change, big files read
//! in slices; and what it looks like at the sizes people use.

mod common;

use std::path::Path;

use common::*;
use waterline::import::Choice;
use waterline::import::Format;
use waterline::tui::app::{Model, Overlay, update};
use waterline::tui::intent::Intent;
use waterline::tui::keymap::{KeyCode, KeyInput};
use waterline::tui::screens::import::state::{ImportScreen, Phase};
use waterline::tui::screens::import::update::working;

/// Relative to the crate, as tests run there: no path of this machine in a snapshot.
const SYSLOG: &str = "tests/fixtures/import/syslog.log";

fn screen(m: &Model) -> &ImportScreen {
    match &m.overlay {
        Some(Overlay::Import(screen)) => screen,
        _ => panic!("the import screen is open"),
    }
}

/// Reads the file to its end, a slice at a time, as the loop does between keys.
fn read_all(m: &mut Model) -> usize {
    let mut slices = 0;
    while working(m) {
        update(m, Intent::ImportWork);
        slices += 1;
    }
    slices
}

/// The demo, the import screen open, `path` typed and opened, the file read.
fn opened(path: &str) -> Model {
    let mut m = open(demo_session());
    keys(&mut m, "I");
    keys(&mut m, path);
    enter(&mut m);
    read_all(&mut m);
    m
}

fn events(m: &Model) -> usize {
    session(m).events.len()
}

#[test]
fn import_key_on_the_timeline_opens_the_screen_on_the_path() {
    let mut m = open(demo_session());
    keys(&mut m, "I");
    assert_eq!(screen(&m).phase, Phase::Path);
    keys(&mut m, "a?q");
    assert_eq!(screen(&m).path.text(), "a?q", "letters are typed into the path, not commands");
}

#[test]
fn filtered_and_ticked_lines_are_added_as_one_undoable_edit() {
    let mut m = opened(SYSLOG);
    let before = session(&m).clone();
    assert_eq!(screen(&m).file.as_ref().map(|f| f.format), Some(Format::Log));
    keys(&mut m, "/payment-api");
    enter(&mut m);
    read_all(&mut m);
    assert_eq!(screen(&m).file.as_ref().map(|f| f.visible()), Some(3), "three lines name it");
    keys(&mut m, "a");
    let ticked: Vec<u64> =
        screen(&m).file.as_ref().unwrap().ticked.iter().map(|(_, c)| c.line).collect();
    assert_eq!(ticked, [3, 4, 6]);
    enter(&mut m);
    assert!(m.overlay.is_none(), "the screen closes once they are added");
    assert_eq!(events(&m), before.events.len() + 2, "the repeated line is a duplicate");
    let notice = m.notice.as_ref().map(|n| n.text.clone()).unwrap_or_default();
    assert!(notice.contains("Imported 2 events") && notice.contains("1 duplicate"), "{notice}");
    let added: Vec<_> =
        session(&m).events.iter().filter(|e| e.source.contains("syslog.log")).collect();
    assert_eq!(added.len(), 2);
    assert!(added.iter().all(|e| e.text.contains("payment-api")), "{added:?}");
    assert_eq!(added[0].at.to_rfc3339(), "2026-03-02T09:12:03+00:00");
    keys(&mut m, "u");
    assert_eq!(session(&m), &before, "one undo takes the whole import back");
}

#[test]
fn space_ticks_the_line_under_the_cursor_and_again_unticks_it() {
    let mut m = opened(SYSLOG);
    keys(&mut m, "j");
    m.press(KeyInput::char(' '));
    let file = screen(&m).file.as_ref().unwrap();
    assert_eq!(file.ticked.len(), 1);
    assert_eq!(file.ticked[0].1.line, 2);
    m.press(KeyInput::char(' '));
    assert!(screen(&m).file.as_ref().unwrap().ticked.is_empty());
    keys(&mut m, "jjj");
    m.press(KeyInput::char(' '));
    assert!(screen(&m).file.as_ref().unwrap().ticked.is_empty(), "a blank line is not ticked");
    assert!(m.notice.as_ref().is_some_and(|n| n.text.contains("cannot be ticked")));
}

#[test]
fn escape_leaves_without_changing_the_review() {
    let mut m = opened(SYSLOG);
    let before = session(&m).clone();
    keys(&mut m, "a");
    esc(&mut m);
    assert!(m.overlay.is_none());
    assert_eq!(session(&m), &before);
    assert!(!m.doc.as_ref().unwrap().dirty, "nothing to save");
    assert!(m.notice.as_ref().is_some_and(|n| n.text == "Nothing was imported."));
}

#[test]
fn escape_in_the_filter_clears_it_and_keeps_the_screen() {
    let mut m = opened(SYSLOG);
    keys(&mut m, "/deployd");
    read_all(&mut m);
    assert_eq!(screen(&m).file.as_ref().unwrap().visible(), 2);
    esc(&mut m);
    assert_eq!(screen(&m).phase, Phase::Lines);
    assert_eq!(screen(&m).file.as_ref().unwrap().visible(), 9, "every line again");
}

#[test]
fn ticked_lines_already_in_the_timeline_add_nothing() {
    let mut m = opened(SYSLOG);
    keys(&mut m, "j");
    m.press(KeyInput::char(' '));
    enter(&mut m);
    let after_first = events(&m);
    keys(&mut m, "I");
    keys(&mut m, SYSLOG);
    enter(&mut m);
    read_all(&mut m);
    keys(&mut m, "j");
    m.press(KeyInput::char(' '));
    enter(&mut m);
    assert_eq!(events(&m), after_first);
    assert!(m.overlay.is_some(), "the screen stays, so another line can be chosen");
    assert!(m.notice.as_ref().is_some_and(|n| n.text.contains("already in the timeline")));
}

#[test]
fn enter_with_nothing_ticked_says_how_to_tick() {
    let mut m = opened(SYSLOG);
    enter(&mut m);
    assert!(m.overlay.is_some());
    assert!(m.notice.as_ref().is_some_and(|n| n.text.contains("Space ticks")));
}

#[test]
fn a_missing_file_is_said_under_the_path_and_nothing_opens() {
    let mut m = open(demo_session());
    keys(&mut m, "I");
    keys(&mut m, "tests/fixtures/import/no-such-file.log");
    enter(&mut m);
    let s = screen(&m);
    assert_eq!(s.phase, Phase::Path);
    assert!(
        s.problem.as_deref().is_some_and(|p| p.contains("no-such-file.log")),
        "{:?}",
        s.problem
    );
    enter(&mut m);
    esc(&mut m);
    assert!(m.overlay.is_none());
}

#[test]
fn read_as_chooses_the_format_instead_of_detecting_it() {
    let mut m = open(demo_session());
    keys(&mut m, "I");
    m.press(KeyInput::ctrl('t'));
    assert_eq!(screen(&m).choice, Choice::Only(Format::Log));
    m.press(KeyInput::ctrl('t'));
    assert_eq!(screen(&m).choice, Choice::Only(Format::Journald));
    keys(&mut m, SYSLOG);
    enter(&mut m);
    read_all(&mut m);
    let file = screen(&m).file.as_ref().expect("a file that is not what was chosen still opens");
    assert!(!file.detected);
    assert!(
        file.rows
            .iter()
            .all(|r| !matches!(r.reading, waterline::import::preview::Reading::Event(_)))
    );
    // f on the lines goes on to the next format and reads the file again.
    keys(&mut m, "f");
    assert_eq!(screen(&m).choice, Choice::Only(Format::Slack));
}

#[test]
fn tab_completes_the_path_as_far_as_the_folder_agrees() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("incident-app.log"), "09:00 a\n").unwrap();
    std::fs::write(dir.path().join("incident-api.log"), "09:00 b\n").unwrap();
    std::fs::create_dir(dir.path().join("exports")).unwrap();
    let base = dir.path().to_str().unwrap();
    let mut m = open(demo_session());
    keys(&mut m, "I");
    keys(&mut m, &format!("{base}/inc"));
    m.press(KeyInput::plain(KeyCode::Tab));
    assert_eq!(screen(&m).path.text(), format!("{base}/incident-ap"));
    keys(&mut m, "p");
    m.press(KeyInput::plain(KeyCode::Tab));
    assert_eq!(screen(&m).path.text(), format!("{base}/incident-app.log"));
    update(&mut m, Intent::Cancel);
    keys(&mut m, "I");
    keys(&mut m, &format!("{base}/ex"));
    m.press(KeyInput::plain(KeyCode::Tab));
    assert_eq!(screen(&m).path.text(), format!("{base}/exports/"), "a folder gains its slash");
}

#[test]
fn a_read_only_review_does_not_open_the_import() {
    let mut m = model();
    let loaded = waterline::store::Loaded {
        session: demo_session(),
        read_only: true,
        notices: vec!["read-only".into()],
    };
    update(
        &mut m,
        Intent::Loaded { path: "r.toml".into(), result: Ok(Box::new(loaded)), demo: false },
    );
    keys(&mut m, "I");
    assert!(m.overlay.is_none());
    assert!(m.notice.as_ref().is_some_and(|n| n.problem));
}

/// A log far bigger than a screen: reading is spread over many slices, the first lines show
/// after the first one, and ticking deep in the file reads the right line.
#[test]
fn a_big_log_is_read_in_slices_and_shows_its_first_lines_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.log");
    let mut text = String::new();
    for i in 0..120_000u64 {
        text.push_str(&format!(
            "2026-03-06 09:{:02}:{:02} worker {i} finished its batch\n",
            i / 60 % 60,
            i % 60
        ));
    }
    std::fs::write(&path, text).unwrap();
    let mut m = open(demo_session());
    keys(&mut m, "I");
    keys(&mut m, path.to_str().unwrap());
    enter(&mut m);
    update(&mut m, Intent::ImportWork);
    let file = screen(&m).file.as_ref().unwrap();
    assert!(file.indexed.rows > 0 && !file.indexed.done, "one slice reads part of the file");
    assert_eq!(file.rows.first().map(|r| r.line), Some(1), "the first lines show already");
    assert!(file.rows.len() <= 20, "only a screenful is read for the frame");
    // A filter typed while the file is still being read catches up first.
    keys(&mut m, "/worker 1");
    update(&mut m, Intent::ImportWork);
    let file = screen(&m).file.as_ref().unwrap();
    assert!(!file.indexed.done, "still reading");
    assert_eq!(file.rows.first().map(|r| r.line), Some(2), "worker 1 matches at once");
    esc(&mut m);
    let slices = read_all(&mut m);
    assert!(slices > 3, "{slices} slices");
    assert_eq!(screen(&m).file.as_ref().unwrap().indexed.rows, 120_000);
    keys(&mut m, "G");
    m.press(KeyInput::char(' '));
    let ticked = &screen(&m).file.as_ref().unwrap().ticked;
    assert_eq!(ticked.len(), 1);
    assert_eq!(ticked[0].1.text, "worker 119999 finished its batch");
    keys(&mut m, "/worker 7777");
    read_all(&mut m);
    assert_eq!(screen(&m).file.as_ref().unwrap().visible(), 11, "7777 and 77770…77779");
}

fn ticked_syslog() -> Model {
    let mut m = opened(SYSLOG);
    keys(&mut m, "/auth");
    read_all(&mut m);
    enter(&mut m);
    keys(&mut m, "a");
    m
}

#[test]
fn import_screen_snapshots_show_ticks_times_and_where_they_fall() {
    let m = ticked_syslog();
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = draw(&m, w, h);
        assert_shows(
            &screen,
            &[
                "Import events into the timeline",
                "plain log (detected)",
                "times without a zone: UTC · added as observation",
                "[x]      3 09:12:03 pay-1 payment-api[2210]: WARN auth",
                "6 shown by “auth”",
                "5 ticked, 1 duplicate",
                " Space tick ",
                " Enter import ",
            ],
            &format!("{w}x{h}"),
        );
        if w >= 100 {
            assert_shows(
                &screen,
                &[
                    "Where they fall",
                    "── 2026-03-02 ──",
                    "+ 09:12 pay-1 payment-api[2210]: WARN",
                    "= 09:12 pay-1 payment-api[2210]: WARN",
                    "── 2026-03-06 ──",
                    "  09:08 e1 ",
                ],
                "wide",
            );
        } else {
            assert_shows(&screen, &["4 new 09:12–10:40"], "narrow");
        }
        insta::assert_snapshot!(format!("import__ticked__{w}x{h}"), screen);
    }
}

#[test]
fn import_screen_path_snapshot_shows_the_field_and_the_choice() {
    let mut m = open(demo_session());
    keys(&mut m, "I");
    keys(&mut m, "tests/fixtures/import/nowhere.log");
    enter(&mut m);
    let shown = draw(&m, 80, 24);
    assert_shows(
        &shown,
        &["File: tests/fixtures/import/nowhere.log", "Read as: auto", "⚠", "nowhere.log"],
        "path",
    );
    insta::assert_snapshot!("import__missing_file__80x24", shown);
}

#[test]
fn the_fixture_path_is_relative_to_the_crate() {
    assert!(Path::new(SYSLOG).is_file(), "tests run from the crate's folder");
}
