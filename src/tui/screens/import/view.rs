//! Drawing the import screen: the path and how the file is read, the window of lines with
//! their ticks and times, the line under the cursor in full, and where the ticked events
//! fall among the review's own (beside the lines when there is room, a summary when not).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::import::Choice;
use crate::import::preview::{Place, Placed, Reading, Row, placement};
use crate::model::text::sanitize_line;
use crate::tui::app::Model;
use crate::tui::render::Drawn;
use crate::tui::screens::import::state::{ImportScreen, Opened, Phase};
use crate::tui::screens::import::words;
use crate::tui::theme::Theme;
use crate::tui::widgets::{footer, truncate};

/// From this width the placement sits beside the lines.
const SIDE_BY_SIDE: u16 = 100;
const SIDE_WIDTH: u16 = 40;

pub fn render(
    model: &Model,
    screen: &ImportScreen,
    frame: &mut Frame,
    area: Rect,
    drawn: &mut Drawn,
) {
    let theme = &model.theme;
    frame.render_widget(Clear, area);
    frame.render_widget(Block::new().style(theme.base), area);
    let [header, path_row, about_row, body, status_row, notice_row, footer_row] =
        Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(4),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
    frame.render_widget(
        Paragraph::new(format!(" waterline — {}", words::TITLE)).style(theme.header),
        header,
    );
    path(theme, screen, frame, path_row);
    frame.render_widget(Paragraph::new(about(theme, screen)), about_row);
    match &screen.file {
        Some(file) => {
            let (list_area, side) = if area.width >= SIDE_BY_SIDE {
                let [list, side] =
                    Layout::horizontal([Constraint::Min(40), Constraint::Length(SIDE_WIDTH)])
                        .areas(body);
                (list, Some(side))
            } else {
                (body, None)
            };
            lines(theme, screen, file, frame, list_area, drawn);
            if let Some(side) = side {
                where_they_fall(model, file, frame, side);
            }
            let events =
                model.doc.as_ref().map(|d| d.session.events.as_slice()).unwrap_or_default();
            let placed = placement(events, &file.ticked);
            let line = status(theme, screen, file, &placed, side.is_none());
            frame.render_widget(Paragraph::new(line), status_row);
        }
        None => {
            let text = vec![
                Line::raw(""),
                Line::raw("  Plain logs, journald JSON, Slack exports (a folder or a file),"),
                Line::raw("  chat transcripts, CSV and JSON Lines. The format is detected;"),
                Line::raw("  it can be chosen instead. Nothing is added until you say so."),
            ];
            frame.render_widget(Paragraph::new(text).style(theme.dim), body);
        }
    }
    if let Some(notice) = footer::notice(model) {
        frame.render_widget(Paragraph::new(notice), notice_row);
    }
    frame.render_widget(Paragraph::new(footer::line(model, area.width)), footer_row);
}

fn path(theme: &Theme, screen: &ImportScreen, frame: &mut Frame, area: Rect) {
    let choice = match screen.choice {
        Choice::Auto => "auto".to_string(),
        Choice::Only(format) => format.label().to_string(),
    };
    let choice = format!(" {} ", words::choice(&choice));
    let label = format!(" {}: ", words::PATH_LABEL);
    let [label_area, field, choice_area] = Layout::horizontal([
        Constraint::Length(label.chars().count() as u16),
        Constraint::Min(10),
        Constraint::Length(choice.chars().count() as u16),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(label).style(theme.title), label_area);
    let focused = screen.phase == Phase::Path;
    frame.render_widget(&screen.path.widget(focused, theme.base, theme.cursor), field);
    frame.render_widget(Paragraph::new(choice).style(theme.dim), choice_area);
}

/// How the file is read, or why it could not be.
fn about(theme: &Theme, screen: &ImportScreen) -> Line<'static> {
    if let Some(problem) =
        screen.problem.as_ref().or(screen.file.as_ref().and_then(|f| f.problem.as_ref()))
    {
        return Line::styled(format!(" ⚠ {problem}"), theme.problem);
    }
    let zone = screen.settings.zone.label();
    match &screen.file {
        Some(file) => {
            let how = if file.detected {
                format!("{} ({})", file.format.label(), words::DETECTED)
            } else {
                file.format.label().to_string()
            };
            Line::from(vec![
                Span::styled(format!(" {how}"), theme.title),
                Span::styled(format!(" · {}", words::zone(&zone, file.kind.as_str())), theme.dim),
            ])
        }
        None => Line::styled(
            format!(" {}", words::zone(&zone, "observations or communication")),
            theme.dim,
        ),
    }
}

fn lines(
    theme: &Theme,
    screen: &ImportScreen,
    file: &Opened,
    frame: &mut Frame,
    area: Rect,
    drawn: &mut Drawn,
) {
    let name = file.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let block = Block::bordered()
        .title(format!(" {} ", sanitize_line(&name)))
        .border_style(if screen.phase == Phase::Path { theme.border } else { theme.border_focus });
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // The last row of the box holds the line under the cursor in full.
    let [list, detail] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    drawn.import_rows = Some(usize::from(list.height));
    let width = usize::from(list.width);
    let ticked = file.preview.ticked();
    let text: Vec<Line> = (file.rows.iter().take(usize::from(list.height)))
        .enumerate()
        .map(|(i, row)| {
            let here = file.offset + i as u64 == file.selected;
            row_line(theme, screen, row, here, ticked.contains(&row.row), width)
        })
        .collect();
    if text.is_empty() {
        let empty = if file.filter.trim().is_empty() { words::READING } else { words::NO_MATCH };
        frame.render_widget(Paragraph::new(format!("  {empty}")).style(theme.dim), list);
    } else {
        frame.render_widget(Paragraph::new(text), list);
    }
    if let Some(row) = file.selected_in_window() {
        frame.render_widget(
            Paragraph::new(truncate(&detail_of(row), width)).style(theme.dim),
            detail,
        );
    }
}

fn row_line(
    theme: &Theme,
    screen: &ImportScreen,
    row: &Row,
    here: bool,
    ticked: bool,
    width: usize,
) -> Line<'static> {
    let cursor = if here { "▶" } else { " " };
    let (mark, time, style) = match &row.reading {
        Reading::Event(c) if screen.is_duplicate(c) => {
            ("[=]", c.at.format("%H:%M:%S").to_string(), theme.dim)
        }
        Reading::Event(c) => {
            let mark = if ticked { "[x]" } else { "[ ]" };
            (mark, c.at.format("%H:%M:%S").to_string(), theme.base)
        }
        Reading::Continues => ("   ", "   ┆    ".to_string(), theme.dim),
        Reading::Blank | Reading::Ignored => ("   ", String::from("        "), theme.dim),
        Reading::NotUnderstood(_) => (" ? ", String::from("  --    "), theme.dim),
    };
    let head = format!("{cursor}{mark} {:>6} {time} ", row.line);
    let room = width.saturating_sub(head.chars().count());
    let style = if here {
        theme.selected
    } else if ticked {
        theme.good
    } else {
        style
    };
    // An event shows what it will say (its time is beside it); any other line as it is.
    let text = match &row.reading {
        Reading::Event(c) => c.text.as_str(),
        _ => row.text.as_str(),
    };
    Line::from(vec![Span::styled(head, style), Span::styled(truncate(text, room), style)])
}

/// The line under the cursor: the event it becomes, or why it does not.
fn detail_of(row: &Row) -> String {
    match &row.reading {
        Reading::Event(c) => {
            let author =
                c.author.as_deref().map(|a| format!(" · {}", sanitize_line(a))).unwrap_or_default();
            format!(
                " {} · {}{author} · {}",
                c.at.format("%Y-%m-%d %H:%M:%S %:z"),
                sanitize_line(&c.source),
                c.text
            )
        }
        Reading::Continues => format!(" line {} {}", row.line, words::CONTINUES),
        Reading::Blank => format!(" line {}: blank", row.line),
        Reading::Ignored => format!(" line {}: not an event", row.line),
        Reading::NotUnderstood(why) => format!(" line {}: {why}", row.line),
    }
}

fn status(
    theme: &Theme,
    screen: &ImportScreen,
    file: &Opened,
    placed: &[Placed],
    narrow: bool,
) -> Line<'static> {
    let mut parts = vec![words::lines_read(file.indexed.rows, file.indexed.done)];
    if screen.phase == Phase::Filter || !file.filter.is_empty() {
        let filter = sanitize_line(&file.filter);
        if screen.phase == Phase::Filter {
            parts.push(format!("filter: {filter}▏"));
        }
        if !filter.is_empty() {
            parts.push(words::shown(file.visible(), &filter));
        }
    }
    let duplicates = placed.iter().filter(|p| matches!(p.place, Place::Duplicate { .. })).count();
    parts.push(words::ticked(file.ticked.len(), duplicates));
    if narrow && !file.ticked.is_empty() {
        let new: Vec<_> = placed.iter().filter(|p| matches!(p.place, Place::New { .. })).collect();
        let time = |p: Option<&&Placed>| p.map(|p| p.at.format("%H:%M").to_string());
        parts.push(words::falls(
            new.len(),
            time(new.first()).as_deref(),
            time(new.last()).as_deref(),
        ));
    }
    Line::styled(format!(" {}", parts.join(" · ")), theme.dim)
}

/// The review's events with the ticked ones among them: the new ones and the events just
/// before and after each, so the room sees where each lands.
fn where_they_fall(model: &Model, file: &Opened, frame: &mut Frame, area: Rect) {
    let theme = &model.theme;
    let block = Block::bordered().title(words::WHERE_THEY_FALL).border_style(theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    if file.ticked.is_empty() {
        let text: Vec<Line> = crate::tui::widgets::wrap(words::NOTHING_TICKED_SHORT, width)
            .into_iter()
            .map(|l| Line::styled(l, theme.dim))
            .collect();
        frame.render_widget(Paragraph::new(text), inner);
        return;
    }
    let events = model.doc.as_ref().map(|d| d.session.events.as_slice()).unwrap_or_default();
    let placed = placement(events, &file.ticked);
    let near: Vec<bool> = (0..placed.len())
        .map(|i| {
            let imported = |j: usize| {
                placed.get(j).is_some_and(|p| !matches!(p.place, Place::Existing { .. }))
            };
            imported(i) || imported(i + 1) || (i > 0 && imported(i - 1))
        })
        .collect();
    let text_of =
        |row: u64| file.ticked.iter().find(|(r, _)| *r == row).map(|(_, c)| c.text.as_str());
    let mut lines: Vec<Line> = Vec::new();
    let mut gap = false;
    let mut day = None;
    for (p, shown) in placed.iter().zip(near) {
        if !shown {
            gap = true;
            continue;
        }
        if std::mem::take(&mut gap) {
            lines.push(Line::styled("   ⋮", theme.dim));
        }
        // Times are shown without their day, so a new day gets a line of its own.
        if day != Some(p.at.date_naive()) {
            day = Some(p.at.date_naive());
            lines.push(Line::styled(format!("── {} ──", p.at.format("%Y-%m-%d")), theme.day));
        }
        let time = p.at.format("%H:%M").to_string();
        let (line, style) = match &p.place {
            Place::Existing { id } => {
                let text =
                    events.iter().find(|e| &e.id == id).map(|e| e.text.as_str()).unwrap_or("");
                (format!("  {time} {id} {text}"), theme.dim)
            }
            Place::New { row } => (format!("+ {time} {}", text_of(*row).unwrap_or("")), theme.good),
            Place::Duplicate { row } => {
                (format!("= {time} {} (already there)", text_of(*row).unwrap_or("")), theme.dim)
            }
        };
        lines.push(Line::styled(truncate(&line, width), style));
    }
    // Keep the first new event in view when the list is long.
    let first_new =
        lines.iter().position(|l| l.spans.first().is_some_and(|s| s.content.starts_with('+')));
    let skip = first_new.map_or(0, |i| i.saturating_sub(2));
    let skip = skip.min(lines.len().saturating_sub(usize::from(inner.height)));
    frame.render_widget(Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()), inner);
}
