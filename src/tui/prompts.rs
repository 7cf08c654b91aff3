//! The facilitator's words for each step, from `assets/prompts.toml`.

use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;

use super::action::Step;

const PROMPTS: &str = include_str!("../../assets/prompts.toml");

#[derive(Debug, Clone, Default, Deserialize)]
pub struct StepPrompt {
    pub title: String,
    pub prompt: String,
    /// For a step still being built: what it will hold.
    #[serde(default)]
    pub coming: Option<String>,
}

static ALL: LazyLock<HashMap<String, StepPrompt>> =
    LazyLock::new(|| toml::from_str(PROMPTS).unwrap_or_default());

/// The prompt for a step; empty if the asset lacks it (a test makes sure it doesn't).
pub fn for_step(step: Step) -> StepPrompt {
    ALL.get(step.key()).cloned().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_has_a_prompt() {
        let parsed: HashMap<String, StepPrompt> =
            toml::from_str(PROMPTS).expect("assets/prompts.toml parses");
        for step in Step::ALL {
            let p = parsed.get(step.key()).expect("step has prompts");
            assert!(!p.prompt.trim().is_empty(), "{step:?}");
            // Steps that work say nothing of what is coming; the others say what they will hold.
            let working = [Step::Timeline, Step::Behaviours, Step::Actions];
            assert_eq!(p.coming.is_none(), working.contains(&step), "{step:?}");
        }
    }
}
