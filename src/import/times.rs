//! The times of a file, read in order: a stated offset is kept; otherwise the zone given
//! (`--tz`, else the review's offset, else local time) decides, with its daylight-saving
//! rules. Lines with a time of day alone take the review's date and roll over midnight
//! the way the console's paste does; syslog's missing year is the one nearest the line
//! before.

use chrono::{Datelike, NaiveDate, TimeDelta, Timelike};

use super::stamp::{DatePart, When};
use crate::model::Timestamp;
use crate::model::time_entry::{roll_forward, time_of_day_near};
use crate::model::zone::{WallClock, Zone};

/// A log may run a little backwards (threads, buffering); within this, a repeated hour is
/// still read as the first pass.
const JITTER: TimeDelta = TimeDelta::minutes(1);

/// Reads each stated time into an instant, remembering the one before.
#[derive(Debug, Clone)]
pub struct Times {
    zone: Zone,
    reference: Timestamp,
    previous: Option<Timestamp>,
    /// The last syslog month and day and the date they were read as: the lines of one day
    /// share it.
    last_day: Option<(u32, u32, NaiveDate)>,
    /// Times that fell in an hour skipped by a clock change, and in one repeated.
    pub skipped: u64,
    pub repeated: u64,
}

impl Times {
    /// `zone` for times without their own; `reference` is where a file of times of day
    /// starts (the review's start).
    pub fn new(zone: Zone, reference: Timestamp) -> Self {
        Times { zone, reference, previous: None, last_day: None, skipped: 0, repeated: 0 }
    }

    pub fn zone(&self) -> Zone {
        self.zone
    }

    /// The instant a stated time stands for, in whole seconds. `None` only at the edges of
    /// the dates chrono can hold.
    pub fn place(&mut self, when: &When) -> Option<Timestamp> {
        let at = match *when {
            When::Instant(instant) => self.zone.at(&instant),
            When::Wall { date: DatePart::Full(date), time, zone } => {
                self.on_date(date.and_time(time), zone.unwrap_or(self.zone))?
            }
            When::Wall { date: DatePart::MonthDay(month, day), time, zone } => {
                let zone = zone.unwrap_or(self.zone);
                let date = match self.last_day {
                    Some((m, d, date)) if (m, d) == (month, day) => date,
                    _ => self.nearest_year(month, day, &zone)?,
                };
                self.last_day = Some((month, day, date));
                self.on_date(date.and_time(time), zone)?
            }
            When::Wall { date: DatePart::None, time, zone } => {
                let zone = zone.unwrap_or(self.zone);
                let anchor = self.previous.unwrap_or(self.reference);
                let (near, skipped) = time_of_day_near(time, &zone, anchor)?;
                self.skipped += u64::from(skipped);
                match self.previous {
                    Some(previous) => roll_forward(near, previous),
                    None => near,
                }
            }
        };
        let at = at.with_nanosecond(0).unwrap_or(at);
        self.previous = Some(at);
        Some(at)
    }

    fn on_date(&mut self, local: chrono::NaiveDateTime, zone: Zone) -> Option<Timestamp> {
        match zone.wall_clock(&local)? {
            WallClock::Single(at) => Some(at),
            WallClock::Skipped(at) => {
                self.skipped += 1;
                Some(at)
            }
            WallClock::Twice(first, second) => {
                self.repeated += 1;
                // A file runs forward: once it is past the first reading, the second one.
                let past = self.previous.is_some_and(|p| first < p - JITTER);
                Some(if past { second } else { first })
            }
        }
    }

    /// Syslog gives month and day only: the year that puts the date nearest the line
    /// before (or the review's start), so a log from 31 December into 1 January stays in
    /// order.
    fn nearest_year(&self, month: u32, day: u32, zone: &Zone) -> Option<NaiveDate> {
        let anchor = zone.at(&self.previous.unwrap_or(self.reference).to_utc());
        // `date_naive()` would panic at the very edges of chrono's range.
        let shift = TimeDelta::seconds(anchor.offset().local_minus_utc().into());
        let anchor = anchor.naive_utc().checked_add_signed(shift)?.date();
        [anchor.year() - 1, anchor.year(), anchor.year() + 1]
            .into_iter()
            .filter_map(|year| NaiveDate::from_ymd_opt(year, month, day))
            .min_by_key(|date| (*date - anchor).num_days().abs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, NaiveTime};

    fn ts(s: &str) -> Timestamp {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn wall(date: DatePart, h: u32, m: u32, zone: Option<Zone>) -> When {
        When::Wall { date, time: NaiveTime::from_hms_opt(h, m, 0).unwrap(), zone }
    }

    fn full(y: i32, mo: u32, d: u32) -> DatePart {
        DatePart::Full(NaiveDate::from_ymd_opt(y, mo, d).unwrap())
    }

    fn read(times: &mut Times, whens: &[When]) -> Vec<String> {
        whens.iter().map(|w| times.place(w).unwrap().to_rfc3339()).collect()
    }

    #[test]
    fn times_of_day_start_on_the_review_date_and_roll_over_midnight() {
        let zone = Zone::parse("+01:00").unwrap();
        let mut times = Times::new(zone, ts("2026-03-02T22:00:00+01:00"));
        let got = read(
            &mut times,
            &[
                wall(DatePart::None, 23, 50, None),
                wall(DatePart::None, 0, 10, None),
                wall(DatePart::None, 0, 9, None),
                wall(DatePart::None, 8, 0, None),
            ],
        );
        assert_eq!(
            got,
            [
                "2026-03-02T23:50:00+01:00",
                "2026-03-03T00:10:00+01:00",
                "2026-03-03T00:09:00+01:00",
                "2026-03-03T08:00:00+01:00"
            ]
        );
    }

    #[test]
    fn a_stated_offset_is_kept_whatever_the_zone() {
        let mut times =
            Times::new(Zone::parse("Europe/Berlin").unwrap(), ts("2026-03-02T09:00:00Z"));
        let when = wall(full(2026, 3, 2), 9, 0, Some(Zone::parse("-08:00").unwrap()));
        assert_eq!(read(&mut times, &[when]), ["2026-03-02T09:00:00-08:00"]);
    }

    #[test]
    fn instants_are_shown_in_the_zone_with_its_offset_then() {
        let mut times =
            Times::new(Zone::parse("Europe/Berlin").unwrap(), ts("2026-03-02T09:00:00Z"));
        let winter = When::Instant(ts("2026-03-02T09:00:00.5Z").to_utc());
        let summer = When::Instant(ts("2026-07-02T09:00:00Z").to_utc());
        assert_eq!(
            read(&mut times, &[winter, summer]),
            ["2026-03-02T10:00:00+01:00", "2026-07-02T11:00:00+02:00"]
        );
    }

    #[test]
    fn a_named_zone_reads_across_fall_back_in_file_order() {
        // Berlin, 2026-10-25: 03:00 CEST went back to 02:00 CET.
        let berlin = Zone::parse("Europe/Berlin").unwrap();
        let mut times = Times::new(berlin, ts("2026-10-25T00:00:00+02:00"));
        let day = full(2026, 10, 25);
        let got = read(
            &mut times,
            &[
                wall(day, 1, 50, None),
                wall(day, 2, 30, None),
                wall(day, 2, 59, None),
                wall(day, 2, 10, None),
                wall(day, 3, 5, None),
            ],
        );
        assert_eq!(
            got,
            [
                "2026-10-25T01:50:00+02:00",
                "2026-10-25T02:30:00+02:00",
                "2026-10-25T02:59:00+02:00",
                "2026-10-25T02:10:00+01:00",
                "2026-10-25T03:05:00+01:00"
            ]
        );
        assert_eq!(times.repeated, 3);
    }

    #[test]
    fn a_named_zone_reads_a_skipped_time_with_the_offset_before_spring_forward() {
        let berlin = Zone::parse("Europe/Berlin").unwrap();
        let mut times = Times::new(berlin, ts("2026-03-29T00:00:00+01:00"));
        let day = full(2026, 3, 29);
        let got = read(
            &mut times,
            &[wall(day, 1, 59, None), wall(day, 2, 30, None), wall(day, 3, 1, None)],
        );
        assert_eq!(
            got,
            ["2026-03-29T01:59:00+01:00", "2026-03-29T02:30:00+01:00", "2026-03-29T03:01:00+02:00"]
        );
        assert_eq!(times.skipped, 1);
    }

    #[test]
    fn syslog_year_is_the_one_nearest_the_line_before() {
        let utc = Zone::UTC;
        let mut times = Times::new(utc, ts("2026-12-31T12:00:00Z"));
        let got = read(
            &mut times,
            &[
                wall(DatePart::MonthDay(12, 31), 23, 59, None),
                wall(DatePart::MonthDay(1, 1), 0, 1, None),
            ],
        );
        assert_eq!(got, ["2026-12-31T23:59:00+00:00", "2027-01-01T00:01:00+00:00"]);
        // Early in a year, a December line belongs to the year before.
        let mut times = Times::new(utc, ts("2027-01-02T12:00:00Z"));
        assert_eq!(
            read(&mut times, &[wall(DatePart::MonthDay(12, 30), 8, 0, None)]),
            ["2026-12-30T08:00:00+00:00"]
        );
    }

    #[test]
    fn syslog_29_february_finds_a_leap_year() {
        let mut times = Times::new(Zone::UTC, ts("2027-06-01T00:00:00Z"));
        let got = read(&mut times, &[wall(DatePart::MonthDay(2, 29), 12, 0, None)]);
        assert_eq!(got, ["2028-02-29T12:00:00+00:00"]);
    }
}
