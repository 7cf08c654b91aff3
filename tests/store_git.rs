//! The home list's git state, read from a real repository: which reviews are changed, new
//! or conflicted, in a data folder below the top of the working tree.

mod tools;

use tools::{commit_all, git, git_ok, init_repo, require};
use waterline::store::git::{self, FileState};

fn review(title: &str) -> String {
    format!("waterline = 1\n\n[incident]\ntitle = \"{title}\"\n")
}

#[test]
fn each_review_in_a_git_data_folder_has_its_state() {
    if !require("git", &["--version"]) {
        return;
    }
    let root = tempfile::tempdir().unwrap();
    init_repo(root.path());
    let dir = root.path().join("postmortems");
    std::fs::create_dir_all(&dir).unwrap();
    for name in ["kept", "edited", "conflicted"] {
        std::fs::write(dir.join(format!("{name}.toml")), review(name)).unwrap();
    }
    commit_all(root.path(), "Reviews");

    // Two branches change one review's title: git's own merge leaves it unmerged.
    git_ok(root.path(), &["checkout", "-q", "-b", "other"]);
    std::fs::write(dir.join("conflicted.toml"), review("theirs")).unwrap();
    commit_all(root.path(), "Their title");
    git_ok(root.path(), &["checkout", "-q", "main"]);
    std::fs::write(dir.join("conflicted.toml"), review("ours")).unwrap();
    commit_all(root.path(), "Our title");
    assert!(!git(root.path(), &["merge", "-q", "other"]).status.success());

    std::fs::write(dir.join("edited.toml"), review("edited again")).unwrap();
    std::fs::write(dir.join("untracked.toml"), review("untracked")).unwrap();
    std::fs::write(dir.join("staged.toml"), review("staged")).unwrap();
    git_ok(root.path(), &["add", "postmortems/staged.toml"]);

    let states = git::review_states(&dir).expect("a git working tree");
    let names: Vec<(String, FileState)> = states
        .iter()
        .map(|(p, s)| (p.file_stem().unwrap().to_string_lossy().into_owned(), *s))
        .collect();
    assert_eq!(
        names,
        [
            ("conflicted".to_string(), FileState::Conflicted),
            ("edited".to_string(), FileState::Changed),
            ("kept".to_string(), FileState::Unchanged),
            ("staged".to_string(), FileState::New),
            ("untracked".to_string(), FileState::New),
        ]
    );
    let status = git::status(&dir).unwrap();
    assert_eq!(status.state(&dir.join("edited.toml")).label(), "changed");
}

#[test]
fn a_folder_outside_git_has_no_git_state() {
    if !require("git", &["--version"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.toml"), review("a")).unwrap();
    assert_eq!(git::review_states(dir.path()), None);
}
