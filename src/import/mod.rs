//! Timeline events from files people already have: logs, journald, Slack exports, chat
//! transcripts, CSV and JSON Lines. Offline, streamed, and never naming the terminal.
//!
//! [`Reader`] opens a file (detecting its format for `--as auto`) and yields each event
//! it understood as a [`Candidate`] — time placed, text cleaned of escape sequences and
//! control characters, source named (`app.log:1234`, `slack #inc-412 @maria`) — and each
//! line it did not understand as a [`Problem`] with its line number. [`review`] adds
//! candidates to a review (duplicates left out, chat authors offered as participants);
//! [`preview`] is the indexed view of a file the console's import screen reads.

mod chat;
mod clean;
mod detect;
mod input;
mod messages;
mod parse;
pub mod preview;
mod reader;
pub mod review;
mod slack;
mod slack_text;
mod stamp;
mod table;
mod times;

use serde::Serialize;

pub use messages::ImportError;
pub use reader::Reader;
pub use times::Times;

use crate::model::Timestamp;
use crate::model::zone::Zone;

/// The kinds of file read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Log,
    Journald,
    Slack,
    Chat,
    Csv,
    Jsonl,
}

impl Format {
    pub const ALL: [Format; 6] =
        [Format::Log, Format::Journald, Format::Slack, Format::Chat, Format::Csv, Format::Jsonl];

    /// The name `--as` takes and JSON shows.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Log => "log",
            Format::Journald => "journald",
            Format::Slack => "slack",
            Format::Chat => "chat",
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
        }
    }

    /// What people call it, as it reads in a sentence: "read as a plain log".
    pub fn in_a_sentence(self) -> &'static str {
        match self {
            Format::Log => "a plain log",
            Format::Journald => "journald JSON",
            Format::Slack => "a Slack export",
            Format::Chat => "a chat transcript",
            Format::Csv => "CSV",
            Format::Jsonl => "JSON Lines",
        }
    }

    /// What people call it.
    pub fn label(self) -> &'static str {
        match self {
            Format::Log => "plain log",
            Format::Journald => "journald JSON",
            Format::Slack => "Slack export",
            Format::Chat => "chat transcript",
            Format::Csv => "CSV",
            Format::Jsonl => "JSON Lines",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str().eq_ignore_ascii_case(s.trim()))
    }

    /// Chat and Slack lines are what people said; the rest is what systems did.
    pub fn default_kind(self) -> crate::model::EventKind {
        match self {
            Format::Slack | Format::Chat => crate::model::EventKind::Communication,
            _ => crate::model::EventKind::Observation,
        }
    }
}

/// `--as`: a format, or detection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Auto,
    Only(Format),
}

/// Which CSV columns or JSON fields hold the time, the text and the source; `None` finds
/// them by their usual names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields {
    pub time: Option<String>,
    pub text: Option<String>,
    pub source: Option<String>,
}

/// How times without an offset are read.
#[derive(Debug, Clone)]
pub struct Settings {
    /// `--tz`, else the review's offset, else local time (see [`review::default_zone`]).
    pub zone: Zone,
    /// Where times of day alone start: the review's start (see [`review::reference`]).
    pub reference: Timestamp,
    pub fields: Fields,
}

/// Which events to keep: `--since`, `--until` (both inclusive) and `--grep` (a regular
/// expression, matched against an event's text and what its source says besides the file
/// and line: the unit and host, the channel, the author).
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub since: Option<Timestamp>,
    pub until: Option<Timestamp>,
    pub grep: Option<regex::Regex>,
}

impl Filter {
    pub(crate) fn keeps(&self, at: &Timestamp, said: [Option<&str>; 3]) -> bool {
        self.since.is_none_or(|since| *at >= since)
            && self.until.is_none_or(|until| *at <= until)
            && self
                .grep
                .as_ref()
                .is_none_or(|re| said.into_iter().flatten().any(|s| re.is_match(s)))
    }
}

/// An event read from a file, ready to add.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// The line (or Slack message number) it starts on.
    pub line: u64,
    pub at: Timestamp,
    pub text: String,
    /// Who wrote it, in a chat or Slack.
    pub author: Option<String>,
    pub source: String,
}

/// A line that was not understood: where, why, and a short clean piece of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    pub file: String,
    pub line: u64,
    /// `line`, or `message` for a Slack export (the message's number in its day file).
    pub unit: Unit,
    pub reason: String,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Line,
    Message,
}

/// What a read came to, by line. Every line is in exactly one of `blank`, `ignored`,
/// `not_understood`, `filtered` or the events yielded (continuation lines of a
/// multi-line message count with it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Lines read (Slack: messages).
    pub lines: u64,
    /// Events understood, before `--since` / `--until` / `--grep`.
    pub understood: u64,
    pub blank: u64,
    /// Understood and not events: header rows, joins, topic changes.
    pub ignored: u64,
    pub not_understood: u64,
    /// Understood, and left out by `--since` / `--until` / `--grep`.
    pub filtered: u64,
}

/// What the reader yields, in file order.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Event(Candidate),
    NotUnderstood(Problem),
}
