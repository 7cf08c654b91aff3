//! Whether the data folder is inside a git working tree, and each review's state there
//! (changed, new, conflicted), read from the real `git status`, for the home list.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A review file's state in git.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FileState {
    /// As committed.
    Unchanged,
    /// Changed since the last commit (staged or not).
    Changed,
    /// Not committed yet: untracked, or added to the index.
    New,
    /// Deleted from the working tree or the index.
    Deleted,
    /// A merge left it unmerged; `git add` it once the conflicts are chosen.
    Conflicted,
}

impl FileState {
    /// A word for the home list.
    pub fn label(self) -> &'static str {
        match self {
            Self::Unchanged => "",
            Self::Changed => "changed",
            Self::New => "new",
            Self::Deleted => "deleted",
            Self::Conflicted => "conflicted",
        }
    }
}

/// The git working tree a folder belongs to, and the files git reports in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitStatus {
    /// The top of the working tree.
    pub root: PathBuf,
    /// Every file `git status` reports, relative to `root`; files not listed are unchanged.
    pub files: BTreeMap<PathBuf, FileState>,
}

impl GitStatus {
    /// The state of one file (an absolute path or one relative to the current folder).
    pub fn state(&self, path: &Path) -> FileState {
        // git reports paths from the real top folder, without symlinks.
        let real = match (path.parent(), path.file_name()) {
            (Some(parent), Some(name)) => {
                parent.canonicalize().map(|p| p.join(name)).unwrap_or_else(|_| path.to_path_buf())
            }
            _ => path.to_path_buf(),
        };
        (real.strip_prefix(&self.root).ok())
            .and_then(|rel| self.files.get(rel).copied())
            .unwrap_or(FileState::Unchanged)
    }
}

/// The git status of the working tree that holds `dir`, or `None` when `dir` is not in one
/// (or git is not installed). Runs `git status --porcelain=v1 -z`; takes no lock, so it
/// can run while someone else uses git in that tree.
pub fn status(dir: &Path) -> Option<GitStatus> {
    let top = git(dir, &["rev-parse", "--show-toplevel"])?;
    let root = PathBuf::from(String::from_utf8_lossy(&top).trim_end_matches('\n'));
    let out = git(dir, &["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", "."])?;
    Some(GitStatus { root, files: parse_porcelain(&out) })
}

/// The state of each review file in `dir` (the files the home list shows), or `None` when
/// `dir` is not in a git working tree.
pub fn review_states(dir: &Path) -> Option<Vec<(PathBuf, FileState)>> {
    let status = status(dir)?;
    let mut reviews: Vec<PathBuf> = (std::fs::read_dir(dir).ok()?)
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| super::library::is_review_file(p))
        .collect();
    reviews.sort();
    Some(reviews.into_iter().map(|p| (p.clone(), status.state(&p))).collect())
}

fn git(dir: &Path, args: &[&str]) -> Option<Vec<u8>> {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_OPTIONAL_LOCKS", "0")
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    out.status.success().then_some(out.stdout)
}

/// Reads `XY path\0` entries; a rename or copy is followed by its original path.
fn parse_porcelain(out: &[u8]) -> BTreeMap<PathBuf, FileState> {
    let mut files = BTreeMap::new();
    let mut entries = out.split(|b| *b == 0).filter(|e| !e.is_empty());
    while let Some(entry) = entries.next() {
        let (Some(&x), Some(&y), Some(path)) = (entry.first(), entry.get(1), entry.get(3..)) else {
            continue;
        };
        if matches!(x, b'R' | b'C') {
            entries.next();
        }
        let state = match (x, y) {
            (b'U', _) | (_, b'U') | (b'A', b'A') | (b'D', b'D') => FileState::Conflicted,
            (b'?', b'?') | (b'A', _) => FileState::New,
            (b'D', _) | (_, b'D') => FileState::Deleted,
            (b'!', b'!') => continue,
            _ => FileState::Changed,
        };
        files.insert(PathBuf::from(String::from_utf8_lossy(path).into_owned()), state);
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn porcelain_entries_read_as_states() {
        let out = b" M a.toml\0?? b.toml\0A  c.toml\0UU d.toml\0R  e.toml\0old.toml\0 D f.toml\0";
        let files = parse_porcelain(out);
        let state = |p: &str| files.get(Path::new(p)).copied();
        assert_eq!(state("a.toml"), Some(FileState::Changed));
        assert_eq!(state("b.toml"), Some(FileState::New));
        assert_eq!(state("c.toml"), Some(FileState::New));
        assert_eq!(state("d.toml"), Some(FileState::Conflicted));
        assert_eq!(state("e.toml"), Some(FileState::Changed));
        assert_eq!(state("old.toml"), None, "a rename's original path is not an entry");
        assert_eq!(state("f.toml"), Some(FileState::Deleted));
    }
}
