//! The merge driver under real git: two clones of a repository of reviews, concurrent
//! edits, `git pull` with `merge=waterline` in .gitattributes and the driver in git config.

mod tools;

use std::path::{Path, PathBuf};

use tools::{commit_all, git, git_ok, init_repo, require, waterline_bin};
use waterline::model::{ActionStatus, Category, Event, EventKind, Factor, Session};
use waterline::store;

const REVIEW: &str = r#"waterline = 1

[incident]
title = "Checkout errors after a payment config rollout"
severity = "SEV2"
summary = "Card payments failed for 40 minutes."
started_at = 2026-03-02T09:12:00Z
tags = ["payments"]

[[event]]
id = "e1"
at = 2026-03-02T09:12:00Z
kind = "change"
text = "Payment config rolled out to every host at once"

[[event]]
id = "e2"
at = 2026-03-02T09:31:00Z
kind = "alert"
text = "Error-rate alert fired"

[[why]]
id = "w1"
text = "The new config had a key the service did not know"
system_condition = true

[[factor]]
id = "f1"
text = "No schema check on config before rollout"
category = "tooling"
whys = ["w1"]
events = ["e1"]

[[action]]
id = "a1"
text = "Add a CI job that validates payment config against the schema"
team = "Platform"
owner = "Sarah"
due = 2026-03-30
status = "open"
factors = ["f1"]
"#;

/// Two clones of one repository holding `reviews/checkout.toml`, the driver configured in
/// the second one, which is where the merge happens.
struct Repos {
    _root: tempfile::TempDir,
    upstream: PathBuf,
    mine: PathBuf,
}

const FILE: &str = "reviews/checkout.toml";

fn repos() -> Option<Repos> {
    if !require("git", &["--version"]) {
        return None;
    }
    let root = tempfile::tempdir().expect("temp dir");
    let upstream = root.path().join("upstream");
    init_repo(&upstream);
    std::fs::create_dir_all(upstream.join("reviews")).unwrap();
    std::fs::write(upstream.join(FILE), REVIEW).unwrap();
    std::fs::write(upstream.join(".gitattributes"), "reviews/*.toml merge=waterline\n").unwrap();
    commit_all(&upstream, "Review of the checkout errors");
    // Pushing into a checked-out branch is refused, so the other person works on a branch.
    git_ok(&upstream, &["checkout", "-q", "-b", "work"]);

    let mine = root.path().join("mine");
    git_ok(root.path(), &["clone", "-q", "-b", "main", upstream.to_str().unwrap(), "mine"]);
    let driver = format!("{} merge %O %A %B %P", waterline_bin().display());
    git_ok(&mine, &["config", "merge.waterline.name", "waterline review merge"]);
    git_ok(&mine, &["config", "merge.waterline.driver", &driver]);
    Some(Repos { _root: root, upstream, mine })
}

fn edit(repo: &Path, message: &str, change: impl FnOnce(&mut Session)) {
    let path = repo.join(FILE);
    let mut session = store::load(&path).expect("the review loads").session;
    change(&mut session);
    store::save(&path, &session).expect("saved");
    commit_all(repo, message);
}

/// Their side: the upstream's `work` branch, pulled into mine.
fn pull(r: &Repos) -> std::process::Output {
    git(&r.mine, &["pull", "--no-rebase", "--no-edit", "origin", "work"])
}

fn merged(r: &Repos) -> (String, Session) {
    let path = r.mine.join(FILE);
    let text = std::fs::read_to_string(&path).unwrap();
    let session =
        store::load(&path).unwrap_or_else(|e| panic!("merged review loads: {e}\n{text}")).session;
    (text, session)
}

#[test]
fn edits_to_different_items_merge_cleanly() {
    let Some(r) = repos() else { return };
    edit(&r.upstream, "Name the alert's source", |s| {
        s.events[1].text = "Error-rate alert fired on the payments dashboard".into();
        s.incident.tags.push("config".into());
    });
    edit(&r.mine, "Action in progress", |s| {
        s.actions[0].status = ActionStatus::InProgress;
        s.incident.summary = "Card payments failed for 41 minutes.".into();
    });
    let out = pull(&r);
    assert!(out.status.success(), "a clean merge: {}", String::from_utf8_lossy(&out.stderr));
    let (text, s) = merged(&r);
    assert!(!text.contains("<<<<<<<"), "{text}");
    assert!(s.conflicts.is_empty());
    assert_eq!(s.events[1].text, "Error-rate alert fired on the payments dashboard");
    assert_eq!(s.actions[0].status, ActionStatus::InProgress);
    assert_eq!(s.incident.summary, "Card payments failed for 41 minutes.");
    assert_eq!(s.incident.tags, ["payments", "config"]);
    assert!(git_ok(&r.mine, &["status", "--porcelain"]).is_empty(), "merge committed");
}

#[test]
fn the_same_item_changed_on_both_sides_is_a_conflict_kept_in_a_file_that_loads() {
    let Some(r) = repos() else { return };
    edit(&r.upstream, "Sharper action", |s| {
        s.actions[0].text = "Add a CI job that rejects unknown payment config keys".into();
    });
    edit(&r.mine, "Measurable action", |s| {
        s.actions[0].text =
            "Validate payment config against the schema in CI, failing on any error".into();
    });
    let out = pull(&r);
    assert!(!out.status.success(), "git reports the conflict");
    let status = git_ok(&r.mine, &["status", "--porcelain"]);
    assert!(status.contains(&format!("UU {FILE}")), "{status}");
    let (text, s) = merged(&r);
    assert!(!text.contains("<<<<<<<") && !text.contains(">>>>>>>"), "{text}");
    assert_eq!(s.conflicts.len(), 1, "{text}");
    let c = &s.conflicts[0];
    assert_eq!(c.item, "action:a1");
    assert_eq!(c.reason, "changed on both sides");
    let text_of = |v: &Option<toml::Value>| {
        v.as_ref().and_then(|v| v.get("text")?.as_str().map(String::from))
    };
    assert_eq!(
        text_of(&c.ours).as_deref(),
        Some("Validate payment config against the schema in CI, failing on any error")
    );
    assert_eq!(
        text_of(&c.theirs).as_deref(),
        Some("Add a CI job that rejects unknown payment config keys")
    );
    assert_eq!(
        text_of(&c.base).as_deref(),
        Some("Add a CI job that validates payment config against the schema")
    );
    // The review holds our version meanwhile, so it reads as a whole review.
    assert_eq!(
        s.actions[0].text,
        "Validate payment config against the schema in CI, failing on any error"
    );

    // `check` holds the review back until someone chooses.
    let check = std::process::Command::new(waterline_bin())
        .arg("check")
        .arg(r.mine.join(FILE))
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&check.stdout).contains("action:a1: error[merge-conflict]"),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );

    // Choosing theirs, as the console will, and committing ends the merge.
    let resolved = waterline::merge::resolve(&s, 0, waterline::merge::Resolution::Theirs).unwrap();
    assert!(resolved.conflicts.is_empty());
    assert_eq!(resolved.actions[0].text, "Add a CI job that rejects unknown payment config keys");
    store::save(&r.mine.join(FILE), &resolved).unwrap();
    commit_all(&r.mine, "Merge the action's wording");
    assert!(git_ok(&r.mine, &["status", "--porcelain"]).is_empty());
}

fn event(id: &str, minute: u32, text: &str) -> Event {
    Event {
        id: id.into(),
        at: format!("2026-03-02T09:{minute:02}:00Z").parse().unwrap(),
        kind: EventKind::Observation,
        text: text.into(),
        source: String::new(),
        known_then: String::new(),
        extra: Default::default(),
    }
}

fn factor(id: &str, event: &str, text: &str) -> Factor {
    Factor {
        id: id.into(),
        text: text.into(),
        category: Category::Monitoring,
        events: vec![event.into()],
        ..Factor::default()
    }
}

#[test]
fn ids_added_on_both_sides_are_renumbered_with_their_references() {
    let Some(r) = repos() else { return };
    edit(&r.upstream, "What support saw", |s| {
        s.events.push(event("e3", 20, "Support saw the first declined-card tickets"));
        s.factors.push(factor("f2", "e3", "Support tickets do not reach the on-call engineer"));
    });
    edit(&r.mine, "What the dashboard showed", |s| {
        s.events.push(event("e3", 25, "The payments dashboard showed declines at 9:25"));
        s.factors.push(factor("f2", "e3", "The declines panel has no alert threshold"));
    });
    let out = pull(&r);
    assert!(
        out.status.success(),
        "renumbering is not a conflict: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (_, s) = merged(&r);
    assert!(s.conflicts.is_empty());
    // Their event comes after the event before it on their side, so time order holds.
    let ids: Vec<&str> = s.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["e1", "e2", "e4", "e3"]);
    // Ours keep their ids; theirs moved, and their factor still points at their event.
    assert_eq!(s.event("e3").unwrap().text, "The payments dashboard showed declines at 9:25");
    assert_eq!(s.event("e4").unwrap().text, "Support saw the first declined-card tickets");
    assert_eq!(s.factor("f2").unwrap().events, ["e3"]);
    let theirs = s.factor("f3").expect("their factor renumbered");
    assert_eq!(theirs.text, "Support tickets do not reach the on-call engineer");
    assert_eq!(theirs.events, ["e4"]);
}

#[test]
fn a_file_that_is_not_a_review_falls_back_to_gits_own_merge() {
    let Some(r) = repos() else { return };
    let notes = |a: u32, b: u32| format!("a = {a}\n\nx = 0\ny = 0\n\nb = {b}\n");
    std::fs::write(r.upstream.join("reviews/notes.toml"), notes(1, 2)).unwrap();
    commit_all(&r.upstream, "Notes");
    git_ok(&r.mine, &["pull", "--no-rebase", "--no-edit", "origin", "work"]);
    std::fs::write(r.upstream.join("reviews/notes.toml"), notes(10, 2)).unwrap();
    commit_all(&r.upstream, "Notes a");
    std::fs::write(r.mine.join("reviews/notes.toml"), notes(1, 20)).unwrap();
    commit_all(&r.mine, "Notes b");
    let out = pull(&r);
    let said =
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{said}");
    let text = std::fs::read_to_string(r.mine.join("reviews/notes.toml")).unwrap();
    assert_eq!(text, notes(10, 20));
}
