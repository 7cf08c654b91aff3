//! `config.toml`: a person's own settings. A broken file never stops the program: the
//! message names the line, and the defaults are used.

mod facilitation;

use std::path::Path;

use crate::analysis::policy::DuePolicy;
use crate::tui::facilitation::agenda::Timeboxes;
use crate::tui::theme::ThemeName;

pub struct Config {
    /// The `[keys]` table: overrides for the keymap.
    pub keys: Option<toml::Table>,
    pub theme: Option<ThemeName>,
    /// `[agenda]`: minutes per step.
    pub timeboxes: Timeboxes,
    /// `mouse = true`: clicks and the wheel (off by default: it breaks copy and paste).
    pub mouse: bool,
    /// `[policy] due_days`: how long after the review an action may fall due.
    pub policy: DuePolicy,
    /// `[lock] stale_after_minutes`: when another waterline's lock counts as abandoned.
    pub lock: crate::store::LockPolicy,
    /// `[export] redact_names`: more names `waterline export --redact` hides.
    pub redact_names: Vec<String>,
    /// `[teams] names`: the organisation's real teams, even when a name looks generic.
    pub teams: Vec<String>,
    pub messages: Vec<String>,
}

/// The longest due window a policy may set, so a typo cannot make it endless.
const MAX_DUE_DAYS: i64 = 3650;

pub fn load(dir: Option<&Path>) -> Config {
    let mut config = Config {
        keys: None,
        theme: None,
        timeboxes: Timeboxes::default(),
        mouse: false,
        policy: DuePolicy::default(),
        lock: crate::store::LockPolicy::default(),
        redact_names: Vec::new(),
        teams: Vec::new(),
        messages: Vec::new(),
    };
    let Some(path) = dir.map(|d| d.join("config.toml")) else { return config };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return config,
        Err(e) => {
            config.messages.push(format!("{}: {e}; using the defaults", path.display()));
            return config;
        }
    };
    match text.parse::<toml::Table>() {
        Ok(mut table) => {
            (config.timeboxes, config.mouse) =
                facilitation::read(&text, &path, &mut config.messages);
            table.remove("agenda");
            table.remove("mouse");
            match table.remove("keys") {
                Some(toml::Value::Table(keys)) => config.keys = Some(keys),
                Some(_) => config.messages.push(format!(
                    "{}: [keys] should be a table; using the default keys",
                    path.display()
                )),
                None => {}
            }
            match table.remove("theme") {
                Some(toml::Value::String(name)) => match ThemeName::parse(&name) {
                    Some(theme) => config.theme = Some(theme),
                    None => config.messages.push(format!(
                        "{}: theme “{name}” is not one of default, high-contrast, mono; using default",
                        path.display()
                    )),
                },
                Some(_) => config.messages.push(format!(
                    "{}: theme should be text, e.g. theme = \"high-contrast\"",
                    path.display()
                )),
                None => {}
            }
            if let Some(policy) = table.remove("policy") {
                read_policy(&policy, &path.display().to_string(), &mut config);
            }
            if let Some(lock) = table.remove("lock") {
                read_lock(&lock, &path.display().to_string(), &mut config);
            }
            if let Some(export) = table.remove("export") {
                read_export(&export, &path.display().to_string(), &mut config);
            }
            if let Some(teams) = table.remove("teams") {
                read_teams(&teams, &path.display().to_string(), &mut config);
            }
            for key in table.keys() {
                config.messages.push(format!(
                    "{}: `{key}` is not a setting waterline knows; ignored",
                    path.display()
                ));
            }
        }
        Err(e) => {
            let (line, column) = e.span().map(|s| line_column(&text, s.start)).unwrap_or((1, 1));
            config.messages.push(format!(
                "{}:{line}:{column}: {}; using the defaults",
                path.display(),
                e.message()
            ));
        }
    }
    config
}

/// `[policy] due_days = { SEV1 = 15, SEV2 = 30, default = 60 }`: each entry on top of the
/// built-in policy; a bad entry is reported and the built-in value kept.
fn read_policy(value: &toml::Value, file: &str, config: &mut Config) {
    let Some(table) = value.as_table() else {
        config
            .messages
            .push(format!("{file}: [policy] should be a table; using the default policy"));
        return;
    };
    for key in table.keys().filter(|k| *k != "due_days") {
        config
            .messages
            .push(format!("{file}: [policy] `{key}` is not a setting waterline knows; ignored"));
    }
    let Some(days) = table.get("due_days") else { return };
    let Some(days) = days.as_table() else {
        config.messages.push(format!(
            "{file}: [policy] due_days should be a table, e.g. due_days = {{ SEV1 = 15, default = 60 }}"
        ));
        return;
    };
    for (severity, n) in days {
        match n.as_integer().filter(|n| (1..=MAX_DUE_DAYS).contains(n)) {
            Some(n) if severity.eq_ignore_ascii_case("default") => config.policy.default = n as u32,
            Some(n) => config.policy.set(severity, n as u32),
            None => config.messages.push(format!(
                "{file}: [policy] due_days.{severity} should be a number of days from 1 to {MAX_DUE_DAYS}; using the default"
            )),
        }
    }
}

/// The longest a lock may stay silent before it counts as abandoned: a week.
const MAX_STALE_MINUTES: i64 = 7 * 24 * 60;

/// `[lock] stale_after_minutes = 30`: how long another host's lock may go without a sign
/// of life before it may be taken over (after a question).
fn read_lock(value: &toml::Value, file: &str, config: &mut Config) {
    let minutes = value.as_table().and_then(|t| t.get("stale_after_minutes"));
    let unknown =
        value.as_table().into_iter().flat_map(|t| t.keys()).filter(|k| *k != "stale_after_minutes");
    for key in unknown {
        config
            .messages
            .push(format!("{file}: [lock] `{key}` is not a setting waterline knows; ignored"));
    }
    match minutes.and_then(toml::Value::as_integer).filter(|n| (1..=MAX_STALE_MINUTES).contains(n)) {
        Some(n) => config.lock.stale_after = std::time::Duration::from_secs(n as u64 * 60),
        None => config.messages.push(format!(
            "{file}: [lock] stale_after_minutes should be a number of minutes from 1 to {MAX_STALE_MINUTES}; using {}",
            crate::store::lock::DEFAULT_STALE_AFTER.as_secs() / 60
        )),
    }
}

/// `[export] redact_names = ["Kenji", "Lena = vendor engineer"]`.
fn read_export(value: &toml::Value, file: &str, config: &mut Config) {
    let names = value.as_table().and_then(|t| t.get("redact_names")).and_then(|n| n.as_array());
    let strings: Option<Vec<String>> =
        names.map(|n| n.iter().map(|v| v.as_str().map(str::to_string)).collect()).unwrap_or(None);
    match strings {
        Some(names) => config.redact_names = names,
        None => config.messages.push(format!(
            "{file}: [export] should hold redact_names = [\"Name\", \"Name = role\"]; ignored"
        )),
    }
}

/// `[teams] names = ["Ops", "IT"]`: team names the organisation really has, so the
/// Assignable check does not call them generic.
fn read_teams(value: &toml::Value, file: &str, config: &mut Config) {
    let names = value.as_table().and_then(|t| t.get("names")).and_then(toml::Value::as_array);
    let Some(names) = names else {
        config.messages.push(format!(
            "{file}: [teams] should hold names = [\"Ops\", …], the organisation's real teams; ignored"
        ));
        return;
    };
    for name in names {
        match name.as_str().map(str::trim).filter(|n| !n.is_empty()) {
            Some(n) => config.teams.push(n.to_string()),
            None => config
                .messages
                .push(format!("{file}: [teams] names should be text, e.g. \"Ops\"; one ignored")),
        }
    }
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The person's `lexicon.toml` beside config.toml, if any: their rules join the built-in
/// ones (or switch some off). Problems come back as messages naming the file and line;
/// the built-in rules stay in use.
pub fn load_lexicon(dir: Option<&Path>) -> Vec<String> {
    let Some(path) = dir.map(|d| d.join("lexicon.toml")) else { return Vec::new() };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(e) => return vec![format!("{}: {e}; using the built-in rules", path.display())],
    };
    let (lexicon, messages) = crate::analysis::language::Lexicon::with_user(&text);
    crate::analysis::language::use_lexicon(lexicon);
    messages.into_iter().map(|m| format!("{}: {m}", path.display())).collect()
}
