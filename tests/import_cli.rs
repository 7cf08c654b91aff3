//! `waterline import` as a shell user meets it: counts, dry run, the JSON report, exit
//! codes, hostile text, and a review that still opens and round-trips afterwards.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const REVIEW: &str = r#"waterline = 1

[incident]
title = "Payments down after an auth config change"
started_at = 2026-03-02T09:00:00Z
facilitator = "Sam"
participants = [{ name = "Maria Lopez", role = "on-call SRE" }]

[[event]]
id = "e1"
at = 2026-03-02T09:12:00Z
kind = "change"
text = "pay-1 deployd[4411]: rolling out auth-config v42 to 12 hosts"
"#;

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
        .display()
        .to_string()
}

struct Review {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Review {
    fn new() -> Review {
        Review::with(REVIEW)
    }

    fn with(text: &str) -> Review {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("review.toml");
        std::fs::write(&path, text).expect("written");
        Review { _dir: dir, path }
    }

    fn text(&self) -> String {
        std::fs::read_to_string(&self.path).expect("readable")
    }

    fn import(&self, args: &[&str]) -> Output {
        let mut all = vec!["import", self.path.to_str().expect("utf-8")];
        all.extend_from_slice(args);
        waterline(&all, None)
    }
}

fn waterline(args: &[&str], stdin: Option<&[u8]>) -> Output {
    use std::io::Write;
    let home = tempfile::tempdir().expect("temp dir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_waterline"))
        .args(args)
        .env("WATERLINE_HOME", home.path())
        .env("NO_COLOR", "1")
        .env("TZ", "UTC")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().expect("stdin");
    if let Some(bytes) = stdin {
        input.write_all(bytes).expect("written");
    }
    drop(input);
    child.wait_with_output().expect("finishes")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

#[test]
fn import_adds_events_and_reports_duplicates_and_lines_not_understood() {
    let review = Review::new();
    let o = review.import(&["--from", &fixture("syslog.log")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("added 5 events to"), "{out}");
    assert!(out.contains("(e2–e6)"), "{out}");
    assert!(
        out.contains("skipped 2 duplicates"),
        "one already in the review, one twice in the file: {out}"
    );
    assert!(out.contains("1 line not understood:"), "{out}");
    assert!(
        out.contains(
            "syslog.log:7: no time at the start of the line — “at AuthClient.verify (auth.js:88)”"
        ),
        "{out}"
    );
    let text = review.text();
    assert_eq!(text.matches("[[event]]").count(), 6);
    assert!(text.contains("source = \"syslog.log:3\""), "{text}");
    assert!(text.contains("kind = \"observation\""), "{text}");
}

#[test]
fn the_review_still_opens_and_round_trips_after_an_import() {
    let review = Review::new();
    for name in ["syslog.log", "slack", "chat-irc.txt", "alerts.csv", "journal.json", "hostile.log"]
    {
        let o = review.import(&["--from", &fixture(name)]);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
    }
    let text = review.text();
    let loaded = waterline::store::load(&review.path).expect("the review opens");
    assert_eq!(waterline::store::to_toml(&loaded.session), text, "saved in the file's own shape");
    let events = &loaded.session.events;
    assert!(events.windows(2).all(|w| w[0].at <= w[1].at), "kept in time order");
    let mut ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), events.len(), "ids are unique");
    let check = waterline(&["check", review.path.to_str().expect("utf-8")], None);
    assert_ne!(check.status.code(), Some(2), "check reads it: {}", stderr(&check));
}

#[test]
fn chat_authors_become_participants_with_roles_to_fill_in() {
    let review = Review::new();
    let o = review.import(&["--from", &fixture("slack")]);
    assert!(
        stdout(&o)
            .contains("participants added, their roles to fill in: Chen Wei, Priya Natarajan"),
        "{}",
        stdout(&o)
    );
    let loaded = waterline::store::load(&review.path).expect("opens");
    let people: Vec<(&str, &str)> = loaded
        .session
        .incident
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.role.as_str()))
        .collect();
    assert_eq!(people, [("Maria Lopez", "on-call SRE"), ("Chen Wei", ""), ("Priya Natarajan", "")]);
    let slack = loaded
        .session
        .events
        .iter()
        .find(|e| e.source == "slack #inc-412 @chen, reply in thread")
        .expect("a reply");
    assert_eq!(slack.kind, waterline::model::EventKind::Communication);
}

#[test]
fn dry_run_lists_what_would_be_added_and_changes_nothing() {
    let review = Review::new();
    let before = review.text();
    let o = review.import(&["--from", &fixture("chat-irc.txt"), "--dry-run"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("Dry run: nothing is changed."), "{out}");
    assert!(
        out.contains(
            "2026-03-02 09:36:00 +00:00  rolling back auth-config to v41   [chat-irc.txt:7 @priya]"
        ),
        "{out}"
    );
    assert!(out.contains("would add 5 events"), "{out}");
    assert!(
        out.contains("would add participants, their roles to fill in: maria, chen, priya"),
        "{out}"
    );
    assert_eq!(review.text(), before, "the file is untouched");
}

#[test]
fn json_report_has_the_documented_fields() {
    let review = Review::new();
    let o =
        review.import(&["--from", &fixture("app.log"), "--format", "json", "--kind", "detection"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    for key in [
        "review",
        "from",
        "format",
        "detected",
        "zone",
        "kind",
        "dry_run",
        "events",
        "counts",
        "participants",
        "not_understood",
        "notices",
    ] {
        assert!(v.get(key).is_some(), "{key} missing in {v}");
    }
    assert_eq!(v["format"], "log");
    assert_eq!(v["detected"], true);
    assert_eq!(v["kind"], "detection");
    assert_eq!(v["zone"], "UTC", "the review's own offset");
    let counts = &v["counts"];
    assert_eq!(
        (counts["lines"].as_u64(), counts["added"].as_u64(), counts["not_understood"].as_u64()),
        (Some(8), Some(6), Some(2))
    );
    let first = &v["events"][0];
    assert_eq!(first["id"], "e2");
    assert_eq!(first["at"], "2026-03-02T09:12:00Z");
    assert_eq!(first["source"], "app.log:1");
    assert_eq!(first["line"], 1);
    assert_eq!(v["not_understood"][1]["line"], 8);
    assert_eq!(v["not_understood"][1]["unit"], "line");
    assert_eq!(v["not_understood"][1]["reason"], "no time at the start of the line");
}

#[test]
fn json_dry_run_streams_events_without_ids() {
    let review = Review::new();
    let o = review.import(&[
        "--from",
        &fixture("alerts.jsonl"),
        "--format",
        "json",
        "--dry-run",
        "--grep",
        "(?i)FIRING",
    ]);
    let v = json(&o);
    assert_eq!(v["dry_run"], true);
    let events = v["events"].as_array().expect("a list");
    assert_eq!(events.len(), 1, "the second firing line is a duplicate of the first: {v}");
    assert!(events[0]["id"].is_null());
    assert_eq!(v["counts"]["duplicates"], 1);
    assert_eq!(v["counts"]["filtered"], 2);
    assert_eq!(v["counts"]["would_add"], 1);
    assert_eq!(v["counts"]["added"], 0);
}

#[test]
fn a_second_import_of_the_same_file_adds_nothing_and_leaves_the_file_alone() {
    let review = Review::new();
    review.import(&["--from", &fixture("journal.json")]);
    let after_first = review.text();
    let o = review.import(&["--from", &fixture("journal.json")]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).contains("added 0 events") && stdout(&o).contains("skipped 4 duplicates"),
        "{}",
        stdout(&o)
    );
    assert_eq!(review.text(), after_first);
}

#[test]
fn zones_and_filters_from_the_command_line() {
    let review = Review::new();
    let o = review.import(&[
        "--from",
        &fixture("dst-berlin.log"),
        "--tz",
        "Europe/Berlin",
        "--since",
        "2026-10-25T02:00:00+01:00",
        "--format",
        "json",
        "--dry-run",
    ]);
    let v = json(&o);
    let at: Vec<&str> = v["events"]
        .as_array()
        .expect("list")
        .iter()
        .map(|e| e["at"].as_str().expect("at"))
        .collect();
    assert_eq!(
        at,
        ["2026-10-25T02:05:00+01:00", "2026-10-25T02:40:00+01:00", "2026-10-25T03:10:00+01:00"]
    );
    assert_eq!(v["counts"]["filtered"], 3);
    assert!(v["notices"][0].as_str().expect("a notice").contains("repeated"), "{v}");
}

#[test]
fn standard_input_is_read_with_from_dash() {
    let review = Review::new();
    let journal = std::fs::read(fixture("journal.json")).expect("fixture");
    let o = waterline(
        &["import", review.path.to_str().expect("utf-8"), "--from", "-", "--dry-run"],
        Some(&journal),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("[stdin:1 payment-api.service on pay-1]"), "{}", stdout(&o));
}

#[test]
fn hostile_text_never_reaches_the_terminal_or_the_file() {
    let review = Review::new();
    for format in ["text", "json"] {
        let o =
            review.import(&["--from", &fixture("hostile.log"), "--dry-run", "--format", format]);
        assert!(
            !o.stdout.iter().any(|&b| b == 0x1b || b == 0x07 || b == 0x9b),
            "{format}: {}",
            stdout(&o)
        );
        assert!(!stdout(&o).contains('\u{202e}'), "{format}");
    }
    review.import(&["--from", &fixture("hostile.log")]);
    let text = review.text();
    assert!(text.contains("text = \"ERROR payment declined\""), "{text}");
    assert!(!text.contains("\\u001B") && !text.contains('\u{1b}'), "{text}");
}

#[test]
fn exit_1_when_nothing_could_be_read() {
    let review = Review::new();
    let before = review.text();
    let cases: [(&[&str], &str); 6] = [
        (&["--from", &fixture("empty.log")], "is empty"),
        (&["--from", &fixture("blank.log")], "only blank lines"),
        (&["--from", &fixture("binary.bin")], "binary file"),
        (&["--from", &fixture("syslog.log.gz")], "gzip-compressed"),
        (&["--from", &fixture("syslog.log"), "--as", "journald"], "try --as log"),
        (&["--from", &fixture("pagerduty.csv")], "Name them with --columns"),
    ];
    for (args, says) in cases {
        let o = review.import(args);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(says), "{args:?}: {}", stderr(&o));
    }
    assert_eq!(review.text(), before, "nothing was added");
}

#[test]
fn exit_2_on_bad_usage() {
    let review = Review::new();
    let before = review.text();
    let log = fixture("syslog.log");
    let cases: [(&[&str], &str); 7] = [
        (&["--from", &log, "--tz", "Mars/Base"], "--tz"),
        (&["--from", &log, "--grep", "("], "--grep"),
        (&["--from", &log, "--since", "25:00"], "--since"),
        (&["--from", &log, "--kind", "blame"], "blame"),
        (&["--from", &log, "--columns", "time"], "--columns"),
        (&["--from", &log, "--as", "fax"], "fax"),
        (&["--from", &fixture("slack"), "--as", "log"], "is a folder"),
    ];
    for (args, says) in cases {
        let o = review.import(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(says), "{args:?}: {}", stderr(&o));
    }
    let missing = waterline(&["import", "no-such-review.toml", "--from", &log], None);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("no-such-review.toml"));
    assert_eq!(review.text(), before);
}

#[test]
fn a_review_from_a_newer_waterline_is_not_changed() {
    let review = Review::with(&REVIEW.replace("waterline = 1", "waterline = 99"));
    let before = review.text();
    let o = review.import(&["--from", &fixture("syslog.log")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("newer waterline"), "{}", stderr(&o));
    assert_eq!(review.text(), before);
    let dry = review.import(&["--from", &fixture("syslog.log"), "--dry-run"]);
    assert_eq!(dry.status.code(), Some(0), "a dry run only reads: {}", stderr(&dry));
}

#[test]
fn more_events_than_a_timeline_can_use_are_refused_whole() {
    let review = Review::new();
    let before = review.text();
    let dir = tempfile::tempdir().expect("temp dir");
    let big = dir.path().join("big.log");
    let lines: String = (0..10_001)
        .map(|i| format!("2026-03-02T10:{:02}:{:02}Z request {i}\n", i / 60 % 60, i % 60))
        .collect();
    std::fs::write(&big, lines).expect("written");
    let o = review.import(&["--from", big.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--grep"), "{}", stderr(&o));
    assert_eq!(review.text(), before);
    let narrowed =
        review.import(&["--from", big.to_str().expect("utf-8"), "--grep", "request 1000\\b"]);
    assert_eq!(narrowed.status.code(), Some(0));
    assert!(stdout(&narrowed).contains("added 1 event to"), "{}", stdout(&narrowed));
}

#[test]
fn help_names_every_flag() {
    let o = waterline(&["import", "--help"], None);
    assert!(o.status.success());
    let out = stdout(&o);
    for flag in [
        "--from",
        "--as",
        "--tz",
        "--since",
        "--until",
        "--grep",
        "--kind",
        "--columns",
        "--time-field",
        "--text-field",
        "--dry-run",
        "--format",
    ] {
        assert!(out.contains(flag), "{flag} missing: {out}");
    }
    assert!(out.contains("journald") && out.contains("jsonl"), "{out}");
}

#[test]
fn a_review_open_in_another_waterline_is_not_changed_and_says_who_holds_it() {
    let review = Review::new();
    let before = review.text();
    // This test process claims the review, as an open console would.
    let (held, _) = waterline::store::ReviewFile::open(&review.path, Default::default())
        .expect("the review opens");
    assert!(held.is_writer(), "the test holds the review");
    let o = review.import(&["--from", &fixture("syslog.log")]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("open in another waterline"), "{}", stderr(&o));
    assert!(stderr(&o).contains(&format!("process {}", std::process::id())), "{}", stderr(&o));
    assert_eq!(review.text(), before, "nothing was added");
    drop(held);
    let o = review.import(&["--from", &fixture("syslog.log")]);
    assert_eq!(o.status.code(), Some(0), "once it is closed the import goes ahead: {}", stderr(&o));
    assert_ne!(review.text(), before);
}
