//! The lessons lists in the file: read, written back in the same bytes, left out when empty,
//! unknown keys beside them kept, and a file without them still valid.

use std::path::Path;

use waterline::model::{LessonKind, Session};
use waterline::store::{self, LoadError};

const LESSONS: &str = include_str!("fixtures/lessons.toml");

fn parse(text: &str) -> Result<store::Loaded, LoadError> {
    store::parse(Path::new("lessons.toml"), text)
}

#[test]
fn lessons_are_read_in_the_order_written() {
    let loaded = parse(LESSONS).unwrap();
    let lessons = &loaded.session.lessons;
    assert_eq!(lessons.went_well.len(), 2);
    assert_eq!(
        lessons.went_well[1],
        "Pausing the reindex was one command, and it was in the runbook"
    );
    assert_eq!(
        lessons.list(LessonKind::WentWrong),
        ["I had no dashboard that split latency by index"]
    );
    assert_eq!(lessons.lucky.len(), 1);
}

#[test]
fn an_unknown_key_beside_the_lessons_is_kept_and_named() {
    let loaded = parse(LESSONS).unwrap();
    assert_eq!(loaded.session.lessons.extra["mood"].as_str(), Some("calm"));
    assert_eq!(loaded.notices, ["kept 1 field this version does not know: lessons `mood`"]);
}

#[test]
fn lessons_save_back_byte_for_byte_one_lesson_a_line() {
    let session = parse(LESSONS).unwrap().session;
    assert_eq!(store::to_toml(&session), LESSONS);
}

#[test]
fn a_file_without_lessons_stays_valid_and_gains_no_table_on_save() {
    let golden = include_str!("fixtures/golden.toml");
    let session = parse(golden).unwrap().session;
    assert!(session.lessons.is_empty());
    let written = store::to_toml(&session);
    assert!(!written.contains("[lessons]"), "{written}");
}

#[test]
fn lessons_with_quotes_and_line_breaks_survive_a_save() {
    let mut session = Session::new("Title");
    session.lessons.went_wrong =
        vec!["Two lines:\nthe second \"quoted\"".into(), "A backslash \\ and a tab\t".into()];
    let text = store::to_toml(&session);
    let again = parse(&text).unwrap().session;
    assert_eq!(again.lessons, session.lessons);
    assert_eq!(store::to_toml(&again), text);
}

#[test]
fn lessons_that_are_not_a_list_of_text_name_the_line() {
    let text = "waterline = 1\n[incident]\ntitle = \"t\"\n[lessons]\nwent_well = \"only one\"\n";
    let err = parse(text).unwrap_err().to_string();
    assert!(err.starts_with("lessons.toml:5:"), "{err}");
}
