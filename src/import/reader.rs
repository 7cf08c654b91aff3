//! The reader: a file opened, its format chosen, and each line turned into an event or a
//! problem as it is read — the stream [`Reader`] yields.

use std::borrow::Cow;
use std::collections::VecDeque;
use std::io::BufRead;
use std::path::Path;

use super::clean::{self, clean_line};
use super::input::{self, Lines, Opened};
use super::messages::{self, ImportError};
use super::parse::{Parser, Raw, Step};
use super::slack::SlackSource;
use super::{
    Candidate, Choice, Counts, Filter, Format, Item, Problem, Settings, Times, Unit, detect,
};
use crate::model::Timestamp;
use crate::model::zone::Zone;

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
                // The whole file is in the head when it is shorter than that.
                let whole = stream.head.len() < input::HEAD;
                if whole && stream.head.iter().all(u8::is_ascii_whitespace) {
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
        let settled = match settle(self.format, &mut self.times, &raw) {
            Ok(settled) => settled,
            Err((reason, excerpt)) => return self.problem(raw.line, reason.into(), excerpt, file),
        };
        self.counts.understood += 1;
        let said = [Some(&*settled.text), settled.detail.as_deref(), settled.author.as_deref()];
        if !self.filter.keeps(&settled.at, said) {
            self.counts.filtered += 1;
            return;
        }
        self.queue.push_back(Item::Event(settled.into_candidate(&self.name, raw.line)));
    }

    fn problem(&mut self, line: u64, reason: String, text: String, file: Option<String>) {
        self.counts.not_understood += 1;
        let unit = if file.is_some() { Unit::Message } else { Unit::Line };
        let file = file.unwrap_or_else(|| self.name.clone());
        self.queue.push_back(Item::NotUnderstood(Problem { file, line, unit, reason, text }));
    }
}

/// An entry made ready to add: text cleaned and time placed; its source is named only
/// when it is kept, so a line a filter leaves out costs no allocation.
pub(super) struct Settled<'a> {
    pub at: Timestamp,
    pub text: Cow<'a, str>,
    pub author: Option<Cow<'a, str>>,
    pub detail: Option<Cow<'a, str>>,
    format: Format,
}

impl Settled<'_> {
    /// The event, with its source: `app.log:12 unit @author`, `slack #channel @handle`.
    pub fn into_candidate(self, name: &str, line: u64) -> Candidate {
        let source = match self.format {
            Format::Slack => format!("slack {}", self.detail.as_deref().unwrap_or("")),
            _ => {
                let mut source = format!("{name}:{line}");
                if let Some(detail) = &self.detail {
                    source.push(' ');
                    source.push_str(detail);
                }
                if let Some(author) = &self.author {
                    source.push_str(" @");
                    source.push_str(author);
                }
                source
            }
        };
        Candidate {
            line,
            at: self.at,
            text: self.text.into_owned(),
            author: self.author.map(Cow::into_owned),
            source,
        }
    }
}

/// Cleans an entry's text and places its time; or says why it cannot be an event, with a
/// clean piece of it. Shared by the reader and the preview, so both read a file the same
/// way.
pub(super) fn settle<'a>(
    format: Format,
    times: &mut Times,
    raw: &'a Raw<'a>,
) -> Result<Settled<'a>, (&'static str, String)> {
    let text = clean_line(&raw.text);
    if text.is_empty() {
        return Err((messages::NO_TEXT, clean::excerpt(&raw.text, 80)));
    }
    let Some(at) = times.place(&raw.when) else {
        return Err((messages::OUT_OF_RANGE, clean::excerpt(&text, 80)));
    };
    let author = raw.author.as_deref().map(clean_line).filter(|a| !a.is_empty());
    let detail = raw.detail.as_deref().map(clean_line).filter(|d| !d.is_empty());
    Ok(Settled { at, text, author, detail, format })
}
