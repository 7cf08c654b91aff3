//! `waterline import`: timeline events from a log, a journal, a Slack export, a chat
//! transcript, CSV or JSON Lines, added to a review through its atomic save — or, with
//! `--dry-run`, listed as they are read (streamed, so a huge file costs no memory).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::Local;

use super::import_report::Format;
use super::import_report::{self as report, Outcome};
use crate::import::review::{self, Seen};
use crate::import::{Candidate, Choice, Fields, Filter, ImportError, Item, Reader, Settings};
use crate::model::ids::IdAllocator;
use crate::model::text::sanitize_line;
use crate::model::time_entry::{TimeContext, parse_time};
use crate::model::zone::Zone;
use crate::model::{EventKind, Timestamp};
use crate::store;

/// More events than this in one import is a dump, not a timeline: narrow it instead.
pub const MAX_EVENTS: usize = 10_000;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The review file to add events to
    pub review: PathBuf,
    /// What to read: a log, a journald or JSON Lines file, CSV, a chat transcript, a Slack
    /// export (a folder or one file of messages), or - for standard input
    #[arg(long, value_name = "FILE")]
    pub from: PathBuf,
    /// What the file is; auto looks at its name and first lines
    #[arg(long = "as", value_enum, default_value = "auto", value_name = "FORMAT")]
    pub source_format: As,
    /// The zone of times written without an offset: +02:00, UTC, PST, Europe/Berlin
    /// (default: the review's own offset, else this computer's zone)
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
    /// Only events at or after this time: 14:32 (on the review's date), 2026-03-02 14:32, RFC 3339
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Only events at or before this time
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// Only events whose text or source matches this regular expression ((?i) ignores case)
    #[arg(long, value_name = "PATTERN")]
    pub grep: Option<String>,
    /// The kind of the new events (default: communication for chat and Slack, else observation)
    #[arg(long, value_name = "KIND", value_parser = clap::builder::PossibleValuesParser::new(EventKind::ALL.map(EventKind::as_str)))]
    pub kind: Option<String>,
    /// CSV: the columns holding the time, the text and optionally the source, by name
    #[arg(long, value_name = "TIME,TEXT[,SOURCE]")]
    pub columns: Option<String>,
    /// JSON Lines: the field holding the time (a dotted path reaches inside objects)
    #[arg(long, value_name = "FIELD")]
    pub time_field: Option<String>,
    /// JSON Lines: the field holding the text
    #[arg(long, value_name = "FIELD")]
    pub text_field: Option<String>,
    /// List what would be added; change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// text for people, json for tools (see docs/CLI.md)
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum As {
    Auto,
    Log,
    Journald,
    Slack,
    Chat,
    Csv,
    Jsonl,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let usage = |message: String| {
        eprintln!("waterline: {message}");
        Ok(ExitCode::from(2))
    };
    let tz = match args.tz.as_deref().map(Zone::parse).transpose() {
        Ok(tz) => tz,
        Err(e) => return usage(format!("--tz: {e}")),
    };
    let grep = match args
        .grep
        .as_deref()
        .map(|p| regex::RegexBuilder::new(p).size_limit(1 << 22).build())
        .transpose()
    {
        Ok(grep) => grep,
        Err(e) => return usage(format!("--grep: {}", sanitize_line(&e.to_string()))),
    };
    let fields = match fields(&args) {
        Ok(fields) => fields,
        Err(message) => return usage(message),
    };
    let review_name = sanitize_line(&args.review.display().to_string());
    // A real import claims the review like the console does (one writer; the save checks
    // that the file is still the one read); a dry run only reads.
    let (mut file, loaded) = if args.dry_run {
        match store::load(&args.review) {
            Ok(loaded) => (None, loaded),
            Err(e) => return usage(sanitize_line(&e.to_string())),
        }
    } else {
        match store::ReviewFile::open(&args.review, store::LockPolicy::default()) {
            Ok((file, loaded)) => (Some(file), loaded),
            Err(e) => return usage(sanitize_line(&e.to_string())),
        }
    };
    match file.as_ref().map(store::ReviewFile::access) {
        Some(store::Access::Follower(holder)) => {
            return usage(format!(
                "{review_name} is open in another waterline ({}); nothing was added — import from that console, or once it is closed",
                sanitize_line(&holder.to_string())
            ));
        }
        Some(store::Access::ReadOnly(why)) => {
            return usage(format!("{review_name}: {why}; nothing was added"));
        }
        _ => {}
    }
    if loaded.read_only && !args.dry_run {
        return usage(format!(
            "{review_name} was written by a newer waterline; it is left as it is (--dry-run shows what would be added)"
        ));
    }
    let mut session = loaded.session;
    let now = Local::now().fixed_offset();
    let zone = review::default_zone(&session, tz);
    let reference = review::reference(&session, now);
    let in_zone = zone.at(&reference.to_utc());
    let time = |flag: &str, value: &Option<String>| -> Result<Option<Timestamp>, String> {
        let ctx = TimeContext { now, selected: None, reference: Some(in_zone) };
        value
            .as_deref()
            .map(|v| parse_time(v, &ctx).map_err(|e| format!("{flag}: {e}")))
            .transpose()
    };
    let (since, until) = match (time("--since", &args.since), time("--until", &args.until)) {
        (Ok(since), Ok(until)) => (since, until),
        (Err(message), _) | (_, Err(message)) => return usage(message),
    };
    let choice = match args.source_format {
        As::Auto => Choice::Auto,
        other => Choice::Only(as_format(other)),
    };
    let settings = Settings { zone, reference, fields };
    let filter = Filter { since, until, grep };
    let mut reader = match Reader::open(&args.from, choice, &settings, filter) {
        Ok(reader) => reader,
        Err(e) => {
            eprintln!("waterline: {e}");
            let usage = matches!(e, ImportError::Folder { .. } | ImportError::NotFromStdin(_));
            return Ok(ExitCode::from(if usage { 2 } else { 1 }));
        }
    };
    let kind =
        args.kind.as_deref().and_then(EventKind::parse).unwrap_or(reader.format().default_kind());
    let mut outcome = Outcome::new(&args, &review_name, &reader, choice == Choice::Auto, kind);

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.dry_run {
        report::dry_run_start(&mut out, &outcome, args.format)?;
    }
    let mut seen = Seen::of(&session);
    let mut to_add: Vec<Candidate> = Vec::new();
    for item in reader.by_ref() {
        match item {
            Item::Event(candidate) => {
                if !seen.first_time(&candidate.at, &candidate.text) {
                    outcome.duplicates += 1;
                    continue;
                }
                outcome.offer_author(candidate.author.as_deref());
                outcome.would_add += 1;
                if args.dry_run {
                    report::dry_run_event(&mut out, &mut outcome, &candidate, args.format)?;
                } else if to_add.len() < MAX_EVENTS {
                    to_add.push(candidate);
                }
            }
            Item::NotUnderstood(problem) => outcome.problem(problem),
        }
    }
    outcome.finish(&reader);
    outcome.participants =
        review::new_participants(&session, outcome.authors.iter().map(String::as_str));

    let failure = outcome.failure(&reader);
    if let Some(message) = &failure {
        eprintln!("waterline: {message}");
    }
    let too_many = outcome.would_add > MAX_EVENTS as u64;
    if too_many && !args.dry_run {
        eprintln!("waterline: {}", report::too_many(outcome.would_add, MAX_EVENTS));
    }
    if !args.dry_run && failure.is_none() && !too_many && !to_add.is_empty() {
        let mut ids = IdAllocator::new("e");
        let listed = to_add.clone();
        let added = match review::add(&mut session, &mut ids, to_add, kind) {
            Ok(added) => added,
            Err(e) => {
                eprintln!("waterline: {e} Nothing was added.");
                return Ok(ExitCode::from(2));
            }
        };
        let saved = match file.as_mut() {
            Some(file) => file.save(&session),
            None => store::save(&args.review, &session),
        };
        if let Err(e) = saved {
            eprintln!("waterline: {}; nothing was added", sanitize_line(&e.to_string()));
            return Ok(ExitCode::from(2));
        }
        outcome.added = added.ids.len() as u64;
        outcome.participants = added.participants;
        outcome.new_events = added.ids.into_iter().zip(listed).collect();
    }
    if args.dry_run {
        report::dry_run_end(&mut out, &outcome, args.format)?;
    } else {
        report::summary(&mut out, &outcome, args.format)?;
    }
    out.flush()?;
    Ok(ExitCode::from(match (failure.is_some(), too_many && !args.dry_run) {
        (true, _) => 1,
        (false, true) => 2,
        (false, false) => 0,
    }))
}

fn fields(args: &Args) -> Result<Fields, String> {
    let mut fields = Fields::default();
    if let Some(columns) = &args.columns {
        let names: Vec<String> = columns.split(',').map(|c| c.trim().to_string()).collect();
        if !(2..=3).contains(&names.len()) || names.iter().any(String::is_empty) {
            return Err(format!(
                "--columns takes two or three column names, time first: --columns time,text[,source] (got “{}”)",
                sanitize_line(columns)
            ));
        }
        fields.time = names.first().cloned();
        fields.text = names.get(1).cloned();
        fields.source = names.get(2).cloned();
    }
    if let Some(time) = &args.time_field {
        fields.time = Some(time.trim().to_string());
    }
    if let Some(text) = &args.text_field {
        fields.text = Some(text.trim().to_string());
    }
    Ok(fields)
}

fn as_format(choice: As) -> crate::import::Format {
    use crate::import::Format as F;
    match choice {
        As::Auto | As::Log => F::Log,
        As::Journald => F::Journald,
        As::Slack => F::Slack,
        As::Chat => F::Chat,
        As::Csv => F::Csv,
        As::Jsonl => F::Jsonl,
    }
}
