//! Every log stamp shape that is read, and lines that must not be read as stamped.
use super::*;

fn d(y: i32, m: u32, day: u32) -> DatePart {
    DatePart::Full(NaiveDate::from_ymd_opt(y, m, day).unwrap())
}

fn t(h: u32, m: u32, s: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, s).unwrap()
}

fn off(hours: i32, minutes: i32) -> Option<Zone> {
    Some(Zone::Fixed(
        FixedOffset::east_opt(hours * 3600 + minutes.signum() * minutes.abs() * 60).unwrap(),
    ))
}

fn wall(date: DatePart, time: NaiveTime, zone: Option<Zone>) -> When {
    When::Wall { date, time, zone }
}

#[test]
fn split_reads_every_log_stamp_shape() {
    let utc = Some(Zone::UTC);
    let table: Vec<(&str, When, &str)> = vec![
        (
            "2026-03-01T14:32:05Z deploy started",
            wall(d(2026, 3, 1), t(14, 32, 5), utc),
            "deploy started",
        ),
        ("2026-03-01T14:32:05+01:00 x", wall(d(2026, 3, 1), t(14, 32, 5), off(1, 0)), "x"),
        ("2026-03-01T14:32:05-0800 x", wall(d(2026, 3, 1), t(14, 32, 5), off(-8, 0)), "x"),
        ("2026-03-01T14:32:05+05:30 x", wall(d(2026, 3, 1), t(14, 32, 5), off(5, 30)), "x"),
        ("2026-03-01 14:32:05 x", wall(d(2026, 3, 1), t(14, 32, 5), None), "x"),
        ("2026-03-01 14:32 x", wall(d(2026, 3, 1), t(14, 32, 0), None), "x"),
        ("2026-03-01 14:32:05 UTC x", wall(d(2026, 3, 1), t(14, 32, 5), utc), "x"),
        ("2026-03-01 14:32:05 PST x", wall(d(2026, 3, 1), t(14, 32, 5), off(-8, 0)), "x"),
        ("2026-03-01 14:32:05 -0700 x", wall(d(2026, 3, 1), t(14, 32, 5), off(-7, 0)), "x"),
        (
            "2026/03/01 14:32:05 [error] 812#0: x",
            wall(d(2026, 3, 1), t(14, 32, 5), None),
            "[error] 812#0: x",
        ),
        (
            "2026-03-01T14:32:05+0100 web-1 nginx[812]: x",
            wall(d(2026, 3, 1), t(14, 32, 5), off(1, 0)),
            "web-1 nginx[812]: x",
        ),
        (
            "Mar  1 14:32:05 web-1 sshd[99]: x",
            wall(DatePart::MonthDay(3, 1), t(14, 32, 5), None),
            "web-1 sshd[99]: x",
        ),
        ("Mar 01 14:32:05 web-1 x", wall(DatePart::MonthDay(3, 1), t(14, 32, 5), None), "web-1 x"),
        ("Dec 31 23:59:59 h x", wall(DatePart::MonthDay(12, 31), t(23, 59, 59), None), "h x"),
        ("Feb 29 12:00:00 h x", wall(DatePart::MonthDay(2, 29), t(12, 0, 0), None), "h x"),
        ("<34>Mar  1 14:32:05 h x", wall(DatePart::MonthDay(3, 1), t(14, 32, 5), None), "h x"),
        (
            "<165>1 2026-03-01T14:32:05Z h app - - x",
            wall(d(2026, 3, 1), t(14, 32, 5), utc),
            "h app - - x",
        ),
        ("[2026-03-01 14:32:05] x", wall(d(2026, 3, 1), t(14, 32, 5), None), "x"),
        ("[10/Oct/2026:13:55:36 -0700] x", wall(d(2026, 10, 10), t(13, 55, 36), off(-7, 0)), "x"),
        ("14:32 x", wall(DatePart::None, t(14, 32, 0), None), "x"),
        ("14:32:05 - x", wall(DatePart::None, t(14, 32, 5), None), "x"),
        ("9:05: x", wall(DatePart::None, t(9, 5, 0), None), "x"),
        ("[14:32:05] x", wall(DatePart::None, t(14, 32, 5), None), "x"),
        ("14:32 UTC x", wall(DatePart::None, t(14, 32, 0), utc), "x"),
        ("14:32 | x", wall(DatePart::None, t(14, 32, 0), None), "x"),
        ("  2026-03-01 14:32:05\tx", wall(d(2026, 3, 1), t(14, 32, 5), None), "x"),
        ("2026-03-01 14:32", wall(d(2026, 3, 1), t(14, 32, 0), None), ""),
    ];
    for (line, when, rest) in table {
        let (got, text) = split(line).unwrap_or_else(|| panic!("{line:?} has a stamp"));
        assert_eq!(got, when, "{line:?}");
        assert_eq!(text, rest, "{line:?}");
    }
}

#[test]
fn split_keeps_fractions_of_a_second() {
    let (when, _) = split("2026-03-01 14:32:05,123 INFO x").unwrap();
    let want = NaiveTime::from_hms_milli_opt(14, 32, 5, 123).unwrap();
    assert_eq!(when, wall(d(2026, 3, 1), want, None));
    let (when, _) = split("2026-03-01T14:32:05.123456789123Z x").unwrap();
    let want = NaiveTime::from_hms_nano_opt(14, 32, 5, 123_456_789).unwrap();
    assert_eq!(when, wall(d(2026, 3, 1), want, Some(Zone::UTC)));
}

#[test]
fn split_reads_the_access_log_time_inside_the_line() {
    let line = r#"203.0.113.9 - frank [10/Oct/2026:13:55:36 -0700] "GET /pay HTTP/1.1" 503 512"#;
    let (when, text) = split(line).unwrap();
    assert_eq!(when, wall(d(2026, 10, 10), t(13, 55, 36), off(-7, 0)));
    assert_eq!(text, r#"203.0.113.9 - frank "GET /pay HTTP/1.1" 503 512"#);
}

#[test]
fn split_refuses_lines_that_do_not_start_with_a_time() {
    for line in [
        "",
        "   ",
        "deploy started",
        "    at com.example.Main(Main.java:14)",
        "10:00-10:30 maintenance window",
        "14:32pm meeting",
        "1:1 with the team",
        "14:3 odd",
        "25:00 not a time",
        "14:60 not a time",
        "14:32:60 not a time",
        "2026-02-30 12:00 not a date",
        "2026-13-01 12:00 not a date",
        "2026-03-01 deploy day",
        "2026-03-01T14:32:05+25:00x",
        "Mar 32 14:32:05 not a day",
        "Feb 30 14:32:05 not a day",
        "Mars 1 14:32:05 not a month",
        "[14:32 unclosed",
        "[10/Oct/2026:13:55:36 -0700 unclosed",
        "1709390000 epoch is not a log stamp",
        "14:32:05.123abc",
        "<999999>Mar  1 14:32:05 x",
        "🚒 14:32 later",
    ] {
        let got = split(line);
        assert!(got.is_none(), "{line:?} → {got:?}");
    }
}

#[test]
fn whole_reads_a_cell_that_is_only_a_time() {
    assert_eq!(
        whole(" 2026-03-01T14:32:05Z "),
        Some(wall(d(2026, 3, 1), t(14, 32, 5), Some(Zone::UTC)))
    );
    assert_eq!(whole("14:32"), Some(wall(DatePart::None, t(14, 32, 0), None)));
    assert_eq!(whole("2026-03-01 14:32 text"), None);
    assert_eq!(whole("soon"), None);
}

#[test]
fn clock_12_or_24_reads_chat_client_times() {
    for (input, want, used) in [
        ("2:32 PM", t(14, 32, 0), 7),
        ("2:32PM rest", t(14, 32, 0), 6),
        ("12:05 am", t(0, 5, 0), 8),
        ("12:05 pm", t(12, 5, 0), 8),
        ("11:59 p.m.", t(23, 59, 0), 10),
        ("14:32", t(14, 32, 0), 5),
        ("14:32:05 name", t(14, 32, 5), 8),
    ] {
        assert_eq!(clock_12_or_24(input), Some((want, used)), "{input:?}");
    }
    for input in ["13:00 PM", "0:30 AM", "noon", "2:3 PM", "24:00"] {
        assert_eq!(clock_12_or_24(input), None, "{input:?}");
    }
    // A word that only starts like PM is the text after a 24-hour time.
    assert_eq!(clock_12_or_24("2:32 PMs"), Some((t(2, 32, 0), 4)));
}
