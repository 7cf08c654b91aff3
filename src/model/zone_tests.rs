//! Tests for zones: every accepted and rejected form, and daylight-saving changes.
use super::*;
use chrono::NaiveDate;

fn local(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
}

fn rfc(t: Timestamp) -> String {
    t.to_rfc3339()
}

#[test]
fn zone_parse_accepts_every_documented_form() {
    let table: &[(&str, &str)] = &[
        ("+02:00", "+02:00"),
        ("-0800", "-08:00"),
        ("+05:30", "+05:30"),
        ("-03", "-03:00"),
        ("+00:00", "UTC"),
        ("UTC", "UTC"),
        ("utc", "UTC"),
        ("Z", "UTC"),
        ("z", "UTC"),
        ("GMT", "UTC"),
        (" PST ", "-08:00"),
        ("pdt", "-07:00"),
        ("EST", "-05:00"),
        ("EDT", "-04:00"),
        ("CST", "-06:00"),
        ("CET", "+01:00"),
        ("CEST", "+02:00"),
        ("BST", "+01:00"),
        ("IST", "+05:30"),
        ("JST", "+09:00"),
        ("AEDT", "+11:00"),
        ("Europe/Berlin", "Europe/Berlin"),
        ("europe/berlin", "Europe/Berlin"),
        ("America/New_York", "America/New_York"),
        ("AMERICA/NEW_YORK", "America/New_York"),
        ("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"),
        ("Etc/GMT+5", "Etc/GMT+5"),
        ("Asia/Kolkata", "Asia/Kolkata"),
    ];
    for (input, shown) in table {
        let zone = Zone::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(zone.label(), *shown, "{input:?}");
    }
}

#[test]
fn zone_parse_rejects_what_is_not_a_zone() {
    let table: &[&str] = &[
        "",
        "Berlin",
        "Europe/Atlantis",
        "XYZ",
        "PSTX",
        "+2",
        "+123",
        "+02:0",
        "02:00",
        "+02:00 extra",
        "Europe/Berlin\u{1b}[31m",
        "../../etc/passwd",
    ];
    for input in table {
        assert!(
            matches!(Zone::parse(input), Err(ZoneError::Unknown(_))),
            "{input:?} should be unknown, got {:?}",
            Zone::parse(input)
        );
    }
    for input in ["+25:00", "-24:00", "+02:60", "+0299"] {
        assert!(
            matches!(Zone::parse(input), Err(ZoneError::BadOffset(_))),
            "{input:?} should be a bad offset, got {:?}",
            Zone::parse(input)
        );
    }
}

#[test]
fn zone_error_message_never_carries_control_characters() {
    let e = Zone::parse("Mars/\u{1b}]0;title\u{7}Base").unwrap_err().to_string();
    assert!(!e.chars().any(char::is_control), "{e:?}");
    assert!(e.contains("Europe/Berlin"), "the message shows a form that works: {e}");
}

#[test]
fn zone_named_follows_daylight_saving_in_summer_and_winter() {
    let berlin = Zone::parse("Europe/Berlin").unwrap();
    assert_eq!(
        rfc(berlin.resolve(&local("2026-01-15 12:00:00")).unwrap()),
        "2026-01-15T12:00:00+01:00"
    );
    assert_eq!(
        rfc(berlin.resolve(&local("2026-07-15 12:00:00")).unwrap()),
        "2026-07-15T12:00:00+02:00"
    );
    let ny = Zone::parse("America/New_York").unwrap();
    assert_eq!(
        rfc(ny.resolve(&local("2026-07-15 01:30:00")).unwrap()),
        "2026-07-15T01:30:00-04:00"
    );
    assert_eq!(
        rfc(ny.resolve(&local("2026-01-15 01:30:00")).unwrap()),
        "2026-01-15T01:30:00-05:00"
    );
}

#[test]
fn zone_named_time_skipped_by_spring_forward_reads_with_the_old_offset() {
    // Berlin, 2026-03-29: 02:00 became 03:00.
    let berlin = Zone::parse("Europe/Berlin").unwrap();
    let wall = berlin.wall_clock(&local("2026-03-29 02:30:00")).unwrap();
    assert!(matches!(wall, WallClock::Skipped(_)), "{wall:?}");
    assert_eq!(rfc(wall.earliest()), "2026-03-29T02:30:00+01:00");
    assert_eq!(rfc(wall.earliest().with_timezone(&fixed(2 * H))), "2026-03-29T03:30:00+02:00");
}

#[test]
fn zone_named_time_repeated_by_fall_back_has_two_readings() {
    // Berlin, 2026-10-25: 03:00 went back to 02:00.
    let berlin = Zone::parse("Europe/Berlin").unwrap();
    let wall = berlin.wall_clock(&local("2026-10-25 02:30:00")).unwrap();
    let readings: Vec<String> = wall.candidates().map(rfc).collect();
    assert_eq!(readings, ["2026-10-25T02:30:00+02:00", "2026-10-25T02:30:00+01:00"]);
}

#[test]
fn zone_fixed_has_one_reading_always() {
    let pst = Zone::parse("PST").unwrap();
    let wall = pst.wall_clock(&local("2026-03-08 02:30:00")).unwrap();
    assert_eq!(wall, WallClock::Single(wall.earliest()));
    assert_eq!(rfc(wall.earliest()), "2026-03-08T02:30:00-08:00");
}

#[test]
fn zone_at_shows_an_instant_with_the_offset_in_force() {
    let berlin = Zone::parse("Europe/Berlin").unwrap();
    let winter =
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap().and_hms_opt(9, 0, 0).unwrap().and_utc();
    let summer =
        NaiveDate::from_ymd_opt(2026, 7, 1).unwrap().and_hms_opt(9, 0, 0).unwrap().and_utc();
    assert_eq!(rfc(berlin.at(&winter)), "2026-01-01T10:00:00+01:00");
    assert_eq!(rfc(berlin.at(&summer)), "2026-07-01T11:00:00+02:00");
}

#[test]
fn zone_abbreviations_name_their_other_meanings() {
    for name in ["IST", "BST", "CST"] {
        let a = abbreviation(name).unwrap();
        assert!(!a.also.is_empty(), "{name} is ambiguous and says so");
    }
    // Every abbreviation is a real offset and unique.
    let mut names: Vec<&str> = ABBREVIATIONS.iter().map(|a| a.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), ABBREVIATIONS.len());
    assert!(ABBREVIATIONS.iter().all(|a| FixedOffset::east_opt(a.offset).is_some()));
}

fn event_at(id: &str, at: &str) -> crate::model::Event {
    crate::model::Event {
        id: id.into(),
        at: chrono::DateTime::parse_from_rfc3339(at).unwrap(),
        kind: Default::default(),
        text: "t".into(),
        source: String::new(),
        known_then: String::new(),
        extra: Default::default(),
    }
}

#[test]
fn review_offset_is_the_incident_start_offset_when_known() {
    let mut s = Session::new("t");
    s.events = vec![event_at("e1", "2017-02-28T09:45:00-08:00")];
    s.incident.started_at =
        Some(chrono::DateTime::parse_from_rfc3339("2017-02-28T17:37:00Z").unwrap());
    assert_eq!(review_offset(&s).map(offset_label).as_deref(), Some("UTC"));
}

#[test]
fn review_offset_without_a_start_is_the_one_most_events_carry() {
    let mut s = Session::new("t");
    assert_eq!(review_offset(&s), None, "an empty review has no offset of its own");
    s.events = vec![
        event_at("e1", "2017-02-28T17:52:00Z"),
        event_at("e2", "2017-02-28T09:45:00-08:00"),
        event_at("e3", "2017-02-28T10:05:00-08:00"),
    ];
    let offset = review_offset(&s);
    assert_eq!(offset.map(offset_label).as_deref(), Some("-08:00"));
    let pasted = &s.events[0].at;
    assert_eq!(shown_in(pasted, offset).format("%H:%M").to_string(), "09:52");
    assert!(recorded_elsewhere(pasted, offset));
    assert!(!recorded_elsewhere(&s.events[1].at, offset));
}

#[test]
fn review_offset_on_a_tie_is_the_first_listed() {
    let mut s = Session::new("t");
    s.events =
        vec![event_at("e1", "2017-02-28T09:00:00+01:00"), event_at("e2", "2017-02-28T09:00:00Z")];
    assert_eq!(review_offset(&s).map(offset_label).as_deref(), Some("+01:00"));
}
