//! What the home screen shows: the reviews in the data folder, the filter typed over them,
//! each review's state in git, and the selected one.

use std::path::PathBuf;

use crate::store::Listing;
use crate::store::git::FileState;

#[derive(Debug, Default)]
pub struct Home {
    pub listings: Vec<Listing>,
    /// Reviews in the folder not read yet: a big folder's list arrives a part at a time.
    pub left: usize,
    /// Index into [`Home::visible`].
    pub selected: usize,
    pub failure: Option<String>,
    /// The filter being typed (`Some` while filtering, even when still empty).
    pub filter: Option<String>,
    /// Each review's state when the data folder is a git working tree; read off the loop.
    pub git: Vec<(PathBuf, FileState)>,
}

impl Home {
    /// The reviews the filter lets through, in list order: every word typed must appear in
    /// the title, the incident's date, the severity or the status (any case).
    pub fn visible(&self) -> Vec<&Listing> {
        let words: Vec<String> = (self.filter.as_deref().unwrap_or_default())
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        (self.listings.iter()).filter(|l| words.iter().all(|w| haystack(l).contains(w))).collect()
    }

    pub fn selected_listing(&self) -> Option<&Listing> {
        self.visible().get(self.selected).copied()
    }

    /// A review's state in git; unchanged when the folder is not in git or not read yet.
    pub fn git_state(&self, listing: &Listing) -> FileState {
        (self.git.iter().find(|(p, _)| *p == listing.path)).map_or(FileState::Unchanged, |s| s.1)
    }
}

/// What a filter is matched against, lower-cased.
fn haystack(l: &Listing) -> String {
    match &l.summary {
        Ok(s) => format!(
            "{} {} {} {}",
            s.title,
            s.started.map(|d| d.to_string()).unwrap_or_default(),
            s.severity,
            s.status.as_str()
        )
        .to_lowercase(),
        Err(_) => l.path.to_string_lossy().to_lowercase(),
    }
}
