//! What a review file was when it was loaded or last written: enough to notice that
//! something else (a `git pull`, an editor, another machine) changed it since.

use std::fs;
use std::hash::Hasher;
use std::io;
use std::path::Path;
use std::time::SystemTime;

/// Size, modification time and a hash of the content of one version of a file.
///
/// Two fingerprints are the same file when size and content hash agree. The modification
/// time alone does not count as a change (a `touch`, a checkout that writes the same bytes
/// loses nothing if overwritten); it tells when a change happened, and lets a follower
/// poll cheaply before reading the whole file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    pub len: u64,
    pub modified: Option<SystemTime>,
    pub hash: u64,
}

impl Fingerprint {
    /// The fingerprint of `bytes`, stored with modification time `modified`.
    pub fn of(bytes: &[u8], modified: Option<SystemTime>) -> Self {
        // Every `DefaultHasher::new()` hashes alike within one program, which is all a
        // comparison between two reads needs.
        let mut hasher = std::hash::DefaultHasher::new();
        hasher.write(bytes);
        Fingerprint { len: bytes.len() as u64, modified, hash: hasher.finish() }
    }

    /// Reads `path` once: its bytes and their fingerprint.
    pub fn read(path: &Path) -> io::Result<(Fingerprint, Vec<u8>)> {
        let bytes = fs::read(path)?;
        let modified = fs::metadata(path).and_then(|m| m.modified()).ok();
        Ok((Fingerprint::of(&bytes, modified), bytes))
    }

    /// Whether `other` is the same content as this.
    pub fn same_content(&self, other: &Fingerprint) -> bool {
        self.len == other.len && self.hash == other.hash
    }

    /// Whether the file's size or time differ from this fingerprint: a cheap first look
    /// that needs no read. `false` means "very likely unchanged".
    pub fn looks_changed(&self, metadata: &fs::Metadata) -> bool {
        metadata.len() != self.len || metadata.modified().ok() != self.modified
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_bytes_same_content_whatever_the_time() {
        let a = Fingerprint::of(b"waterline = 1\n", None);
        let b = Fingerprint::of(b"waterline = 1\n", Some(SystemTime::now()));
        assert!(a.same_content(&b));
    }

    #[test]
    fn one_changed_byte_of_the_same_length_is_a_different_content() {
        let a = Fingerprint::of(b"owner = \"Sam\"", None);
        let b = Fingerprint::of(b"owner = \"Sal\"", None);
        assert_eq!(a.len, b.len);
        assert!(!a.same_content(&b));
    }
}
