//! From a real `git merge` with the waterline driver to a resolved review: the merged file
//! opens in the console on its conflict, keeping theirs resolves it, and `check` passes.

mod common;
mod tools;

use common::*;
use tools::{commit_all, git, git_ok, init_repo, require, waterline_bin};
use waterline::store;
use waterline::tui::app::Overlay;

#[test]
fn a_conflict_from_git_merge_is_resolved_in_the_console() {
    if !require("git", &["--version"]) {
        return;
    }
    let root = tempfile::tempdir().expect("temp dir");
    let repo = root.path().join("reviews");
    init_repo(&repo);
    let file = repo.join("checkout.toml");
    std::fs::write(&file, waterline::assets::DEMO).unwrap();
    std::fs::write(repo.join(".gitattributes"), "*.toml merge=waterline\n").unwrap();
    let driver = format!("{} merge %O %A %B %P", waterline_bin().display());
    git_ok(&repo, &["config", "merge.waterline.driver", &driver]);
    commit_all(&repo, "The review");
    git_ok(&repo, &["checkout", "-q", "-b", "theirs"]);
    let edit = |text: &str| {
        let mut s = store::load(&file).expect("loads").session;
        s.actions[0].text = text.into();
        store::save(&file, &s).expect("saves");
    };
    edit("Reject unknown auth values in payment config before deploy");
    commit_all(&repo, "Their wording");
    git_ok(&repo, &["checkout", "-q", "-"]);
    edit("Validate every payment config file in the deploy pipeline");
    commit_all(&repo, "Our wording");
    let out = git(&repo, &["merge", "--no-edit", "theirs"]);
    assert!(!out.status.success(), "git reports the conflict");

    let check = |file: &std::path::Path| {
        let out = std::process::Command::new(waterline_bin()).arg("check").arg(file).output();
        String::from_utf8_lossy(&out.expect("check runs").stdout).into_owned()
    };
    assert!(check(&file).contains("action:a1: error[merge-conflict]"), "{}", check(&file));
    let loaded = store::load(&file).expect("the merged review loads");
    let mut m = open(loaded.session);
    assert!(matches!(m.overlay, Some(Overlay::Conflicts)), "opens on the conflict");
    keys(&mut m, "t");
    assert!(session(&m).conflicts.is_empty());
    store::save(&file, session(&m)).expect("saves");
    assert!(!check(&file).contains("merge-conflict"), "{}", check(&file));
    let saved = store::load(&file).unwrap().session;
    assert_eq!(saved.actions[0].text, "Reject unknown auth values in payment config before deploy");
}
