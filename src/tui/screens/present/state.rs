//! Presentation mode's state and what it reads: the theme to go back to, and names shown
//! as roles (in the presentation view and the incident form's participants).

use crate::model::Participant;
use crate::tui::app::Model;
use crate::tui::facilitation::cards;
use crate::tui::screens::console::forms::{PARTICIPANTS, parse_participants};
use crate::tui::screens::form::{Field, Form, Purpose};
use crate::tui::theme::Theme;

#[derive(Debug, Clone, Copy, Default)]
pub struct Presentation {
    pub on: bool,
    /// The theme to go back to afterwards.
    pub(crate) before: Option<Theme>,
}

/// `text` with each participant's name, as a whole word with its capitals, replaced by
/// their role, so a shared screen talks about roles in a system, not about people.
pub fn as_roles(participants: &[Participant], text: &str) -> String {
    let names: Vec<(&str, String)> = participants
        .iter()
        .filter(|p| !p.name.trim().is_empty())
        .map(|p| (p.name.trim(), role(p)))
        .collect();
    if names.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut after_word = false;
    while let Some(c) = rest.chars().next() {
        let found = (!after_word)
            .then(|| {
                names.iter().find(|(name, _)| {
                    rest.starts_with(name)
                        && !rest[name.len()..].chars().next().is_some_and(char::is_alphanumeric)
                })
            })
            .flatten();
        if let Some((name, role)) = found {
            out.push_str(role);
            rest = &rest[name.len()..];
            after_word = true;
            continue;
        }
        out.push(c);
        after_word = c.is_alphanumeric();
        rest = &rest[c.len_utf8()..];
    }
    out
}

fn role(p: &Participant) -> String {
    let role = p.role.trim();
    if role.is_empty() { cards::words().present.participant.clone() } else { role.to_string() }
}

/// While presenting, the incident form's participants are shown as roles and cannot be
/// typed into (typing would edit names the room cannot see).
pub fn masks(model: &Model, form: &Form) -> bool {
    form.focused().is_some_and(|f| masked(model, form, f).is_some())
}

/// What a masked field shows instead of its text.
pub fn masked(model: &Model, form: &Form, field: &Field) -> Option<String> {
    if !model.present.on || form.purpose != Purpose::Incident || field.label != PARTICIPANTS {
        return None;
    }
    let people = parse_participants(&field.value());
    let roles: Vec<String> = people.iter().map(role).collect();
    // The note first, so a narrow field still says why there are no names.
    Some(format!("({}) {}", cards::words().present.roles, roles.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people() -> Vec<Participant> {
        vec![
            Participant { name: "Dev".into(), role: "on-call SRE".into() },
            Participant { name: "Priya".into(), role: "payments engineer".into() },
            Participant { name: "Bo".into(), role: String::new() },
        ]
    }

    #[test]
    fn names_become_roles_as_whole_words_only() {
        let text = "Dev paged Priya; Bo acked. Deployed to dev by Developers.";
        assert_eq!(
            as_roles(&people(), text),
            "on-call SRE paged payments engineer; participant acked. Deployed to dev by Developers."
        );
        assert_eq!(as_roles(&people(), "Priya’s laptop"), "payments engineer’s laptop");
        assert_eq!(as_roles(&[], "Dev"), "Dev");
    }
}
