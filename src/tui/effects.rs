//! The console's only I/O: opening, creating and listing reviews, following the
//! open review's file, writing reports; saves go to `saving`. Each effect reports back as an
//! action.
//!
//! The open review is held as a `store::ReviewFile`: its lock makes this console the one
//! writer (or a follower), and every save checks first that the file on disk is still the
//! one loaded or last written.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Instant;

use crate::model::Session;
use crate::store::{Access, DiskState, LockPolicy, ReviewFile};
use crate::tui::app::Leaving;
use crate::tui::intent::Intent;
use crate::tui::reading::Part;
use crate::tui::saving::{Held, Job, Saver, lock};
use crate::tui::screens::export::state::{Chosen, Written};
use crate::tui::screens::sharing::state::{FileNews, Holding};
use crate::{assets, store};

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Save the open review (or, from the follow-up view, a review that is not open).
    Save {
        path: PathBuf,
        session: Box<Session>,
    },
    /// The last save failed and the person is quitting: keep a copy somewhere writable.
    Rescue {
        text: String,
        then: Leaving,
    },
    Open {
        path: PathBuf,
    },
    OpenDemo,
    /// Give the open review's file a new name (the incident's day once its start is known);
    /// run in order with the saves, so none lands under the old name afterwards.
    Rename {
        from: PathBuf,
        to: PathBuf,
    },
    CreateReview {
        title: String,
        template: String,
    },
    /// The home list; showing it lets go of the open review.
    ListReviews,
    /// Read every review in the data folder whole: for insights.
    LoadLibrary,
    /// Read every review in the data folder as far as its actions: for the follow-up view
    /// and for recurrence.
    LoadActions,
    /// Change an action's status in a review that is not open (the follow-up view): the
    /// file is read again and only that action changes, so nothing else in it is lost.
    MoveAction {
        path: PathBuf,
        id: String,
        to: crate::model::ActionStatus,
        note: String,
    },
    /// Edit text in $VISUAL / $EDITOR; the loop hands over the terminal for it.
    Editor {
        text: String,
    },
    /// Write the report of the review at `review` beside it.
    Export {
        review: PathBuf,
        session: Box<Session>,
        chosen: crate::tui::screens::export::state::Chosen,
        policy: crate::analysis::policy::DuePolicy,
        replace: crate::export::Replace,
    },
    /// A follower looks whether the writer saved (size and time first; read only on change).
    Follow,
    /// Write this review here: claimed if free; a stale lock only once `confirmed`.
    TakeOver {
        confirmed: bool,
    },
    /// Read the disk's version again, to apply this console's edits on top.
    ReloadForReapply,
    /// Save over whatever is on disk (or recreate a deleted review): an explicit answer.
    Overwrite {
        session: Box<Session>,
    },
    /// Save as a new file next to the review, which becomes the review's file.
    SaveAs {
        session: Box<Session>,
    },
    Quit,
}

/// Carries out effects. Holds what they need between runs.
pub struct Runner {
    pub data_dir: Option<PathBuf>,
    /// Results of work done off the loop (git states), picked up with the saves' results.
    background: (mpsc::Sender<Intent>, mpsc::Receiver<Intent>),
    /// The folder holding the demo's copy; removed when the runner is dropped.
    demo_dir: Option<tempfile::TempDir>,
    /// Where a rescue copy went, to tell the person after the terminal is restored.
    pub rescued: Option<PathBuf>,
    /// When another waterline's lock counts as abandoned (config.toml `[lock]`).
    pub policy: LockPolicy,
    /// Open reviews only to follow them (`open --follow`): never claimed on opening.
    pub follow: bool,
    held: Held,
    /// The held review's path, known without waiting for a save in progress.
    held_path: Option<PathBuf>,
    refreshed: Instant,
    /// A follower already said the file is gone.
    gone: bool,
    /// The data folder read off the loop: the home list's older parts, the library.
    reading: crate::tui::reading::Reading,
    saver: Saver,
}

/// Whether this console writes `file`, as the banner says it.
fn holding(file: &ReviewFile, follow: bool) -> Holding {
    match file.access() {
        Access::Writer(_) => Holding::Writer,
        Access::Follower(holder) if follow && holder.record.is_none() => Holding::Watching,
        Access::Follower(holder) => {
            Holding::Follower { holder: holder.to_string(), stale: holder.stale.is_some() }
        }
        Access::ReadOnly(reason) => Holding::ReadOnly { reason: reason.to_string() },
    }
}

impl Runner {
    pub fn new(data_dir: Option<PathBuf>) -> Self {
        let held: Held = Arc::new(Mutex::new(None));
        Runner {
            data_dir,
            background: mpsc::channel(),
            demo_dir: None,
            rescued: None,
            policy: LockPolicy::default(),
            follow: false,
            saver: Saver::start(held.clone()),
            held,
            held_path: None,
            refreshed: Instant::now(),
            gone: false,
            reading: Default::default(),
        }
    }

    /// Holds a review opened before the console started (by the command line).
    pub fn hold(&mut self, file: ReviewFile) -> Holding {
        let holding = holding(&file, self.follow);
        self.held_path = Some(file.path().to_path_buf());
        *lock(&self.held) = Some(file);
        self.refreshed = Instant::now();
        self.gone = false;
        holding
    }

    /// Lets go of the open review (and its lock), once every save on its way has landed.
    fn release(&mut self) {
        if self.held_path.take().is_some() {
            *lock(&self.held) = None;
        }
    }

    /// The writer's sign of life on its lock, every `lock::REFRESH_EVERY`; called by the
    /// loop on each pass. Never waits for a save in progress.
    pub fn refresh_lock(&mut self) {
        if self.refreshed.elapsed() < store::lock::REFRESH_EVERY {
            return;
        }
        if let Ok(mut held) = self.held.try_lock()
            && let Some(file) = held.as_mut()
        {
            // A failed refresh is tried again next time; the save itself checks the lock.
            let _ = file.refresh();
            self.refreshed = Instant::now();
        }
    }

    /// Whether a save has been asked for and not reported yet.
    pub fn saving(&self) -> bool {
        self.saver.in_flight > 0
    }

    /// Blocks until the next save in flight reports; None when the saving thread is gone.
    pub fn wait_for_save(&mut self) -> Option<Intent> {
        let result = self.saver.results.recv().ok()?;
        self.saver.in_flight = self.saver.in_flight.saturating_sub(1);
        self.note(&result);
        Some(result)
    }

    /// Waits (up to `limit`) for the next result of work done off the loop, such as the git
    /// states that follow a listing.
    pub fn wait_for_background(&mut self, limit: std::time::Duration) -> Option<Intent> {
        let until = Instant::now() + limit;
        loop {
            let left = until.saturating_duration_since(Instant::now());
            let intent = self.background.1.recv_timeout(left).ok()?;
            if self.is_current(&intent) {
                return Some(intent);
            }
        }
    }

    /// Whether a result from off the loop still matters: parts of a home list that a newer
    /// listing replaced do not.
    fn is_current(&self, intent: &Intent) -> bool {
        !matches!(intent, Intent::ListedMore { serial, .. } if !self.reading.is_current(*serial))
    }

    /// Results of saves that finished since the last call, and of work done off the loop.
    pub fn finished_saves(&mut self) -> Vec<Intent> {
        let mut done: Vec<Intent> = self.saver.results.try_iter().collect();
        self.saver.in_flight = self.saver.in_flight.saturating_sub(done.len());
        for result in &done {
            self.note(result);
        }
        let news: Vec<Intent> = self.background.1.try_iter().collect();
        done.extend(news.into_iter().filter(|i| self.is_current(i)));
        done
    }

    /// Whether the data folder is being read off the loop (the home list, the library).
    pub fn reading(&self) -> bool {
        self.reading.busy()
    }

    /// A save under a new name moved the open review.
    fn note(&mut self, result: &Intent) {
        match result {
            Intent::File(FileNews::SavedAs { path, .. }) => self.held_path = Some(path.clone()),
            Intent::Renamed { to, result: Ok(()), .. } => self.held_path = Some(to.clone()),
            _ => {}
        }
    }

    fn send(&mut self, job: Job) -> Vec<Intent> {
        match self.saver.jobs.as_ref().map(|jobs| jobs.send(job)) {
            Some(Ok(())) => {
                self.saver.in_flight += 1;
                Vec::new()
            }
            // The saver thread is gone (it cannot be, short of a panic): say so.
            _ => vec![Intent::SaveFailed("could not save: the saving thread stopped".into())],
        }
    }

    pub fn run(&mut self, effect: Effect) -> Vec<Intent> {
        match effect {
            Effect::Save { path, session } => {
                if self.held_path.as_ref() == Some(&path) {
                    self.send(Job::Save(session))
                } else {
                    self.send(Job::SaveOther(path, session, self.policy))
                }
            }
            Effect::Overwrite { session } => self.send(Job::Overwrite(session)),
            Effect::SaveAs { session } => self.send(Job::SaveAs(session)),
            Effect::Rescue { text, then } => {
                let name = format!("waterline-rescue-{}.toml", std::process::id());
                let path = std::env::temp_dir().join(name);
                let result = match store::write_atomic(&path, text.as_bytes()) {
                    Ok(()) => {
                        self.rescued = Some(path.clone());
                        Ok(path)
                    }
                    Err(e) => Err(format!("{}: {e}", path.display())),
                };
                vec![Intent::Rescued { result, then }]
            }
            Effect::Rename { from, to } => self.send(Job::Rename(from, to)),
            Effect::Open { path } => self.open(path, false),
            Effect::OpenDemo => self.open_demo(),
            Effect::CreateReview { title, template } => self.create(&title, &template),
            Effect::ListReviews => {
                self.release();
                let Some(dir) = self.data_dir.clone() else {
                    return vec![Intent::Listed { listings: Vec::new(), left: 0 }];
                };
                let listed = self.reading.list(&dir, &self.background.0);
                // `git status` on a big repository can take a while: the list is shown at
                // once and the states join it when git answers.
                let sender = self.background.0.clone();
                std::thread::spawn(move || {
                    if let Some(states) = store::git::review_states(&dir) {
                        let _ = sender.send(Intent::GitStates(states));
                    }
                });
                vec![listed]
            }
            Effect::LoadLibrary => match self.data_dir.clone() {
                Some(dir) => {
                    self.reading.library(dir, Part::Whole, &self.background.0);
                    Vec::new()
                }
                None => vec![Intent::Library { reviews: Vec::new(), unreadable: 0 }],
            },
            Effect::LoadActions => match self.data_dir.clone() {
                Some(dir) => {
                    self.reading.library(dir, Part::Actions, &self.background.0);
                    Vec::new()
                }
                None => vec![Intent::LibraryActions { reviews: Vec::new(), unreadable: 0 }],
            },
            Effect::MoveAction { path, id, to, note } => {
                self.send(Job::MoveAction(path, id, to, note, self.policy))
            }
            Effect::Export { review, session, chosen, policy, replace } => {
                let result = export(&review, &session, chosen, policy, replace);
                vec![Intent::Exported { chosen, result }]
            }
            Effect::Follow => self.follow_disk(),
            Effect::TakeOver { confirmed } => self.take_over(confirmed),
            Effect::ReloadForReapply => {
                let result = match lock(&self.held).as_mut() {
                    Some(file) => file.reload().map(Box::new).map_err(|e| e.to_string()),
                    None => Err("no review is open".into()),
                };
                vec![Intent::File(FileNews::Reloaded(result))]
            }
            // Run by the loop, which owns the terminal.
            Effect::Quit | Effect::Editor { .. } => Vec::new(),
        }
    }

    /// A follower's look at the disk: cheap while nothing changed, and never waits.
    fn follow_disk(&mut self) -> Vec<Intent> {
        let Ok(mut held) = self.held.try_lock() else { return Vec::new() };
        let Some(file) = held.as_mut() else { return Vec::new() };
        match file.disk_state() {
            Ok(DiskState::Unchanged) => {
                self.gone = false;
                Vec::new()
            }
            Ok(DiskState::Changed(_)) => {
                self.gone = false;
                let result = file.reload().map(Box::new).map_err(|e| e.to_string());
                vec![Intent::File(FileNews::Followed(result))]
            }
            Ok(DiskState::Deleted) if !self.gone => {
                self.gone = true;
                vec![Intent::File(FileNews::Gone)]
            }
            Ok(DiskState::Deleted) | Err(_) => Vec::new(),
        }
    }

    fn take_over(&mut self, confirmed: bool) -> Vec<Intent> {
        let mut held = lock(&self.held);
        let Some(file) = held.as_mut() else { return Vec::new() };
        let claimed = if confirmed {
            file.take_over().map_err(|e| e.to_string()).map(|()| true)
        } else {
            Ok(file.claim_again())
        };
        let news = match claimed {
            Ok(true) => {
                self.refreshed = Instant::now();
                FileNews::TookOver(file.reload().map(Box::new).map_err(|e| e.to_string()))
            }
            Ok(false) => match holding(file, false) {
                Holding::Follower { holder, stale } => FileNews::StillHeld { holder, stale },
                other => FileNews::Holding(other),
            },
            Err(why) => FileNews::TookOver(Err(why)),
        };
        vec![Intent::File(news)]
    }

    /// Opens a review through its lock: the one writer, or a follower told who writes.
    fn open(&mut self, path: PathBuf, demo: bool) -> Vec<Intent> {
        self.release();
        let opened = if self.follow && !demo {
            ReviewFile::follow(&path, self.policy)
        } else {
            ReviewFile::open_asking(&path, self.policy)
        };
        match opened {
            Ok((file, loaded)) => {
                let holding = self.hold(file);
                vec![
                    Intent::Loaded { path, result: Ok(Box::new(loaded)), demo },
                    Intent::File(FileNews::Holding(holding)),
                ]
            }
            Err(e) => vec![Intent::Loaded { path, result: Err(e.to_string()), demo }],
        }
    }

    fn open_demo(&mut self) -> Vec<Intent> {
        match demo_copy(&mut self.demo_dir) {
            Ok(path) => self.open(path, true),
            Err(e) => vec![Intent::Loaded {
                path: PathBuf::from("demo.toml"),
                result: Err(format!("could not prepare the example review: {e}")),
                demo: true,
            }],
        }
    }

    fn create(&mut self, title: &str, template: &str) -> Vec<Intent> {
        let Some(dir) = self.data_dir.clone() else {
            return vec![failed(
                PathBuf::new(),
                "no data folder is known on this system; set WATERLINE_HOME".into(),
            )];
        };
        match create_review(&dir, title, template) {
            Ok(path) => self.open(path, false),
            Err(e) => vec![failed(dir, e)],
        }
    }
}

/// Writes a new review from a template into `dir`; returns its path.
pub fn create_review(dir: &Path, title: &str, template: &str) -> Result<PathBuf, String> {
    let today = chrono::Local::now().date_naive();
    let session = assets::from_template(template, title, today)?;
    let path = store::new_session_path(dir, title, today);
    store::save(&path, &session).map_err(|e| e.to_string())?;
    Ok(path)
}

/// Writes a report beside the review, atomically; never over a file that is not an
/// earlier report of it unless `replace` says the person agreed.
pub fn export(
    review: &Path,
    session: &Session,
    chosen: Chosen,
    policy: crate::analysis::policy::DuePolicy,
    replace: crate::export::Replace,
) -> Written {
    let options = crate::export::Options { redact: chosen.redact, policy, ..Default::default() };
    match crate::export::write_beside(review, session, chosen.format, &options, replace) {
        Ok((path, report)) => Written::Done {
            path,
            replaced: report.redactions.map(|r| r.iter().map(|(_, n)| n).sum()),
        },
        Err(crate::export::ExportError::NotAnExport(path)) => Written::NotAnExport(path),
        Err(e) => Written::Failed(e.to_string()),
    }
}

/// Copies the built-in example into a fresh temporary folder.
pub fn demo_copy(holder: &mut Option<tempfile::TempDir>) -> std::io::Result<PathBuf> {
    let (dir, path) = store::demo_copy(assets::DEMO, "payment-outage-demo.toml")?;
    *holder = Some(dir);
    Ok(path)
}

fn failed(path: PathBuf, message: String) -> Intent {
    Intent::Loaded { path, result: Err(message), demo: false }
}
