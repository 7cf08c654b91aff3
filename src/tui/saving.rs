//! Saving on its own thread: the open review (checked against the disk first), a save
//! under a new name, a rename, and the one-off changes the follow-up view makes to reviews
//! that are not open. Jobs run one after another in the order asked; each reports back as
//! an action.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, mpsc};

use crate::model::Session;
use crate::store::{LockPolicy, ReviewFile, SaveError, SaveProblem};
use crate::tui::intent::Intent;
use crate::tui::screens::sharing::state::{DiskConflict, FileNews};

/// The open review's file, shared with the saving thread.
pub(crate) type Held = Arc<Mutex<Option<ReviewFile>>>;

pub(crate) enum Job {
    /// The open review, checked against the disk first.
    Save(Box<Session>),
    Overwrite(Box<Session>),
    SaveAs(Box<Session>),
    /// A review that is not open (the follow-up view): claimed for the one save.
    SaveOther(PathBuf, Box<Session>, LockPolicy),
    /// An action's new status in a review that is not open: read, changed, saved.
    MoveAction(PathBuf, String, crate::model::ActionStatus, String, LockPolicy),
    /// The open review takes a new name (its lock goes with it), in order with its saves.
    Rename(PathBuf, PathBuf),
}

/// Saves run on their own thread, one after another in the order asked, so writing a
/// large review never holds up typing; results come back as actions.
pub(crate) struct Saver {
    pub(crate) jobs: Option<mpsc::Sender<Job>>,
    pub(crate) results: mpsc::Receiver<Intent>,
    pub(crate) in_flight: usize,
    worker: Option<std::thread::JoinHandle<()>>,
}

impl Saver {
    pub(crate) fn start(held: Held) -> Saver {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (outbox, results) = mpsc::channel();
        let worker = std::thread::spawn(move || {
            for job in inbox {
                if outbox.send(run_job(&held, job)).is_err() {
                    break;
                }
            }
        });
        Saver { jobs: Some(jobs), results, in_flight: 0, worker: Some(worker) }
    }
}

impl Drop for Saver {
    /// Lets queued saves finish before the program ends.
    fn drop(&mut self) {
        self.jobs = None;
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

pub(crate) fn lock(held: &Held) -> MutexGuard<'_, Option<ReviewFile>> {
    // A panic on the saving thread must not take every later save with it.
    held.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn run_job(held: &Held, job: Job) -> Intent {
    let saved = |result: Result<(), SaveError>| match result {
        Ok(()) => Intent::Saved(chrono::Local::now()),
        Err(e) => refused(e),
    };
    match job {
        // No review is open to ask about a conflict: any refusal is one line.
        Job::SaveOther(path, session, policy) => match save_other(&path, &session, policy) {
            Ok(()) => Intent::Saved(chrono::Local::now()),
            Err(e) => Intent::SaveFailed(e.to_string()),
        },
        Job::MoveAction(path, id, to, note, policy) => {
            match move_action(&path, &id, to, &note, policy) {
                Ok(()) => Intent::Saved(chrono::Local::now()),
                Err(problem) => Intent::SaveFailed(problem),
            }
        }
        Job::Save(session) => match lock(held).as_mut() {
            Some(file) => saved(file.save(&session)),
            None => Intent::SaveFailed("could not save: no review is open".into()),
        },
        Job::Overwrite(session) => match lock(held).as_mut() {
            Some(file) => saved(file.overwrite(&session)),
            None => Intent::SaveFailed("could not save: no review is open".into()),
        },
        Job::SaveAs(session) => match lock(held).as_mut() {
            Some(file) => save_as(file, &session),
            None => Intent::SaveFailed("could not save: no review is open".into()),
        },
        Job::Rename(from, to) => {
            let result = match lock(held).as_mut() {
                Some(file) if file.path() == from => file.rename_to(&to).map_err(|e| e.to_string()),
                _ => Err("the review is no longer open here".into()),
            };
            Intent::Renamed { from, to, result }
        }
    }
}

/// A save that did not happen: a change on disk asks the person; anything else is a failure.
fn refused(e: SaveError) -> Intent {
    let conflict = match e.problem {
        SaveProblem::ChangedOnDisk { .. } => DiskConflict::Changed,
        SaveProblem::Deleted => DiskConflict::Deleted,
        _ => return Intent::SaveFailed(e.to_string()),
    };
    Intent::File(FileNews::Refused { conflict, message: e.to_string() })
}

fn save_other(path: &Path, session: &Session, policy: LockPolicy) -> Result<(), SaveError> {
    // A stale lock is left for a person to take over, never taken for a one-off save.
    let (mut file, _) = ReviewFile::open_asking(path, policy).map_err(|e| SaveError {
        path: path.to_path_buf(),
        problem: SaveProblem::Io(std::io::Error::other(e.to_string())),
    })?;
    file.save(session)
}

/// Moves one action of a review that is not open, in the file as it is now: whatever else
/// changed in it since the follow-up view read it stays.
fn move_action(
    path: &Path,
    id: &str,
    to: crate::model::ActionStatus,
    note: &str,
    policy: LockPolicy,
) -> Result<(), String> {
    let (mut file, loaded) = ReviewFile::open_asking(path, policy).map_err(|e| e.to_string())?;
    let mut session = loaded.session;
    let Some(action) = session.actions.iter_mut().find(|a| a.id == id) else {
        return Err(crate::tui::messages::action_gone(id, &path.display().to_string()));
    };
    action.move_or_note(to, note).map_err(|refusal| refusal.to_string())?;
    file.save(&session).map_err(|e| e.to_string())
}

/// Saves under the first free name next to the review: `NAME-copy.toml`, `NAME-copy-2.toml`…
fn save_as(file: &mut ReviewFile, session: &Session) -> Intent {
    let original = file.path().to_path_buf();
    let stem = original.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let mut last = None;
    for n in 1..=50 {
        let name =
            if n == 1 { format!("{stem}-copy.toml") } else { format!("{stem}-copy-{n}.toml") };
        let candidate = original.with_file_name(name);
        match file.save_as(&candidate, session) {
            Ok(()) => {
                let at = chrono::Local::now();
                return Intent::File(FileNews::SavedAs { path: candidate, at });
            }
            Err(SaveError { problem: SaveProblem::AlreadyExists, .. }) => continue,
            Err(e) => {
                last = Some(e);
                break;
            }
        }
    }
    Intent::SaveFailed(last.map_or_else(
        || format!("could not save {}: no free name next to it", original.display()),
        |e| e.to_string(),
    ))
}
