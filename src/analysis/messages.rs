//! Everything the checks say, in one place, so the wording stays consistent and blameless.

pub const OPEN_BRANCH: &str =
    "Stops before a system condition: ask why again, or mark it if it is one someone can change";
pub const SINGLE_ANSWER: &str =
    "A branch of a single answer: one why is rarely enough — what made this possible?";
pub const SINGLE_BRANCH: &str =
    "Incidents have contributing factors, not root causes — is there another branch?";

/// Asked of every wrong turn, whatever its kind.
pub const REASK_SYSTEM: &str = "What about the system allowed this to cause an incident?";
pub const REASK_LIKELY: &str = "What made that likely, possible and undetected?";
pub const REASK_ATTRIBUTE: &str = "What created that state, and why could it cause harm here?";
pub const REASK_KNOWLEDGE: &str =
    "Why wasn't the knowledge available where and when it was needed?";
pub const REASK_COUNTERFACTUAL: &str = "What did happen, and what made it make sense at the time?";
pub const REASK_ERROR: &str = "What made the error easy to make and hard to catch?";

pub fn wrong_turn(matched: &str) -> String {
    format!("“{matched}” lands on a person: ask what about the system allowed it")
}

pub fn reframed_turn(matched: &str, by: &str) -> String {
    format!("“{matched}” lands on a person; reframed by {by}, kept as the record")
}

pub fn reframes_nothing(target: &str) -> String {
    format!(
        "reframes {target}, which is not in this file: point `reframes` at the wrong turn it asks again, or remove it"
    )
}

pub fn reframes_no_wrong_turn(target: &str) -> String {
    format!("reframes {target}, which does not land on a person: nothing there to reframe")
}

pub const VERIFIED_WITHOUT_EVIDENCE: &str = "marked verified with no evidence that it works: write the evidence in `verification`, or set it back to done";
pub const WONT_DO_WITHOUT_DECISION: &str = "marked won't do with no decision recorded: write who decided and why in `decision`, or reopen it";

pub fn no_action(ideas: &[String]) -> String {
    if ideas.is_empty() {
        "No action addresses this factor and no decision to accept the risk is recorded".into()
    } else {
        format!(
            "Only ideas address this factor so far ({}): commit to one, or record why the risk \
             is accepted",
            ideas.join(", ")
        )
    }
}

pub const NO_EVIDENCE: &str =
    "No evidence yet: link the whys or timeline events that show this factor";

pub const CONDITION_WITHOUT_FACTOR: &str =
    "Reached a system condition, but no contributing factor names it yet";
