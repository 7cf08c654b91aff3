//! The demo's throwaway copy: private like every review, and a copy left behind by a
//! killed process is removed by the next start.

#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use waterline::store;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn ended_pid() -> u32 {
    let mut child = Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

#[test]
fn the_demo_copy_is_private_and_loads() {
    let root = tempfile::tempdir().unwrap();
    let (dir, path) =
        store::demo_copy_in(root.path(), waterline::assets::DEMO, "payment-outage-demo.toml")
            .unwrap();
    assert_eq!(mode(dir.path()), 0o700);
    assert_eq!(mode(&path), 0o600);
    assert!(store::load(&path).is_ok());
    let name = dir.path().file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with(&format!("waterline-demo-{}-", std::process::id())), "{name}");
    drop(dir);
    assert!(!path.exists(), "the copy goes when the demo ends");
}

#[test]
fn a_demo_left_by_a_killed_process_is_removed_by_the_next_start() {
    let root = tempfile::tempdir().unwrap();
    let abandoned = root.path().join(format!("waterline-demo-{}-Xy12ab", ended_pid()));
    std::fs::create_dir(&abandoned).unwrap();
    std::fs::write(abandoned.join("payment-outage-demo.toml"), "edits nobody will see").unwrap();

    // A demo still running (this very test process counts as one) and anything else stay.
    let mut sleeper = Command::new("sleep").arg("30").spawn().unwrap();
    let running = root.path().join(format!("waterline-demo-{}-Cd34ef", sleeper.id()));
    let unrelated = root.path().join("waterline-demo-notes");
    std::fs::create_dir(&running).unwrap();
    std::fs::create_dir(&unrelated).unwrap();

    let (_dir, _path) =
        store::demo_copy_in(root.path(), waterline::assets::DEMO, "payment-outage-demo.toml")
            .unwrap();
    let kept = (running.exists(), unrelated.exists());
    sleeper.kill().unwrap();
    sleeper.wait().unwrap();

    assert!(!abandoned.exists(), "the abandoned demo is still there");
    assert_eq!(kept, (true, true), "a running demo or an unrelated folder was removed");
}

#[test]
fn a_link_named_like_a_demo_folder_is_never_followed() {
    let root = tempfile::tempdir().unwrap();
    let precious = tempfile::tempdir().unwrap();
    std::fs::write(precious.path().join("keep.txt"), "mine").unwrap();
    let link = root.path().join(format!("waterline-demo-{}-Gh56ij", ended_pid()));
    std::os::unix::fs::symlink(precious.path(), &link).unwrap();

    assert_eq!(store::remove_abandoned_demos(root.path()), 0);
    assert!(precious.path().join("keep.txt").exists());
}
