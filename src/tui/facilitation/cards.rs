//! Prompt cards in the side pane: the opening statement on blamelessness, each step's prompt
//! and its questions, in the room's voice or, for a self-review, the first person. The words
//! (and the agenda's and presentation mode's) live in `assets/prompts.toml`.

use std::collections::HashMap;
use std::sync::LazyLock;

use ratatui::text::Line;
use serde::Deserialize;

use crate::model::Mode;
use crate::tui::app::{Doc, Model};
use crate::tui::facilitation::prompts;
use crate::tui::steps::Step;

const PROMPTS: &str = include_str!("../../../assets/prompts.toml");

/// One card: a heading and what to say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Card {
    pub title: String,
    #[serde(rename = "prompt")]
    pub text: String,
}

/// Which card each step shows; a step keeps its place when the room comes back to it.
#[derive(Debug, Clone, Default)]
pub struct CardPosition {
    at: [usize; Step::ALL.len()],
}

/// The words this module and its neighbours read from the asset.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Words {
    opening: Card,
    cards: Bank,
    #[serde(rename = "self-review")]
    self_review: SelfReview,
    pub agenda: AgendaWords,
    pub present: PresentWords,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Bank {
    title: String,
    questions: HashMap<String, Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SelfReview {
    opening: Card,
    cards: Bank,
    prompts: HashMap<String, Card>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AgendaWords {
    /// The notice when a step runs past its timebox: `{step}`, `{spent}`, `{timebox}`.
    pub over: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PresentWords {
    pub on: String,
    pub off: String,
    pub leave: String,
    pub step_of: String,
    pub clock: String,
    pub of: String,
    pub roles: String,
    /// A participant with no role given.
    pub participant: String,
    /// Per step: where the selected item sits (`{n}` of `{total}`).
    pub items: HashMap<String, String>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| toml::from_str(PROMPTS).unwrap_or_default());

pub fn words() -> &'static Words {
    &WORDS
}

/// A step's cards, in order, for the review's mode.
pub fn deck(step: Step, mode: Mode) -> Vec<Card> {
    let w = words();
    let (opening, bank, prompt) = match mode {
        Mode::Facilitated => {
            let p = prompts::for_step(step);
            (&w.opening, &w.cards, Card { title: p.title, text: p.prompt })
        }
        Mode::SelfReview => {
            let p = w.self_review.prompts.get(step.key()).cloned().unwrap_or_default();
            (&w.self_review.opening, &w.self_review.cards, p)
        }
    };
    let questions = bank.questions.get(step.key()).into_iter().flatten();
    let mut deck = vec![prompt];
    deck.extend(questions.map(|q| Card { title: bank.title.clone(), text: q.clone() }));
    // A review begins on the Timeline: the room hears the opening statement first.
    if step == Step::Timeline {
        deck.insert(0, opening.clone());
    } else {
        deck.push(opening.clone());
    }
    deck
}

impl CardPosition {
    /// The card shown on `step`, its place (from 0) and the deck's size.
    pub fn current(&self, step: Step, mode: Mode) -> (Card, usize, usize) {
        let deck = deck(step, mode);
        let n = deck.len();
        let i = self.at[step.index()] % n.max(1);
        (deck.into_iter().nth(i).unwrap_or_default(), i, n)
    }

    /// The next card (or the previous one), going round.
    pub fn cycle(&mut self, step: Step, mode: Mode, forward: bool) {
        let n = deck(step, mode).len().max(1);
        let i = &mut self.at[step.index()];
        *i = if forward { (*i + 1) % n } else { (*i + n - 1) % n };
    }
}

/// The side pane's card: a heading with its place in the deck, then what it says.
pub fn side(model: &Model, doc: &Doc) -> Vec<Line<'static>> {
    let theme = &model.theme;
    let (card, i, n) = doc.cards.current(doc.step, doc.session.incident.mode);
    let mut lines = vec![Line::styled(format!("{} · {}/{}", card.title, i + 1, n), theme.title)];
    lines.extend(card.text.lines().map(|l| Line::styled(l.to_string(), theme.dim)));
    lines
}

/// `template` with each `{name}` replaced.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(template.to_string(), |s, (k, v)| s.replace(&format!("{{{k}}}"), v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_has_cards_in_both_voices() {
        let w: Words = toml::from_str(PROMPTS).expect("assets/prompts.toml parses");
        for mode in [Mode::Facilitated, Mode::SelfReview] {
            for step in Step::ALL {
                let deck = deck(step, mode);
                assert!(deck.len() >= 4, "{step:?} {mode:?}: prompt, questions, opening");
                assert!(deck.iter().all(|c| !c.title.is_empty() && !c.text.trim().is_empty()));
            }
        }
        assert!(!w.agenda.over.is_empty() && !w.present.on.is_empty() && !w.present.of.is_empty());
    }

    #[test]
    fn self_review_speaks_in_the_first_person() {
        let questions = &words().self_review.cards.questions;
        let all: Vec<&String> = questions.values().flatten().collect();
        assert!(all.iter().any(|q| q.contains("What was hard")));
        assert!(all.iter().any(|q| q.contains("What did I need that I did not have")));
        for q in &all {
            assert!(!q.contains(" you "), "first person: {q}");
        }
    }

    #[test]
    fn questions_carry_no_hindsight() {
        let w = words();
        let banks = [&w.cards.questions, &w.self_review.cards.questions];
        for q in banks.iter().flat_map(|b| b.values().flatten()) {
            let lower = q.to_lowercase();
            for word in ["should have", "should've", "could've", "careless", "why did you"] {
                assert!(!lower.contains(word), "{q}");
            }
        }
    }

    #[test]
    fn cycling_goes_round_and_each_step_keeps_its_place() {
        let mut at = CardPosition::default();
        let n = deck(Step::Whys, Mode::Facilitated).len();
        for _ in 0..n {
            at.cycle(Step::Whys, Mode::Facilitated, true);
        }
        assert_eq!(at.current(Step::Whys, Mode::Facilitated).1, 0);
        at.cycle(Step::Whys, Mode::Facilitated, false);
        assert_eq!(at.current(Step::Whys, Mode::Facilitated).1, n - 1);
        assert_eq!(at.current(Step::Timeline, Mode::Facilitated).1, 0);
    }
}
