//! What a person types as a time: `14:32`, `+5m`, `2026-03-02 14:32`, RFC 3339.
//!
//! A small explicit parser on chrono. The forms:
//!
//! - empty or `now`: the current time;
//! - `14:32`, `14:32:05`, `9:05`: a time of day, dated from the reference (the previous
//!   event) in its offset, on whichever of the day before, the same day or the day after
//!   lands closest to the reference — so `00:10` after `23:50` is the next morning;
//! - any of those with a zone: `09:12 UTC`, `09:12Z`, `09:12 +02:00`, `09:12+0200`;
//! - relative: `+5m`, `-2m`, `+1h30m`, `+90s`, `+2d`, from the selected event (else now);
//! - a date and time: `2026-03-02 14:32`, `2026-03-02T14:32:05`, optionally with a zone;
//! - RFC 3339: `2026-03-02T14:32:00Z`, `2026-03-02T14:32:00.250+01:00`.
//!
//! Every result has whole seconds. Nothing here panics, whatever it is given.

use chrono::{Days, FixedOffset, NaiveDate, NaiveTime, TimeDelta, TimeZone, Timelike};

use super::Timestamp;
use super::text::sanitize_line;

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
}

pub const ACCEPTED_FORMS: &str =
    "14:32 · 14:32:05 · 09:12 UTC · +5m / -2m / +1h · 2026-03-02 14:32 · 2026-03-02T14:32:00Z";

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
        return Err(TimeError::TrailingText {
            input: shown(s),
            rest: shown(rest),
        });
    }
    resolve(absolute, ctx).ok_or_else(|| TimeError::OutOfRange { input: shown(s) })
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
    let at = resolve(absolute, ctx)?;
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
                TimeError::TrailingText {
                    input: shown(s),
                    rest: shown(&s[pos..]),
                }
            });
        }
        let amount = number(&b[pos..pos + digits]);
        pos = skip_spaces(b, pos + digits);
        let letters = b[pos..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
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
    anchor
        .checked_add_signed(delta)
        .ok_or_else(|| TimeError::OutOfRange { input: shown(s) })
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
    TimeOfDay(Clock, Option<FixedOffset>),
    DateTime(NaiveDate, Clock, Option<FixedOffset>),
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
        let (zone, pos) = parse_zone(s, pos, true)?;
        Ok((Absolute::DateTime(date, clock, zone), pos))
    } else if (1..=2).contains(&lead) && b.get(lead) == Some(&b':') {
        let (clock, pos) = parse_clock(b, 0)?;
        let (zone, pos) = parse_zone(s, pos, mode == Mode::Whole)?;
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
    Ok((
        Clock {
            hour,
            minute,
            second,
        },
        p,
    ))
}

/// An optional zone at `pos`: glued on (`Z`, `UTC`, `+02:00`, `+0200`; numeric offsets only
/// when `glued_offsets`) or after spaces (`UTC`, `GMT`, `+02:00`, `+0200`, or a final `Z`).
/// Returns the offset and the position after it, or `pos` unchanged when there is none.
fn parse_zone(
    s: &str,
    pos: usize,
    glued_offsets: bool,
) -> Result<(Option<FixedOffset>, usize), Fail> {
    let b = s.as_bytes();
    let utc = FixedOffset::east_opt(0);
    let word_ends = |at: usize| b.get(at).is_none_or(|c| !c.is_ascii_alphanumeric());
    let named = |at: usize| {
        let word = b.get(at..at + 3)?;
        (word.eq_ignore_ascii_case(b"utc") || word.eq_ignore_ascii_case(b"gmt"))
            .then_some(at + 3)
            .filter(|&end| word_ends(end))
    };

    if matches!(b.get(pos), Some(b'Z' | b'z')) && word_ends(pos + 1) {
        return Ok((utc, pos + 1));
    }
    if let Some(end) = named(pos) {
        return Ok((utc, end));
    }
    if glued_offsets && let Some((offset, end)) = parse_offset(s, pos)? {
        return Ok((Some(offset), end));
    }

    let start = skip_spaces(b, pos);
    if start == pos {
        return Ok((None, pos));
    }
    if let Some(end) = named(start) {
        return Ok((utc, end));
    }
    if matches!(b.get(start), Some(b'Z' | b'z')) && start + 1 == b.len() {
        return Ok((utc, start + 1));
    }
    if let Some((offset, end)) = parse_offset(s, start)? {
        return Ok((Some(offset), end));
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

/// Turns what was read into a timestamp. `None` only at the edges of chrono's range.
fn resolve(absolute: Absolute, ctx: &TimeContext) -> Option<Timestamp> {
    let reference = ctx.reference.unwrap_or(ctx.now);
    match absolute {
        Absolute::DateTime(date, clock, zone) => {
            let offset = zone.unwrap_or(*reference.offset());
            let local = date.and_time(clock.time()?);
            offset.from_local_datetime(&local).single()
        }
        Absolute::TimeOfDay(clock, zone) => {
            let offset = zone.unwrap_or(*reference.offset());
            let time = clock.time()?;
            // `date_naive()` would panic at the very edges of chrono's range.
            let day = reference
                .naive_utc()
                .checked_add_signed(TimeDelta::seconds(offset.local_minus_utc().into()))?
                .date();
            // The same day wins a tie, so the result is never more than 12 hours away.
            [
                Some(day),
                day.checked_sub_days(Days::new(1)),
                day.checked_add_days(Days::new(1)),
            ]
            .into_iter()
            .flatten()
            .filter_map(|date| offset.from_local_datetime(&date.and_time(time)).single())
            .min_by_key(|candidate| (*candidate - reference).abs())
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
    b.get(pos..).map_or(0, |tail| {
        tail.iter().take_while(|c| c.is_ascii_digit()).count()
    })
}

fn skip_spaces(b: &[u8], pos: usize) -> usize {
    pos + b
        .get(pos..)
        .map_or(0, |tail| tail.iter().take_while(|c| **c == b' ').count())
}

/// The value of a run of ASCII digits, saturating rather than overflowing.
fn number(digits: &[u8]) -> i64 {
    digits.iter().fold(0i64, |n, d| {
        n.saturating_mul(10).saturating_add(i64::from(d - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, SecondsFormat, Utc};
    use proptest::prelude::*;

    fn ts(s: &str) -> Timestamp {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    /// Now 15:00:00.75 (+01:00), previous event 14:00, selected event 14:10.
    fn ctx() -> TimeContext {
        TimeContext {
            now: ts("2026-03-02T15:00:00.750+01:00"),
            selected: Some(ts("2026-03-02T14:10:00+01:00")),
            reference: Some(ts("2026-03-02T14:00:00+01:00")),
        }
    }

    fn ctx_ref(reference: &str) -> TimeContext {
        TimeContext {
            reference: Some(ts(reference)),
            ..ctx()
        }
    }

    fn bare() -> TimeContext {
        TimeContext {
            now: ts("2026-03-02T15:00:00.750-05:00"),
            selected: None,
            reference: None,
        }
    }

    fn ok(input: &str, ctx: &TimeContext) -> Timestamp {
        parse_time(input, ctx).unwrap_or_else(|e| panic!("{input:?}: {e}"))
    }

    /// Same instant and same offset, as an RFC 3339 string.
    fn assert_at(got: Timestamp, want: &str) {
        assert_eq!(got.to_rfc3339(), ts(want).to_rfc3339());
    }

    fn err(input: &str) -> TimeError {
        match parse_time(input, &ctx()) {
            Ok(t) => panic!("{input:?} should be rejected, got {t}"),
            Err(e) => e,
        }
    }

    // --- now ------------------------------------------------------------------------------

    #[test]
    fn time_parse_empty_is_now_in_whole_seconds() {
        assert_at(ok("", &ctx()), "2026-03-02T15:00:00+01:00");
        assert_at(ok("   ", &ctx()), "2026-03-02T15:00:00+01:00");
    }

    #[test]
    fn time_parse_now_any_case_is_now() {
        for input in ["now", "NOW", " Now "] {
            assert_at(ok(input, &ctx()), "2026-03-02T15:00:00+01:00");
        }
    }

    // --- time of day ----------------------------------------------------------------------

    #[test]
    fn time_parse_hh_mm_takes_reference_date_and_offset() {
        assert_at(ok("14:32", &ctx()), "2026-03-02T14:32:00+01:00");
    }

    #[test]
    fn time_parse_hh_mm_ss_keeps_seconds() {
        assert_at(ok("14:32:05", &ctx()), "2026-03-02T14:32:05+01:00");
    }

    #[test]
    fn time_parse_single_digit_hour_is_accepted() {
        assert_at(ok("9:05", &ctx()), "2026-03-02T09:05:00+01:00");
    }

    #[test]
    fn time_parse_surrounding_space_is_ignored() {
        assert_at(ok("  14:32  ", &ctx()), "2026-03-02T14:32:00+01:00");
    }

    #[test]
    fn time_parse_without_reference_uses_now() {
        assert_at(ok("14:32", &bare()), "2026-03-02T14:32:00-05:00");
    }

    #[test]
    fn time_parse_after_late_event_rolls_to_next_day() {
        let c = ctx_ref("2026-03-02T23:50:00+01:00");
        assert_at(ok("00:10", &c), "2026-03-03T00:10:00+01:00");
    }

    #[test]
    fn time_parse_after_early_event_rolls_to_previous_day() {
        let c = ctx_ref("2026-03-02T00:10:00+01:00");
        assert_at(ok("23:55", &c), "2026-03-01T23:55:00+01:00");
    }

    #[test]
    fn time_parse_rollover_crosses_month_and_year() {
        let c = ctx_ref("2026-12-31T23:40:00+00:00");
        assert_at(ok("00:05", &c), "2027-01-01T00:05:00+00:00");
        let c = ctx_ref("2026-03-01T00:05:00+00:00");
        assert_at(ok("23:59", &c), "2026-02-28T23:59:00+00:00");
    }

    #[test]
    fn time_parse_twelve_hour_tie_stays_on_same_day() {
        let c = ctx_ref("2026-03-02T12:00:00+00:00");
        assert_at(ok("00:00", &c), "2026-03-02T00:00:00+00:00");
        let c = ctx_ref("2026-03-02T00:00:00+00:00");
        assert_at(ok("12:00", &c), "2026-03-02T12:00:00+00:00");
    }

    #[test]
    fn time_parse_eleven_hours_earlier_stays_on_same_day() {
        let c = ctx_ref("2026-03-02T22:00:00+00:00");
        assert_at(ok("11:00", &c), "2026-03-02T11:00:00+00:00");
    }

    // --- zones ----------------------------------------------------------------------------

    #[test]
    fn time_parse_utc_suffix_uses_utc() {
        for input in [
            "09:12 UTC",
            "09:12 utc",
            "09:12UTC",
            "09:12 GMT",
            "09:12Z",
            "09:12z",
        ] {
            assert_at(ok(input, &ctx()), "2026-03-02T09:12:00+00:00");
        }
        assert_at(ok("09:12 Z", &ctx()), "2026-03-02T09:12:00+00:00");
    }

    #[test]
    fn time_parse_numeric_offset_is_used() {
        for input in ["09:12 +02:00", "09:12+02:00", "09:12+0200", "09:12 +0200"] {
            assert_at(ok(input, &ctx()), "2026-03-02T09:12:00+02:00");
        }
        assert_at(ok("09:12:30 -05:30", &ctx()), "2026-03-02T09:12:30-05:30");
    }

    #[test]
    fn time_parse_zone_dates_from_reference_seen_in_that_zone() {
        // 00:30 at +01:00 is still the 1st in UTC.
        let c = ctx_ref("2026-03-02T00:30:00+01:00");
        assert_at(ok("23:40 UTC", &c), "2026-03-01T23:40:00+00:00");
        assert_at(ok("00:20 UTC", &c), "2026-03-02T00:20:00+00:00");
    }

    // --- relative -------------------------------------------------------------------------

    #[test]
    fn time_parse_relative_counts_from_selected_event() {
        let c = ctx();
        assert_at(ok("+5m", &c), "2026-03-02T14:15:00+01:00");
        assert_at(ok("-2m", &c), "2026-03-02T14:08:00+01:00");
        assert_at(ok("+1h", &c), "2026-03-02T15:10:00+01:00");
        assert_at(ok("+90s", &c), "2026-03-02T14:11:30+01:00");
        assert_at(ok("+1h30m", &c), "2026-03-02T15:40:00+01:00");
        assert_at(ok("+2d", &c), "2026-03-04T14:10:00+01:00");
        assert_at(ok("-1h 5m", &c), "2026-03-02T13:05:00+01:00");
        assert_at(ok("+5 min", &c), "2026-03-02T14:15:00+01:00");
        assert_at(ok("+2H", &c), "2026-03-02T16:10:00+01:00");
        assert_at(ok("+0m", &c), "2026-03-02T14:10:00+01:00");
    }

    #[test]
    fn time_parse_relative_without_selection_counts_from_now() {
        assert_at(ok("+5m", &bare()), "2026-03-02T15:05:00-05:00");
        assert_at(ok("-90s", &bare()), "2026-03-02T14:58:30-05:00");
    }

    #[test]
    fn time_parse_relative_keeps_anchor_offset() {
        let c = TimeContext {
            selected: Some(ts("2026-03-02T09:00:00-07:00")),
            ..ctx()
        };
        assert_at(ok("+15m", &c), "2026-03-02T09:15:00-07:00");
    }

    #[test]
    fn time_parse_relative_thirty_days_is_accepted() {
        assert_at(ok("+30d", &ctx()), "2026-04-01T14:10:00+01:00");
        assert_at(ok("-720h", &ctx()), "2026-01-31T14:10:00+01:00");
    }

    // --- date and time --------------------------------------------------------------------

    #[test]
    fn time_parse_date_time_uses_reference_offset() {
        assert_at(ok("2026-03-02 14:32", &ctx()), "2026-03-02T14:32:00+01:00");
        assert_at(
            ok("2026-03-02 14:32:05", &ctx()),
            "2026-03-02T14:32:05+01:00",
        );
        assert_at(ok("2026-03-02T14:32", &ctx()), "2026-03-02T14:32:00+01:00");
        assert_at(ok("2026-03-02t14:32", &ctx()), "2026-03-02T14:32:00+01:00");
        assert_at(ok("2026-03-02  9:05", &ctx()), "2026-03-02T09:05:00+01:00");
    }

    #[test]
    fn time_parse_date_time_is_not_rolled_over() {
        let c = ctx_ref("2026-03-02T23:50:00+01:00");
        assert_at(ok("2026-03-02 00:10", &c), "2026-03-02T00:10:00+01:00");
    }

    #[test]
    fn time_parse_date_time_without_reference_uses_now_offset() {
        assert_at(ok("2026-02-27 08:00", &bare()), "2026-02-27T08:00:00-05:00");
    }

    #[test]
    fn time_parse_date_time_with_zone_uses_that_zone() {
        assert_at(ok("2026-03-02 14:32 UTC", &ctx()), "2026-03-02T14:32:00Z");
        assert_at(
            ok("2026-03-02 14:32 +05:30", &ctx()),
            "2026-03-02T14:32:00+05:30",
        );
        assert_at(
            ok("2026-03-02T14:32-0800", &ctx()),
            "2026-03-02T14:32:00-08:00",
        );
    }

    #[test]
    fn time_parse_rfc3339_is_accepted() {
        assert_at(ok("2026-03-02T14:32:00Z", &ctx()), "2026-03-02T14:32:00Z");
        assert_at(ok("2026-03-02t14:32:00z", &ctx()), "2026-03-02T14:32:00Z");
        assert_at(
            ok("2026-03-02T14:32:00+01:00", &ctx()),
            "2026-03-02T14:32:00+01:00",
        );
        assert_at(
            ok("2026-03-02T14:32:00-00:00", &ctx()),
            "2026-03-02T14:32:00+00:00",
        );
    }

    #[test]
    fn time_parse_fractional_seconds_are_truncated() {
        let t = ok("2026-03-02T14:32:00.999999999+01:00", &ctx());
        assert_at(t, "2026-03-02T14:32:00+01:00");
        assert_eq!(t.nanosecond(), 0);
        assert_at(ok("2026-03-02T14:32:07.5Z", &ctx()), "2026-03-02T14:32:07Z");
        assert_at(ok("14:32:07,25", &ctx()), "2026-03-02T14:32:07+01:00");
    }

    #[test]
    fn time_parse_results_have_whole_seconds() {
        let c = TimeContext {
            selected: Some(ts("2026-03-02T14:10:00.123+01:00")),
            ..ctx()
        };
        for input in ["", "now", "+5m", "14:32", "2026-03-02 14:32", "14:32:00.9Z"] {
            assert_eq!(ok(input, &c).nanosecond(), 0, "{input:?}");
        }
    }

    #[test]
    fn time_parse_leap_year_day_is_accepted() {
        assert_at(ok("2028-02-29 12:00", &ctx()), "2028-02-29T12:00:00+01:00");
    }

    // --- rejections -----------------------------------------------------------------------

    #[test]
    fn time_parse_rejects_hour_25() {
        let e = err("25:00");
        assert!(
            matches!(e, TimeError::HourOutOfRange { hour: 25, .. }),
            "{e:?}"
        );
        assert_eq!(
            e.to_string(),
            format!("“25:00” — hour 25 doesn't exist. Try {ACCEPTED_FORMS}")
        );
    }

    #[test]
    fn time_parse_rejects_hour_24() {
        assert!(matches!(
            err("24:00"),
            TimeError::HourOutOfRange { hour: 24, .. }
        ));
        assert!(matches!(
            err("2026-03-02T24:00:00Z"),
            TimeError::HourOutOfRange { hour: 24, .. }
        ));
    }

    #[test]
    fn time_parse_rejects_minute_60() {
        assert!(matches!(
            err("14:60"),
            TimeError::MinuteOutOfRange { minute: 60, .. }
        ));
        assert!(matches!(
            err("14:99 UTC"),
            TimeError::MinuteOutOfRange { minute: 99, .. }
        ));
    }

    #[test]
    fn time_parse_rejects_second_60() {
        assert!(matches!(
            err("14:32:60"),
            TimeError::SecondOutOfRange { second: 60, .. }
        ));
        assert!(matches!(
            err("2026-03-02T14:32:60Z"),
            TimeError::SecondOutOfRange { second: 60, .. }
        ));
    }

    #[test]
    fn time_parse_rejects_invalid_dates() {
        for input in [
            "2026-02-30 14:00",
            "2026-13-01 14:00",
            "2025-02-29T12:00:00Z",
            "2026-00-10 1:00",
        ] {
            let e = err(input);
            assert!(
                matches!(e, TimeError::InvalidDate { .. }),
                "{input:?}: {e:?}"
            );
        }
        assert!(
            err("2026-02-30 14:00")
                .to_string()
                .contains("2026-02-30 isn't a real date")
        );
    }

    #[test]
    fn time_parse_rejects_date_without_time() {
        assert!(matches!(
            err("2026-03-02"),
            TimeError::DateWithoutTime { .. }
        ));
        assert!(matches!(
            err("2026-03-02 noon"),
            TimeError::DateWithoutTime { .. }
        ));
    }

    #[test]
    fn time_parse_rejects_garbage() {
        for input in [
            "hello",
            "14",
            "1432",
            "14.32",
            "14h32",
            "14:3",
            "14:32:5",
            "123:00",
            ":30",
            "14:",
            "2026-3-2 14:00",
            "2026/03/02 14:00",
            "yesterday",
            "+",
            "-",
            "+m",
            "🚒",
            "\u{0}",
        ] {
            let e = err(input);
            assert!(matches!(e, TimeError::Unrecognised(_)), "{input:?}: {e:?}");
        }
    }

    #[test]
    fn time_parse_rejects_relative_without_unit() {
        for input in ["+5", "-10", "+1h30", "+ 5"] {
            let e = err(input);
            assert!(
                matches!(e, TimeError::RelativeWithoutUnit { .. }),
                "{input:?}: {e:?}"
            );
        }
    }

    #[test]
    fn time_parse_rejects_relative_unknown_unit() {
        assert!(matches!(err("+5x"), TimeError::Unrecognised(_)));
        assert!(matches!(err("+5 weeks"), TimeError::Unrecognised(_)));
    }

    #[test]
    fn time_parse_rejects_relative_over_30_days() {
        for input in [
            "+31d",
            "+30d1s",
            "-721h",
            "+99999999999999999999999m",
            "+1000000000d",
        ] {
            let e = err(input);
            assert!(
                matches!(e, TimeError::RelativeTooLarge { .. }),
                "{input:?}: {e:?}"
            );
        }
    }

    #[test]
    fn time_parse_rejects_trailing_junk() {
        for (input, rest) in [
            ("14:32 foo", "foo"),
            ("14:32:05 and then", "and then"),
            ("2026-03-02T14:32:00Z junk", "junk"),
            ("09:12 UTC!", "!"),
            ("14:32pm", "pm"),
            ("+5m later", "later"),
        ] {
            match err(input) {
                TimeError::TrailingText { rest: r, .. } => assert_eq!(r, rest, "{input:?}"),
                e => panic!("{input:?}: {e:?}"),
            }
        }
    }

    #[test]
    fn time_parse_rejects_impossible_offset() {
        assert!(matches!(
            err("09:12 +25:00"),
            TimeError::InvalidOffset { .. }
        ));
        assert!(matches!(err("09:12+0275"), TimeError::InvalidOffset { .. }));
    }

    #[test]
    fn time_error_display_is_one_line_listing_forms() {
        let long = "x".repeat(500);
        for input in [
            "25:00",
            "\n\x1b[31m25:00\x1b[0m\r\n",
            "14:32\nfoo\tbar",
            "nope\r\nnope",
            &long,
        ] {
            let text = err(input).to_string();
            assert!(!text.contains(['\n', '\r', '\t', '\u{1b}']), "{text:?}");
            assert!(text.ends_with(ACCEPTED_FORMS), "{text:?}");
        }
        assert!(
            err(&long)
                .to_string()
                .starts_with(&format!("“{}…”", "x".repeat(39)))
        );
    }

    #[test]
    fn time_parse_extreme_context_does_not_panic() {
        let edges = [
            DateTime::<Utc>::MAX_UTC.fixed_offset(),
            DateTime::<Utc>::MIN_UTC.fixed_offset(),
            DateTime::<Utc>::MAX_UTC.with_timezone(&FixedOffset::east_opt(86_399).unwrap()),
            DateTime::<Utc>::MIN_UTC.with_timezone(&FixedOffset::west_opt(86_399).unwrap()),
        ];
        for edge in edges {
            let c = TimeContext {
                now: edge,
                selected: Some(edge),
                reference: Some(edge),
            };
            for input in [
                "",
                "+30d",
                "-30d",
                "23:59",
                "00:00",
                "12:00 UTC",
                "9999-12-31 23:59 -23:59",
            ] {
                let _ = parse_time(input, &c);
                let _ = split_leading_time(input, &c);
            }
        }
    }

    // --- split_leading_time ---------------------------------------------------------------

    fn split(line: &str) -> (Option<String>, &str) {
        let (at, rest) = split_leading_time(line, &ctx());
        (at.map(|t| t.to_rfc3339()), rest)
    }

    fn want(at: &str, rest: &'static str) -> (Option<String>, &'static str) {
        (Some(ts(at).to_rfc3339()), rest)
    }

    #[test]
    fn split_leading_time_reads_time_of_day() {
        assert_eq!(
            split("14:32 deploy started"),
            want("2026-03-02T14:32:00+01:00", "deploy started")
        );
        assert_eq!(
            split("14:32:05 deploy"),
            want("2026-03-02T14:32:05+01:00", "deploy")
        );
        assert_eq!(
            split("  9:05   pager fired  "),
            want("2026-03-02T09:05:00+01:00", "pager fired")
        );
    }

    #[test]
    fn split_leading_time_reads_bracketed_times() {
        assert_eq!(
            split("[14:32] alice: rolling back"),
            want("2026-03-02T14:32:00+01:00", "alice: rolling back")
        );
        assert_eq!(
            split("[14:32:05] bob"),
            want("2026-03-02T14:32:05+01:00", "bob")
        );
        assert_eq!(
            split("[14:32]bob"),
            want("2026-03-02T14:32:00+01:00", "bob")
        );
        assert_eq!(
            split("[2026-03-02T14:32:05+01:00] text"),
            want("2026-03-02T14:32:05+01:00", "text")
        );
        assert_eq!(
            split("[ 14:32 ] - text"),
            want("2026-03-02T14:32:00+01:00", "text")
        );
    }

    #[test]
    fn split_leading_time_reads_dates_and_zones() {
        assert_eq!(
            split("2026-03-02 14:32 text"),
            want("2026-03-02T14:32:00+01:00", "text")
        );
        assert_eq!(
            split("2026-03-02T14:32:05Z text"),
            want("2026-03-02T14:32:05Z", "text")
        );
        assert_eq!(
            split("2026-03-02T14:32:05.123-08:00 GET /health 503"),
            want("2026-03-02T14:32:05-08:00", "GET /health 503")
        );
        assert_eq!(
            split("09:12 UTC text"),
            want("2026-03-02T09:12:00Z", "text")
        );
        assert_eq!(split("09:12Z text"), want("2026-03-02T09:12:00Z", "text"));
        assert_eq!(
            split("09:12 +02:00 text"),
            want("2026-03-02T09:12:00+02:00", "text")
        );
    }

    #[test]
    fn split_leading_time_drops_one_separator() {
        let at = "2026-03-02T14:32:00+01:00";
        for line in [
            "14:32 - text",
            "14:32: text",
            "14:32 : text",
            "14:32 | text",
            "14:32|text",
            "14:32—text",
            "14:32 — text",
            "14:32 – text",
            "14:32\ttext",
        ] {
            assert_eq!(split(line), want(at, "text"), "{line:?}");
        }
        assert_eq!(split("14:32 - - text"), want(at, "- text"));
        assert_eq!(
            split("09:12 UTC - text"),
            want("2026-03-02T09:12:00Z", "text")
        );
    }

    #[test]
    fn split_leading_time_time_alone_leaves_empty_rest() {
        assert_eq!(split("14:32"), want("2026-03-02T14:32:00+01:00", ""));
        assert_eq!(split(" [14:32:05] "), want("2026-03-02T14:32:05+01:00", ""));
        assert_eq!(split("14:32 -"), want("2026-03-02T14:32:00+01:00", ""));
    }

    #[test]
    fn split_leading_time_rolls_over_from_reference() {
        let c = ctx_ref("2026-03-02T23:50:00+01:00");
        let (at, rest) = split_leading_time("00:05 still down", &c);
        assert_eq!(at, Some(ts("2026-03-03T00:05:00+01:00")));
        assert_eq!(rest, "still down");
    }

    #[test]
    fn split_leading_time_ignores_lines_without_time() {
        for line in [
            "5xx errors climbing",
            "3 hosts down",
            "+5m later we paged",
            "-2m earlier",
            "no time here",
            "2026 was a year",
            "2026-03-02 deploy day",
            "10:00-10:30 maintenance window",
            "14:32pm meeting",
            "1:1 with alice",
            "25:00 is not a time",
            "14:60 nope",
            "14.32 nope",
            "[14:32 unclosed",
            "now we know",
            "",
            "   ",
            "14:32:5 odd",
            "[] empty",
            "🚒 14:32 later",
        ] {
            let (at, rest) = split_leading_time(line, &ctx());
            assert_eq!(at, None, "{line:?}");
            assert_eq!(rest, line.trim(), "{line:?}");
        }
    }

    // --- properties -----------------------------------------------------------------------

    fn any_offset() -> impl Strategy<Value = FixedOffset> {
        (-(23 * 60 + 59)..=(23 * 60 + 59))
            .prop_map(|minutes: i32| FixedOffset::east_opt(minutes * 60).unwrap())
    }

    /// Any whole-second instant in years 0000–9999 (what RFC 3339 can write), in any offset
    /// that keeps its local date inside that range too.
    fn any_timestamp() -> impl Strategy<Value = Timestamp> {
        let lo = ts("0000-01-02T00:00:00Z").timestamp();
        let hi = ts("9999-12-30T23:59:59Z").timestamp();
        (lo..=hi, any_offset()).prop_map(|(secs, offset)| {
            DateTime::from_timestamp(secs, 0)
                .unwrap()
                .with_timezone(&offset)
        })
    }

    fn time_ish() -> impl Strategy<Value = String> {
        "[0-9:+\\-TtZz .,\\[\\]|a-z\u{2014}\u{e9}]{0,28}"
    }

    proptest! {
        #[test]
        fn time_parse_arbitrary_string_never_panics(s in any::<String>(), c in any_timestamp()) {
            let ctx = TimeContext { now: c, selected: None, reference: Some(c) };
            let _ = parse_time(&s, &ctx);
            let _ = split_leading_time(&s, &ctx);
        }

        #[test]
        fn time_parse_time_ish_string_never_panics(s in time_ish(), c in any_timestamp()) {
            let ctx = TimeContext { now: c, selected: Some(c), reference: None };
            match parse_time(&s, &ctx) {
                Ok(t) => prop_assert_eq!(t.nanosecond(), 0),
                Err(e) => prop_assert!(!e.to_string().contains('\n')),
            }
            let (at, rest) = split_leading_time(&s, &ctx);
            prop_assert!(s.contains(rest));
            if let Some(t) = at {
                prop_assert_eq!(t.nanosecond(), 0);
            }
        }

        #[test]
        fn time_parse_at_range_edges_never_panics(s in time_ish(), edge in 0usize..4, pick in any::<bool>()) {
            let edges = [
                DateTime::<Utc>::MAX_UTC.fixed_offset(),
                DateTime::<Utc>::MIN_UTC.fixed_offset(),
                DateTime::<Utc>::MAX_UTC.with_timezone(&FixedOffset::east_opt(86_399).unwrap()),
                DateTime::<Utc>::MIN_UTC.with_timezone(&FixedOffset::west_opt(86_399).unwrap()),
            ];
            let c = edges[edge];
            let ctx = TimeContext { now: c, selected: pick.then_some(c), reference: pick.then_some(c) };
            let _ = parse_time(&s, &ctx);
            let _ = split_leading_time(&s, &ctx);
        }

        #[test]
        fn time_parse_rfc3339_round_trips(t in any_timestamp(), z in any::<bool>()) {
            let text = t.to_rfc3339_opts(SecondsFormat::AutoSi, z);
            let back = parse_time(&text, &ctx()).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(back, t);
            prop_assert_eq!(back.offset(), t.offset());
        }

        #[test]
        fn time_parse_hh_mm_lands_within_12_hours_of_reference(
            hour in 0u32..24,
            minute in 0u32..60,
            reference in any_timestamp(),
        ) {
            let ctx = TimeContext { now: ctx().now, selected: None, reference: Some(reference) };
            let t = parse_time(&format!("{hour:02}:{minute:02}"), &ctx)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!((t - reference).abs() <= TimeDelta::hours(12), "{t} vs {reference}");
            prop_assert_eq!(t.offset(), reference.offset());
            prop_assert_eq!((t.hour(), t.minute(), t.second()), (hour, minute, 0));
        }

        #[test]
        fn time_parse_relative_minutes_move_the_anchor(minutes in 0i64..=43_200, back in any::<bool>()) {
            let sign = if back { '-' } else { '+' };
            let t = parse_time(&format!("{sign}{minutes}m"), &ctx())
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let delta = TimeDelta::minutes(if back { -minutes } else { minutes });
            prop_assert_eq!(t, ctx().selected.unwrap() + delta);
        }
    }
}
