//! Whether this console writes the open review, news about its file, and the questions
//! only the person can answer.

use std::path::PathBuf;

use crate::store::Loaded;

/// Whether this console writes the open review, and if not, why.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Holding {
    /// It holds the review's lock: it saves.
    #[default]
    Writer,
    /// Another waterline writes it (`holder` says who, where and since when); this one
    /// follows its saves. `stale` when that lock looks abandoned and can be taken over.
    Follower { holder: String, stale: bool },
    /// Opened to follow (`open --follow`) without claiming it.
    Watching,
    /// It cannot be written at all; `reason` says why.
    ReadOnly { reason: String },
}

impl Holding {
    /// Whether the console reloads when the file changes on disk: whenever it does not write.
    pub fn follows(&self) -> bool {
        !matches!(self, Holding::Writer)
    }

    /// Whether asking to write makes sense here (a follower, not an unwritable file).
    pub fn may_ask_to_write(&self) -> bool {
        matches!(self, Holding::Follower { .. } | Holding::Watching)
    }
}

/// How the file on disk differs from the one loaded or last written, found before a save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiskConflict {
    /// Someone or something else changed it (a pull, an editor, another machine).
    Changed,
    /// It was deleted or moved.
    Deleted,
}

/// A question the console waits on; nothing happens to the file until it is answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// The review's lock looks abandoned: take it over and write here?
    TakeOver { holder: String },
    /// A save found the file changed or gone: reload and apply again, save as, overwrite?
    Conflict(DiskConflict),
}

/// What the runner learned about the open review's file.
#[derive(Debug, Clone, PartialEq)]
pub enum FileNews {
    /// Right after opening: whether this console writes it.
    Holding(Holding),
    /// A save was not made because the file is no longer the one loaded or last written.
    Refused { conflict: DiskConflict, message: String },
    /// Saved under a new name, which is now the review's file.
    SavedAs { path: PathBuf, at: chrono::DateTime<chrono::Local> },
    /// A follower: the writer saved, and this is what the file holds now.
    Followed(Result<Box<Loaded>, String>),
    /// A follower: the file is gone from disk.
    Gone,
    /// The disk's version, read again to apply this console's edits on top.
    Reloaded(Result<Box<Loaded>, String>),
    /// This console now writes the review: the file as it is now, to continue from.
    TookOver(Result<Box<Loaded>, String>),
    /// Still held by a live writer (or, with `stale`, one that can be taken over after a
    /// question).
    StillHeld { holder: String, stale: bool },
}
