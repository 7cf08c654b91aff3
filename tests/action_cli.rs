//! `waterline actions` over a folder of fixture reviews: the order, the filters, the exit
//! codes and the JSON shape documented in docs/CLI.md.

use std::path::Path;
use std::process::{Command, Output};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/followup");

/// Runs `waterline actions` with `WATERLINE_HOME` at `home` (a temporary folder when None).
fn actions_in(home: Option<&Path>, args: &[&str]) -> Output {
    let temp = tempfile::tempdir().expect("temp dir");
    let home = home.unwrap_or(temp.path());
    Command::new(env!("CARGO_BIN_EXE_waterline"))
        .arg("actions")
        .args(args)
        .env("WATERLINE_HOME", home)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn actions(args: &[&str]) -> Output {
    let mut all = vec!["--dir", FIXTURES, "--today", "2026-04-01"];
    all.extend(args);
    actions_in(None, &all)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

/// (review file stem, action id) in the order listed.
fn listed(v: &serde_json::Value) -> Vec<(String, String)> {
    let list = v["actions"].as_array().expect("actions is a list");
    list.iter()
        .map(|a| {
            let path = a["review"]["path"].as_str().unwrap_or_default();
            let stem = Path::new(path).file_stem().unwrap_or_default().to_string_lossy();
            (stem[..10].to_string(), a["id"].as_str().unwrap_or_default().to_string())
        })
        .collect()
}

#[test]
fn overdue_comes_first_then_due_soon_and_exit_code_1_says_so() {
    let o = actions(&["--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "something is overdue");
    let v = json(&o);
    let order = listed(&v);
    let first: Vec<(&str, &str)> =
        order.iter().take(5).map(|(r, a)| (r.as_str(), a.as_str())).collect();
    assert_eq!(
        first,
        [
            ("2025-11-04", "a3"),
            ("2026-02-10", "a1"),
            ("2026-03-06", "a1"),
            ("2026-03-06", "a2"),
            ("2026-02-10", "a2"),
        ]
    );
    let urgencies: Vec<&str> =
        v["actions"].as_array().unwrap().iter().map(|a| a["urgency"].as_str().unwrap()).collect();
    let rank = |u: &str| {
        ["overdue", "due-soon", "later", "no-due-date", "awaiting-verification", "closed"]
            .iter()
            .position(|x| *x == u)
            .unwrap_or_else(|| panic!("urgency {u}"))
    };
    assert!(urgencies.windows(2).all(|w| rank(w[0]) <= rank(w[1])), "{urgencies:?}");
    assert!(!order.iter().any(|(r, a)| r == "2026-03-06" && a == "a6"), "ideas are not listed");
}

#[test]
fn the_text_lists_headings_in_order_with_review_owner_due_status_and_age() {
    let o = actions(&[]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let at = |s: &str| out.find(s).unwrap_or_else(|| panic!("no {s:?} in:\n{out}"));
    assert!(at("Overdue (3)") < at("Due soon (2)"));
    assert!(at("Due soon (2)") < at("Later (1)"));
    assert!(at("Later (1)") < at("Done, awaiting verification (2)"));
    assert!(
        out.contains("a1   due 2026-03-21, 11 days late  Platform · Sarah  ○ open  age 26d"),
        "{out}"
    );
    assert!(out.contains("— Card payments declined after an auth config change (2026-03-06-card-payments-declined.toml)"));
    assert!(out.ends_with("3 overdue, 2 due soon, 12 in all, from 3 reviews.\n"), "{out}");
}

#[test]
fn owner_team_and_overdue_filter_the_list() {
    let v = json(&actions(&["--owner", "KENJI", "--format", "json"]));
    let owners: Vec<&str> =
        v["actions"].as_array().unwrap().iter().map(|a| a["owner"].as_str().unwrap()).collect();
    assert_eq!(owners, ["Kenji", "Kenji", "Kenji"]);

    let v = json(&actions(&["--team", "sre", "--format", "json"]));
    assert!(v["actions"].as_array().unwrap().iter().all(|a| a["team"] == "SRE"));

    let o = actions(&["--overdue", "--format", "json"]);
    let v = json(&o);
    assert_eq!(v["summary"]["actions"], 3);
    assert!(v["actions"].as_array().unwrap().iter().all(|a| a["urgency"] == "overdue"));
}

#[test]
fn nothing_overdue_exits_0() {
    let o = actions(&["--owner", "Amara"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let early = actions_in(None, &["--dir", FIXTURES, "--today", "2025-11-05", "--overdue"]);
    assert_eq!(early.status.code(), Some(0));
    assert!(stdout(&early).contains("No committed actions to list"), "{}", stdout(&early));
}

#[test]
fn the_json_shape_is_the_documented_one() {
    let v = json(&actions(&["--format", "json"]));
    assert_eq!(v["today"], "2026-04-01");
    for key in ["actions", "overdue", "due_soon", "reviews", "unreadable"] {
        assert!(v["summary"][key].is_u64(), "summary.{key}");
    }
    assert!(v["unreadable"].as_array().is_some_and(|u| u.is_empty()));
    let a = &v["actions"][2];
    for key in ["title", "path", "severity", "started_at"] {
        assert!(a["review"].get(key).is_some(), "review.{key}");
    }
    let keys = [
        "id",
        "text",
        "team",
        "owner",
        "due",
        "status",
        "kind",
        "ticket",
        "factors",
        "verification",
        "decision",
        "urgency",
        "days_until_due",
        "age_days",
        "strength",
        "criteria",
    ];
    for key in keys {
        assert!(a.get(key).is_some(), "action.{key} in {a:#}");
    }
    assert_eq!(a["id"], "a1");
    assert_eq!(a["due"], "2026-03-21");
    assert_eq!(a["status"], "open");
    assert_eq!(a["days_until_due"], -11);
    assert_eq!(a["age_days"], 26);
    assert_eq!(a["strength"], "guard");
    for criterion in ["specific", "measurable", "assignable", "realistic", "systemic"] {
        let c = &a["criteria"][criterion];
        assert!(
            ["pass", "warn", "fail"].contains(&c["result"].as_str().unwrap_or("")),
            "{criterion}: {c}"
        );
        assert!(c["reason"].as_str().is_some_and(|r| !r.is_empty()), "{criterion}");
        assert!(c["suggestion"].is_string(), "{criterion}");
    }
    let none = v["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["due"].is_null())
        .expect("one without a date");
    assert!(none["days_until_due"].is_null());
}

#[test]
fn the_data_folder_is_the_default_and_an_unreadable_file_is_left_out_and_named() {
    let home = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir(FIXTURES).expect("fixtures") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, home.path().join(path.file_name().unwrap())).expect("copy");
    }
    std::fs::write(home.path().join("broken.toml"), "waterline = 1\n[incident\n").expect("write");
    let o = actions_in(Some(home.path()), &["--today", "2026-04-01", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("broken.toml:2:") && err.contains("left out"), "{err}");
    let v = json(&o);
    assert_eq!(v["summary"]["reviews"], 3);
    assert_eq!(v["summary"]["unreadable"], 1);
    assert!(v["unreadable"][0]["path"].as_str().unwrap().ends_with("broken.toml"));
}

#[test]
fn a_missing_folder_is_bad_input_exit_2() {
    let o = actions_in(None, &["--dir", "/no/such/folder"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("/no/such/folder"));
    let o = actions_in(None, &["--format", "yaml"]);
    assert_eq!(o.status.code(), Some(2), "an unknown format is a usage error");
}

#[test]
fn one_review_is_counted_in_the_singular() {
    let dir = tempfile::tempdir().expect("temp dir");
    let name = "2026-03-06-card-payments-declined.toml";
    std::fs::copy(Path::new(FIXTURES).join(name), dir.path().join(name)).expect("copy");
    let folder = dir.path().to_string_lossy().into_owned();
    let out = stdout(&actions_in(None, &["--dir", &folder, "--today", "2026-04-01"]));
    assert!(out.contains(", from 1 review."), "{out}");
}
