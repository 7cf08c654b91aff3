//! The import screen's state: the path typed, the file's preview (indexed a slice at a
//! time), the filter, the cursor, and the window of rows read for the next frame.

use std::collections::HashSet;
use std::fmt;
use std::path::PathBuf;

use crate::import::preview::{Preview, Progress, Row};
use crate::import::{Candidate, Choice, Format, Settings};
use crate::model::EventKind;
use crate::tui::keymap::KeyContext;
use crate::tui::widgets::text_field::TextField;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Typing the file's path.
    Path,
    /// The file's lines: moving, ticking.
    Lines,
    /// Typing the filter over the lines.
    Filter,
}

pub struct ImportScreen {
    pub phase: Phase,
    pub path: TextField,
    /// `--as`: detection, or one format.
    pub choice: Choice,
    pub settings: Settings,
    /// Why the file could not be read, shown under the path.
    pub problem: Option<String>,
    pub file: Option<Opened>,
    /// What the review already holds, by instant and text: duplicates are marked.
    pub existing: HashSet<(i64, String)>,
}

/// A file open in the preview.
pub struct Opened {
    pub path: PathBuf,
    pub preview: Preview,
    pub format: Format,
    pub detected: bool,
    pub kind: EventKind,
    pub indexed: Progress,
    /// How far the filter has read, while one is set.
    pub filtered: Option<Progress>,
    pub filter: String,
    /// The cursor, among the rows shown.
    pub selected: u64,
    /// The first row shown.
    pub offset: u64,
    /// The rows from `offset`, read for the frame (drawing does no I/O).
    pub rows: Vec<Row>,
    /// The ticked events with their rows, in file order.
    pub ticked: Vec<(u64, Candidate)>,
    /// A read that failed after the file opened (the file changed or went away).
    pub problem: Option<String>,
}

impl ImportScreen {
    pub fn new(settings: Settings, existing: HashSet<(i64, String)>) -> Self {
        ImportScreen {
            phase: Phase::Path,
            path: TextField::new(
                "",
                "path to a log, chat transcript, CSV, JSON Lines or Slack export",
            ),
            choice: Choice::Auto,
            settings,
            problem: None,
            file: None,
            existing,
        }
    }

    /// The key context of the phase shown.
    pub fn context(&self) -> KeyContext {
        match self.phase {
            Phase::Path => KeyContext::ImportPath,
            Phase::Lines => KeyContext::Import,
            Phase::Filter => KeyContext::ImportFilter,
        }
    }

    /// Whether reading or filtering the file still has work to do.
    pub fn working(&self) -> bool {
        self.file.as_ref().is_some_and(|f| {
            f.problem.is_none() && (!f.indexed.done || f.filtered.is_some_and(|p| !p.done))
        })
    }

    pub fn is_duplicate(&self, candidate: &Candidate) -> bool {
        self.existing.contains(&(candidate.at.timestamp(), candidate.text.clone()))
    }
}

impl Opened {
    /// Rows the filter shows so far, or every row read.
    pub fn visible(&self) -> u64 {
        self.preview.visible()
    }

    /// The row under the cursor, from the window read for the frame.
    pub fn selected_in_window(&self) -> Option<&Row> {
        let at = usize::try_from(self.selected.checked_sub(self.offset)?).ok()?;
        self.rows.get(at)
    }
}

/// What a person could notice, for tests that compare states.
impl fmt::Debug for ImportScreen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self.file.as_ref().map(|o| {
            (
                &o.path,
                o.format,
                o.kind,
                o.indexed,
                &o.filter,
                o.selected,
                o.offset,
                o.rows.len(),
                &o.ticked,
                &o.problem,
            )
        });
        f.debug_struct("ImportScreen")
            .field("phase", &self.phase)
            .field("path", &self.path.text())
            .field("choice", &self.choice)
            .field("problem", &self.problem)
            .field("file", &file)
            .finish()
    }
}
