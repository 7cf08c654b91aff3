//! A session file cut at its top-level table headers (`[incident]`, `[[event]]`, …), each
//! piece parsed on its own and the pieces in parallel. The parser's working memory is then
//! the size of one piece rather than many times the file's, and a big review opens in a
//! fraction of the time. A file of another shape, or one with any problem, is read whole by
//! the caller, which also words the problem.

use rayon::prelude::*;
use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::format::{
    ActionV1, BehaviourV1, DismissedV1, EventV1, FactorV1, FileV1, ParkedV1, WhyV1,
};
use super::unknown::{ITEM_KEYS, Unknown, item_extra};
use super::{ListingSummary, Loaded, read, validate};
use crate::model::{ActionStatus, ReviewStatus};

/// The one single table besides `[incident]`: the review's lessons.
const LESSONS: &str = "lessons";

/// One piece of the file: the text from its header to the next one.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Section<'t> {
    /// `None` for the incident table, else the kind of an item table.
    kind: Option<&'static str>,
    text: &'t str,
}

/// One item table, read. The pieces read in parallel are gathered in one list before they
/// are sorted into the file's: the kinds larger than an event, far fewer, are boxed, so
/// that list is not sized for the largest kind for every one of tens of thousands of events.
enum Item {
    Event(Spanned<EventV1>),
    Why(Box<Spanned<WhyV1>>),
    Factor(Box<Spanned<FactorV1>>),
    Behaviour(Box<Spanned<BehaviourV1>>),
    Action(Box<Spanned<ActionV1>>),
    Dismissed(Box<DismissedV1>),
    Parked(Box<ParkedV1>),
}

/// An item's unknown fields, boxed when there are any: most items have none.
type Extra = Option<Box<crate::model::Extra>>;

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
    let pieces =
        sections.iter().filter_map(|s| s.kind.filter(|k| *k != LESSONS).map(|k| (k, s.text)));
    let pieces: Vec<(&'static str, &str)> = pieces.collect();
    let items: Vec<(&'static str, Item, Extra)> = if text.len() >= PARALLEL_FROM {
        pieces.into_par_iter().map(|(kind, text)| item(kind, text)).collect::<Option<_>>()?
    } else {
        pieces.into_iter().map(|(kind, text)| item(kind, text)).collect::<Option<_>>()?
    };
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
    for (kind, item, extra) in items {
        let index = match item {
            Item::Event(e) => push(&mut file.event, e),
            Item::Why(w) => push(&mut file.why, *w),
            Item::Factor(f) => push(&mut file.factor, *f),
            Item::Behaviour(b) => push(&mut file.behaviour, *b),
            Item::Action(a) => push(&mut file.action, *a),
            Item::Dismissed(d) => push(&mut file.dismissed, *d),
            Item::Parked(p) => push(&mut file.parked, *p),
        };
        unknown.set_item(kind, index, extra.map(|e| *e).unwrap_or_default());
    }
    validate::check_read(&file, text, unread).ok()?;
    let session = file.into_session(&mut unknown);
    Some(Loaded { session, read_only: false, notices: unknown.notices() })
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

fn push<T>(list: &mut Vec<T>, value: T) -> usize {
    list.push(value);
    list.len() - 1
}

/// One `[[kind]]` piece: its table read into the format's type, and its unknown fields.
fn item(kind: &'static str, text: &str) -> Option<(&'static str, Item, Extra)> {
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
    let item = match kind {
        "event" => Item::Event(typed(table)?),
        "why" => Item::Why(Box::new(typed(table)?)),
        "factor" => Item::Factor(Box::new(typed(table)?)),
        "behaviour" => Item::Behaviour(Box::new(typed(table)?)),
        "action" => Item::Action(Box::new(typed(table)?)),
        "dismissed" => Item::Dismissed(Box::new(typed(table)?)),
        "parked" => Item::Parked(Box::new(typed(table)?)),
        _ => return None,
    };
    Some((kind, item, (!extra.is_empty()).then(|| Box::new(extra))))
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
