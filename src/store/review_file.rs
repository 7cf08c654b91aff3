//! An open review as a console holds it: where it is, what was on disk when it was loaded
//! or last written, and whether this process may write it (writer, follower, read-only).
//! Every save checks first that the file on disk is still that one, so a change made
//! elsewhere is never silently overwritten and a deleted review is never silently recreated.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::access::{self, ReadOnly};
use super::atomic;
use super::fingerprint::Fingerprint;
use super::lock::{self, Claim, Holder, LockError, LockPolicy, WriterLock};
use super::save_error::{SaveError, SaveProblem};
use super::{LoadError, Loaded};
use crate::model::Session;

/// What this process may do with an open review.
#[derive(Debug)]
pub enum Access {
    /// It holds the review's lock: it saves.
    Writer(WriterLock),
    /// Another waterline writes it: show it, follow its saves, never write.
    Follower(Holder),
    /// It cannot be written at all.
    ReadOnly(ReadOnly),
}

/// The file on disk compared with the one loaded or last written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiskState {
    Unchanged,
    Changed(Fingerprint),
    Deleted,
}

#[derive(Debug)]
pub struct ReviewFile {
    /// As the person named it; it may be a symlink.
    path: PathBuf,
    /// What was on disk when loaded or last written; `None` before a new review's first save.
    baseline: Option<Fingerprint>,
    access: Access,
    policy: LockPolicy,
}

impl ReviewFile {
    /// Opens a review: claims it for writing (or learns who holds it), then reads it. The
    /// returned review is marked read-only, with a notice saying why, unless this process
    /// is its writer.
    pub fn open(path: &Path, policy: LockPolicy) -> Result<(ReviewFile, Loaded), LoadError> {
        Self::open_with(path, policy, true)
    }

    /// Like [`ReviewFile::open`], but a lock whose process ended is not taken over: the
    /// review opens as a follower of a stale lock, so the console can ask first and then
    /// [`ReviewFile::take_over`].
    pub fn open_asking(path: &Path, policy: LockPolicy) -> Result<(ReviewFile, Loaded), LoadError> {
        Self::open_with(path, policy, false)
    }

    fn open_with(
        path: &Path,
        policy: LockPolicy,
        take_ended: bool,
    ) -> Result<(ReviewFile, Loaded), LoadError> {
        let io_error = |source| LoadError::Io { path: path.to_path_buf(), source };
        let target = atomic::resolve(path).map_err(io_error)?;
        let access = claim_access(&target, &policy, take_ended);
        // Read after claiming, so what a writer loads is what it holds.
        let (fingerprint, bytes) = Fingerprint::read(&target).map_err(io_error)?;
        let loaded = super::from_bytes(path, &bytes)?;
        let mut review =
            ReviewFile { path: path.to_path_buf(), baseline: Some(fingerprint), access, policy };
        let loaded = review.settle(loaded, &bytes);
        if review.is_writer() {
            atomic::remove_leftovers(&target);
        }
        Ok((review, loaded))
    }

    /// Opens a review only to follow it (`waterline open --follow`): it is read, never
    /// claimed, and shown read-only as another waterline writes it.
    /// [`ReviewFile::claim_again`] makes it a writer later if the review is free.
    pub fn follow(path: &Path, policy: LockPolicy) -> Result<(ReviewFile, Loaded), LoadError> {
        let io_error = |source| LoadError::Io { path: path.to_path_buf(), source };
        let target = atomic::resolve(path).map_err(io_error)?;
        let (fingerprint, bytes) = Fingerprint::read(&target).map_err(io_error)?;
        let mut loaded = super::from_bytes(path, &bytes)?;
        let access = match access::check(&target) {
            Err(reason) => Access::ReadOnly(reason),
            Ok(()) => Access::Follower(Holder { record: None, stale: None }),
        };
        if loaded.read_only {
            let version = std::str::from_utf8(&bytes).ok().and_then(super::read::declared_version);
            let review = ReviewFile {
                path: path.to_path_buf(),
                baseline: Some(fingerprint),
                access: Access::ReadOnly(ReadOnly::NewerFormat(version.unwrap_or_default())),
                policy,
            };
            return Ok((review, loaded));
        }
        loaded.read_only = true;
        let review =
            ReviewFile { path: path.to_path_buf(), baseline: Some(fingerprint), access, policy };
        Ok((review, loaded))
    }

    /// Writes a new review at `path`, which must not exist yet, and holds it as its writer.
    pub fn create(
        path: &Path,
        session: &Session,
        policy: LockPolicy,
    ) -> Result<ReviewFile, SaveError> {
        let fail = |problem| SaveError { path: path.to_path_buf(), problem };
        if fs::symlink_metadata(path).is_ok() {
            return Err(fail(SaveProblem::AlreadyExists));
        }
        let lock = match lock::claim(path, &policy) {
            Ok(Claim::Writer(lock)) => lock,
            Ok(Claim::Follower(holder)) => return Err(fail(SaveProblem::HeldElsewhere(holder))),
            Err(e) => return Err(fail(SaveProblem::from_io(e))),
        };
        let mut review = ReviewFile {
            path: path.to_path_buf(),
            baseline: None,
            access: Access::Writer(lock),
            policy,
        };
        review.save(session)?;
        Ok(review)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn access(&self) -> &Access {
        &self.access
    }

    pub fn is_writer(&self) -> bool {
        matches!(self.access, Access::Writer(_))
    }

    /// The file as loaded or last written.
    pub fn baseline(&self) -> Option<&Fingerprint> {
        self.baseline.as_ref()
    }

    /// Saves, unless the file on disk is no longer the one loaded or last written (then
    /// [`SaveProblem::ChangedOnDisk`] or [`SaveProblem::Deleted`], and nothing is written).
    pub fn save(&mut self, session: &Session) -> Result<(), SaveError> {
        self.confirm_writer()?;
        let target = match atomic::resolve(&self.path) {
            Ok(target) => target,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(self.fail(SaveProblem::Deleted));
            }
            Err(e) => return Err(self.fail(SaveProblem::from_io(e))),
        };
        let existing = match Fingerprint::read(&target) {
            Ok((now, bytes)) => {
                match &self.baseline {
                    Some(base) if base.same_content(&now) => {}
                    _ => return Err(self.fail(SaveProblem::ChangedOnDisk { on_disk: now })),
                }
                Some(bytes)
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound && self.baseline.is_some() => {
                return Err(self.fail(SaveProblem::Deleted));
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(self.fail(SaveProblem::from_io(e))),
        };
        self.write(&target, session, existing.as_deref())
    }

    /// Saves over whatever is on disk now, or recreates a deleted review: only on the
    /// person's explicit answer to a conflict.
    pub fn overwrite(&mut self, session: &Session) -> Result<(), SaveError> {
        self.confirm_writer()?;
        let target = write_target(&self.path).map_err(|e| self.fail(SaveProblem::from_io(e)))?;
        let existing = fs::read(&target).ok();
        self.write(&target, session, existing.as_deref())
    }

    /// Saves under a new name that is not taken yet, which then becomes this review's file;
    /// the old file is left as it is and let go.
    pub fn save_as(&mut self, new_path: &Path, session: &Session) -> Result<(), SaveError> {
        let created = ReviewFile::create(new_path, session, self.policy)?;
        *self = created;
        Ok(())
    }

    /// Reads the review again (to reapply edits on top of a change made elsewhere, or for
    /// a follower to show the writer's latest save). What it reads becomes the baseline.
    pub fn reload(&mut self) -> Result<Loaded, LoadError> {
        let io_error = |source| LoadError::Io { path: self.path.clone(), source };
        let target = atomic::resolve(&self.path).map_err(io_error)?;
        let (fingerprint, bytes) = Fingerprint::read(&target).map_err(io_error)?;
        let loaded = super::from_bytes(&self.path, &bytes)?;
        self.baseline = Some(fingerprint);
        Ok(self.settle(loaded, &bytes))
    }

    /// Whether the file changed since it was loaded or last written. Cheap when nothing
    /// changed (size and time only), so a follower can poll it.
    pub fn disk_state(&mut self) -> io::Result<DiskState> {
        let target = match atomic::resolve(&self.path) {
            Ok(target) => target,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(DiskState::Deleted),
            Err(e) => return Err(e),
        };
        let meta = match fs::metadata(&target) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(DiskState::Deleted),
            Err(e) => return Err(e),
        };
        if let Some(base) = &self.baseline
            && !base.looks_changed(&meta)
        {
            return Ok(DiskState::Unchanged);
        }
        let (now, _) = match Fingerprint::read(&target) {
            Ok(read) => read,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(DiskState::Deleted),
            Err(e) => return Err(e),
        };
        match &mut self.baseline {
            // Touched, not changed: remember the new time so the next poll stays cheap.
            Some(base) if base.same_content(&now) => {
                base.modified = now.modified;
                Ok(DiskState::Unchanged)
            }
            _ => Ok(DiskState::Changed(now)),
        }
    }

    /// A follower tries again to become the writer (its writer may have closed). True when
    /// it now holds the review; reload before editing, since the writer may have saved.
    pub fn claim_again(&mut self) -> bool {
        if let Access::Follower(_) = self.access
            && let Ok(target) = atomic::resolve(&self.path)
        {
            self.access = claim_access(&target, &self.policy, true);
        }
        self.is_writer()
    }

    /// Takes over a stale lock, after the person has said so. A live writer is not displaced.
    pub fn take_over(&mut self) -> Result<(), LockError> {
        let target = atomic::resolve(&self.path)?;
        let lock = lock::take_over(&target, &self.policy)?;
        self.access = Access::Writer(lock);
        Ok(())
    }

    /// The writer's sign of life; call every [`lock::REFRESH_EVERY`].
    pub fn refresh(&mut self) -> io::Result<()> {
        match &mut self.access {
            Access::Writer(lock) => lock.refresh(),
            _ => Ok(()),
        }
    }

    pub(super) fn policy(&self) -> LockPolicy {
        self.policy
    }

    /// The review now lives at `path`, held with `access` (the old lock is let go).
    pub(super) fn moved(&mut self, path: &Path, access: Access) {
        self.path = path.to_path_buf();
        self.access = access;
    }

    fn confirm_writer(&mut self) -> Result<(), SaveError> {
        let problem = match &mut self.access {
            Access::Writer(lock) => match lock.confirm(&self.policy) {
                Ok(()) => return Ok(()),
                Err(holder) => SaveProblem::HeldElsewhere(holder),
            },
            Access::Follower(holder) => SaveProblem::HeldElsewhere(holder.clone()),
            Access::ReadOnly(reason) => SaveProblem::ReadOnly(reason.clone()),
        };
        Err(self.fail(problem))
    }

    fn write(
        &mut self,
        target: &Path,
        session: &Session,
        existing: Option<&[u8]>,
    ) -> Result<(), SaveError> {
        let text = super::prepare(session, existing).map_err(|p| self.fail(p))?;
        atomic::write(target, text.as_bytes()).map_err(|e| self.fail(SaveProblem::from_io(e)))?;
        let modified = fs::metadata(target).and_then(|m| m.modified()).ok();
        self.baseline = Some(Fingerprint::of(text.as_bytes(), modified));
        Ok(())
    }

    fn fail(&self, problem: SaveProblem) -> SaveError {
        SaveError { path: self.path.clone(), problem }
    }

    /// Aligns access with what was read (a newer format is never written), and marks the
    /// review read-only with a notice saying why when this process is not its writer.
    fn settle(&mut self, mut loaded: Loaded, bytes: &[u8]) -> Loaded {
        if loaded.read_only {
            let version = std::str::from_utf8(bytes).ok().and_then(super::read::declared_version);
            self.access = Access::ReadOnly(ReadOnly::NewerFormat(version.unwrap_or_default()));
            // The reader has already said so in its own notice.
            return loaded;
        }
        let notice = match &self.access {
            Access::Writer(lock) => lock.replaced.as_ref().map(|r| {
                format!(
                    "took over the lock {}@{} left (process {}), which had ended or gone silent",
                    r.user, r.host, r.pid
                )
            }),
            Access::Follower(holder) => Some(format!("{holder}; opened read-only")),
            Access::ReadOnly(reason) => Some(format!("opened read-only: {reason}")),
        };
        loaded.read_only = !self.is_writer();
        if let Some(notice) = notice {
            loaded.notices.insert(0, notice);
        }
        loaded
    }
}

fn claim_access(target: &Path, policy: &LockPolicy, take_ended: bool) -> Access {
    if let Err(reason) = access::check(target) {
        return Access::ReadOnly(reason);
    }
    let claimed =
        if take_ended { lock::claim(target, policy) } else { lock::claim_asking(target, policy) };
    match claimed {
        Ok(Claim::Writer(lock)) => Access::Writer(lock),
        Ok(Claim::Follower(holder)) => Access::Follower(holder),
        Err(e) => Access::ReadOnly(
            access::from_error(&e).unwrap_or_else(|| ReadOnly::NoLock(e.to_string())),
        ),
    }
}

/// Where an explicit overwrite writes: through a link even when its target was deleted.
fn write_target(path: &Path) -> io::Result<PathBuf> {
    match atomic::resolve(path) {
        Ok(target) => Ok(target),
        Err(e) if e.kind() == io::ErrorKind::NotFound => match fs::read_link(path) {
            Ok(link) => Ok(path.parent().unwrap_or(Path::new(".")).join(link)),
            Err(_) => Ok(path.to_path_buf()),
        },
        Err(e) => Err(e),
    }
}
