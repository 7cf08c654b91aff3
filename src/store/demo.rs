//! The example review's throwaway copy: private like every review (folder 0700, file
//! 0600), in a folder named after its process, so a copy left by a process that was killed
//! is recognised and removed by the next start.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::host;

const PREFIX: &str = "waterline-demo-";

/// Writes `text` as `file_name` in a fresh private folder under the system's temporary
/// folder, after removing folders left by demos whose process has ended. The folder is
/// removed when the returned handle is dropped.
pub fn demo_copy(text: &str, file_name: &str) -> io::Result<(tempfile::TempDir, PathBuf)> {
    demo_copy_in(&std::env::temp_dir(), text, file_name)
}

/// [`demo_copy`] under `root` instead of the system's temporary folder.
pub fn demo_copy_in(
    root: &Path,
    text: &str,
    file_name: &str,
) -> io::Result<(tempfile::TempDir, PathBuf)> {
    remove_abandoned_demos(root);
    let prefix = format!("{PREFIX}{}-", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o700));
    }
    let dir = builder.tempdir_in(root)?;
    let path = dir.path().join(file_name);
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()?;
    Ok((dir, path))
}

/// Removes demo folders under `root` that belong to this user and whose process has ended.
/// Returns how many were removed. Anything it cannot be sure of is left alone.
pub fn remove_abandoned_demos(root: &Path) -> usize {
    let Ok(entries) = fs::read_dir(root) else { return 0 };
    let mut removed = 0;
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(demo_pid) else { continue };
        // `symlink_metadata`: a link named like a demo folder is never followed.
        let Ok(meta) = fs::symlink_metadata(entry.path()) else { continue };
        if pid == std::process::id() || !meta.is_dir() || !owned_by_me(&meta) {
            continue;
        }
        if !host::process_alive(pid) && fs::remove_dir_all(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// The process id in a demo folder's name: `waterline-demo-4242-Ab3xYz`.
fn demo_pid(name: &str) -> Option<u32> {
    let (pid, rest) = name.strip_prefix(PREFIX)?.split_once('-')?;
    (!rest.is_empty() && pid.bytes().all(|b| b.is_ascii_digit())).then(|| pid.parse().ok())?
}

#[cfg(unix)]
fn owned_by_me(meta: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    meta.uid() == unsafe { libc::geteuid() }
}

#[cfg(not(unix))]
fn owned_by_me(_meta: &fs::Metadata) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_folder_names_carry_their_process() {
        assert_eq!(demo_pid("waterline-demo-4242-Ab3xYz"), Some(4242));
        assert_eq!(demo_pid("waterline-demo-Ab3xYz"), None);
        assert_eq!(demo_pid("waterline-demo-12-"), None);
        assert_eq!(demo_pid("waterline-demo-99999999999999999999-x"), None);
        assert_eq!(demo_pid("other-4242-x"), None);
    }
}
