//! The follow-up meeting: one committed action at a time — is it done? verified? what is
//! the evidence? — then a summary of where the review's actions stand.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::analysis::followup::{Urgency, urgency};
use crate::model::{ActionItem, ActionStatus};
use crate::tui::app::{Doc, Model};
use crate::tui::messages;
use crate::tui::steps::actions::state::committed;
use crate::tui::steps::actions::view::due_label;

pub fn render(
    model: &Model,
    doc: &Doc,
    index: usize,
    finished: bool,
    frame: &mut Frame,
    area: Rect,
) {
    let theme = &model.theme;
    let list = committed(&doc.session.actions);
    let title = if finished {
        " Follow-up meeting · summary ".to_string()
    } else {
        format!(" Follow-up meeting · action {} of {} ", (index + 1).min(list.len()), list.len())
    };
    let lines = match list.get(index).map(|i| &doc.session.actions[*i]) {
        Some(_) if finished => summary(model, doc),
        Some(a) => one_action(model, a),
        None => vec![Line::styled(messages::NO_COMMITTED, theme.dim)],
    };
    let block = Block::bordered().title(title).border_style(theme.border_focus);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block), area);
}

fn one_action(model: &Model, a: &ActionItem) -> Vec<Line<'static>> {
    let theme = &model.theme;
    let who: Vec<&str> =
        [a.team.trim(), a.owner.trim()].into_iter().filter(|s| !s.is_empty()).collect();
    let mut head = vec![
        format!("{} {}", a.status.glyph(), a.status.label()),
        who.join(" · "),
        format!("due {}", due_label(a, model.today())),
    ];
    if !a.ticket.trim().is_empty() {
        head.push(a.ticket.trim().to_string());
    }
    head.retain(|s| !s.is_empty());
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!("{}  ", a.id), theme.key),
            Span::raw(head.join(" · ")),
        ]),
        Line::raw(""),
    ];
    lines.extend(a.text.lines().map(|l| Line::styled(l.to_string(), theme.title)));
    lines.push(Line::raw(""));
    let [done, verified, evidence] = messages::WALK_QUESTIONS;
    let answered = |yes: bool| if yes { "✓" } else { "·" };
    let is_done = matches!(a.status, ActionStatus::Done | ActionStatus::Verified);
    lines.push(question(model, answered(is_done), done.0, done.1));
    lines.push(question(
        model,
        answered(a.status == ActionStatus::Verified),
        verified.0,
        verified.1,
    ));
    let note = if a.verification.trim().is_empty() {
        format!("({}) — {}", "none recorded yet", evidence.1)
    } else {
        a.verification.trim().to_string()
    };
    lines.push(question(model, answered(!a.verification.trim().is_empty()), evidence.0, &note));
    if a.status == ActionStatus::WontDo {
        let decision = format!("{} — a risk accepted on purpose", a.decision.trim());
        lines.push(question(model, "⊘", "Decision", &decision));
    }
    lines
}

fn question(model: &Model, mark: &str, q: &str, hint: &str) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{mark} {q:<16}"), model.theme.title),
        Span::raw(hint.to_string()),
    ])
}

/// Where the review's committed actions stand after the meeting.
fn summary(model: &Model, doc: &Doc) -> Vec<Line<'static>> {
    let theme = &model.theme;
    let today = model.today();
    let actions: Vec<&ActionItem> =
        committed(&doc.session.actions).into_iter().map(|i| &doc.session.actions[i]).collect();
    let count = |s: ActionStatus| actions.iter().filter(|a| a.status == s).count();
    let open = actions.iter().filter(|a| a.status.is_open()).count();
    let overdue = actions.iter().filter(|a| urgency(a, today) == Some(Urgency::Overdue)).count();
    let mut lines = vec![
        Line::styled(
            messages::meeting_summary(
                count(ActionStatus::Done),
                count(ActionStatus::Verified),
                open,
                overdue,
            ),
            theme.title,
        ),
        Line::raw(""),
    ];
    for a in actions {
        let late = if urgency(a, today) == Some(Urgency::Overdue) { " · late" } else { "" };
        let text = a.text.replace('\n', " ");
        lines.push(Line::raw(format!(
            "{} {:<4} {:<12}{late} {text}",
            a.status.glyph(),
            a.id,
            a.status.label()
        )));
    }
    lines
}

/// The side pane during the meeting: every committed action with its status, the current
/// one marked.
pub fn progress(model: &Model, doc: &Doc) -> Vec<Line<'static>> {
    let theme = &model.theme;
    let current = doc.walked_action().map(|a| a.id.clone());
    let mut lines = vec![Line::styled("This review's actions", theme.title)];
    for i in committed(&doc.session.actions) {
        let a = &doc.session.actions[i];
        let mark = if current.as_ref() == Some(&a.id) { "▶" } else { " " };
        let late =
            if urgency(a, model.today()) == Some(Urgency::Overdue) { " · late" } else { "" };
        lines.push(Line::raw(format!(
            "{mark}{} {:<4} {}{late}",
            a.status.glyph(),
            a.id,
            a.status.label()
        )));
    }
    lines
}
