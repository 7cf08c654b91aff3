//! Times and dates in the file: native TOML values on write; native or quoted RFC 3339 on
//! read, because people hand-edit files and chrono's serde only knows the quoted form.

use std::fmt;

use chrono::{FixedOffset, NaiveDate, NaiveTime, SecondsFormat, TimeZone};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use toml::value::{Datetime, Offset};

use crate::model::Timestamp;

const TIME_EXAMPLE: &str = "2026-03-02T09:12:00Z (UTC) or 2026-03-02T10:12:00+01:00";

/// A point in time read from the file; the offset is kept as written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct FileTime(pub Timestamp);

/// A calendar date read from the file (`due`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct FileDate(pub NaiveDate);

/// `2026-03-02T09:12:00Z`, `2026-03-02T10:12:00+01:00`; fractions only when present.
pub(super) fn format_time(t: &Timestamp) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// `2026-03-16`, written bare so TOML reads it as a local date.
pub(super) fn format_date(d: &NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

impl<'de> Deserialize<'de> for FileTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(TomlDatetimeVisitor::new(Want::Time))
            .and_then(|dt| to_timestamp(&dt).map(FileTime).map_err(de::Error::custom))
    }
}

impl<'de> Deserialize<'de> for FileDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(TomlDatetimeVisitor::new(Want::Date))
            .and_then(|dt| to_date(&dt).map(FileDate).map_err(de::Error::custom))
    }
}

#[derive(Clone, Copy)]
enum Want {
    Time,
    Date,
}

/// Reads either toml's native datetime (presented to serde as a one-entry map holding the
/// text) or a quoted string, into toml's own `Datetime`, which knows what parts are present.
struct TomlDatetimeVisitor {
    want: Want,
}

impl TomlDatetimeVisitor {
    fn new(want: Want) -> Self {
        TomlDatetimeVisitor { want }
    }
}

impl<'de> Visitor<'de> for TomlDatetimeVisitor {
    type Value = Datetime;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.want {
            Want::Time => write!(f, "a date and time with its offset, like {TIME_EXAMPLE}"),
            Want::Date => f.write_str("a date, like 2026-03-16"),
        }
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Datetime, E> {
        s.trim().parse::<Datetime>().map_err(|_| {
            E::custom(match self.want {
                Want::Time => {
                    format!("\"{s}\" is not a date and time; write it like {TIME_EXAMPLE}")
                }
                Want::Date => format!("\"{s}\" is not a date; write it like 2026-03-16"),
            })
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Datetime, A::Error> {
        // The key is toml's private marker field; the value is the datetime as text.
        let Some(_marker) = map.next_key::<String>()? else {
            return Err(de::Error::invalid_type(de::Unexpected::Map, &self));
        };
        let text: String = map.next_value()?;
        if map.next_key::<String>()?.is_some() {
            return Err(de::Error::invalid_type(de::Unexpected::Map, &self));
        }
        self.visit_str(&text)
    }
}

fn to_timestamp(dt: &Datetime) -> Result<Timestamp, String> {
    let (Some(date), Some(time)) = (dt.date, dt.time) else {
        return Err(if dt.date.is_some() {
            format!(
                "{dt} is a date without a time; write the time and its offset too, like {TIME_EXAMPLE}"
            )
        } else {
            format!(
                "{dt} is a time without a date; write the date and offset too, like {TIME_EXAMPLE}"
            )
        });
    };
    let Some(offset) = dt.offset else {
        return Err(format!(
            "{dt} has no UTC offset; add the offset it was recorded in, like {TIME_EXAMPLE}"
        ));
    };
    let not_real = || format!("{dt} is not a real date and time");
    let naive_date = NaiveDate::from_ymd_opt(date.year.into(), date.month.into(), date.day.into())
        .ok_or_else(not_real)?;
    let naive_time = NaiveTime::from_hms_nano_opt(
        time.hour.into(),
        time.minute.into(),
        time.second.unwrap_or(0).into(),
        time.nanosecond.unwrap_or(0),
    )
    .ok_or_else(not_real)?;
    let minutes = match offset {
        Offset::Z => 0,
        Offset::Custom { minutes } => i32::from(minutes),
    };
    let zone = FixedOffset::east_opt(minutes * 60).ok_or_else(not_real)?;
    zone.from_local_datetime(&naive_date.and_time(naive_time)).single().ok_or_else(not_real)
}

fn to_date(dt: &Datetime) -> Result<NaiveDate, String> {
    match (dt.date, dt.time) {
        (Some(date), None) => {
            NaiveDate::from_ymd_opt(date.year.into(), date.month.into(), date.day.into())
                .ok_or_else(|| format!("{dt} is not a real date"))
        }
        _ => Err(format!("{dt} is not a plain date; write only the day, like 2026-03-16")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Doc {
        t: Option<FileTime>,
        d: Option<FileDate>,
    }

    fn read(text: &str) -> Result<Doc, String> {
        toml::from_str(text).map_err(|e| e.message().to_string())
    }

    #[test]
    fn native_and_quoted_times_read_the_same_instant_and_offset() {
        let native = read("t = 2026-03-02T10:12:00+01:00").unwrap().t.unwrap();
        let quoted = read("t = \"2026-03-02T10:12:00+01:00\"").unwrap().t.unwrap();
        assert_eq!(native, quoted);
        assert_eq!(format_time(&native.0), "2026-03-02T10:12:00+01:00");
    }

    #[test]
    fn utc_times_are_written_with_z() {
        let t = read("t = 2026-03-02T09:12:00+00:00").unwrap().t.unwrap();
        assert_eq!(format_time(&t.0), "2026-03-02T09:12:00Z");
    }

    #[test]
    fn local_time_without_offset_is_refused() {
        let err = read("t = 2026-03-02T09:12:00").err().unwrap();
        assert!(err.contains("has no UTC offset"), "{err}");
    }

    #[test]
    fn due_date_reads_native_and_quoted_but_not_a_time() {
        assert_eq!(read("d = 2026-03-16").unwrap().d, read("d = \"2026-03-16\"").unwrap().d);
        assert!(read("d = 2026-03-16T09:00:00Z").is_err());
    }
}
