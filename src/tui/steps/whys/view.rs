//! The Five Whys tree: answers under the incident with guides, long answers wrapped, a
//! glyph for each answer's state, and the side pane that re-asks a wrong turn.

use std::collections::HashMap;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::analysis::check::Check;
use crate::analysis::messages as words;
use crate::analysis::whys::{NodeState, reask};
use crate::model::{Why, WhyTree};
use crate::tui::app::{Doc, Model};
use crate::tui::intent::Intent;
use crate::tui::messages;
use crate::tui::render::Drawn;
use crate::tui::steps::whys::layout::WhyLayout;
use crate::tui::steps::whys::state::{selected, selected_id};
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
    let overview = doc.overview(&model.policy);
    let layout = doc.why_layout();
    let answers = messages::count(whys.len(), "answer", "answers");
    let mut title = match overview.whys.len() {
        0 => format!(" Five Whys · {answers} "),
        n => format!(" Five Whys · {answers} · ⚠ {n} to look at "),
    };
    let block = Block::bordered()
        .title_bottom(Line::styled(LEGEND, theme.dim))
        .border_style(theme.border_focus);
    let inner = block.inner(area);
    if whys.is_empty() {
        frame.render_widget(block.title(title), area);
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
    let width = usize::from(inner.width);
    let height = usize::from(inner.height).max(1);
    let tree = Tree::new(model, doc, &layout, &overview.states, width);
    // Nodes: 0 is the incident, n the nth answer on screen. The window starts at a node.
    let sel = tree.selected_row.map_or(0, |r| r + 1);
    let mut offset = doc.whys.offset.min(layout.nodes.len());
    if sel < offset {
        offset = sel;
    } else {
        // Keep the whole selected answer in view, moving as little as possible: the
        // highest first node from which the selection still fits.
        let mut top = sel;
        let mut used = tree.node(sel).len();
        while top > offset {
            let above = tree.node(top - 1).len();
            if used + above > height {
                break;
            }
            used += above;
            top -= 1;
        }
        offset = top;
    }
    drawn.whys = Some(offset);
    if let Some(depth) = tree.selected_depth().filter(|d| *d > tree.max_levels) {
        title.push_str(&format!("· {} ", messages::why_number(depth)));
    }
    frame.render_widget(block.title(title), area);
    let lines: Vec<Line> = tree.window(offset, height).into_iter().map(|r| r.text).collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Every line of the tree: the incident, then each visible answer, wrapped.
pub fn rows(model: &Model, doc: &Doc, width: usize) -> Vec<Row> {
    window(model, doc, width, 0, usize::MAX)
}

/// The lines drawn from node `first` on (0: the incident, n: the nth answer on screen),
/// at most `height` of them: what costs time is what is visible, not the tree's size.
pub fn window(model: &Model, doc: &Doc, width: usize, first: usize, height: usize) -> Vec<Row> {
    let overview = doc.overview(&model.policy);
    let layout = doc.why_layout();
    Tree::new(model, doc, &layout, &overview.states, width).window(first, height)
}

/// What drawing the tree needs, read once per frame.
struct Tree<'a> {
    model: &'a Model,
    doc: &'a Doc,
    layout: &'a WhyLayout,
    states: &'a HashMap<String, NodeState>,
    width: usize,
    selected_row: Option<usize>,
    /// Deep trees keep their newest levels: past half the width the oldest guides give way.
    max_levels: usize,
}

impl<'a> Tree<'a> {
    fn new(
        model: &'a Model,
        doc: &'a Doc,
        layout: &'a WhyLayout,
        states: &'a HashMap<String, NodeState>,
        width: usize,
    ) -> Self {
        let selected_row = selected_id(doc).and_then(|id| layout.row_of(&id));
        let max_levels = (width / 2 / 3).max(1);
        Tree { model, doc, layout, states, width, selected_row, max_levels }
    }

    fn selected_depth(&self) -> Option<usize> {
        self.selected_row.and_then(|r| self.layout.nodes.get(r)).map(|n| n.depth)
    }

    fn window(&self, first: usize, height: usize) -> Vec<Row> {
        let mut out = Vec::new();
        let mut node = first;
        while out.len() < height && node <= self.layout.nodes.len() {
            out.extend(self.node(node));
            node += 1;
        }
        out.truncate(height);
        out
    }

    /// The lines of one node: the incident (0) or the answer on row `node - 1`.
    fn node(&self, node: usize) -> Vec<Row> {
        let theme = &self.model.theme;
        let width = self.width;
        let Some(row) = node.checked_sub(1) else {
            let title = truncate(&self.doc.session.incident.title, width.saturating_sub(3));
            let text = if self.doc.whys.incident {
                Line::from(vec![
                    Span::styled("▶", theme.key),
                    Span::styled(format!("◉ {title}"), theme.selected),
                ])
            } else {
                Line::styled(format!(" ◉ {title}"), theme.title)
            };
            return vec![Row { text, node: 0 }];
        };
        let nodes = &self.layout.nodes;
        let (Some(n), Some(w)) =
            (nodes.get(row), nodes.get(row).and_then(|n| self.doc.session.whys.get(n.index)))
        else {
            return Vec::new();
        };
        // The guides of the nearest `max_levels` ancestors, outermost first.
        let shown = n.depth.min(self.max_levels);
        let mut segments = Vec::with_capacity(shown);
        let mut up = n.parent;
        while let Some(p) = up.filter(|_| segments.len() < shown) {
            let parent = &nodes[p];
            segments.push(if parent.last { "   " } else { "│  " });
            up = parent.parent;
        }
        segments.reverse();
        let mut guides: String = segments.concat();
        if n.depth > self.max_levels {
            guides = format!("⋯{}", guides.chars().skip(1).collect::<String>());
        }
        let folded = self.doc.whys.collapsed.contains(&w.id);
        let below = if n.has_children && !folded { "│ " } else { "  " };
        let head = format!("{guides}{}", if n.last { "└─ " } else { "├─ " });
        let cont = format!("{guides}{}{below}", if n.last { "   " } else { "│  " });
        let mark = glyph(self.states.get(&w.id), w);
        let fold = if folded { format!(" ▸{}", n.hidden) } else { String::new() };
        let link = if n.factors.is_empty() { String::new() } else { format!(" →{}", n.factors) };
        let lead = format!("{mark} {}{fold} ", w.id);
        let selected = self.selected_row == Some(row);
        let room = width.saturating_sub(1 + head.width() + lead.width()).max(8);
        let body = format!("{}{link}", w.text.replace('\n', " "));
        let style = if selected { theme.selected } else { theme.base };
        let mut out = Vec::new();
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
            out.push(Row { text: Line::from(spans), node });
        }
        out
    }
}

/// The side pane: the selected answer, a wrong turn re-asked, then what is left to look at.
pub fn side(model: &Model, doc: &Doc) -> Vec<Line<'static>> {
    let theme = &model.theme;
    let mut lines = Vec::new();
    let overview = doc.overview(&model.policy);
    let all = &overview.whys;
    if doc.whys.incident {
        lines.push(Line::styled(messages::INCIDENT_SELECTED, theme.title));
        lines.push(key_line(model, Intent::AddChildWhy, messages::ASK_OF_INCIDENT));
        lines.push(Line::raw(""));
    }
    if let Some(w) = selected(doc) {
        let state = overview.states.get(&w.id);
        let layout = doc.why_layout();
        let depth = layout.row_of(&w.id).and_then(|r| layout.nodes.get(r)).map_or(0, |n| n.depth);
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
    lines.extend(check_lines(model, all, "Checks"));
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
