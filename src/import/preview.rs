//! An indexed, streaming view of a file, for the console's import screen: open a file,
//! index it a slice at a time (so a 100,000-line log opens without a pause), read any
//! window of rows parsed exactly as `waterline import` would read them, filter by text,
//! tick rows, and see where the ticked events fall among the review's own.
//!
//! Memory: the index keeps, every [`CHECKPOINT`] lines, the byte offset and the parser's
//! and clock's state there (so a window is parsed from the checkpoint before it, never
//! from the top); a filter keeps one bit a line; ticks keep their row numbers. A window's
//! rows are read from disk when asked for. A Slack export is the exception: its messages
//! are held, since an export is read one day file at a time and has no lines to seek to.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fs::File;
use std::io::{self, BufReader, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use super::clean::{clean_line, excerpt};
use super::input::{self, Lines, Opened};
use super::messages::{self, ImportError};
use super::parse::{Parser, Step};
use super::reader::settle;
use super::slack::SlackSource;
use super::{Candidate, Choice, Format, Settings, Times, detect};
use crate::model::{Event, Timestamp};

/// Lines between two saved parser states.
pub const CHECKPOINT: u64 = 256;
/// Rows between two running totals of filter matches.
const BLOCK: u64 = 4096;

/// One row of the file as the screen shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// From 0, in file order: what ticks and windows count in.
    pub row: u64,
    /// The line in the file (a Slack message's number in its day file).
    pub line: u64,
    /// The line as it is in the file, cleaned for display.
    pub text: String,
    pub reading: Reading,
}

/// What a row came to.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    Event(Candidate),
    /// Part of the message that starts on an earlier row (a wrapped chat message).
    Continues,
    Blank,
    /// Understood and not an event: a header row, a join.
    Ignored,
    NotUnderstood(String),
}

/// How far indexing or filtering has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub rows: u64,
    pub done: bool,
}

pub struct Preview {
    format: Format,
    body: Body,
    filter: Option<TextFilter>,
    ticked: BTreeSet<u64>,
}

enum Body {
    Lines(Box<Indexed>),
    Held(Vec<Row>),
}

impl Preview {
    /// Opens a file (or a Slack export folder) for previewing. Nothing is indexed yet
    /// beyond what detection read; call [`Preview::index_more`].
    pub fn open(path: &Path, choice: Choice, settings: &Settings) -> Result<Preview, ImportError> {
        let label = messages::path_label(path);
        let times = Times::new(settings.zone, settings.reference);
        let held = |path: &Path| -> Result<Preview, ImportError> {
            let rows = held_rows(SlackSource::open(path)?, times.clone());
            Ok(Preview {
                format: Format::Slack,
                body: Body::Held(rows),
                filter: None,
                ticked: BTreeSet::new(),
            })
        };
        match input::open(path)? {
            Opened::Folder(path) => match choice {
                Choice::Auto | Choice::Only(Format::Slack) => held(&path),
                Choice::Only(_) => Err(ImportError::Folder { name: label }),
            },
            Opened::Stream(stream) => {
                let Some(file) = stream.path.clone() else {
                    return Err(ImportError::NotFromStdin("a preview"));
                };
                let format = match choice {
                    Choice::Only(format) => format,
                    Choice::Auto => detect::detect(&stream.head, Some(&file))
                        .ok_or(ImportError::Unrecognised { name: label })?,
                };
                let Some(parser) = Parser::new(format, &settings.fields) else {
                    return held(&file);
                };
                let indexed = Indexed::new(file, stream.skip, stream.name, format, parser, times)
                    .map_err(|e| ImportError::io(path, e))?;
                Ok(Preview {
                    format,
                    body: Body::Lines(Box::new(indexed)),
                    filter: None,
                    ticked: BTreeSet::new(),
                })
            }
        }
    }

    pub fn format(&self) -> Format {
        self.format
    }

    /// Indexes about `budget` more bytes; call until `done` (the screen can draw between).
    pub fn index_more(&mut self, budget: u64) -> io::Result<Progress> {
        match &mut self.body {
            Body::Lines(indexed) => indexed.index_more(budget),
            Body::Held(rows) => Ok(Progress { rows: rows.len() as u64, done: true }),
        }
    }

    pub fn index_all(&mut self) -> io::Result<Progress> {
        loop {
            let progress = self.index_more(1 << 24)?;
            if progress.done {
                return Ok(progress);
            }
        }
    }

    /// Rows indexed so far.
    pub fn rows(&self) -> u64 {
        match &self.body {
            Body::Lines(indexed) => indexed.rows,
            Body::Held(rows) => rows.len() as u64,
        }
    }

    /// Shows only rows whose text contains `text` (any case); an empty text shows all.
    /// The filter fills in as [`Preview::filter_more`] is called.
    pub fn set_filter(&mut self, text: &str) {
        let needle = clean_line(text).to_lowercase();
        self.filter = (!needle.is_empty()).then(|| TextFilter::new(needle));
    }

    /// Filters about `budget` more rows.
    pub fn filter_more(&mut self, budget: u64) -> io::Result<Progress> {
        let Some(filter) = &mut self.filter else {
            return Ok(Progress { rows: self.rows(), done: true });
        };
        filter.scan(&self.body, budget)
    }

    pub fn filter_all(&mut self) -> io::Result<Progress> {
        loop {
            let progress = self.filter_more(1 << 20)?;
            if progress.done {
                return Ok(progress);
            }
        }
    }

    /// Rows the filter shows (so far), or every row indexed.
    pub fn visible(&self) -> u64 {
        self.filter.as_ref().map_or_else(|| self.rows(), |f| f.matches)
    }

    /// Up to `count` visible rows from the `first` visible one, parsed.
    pub fn window(&self, first: u64, count: usize) -> io::Result<Vec<Row>> {
        let rows: Vec<u64> = (first..first.saturating_add(count as u64))
            .map_while(|k| self.nth_visible(k))
            .collect();
        self.read(&rows)
    }

    /// Ticks or unticks a row; only an event can be ticked. Returns whether it is ticked
    /// now, or `None` for a row that is not an event.
    pub fn toggle(&mut self, row: u64) -> io::Result<Option<bool>> {
        let is_event =
            self.read(&[row])?.first().is_some_and(|r| matches!(r.reading, Reading::Event(_)));
        if !is_event {
            return Ok(None);
        }
        Ok(Some(if self.ticked.remove(&row) { false } else { self.ticked.insert(row) }))
    }

    /// Ticks every event the filter shows; returns how many were newly ticked.
    pub fn tick_visible(&mut self) -> io::Result<u64> {
        let mut added = 0;
        let mut first = 0;
        while first < self.visible() {
            for row in self.window(first, 1024)? {
                if matches!(row.reading, Reading::Event(_)) && self.ticked.insert(row.row) {
                    added += 1;
                }
            }
            first += 1024;
        }
        Ok(added)
    }

    pub fn clear_ticks(&mut self) {
        self.ticked.clear();
    }

    pub fn ticked(&self) -> &BTreeSet<u64> {
        &self.ticked
    }

    /// The ticked events, in file order, as `waterline import` would add them.
    pub fn ticked_events(&self) -> io::Result<Vec<Candidate>> {
        let rows: Vec<u64> = self.ticked.iter().copied().collect();
        Ok(self
            .read(&rows)?
            .into_iter()
            .filter_map(|r| match r.reading {
                Reading::Event(c) => Some(c),
                _ => None,
            })
            .collect())
    }

    fn nth_visible(&self, k: u64) -> Option<u64> {
        match &self.filter {
            None => (k < self.rows()).then_some(k),
            Some(filter) => filter.nth(k),
        }
    }

    fn read(&self, rows: &[u64]) -> io::Result<Vec<Row>> {
        match &self.body {
            Body::Lines(indexed) => indexed.read(rows),
            Body::Held(held) => {
                Ok(rows.iter().filter_map(|&r| held.get(r as usize).cloned()).collect())
            }
        }
    }
}

/// Where a ticked event falls among the review's own.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub at: Timestamp,
    pub place: Place,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Existing {
        id: String,
    },
    New {
        row: u64,
    },
    /// The same time and text as an event already there (or ticked before it): it would
    /// not be added.
    Duplicate {
        row: u64,
    },
}

/// The review's events and the ticked ones (with their rows) in one time-ordered list; an
/// existing event comes first at the same instant, as the timeline keeps them.
pub fn placement(existing: &[Event], ticked: &[(u64, Candidate)]) -> Vec<Placed> {
    let mut seen: HashSet<(i64, &str)> =
        existing.iter().map(|e| (e.at.timestamp(), e.text.as_str())).collect();
    let mut all: Vec<(Timestamp, u8, Place)> =
        existing.iter().map(|e| (e.at, 0, Place::Existing { id: e.id.clone() })).collect();
    for (row, c) in ticked {
        let place = if seen.insert((c.at.timestamp(), c.text.as_str())) {
            Place::New { row: *row }
        } else {
            Place::Duplicate { row: *row }
        };
        all.push((c.at, 1, place));
    }
    all.sort_by_key(|(at, order, _)| (*at, *order));
    all.into_iter().map(|(at, _, place)| Placed { at, place }).collect()
}

// ---------------------------------------------------------------------------------------
// A line-based file, indexed

struct Indexed {
    path: PathBuf,
    /// Bytes before the first line (a byte-order mark).
    skip: u64,
    name: String,
    format: Format,
    checkpoints: Vec<Checkpoint>,
    rows: u64,
    frontier: Option<Frontier>,
}

#[derive(Clone)]
struct Checkpoint {
    offset: u64,
    parser: Parser,
    times: Times,
}

struct Frontier {
    lines: Lines<BufReader<File>>,
    parser: Parser,
    times: Times,
}

impl Indexed {
    fn new(
        path: PathBuf,
        skip: u64,
        name: String,
        format: Format,
        parser: Parser,
        times: Times,
    ) -> io::Result<Indexed> {
        let lines = open_at(&path, skip, 0, 0)?;
        let frontier = Some(Frontier { lines, parser, times });
        Ok(Indexed { path, skip, name, format, checkpoints: Vec::new(), rows: 0, frontier })
    }

    fn index_more(&mut self, budget: u64) -> io::Result<Progress> {
        let Some(front) = &mut self.frontier else {
            return Ok(Progress { rows: self.rows, done: true });
        };
        let (start, _) = front.lines.position();
        loop {
            let (offset, number) = front.lines.position();
            if offset - start >= budget {
                return Ok(Progress { rows: self.rows, done: false });
            }
            if number.is_multiple_of(CHECKPOINT) {
                let (parser, times) = (front.parser.clone(), front.times.clone());
                self.checkpoints.push(Checkpoint { offset, parser, times });
            }
            let Some(line) = front.lines.next_line()? else { break };
            self.rows = line.number;
            if line.too_long.is_none() {
                let step = front.parser.line(&line.text, line.number);
                advance(self.format, &mut front.times, step);
                while let Some(step) = front.parser.queued() {
                    advance(self.format, &mut front.times, step);
                }
            }
        }
        if let Some(step) = front.parser.finish() {
            advance(self.format, &mut front.times, step);
        }
        self.frontier = None;
        Ok(Progress { rows: self.rows, done: true })
    }

    /// Rows (sorted) parsed from the checkpoints before them; rows not indexed yet are
    /// left out.
    fn read(&self, rows: &[u64]) -> io::Result<Vec<Row>> {
        let mut out = Vec::with_capacity(rows.len());
        let mut i = 0;
        while i < rows.len() {
            let index = rows[i] / CHECKPOINT;
            let Some(checkpoint) = self.checkpoints.get(index as usize) else { break };
            // Rows close after one another are read in one pass.
            let mut j = i + 1;
            while j < rows.len() && rows[j] < rows[j - 1] + CHECKPOINT {
                j += 1;
            }
            out.extend(self.pass(checkpoint, index * CHECKPOINT, &rows[i..j])?);
            i = j;
        }
        out.retain(|r| r.row < self.rows);
        Ok(out)
    }

    /// Reads from a checkpoint through the wanted rows (and on, while a message that
    /// started among them is still open), parsing as the reader would.
    fn pass(
        &self,
        checkpoint: &Checkpoint,
        first_row: u64,
        wanted: &[u64],
    ) -> io::Result<Vec<Row>> {
        let mut lines = open_at(&self.path, self.skip, checkpoint.offset, first_row)?;
        let (mut parser, mut times) = (checkpoint.parser.clone(), checkpoint.times.clone());
        let wanted_set: BTreeSet<u64> = wanted.iter().copied().collect();
        let last = wanted.last().copied().unwrap_or(first_row);
        let mut texts: BTreeMap<u64, String> = BTreeMap::new();
        let mut readings = Readings::default();
        while let Some(line) = lines.next_line()? {
            let row = line.number - 1;
            if wanted_set.contains(&row) {
                texts.insert(row, clean_line(&line.text).into_owned());
            }
            if let Some(length) = line.too_long {
                readings
                    .set(row, Reading::NotUnderstood(messages::too_long(length, input::MAX_LINE)));
            } else {
                let step = parser.line(&line.text, line.number);
                readings.step(self.format, &self.name, &mut times, step, row);
                while let Some(step) = parser.queued() {
                    readings.step(self.format, &self.name, &mut times, step, row);
                }
            }
            let open = parser.open_since().is_some_and(|l| l <= last + 1);
            if row >= last && (!open || row >= last + CHECKPOINT) {
                break;
            }
        }
        if let Some(step) = parser.finish() {
            readings.step(self.format, &self.name, &mut times, step, last);
        }
        Ok(wanted
            .iter()
            .filter_map(|&row| {
                let text = texts.remove(&row)?;
                Some(Row { row, line: row + 1, text, reading: readings.take(row) })
            })
            .collect())
    }
}

/// What each row came to during a pass: a row's own step, then what later steps said of
/// it (a chat message completes on the row after it).
#[derive(Default)]
struct Readings {
    own: BTreeMap<u64, Reading>,
    settled: BTreeMap<u64, Reading>,
}

impl Readings {
    fn step(&mut self, format: Format, name: &str, times: &mut Times, step: Step<'_>, row: u64) {
        match step {
            Step::Entry(raw) => {
                let at = raw.line.saturating_sub(1);
                let reading = match settle(format, times, &raw) {
                    Ok(settled) => Reading::Event(settled.into_candidate(name, raw.line)),
                    Err((reason, _)) => Reading::NotUnderstood(reason.to_string()),
                };
                self.settled.insert(at, reading);
                self.own.entry(row).or_insert(Reading::Continues);
            }
            Step::Blank => self.set(row, Reading::Blank),
            Step::Ignored => self.set(row, Reading::Ignored),
            Step::Pending => self.set(row, Reading::Continues),
            Step::Problem { line, reason, .. } => {
                self.settled
                    .insert(line.saturating_sub(1), Reading::NotUnderstood(reason.into_owned()));
            }
            Step::Stop(message) => self.set(row, Reading::NotUnderstood(message)),
        }
    }

    fn set(&mut self, row: u64, reading: Reading) {
        self.own.insert(row, reading);
    }

    fn take(&mut self, row: u64) -> Reading {
        self.settled.remove(&row).or_else(|| self.own.remove(&row)).unwrap_or(Reading::Continues)
    }
}

/// Moves the clock on for a step while indexing, as the reader would.
fn advance(format: Format, times: &mut Times, step: Step<'_>) {
    if let Step::Entry(raw) = step {
        let _ = settle(format, times, &raw);
    }
}

fn open_at(path: &Path, skip: u64, offset: u64, row: u64) -> io::Result<Lines<BufReader<File>>> {
    let mut file = File::open(path)?;
    file.seek(SeekFrom::Start(skip + offset))?;
    Ok(Lines::starting_at(BufReader::with_capacity(64 * 1024, file), offset, row))
}

/// A Slack export's messages as rows.
fn held_rows(mut slack: SlackSource, mut times: Times) -> Vec<Row> {
    let mut rows = Vec::new();
    while let Some(step) = slack.next_step() {
        let row = rows.len() as u64;
        let (line, text, reading) = match step.step {
            Step::Entry(raw) => match settle(Format::Slack, &mut times, &raw) {
                Ok(settled) => {
                    let text = settled.text.to_string();
                    (raw.line, text, Reading::Event(settled.into_candidate("", raw.line)))
                }
                Err((reason, text)) => (raw.line, text, Reading::NotUnderstood(reason.into())),
            },
            Step::Problem { line, reason, excerpt: text } => {
                let text = if text.is_empty() { excerpt(&step.file, 80) } else { text };
                (line, text, Reading::NotUnderstood(reason.into_owned()))
            }
            Step::Ignored => (0, String::new(), Reading::Ignored),
            _ => continue,
        };
        rows.push(Row { row, line, text, reading });
    }
    rows
}

// ---------------------------------------------------------------------------------------
// The text filter: one bit a row

struct TextFilter {
    needle: String,
    bits: Vec<u64>,
    scanned: u64,
    matches: u64,
    /// Matches before each block of [`BLOCK`] rows, so the k-th match is found quickly.
    starts: Vec<u64>,
    reader: Option<Lines<BufReader<File>>>,
}

impl TextFilter {
    fn new(needle: String) -> TextFilter {
        TextFilter {
            needle,
            bits: Vec::new(),
            scanned: 0,
            matches: 0,
            starts: Vec::new(),
            reader: None,
        }
    }

    fn scan(&mut self, body: &Body, budget: u64) -> io::Result<Progress> {
        let end = self.scanned + budget;
        match body {
            Body::Held(rows) => {
                while self.scanned < end {
                    let Some(row) = rows.get(self.scanned as usize) else {
                        return Ok(Progress { rows: self.scanned, done: true });
                    };
                    let hit = row.text.to_lowercase().contains(&self.needle);
                    self.record(hit);
                }
                Ok(Progress { rows: self.scanned, done: self.scanned >= rows.len() as u64 })
            }
            Body::Lines(indexed) => {
                if self.reader.is_none() {
                    self.reader = Some(open_at(&indexed.path, indexed.skip, 0, 0)?);
                }
                while self.scanned < end {
                    let Some(reader) = &mut self.reader else { break };
                    let Some(line) = reader.next_line()? else {
                        return Ok(Progress { rows: self.scanned, done: true });
                    };
                    let hit = line.too_long.is_none()
                        && clean_line(&line.text).to_lowercase().contains(&self.needle);
                    self.record(hit);
                }
                Ok(Progress { rows: self.scanned, done: false })
            }
        }
    }

    fn record(&mut self, hit: bool) {
        if self.scanned.is_multiple_of(BLOCK) {
            self.starts.push(self.matches);
        }
        let (word, bit) = ((self.scanned / 64) as usize, self.scanned % 64);
        if word == self.bits.len() {
            self.bits.push(0);
        }
        if hit {
            self.bits[word] |= 1 << bit;
            self.matches += 1;
        }
        self.scanned += 1;
    }

    /// The row of the k-th match (from 0).
    fn nth(&self, k: u64) -> Option<u64> {
        if k >= self.matches {
            return None;
        }
        let block = self.starts.partition_point(|&s| s <= k).checked_sub(1)?;
        let mut left = k - self.starts[block];
        let first_word = (block as u64 * BLOCK / 64) as usize;
        for (i, &word) in self.bits.iter().enumerate().skip(first_word) {
            let ones = u64::from(word.count_ones());
            if left < ones {
                let mut w = word;
                for _ in 0..left {
                    w &= w - 1;
                }
                return Some(i as u64 * 64 + u64::from(w.trailing_zeros()));
            }
            left -= ones;
        }
        None
    }
}

#[cfg(test)]
#[path = "preview_tests.rs"]
mod tests;
