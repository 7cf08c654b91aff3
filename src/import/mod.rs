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
// pub mod preview;
pub mod review;
mod slack;
mod slack_text;
mod stamp;
mod table;
mod times;

use std::collections::VecDeque;
use std::io::BufRead;
use std::path::Path;

use serde::Serialize;

pub use messages::ImportError;
pub use times::Times;

use crate::model::Timestamp;
use crate::model::zone::Zone;
use clean::clean_line;
use input::{Lines, Opened};
use parse::{Parser, Raw, Step};
use slack::SlackSource;

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
/// expression, matched against an event's text and its source).
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub since: Option<Timestamp>,
    pub until: Option<Timestamp>,
    pub grep: Option<regex::Regex>,
}

impl Filter {
    fn keeps(&self, at: &Timestamp, text: &str, source: &str) -> bool {
        self.since.is_none_or(|since| *at >= since)
            && self.until.is_none_or(|until| *at <= until)
            && self.grep.as_ref().is_none_or(|re| re.is_match(text) || re.is_match(source))
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

/// A file being read, one event at a time.
pub struct Reader {
    source: Source,
    sink: Sink,
    head: Vec<u8>,
    finished: bool,
}

enum Source {
    Lines { lines: Lines<Box<dyn BufRead + Send>>, parser: Parser },
    Slack(SlackSource),
}

/// Where steps become items: times placed, text cleaned, filters applied, counts kept.
struct Sink {
    format: Format,
    name: String,
    label: String,
    times: Times,
    filter: Filter,
    counts: Counts,
    queue: VecDeque<Item>,
    stopped: Option<String>,
}

impl Reader {
    /// Opens `from` (a file, a Slack export folder, or `-` for standard input).
    pub fn open(
        from: &Path,
        choice: Choice,
        settings: &Settings,
        filter: Filter,
    ) -> Result<Reader, ImportError> {
        let times = Times::new(settings.zone, settings.reference);
        let sink = |format, name: String, label: String| Sink {
            format,
            name,
            label,
            times: times.clone(),
            filter: filter.clone(),
            counts: Counts::default(),
            queue: VecDeque::new(),
            stopped: None,
        };
        let label = messages::path_label(from);
        match input::open(from)? {
            Opened::Folder(path) => match choice {
                Choice::Auto | Choice::Only(Format::Slack) => {
                    let slack = SlackSource::open(&path)?;
                    let sink = sink(Format::Slack, messages::file_name(&path), label);
                    Ok(Reader {
                        source: Source::Slack(slack),
                        sink,
                        head: Vec::new(),
                        finished: false,
                    })
                }
                Choice::Only(_) => Err(ImportError::Folder { name: label }),
            },
            Opened::Stream(stream) => {
                if stream.head.iter().all(u8::is_ascii_whitespace) {
                    return Err(ImportError::OnlyBlank { name: label });
                }
                let format = match choice {
                    Choice::Only(format) => format,
                    Choice::Auto => detect::detect(&stream.head, stream.path.as_deref())
                        .ok_or_else(|| ImportError::Unrecognised { name: label.clone() })?,
                };
                let sink = sink(format, stream.name, label);
                let source = match Parser::new(format, &settings.fields) {
                    Some(parser) => Source::Lines { lines: Lines::new(stream.reader), parser },
                    None => match &stream.path {
                        Some(path) => Source::Slack(SlackSource::open(path)?),
                        None => return Err(ImportError::NotFromStdin("a Slack export")),
                    },
                };
                Ok(Reader { source, sink, head: stream.head, finished: false })
            }
        }
    }

    pub fn format(&self) -> Format {
        self.sink.format
    }

    /// How events name the file (`app.log`).
    pub fn name(&self) -> &str {
        &self.sink.name
    }

    pub fn zone(&self) -> Zone {
        self.sink.times.zone()
    }

    pub fn counts(&self) -> Counts {
        self.sink.counts
    }

    /// Why reading stopped before the end, if it did (a CSV with no time column, a read
    /// error).
    pub fn stopped(&self) -> Option<&str> {
        self.sink.stopped.as_deref()
    }

    /// What was assumed while reading: bytes that are not UTF-8, times in a skipped or
    /// repeated hour, authors without names. Complete once the reader is exhausted.
    pub fn notices(&self) -> Vec<String> {
        let mut notices = Vec::new();
        if let Source::Lines { lines, .. } = &self.source
            && let Some(first) = lines.first_lossy
        {
            notices.push(messages::lossy(lines.lossy, first));
        }
        if let Source::Slack(slack) = &self.source {
            notices.extend(slack.notices.iter().cloned());
        }
        let zone = self.sink.times.zone().label();
        if self.sink.times.skipped > 0 {
            notices.push(messages::skipped_by_clock_change(self.sink.times.skipped, &zone));
        }
        if self.sink.times.repeated > 0 {
            notices.push(messages::repeated_hour(self.sink.times.repeated, &zone));
        }
        notices
    }

    /// When nothing was understood: the format the file's content suggests instead, if
    /// it is another one ("this looks like a plain log: try --as log").
    pub fn suggestion(&self) -> Option<Format> {
        detect::detect(&self.head, None).filter(|f| *f != self.sink.format)
    }

    /// Reads until at least one item is ready or the input ends.
    fn advance(&mut self) {
        let sink = &mut self.sink;
        match &mut self.source {
            Source::Lines { lines, parser } => match lines.next_line() {
                Err(e) => {
                    sink.stopped = Some(format!("{}: {e}", sink.label));
                    self.finished = true;
                }
                Ok(None) => {
                    if let Some(step) = parser.finish() {
                        sink.take(step, None);
                    }
                    self.finished = true;
                }
                Ok(Some(line)) => {
                    sink.counts.lines += 1;
                    if let Some(length) = line.too_long {
                        let reason = messages::too_long(length, input::MAX_LINE);
                        let step = Step::Problem {
                            line: line.number,
                            reason: reason.into(),
                            excerpt: String::new(),
                        };
                        sink.take(step, None);
                    } else {
                        let step = parser.line(&line.text, line.number);
                        sink.take(step, None);
                        while let Some(step) = parser.queued() {
                            sink.take(step, None);
                        }
                    }
                }
            },
            Source::Slack(slack) => match slack.next_step() {
                None => self.finished = true,
                Some(step) => {
                    if !matches!(step.step, Step::Problem { line: 0, .. }) {
                        sink.counts.lines += 1;
                    }
                    sink.take(step.step, Some(step.file));
                }
            },
        }
        if self.sink.stopped.is_some() {
            self.finished = true;
        }
    }
}

impl Iterator for Reader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.sink.queue.pop_front() {
                return Some(item);
            }
            if self.finished {
                return None;
            }
            self.advance();
        }
    }
}

impl Sink {
    /// `file` names a Slack day file; line formats use the reader's own name.
    fn take(&mut self, step: Step<'_>, file: Option<String>) {
        match step {
            Step::Entry(raw) => self.entry(raw, file),
            Step::Blank => self.counts.blank += 1,
            Step::Pending => {}
            Step::Ignored => self.counts.ignored += 1,
            Step::Problem { line, reason, excerpt } => {
                self.problem(line, reason.into_owned(), excerpt, file)
            }
            Step::Stop(message) => self.stopped = Some(message),
        }
    }

    fn entry(&mut self, raw: Raw<'_>, file: Option<String>) {
        let text = clean_line(&raw.text);
        if text.is_empty() {
            let excerpt = clean::excerpt(&raw.text, 80);
            return self.problem(raw.line, messages::NO_TEXT.into(), excerpt, file);
        }
        let Some(at) = self.times.place(&raw.when) else {
            return self.problem(
                raw.line,
                messages::OUT_OF_RANGE.into(),
                clean::excerpt(&text, 80),
                file,
            );
        };
        self.counts.understood += 1;
        let author = raw.author.as_deref().map(clean_line).filter(|a| !a.is_empty());
        let detail = raw.detail.as_deref().map(clean_line).filter(|d| !d.is_empty());
        let source = match self.format {
            Format::Slack => format!("slack {}", detail.as_deref().unwrap_or("")),
            _ => {
                let mut source = format!("{}:{}", self.name, raw.line);
                if let Some(detail) = &detail {
                    source.push(' ');
                    source.push_str(detail);
                }
                if let Some(author) = &author {
                    source.push_str(" @");
                    source.push_str(author);
                }
                source
            }
        };
        if !self.filter.keeps(&at, &text, &source) {
            self.counts.filtered += 1;
            return;
        }
        self.queue.push_back(Item::Event(Candidate {
            line: raw.line,
            at,
            text: text.into_owned(),
            author: author.map(|a| a.into_owned()),
            source,
        }));
    }

    fn problem(&mut self, line: u64, reason: String, text: String, file: Option<String>) {
        self.counts.not_understood += 1;
        let unit = if file.is_some() { Unit::Message } else { Unit::Line };
        let file = file.unwrap_or_else(|| self.name.clone());
        self.queue.push_back(Item::NotUnderstood(Problem { file, line, unit, reason, text }));
    }
}
