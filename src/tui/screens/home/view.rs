//! The home screen: reviews in the data folder, newest change first, with the incident's
//! date, severity and status, their state in git, and a filter typed over them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState, Wrap};

use crate::tui::app::Model;
use crate::tui::intent::Intent;
use crate::tui::messages;
use crate::tui::widgets::{footer, truncate};

pub fn render(model: &Model, frame: &mut Frame, area: Rect) {
    let theme = &model.theme;
    let [header, body, notice_row, footer_row] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(" waterline — blameless postmortems").style(theme.header),
        header,
    );
    let home = &model.home;
    let visible = home.visible();
    let reading = if home.left > 0 { messages::home_reading(home.left) } else { String::new() };
    let count = match &home.filter {
        Some(f) => format!(
            " Reviews · {} of {} {reading}· filter: {}▏ ",
            messages::grouped(visible.len()),
            messages::grouped(home.listings.len()),
            f
        ),
        None => format!(" Reviews · {} {reading}", messages::grouped(home.listings.len())),
    };
    let block = Block::bordered().title(count).border_style(theme.border);
    if home.listings.is_empty() {
        let key = |a: Intent| {
            model.keymap.key_for(&model.contexts(), &a).map(|k| k.to_string()).unwrap_or_default()
        };
        let lines = vec![
            Line::raw(""),
            Line::raw("  No reviews here yet."),
            Line::raw(""),
            Line::raw(format!("  Press {} to start a new review,", key(Intent::NewReview))),
            Line::raw(format!(
                "  or {} to look around the example review first.",
                key(Intent::OpenDemo)
            )),
            Line::raw(""),
            Line::styled("  From a shell: waterline new \"Payment API errors\"", theme.dim),
        ];
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block), body);
    } else if visible.is_empty() {
        let lines = vec![Line::raw(""), Line::styled(messages::HOME_NO_MATCH, theme.dim)];
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block), body);
    } else {
        let in_git = !home.git.is_empty();
        // The git column takes no room outside git; a narrow screen drops the time of the last
        // change, whole, before the title is cut.
        let git_width = if in_git { 10 } else { 0 };
        let wide = body.width >= WIDE;
        let changed_width = if wide { 16 } else { 0 };
        // What the title column gets (borders, the selection mark, the other columns and
        // one space between each): a longer title ends in "…" rather than mid-word.
        let others = 10 + 8 + 9 + git_width + changed_width + 4 + 6;
        let title_room = usize::from(body.width).saturating_sub(2 + 2 + usize::from(others));
        let rows = visible.iter().map(|l| {
            let changed = l
                .modified
                .map(|t| {
                    chrono::DateTime::<chrono::Local>::from(t).format("%Y-%m-%d %H:%M").to_string()
                })
                .unwrap_or_default();
            let git = Cell::from(home.git_state(l).label());
            match &l.summary {
                Ok(s) => Row::new(vec![
                    Cell::from(truncate(&s.title, title_room)),
                    Cell::from(s.started.map(|d| d.to_string()).unwrap_or_else(|| "—".into())),
                    Cell::from(s.severity.clone()),
                    Cell::from(s.status.as_str()),
                    git,
                    Cell::from(changed),
                    Cell::from(s.open_actions.to_string()),
                ]),
                Err(_) => Row::new(vec![
                    Cell::from(format!("⚠ {} — cannot be read", file_name(&l.path))),
                    Cell::from(""),
                    Cell::from(""),
                    Cell::from(""),
                    git,
                    Cell::from(changed),
                    Cell::from(""),
                ])
                .style(theme.problem),
            }
        });
        let table = Table::new(
            rows,
            [
                Constraint::Min(20),
                Constraint::Length(10),
                Constraint::Length(8),
                Constraint::Length(9),
                Constraint::Length(git_width),
                Constraint::Length(changed_width),
                Constraint::Length(4),
            ],
        )
        .header(
            Row::new(vec![
                "Title",
                "Incident",
                "Severity",
                "Status",
                if in_git { "Git" } else { "" },
                if wide { "Last change" } else { "" },
                "Open",
            ])
            .style(theme.title),
        )
        .row_highlight_style(theme.selected)
        .highlight_symbol("▶ ")
        .block(block);
        let mut state = TableState::default().with_selected(Some(home.selected));
        frame.render_stateful_widget(table, body, &mut state);
    }
    if let Some(notice) = footer::notice(model) {
        frame.render_widget(Paragraph::new(notice), notice_row);
    }
    frame.render_widget(Paragraph::new(footer::line(model, area.width)), footer_row);
}

/// From this width the list shows when each review last changed.
const WIDE: u16 = 100;

fn file_name(path: &std::path::Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}
