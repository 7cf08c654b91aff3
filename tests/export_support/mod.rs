//! Shared set-up for the export tests: the example review, the fixtures, a report.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use waterline::export::{self, Format, Options};
use waterline::model::Session;

pub fn demo() -> Session {
    waterline::store::parse(Path::new("demo.toml"), waterline::assets::DEMO)
        .expect("the example review loads")
        .session
}

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn hostile() -> Session {
    load(&fixtures_dir().join("export/hostile.toml"))
}

pub fn load(path: &Path) -> Session {
    waterline::store::load(path).unwrap_or_else(|e| panic!("{e}")).session
}

/// Every review file under tests/fixtures that loads (the malformed ones are left out).
pub fn fixtures() -> Vec<(PathBuf, Session)> {
    let mut out = Vec::new();
    let mut dirs = vec![fixtures_dir()];
    while let Some(dir) = dirs.pop() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("fixtures are readable")
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "toml")
                && let Ok(loaded) = waterline::store::load(&path)
            {
                out.push((path, loaded.session));
            }
        }
    }
    assert!(out.len() >= 8, "found the fixtures: {}", out.len());
    out
}

pub fn options(redact: bool) -> Options {
    Options { redact, ..Options::default() }
}

pub fn render(session: &Session, format: Format, redact: bool) -> String {
    export::render(session, "review.toml", format, &options(redact)).text
}

/// The report with the program's version taken out, so a new version does not change a
/// snapshot.
pub fn versionless(text: &str) -> String {
    text.replace(waterline::export::GENERATOR, "[version]")
}
