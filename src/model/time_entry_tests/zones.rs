//! Times typed with a zone by abbreviation or by name, across daylight-saving changes, and
//! reading a log's times of day across midnight.
use super::*;

#[test]
fn time_parse_zone_forms_table() {
    // Reference 2026-03-02 14:00 +01:00 (winter in Europe and North America).
    let table: &[(&str, &str)] = &[
        ("09:37 PST", "2026-03-02T09:37:00-08:00"),
        ("09:37 pst", "2026-03-02T09:37:00-08:00"),
        ("09:37PST", "2026-03-02T09:37:00-08:00"),
        ("09:37 PDT", "2026-03-02T09:37:00-07:00"),
        ("09:37 EST", "2026-03-02T09:37:00-05:00"),
        ("09:37 EDT", "2026-03-02T09:37:00-04:00"),
        ("09:37 CET", "2026-03-02T09:37:00+01:00"),
        ("09:37 CEST", "2026-03-02T09:37:00+02:00"),
        ("09:37 BST", "2026-03-02T09:37:00+01:00"),
        ("09:37 IST", "2026-03-02T09:37:00+05:30"),
        // 14:00 at +01:00 is already 22:00 in Tokyo: the closest 09:37 there is tomorrow.
        ("09:37:15 JST", "2026-03-03T09:37:15+09:00"),
        ("09:37 Europe/Berlin", "2026-03-02T09:37:00+01:00"),
        ("09:37 europe/berlin", "2026-03-02T09:37:00+01:00"),
        ("09:37 America/New_York", "2026-03-02T09:37:00-05:00"),
        ("09:37 Asia/Kolkata", "2026-03-02T09:37:00+05:30"),
        ("09:37 Etc/GMT+5", "2026-03-02T09:37:00-05:00"),
        ("09:37 Japan", "2026-03-03T09:37:00+09:00"),
        ("2026-07-01 09:37 Europe/Berlin", "2026-07-01T09:37:00+02:00"),
        ("2026-07-01 09:37 America/Los_Angeles", "2026-07-01T09:37:00-07:00"),
        ("2026-07-01T09:37 PST", "2026-07-01T09:37:00-08:00"),
        ("2026-07-01 09:37 UTC", "2026-07-01T09:37:00+00:00"),
    ];
    for (input, want) in table {
        assert_at(ok(input, &ctx()), want);
    }
}

#[test]
fn time_parse_named_zone_follows_daylight_saving_of_the_day() {
    // The day before the US change, and the day after it.
    let before = ctx_ref("2026-03-07T12:00:00-05:00");
    assert_at(ok("09:37 America/New_York", &before), "2026-03-07T09:37:00-05:00");
    let after = ctx_ref("2026-03-09T12:00:00-04:00");
    assert_at(ok("09:37 America/New_York", &after), "2026-03-09T09:37:00-04:00");
}

#[test]
fn time_parse_named_zone_time_of_day_dates_from_reference_in_that_zone() {
    // 00:30 in Berlin is still the day before in New York.
    let c = ctx_ref("2026-03-03T00:30:00+01:00");
    assert_at(ok("18:00 America/New_York", &c), "2026-03-02T18:00:00-05:00");
}

#[test]
fn time_parse_repeated_hour_picks_the_reading_closest_to_the_reference() {
    // Berlin, 2026-10-25: 02:30 happened at +02:00 and again at +01:00.
    let early = ctx_ref("2026-10-25T02:10:00+02:00");
    assert_at(ok("02:30 Europe/Berlin", &early), "2026-10-25T02:30:00+02:00");
    let late = ctx_ref("2026-10-25T02:50:00+01:00");
    assert_at(ok("02:30 Europe/Berlin", &late), "2026-10-25T02:30:00+01:00");
    assert_at(ok("2026-10-25 02:30 Europe/Berlin", &late), "2026-10-25T02:30:00+01:00");
}

#[test]
fn time_parse_rejects_a_time_skipped_by_spring_forward() {
    let c = ctx_ref("2026-03-29T01:50:00+01:00");
    for input in ["02:30 Europe/Berlin", "2026-03-29 02:30 Europe/Berlin"] {
        match parse_time(input, &c) {
            Err(TimeError::SkippedByClockChange { zone, .. }) => assert_eq!(zone, "Europe/Berlin"),
            other => panic!("{input:?}: {other:?}"),
        }
    }
    let message = parse_time("02:30 Europe/Berlin", &c).unwrap_err().to_string();
    assert!(message.contains("went forward"), "{message}");
}

#[test]
fn time_parse_rejects_unknown_zones_by_name() {
    for (input, zone) in [
        ("09:37 XYZ", "XYZ"),
        ("09:37 Europe/Atlantis", "Europe/Atlantis"),
        ("2026-03-02 09:37 Mars/Base", "Mars/Base"),
        ("09:37 PSTT", "PSTT"),
    ] {
        match err(input) {
            TimeError::UnknownZone { zone: z, .. } => assert_eq!(z, zone, "{input:?}"),
            e => panic!("{input:?}: {e:?}"),
        }
    }
    assert!(err("09:37 XYZ").to_string().contains("Europe/Berlin"));
}

#[test]
fn split_leading_time_reads_capital_abbreviations_and_zone_names() {
    assert_eq!(split("09:37 PST deploy"), want("2026-03-02T09:37:00-08:00", "deploy"));
    assert_eq!(split("09:37 Europe/Berlin - pager"), want("2026-03-02T09:37:00+01:00", "pager"));
    assert_eq!(split("[09:37 EST] bob: hi"), want("2026-03-02T09:37:00-05:00", "bob: hi"));
}

#[test]
fn split_leading_time_keeps_words_that_only_look_like_zones() {
    let at = "2026-03-02T14:32:00+01:00";
    for (line, rest) in [
        ("14:32 ist das schon live?", "ist das schon live?"),
        ("14:32 est. 5 minutes", "est. 5 minutes"),
        ("14:32 Japan office reports errors", "Japan office reports errors"),
        ("14:32 src/main.rs failed to build", "src/main.rs failed to build"),
        ("14:32 api/v2 returns 503", "api/v2 returns 503"),
    ] {
        assert_eq!(split(line), want(at, rest), "{line:?}");
    }
}

#[test]
fn time_of_day_near_and_roll_forward_read_a_log_across_midnight() {
    let zone = Zone::Fixed(FixedOffset::east_opt(3600).unwrap());
    let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
    let mut previous = ts("2026-03-02T23:40:00+01:00");
    let mut read = Vec::new();
    for (h, m) in [(23, 58), (0, 4), (0, 3), (9, 40), (23, 58)] {
        let (near, skipped) = time_of_day_near(t(h, m), &zone, previous).unwrap();
        assert!(!skipped);
        previous = roll_forward(near, previous);
        read.push(previous.to_rfc3339());
    }
    assert_eq!(
        read,
        [
            "2026-03-02T23:58:00+01:00",
            "2026-03-03T00:04:00+01:00",
            // A minute back is a log's jitter, not a day later.
            "2026-03-03T00:03:00+01:00",
            "2026-03-03T09:40:00+01:00",
            "2026-03-03T23:58:00+01:00",
        ]
    );
}

#[test]
fn time_of_day_near_reports_a_skipped_time() {
    let berlin = Zone::parse("Europe/Berlin").unwrap();
    let t = NaiveTime::from_hms_opt(2, 30, 0).unwrap();
    let (at, skipped) = time_of_day_near(t, &berlin, ts("2026-03-29T01:59:00+01:00")).unwrap();
    assert!(skipped);
    assert_at(at, "2026-03-29T02:30:00+01:00");
}

/// The hint shown with every rejected time offers only forms that are accepted, and names
/// the zone forms too (an abbreviation and a zone name), since the field takes them.
#[test]
fn every_form_the_hint_offers_is_accepted_zones_included() {
    let forms: Vec<&str> =
        ACCEPTED_FORMS.split(" · ").flat_map(|f| f.split(" / ")).map(str::trim).collect();
    for form in &forms {
        assert!(parse_time(form, &ctx()).is_ok(), "{form:?} is offered but refused");
    }
    assert!(forms.iter().any(|f| f.ends_with(" PST")), "{forms:?}");
    assert!(forms.iter().any(|f| f.ends_with(" Europe/Berlin")), "{forms:?}");
}
