//! Whether a review may be written at all: a file its owner made read-only, a folder that
//! cannot take a new file, a read-only mount. Such a review opens read-only instead of
//! being replaced by a fresh file on the first edit.

use std::io;
use std::path::Path;

/// Why a review opens read-only.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadOnly {
    /// The file's permissions give no one write access (mode 0400, 0444…), or not this user.
    #[error("the file is read-only (its permissions do not let you write it)")]
    File,
    /// A save writes a new file beside the old one and renames it: the folder must allow it.
    #[error("its folder does not let you create files, so it cannot be saved in place")]
    Folder,
    #[error("it is on a read-only file system")]
    FileSystem,
    #[error("it was written by a newer waterline (format {0}); this version must not overwrite it")]
    NewerFormat(i64),
    /// Its lock file could not be made, so writing could not be kept to one process.
    #[error("its lock file could not be created ({0})")]
    NoLock(String),
}

/// `Ok` when a save could replace `target` (an existing file, symlinks already followed).
pub(super) fn check(target: &Path) -> Result<(), ReadOnly> {
    platform::check(target)
}

/// Maps an error from writing to why the review cannot be written, if that is what it says.
pub(super) fn from_error(e: &io::Error) -> Option<ReadOnly> {
    match e.kind() {
        io::ErrorKind::ReadOnlyFilesystem => Some(ReadOnly::FileSystem),
        io::ErrorKind::PermissionDenied => Some(ReadOnly::Folder),
        _ => None,
    }
}

#[cfg(unix)]
mod platform {
    use std::ffi::CString;
    use std::io;
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::PermissionsExt;
    use std::path::Path;

    use super::ReadOnly;

    pub fn check(target: &Path) -> Result<(), ReadOnly> {
        // No write bit at all is the owner's "do not change this", which holds even for
        // root, whom `access` would let through.
        if let Ok(meta) = std::fs::metadata(target)
            && meta.permissions().mode() & 0o222 == 0
        {
            return Err(ReadOnly::File);
        }
        match access(target, libc::W_OK) {
            Ok(()) => {}
            // A new file: only the folder decides.
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(classify(&e, ReadOnly::File)),
        }
        let dir = match target.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        access(dir, libc::W_OK | libc::X_OK).map_err(|e| classify(&e, ReadOnly::Folder))
    }

    fn classify(e: &io::Error, denied: ReadOnly) -> ReadOnly {
        match e.raw_os_error() {
            Some(libc::EROFS) => ReadOnly::FileSystem,
            _ => denied,
        }
    }

    fn access(path: &Path, mode: libc::c_int) -> io::Result<()> {
        let c_path = CString::new(path.as_os_str().as_bytes())
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "a path with a NUL byte"))?;
        // SAFETY: `c_path` is a valid NUL-terminated string that outlives the call.
        let rc = unsafe { libc::access(c_path.as_ptr(), mode) };
        if rc == 0 { Ok(()) } else { Err(io::Error::last_os_error()) }
    }
}

#[cfg(not(unix))]
mod platform {
    use std::path::Path;

    use super::ReadOnly;

    pub fn check(target: &Path) -> Result<(), ReadOnly> {
        match std::fs::metadata(target) {
            Ok(meta) if meta.permissions().readonly() => Err(ReadOnly::File),
            _ => Ok(()),
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_file_without_write_bits_is_read_only_even_for_root() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("review.toml");
        std::fs::write(&path, "waterline = 1\n").unwrap();
        assert_eq!(check(&path), Ok(()));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o400)).unwrap();
        assert_eq!(check(&path), Err(ReadOnly::File));
    }

    #[test]
    fn a_missing_file_in_a_writable_folder_can_be_written() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(check(&dir.path().join("new.toml")), Ok(()));
    }

    #[test]
    fn write_errors_name_the_reason() {
        let rofs = io::Error::from_raw_os_error(libc::EROFS);
        assert_eq!(from_error(&rofs), Some(ReadOnly::FileSystem));
        assert_eq!(from_error(&io::Error::other("disk on fire")), None);
    }
}
