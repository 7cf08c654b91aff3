//! What the import says: why a file could not be read, why a line was not understood, and
//! notices about what was assumed. One place, so the wording stays plain and blameless.

/// Why a file could not be read at all. Each says what to do instead.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{name}: {source}")]
    Io { name: String, source: std::io::Error },
    #[error("{name} is empty: there is nothing to import")]
    Empty { name: String },
    #[error("{name} has only blank lines: there is nothing to import")]
    OnlyBlank { name: String },
    #[error("{name} looks like a binary file (it has NUL bytes), not text; nothing was imported")]
    Binary { name: String },
    #[error("{name} is {what}; unpack it first ({how}) and import the result")]
    Packed { name: String, what: &'static str, how: &'static str },
    #[error(
        "{name} is UTF-16 text; convert it first (iconv -f UTF-16 -t UTF-8 {name} > {name}.utf8) \
         and import the result"
    )]
    Utf16 { name: String },
    #[error("{name} is a folder; only a Slack export is read from a folder (--as slack)")]
    Folder { name: String },
    #[error("{name} is a folder with no Slack messages in it (no YYYY-MM-DD.json files)")]
    NoSlackFiles { name: String },
    #[error("{name}: {detail}")]
    NotSlack { name: String, detail: String },
    #[error(
        "could not tell what kind of file {name} is; name it with --as log, journald, slack, \
         chat, csv or jsonl"
    )]
    Unrecognised { name: String },
    #[error("{0} cannot be read from standard input; give its file or folder with --from")]
    NotFromStdin(&'static str),
}

impl ImportError {
    pub fn io(path: &std::path::Path, source: std::io::Error) -> Self {
        ImportError::Io { name: shown_path(path), source }
    }
}

/// A path as it may be shown: one line, no control characters.
pub fn shown_path(path: &std::path::Path) -> String {
    crate::model::text::sanitize_line(&path.display().to_string())
}

/// The name of a file without its folder, as an event's source names it (`app.log`).
pub fn file_name(path: &std::path::Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    crate::model::text::sanitize_line(&name.unwrap_or_else(|| path.display().to_string()))
}

pub fn packed_kind(head: &[u8]) -> Option<(&'static str, &'static str)> {
    if head.starts_with(&[0x1f, 0x8b]) {
        Some(("gzip-compressed", "gunzip, or zcat FILE > FILE.txt"))
    } else if head.starts_with(b"PK\x03\x04") {
        Some(("a zip archive (a Slack export is one)", "unzip it, then give the folder"))
    } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Some(("zstd-compressed", "unzstd"))
    } else if head.starts_with(&[0xfd, b'7', b'z', b'X', b'Z', 0]) {
        Some(("xz-compressed", "unxz"))
    } else if head.starts_with(b"BZh") && head.get(3).is_some_and(u8::is_ascii_digit) {
        Some(("bzip2-compressed", "bunzip2"))
    } else {
        None
    }
}

// Why a line was not understood (shown after `file:line:`).

pub const NO_TIME: &str = "no time at the start of the line";
pub const NO_TEXT: &str = "a time with no text after it";
pub const OUT_OF_RANGE: &str = "the time is outside the dates waterline can hold";
pub const NOT_JSON_OBJECT: &str = "not a JSON object";
pub const JOURNALD_NO_TIME: &str = "no __REALTIME_TIMESTAMP (microseconds since 1970)";
pub const JOURNALD_NO_MESSAGE: &str = "no MESSAGE";
pub const CHAT_NO_SPEAKER: &str = "no time and no earlier message to continue";
pub const CHAT_EMPTY: &str = "a message header with no message under it";
pub const CSV_UNCLOSED: &str = "a quoted field that is never closed";
pub const SLACK_NOT_OBJECT: &str = "not a message object";
pub const SLACK_NO_TS: &str = "no ts (the message's time)";
pub const SLACK_BAD_TS: &str = "its ts is not a Slack time (seconds.micros)";
pub const SLACK_NO_TEXT: &str = "no text and no file";

pub fn too_long(bytes: u64, limit: usize) -> String {
    format!(
        "the line is {} long, over the {} a line may be; left out",
        size(bytes),
        size(limit as u64)
    )
}

pub fn bad_json(e: &serde_json::Error) -> String {
    format!("not JSON: {}", crate::model::text::sanitize_line(&e.to_string()))
}

pub fn missing_field(what: &str, field: &str) -> String {
    format!("no {what} in field “{}”", crate::model::text::sanitize_line(field))
}

pub fn unreadable_time(field_value: &str) -> String {
    format!("“{}” is not a time I can read", super::clean::excerpt(field_value, 40))
}

pub fn slack_file_not_list(detail: &str) -> String {
    format!("not a list of Slack messages ({detail})")
}

pub fn columns_missing(what: &str, columns: &[String], flag: &str) -> String {
    let list: Vec<String> =
        columns.iter().map(|c| super::clean::excerpt(c, 30)).filter(|c| !c.is_empty()).collect();
    format!(
        "no column for the {what}; its columns are: {}. Name them with {flag}",
        if list.is_empty() { "(none)".to_string() } else { list.join(", ") }
    )
}

// Notices: what was assumed, shown after the counts.

pub fn lossy(lines: u64, first: u64) -> String {
    format!(
        "{} had bytes that are not UTF-8 (first at line {first}); they were read with � in their place",
        plural(lines, "line", "lines")
    )
}

pub fn skipped_by_clock_change(n: u64, zone: &str) -> String {
    format!(
        "{} fell in the hour {zone} skipped when clocks went forward; read with the offset from before the change",
        plural(n, "time", "times")
    )
}

pub fn repeated_hour(n: u64, zone: &str) -> String {
    format!(
        "{} fell in the hour {zone} repeated when clocks went back; each was read as the reading that keeps the file in order",
        plural(n, "time", "times")
    )
}

pub fn slack_users_missing(name: &str) -> String {
    format!("no users.json beside {name}: authors are shown by their Slack ids")
}

pub fn plural(n: u64, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}

fn size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB {
        format!("{:.1} MiB", bytes as f64 / MIB as f64)
    } else {
        format!("{} KiB", bytes.div_ceil(1024))
    }
}

/// A path we were given, kept for messages.
pub fn path_label(path: &std::path::Path) -> String {
    if path == std::path::Path::new("-") { "standard input".into() } else { shown_path(path) }
}
