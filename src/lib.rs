//! waterline: a terminal console for blameless postmortems.
//!
//! The review document lives in [`model`]; [`store`] reads and writes it as one TOML file;
//! [`export`] publishes it as Markdown, HTML or JSON; [`cli`] is the command line and [`tui`]
//! the console. Only `tui` (and the top of `cli`, which starts it) knows about the terminal.

pub mod analysis;
pub mod assets;
pub mod cli;
pub mod export;
pub mod import;
pub mod lsp;
pub mod merge;
pub mod model;
pub mod store;
pub mod tui;
