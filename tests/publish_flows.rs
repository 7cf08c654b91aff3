//! Publishing from the console, driven through `update` with no terminal: lessons on the
//! Review step, the report written beside the review, a published review whose gate broke.

mod common;

use common::*;
use waterline::model::{LessonKind, Mode, ReviewStatus, Session};
use waterline::tui::app::{Model, Overlay};
use waterline::tui::effects::{Effect, Runner};
use waterline::tui::keymap::{KeyCode, KeyInput};
use waterline::tui::screens::form::{Feedback, FieldKey};
use waterline::tui::steps::review::state::{Row, rows};

/// The Review step, with the selection on lesson `index` of `kind`.
fn on_lesson(m: &mut Model, kind: LessonKind, index: usize) {
    keys(m, "6");
    let doc = m.doc.as_mut().expect("open");
    let gate = doc.gate(&Default::default());
    let at = rows(doc, &gate).iter().position(|r| *r == Row::Lesson { kind, index });
    doc.review.selected = at.expect("the lesson is a row");
}

fn form_feedback(m: &Model, key: FieldKey) -> Option<Feedback> {
    match &m.overlay {
        Some(Overlay::Form(f)) => f.field(key).and_then(|f| f.feedback.clone()),
        _ => None,
    }
}

fn lessons(m: &Model, kind: LessonKind) -> Vec<String> {
    session(m).lessons.list(kind).to_vec()
}

#[test]
fn a_lesson_added_on_the_review_step_is_kept_in_its_list_and_undo_takes_it_back() {
    let mut m = open(Session::new("Checkout errors"));
    keys(&mut m, "6a");
    assert!(matches!(m.overlay, Some(Overlay::Form(_))), "a opens the lesson form");
    keys(&mut m, "The canary caught the second wave");
    enter(&mut m);
    assert_eq!(lessons(&m, LessonKind::WentWell), ["The canary caught the second wave"]);
    // The list is chosen in the form: back a field, → to "what went wrong".
    keys(&mut m, "a");
    key(&mut m, KeyInput::plain(KeyCode::BackTab));
    key(&mut m, KeyInput::plain(KeyCode::Right));
    tab(&mut m);
    keys(&mut m, "No alert on queue depth");
    enter(&mut m);
    assert_eq!(lessons(&m, LessonKind::WentWrong), ["No alert on queue depth"]);
    keys(&mut m, "u");
    assert!(lessons(&m, LessonKind::WentWrong).is_empty(), "undo removes the lesson");
    assert_eq!(lessons(&m, LessonKind::WentWell).len(), 1);
}

#[test]
fn an_empty_lesson_is_refused_with_a_reason() {
    let mut m = open(Session::new("Checkout errors"));
    keys(&mut m, "6a");
    enter(&mut m);
    assert!(matches!(form_feedback(&m, FieldKey::Lesson), Some(Feedback::Problem(_))));
    assert!(session(&m).lessons.is_empty());
}

#[test]
fn editing_a_lesson_rewrites_it_and_can_move_it_to_another_list() {
    let mut m = open(demo_session());
    let before = lessons(&m, LessonKind::WentWell);
    on_lesson(&mut m, LessonKind::WentWell, 1);
    keys(&mut m, "e");
    // The new wording replaces the old, as the editor (Ctrl-E) would hand it back.
    if let Some(Overlay::Form(f)) = m.overlay.as_mut() {
        f.replace_focused("Rollback restored every host in eighteen minutes");
    }
    enter(&mut m);
    let after = lessons(&m, LessonKind::WentWell);
    assert_eq!(after.len(), before.len());
    assert_eq!(after[1], "Rollback restored every host in eighteen minutes");
    // Moved: edited into "where we got lucky".
    on_lesson(&mut m, LessonKind::WentWell, 0);
    let lucky = lessons(&m, LessonKind::Lucky).len();
    keys(&mut m, "e");
    key(&mut m, KeyInput::plain(KeyCode::BackTab));
    key(&mut m, KeyInput::plain(KeyCode::Left));
    enter(&mut m);
    assert_eq!(lessons(&m, LessonKind::WentWell).len(), before.len() - 1);
    assert_eq!(lessons(&m, LessonKind::Lucky).len(), lucky + 1);
    assert_eq!(lessons(&m, LessonKind::Lucky).last(), before.first());
}

#[test]
fn x_removes_the_selected_lesson_and_undo_restores_it() {
    let mut m = open(demo_session());
    let before = lessons(&m, LessonKind::WentWrong);
    on_lesson(&mut m, LessonKind::WentWrong, 0);
    keys(&mut m, "x");
    assert_eq!(lessons(&m, LessonKind::WentWrong), before[1..]);
    keys(&mut m, "u");
    assert_eq!(lessons(&m, LessonKind::WentWrong), before);
}

#[test]
fn a_blaming_lesson_is_flagged_as_it_is_typed_and_in_the_side_pane() {
    let mut m = open(Session::new("Checkout errors"));
    keys(&mut m, "6a");
    keys(&mut m, "The operator should have checked the config");
    let Some(Feedback::Lines(lines)) = form_feedback(&m, FieldKey::Lesson) else {
        panic!("the linter's findings show under the lesson as it is typed");
    };
    assert!(lines.iter().any(|l| l.problem && l.text.contains("should have")), "{lines:?}");
    enter(&mut m);
    let screen = show(&mut m, 120, 40);
    let flagged = screen.lines().any(|l| l.contains("⚑ The operator should have checked the"));
    assert!(flagged, "the list flags the lesson:\n{screen}");
    on_lesson(&mut m, LessonKind::WentWell, 0);
    let screen = show(&mut m, 120, 40);
    assert_shows(&screen, &["should have", "?"], "the side pane");
}

#[test]
fn a_self_review_asks_for_lessons_in_the_first_person() {
    let mut s = Session::new("My deploy went sideways");
    s.incident.mode = Mode::SelfReview;
    let mut m = open(s);
    keys(&mut m, "6a");
    let screen = show(&mut m, 120, 40);
    assert_shows(&screen, &["What went well for me", "helped me"], "the self-review's lesson form");
}

#[test]
fn export_writes_the_report_beside_the_review_and_shows_where() {
    let dir = tempfile::tempdir().expect("temp dir");
    let review = dir.path().join("outage.toml");
    waterline::store::save(&review, &demo_session()).expect("saved");
    let mut m = opened_at(&review);
    keys(&mut m, "E");
    assert!(matches!(m.overlay, Some(Overlay::Form(_))), "E asks for format and redaction");
    let effects = enter(&mut m);
    let written = run(&mut m, effects);
    let report = dir.path().join("outage.md");
    assert_eq!(written, Some(report.clone()));
    let text = std::fs::read_to_string(&report).expect("the report is there");
    assert!(text.contains("Payment"), "the report is the review's: {}", &text[..200]);
    let notice = m.notice.as_ref().expect("a notice");
    assert!(notice.text.contains("outage.md") && !notice.problem, "{notice:?}");
}

#[test]
fn export_as_html_with_names_replaced_by_roles() {
    let dir = tempfile::tempdir().expect("temp dir");
    let review = dir.path().join("outage.toml");
    let session = demo_session();
    waterline::store::save(&review, &session).expect("saved");
    let mut m = opened_at(&review);
    keys(&mut m, "E");
    key(&mut m, KeyInput::plain(KeyCode::Right)); // Markdown → HTML
    tab(&mut m);
    key(&mut m, KeyInput::plain(KeyCode::Right)); // as written → roles
    let effects = enter(&mut m);
    run(&mut m, effects);
    let text = std::fs::read_to_string(dir.path().join("outage.html")).expect("html written");
    assert!(text.starts_with("<!DOCTYPE html>") || text.contains("<html"));
    for p in &session.incident.participants {
        assert!(!text.contains(&p.name), "{} is not in a redacted report", p.name);
    }
    assert!(m.notice.as_ref().is_some_and(|n| n.text.contains("replaced by roles")));
}

#[test]
fn export_asks_before_replacing_a_file_that_is_not_an_earlier_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let review = dir.path().join("outage.toml");
    waterline::store::save(&review, &demo_session()).expect("saved");
    let theirs = dir.path().join("outage.md");
    std::fs::write(&theirs, "notes someone keeps by hand\n").expect("written");
    let mut m = opened_at(&review);
    keys(&mut m, "E");
    let effects = enter(&mut m);
    assert_eq!(run(&mut m, effects), None);
    assert!(matches!(m.overlay, Some(Overlay::ReplaceReport(_))), "asked first");
    let screen = show(&mut m, 100, 30);
    assert_shows(&screen, &["Replace it?", "y", "n"], "the question");
    // No leaves the file alone.
    keys(&mut m, "n");
    assert!(m.overlay.is_none());
    assert_eq!(std::fs::read_to_string(&theirs).expect("read"), "notes someone keeps by hand\n");
    // Yes replaces it; a later export replaces its own report without asking.
    keys(&mut m, "E");
    let effects = enter(&mut m);
    run(&mut m, effects);
    let effects = m.press(KeyInput::char('y'));
    assert_eq!(run(&mut m, effects), Some(theirs.clone()));
    assert!(std::fs::read_to_string(&theirs).expect("read").contains("Payment"));
    keys(&mut m, "E");
    let effects = enter(&mut m);
    assert_eq!(run(&mut m, effects), Some(theirs), "its own earlier report is replaced");
}

#[test]
fn export_into_a_folder_that_cannot_be_written_says_so_and_keeps_the_review() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The review's folder is a file's name: nothing can be written beside it.
    let review = dir.path().join("not-a-folder").join("outage.toml");
    std::fs::write(dir.path().join("not-a-folder"), "a file").expect("written");
    let mut m = open(demo_session());
    m.doc.as_mut().expect("open").path = review;
    keys(&mut m, "E");
    let effects = enter(&mut m);
    assert_eq!(run(&mut m, effects), None);
    let notice = m.notice.as_ref().expect("a notice");
    assert!(notice.problem && notice.text.contains("not written"), "{notice:?}");
}

#[test]
fn a_reviewed_review_whose_gate_broke_shows_a_banner_and_b_takes_it_back() {
    let mut s = demo_session();
    for a in s.actions.iter_mut() {
        a.status = waterline::model::ActionStatus::Open;
    }
    s.incident.status = ReviewStatus::Reviewed;
    // An edit after the review: the detection milestone is gone.
    s.incident.detected_at = None;
    let mut m = open(s);
    keys(&mut m, "6");
    let screen = show(&mut m, 120, 40);
    assert_shows(
        &screen,
        &["⚠ gate broke", "⚠ This review is marked reviewed", "b takes it back"],
        "the banner",
    );
    keys(&mut m, "b");
    assert_eq!(session(&m).incident.status, ReviewStatus::InReview);
    let screen = show(&mut m, 120, 40);
    assert!(!screen.contains("gate broke"), "{screen}");
    keys(&mut m, "u");
    assert_eq!(session(&m).incident.status, ReviewStatus::Reviewed, "undo restores the status");
}

#[test]
fn b_leaves_a_reviewed_review_whose_gate_holds_as_it_is() {
    let mut s = demo_session();
    for a in s.actions.iter_mut() {
        a.status = waterline::model::ActionStatus::Open;
    }
    s.incident.status = ReviewStatus::Reviewed;
    let mut m = open(s);
    keys(&mut m, "6b");
    assert_eq!(session(&m).incident.status, ReviewStatus::Reviewed);
    assert!(m.notice.as_ref().is_some_and(|n| n.text.contains("still holds")));
}

/// The review at `path`, opened as the console opens it.
fn opened_at(path: &std::path::Path) -> Model {
    let loaded = waterline::store::load(path).expect("loads");
    let mut m = model();
    waterline::tui::app::update(
        &mut m,
        waterline::tui::intent::Intent::Loaded {
            path: path.to_path_buf(),
            result: Ok(Box::new(loaded)),
            demo: false,
        },
    );
    m
}

/// Runs export effects as the loop does, feeding the results back; the path written, if any.
fn run(m: &mut Model, effects: Vec<Effect>) -> Option<std::path::PathBuf> {
    let mut runner = Runner::new(None);
    let mut written = None;
    for effect in effects {
        for intent in runner.run(effect) {
            if let waterline::tui::intent::Intent::Exported {
                result: waterline::tui::screens::export::state::Written::Done { path, .. },
                ..
            } = &intent
            {
                written = Some(path.clone());
            }
            waterline::tui::app::update(m, intent);
        }
    }
    written
}
