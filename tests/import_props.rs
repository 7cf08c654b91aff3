//! Whatever a file holds, every format reads it without a panic, and nothing it keeps or
//! reports carries a control character.

use chrono::DateTime;
use proptest::prelude::*;
use waterline::import::{Choice, Fields, Filter, Format, Item, Reader, Settings};
use waterline::model::zone::Zone;

fn settings(zone: &str, reference: &str) -> Settings {
    Settings {
        zone: Zone::parse(zone).unwrap(),
        reference: DateTime::parse_from_rfc3339(reference).unwrap(),
        fields: Fields::default(),
    }
}

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9:\\-T .+Z\\[\\]<>/a-zA-Z,\"{}@|\u{1b}\u{9b}\u{202e}é]{0,60}",
        Just("Mar  2 09:12:00 host app[1]: text".to_string()),
        Just("[09:31] <maria> text".to_string()),
        Just("Maria Lopez  9:31 AM".to_string()),
        Just("{\"__REALTIME_TIMESTAMP\":\"1772442723250000\",\"MESSAGE\":\"x\"}".to_string()),
        Just("time,text".to_string()),
        Just("\"open quote".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whatever a file holds, every format reads it without a panic, and what it keeps
    /// carries no control character.
    #[test]
    fn any_lines_in_any_format(lines in prop::collection::vec(line(), 1..12), pick in 0usize..5) {
        let format = [Format::Log, Format::Journald, Format::Chat, Format::Csv, Format::Jsonl][pick];
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("input");
        std::fs::write(&path, lines.join("\n")).unwrap();
        let settings = settings("Europe/Berlin", "2026-03-02T09:00:00Z");
        let Ok(reader) = Reader::open(&path, Choice::Only(format), &settings, Filter::default()) else {
            return Ok(());
        };
        for item in reader {
            let text = match &item {
                Item::Event(c) => format!("{}{}{}", c.text, c.source, c.author.clone().unwrap_or_default()),
                Item::NotUnderstood(p) => format!("{}{}{}", p.reason, p.text, p.file),
            };
            prop_assert!(!text.chars().any(|c| c.is_control()), "{item:?}");
        }
    }
}

fn story_line() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u32..24, 0u32..60).prop_map(|(h, m)| format!("{h:02}:{m:02} step")),
        (0u32..24, 0u32..60).prop_map(|(h, m)| format!("[{h:02}:{m:02}] maria: said {h}")),
        (1u32..13, 0u32..60).prop_map(|(h, m)| format!("Chen Wei  {h}:{m:02} PM")),
        Just("a wrapped line".to_string()),
        Just(String::new()),
        Just("-!- priya has joined".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// The console's preview reads every row exactly as the command reads the file, from
    /// any checkpoint, whatever the mix of times, speakers, wraps and blanks.
    #[test]
    fn the_preview_reads_as_the_command_does(
        lines in prop::collection::vec(story_line(), 1..700),
        chat in any::<bool>(),
    ) {
        use waterline::import::preview::{Preview, Reading};
        let format = if chat { Format::Chat } else { Format::Log };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.txt");
        std::fs::write(&path, lines.join("\n")).unwrap();
        let settings = settings("Europe/Berlin", "2026-03-29T00:30:00+01:00");
        let Ok(reader) = Reader::open(&path, Choice::Only(format), &settings, Filter::default()) else {
            return Ok(());
        };
        let want: Vec<_> = reader.filter_map(|i| match i { Item::Event(c) => Some(c), _ => None }).collect();
        let mut preview = Preview::open(&path, Choice::Only(format), &settings).unwrap();
        preview.index_all().unwrap();
        let mut got = Vec::new();
        // Windows of odd sizes, so passes start from many checkpoints.
        let mut first = 0;
        while first < preview.visible() {
            for row in preview.window(first, 37).unwrap() {
                if let Reading::Event(c) = row.reading {
                    got.push(c);
                }
            }
            first += 37;
        }
        prop_assert_eq!(got, want);
    }
}
