//! Where reviews and the config file live: `WATERLINE_HOME` when set (for tests, demos and
//! people who keep reviews in a repository), else the platform's usual folders.

use std::path::PathBuf;

use directories::ProjectDirs;

const HOME_VAR: &str = "WATERLINE_HOME";

pub(super) fn data_dir() -> Option<PathBuf> {
    home().or_else(|| project().map(|p| p.data_dir().to_path_buf()))
}

pub(super) fn config_dir() -> Option<PathBuf> {
    home().or_else(|| project().map(|p| p.config_dir().to_path_buf()))
}

/// An empty `WATERLINE_HOME=` counts as unset, as shells often leave it that way.
fn home() -> Option<PathBuf> {
    std::env::var_os(HOME_VAR).filter(|v| !v.is_empty()).map(PathBuf::from)
}

fn project() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "waterline")
}
