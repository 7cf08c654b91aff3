//! Keys as data: (context, key) → action. Defaults come from `assets/keymap.toml`; a
//! person's `config.toml` may override them. Read backwards, the same table gives the footer
//! hints and the help screen.

use std::fmt;

use crate::tui::intent::Intent;
use crate::tui::steps::Step;

const DEFAULTS: &str = include_str!("../../assets/keymap.toml");

/// A key press, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyInput {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyCode {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

impl KeyInput {
    pub const fn plain(code: KeyCode) -> Self {
        KeyInput { code, ctrl: false, alt: false }
    }

    pub const fn char(c: char) -> Self {
        Self::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Self {
        KeyInput { code: KeyCode::Char(c), ctrl: true, alt: false }
    }

    /// Reads `a`, `A`, `?`, `ctrl-z`, `alt-enter`, `pagedown`, `f1`.
    pub fn parse(chord: &str) -> Option<KeyInput> {
        let mut rest = chord;
        let (mut ctrl, mut alt) = (false, false);
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.len() > 5 && lower.starts_with("ctrl-") {
                ctrl = true;
                rest = &rest[5..];
            } else if rest.len() > 4 && lower.starts_with("alt-") {
                alt = true;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" | "shift-tab" => KeyCode::BackTab,
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pageup" => KeyCode::PageUp,
                "pagedown" => KeyCode::PageDown,
                "space" => KeyCode::Char(' '),
                other => {
                    let n: u8 = other.strip_prefix('f')?.parse().ok()?;
                    if !(1..=12).contains(&n) {
                        return None;
                    }
                    KeyCode::F(n)
                }
            },
        };
        Some(KeyInput { code, ctrl, alt })
    }
}

impl fmt::Display for KeyInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) if self.ctrl => write!(f, "{}", c.to_ascii_uppercase()),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::F(n) => write!(f, "F{n}"),
        }
    }
}

/// Where a key is pressed. Resolution tries the most specific context first. A step's
/// modes are contexts of their own, so what a key does — and what the footer and help
/// offer — follows from the keymap and the mode alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyContext {
    Global,
    Home,
    /// Typing a filter for the home list: other keys are typed.
    HomeFilter,
    /// The follow-up view: open actions across reviews.
    FollowUp,
    Console,
    /// A step's list, in its usual mode.
    Step(Step),
    /// The Just Culture classifier, while questions remain.
    Classifier,
    /// The classifier at its outcome: drafts to take as actions.
    Outcome,
    /// On top of `Outcome` when the outcome is reckless: its evidence.
    RecklessOutcome,
    /// The outcome counts and warnings of the Behaviours step.
    BehaviourSummary,
    /// The follow-up meeting, one committed action at a time.
    Meeting,
    /// The meeting's closing summary.
    MeetingSummary,
    /// Conditions of this review seen in earlier ones.
    Recurrence,
    Form,
    /// Several pasted lines, offered as one event each.
    PasteOffer,
    Help,
    /// A list to choose from (a new parent, the evidence of a factor).
    Pick,
    /// On top of `Pick` when several items can be ticked.
    PickSeveral,
    /// A yes-or-no question, such as replacing a file with a report.
    Confirm,
    /// A review this console follows (another waterline writes it).
    Following,
    /// The question whether to take over a stale lock.
    TakeOver,
    /// The choice after a save found the file changed on disk or deleted.
    Conflict,
    /// The import screen's path field (other keys are typed).
    ImportPath,
    /// The import screen's lines: tick, filter, import.
    Import,
    /// Typing the import screen's filter (other keys are typed).
    ImportFilter,
    /// Merge conflicts, side by side.
    Conflicts,
    /// Across reviews: factors per quarter, recurrence, follow-through, response times.
    Insights,
}

impl KeyContext {
    const FIXED: [KeyContext; 26] = [
        Self::Global,
        Self::Home,
        Self::HomeFilter,
        Self::FollowUp,
        Self::Console,
        Self::Classifier,
        Self::Outcome,
        Self::RecklessOutcome,
        Self::BehaviourSummary,
        Self::Meeting,
        Self::MeetingSummary,
        Self::Recurrence,
        Self::Form,
        Self::PasteOffer,
        Self::Help,
        Self::Pick,
        Self::PickSeveral,
        Self::Confirm,
        Self::Following,
        Self::TakeOver,
        Self::Conflict,
        Self::ImportPath,
        Self::Import,
        Self::ImportFilter,
        Self::Conflicts,
        Self::Insights,
    ];

    /// The name of the context's table in keymap.toml and config.toml's `[keys]`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Global => "global",
            Self::Home => "home",
            Self::HomeFilter => "home_filter",
            Self::FollowUp => "followup",
            Self::Console => "console",
            Self::Step(step) => step.key(),
            Self::Classifier => "classifier",
            Self::Outcome => "outcome",
            Self::RecklessOutcome => "reckless_outcome",
            Self::BehaviourSummary => "behaviour_summary",
            Self::Meeting => "meeting",
            Self::MeetingSummary => "meeting_summary",
            Self::Recurrence => "recurrence",
            Self::Form => "form",
            Self::PasteOffer => "paste_offer",
            Self::Help => "help",
            Self::Pick => "pick",
            Self::PickSeveral => "pick_several",
            Self::Confirm => "confirm",
            Self::Following => "following",
            Self::TakeOver => "take_over",
            Self::Conflict => "conflict",
            Self::ImportPath => "import_path",
            Self::Import => "import",
            Self::ImportFilter => "import_filter",
            Self::Conflicts => "conflicts",
            Self::Insights => "insights",
        }
    }

    /// The heading the help overlay gives the context's keys.
    pub fn title(self) -> &'static str {
        match self {
            Self::Global => "Anywhere",
            Self::Home => "Home",
            Self::HomeFilter => "Filtering the list (other keys are typed)",
            Self::FollowUp => "Follow-up",
            Self::Console => "In a review",
            Self::Step(step) => step.title(),
            Self::Classifier => "Classifying an act",
            Self::Outcome => "The classifier's outcome",
            Self::RecklessOutcome => "A reckless outcome",
            Self::BehaviourSummary => "Behaviour summary",
            Self::Meeting => "Follow-up meeting",
            Self::MeetingSummary => "End of the meeting",
            Self::Recurrence => "Seen before",
            Self::Form => "In a form (other keys are typed)",
            Self::PasteOffer => "Pasted lines",
            Self::Help => "Help",
            Self::Pick => "Choosing from a list",
            Self::PickSeveral => "Ticking several",
            Self::Confirm => "A yes-or-no question",
            Self::Following => "Following a review",
            Self::TakeOver => "Taking over a review",
            Self::Conflict => "Changed on disk",
            Self::ImportPath => "Importing: the file (other keys are typed)",
            Self::Import => "Importing: the lines",
            Self::ImportFilter => "Importing: the filter (other keys are typed)",
            Self::Conflicts => "Merge conflicts",
            Self::Insights => "Insights",
        }
    }

    /// Every context, for validating and documenting the keymap.
    pub fn all() -> impl Iterator<Item = KeyContext> {
        Self::FIXED.into_iter().chain(Step::ALL.map(Self::Step))
    }

    pub fn parse(name: &str) -> Option<KeyContext> {
        Self::all().find(|c| c.name() == name)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub context: KeyContext,
    pub key: KeyInput,
    pub intent: Intent,
}

#[derive(Debug, Clone, Default)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Keymap {
    /// The built-in keys, with `overrides` (the `[keys]` table of config.toml) on top.
    /// Problems are returned as messages to show; the keymap is always usable.
    pub fn load(overrides: Option<&toml::Table>) -> (Keymap, Vec<String>) {
        let mut messages = Vec::new();
        let mut keymap = Keymap::default();
        match DEFAULTS.parse::<toml::Table>() {
            Ok(table) => keymap.apply(&table, "built-in keymap", &mut messages),
            Err(e) => messages.push(format!("built-in keymap: {e}")),
        }
        if let Some(table) = overrides {
            keymap.apply(table, "config.toml [keys]", &mut messages);
        }
        (keymap, messages)
    }

    fn apply(&mut self, table: &toml::Table, origin: &str, messages: &mut Vec<String>) {
        for (context_name, entries) in table {
            let Some(context) = KeyContext::parse(context_name) else {
                messages.push(format!("{origin}: unknown context [{context_name}] ignored"));
                continue;
            };
            let Some(entries) = entries.as_table() else {
                messages.push(format!("{origin}: [{context_name}] should be a table of keys"));
                continue;
            };
            let mut seen: Vec<KeyInput> = Vec::new();
            for (chord, action_name) in entries {
                let Some(key) = KeyInput::parse(chord) else {
                    messages
                        .push(format!("{origin}: [{context_name}] “{chord}” is not a key I know"));
                    continue;
                };
                let Some(action) = action_name.as_str().and_then(Intent::from_name) else {
                    messages.push(format!(
                        "{origin}: [{context_name}] “{chord}” = {action_name}: no such action"
                    ));
                    continue;
                };
                if seen.contains(&key) {
                    messages.push(format!(
                        "{origin}: [{context_name}] “{chord}” is bound twice; the last one wins"
                    ));
                }
                seen.push(key);
                self.bindings.retain(|b| !(b.context == context && b.key == key));
                self.bindings.push(Binding { context, key, intent: action });
            }
        }
    }

    /// The action for `key`, trying each context in order.
    pub fn resolve(&self, contexts: &[KeyContext], key: KeyInput) -> Option<Intent> {
        contexts.iter().find_map(|context| {
            self.bindings
                .iter()
                .find(|b| b.context == *context && b.key == key)
                .map(|b| b.intent.clone())
        })
    }

    /// Bindings reachable in these contexts, most specific first, one entry per action;
    /// a key shadowed by a more specific context is left out.
    pub fn reachable(&self, contexts: &[KeyContext]) -> Vec<(Vec<KeyInput>, Intent)> {
        let mut out: Vec<(Vec<KeyInput>, Intent)> = Vec::new();
        for context in contexts {
            for b in self.bindings.iter().filter(|b| b.context == *context) {
                if self.resolve(contexts, b.key).as_ref() != Some(&b.intent) {
                    continue;
                }
                match out.iter_mut().find(|(_, a)| *a == b.intent) {
                    Some((keys, _)) => {
                        if !keys.contains(&b.key) {
                            keys.push(b.key)
                        }
                    }
                    None => out.push((vec![b.key], b.intent.clone())),
                }
            }
        }
        out
    }

    /// Every binding of one context, in file order.
    pub fn in_context(&self, context: KeyContext) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.context == context)
    }

    /// The first key bound to `action` in any of `contexts`, for hints like "press a to add".
    pub fn key_for(&self, contexts: &[KeyContext], action: &Intent) -> Option<KeyInput> {
        self.reachable(contexts)
            .into_iter()
            .find(|(_, a)| a == action)
            .and_then(|(keys, _)| keys.first().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_keymap_loads_without_messages() {
        let (keymap, messages) = Keymap::load(None);
        assert!(messages.is_empty(), "{messages:?}");
        let ctx = [KeyContext::Step(Step::Timeline), KeyContext::Console, KeyContext::Global];
        assert_eq!(keymap.resolve(&ctx, KeyInput::char('a')), Some(Intent::AddEvent));
        assert_eq!(keymap.resolve(&ctx, KeyInput::char('q')), Some(Intent::Close));
        assert_eq!(keymap.resolve(&ctx, KeyInput::ctrl('c')), Some(Intent::Quit));
    }

    #[test]
    fn chords_parse_with_modifiers_and_names() {
        assert_eq!(KeyInput::parse("ctrl-z"), Some(KeyInput::ctrl('z')));
        assert_eq!(KeyInput::parse("A"), Some(KeyInput::char('A')));
        assert_eq!(KeyInput::parse("pagedown"), Some(KeyInput::plain(KeyCode::PageDown)));
        assert_eq!(KeyInput::parse("f13"), None);
        assert_eq!(KeyInput::parse("hyper-x"), None);
        assert_eq!(KeyInput::parse(""), None);
    }

    #[test]
    fn overrides_replace_defaults_and_problems_become_messages() {
        let overrides: toml::Table = toml::from_str(
            r#"
            [timeline]
            "n" = "add_event"
            "a" = "fly_to_the_moon"
            "hyper-q" = "quit"
            [nowhere]
            "x" = "quit"
            "#,
        )
        .expect("test config parses");
        let (keymap, messages) = Keymap::load(Some(&overrides));
        let ctx = [KeyContext::Step(Step::Timeline), KeyContext::Console, KeyContext::Global];
        assert_eq!(keymap.resolve(&ctx, KeyInput::char('n')), Some(Intent::AddEvent));
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("fly_to_the_moon")));
        assert!(messages.iter().any(|m| m.contains("hyper-q")));
        assert!(messages.iter().any(|m| m.contains("[nowhere]")));
    }

    #[test]
    fn reachable_hides_keys_shadowed_by_a_more_specific_context() {
        let (keymap, _) = Keymap::load(None);
        let ctx = [KeyContext::Step(Step::Timeline), KeyContext::Console, KeyContext::Global];
        let reachable = keymap.reachable(&ctx);
        let quit = reachable.iter().find(|(_, a)| *a == Intent::Quit).expect("quit is bound");
        assert_eq!(quit.0, [KeyInput::ctrl('c')], "q closes the review here, so it is not quit");
    }
}
