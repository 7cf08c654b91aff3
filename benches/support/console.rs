//! The console as the benchmarks drive it: a model with the default keys, the mono theme
//! and a fixed clock, with `session` loaded as `update` loads a file.

use std::path::PathBuf;

use waterline::model::{Session, Timestamp};
use waterline::store::Loaded;
use waterline::tui::app::{Model, update};
use waterline::tui::intent::Intent;
use waterline::tui::keymap::Keymap;

pub fn open(session: Session, now: fn() -> Timestamp) -> Model {
    let (keymap, _) = Keymap::load(None);
    let mut m = Model::new(keymap, now);
    m.theme = waterline::tui::theme::Theme::mono();
    let loaded = Loaded { session, read_only: false, notices: Vec::new() };
    update(
        &mut m,
        Intent::Loaded {
            path: PathBuf::from("bench.toml"),
            result: Ok(Box::new(loaded)),
            demo: false,
        },
    );
    m
}
