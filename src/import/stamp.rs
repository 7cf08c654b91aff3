//! Times at the start of a log line, in the shapes real tools write: RFC 3339 / ISO 8601,
//! `2026-03-01 14:32:05,123`, Go's `2026/03/01 14:32:05`, syslog's `Mar  1 14:32:05`
//! (with or without a `<34>` priority, RFC 5424's `<34>1 …`), journalctl's short-iso,
//! the access log's `[10/Oct/2026:13:55:36 -0700]`, and a bare `14:32[:05]`.
//!
//! Byte-level and allocation-free on the common path: this is what a million-line log
//! goes through.

use std::borrow::Cow;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};

use crate::model::zone::{self, Zone};

/// A time as a file states it, before a zone and a reference date make it an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// What a wall clock showed, with whatever date and zone the line gave.
    Wall { date: DatePart, time: NaiveTime, zone: Option<Zone> },
    /// An instant with no zone of its own (journald's microseconds, Slack's `ts`).
    Instant(DateTime<Utc>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePart {
    Full(NaiveDate),
    /// Syslog leaves the year out.
    MonthDay(u32, u32),
    /// A time of day alone.
    None,
}

/// A stamp at the start of a log line and the text after it (one separator dropped,
/// trimmed). `None` when the line does not start with a time.
pub fn split(line: &str) -> Option<(When, Cow<'_, str>)> {
    let b = line.as_bytes();
    let mut p = skip_spaces(b, 0);
    p = skip_priority(b, p);
    let bracketed = b.get(p) == Some(&b'[');
    if bracketed {
        p = skip_spaces(b, p + 1);
    }
    if let Some((when, end)) = stamp_at(b, p) {
        let rest = if bracketed {
            let close = skip_spaces(b, end);
            if b.get(close) != Some(&b']') {
                return None;
            }
            let after = &line[close + 1..];
            separator(after).unwrap_or(after).trim()
        } else {
            separator(&line[end..])?.trim()
        };
        return Some((when, Cow::Borrowed(rest)));
    }
    access_log(line)
}

/// A whole value that is a time and nothing else (a CSV cell, a JSON field).
pub fn whole(value: &str) -> Option<When> {
    let b = value.trim().as_bytes();
    let (when, end) = stamp_at(b, 0)?;
    (skip_spaces(b, end) == b.len()).then_some(when)
}

/// `14:32`, `14:32:05`, `2:32 PM`, `2:32pm`, `2:32 p.m.` at the start of `s`: a chat
/// client's time. Returns the time and the bytes it took.
pub fn clock_12_or_24(s: &str) -> Option<(NaiveTime, usize)> {
    let b = s.as_bytes();
    let (h, m, sec, _, end) = clock(b, 0)?;
    let after = skip_spaces(b, end);
    let meridiem = [("am", false), ("pm", true), ("a.m.", false), ("p.m.", true)].into_iter().find(
        |(word, _)| {
            b.get(after..after + word.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(word.as_bytes()))
                && b.get(after + word.len()).is_none_or(|c| !c.is_ascii_alphanumeric())
        },
    );
    let (hour, end) = match meridiem {
        Some((word, pm)) if (1..=12).contains(&h) => {
            ((h % 12) + if pm { 12 } else { 0 }, after + word.len())
        }
        Some(_) => return None,
        None => (h, end),
    };
    Some((NaiveTime::from_hms_opt(hour, m, sec)?, end))
}

/// What follows a stamp with one separator (` - `, `: `, ` | `, `—`) dropped; `None` when
/// the stamp runs straight into other text (`10:00-10:30`), so it was not a stamp.
pub fn separator(after: &str) -> Option<&str> {
    if after.is_empty() {
        return Some(after);
    }
    let rest = after.trim_start();
    let spaced = rest.len() != after.len();
    for sep in ["—", "–", "|"] {
        if let Some(tail) = rest.strip_prefix(sep) {
            return Some(tail);
        }
    }
    for sep in [":", "-"] {
        if let Some(tail) = rest.strip_prefix(sep)
            && (tail.is_empty() || tail.starts_with(char::is_whitespace))
        {
            return Some(tail);
        }
    }
    spaced.then_some(rest)
}

/// A stamp starting at `p`: date and time, syslog, access-log date, or a time of day. Only
/// a date and time takes an offset glued on (`…05+01:00`); after a bare time of day
/// `10:00-10:30` is a range, not a zone.
fn stamp_at(b: &[u8], p: usize) -> Option<(When, usize)> {
    let lead = digit_run(b, p);
    match (lead, b.get(p + lead)) {
        (4, Some(b'-' | b'/')) => iso(b, p),
        (1 | 2, Some(b':')) => {
            let (h, m, s, nanos, end) = clock(b, p)?;
            let time = NaiveTime::from_hms_nano_opt(h, m, s, nanos)?;
            let (zone, end) = zone_after(b, end, false);
            Some((When::Wall { date: DatePart::None, time, zone }, end))
        }
        (1 | 2, Some(b'/')) => access_date(b, p),
        (0, Some(c)) if c.is_ascii_alphabetic() => syslog(b, p),
        _ => None,
    }
}

/// `2026-03-01T14:32:05.123+01:00`, `2026-03-01 14:32`, `2026/03/01 14:32:05`.
fn iso(b: &[u8], p: usize) -> Option<(When, usize)> {
    let sep = *b.get(p + 4)?;
    if digit_run(b, p + 5) != 2 || b.get(p + 7) != Some(&sep) || digit_run(b, p + 8) != 2 {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(
        number(&b[p..p + 4]) as i32,
        number(&b[p + 5..p + 7]),
        number(&b[p + 8..p + 10]),
    )?;
    let mut q = p + 10;
    match b.get(q) {
        Some(b'T' | b't') => q += 1,
        Some(b' ') => q = skip_spaces(b, q),
        _ => return None,
    }
    let (h, m, s, nanos, end) = clock(b, q)?;
    let time = NaiveTime::from_hms_nano_opt(h, m, s, nanos)?;
    let (zone, end) = zone_after(b, end, true);
    Some((When::Wall { date: DatePart::Full(date), time, zone }, end))
}

/// Syslog's `Mar  1 14:32:05` (journalctl writes `Mar 01`).
fn syslog(b: &[u8], p: usize) -> Option<(When, usize)> {
    let month = month(b.get(p..p + 3)?)?;
    if b.get(p + 3) != Some(&b' ') {
        return None;
    }
    let q = skip_spaces(b, p + 3);
    let day_len = digit_run(b, q);
    if !(1..=2).contains(&day_len) || b.get(q + day_len) != Some(&b' ') {
        return None;
    }
    let day = number(&b[q..q + day_len]);
    NaiveDate::from_ymd_opt(2000, month, day)?; // a real day of that month (a leap year)
    let q = skip_spaces(b, q + day_len);
    let (h, m, s, nanos, end) = clock(b, q)?;
    let time = NaiveTime::from_hms_nano_opt(h, m, s, nanos)?;
    let (zone, end) = zone_after(b, end, false);
    Some((When::Wall { date: DatePart::MonthDay(month, day), time, zone }, end))
}

/// The access log's `10/Oct/2026:13:55:36 -0700`.
fn access_date(b: &[u8], p: usize) -> Option<(When, usize)> {
    let day_len = digit_run(b, p);
    let day = number(&b[p..p + day_len]);
    let q = p + day_len + 1;
    let month = month(b.get(q..q + 3)?)?;
    if b.get(q + 3) != Some(&b'/') || digit_run(b, q + 4) != 4 || b.get(q + 8) != Some(&b':') {
        return None;
    }
    let year = number(&b[q + 4..q + 8]) as i32;
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let (h, m, s, nanos, end) = clock(b, q + 9)?;
    let time = NaiveTime::from_hms_nano_opt(h, m, s, nanos)?;
    let (zone, end) = zone_after(b, end, false);
    Some((When::Wall { date: DatePart::Full(date), time, zone }, end))
}

/// `host - user [10/Oct/2026:13:55:36 -0700] "GET / HTTP/1.1" 200 512`: the time in
/// brackets early in the line; the text is the line without it.
fn access_log(line: &str) -> Option<(When, Cow<'_, str>)> {
    let b = line.as_bytes();
    let window = &b[..b.len().min(256)];
    let open = memchr::memchr(b'[', window)?;
    let (when, end) = access_date(b, open + 1)?;
    if b.get(end) != Some(&b']') {
        return None;
    }
    let before = line[..open].trim();
    let after = line[end + 1..].trim();
    let text = match (before.is_empty(), after.is_empty()) {
        (true, _) => Cow::Borrowed(after),
        (false, true) => Cow::Borrowed(before),
        (false, false) => Cow::Owned(format!("{before} {after}")),
    };
    Some((when, text))
}

/// `H:MM`, `HH:MM`, `HH:MM:SS`, with `.fff` or `,fff` after seconds. Returns hour, minute,
/// second, nanoseconds and the end; `None` for anything out of range.
fn clock(b: &[u8], p: usize) -> Option<(u32, u32, u32, u32, usize)> {
    let hour_len = digit_run(b, p);
    if !(1..=2).contains(&hour_len) || b.get(p + hour_len) != Some(&b':') {
        return None;
    }
    let hour = number(&b[p..p + hour_len]);
    let mut q = p + hour_len + 1;
    if digit_run(b, q) != 2 {
        return None;
    }
    let minute = number(&b[q..q + 2]);
    q += 2;
    let (mut second, mut nanos) = (0, 0);
    if b.get(q) == Some(&b':') && digit_run(b, q + 1) == 2 {
        second = number(&b[q + 1..q + 3]);
        q += 3;
        if matches!(b.get(q), Some(b'.' | b',')) && digit_run(b, q + 1) > 0 {
            let digits = digit_run(b, q + 1);
            let kept = digits.min(9);
            nanos = number(&b[q + 1..q + 1 + kept]) * 10u32.pow(9 - kept as u32);
            q += 1 + digits;
        }
    }
    if digit_run(b, q) > 0 || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    Some((hour, minute, second, nanos, q))
}

/// A zone after a time: `Z`, a glued offset (only when `glued`), or after one space an
/// offset (`-0700`, `+01:00`) or a capitalised abbreviation (`UTC`, `PST`). Returns the
/// position after it, or `p` when there is none.
fn zone_after(b: &[u8], p: usize, glued: bool) -> (Option<Zone>, usize) {
    let word_ends = |at: usize| b.get(at).is_none_or(|c| !c.is_ascii_alphanumeric());
    if matches!(b.get(p), Some(b'Z' | b'z')) && word_ends(p + 1) {
        return (Some(Zone::UTC), p + 1);
    }
    if glued && let Some((offset, end)) = offset_at(b, p) {
        return (Some(Zone::Fixed(offset)), end);
    }
    if b.get(p) != Some(&b' ') {
        return (None, p);
    }
    let q = p + 1;
    if let Some((offset, end)) = offset_at(b, q).filter(|(_, end)| end - q >= 5) {
        return (Some(Zone::Fixed(offset)), end);
    }
    let letters = b.get(q..).map_or(0, |t| t.iter().take_while(|c| c.is_ascii_uppercase()).count());
    if (1..=4).contains(&letters)
        && word_ends(q + letters)
        && let Ok(word) = std::str::from_utf8(&b[q..q + letters])
        && let Some(abbreviation) = zone::abbreviation(word)
        && let Some(offset) = FixedOffset::east_opt(abbreviation.offset)
    {
        return (Some(Zone::Fixed(offset)), q + letters);
    }
    (None, p)
}

fn offset_at(b: &[u8], p: usize) -> Option<(FixedOffset, usize)> {
    let window = b.get(p..b.len().min(p + 6))?;
    let ascii = window.iter().take_while(|c| c.is_ascii()).count();
    let tail = std::str::from_utf8(&window[..ascii]).ok()?;
    let offset = zone::parse_offset(tail)?.ok()?;
    let end = p + zone::offset_len(tail);
    // An offset ends the stamp: `+0100x` is not one.
    b.get(end).is_none_or(|c| !c.is_ascii_alphanumeric()).then_some((offset, end))
}

/// `<34>` (syslog priority) and RFC 5424's version `1 ` after it.
fn skip_priority(b: &[u8], p: usize) -> usize {
    if b.get(p) != Some(&b'<') {
        return p;
    }
    let digits = digit_run(b, p + 1);
    if !(1..=3).contains(&digits) || b.get(p + 1 + digits) != Some(&b'>') {
        return p;
    }
    let q = p + digits + 2;
    if b.get(q) == Some(&b'1') && b.get(q + 1) == Some(&b' ') { q + 2 } else { q }
}

fn month(word: &[u8]) -> Option<u32> {
    const MONTHS: [&[u8; 3]; 12] = [
        b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov",
        b"dec",
    ];
    MONTHS.iter().position(|m| m.eq_ignore_ascii_case(word)).map(|i| i as u32 + 1)
}

fn digit_run(b: &[u8], p: usize) -> usize {
    b.get(p..).map_or(0, |t| t.iter().take_while(|c| c.is_ascii_digit()).count())
}

fn skip_spaces(b: &[u8], p: usize) -> usize {
    p + b.get(p..).map_or(0, |t| t.iter().take_while(|c| **c == b' ' || **c == b'\t').count())
}

/// A short run of ASCII digits (at most 9, so it fits).
fn number(digits: &[u8]) -> u32 {
    digits.iter().take(9).fold(0, |n, d| n * 10 + u32::from(d - b'0'))
}

#[cfg(test)]
#[path = "stamp_tests.rs"]
mod tests;
