//! `config.toml`: a person's own settings. A broken file never stops the program: the
//! message names the line, and the defaults are used.

mod facilitation;

use std::path::Path;

use crate::tui::agenda::Timeboxes;
use crate::tui::theme::ThemeName;

pub struct Config {
    /// The `[keys]` table: overrides for the keymap.
    pub keys: Option<toml::Table>,
    pub theme: Option<ThemeName>,
    /// `[agenda]`: minutes per step.
    pub timeboxes: Timeboxes,
    /// `mouse = true`: clicks and the wheel (off by default: it breaks copy and paste).
    pub mouse: bool,
    pub messages: Vec<String>,
}

pub fn load(dir: Option<&Path>) -> Config {
    let mut config = Config {
        keys: None,
        theme: None,
        timeboxes: Timeboxes::default(),
        mouse: false,
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

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}
