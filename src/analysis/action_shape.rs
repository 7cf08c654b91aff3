//! How an action item reads: where the action itself starts, the word that leads it, and its
//! shape — a change to a named thing (whatever the verb), or a wish, an intention, activity
//! under way, a statement of what is already done, something asked of a person. Specific
//! and Measurable both judge from this one reading.

use super::phrases::{LISTS, PhraseList, ShapeMeasure, find, is_number, skip_filler, starting_at};

/// The shape of an action's wording. Positions are word indexes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape<'l> {
    Empty,
    /// A vague shape ("look into", "improve", "aim to") at `at`, or anywhere when nothing
    /// else names a change. `rescued`: a change, a method ("by adding…") or, for an
    /// inquiry, a deliverable follows; for a direction, a number.
    Vague {
        at: usize,
        len: usize,
        suggestion: &'l str,
        measure: Option<ShapeMeasure>,
        rescued: bool,
    },
    /// "We are reviewing …": activity under way.
    Ongoing {
        at: usize,
        len: usize,
    },
    /// "… has been put in place", "we have added …": what is already done.
    Done {
        at: usize,
        len: usize,
    },
    /// "Make the playbook better": a verb of aspiration and a comparative, no number.
    Aspiration {
        at: usize,
        len: usize,
    },
    /// "Remind engineers …": something asked of a person.
    Directed {
        at: usize,
        len: usize,
    },
    /// Opens with a thing, not a change: "A canary stage for …".
    NoVerb,
    /// "Fix the DNS issue": work on a thing without saying what changes.
    Unspecified {
        at: usize,
        len: usize,
    },
    /// A change, but too short to say which thing and where: "Add tests".
    Short {
        at: usize,
    },
    /// A change to a named thing: "Rotate the signing key and pin it in the client".
    Concrete {
        at: usize,
    },
}

/// Reads `w` (the lower-cased words of an action).
pub(crate) fn read(w: &[String]) -> Shape<'static> {
    if w.is_empty() {
        return Shape::Empty;
    }
    let s = &LISTS.specific;
    let start = skip_filler(w);
    if let Some(shape) = vague_at(w, start) {
        return shape;
    }
    // "The team will …", "Steps are being taken …", "We have added …".
    let mut lead = start;
    if let Some(aux) = statement(w, start) {
        let mut next = aux + 1;
        while w.get(next).is_some_and(|x| {
            matches!(x.as_str(), "to" | "not" | "be" | "been" | "being") || adverb(x)
        }) {
            if matches!(w[next].as_str(), "been" | "being") {
                return Shape::Done { at: aux, len: next + 1 - aux };
            }
            if let Some(shape) = vague_at(w, next) {
                return shape;
            }
            // "Sarah needs to be retrained": the change is in a person.
            if let Some((len, _)) = starting_at(&LISTS.systemic.person_fix, w, next) {
                return Shape::Directed { at: next, len };
            }
            next += 1;
        }
        let Some(verb) = w.get(next) else { return Shape::NoVerb };
        let progressive =
            matches!(w[aux].as_str(), "is" | "are" | "was" | "were" | "we're" | "be" | "being")
                || w[aux + 1..next].iter().any(|x| x == "be");
        if progressive && verb.ends_with("ing") {
            return Shape::Ongoing { at: aux, len: next + 1 - aux };
        }
        if matches!(w[aux].as_str(), "has" | "have" | "had" | "we've") && verb.ends_with("ed") {
            return Shape::Done { at: aux, len: next + 1 - aux };
        }
        lead = next;
        if let Some(shape) = vague_at(w, lead) {
            return shape;
        }
    }
    if let Some((len, _)) = starting_at(&LISTS.measurable.vague_quantities, w, lead) {
        let suggestion = super::action_messages::WISH_SUGGESTION;
        let measure = Some(ShapeMeasure::Fail);
        return Shape::Vague { at: lead, len, suggestion, measure, rescued: false };
    }
    if starting_at(&s.non_verbs, w, lead).is_some() {
        return Shape::NoVerb;
    }
    // "Remind engineers …" — but "ask for the cluster name to be typed" is a prompt.
    if let Some((len, _)) = starting_at(&s.person_directed, w, lead)
        && w.get(lead + len).is_none_or(|next| !matches!(next.as_str(), "for" | "about" | "that"))
    {
        return Shape::Directed { at: lead, len };
    }
    // "Make the playbook better" — but "more than one region" is a count.
    let aspiring = (lead..w.len()).any(|i| {
        starting_at(&s.comparatives, w, i).is_some()
            && w.get(i + 1).is_none_or(|next| next != "than")
    });
    if starting_at(&s.aspiration_verbs, w, lead).is_some()
        && aspiring
        && !w.iter().any(|x| is_number(x))
    {
        return Shape::Aspiration { at: lead, len: w.len() - lead };
    }
    // A vague shape further on, with no change named anywhere: "Take a more proactive …".
    if find(&s.change_verbs, w).is_none()
        && let Some(shape) = (lead..w.len()).find_map(|at| vague_at(w, at))
    {
        return shape;
    }
    if let Some((len, _)) = starting_at(&s.vague_changes, w, lead) {
        let specified = contains_from(&s.specifiers, w, lead + len) || has_number(w);
        if !specified {
            return Shape::Unspecified { at: lead, len: (w.len() - lead).min(len + 2) };
        }
    }
    if w.len() - lead < 4 {
        return Shape::Short { at: lead };
    }
    Shape::Concrete { at: lead }
}

/// A number anywhere: a digit, or a number word ("three", "weekly").
pub(crate) fn has_number(w: &[String]) -> bool {
    w.iter().any(|x| is_number(x)) || find(&LISTS.measurable.number_words, w).is_some()
}

/// The vague shape starting at `at`, with whether what follows rescues it.
fn vague_at(w: &[String], at: usize) -> Option<Shape<'static>> {
    LISTS.specific.vague.iter().find_map(|shape| {
        let (len, _) = starting_at(&shape.phrases, w, at)?;
        let rescued = match shape.measurable {
            Some(ShapeMeasure::Warn) => false,
            Some(ShapeMeasure::Direction) => has_number(w) || method(w, at + len),
            Some(ShapeMeasure::Inquiry) => {
                change_follows(w, at + len)
                    || contains_from(&LISTS.measurable.deliverables, w, at + len)
            }
            _ => change_follows(w, at + len) || method(w, at + len),
        };
        Some(Shape::Vague {
            at,
            len,
            suggestion: shape.suggestion.as_str(),
            measure: shape.measurable,
            rescued,
        })
    })
}

/// Where a statement's auxiliary is: "the team *will*", "steps *are*", "we *have*" — an
/// auxiliary at the start, or after a short subject that is not itself a change.
fn statement(w: &[String], start: usize) -> Option<usize> {
    let s = &LISTS.specific;
    let first = w.get(start)?;
    let is_aux = |i: usize| starting_at(&s.auxiliaries, w, i).is_some();
    if is_aux(start) && first != "to" {
        return Some(start);
    }
    let subject_like = starting_at(&s.change_verbs, w, start).is_none()
        && starting_at(&s.vague_changes, w, start).is_none()
        && starting_at(&s.aspiration_verbs, w, start).is_none()
        && starting_at(&s.person_directed, w, start).is_none();
    if !subject_like {
        return None;
    }
    (start + 1..(start + 4).min(w.len())).find(|&i| is_aux(i))
}

/// "… and remove the fallback", "… then add a check": a change verb after "and" or "then".
pub(crate) fn change_follows(w: &[String], from: usize) -> bool {
    let verbs = &LISTS.specific.change_verbs;
    (from..w.len()).any(|i| {
        matches!(w[i].as_str(), "and" | "then")
            && (starting_at(verbs, w, i + 1).is_some()
                || w.get(i + 1).is_some_and(|x| x == "we")
                    && starting_at(verbs, w, i + 2).is_some())
    })
}

/// "… by adding an index": the method that makes a direction into a change.
fn method(w: &[String], from: usize) -> bool {
    w.iter().skip(from).zip(w.iter().skip(from + 1)).any(|(a, b)| a == "by" && b.ends_with("ing"))
}

fn contains_from(list: &PhraseList, w: &[String], from: usize) -> bool {
    (from..w.len()).any(|i| starting_at(list, w, i).is_some())
}

fn adverb(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ly")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::phrases::words;

    fn shape(text: &str) -> String {
        format!("{:?}", read(&words(text)))
    }

    #[test]
    fn any_verb_on_a_named_thing_is_a_change() {
        for text in [
            "Rotate the signing key and pin it in the client",
            "Raise the connection limit of the primary to 800",
            "Restore the rate limiter that was disabled in March",
            "Quiesce the write path before the failover script promotes a replica",
        ] {
            assert!(shape(text).starts_with("Concrete"), "{text}: {}", shape(text));
        }
    }

    #[test]
    fn intentions_activity_and_done_work_are_not_changes() {
        assert!(shape("We are reviewing our processes.").starts_with("Ongoing"));
        assert!(shape("Steps are being taken to prevent this.").starts_with("Vague"));
        assert!(shape("Additional monitoring has been put in place.").starts_with("Done"));
        assert!(shape("We have added more checks to the pipeline.").starts_with("Done"));
        assert!(shape("The team will continue to look for ways to help.").starts_with("Vague"));
        assert!(shape("Make the playbook better.").starts_with("Aspiration"));
        assert!(shape("Fix the DNS issue").starts_with("Unspecified"));
        assert!(shape("Add tests").starts_with("Short"));
        assert!(shape("Remind engineers to check the lag").starts_with("Directed"));
    }
}
