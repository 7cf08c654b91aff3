//! `check` and `lint` for code scanning and CI: SARIF 2.1.0 with each finding on the line
//! of its field, and GitHub workflow commands with their escaping.

use std::path::Path;
use std::process::{Command, Output};

fn waterline(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_waterline"))
        .args(args)
        .current_dir(dir)
        .env("WATERLINE_HOME", dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const REVIEW: &str = r#"waterline = 1

[incident]
title = "Checkout errors"
severity = "SEV2"

[[event]]
id = "e1"
at = 2026-03-02T09:12:00Z
kind = "change"
text = """
Config rolled out.
The engineer should have checked the canary first."""

[[why]]
id = "w1"
text = "Validation was optional"
system_condition = true
"#;

/// The SARIF log's structure as SARIF 2.1.0 requires it, rule by rule.
fn assert_sarif(log: &serde_json::Value) {
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "waterline");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let mut ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    ids.dedup();
    assert_eq!(ids.len(), rules.len(), "one rule per id");
    for r in rules {
        assert!(!r["shortDescription"]["text"].as_str().unwrap().is_empty());
    }
    for result in run["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"], "ruleIndex points at its rule");
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
        assert!(!result["message"]["text"].as_str().unwrap().is_empty());
        for loc in result["locations"].as_array().into_iter().flatten() {
            let region = &loc["physicalLocation"]["region"];
            assert!(region["startLine"].as_u64().unwrap() >= 1);
            assert!(region["startColumn"].as_u64().unwrap() >= 1);
            assert!(region["endLine"].as_u64() >= region["startLine"].as_u64());
            assert!(loc["physicalLocation"]["artifactLocation"]["uri"].is_string());
        }
    }
}

/// The text a SARIF region covers, read from the file.
fn covered(text: &str, region: &serde_json::Value) -> String {
    let line = text.lines().nth(region["startLine"].as_u64().unwrap() as usize - 1).unwrap();
    let (start, end) = (
        region["startColumn"].as_u64().unwrap() as usize,
        region["endColumn"].as_u64().unwrap() as usize,
    );
    line.chars().skip(start - 1).take(end - start).collect()
}

#[test]
fn check_as_sarif_puts_wording_on_its_words_and_structure_on_its_field() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("review.toml"), REVIEW).unwrap();
    let o = waterline(&["check", "--format", "sarif", "review.toml"], dir.path());
    let log: serde_json::Value =
        serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(&o)));
    assert_sarif(&log);
    let results = log["runs"][0]["results"].as_array().unwrap();
    let wording = results
        .iter()
        .find(|r| r["ruleId"] == "counterfactual-should-have")
        .expect("the hindsight finding");
    let region = &wording["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 13, "the second line of the multi-line text");
    assert_eq!(covered(REVIEW, region), "should have");
    assert_eq!(wording["properties"]["item"], "event:e1");
    assert!(wording["message"]["text"].as_str().unwrap().contains("What did they see at the time"));
    // The gate says the review is not ready, but that is a warning only, like the text.
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let strict = waterline(&["check", "--format", "sarif", "--strict", "review.toml"], dir.path());
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn an_unreadable_review_is_a_sarif_result_at_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("broken.toml"), "waterline = 1\n\n[incident]\ntitle = 3\n")
        .unwrap();
    let o = waterline(&["check", "--format", "sarif", "broken.toml"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    let log: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_sarif(&log);
    let result = &log["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "unreadable");
    assert_eq!(result["locations"][0]["physicalLocation"]["region"]["startLine"], 4);
}

#[test]
fn lint_as_github_commands_escapes_what_would_break_the_command() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("notes.md"),
        "We were sure.\nThe engineer should have checked.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("b, 50%.md"), "Obviously careless.\n").unwrap();
    let o = waterline(&["lint", "--format", "github", "notes.md", "b, 50%.md"], dir.path());
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "::warning file=notes.md,line=2,col=14,endLine=2,endColumn=25,title=counterfactual-should-have::\
         Hindsight: judges what someone did against what is known only now%0A\
         What did they see at the time that made this reasonable?"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("::warning file=b%2C 50%25.md,line=1,col=1,")),
        "{out}"
    );
    assert!(lines.iter().all(|l| l.starts_with("::")), "one command a line: {out}");
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn lint_reads_several_files_and_json_takes_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), "Fine words.\n").unwrap();
    std::fs::write(dir.path().join("b.md"), "It was human error.\n").unwrap();
    let text = waterline(&["lint", "a.md", "b.md"], dir.path());
    assert!(stdout(&text).contains("b.md:1:"), "{}", stdout(&text));
    let json = waterline(&["lint", "--format", "json", "a.md", "b.md"], dir.path());
    assert_eq!(json.status.code(), Some(2));
    let sarif = waterline(&["lint", "--format", "sarif", "a.md", "b.md"], dir.path());
    let log: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    assert_sarif(&log);
    let uris: Vec<&str> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap())
        .collect();
    assert!(!uris.is_empty() && uris.iter().all(|u| *u == "b.md"), "{uris:?}");
}

#[test]
fn actions_refuses_the_annotation_formats() {
    let dir = tempfile::tempdir().unwrap();
    let o = waterline(&["actions", "--dir", ".", "--format", "sarif"], dir.path());
    assert_eq!(o.status.code(), Some(2));
}
