//! The reviews in a folder, as the home screen lists them, and names for new ones.

use std::cmp::Reverse;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;

use super::{Listing, ListingSummary, load};

/// Longest slug in a new file name, so names stay readable in a terminal and a shell.
const SLUG_MAX: usize = 48;

/// The config file shares the folder when `WATERLINE_HOME` is set; it is not a review.
const CONFIG_FILE: &str = "config.toml";

pub(super) fn list(dir: &Path) -> Vec<Listing> {
    listings_of(&newest_first(dir))
}

/// The review files in `dir` with when each last changed, newest first: the home list's
/// order, known before any file is read.
pub(super) fn newest_first(dir: &Path) -> Vec<super::ReviewFileEntry> {
    let mut files: Vec<super::ReviewFileEntry> = (review_files(dir).into_par_iter())
        .map(|path| {
            let modified = fs::metadata(&path).and_then(|m| m.modified()).ok();
            super::ReviewFileEntry { path, modified }
        })
        .collect();
    // The name breaks ties so the order never flickers between redraws.
    files.sort_by(|a, b| {
        Reverse(a.modified).cmp(&Reverse(b.modified)).then_with(|| a.path.cmp(&b.path))
    });
    files
}

/// The listing of each file, in the order given; files are read in parallel, and of each
/// only what the list shows (see `summary_of`).
pub(super) fn listings_of(files: &[super::ReviewFileEntry]) -> Vec<Listing> {
    (files.par_iter())
        .map(|f| Listing {
            path: f.path.clone(),
            modified: f.modified,
            summary: summary_of(&f.path),
        })
        .collect()
}

pub(super) fn load_all(dir: &Path) -> Vec<(PathBuf, Result<super::Loaded, super::LoadError>)> {
    load_all_with(dir, super::read::read)
}

/// Every review file in `dir`, in file-name order, read in parallel by `reader`.
pub(super) fn load_all_with(
    dir: &Path,
    reader: fn(&str) -> Result<super::Loaded, super::diagnostics::Problem>,
) -> Vec<(PathBuf, Result<super::Loaded, super::LoadError>)> {
    let mut paths = review_files(dir);
    paths.sort();
    paths
        .into_par_iter()
        .map(|path| {
            let loaded = super::load_with(&path, reader);
            (path, loaded)
        })
        .collect()
}

/// The review files in `dir`, in no particular order; none for a missing folder.
fn review_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| is_review_file(p)).collect()
}

/// What the home list shows of one file. Only the `[incident]` table and each action's
/// status are parsed; the timeline, the whys and the rest are skipped unread. A file that
/// is not of the usual shape, or whose incident cannot be read, is loaded whole, so the
/// list gives the same message opening it would.
fn summary_of(path: &Path) -> Result<ListingSummary, String> {
    let quick = fs::read_to_string(path).ok().and_then(|text| super::sections::summary(&text));
    match quick {
        Some(found) => Ok(found),
        None => load(path).map(|loaded| summary(&loaded.session)).map_err(|e| e.to_string()),
    }
}

pub(super) fn is_review_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    name.ends_with(".toml") && !name.starts_with('.') && name != CONFIG_FILE && path.is_file()
}

pub(super) fn summary(session: &crate::model::Session) -> ListingSummary {
    ListingSummary {
        title: session.incident.title.clone(),
        severity: session.incident.severity.clone(),
        status: session.incident.status,
        open_actions: session.open_action_count(),
        started: session.incident.started_at.map(|t| t.date_naive()),
    }
}

pub(super) fn new_session_path(dir: &Path, title: &str, date: NaiveDate) -> PathBuf {
    let stem = format!("{}-{}", date.format("%Y-%m-%d"), slug(title));
    let mut path = dir.join(format!("{stem}.toml"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{stem}-{n}.toml"));
        n += 1;
    }
    path
}

/// Lowercase ASCII letters and digits joined by single dashes; "review" if nothing is left.
fn slug(title: &str) -> String {
    let folded: String = title.chars().flat_map(char::to_lowercase).map(fold_accent).collect();
    let mut slug = String::new();
    for word in folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
        let extra = usize::from(!slug.is_empty());
        if slug.len() + extra + word.len() > SLUG_MAX {
            if slug.is_empty() {
                slug.push_str(&word[..SLUG_MAX].to_ascii_lowercase());
            }
            break;
        }
        if extra == 1 {
            slug.push('-');
        }
        slug.push_str(&word.to_ascii_lowercase());
    }
    if slug.is_empty() { "review".to_string() } else { slug }
}

/// The plain letter under common Latin accents, so "Café" names a file "cafe", not "caf".
fn fold_accent(c: char) -> char {
    match c {
        'à'..='å' | 'ā' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è'..='ë' | 'ē' | 'ę' | 'ě' => 'e',
        'ì'..='ï' | 'ī' => 'i',
        'ł' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ß' => 's',
        'ù'..='ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_keeps_words_and_drops_punctuation() {
        assert_eq!(
            slug("Payment service down (after a config change!)"),
            "payment-service-down-after-a-config-change"
        );
        assert_eq!(slug("  ¿¡  "), "review");
        assert_eq!(slug("Überlast im Café"), "uberlast-im-cafe");
        assert_eq!(slug("支付服务中断"), "review");
    }

    #[test]
    fn slug_stops_at_a_word_boundary_near_the_limit() {
        let s = slug(&"word ".repeat(30));
        assert!(s.len() <= SLUG_MAX && !s.ends_with('-'), "{s}");
        assert_eq!(slug(&"x".repeat(100)).len(), SLUG_MAX);
    }
}
