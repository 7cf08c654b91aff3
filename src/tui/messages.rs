//! Words the console shows about what just happened. One place, so they stay consistent
//! and blameless.

/// Short enough for one line at 80 columns, where it is first read.
pub const DEMO_OPENED: &str =
    "Example review, opened on a copy: try anything, the original stays as it was.";
pub const READ_ONLY: &str =
    "This review is open read-only here; the line under the steps says why. Nothing was changed.";
pub const LEAVE_WITH_UNSAVED: &str = "The last save did not work, so recent changes are only in memory. \
Press again to leave anyway: a copy will be written to a temporary file and its path shown.";
pub const NOTHING_SELECTED: &str = "No event selected. Press a to add the first one.";
pub const EVENT_DELETED: &str = "Event deleted. Undo (u or Ctrl-Z) brings it back.";
pub const TITLE_REQUIRED: &str = "A review needs a title — a few words about what happened.";
pub const TEXT_REQUIRED: &str = "Say what happened, in a few words.";

/// While a big review's checks are worked out, after its first frame.
pub const CHECKING: &str = "⋯ checking";
pub const CHECKING_WORDING: &str = "⋯ Checking the wording…";

pub const KEEP_WORDING_HINT: &str = "Reword it, or keep it with a reason: z on the Review step.";
pub const NOT_WORDING: &str = "z keeps a wording finding on purpose; select one in the list first.";
pub const REASON_REQUIRED: &str = "Write the reason in a line: it is kept in the file for readers.";
pub const WORDING_KEPT: &str = "Kept, with its reason; it will not ask again. Undo takes it back.";
pub const PARKED: &str = "Parked: it waits on the Review step.";
pub const PARKED_STAYS: &str =
    "A parked point waits here until the room takes it up; x removes it once it is dealt with.";
pub const NOT_PARKED: &str = "x removes a parked point; select one in the parking lot first.";
pub const NOTHING_MISSING: &str = "Nothing is missing: the gate is passed.";
pub const PARKED_REMOVED: &str = "Parked point removed. Undo brings it back.";
pub const PARK_TEXT_REQUIRED: &str = "Write the point in a few words.";
pub const GATE_NOT_PASSED: &str = "The gate is not passed yet: fix what the Review step lists, or write why this review should be published anyway.";

/// `n` and its noun, singular for one: "1 event", "3 events".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{} {many}", grouped(n)) }
}

pub fn events_created(n: usize) -> String {
    format!("{n} events added from the pasted lines. Undo removes them all.")
}

pub fn milestone_set(label: &str, time: &str) -> String {
    format!("Incident {label} at {time}.")
}

/// The incident's milestone already falls at this time, and another event there carries it.
pub fn milestone_held_by(label: &str, id: &str) -> String {
    format!("Incident {label} is already at this time, marked on {id} (the first event then).")
}

/// Which offset the timeline's times are shown in.
pub fn times_in(offset: &str) -> String {
    format!("times in {offset}")
}

/// An event recorded in another offset than the review's, as it was recorded.
pub fn recorded_as(stored: &str) -> String {
    format!("recorded as {stored}")
}

/// The review's file took the incident's day.
pub fn renamed(name: &str) -> String {
    format!("The review's file is now {name}, after the day the incident started.")
}

pub fn rename_failed(problem: &str) -> String {
    format!("The review's file keeps its name ({problem}); everything is saved there.")
}

pub fn milestone_cleared(label: &str) -> String {
    format!("Incident {label} time cleared.")
}

pub fn rescued(path: &str) -> String {
    format!("The review could not be saved in its own file; your changes were written to {path}")
}

pub fn rescue_failed(problem: &str) -> String {
    format!(
        "No copy could be written either ({problem}). Your changes are still here: free some space or fix permissions; saving is retried."
    )
}

// Behaviours and the Just Culture classifier. The questions, explanations and responses
// themselves live in assets/just_culture.toml.

pub const CHOICE_HINT: &str = "←/→ or the underlined letter";
pub const LIST_CHOICE_HINT: &str = "←/→ or a letter";
pub const TEXT_KEYS_TITLE: &str = "In a text field (readline keys)";

pub const NO_BEHAVIOUR: &str = "No act selected. Press a to describe one.";
pub const BEHAVIOUR_DELETED: &str =
    "Act deleted, with its links from actions. Undo brings it back.";
pub const ACT_REQUIRED: &str = "Say what was done, in a few words: one observable act.";
pub const SEVERITY_NEVER_ASKED: &str = "Severity is never asked: judge the act as it looked at the \
time, not by how bad the result was.";
pub const ACT_NOT_PERSON: &str = "This labels an act, never a person.";
pub const EMPTY_BEHAVIOURS: [&str; 4] = [
    "No acts yet.",
    "Where a person's act is part of the story, press a to describe it: what was done, never \
     who did it, and what they knew and saw at the time.",
    "Then c asks the Just Culture questions about it, one at a time.",
    "Most acts turn out to be human error or at-risk behaviour; both call for system fixes.",
];
pub const FIRST_QUESTION: &str = "This is the first question: there is no answer to take back.";
pub const RECKLESS_NOT_SAVED: &str =
    "Not saved: reckless needs written evidence and a second reviewer; r records them.";
pub const NOT_SAVED: &str =
    "Not saved: the file holds other answers or another outcome. Answer the last question to save.";
pub const RECKLESS_ONLY: &str =
    "Evidence and a second reviewer are only asked for a reckless outcome.";
pub const EVIDENCE_REQUIRED: &str =
    "Write down the evidence: what shows the risk was seen and taken.";
pub const REVIEWER_REQUIRED: &str = "Name a second reviewer who has read the evidence.";
pub const NO_DRAFT: &str = "Finish the questions first: the drafts follow from the answers.";
pub const NO_SUMMARY_WARNINGS: &str = "No warnings: every act has a response beyond the person.";

pub fn table_unavailable(problem: &str) -> String {
    format!("The Just Culture table could not be loaded, so acts cannot be classified: {problem}")
}

pub fn act_names_person(name: &str) -> String {
    format!("Describe the act, not the person: leave out “{name}” and say what was done.")
}

pub fn classified(id: &str, short: &str) -> String {
    format!("{id} saved as {short}. Undo brings back the previous answers.")
}

pub fn resumed(id: &str) -> String {
    format!("{id}: its saved classification. b goes back to change an answer.")
}

pub fn resumed_at(id: &str, question: usize) -> String {
    format!("{id}: picking up at question {question}, where the room stopped.")
}

/// Esc in the classifier, and what the act keeps: said plainly, in the file's terms.
pub fn wizard_closed_classified(id: &str, short: &str) -> String {
    format!("Classifier closed; {id} stays classified as {short}.")
}

pub fn wizard_closed_partway(id: &str, answers: usize, next: usize, classify: &str) -> String {
    let answers = count(answers, "answer", "answers");
    format!(
        "Classifier closed; {id} keeps its {answers} so far — {classify} picks up at question {next}."
    )
}

pub fn wizard_closed_unanswered(id: &str) -> String {
    format!("Classifier closed; {id} has no answers yet.")
}

pub fn classifier_saved(id: &str, back: &str, close: &str, close_label: &str) -> String {
    format!("✓ Saved in {id} · {back} back to change an answer · {close} {close_label}")
}

pub fn half_classified(answers: usize) -> String {
    format!("{answers} answered, unfinished")
}

pub fn action_created(action: &str, behaviour: &str) -> String {
    format!(
        "Action {action} added (an idea, linked to {behaviour}); give it an owner and a due date."
    )
}

pub fn action_exists(action: &str) -> String {
    format!("That draft is already action {action}.")
}

pub fn person_only(behaviour: &str, outcome: &str) -> String {
    format!(
        "{behaviour} ({outcome}): the only response proposed is about the person; turn a draft \
         into a system action."
    )
}

pub fn reckless_unsupported(behaviour: &str, missing: &[&str]) -> String {
    let missing: Vec<&str> = missing
        .iter()
        .map(|m| if *m == "evidence" { "evidence" } else { "a second reviewer" })
        .collect();
    format!("{behaviour} is reckless without {}.", missing.join(" or "))
}

// Five Whys.
pub const INCIDENT_SELECTED: &str = "◉ the incident itself";
pub const ASK_OF_INCIDENT: &str = "ask why of the incident: a new branch";

/// Where an answer stands in its branch, counted as the Five Whys count: the answer asked
/// of the incident is why 1. The side pane and the big view say it the same way.
pub fn why_number(depth: usize) -> String {
    match depth {
        0 => "why 1 of this branch, asked of the incident".to_string(),
        d => format!("why {} of this branch", grouped(d + 1)),
    }
}

/// `9412` as `9,412`: a number read at a glance.
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `s` on the incident row: no answer stands beside the incident.
pub fn nothing_beside_incident(add: &str) -> String {
    format!("Nothing stands beside the incident: {add} asks why of it, which starts a new branch.")
}

pub const NO_ANSWER_SELECTED: &str = "No answer selected. Press a to ask why of the incident.";
pub const ANSWER_REQUIRED: &str = "Write the answer, in a few words.";
pub const ALREADY_FIRST: &str = "Already the first answer here.";
pub const ALREADY_LAST: &str = "Already the last answer here.";
pub const NOTHING_TO_FOLD: &str = "No answers under this one to fold.";
pub const WRONG_TURN_NOT_PROMOTED: &str = "This answer lands on a person, so it is not a factor: reframe it (r) and promote the system condition.";
pub const ANSWER_PLACEHOLDER: &str = "because… (or how, or what made it possible)";
pub const NOTE_PLACEHOLDER: &str = "optional: the exact question asked, or a note";

pub fn why_deleted(id: &str, under: usize) -> String {
    match under {
        0 => format!("{id} deleted. Undo (u or Ctrl-Z) brings it back."),
        1 => format!("{id} and the answer under it deleted. Undo brings them back."),
        n => format!("{id} and the {n} answers under it deleted. Undo brings them back."),
    }
}

pub fn not_a_wrong_turn(id: &str) -> String {
    format!("{id} already speaks of the system. s adds another answer beside it.")
}

pub fn mark_condition_first(id: &str) -> String {
    format!("Is {id} a condition someone can change? Mark it (c) first — or ask why again (a).")
}

pub fn condition_marked(id: &str, on: bool) -> String {
    if on {
        format!("{id} reached a system condition. p makes it a contributing factor.")
    } else {
        format!("{id} is no longer marked as a system condition.")
    }
}

pub fn already_a_factor(why: &str, factor: &str) -> String {
    format!("{why} is already evidence for {factor}.")
}

pub fn factor_from_why(factor: &str, why: &str) -> String {
    format!("{factor} created from {why}: choose its category and words; Esc keeps it as it is.")
}

pub fn moved_under(id: &str, parent: Option<&str>) -> String {
    match parent {
        Some(p) => format!("{id} now answers {p}."),
        None => format!("{id} is now asked of the incident itself."),
    }
}

pub fn reframed_note(id: &str, text: &str) -> String {
    format!("Reframed from {id}: “{}”", text.trim())
}

pub fn why_form_title(place: &str) -> String {
    format!("Why? — {place}")
}

// Contributing factors.
pub const NO_FACTOR_SELECTED: &str =
    "No factor selected. Press a to add one, or promote a system condition from the Whys.";
pub const FACTOR_REQUIRED: &str = "Say which condition of the system contributed, in a few words.";
pub const FACTOR_DELETED: &str = "Factor deleted, and its links from actions. Undo brings it back.";
pub const RISK_PLACEHOLDER: &str = "optional: why this risk is accepted instead of acted on";
pub const FACTOR_PLACEHOLDER: &str = "a condition of the system, e.g. no canary stage for config";

pub fn linked(id: &str, n: usize, what: &str) -> String {
    format!("{id} is evidenced by {n} {what}.")
}

// Action items, their lifecycle and the follow-up. What the checks themselves say lives
// in src/analysis/action_messages.rs and assets/action_checks.toml.

pub const NO_ACTION: &str = "No action selected. Press a to add one.";
pub const ACTION_TEXT_REQUIRED: &str =
    "Say what will change, as someone else could pick it up: “Add …”, “Require …”.";
pub const FIRST_IN_MEETING: &str = "This is the first action of the meeting.";
pub const NO_FOLLOW_UP: &str = "No action selected: nothing here needs following up.";
pub const ACTION_DELETED: &str = "Action deleted. Undo brings it back.";
pub const NO_COMMITTED: &str =
    "No committed actions to walk through yet: ideas are kept apart until the room commits (o).";
pub const MEETING_ENDED: &str = "Follow-up meeting closed; every change is saved.";
pub const NO_RECURRENCE: &str =
    "No condition here was seen in an earlier review in the data folder.";
pub const LIBRARY_LOADING: &str = "Looking through the earlier reviews…";
pub const CHECKS_LEGEND: &str =
    "✓ pass  ! warn  ✗ fail — Specific Measurable Assignable Realistic Systemic";
/// The legend when the five names do not fit.
pub const CHECKS_LEGEND_SHORT: &str = "✓ pass  ! warn  ✗ fail";
/// Beside the review's status on the Review step; the short one for a narrow pane.
pub const STATUS_HINT: &str = "   s changes it; reviewed needs the gate or a written reason";
pub const STATUS_HINT_SHORT: &str = "   s changes it";
/// The follow-up view changed an action that its review no longer has.
pub fn action_gone(id: &str, file: &str) -> String {
    format!(
        "Nothing was changed: {file} no longer has action {id}. Reopen the follow-up view to see it as it is now."
    )
}
/// The home list's title while older reviews are still being read.
pub fn home_reading(left: usize) -> String {
    format!("· reading {} more… ", grouped(left))
}
/// The home list when the filter lets nothing through.
pub const HOME_NO_MATCH: &str =
    "  No review matches the filter. Backspace widens it; Esc clears it.";
pub const IDEAS_HEADING: &str = "Ideas — not committed, not counted as coverage";
pub const NOTE_REQUIRED_VERIFIED: &str =
    "Write the evidence that it works: the test that passes, the drill, the alert that fired.";
pub const NOTE_REQUIRED_WONT_DO: &str = "Write the decision and its reason. Accepting a risk is a legitimate outcome when it is written down.";
pub const EMPTY_ACTIONS: [&str; 4] = [
    "No action items yet.",
    "For each contributing factor, press a and write the change that would make it harder to \
     happen or easier to catch — specific, measurable, owned by a team and a person, with a date.",
    "The five checks update under the text as you type.",
    "Ideas can wait apart (status idea) until the room commits to them.",
];
pub const EMPTY_FOLLOW_UP: [&str; 3] = [
    "Nothing to follow up: no open, in-progress or unverified actions in the reviews here.",
    "Actions appear here once a review commits to them (status open).",
    "From a shell: waterline actions --overdue",
];
pub const WALK_QUESTIONS: [(&str, &str); 3] = [
    ("Is it done?", "d done · p in progress · w won't do (with the decision)"),
    ("Is it verified?", "v verified — record what shows it works"),
    ("Evidence", "the test, the drill, the alert that fired"),
];

pub fn status_set(id: &str, status: &str) -> String {
    format!("{id} is now {status}. Undo brings back the previous status.")
}

pub fn status_set_in(id: &str, status: &str, file: &str) -> String {
    format!("{id} is now {status}; saved to {file}.")
}

pub fn status_refused(id: &str, reason: &str) -> String {
    format!("{id}: {reason}.")
}

pub fn note_updated(id: &str) -> String {
    format!("{id}: note updated. Undo brings back the previous one.")
}

pub fn action_saved(id: &str) -> String {
    format!("{id} saved. Its checks are in the side pane.")
}

pub fn meeting_summary(done: usize, verified: usize, open: usize, overdue: usize) -> String {
    format!(
        "Meeting summary: {done} done awaiting verification, {verified} verified, {open} still open ({overdue} overdue)."
    )
}

pub fn library_unreadable(n: usize) -> String {
    let files = count(n, "file", "files");
    let verb = if n == 1 { "was" } else { "were" };
    format!("{files} in the data folder {verb} unreadable and left out.")
}

pub fn note_title(status: &str, id: &str) -> String {
    format!("{id} → {status}")
}

// Lessons on the Review step.
pub const LESSON_REQUIRED: &str = "Write the lesson in a line or two.";
pub const LESSON_DELETED: &str = "Lesson removed. Undo brings it back.";
pub const NOT_LESSON: &str = "e edits a lesson; select one under Lessons first, or a adds one.";
pub const NOTHING_TO_REMOVE: &str =
    "x removes a parked point or a lesson; select one in those lists first.";

pub fn lesson_saved(list: &str) -> String {
    format!("Saved under “{list}”. Undo takes it back.")
}

// Publishing: the report written beside the review, and a review whose gate broke.
pub fn exported(path: &str) -> String {
    format!("Report written: {path}")
}

pub fn exported_redacted(path: &str, replaced: usize) -> String {
    format!("Report written: {path} · {replaced} mentions of names replaced by roles")
}

pub fn export_failed(problem: &str) -> String {
    format!("The report was not written: {problem}. The review itself is unchanged.")
}

pub const EXPORT_NOT_REPLACED: &str = "Nothing written: the file there is left as it was.";

pub fn replace_question(path: &str) -> String {
    format!("{path} is already there and is not an earlier report of this review. Replace it?")
}

pub fn published_but_broken(problem: &str) -> String {
    format!("This review is {problem}.")
}

pub const BACK_TO_REVIEW_HINT: &str =
    "b takes it back to in-review (undo restores it), or s records why it is published anyway.";

pub const BACK_IN_REVIEW: &str =
    "Back to in-review: the Review step lists what the gate still needs. Undo restores it.";
pub const GATE_HOLDS: &str = "The gate still holds for this review's status; nothing to take back.";
pub const EXPORTED_FROM_DEMO: &str =
    " (the example's folder is removed when waterline ends: copy the report to keep it)";

pub fn review_day_unreadable(text: &str) -> String {
    format!(
        "“{text}” is not a day: write it as 2026-03-09, or leave it empty for the incident's day."
    )
}

// Verifying an action: what its Measurable check says to look for.
pub fn verify_against(measurable: &str) -> String {
    format!("what to show: {measurable}")
}

pub fn verify_unmeasurable(measurable: &str) -> String {
    format!("its check says: {measurable} — the evidence has to show the change worked")
}

pub fn verified_on(id: &str, day: &str) -> String {
    format!("{id} verified on {day}. Undo takes it back.")
}
