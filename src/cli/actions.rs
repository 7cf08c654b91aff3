//! `waterline actions`: every committed action across the reviews in a folder, overdue
//! first, then due soon — for a person, or for cron and CI, where exit code 1 says that
//! something is overdue.

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use serde::Serialize;

use crate::analysis::actions::{Checks, Context, check, known_names};
use crate::analysis::followup::{Filter, Item, Urgency, age_days, committed, days_until};
use crate::analysis::policy::DuePolicy;
use crate::analysis::strength::{Strength, strength};
use crate::model::{ActionKind, ActionStatus, Session};
use crate::store;

pub use super::Format;
use super::visible::{self, visible};

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
    let mut reviews: Vec<(PathBuf, Session)> = Vec::new();
    let mut unreadable = Vec::new();
    for (path, loaded) in store::load_all(&request.dir) {
        match loaded {
            Ok(loaded) => reviews.push((path, loaded.session)),
            Err(e) => {
                eprintln!("waterline: {} (left out)", visible(&e.to_string()));
                unreadable
                    .push(Unreadable { path: path.display().to_string(), error: e.to_string() });
            }
        }
    }
    let items = committed(&reviews, request.today, &request.filter);
    let overdue = items.iter().filter(|i| i.urgency == Urgency::Overdue).count();
    let out = match request.format {
        // `sarif` and `github` are refused before this, at the command line.
        Format::Text | Format::Sarif | Format::Github => {
            text(request, &reviews, &items, unreadable.len())
        }
        Format::Json => {
            let output = json(request, &reviews, &items, unreadable);
            visible::json(&output)? + "\n"
        }
    };
    std::io::Write::write_all(&mut std::io::stdout(), out.as_bytes())?;
    Ok(if overdue > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn json<'a>(
    request: &Request,
    reviews: &'a [(PathBuf, Session)],
    items: &[Item<'a>],
    unreadable: Vec<Unreadable>,
) -> Output<'a> {
    let count = |u: Urgency| items.iter().filter(|i| i.urgency == u).count();
    let names: Vec<Vec<String>> = reviews.iter().map(|(_, s)| known_names(s)).collect();
    let actions = items
        .iter()
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
