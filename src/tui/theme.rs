//! Semantic styles. Meaning never rides on colour alone: every style that matters also
//! carries a modifier, and the glyphs in the screens say the same thing again.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeName {
    Default,
    HighContrast,
    Mono,
}

impl ThemeName {
    pub const ALL: [ThemeName; 3] = [Self::Default, Self::HighContrast, Self::Mono];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Default => "default",
            Self::HighContrast => "high-contrast",
            Self::Mono => "mono",
        }
    }

    pub fn parse(name: &str) -> Option<ThemeName> {
        Self::ALL.into_iter().find(|t| t.as_str() == name)
    }
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
        Theme::choose(None)
    }

    /// The configured theme, except that `NO_COLOR` always wins.
    pub fn choose(configured: Option<ThemeName>) -> Theme {
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            return Theme::mono();
        }
        match configured.unwrap_or(ThemeName::Default) {
            ThemeName::Default => Theme::default_theme(),
            ThemeName::HighContrast => Theme::high_contrast(),
            ThemeName::Mono => Theme::mono(),
        }
    }

    /// For projectors and bright rooms: black and white with one strong accent, bold text.
    pub fn high_contrast() -> Theme {
        let bold = Modifier::BOLD;
        let on_black = Style::default().fg(Color::White).bg(Color::Black);
        let accent = Style::default().fg(Color::Black).bg(Color::Yellow).add_modifier(bold);
        Theme {
            name: ThemeName::HighContrast,
            base: on_black,
            dim: on_black,
            title: on_black.fg(Color::Yellow).add_modifier(bold),
            header: accent,
            step_current: accent,
            step_other: on_black.add_modifier(bold),
            selected: accent,
            border: on_black,
            border_focus: on_black.fg(Color::Yellow).add_modifier(bold),
            key: on_black.fg(Color::Yellow).add_modifier(bold),
            problem: on_black.fg(Color::LightRed).add_modifier(bold | Modifier::UNDERLINED),
            good: on_black.fg(Color::LightGreen).add_modifier(bold),
            milestone: on_black.fg(Color::LightMagenta).add_modifier(bold),
            day: on_black.add_modifier(Modifier::UNDERLINED | bold),
            cursor: Style::default().fg(Color::Black).bg(Color::White),
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
