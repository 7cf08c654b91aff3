//! Chat transcripts pasted from Slack, Teams, Zoom, IRC and Matrix clients:
//!
//! - one line a message: `[14:32] maria: text`, `14:32 maria: text`, `[14:32] <maria> text`,
//!   `14:32:05 From Maria Lopez to Everyone: text` (Zoom), `[2026-03-02 14:32] maria: text`;
//! - a header, then the message on the lines under it: `Maria Lopez  2:32 PM` (Slack),
//!   `[2:32 PM] Maria Lopez` (Teams), `14:32:05 From Maria Lopez to Everyone:` (Zoom).
//!
//! A line that is neither continues the message above it, so a message that wrapped stays
//! one event. Joins and quits (`-!- maria has joined`) are not events.

use std::borrow::Cow;

use super::messages;
use super::parse::{Queue, Raw, Step, problem};
use super::stamp::{self, DatePart, When};

/// The longest name taken for a speaker; longer text before a colon is a sentence.
const MAX_NAME: usize = 40;

#[derive(Debug, Clone, Default)]
pub struct ChatParser {
    pending: Option<Pending>,
    pub(super) queue: Queue,
}

#[derive(Debug, Clone)]
struct Pending {
    line: u64,
    when: When,
    author: Option<String>,
    text: String,
    excerpt: String,
}

/// What a header line says.
enum Header<'a> {
    Message { when: When, author: Option<&'a str>, text: &'a str },
    Housekeeping,
}

impl ChatParser {
    pub fn line<'a>(&mut self, text: &'a str, number: u64) -> Step<'a> {
        let line = text.trim();
        if line.is_empty() {
            return Step::Blank;
        }
        match header(line) {
            Some(Header::Message { when, author, text: said }) => {
                let done = self.flush();
                self.pending = Some(Pending {
                    line: number,
                    when,
                    author: author.map(str::to_string),
                    text: said.to_string(),
                    excerpt: line.to_string(),
                });
                done.unwrap_or(Step::Pending)
            }
            Some(Header::Housekeeping) => {
                if let Some(done) = self.flush() {
                    self.queue.push_back(done);
                }
                Step::Ignored
            }
            None => match &mut self.pending {
                Some(pending) => {
                    if pending.text.len() + line.len() < super::input::MAX_LINE {
                        if !pending.text.is_empty() {
                            pending.text.push(' ');
                        }
                        pending.text.push_str(line);
                    }
                    Step::Pending
                }
                None => problem(number, messages::CHAT_NO_SPEAKER, line),
            },
        }
    }

    pub fn finish(&mut self) -> Option<Step<'static>> {
        self.flush()
    }

    pub fn open_since(&self) -> Option<u64> {
        self.pending.as_ref().map(|p| p.line)
    }

    fn flush(&mut self) -> Option<Step<'static>> {
        let pending = self.pending.take()?;
        if pending.text.trim().is_empty() {
            return Some(problem(pending.line, messages::CHAT_EMPTY, &pending.excerpt));
        }
        Some(Step::Entry(Raw {
            line: pending.line,
            when: pending.when,
            text: Cow::Owned(pending.text),
            author: pending.author.map(Cow::Owned),
            detail: None,
        }))
    }
}

/// Whether a line has a chat shape the plain log does not have (a speaker); used to tell
/// a transcript from a log.
pub fn has_speaker(line: &str) -> bool {
    matches!(header(line.trim()), Some(Header::Message { author: Some(_), .. }))
}

fn header(line: &str) -> Option<Header<'_>> {
    if let Some((when, rest)) = leading_time(line) {
        return Some(after_time(when, rest));
    }
    trailing_time(line)
}

/// A time at the start: `[2:32 PM]`, `14:32`, `[2026-03-02 14:32]`.
fn leading_time(line: &str) -> Option<(When, &str)> {
    let (inner, bracketed) = match line.strip_prefix('[') {
        Some(inner) => (inner.trim_start(), true),
        None => (line, false),
    };
    if let Some((time, used)) = stamp::clock_12_or_24(inner)
        && has_meridiem(&inner[..used])
    {
        let after = &inner[used..];
        let rest = if bracketed { after.trim_start().strip_prefix(']')? } else { after };
        let rest = stamp::separator(rest).unwrap_or(rest);
        let when = When::Wall { date: DatePart::None, time, zone: None };
        return Some((when, rest.trim()));
    }
    match stamp::split(line) {
        Some((when, Cow::Borrowed(rest))) => Some((when, rest)),
        _ => None,
    }
}

fn has_meridiem(clock: &str) -> bool {
    clock.bytes().any(|b| b.eq_ignore_ascii_case(&b'm'))
}

/// What follows the time on a header line.
fn after_time(when: When, rest: &str) -> Header<'_> {
    let message = |author, text| Header::Message { when, author, text };
    if rest.starts_with("-!-")
        || rest.starts_with("***")
        || rest.starts_with("-->")
        || rest.starts_with("<--")
    {
        return Header::Housekeeping;
    }
    // IRC: `<maria> text`, `* maria waves`.
    if let Some(tail) = rest.strip_prefix('<')
        && let Some((nick, text)) = tail.split_once('>')
        && is_name(nick.trim_start_matches(['@', '+']))
    {
        return message(Some(nick.trim_start_matches(['@', '+'])), text.trim());
    }
    if let Some(tail) = rest.strip_prefix("* ")
        && let Some(nick) = tail.split_whitespace().next()
        && is_name(nick)
    {
        return message(Some(nick), rest);
    }
    // Zoom: `From Maria Lopez to Everyone: text`, `From Maria Lopez : text`.
    if let Some(tail) = rest.strip_prefix("From ")
        && let Some((who, text)) = tail.split_once(':')
    {
        let who = who.split(" to ").next().unwrap_or(who).trim();
        if is_name(who) {
            return message(Some(who), text.trim());
        }
    }
    if let Some((who, text)) = rest.split_once(':')
        && (text.is_empty() || text.starts_with(char::is_whitespace))
        && is_name(who.trim())
    {
        return message(Some(who.trim()), text.trim());
    }
    // Teams: `[2:32 PM] Maria Lopez`, the message under it.
    let capitalised = rest.split_whitespace().all(|w| w.starts_with(char::is_uppercase));
    if is_name(rest) && rest.split_whitespace().count() >= 2 && capitalised {
        return message(Some(rest), "");
    }
    message(None, rest)
}

/// A name then a time: `Maria Lopez  2:32 PM`, `Maria Lopez [14:32]`. Only with brackets,
/// two spaces before the time, or AM/PM after a capitalised name, so "we restarted at
/// 14:32" and "see you at 3:00 PM" stay sentences.
fn trailing_time(line: &str) -> Option<Header<'_>> {
    let body = line.strip_suffix(']');
    let search = body.unwrap_or(line);
    for (at, _) in search.match_indices(|c: char| c.is_ascii_digit()) {
        if at == 0 || !search[..at].ends_with([' ', '[']) {
            continue;
        }
        let Some((time, used)) = stamp::clock_12_or_24(&search[at..]) else { continue };
        if at + used != search.len() {
            continue;
        }
        let before = &search[..at];
        let bracketed = body.is_some() && before.ends_with('[');
        let name = before.trim_end_matches('[').trim();
        let capitalised = name.split_whitespace().all(|w| w.starts_with(char::is_uppercase));
        let marked =
            bracketed || before.ends_with("  ") || (has_meridiem(&search[at..]) && capitalised);
        if !marked || !is_name(name) {
            return None;
        }
        let when = When::Wall { date: DatePart::None, time, zone: None };
        return Some(Header::Message { when, author: Some(name), text: "" });
    }
    None
}

/// A speaker's name or handle: short, a few words, no sentence punctuation.
fn is_name(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && s.len() <= MAX_NAME
        && s.split_whitespace().count() <= 4
        && s.chars().next().is_some_and(|c| c.is_alphanumeric() || c == '@' || c == '_')
        && s.chars().all(|c| c.is_alphanumeric() || " .-_'@|()".contains(c))
        && !s.contains("://")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveTime;

    fn read(text: &str) -> Vec<(u64, Option<String>, String)> {
        let mut parser = ChatParser::default();
        let mut out = Vec::new();
        let mut take = |step: Step<'_>| {
            if let Step::Entry(raw) = step {
                out.push((raw.line, raw.author.map(|a| a.into_owned()), raw.text.into_owned()));
            }
        };
        for (i, line) in text.lines().enumerate() {
            let step = parser.line(line, i as u64 + 1).into_owned();
            take(step);
            while let Some(step) = parser.queue.pop_front() {
                take(step);
            }
        }
        if let Some(step) = parser.finish() {
            take(step);
        }
        out
    }

    fn entry(line: u64, author: Option<&str>, text: &str) -> (u64, Option<String>, String) {
        (line, author.map(str::to_string), text.to_string())
    }

    #[test]
    fn one_line_messages_in_every_client_shape() {
        let text = "[14:32] maria: rolling back\n\
                    14:33 chen: ack\n\
                    [14:34:05] <priya> db looks fine\n\
                    14:35 <@ops-bot> alert resolved\n\
                    14:36:00 From Sam Lee to Everyone: joining the bridge\n\
                    [2026-03-02 14:37] tom: done\n\
                    14:38 - Ngozi Okafor: paging storage\n";
        assert_eq!(
            read(text),
            [
                entry(1, Some("maria"), "rolling back"),
                entry(2, Some("chen"), "ack"),
                entry(3, Some("priya"), "db looks fine"),
                entry(4, Some("ops-bot"), "alert resolved"),
                entry(5, Some("Sam Lee"), "joining the bridge"),
                entry(6, Some("tom"), "done"),
                entry(7, Some("Ngozi Okafor"), "paging storage"),
            ]
        );
    }

    #[test]
    fn header_then_message_shapes() {
        let text = "Maria Lopez  2:32 PM\n\
                    rolling back the config\n\
                    to the last good one\n\
                    \n\
                    [2:35 PM] Chen Wei\n\
                    ack, watching errors\n\
                    14:40:05 From Sam Lee to Everyone:\n\
                    \tbridge is open\n\
                    priya [14:41]\n\
                    fine here\n";
        assert_eq!(
            read(text),
            [
                entry(1, Some("Maria Lopez"), "rolling back the config to the last good one"),
                entry(5, Some("Chen Wei"), "ack, watching errors"),
                entry(7, Some("Sam Lee"), "bridge is open"),
                entry(9, Some("priya"), "fine here"),
            ]
        );
    }

    #[test]
    fn twelve_hour_times_are_read() {
        let mut parser = ChatParser::default();
        parser.line("[2:32 PM] maria: hi", 1);
        let Some(Step::Entry(raw)) = parser.finish() else { panic!("an entry") };
        let want = NaiveTime::from_hms_opt(14, 32, 0).unwrap();
        assert_eq!(raw.when, When::Wall { date: DatePart::None, time: want, zone: None });
    }

    #[test]
    fn sentences_with_times_and_colons_stay_text() {
        let text = "[14:32] maria: we restarted at 14:35\n\
                    the reason: a stale pool\n\
                    see you at 3:00 PM\n";
        assert_eq!(
            read(text),
            [entry(
                1,
                Some("maria"),
                "we restarted at 14:35 the reason: a stale pool see you at 3:00 PM"
            )]
        );
    }

    #[test]
    fn housekeeping_lines_are_not_events_and_end_a_message() {
        let mut parser = ChatParser::default();
        assert!(matches!(parser.line("14:30 maria: first", 1), Step::Pending));
        assert!(matches!(parser.line("14:31 -!- chen has joined #inc", 2), Step::Ignored));
        assert!(matches!(parser.queue.pop_front(), Some(Step::Entry(_))));
    }

    #[test]
    fn a_line_before_any_message_is_not_understood() {
        let mut parser = ChatParser::default();
        assert!(matches!(parser.line("hello there", 1), Step::Problem { line: 1, .. }));
    }

    #[test]
    fn a_header_with_nothing_under_it_is_reported() {
        let mut parser = ChatParser::default();
        parser.line("Maria Lopez  2:32 PM", 1);
        assert!(matches!(parser.line("Chen Wei  2:33 PM", 2), Step::Problem { line: 1, .. }));
    }

    #[test]
    fn speakers_tell_a_transcript_from_a_log() {
        assert!(has_speaker("[14:32] maria: rolling back"));
        assert!(has_speaker("Maria Lopez  2:32 PM"));
        assert!(!has_speaker("2026-03-01 14:32:05 web-1 nginx[12]: upstream timed out"));
        assert!(!has_speaker("14:32:05 connection refused"));
    }
}
