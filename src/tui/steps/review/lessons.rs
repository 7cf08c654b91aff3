//! The lessons on the Review step: what went well, what went wrong, where the room (or, in
//! a self-review, the writer) got lucky — their form, their lines in the list, and the
//! selected one in full with its wording findings.

use ratatui::text::Line;

use crate::analysis::actions::known_names;
use crate::analysis::language::{Finding, LintContext, Severity, lint};
use crate::analysis::policy::DuePolicy;
use crate::export::words;
use crate::model::text::sanitize;
use crate::model::{LessonKind, Mode, Session};
use crate::tui::app::{Doc, Model, Notice, Overlay};
use crate::tui::effects::Effect;
use crate::tui::messages;
use crate::tui::screens::form::{Choice, Feedback, Field, FieldKey, Form, Purpose};
use crate::tui::steps::review::state::{Row, rows};
use crate::tui::theme::Theme;
use crate::tui::widgets::truncate;

const KIND: FieldKey = FieldKey::LessonKind;
const TEXT: FieldKey = FieldKey::Lesson;

/// The list's heading, in the first person for a self-review.
pub fn heading(kind: LessonKind, mode: Mode) -> &'static str {
    words::lesson(kind, mode)
}

/// What the text field asks, before anything is typed.
fn prompt(kind: LessonKind, mode: Mode) -> &'static str {
    match (kind, mode) {
        (LessonKind::WentWell, Mode::Facilitated) => {
            "what helped: an alert that fired, a runbook that was right, a quick hand-over…"
        }
        (LessonKind::WentWell, Mode::SelfReview) => {
            "what helped me: a check I ran, a note I had kept, someone I could ask…"
        }
        (LessonKind::WentWrong, Mode::Facilitated) => {
            "what made it harder: a missing dashboard, a step that failed, a slow page…"
        }
        (LessonKind::WentWrong, Mode::SelfReview) => {
            "what made it harder for me: what I could not see, what I did not have…"
        }
        (LessonKind::Lucky, Mode::Facilitated) => {
            "what kept it from being worse by chance, not by design"
        }
        (LessonKind::Lucky, Mode::SelfReview) => {
            "where I got lucky: what kept it from being worse by chance, not by design"
        }
    }
}

/// Adding to `kind` (the person may pick another list), or editing lesson `index` of it.
pub fn form(session: &Session, kind: LessonKind, index: Option<usize>) -> Form {
    let mode = session.incident.mode;
    let lists = LessonKind::ALL.iter().map(|k| Choice::new(k.key(), heading(*k, mode))).collect();
    let text = index.and_then(|i| session.lessons.list(kind).get(i)).cloned().unwrap_or_default();
    let (purpose, title) = match index {
        Some(index) => {
            (Purpose::EditLesson { kind, index }, format!("Edit · {}", heading(kind, mode)))
        }
        None => (Purpose::AddLesson, "Add a lesson".to_string()),
    };
    let fields = vec![
        Field::choice(KIND, lists, kind.key()),
        Field::text(TEXT, &text, prompt(kind, mode)).multiline(),
    ];
    let mut form = Form::new(purpose, title, fields).focus_on(TEXT);
    form.set_feedback(KIND, Some(Feedback::Preview(format!("→ {}", prompt(kind, mode)))));
    form
}

/// The question under the list chosen follows the choice, so it always asks the right one.
pub fn feedback(model: &Model, form: &mut Form) {
    let mode = model.doc.as_ref().map_or(Mode::Facilitated, |d| d.session.incident.mode);
    let question = prompt(chosen(form), mode);
    form.set_feedback(KIND, Some(Feedback::Preview(format!("→ {question}"))));
}

fn chosen(form: &Form) -> LessonKind {
    let id = form.value(KIND);
    LessonKind::ALL.into_iter().find(|k| k.key() == id).unwrap_or(LessonKind::WentWell)
}

pub fn submit(model: &mut Model, mut form: Form) -> Vec<Effect> {
    let text = sanitize(form.value(TEXT).trim());
    if text.is_empty() {
        form.set_feedback(TEXT, Some(Feedback::Problem(messages::LESSON_REQUIRED.into())));
        form.focus_on_field(TEXT);
        model.overlay = Some(Overlay::Form(form));
        return Vec::new();
    }
    let Some(doc) = model.doc.as_mut() else { return Vec::new() };
    let to = chosen(&form);
    let edited = match form.purpose {
        Purpose::EditLesson { kind, index } => Some((kind, index)),
        _ => None,
    };
    let mut placed = None;
    let changed = doc.edit(|s| {
        // An edit that moves the lesson to another list takes it out of the old one.
        if let Some((kind, index)) = edited {
            let list = s.lessons.list_mut(kind);
            if kind == to && index < list.len() {
                list[index] = text.clone();
                placed = Some(index);
                return;
            }
            if index < list.len() {
                list.remove(index);
            }
        }
        let list = s.lessons.list_mut(to);
        list.push(text.clone());
        placed = Some(list.len() - 1);
    });
    if !changed {
        model.notice = Some(Notice::problem(messages::READ_ONLY));
        return Vec::new();
    }
    if let Some(index) = placed {
        select(doc, &model.policy, to, index);
    }
    let heading = heading(to, doc.session.incident.mode);
    model.notice = Some(Notice::info(messages::lesson_saved(heading)));
    Vec::new()
}

/// Selects lesson `index` of `kind` on the Review step.
pub fn select(doc: &mut Doc, policy: &DuePolicy, kind: LessonKind, index: usize) {
    let gate = doc.gate(policy);
    let all = rows(doc, &gate);
    if let Some(i) = all.iter().position(|r| *r == Row::Lesson { kind, index }) {
        doc.review.selected = i;
    }
}

/// The language linter's findings on a lesson worth a second look (warnings and up).
pub fn findings(session: &Session, text: &str) -> Vec<Finding> {
    let names = known_names(session);
    let self_review = session.incident.mode == Mode::SelfReview;
    let ctx = LintContext { known_names: &names, self_review, markdown: false, answer: false };
    lint(text, &ctx).into_iter().filter(|f| f.severity >= Severity::Warning).collect()
}

/// The lessons' part of the Review list: a heading per list, a row per lesson, and a ⚑ on
/// one whose wording the linter flags. Returns the line index of the selected row, if any.
pub fn lines(
    doc: &Doc,
    selected: Option<&Row>,
    theme: &Theme,
    width: usize,
    out: &mut Vec<Line<'static>>,
) -> Option<usize> {
    let session = &doc.session;
    let mode = session.incident.mode;
    let mut at = None;
    out.push(Line::raw(""));
    let total: usize = LessonKind::ALL.iter().map(|k| session.lessons.list(*k).len()).sum();
    out.push(Line::styled(format!("Lessons · {total}"), theme.title));
    if total == 0 {
        out.push(Line::styled(
            "    a adds what went well, what went wrong, or where luck helped.",
            theme.dim,
        ));
    }
    for kind in LessonKind::ALL {
        let list = session.lessons.list(kind);
        if list.is_empty() {
            continue;
        }
        out.push(Line::styled(format!("  {}", heading(kind, mode)), theme.dim));
        for (index, lesson) in list.iter().enumerate() {
            let flag = if findings(session, lesson).is_empty() { " " } else { "⚑" };
            let text = truncate(&lesson.replace('\n', " "), width.saturating_sub(6));
            if selected == Some(&Row::Lesson { kind, index }) {
                at = Some(out.len());
                out.push(Line::styled(format!("  ▶{flag} {text}"), theme.selected));
            } else {
                out.push(Line::raw(format!("   {flag} {text}")));
            }
        }
    }
    at
}

/// The selected lesson in full, with each wording finding and the question to ask instead.
pub fn side(model: &Model, doc: &Doc, kind: LessonKind, index: usize) -> Vec<Line<'static>> {
    let theme = &model.theme;
    let session = &doc.session;
    let Some(text) = session.lessons.list(kind).get(index) else { return Vec::new() };
    let mut out = vec![Line::styled(heading(kind, session.incident.mode).to_string(), theme.key)];
    out.extend(text.lines().map(|l| Line::raw(l.to_string())));
    for f in findings(session, text) {
        out.push(Line::raw(""));
        out.push(Line::styled(format!("⚑ “{}” — {}", f.matched, f.message), theme.problem));
        out.push(Line::styled(format!("? {}", f.suggestion), theme.dim));
    }
    out.push(Line::raw(""));
    out.push(Line::styled("e edits it, x removes it.", theme.dim));
    out
}
