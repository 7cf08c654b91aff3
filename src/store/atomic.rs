//! Saving without ever leaving half a file: write a temporary file beside the target, flush
//! it to disk, rename it over the target, then flush the folder so the rename itself lasts.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A temporary file this old is a leftover of an interrupted save, not one being written.
const LEFTOVER_AGE: Duration = Duration::from_secs(60);

/// Temporary files are `.NAME.XXXXXX.saving`, so leftovers can be told from anything else.
const TEMP_SUFFIX: &str = ".saving";

/// Replaces `path` with `bytes`, or leaves it as it was. The file is private to its owner
/// (0600) and a missing folder is created private too (0700), since reviews can hold names.
pub(super) fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        create_private_dir(dir)?;
    }
    // Same folder as the target: a rename across file systems would not be atomic. On every
    // error below, dropping `tmp` removes it: nothing is left behind in the folder.
    let mut tmp =
        tempfile::Builder::new().prefix(&temp_prefix(path)).suffix(TEMP_SUFFIX).tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    set_private(tmp.as_file())?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir);
    Ok(())
}

/// Follows a symlinked review to the file it points at, so a save replaces that file in
/// its own folder and the link stays a link. Any other path is returned as it is.
pub(super) fn resolve(path: &Path) -> io::Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path),
        _ => Ok(path.to_path_buf()),
    }
}

/// Removes what interrupted saves of `target` left behind (a SIGKILL, a power cut). Only
/// the writer holding the review's lock calls this, and only old files are removed.
pub(super) fn remove_leftovers(target: &Path) {
    let (Some(dir), prefix) = (target.parent(), temp_prefix(target)) else { return };
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let old = (entry.metadata().and_then(|m| m.modified()).ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > LEFTOVER_AGE);
        if name.starts_with(&prefix) && name.ends_with(TEMP_SUFFIX) && old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn temp_prefix(target: &Path) -> String {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    format!(".{name}.")
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)
}

#[cfg(unix)]
fn set_private(file: &fs::File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(fs::Permissions::from_mode(0o600))
}

#[cfg(not(unix))]
fn set_private(_file: &fs::File) -> io::Result<()> {
    Ok(())
}

/// Makes the rename durable. Best effort: the new file is already in place, and some file
/// systems refuse to sync a folder, which must not turn a good save into a reported failure.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = fs::File::open(dir) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
