//! Time zones as people write them: `+02:00`, `UTC`, `PST`, `Europe/Berlin`.
//!
//! A zone turns a wall-clock time into an instant with the offset in force then. Numeric
//! offsets and abbreviations are fixed; an IANA name follows its daylight-saving rules, so
//! `01:30 America/New_York` is `-04:00` in July and `-05:00` in January. The abbreviations
//! are the few a room actually types; several mean more than one thing around the world
//! (IST, BST, CST), so each is read one documented way (docs/IMPORT.md lists them).

use std::fmt;

use chrono::{DateTime, FixedOffset, LocalResult, NaiveDateTime, Offset, TimeZone, Utc};

use super::{Session, Timestamp};

/// A zone a time can be read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// A fixed offset: `+02:00`, `UTC`, or an abbreviation such as `PST`.
    Fixed(FixedOffset),
    /// An IANA zone with its daylight-saving rules: `Europe/Berlin`.
    Named(chrono_tz::Tz),
    /// This computer's zone, with its daylight-saving rules (the `TZ` variable on Unix).
    Local,
}

/// How a wall-clock time falls in a zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WallClock {
    /// One instant, as usual.
    Single(Timestamp),
    /// Clocks went back: the time happened twice, first at the earlier instant.
    Twice(Timestamp, Timestamp),
    /// Clocks went forward over this time: it never showed. Read with the offset from
    /// before the change (what a clock not yet moved would have shown).
    Skipped(Timestamp),
}

/// An abbreviation and what it is read as. `also` names the other zones that use the
/// same letters, so the docs and messages can say what was assumed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Abbreviation {
    pub name: &'static str,
    /// Seconds east of UTC.
    pub offset: i32,
    pub meaning: &'static str,
    pub also: &'static str,
}

const H: i32 = 3600;

/// Abbreviations read as fixed offsets. An abbreviation names one side of a daylight-saving
/// change (PST is always -08:00), so a fixed offset is right for it; use an IANA name when
/// a log runs across a change.
pub const ABBREVIATIONS: &[Abbreviation] = &[
    abbr("UTC", 0, "Coordinated Universal Time", ""),
    abbr("GMT", 0, "Greenwich Mean Time", ""),
    abbr("Z", 0, "UTC (Zulu)", ""),
    abbr("PST", -8 * H, "Pacific Standard Time", ""),
    abbr("PDT", -7 * H, "Pacific Daylight Time", ""),
    abbr("MST", -7 * H, "Mountain Standard Time", ""),
    abbr("MDT", -6 * H, "Mountain Daylight Time", ""),
    abbr("CST", -6 * H, "Central Standard Time (North America)", "China Standard Time +08:00"),
    abbr("CDT", -5 * H, "Central Daylight Time (North America)", ""),
    abbr("EST", -5 * H, "Eastern Standard Time", ""),
    abbr("EDT", -4 * H, "Eastern Daylight Time", ""),
    abbr("AKST", -9 * H, "Alaska Standard Time", ""),
    abbr("AKDT", -8 * H, "Alaska Daylight Time", ""),
    abbr("HST", -10 * H, "Hawaii Standard Time", ""),
    abbr("WET", 0, "Western European Time", ""),
    abbr("WEST", H, "Western European Summer Time", ""),
    abbr("CET", H, "Central European Time", ""),
    abbr("CEST", 2 * H, "Central European Summer Time", ""),
    abbr("EET", 2 * H, "Eastern European Time", ""),
    abbr("EEST", 3 * H, "Eastern European Summer Time", ""),
    abbr("BST", H, "British Summer Time", "Bangladesh Standard Time +06:00"),
    abbr(
        "IST",
        5 * H + 30 * 60,
        "India Standard Time",
        "Irish Standard Time +01:00, Israel Standard Time +02:00",
    ),
    abbr("JST", 9 * H, "Japan Standard Time", ""),
    abbr("KST", 9 * H, "Korea Standard Time", ""),
    abbr("AEST", 10 * H, "Australian Eastern Standard Time", ""),
    abbr("AEDT", 11 * H, "Australian Eastern Daylight Time", ""),
    abbr("NZST", 12 * H, "New Zealand Standard Time", ""),
    abbr("NZDT", 13 * H, "New Zealand Daylight Time", ""),
];

const fn abbr(
    name: &'static str,
    offset: i32,
    meaning: &'static str,
    also: &'static str,
) -> Abbreviation {
    Abbreviation { name, offset, meaning, also }
}

/// Why a zone was not understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ZoneError {
    #[error(
        "“{0}” is not a time zone I know. Try an offset (+02:00, -0800), UTC, an abbreviation \
         (PST, CET, IST…) or a zone name (Europe/Berlin, America/New_York)"
    )]
    Unknown(String),
    #[error("“{0}” is not a UTC offset: hours go up to 23 and minutes up to 59")]
    BadOffset(String),
}

impl Zone {
    pub const UTC: Zone = Zone::Fixed(UTC_OFFSET);

    /// Reads a zone: an offset (`+02:00`, `+0200`, `-08`), `UTC` / `Z` / `GMT`, an
    /// abbreviation from [`ABBREVIATIONS`], or an IANA name in any case (`europe/berlin`).
    pub fn parse(input: &str) -> Result<Zone, ZoneError> {
        let s = input.trim();
        let shown = || super::text::sanitize_line(s).chars().take(40).collect::<String>();
        if s.starts_with(['+', '-']) {
            return match parse_offset(s) {
                Some(Ok(offset)) if offset_len(s) == s.len() => Ok(Zone::Fixed(offset)),
                Some(Err(())) => Err(ZoneError::BadOffset(shown())),
                _ => Err(ZoneError::Unknown(shown())),
            };
        }
        if let Some(a) = abbreviation(s) {
            return Ok(Zone::Fixed(fixed(a.offset)));
        }
        named(s).map(Zone::Named).ok_or_else(|| ZoneError::Unknown(shown()))
    }

    /// The offset in force at an instant.
    pub fn offset_at(&self, instant: &DateTime<Utc>) -> FixedOffset {
        match self {
            Zone::Fixed(offset) => *offset,
            Zone::Named(tz) => tz.offset_from_utc_datetime(&instant.naive_utc()).fix(),
            Zone::Local => chrono::Local.offset_from_utc_datetime(&instant.naive_utc()).fix(),
        }
    }

    /// An instant, shown with the offset in force then.
    pub fn at(&self, instant: &DateTime<Utc>) -> Timestamp {
        instant.with_timezone(&self.offset_at(instant))
    }

    /// Where a wall-clock time falls in this zone. `None` only at the edges of chrono's range.
    pub fn wall_clock(&self, local: &NaiveDateTime) -> Option<WallClock> {
        match self {
            Zone::Fixed(offset) => {
                offset.from_local_datetime(local).single().map(WallClock::Single)
            }
            Zone::Named(tz) => classify(tz.from_local_datetime(local), local, |l| {
                tz.from_local_datetime(l).earliest().map(|t| t.fixed_offset())
            }),
            Zone::Local => classify(chrono::Local.from_local_datetime(local), local, |l| {
                chrono::Local.from_local_datetime(l).earliest().map(|t| t.fixed_offset())
            }),
        }
    }

    /// The wall-clock time read as one instant: the earlier one when it happened twice, and
    /// the pre-change reading when it was skipped.
    pub fn resolve(&self, local: &NaiveDateTime) -> Option<Timestamp> {
        self.wall_clock(local).map(WallClock::earliest)
    }

    /// How the zone is shown: `+02:00`, `UTC`, `Europe/Berlin`, `local time`.
    pub fn label(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Zone::Fixed(o) if o.local_minus_utc() == 0 => f.write_str("UTC"),
            Zone::Fixed(o) => write!(f, "{o}"),
            Zone::Named(tz) => f.write_str(tz.name()),
            Zone::Local => f.write_str("local time"),
        }
    }
}

impl WallClock {
    /// The one instant to use when nothing else tells the two readings apart.
    pub fn earliest(self) -> Timestamp {
        match self {
            WallClock::Single(t) | WallClock::Twice(t, _) | WallClock::Skipped(t) => t,
        }
    }

    /// Every reading, earliest first.
    pub fn candidates(self) -> impl Iterator<Item = Timestamp> {
        let (a, b) = match self {
            WallClock::Twice(a, b) => (a, Some(b)),
            WallClock::Single(t) | WallClock::Skipped(t) => (t, None),
        };
        std::iter::once(a).chain(b)
    }
}

/// The offset a review's times are shown and typed in: the incident start's when it is
/// known, else the one most of its events were recorded in (the earliest-listed on a tie).
/// `None` for a review with neither; a typed time then keeps this computer's offset.
pub fn review_offset(session: &Session) -> Option<FixedOffset> {
    if let Some(start) = session.incident.started_at {
        return Some(*start.offset());
    }
    let mut counts: Vec<(FixedOffset, usize)> = Vec::new();
    for e in &session.events {
        match counts.iter_mut().find(|(o, _)| o == e.at.offset()) {
            Some((_, n)) => *n += 1,
            None => counts.push((*e.at.offset(), 1)),
        }
    }
    // `max_by_key` keeps the last of equals; walking backwards makes that the first listed.
    counts.into_iter().rev().max_by_key(|(_, n)| *n).map(|(o, _)| o)
}

/// An instant as a review shows it: in the review's offset when it has one.
pub fn shown_in(at: &Timestamp, offset: Option<FixedOffset>) -> Timestamp {
    offset.map_or(*at, |o| at.with_timezone(&o))
}

/// `09:45` as the review reads it, `09:45±` when it was recorded in another offset: the
/// short time every step shows beside an event.
pub fn clock(at: &Timestamp, offset: Option<FixedOffset>) -> String {
    let mark = if recorded_elsewhere(at, offset) { "±" } else { "" };
    format!("{}{mark}", shown_in(at, offset).format("%H:%M"))
}

/// Whether an instant was recorded in another offset than the review's.
pub fn recorded_elsewhere(at: &Timestamp, offset: Option<FixedOffset>) -> bool {
    offset.is_some_and(|o| *at.offset() != o)
}

/// How an offset is named in "times in …": `UTC`, `-08:00`.
pub fn offset_label(offset: FixedOffset) -> String {
    Zone::Fixed(offset).label()
}

/// An abbreviation from the table, in any case.
pub fn abbreviation(s: &str) -> Option<&'static Abbreviation> {
    ABBREVIATIONS.iter().find(|a| a.name.eq_ignore_ascii_case(s))
}

/// An IANA zone name, matched exactly first and then without regard to case.
pub fn named(s: &str) -> Option<chrono_tz::Tz> {
    if s.is_empty() || s.len() > 40 || !s.bytes().all(is_name_byte) {
        return None;
    }
    s.parse::<chrono_tz::Tz>().ok().or_else(|| {
        chrono_tz::TZ_VARIANTS.iter().copied().find(|tz| tz.name().eq_ignore_ascii_case(s))
    })
}

/// The bytes an IANA name is made of: `America/Argentina/Buenos_Aires`, `Etc/GMT+5`.
pub fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'/' | b'_' | b'-' | b'+')
}

/// A numeric offset at the start of `s`: `+02:00`, `+0200`, `+02`. `None` when `s` does not
/// start like one, `Some(Err)` when it does but names no real offset (`+25:00`).
pub fn parse_offset(s: &str) -> Option<Result<FixedOffset, ()>> {
    let b = s.as_bytes();
    let sign = match b.first() {
        Some(b'+') => 1,
        Some(b'-') => -1,
        _ => return None,
    };
    let digits = |at: usize, n: usize| {
        b.get(at..at + n)
            .filter(|d| d.iter().all(u8::is_ascii_digit))
            .map(|d| d.iter().fold(0i32, |acc, c| acc * 10 + i32::from(c - b'0')))
    };
    let hours = digits(1, 2)?;
    let minutes = match (b.get(3), digits(3, 2), digits(4, 2)) {
        (Some(b':'), _, Some(m)) => m,
        (Some(c), Some(m), _) if c.is_ascii_digit() => m,
        (Some(c), _, _) if c.is_ascii_digit() => return None,
        _ => 0,
    };
    if hours >= 24 || minutes >= 60 {
        return Some(Err(()));
    }
    Some(FixedOffset::east_opt(sign * (hours * H + minutes * 60)).ok_or(()))
}

/// How many bytes the offset at the start of `s` takes (3, 5 or 6).
pub fn offset_len(s: &str) -> usize {
    let b = s.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    if b.get(3) == Some(&b':') && digit(4) && digit(5) {
        6
    } else if digit(3) && digit(4) {
        5
    } else {
        3
    }
}

const UTC_OFFSET: FixedOffset = match FixedOffset::east_opt(0) {
    Some(utc) => utc,
    None => unreachable!(),
};

fn fixed(seconds: i32) -> FixedOffset {
    FixedOffset::east_opt(seconds).unwrap_or(UTC_OFFSET)
}

fn classify<T: TimeZone>(
    result: LocalResult<DateTime<T>>,
    local: &NaiveDateTime,
    earliest_at: impl Fn(&NaiveDateTime) -> Option<Timestamp>,
) -> Option<WallClock> {
    match result {
        LocalResult::Single(t) => Some(WallClock::Single(t.fixed_offset())),
        LocalResult::Ambiguous(a, b) => {
            let (a, b) = (a.fixed_offset(), b.fixed_offset());
            Some(if a <= b { WallClock::Twice(a, b) } else { WallClock::Twice(b, a) })
        }
        LocalResult::None => {
            // The offset before the change is the one in force a few hours earlier; read the
            // wall-clock time with it.
            let before = earliest_at(&local.checked_sub_signed(chrono::TimeDelta::hours(3))?)?;
            let offset = *before.offset();
            offset.from_local_datetime(local).single().map(WallClock::Skipped)
        }
    }
}

#[cfg(test)]
#[path = "zone_tests.rs"]
mod tests;
