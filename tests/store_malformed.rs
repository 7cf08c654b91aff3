//! Broken session files: each gives one `path:line:column: what is wrong` line that says
//! what to do. The expected text is an insta snapshot in `tests/snapshots/`.

use std::path::{Path, PathBuf};

use waterline::store::{self, LoadError};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/malformed")
}

/// The error for `malformed/<name>.toml`, with the path shown as a user would pass it.
fn error_for(name: &str) -> String {
    let text = std::fs::read_to_string(fixtures().join(format!("{name}.toml"))).unwrap();
    let shown = PathBuf::from(format!("malformed/{name}.toml"));
    match store::parse(&shown, &text) {
        Ok(_) => panic!("{name}.toml loaded, but it is broken"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn every_malformed_fixture_fails_with_a_path_line_and_column() {
    let mut seen = 0;
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        match store::parse(&path, &text) {
            Err(LoadError::Format { line, column, message, .. }) => {
                assert!(line >= 1 && column >= 1, "{}", path.display());
                assert!(!message.is_empty() && !message.contains('\n'), "{message}");
            }
            other => panic!("{}: expected a format error, got {other:?}", path.display()),
        }
        seen += 1;
    }
    assert!(seen >= 12, "only {seen} fixtures found");
}

#[test]
fn toml_syntax_error_points_at_the_broken_line() {
    insta::assert_snapshot!(error_for("bad_syntax"));
}

#[test]
fn severity_as_a_number_asks_for_text() {
    insta::assert_snapshot!(error_for("wrong_type"));
}

#[test]
fn unknown_event_kind_lists_the_kinds() {
    insta::assert_snapshot!(error_for("unknown_kind"));
}

#[test]
fn missing_title_points_at_the_incident_table() {
    insta::assert_snapshot!(error_for("missing_title"));
}

#[test]
fn blank_title_points_at_the_title() {
    insta::assert_snapshot!(error_for("empty_title"));
}

#[test]
fn missing_incident_table_is_reported() {
    insta::assert_snapshot!(error_for("missing_incident"));
}

#[test]
fn duplicate_event_ids_point_at_the_second_and_name_the_first_line() {
    insta::assert_snapshot!(error_for("dup_ids"));
}

#[test]
fn missing_event_id_suggests_a_free_one() {
    insta::assert_snapshot!(error_for("missing_event_id"));
}

#[test]
fn missing_event_time_is_reported_at_the_event() {
    insta::assert_snapshot!(error_for("missing_event_time"));
}

#[test]
fn factor_naming_a_missing_why_points_at_the_reference() {
    insta::assert_snapshot!(error_for("dangling_factor_why"));
}

#[test]
fn why_with_a_missing_parent_points_at_the_parent() {
    insta::assert_snapshot!(error_for("dangling_why_parent"));
}

#[test]
fn action_naming_a_missing_factor_points_at_the_reference() {
    insta::assert_snapshot!(error_for("dangling_action_factor"));
}

#[test]
fn action_naming_a_missing_behaviour_points_at_the_reference() {
    insta::assert_snapshot!(error_for("dangling_action_behaviour"));
}

#[test]
fn behaviour_naming_a_missing_event_points_at_the_reference() {
    insta::assert_snapshot!(error_for("dangling_behaviour_event"));
}

#[test]
fn whys_whose_parents_loop_are_refused() {
    insta::assert_snapshot!(error_for("why_loop"));
}

#[test]
fn missing_version_asks_for_waterline_1() {
    insta::assert_snapshot!(error_for("missing_version"));
}

#[test]
fn version_zero_is_refused() {
    insta::assert_snapshot!(error_for("version_zero"));
}

#[test]
fn version_as_text_is_refused() {
    insta::assert_snapshot!(error_for("version_text"));
}

#[test]
fn newer_version_that_format_1_cannot_read_says_it_is_newer() {
    insta::assert_snapshot!(error_for("newer_unreadable"));
}

#[test]
fn time_without_offset_asks_for_one() {
    insta::assert_snapshot!(error_for("time_without_offset"));
}

#[test]
fn date_without_time_for_a_timestamp_is_refused() {
    insta::assert_snapshot!(error_for("date_only_time"));
}

#[test]
fn due_date_that_is_not_a_date_is_refused() {
    insta::assert_snapshot!(error_for("bad_due_date"));
}

#[test]
fn single_bracket_event_table_asks_for_double_brackets() {
    insta::assert_snapshot!(error_for("event_single_brackets"));
}

#[test]
fn participant_without_name_is_refused() {
    insta::assert_snapshot!(error_for("participant_without_name"));
}

#[test]
fn key_set_twice_names_the_key() {
    insta::assert_snapshot!(error_for("duplicate_key"));
}

#[test]
fn unquoted_text_asks_for_quotes() {
    insta::assert_snapshot!(error_for("unquoted_text"));
}
