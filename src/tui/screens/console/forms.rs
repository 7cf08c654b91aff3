//! The incident details form, reachable from every step.

use crate::model::text::{sanitize, sanitize_line};
use crate::model::time_entry::{TimeContext, parse_time};
use crate::model::{Incident, Participant, ReviewStatus, Timestamp};
use crate::tui::app::{Model, Notice, Overlay};
use crate::tui::effects::Effect;
use crate::tui::messages;
use crate::tui::screens::form::{Feedback, Field, FieldKey, Form, Purpose};

const TITLE: FieldKey = FieldKey::Title;
const SEVERITY: FieldKey = FieldKey::Severity;
const STATUS: FieldKey = FieldKey::Status;
const SUMMARY: FieldKey = FieldKey::Summary;
const IMPACT: FieldKey = FieldKey::Impact;
const STARTED: FieldKey = FieldKey::StartedAt;
const FACILITATOR: FieldKey = FieldKey::Facilitator;
pub const PARTICIPANTS: FieldKey = FieldKey::Participants;
const TAGS: FieldKey = FieldKey::Tags;
const REVIEW_DAY: FieldKey = FieldKey::ReviewDate;
const PRIVATE: FieldKey = FieldKey::PrivateNotes;

pub fn edit(incident: &Incident) -> Form {
    let statuses: Vec<&str> = ReviewStatus::ALL.iter().map(|s| s.as_str()).collect();
    let started = incident.started_at.map(|t| t.to_rfc3339()).unwrap_or_default();
    let mut form = Form::new(
        Purpose::Incident,
        "Incident details",
        vec![
            Field::text(TITLE, &incident.title, "what happened, in a few words"),
            Field::text(SEVERITY, &incident.severity, "SEV1, SEV2, near miss…"),
            Field::choice_of(STATUS, &statuses, incident.status.as_str()),
            Field::text(
                SUMMARY,
                &incident.summary,
                "a short account for someone who was not there",
            )
            .multiline(),
            Field::text(IMPACT, &incident.impact, "who was affected, how, for how long")
                .multiline(),
            Field::text(STARTED, &started, "when it began — 14:32, 2026-03-02 14:32, or empty"),
            Field::text(FACILITATOR, &incident.facilitator, "who leads the review"),
            Field::text(
                PARTICIPANTS,
                &participants_text(&incident.participants),
                "Ana (on-call), Bo (SRE)",
            ),
            Field::text(TAGS, &incident.tags.join(", "), "config, payments"),
            Field::text(
                REVIEW_DAY,
                &incident.review_date.map(|d| d.to_string()).unwrap_or_default(),
                "the day of the review, 2026-03-09: action due dates count from it",
            ),
        ],
    );
    // A self-review is one person alone: no facilitator, no participants to name, and a
    // place for what is only for its writer. What the file already holds is left as it is.
    if incident.mode == crate::model::Mode::SelfReview {
        form.fields.retain(|f| !matches!(f.key, FACILITATOR | PARTICIPANTS));
        let hint = "only for you: kept in the file, never in any report";
        form.fields.push(Field::text(PRIVATE, &incident.private_notes, hint).multiline());
    }
    form
}

fn read_start(model: &Model, form: &Form) -> Result<Option<Timestamp>, String> {
    let text = form.value(STARTED);
    if text.trim().is_empty() {
        return Ok(None);
    }
    let reference = model.doc.as_ref().and_then(|d| {
        d.session.incident.started_at.or_else(|| d.session.events.first().map(|e| e.at))
    });
    let ctx = TimeContext { now: (model.clock)(), selected: reference, reference };
    parse_time(&text, &ctx).map(Some).map_err(|e| e.to_string())
}

/// The review day as typed: empty for none (the incident's start day is used then).
fn read_review_day(form: &Form) -> Result<Option<chrono::NaiveDate>, String> {
    let text = form.value(REVIEW_DAY);
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| messages::review_day_unreadable(&crate::model::text::sanitize_line(text)))
}

pub fn preview_time(model: &Model, form: &mut Form) {
    let day = match read_review_day(form) {
        Ok(Some(d)) => Some(Feedback::Preview(format!("→ {}", d.format("%a %-d %b %Y")))),
        Ok(None) => None,
        Err(problem) => Some(Feedback::Problem(problem)),
    };
    form.set_feedback(REVIEW_DAY, day);
    let feedback = match read_start(model, form) {
        Ok(Some(at)) => {
            Some(Feedback::Preview(format!("→ {}", at.format("%a %-d %b %Y %H:%M %:z"))))
        }
        Ok(None) => None,
        Err(problem) => Some(Feedback::Problem(problem)),
    };
    form.set_feedback(STARTED, feedback);
}

pub fn submit(model: &mut Model, mut form: Form) -> Vec<Effect> {
    let title = sanitize_line(&form.value(TITLE));
    let started = read_start(model, &form);
    let review_day = read_review_day(&form);
    let problem = if title.is_empty() {
        Some((TITLE, messages::TITLE_REQUIRED.to_string()))
    } else if let Err(p) = &started {
        Some((STARTED, p.clone()))
    } else {
        review_day.as_ref().err().map(|p| (REVIEW_DAY, p.clone()))
    };
    if let Some((label, text)) = problem {
        form.set_feedback(label, Some(Feedback::Problem(text)));
        form.focus_on_field(label);
        model.overlay = Some(Overlay::Form(form));
        return Vec::new();
    }
    let started = started.unwrap_or(None);
    let Some(doc) = model.doc.as_mut() else { return Vec::new() };
    let status = ReviewStatus::ALL
        .into_iter()
        .find(|s| s.as_str() == form.value(STATUS))
        .unwrap_or_default();
    let changed = doc.edit(|s| {
        let i = &mut s.incident;
        i.title = title;
        i.severity = sanitize_line(&form.value(SEVERITY));
        i.status = status;
        i.summary = sanitize(form.value(SUMMARY).trim());
        i.impact = sanitize(form.value(IMPACT).trim());
        i.started_at = started;
        i.review_date = review_day.unwrap_or(None);
        if form.field(FACILITATOR).is_some() {
            i.facilitator = sanitize_line(&form.value(FACILITATOR));
        }
        if form.field(PARTICIPANTS).is_some() {
            i.participants = parse_participants(&sanitize_line(&form.value(PARTICIPANTS)));
        }
        if form.field(PRIVATE).is_some() {
            i.private_notes = sanitize(form.value(PRIVATE).trim());
        }
        i.tags = sanitize_line(&form.value(TAGS))
            .split(',')
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect();
    });
    if !changed {
        model.notice = Some(Notice::problem(messages::READ_ONLY));
        return Vec::new();
    }
    dated_rename(doc).into_iter().collect()
}

/// A file still named after the day it was made takes the incident's day once its start is
/// known (not the example, which lives on a throwaway copy).
fn dated_rename(doc: &mut crate::tui::app::Doc) -> Option<Effect> {
    let i = &doc.session.incident;
    let started = i.started_at?.date_naive();
    if doc.demo || doc.renaming {
        return None;
    }
    let to = crate::store::dated_name(&doc.path, i.review_date?, started)?;
    doc.renaming = true;
    Some(Effect::Rename { from: doc.path.clone(), to })
}

fn participants_text(participants: &[Participant]) -> String {
    participants
        .iter()
        .map(
            |p| if p.role.is_empty() { p.name.clone() } else { format!("{} ({})", p.name, p.role) },
        )
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads `Ana (on-call engineer), Bo` — commas inside a role's brackets do not split.
pub fn parse_participants(text: &str) -> Vec<Participant> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    let mut push = |piece: &str| {
        let piece = piece.trim();
        if piece.is_empty() {
            return;
        }
        let (name, role) = match (piece.find('('), piece.rfind(')')) {
            (Some(open), Some(close)) if open < close => {
                (piece[..open].trim(), piece[open + 1..close].trim())
            }
            _ => (piece, ""),
        };
        let name = if name.is_empty() { role } else { name };
        out.push(Participant { name: name.to_string(), role: role.to_string() });
    };
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    push(&text[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn participants_read_names_and_roles() {
        let p = parse_participants("Ana (incident commander, day one), Bo,  , Cy (SRE)");
        assert_eq!(p.len(), 3);
        assert_eq!(p[0].name, "Ana");
        assert_eq!(p[0].role, "incident commander, day one");
        assert_eq!(p[1].role, "");
        assert_eq!(participants_text(&p), "Ana (incident commander, day one), Bo, Cy (SRE)");
    }
}
