//! `--as auto`: what kind of file this is, from its name and its first 64 KiB.
//!
//! A folder is a Slack export; JSON is journald when its objects carry
//! `__REALTIME_TIMESTAMP`, else JSON Lines, or a Slack message file when it is a list; a
//! header row with a time and a text column is CSV; among text, lines with speakers
//! (`[14:32] maria: …`, `Maria Lopez  2:32 PM`) make a chat transcript and stamped lines a
//! log. `--as` always wins.

use std::path::Path;

use chrono::Timelike;

use super::Format;
use super::chat::has_speaker;
use super::stamp::{self, DatePart, When};

/// How many non-blank lines are looked at.
const SAMPLE: usize = 200;

pub fn detect(head: &[u8], path: Option<&Path>) -> Option<Format> {
    // The last line of a full head may be cut short; leave it out.
    let text = String::from_utf8_lossy(head);
    let text = match text.rfind('\n') {
        Some(end) if head.len() >= super::input::HEAD => &text[..end],
        _ => &text[..],
    };
    let start = text.trim_start();
    if start.starts_with('[') && start[1..].trim_start().starts_with(['{', ']']) {
        return Some(Format::Slack);
    }
    if start.starts_with('{') {
        let first = start.lines().next().unwrap_or("");
        return Some(match serde_json::from_str::<serde_json::Value>(first) {
            Ok(v) if v.get("__REALTIME_TIMESTAMP").is_some() => Format::Journald,
            _ => Format::Jsonl,
        });
    }
    let extension =
        path.and_then(|p| p.extension()).and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    if matches!(extension.as_deref(), Some("csv" | "tsv")) || looks_like_csv_header(start) {
        return Some(Format::Csv);
    }
    text_kind(text)
}

/// Chat or log, from a sample of lines.
fn text_kind(text: &str) -> Option<Format> {
    let (mut lines, mut stamped, mut dated, mut seconds, mut speakers) = (0, 0, 0, 0, 0);
    for line in text.lines().filter(|l| !l.trim().is_empty()).take(SAMPLE) {
        lines += 1;
        if let Some((when, _)) = stamp::split(line) {
            stamped += 1;
            if let When::Wall { date, time, .. } = when {
                dated += usize::from(date != DatePart::None);
                // Logs give seconds; chat clients mostly show minutes.
                seconds += usize::from(time.second() != 0 || time.nanosecond() != 0);
            }
        }
        if has_speaker(line) {
            speakers += 1;
        }
    }
    if speakers * 2 > lines && seconds * 2 < stamped {
        Some(Format::Chat)
    } else if dated * 2 > stamped && stamped > 0 {
        Some(Format::Log)
    } else if speakers > 0 && speakers * 2 >= stamped {
        Some(Format::Chat)
    } else if stamped > 0 {
        Some(Format::Log)
    } else {
        None
    }
}

fn looks_like_csv_header(text: &str) -> bool {
    let first = text.lines().next().unwrap_or("").to_ascii_lowercase();
    let cells: Vec<&str> =
        first.split([',', ';', '\t']).map(|c| c.trim().trim_matches('"')).collect();
    let has = |names: &[&str]| cells.iter().any(|c| names.contains(c));
    cells.len() >= 2
        && has(&["time", "timestamp", "@timestamp", "date", "datetime", "created_at", "ts"])
        && has(&["text", "message", "msg", "summary", "description", "title", "event"])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guess(text: &str) -> Option<Format> {
        detect(text.as_bytes(), None)
    }

    #[test]
    fn each_format_is_told_apart_by_its_content() {
        assert_eq!(guess("Mar  1 14:32:05 web-1 sshd[9]: Accepted key\n"), Some(Format::Log));
        assert_eq!(guess("2026-03-01 14:32:05 INFO db: pool exhausted\n"), Some(Format::Log));
        assert_eq!(guess("[2026-03-01 14:32:05] x\n"), Some(Format::Log));
        assert_eq!(guess("14:32:05 GET /health 200\n14:32:06 GET /pay 503\n"), Some(Format::Log));
        assert_eq!(guess("[14:32] maria: rolling back\n[14:33] chen: ack\n"), Some(Format::Chat));
        assert_eq!(guess("[2026-03-02 09:31] Maria Lopez: paged\n"), Some(Format::Chat));
        assert_eq!(guess("[09:31:12] <maria> paged\n[09:32:40] <chen> ack\n"), Some(Format::Chat));
        assert_eq!(
            guess("Maria Lopez  2:32 PM\nrolling back\n\nChen Wei  2:33 PM\nack\n"),
            Some(Format::Chat)
        );
        assert_eq!(
            guess("{\"__REALTIME_TIMESTAMP\":\"1\",\"MESSAGE\":\"x\"}\n"),
            Some(Format::Journald)
        );
        assert_eq!(guess("{\"ts\":1,\"msg\":\"x\"}\n"), Some(Format::Jsonl));
        assert_eq!(guess("[\n  {\n    \"ts\": \"1.0\"\n  }\n]\n"), Some(Format::Slack));
        assert_eq!(guess("timestamp,service,message\n1,a,b\n"), Some(Format::Csv));
        assert_eq!(guess("just some notes\nwith no times\n"), None);
    }

    #[test]
    fn a_csv_extension_is_enough() {
        assert_eq!(detect(b"a,b\n", Some(Path::new("alerts.CSV"))), Some(Format::Csv));
    }
}
