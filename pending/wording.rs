//! Language findings in the console: linted once per distinct text and kept, so drawing a
//! long timeline does not lint it again on every frame.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::analysis::language::{Finding, LintContext, Severity, lint};
use crate::analysis::review_language::{is_dismissed, known_names};
use crate::model::{Mode, Session};

#[derive(Default)]
pub struct WordingCache {
    /// The names and mode the cached results were computed with.
    basis: RefCell<(Vec<String>, bool)>,
    results: RefCell<HashMap<String, Rc<Vec<Finding>>>>,
}

impl WordingCache {
    /// Findings for one field of one item, without those the room dismissed.
    pub fn findings(&self, session: &Session, item: &str, field: &str, text: &str) -> Vec<Finding> {
        if text.trim().is_empty() {
            return Vec::new();
        }
        let all = self.lint(session, text);
        all.iter().filter(|f| !is_dismissed(session, item, field, f)).cloned().collect()
    }

    /// How many findings at warning or above these fields hold.
    pub fn warnings(&self, session: &Session, fields: &[(String, &'static str, &str)]) -> usize {
        fields
            .iter()
            .map(|(item, field, text)| {
                self.findings(session, item, field, text)
                    .iter()
                    .filter(|f| f.severity >= Severity::Warning)
                    .count()
            })
            .sum()
    }

    fn lint(&self, session: &Session, text: &str) -> Rc<Vec<Finding>> {
        let names = known_names(session);
        let self_review = session.incident.mode == Mode::SelfReview;
        {
            let mut basis = self.basis.borrow_mut();
            if basis.0 != names || basis.1 != self_review {
                *basis = (names.clone(), self_review);
                self.results.borrow_mut().clear();
            }
        }
        if let Some(found) = self.results.borrow().get(text) {
            return Rc::clone(found);
        }
        let ctx = LintContext { known_names: &names, self_review, markdown: false };
        let found = Rc::new(lint(text, &ctx));
        self.results.borrow_mut().insert(text.to_string(), Rc::clone(&found));
        found
    }
}

/// A finding's category as a person would say it.
pub fn label(f: &Finding) -> &'static str {
    f.category.label()
}
