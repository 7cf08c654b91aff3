//! A big data folder never holds up a key: the home list shows the newest reviews at once
//! and the older ones follow a part at a time, in the same order a whole listing has; the
//! reviews the follow-up view and insights need are read off the loop too.

mod common;

use std::path::Path;
use std::time::Duration;

use common::*;
use waterline::store;
use waterline::tui::app::{Model, update};
use waterline::tui::effects::{Effect, Runner};
use waterline::tui::intent::Intent;
use waterline::tui::messages::home_reading;
use waterline::tui::reading::FIRST;

/// Long enough for a loaded machine; the waits end as soon as the news is there.
const PATIENCE: Duration = Duration::from_secs(120);

fn folder_of(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    for i in 0..n {
        let text = format!(
            "waterline = 1\n\n[incident]\ntitle = \"Review {i:04}\"\nseverity = \"SEV3\"\n"
        );
        std::fs::write(dir.path().join(format!("review-{i:04}.toml")), text).expect("written");
    }
    dir
}

fn titles(m: &Model) -> Vec<String> {
    (m.home.listings.iter())
        .map(|l| l.summary.as_ref().map(|s| s.title.clone()).unwrap_or_default())
        .collect()
}

fn whole_listing(dir: &Path) -> Vec<String> {
    (store::list(dir).into_iter()).map(|l| l.summary.map(|s| s.title).unwrap_or_default()).collect()
}

/// The home list asked for, as the loop asks when the home screen shows.
fn list(runner: &mut Runner, m: &mut Model) {
    for intent in runner.run(Effect::ListReviews) {
        update(m, intent);
    }
}

/// Takes in the parts of the home list as the loop would, until none is left to read.
fn read_the_rest(runner: &mut Runner, m: &mut Model) {
    while m.home.left > 0 {
        let more = runner.wait_for_background(PATIENCE).expect("the next part of the list");
        if matches!(more, Intent::ListedMore { .. }) {
            update(m, more);
        }
    }
}

#[test]
fn a_big_folder_lists_its_newest_reviews_at_once_and_the_rest_follow_in_order() {
    let n = FIRST + 650;
    let dir = folder_of(n);
    let mut runner = Runner::new(Some(dir.path().to_path_buf()));
    let mut m = model();
    list(&mut runner, &mut m);
    assert_eq!(m.home.listings.len(), FIRST, "the newest reviews are listed at once");
    assert_eq!(m.home.left, n - FIRST);
    let screen = draw(&m, 120, 40);
    assert_shows(&screen, &[&home_reading(n - FIRST)], "the title while the rest is read");

    read_the_rest(&mut runner, &mut m);
    assert_eq!(titles(&m), whole_listing(dir.path()), "the same list, in the same order");
    let screen = draw(&m, 120, 40);
    assert!(!screen.contains("reading"), "the title no longer says it is reading:\n{screen}");
}

#[test]
fn parts_of_a_listing_a_newer_one_replaced_are_dropped() {
    let n = FIRST + 1200;
    let dir = folder_of(n);
    let mut runner = Runner::new(Some(dir.path().to_path_buf()));
    let mut m = model();
    list(&mut runner, &mut m);
    // Back home again before the first listing is read: a second listing starts over.
    list(&mut runner, &mut m);
    read_the_rest(&mut runner, &mut m);
    assert_eq!(titles(&m), whole_listing(dir.path()), "each review once, in order");
}

#[test]
fn a_small_folder_is_listed_whole_at_once() {
    let dir = folder_of(12);
    let mut runner = Runner::new(Some(dir.path().to_path_buf()));
    let listed = runner.run(Effect::ListReviews);
    assert!(
        matches!(listed.as_slice(), [Intent::Listed { listings, left: 0 }] if listings.len() == 12),
        "{listed:?}"
    );
}

#[test]
fn every_review_is_read_off_the_loop() {
    let dir = folder_of(40);
    let mut runner = Runner::new(Some(dir.path().to_path_buf()));
    assert!(runner.run(Effect::LoadLibrary).is_empty(), "nothing waits for the reading");
    // A second request does not wait either.
    assert!(runner.run(Effect::LoadLibrary).is_empty());
    let news = loop {
        match runner.wait_for_background(PATIENCE).expect("the reviews arrive") {
            Intent::Library { reviews, unreadable } => break (reviews.len(), unreadable),
            _ => continue,
        }
    };
    assert_eq!(news, (40, 0), "every review read");
}
