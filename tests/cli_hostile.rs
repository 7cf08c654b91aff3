//! Hostile text through every output of the command line: review files, file names, a
//! user lexicon and standard input full of escape sequences (window title, clipboard,
//! clear screen), carriage returns, C1 controls and bidi overrides. No such byte reaches
//! a terminal from text output; JSON escapes them and still parses to the same text.

use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Sequences a review once carried into a tmux pane: the title, the paste buffer, a clear
/// screen, a bare CR, an 8-bit CSI, a right-to-left override, a NUL and DEL.
const HOSTILE_TOML: &str =
    r"\u001b]0;owned\u0007\u001b]52;c;ZXZpbA==\u0007\u001b[2J\r\u009b31m\u202e\u0000\u007f";
const HOSTILE_RAW: &str =
    "\u{1b}]0;owned\u{7}\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}[2J\r\u{9b}31m\u{202e}\u{0}\u{7f}";

fn review(h: &str) -> String {
    format!(
        r#"waterline = 1

[incident]
title = "Checkout down{h}"
severity = "SEV1{h}"
summary = "Line one{h}\nline two{h}"
started_at = 2026-03-02T09:12:00Z
facilitator = "Priya{h}"
participants = [{{ name = "Sam{h}", role = "on-call{h}" }}]
tags = ["pay{h}"]

[[event]]
id = "e1"
at = 2026-03-02T09:12:00Z
kind = "change"
text = "The engineer should have checked{h} the config"
source = "log{h}"
known_then = "routine{h}"

[[why]]
id = "w1"
text = "Human error{h} by the operator"
note = "note{h}"

[[factor]]
id = "f1"
text = "No validation{h}"
category = "tooling"
whys = ["w1"]

[[behaviour]]
id = "b1"
act = "Applied the change{h}"
context = "Review was optional{h}"

[[action]]
id = "a1"
text = "Be more careful{h}\nand again{h}"
team = "Platform{h}"
owner = "Sarah{h}"
due = 2026-03-10
status = "open"
factors = ["f1"]
ticket = "PLAT-1{h}"

[[parked]]
id = "p1"
text = "later{h}"
step = "whys{h}"
"#
    )
}

struct Setup {
    _dir: tempfile::TempDir,
    home: PathBuf,
    reviews: PathBuf,
    review: PathBuf,
    broken: PathBuf,
    notes: PathBuf,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let reviews = dir.path().join("reviews");
    std::fs::create_dir_all(&home).unwrap();
    std::fs::create_dir_all(&reviews).unwrap();
    // A file name is user data too.
    let review = reviews.join(format!("2026-03-02-{HOSTILE_RAW}.toml").replace('\0', ""));
    std::fs::write(&review, review_text()).unwrap();
    let broken = dir.path().join(format!("broken{}.toml", "\u{1b}]0;name\u{7}"));
    std::fs::write(
        &broken,
        format!("waterline = 1\n[incident]\ntitle = \"T\"\n[[event]]\nid = \"e1\"\nkind = \"{HOSTILE_TOML}\"\n"),
    )
    .unwrap();
    let notes = dir.path().join(format!("notes{}.md", "\u{9b}2J"));
    std::fs::write(
        &notes,
        format!("The operator should have known.{HOSTILE_RAW}\nSecond line\r\n"),
    )
    .unwrap();
    let lexicon = format!(
        "disable = [\"{HOSTILE_TOML}\"]\n\n[[rule]]\nid = \"team-hero\"\ncategory = \"outcome-judgement\"\nseverity = \"warning\"\nsubject = \"any\"\nphrases = [\"config\"]\nmessage = \"Says config{HOSTILE_TOML}\"\nreframe = \"Ask{HOSTILE_TOML}\"\n"
    );
    std::fs::write(home.join("lexicon.toml"), lexicon).unwrap();
    Setup { _dir: dir, home, reviews, review, broken, notes }
}

fn review_text() -> String {
    review(HOSTILE_TOML)
}

fn run(s: &Setup, args: &[OsString], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_waterline"))
        .args(args)
        .env("WATERLINE_HOME", &s.home)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn os(items: &[&dyn AsRef<OsStr>]) -> Vec<OsString> {
    items.iter().map(|i| i.as_ref().to_os_string()).collect()
}

/// A character a terminal would act on: C0 but newline and tab, DEL, C1, bidi controls.
fn dangerous(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

fn assert_clean(what: &str, bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: not UTF-8: {e}"));
    if let Some((i, c)) = text.char_indices().find(|(_, c)| dangerous(*c)) {
        let from = text[..i].char_indices().rev().nth(40).map_or(0, |(j, _)| j);
        panic!("{what}: raw {c:?} reaches the terminal after {:?}", &text[from..i]);
    }
}

fn assert_output_clean(what: &str, o: &Output) {
    assert_clean(&format!("{what} (stdout)"), &o.stdout);
    assert_clean(&format!("{what} (stderr)"), &o.stderr);
}

#[test]
fn every_text_output_shows_hostile_bytes_without_sending_them() {
    let s = setup();
    let missing = s.reviews.join("gone\u{1b}[2J.md");
    let no_dir = s.reviews.join("nowhere\u{1b}]0;x\u{7}");
    let runs: Vec<(&str, Vec<OsString>, Option<String>)> = vec![
        ("check", os(&[&"check", &s.review]), None),
        ("check --strict", os(&[&"check", &"--strict", &s.review]), None),
        ("check unreadable", os(&[&"check", &s.broken, &s.review]), None),
        ("lint markdown", os(&[&"lint", &s.notes]), None),
        (
            "lint stdin",
            os(&[&"lint", &"-"]),
            Some(format!("They should have known{HOSTILE_RAW}\r\n")),
        ),
        ("lint missing file", os(&[&"lint", &missing]), None),
        ("actions", os(&[&"actions", &"--dir", &s.reviews, &"--today", &"2026-04-01"]), None),
        (
            "actions owner",
            os(&[
                &"actions",
                &"--dir",
                &s.reviews,
                &"--owner",
                &format!("sarah{HOSTILE_RAW}").replace('\0', ""),
            ]),
            None,
        ),
        ("actions missing folder", os(&[&"actions", &"--dir", &no_dir]), None),
        ("check github", os(&[&"check", &"--format", &"github", &s.review]), None),
        ("lint github", os(&[&"lint", &"--format", &"github", &s.notes]), None),
        ("insights", os(&[&"insights", &"--dir", &s.reviews]), None),
        (
            "insights markdown",
            os(&[&"insights", &"--dir", &s.reviews, &"--format", &"markdown"]),
            None,
        ),
        ("open unreadable", os(&[&"open", &s.broken]), None),
        ("open missing", os(&[&"open", &missing]), None),
        ("usage error", os(&[&"check", &"--format", &HOSTILE_RAW.replace('\0', "")]), None),
        ("unknown option", os(&[&format!("--{}", HOSTILE_RAW.replace('\0', ""))]), None),
    ];
    for (what, args, stdin) in &runs {
        let o = run(&s, args, stdin.as_deref());
        assert_output_clean(what, &o);
    }

    // Shown, not dropped: a reader can see that something odd was in the file.
    let check = run(&s, &os(&[&"check", &s.review]), None);
    let out = String::from_utf8_lossy(&check.stdout);
    assert!(out.contains("should have checked\\e]0;owned\\u{7}"), "{out}");
    assert!(out.contains("\\r\\u{9b}31m\\u{202e}"), "{out}");
    let actions =
        run(&s, &os(&[&"actions", &"--dir", &s.reviews, &"--today", &"2026-04-01"]), None);
    let out = String::from_utf8_lossy(&actions.stdout);
    assert!(out.contains("Platform\\e]0;owned"), "{out}");
    assert!(out.contains("Checkout down\\e]0;owned"), "{out}");
    assert_eq!(actions.status.code(), Some(1), "the action is overdue: {out}");
    let unreadable = run(&s, &os(&[&"open", &s.broken]), None);
    let err = String::from_utf8_lossy(&unreadable.stderr);
    assert_eq!(unreadable.status.code(), Some(2));
    assert!(err.contains("broken\\e]0;name\\u{7}.toml:6:"), "{err}");
}

#[test]
fn every_json_output_escapes_hostile_bytes_and_parses_back_to_them() {
    let s = setup();
    let runs: Vec<(&str, Vec<OsString>, Option<String>)> = vec![
        ("check", os(&[&"check", &"--format", &"json", &s.review]), None),
        ("check unreadable", os(&[&"check", &"--format", &"json", &s.broken, &s.review]), None),
        ("lint", os(&[&"lint", &"--format", &"json", &s.notes]), None),
        (
            "lint stdin",
            os(&[&"lint", &"--format", &"json"]),
            Some(format!("They should have known{HOSTILE_RAW}")),
        ),
        (
            "actions",
            os(&[
                &"actions",
                &"--format",
                &"json",
                &"--dir",
                &s.reviews,
                &"--today",
                &"2026-04-01",
            ]),
            None,
        ),
    ];
    let runs: Vec<_> = runs
        .into_iter()
        .chain([
            ("check sarif", os(&[&"check", &"--format", &"sarif", &s.review]), None),
            ("lint sarif", os(&[&"lint", &"--format", &"sarif", &s.notes]), None),
            ("insights", os(&[&"insights", &"--format", &"json", &"--dir", &s.reviews]), None),
        ])
        .collect();
    let mut parsed = Vec::new();
    for (what, args, stdin) in &runs {
        let o = run(&s, args, stdin.as_deref());
        assert_output_clean(what, &o);
        let text = String::from_utf8(o.stdout.clone()).unwrap();
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{what}: {text}");
        let value: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{what}: {e}\n{text}"));
        parsed.push((*what, value));
    }
    let json = |name: &str| &parsed.iter().find(|(w, _)| *w == name).unwrap().1;

    // The exact text survives the escaping.
    let hostile = HOSTILE_RAW;
    let actions = json("actions");
    assert_eq!(actions["actions"][0]["owner"], format!("Sarah{hostile}"));
    assert_eq!(actions["actions"][0]["review"]["title"], format!("Checkout down{hostile}"));
    let check = json("check");
    let texts: Vec<&str> = check["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert!(!texts.is_empty());

    // An unreadable file is an entry with its error, beside the readable one.
    let files = json("check unreadable")["files"].as_array().unwrap().clone();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["status"], "unreadable");
    assert!(files[0]["path"].as_str().unwrap().contains("broken\u{1b}]0;name\u{7}"));
    assert!(files[0]["error"].as_str().unwrap().contains(":6:"), "{}", files[0]);
    assert_eq!(files[0]["findings"], serde_json::json!([]));
    assert_eq!(files[1]["status"], "draft");
}

#[test]
fn a_usage_error_quoting_a_hostile_argument_stays_clean_even_in_colour() {
    // Forced colour: the styled error would pass the argument's escapes through raw.
    let arg = format!("--x{}", HOSTILE_RAW.replace('\0', ""));
    for args in [vec![arg.as_str()], vec!["check", "--format", &arg[3..]]] {
        let o = Command::new(env!("CARGO_BIN_EXE_waterline"))
            .args(&args)
            .env_remove("NO_COLOR")
            .env("CLICOLOR_FORCE", "1")
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2));
        assert_clean(&format!("{args:?}"), &o.stderr);
    }
}

#[test]
fn hostile_text_in_a_path_given_to_check_still_reads_the_file() {
    // The path with escapes is a real file name; escaping is for display only.
    let s = setup();
    let o = run(&s, &os(&[&"check", &"--format", &"json", &s.review]), None);
    let value: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let shown = value["files"][0]["path"].as_str().unwrap();
    assert_eq!(Path::new(shown), s.review);
}
