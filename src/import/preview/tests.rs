//! The preview reads any window of a file exactly as the import reads it, filters, ticks,
//! and places ticked events among the review's own.
use super::*;
use crate::import::{Fields, Filter, Item, Reader};
use crate::model::EventKind;
use crate::model::zone::Zone;
use chrono::DateTime;
use filter::TextFilter;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn ts(s: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn settings() -> Settings {
    Settings {
        zone: Zone::parse("+01:00").unwrap(),
        reference: ts("2026-03-02T09:00:00+01:00"),
        fields: Fields::default(),
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name)
}

/// What the import itself makes of a file, by line.
fn imported(path: &Path) -> BTreeMap<u64, Candidate> {
    let reader = Reader::open(path, Choice::Auto, &settings(), Filter::default()).unwrap();
    reader
        .filter_map(|item| match item {
            Item::Event(c) => Some((c.line, c)),
            Item::NotUnderstood(_) => None,
        })
        .collect()
}

/// A time-only log over a few days: every line a time of day, crossing midnight twice, so
/// a window deep in the file depends on state carried from the lines before it.
fn long_log(dir: &Path, lines: u64) -> PathBuf {
    let path = dir.join("long.log");
    let mut text = String::new();
    for i in 0..lines {
        let minutes = i * 7 % (24 * 60);
        if i % 50 == 13 {
            text.push_str("    a continuation the log cannot place\n");
        } else if i % 97 == 5 {
            text.push('\n');
        } else {
            text.push_str(&format!(
                "{:02}:{:02}:{:02} step {i} of the job\n",
                minutes / 60,
                minutes % 60,
                i % 60
            ));
        }
    }
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn windows_anywhere_in_a_file_read_as_the_import_does() {
    let dir = tempfile::tempdir().unwrap();
    let path = long_log(dir.path(), 1500);
    let mut preview = Preview::open(&path, Choice::Auto, &settings()).unwrap();
    // Indexed in small slices, as the console does between frames.
    let mut slices = 0;
    while !preview.index_more(4096).unwrap().done {
        slices += 1;
    }
    assert!(slices > 5, "indexing is spread over many calls");
    assert_eq!(preview.rows(), 1500);
    let want = imported(&path);
    for first in [0, 255, 256, 700, 1490] {
        for row in preview.window(first, 20).unwrap() {
            assert_eq!(row.row + 1, row.line);
            match &row.reading {
                Reading::Event(c) => assert_eq!(Some(c), want.get(&row.line), "line {}", row.line),
                Reading::NotUnderstood(_) | Reading::Blank => {
                    assert!(!want.contains_key(&row.line))
                }
                other => panic!("line {}: {other:?}", row.line),
            }
        }
    }
    assert_eq!(preview.window(1495, 20).unwrap().len(), 5, "a window stops at the end");
}

#[test]
fn a_window_before_indexing_reaches_it_is_empty_not_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let path = long_log(dir.path(), 1500);
    let mut preview = Preview::open(&path, Choice::Auto, &settings()).unwrap();
    preview.index_more(2000).unwrap();
    let indexed = preview.rows();
    assert!(indexed < 1500);
    assert!(preview.window(1400, 10).unwrap().is_empty());
    assert_eq!(preview.window(0, 5).unwrap().len(), 5);
}

#[test]
fn chat_messages_over_several_lines_show_where_they_continue() {
    let path = fixture("chat-slack-copy.txt");
    let mut preview = Preview::open(&path, Choice::Auto, &settings()).unwrap();
    preview.index_all().unwrap();
    let rows = preview.window(5, 3).unwrap();
    let want = imported(&path);
    assert_eq!(rows[0].text, "Maria Lopez  9:35 AM");
    assert_eq!(rows[0].reading, Reading::Event(want[&6].clone()));
    assert!(
        matches!(&rows[0].reading, Reading::Event(c) if c.text.ends_with("every host at once"))
    );
    assert_eq!(rows[1].reading, Reading::Continues);
    assert_eq!(rows[2].reading, Reading::Continues);
    assert_eq!(preview.window(4, 1).unwrap()[0].reading, Reading::Blank);
}

#[test]
fn filter_shows_matching_rows_in_any_case() {
    let path = fixture("syslog.log");
    let mut preview = Preview::open(&path, Choice::Auto, &settings()).unwrap();
    preview.index_all().unwrap();
    preview.set_filter("AUTH");
    preview.filter_all().unwrap();
    let lines: Vec<u64> = preview.window(0, 50).unwrap().iter().map(|r| r.line).collect();
    assert_eq!(lines, [2, 3, 4, 6, 7, 9]);
    assert_eq!(preview.visible(), 6);
    assert_eq!(preview.window(4, 50).unwrap().iter().map(|r| r.line).collect::<Vec<_>>(), [7, 9]);
    preview.set_filter("  ");
    assert_eq!(preview.visible(), 9, "an empty filter shows everything");
}

#[test]
fn filter_finds_the_kth_match_across_blocks() {
    let mut filter = TextFilter::new("x".into());
    for i in 0..10_000u64 {
        filter.record(i % 3 == 0);
    }
    assert_eq!(filter.matches, 3334);
    for k in [0, 1, 1365, 1366, 3333] {
        assert_eq!(filter.nth(k), Some(k * 3), "k = {k}");
    }
    assert_eq!(filter.nth(3334), None);
}

#[test]
fn ticking_takes_events_only_and_gives_them_as_the_import_would() {
    let path = fixture("syslog.log");
    let mut preview = Preview::open(&path, Choice::Auto, &settings()).unwrap();
    preview.index_all().unwrap();
    assert_eq!(preview.toggle(1).unwrap(), Some(true));
    assert_eq!(preview.toggle(4).unwrap(), None, "a blank line");
    assert_eq!(preview.toggle(6).unwrap(), None, "a line not understood");
    assert_eq!(preview.toggle(1).unwrap(), Some(false));
    preview.set_filter("payment-api");
    preview.filter_all().unwrap();
    assert_eq!(preview.tick_visible().unwrap(), 3);
    let want = imported(&path);
    let lines: Vec<u64> = preview.ticked_events().unwrap().iter().map(|c| c.line).collect();
    assert_eq!(lines, [3, 4, 6]);
    assert_eq!(preview.ticked_events().unwrap()[0], want[&3]);
    preview.clear_ticks();
    assert!(preview.ticked().is_empty());
}

#[test]
fn a_slack_export_previews_its_messages() {
    let mut preview = Preview::open(&fixture("slack"), Choice::Auto, &settings()).unwrap();
    assert_eq!(preview.format(), Format::Slack);
    assert!(preview.index_more(1).unwrap().done);
    let rows = preview.window(0, 20).unwrap();
    assert_eq!(rows.len(), 11);
    assert_eq!(rows[0].reading, Reading::Ignored, "the join");
    assert!(matches!(&rows[1].reading, Reading::Event(c) if c.source == "slack #inc-412 @maria"));
    assert!(matches!(&rows[6].reading, Reading::NotUnderstood(r) if r.contains("no ts")));
    preview.set_filter("rolled back");
    preview.filter_all().unwrap();
    assert_eq!(preview.tick_visible().unwrap(), 1);
    assert_eq!(preview.ticked_events().unwrap()[0].text, "rolled back to v41, error rate falling");
}

#[test]
fn placement_merges_ticked_events_into_the_timeline() {
    let event = |id: &str, at: &str, text: &str| Event {
        id: id.into(),
        at: ts(at),
        kind: EventKind::Alert,
        text: text.into(),
        source: String::new(),
        known_then: String::new(),
        extra: Default::default(),
    };
    let existing = [
        event("e1", "2026-03-02T09:12:00Z", "deploy"),
        event("e2", "2026-03-02T09:31:00Z", "alert"),
    ];
    let candidate = |line: u64, at: &str, text: &str| {
        (
            line - 1,
            Candidate {
                line,
                at: ts(at),
                text: text.into(),
                author: None,
                source: format!("x:{line}"),
            },
        )
    };
    let ticked = [
        candidate(1, "2026-03-02T09:00:00Z", "before"),
        candidate(2, "2026-03-02T10:31:00+01:00", "alert"),
        candidate(3, "2026-03-02T09:31:00Z", "same time, other text"),
        candidate(4, "2026-03-02T09:40:00Z", "after"),
        candidate(5, "2026-03-02T09:40:00Z", "after"),
    ];
    let places: Vec<Place> = placement(&existing, &ticked).into_iter().map(|p| p.place).collect();
    assert_eq!(
        places,
        [
            Place::New { row: 0 },
            Place::Existing { id: "e1".into() },
            Place::Existing { id: "e2".into() },
            Place::Duplicate { row: 1 },
            Place::New { row: 2 },
            Place::New { row: 3 },
            Place::Duplicate { row: 4 },
        ]
    );
}

#[test]
fn the_index_keeps_one_state_per_checkpoint_not_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = long_log(dir.path(), 5000);
    let mut preview = Preview::open(&path, Choice::Auto, &settings()).unwrap();
    preview.index_all().unwrap();
    let Body::Lines(indexed) = &preview.body else { panic!("a line file") };
    assert_eq!(indexed.checkpoints.len() as u64, 5000_u64.div_ceil(CHECKPOINT));
}
