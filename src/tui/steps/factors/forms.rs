//! The factor form (its category's question under the choice, person-focused wording
//! flagged as it is typed), and the lists of whys and events that evidence a factor.

use crate::analysis::actions::known_names;
use crate::analysis::whys::wrong_turn;
use crate::model::text::sanitize;
use crate::model::zone;
use crate::model::{Category, Factor, WhyTree};
use crate::tui::app::{Doc, Model, Notice, Overlay};
use crate::tui::effects::Effect;
use crate::tui::facilitation::prompts;
use crate::tui::messages;
use crate::tui::screens::form::{Choice, Feedback, Field, FieldKey, Form, Purpose};
use crate::tui::screens::picker::{PickFor, PickItem, Picker};

pub const TEXT: FieldKey = FieldKey::FactorText;
pub const CATEGORY: FieldKey = FieldKey::Category;
pub const RISK: FieldKey = FieldKey::AcceptedRisk;

pub fn factor_form(factor: Option<&Factor>) -> Form {
    let categories = Category::ALL.iter().map(|c| Choice::plain(c.as_str())).collect();
    let (purpose, title) = match factor {
        Some(f) => (Purpose::EditFactor(f.id.clone()), format!("Edit factor {}", f.id)),
        None => (Purpose::AddFactor, "Add a contributing factor".to_string()),
    };
    let category = factor.map_or(Category::default(), |f| f.category);
    let mut form = Form::new(
        purpose,
        title,
        vec![
            Field::text(TEXT, factor.map_or("", |f| &f.text), messages::FACTOR_PLACEHOLDER)
                .multiline(),
            Field::choice(CATEGORY, categories, category.as_str()),
            Field::text(RISK, factor.map_or("", |f| &f.accepted_risk), messages::RISK_PLACEHOLDER)
                .multiline(),
        ],
    );
    form.set_feedback(CATEGORY, Some(Feedback::Preview(prompts::for_category(category).into())));
    form
}

fn category_of(form: &Form) -> Category {
    let value = form.value(CATEGORY);
    Category::ALL.into_iter().find(|c| c.as_str() == value).unwrap_or_default()
}

/// The category's question under the choice; a factor worded about a person is flagged.
pub fn feedback(model: &Model, form: &mut Form) {
    let prompt = prompts::for_category(category_of(form));
    form.set_feedback(CATEGORY, Some(Feedback::Preview(prompt.into())));
    let names = model.doc.as_ref().map(|d| known_names(&d.session)).unwrap_or_default();
    let fb = wrong_turn(&form.value(TEXT), &names)
        .map(|t| Feedback::Problem(crate::analysis::messages::wrong_turn(&t.matched)));
    form.set_feedback(TEXT, fb);
}

pub fn submit(model: &mut Model, mut form: Form) -> Vec<Effect> {
    let text = sanitize(form.value(TEXT).trim());
    if text.is_empty() {
        form.set_feedback(TEXT, Some(Feedback::Problem(messages::FACTOR_REQUIRED.into())));
        form.focus_on_field(TEXT);
        model.overlay = Some(Overlay::Form(form));
        return Vec::new();
    }
    let category = category_of(&form);
    let risk = sanitize(form.value(RISK).trim());
    let Some(doc) = model.doc.as_mut() else { return Vec::new() };
    if doc.read_only {
        model.notice = Some(Notice::problem(messages::READ_ONLY));
        return Vec::new();
    }
    let id = match &form.purpose {
        Purpose::EditFactor(id) => id.clone(),
        _ => match doc.ids.factors.next_id() {
            Ok(id) => id,
            Err(e) => {
                model.notice = Some(Notice::exhausted(&e));
                return Vec::new();
            }
        },
    };
    doc.edit(|s| {
        let factor = match s.factor_mut(&id) {
            Some(f) => f,
            None => {
                s.factors.push(Factor { id: id.clone(), ..Factor::default() });
                s.factors.last_mut().expect("just pushed")
            }
        };
        factor.text = text;
        factor.category = category;
        factor.accepted_risk = risk;
    });
    if let Some(i) = doc.session.factors.iter().position(|f| f.id == id) {
        doc.factors.selected = i;
    }
    Vec::new()
}

pub fn whys_picker(doc: &Doc, id: &str) -> Picker {
    let linked = doc.session.factor(id).map(|f| f.whys.clone()).unwrap_or_default();
    let items = (doc.session.whys.walk().into_iter())
        .map(|(w, depth)| PickItem {
            id: Some(w.id.clone()),
            label: format!("{} {}", w.id, w.text.replace('\n', " ")),
            depth,
            checked: linked.contains(&w.id),
        })
        .collect();
    Picker::new(PickFor::FactorWhys(id.into()), format!("Whys that evidence {id}"), items, true)
}

pub fn events_picker(doc: &Doc, id: &str) -> Picker {
    let linked = doc.session.factor(id).map(|f| f.events.clone()).unwrap_or_default();
    let offset = zone::review_offset(&doc.session);
    let items = (doc.session.events.iter())
        .map(|e| PickItem {
            id: Some(e.id.clone()),
            label: format!(
                "{:<6} {:<4} {}",
                zone::clock(&e.at, offset),
                e.id,
                e.text.replace('\n', " ")
            ),
            depth: 0,
            checked: linked.contains(&e.id),
        })
        .collect();
    Picker::new(PickFor::FactorEvents(id.into()), format!("Events that evidence {id}"), items, true)
}
