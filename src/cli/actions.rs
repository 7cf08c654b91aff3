//! `waterline actions`: every committed action across the reviews in a folder, overdue
//! first, then due soon — for a person, or for cron and CI, where exit code 1 says that
//! something is overdue.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use crate::analysis::actions::{Checks, Context, check, known_names};
use crate::analysis::followup::{Filter, Item, Urgency, age_days, committed, days_until};
use crate::analysis::policy::DuePolicy;
use crate::analysis::strength::{Strength, strength};
use crate::model::{ActionKind, ActionStatus, Session};
use crate::store;

pub use super::Format;
use super::visible::visible;

/// What `waterline actions` was asked for.
pub struct Request {
    pub dir: PathBuf,
    pub filter: Filter,
    pub format: Format,
    pub today: NaiveDate,
    pub policy: DuePolicy,
}

#[derive(Serialize)]
struct Output<'a> {
    today: NaiveDate,
    dir: String,
    summary: Summary,
    actions: Vec<ActionOut<'a>>,
    unreadable: Vec<Unreadable>,
}

#[derive(Serialize)]
struct Summary {
    actions: usize,
    overdue: usize,
    due_soon: usize,
    reviews: usize,
    unreadable: usize,
}

#[derive(Serialize)]
struct Unreadable {
    path: String,
    error: String,
}

#[derive(Serialize)]
struct ReviewOut<'a> {
    title: &'a str,
    path: String,
    severity: &'a str,
    started_at: Option<String>,
}

#[derive(Serialize)]
struct ActionOut<'a> {
    review: ReviewOut<'a>,
    id: &'a str,
    text: &'a str,
    team: &'a str,
    owner: &'a str,
    due: Option<NaiveDate>,
    status: ActionStatus,
    kind: Option<ActionKind>,
    ticket: &'a str,
    factors: &'a [String],
    verification: &'a str,
    decision: &'a str,
    urgency: Urgency,
    days_until_due: Option<i64>,
    age_days: Option<i64>,
    strength: Strength,
    criteria: Checks,
}

pub fn run(request: &Request) -> anyhow::Result<ExitCode> {
    if !request.dir.is_dir() {
        let dir = request.dir.display().to_string();
        eprintln!("waterline: {}: no such folder of reviews", visible(&dir));
        return Ok(ExitCode::from(2));
    }
    // Of each review only the incident, factors, behaviours and actions are read.
    let loaded = store::load_all_for_actions(&request.dir);
    let overdue = report(request, loaded, std::io::stdout().lock(), std::io::stderr().lock())?;
    Ok(if overdue > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Writes a line to `err` for each file left out, then the list to `out` (JSON as it is
/// serialised: a folder of thousands of reviews makes tens of megabytes of it). Returns
/// how many actions are overdue.
fn report(
    request: &Request,
    loaded: Vec<(PathBuf, Loaded)>,
    out: impl std::io::Write,
    mut err: impl std::io::Write,
) -> anyhow::Result<usize> {
    let mut reviews: Vec<(PathBuf, Session)> = Vec::new();
    let mut unreadable = Vec::new();
    for (path, loaded) in loaded {
        match loaded {
            Ok(loaded) => reviews.push((path, loaded.session)),
            Err(e) => {
                writeln!(err, "waterline: {} (left out)", visible(&e.to_string()))?;
                unreadable
                    .push(Unreadable { path: path.display().to_string(), error: e.to_string() });
            }
        }
    }
    let items = committed(&reviews, request.today, &request.filter);
    let overdue = items.iter().filter(|i| i.urgency == Urgency::Overdue).count();
    let mut out = out;
    match request.format {
        // `sarif` and `github` are refused before this, at the command line.
        Format::Text | Format::Sarif | Format::Github => {
            out.write_all(text(request, &reviews, &items, unreadable.len()).as_bytes())?;
            out.flush()?;
        }
        Format::Json => {
            super::write_json(out, &json(request, &reviews, &items, unreadable))?;
        }
    }
    Ok(overdue)
}

/// A review read from a folder, or why it could not be.
type Loaded = Result<store::Loaded, store::LoadError>;

fn json<'a>(
    request: &Request,
    reviews: &'a [(PathBuf, Session)],
    items: &[Item<'a>],
    unreadable: Vec<Unreadable>,
) -> Output<'a> {
    let count = |u: Urgency| items.iter().filter(|i| i.urgency == u).count();
    let names: Vec<Vec<String>> = reviews.iter().map(|(_, s)| known_names(s)).collect();
    // The five checks of each action are independent of the others: judged in parallel.
    let actions = items
        .par_iter()
        .map(|item| {
            let (path, s) = &reviews[item.review];
            let a = item.action;
            let ctx = Context::stored(s, &request.policy, &names[item.review]);
            ActionOut {
                review: ReviewOut {
                    title: &s.incident.title,
                    path: path.display().to_string(),
                    severity: &s.incident.severity,
                    started_at: s.incident.started_at.map(|t| t.to_rfc3339()),
                },
                id: &a.id,
                text: &a.text,
                team: &a.team,
                owner: &a.owner,
                due: a.due,
                status: a.status,
                kind: a.kind,
                ticket: &a.ticket,
                factors: &a.factors,
                verification: &a.verification,
                decision: &a.decision,
                urgency: item.urgency,
                days_until_due: a.due.map(|d| days_until(d, request.today)),
                age_days: age_days(s, request.today),
                strength: strength(&a.text),
                criteria: check(a, &ctx),
            }
        })
        .collect();
    Output {
        today: request.today,
        dir: request.dir.display().to_string(),
        summary: Summary {
            actions: items.len(),
            overdue: count(Urgency::Overdue),
            due_soon: count(Urgency::DueSoon),
            reviews: reviews.len(),
            unreadable: unreadable.len(),
        },
        actions,
        unreadable,
    }
}

fn text(
    request: &Request,
    reviews: &[(PathBuf, Session)],
    items: &[Item],
    unreadable: usize,
) -> String {
    let mut out = String::new();
    if items.is_empty() {
        let dir = request.dir.display().to_string();
        let _ = writeln!(out, "No committed actions to list in {}.", visible(&dir));
    }
    let mut heading = None;
    for item in items {
        if heading != Some(item.urgency) {
            let n = items.iter().filter(|i| i.urgency == item.urgency).count();
            let _ = writeln!(
                out,
                "{}{} ({n})",
                if heading.is_some() { "\n" } else { "" },
                title(item.urgency)
            );
            heading = Some(item.urgency);
        }
        let (path, s) = &reviews[item.review];
        let a = item.action;
        let who: Vec<&str> =
            [a.team.trim(), a.owner.trim()].into_iter().filter(|x| !x.is_empty()).collect();
        let who = if who.is_empty() { "no team or owner".to_string() } else { who.join(" · ") };
        let age = age_days(s, request.today).map(|d| format!("  age {d}d")).unwrap_or_default();
        let _ = writeln!(
            out,
            "  {:<4} {}  {}  {} {}{age}",
            visible(&a.id),
            when(a.due, item.urgency, request.today),
            visible(&who),
            a.status.glyph(),
            a.status.label()
        );
        for line in a.text.lines() {
            let _ = writeln!(out, "       {}", visible(line));
        }
        let (title, file) = (visible(&s.incident.title), file_name(path));
        let _ = writeln!(out, "       — {title} ({})", visible(&file));
    }
    let count = |u: Urgency| items.iter().filter(|i| i.urgency == u).count();
    let _ = writeln!(
        out,
        "\n{} overdue, {} due soon, {} in all, from {}{}.",
        count(Urgency::Overdue),
        count(Urgency::DueSoon),
        items.len(),
        plural(reviews.len() as i64, "review"),
        if unreadable > 0 { format!(" ({unreadable} could not be read)") } else { String::new() }
    );
    out
}

fn title(u: Urgency) -> &'static str {
    match u {
        Urgency::Overdue => "Overdue",
        Urgency::DueSoon => "Due soon",
        Urgency::Later => "Later",
        Urgency::NoDueDate => "No due date",
        Urgency::AwaitingVerification => "Done, awaiting verification",
        Urgency::Closed => "Closed: verified or decided against",
    }
}

/// "due 2026-03-24, 12 days late", "due 2026-04-02, in 5 days", "no due date".
fn when(due: Option<NaiveDate>, urgency: Urgency, today: NaiveDate) -> String {
    let Some(due) = due else { return "no due date".into() };
    let days = days_until(due, today);
    match urgency {
        Urgency::Overdue => format!("due {due}, {} late", plural(-days, "day")),
        Urgency::DueSoon | Urgency::Later if days == 0 => format!("due {due}, today"),
        Urgency::DueSoon | Urgency::Later => format!("due {due}, in {}", plural(days, "day")),
        _ => format!("due {due}"),
    }
}

fn plural(n: i64, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

    fn copy(from: &str, to: &Path) {
        let from = Path::new(FIXTURES).join(from);
        let name = from.file_name().expect("a file name");
        std::fs::copy(&from, to.join(name)).expect("copy a fixture");
    }

    /// Every output of the command, from reviews read whole and from their parts alone.
    fn both_ways(dir: &Path) -> Vec<(String, String)> {
        let mut outputs = Vec::new();
        for format in [Format::Text, Format::Json] {
            for overdue_only in [false, true] {
                let request = Request {
                    dir: dir.to_path_buf(),
                    filter: Filter { overdue_only, ..Filter::default() },
                    format,
                    today: NaiveDate::from_ymd_opt(2026, 4, 1).expect("a date"),
                    policy: DuePolicy::default(),
                };
                let shown = |loaded| {
                    let (mut out, mut err) = (Vec::new(), Vec::new());
                    let overdue = report(&request, loaded, &mut out, &mut err).expect("written");
                    let (out, err) = (String::from_utf8_lossy(&out), String::from_utf8_lossy(&err));
                    format!("{err}{out}{overdue}")
                };
                let whole = shown(store::load_all(dir));
                let parts = shown(store::load_all_for_actions(dir));
                outputs.push((whole, parts));
            }
        }
        outputs
    }

    /// Malformed files whose problem lies in what `actions` reads: each is left out and
    /// named with the same words either way.
    const BROKEN_WHERE_READ: [&str; 17] = [
        "bad_due_date",
        "bad_syntax",
        "dangling_action_behaviour",
        "dangling_action_factor",
        "date_only_time",
        "duplicate_key",
        "empty_title",
        "event_single_brackets",
        "missing_incident",
        "missing_title",
        "missing_version",
        "newer_unreadable",
        "participant_without_name",
        "unquoted_text",
        "version_text",
        "version_zero",
        "wrong_type",
    ];

    const CARD: &str = "2026-03-06-card-payments-declined.toml";

    fn followup_folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        for name in std::fs::read_dir(Path::new(FIXTURES).join("followup")).expect("fixtures") {
            let name = name.expect("entry").file_name();
            copy(&format!("followup/{}", name.to_string_lossy()), dir.path());
        }
        dir
    }

    #[test]
    fn reading_only_what_actions_need_prints_exactly_what_the_whole_files_give() {
        let dir = followup_folder();
        for name in BROKEN_WHERE_READ {
            copy(&format!("malformed/{name}.toml"), dir.path());
        }
        // Hand-edited: Windows line ends, a comment after a header, a field this version
        // does not know; and one with an action status no one can read.
        let card = std::fs::read_to_string(dir.path().join(CARD)).expect("read");
        let edited = card
            .replacen("[[action]]\n", "[[action]] # first fix\nreviewed_by = \"Noor\"\n", 1)
            .replace('\n', "\r\n");
        std::fs::write(dir.path().join("hand-edited.toml"), edited).expect("write");
        let broken = card.replacen("status = \"in-progress\"", "status = \"nearly there\"", 1);
        std::fs::write(dir.path().join("hand-broken.toml"), broken).expect("write");

        for (whole, parts) in both_ways(dir.path()) {
            assert_eq!(whole, parts);
            assert!(
                whole.contains("hand-broken.toml:43:") && whole.contains("left out"),
                "{whole}"
            );
            assert!(whole.contains("wrong_type.toml:5:12"), "{whole}");
        }
    }

    #[test]
    fn a_review_broken_only_in_its_timeline_still_has_its_actions_listed() {
        // The timeline and the whys are not read for the list of actions: a problem there is
        // for `check` and the console to word; the committed actions are still chased.
        let dir = followup_folder();
        let card = std::fs::read_to_string(dir.path().join(CARD)).expect("read");
        std::fs::remove_file(dir.path().join(CARD)).expect("remove");
        let broken = format!("{card}\n[[event]]\nid = \"e1\"\ntext = \"no time given\"\n");
        std::fs::write(dir.path().join(CARD), broken).expect("write");
        let whole = store::load_all(dir.path());
        assert!(whole.iter().any(|(_, l)| l.is_err()), "the whole file does not open");
        let parts = store::load_all_for_actions(dir.path());
        assert!(parts.iter().all(|(_, l)| l.is_ok()));
        let (_, card) = parts.iter().find(|(p, _)| p.ends_with(CARD)).expect("listed");
        let card = &card.as_ref().expect("read").session;
        assert_eq!(card.actions.len(), 7);
        assert!(card.events.is_empty(), "the timeline is not read");
    }
}
