//! Why a save did not happen, typed, so the console can offer the right way out (reload and
//! apply again, save under another name, overwrite) and everyone else can print one line.

use std::io;
use std::path::PathBuf;

use super::access::ReadOnly;
use super::fingerprint::Fingerprint;
use super::lock::Holder;

/// A save that did not happen. The review on disk is as it was before the attempt.
#[derive(Debug, thiserror::Error)]
#[error("could not save {path}: {problem}")]
pub struct SaveError {
    pub path: PathBuf,
    pub problem: SaveProblem,
}

#[derive(Debug, thiserror::Error)]
pub enum SaveProblem {
    /// The file on disk is no longer the one loaded or last written: saving would
    /// overwrite someone else's change.
    #[error(
        "it was changed on disk after it was opened (a pull, an editor, another machine); \
         nothing was overwritten — reload and apply your edits again, save under another \
         name, or overwrite"
    )]
    ChangedOnDisk { on_disk: Fingerprint },
    /// The file was deleted or moved while open; it is not recreated without a question.
    #[error(
        "it was deleted or moved after it was opened; nothing was written — save under \
         another name, or save it again here to recreate it"
    )]
    Deleted,
    #[error("it opens read-only: {0}")]
    ReadOnly(ReadOnly),
    /// Another waterline writes this review (this one is a follower, or was taken over).
    #[error("another waterline is writing it: {0}")]
    HeldElsewhere(Holder),
    /// Saving under another name onto a file that is already there.
    #[error("a file of that name already exists; choose another name")]
    AlreadyExists,
    #[error("the review would not open again: {0}")]
    WouldNotOpen(String),
    /// The process's file-size limit (`ulimit -f`) is below the review's size.
    #[error(
        "the file would be larger than this session may write (the file-size limit, \
         `ulimit -f`); the review on disk is unchanged"
    )]
    TooLarge,
    #[error("{0}")]
    Io(#[source] io::Error),
}

impl SaveProblem {
    /// An I/O error, named by what it means for the review where that is known.
    pub(super) fn from_io(e: io::Error) -> Self {
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::EFBIG) {
            return SaveProblem::TooLarge;
        }
        if e.kind() == io::ErrorKind::FileTooLarge {
            return SaveProblem::TooLarge;
        }
        if e.kind() == io::ErrorKind::ReadOnlyFilesystem {
            return SaveProblem::ReadOnly(ReadOnly::FileSystem);
        }
        SaveProblem::Io(e)
    }
}
