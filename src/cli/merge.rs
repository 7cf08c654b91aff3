//! `waterline merge BASE OURS THEIRS`: git's merge driver for review files. Writes the
//! merged review over OURS, as git expects; exits 0 when clean, 1 when items changed on both
//! sides were kept as conflicts in the file (or the files could not be merged item by item).

use std::path::Path;
use std::process::{Command, ExitCode};

use crate::merge::{self, messages};
use crate::model::text::sanitize_line;
use crate::store;

/// Paths as git passes them (`%O %A %B`), and the file's name in the repository (`%P`).
pub struct Request<'a> {
    pub base: &'a Path,
    pub ours: &'a Path,
    pub theirs: &'a Path,
    pub name: Option<&'a str>,
}

pub fn run(r: &Request) -> anyhow::Result<ExitCode> {
    let name = sanitize_line(r.name.unwrap_or(&r.ours.display().to_string()));
    let read = |path: &Path| std::fs::read(path).map(|b| String::from_utf8_lossy(&b).into_owned());
    // Git gives an empty ancestor when both sides added the file.
    let base = read(r.base).unwrap_or_default();
    let (ours, theirs) = match (read(r.ours), read(r.theirs)) {
        (Ok(o), Ok(t)) => (o, t),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("waterline merge: {name}: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    if ![&base, &ours, &theirs].into_iter().any(|t| is_review(t)) {
        // Another TOML file matched the attribute: git's own line merge is the right tool.
        return Ok(git_merge_file(r));
    }
    match merge::merge_texts(Some(&base), &ours, &theirs) {
        Ok(merged) => {
            let mut text = merged.text();
            if let Some(directive) = store::schema_directive(&ours) {
                text = format!("{directive}\n{text}");
            }
            store::write_atomic(r.ours, text.as_bytes())?;
            for moved in &merged.renumbered {
                let line = messages::renumbered(moved.kind, &moved.from, &moved.to);
                eprintln!("waterline merge: {name}: {}", sanitize_line(&line));
            }
            for c in &merged.new_conflicts {
                let field =
                    if c.field.is_empty() { String::new() } else { format!(" {}", c.field) };
                eprintln!(
                    "waterline merge: {name}: conflict {}{field}: {}",
                    sanitize_line(&c.item),
                    c.reason
                );
            }
            eprintln!(
                "waterline merge: {}",
                messages::summary(&name, merged.new_conflicts.len(), merged.renumbered.len())
            );
            Ok(if merged.is_clean() { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Err(e) => {
            eprintln!(
                "waterline merge: {name}: {}; {}",
                sanitize_line(&e.to_string()),
                messages::LEFT_AS_OURS
            );
            Ok(ExitCode::from(2))
        }
    }
}

/// A review declares its format on a `waterline = N` line.
fn is_review(text: &str) -> bool {
    toml::from_str::<toml::Table>(text).is_ok_and(|t| t.contains_key("waterline"))
}

/// Git's own three-way text merge, for TOML files that are not reviews.
fn git_merge_file(r: &Request) -> ExitCode {
    let status = Command::new("git")
        .args(["merge-file", "-L", "ours", "-L", "base", "-L", "theirs"])
        .args([r.ours, r.base, r.theirs])
        .status();
    match status.map(|s| s.code()) {
        Ok(Some(0)) => ExitCode::SUCCESS,
        Ok(Some(n)) if n > 0 => ExitCode::from(1),
        _ => ExitCode::from(2),
    }
}
