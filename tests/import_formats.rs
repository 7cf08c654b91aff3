//! Every import format over fixture files written in the shapes real tools emit: what
//! becomes an event (time, text, source, author), what is reported with its line, and
//! what is refused outright.

use std::path::{Path, PathBuf};

use chrono::DateTime;
use waterline::import::{
    Candidate, Choice, Counts, Fields, Filter, Format, ImportError, Item, Problem, Reader, Settings,
};
use waterline::model::Timestamp;
use waterline::model::zone::Zone;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name)
}

fn ts(s: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(s).unwrap()
}

struct Read {
    format: Format,
    events: Vec<Candidate>,
    problems: Vec<Problem>,
    counts: Counts,
    notices: Vec<String>,
    suggestion: Option<Format>,
    stopped: Option<String>,
}

fn settings(zone: &str, reference: &str) -> Settings {
    Settings {
        zone: Zone::parse(zone).unwrap(),
        reference: ts(reference),
        fields: Fields::default(),
    }
}

fn read_with(name: &str, choice: Choice, settings: &Settings, filter: Filter) -> Read {
    let mut reader = Reader::open(&fixture(name), choice, settings, filter)
        .unwrap_or_else(|e| panic!("{name} opens: {e}"));
    let (mut events, mut problems) = (Vec::new(), Vec::new());
    for item in reader.by_ref() {
        match item {
            Item::Event(c) => events.push(c),
            Item::NotUnderstood(p) => problems.push(p),
        }
    }
    Read {
        format: reader.format(),
        events,
        problems,
        counts: reader.counts(),
        notices: reader.notices(),
        suggestion: reader.suggestion(),
        stopped: reader.stopped().map(str::to_string),
    }
}

fn read(name: &str) -> Read {
    read_with(name, Choice::Auto, &settings("UTC", "2026-03-02T09:00:00Z"), Filter::default())
}

fn times(r: &Read) -> Vec<String> {
    r.events.iter().map(|e| e.at.to_rfc3339()).collect()
}

fn texts(r: &Read) -> Vec<&str> {
    r.events.iter().map(|e| e.text.as_str()).collect()
}

fn problem_lines(r: &Read) -> Vec<u64> {
    r.problems.iter().map(|p| p.line).collect()
}

#[test]
fn syslog_lines_become_events_with_the_year_of_the_review() {
    let r = read("syslog.log");
    assert_eq!(r.format, Format::Log);
    assert_eq!(r.events.len(), 7);
    assert_eq!(r.events[1].at.to_rfc3339(), "2026-03-02T09:12:00+00:00");
    assert_eq!(r.events[1].text, "pay-1 deployd[4411]: rolling out auth-config v42 to 12 hosts");
    assert_eq!(r.events[1].source, "syslog.log:2");
    assert_eq!(r.events[1].author, None);
    // The stack-trace line has no time: reported with its number, never dropped silently.
    assert_eq!(problem_lines(&r), [7]);
    assert_eq!(r.problems[0].reason, "no time at the start of the line");
    assert_eq!(r.problems[0].text, "at AuthClient.verify (auth.js:88)");
    assert_eq!((r.counts.lines, r.counts.blank, r.counts.understood), (9, 1, 7));
}

#[test]
fn application_log_stamps_keep_their_offsets() {
    let r = read_with(
        "app.log",
        Choice::Auto,
        &settings("Europe/Berlin", "2026-03-02T09:00:00Z"),
        Filter::default(),
    );
    assert_eq!(
        times(&r),
        [
            "2026-03-02T09:12:00+00:00",
            "2026-03-02T10:12:05+01:00",
            // No offset in the line: read in --tz (Berlin, +01:00 in March).
            "2026-03-02T09:13:10+01:00",
            "2026-03-02T09:14:00+01:00",
            "2026-03-02T09:15:00+00:00",
            "2026-03-02T09:16:00+00:00",
        ]
    );
    assert_eq!(
        r.events[3].text,
        "[error] 812#0: *331 upstream timed out (110: Connection timed out)"
    );
    assert_eq!(r.events[5].text, "pay-3 payment-api 2210 - - health check failing");
    assert_eq!(problem_lines(&r), [7, 8]);
    assert_eq!(r.problems[0].reason, "a time with no text after it");
}

#[test]
fn access_log_time_is_found_inside_the_line() {
    let r = read("access.log");
    assert_eq!(
        times(&r),
        ["2026-03-02T09:12:40+00:00", "2026-03-02T09:12:41+00:00", "2026-03-02T10:12:42+01:00"]
    );
    assert_eq!(
        r.events[1].text,
        r#"203.0.113.9 - - "POST /v1/charge HTTP/1.1" 401 97 "-" "shop/2.3""#
    );
}

#[test]
fn times_of_day_take_the_review_date_and_roll_over_midnight() {
    let r = read_with(
        "scrollback.txt",
        Choice::Auto,
        &settings("+01:00", "2026-03-02T22:30:00+01:00"),
        Filter::default(),
    );
    assert_eq!(r.format, Format::Log);
    assert_eq!(
        times(&r),
        [
            "2026-03-02T23:52:00+01:00",
            "2026-03-02T23:55:10+01:00",
            "2026-03-02T23:58:00+01:00",
            "2026-03-03T00:03:00+01:00",
            "2026-03-03T00:02:00+01:00",
            "2026-03-03T00:41:00+01:00",
        ]
    );
    assert_eq!(texts(&r)[1], "rolled back web tier to build 1180");
    assert_eq!(texts(&r)[2], "latency still high, cache hit rate 12%");
}

#[test]
fn a_named_zone_reads_a_log_across_the_autumn_change_in_order() {
    let r = read_with(
        "dst-berlin.log",
        Choice::Auto,
        &settings("Europe/Berlin", "2026-10-25T00:00:00+02:00"),
        Filter::default(),
    );
    assert_eq!(
        times(&r),
        [
            "2026-10-25T01:50:00+02:00",
            "2026-10-25T02:30:00+02:00",
            "2026-10-25T02:59:30+02:00",
            "2026-10-25T02:05:00+01:00",
            "2026-10-25T02:40:00+01:00",
            "2026-10-25T03:10:00+01:00",
        ]
    );
    let instants: Vec<i64> = r.events.iter().map(|e| e.at.timestamp()).collect();
    assert!(instants.windows(2).all(|w| w[0] < w[1]), "the file's order is kept: {instants:?}");
    assert!(
        r.notices.iter().any(|n| n.contains("repeated") && n.contains("Europe/Berlin")),
        "{:?}",
        r.notices
    );
}

#[test]
fn a_named_zone_reads_a_skipped_time_with_the_offset_before_the_spring_change() {
    let r = read_with(
        "dst-spring.log",
        Choice::Auto,
        &settings("Europe/Berlin", "2026-03-29T00:00:00+01:00"),
        Filter::default(),
    );
    assert_eq!(
        times(&r),
        ["2026-03-29T01:55:00+01:00", "2026-03-29T02:30:00+01:00", "2026-03-29T03:05:00+02:00"]
    );
    assert!(
        r.notices.iter().any(|n| n.contains("1 time fell in the hour Europe/Berlin skipped")),
        "{:?}",
        r.notices
    );
}

#[test]
fn journald_json_lines_name_their_unit_and_host() {
    let r = read("journal.json");
    assert_eq!(r.format, Format::Journald);
    assert_eq!(
        times(&r),
        [
            "2026-03-02T09:12:03+00:00",
            "2026-03-02T09:12:41+00:00",
            "2026-03-02T09:12:41+00:00",
            "2026-03-02T09:31:07+00:00"
        ]
    );
    assert_eq!(r.events[0].source, "journal.json:1 payment-api.service on pay-1");
    assert_eq!(r.events[2].text, "Invalid \u{FFFD} byte", "a MESSAGE of bytes is read lossily");
    assert_eq!(r.events[3].source, "journal.json:7 alertmanager.service on mon-1");
    assert_eq!(problem_lines(&r), [5, 6]);
    assert!(r.problems[0].reason.starts_with("not JSON"), "{:?}", r.problems[0]);
    assert_eq!(r.problems[1].reason, "no MESSAGE");
    assert_eq!(r.counts.blank, 1);
}

#[test]
fn journald_times_are_shown_in_the_zone_given() {
    let r = read_with(
        "journal.json",
        Choice::Auto,
        &settings("America/New_York", "2026-03-02T09:00:00Z"),
        Filter::default(),
    );
    assert_eq!(r.events[0].at.to_rfc3339(), "2026-03-02T04:12:03-05:00");
}

#[test]
fn csv_rows_with_quotes_and_a_row_over_two_lines() {
    let r = read("alerts.csv");
    assert_eq!(r.format, Format::Csv);
    assert_eq!(
        texts(&r),
        [
            "PaymentErrorRate > 5% for 5m, paging on-call",
            "Latency p99 \"4.2s\" on /v1/charge",
            "Acknowledged by on-call (from the mobile app)",
            "PaymentErrorRate back under 1%",
        ]
    );
    let sources: Vec<&str> = r.events.iter().map(|e| e.source.as_str()).collect();
    assert_eq!(
        sources,
        [
            "alerts.csv:2 payments",
            "alerts.csv:3 payments",
            "alerts.csv:4 auth",
            "alerts.csv:8 payments"
        ]
    );
    assert_eq!(problem_lines(&r), [7]);
    assert_eq!((r.counts.ignored, r.counts.blank), (1, 1), "the header row, the blank line");
}

#[test]
fn csv_columns_are_chosen_by_name() {
    let mut s = settings("Europe/Berlin", "2026-03-02T09:00:00Z");
    s.fields = Fields {
        time: Some("Created On".into()),
        text: Some("Title".into()),
        source: Some("Service".into()),
    };
    let r = read_with("pagerduty.csv", Choice::Only(Format::Csv), &s, Filter::default());
    assert_eq!(times(&r), ["2026-03-02T09:31:07+01:00", "2026-03-02T09:35:44+01:00"]);
    assert_eq!(r.events[0].source, "pagerduty.csv:2 Payment API");
    let unnamed = read("pagerduty.csv");
    let stopped = unnamed.stopped.expect("no time column is a stop");
    assert!(stopped.contains("Created On") && stopped.contains("--columns"), "{stopped}");
    assert!(unnamed.events.is_empty());
}

#[test]
fn json_lines_find_usual_and_nested_fields() {
    let r = read("alerts.jsonl");
    assert_eq!(r.format, Format::Jsonl);
    assert_eq!(
        times(&r),
        [
            "2026-03-02T09:31:07+00:00",
            "2026-03-02T09:31:07+00:00",
            "2026-03-02T10:40:30+00:00",
            "2026-03-02T10:20:00+00:00"
        ]
    );
    assert_eq!(r.events[0].source, "alerts.jsonl:1 mon-1");
    assert_eq!(problem_lines(&r), [4]);
}

#[test]
fn chat_transcripts_from_every_client_give_the_same_story() {
    let want_authors = ["Maria Lopez", "Chen Wei", "Priya Natarajan"];
    for name in ["chat-slack-copy.txt", "chat-teams.txt", "chat-zoom.txt", "chat-matrix.txt"] {
        let r = read(name);
        assert_eq!(r.format, Format::Chat, "{name}");
        let mut distinct: Vec<&str> = Vec::new();
        for author in r.events.iter().filter_map(|e| e.author.as_deref()) {
            if !distinct.contains(&author) {
                distinct.push(author);
            }
        }
        assert_eq!(distinct, want_authors, "{name}");
        assert!(r.events[0].text.starts_with("pager went off"), "{name}: {:?}", r.events[0]);
        assert!(
            r.events[0].at.to_rfc3339().starts_with("2026-03-02T09:31:"),
            "{name}: {}",
            r.events[0].at
        );
        assert!(r.problems.is_empty(), "{name}: {:?}", r.problems);
    }
    let copy = read("chat-slack-copy.txt");
    assert_eq!(
        copy.events[2].text,
        "the config rollout at 09:12 changed the key ids it went to every host at once"
    );
    assert_eq!(copy.events[2].source, "chat-slack-copy.txt:6 @Maria Lopez");
}

#[test]
fn irc_log_speakers_actions_and_joins() {
    let r = read("chat-irc.txt");
    assert_eq!(r.format, Format::Chat);
    let got: Vec<(u64, Option<&str>, &str)> =
        r.events.iter().map(|e| (e.line, e.author.as_deref(), e.text.as_str())).collect();
    assert_eq!(
        got,
        [
            (1, Some("maria"), "pager went off: payment error rate over 5%"),
            (2, Some("chen"), "looking. auth is returning 401s"),
            (4, Some("chen"), "* chen checks the deploy log"),
            (
                5,
                Some("maria"),
                "the config rollout at 09:12 changed the key ids it went to every host at once"
            ),
            (7, Some("priya"), "rolling back auth-config to v41"),
        ]
    );
    assert_eq!(r.counts.ignored, 1, "the join");
}

#[test]
fn slack_export_resolves_people_threads_links_and_reports_broken_messages() {
    let r = read("slack");
    assert_eq!(r.format, Format::Slack);
    let got: Vec<(&str, &str)> =
        r.events.iter().map(|e| (e.source.as_str(), e.text.as_str())).collect();
    assert_eq!(
        got,
        [
            (
                "slack #inc-412 @maria",
                "@here payment error rate over 5% since 09:30, see the dashboard (https://grafana.example/d/pay)"
            ),
            (
                "slack #inc-412 @chen, reply in thread",
                "@Maria Lopez auth returns 401 & the deploy at 09:12 touched #inc-412 config"
            ),
            ("slack #inc-412 @chen, reply in thread", "key ids changed in v42"),
            (
                "slack #inc-412 @PagerDuty",
                "Incident #4411 triggered: Payment API error rate above 5%"
            ),
            ("slack #inc-412 @priya", "shared a file: rollback plan"),
            ("slack #inc-412 @priya", "rolled back to v41, error rate falling"),
            ("slack #inc-412 @maria", "postmortem scheduled for Thursday"),
        ]
    );
    let authors: Vec<Option<&str>> = r.events.iter().map(|e| e.author.as_deref()).collect();
    assert_eq!(authors[0], Some("Maria Lopez"));
    assert_eq!(authors[3], None, "a bot is not a participant");
    assert_eq!(r.events[0].at.to_rfc3339(), "2026-03-02T09:31:00+00:00");
    let problems: Vec<(&str, u64, &str)> =
        r.problems.iter().map(|p| (p.file.as_str(), p.line, p.reason.as_str())).collect();
    assert_eq!(
        problems,
        [
            ("inc-412/2026-03-02.json", 7, "no ts (the message's time)"),
            ("inc-412/2026-03-02.json", 8, "no text and no file"),
        ]
    );
    assert_eq!(r.counts.ignored, 2, "a join and a topic change");
    assert!(r.notices.is_empty(), "{:?}", r.notices);
}

#[test]
fn slack_export_without_users_or_fields_says_what_it_assumed() {
    let r = read_with(
        "slack-bare/inc-9",
        Choice::Only(Format::Slack),
        &settings("UTC", "2026-03-02T09:00:00Z"),
        Filter::default(),
    );
    let got: Vec<(&str, Option<&str>)> =
        r.events.iter().map(|e| (e.source.as_str(), e.author.as_deref())).collect();
    assert_eq!(got, [("slack #inc-9 @U01MARIA", Some("U01MARIA")), ("slack #inc-9", None)]);
    let problems: Vec<(&str, u64)> = r.problems.iter().map(|p| (p.file.as_str(), p.line)).collect();
    assert_eq!(
        problems,
        [("inc-9/2026-03-02.json", 3), ("inc-9/2026-03-02.json", 4), ("inc-9/2026-03-03.json", 0)]
    );
    assert!(r.problems[2].reason.contains("not a list of Slack messages"), "{:?}", r.problems[2]);
    assert!(r.notices.iter().any(|n| n.contains("no users.json")), "{:?}", r.notices);
}

#[test]
fn a_single_slack_file_that_is_not_a_list_is_refused() {
    let e = Reader::open(
        &fixture("slack-bare/inc-9/2026-03-03.json"),
        Choice::Only(Format::Slack),
        &settings("UTC", "2026-03-02T09:00:00Z"),
        Filter::default(),
    )
    .err()
    .expect("refused");
    assert!(matches!(e, ImportError::NotSlack { .. }), "{e}");
    assert!(e.to_string().contains("not a list of Slack messages"), "{e}");
}

#[test]
fn hostile_text_is_stored_without_escapes_or_controls() {
    let r = read("hostile.log");
    assert_eq!(
        texts(&r)[..4],
        ["ERROR payment declined", "title changed", "screen cleared", "user evil reversed"]
    );
    for event in &r.events {
        assert!(
            !event.text.chars().any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
            "{event:?}"
        );
    }
    assert!(texts(&r)[4].contains("csi"));
    assert_eq!(texts(&r)[5], "bad bytes \u{FFFD}\u{FFFD} here");
    assert!(
        r.notices
            .iter()
            .any(|n| n.contains("1 line had bytes that are not UTF-8 (first at line 6)")),
        "{:?}",
        r.notices
    );
    assert_eq!(problem_lines(&r), [7], "a line that was only escape codes has no text");
}

#[test]
fn filters_keep_what_matches_and_count_the_rest() {
    let filter = Filter {
        since: Some(ts("2026-03-02T09:12:00Z")),
        until: Some(ts("2026-03-02T09:31:07Z")),
        grep: Some(regex::Regex::new("payment-api|alertmanager").unwrap()),
    };
    let r = read_with("syslog.log", Choice::Auto, &settings("UTC", "2026-03-02T09:00:00Z"), filter);
    assert_eq!(
        times(&r),
        [
            "2026-03-02T09:12:03+00:00",
            "2026-03-02T09:12:03+00:00",
            "2026-03-02T09:12:41+00:00",
            "2026-03-02T09:31:07+00:00"
        ]
    );
    assert_eq!(r.counts.filtered, 3);
    assert_eq!(r.counts.understood, 7);
}

#[test]
fn grep_also_matches_the_source() {
    let filter =
        Filter { grep: Some(regex::Regex::new("alertmanager").unwrap()), ..Filter::default() };
    let r =
        read_with("journal.json", Choice::Auto, &settings("UTC", "2026-03-02T09:00:00Z"), filter);
    assert_eq!(texts(&r), ["firing: PaymentErrorRate > 5% for 5m"]);
}

#[test]
fn a_file_read_as_the_wrong_format_suggests_the_right_one() {
    let r = read_with(
        "syslog.log",
        Choice::Only(Format::Journald),
        &settings("UTC", "2026-03-02T09:00:00Z"),
        Filter::default(),
    );
    assert!(r.events.is_empty());
    assert_eq!(r.problems.len(), 8);
    assert_eq!(r.suggestion, Some(Format::Log));
}

fn open_error(path: &Path, choice: Choice) -> ImportError {
    match Reader::open(path, choice, &settings("UTC", "2026-03-02T09:00:00Z"), Filter::default()) {
        Ok(_) => panic!("{} should be refused", path.display()),
        Err(e) => e,
    }
}

#[test]
fn files_that_are_not_text_are_refused_with_what_to_do() {
    let cases: [(&str, Choice, &str); 5] = [
        ("empty.log", Choice::Auto, "is empty"),
        ("binary.bin", Choice::Auto, "binary file"),
        ("syslog.log.gz", Choice::Auto, "gzip-compressed; unpack it first"),
        ("slack", Choice::Only(Format::Log), "is a folder"),
        ("missing.log", Choice::Auto, "No such file"),
    ];
    for (name, choice, says) in cases {
        let message = open_error(&fixture(name), choice).to_string();
        assert!(message.contains(says), "{name}: {message}");
        assert!(!message.contains('\u{1b}'), "{name}");
    }
}

#[test]
fn a_file_of_no_known_shape_asks_for_as() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "we should look at the pool\nand the alerts\n").unwrap();
    let message = open_error(&notes, Choice::Auto).to_string();
    assert!(message.contains("--as log"), "{message}");
}

#[test]
fn a_ten_megabyte_line_is_reported_and_the_lines_around_it_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.log");
    let mut text = b"2026-03-02T09:12:00Z before\n2026-03-02T09:12:01Z ".to_vec();
    text.extend(std::iter::repeat_n(b'x', 10 * 1024 * 1024));
    text.extend(b"\n2026-03-02T09:12:02Z after\n");
    std::fs::write(&path, text).unwrap();
    let mut reader = Reader::open(
        &path,
        Choice::Auto,
        &settings("UTC", "2026-03-02T09:00:00Z"),
        Filter::default(),
    )
    .unwrap();
    let items: Vec<Item> = reader.by_ref().collect();
    assert_eq!(items.len(), 3);
    let Item::NotUnderstood(problem) = &items[1] else { panic!("{:?}", items[1]) };
    assert_eq!(problem.line, 2);
    assert!(
        problem.reason.contains("10.0 MiB") && problem.reason.contains("left out"),
        "{}",
        problem.reason
    );
    assert!(matches!(&items[2], Item::Event(c) if c.text == "after" && c.line == 3));
}

#[test]
fn a_file_of_blank_lines_is_refused_as_having_nothing_to_import() {
    let message = open_error(&fixture("blank.log"), Choice::Only(Format::Log)).to_string();
    assert!(message.contains("has only blank lines"), "{message}");
}
