//! The console's only I/O: saving, opening, creating and listing reviews. Each effect
//! reports back as an action.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use crate::model::Session;
use crate::tui::app::Leaving;
use crate::tui::intent::Intent;
use crate::{assets, store};

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
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
    ListReviews,
    /// Read every review in the data folder: for the follow-up view and for recurrence.
    LoadLibrary,
    /// Edit text in $VISUAL / $EDITOR; the loop hands over the terminal for it.
    Editor {
        text: String,
    },
    Quit,
}

/// What the saving thread does, in the order asked.
enum Job {
    Save(PathBuf, Box<Session>),
    Rename(PathBuf, PathBuf),
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
    saver: Saver,
}

/// Saves run on their own thread, one after another in the order asked, so writing a
/// large review never holds up typing; results come back as actions.
struct Saver {
    jobs: Option<mpsc::Sender<Job>>,
    results: mpsc::Receiver<Intent>,
    in_flight: usize,
    worker: Option<std::thread::JoinHandle<()>>,
}

impl Saver {
    fn start() -> Saver {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (outbox, results) = mpsc::channel();
        let worker = std::thread::spawn(move || {
            // Where renamed reviews went: a save asked for under the old name (queued before
            // the console heard of the rename) goes to the new one.
            let mut moved: Vec<(PathBuf, PathBuf)> = Vec::new();
            for job in inbox {
                let result = match job {
                    Job::Save(path, session) => {
                        let path = moved
                            .iter()
                            .find(|(from, _)| *from == path)
                            .map_or(path, |m| m.1.clone());
                        save(&path, &session)
                    }
                    Job::Rename(from, to) => {
                        let result = store::rename_review(&from, &to);
                        if result.is_ok() {
                            moved.push((from.clone(), to.clone()));
                        }
                        Intent::Renamed { from, to, result: result.map_err(|e| e.to_string()) }
                    }
                };
                if outbox.send(result).is_err() {
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

impl Runner {
    pub fn new(data_dir: Option<PathBuf>) -> Self {
        Runner {
            data_dir,
            background: mpsc::channel(),
            demo_dir: None,
            rescued: None,
            saver: Saver::start(),
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
        Some(result)
    }

    /// Waits (up to `limit`) for the next result of work done off the loop, such as the git
    /// states that follow a listing.
    pub fn wait_for_background(&mut self, limit: std::time::Duration) -> Option<Intent> {
        self.background.1.recv_timeout(limit).ok()
    }

    /// Results of saves that finished since the last call, and of work done off the loop.
    pub fn finished_saves(&mut self) -> Vec<Intent> {
        let mut done: Vec<Intent> = self.saver.results.try_iter().collect();
        self.saver.in_flight = self.saver.in_flight.saturating_sub(done.len());
        done.extend(self.background.1.try_iter());
        done
    }

    pub fn run(&mut self, effect: Effect) -> Vec<Intent> {
        match effect {
            Effect::Save { path, session } => {
                let job = Job::Save(path.clone(), session);
                let sent = self.saver.jobs.as_ref().map(|jobs| jobs.send(job));
                match sent {
                    Some(Ok(())) => {
                        self.saver.in_flight += 1;
                        Vec::new()
                    }
                    // The saver thread is gone (it cannot be, short of a panic): say so.
                    _ => vec![Intent::SaveFailed(format!(
                        "could not save {}: the saving thread stopped",
                        path.display()
                    ))],
                }
            }
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
            Effect::Rename { from, to } => {
                let job = Job::Rename(from.clone(), to.clone());
                match self.saver.jobs.as_ref().map(|jobs| jobs.send(job)) {
                    Some(Ok(())) => {
                        self.saver.in_flight += 1;
                        Vec::new()
                    }
                    _ => vec![Intent::Renamed {
                        from,
                        to,
                        result: Err("the saving thread stopped".into()),
                    }],
                }
            }
            Effect::Open { path } => vec![open(path, false)],
            Effect::OpenDemo => vec![self.open_demo()],
            Effect::CreateReview { title, template } => vec![self.create(&title, &template)],
            Effect::ListReviews => {
                let listings = self.data_dir.as_deref().map(store::list).unwrap_or_default();
                if let Some(dir) = self.data_dir.clone() {
                    // `git status` on a big repository can take a while: the list is shown
                    // at once and the states join it when git answers.
                    let sender = self.background.0.clone();
                    std::thread::spawn(move || {
                        if let Some(states) = store::git::review_states(&dir) {
                            let _ = sender.send(Intent::GitStates(states));
                        }
                    });
                }
                vec![Intent::Listed(listings)]
            }
            Effect::LoadLibrary => {
                let all = self.data_dir.as_deref().map(store::load_all).unwrap_or_default();
                let unreadable = all.iter().filter(|(_, r)| r.is_err()).count();
                let reviews =
                    all.into_iter().filter_map(|(p, r)| r.ok().map(|l| (p, l.session))).collect();
                vec![Intent::Library { reviews, unreadable }]
            }
            // Run by the loop, which owns the terminal.
            Effect::Quit | Effect::Editor { .. } => Vec::new(),
        }
    }

    fn open_demo(&mut self) -> Intent {
        match demo_copy(&mut self.demo_dir) {
            Ok(path) => open(path, true),
            Err(e) => Intent::Loaded {
                path: PathBuf::from("demo.toml"),
                result: Err(format!("could not prepare the example review: {e}")),
                demo: true,
            },
        }
    }

    fn create(&mut self, title: &str, template: &str) -> Intent {
        let Some(dir) = self.data_dir.clone() else {
            return failed(
                PathBuf::new(),
                "no data folder is known on this system; set WATERLINE_HOME".into(),
            );
        };
        match create_review(&dir, title, template) {
            Ok(path) => open(path, false),
            Err(e) => failed(dir, e),
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

/// Copies the built-in example into a fresh temporary folder.
pub fn demo_copy(holder: &mut Option<tempfile::TempDir>) -> std::io::Result<PathBuf> {
    let (dir, path) = store::demo_copy(assets::DEMO, "payment-outage-demo.toml")?;
    *holder = Some(dir);
    Ok(path)
}

fn save(path: &Path, session: &Session) -> Intent {
    match store::save(path, session) {
        Ok(()) => Intent::Saved(chrono::Local::now()),
        Err(e) => Intent::SaveFailed(e.to_string()),
    }
}

fn open(path: PathBuf, demo: bool) -> Intent {
    let result = store::load(&path).map(Box::new).map_err(|e| e.to_string());
    Intent::Loaded { path, result, demo }
}

fn failed(path: PathBuf, message: String) -> Intent {
    Intent::Loaded { path, result: Err(message), demo: false }
}
