//! Reading the data folder off the loop, so no key ever waits on it: the home list newest
//! first, a part at a time (the newest reviews show at once, the rest follow), and every
//! review for the follow-up view, insights and recurrence.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::Sender;

use crate::store;
use crate::tui::intent::Intent;

/// How many of the newest reviews the home list reads before it is first shown: a few
/// screens' worth, read in a few tens of milliseconds.
pub const FIRST: usize = 300;
/// How many reviews each later part of the list holds.
const PART: usize = 500;

/// The readings under way. Each listing has a number; parts of a listing that a newer one
/// replaced are dropped (`is_current`), and its thread stops at its next part.
#[derive(Debug, Default)]
pub struct Reading {
    listing: Arc<AtomicU64>,
    /// Threads reading now: while any is, the loop wakes often to show what they send.
    running: Arc<AtomicUsize>,
    /// The library's readings under way, by `Part`: a second request waits for the first.
    library: [Arc<AtomicUsize>; 2],
}

/// How much of each review the library reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Everything: for insights.
    Whole,
    /// The incident, factors, behaviours and actions: for the follow-up view and
    /// recurrence, in about half the time.
    Actions,
}

/// Counts a thread as running until it ends, however it ends.
struct Running(Arc<AtomicUsize>);

impl Running {
    fn start(count: &Arc<AtomicUsize>) -> Self {
        count.fetch_add(1, Ordering::SeqCst);
        Running(Arc::clone(count))
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Reading {
    /// The newest reviews' listings now; the rest are read on a thread and sent as
    /// `Intent::ListedMore`, newest first.
    pub fn list(&self, dir: &Path, send: &Sender<Intent>) -> Intent {
        let serial = self.listing.fetch_add(1, Ordering::SeqCst) + 1;
        let mut files = store::review_files_newest_first(dir);
        // Shared with the thread, and kept here in case no thread can be started.
        let rest = Arc::new(files.split_off(files.len().min(FIRST)));
        let mut listings = store::listings_of(&files);
        let left = rest.len();
        if left > 0 {
            let current = Arc::clone(&self.listing);
            let running = Running::start(&self.running);
            let send = send.clone();
            let unread = Arc::clone(&rest);
            let spawned = std::thread::Builder::new().name("home list".into()).spawn(move || {
                let _running = running;
                let mut left = left;
                for part in unread.chunks(PART) {
                    if current.load(Ordering::SeqCst) != serial {
                        return;
                    }
                    let listings = store::listings_of(part);
                    left -= part.len();
                    if send.send(Intent::ListedMore { serial, listings, left }).is_err() {
                        return;
                    }
                }
            });
            if spawned.is_err() {
                // No thread to read the rest: they are read here, as before.
                listings.extend(store::listings_of(&rest));
                return Intent::Listed { listings, left: 0 };
            }
        }
        Intent::Listed { listings, left }
    }

    /// Whether a part of a listing belongs to the latest one.
    pub fn is_current(&self, serial: u64) -> bool {
        self.listing.load(Ordering::SeqCst) == serial
    }

    /// Reads every review of the data folder on a thread, sent as `Intent::Library` (or
    /// `LibraryActions`); while one reading is under way, another request for the same part
    /// waits for its answer.
    pub fn library(&self, dir: PathBuf, part: Part, send: &Sender<Intent>) {
        let under_way = &self.library[part as usize];
        if under_way.load(Ordering::SeqCst) > 0 {
            return;
        }
        let running = (Running::start(&self.running), Running::start(under_way));
        let send = send.clone();
        let spawned = std::thread::Builder::new().name("library".into()).spawn({
            let dir = dir.clone();
            let send = send.clone();
            move || {
                let _running = running;
                let _ = send.send(library(&dir, part));
            }
        });
        if spawned.is_err() {
            // No thread: read here, as before.
            let _ = send.send(library(&dir, part));
        }
    }

    /// Whether any reading is under way.
    pub fn busy(&self) -> bool {
        self.running.load(Ordering::SeqCst) > 0
    }
}

/// Every readable review in `dir` (as far as `part` says), and how many could not be read.
fn library(dir: &Path, part: Part) -> Intent {
    let all = match part {
        Part::Whole => store::load_all(dir),
        Part::Actions => store::load_all_for_actions(dir),
    };
    let unreadable = all.iter().filter(|(_, r)| r.is_err()).count();
    let reviews = all.into_iter().filter_map(|(p, r)| r.ok().map(|l| (p, l.session))).collect();
    match part {
        Part::Whole => Intent::Library { reviews, unreadable },
        Part::Actions => Intent::LibraryActions { reviews, unreadable },
    }
}
