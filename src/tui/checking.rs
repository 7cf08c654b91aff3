//! Every check on a big review worked out on a thread when it opens, so its first frame
//! shows at once and the checks follow a moment later. Any input waits for them first, so
//! what a key acts on is always checked: only the first frames can be drawn without them.

use std::rc::Rc;
use std::sync::mpsc;

use crate::analysis::cache::LintCache;
use crate::analysis::overview::{Overview, overview_with};
use crate::analysis::policy::DuePolicy;
use crate::tui::app::Doc;
use crate::tui::steps;

/// From this many items a review's checks take long enough (tens of milliseconds) to be
/// worth showing the review before them; a smaller one is checked before its first frame,
/// so it never flickers from unchecked to checked.
pub const BIG_REVIEW: usize = 2_000;

/// Checks under way on a thread, for the review as it was at `generation`.
#[derive(Debug)]
pub struct Checking {
    generation: u64,
    result: mpsc::Receiver<(Overview, LintCache)>,
}

impl Doc {
    /// Starts working out every check on a thread, when the review is big enough for it to
    /// matter. Without a thread (none could be started) `refresh` works them out here.
    pub fn start_checking(&mut self, policy: &DuePolicy) {
        let s = &self.session;
        let items = s.events.len() + s.whys.len() + s.factors.len() + s.actions.len();
        if items < BIG_REVIEW {
            return;
        }
        let session = self.session.clone();
        let policy = policy.clone();
        let (send, result) = mpsc::channel();
        let started = std::thread::Builder::new().name("checks".into()).spawn(move || {
            let mut lint = LintCache::default();
            let found = overview_with(&session, &policy, &mut lint);
            // The console may have closed the review already: nobody to tell.
            let _ = send.send((found, lint));
        });
        if started.is_ok() {
            self.derived.checking = Some(Checking { generation: self.generation, result });
        }
    }

    /// Whether checks started on a thread have not been taken in yet: until then the
    /// overview, the gate and the flagged-wording counts are not known.
    pub fn checking(&self) -> bool {
        self.derived.checking.is_some()
    }

    /// Takes in the thread's checks, waiting for them if `wait`. Returns false when they
    /// are still under way (and not waited for).
    pub fn take_checks(&mut self, wait: bool) -> bool {
        let Some(checking) = self.derived.checking.take() else { return true };
        let received = if wait {
            checking.result.recv().ok()
        } else {
            match checking.result.try_recv() {
                Ok(found) => Some(found),
                Err(mpsc::TryRecvError::Empty) => {
                    self.derived.checking = Some(checking);
                    return false;
                }
                // The thread ended without an answer: `refresh` works the checks out here.
                Err(mpsc::TryRecvError::Disconnected) => None,
            }
        };
        if let Some((found, lint)) = received {
            // Fields edited since are linted again by `refresh`, from this cache.
            self.derived.lint = lint;
            if checking.generation == self.generation {
                self.keep_overview(found);
            }
        }
        true
    }

    /// The review changed while its checks were under way (a reload from disk): they are
    /// waited for, so the change is checked with the rest of their work.
    pub fn settle_checks(&mut self) {
        if self.derived.checking.as_ref().is_some_and(|c| c.generation != self.generation) {
            self.take_checks(true);
        }
    }

    /// Keeps a fresh overview, and the gate and flagged-wording counts read from it.
    pub fn keep_overview(&mut self, found: Overview) {
        let generation = self.generation;
        self.derived.gate = Some((generation, Rc::new(found.gate.clone())));
        self.derived.wording = Some((generation, steps::wording_counts(&found.language)));
        self.derived.overview = Some((generation, Rc::new(found)));
        // Laid out again with the flags the checks found.
        self.derived.timeline = None;
    }
}
