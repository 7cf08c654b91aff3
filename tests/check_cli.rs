//! `waterline check` and `waterline lint` on review files, as CI and a shell user meet them:
//! the five action checks and the strength in the JSON, what a hand-edited file can hold
//! that the console refuses, wrong turns reframed only by an answer that says so, due dates
//! judged from the day of the review.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

/// A review with one wrong turn (w2), a system condition beside it (w3), and whatever
/// `more` adds.
fn review(more: &str) -> String {
    format!(
        r#"waterline = 1

[incident]
title = "Checkout errors after a flag change"
severity = "SEV2"
started_at = 2026-03-02T09:00:00Z

[[why]]
id = "w1"
text = "A flag change enabled the new tax engine for every user"

[[why]]
id = "w2"
parent = "w1"
text = "The engineer was careless with the cohort picker"

[[why]]
id = "w3"
parent = "w1"
text = "The picker preselects the everyone cohort"
system_condition = true
{more}"#
    )
}

fn write(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("review.toml");
    std::fs::write(&path, text).expect("written");
    (dir, path)
}

fn run(args: &[&str]) -> Output {
    let home = tempfile::tempdir().expect("temp dir");
    Command::new(env!("CARGO_BIN_EXE_waterline"))
        .args(args)
        .env("WATERLINE_HOME", home.path())
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

/// `check --format json` on `text`: the exit code and the one file's report.
fn check_json(text: &str) -> (Option<i32>, Value) {
    let (_dir, path) = write(text);
    let o = run(&["check", "--format", "json", path.to_str().expect("utf-8")]);
    let v: Value = serde_json::from_slice(&o.stdout).expect("json");
    (o.status.code(), v["files"][0].clone())
}

fn findings<'a>(file: &'a Value, item: &str) -> Vec<&'a Value> {
    file["findings"].as_array().expect("findings").iter().filter(|f| f["item"] == item).collect()
}

#[test]
fn check_json_carries_each_action_s_five_criteria_and_strength() {
    let (_, file) = check_json(&review(
        r#"
[[action]]
id = "a1"
text = "Page on checkout error rate above 5% for 3 minutes"
team = "Payments"
owner = "Leah"
due = 2026-03-16

[[action]]
id = "a2"
text = "We will explore ways to reduce deploy risk"
team = "Ops"
owner = "Dana"
due = 2026-03-16
"#,
    ));
    let actions = file["actions"].as_array().expect("an actions list");
    assert_eq!(actions.len(), 2);
    let a1 = &actions[0];
    assert_eq!((a1["item"].as_str(), a1["id"].as_str()), (Some("action:a1"), Some("a1")));
    assert_eq!(a1["strength"], "tooling", "a page is detection");
    for criterion in ["specific", "measurable", "assignable", "realistic", "systemic"] {
        let c = &a1["criteria"][criterion];
        assert!(["pass", "warn", "fail"].contains(&c["result"].as_str().unwrap_or("")), "{c}");
        assert!(c["reason"].as_str().is_some_and(|r| !r.is_empty()), "{criterion}: {c}");
    }
    let a2 = &actions[1];
    assert_eq!(a2["criteria"]["specific"]["result"], "fail", "an intention is not a change");
    assert_eq!(a2["criteria"]["measurable"]["result"], "fail");
    let assignable = &a2["criteria"]["assignable"];
    assert_eq!(assignable["result"], "fail");
    assert!(assignable["reason"].as_str().is_some_and(|r| r.contains("generic")), "{assignable}");
}

#[test]
fn check_reports_what_a_hand_edited_file_holds_and_the_console_refuses() {
    let (code, file) = check_json(&review(
        r#"reframes = "w9"

[[action]]
id = "a1"
text = "Add a CI check that rejects unknown flag cohorts"
team = "Payments"
owner = "Leah"
due = 2026-03-16
status = "verified"

[[action]]
id = "a2"
text = "Move flag evaluation into the edge proxy"
team = "Payments"
owner = "Leah"
due = 2026-03-16
status = "wont-do"
"#,
    ));
    assert_eq!(code, Some(1), "errors fail the check");
    let rule = |item: &str| -> Vec<String> {
        findings(&file, item)
            .iter()
            .filter(|f| f["severity"] == "error")
            .map(|f| f["rule"].as_str().unwrap_or("").to_string())
            .collect()
    };
    assert_eq!(rule("action:a1"), ["action-verification"], "verified without evidence");
    assert_eq!(rule("action:a2"), ["action-decision"], "won't do without a decision");
    assert_eq!(rule("why:w3"), ["why-reframes"], "a reframing link to nothing");
    let link = findings(&file, "why:w3").into_iter().find(|f| f["rule"] == "why-reframes");
    assert!(link.is_some_and(|f| f["message"].as_str().is_some_and(|m| m.contains("w9"))));
}

#[test]
fn a_system_condition_beside_a_wrong_turn_does_not_reframe_it() {
    let (_, file) = check_json(&review(""));
    let turn = findings(&file, "why:w2");
    let whys: Vec<_> = turn.iter().filter(|f| f["category"] == "whys").collect();
    assert_eq!(whys.len(), 1, "{turn:?}");
    assert_eq!(
        whys[0]["severity"], "warning",
        "still a wrong turn: w3 does not say it reframes w2"
    );
    assert_eq!(whys[0]["reframed"], false);
    let gate = &file["gate"]["criteria"];
    let reframed =
        gate.as_array().expect("criteria").iter().find(|c| c["id"] == "wrong-turns-reframed");
    assert_eq!(reframed.map(|c| &c["passed"]), Some(&Value::Bool(false)));
}

#[test]
fn a_reframed_wrong_turn_and_its_wording_are_reported_at_info_marked_reframed() {
    let (_, file) = check_json(&review(
        r#"
[[why]]
id = "w4"
parent = "w1"
text = "Nothing asks for confirmation before a rollout to everyone"
system_condition = true
reframes = "w2"
"#,
    ));
    let turn = findings(&file, "why:w2");
    assert!(turn.len() >= 2, "the wrong turn and its wording, never silent: {turn:?}");
    for f in &turn {
        assert_eq!(f["severity"], "info", "{f}");
        assert_eq!(f["reframed"], true, "{f}");
    }
    assert!(turn.iter().any(|f| f["message"].as_str().is_some_and(|m| m.contains("w4"))));
    let gate = &file["gate"]["criteria"];
    let reframed =
        gate.as_array().expect("criteria").iter().find(|c| c["id"] == "wrong-turns-reframed");
    assert_eq!(reframed.map(|c| &c["passed"]), Some(&Value::Bool(true)));
}

#[test]
fn realistic_counts_from_the_day_of_the_review() {
    let action = r#"
[[action]]
id = "a1"
text = "Add a CI check that rejects unknown flag cohorts"
team = "Payments"
owner = "Leah"
due = 2026-07-20
"#;
    // The incident was in March; the review is held in July.
    let with_date = review(action).replace(
        "started_at = 2026-03-02T09:00:00Z",
        "started_at = 2026-03-02T09:00:00Z\nreview_date = 2026-07-06",
    );
    let (_, file) = check_json(&with_date);
    let realistic = &file["actions"][0]["criteria"]["realistic"];
    assert_eq!(realistic["result"], "pass", "{realistic}");
    assert!(
        realistic["reason"].as_str().is_some_and(|r| r.contains("14 of the 30")),
        "{realistic}"
    );
    // A file without the date counts from the incident's start, as before.
    let (_, file) = check_json(&review(action));
    assert_eq!(file["actions"][0]["criteria"]["realistic"]["result"], "warn");
}

#[test]
fn lint_on_a_review_file_lints_its_text_fields_as_text() {
    let (_dir, path) = write(&review(""));
    let path = path.to_str().expect("utf-8");
    let o = run(&["lint", path]);
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("why:w2 text:1:18: warning[character-careless]"), "{out}");
    assert!(!out.contains("in quoted text"), "fields are text, not quoted TOML: {out}");
    assert!(out.contains("waterline check"), "points at the other checks: {out}");

    let o = run(&["lint", "--format", "json", path]);
    let v: Value = serde_json::from_slice(&o.stdout).expect("json");
    let f = &v["findings"][0];
    assert_eq!((f["item"].as_str(), f["field"].as_str()), (Some("why:w2"), Some("text")));
    assert_eq!((f["line"].as_u64(), f["column"].as_u64()), (Some(1), Some(18)));
    assert_eq!(f["quoted"], false);
}

#[test]
fn lint_on_a_broken_review_file_says_where_and_exits_2() {
    let (_dir, path) = write("waterline = 1\n[incident]\ntitle = 3\n");
    let o = run(&["lint", path.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("review.toml:3:"));
}
