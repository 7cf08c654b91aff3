//! A session file cut at its top-level table headers (`[incident]`, `[[event]]`, …), each
//! piece parsed on its own and the pieces in parallel. The parser's working memory is then
//! the size of one piece rather than many times the file's, and a big review opens in a
//! fraction of the time. A file of another shape, or one with any problem, is read whole by
//! the caller, which also words the problem.

use rayon::prelude::*;
use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::format::FileV1;
use super::unknown::{ITEM_KEYS, Unknown, item_extra};
use super::{ListingSummary, Loaded, read, validate};
use crate::model::{ActionStatus, Extra, ReviewStatus};

/// The one single table besides `[incident]`: the review's lessons.
const LESSONS: &str = "lessons";

/// One piece of the file: the text from its header to the next one.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Section<'t> {
    /// `None` for the incident table, else the kind of an item table.
    kind: Option<&'static str>,
    text: &'t str,
}

/// The session in `text`, read piece by piece; `None` when the file is not of the plain
/// shape this reader knows (the version line and unknown keys first, one `[incident]`, then
/// arrays of tables of known kinds) or has any problem at all.
pub(super) fn read(text: &str) -> Option<Loaded> {
    read_parts(text, &[])
}

/// The item tables that `waterline actions` does without: the timeline, the whys, and the
/// rest of the room's notes. Factors and behaviours are read, for the actions' references.
pub(super) const NOT_FOR_ACTIONS: &[&str] = &["event", "why", "dismissed", "parked", LESSONS];

/// Files smaller than this are read piece after piece: handing out a few small pieces to
/// other threads costs more than it saves, and a folder of files is read in parallel anyway.
const PARALLEL_FROM: usize = 256 * 1024;

/// As [`read`], leaving the tables of the kinds in `unread` (and `[lessons]`, when named)
/// unread: the session has none of them, and only what was read is checked. For a caller
/// that needs the rest of the review alone, never for a review that may be saved again.
pub(super) fn read_parts(text: &str, unread: &[&str]) -> Option<Loaded> {
    Some(read_typed(text, unread)?.into_loaded())
}

/// A file read into the format's types and checked, before its model is built: the
/// caller may let go of the text first.
pub(super) struct Typed {
    file: FileV1,
    unknown: Unknown,
}

impl Typed {
    pub(super) fn into_loaded(mut self) -> Loaded {
        let session = self.file.into_session(&mut self.unknown);
        Loaded { session, read_only: false, notices: self.unknown.notices() }
    }
}

/// As [`read_parts`], stopping before the model.
pub(super) fn read_typed(text: &str, unread: &[&str]) -> Option<Typed> {
    let (head, mut sections) = split(text)?;
    sections.retain(|s| s.kind.is_none_or(|k| !unread.contains(&k)));
    let head_table = DeTable::parse(head).ok()?;
    let head_table = head_table.get_ref();
    // Keys up top that a later header would add to are left to the whole-file parser,
    // which reports the clash.
    if head_table.keys().any(|k| is_section_name(k.get_ref())) {
        return None;
    }
    let version = head_table.get("waterline")?.get_ref().as_integer()?;
    if i64::from_str_radix(version.as_str(), version.radix()).ok()? != read::CURRENT_VERSION {
        return None;
    }
    let mut unknown = Unknown::empty();
    unknown.set_top(head_table);

    let mut file = FileV1 {
        incident: None,
        event: Vec::new(),
        why: Vec::new(),
        factor: Vec::new(),
        behaviour: Vec::new(),
        action: Vec::new(),
        dismissed: Vec::new(),
        parked: Vec::new(),
        conflict: Vec::new(),
        lessons: Default::default(),
    };
    let parallel = text.len() >= PARALLEL_FROM;
    let pieces = |kind: &str| -> Vec<&str> {
        sections.iter().filter(|s| s.kind == Some(kind)).map(|s| s.text).collect()
    };
    file.event = read_kind("event", &pieces("event"), parallel, &mut unknown)?;
    file.why = read_kind("why", &pieces("why"), parallel, &mut unknown)?;
    file.factor = read_kind("factor", &pieces("factor"), parallel, &mut unknown)?;
    file.behaviour = read_kind("behaviour", &pieces("behaviour"), parallel, &mut unknown)?;
    file.action = read_kind("action", &pieces("action"), parallel, &mut unknown)?;
    file.dismissed = read_kind("dismissed", &pieces("dismissed"), parallel, &mut unknown)?;
    file.parked = read_kind("parked", &pieces("parked"), parallel, &mut unknown)?;
    for section in sections.iter().filter(|s| s.kind.is_none()) {
        let root = DeTable::parse(section.text).ok()?;
        let value = root.get_ref().get("incident")?;
        unknown.set_incident(value.get_ref().as_table());
        file.incident =
            Some(Deserialize::deserialize(ValueDeserializer::from(value.clone())).ok()?);
    }
    for section in sections.iter().filter(|s| s.kind == Some(LESSONS)) {
        let root = DeTable::parse(section.text).ok()?;
        let value = root.get_ref().get(LESSONS)?;
        unknown.set_table(LESSONS, value.get_ref().as_table());
        file.lessons = Deserialize::deserialize(ValueDeserializer::from(value.clone())).ok()?;
    }
    validate::check_read(&file, text, unread).ok()?;
    Some(Typed { file, unknown })
}

/// The home list's line for a file, from its version line, `[incident]` table and each
/// action's status alone; `None` when that is not enough to be sure (another shape, another
/// version, no usable title), and the file must be read whole.
pub(super) fn summary(text: &str) -> Option<ListingSummary> {
    #[derive(Deserialize)]
    struct Incident {
        title: String,
        #[serde(default)]
        severity: String,
        #[serde(default)]
        status: ReviewStatus,
        #[serde(default)]
        started_at: Option<super::datetime::FileTime>,
    }
    #[derive(Deserialize)]
    struct Action {
        #[serde(default)]
        status: ActionStatus,
    }
    let (head, sections) = split(text)?;
    let head = DeTable::parse(head).ok()?;
    let version = head.get_ref().get("waterline")?.get_ref().as_integer()?;
    if i64::from_str_radix(version.as_str(), version.radix()).ok()? != read::CURRENT_VERSION {
        return None;
    }
    let mut incident = None;
    let mut open_actions = 0;
    for section in &sections {
        match section.kind {
            None => {
                let root = DeTable::parse(section.text).ok()?;
                let value = root.get_ref().get("incident")?.clone();
                incident = Some(Incident::deserialize(ValueDeserializer::from(value)).ok()?);
            }
            Some("action") => {
                let root = DeTable::parse(section.text).ok()?;
                let list = root.get_ref().get("action")?.get_ref().as_array()?;
                for table in list.iter() {
                    let action =
                        Action::deserialize(ValueDeserializer::from(table.clone())).ok()?;
                    open_actions += usize::from(action.status.is_open());
                }
            }
            Some(_) => {}
        }
    }
    let incident = incident.filter(|i| !i.title.trim().is_empty())?;
    Some(ListingSummary {
        title: incident.title,
        severity: incident.severity,
        status: incident.status,
        open_actions,
        started: incident.started_at.map(|t| t.0.date_naive()),
    })
}

/// Every `[[kind]]` piece of one kind, read in file order straight into a list of its
/// exact length (in parallel for a big file), with each piece's unknown fields noted.
/// A big review holds tens of thousands of items: no list of them is made twice.
fn read_kind<T>(
    kind: &'static str,
    pieces: &[&str],
    parallel: bool,
    unknown: &mut Unknown,
) -> Option<Vec<T>>
where
    T: for<'de> Deserialize<'de> + Send,
{
    let mut read: Vec<Option<T>> = Vec::new();
    let mut extras: Vec<Extra> = Vec::new();
    let one = |text: &&str| match item(kind, text) {
        Some((value, extra)) => (Some(value), extra),
        None => (None, Extra::new()),
    };
    if parallel {
        pieces.par_iter().map(one).unzip_into_vecs(&mut read, &mut extras);
    } else {
        (read, extras) = pieces.iter().map(one).unzip();
    }
    for (index, extra) in extras.into_iter().enumerate() {
        unknown.set_item(kind, index, extra);
    }
    // Reuses the list's memory: `Option<T>` is the size of `T` for every kind here.
    read.into_iter().collect()
}

/// One `[[kind]]` piece: its table read into the format's type, and its unknown fields.
fn item<T: for<'de> Deserialize<'de>>(kind: &str, text: &str) -> Option<(T, Extra)> {
    // The parsed tree is taken apart rather than copied: the table is read once, in place.
    let mut root = DeTable::parse(text).ok()?.into_inner();
    let DeValue::Array(list) = root.remove(kind)?.into_inner() else {
        return None;
    };
    let mut tables = list.into_iter();
    let table = tables.next()?;
    if tables.next().is_some() {
        return None;
    }
    let extra = item_extra(kind, table.get_ref().as_table());
    Some((typed(table)?, extra))
}

fn typed<'de, T: Deserialize<'de>>(value: Spanned<DeValue<'de>>) -> Option<T> {
    T::deserialize(ValueDeserializer::from(value)).ok()
}

fn is_section_name(key: &str) -> bool {
    // `lessons` and `conflict` are read by the whole-file reader only.
    ["incident", "lessons", "conflict"].contains(&key)
        || ITEM_KEYS.iter().any(|(kind, _)| *kind == key)
}

/// The text before the first header, and each piece from a header to the next. `None`
/// when a header is anything but one `[incident]` or a `[[kind]]` of a known kind.
fn split(text: &str) -> Option<(&str, Vec<Section<'_>>)> {
    let mut scan = Scanner::default();
    let mut starts: Vec<(usize, Option<&'static str>)> = Vec::new();
    let mut incident_seen = false;
    let mut lessons_seen = false;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let at = offset;
        offset += line.len();
        if scan.at_top() && line.trim_start().starts_with('[') {
            let kind = header(line)?;
            if kind.is_none() {
                if incident_seen {
                    return None;
                }
                incident_seen = true;
            } else if kind == Some(LESSONS) {
                if lessons_seen {
                    return None;
                }
                lessons_seen = true;
            }
            starts.push((at, kind));
            continue;
        }
        scan.line(line);
    }
    if !scan.at_top() {
        return None;
    }
    let head = &text[..starts.first().map_or(text.len(), |s| s.0)];
    let sections = (starts.iter().enumerate())
        .map(|(i, &(start, kind))| {
            let end = starts.get(i + 1).map_or(text.len(), |s| s.0);
            Section { kind, text: &text[start..end] }
        })
        .collect();
    Some((head, sections))
}

/// `[incident]` → `Some(None)`, `[[event]]` → `Some(Some("event"))`, `[lessons]` →
/// `Some(Some("lessons"))`, anything else `None`.
fn header(line: &str) -> Option<Option<&'static str>> {
    let line = line.trim();
    let line = match line.find('#') {
        Some(i) => line[..i].trim_end(),
        None => line,
    };
    if let Some(name) = line.strip_prefix("[[").and_then(|l| l.strip_suffix("]]")) {
        let name = name.trim();
        return ITEM_KEYS.iter().find(|(kind, _)| *kind == name).map(|(kind, _)| Some(*kind));
    }
    let name = line.strip_prefix('[').and_then(|l| l.strip_suffix(']'))?.trim();
    match name {
        "incident" => Some(None),
        LESSONS => Some(Some(LESSONS)),
        _ => None,
    }
}

/// Where the text stands between lines: inside a multi-line string, or inside brackets of
/// an array or inline table spread over lines. A header can only start at the top.
#[derive(Default)]
struct Scanner {
    /// The closing quote of a multi-line string we are in (`"` or `'`).
    multi_line: Option<u8>,
    depth: i64,
}

impl Scanner {
    fn at_top(&self) -> bool {
        self.multi_line.is_none() && self.depth == 0
    }

    fn line(&mut self, line: &str) {
        let b = line.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if let Some(q) = self.multi_line {
                if q == b'"' && b[i] == b'\\' {
                    i += 2;
                    continue;
                }
                if b[i] == q && b[i..].starts_with(&[q, q, q]) {
                    // A run of more than three quotes ends with the closing three.
                    let run = b[i..].iter().take_while(|&&c| c == q).count();
                    self.multi_line = None;
                    i += run;
                    continue;
                }
                i += 1;
                continue;
            }
            match b[i] {
                b'#' => return,
                q @ (b'"' | b'\'') => {
                    if b[i..].starts_with(&[q, q, q]) {
                        self.multi_line = Some(q);
                        i += 3;
                        continue;
                    }
                    // A one-line string ends on this line (or the file is broken, and
                    // the whole-file reader says so).
                    i += 1;
                    loop {
                        // Straight to the next quote or backslash: most of a file is text.
                        let next = if q == b'"' {
                            memchr::memchr2(q, b'\\', &b[i..])
                        } else {
                            memchr::memchr(q, &b[i..])
                        };
                        let Some(n) = next else {
                            i = b.len();
                            break;
                        };
                        i += n;
                        if b[i] == q {
                            break;
                        }
                        i += 2;
                        if i >= b.len() {
                            break;
                        }
                    }
                }
                b'[' | b'{' => self.depth += 1,
                b']' | b'}' => self.depth -= 1,
                _ => {}
            }
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_cuts_at_headers_only_outside_strings_and_arrays() {
        let text = "waterline = 1\n[incident]\ntitle = \"t\"\nsummary = \"\"\"\n[[event]]\n\"\"\"\n\
                    tags = [\n  [\"a\"],\n]\n[[event]] # first\nid = \"e1\"\n[[why]]\nid = 'w1'\n";
        let (head, sections) = split(text).expect("a plain file");
        assert_eq!(head, "waterline = 1\n");
        let kinds: Vec<Option<&str>> = sections.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [None, Some("event"), Some("why")]);
        assert!(sections[0].text.ends_with("]\n") && sections[0].text.contains("summary"));
    }

    #[test]
    fn pieces_read_as_the_whole_file_does() {
        let golden = include_str!("../../tests/fixtures/golden.toml");
        let unknown = "waterline = 1\nmood = \"calm\"\n[incident]\ntitle = \"t\"\ncolour = 3\n\
                       participants = [{ name = \"Sam\", shoe = 9 }]\n[[event]]\nid = \"e1\"\n\
                       at = 2026-03-02T09:12:00Z\nweather = { wind = 4 }\n\
                       [lessons]\nwent_well = [\"paged fast\"]\nsky = \"blue\"\n";
        for text in [crate::assets::DEMO, golden, unknown] {
            let pieces = read(text).expect("a plain file");
            let whole = read::read_whole(text).expect("reads");
            assert_eq!(pieces, whole);
        }
        assert!(read::read_whole(unknown).expect("reads").notices.len() == 2);
    }

    #[test]
    fn the_lists_summary_agrees_with_the_whole_file() {
        let golden = include_str!("../../tests/fixtures/golden.toml");
        for text in [crate::assets::DEMO, golden] {
            let whole = read::read_whole(text).expect("reads");
            let summary = summary(text).expect("a plain file");
            assert_eq!(summary, crate::store::library::summary(&whole.session));
        }
        assert_eq!(summary("waterline = 1\n[incident]\ntitle = \" \"\n"), None, "no title");
        assert_eq!(summary("waterline = 2\n[incident]\ntitle = \"t\"\n"), None, "newer");
    }

    #[test]
    fn the_parts_for_actions_are_those_of_the_whole_file() {
        let golden = include_str!("../../tests/fixtures/golden.toml");
        for text in [crate::assets::DEMO, golden] {
            let whole = read::read_whole(text).expect("reads").session;
            let parts = read_parts(text, NOT_FOR_ACTIONS).expect("a plain file").session;
            assert!(!whole.events.is_empty() && parts.events.is_empty() && parts.whys.is_empty());
            assert_eq!(parts.incident, whole.incident);
            assert_eq!(parts.actions, whole.actions);
            assert_eq!(parts.factors, whole.factors);
            assert_eq!(parts.behaviours, whole.behaviours);
        }
    }

    #[test]
    fn other_shapes_are_left_to_the_whole_file_reader() {
        assert!(split("waterline = 1\n[incident]\n[incident]\n").is_none());
        assert!(split("waterline = 1\n[incident.extra]\n").is_none());
        assert!(split("waterline = 1\n[[thing]]\n").is_none());
        assert!(split("waterline = 1\nsummary = \"\"\"\nnever closed\n").is_none());
    }
}
