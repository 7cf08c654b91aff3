//! Semantic styles. Meaning never rides on colour alone: every style that matters also
//! carries a modifier, and the glyphs in the screens say the same thing again.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeName {
    Default,
    Mono,
}

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub name: ThemeName,
    pub base: Style,
    pub dim: Style,
    pub title: Style,
    pub header: Style,
    pub step_current: Style,
    pub step_other: Style,
    pub selected: Style,
    pub border: Style,
    pub border_focus: Style,
    pub key: Style,
    pub problem: Style,
    pub good: Style,
    pub milestone: Style,
    pub day: Style,
    pub cursor: Style,
}

impl Theme {
    /// Mono when `NO_COLOR` is set (any value), as https://no-color.org asks.
    pub fn from_env() -> Theme {
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            Theme::mono()
        } else {
            Theme::default_theme()
        }
    }

    pub fn default_theme() -> Theme {
        let bold = Modifier::BOLD;
        Theme {
            name: ThemeName::Default,
            base: Style::default(),
            dim: Style::default().fg(Color::Gray).add_modifier(Modifier::DIM),
            title: Style::default().fg(Color::Cyan).add_modifier(bold),
            header: Style::default().fg(Color::White).bg(Color::Blue).add_modifier(bold),
            step_current: Style::default().fg(Color::Black).bg(Color::Cyan).add_modifier(bold),
            step_other: Style::default().fg(Color::Gray),
            selected: Style::default().fg(Color::Black).bg(Color::Cyan).add_modifier(bold),
            border: Style::default().fg(Color::DarkGray),
            border_focus: Style::default().fg(Color::Cyan),
            key: Style::default().fg(Color::Yellow).add_modifier(bold),
            problem: Style::default().fg(Color::LightRed).add_modifier(bold),
            good: Style::default().fg(Color::Green),
            milestone: Style::default().fg(Color::Magenta).add_modifier(bold),
            day: Style::default().fg(Color::Cyan).add_modifier(Modifier::UNDERLINED),
            cursor: Style::default().add_modifier(Modifier::REVERSED),
        }
    }

    pub fn mono() -> Theme {
        let plain = Style::default();
        let bold = plain.add_modifier(Modifier::BOLD);
        let reversed = plain.add_modifier(Modifier::REVERSED | Modifier::BOLD);
        Theme {
            name: ThemeName::Mono,
            base: plain,
            dim: plain.add_modifier(Modifier::DIM),
            title: bold,
            header: reversed,
            step_current: reversed,
            step_other: plain,
            selected: reversed,
            border: plain,
            border_focus: bold,
            key: bold,
            problem: bold,
            good: plain,
            milestone: bold,
            day: plain.add_modifier(Modifier::UNDERLINED),
            cursor: plain.add_modifier(Modifier::REVERSED),
        }
    }
}
