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

mod filter;
mod index;

use std::collections::{BTreeSet, HashSet};
use std::io;
use std::path::Path;

use super::clean::{clean_line, excerpt};
use super::input::{self, Opened};
use super::messages::{self, ImportError};
use super::parse::{Parser, Step};
use super::reader::settle;
use super::slack::SlackSource;
use super::{Candidate, Choice, Format, Settings, Times, detect};
use crate::model::{Event, Timestamp};
use filter::TextFilter;
use index::Indexed;

/// Lines between two saved parser states.
pub const CHECKPOINT: u64 = 256;

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

#[cfg(test)]
mod tests;
