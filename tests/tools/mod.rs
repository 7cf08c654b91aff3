//! Real outside tools for tests: git, pre-commit, Python. A missing tool skips the test on
//! a developer's machine and fails it in CI (`CI=true`), where `.ci/run` installs it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Whether `program --version` runs; in CI a missing tool fails the test instead.
pub fn require(program: &str, args: &[&str]) -> bool {
    let found = Command::new(program).args(args).output().is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var("CI").is_err(),
            "{program} is needed by this test and .ci/run installs it; it is missing"
        );
        eprintln!("skipped: {program} is not installed");
    }
    found
}

/// A git command in `dir`, isolated from the user's and the system's git settings.
pub fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Reviewer")
        .env("GIT_AUTHOR_EMAIL", "reviewer@example.com")
        .env("GIT_COMMITTER_NAME", "Reviewer")
        .env("GIT_COMMITTER_EMAIL", "reviewer@example.com")
        .env("GIT_TERMINAL_PROMPT", "0")
        .output()
        .expect("git runs")
}

/// [`git`], asserting it succeeded.
pub fn git_ok(dir: &Path, args: &[&str]) -> String {
    let out = git(dir, args);
    assert!(
        out.status.success(),
        "git {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A new repository at `dir` on branch `main`.
pub fn init_repo(dir: &Path) {
    std::fs::create_dir_all(dir).expect("repo folder");
    git_ok(dir, &["init", "-q", "-b", "main"]);
}

/// Commits everything in `dir`.
pub fn commit_all(dir: &Path, message: &str) {
    git_ok(dir, &["add", "-A"]);
    git_ok(dir, &["commit", "-q", "-m", message]);
}

/// The waterline binary under test.
pub fn waterline_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_waterline"))
}
