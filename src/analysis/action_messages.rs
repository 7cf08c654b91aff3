//! What the action-item checks say: one-line reasons and concrete suggestions, in one
//! place so they stay consistent and blameless. Suggestions for vague shapes live with
//! the shapes, in `assets/action_checks.toml`.

use chrono::NaiveDate;

// Specific.
pub const EMPTY: &str = "nothing written yet";
pub const WRITE_THE_CHANGE: &str =
    "Start with the change: “Add …”, “Require …”, “Page on …”, “Remove …”.";
pub const TOO_SHORT_SUGGESTION: &str =
    "Name the thing it changes and where, so someone else could pick it up and build it.";
pub const NO_CHANGE_VERB_SUGGESTION: &str =
    "Lead with what will be built or changed — add, require, page on, remove, replace.";

pub fn vague_lead(shape: &str) -> String {
    format!("“{shape}” names an area or a wish, not the change to make")
}

pub fn names_change(lead: &str) -> String {
    format!("names the change: “{lead} …”")
}

pub fn too_short(lead: &str) -> String {
    format!("“{lead}” is short: which thing, where?")
}

pub const NO_CHANGE_VERB: &str = "opens with a thing, not with what will be built or changed";

pub const WISH_SUGGESTION: &str =
    "Name the one change that makes it better, and how you will know — a number, a check, a guard.";

pub fn ongoing(words: &str) -> String {
    format!("“{words}” is activity under way, not a change that will exist when it is done")
}

pub fn already_done(words: &str) -> String {
    format!("“{words}” says what has been done, not which change will exist")
}
pub const ACTIVITY_SUGGESTION: &str =
    "Name the change the work will leave behind: “Add a CI check that …”, “Page on … above …”.";

pub fn aspiration(words: &str) -> String {
    format!("“{words}” is an aspiration: better by how much, and how would anyone tell?")
}

pub fn directed(words: &str) -> String {
    format!("“{words}” asks something of a person; nothing in the system changes")
}
pub const DIRECTED_SUGGESTION: &str =
    "Change what the person works with instead: a check, a default, a prompt that shows the risk.";

pub fn unspecified(words: &str) -> String {
    format!("“{words}” says what to work on, not what the change is")
}
pub const UNSPECIFIED_SUGGESTION: &str =
    "Say what changes: “Update the failover runbook with the commands to promote the replica”.";

pub fn names_nothing(words: &str) -> String {
    format!("“{words}” names nothing that will exist or can be checked when it is done")
}

pub fn change_is_done_state(words: &str) -> String {
    format!("the change is its own done state: “{words} …”")
}

pub fn unbounded_done(words: &str) -> String {
    format!("done only when “{words}” is covered, and that has no edge")
}

// Measurable.
pub fn vague_quantity(words: &str) -> String {
    format!("“{words}” cannot be checked: there is no number or state to reach")
}
pub const VAGUE_QUANTITY_SUGGESTION: &str =
    "Put the number in: the threshold, the limit, the count, the date — “retries capped at 3”.";

pub fn direction_without_number(verb: &str) -> String {
    format!("“{verb}” without a number has no point where it is done")
}
pub const DIRECTION_SUGGESTION: &str =
    "Say from what to what: “from 50% to 5%”, “under 200 ms at p99”, “to one page a week”.";

pub fn inquiry_without_deliverable(verb: &str) -> String {
    format!("“{verb}” with no deliverable: nothing shows when it is finished")
}
pub const INQUIRY_SUGGESTION: &str =
    "Name what it produces: a written proposal, a decision, the tickets for the fixes found.";

pub fn has_number(words: &str) -> String {
    format!("has a number to check against: “{words}”")
}

pub fn checkable(words: &str) -> String {
    format!("has something to check when it is done: “{words}”")
}

pub const NO_DONE_STATE: &str = "no clear done / not-done state";
pub const DONE_STATE_SUGGESTION: &str =
    "Add what shows it is done: a threshold, a count, a test that passes, a guard that blocks.";

// Assignable.
pub const NO_TEAM_OR_OWNER: &str = "no team and no owner";
pub const NO_TEAM: &str = "no team named";
pub const NO_OWNER: &str = "no owner named";
pub const ASSIGN_SUGGESTION: &str =
    "Fill in Team and Owner: the team that owns it, and the one person who will do it.";

pub fn placeholder(field: &str, value: &str) -> String {
    format!("{field} “{value}” is nobody in particular")
}

pub fn generic_team(team: &str) -> String {
    format!(
        "team “{team}” is a generic name, not the team that owns this (if it is a real team, list it under [teams] names in config.toml)"
    )
}
pub const GENERIC_TEAM_SUGGESTION: &str =
    "Name the team that owns the system it changes — “Payments”, “Storage” — and one person.";

pub fn owner_is_group(owner: &str) -> String {
    format!("owner “{owner}” is a group, not one person")
}

pub fn several_owners(owner: &str) -> String {
    format!("owner “{owner}” names more than one person")
}
pub const ONE_OWNER_SUGGESTION: &str =
    "One person owns it; others can help. Put the rest in the text or the ticket.";

pub fn assigned(team: &str, owner: &str) -> String {
    format!("{team} owns it, {owner} does it")
}

// Realistic.
pub fn policy_label(severity: &str) -> String {
    if severity.trim().is_empty() {
        "the default policy".to_string()
    } else {
        format!("the {} policy", severity.trim())
    }
}

pub fn no_due(allowed: u32, severity: &str) -> String {
    format!("no due date ({} allows {allowed} days)", policy_label(severity))
}
pub fn no_due_suggestion(latest: Option<NaiveDate>) -> String {
    match latest {
        Some(d) => format!("Pick a date the team can commit to, by {d} at the latest."),
        None => "Pick a date the team can commit to.".to_string(),
    }
}

pub fn due_in_past(due: NaiveDate, set_on: NaiveDate) -> String {
    format!("due {due} is already past on {set_on}, the day it was set")
}
pub const FUTURE_DATE_SUGGESTION: &str = "Choose a date from the day of the review on.";

/// `from` is the day counted from: the day of the review, or the incident's for an older
/// file that does not record it.
pub fn beyond_policy(days: i64, allowed: u32, severity: &str, from: NaiveDate) -> String {
    format!("due {days} days after {from}; {} allows {allowed}", policy_label(severity))
}
pub const SPLIT_SUGGESTION: &str = "Split off a first step that fits the window, or record why \
this one needs longer.";

pub fn unbounded(scope: &str) -> String {
    format!("“{scope}” has no edge: it may never be finished")
}
pub const BOUND_SUGGESTION: &str =
    "Bound it: name the systems or give the count — “the 12 payment services”, “all 3,868 rules”.";

pub fn due_within(due: NaiveDate, days: Option<i64>, allowed: u32, severity: &str) -> String {
    match days {
        Some(days) => {
            format!("due {due}: {days} of the {allowed} days {} allows", policy_label(severity))
        }
        None => format!("due {due}"),
    }
}

// Systemic.
pub fn relies_on_vigilance(words: &str) -> String {
    format!("“{words}” relies on people’s vigilance — the thing that already failed")
}

pub fn fixes_person(words: &str) -> String {
    format!("“{words}” aims the fix at a person, not at the conditions")
}

pub fn person_as_object(words: &str) -> String {
    format!("“{words}”: the person is the thing to change, the system stays as it was")
}

pub fn person_as_mechanism(words: &str) -> String {
    format!("“{words}”: the safeguard is a person remembering, not the system")
}

pub fn manual_check_only(words: &str) -> String {
    format!("“{words}” is the only mechanism: a person checking by hand")
}

pub const SYSTEMIC_SUGGESTION: &str = "Ask what made the slip possible and change that: a guard \
that blocks it, a safe default, a tool that makes the right way the easy way.";

pub const NO_FACTOR: &str = "not linked to a contributing factor";
pub const LINK_FACTOR_SUGGESTION: &str =
    "Choose the factor(s) this changes, so the review shows which condition it removes.";

pub fn linked(factors: &[String]) -> String {
    format!("changes a condition of the system: {}", factors.join(", "))
}

// Strength and coverage.
pub fn weak_factor(factor: &str) -> String {
    format!(
        "{factor}: every action sits on the bottom rungs (training, reminders); add a guard, a \
         safe default or a tool"
    )
}

pub fn uncovered_factor(factor: &str) -> String {
    format!("{factor}: no committed action (ideas do not count) and no accepted risk")
}

// Recurrence.
pub fn earlier_action(id: &str, status: crate::model::ActionStatus, note: &str) -> String {
    use crate::model::ActionStatus as S;
    match status {
        S::Idea => format!("{id} was only an idea, never committed"),
        S::Open => format!("{id} is still open"),
        S::InProgress => format!("{id} is still in progress"),
        S::Done => format!("{id} is done but was never verified"),
        S::Verified => format!("{id} was verified, yet the condition is back"),
        S::WontDo if note.trim().is_empty() => format!("{id} was decided against"),
        S::WontDo => format!("{id} was decided against: {}", note.trim()),
    }
}

pub fn recurrence(title: &str, day: Option<NaiveDate>, outcomes: &[String], risk: &str) -> String {
    let when = day.map(|d| format!(" on {d}")).unwrap_or_default();
    let what = match outcomes {
        [] if !risk.trim().is_empty() => format!("it was accepted as a risk: {}", risk.trim()),
        [] => "it had no action".to_string(),
        [one] => format!("its action {one}"),
        many => format!("its actions: {}", many.join("; ")),
    };
    format!("this condition appeared in “{title}”{when}; {what}")
}
