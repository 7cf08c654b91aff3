//! One writer per review. The writer holds an OS lock on `.NAME.lock` beside the review, and
//! the file says who it is (pid, host, user, since when), so a second waterline — on this
//! host, or on another one sharing the folder — opens the review as a follower and can say
//! who is writing. A lock left by a process that ended, or not refreshed for too long, is
//! stale and can be taken over.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Local, Utc};
use serde::{Deserialize, Serialize};

use super::host;

/// How long a lock may go without a refresh before another host may treat it as abandoned.
pub const DEFAULT_STALE_AFTER: Duration = Duration::from_secs(30 * 60);

/// How often a writer should call [`WriterLock::refresh`] so that it never looks stale.
pub const REFRESH_EVERY: Duration = Duration::from_secs(60);

/// Tries at claiming a lock file that is removed or replaced under our feet.
const ATTEMPTS: usize = 5;

/// When a lock counts as stale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LockPolicy {
    /// A lock not refreshed for this long may be taken over (after a question).
    pub stale_after: Duration,
}

impl Default for LockPolicy {
    fn default() -> Self {
        LockPolicy { stale_after: DEFAULT_STALE_AFTER }
    }
}

/// Who holds a review for writing: what the lock file says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockRecord {
    pub pid: u32,
    pub host: String,
    pub user: String,
    pub started: DateTime<Utc>,
    /// Last sign of life; a writer refreshes it every [`REFRESH_EVERY`].
    pub refreshed: DateTime<Utc>,
}

impl LockRecord {
    fn for_this_process() -> Self {
        let now = Utc::now();
        LockRecord {
            pid: std::process::id(),
            host: host::host_name(),
            user: host::user_name(),
            started: now,
            refreshed: now,
        }
    }

    fn is_this_process(&self) -> bool {
        self.pid == std::process::id() && self.host == host::host_name()
    }

    /// A record read from a file anyone could write is cleaned before it is ever shown.
    fn cleaned(mut self) -> Self {
        self.host = crate::model::text::sanitize_line(&self.host);
        self.user = crate::model::text::sanitize_line(&self.user);
        self
    }
}

/// Another waterline's hold on a review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    /// `None` when the lock file cannot be read as a record (an older or foreign file).
    pub record: Option<LockRecord>,
    /// Set when the lock looks abandoned and may be taken over after a question.
    pub stale: Option<Stale>,
}

/// Why a lock looks abandoned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stale {
    /// Its process, on this host, has ended.
    ProcessEnded,
    /// It has not been refreshed since this time, longer ago than the policy allows.
    Silent { since: DateTime<Utc> },
}

impl std::fmt::Display for Holder {
    /// "held by sam@laptop since 2026-03-02 09:12 (process 4242)".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.record {
            Some(r) => write!(
                f,
                "held by {}@{} since {} (process {})",
                r.user,
                r.host,
                r.started.with_timezone(&Local).format("%Y-%m-%d %H:%M"),
                r.pid
            )?,
            None => write!(f, "held by another waterline (its lock file says no more)")?,
        }
        match &self.stale {
            None => Ok(()),
            Some(Stale::ProcessEnded) => {
                write!(f, "; that process has ended, so it can be taken over")
            }
            Some(Stale::Silent { since }) => write!(
                f,
                "; silent since {}, so it can be taken over",
                since.with_timezone(&Local).format("%Y-%m-%d %H:%M")
            ),
        }
    }
}

/// The answer to "may I write this review?".
#[derive(Debug)]
pub enum Claim {
    /// You hold it: save freely while this lives.
    Writer(WriterLock),
    /// Someone else does: open it as a follower.
    Follower(Holder),
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("the review is {0}; it cannot be taken over while its writer is alive")]
    NotStale(Holder),
    #[error("the lock file could not be used: {0}")]
    Io(#[from] io::Error),
}

/// The writer's hold on a review. Dropping it lets the review go and removes the lock file.
#[derive(Debug)]
pub struct WriterLock {
    file: File,
    path: PathBuf,
    target: PathBuf,
    record: LockRecord,
    /// The record of a stale lock this one replaced, to tell the person.
    pub replaced: Option<LockRecord>,
}

/// The lock file for a review: `.NAME.lock` in the review's folder (symlinks followed).
pub fn lock_path(target: &Path) -> PathBuf {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    target.with_file_name(format!(".{name}.lock"))
}

/// Claims `target` for writing, or says who holds it. Never waits. A lock left by a process
/// on this host that has ended is taken over, and said so in [`WriterLock::replaced`].
pub fn claim(target: &Path, policy: &LockPolicy) -> io::Result<Claim> {
    claim_with(target, policy, true)
}

/// Like [`claim`], but a lock left by a process that ended is not taken over: it comes back
/// as a stale [`Claim::Follower`], so the person can be asked first (then [`take_over`]).
pub fn claim_asking(target: &Path, policy: &LockPolicy) -> io::Result<Claim> {
    claim_with(target, policy, false)
}

fn claim_with(target: &Path, policy: &LockPolicy, take_ended: bool) -> io::Result<Claim> {
    let path = lock_path(target);
    for _ in 0..ATTEMPTS {
        let file = open_lock_file(&path)?;
        let os_lock = match file.try_lock() {
            Ok(()) => true,
            Err(fs::TryLockError::WouldBlock) => {
                return Ok(Claim::Follower(judge(read_record(&file), &file, policy)));
            }
            // A file system without locks: the record alone decides.
            Err(fs::TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => false,
            Err(fs::TryLockError::Error(e)) => return Err(e),
        };
        // Removed or replaced between our open and our lock: that file no longer counts.
        if !same_file(&file, &path) {
            continue;
        }
        let previous = read_record(&file).filter(|r| !r.is_this_process());
        if let Some(record) = &previous {
            // With the OS lock ours, a record from this host was left by a process that
            // ended. A record from another host may be live: locks do not always reach
            // across a network file system.
            let here = record.host == host::host_name();
            if !here || (!os_lock && host::process_alive(record.pid)) || !take_ended {
                return Ok(Claim::Follower(judge(previous, &file, policy)));
            }
        }
        let mut lock = WriterLock {
            file,
            path,
            target: target.to_path_buf(),
            record: LockRecord::for_this_process(),
            replaced: previous,
        };
        lock.write_record()?;
        return Ok(Claim::Writer(lock));
    }
    Err(io::Error::other("the lock file kept changing while it was being claimed; try again"))
}

/// Takes over a stale lock (after the person has said so). A live one is refused.
pub fn take_over(target: &Path, policy: &LockPolicy) -> Result<WriterLock, LockError> {
    let holder = match claim(target, policy)? {
        Claim::Writer(lock) => return Ok(lock),
        Claim::Follower(holder) if holder.stale.is_none() => {
            return Err(LockError::NotStale(holder));
        }
        Claim::Follower(holder) => holder,
    };
    let path = lock_path(target);
    // Only the lock file that was judged stale is removed, not one claimed since. A writer
    // that wakes up later finds its lock file gone and its saves refused.
    if fs::File::open(&path).ok().and_then(|f| read_record(&f)) == holder.record {
        match fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e.into()),
        }
    }
    match claim(target, policy)? {
        Claim::Writer(mut lock) => {
            lock.replaced = holder.record.or(lock.replaced.take());
            Ok(lock)
        }
        Claim::Follower(other) => Err(LockError::NotStale(other)),
    }
}

impl WriterLock {
    pub fn record(&self) -> &LockRecord {
        &self.record
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A sign of life, so hosts that cannot see the OS lock never take this one as stale.
    pub fn refresh(&mut self) -> io::Result<()> {
        self.record.refreshed = Utc::now();
        self.write_record()
    }

    /// Whether this is still the review's lock. It is not when another waterline took it
    /// over as stale: then this process must stop writing. A lock file deleted by hand is
    /// claimed again.
    pub fn confirm(&mut self, policy: &LockPolicy) -> Result<(), Holder> {
        if same_file(&self.file, &self.path) {
            return Ok(());
        }
        let holder = |file: Option<File>| Holder {
            record: file.as_ref().and_then(read_record),
            stale: None,
        };
        if self.path.exists() {
            return Err(holder(File::open(&self.path).ok()));
        }
        match claim(&self.target, policy) {
            Ok(Claim::Writer(mut fresh)) => {
                fresh.record.started = self.record.started;
                let _ = fresh.write_record();
                std::mem::swap(&mut self.file, &mut fresh.file);
                std::mem::swap(&mut self.record, &mut fresh.record);
                // `fresh` now has the old, unlinked file: its drop must not remove ours.
                fresh.path = PathBuf::new();
                Ok(())
            }
            Ok(Claim::Follower(other)) => Err(other),
            Err(_) => Err(holder(None)),
        }
    }

    fn write_record(&mut self) -> io::Result<()> {
        let body = toml::to_string(&self.record).map_err(io::Error::other)?;
        let text = format!("{LOCK_FILE_NOTE}{body}");
        self.file.set_len(0)?;
        self.file.rewind()?;
        self.file.write_all(text.as_bytes())?;
        self.file.sync_data()
    }
}

impl Drop for WriterLock {
    fn drop(&mut self) {
        // Removed before the OS lock goes with the handle; a claim that opened this file
        // in between sees it is no longer at the path and starts again.
        if !self.path.as_os_str().is_empty() && same_file(&self.file, &self.path) {
            let _ = fs::remove_file(&self.path);
        }
    }
}

const LOCK_FILE_NOTE: &str = "# waterline: this review is open for editing by the process below.\n\
# It goes away when that waterline closes; a stale one can be taken over from waterline.\n";

fn judge(record: Option<LockRecord>, file: &File, policy: &LockPolicy) -> Holder {
    let now = Utc::now();
    let last_sign = match &record {
        Some(r) => Some(r.refreshed),
        // No readable record: the file's own time is the only sign of life.
        None => file.metadata().and_then(|m| m.modified()).ok().map(DateTime::<Utc>::from),
    };
    let silent_for = last_sign.map(|t| now.signed_duration_since(t).to_std().unwrap_or_default());
    let stale = match &record {
        Some(r) if r.host == host::host_name() && !host::process_alive(r.pid) => {
            Some(Stale::ProcessEnded)
        }
        _ => match (last_sign, silent_for) {
            (Some(since), Some(silent)) if silent > policy.stale_after => {
                Some(Stale::Silent { since })
            }
            _ => None,
        },
    };
    Holder { record, stale }
}

fn read_record(mut file: &File) -> Option<LockRecord> {
    let mut text = String::new();
    file.rewind().ok()?;
    // A lock record is a few lines; anything much longer is not one.
    file.take(64 * 1024).read_to_string(&mut text).ok()?;
    toml::from_str::<LockRecord>(&text).ok().map(LockRecord::cleaned)
}

fn open_lock_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Private like the review, and never through a link someone left in its place.
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path)
}

/// Whether `file` is still the file at `path` (not removed, not replaced).
fn same_file(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), fs::symlink_metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        path.exists()
    }
}
