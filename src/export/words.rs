//! Everything a published report says in its own words, in one place: headings, labels,
//! the sentences around the tables. Written to be read by people who were not in the room.

use crate::model::{LessonKind, Milestone, Mode};

pub const ROLE_PARTICIPANT: &str = "participant";
pub const ROLE_FACILITATOR: &str = "facilitator";
pub const ROLE_OWNER: &str = "action owner";
pub const ROLE_SECOND_REVIEWER: &str = "second reviewer";
pub const ROLE_OTHER: &str = "another person";

pub const PEOPLE: &str = "People";
pub const SUMMARY: &str = "Summary";
pub const IMPACT: &str = "Impact";
pub const TIMELINE: &str = "Timeline";
pub const WHYS: &str = "Five Whys";
pub const FACTORS: &str = "Contributing factors";
pub const ACCEPTED_RISKS: &str = "Accepted risks";
pub const ACTIONS: &str = "Action items";
pub const IDEAS: &str = "Ideas, not committed";
pub const WONT_DO: &str = "Decided against";
pub const BEHAVIOURS: &str = "Behaviours";
pub const LESSONS: &str = "Lessons";
pub const PARKED: &str = "Parking lot";
pub const DISMISSED: &str = "Wording kept on purpose";
pub const GATE: &str = "Review gate";

pub const FACILITATOR: &str = "Facilitator";
pub const ROLE: &str = "Role";
pub const NAME: &str = "Name";
pub const NAMES_HIDDEN: &str = "Names are replaced by roles in this copy.";

pub const MILESTONE: &str = "Milestone";
pub const MILESTONES: &str = "Milestones";
pub const SINCE_START: &str = "Since the start";
pub const SEVERITY: &str = "Severity";
pub const STATUS: &str = "Status";
pub const REVIEW: &str = "Review";
pub const TAGS: &str = "Tags";

pub const ID: &str = "Id";
pub const TIME: &str = "Time";
pub const KIND: &str = "Kind";
pub const WHAT_HAPPENED: &str = "What happened";
pub const SOURCE: &str = "Source";
pub const KNOWN_THEN: &str = "Known at the time";
pub const MILESTONE_MARK: &str = "⚑";

pub const CONDITION_MARK: &str = "●";
pub const CONDITION: &str = "system condition";
pub const WHYS_INTRO: &str = "Each answer is asked why in turn. ● marks an answer that reached a condition of the system someone can change.";

pub const FACTORS_INTRO: &str =
    "Several conditions together made this incident possible; none of them is “the” cause.";
pub const FACTOR: &str = "Factor";
pub const CATEGORY: &str = "Category";
pub const EVIDENCE: &str = "Evidence";
pub const NO_ACTION_YET: &str = "no committed action yet";
pub const RISK_ACCEPTED: &str = "risk accepted";

pub const ACTION: &str = "Action";
pub const TEAM: &str = "Team";
pub const OWNER: &str = "Owner";
pub const DUE: &str = "Due";
pub const STRENGTH: &str = "Strength";
pub const CHECKS_NEED_WORK: &str = "Checks that still need work:";
pub const DECISION: &str = "Decision";

pub const BEHAVIOURS_INTRO: &str = "Acts were classified with the Just Culture questions. An act is described, never a person; outcome severity was never asked.";
pub const OUTCOME: &str = "Outcome";
pub const ACTS: &str = "Acts";
pub const ACT: &str = "Act";
pub const CONTEXT: &str = "Context";
pub const NOT_CLASSIFIED: &str = "not classified yet";

pub const ITEM: &str = "Item";
pub const FIELD: &str = "Field";
pub const WORDS: &str = "Words";
pub const REASON: &str = "Reason";

pub const GATE_PASSED: &str = "ready to publish";
pub const GATE_OPEN: &str = "not ready yet";
pub const GATE_OVERRIDE: &str = "Published with items still open, for this reason:";

pub const NO_EVENTS: &str = "No events on the timeline yet.";
pub const NO_WHYS: &str = "No answers yet.";
pub const NO_FACTORS: &str = "No contributing factors yet.";
pub const NO_ACTIONS: &str = "No committed action items yet.";

pub const DIAGRAM_TIMELINE: &str = "Timeline strip";
pub const DIAGRAM_WHYS: &str = "Five Whys tree";
pub const DIAGRAM_FACTORS: &str = "Contributing factors around the incident";

pub fn exported_by(version: &str) -> String {
    format!("Exported by waterline {version}. Export again rather than editing this copy.")
}

pub fn times_in(zone: &str) -> String {
    format!("Times are in {zone}. {MILESTONE_MARK} marks a milestone; a date starts each new day.")
}

pub fn milestone(m: Milestone) -> &'static str {
    match m {
        Milestone::Start => "Started",
        Milestone::Detected => "Detected",
        Milestone::Mitigated => "Mitigated",
        Milestone::Resolved => "Resolved",
    }
}

/// What the time from the start to a milestone is called.
pub fn time_to(m: Milestone) -> &'static str {
    match m {
        Milestone::Start => "",
        Milestone::Detected => "time to detect",
        Milestone::Mitigated => "time to mitigate",
        Milestone::Resolved => "time to resolve",
    }
}

pub fn mode(m: Mode) -> &'static str {
    match m {
        Mode::Facilitated => "facilitated review",
        Mode::SelfReview => "self-review",
    }
}

/// The lessons' headings; a self-review speaks in the first person.
pub fn lesson(kind: LessonKind, mode: Mode) -> &'static str {
    match (kind, mode) {
        (LessonKind::WentWell, Mode::Facilitated) => "What went well",
        (LessonKind::WentWell, Mode::SelfReview) => "What went well for me",
        (LessonKind::WentWrong, Mode::Facilitated) => "What went wrong",
        (LessonKind::WentWrong, Mode::SelfReview) => "What went wrong for me",
        (LessonKind::Lucky, Mode::Facilitated) => "Where we got lucky",
        (LessonKind::Lucky, Mode::SelfReview) => "Where I got lucky",
    }
}

/// Wrong turns are not published as statements; the report says how many there were.
pub fn asked_again(reframed: usize, open: usize) -> Option<String> {
    let answers = |n: usize| if n == 1 { "1 answer".to_string() } else { format!("{n} answers") };
    let was = |n: usize| if n == 1 { "was" } else { "were" };
    match (reframed, open) {
        (0, 0) => None,
        (r, 0) => Some(format!(
            "{} that stopped at a person {} asked again in system terms; only the answers in system terms are published.",
            answers(r),
            was(r)
        )),
        (0, o) => Some(format!(
            "{} that stopped at a person {} not asked again in system terms yet, and {} left out.",
            answers(o),
            was(o),
            if o == 1 { "is" } else { "are" }
        )),
        (r, o) => Some(format!(
            "{} that stopped at a person {} asked again in system terms; {} more {} not yet and {} left out. Only the answers in system terms are published.",
            answers(r),
            was(r),
            o,
            was(o),
            if o == 1 { "is" } else { "are" }
        )),
    }
}

pub fn gate_score(met: usize, all: usize, passed: bool) -> String {
    format!("{met} of {all} — {}", if passed { GATE_PASSED } else { GATE_OPEN })
}

pub fn parked_on(step: &str) -> String {
    if step.trim().is_empty() { String::new() } else { format!("raised on the {step} step") }
}

pub fn unclassified(n: usize) -> String {
    if n == 1 { "1 act not classified yet".into() } else { format!("{n} acts not classified yet") }
}

pub fn redactions(counts: &[(String, usize)]) -> String {
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let each: Vec<String> = counts.iter().map(|(label, n)| format!("{label}: {n}")).collect();
    let mentions = if total == 1 { "mention" } else { "mentions" };
    if each.is_empty() {
        "redacted: no people are named in this review".into()
    } else {
        format!("redacted {total} {mentions} of people — {}", each.join("; "))
    }
}
