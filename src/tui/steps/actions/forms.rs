//! The action-item form: text, team, owner, due date, kind, factors chosen from a list,
//! ticket — with the five checks and the strength updating under the text as it is typed;
//! and the note a status needs (evidence for verified, the decision for won't do).

use chrono::NaiveDate;

use crate::analysis::actions::{Context, Verdict, check, known_names};
use crate::analysis::strength::strength;
use crate::model::actions::parse_due;
use crate::model::text::{sanitize, sanitize_line};
use crate::model::{ActionItem, ActionKind, ActionStatus, Factor, Session};
use crate::tui::app::{Model, Notice, Overlay};
use crate::tui::effects::Effect;
use crate::tui::messages;
use crate::tui::screens::form::{Choice, Feedback, FeedbackLine, Field, FieldKey, Form, Purpose};
use crate::tui::widgets::truncate;

pub const TEXT: FieldKey = FieldKey::ActionText;
pub const TEAM: FieldKey = FieldKey::Team;
pub const OWNER: FieldKey = FieldKey::Owner;
pub const DUE: FieldKey = FieldKey::Due;
pub const KIND: FieldKey = FieldKey::ActionKind;
pub const FACTORS: FieldKey = FieldKey::ActionFactors;
pub const TICKET: FieldKey = FieldKey::Ticket;
pub const STATUS: FieldKey = FieldKey::Commitment;
pub const EVIDENCE: FieldKey = FieldKey::Verification;
pub const DECISION: FieldKey = FieldKey::Decision;
const NO_KIND: &str = "(none)";

/// Adding when `action` is `None`, else editing it. The checks show from the start.
pub fn form(model: &Model, action: Option<&ActionItem>) -> Form {
    let empty = ActionItem::default();
    let a = action.unwrap_or(&empty);
    let session = model.doc.as_ref().map(|d| &d.session);
    let factors: Vec<Choice> =
        session.map_or(Vec::new(), |s| s.factors.iter().map(option).collect());
    // No kind is an option of its own, with no id.
    let mut kinds = vec![Choice::new("", NO_KIND)];
    kinds.extend(ActionKind::ALL.iter().map(|k| Choice::plain(k.as_str())));
    let kind = a.kind.map_or("", ActionKind::as_str);
    let due = a.due.map(|d| d.to_string()).unwrap_or_default();
    let mut fields = vec![
        Field::text(TEXT, &a.text, "the exact change: “Add a pre-deploy hook that validates …”")
            .multiline(),
        Field::text(TEAM, &a.team, "the team that owns it"),
        Field::text(OWNER, &a.owner, "the one person who will do it"),
        Field::text(DUE, &due, "2026-03-20, or +14d"),
        Field::choice(KIND, kinds, kind),
        Field::multi(FACTORS, factors, &a.factors),
        Field::text(TICKET, &a.ticket, "PLAT-123 or a link (optional)"),
    ];
    let (purpose, title) = match action {
        Some(a) => (Purpose::EditAction(a.id.clone()), format!("Edit action {}", a.id)),
        None => {
            let commit = vec![
                Choice::new("open", "open — committed"),
                Choice::new("idea", "idea — not committed yet"),
            ];
            fields.push(Field::choice(STATUS, commit, "open"));
            (Purpose::AddAction, "Add an action item".to_string())
        }
    };
    let mut form = Form::new(purpose, title, fields);
    refresh(model, &mut form);
    form
}

/// `f1 No validation of config…`, for the factor `f1`.
fn option(f: &Factor) -> Choice {
    Choice::new(&f.id, format!("{} {}", f.id, truncate(&f.text.replace('\n', " "), 44)))
}

/// The action as the form now describes it, and the due date as typed.
fn draft(model: &Model, form: &Form) -> (ActionItem, Result<Option<NaiveDate>, String>) {
    let due = parse_due(&form.value(DUE), model.today()).map_err(|e| e.to_string());
    let factors = form.field(FACTORS).map_or(Vec::new(), Field::values);
    let draft = ActionItem {
        text: sanitize(form.value(TEXT).trim()),
        team: sanitize_line(&form.value(TEAM)),
        owner: sanitize_line(&form.value(OWNER)),
        due: due.clone().ok().flatten(),
        kind: ActionKind::parse(&form.value(KIND)),
        factors,
        ticket: sanitize_line(&form.value(TICKET)),
        ..ActionItem::default()
    };
    (draft, due)
}

/// Live feedback: the due date read back, the checks and the strength under the text.
pub fn refresh(model: &Model, form: &mut Form) {
    let Some(doc) = model.doc.as_ref() else { return };
    let session = &doc.session;
    let (mut action, due) = draft(model, form);
    let stored = match &form.purpose {
        Purpose::EditAction(id) => session.actions.iter().find(|a| a.id == *id),
        _ => None,
    };
    if let Some(stored) = stored {
        action.id = stored.id.clone();
    }
    let names = known_names(session);
    // The same context as the list of actions: Realistic counts from the day of the review.
    let ctx = Context::stored(session, &model.policy, &names);
    let due_feedback = match &due {
        Err(problem) => Some(Feedback::Problem(problem.clone())),
        Ok(None) => None,
        Ok(Some(d)) => Some(Feedback::Preview(due_preview(session, &model.policy, *d))),
    };
    form.set_feedback(DUE, due_feedback);
    form.set_feedback(TEXT, Some(Feedback::Lines(check_lines(&action, &ctx))));
}

fn due_preview(s: &Session, policy: &crate::analysis::policy::DuePolicy, due: NaiveDate) -> String {
    let allowed = policy.days_for(&s.incident.severity);
    let when = due.format("%a %-d %b %Y");
    match s.review_day().map(|day| (due - day).num_days()) {
        Some(days) => {
            format!("→ {when} · {days} days after the review · policy allows {allowed}")
        }
        None => format!("→ {when}"),
    }
}

/// One summary row of glyphs, a row per criterion that is not a pass, the first one's
/// suggestion, and the strength.
pub fn check_lines(action: &ActionItem, ctx: &Context) -> Vec<FeedbackLine> {
    let checks = check(action, ctx);
    let summary: Vec<String> = checks
        .all()
        .iter()
        .map(|(c, r)| format!("{} {}", r.result.glyph(), c.label().to_lowercase()))
        .collect();
    let mut lines = vec![FeedbackLine { text: summary.join("  "), problem: false }];
    let mut suggested = false;
    for (criterion, result) in checks.all() {
        if result.result == Verdict::Pass {
            continue;
        }
        let text = format!("{} {}: {}", result.result.glyph(), criterion.label(), result.reason);
        lines.push(FeedbackLine { text, problem: result.result == Verdict::Fail });
        if !suggested {
            lines.push(FeedbackLine {
                text: format!("  → {}", result.suggestion), problem: false
            });
            suggested = true;
        }
    }
    let s = strength(&action.text);
    let rung = if s.rung() > 0 { format!(" (rung {} of 6)", s.rung()) } else { String::new() };
    lines.push(FeedbackLine {
        text: format!("strength: {}{rung}", s.label()),
        problem: s.is_weak(),
    });
    lines
}

pub fn submit(model: &mut Model, mut form: Form) -> Vec<Effect> {
    let (draft, due) = draft(model, &form);
    let problem = if draft.text.is_empty() {
        Some((TEXT, messages::ACTION_TEXT_REQUIRED.to_string()))
    } else {
        due.err().map(|e| (DUE, e))
    };
    if let Some((label, text)) = problem {
        form.set_feedback(label, Some(Feedback::Problem(text)));
        form.focus_on_field(label);
        model.overlay = Some(Overlay::Form(form));
        return Vec::new();
    }
    let idea = form.value(STATUS) == "idea";
    let Some(doc) = model.doc.as_mut() else { return Vec::new() };
    let id = match &form.purpose {
        Purpose::EditAction(id) => id.clone(),
        _ => match doc.ids.actions.next_id() {
            Ok(id) => id,
            Err(e) => {
                model.notice = Some(Notice::exhausted(&e));
                return Vec::new();
            }
        },
    };
    let changed = doc.edit(|s| match s.actions.iter_mut().find(|a| a.id == id) {
        Some(a) => {
            a.text = draft.text;
            a.team = draft.team;
            a.owner = draft.owner;
            a.due = draft.due;
            a.kind = draft.kind;
            a.factors = draft.factors;
            a.ticket = draft.ticket;
        }
        None => s.actions.push(ActionItem {
            id: id.clone(),
            status: if idea { ActionStatus::Idea } else { ActionStatus::Open },
            ..draft
        }),
    });
    model.notice = Some(if changed {
        doc.select_action(&id);
        Notice::info(messages::action_saved(&id))
    } else {
        Notice::problem(messages::READ_ONLY)
    });
    Vec::new()
}

/// The form for the note a status needs, holding any note already recorded.
pub fn note_form(purpose: Purpose, action: &ActionItem, to: ActionStatus) -> Form {
    let (label, value, hint) = if to == ActionStatus::Verified {
        (
            EVIDENCE,
            &action.verification,
            "what shows it works: the test, the drill, the alert that fired",
        )
    } else {
        (DECISION, &action.decision, "the decision and its reason, e.g. the risk accepted and why")
    };
    Form::new(
        purpose,
        messages::note_title(to.label(), &action.id),
        vec![Field::text(label, value, hint).multiline()],
    )
}

/// The note's text, or the form back with the reason it is needed.
pub fn read_note(model: &mut Model, mut form: Form, to: ActionStatus) -> Option<String> {
    let key = form.fields.first().map_or(EVIDENCE, |f| f.key);
    let note = sanitize(form.value(key).trim());
    if note.is_empty() {
        let text = if to == ActionStatus::Verified {
            messages::NOTE_REQUIRED_VERIFIED
        } else {
            messages::NOTE_REQUIRED_WONT_DO
        };
        form.set_feedback(key, Some(Feedback::Problem(text.to_string())));
        model.overlay = Some(Overlay::Form(form));
        return None;
    }
    Some(note)
}

/// Under the evidence field: what the Measurable check says the action will change, so
/// the evidence shows that change.
pub fn show_what_to_verify(
    form: &mut Form,
    action: &ActionItem,
    session: &Session,
    policy: &crate::analysis::policy::DuePolicy,
) {
    let names = known_names(session);
    let checks = check(action, &Context::stored(session, policy, &names));
    let m = &checks.measurable;
    let text = if m.result == Verdict::Pass {
        messages::verify_against(&m.reason)
    } else {
        messages::verify_unmeasurable(&m.reason)
    };
    form.set_feedback(EVIDENCE, Some(Feedback::Preview(text)));
}

pub fn submit_note(model: &mut Model, form: Form) -> Vec<Effect> {
    let Purpose::StatusNote { action, status } = form.purpose.clone() else { return Vec::new() };
    if let Some(note) = read_note(model, form, status) {
        crate::tui::steps::actions::update::apply_status(model, &action, status, &note);
    }
    Vec::new()
}
