//! The event form (the time read back as it is typed), and pasted lines offered as one
//! event each.

use crate::model::text::{sanitize, sanitize_line, split_pasted_lines};
use crate::model::time_entry::{TimeContext, parse_time, split_leading_time};
use crate::model::zone;
use crate::model::{Event, EventKind, Timestamp};
use crate::tui::app::{Model, Notice, Overlay};
use crate::tui::effects::Effect;
use crate::tui::intent::Intent;
use crate::tui::messages;
use crate::tui::screens::form::update::refresh_feedback;
use crate::tui::screens::form::{Feedback, Field, FieldKey, Form, Purpose};

pub const TIME: FieldKey = FieldKey::EventTime;
pub const KIND: FieldKey = FieldKey::EventKind;
pub const TEXT: FieldKey = FieldKey::EventText;
pub const SOURCE: FieldKey = FieldKey::EventSource;
pub const KNOWN: FieldKey = FieldKey::KnownThen;

pub fn event_form(event: Option<&Event>) -> Form {
    let kinds: Vec<&str> = EventKind::ALL.iter().map(|k| k.as_str()).collect();
    let (purpose, title) = match event {
        Some(e) => (Purpose::EditEvent(e.id.clone()), format!("Edit event {}", e.id)),
        None => (Purpose::AddEvent, "Add event".to_string()),
    };
    let time = event.map(|e| e.at.to_rfc3339()).unwrap_or_default();
    let kind = event.map_or(EventKind::Observation, |e| e.kind).as_str();
    let form = Form::new(
        purpose,
        title,
        vec![
            Field::text(TIME, &time, "now — or 14:32, +5m, 2026-03-02 14:32"),
            Field::choice_of(KIND, &kinds, kind),
            Field::text(TEXT, event.map_or("", |e| &e.text), "what happened, as it looked then")
                .multiline(),
            Field::text(
                SOURCE,
                event.map_or("", |e| &e.source),
                "a log line, a link, a chat message",
            ),
            Field::text(KNOWN, event.map_or("", |e| &e.known_then), "what responders knew then")
                .multiline(),
        ],
    );
    // Adding starts on the time, the first thing a room says; editing on the text.
    if event.is_some() { form.focus_on(TEXT) } else { form }
}

/// What a typed time is read against, for the event being added or edited.
fn time_context(model: &Model, editing: Option<&str>) -> TimeContext {
    let now = (model.clock)();
    let Some(doc) = model.doc.as_ref() else {
        return TimeContext { now, selected: None, reference: None };
    };
    // A typed time is read in the review's offset, whichever offset the neighbour it is
    // dated from was recorded in (a pasted `Z` line must not set the offset of the next).
    let offset = zone::review_offset(&doc.session);
    let selected = match editing {
        Some(id) => doc.session.event(id).map(|e| e.at),
        None => doc.selected_event().map(|e| e.at),
    }
    .map(|at| zone::shown_in(&at, offset));
    let start = doc.session.incident.started_at.map(|at| zone::shown_in(&at, offset));
    TimeContext { now: zone::shown_in(&now, offset), selected, reference: selected.or(start) }
}

fn editing_id(form: &Form) -> Option<&str> {
    match &form.purpose {
        Purpose::EditEvent(id) => Some(id),
        _ => None,
    }
}

fn read_time(model: &Model, form: &Form) -> Result<Timestamp, String> {
    let ctx = time_context(model, editing_id(form));
    parse_time(&form.value(TIME), &ctx).map_err(|e| e.to_string())
}

pub fn preview_time(model: &Model, form: &mut Form) {
    let feedback = match read_time(model, form) {
        Ok(at) => Feedback::Preview(format!("→ {}", at.format("%a %-d %b %Y %H:%M:%S %:z"))),
        Err(problem) => Feedback::Problem(problem),
    };
    form.set_feedback(TIME, Some(feedback));
}

pub fn submit(model: &mut Model, mut form: Form) -> Vec<Effect> {
    let at = match read_time(model, &form) {
        Ok(at) => at,
        Err(problem) => {
            form.set_feedback(TIME, Some(Feedback::Problem(problem)));
            form.focus_on_field(TIME);
            model.overlay = Some(Overlay::Form(form));
            return Vec::new();
        }
    };
    let text = sanitize(form.value(TEXT).trim());
    if text.is_empty() {
        form.set_feedback(TEXT, Some(Feedback::Problem(messages::TEXT_REQUIRED.into())));
        form.focus_on_field(TEXT);
        model.overlay = Some(Overlay::Form(form));
        return Vec::new();
    }
    let kind = EventKind::parse(&form.value(KIND)).unwrap_or_default();
    let source = sanitize_line(&form.value(SOURCE));
    let known_then = sanitize(form.value(KNOWN).trim());
    let Some(doc) = model.doc.as_mut() else { return Vec::new() };
    let id = match editing_id(&form) {
        Some(id) => id.to_string(),
        None => match doc.ids.events.next_id() {
            Ok(id) => id,
            Err(e) => {
                model.notice = Some(Notice::exhausted(&e));
                return Vec::new();
            }
        },
    };
    let new_id = id.clone();
    let changed = doc.edit(|s| match s.event_mut(&new_id) {
        Some(e) => {
            e.at = at;
            e.kind = kind;
            e.text = text;
            e.source = source;
            e.known_then = known_then;
        }
        None => {
            s.events.push(Event {
                id: new_id,
                at,
                kind,
                text,
                source,
                known_then,
                extra: Default::default(),
            });
        }
    });
    if changed {
        doc.select_event(&id);
    } else {
        model.notice = Some(Notice::problem(messages::READ_ONLY));
    }
    Vec::new()
}

/// A paste into the add form: one line goes into the field; several lines are offered as
/// one event each.
pub fn paste_into_form(model: &mut Model, text: String, mut form: Form) -> Vec<Effect> {
    let lines = split_pasted_lines(&text);
    if lines.len() > 1 {
        let events = events_from_lines(model, &lines, &form);
        model.overlay = Some(Overlay::PasteOffer { lines, events, form });
    } else {
        form.insert(&sanitize_line(&text));
        refresh_feedback(model, &mut form);
        model.overlay = Some(Overlay::Form(form));
    }
    Vec::new()
}

pub fn paste_offer(
    model: &mut Model,
    action: Intent,
    lines: Vec<String>,
    events: Vec<(Timestamp, String)>,
    mut form: Form,
) -> Vec<Effect> {
    match action {
        Intent::Submit => create_events(model, events, &form),
        Intent::Cancel => {
            // Keep the text: it goes into the field as one line instead.
            form.insert(&lines.join(" "));
            model.overlay = Some(Overlay::Form(form));
        }
        _ => model.overlay = Some(Overlay::PasteOffer { lines, events, form }),
    }
    Vec::new()
}

/// The time and text each pasted line would become.
fn events_from_lines(model: &Model, lines: &[String], form: &Form) -> Vec<(Timestamp, String)> {
    let mut ctx = time_context(model, None);
    // Lines without a time of their own follow the line before; the first falls back to
    // the time in the form (or now).
    let typed = !form.value(TIME).trim().is_empty();
    let mut last = match read_time(model, form) {
        Ok(at) if typed => at,
        _ => ctx.reference.unwrap_or(ctx.now),
    };
    let mut events: Vec<(Timestamp, String)> = Vec::new();
    for line in lines {
        ctx.reference = Some(last);
        let (at, rest) = split_leading_time(line, &ctx);
        let at = match (at, events.is_empty()) {
            (Some(at), true) => at,
            (Some(at), false) => forward_in_a_log(line, at, last),
            // A first line without a time takes the form's time, or now.
            (None, true) => read_time(model, form).unwrap_or(ctx.now),
            (None, false) => last,
        };
        last = at;
        let text = if rest.is_empty() { line.as_str() } else { rest };
        events.push((at, text.to_string()));
    }
    events
}

/// A pasted log runs forward: a clock time more than an hour before the line above it is
/// read as the next day (`23:58` then `00:04`; `09:40` then `23:58`). Lines with a date
/// keep it.
fn forward_in_a_log(line: &str, at: Timestamp, previous: Timestamp) -> Timestamp {
    let head = line.trim_start_matches('[');
    let dated = head.len() > 4
        && head.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && head.as_bytes()[4] == b'-';
    // The rollover rule is the import's too; it also never overflows at the calendar's end.
    if dated { at } else { crate::model::time_entry::roll_forward(at, previous) }
}

fn create_events(model: &mut Model, events: Vec<(Timestamp, String)>, form: &Form) {
    let kind = EventKind::parse(&form.value(KIND)).unwrap_or_default();
    let Some(doc) = model.doc.as_mut() else { return };
    let count = events.len();
    let ids: Result<Vec<String>, _> = events.iter().map(|_| doc.ids.events.next_id()).collect();
    let ids = match ids {
        Ok(ids) => ids,
        Err(e) => {
            model.notice = Some(Notice::exhausted(&e));
            return;
        }
    };
    let last_id = ids.last().cloned();
    let changed = doc.edit(|s| {
        for ((at, text), id) in events.into_iter().zip(ids) {
            s.events.push(Event {
                id,
                at,
                kind,
                text,
                source: String::new(),
                known_then: String::new(),
                extra: Default::default(),
            });
        }
    });
    if let (true, Some(id)) = (changed, last_id) {
        doc.select_event(&id);
        model.notice = Some(Notice::info(messages::events_created(count)));
    } else {
        model.notice = Some(Notice::problem(messages::READ_ONLY));
    }
}
