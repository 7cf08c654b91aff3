//! The facilitator's words for each step, from `assets/prompts.toml`.

use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;

use crate::model::Category;
use crate::tui::steps::Step;

const PROMPTS: &str = include_str!("../../../assets/prompts.toml");

#[derive(Debug, Clone, Default, Deserialize)]
pub struct StepPrompt {
    pub title: String,
    pub prompt: String,
}

// Read per step, so the file's other tables (cards, the agenda's words) can have their own shape.
static ALL: LazyLock<HashMap<String, StepPrompt>> = LazyLock::new(|| steps(PROMPTS));

fn steps(text: &str) -> HashMap<String, StepPrompt> {
    let table: toml::Table = toml::from_str(text).unwrap_or_default();
    (Step::ALL.iter())
        .filter_map(|s| Some((s.key().to_string(), table.get(s.key())?.clone().try_into().ok()?)))
        .collect()
}

const CATEGORIES: &str = include_str!("../../../assets/factor_categories.toml");

#[derive(Debug, Clone, Default, Deserialize)]
struct CategoryPrompt {
    prompt: String,
}

static CATEGORY_PROMPTS: LazyLock<HashMap<String, CategoryPrompt>> =
    LazyLock::new(|| toml::from_str(CATEGORIES).unwrap_or_default());

/// The question to ask the room about one category of factor.
pub fn for_category(category: Category) -> &'static str {
    CATEGORY_PROMPTS.get(category.as_str()).map_or("", |p| p.prompt.as_str())
}

/// The prompt for a step; empty if the asset lacks it (a test makes sure it doesn't).
pub fn for_step(step: Step) -> StepPrompt {
    ALL.get(step.key()).cloned().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_has_a_prompt() {
        toml::from_str::<toml::Table>(PROMPTS).expect("assets/prompts.toml parses");
        let parsed = steps(PROMPTS);
        for step in Step::ALL {
            let p = parsed.get(step.key()).expect("step has prompts");
            assert!(!p.prompt.trim().is_empty(), "{step:?}");
        }
    }

    #[test]
    fn every_factor_category_has_a_question() {
        let parsed: HashMap<String, CategoryPrompt> =
            toml::from_str(CATEGORIES).expect("assets/factor_categories.toml parses");
        assert_eq!(parsed.len(), Category::ALL.len(), "no stray categories");
        for category in Category::ALL {
            assert!(for_category(category).ends_with('?'), "{category:?}");
        }
    }
}
