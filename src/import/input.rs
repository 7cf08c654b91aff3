//! Opening what `--from` names and reading it line by line in bounded memory: a line is
//! held only while it is read, and a line over [`MAX_LINE`] is counted and skipped, never
//! held whole. Files that are not text (compressed, binary, UTF-16, empty) are refused
//! before any line is read.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use super::messages::{self, ImportError};

/// The longest line read; longer ones are reported and skipped (a 10 MB line is a dump,
/// not an event).
pub const MAX_LINE: usize = 1024 * 1024;

/// How much of the start of a file is looked at to tell what it is.
pub const HEAD: usize = 64 * 1024;

const BUFFER: usize = 256 * 1024;

/// What `--from` named.
pub enum Opened {
    /// A folder: only a Slack export is read from one.
    Folder(PathBuf),
    Stream(Stream),
}

/// A text file or standard input, with its first bytes kept aside for detection.
pub struct Stream {
    pub reader: Box<dyn BufRead + Send>,
    /// How events name it (`app.log`).
    pub name: String,
    pub path: Option<PathBuf>,
    pub head: Vec<u8>,
    /// Bytes at the start that are not lines (a byte-order mark): offsets count from after.
    pub skip: u64,
}

/// Opens a file (or `-`, standard input) and refuses what is not text.
pub fn open(path: &Path) -> Result<Opened, ImportError> {
    let label = messages::path_label(path);
    let (raw, name, file_path): (Box<dyn Read + Send>, String, Option<PathBuf>) =
        if path == Path::new("-") {
            (Box::new(io::stdin()), "stdin".to_string(), None)
        } else {
            let meta = std::fs::metadata(path).map_err(|e| ImportError::io(path, e))?;
            if meta.is_dir() {
                return Ok(Opened::Folder(path.to_path_buf()));
            }
            let file = File::open(path).map_err(|e| ImportError::io(path, e))?;
            (Box::new(file), messages::file_name(path), Some(path.to_path_buf()))
        };
    let (head, rest) = read_head(raw).map_err(|e| ImportError::io(path, e))?;
    check_text(&head, &label)?;
    let skip = if head.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
    let start = Cursor::new(head.get(skip..).unwrap_or_default().to_vec());
    let reader = Box::new(BufReader::with_capacity(BUFFER, start.chain(rest)));
    Ok(Opened::Stream(Stream { reader, name, path: file_path, head, skip: skip as u64 }))
}

/// Refuses an empty file, a packed one, UTF-16 and binary data.
pub fn check_text(head: &[u8], label: &str) -> Result<(), ImportError> {
    let name = label.to_string();
    if head.is_empty() {
        return Err(ImportError::Empty { name });
    }
    if let Some((what, how)) = messages::packed_kind(head) {
        return Err(ImportError::Packed { name, what, how });
    }
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return Err(ImportError::Utf16 { name });
    }
    if memchr::memchr(0, head).is_some() {
        return Err(ImportError::Binary { name });
    }
    Ok(())
}

fn read_head(mut raw: Box<dyn Read + Send>) -> io::Result<(Vec<u8>, Box<dyn Read + Send>)> {
    let mut head = vec![0; HEAD];
    let mut filled = 0;
    while filled < HEAD {
        match raw.read(&mut head[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    head.truncate(filled);
    Ok((head, raw))
}

/// One line as read: its number (from 1) and its text without the line ending, read
/// lossily when it is not UTF-8.
pub struct Line<'a> {
    pub number: u64,
    pub text: Cow<'a, str>,
    /// Set instead of the text when the line was longer than the limit: its length.
    pub too_long: Option<u64>,
}

/// Lines of a reader, one at a time, each at most `max` bytes held.
pub struct Lines<R> {
    inner: R,
    buf: Vec<u8>,
    number: u64,
    offset: u64,
    max: usize,
    /// Lines that had bytes that are not UTF-8, and the first of them.
    pub lossy: u64,
    pub first_lossy: Option<u64>,
}

impl<R: BufRead> Lines<R> {
    pub fn new(inner: R) -> Self {
        Self::starting_at(inner, 0, 0)
    }

    /// Lines of a reader already positioned at `offset`, after line `number`.
    pub fn starting_at(inner: R, offset: u64, number: u64) -> Self {
        Lines { inner, buf: Vec::new(), number, offset, max: MAX_LINE, lossy: 0, first_lossy: None }
    }

    /// The next line, or `None` at the end.
    pub fn next_line(&mut self) -> io::Result<Option<Line<'_>>> {
        self.buf.clear();
        let mut total: u64 = 0;
        let mut too_long = false;
        let mut ended = false;
        loop {
            let available = match self.inner.fill_buf() {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                break;
            }
            let (take, done) = match memchr::memchr(b'\n', available) {
                Some(i) => (i + 1, true),
                None => (available.len(), false),
            };
            if !too_long {
                if self.buf.len() + take > self.max + 2 {
                    too_long = true;
                    self.buf = Vec::new();
                } else {
                    self.buf.extend_from_slice(&available[..take]);
                }
            }
            total += take as u64;
            self.inner.consume(take);
            if done {
                ended = true;
                break;
            }
        }
        if total == 0 {
            return Ok(None);
        }
        self.number += 1;
        self.offset += total;
        if too_long {
            // The length shown leaves the line break out.
            let length = total - u64::from(ended);
            let line =
                Line { number: self.number, text: Cow::Borrowed(""), too_long: Some(length) };
            return Ok(Some(line));
        }
        let mut end = self.buf.len();
        if self.buf.get(end.wrapping_sub(1)) == Some(&b'\n') {
            end -= 1;
        }
        if self.buf.get(end.wrapping_sub(1)) == Some(&b'\r') {
            end -= 1;
        }
        let bytes = &self.buf[..end];
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => Cow::Borrowed(text),
            Err(_) => {
                self.lossy += 1;
                self.first_lossy.get_or_insert(self.number);
                String::from_utf8_lossy(bytes)
            }
        };
        Ok(Some(Line { number: self.number, text, too_long: None }))
    }

    /// Where the next line starts, and how many lines have been read.
    pub fn position(&self) -> (u64, u64) {
        (self.offset, self.number)
    }

    #[cfg(test)]
    pub fn with_limit(mut self, max: usize) -> Self {
        self.max = max;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(bytes: &[u8], max: usize) -> Vec<(u64, u64, String, Option<u64>)> {
        let mut lines = Lines::new(Cursor::new(bytes.to_vec())).with_limit(max);
        let mut out = Vec::new();
        loop {
            let (offset, _) = lines.position();
            let Some(line) = lines.next_line().unwrap() else { break };
            out.push((line.number, offset, line.text.into_owned(), line.too_long));
        }
        out
    }

    #[test]
    fn lines_are_numbered_with_their_offsets_and_endings_removed() {
        let got = all(b"one\r\ntwo\n\nlast", 100);
        assert_eq!(
            got,
            vec![
                (1, 0, "one".into(), None),
                (2, 5, "two".into(), None),
                (3, 9, "".into(), None),
                (4, 10, "last".into(), None)
            ]
        );
    }

    #[test]
    fn a_line_over_the_limit_is_reported_by_length_and_not_held() {
        let mut text = b"short\n".to_vec();
        text.extend(std::iter::repeat_n(b'x', 5000));
        text.extend(b"\nafter\n");
        let got = all(&text, 100);
        assert_eq!(got[1], (2, 6, String::new(), Some(5000)));
        assert_eq!(got[2], (3, 5007, "after".into(), None));
    }

    #[test]
    fn invalid_utf8_is_read_lossily_and_counted() {
        let mut lines = Lines::new(Cursor::new(b"ok\nbad \xff here\nbad \xc3\n".to_vec()));
        let mut texts = Vec::new();
        while let Some(line) = lines.next_line().unwrap() {
            texts.push(line.text.into_owned());
        }
        assert_eq!(texts, ["ok", "bad \u{FFFD} here", "bad \u{FFFD}"]);
        assert_eq!((lines.lossy, lines.first_lossy), (2, Some(2)));
    }

    #[test]
    fn check_text_refuses_what_is_not_text() {
        let name = "f";
        assert!(matches!(check_text(b"", name), Err(ImportError::Empty { .. })));
        assert!(matches!(check_text(b"\x1f\x8b\x08rest", name), Err(ImportError::Packed { .. })));
        assert!(matches!(check_text(b"PK\x03\x04", name), Err(ImportError::Packed { .. })));
        assert!(matches!(check_text(b"\xff\xfe1\x002\x00", name), Err(ImportError::Utf16 { .. })));
        assert!(matches!(check_text(b"ELF\x00\x01", name), Err(ImportError::Binary { .. })));
        assert!(check_text(b"2026-03-01 14:00 ok\n", name).is_ok());
    }

    #[test]
    fn open_strips_a_byte_order_mark() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bom.log");
        std::fs::write(&path, b"\xEF\xBB\xBF14:32 first\n").unwrap();
        let Ok(Opened::Stream(stream)) = open(&path) else { panic!("opens") };
        let mut lines = Lines::new(stream.reader);
        assert_eq!(lines.next_line().unwrap().unwrap().text, "14:32 first");
        assert_eq!(stream.name, "bom.log");
    }
}
