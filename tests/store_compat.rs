//! Files written by hand or by another waterline: newer formats open read-only, unknown
//! fields are kept, quoted times are read, and loading never changes a file.

use std::path::{Path, PathBuf};

use waterline::store::{self, LoadError};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// A copy of a fixture in a fresh folder, so a test may save over it.
fn copy_of(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::copy(fixture(name), &path).unwrap();
    (dir, path)
}

#[test]
fn newer_version_opens_read_only_with_a_notice() {
    let loaded = store::load(&fixture("newer_version.toml")).unwrap();
    assert!(loaded.read_only);
    assert_eq!(loaded.notices[0], "written by a newer waterline (format 2); opened read-only");
    assert_eq!(loaded.session.incident.title, "Payment service down after a config change");
    assert_eq!(loaded.session.events[0].extra["confidence"].as_str(), Some("high"));
}

#[test]
fn newer_version_file_is_not_changed_by_loading_and_refuses_a_save() {
    let (_dir, path) = copy_of("newer_version.toml");
    let before = std::fs::read(&path).unwrap();
    let loaded = store::load(&path).unwrap();
    assert!(loaded.read_only);
    assert_eq!(std::fs::read(&path).unwrap(), before);

    // Even if a caller ignored `read_only`, the newer file is not replaced.
    let err = store::save(&path, &loaded.session).unwrap_err();
    assert!(err.to_string().contains("newer waterline (format 2)"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn failed_load_leaves_the_file_bytes_unchanged() {
    let (_dir, path) = copy_of("golden.toml");
    let broken = std::fs::read_to_string(&path)
        .unwrap()
        .replace("kind = \"change\"", "kind = \"explosion\"");
    std::fs::write(&path, &broken).unwrap();
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();

    assert!(matches!(store::load(&path), Err(LoadError::Format { .. })));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
    assert_eq!(std::fs::metadata(&path).unwrap().modified().unwrap(), modified);
}

#[test]
fn unknown_fields_are_reported_once_by_name() {
    let loaded = store::load(&fixture("unknown_fields.toml")).unwrap();
    assert!(!loaded.read_only);
    assert_eq!(
        loaded.notices,
        [
            "kept 7 fields this version does not know: top level `workspace`, top level \
             `review_meeting`, top level `hypothesis`, incident `region`, event e3 `mood`, \
             event e3 `links` and 1 more",
            "participants hold only a name and a role, so 1 field will not be saved: \
             participant 1 `pronouns`",
        ]
    );
}

#[test]
fn unknown_fields_survive_load_save_load() {
    let (_dir, path) = copy_of("unknown_fields.toml");
    let first = store::load(&path).unwrap().session;
    store::save(&path, &first).unwrap();
    let second = store::load(&path).unwrap().session;
    assert_eq!(second, first);
    assert_eq!(second.extra["review_meeting"]["room"].as_str(), Some("Blue"));
    assert_eq!(second.extra["hypothesis"][0]["id"].as_str(), Some("h1"));
    assert_eq!(second.incident.extra["region"].as_str(), Some("eu-west-1"));
    assert_eq!(second.events[1].extra["links"]["runbook"].as_str(), Some("RB-7"));
    assert_eq!(second.actions[0].extra["estimate_days"].as_integer(), Some(3));
}

#[test]
fn unknown_fields_are_written_after_the_known_ones() {
    let session = store::load(&fixture("unknown_fields.toml")).unwrap().session;
    let text = store::to_toml(&session);
    insta::assert_snapshot!(text);
}

#[test]
fn quoted_rfc3339_times_and_dates_are_read() {
    let loaded = store::load(&fixture("quoted_times.toml")).unwrap();
    let s = &loaded.session;
    assert_eq!(s.incident.started_at.unwrap().to_rfc3339(), "2026-03-02T09:12:00+00:00");
    assert_eq!(s.incident.detected_at.unwrap().to_rfc3339(), "2026-03-02T10:31:00+01:00");
    assert_eq!(s.events[0].at.to_rfc3339(), "2026-03-02T04:12:30.500-05:00");
    assert_eq!(s.actions[0].due.unwrap().to_string(), "2026-03-16");
    // Saved back in the native form the format writes.
    let text = store::to_toml(s);
    assert!(text.contains("\nstarted_at = 2026-03-02T09:12:00Z\n"), "{text}");
    assert!(text.contains("\nat = 2026-03-02T04:12:30.500-05:00\n"), "{text}");
    assert!(text.contains("\ndue = 2026-03-16\n"), "{text}");
}

#[test]
fn missing_file_is_an_io_error_naming_the_path() {
    let err = store::load(Path::new("/nonexistent/waterline/review.toml")).unwrap_err();
    assert!(matches!(err, LoadError::Io { .. }));
    assert!(err.to_string().starts_with("/nonexistent/waterline/review.toml: "), "{err}");
}

#[test]
fn file_that_is_not_utf8_points_at_the_first_bad_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.toml");
    std::fs::write(&path, b"waterline = 1\n[incident]\ntitle = \"Caf\xe9\"\n").unwrap();
    let err = store::load(&path).unwrap_err().to_string();
    assert!(
        err.ends_with(
            ":3:13: this file is not UTF-8 text from here on; save it as UTF-8 and open it again"
        ),
        "{err}"
    );
}

#[test]
fn file_saved_with_a_byte_order_mark_loads() {
    let text = format!("\u{feff}{}", include_str!("fixtures/golden.toml"));
    let loaded = store::parse(Path::new("bom.toml"), &text).unwrap();
    assert_eq!(loaded.session.events.len(), 2);
}

#[test]
fn file_with_windows_line_endings_loads_the_same() {
    let golden = include_str!("fixtures/golden.toml");
    let crlf = golden.replace('\n', "\r\n");
    let unix = store::parse(Path::new("lf.toml"), golden).unwrap().session;
    let windows = store::parse(Path::new("crlf.toml"), &crlf).unwrap().session;
    assert_eq!(windows, unix);
}
