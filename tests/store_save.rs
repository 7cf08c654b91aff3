//! Saving: private files in private folders, whole replacements, and errors instead of
//! panics when the disk says no.

use std::path::Path;

use waterline::model::Session;
use waterline::store;

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
#[test]
fn save_creates_a_private_file_in_a_private_folder() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("reviews").join("2026");
    let path = dir.join("2026-03-02-payments.toml");

    store::save(&path, &Session::new("Payment service down")).unwrap();

    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(dir.parent().unwrap()), 0o700);
}

#[test]
fn save_writes_what_load_reads_and_leaves_no_temp_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.toml");
    let session = Session::new("Payment service down");
    store::save(&path, &session).unwrap();
    assert_eq!(store::load(&path).unwrap().session, session);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), store::to_toml(&session));
    assert_eq!(names_in(dir.path()), ["review.toml"]);
}

#[test]
fn save_over_an_existing_file_replaces_it_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.toml");
    let long = format!("{}\n", "# an old, longer file\n".repeat(200));
    std::fs::write(&path, long).unwrap();

    let session = Session::new("Payment service down");
    store::save(&path, &session).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), store::to_toml(&session));
    assert_eq!(names_in(dir.path()), ["review.toml"]);
}

#[test]
fn save_where_the_folder_cannot_be_created_returns_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "a plain file where a folder should be").unwrap();
    let path = blocker.join("reviews").join("review.toml");

    let err = store::save(&path, &Session::new("Payment service down")).unwrap_err();
    assert_eq!(err.path, path);
    assert!(err.to_string().starts_with(&format!("could not save {}: ", path.display())), "{err}");
}

#[test]
fn save_over_a_folder_fails_and_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.toml");
    std::fs::create_dir(&path).unwrap();

    assert!(store::save(&path, &Session::new("Payment service down")).is_err());
    assert!(path.is_dir());
    assert_eq!(names_in(dir.path()), ["review.toml"]);
}

#[test]
fn save_of_a_review_that_would_not_reopen_fails_and_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.toml");
    store::save(&path, &Session::new("Payment service down")).unwrap();
    let before = std::fs::read(&path).unwrap();

    let err = store::save(&path, &Session::new("  ")).unwrap_err();
    assert!(err.to_string().contains("would not open again: the title is empty"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(names_in(dir.path()), ["review.toml"]);
}
