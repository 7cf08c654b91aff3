//! Tests for time entry: every accepted form, every rejection, and properties.
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
    TimeContext { reference: Some(ts(reference)), ..ctx() }
}

fn bare() -> TimeContext {
    TimeContext { now: ts("2026-03-02T15:00:00.750-05:00"), selected: None, reference: None }
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
    for input in ["09:12 UTC", "09:12 utc", "09:12UTC", "09:12 GMT", "09:12Z", "09:12z"] {
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
    let c = TimeContext { selected: Some(ts("2026-03-02T09:00:00-07:00")), ..ctx() };
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
    assert_at(ok("2026-03-02 14:32:05", &ctx()), "2026-03-02T14:32:05+01:00");
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
    assert_at(ok("2026-03-02 14:32 +05:30", &ctx()), "2026-03-02T14:32:00+05:30");
    assert_at(ok("2026-03-02T14:32-0800", &ctx()), "2026-03-02T14:32:00-08:00");
}

#[test]
fn time_parse_rfc3339_is_accepted() {
    assert_at(ok("2026-03-02T14:32:00Z", &ctx()), "2026-03-02T14:32:00Z");
    assert_at(ok("2026-03-02t14:32:00z", &ctx()), "2026-03-02T14:32:00Z");
    assert_at(ok("2026-03-02T14:32:00+01:00", &ctx()), "2026-03-02T14:32:00+01:00");
    assert_at(ok("2026-03-02T14:32:00-00:00", &ctx()), "2026-03-02T14:32:00+00:00");
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
    let c = TimeContext { selected: Some(ts("2026-03-02T14:10:00.123+01:00")), ..ctx() };
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
    assert!(matches!(e, TimeError::HourOutOfRange { hour: 25, .. }), "{e:?}");
    assert_eq!(e.to_string(), format!("“25:00” — hour 25 doesn't exist. Try {ACCEPTED_FORMS}"));
}

#[test]
fn time_parse_rejects_hour_24() {
    assert!(matches!(err("24:00"), TimeError::HourOutOfRange { hour: 24, .. }));
    assert!(matches!(err("2026-03-02T24:00:00Z"), TimeError::HourOutOfRange { hour: 24, .. }));
}

#[test]
fn time_parse_rejects_minute_60() {
    assert!(matches!(err("14:60"), TimeError::MinuteOutOfRange { minute: 60, .. }));
    assert!(matches!(err("14:99 UTC"), TimeError::MinuteOutOfRange { minute: 99, .. }));
}

#[test]
fn time_parse_rejects_second_60() {
    assert!(matches!(err("14:32:60"), TimeError::SecondOutOfRange { second: 60, .. }));
    assert!(matches!(err("2026-03-02T14:32:60Z"), TimeError::SecondOutOfRange { second: 60, .. }));
}

#[test]
fn time_parse_rejects_invalid_dates() {
    for input in ["2026-02-30 14:00", "2026-13-01 14:00", "2025-02-29T12:00:00Z", "2026-00-10 1:00"]
    {
        let e = err(input);
        assert!(matches!(e, TimeError::InvalidDate { .. }), "{input:?}: {e:?}");
    }
    assert!(err("2026-02-30 14:00").to_string().contains("2026-02-30 isn't a real date"));
}

#[test]
fn time_parse_rejects_date_without_time() {
    assert!(matches!(err("2026-03-02"), TimeError::DateWithoutTime { .. }));
    assert!(matches!(err("2026-03-02 noon"), TimeError::DateWithoutTime { .. }));
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
        assert!(matches!(e, TimeError::RelativeWithoutUnit { .. }), "{input:?}: {e:?}");
    }
}

#[test]
fn time_parse_rejects_relative_unknown_unit() {
    assert!(matches!(err("+5x"), TimeError::Unrecognised(_)));
    assert!(matches!(err("+5 weeks"), TimeError::Unrecognised(_)));
}

#[test]
fn time_parse_rejects_relative_over_30_days() {
    for input in ["+31d", "+30d1s", "-721h", "+99999999999999999999999m", "+1000000000d"] {
        let e = err(input);
        assert!(matches!(e, TimeError::RelativeTooLarge { .. }), "{input:?}: {e:?}");
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
    assert!(matches!(err("09:12 +25:00"), TimeError::InvalidOffset { .. }));
    assert!(matches!(err("09:12+0275"), TimeError::InvalidOffset { .. }));
}

#[test]
fn time_error_display_is_one_line_listing_forms() {
    let long = "x".repeat(500);
    for input in ["25:00", "\n\x1b[31m25:00\x1b[0m\r\n", "14:32\nfoo\tbar", "nope\r\nnope", &long] {
        let text = err(input).to_string();
        assert!(!text.contains(['\n', '\r', '\t', '\u{1b}']), "{text:?}");
        assert!(text.ends_with(ACCEPTED_FORMS), "{text:?}");
    }
    assert!(err(&long).to_string().starts_with(&format!("“{}…”", "x".repeat(39))));
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
        let c = TimeContext { now: edge, selected: Some(edge), reference: Some(edge) };
        for input in ["", "+30d", "-30d", "23:59", "00:00", "12:00 UTC", "9999-12-31 23:59 -23:59"]
        {
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
    assert_eq!(split("14:32 deploy started"), want("2026-03-02T14:32:00+01:00", "deploy started"));
    assert_eq!(split("14:32:05 deploy"), want("2026-03-02T14:32:05+01:00", "deploy"));
    assert_eq!(split("  9:05   pager fired  "), want("2026-03-02T09:05:00+01:00", "pager fired"));
}

#[test]
fn split_leading_time_reads_bracketed_times() {
    assert_eq!(
        split("[14:32] alice: rolling back"),
        want("2026-03-02T14:32:00+01:00", "alice: rolling back")
    );
    assert_eq!(split("[14:32:05] bob"), want("2026-03-02T14:32:05+01:00", "bob"));
    assert_eq!(split("[14:32]bob"), want("2026-03-02T14:32:00+01:00", "bob"));
    assert_eq!(
        split("[2026-03-02T14:32:05+01:00] text"),
        want("2026-03-02T14:32:05+01:00", "text")
    );
    assert_eq!(split("[ 14:32 ] - text"), want("2026-03-02T14:32:00+01:00", "text"));
}

#[test]
fn split_leading_time_reads_dates_and_zones() {
    assert_eq!(split("2026-03-02 14:32 text"), want("2026-03-02T14:32:00+01:00", "text"));
    assert_eq!(split("2026-03-02T14:32:05Z text"), want("2026-03-02T14:32:05Z", "text"));
    assert_eq!(
        split("2026-03-02T14:32:05.123-08:00 GET /health 503"),
        want("2026-03-02T14:32:05-08:00", "GET /health 503")
    );
    assert_eq!(split("09:12 UTC text"), want("2026-03-02T09:12:00Z", "text"));
    assert_eq!(split("09:12Z text"), want("2026-03-02T09:12:00Z", "text"));
    assert_eq!(split("09:12 +02:00 text"), want("2026-03-02T09:12:00+02:00", "text"));
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
    assert_eq!(split("09:12 UTC - text"), want("2026-03-02T09:12:00Z", "text"));
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
        DateTime::from_timestamp(secs, 0).unwrap().with_timezone(&offset)
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

// --- zones by abbreviation and by name ----------------------------------------------------

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
