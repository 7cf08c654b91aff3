//! A line-based file, indexed: every [`CHECKPOINT`] lines the byte offset and the parser's
//! and clock's state there, so any rows are parsed from the checkpoint before them.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{self, BufReader, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use super::super::clean::clean_line;
use super::super::input::{self, Lines};
use super::super::messages;
use super::super::parse::{Parser, Step};
use super::super::reader::settle;
use super::super::{Format, Times};
use super::{CHECKPOINT, Progress, Reading, Row};

pub(super) struct Indexed {
    pub(super) path: PathBuf,
    /// Bytes before the first line (a byte-order mark).
    pub(super) skip: u64,
    name: String,
    format: Format,
    pub(super) checkpoints: Vec<Checkpoint>,
    pub(super) rows: u64,
    frontier: Option<Frontier>,
}

#[derive(Clone)]
pub(super) struct Checkpoint {
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
    pub(super) fn new(
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

    pub(super) fn index_more(&mut self, budget: u64) -> io::Result<Progress> {
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
    pub(super) fn read(&self, rows: &[u64]) -> io::Result<Vec<Row>> {
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

pub(super) fn open_at(
    path: &Path,
    skip: u64,
    offset: u64,
    row: u64,
) -> io::Result<Lines<BufReader<File>>> {
    let mut file = File::open(path)?;
    file.seek(SeekFrom::Start(skip + offset))?;
    Ok(Lines::starting_at(BufReader::with_capacity(64 * 1024, file), offset, row))
}
