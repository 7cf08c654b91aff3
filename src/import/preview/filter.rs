//! The text filter: one bit a row, and running totals so the k-th match is found quickly.

use std::fs::File;
use std::io::{self, BufReader};

use super::super::clean::clean_line;
use super::super::input::Lines;
use super::index::open_at;
use super::{Body, Progress};

/// Rows between two running totals of matches.
const BLOCK: u64 = 4096;

pub(super) struct TextFilter {
    needle: String,
    bits: Vec<u64>,
    scanned: u64,
    pub(super) matches: u64,
    /// Matches before each block of [`BLOCK`] rows, so the k-th match is found quickly.
    starts: Vec<u64>,
    reader: Option<Lines<BufReader<File>>>,
}

impl TextFilter {
    pub(super) fn new(needle: String) -> TextFilter {
        TextFilter {
            needle,
            bits: Vec::new(),
            scanned: 0,
            matches: 0,
            starts: Vec::new(),
            reader: None,
        }
    }

    pub(super) fn scan(&mut self, body: &Body, budget: u64) -> io::Result<Progress> {
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

    pub(super) fn record(&mut self, hit: bool) {
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
    pub(super) fn nth(&self, k: u64) -> Option<u64> {
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
