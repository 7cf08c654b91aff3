//! Saving past the file-size limit (`ulimit -f`, SIGXFSZ): an ordinary save error, the
//! review on disk whole, no temporary file left beside it — instead of a process killed
//! mid-write.

use std::path::Path;
use std::process::Command;

use waterline::model::Session;
use waterline::store;

const CHILD_ENV: &str = "WATERLINE_TEST_SAVE_PAST_LIMIT";
const HANDLE_ENV: &str = "WATERLINE_TEST_HANDLE_SIGXFSZ";

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn big_session() -> Session {
    let mut session = Session::new("Payment service down");
    session.incident.summary = "Card payments failed for two hours. ".repeat(400);
    session
}

/// Runs the helper below in a child process whose file-size limit is 512 bytes.
fn save_under_limit(path: &Path, handle_signal: bool) -> std::process::Output {
    let exe = std::env::current_exe().unwrap();
    let mut command = Command::new("sh");
    command
        .args(["-c", "ulimit -f 1 && exec \"$0\" \"$@\""])
        .arg(exe)
        .args(["--ignored", "--exact", "save_a_big_review_in_a_child", "--nocapture"])
        .env(CHILD_ENV, path);
    if handle_signal {
        command.env(HANDLE_ENV, "1");
    }
    command.output().unwrap()
}

#[test]
#[ignore = "run as a child process with a small file-size limit by the tests below"]
fn save_a_big_review_in_a_child() {
    let Some(path) = std::env::var_os(CHILD_ENV) else { return };
    if std::env::var_os(HANDLE_ENV).is_some() {
        waterline::cli::signals::survive_file_size_limit().unwrap();
    }
    match store::save(Path::new(&path), &big_session()) {
        Ok(()) => println!("saved"),
        Err(e) => println!("not saved: {e}"),
    }
}

#[cfg(unix)]
#[test]
fn without_handling_the_limit_kills_the_process_and_with_it_the_save_just_fails() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.toml");
    store::save(&path, &Session::new("Payment service down")).unwrap();
    let before = std::fs::read(&path).unwrap();

    // The limit is real: unhandled, SIGXFSZ ends the process in the middle of the write.
    let killed = save_under_limit(&path, false);
    assert_eq!(killed.status.signal(), Some(libc::SIGXFSZ), "{killed:?}");

    let handled = save_under_limit(&path, true);
    let out = String::from_utf8_lossy(&handled.stdout);
    assert!(handled.status.success(), "{handled:?}");
    assert!(out.contains("not saved: could not save"), "{out}");
    assert!(out.contains("file-size limit"), "{out}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "the review on disk is whole");
    // The killed child may have left its temporary file; the handled one must not add one.
    let leftovers: Vec<String> =
        names_in(dir.path()).into_iter().filter(|n| n != "review.toml").collect();
    assert!(leftovers.len() <= 1, "{leftovers:?}");
}

#[cfg(unix)]
#[test]
fn a_handled_save_past_the_limit_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.toml");
    store::save(&path, &Session::new("Payment service down")).unwrap();

    let handled = save_under_limit(&path, true);
    assert!(handled.status.success(), "{handled:?}");
    assert_eq!(names_in(dir.path()), ["review.toml"]);
}

#[cfg(unix)]
#[test]
fn the_command_line_reports_the_limit_as_an_error_and_exits_2() {
    let home = tempfile::tempdir().unwrap();
    let output = Command::new("sh")
        .args(["-c", "ulimit -f 0 && exec \"$0\" new \"Payment service down\""])
        .arg(env!("CARGO_BIN_EXE_waterline"))
        .env("WATERLINE_HOME", home.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(err.contains("could not save") && err.contains("file-size limit"), "{err}");
    assert_eq!(names_in(home.path()), Vec::<String>::new(), "nothing is left behind");
}
