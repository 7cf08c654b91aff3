//! A new review's file takes the incident's day once its start is known: `2026-11-29-s3.toml`
//! written today for an incident of 2017 becomes `2017-02-28-s3.toml`. Only a name still as
//! waterline made it is changed, and never over another file.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::lock::{self, Claim};
use super::review_file::{Access, ReviewFile};
use super::save_error::{SaveError, SaveProblem};

/// The name `path` should take now that the incident is known to have started on `started`:
/// `Some` only when the file still has the name made on `created` (the review's day, then a
/// slug of lower-case letters, digits and dashes) and that day is not the incident's.
pub fn dated_name(path: &Path, created: NaiveDate, started: NaiveDate) -> Option<PathBuf> {
    if created == started {
        return None;
    }
    let name = path.file_name()?.to_str()?;
    let rest = name.strip_suffix(".toml")?.strip_prefix(&format!("{created}-"))?;
    let made_here = !rest.is_empty()
        && rest.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    made_here.then(|| path.with_file_name(format!("{started}-{rest}.toml")))
}

/// Moves a review to `to`, which must not exist: the new name is made first as a second
/// link to the same file (which fails rather than replace anything there), then the old
/// name is removed, so at every moment the review is under at least one name. A review
/// that is itself a symbolic link is left as it is: its name is the person's.
pub fn rename_review(from: &Path, to: &Path) -> io::Result<()> {
    if fs::symlink_metadata(from)?.file_type().is_symlink() {
        return Err(io::Error::other("the review is a symbolic link; its name is kept"));
    }
    match fs::hard_link(from, to) {
        Ok(()) => fs::remove_file(from),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        // A file system without links: check, then rename (the one step that could race).
        Err(_) if fs::symlink_metadata(to).is_ok() => {
            Err(io::Error::new(io::ErrorKind::AlreadyExists, "a file already has that name"))
        }
        Err(_) => fs::rename(from, to),
    }
}

impl ReviewFile {
    /// Renames the review this process writes, and its lock with it: the new name is claimed
    /// first, so no other waterline can take it between the move and the claim; the old
    /// lock goes when it is let go.
    pub fn rename_to(&mut self, to: &Path) -> Result<(), SaveError> {
        let fail = |problem| SaveError { path: to.to_path_buf(), problem };
        if !self.is_writer() {
            return Err(fail(SaveProblem::from_io(io::Error::other(
                "only the review's writer renames it",
            ))));
        }
        let lock = match lock::claim(to, &self.policy()) {
            Ok(Claim::Writer(lock)) => lock,
            Ok(Claim::Follower(holder)) => return Err(fail(SaveProblem::HeldElsewhere(holder))),
            Err(e) => return Err(fail(SaveProblem::from_io(e))),
        };
        if let Err(e) = rename_review(self.path(), to) {
            let problem = if e.kind() == io::ErrorKind::AlreadyExists {
                SaveProblem::AlreadyExists
            } else {
                SaveProblem::from_io(e)
            };
            return Err(fail(problem));
        }
        self.moved(to, Access::Writer(lock));
        Ok(())
    }
}
