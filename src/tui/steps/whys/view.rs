//! The Five Whys tree: answers under the incident with guides, long answers wrapped, a
//! glyph for each answer's state, and the side pane that re-asks a wrong turn.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::analysis::check::Check;
use crate::analysis::messages as words;
use crate::analysis::whys::{NodeState, checks, reask, states};
use crate::model::{Why, WhyTree};
use crate::tui::app::{Doc, Model};
use crate::tui::intent::Intent;
use crate::tui::messages;
use crate::tui::render::Drawn;
use crate::tui::steps::whys::state::{selected, selected_id, visible};
use crate::tui::widgets::{truncate, wrap};

pub const LEGEND: &str = " ● condition  ○ open  ⚠ wrong turn  ↻ reframed  ▸ folded ";

/// The glyph for an answer's state: meaning never rides on colour alone.
pub fn glyph(state: Option<&NodeState>, why: &Why) -> &'static str {
    match state {
        Some(s) if s.wrong_turn.is_some() && s.reframed => "↻",
        Some(s) if s.wrong_turn.is_some() => "⚠",
        _ if why.system_condition => "●",
        Some(s) if s.open => "○",
        _ => "·",
    }
}

pub struct Row {
    pub text: Line<'static>,
    /// Which answer the line belongs to (0: the incident; n: the nth visible answer).
    pub node: usize,
}

pub fn render(model: &Model, doc: &Doc, frame: &mut Frame, area: Rect, drawn: &mut Drawn) {
    let theme = &model.theme;
    let whys = &doc.session.whys;
    let open = checks(&doc.session).len();
    let title = match open {
        0 => format!(" Five Whys · {} ", messages::count(whys.len(), "answer", "answers")),
        n => format!(
            " Five Whys · {} · ⚠ {n} to look at ",
            messages::count(whys.len(), "answer", "answers")
        ),
    };
    let block = Block::bordered()
        .title(title)
        .title_bottom(Line::styled(LEGEND, theme.dim))
        .border_style(theme.border_focus);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if whys.is_empty() {
        let add = Some(model.key_hint(&Intent::AddChildWhy)).filter(|k| !k.is_empty());
        let lines = vec![
            Line::raw(""),
            Line::raw(format!(
                "  No answers yet. Press {} to ask why of the incident.",
                add.unwrap_or_default()
            )),
            Line::raw("  Keep asking past any person's action until each branch reaches"),
            Line::raw("  a condition of the system someone can change."),
        ];
        frame.render_widget(Paragraph::new(lines).style(theme.dim), inner);
        return;
    }
    let rows = rows(model, doc, usize::from(inner.width));
    let height = usize::from(inner.height).max(1);
    let current = selected_id(doc);
    let nodes = visible(doc);
    // Row 0 is the incident; answers count from 1.
    let sel_node = match current {
        None if doc.whys.incident => 0,
        _ => nodes.iter().position(|(w, _)| Some(&w.id) == current.as_ref()).unwrap_or(0) + 1,
    };
    let first = rows.iter().position(|r| r.node == sel_node).unwrap_or(0);
    let last = rows.iter().rposition(|r| r.node == sel_node).unwrap_or(0);
    // Keep the whole selected answer in view, moving as little as possible.
    let mut offset = doc.whys.offset.min(rows.len().saturating_sub(1));
    if first < offset {
        offset = first;
    } else if last >= offset + height {
        offset = (last + 1).saturating_sub(height).min(first);
    }
    drawn.whys = Some(offset);
    let lines: Vec<Line> = rows.into_iter().skip(offset).take(height).map(|r| r.text).collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Every line of the tree: the incident, then each visible answer, wrapped.
pub fn rows(model: &Model, doc: &Doc, width: usize) -> Vec<Row> {
    let theme = &model.theme;
    let whys = &doc.session.whys;
    let states = states(&doc.session);
    let current = selected_id(doc);
    let title = truncate(&doc.session.incident.title, width.saturating_sub(3));
    let incident = if doc.whys.incident {
        Line::from(vec![
            Span::styled("▶", theme.key),
            Span::styled(format!("◉ {title}"), theme.selected),
        ])
    } else {
        Line::styled(format!(" ◉ {title}"), theme.title)
    };
    let mut out = vec![Row { text: incident, node: 0 }];
    let is_last =
        |w: &Why| whys.children_of(w.parent.as_deref()).last().is_some_and(|l| l.id == w.id);
    // Deep trees keep their newest levels: past half the width the oldest guides give way.
    let max_levels = (width / 2 / 3).max(1);
    for (n, (w, depth)) in visible(doc).into_iter().enumerate() {
        let path = whys.path_to_root(&w.id);
        let mut guides: String =
            path[..path.len() - 1].iter().map(|a| if is_last(a) { "   " } else { "│  " }).collect();
        if depth > max_levels {
            let keep: String = guides.chars().skip((depth - max_levels) * 3).collect();
            guides = format!("⋯{}", keep.chars().skip(1).collect::<String>());
        }
        let last = is_last(w);
        let folded = doc.whys.collapsed.contains(&w.id);
        let has_children = !whys.is_leaf(&w.id);
        let below = if has_children && !folded { "│ " } else { "  " };
        let head = format!("{guides}{}", if last { "└─ " } else { "├─ " });
        let cont = format!("{guides}{}{below}", if last { "   " } else { "│  " });
        let mark = glyph(states.get(&w.id), w);
        let fold =
            if folded { format!(" ▸{}", whys.subtree(&w.id).len() - 1) } else { String::new() };
        let factors: Vec<&str> = (doc.session.factors.iter())
            .filter(|f| f.whys.contains(&w.id))
            .map(|f| f.id.as_str())
            .collect();
        let link =
            if factors.is_empty() { String::new() } else { format!(" →{}", factors.join(",")) };
        let lead = format!("{mark} {}{fold} ", w.id);
        let selected = current.as_deref() == Some(w.id.as_str());
        let room = width.saturating_sub(1 + head.width() + lead.width()).max(8);
        let body = format!("{}{link}", w.text.replace('\n', " "));
        let style = if selected { theme.selected } else { theme.base };
        for (i, piece) in wrap(&body, room).into_iter().enumerate() {
            let cursor = if selected && i == 0 { "▶" } else { " " };
            let (guide, lead) = if i == 0 {
                (head.clone(), lead.clone())
            } else {
                (format!("{cont}{}", " ".repeat(lead.width().saturating_sub(2))), String::new())
            };
            let pad = room.saturating_sub(piece.width());
            let spans = vec![
                Span::styled(cursor.to_string(), theme.key),
                Span::styled(guide, theme.border),
                Span::styled(lead, if selected { style } else { theme.title }),
                Span::styled(
                    format!("{piece}{}", if selected { " ".repeat(pad) } else { String::new() }),
                    style,
                ),
            ];
            out.push(Row { text: Line::from(spans), node: n + 1 });
        }
    }
    out
}

/// The side pane: the selected answer, a wrong turn re-asked, then what is left to look at.
pub fn side(model: &Model, doc: &Doc) -> Vec<Line<'static>> {
    let theme = &model.theme;
    let mut lines = Vec::new();
    let all = checks(&doc.session);
    if doc.whys.incident {
        lines.push(Line::styled(messages::INCIDENT_SELECTED, theme.title));
        lines.push(key_line(model, Intent::AddChildWhy, messages::ASK_OF_INCIDENT));
        lines.push(Line::raw(""));
    }
    if let Some(w) = selected(doc) {
        let states = states(&doc.session);
        let state = states.get(&w.id);
        let depth = doc.session.whys.depth(&w.id);
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", w.id), theme.key),
            Span::styled(messages::why_number(depth), theme.dim),
        ]));
        // The answer this one asks again in system terms, named both ways.
        if let Some(of) = &w.reframes {
            let text = match doc.session.whys.why(of) {
                Some(turn) => format!("↻ reframes {of}: “{}”", turn.text.replace('\n', " ")),
                None => format!("↻ reframes {of}, which is no longer in the tree"),
            };
            lines.push(Line::styled(text, theme.dim));
        }
        if let Some(turn) = state.and_then(|s| s.wrong_turn.as_ref()) {
            let by = state.and_then(|s| s.reframed_by.as_deref());
            let reframed = state.is_some_and(|s| s.reframed);
            let head = match by {
                Some(by) if reframed => format!("↻ wrong turn, reframed by {by}"),
                _ => "⚠ wrong turn".to_string(),
            };
            lines.push(Line::styled(format!("{head}: “{}”", turn.matched), theme.problem));
            if !reframed {
                for q in [words::REASK_SYSTEM, words::REASK_LIKELY, reask(turn.focus)] {
                    lines.push(Line::styled(format!("? {q}"), theme.title));
                }
                lines.push(key_line(
                    model,
                    Intent::ReframeWhy,
                    "add the reframed answer beside it",
                ));
            }
        } else if w.system_condition {
            lines.push(Line::styled("● reached a system condition", theme.good));
            let linked: Vec<String> = (doc.session.factors.iter())
                .filter(|f| f.whys.contains(&w.id))
                .map(|f| format!("→ {} {}", f.id, f.text))
                .collect();
            if linked.is_empty() {
                lines.push(key_line(
                    model,
                    Intent::PromoteToFactor,
                    "make it a contributing factor",
                ));
            }
            lines.extend(linked.into_iter().map(|l| Line::styled(l, theme.dim)));
        } else if state.is_some_and(|s| s.open) {
            lines.push(Line::styled(
                "○ open: ask why again, or mark it if it is a condition",
                theme.dim,
            ));
        }
        if !w.note.is_empty() {
            lines.push(Line::styled(format!("note: {}", w.note), theme.dim));
        }
        lines.push(Line::raw(""));
    }
    lines.extend(check_lines(model, &all, "Checks"));
    lines
}

fn key_line(model: &Model, action: Intent, what: &str) -> Line<'static> {
    let key = model.key_hint(&action);
    Line::from(vec![Span::styled(format!("{key} "), model.theme.key), Span::raw(what.to_string())])
}

/// A heading with the count, then one line per finding: glyph, item, message.
pub fn check_lines(model: &Model, checks: &[Check], heading: &str) -> Vec<Line<'static>> {
    let theme = &model.theme;
    if checks.is_empty() {
        return vec![Line::styled(format!("✓ {heading}: nothing open"), theme.good)];
    }
    let mut lines = vec![Line::styled(format!("{heading} · {} open", checks.len()), theme.title)];
    for c in checks {
        lines.push(Line::from(vec![
            Span::styled(format!("⚠ {} ", c.id()), theme.problem),
            Span::raw(c.message.clone()),
        ]));
    }
    lines
}

/// The chain of answers above `id`, from the incident down, wrapped to `width`.
pub fn breadcrumb(doc: &Doc, id: &str, width: usize) -> Vec<String> {
    let path = doc.session.whys.path_to_root(id);
    // Shorter crumbs for longer chains, so the whole chain fits in about two lines.
    let each = (2 * width / path.len().max(1)).saturating_sub(8).clamp(10, 40);
    let mut crumbs = vec![format!("◉ {}", truncate(&doc.session.incident.title, each))];
    crumbs.extend(
        path[..path.len().saturating_sub(1)]
            .iter()
            .map(|w| format!("{} {}", w.id, truncate(&w.text.replace('\n', " "), each))),
    );
    let joined = crumbs.join(" › ");
    wrap(&joined, width)
}
