//! What a person types as a time: `14:32`, `+5m`, `2026-03-02 14:32`, RFC 3339.
//!
//! A small explicit parser on chrono. The forms:
//!
//! - empty or `now`: the current time;
//! - `14:32`, `14:32:05`, `9:05`: a time of day, dated from the reference (the previous
//!   event) in its offset, on whichever of the day before, the same day or the day after
//!   lands closest to the reference — so `00:10` after `23:50` is the next morning;
//! - any of those with a zone: `09:12 UTC`, `09:12Z`, `09:12 +02:00`, `09:12+0200`, an
//!   abbreviation (`09:37 PST`, see [`super::zone::ABBREVIATIONS`]) or an IANA name
//!   (`09:37 Europe/Berlin`, read with the daylight-saving rules of that day);
//! - relative: `+5m`, `-2m`, `+1h30m`, `+90s`, `+2d`, from the selected event (else now);
//! - a date and time: `2026-03-02 14:32`, `2026-03-02T14:32:05`, optionally with a zone;
//! - RFC 3339: `2026-03-02T14:32:00Z`, `2026-03-02T14:32:00.250+01:00`.
//!
//! Every result has whole seconds. Nothing here panics, whatever it is given.

use chrono::{Days, FixedOffset, NaiveDate, NaiveTime, TimeDelta, Timelike};

use super::Timestamp;
use super::text::sanitize_line;
use super::zone::{self, WallClock, Zone};

/// What a typed time is read against.
#[derive(Debug, Clone, Copy)]
pub struct TimeContext {
    /// The current time in the local zone.
    pub now: Timestamp,
    /// The selected event's time: the anchor for `+5m` / `-2m`.
    pub selected: Option<Timestamp>,
    /// Where a time-only entry takes its date and offset from: the previous event, else the
    /// incident's start.
    pub reference: Option<Timestamp>,
}

/// Why a typed time was not accepted. Each message is one line: what was typed (cleaned
/// and shortened), what was wrong with it, and the forms that work.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    #[error("“{0}” is not a time I can read. Try {forms}", forms = ACCEPTED_FORMS)]
    Unrecognised(String),
    #[error("“{input}” — hour {hour} doesn't exist. Try {forms}", forms = ACCEPTED_FORMS)]
    HourOutOfRange { input: String, hour: u32 },
    #[error("“{input}” — minute {minute} doesn't exist. Try {forms}", forms = ACCEPTED_FORMS)]
    MinuteOutOfRange { input: String, minute: u32 },
    #[error("“{input}” — second {second} doesn't exist. Try {forms}", forms = ACCEPTED_FORMS)]
    SecondOutOfRange { input: String, second: u32 },
    #[error("“{input}” — {date} isn't a real date. Try {forms}", forms = ACCEPTED_FORMS)]
    InvalidDate { input: String, date: String },
    #[error("“{input}” — a date needs a time of day too. Try {forms}", forms = ACCEPTED_FORMS)]
    DateWithoutTime { input: String },
    #[error("“{input}” — {offset} isn't a UTC offset. Try {forms}", forms = ACCEPTED_FORMS)]
    InvalidOffset { input: String, offset: String },
    #[error(
        "“{input}” — a relative time needs a unit: s, m, h or d, as in +5m. Try {forms}",
        forms = ACCEPTED_FORMS
    )]
    RelativeWithoutUnit { input: String },
    #[error(
        "“{input}” — relative times go up to 30 days; type the date instead. Try {forms}",
        forms = ACCEPTED_FORMS
    )]
    RelativeTooLarge { input: String },
    #[error(
        "“{input}” — didn't expect “{rest}” after the time. Try {forms}",
        forms = ACCEPTED_FORMS
    )]
    TrailingText { input: String, rest: String },
    #[error(
        "“{input}” — that is outside the dates I can handle. Try {forms}",
        forms = ACCEPTED_FORMS
    )]
    OutOfRange { input: String },
    #[error("“{input}” — {zone} isn't a time zone I know. Try UTC, +02:00, PST or Europe/Berlin")]
    UnknownZone { input: String, zone: String },
    #[error(
        "“{input}” — clocks in {zone} skipped that time when they went forward. Try the \
         time with its offset, as in 03:30 +02:00"
    )]
    SkippedByClockChange { input: String, zone: String },
}

pub const ACCEPTED_FORMS: &str = "14:32 · 14:32:05 · 09:12 UTC · 09:37 PST · 09:37 Europe/Berlin · +5m / -2m / +1h · 2026-03-02 14:32 · 2026-03-02T14:32:00Z";

/// The largest relative amount accepted, in seconds: 30 days.
pub const MAX_RELATIVE_SECONDS: i64 = 30 * 24 * 60 * 60;

/// Reads a typed time. See the module documentation for the forms.
pub fn parse_time(input: &str, ctx: &TimeContext) -> Result<Timestamp, TimeError> {
    let s = input.trim();
    if s.is_empty() || s.eq_ignore_ascii_case("now") {
        return Ok(whole_seconds(ctx.now));
    }
    if s.starts_with(['+', '-']) {
        return parse_relative(s, ctx);
    }
    let (absolute, used) = parse_absolute(s, Mode::Whole).map_err(|fail| fail.into_error(s))?;
    let rest = s[used..].trim();
    if !rest.is_empty() {
        if looks_like_zone(rest) {
            return Err(TimeError::UnknownZone { input: shown(s), zone: shown(rest) });
        }
        return Err(TimeError::TrailingText { input: shown(s), rest: shown(rest) });
    }
    resolve(absolute, ctx).map_err(|fail| fail.into_error(s))
}

/// A time of day in `zone`, on whichever of the day before, the same day or the day after
/// (as seen in that zone) lands closest to `reference` — the rule of a typed `14:32`.
/// The second value says the time was skipped by a clock change and read with the offset
/// from before it. `None` only at the edges of chrono's range.
pub fn time_of_day_near(
    time: NaiveTime,
    zone: &Zone,
    reference: Timestamp,
) -> Option<(Timestamp, bool)> {
    let day = local_date(&zone.at(&reference.to_utc()))?;
    [day.checked_sub_days(Days::new(1)), Some(day), day.checked_add_days(Days::new(1))]
        .into_iter()
        .flatten()
        .filter_map(|date| zone.wall_clock(&date.and_time(time)))
        .flat_map(|wall| {
            let skipped = matches!(wall, WallClock::Skipped(_));
            wall.candidates().map(move |t| (t, skipped))
        })
        // The same day wins a tie, so the result is never more than 12 hours away.
        .min_by_key(|(candidate, _)| {
            ((*candidate - reference).abs(), local_date(candidate) != Some(day))
        })
}

/// The date on the wall clock; `date_naive()` would panic at the very edges of chrono's range.
fn local_date(t: &Timestamp) -> Option<NaiveDate> {
    let shift = TimeDelta::seconds(t.offset().local_minus_utc().into());
    t.naive_utc().checked_add_signed(shift).map(|local| local.date())
}

/// A log runs forward: a clock time (no date) more than an hour before the line above it is
/// the next day (`23:58` then `00:04`; `09:40` then `23:58`). `at` is the time already read
/// near `previous` with [`time_of_day_near`]. Lines with a date keep it and do not come here.
pub fn roll_forward(at: Timestamp, previous: Timestamp) -> Timestamp {
    if at >= previous - TimeDelta::hours(1) {
        return at;
    }
    match at.checked_add_signed(TimeDelta::days(1)) {
        Some(next) if next - previous < TimeDelta::days(1) => next,
        _ => at,
    }
}

/// Words after a time that were meant as a zone: a name with a `/`, or an upper-case
/// abbreviation of three to five letters.
fn looks_like_zone(rest: &str) -> bool {
    let b = rest.as_bytes();
    (b.contains(&b'/') && b.iter().all(|&c| zone::is_name_byte(c)))
        || ((3..=5).contains(&b.len()) && b.iter().all(u8::is_ascii_uppercase))
}

/// Splits a leading timestamp off a pasted chat or log line: `14:32 text`, `[14:32:05] text`,
/// `2026-03-02T14:32:05Z text`, `09:12 UTC - text`. The time is read with the same rules as
/// [`parse_time`]; a separator after it (` - `, `: `, ` | `, `—`) is dropped and the rest
/// trimmed. Relative forms and bare numbers are not timestamps here; a line without a
/// leading time comes back whole (trimmed) with `None`.
pub fn split_leading_time<'a>(line: &'a str, ctx: &TimeContext) -> (Option<Timestamp>, &'a str) {
    let line = line.trim();
    match leading_time(line, ctx) {
        Some((at, rest)) => (Some(at), rest),
        None => (None, line),
    }
}

fn leading_time<'a>(line: &'a str, ctx: &TimeContext) -> Option<(Timestamp, &'a str)> {
    let (body, bracketed) = match line.strip_prefix('[') {
        Some(inner) => (inner.trim_start(), true),
        None => (line, false),
    };
    let (absolute, used) = parse_absolute(body, Mode::Leading).ok()?;
    let after = &body[used..];
    let rest = if bracketed {
        let after = after.trim_start().strip_prefix(']')?;
        strip_separator(after).unwrap_or_else(|| after.trim_start())
    } else {
        strip_separator(after)?
    };
    let at = resolve(absolute, ctx).ok()?;
    Some((at, rest))
}

/// What follows a leading time, with one separator dropped; `None` if the time runs
/// straight into other text (`14:32pm`, `10:00-10:30`), which makes it not a timestamp.
fn strip_separator(after: &str) -> Option<&str> {
    if after.is_empty() {
        return Some(after);
    }
    let rest = after.trim_start();
    let spaced = rest.len() != after.len();
    for sep in ["—", "–", "|"] {
        if let Some(tail) = rest.strip_prefix(sep) {
            return Some(tail.trim_start());
        }
    }
    for sep in [":", "-"] {
        if let Some(tail) = rest.strip_prefix(sep)
            && (tail.is_empty() || tail.starts_with(char::is_whitespace))
        {
            return Some(tail.trim_start());
        }
    }
    spaced.then_some(rest)
}

fn whole_seconds(t: Timestamp) -> Timestamp {
    t.with_nanosecond(0).unwrap_or(t)
}

/// The input as it appears in an error message: one line, no control characters, short.
fn shown(s: &str) -> String {
    const MAX: usize = 40;
    let clean = sanitize_line(s);
    if clean.chars().count() <= MAX {
        clean
    } else {
        let mut cut: String = clean.chars().take(MAX - 1).collect();
        cut.push('…');
        cut
    }
}

// ---------------------------------------------------------------------------------------
// Relative: +5m, -2m, +1h30m

fn parse_relative(s: &str, ctx: &TimeContext) -> Result<Timestamp, TimeError> {
    let b = s.as_bytes();
    let negative = b[0] == b'-';
    let mut pos = 1;
    let mut total: i64 = 0;
    let mut groups = 0;
    loop {
        pos = skip_spaces(b, pos);
        if pos == b.len() {
            break;
        }
        let digits = digit_run(b, pos);
        if digits == 0 {
            return Err(if groups == 0 {
                TimeError::Unrecognised(shown(s))
            } else {
                TimeError::TrailingText { input: shown(s), rest: shown(&s[pos..]) }
            });
        }
        let amount = number(&b[pos..pos + digits]);
        pos = skip_spaces(b, pos + digits);
        let letters = b[pos..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
        if letters == 0 {
            return Err(if pos == b.len() || b[pos].is_ascii_digit() {
                TimeError::RelativeWithoutUnit { input: shown(s) }
            } else {
                TimeError::Unrecognised(shown(s))
            });
        }
        let unit = match s[pos..pos + letters].to_ascii_lowercase().as_str() {
            "s" | "sec" | "secs" | "second" | "seconds" => 1,
            "m" | "min" | "mins" | "minute" | "minutes" => 60,
            "h" | "hr" | "hrs" | "hour" | "hours" => 60 * 60,
            "d" | "day" | "days" => 24 * 60 * 60,
            _ => return Err(TimeError::Unrecognised(shown(s))),
        };
        total = total.saturating_add(amount.saturating_mul(unit));
        groups += 1;
        pos += letters;
    }
    if groups == 0 {
        return Err(TimeError::Unrecognised(shown(s)));
    }
    if total > MAX_RELATIVE_SECONDS {
        return Err(TimeError::RelativeTooLarge { input: shown(s) });
    }
    let delta = TimeDelta::seconds(if negative { -total } else { total });
    let anchor = whole_seconds(ctx.selected.unwrap_or(ctx.now));
    anchor.checked_add_signed(delta).ok_or_else(|| TimeError::OutOfRange { input: shown(s) })
}

// ---------------------------------------------------------------------------------------
// Absolute: times of day and dates, each with an optional zone

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// The whole input is the time (`parse_time`).
    Whole,
    /// A time at the start of a longer line (`split_leading_time`): a time of day does not
    /// take an offset glued to it, so `10:00-10:30` stays a range.
    Leading,
}

#[derive(Debug, Clone, Copy)]
struct Clock {
    hour: u32,
    minute: u32,
    second: u32,
}

#[derive(Debug, Clone, Copy)]
enum Absolute {
    TimeOfDay(Clock, Option<Zone>),
    DateTime(NaiveDate, Clock, Option<Zone>),
}

/// A parse failure before it is dressed as a [`TimeError`] with the whole input.
#[derive(Debug)]
enum Fail {
    Unrecognised,
    Hour(u32),
    Minute(u32),
    Second(u32),
    Date(String),
    DateWithoutTime,
    Offset(String),
    Skipped(String),
    OutOfRange,
}

impl Fail {
    fn into_error(self, s: &str) -> TimeError {
        let input = shown(s);
        match self {
            Fail::Unrecognised => TimeError::Unrecognised(input),
            Fail::Hour(hour) => TimeError::HourOutOfRange { input, hour },
            Fail::Minute(minute) => TimeError::MinuteOutOfRange { input, minute },
            Fail::Second(second) => TimeError::SecondOutOfRange { input, second },
            Fail::Date(date) => TimeError::InvalidDate { input, date },
            Fail::DateWithoutTime => TimeError::DateWithoutTime { input },
            Fail::Offset(offset) => TimeError::InvalidOffset { input, offset },
            Fail::Skipped(zone) => TimeError::SkippedByClockChange { input, zone },
            Fail::OutOfRange => TimeError::OutOfRange { input },
        }
    }
}

/// Reads a time of day or a date and time from the start of `s`, with an optional zone.
/// Returns what was read and how many bytes it took; the caller decides what may follow.
fn parse_absolute(s: &str, mode: Mode) -> Result<(Absolute, usize), Fail> {
    let b = s.as_bytes();
    let lead = digit_run(b, 0);
    if lead == 4 && b.get(4) == Some(&b'-') {
        let (date, pos) = parse_date(s)?;
        let pos = match b.get(pos) {
            Some(b'T' | b't') => pos + 1,
            Some(b' ') => skip_spaces(b, pos),
            _ => return Err(Fail::DateWithoutTime),
        };
        if digit_run(b, pos) == 0 {
            return Err(Fail::DateWithoutTime);
        }
        let (clock, pos) = parse_clock(b, pos)?;
        // A date and time takes a glued offset in either mode: `2026-03-02T14:32-08:00`.
        let (zone, pos) = parse_zone(s, pos, Mode::Whole)?;
        Ok((Absolute::DateTime(date, clock, zone), pos))
    } else if (1..=2).contains(&lead) && b.get(lead) == Some(&b':') {
        let (clock, pos) = parse_clock(b, 0)?;
        let (zone, pos) = parse_zone(s, pos, mode)?;
        Ok((Absolute::TimeOfDay(clock, zone), pos))
    } else {
        Err(Fail::Unrecognised)
    }
}

/// `YYYY-MM-DD` at the start of `s` (the caller has seen the four digits and the dash).
fn parse_date(s: &str) -> Result<(NaiveDate, usize), Fail> {
    let b = s.as_bytes();
    if digit_run(b, 5) != 2 || b.get(7) != Some(&b'-') || digit_run(b, 8) != 2 {
        return Err(Fail::Unrecognised);
    }
    let year = number(&b[0..4]) as i32;
    let month = number(&b[5..7]) as u32;
    let day = number(&b[8..10]) as u32;
    NaiveDate::from_ymd_opt(year, month, day)
        .map(|date| (date, 10))
        .ok_or_else(|| Fail::Date(s[..10].to_string()))
}

/// `H:MM`, `HH:MM`, `HH:MM:SS`, `HH:MM:SS.fff` at `pos`.
fn parse_clock(b: &[u8], pos: usize) -> Result<(Clock, usize), Fail> {
    let hour_len = digit_run(b, pos);
    if !(1..=2).contains(&hour_len) || b.get(pos + hour_len) != Some(&b':') {
        return Err(Fail::Unrecognised);
    }
    let hour = number(&b[pos..pos + hour_len]) as u32;
    let mut p = pos + hour_len + 1;
    if digit_run(b, p) != 2 {
        return Err(Fail::Unrecognised);
    }
    let minute = number(&b[p..p + 2]) as u32;
    p += 2;
    let mut second = 0;
    if b.get(p) == Some(&b':') && digit_run(b, p + 1) > 0 {
        if digit_run(b, p + 1) != 2 {
            return Err(Fail::Unrecognised);
        }
        second = number(&b[p + 1..p + 3]) as u32;
        p += 3;
        // Fractional seconds are accepted and dropped.
        if matches!(b.get(p), Some(b'.' | b',')) && digit_run(b, p + 1) > 0 {
            p += 1 + digit_run(b, p + 1);
        }
    }
    if hour >= 24 {
        return Err(Fail::Hour(hour));
    }
    if minute >= 60 {
        return Err(Fail::Minute(minute));
    }
    if second >= 60 {
        return Err(Fail::Second(second));
    }
    Ok((Clock { hour, minute, second }, p))
}

/// An optional zone at `pos`: glued on (`Z`, `UTC`, `PST`, `+02:00`, `+0200`; numeric
/// offsets only when `glued_offsets`) or after spaces (an offset, `UTC`, an abbreviation, a
/// zone name, or a final `Z`). In the middle of a pasted line (`Mode::Leading`) an
/// abbreviation must be in capitals and a zone name must have a `/`, so "14:32 ist das so"
/// keeps its words. Returns the zone and the position after it, or `pos` when there is none.
fn parse_zone(s: &str, pos: usize, mode: Mode) -> Result<(Option<Zone>, usize), Fail> {
    let b = s.as_bytes();
    let utc = Some(Zone::UTC);
    let word_ends = |at: usize| b.get(at).is_none_or(|c| !c.is_ascii_alphanumeric());
    let letters = |at: usize| {
        b.get(at..).map_or(0, |t| t.iter().take_while(|c| c.is_ascii_alphabetic()).count())
    };
    let abbreviation = |at: usize| {
        let len = letters(at);
        let word = s.get(at..at + len)?;
        let strict = mode == Mode::Leading && word.bytes().any(|c| c.is_ascii_lowercase());
        let found = zone::abbreviation(word).filter(|_| len >= 2 && !strict)?;
        let offset = FixedOffset::east_opt(found.offset)?;
        Some((Zone::Fixed(offset), at + len))
    };

    if matches!(b.get(pos), Some(b'Z' | b'z')) && word_ends(pos + 1) {
        return Ok((utc, pos + 1));
    }
    if let Some((zone, end)) = abbreviation(pos) {
        return Ok((Some(zone), end));
    }
    if mode == Mode::Whole
        && let Some((offset, end)) = parse_offset(s, pos)?
    {
        return Ok((Some(Zone::Fixed(offset)), end));
    }

    let start = skip_spaces(b, pos);
    if start == pos {
        return Ok((None, pos));
    }
    if let Some((zone, end)) = abbreviation(start) {
        return Ok((Some(zone), end));
    }
    if matches!(b.get(start), Some(b'Z' | b'z')) && start + 1 == b.len() {
        return Ok((utc, start + 1));
    }
    if let Some((offset, end)) = parse_offset(s, start)? {
        return Ok((Some(Zone::Fixed(offset)), end));
    }
    let name_len =
        b.get(start..).map_or(0, |t| t.iter().take_while(|&&c| zone::is_name_byte(c)).count());
    let name = &s[start..start + name_len];
    let allowed = mode == Mode::Whole || name.contains('/');
    if allowed
        && b.get(start).is_some_and(u8::is_ascii_alphabetic)
        && let Some(tz) = zone::named(name)
    {
        return Ok((Some(Zone::Named(tz)), start + name_len));
    }
    Ok((None, pos))
}

/// `+HH:MM` or `+HHMM` (or `-`) at `pos`. `None` when it isn't shaped like an offset; an
/// error when it is but names no real offset (`+25:00`).
fn parse_offset(s: &str, pos: usize) -> Result<Option<(FixedOffset, usize)>, Fail> {
    let b = s.as_bytes();
    let sign = match b.get(pos) {
        Some(b'+') => 1,
        Some(b'-') => -1,
        _ => return Ok(None),
    };
    let p = pos + 1;
    let (hours, minutes, end) = match digit_run(b, p) {
        2 if b.get(p + 2) == Some(&b':') && digit_run(b, p + 3) == 2 => {
            (number(&b[p..p + 2]), number(&b[p + 3..p + 5]), p + 5)
        }
        4 => (number(&b[p..p + 2]), number(&b[p + 2..p + 4]), p + 4),
        _ => return Ok(None),
    };
    if hours >= 24 || minutes >= 60 {
        return Err(Fail::Offset(s[pos..end].to_string()));
    }
    let seconds = sign * ((hours * 60 + minutes) * 60) as i32;
    FixedOffset::east_opt(seconds)
        .map(|offset| Some((offset, end)))
        .ok_or_else(|| Fail::Offset(s[pos..end].to_string()))
}

/// Turns what was read into a timestamp: in its own zone, else the reference's offset.
fn resolve(absolute: Absolute, ctx: &TimeContext) -> Result<Timestamp, Fail> {
    let reference = ctx.reference.unwrap_or(ctx.now);
    let default = Zone::Fixed(*reference.offset());
    match absolute {
        Absolute::DateTime(date, clock, zone) => {
            let zone = zone.unwrap_or(default);
            let local = date.and_time(clock.time().ok_or(Fail::OutOfRange)?);
            match zone.wall_clock(&local).ok_or(Fail::OutOfRange)? {
                WallClock::Skipped(_) => Err(Fail::Skipped(zone.label())),
                wall => wall
                    .candidates()
                    .min_by_key(|candidate| (*candidate - reference).abs())
                    .ok_or(Fail::OutOfRange),
            }
        }
        Absolute::TimeOfDay(clock, zone) => {
            let zone = zone.unwrap_or(default);
            let time = clock.time().ok_or(Fail::OutOfRange)?;
            match time_of_day_near(time, &zone, reference) {
                Some((_, true)) => Err(Fail::Skipped(zone.label())),
                Some((at, false)) => Ok(at),
                None => Err(Fail::OutOfRange),
            }
        }
    }
}

impl Clock {
    fn time(self) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(self.hour, self.minute, self.second)
    }
}

// ---------------------------------------------------------------------------------------
// Byte helpers. Every token is ASCII, so positions found here are char boundaries.

fn digit_run(b: &[u8], pos: usize) -> usize {
    b.get(pos..).map_or(0, |tail| tail.iter().take_while(|c| c.is_ascii_digit()).count())
}

fn skip_spaces(b: &[u8], pos: usize) -> usize {
    pos + b.get(pos..).map_or(0, |tail| tail.iter().take_while(|c| **c == b' ').count())
}

/// The value of a run of ASCII digits, saturating rather than overflowing.
fn number(digits: &[u8]) -> i64 {
    digits.iter().fold(0i64, |n, d| n.saturating_mul(10).saturating_add(i64::from(d - b'0')))
}

#[cfg(test)]
#[path = "time_entry_tests/mod.rs"]
mod tests;
