//! One writer per review, followers for everyone else, and no save that overwrites a change
//! made elsewhere: what a facilitator and a remote participant on one review would notice.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use chrono::Utc;
use waterline::model::Session;
use waterline::store::lock::{self, lock_path};
use waterline::store::{
    Access, Claim, DiskState, LockError, LockPolicy, LockRecord, ReviewFile, SaveProblem, Stale,
};

const HOLD_ENV: &str = "WATERLINE_TEST_HOLD_REVIEW";

fn review_in(dir: &Path, title: &str) -> PathBuf {
    let path = dir.join("review.toml");
    waterline::store::save(&path, &Session::new(title)).unwrap();
    path
}

fn open(path: &Path) -> (ReviewFile, waterline::store::Loaded) {
    ReviewFile::open(path, LockPolicy::default()).unwrap()
}

fn titled(title: &str) -> Session {
    Session::new(title)
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// This host's name and user, as this process's own lock record gives them.
fn this_host() -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    match lock::claim(&dir.path().join("probe.toml"), &LockPolicy::default()).unwrap() {
        Claim::Writer(lock) => (lock.record().host.clone(), lock.record().user.clone()),
        Claim::Follower(h) => panic!("a fresh folder is held: {h}"),
    }
}

fn write_record(target: &Path, record: &LockRecord) {
    std::fs::write(lock_path(target), toml::to_string(record).unwrap()).unwrap();
}

fn ended_pid() -> u32 {
    let mut child = Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

/// Another waterline process that opens `path` and keeps it open until its standard input
/// closes; returns it with the role it got ("writer" or "follower").
fn spawn_opener(path: &Path) -> (Child, String) {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--ignored", "--exact", "another_process_opens_the_review", "--nocapture"])
        .env(HOLD_ENV, path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let role = loop {
        match lines.next() {
            Some(Ok(line)) if line.starts_with("role: ") => break line[6..].trim().to_string(),
            Some(_) => {}
            None => panic!("the other process stopped before opening the review"),
        }
    };
    // Keep reading, so the other process can still report when it ends.
    std::thread::spawn(move || lines.for_each(drop));
    (child, role)
}

fn close(mut child: Child) {
    drop(child.stdin.take());
    child.wait().unwrap();
}

#[test]
#[ignore = "run as another process by the tests that need one"]
fn another_process_opens_the_review() {
    let Some(path) = std::env::var_os(HOLD_ENV) else { return };
    let (review, _) = open(Path::new(&path));
    println!("role: {}", if review.is_writer() { "writer" } else { "follower" });
    let _ = std::io::stdin().read(&mut [0u8; 1]);
}

#[test]
fn processes_opening_one_review_at_once_make_exactly_one_writer() {
    // WATERLINE_LOCK_RACE_ROUNDS raises the rounds for a longer run (docs/RELIABILITY.md).
    let rounds: usize =
        std::env::var("WATERLINE_LOCK_RACE_ROUNDS").ok().and_then(|n| n.parse().ok()).unwrap_or(3);
    for round in 0..rounds {
        let dir = tempfile::tempdir().unwrap();
        let path = review_in(dir.path(), "Payment service down");
        let openers: Vec<Child> = (0..6)
            .map(|_| {
                Command::new(std::env::current_exe().unwrap())
                    .args([
                        "--ignored",
                        "--exact",
                        "another_process_opens_the_review",
                        "--nocapture",
                    ])
                    .env(HOLD_ENV, &path)
                    .stdin(Stdio::piped())
                    .stdout(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let mut roles = Vec::new();
        let mut children = Vec::new();
        for mut child in openers {
            let stdout = child.stdout.take().unwrap();
            let mut lines = BufReader::new(stdout).lines();
            let role = lines
                .by_ref()
                .map_while(Result::ok)
                .find_map(|l| l.strip_prefix("role: ").map(str::to_string))
                .unwrap_or_else(|| panic!("round {round}: an opener stopped early"));
            std::thread::spawn(move || lines.for_each(drop));
            roles.push(role);
            children.push(child);
        }
        children.into_iter().for_each(close);
        let writers = roles.iter().filter(|r| *r == "writer").count();
        assert_eq!(writers, 1, "round {round}: {roles:?}");
    }
}

#[test]
fn a_second_waterline_opens_as_a_follower_told_who_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = review_in(dir.path(), "Payment service down");
    let (holder, role) = spawn_opener(&path);
    assert_eq!(role, "writer");

    let (mut follower, loaded) = open(&path);
    let (host, user) = this_host();
    let Access::Follower(who) = follower.access() else {
        panic!("expected a follower, got {:?}", follower.access())
    };
    assert_eq!(who.record.as_ref().map(|r| r.pid), Some(holder.id()));
    assert!(who.stale.is_none(), "a live writer is not stale: {who}");
    let said = who.to_string();
    assert!(said.starts_with(&format!("held by {user}@{host} since ")), "{said}");
    assert!(loaded.read_only);
    assert!(loaded.notices[0].contains("opened read-only"), "{:?}", loaded.notices);

    let before = std::fs::read(&path).unwrap();
    let err = follower.save(&titled("A follower's edit")).unwrap_err();
    assert!(matches!(err.problem, SaveProblem::HeldElsewhere(_)), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "a follower never writes");

    // The writer closes; the follower can become the writer.
    let holder_pid = holder.id();
    close(holder);
    assert!(follower.claim_again(), "the writer {holder_pid} has closed");
    follower.save(&titled("Now written by the second")).unwrap();
    assert_eq!(
        waterline::store::load(&path).unwrap().session.incident.title,
        "Now written by the second"
    );
}

#[test]
fn two_opens_in_one_process_still_make_one_writer() {
    let dir = tempfile::tempdir().unwrap();
    let path = review_in(dir.path(), "Payment service down");
    let (mut first, first_loaded) = open(&path);
    let (mut second, _) = open(&path);
    assert!(first.is_writer() && !first_loaded.read_only);
    assert!(matches!(second.access(), Access::Follower(_)));

    first.save(&titled("Saved by the first")).unwrap();
    assert!(second.save(&titled("Lost update")).is_err());
    assert_eq!(waterline::store::load(&path).unwrap().session.incident.title, "Saved by the first");
}

#[test]
fn closing_the_writer_removes_its_lock_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = review_in(dir.path(), "Payment service down");
    let (review, _) = open(&path);
    assert!(lock_path(&path).exists());
    assert!(names_in(dir.path()).contains(&".review.toml.lock".to_string()));
    drop(review);
    assert_eq!(names_in(dir.path()), ["review.toml"]);
}

#[test]
fn a_change_made_elsewhere_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = review_in(dir.path(), "Payment service down");
    let (mut review, _) = open(&path);

    // A `git pull` brings in a colleague's version.
    let theirs = waterline::store::to_toml(&titled("Their title, from the pull"));
    std::fs::write(&path, &theirs).unwrap();
    assert!(matches!(review.disk_state().unwrap(), DiskState::Changed(_)));

    let err = review.save(&titled("My title")).unwrap_err();
    assert!(matches!(err.problem, SaveProblem::ChangedOnDisk { .. }), "{err}");
    assert!(err.to_string().contains("changed on disk"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs, "their change is kept");

    // Reload and apply again: the next save goes through.
    let reloaded = review.reload().unwrap();
    assert_eq!(reloaded.session.incident.title, "Their title, from the pull");
    review.save(&titled("Their title, then mine")).unwrap();
    assert_eq!(review.disk_state().unwrap(), DiskState::Unchanged);
}

#[test]
fn a_conflict_can_be_resolved_by_overwriting_or_saving_under_another_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = review_in(dir.path(), "Payment service down");
    let (mut review, _) = open(&path);
    std::fs::write(&path, waterline::store::to_toml(&titled("Theirs"))).unwrap();
    assert!(review.save(&titled("Mine")).is_err());

    let copy = dir.path().join("review-mine.toml");
    review.save_as(&copy, &titled("Mine")).unwrap();
    assert_eq!(review.path(), copy);
    assert_eq!(waterline::store::load(&copy).unwrap().session.incident.title, "Mine");
    assert_eq!(waterline::store::load(&path).unwrap().session.incident.title, "Theirs");
    let taken = review.save_as(&path, &titled("Mine again")).unwrap_err();
    assert!(matches!(taken.problem, SaveProblem::AlreadyExists), "{taken}");

    let (mut again, _) = open(&path);
    std::fs::write(&path, waterline::store::to_toml(&titled("Theirs, later"))).unwrap();
    again.overwrite(&titled("Mine, on purpose")).unwrap();
    assert_eq!(waterline::store::load(&path).unwrap().session.incident.title, "Mine, on purpose");
}

#[test]
fn touching_the_file_without_changing_it_is_not_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let path = review_in(dir.path(), "Payment service down");
    let (mut review, _) = open(&path);
    let file = std::fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(std::time::SystemTime::now() + Duration::from_secs(60)).unwrap();
    assert_eq!(review.disk_state().unwrap(), DiskState::Unchanged);
    review.save(&titled("Edited after a touch")).unwrap();
}

#[test]
fn a_review_deleted_while_open_is_not_recreated_without_a_question() {
    let dir = tempfile::tempdir().unwrap();
    let path = review_in(dir.path(), "Payment service down");
    let (mut review, _) = open(&path);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(review.disk_state().unwrap(), DiskState::Deleted);

    let err = review.save(&titled("Edit after the delete")).unwrap_err();
    assert!(matches!(err.problem, SaveProblem::Deleted), "{err}");
    assert!(!path.exists(), "the deleted review was recreated");

    review.overwrite(&titled("Recreated on purpose")).unwrap();
    assert_eq!(
        waterline::store::load(&path).unwrap().session.incident.title,
        "Recreated on purpose"
    );
}

#[test]
fn a_lock_left_by_a_process_that_ended_on_this_host_is_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = review_in(dir.path(), "Payment service down");
    let (host, user) = this_host();
    let started = Utc::now() - chrono::Duration::minutes(5);
    let dead = LockRecord { pid: ended_pid(), host, user, started, refreshed: started };
    write_record(&path, &dead);

    let (mut review, loaded) = open(&path);
    let Access::Writer(lock) = review.access() else { panic!("{:?}", review.access()) };
    assert_eq!(lock.replaced.as_ref(), Some(&dead));
    assert_eq!(lock.record().pid, std::process::id());
    assert!(loaded.notices[0].starts_with("took over the lock"), "{:?}", loaded.notices);
    review.save(&titled("Saved after the takeover")).unwrap();
}

#[test]
fn a_live_lock_from_another_host_is_followed_and_not_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = review_in(dir.path(), "Payment service down");
    let now = Utc::now();
    let remote = LockRecord {
        pid: 4242,
        host: "facilitator-laptop".into(),
        user: "ana".into(),
        started: now - chrono::Duration::minutes(50),
        refreshed: now,
    };
    write_record(&path, &remote);

    let (mut review, _) = open(&path);
    let Access::Follower(holder) = review.access() else { panic!("{:?}", review.access()) };
    assert!(holder.to_string().starts_with("held by ana@facilitator-laptop since "), "{holder}");
    assert!(holder.stale.is_none());
    assert!(matches!(review.take_over(), Err(LockError::NotStale(_))));
    assert_eq!(
        std::fs::read_to_string(lock_path(&path)).unwrap(),
        toml::to_string(&remote).unwrap()
    );
}

#[test]
fn a_silent_lock_from_another_host_can_be_taken_over_after_the_question() {
    let dir = tempfile::tempdir().unwrap();
    let path = review_in(dir.path(), "Payment service down");
    let long_ago = Utc::now() - chrono::Duration::hours(3);
    let remote = LockRecord {
        pid: 4242,
        host: "facilitator-laptop".into(),
        user: "ana".into(),
        started: long_ago,
        refreshed: long_ago,
    };
    write_record(&path, &remote);
    let policy = LockPolicy { stale_after: Duration::from_secs(30 * 60) };

    let (mut review, loaded) = ReviewFile::open(&path, policy).unwrap();
    assert!(loaded.read_only, "a stale lock is still not taken without asking");
    let Access::Follower(holder) = review.access() else { panic!("{:?}", review.access()) };
    assert_eq!(holder.stale, Some(Stale::Silent { since: long_ago }));
    assert!(holder.to_string().contains("can be taken over"), "{holder}");

    review.take_over().unwrap();
    assert!(review.is_writer());
    review.save(&titled("Saved after taking over")).unwrap();
    let record: LockRecord =
        toml::from_str(&std::fs::read_to_string(lock_path(&path)).unwrap()).unwrap();
    assert_eq!(record.pid, std::process::id());
}

#[test]
fn a_writer_whose_lock_was_taken_over_stops_writing() {
    let dir = tempfile::tempdir().unwrap();
    let path = review_in(dir.path(), "Payment service down");
    let (mut first, _) = open(&path);
    // Every lock is stale at once under this policy: the second takes over the first.
    let impatient = LockPolicy { stale_after: Duration::ZERO };
    std::thread::sleep(Duration::from_millis(20));
    let (mut second, _) = ReviewFile::open(&path, impatient).unwrap();
    second.take_over().unwrap();
    second.save(&titled("The second's save")).unwrap();

    let err = first.save(&titled("The first, unaware")).unwrap_err();
    assert!(matches!(err.problem, SaveProblem::HeldElsewhere(_)), "{err}");
    assert_eq!(waterline::store::load(&path).unwrap().session.incident.title, "The second's save");
}

#[test]
fn a_lock_file_deleted_by_hand_is_claimed_again_on_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = review_in(dir.path(), "Payment service down");
    let (mut review, _) = open(&path);
    std::fs::remove_file(lock_path(&path)).unwrap();
    review.save(&titled("Saved without its lock file")).unwrap();
    assert!(lock_path(&path).exists());
    let (other, _) = open(&path);
    assert!(!other.is_writer());
}

#[test]
fn leftovers_of_an_interrupted_save_are_removed_by_the_next_writer() {
    let dir = tempfile::tempdir().unwrap();
    let path = review_in(dir.path(), "Payment service down");
    let leftover = dir.path().join(".review.toml.a1B2c3.saving");
    let recent = dir.path().join(".review.toml.d4E5f6.saving");
    std::fs::write(&leftover, "half a review").unwrap();
    std::fs::write(&recent, "a save in progress").unwrap();
    let file = std::fs::File::options().write(true).open(&leftover).unwrap();
    file.set_modified(std::time::SystemTime::now() - Duration::from_secs(600)).unwrap();

    let (_review, _) = open(&path);
    assert!(!leftover.exists(), "an old leftover stays");
    assert!(recent.exists(), "a file written just now may be another save in progress");
}

#[cfg(unix)]
#[test]
fn a_symlinked_review_is_saved_through_its_link() {
    let dir = tempfile::tempdir().unwrap();
    let real_dir = dir.path().join("repo").join("reviews");
    std::fs::create_dir_all(&real_dir).unwrap();
    let target = review_in(&real_dir, "Payment service down");
    let link = dir.path().join("current.toml");
    std::os::unix::fs::symlink("repo/reviews/review.toml", &link).unwrap();

    let (mut review, _) = open(&link);
    assert!(review.is_writer());
    assert!(lock_path(&target).exists(), "the lock sits beside the file itself");
    review.save(&titled("Saved through the link")).unwrap();

    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(
        waterline::store::load(&target).unwrap().session.incident.title,
        "Saved through the link"
    );
    drop(review);
    assert_eq!(names_in(&real_dir), ["review.toml"]);
    assert_eq!(names_in(dir.path()), ["current.toml", "repo"]);

    // The plain save, as the console uses it today, keeps the link too.
    waterline::store::save(&link, &titled("Plain save through the link")).unwrap();
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(
        waterline::store::load(&target).unwrap().session.incident.title,
        "Plain save through the link"
    );
}

#[cfg(unix)]
#[test]
fn a_review_its_owner_made_read_only_opens_read_only_and_is_never_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = review_in(dir.path(), "Payment service down");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o400)).unwrap();
    let before = std::fs::read(&path).unwrap();

    let (mut review, loaded) = open(&path);
    assert!(matches!(review.access(), Access::ReadOnly(waterline::store::ReadOnly::File)));
    assert!(loaded.read_only);
    assert!(
        loaded.notices[0].starts_with("opened read-only: the file is read-only"),
        "{:?}",
        loaded.notices
    );
    assert!(review.save(&titled("An edit")).is_err());
    assert!(!lock_path(&path).exists(), "a read-only review takes no lock");

    let err = waterline::store::save(&path, &titled("An edit")).unwrap_err();
    assert!(matches!(err.problem, SaveProblem::ReadOnly(_)), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o400, "the file was replaced");
}

#[test]
fn a_hostile_lock_record_is_shown_clean() {
    let dir = tempfile::tempdir().unwrap();
    let path = review_in(dir.path(), "Payment service down");
    let now = Utc::now();
    let hostile = LockRecord {
        pid: 4242,
        host: "laptop\u{1b}]0;owned\u{7}".into(),
        user: "ana\u{9b}2J\r".into(),
        started: now,
        refreshed: now,
    };
    write_record(&path, &hostile);
    let (review, loaded) = open(&path);
    let Access::Follower(holder) = review.access() else { panic!("{:?}", review.access()) };
    let said = holder.to_string();
    assert!(said.starts_with("held by ana2J@laptop since"), "{said}");
    assert!(!loaded.notices[0].chars().any(char::is_control), "{:?}", loaded.notices[0]);
}

#[test]
fn a_lock_file_that_is_not_a_record_still_keeps_a_second_writer_out() {
    let dir = tempfile::tempdir().unwrap();
    let path = review_in(dir.path(), "Payment service down");
    let (first, _) = open(&path);
    assert!(first.is_writer());
    std::fs::write(lock_path(&path), "not a lock record").unwrap();
    let (second, _) = open(&path);
    let Access::Follower(holder) = second.access() else { panic!("{:?}", second.access()) };
    assert_eq!(holder.record, None);
    assert!(holder.to_string().starts_with("held by another waterline"), "{holder}");
}
