//! The hooks in .pre-commit-hooks.yaml under the real `pre-commit`, in a temporary
//! repository that uses them the way a team would: a review that fails its checks stops the
//! commit, and so does contemptuous wording in a Markdown postmortem.

mod tools;

use std::path::Path;
use std::process::{Command, Output};

use tools::{commit_all, git_ok, init_repo, require, waterline_bin};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn pre_commit(repo: &Path, cache: &Path, args: &[&str]) -> Output {
    let bin_dir = waterline_bin().parent().unwrap().to_path_buf();
    let path = std::env::join_paths(
        std::iter::once(bin_dir)
            .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .unwrap();
    Command::new("pre-commit")
        .args(args)
        .current_dir(repo)
        .env("PATH", path)
        .env("PRE_COMMIT_HOME", cache)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("NO_COLOR", "1")
        .output()
        .expect("pre-commit runs")
}

fn said(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

const REVIEW: &str =
    "waterline = 1\n\n[incident]\ntitle = \"Checkout errors\"\nstatus = \"draft\"\n";

#[test]
fn the_hooks_stop_a_commit_with_failing_reviews_or_contemptuous_wording() {
    if !require("git", &["--version"]) || !require("pre-commit", &["--version"]) {
        return;
    }
    let root = tempfile::tempdir().unwrap();
    let manifest = Path::new(ROOT).join(".pre-commit-hooks.yaml");

    // The hooks as a repository of their own, as pre-commit fetches them.
    let hooks = root.path().join("hooks");
    init_repo(&hooks);
    std::fs::copy(&manifest, hooks.join(".pre-commit-hooks.yaml")).unwrap();
    commit_all(&hooks, "Hooks");
    let rev = git_ok(&hooks, &["rev-parse", "HEAD"]).trim().to_string();
    let cache = root.path().join("cache");
    let valid = pre_commit(&hooks, &cache, &["validate-manifest", ".pre-commit-hooks.yaml"]);
    assert!(valid.status.success(), "{}", said(&valid));

    let team = root.path().join("team");
    init_repo(&team);
    let config = format!(
        "repos:\n- repo: {}\n  rev: {rev}\n  hooks:\n  - id: waterline-check\n    files: ^postmortems/\n  - id: waterline-lint\n",
        hooks.display()
    );
    std::fs::write(team.join(".pre-commit-config.yaml"), config).unwrap();
    std::fs::create_dir_all(team.join("postmortems")).unwrap();
    std::fs::write(team.join("postmortems/checkout.toml"), REVIEW).unwrap();
    std::fs::write(team.join("Cargo.toml"), "[package]\nname = \"x\"\n").unwrap();
    std::fs::write(
        team.join("notes.md"),
        "# Checkout errors\n\nThe config change was not validated.\n",
    )
    .unwrap();
    git_ok(&team, &["add", "-A"]);

    let clean = pre_commit(&team, &cache, &["run", "--all-files"]);
    assert!(clean.status.success(), "{}", said(&clean));
    assert!(
        said(&clean).contains("waterline check") && said(&clean).contains("Passed"),
        "{}",
        said(&clean)
    );

    // Marked reviewed with the gate failing and no reason recorded: an error.
    std::fs::write(team.join("postmortems/checkout.toml"), REVIEW.replace("draft", "reviewed"))
        .unwrap();
    std::fs::write(
        team.join("notes.md"),
        "# Checkout errors\n\nWhoever pushed this was clueless.\n",
    )
    .unwrap();
    git_ok(&team, &["add", "-A"]);
    let failing = pre_commit(&team, &cache, &["run", "--all-files"]);
    assert!(!failing.status.success());
    let out = said(&failing);
    assert!(out.contains("postmortems/checkout.toml") && out.contains("gate"), "{out}");
    assert!(out.contains("character-incompetent"), "{out}");
    assert!(!out.contains("Cargo.toml:"), "only the reviews' folder is checked: {out}");

    // The way a person commits: the hook runs and the commit does not happen.
    let install = pre_commit(&team, &cache, &["install"]);
    assert!(install.status.success(), "{}", said(&install));
    let bin_dir = waterline_bin().parent().unwrap().to_path_buf();
    let path = std::env::join_paths(
        std::iter::once(bin_dir)
            .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .unwrap();
    let commit = Command::new("git")
        .args(["commit", "-q", "-m", "Review"])
        .current_dir(&team)
        .env("PATH", path)
        .env("PRE_COMMIT_HOME", &cache)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Reviewer")
        .env("GIT_AUTHOR_EMAIL", "reviewer@example.com")
        .env("GIT_COMMITTER_NAME", "Reviewer")
        .env("GIT_COMMITTER_EMAIL", "reviewer@example.com")
        .output()
        .unwrap();
    assert!(!commit.status.success(), "the hook stops the commit: {}", said(&commit));
}
