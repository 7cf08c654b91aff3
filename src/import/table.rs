//! Tables that alerting and incident tools export: CSV with a header row (comma, semicolon
//! or tab, RFC 4180 quoting, a quoted field may span lines) and JSON Lines. The time and
//! text are found by name (`--columns time,text[,source]`, `--time-field`, `--text-field`)
//! or, when not named, by the usual names (`timestamp`, `message`…).

use std::borrow::Cow;

use chrono::{DateTime, Utc};

use super::parse::{Raw, Step, problem};
use super::stamp::{self, When};
use super::{Fields, messages};

/// Column or field names tried, in order, when none is given.
const TIME_NAMES: &[&str] = &[
    "time",
    "timestamp",
    "@timestamp",
    "datetime",
    "date",
    "created_at",
    "created",
    "at",
    "when",
    "ts",
    "occurred_at",
    "started_at",
    "start",
    "event_time",
];
const TEXT_NAMES: &[&str] = &[
    "text",
    "message",
    "msg",
    "summary",
    "description",
    "title",
    "event",
    "body",
    "details",
    "log",
];
const SOURCE_NAMES: &[&str] = &[
    "source",
    "service",
    "service.name",
    "host",
    "host.name",
    "hostname",
    "origin",
    "component",
    "app",
    "from",
];

// ---------------------------------------------------------------------------------------
// CSV

#[derive(Debug, Clone)]
pub struct CsvParser {
    wanted: Fields,
    header: Option<Header>,
    /// A record whose quoted field runs on to the next line: where it began, and so far.
    partial: Option<(u64, String)>,
}

#[derive(Debug, Clone)]
struct Header {
    delimiter: u8,
    time: usize,
    text: usize,
    source: Option<usize>,
}

impl CsvParser {
    pub fn new(wanted: Fields) -> Self {
        CsvParser { wanted, header: None, partial: None }
    }

    pub fn line<'a>(&mut self, text: &'a str, number: u64) -> Step<'a> {
        let (start, record): (u64, Cow<'a, str>) = match self.partial.take() {
            Some((start, mut so_far)) => {
                so_far.push('\n');
                so_far.push_str(text);
                (start, Cow::Owned(so_far))
            }
            None if text.trim().is_empty() => return Step::Blank,
            None => (number, Cow::Borrowed(text)),
        };
        let delimiter = match &self.header {
            Some(header) => header.delimiter,
            None => sniff_delimiter(&record),
        };
        let Some(cells) = split_record(&record, delimiter) else {
            if record.len() > super::input::MAX_LINE {
                return problem(start, messages::CSV_UNCLOSED, &record);
            }
            self.partial = Some((start, record.into_owned()));
            return Step::Pending;
        };
        let Some(header) = &self.header else {
            return match self.read_header(&cells, delimiter) {
                Ok(header) => {
                    self.header = Some(header);
                    Step::Ignored
                }
                Err(message) => Step::Stop(message),
            };
        };
        let cell = |i: usize| cells.get(i).map(|c| c.trim()).unwrap_or("");
        let (time, said) = (cell(header.time), cell(header.text));
        if time.is_empty() {
            return problem(
                start,
                messages::missing_field("time", &format!("column {}", header.time + 1)),
                &record,
            );
        }
        let Some(when) = time_value(time) else {
            return problem(start, messages::unreadable_time(time), &record);
        };
        if said.is_empty() {
            return problem(start, messages::NO_TEXT, &record);
        }
        let detail =
            header.source.map(cell).filter(|s| !s.is_empty()).map(|s| Cow::Owned(s.to_string()));
        Step::Entry(Raw {
            line: start,
            when,
            text: Cow::Owned(said.to_string()),
            author: None,
            detail,
        })
    }

    pub fn open_since(&self) -> Option<u64> {
        self.partial.as_ref().map(|(start, _)| *start)
    }

    pub fn finish(&mut self) -> Option<Step<'static>> {
        let (start, record) = self.partial.take()?;
        Some(problem(start, messages::CSV_UNCLOSED, &record))
    }

    fn read_header(&self, cells: &[Cow<'_, str>], delimiter: u8) -> Result<Header, String> {
        let names: Vec<String> = cells.iter().map(|c| c.trim().to_string()).collect();
        let flag = "--columns time,text[,source]";
        let time = find(&names, self.wanted.time.as_deref(), TIME_NAMES)
            .ok_or_else(|| messages::columns_missing("time", &names, flag))?;
        let text = find(&names, self.wanted.text.as_deref(), TEXT_NAMES)
            .ok_or_else(|| messages::columns_missing("text", &names, flag))?;
        let source = match self.wanted.source.as_deref() {
            Some(wanted) => Some(
                find(&names, Some(wanted), &[])
                    .ok_or_else(|| messages::columns_missing("source", &names, flag))?,
            ),
            None => find(&names, None, SOURCE_NAMES).filter(|&i| i != time && i != text),
        };
        Ok(Header { delimiter, time, text, source })
    }
}

/// The delimiter of a header row: whichever of `,` `;` tab appears most outside quotes.
fn sniff_delimiter(line: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for b in line.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], std::cmp::Reverse(i))).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// One CSV record's cells, or `None` when a quoted field is still open at the end.
fn split_record(record: &str, delimiter: u8) -> Option<Vec<Cow<'_, str>>> {
    let b = record.as_bytes();
    let mut cells = Vec::new();
    let mut p = 0;
    loop {
        if b.get(p) == Some(&b'"') {
            let mut value = String::new();
            let mut q = p + 1;
            loop {
                let close = memchr::memchr(b'"', b.get(q..)?)? + q;
                value.push_str(&record[q..close]);
                if b.get(close + 1) == Some(&b'"') {
                    value.push('"');
                    q = close + 2;
                } else {
                    q = close + 1;
                    break;
                }
            }
            // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
            let end = memchr::memchr(delimiter, &b[q..]).map_or(b.len(), |i| i + q);
            value.push_str(&record[q..end]);
            cells.push(Cow::Owned(value));
            p = end;
        } else {
            let end = memchr::memchr(delimiter, &b[p..]).map_or(b.len(), |i| i + p);
            cells.push(Cow::Borrowed(&record[p..end]));
            p = end;
        }
        if p >= b.len() {
            return Some(cells);
        }
        p += 1;
        if p == b.len() {
            cells.push(Cow::Borrowed(""));
            return Some(cells);
        }
    }
}

/// The index of a column: the one asked for (any case), else the first usual name.
fn find(names: &[String], wanted: Option<&str>, usual: &[&str]) -> Option<usize> {
    let position = |name: &str| names.iter().position(|n| n.eq_ignore_ascii_case(name));
    match wanted {
        Some(name) => position(name.trim()),
        None => usual.iter().find_map(|name| position(name)),
    }
}

// ---------------------------------------------------------------------------------------
// JSON Lines

#[derive(Debug, Clone)]
pub struct JsonlParser {
    wanted: Fields,
}

impl JsonlParser {
    pub fn new(wanted: Fields) -> Self {
        JsonlParser { wanted }
    }

    pub fn line<'a>(&mut self, text: &'a str, number: u64) -> Step<'a> {
        if text.trim().is_empty() {
            return Step::Blank;
        }
        let value: serde_json::Value = match serde_json::from_str(text) {
            Ok(value) => value,
            Err(e) => return problem(number, messages::bad_json(&e), text),
        };
        if !value.is_object() {
            return problem(number, messages::NOT_JSON_OBJECT, text);
        }
        let time_field = self.wanted.time.as_deref();
        let Some((time_name, time)) = field(&value, time_field, TIME_NAMES) else {
            let name = time_field.unwrap_or("timestamp / time / @timestamp");
            return problem(number, messages::missing_field("time", name), text);
        };
        let when = match time {
            serde_json::Value::String(s) => time_value(s),
            serde_json::Value::Number(n) => n.as_f64().and_then(epoch_number),
            _ => None,
        };
        let Some(when) = when else {
            let shown = time.as_str().map_or_else(|| time.to_string(), str::to_string);
            return problem(number, messages::unreadable_time(&shown), text);
        };
        let text_field = self.wanted.text.as_deref();
        let said = field(&value, text_field, TEXT_NAMES)
            .filter(|(name, _)| *name != time_name)
            .map(|(_, v)| as_text(v))
            .filter(|s| !s.trim().is_empty());
        let Some(said) = said else {
            let name = text_field.unwrap_or("message / text / msg");
            return problem(number, messages::missing_field("text", name), text);
        };
        let source_field = self.wanted.source.as_deref();
        let detail = field(&value, source_field, SOURCE_NAMES)
            .map(|(_, v)| as_text(v))
            .filter(|s| !s.trim().is_empty());
        Step::Entry(Raw {
            line: number,
            when,
            text: Cow::Owned(said),
            author: None,
            detail: detail.map(Cow::Owned),
        })
    }
}

/// A field by the name asked for — a key, or a dotted path (`log.message`) — else the
/// first usual name. Returns the name found and the value.
fn field<'v>(
    value: &'v serde_json::Value,
    wanted: Option<&str>,
    usual: &[&'v str],
) -> Option<(String, &'v serde_json::Value)> {
    let object = value.as_object()?;
    let lookup = |name: &str| -> Option<&'v serde_json::Value> {
        if let Some(v) = object.get(name) {
            return Some(v);
        }
        if let Some((_, v)) = object.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)) {
            return Some(v);
        }
        name.contains('.').then(|| name.split('.').try_fold(value, |v, part| v.get(part))).flatten()
    };
    // Among the usual names, only a plain value counts: `host` may be an object whose
    // `host.name` is the one wanted.
    let plain = |v: &&serde_json::Value| !(v.is_null() || v.is_object() || v.is_array());
    match wanted {
        Some(name) => lookup(name).filter(|v| !v.is_null()).map(|v| (name.to_string(), v)),
        None => {
            usual.iter().find_map(|name| lookup(name).filter(plain).map(|v| (name.to_string(), v)))
        }
    }
}

fn as_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

// ---------------------------------------------------------------------------------------
// Times in cells

/// A cell or field that holds a time: any stamp a log line may start with, or seconds /
/// milliseconds / microseconds since 1970.
pub fn time_value(s: &str) -> Option<When> {
    let s = s.trim();
    if let Some(when) = stamp::whole(s) {
        return Some(when);
    }
    let (whole, fraction) = s.split_once('.').unwrap_or((s, ""));
    if whole.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !fraction.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    epoch_number(s.parse::<f64>().ok()?)
}

/// Seconds (10 digits), milliseconds (13) or microseconds (16) since 1970, by size.
fn epoch_number(n: f64) -> Option<When> {
    if !n.is_finite() || n < 0.0 {
        return None;
    }
    let micros = if n < 1e11 {
        n * 1e6
    } else if n < 1e14 {
        n * 1e3
    } else if n < 1e17 {
        n
    } else {
        n / 1e3
    };
    DateTime::<Utc>::from_timestamp_micros(micros as i64).map(When::Instant)
}

#[cfg(test)]
#[path = "table_tests.rs"]
mod tests;
