//! What the Behaviours step shows: the selected act, and whether the list, the summary or
//! the classifier is open.

use crate::model::behaviour::{Classifier, Draft};
use crate::model::{Answer, Behaviour};
use crate::tui::app::Doc;

/// What the step shows, and where the person is in it.
#[derive(Debug, Default)]
pub struct BehavioursView {
    /// Index into the behaviours, in file order.
    pub selected: usize,
    /// First visible row; the renderer keeps the selection in view.
    pub offset: usize,
    pub mode: BehavioursMode,
}

#[derive(Debug, Clone, Default)]
pub enum BehavioursMode {
    #[default]
    List,
    Summary,
    Wizard(Wizard),
}

/// The classifier open on one act. Each answer is kept in the act as it is given, so an
/// act can be left half-classified and picked up where the room stopped.
#[derive(Debug, Clone)]
pub struct Wizard {
    pub behaviour: String,
    pub classifier: Classifier<'static>,
    /// The selected draft action, once an outcome is reached.
    pub draft: usize,
    /// This run of answers already has its undo step: one run up to an outcome undoes as one.
    pub recorded: bool,
}

impl Wizard {
    /// The draft system actions for the finished classification.
    pub fn drafts(&self, doc: &Doc) -> Vec<Draft> {
        let act = doc.session.behaviour(&self.behaviour).map_or("", |b| b.act.as_str());
        self.classifier.drafts(act)
    }

    /// The answers and outcome shown here are the ones stored in the file.
    /// Answers compare as a set (a hand-edited file may order them otherwise), and an
    /// outcome recorded by its family agrees, as in `outcome_disagrees`.
    pub fn is_saved(&self, doc: &Doc) -> bool {
        let stored = doc.session.behaviour(&self.behaviour);
        let (Some(outcome), Some(b)) = (self.classifier.outcome(), stored) else { return false };
        let sorted = |answers: &[(String, Answer)]| {
            let mut list = answers.to_vec();
            list.sort_by(|x, y| x.0.cmp(&y.0));
            list
        };
        let agrees = b.outcome == outcome.id || b.outcome == outcome.family.as_str();
        agrees && sorted(&b.answers) == sorted(self.classifier.answers())
    }
}

/// The classification the wizard holds for `behaviour`, if it is open on it and finished.
pub fn finished_answers(doc: &Doc, behaviour: &str) -> Option<(Vec<(String, Answer)>, String)> {
    let BehavioursMode::Wizard(w) = &doc.behaviours.mode else { return None };
    let outcome = w.classifier.outcome().filter(|_| w.behaviour == behaviour)?;
    Some((w.classifier.answers().to_vec(), outcome.id.clone()))
}

impl Doc {
    pub fn selected_behaviour(&self) -> Option<&Behaviour> {
        self.session.behaviours.get(self.behaviours.selected)
    }

    pub fn select_behaviour(&mut self, id: &str) {
        if let Some(i) = self.session.behaviours.iter().position(|b| b.id == id) {
            self.behaviours.selected = i;
        }
    }
}
