//! One parser per line-based format, behind one enum so a parser's state can be copied
//! (the preview keeps copies at checkpoints to parse any window of a file on demand).

use std::borrow::Cow;
use std::collections::VecDeque;

use super::chat::ChatParser;
use super::clean::excerpt;
use super::messages;
use super::stamp::{self, When};
use super::table::{CsvParser, JsonlParser};
use super::{Fields, Format};

/// An event as a file states it, before its time is placed and its text cleaned.
#[derive(Debug, Clone)]
pub struct Raw<'a> {
    /// The line (or Slack message) it starts on.
    pub line: u64,
    pub when: When,
    pub text: Cow<'a, str>,
    /// Who wrote it, in a chat or Slack: offered as a participant.
    pub author: Option<Cow<'a, str>>,
    /// What else names its origin: a unit, a host, a CSV source column.
    pub detail: Option<Cow<'a, str>>,
}

/// What one line came to.
#[derive(Debug, Clone)]
pub enum Step<'a> {
    Entry(Raw<'a>),
    Blank,
    /// Taken in, but part of something not finished yet (a multi-line message).
    Pending,
    /// Understood and not an event: a header row, a join, a channel topic change.
    Ignored,
    Problem {
        line: u64,
        reason: Cow<'static, str>,
        excerpt: String,
    },
    /// The rest of the file cannot be read either (a CSV with no time column).
    Stop(String),
}

#[cfg(test)]
impl Step<'_> {
    pub fn into_owned(self) -> Step<'static> {
        match self {
            Step::Entry(raw) => Step::Entry(raw.into_owned()),
            Step::Blank => Step::Blank,
            Step::Pending => Step::Pending,
            Step::Ignored => Step::Ignored,
            Step::Problem { line, reason, excerpt } => Step::Problem { line, reason, excerpt },
            Step::Stop(message) => Step::Stop(message),
        }
    }
}

#[cfg(test)]
impl Raw<'_> {
    pub fn into_owned(self) -> Raw<'static> {
        let own = |c: Cow<'_, str>| Cow::Owned(c.into_owned());
        Raw {
            line: self.line,
            when: self.when,
            text: own(self.text),
            author: self.author.map(own),
            detail: self.detail.map(own),
        }
    }
}

/// A line not understood, with a short clean piece of it for the report.
pub fn problem(line: u64, reason: impl Into<Cow<'static, str>>, text: &str) -> Step<'static> {
    Step::Problem { line, reason: reason.into(), excerpt: excerpt(text, 80) }
}

/// The parser of one line-based format, with whatever it carries from line to line.
#[derive(Debug, Clone)]
pub enum Parser {
    Log,
    Journald,
    Chat(ChatParser),
    Csv(CsvParser),
    Jsonl(JsonlParser),
}

impl Parser {
    /// `None` for Slack, which is not read line by line.
    pub fn new(format: Format, fields: &Fields) -> Option<Parser> {
        Some(match format {
            Format::Log => Parser::Log,
            Format::Journald => Parser::Journald,
            Format::Chat => Parser::Chat(ChatParser::default()),
            Format::Csv => Parser::Csv(CsvParser::new(fields.clone())),
            Format::Jsonl => Parser::Jsonl(JsonlParser::new(fields.clone())),
            Format::Slack => return None,
        })
    }

    pub fn line<'a>(&mut self, text: &'a str, number: u64) -> Step<'a> {
        match self {
            Parser::Log => log_line(text, number),
            Parser::Journald => journald_line(text, number),
            Parser::Chat(chat) => chat.line(text, number),
            Parser::Csv(csv) => csv.line(text, number),
            Parser::Jsonl(jsonl) => jsonl.line(text, number),
        }
    }

    /// Further steps the last line completed (a chat message ended by the next header).
    pub fn queued(&mut self) -> Option<Step<'static>> {
        match self {
            Parser::Chat(chat) => chat.queue.pop_front(),
            _ => None,
        }
    }

    /// The line where something still open began (a message whose lines are still being
    /// read), if anything is.
    pub fn open_since(&self) -> Option<u64> {
        match self {
            Parser::Chat(chat) => chat.open_since(),
            Parser::Csv(csv) => csv.open_since(),
            _ => None,
        }
    }

    /// What is still open at the end of the file.
    pub fn finish(&mut self) -> Option<Step<'static>> {
        match self {
            Parser::Chat(chat) => chat.finish(),
            Parser::Csv(csv) => csv.finish(),
            _ => None,
        }
    }
}

/// A queue of steps completed out of turn.
pub type Queue = VecDeque<Step<'static>>;

/// A plain log: a stamp at the start of each line (see [`stamp`]).
fn log_line(text: &str, number: u64) -> Step<'_> {
    if text.trim().is_empty() {
        return Step::Blank;
    }
    match stamp::split(text) {
        Some((_, rest)) if rest.is_empty() => problem(number, messages::NO_TEXT, text),
        Some((when, rest)) => {
            Step::Entry(Raw { line: number, when, text: rest, author: None, detail: None })
        }
        None => problem(number, messages::NO_TIME, text),
    }
}

/// `journalctl -o json`: one object a line.
fn journald_line(text: &str, number: u64) -> Step<'_> {
    if text.trim().is_empty() {
        return Step::Blank;
    }
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => return problem(number, messages::bad_json(&e), text),
    };
    let Some(object) = value.as_object() else {
        return problem(number, messages::NOT_JSON_OBJECT, text);
    };
    let micros = object.get("__REALTIME_TIMESTAMP").and_then(|v| match v {
        serde_json::Value::String(s) => s.trim().parse::<i64>().ok(),
        serde_json::Value::Number(n) => n.as_i64(),
        _ => None,
    });
    let Some(at) = micros.and_then(chrono::DateTime::from_timestamp_micros) else {
        return problem(number, messages::JOURNALD_NO_TIME, text);
    };
    let message = match object.get("MESSAGE") {
        Some(serde_json::Value::String(s)) => s.clone(),
        // journald writes a message that is not UTF-8 as an array of bytes.
        Some(serde_json::Value::Array(bytes)) => {
            let bytes: Vec<u8> = bytes
                .iter()
                .filter_map(|b| b.as_u64().and_then(|b| u8::try_from(b).ok()))
                .collect();
            String::from_utf8_lossy(&bytes).into_owned()
        }
        _ => return problem(number, messages::JOURNALD_NO_MESSAGE, text),
    };
    let field = |name: &str| object.get(name).and_then(|v| v.as_str()).filter(|s| !s.is_empty());
    let unit = field("_SYSTEMD_UNIT").or_else(|| field("SYSLOG_IDENTIFIER"));
    let detail = match (unit, field("_HOSTNAME")) {
        (Some(unit), Some(host)) => Some(format!("{unit} on {host}")),
        (Some(unit), None) => Some(unit.to_string()),
        (None, Some(host)) => Some(host.to_string()),
        (None, None) => None,
    };
    Step::Entry(Raw {
        line: number,
        when: When::Instant(at),
        text: Cow::Owned(message),
        author: None,
        detail: detail.map(Cow::Owned),
    })
}
