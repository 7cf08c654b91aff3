//! The home screen's list of reviews, and names for new ones.

use std::fs::File;
use std::path::Path;
use std::time::{Duration, SystemTime};

use chrono::NaiveDate;
use waterline::model::{ActionItem, ActionStatus, ReviewStatus, Session};
use waterline::store;

/// Saves `session` at `dir/name`, last changed `age_s` seconds ago.
fn review(dir: &Path, name: &str, session: &Session, age_s: u64) {
    let path = dir.join(name);
    store::save(&path, session).unwrap();
    touch(&path, age_s);
}

fn touch(path: &Path, age_s: u64) {
    let when = SystemTime::now() - Duration::from_secs(age_s);
    File::options().write(true).open(path).unwrap().set_modified(when).unwrap();
}

fn names(listings: &[store::Listing]) -> Vec<String> {
    listings.iter().map(|l| l.path.file_name().unwrap().to_string_lossy().into_owned()).collect()
}

#[test]
fn list_shows_newest_first_with_summaries() {
    let dir = tempfile::tempdir().unwrap();
    let mut payments = Session::new("Payment service down");
    payments.incident.severity = "SEV1".into();
    payments.incident.status = ReviewStatus::InReview;
    for status in
        [ActionStatus::Open, ActionStatus::InProgress, ActionStatus::Done, ActionStatus::Idea]
    {
        let id = format!("a{}", payments.actions.len() + 1);
        payments.actions.push(ActionItem { id, status, ..ActionItem::default() });
    }
    review(dir.path(), "2026-03-02-payments.toml", &payments, 300);
    review(dir.path(), "2026-03-09-dns.toml", &Session::new("DNS outage"), 10);
    review(dir.path(), "2026-02-01-cdn.toml", &Session::new("CDN cache purge"), 9000);

    let listings = store::list(dir.path());
    assert_eq!(
        names(&listings),
        ["2026-03-09-dns.toml", "2026-03-02-payments.toml", "2026-02-01-cdn.toml"]
    );
    let summary = listings[1].summary.as_ref().unwrap();
    assert_eq!(summary.title, "Payment service down");
    assert_eq!(summary.severity, "SEV1");
    assert_eq!(summary.status, ReviewStatus::InReview);
    assert_eq!(summary.open_actions, 2);
    assert!(listings.iter().all(|l| l.modified.is_some()));
}

#[test]
fn list_shows_a_broken_file_with_its_error() {
    let dir = tempfile::tempdir().unwrap();
    review(dir.path(), "good.toml", &Session::new("DNS outage"), 100);
    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, "waterline = 1\n[incident]\ntitle = \"unfinished\n").unwrap();
    touch(&broken, 10);

    let listings = store::list(dir.path());
    assert_eq!(names(&listings), ["broken.toml", "good.toml"]);
    let error = listings[0].summary.as_ref().unwrap_err();
    assert!(error.contains("broken.toml:3:20: this quoted text is not closed"), "{error}");
}

#[test]
fn list_skips_dotfiles_config_subfolders_and_other_files() {
    let dir = tempfile::tempdir().unwrap();
    review(dir.path(), "review.toml", &Session::new("DNS outage"), 0);
    std::fs::write(dir.path().join("config.toml"), "theme = \"mono\"\n").unwrap();
    std::fs::write(dir.path().join(".draft.toml"), "").unwrap();
    std::fs::write(dir.path().join("notes.md"), "").unwrap();
    std::fs::write(dir.path().join("review.toml.bak"), "").unwrap();
    std::fs::create_dir(dir.path().join("archive.toml")).unwrap();
    std::fs::create_dir(dir.path().join("old")).unwrap();
    review(&dir.path().join("old"), "nested.toml", &Session::new("Old one"), 0);

    assert_eq!(names(&store::list(dir.path())), ["review.toml"]);
}

#[test]
fn list_of_an_empty_or_missing_folder_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    assert!(store::list(dir.path()).is_empty());
    assert!(store::list(&dir.path().join("not-there")).is_empty());
}

#[test]
fn new_session_path_is_dated_and_slugged() {
    let dir = tempfile::tempdir().unwrap();
    let date = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let path = store::new_session_path(dir.path(), "Payment service down: config/auth!", date);
    assert_eq!(path, dir.path().join("2026-03-02-payment-service-down-config-auth.toml"));
    let untitled = store::new_session_path(dir.path(), "  ", date);
    assert_eq!(untitled, dir.path().join("2026-03-02-review.toml"));
}

#[test]
fn new_session_path_counts_up_past_taken_names() {
    let dir = tempfile::tempdir().unwrap();
    let date = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    for expected in ["2026-03-02-dns.toml", "2026-03-02-dns-2.toml", "2026-03-02-dns-3.toml"] {
        let path = store::new_session_path(dir.path(), "DNS", date);
        assert_eq!(path, dir.path().join(expected));
        std::fs::write(&path, "").unwrap();
    }
}

#[test]
fn new_session_path_keeps_long_titles_short() {
    let dir = tempfile::tempdir().unwrap();
    let date = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let title = "Checkout latency rose for every customer in three regions after the cache tier was resized";
    let path = store::new_session_path(dir.path(), title, date);
    let name = path.file_name().unwrap().to_str().unwrap();
    assert_eq!(name, "2026-03-02-checkout-latency-rose-for-every-customer-in.toml");
}
