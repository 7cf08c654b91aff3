//! What `waterline import` prints: the counts, the lines not understood (the first few),
//! the participants added and the notices — as text for people or one JSON object for
//! tools (docs/CLI.md). Every piece of user text here was cleaned on the way in.

use std::collections::HashSet;
use std::io::Write;

use chrono::{Datelike, SecondsFormat, Timelike};
use serde::Serialize;

/// How `import` reports: the annotation formats of `check` and `lint` have no meaning here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}
use super::import::Args;
use crate::import::{Candidate, Counts, ImportError, Problem, Reader, Unit};
use crate::model::text::sanitize_line;
use crate::model::{EventKind, Timestamp};

/// Lines not understood shown in text; JSON lists up to [`LISTED`].
const SHOWN: usize = 5;
const LISTED: usize = 20;
/// Distinct authors remembered for the participants list.
const AUTHORS: usize = 1000;

/// Everything the report says, gathered while reading.
pub struct Outcome {
    pub review: String,
    pub from: String,
    pub format: crate::import::Format,
    pub detected: bool,
    pub zone: String,
    pub kind: EventKind,
    pub dry_run: bool,
    /// Events new to the review that passed the filters.
    pub would_add: u64,
    pub added: u64,
    pub duplicates: u64,
    pub counts: Counts,
    pub problems: Vec<Problem>,
    pub authors: Vec<String>,
    authors_seen: HashSet<String>,
    pub participants: Vec<String>,
    pub notices: Vec<String>,
    /// The events added, with their new ids.
    pub new_events: Vec<(String, Candidate)>,
    written: u64,
}

impl Outcome {
    pub fn new(
        args: &Args,
        review: &str,
        reader: &Reader,
        detected: bool,
        kind: EventKind,
    ) -> Self {
        Outcome {
            review: review.to_string(),
            from: sanitize_line(&args.from.display().to_string()),
            format: reader.format(),
            detected,
            zone: reader.zone().label(),
            kind,
            dry_run: args.dry_run,
            would_add: 0,
            added: 0,
            duplicates: 0,
            counts: Counts::default(),
            problems: Vec::new(),
            authors: Vec::new(),
            authors_seen: HashSet::new(),
            participants: Vec::new(),
            notices: Vec::new(),
            new_events: Vec::new(),
            written: 0,
        }
    }

    pub fn offer_author(&mut self, author: Option<&str>) {
        if let Some(author) = author
            && self.authors.len() < AUTHORS
            && self.authors_seen.insert(author.to_lowercase())
        {
            self.authors.push(author.to_string());
        }
    }

    pub fn problem(&mut self, problem: Problem) {
        if self.problems.len() < LISTED {
            self.problems.push(problem);
        }
    }

    pub fn finish(&mut self, reader: &Reader) {
        self.counts = reader.counts();
        self.notices = reader.notices();
    }

    /// Why nothing could be read, when nothing could, or why reading stopped part way
    /// (then nothing is added either: half a file is not what was asked for). The message,
    /// and exit code 1.
    pub fn failure(&self, reader: &Reader) -> Option<String> {
        let c = &self.counts;
        if let Some(stopped) = reader.stopped() {
            let added = if c.understood > 0 { "; nothing was added" } else { "" };
            return Some(format!("{}{added}", sanitize_line(stopped)));
        }
        if c.understood > 0 {
            return None;
        }
        let slack = self.format == crate::import::Format::Slack;
        if c.lines == 0 && slack {
            return Some(format!("{} has no messages: there is nothing to import", self.from));
        }
        if c.lines == c.blank {
            return Some(ImportError::OnlyBlank { name: self.from.clone() }.to_string());
        }
        let what = if slack { "messages" } else { "lines" };
        let mut message = format!(
            "none of the {} {what} of {} could be read as {}; nothing was added",
            c.lines - c.blank,
            self.from,
            self.format.in_a_sentence()
        );
        if let Some(other) = reader.suggestion() {
            message.push_str(&format!(
                ". It looks like {}: try --as {}",
                other.in_a_sentence(),
                other.as_str()
            ));
        }
        Some(message)
    }
}

pub fn too_many(n: u64, max: usize) -> String {
    format!(
        "{n} events is more than a timeline can use (at most {max} in one import); nothing was added. \
         Narrow it with --grep, --since or --until, and look first with --dry-run"
    )
}

// ---------------------------------------------------------------------------------------
// Dry run: events listed as they are read

pub fn dry_run_start(out: &mut impl Write, o: &Outcome, format: Format) -> std::io::Result<()> {
    match format {
        Format::Text => writeln!(out, "Dry run: nothing is changed. {}", heading(o)),
        Format::Json => {
            write!(out, "{{")?;
            write_header(out, o)?;
            write!(out, ",\n  \"events\": [")
        }
    }
}

pub fn dry_run_event(
    out: &mut impl Write,
    o: &mut Outcome,
    c: &Candidate,
    format: Format,
) -> std::io::Result<()> {
    match format {
        Format::Text => {
            write!(out, "  ")?;
            write_time(out, &c.at)?;
            writeln!(out, "  {}   [{}]", c.text, c.source)
        }
        Format::Json => {
            if o.written > 0 {
                write!(out, ",")?;
            }
            o.written += 1;
            write!(out, "\n    {}", event_json(None, o.kind, c))
        }
    }
}

pub fn dry_run_end(out: &mut impl Write, o: &Outcome, format: Format) -> std::io::Result<()> {
    match format {
        Format::Text => write_counts(out, o),
        Format::Json => {
            write!(out, "\n  ],")?;
            write_trailer(out, o)?;
            writeln!(out, "}}")
        }
    }
}

// ---------------------------------------------------------------------------------------
// A real import: the summary after the save

pub fn summary(out: &mut impl Write, o: &Outcome, format: Format) -> std::io::Result<()> {
    match format {
        Format::Text => {
            writeln!(out, "{}", heading(o))?;
            write_counts(out, o)
        }
        Format::Json => {
            write!(out, "{{")?;
            write_header(out, o)?;
            write!(out, ",\n  \"events\": [")?;
            for (i, (id, c)) in o.new_events.iter().enumerate() {
                write!(
                    out,
                    "{}\n    {}",
                    if i > 0 { "," } else { "" },
                    event_json(Some(id), o.kind, c)
                )?;
            }
            write!(out, "\n  ],")?;
            write_trailer(out, o)?;
            writeln!(out, "}}")
        }
    }
}

/// `2026-03-02 09:12:03 +01:00`, written straight out: a dry run may list a million.
fn write_time(out: &mut impl Write, at: &Timestamp) -> std::io::Result<()> {
    let shift = chrono::TimeDelta::seconds(at.offset().local_minus_utc().into());
    match at.naive_utc().checked_add_signed(shift) {
        Some(l) => write!(
            out,
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02} {}",
            l.year(),
            l.month(),
            l.day(),
            l.hour(),
            l.minute(),
            l.second(),
            at.offset()
        ),
        None => write!(out, "{}", at.to_rfc3339()),
    }
}

fn heading(o: &Outcome) -> String {
    let how = if o.detected { ", detected" } else { "" };
    format!(
        "From {} ({}{how}; times without an offset read in {}):",
        o.from,
        o.format.label(),
        o.zone
    )
}

fn write_counts(out: &mut impl Write, o: &Outcome) -> std::io::Result<()> {
    let c = &o.counts;
    let events = |n: u64| plural(n, "event", "events");
    // When nothing was read, the message on standard error says so and only the lines follow.
    if c.understood > 0 {
        let (verb, n, ids) = if o.dry_run {
            ("would add", o.would_add, String::new())
        } else {
            let ids = match (o.new_events.first(), o.new_events.last()) {
                (Some((first, _)), Some((last, _))) if first != last => {
                    format!(" ({first}–{last})")
                }
                (Some((first, _)), _) => format!(" ({first})"),
                _ => String::new(),
            };
            ("added", o.added, ids)
        };
        writeln!(out, "  {verb} {} to {}, as {}{ids}", events(n), o.review, o.kind.as_str())?;
    }
    if o.duplicates > 0 {
        let verb = if o.dry_run { "would skip" } else { "skipped" };
        writeln!(
            out,
            "  {verb} {}: the same time and text as another event",
            plural(o.duplicates, "duplicate", "duplicates")
        )?;
    }
    if c.filtered > 0 {
        writeln!(out, "  left out {} by --since, --until or --grep", events(c.filtered))?;
    }
    if c.not_understood > 0 {
        let unit = if o.problems.iter().all(|p| p.unit == Unit::Message) {
            ("message", "messages")
        } else {
            ("line", "lines")
        };
        writeln!(out, "  {} not understood:", plural(c.not_understood, unit.0, unit.1))?;
        for p in o.problems.iter().take(SHOWN) {
            writeln!(out, "    {}", problem_line(p))?;
        }
        if c.not_understood > SHOWN as u64 {
            let more = c.not_understood - SHOWN as u64;
            writeln!(out, "    and {more} more (--format json lists the first {LISTED})")?;
        }
    }
    if !o.participants.is_empty() {
        let verb = if o.dry_run { "would add participants" } else { "participants added" };
        writeln!(out, "  {verb}, their roles to fill in: {}", o.participants.join(", "))?;
    }
    for notice in &o.notices {
        writeln!(out, "  note: {notice}")?;
    }
    Ok(())
}

/// `app.log:7: no time at the start of the line — “…”`; a Slack message is `file #14`.
fn problem_line(p: &Problem) -> String {
    let at = match (p.unit, p.line) {
        (_, 0) => p.file.clone(),
        (Unit::Line, n) => format!("{}:{n}", p.file),
        (Unit::Message, n) => format!("{} message {n}", p.file),
    };
    if p.text.is_empty() {
        format!("{at}: {}", p.reason)
    } else {
        format!("{at}: {} — “{}”", p.reason, p.text)
    }
}

fn plural(n: u64, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}

// ---------------------------------------------------------------------------------------
// JSON

#[derive(Serialize)]
struct EventOut<'a> {
    id: Option<&'a str>,
    at: String,
    kind: EventKind,
    text: &'a str,
    source: &'a str,
    line: u64,
    author: Option<&'a str>,
}

fn event_json(id: Option<&str>, kind: EventKind, c: &Candidate) -> String {
    json(&EventOut {
        id,
        at: c.at.to_rfc3339_opts(SecondsFormat::AutoSi, true),
        kind,
        text: &c.text,
        source: &c.source,
        line: c.line,
        author: c.author.as_deref(),
    })
}

fn write_header(out: &mut impl Write, o: &Outcome) -> std::io::Result<()> {
    let field = |key: &str, value: serde_json::Value| format!("\n  \"{key}\": {value}");
    let parts = [
        field("review", o.review.clone().into()),
        field("from", o.from.clone().into()),
        field("format", o.format.as_str().into()),
        field("detected", o.detected.into()),
        field("zone", o.zone.clone().into()),
        field("kind", o.kind.as_str().into()),
        field("dry_run", o.dry_run.into()),
    ];
    write!(out, "{}", parts.join(","))
}

#[derive(Serialize)]
struct CountsOut {
    lines: u64,
    understood: u64,
    would_add: u64,
    added: u64,
    duplicates: u64,
    filtered: u64,
    not_understood: u64,
    blank: u64,
    ignored: u64,
}

fn write_trailer(out: &mut impl Write, o: &Outcome) -> std::io::Result<()> {
    let c = &o.counts;
    let counts = CountsOut {
        lines: c.lines,
        understood: c.understood,
        would_add: o.would_add,
        added: o.added,
        duplicates: o.duplicates,
        filtered: c.filtered,
        not_understood: c.not_understood,
        blank: c.blank,
        ignored: c.ignored,
    };
    write!(
        out,
        "\n  \"counts\": {},\n  \"participants\": {},\n  \"not_understood\": {},\n  \"notices\": {}\n",
        json(&counts),
        json(&o.participants),
        json(&o.problems),
        json(&o.notices)
    )
}

/// Compact JSON of a value (these never fail to serialise: strings, numbers, lists).
fn json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}
