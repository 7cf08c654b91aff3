//! A JSON Schema (draft-07) of format 1, for editors with a TOML language server (taplo,
//! Even Better TOML): key completion, wrong types flagged while a review is edited by hand.
//! Unknown keys are allowed, as the reader keeps them.

use serde_json::{Map, Value, json};

use crate::model::{ActionKind, ActionStatus, Category, EventKind, Mode, ReviewStatus};

/// RFC 3339 with an offset, as TOML writes it or quoted: the reader refuses local times.
const TIME_PATTERN: &str =
    r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})$";
const DATE_PATTERN: &str = r"^\d{4}-\d{2}-\d{2}$";

/// The schema, as pretty JSON with a final newline (what `waterline schema` prints).
pub fn json_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&json_schema()).unwrap_or_default();
    text.push('\n');
    text
}

/// The schema as a JSON value.
pub fn json_schema() -> Value {
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "waterline review",
        "description": "One blameless postmortem review, format 1: the incident, its timeline, Five Whys, contributing factors, behaviours and action items.",
        "type": "object",
        "required": ["waterline", "incident"],
        "properties": {
            "waterline": { "type": "integer", "minimum": 1, "description": "The format version; this schema describes format 1." },
            "incident": incident(),
            "event": list("Timeline events, in time order.", event()),
            "why": list("Five Whys answers, a flat list with parent links.", why()),
            "factor": list("Contributing factors: several, never one root cause.", factor()),
            "behaviour": list("Acts classified with the Just Culture questions; an act, never a person.", behaviour()),
            "action": list("Action items and their lifecycle.", action()),
            "dismissed": list("Wording kept on purpose, with the reason.", dismissed()),
            "parked": list("Points parked for later.", parked()),
            "conflict": list("Items a git merge found changed on both sides, waiting for someone to choose.", conflict()),
            "lessons": lessons(),
        },
    })
}

fn list(description: &str, item: Value) -> Value {
    json!({ "type": "array", "description": description, "items": item })
}

fn object(required: &[&str], properties: Value) -> Value {
    json!({ "type": "object", "required": required, "properties": properties })
}

fn text(description: &str) -> Value {
    json!({ "type": "string", "description": description })
}

fn id(description: &str) -> Value {
    json!({ "type": "string", "minLength": 1, "description": description })
}

fn ids(description: &str) -> Value {
    json!({ "type": "array", "items": { "type": "string", "minLength": 1 }, "description": description })
}

fn time(description: &str) -> Value {
    json!({ "type": "string", "pattern": TIME_PATTERN, "description": format!("{description} An offset date-time: 2026-03-02T09:12:00Z.") })
}

fn choice(description: &str, values: Vec<&str>) -> Value {
    json!({ "type": "string", "enum": values, "description": description })
}

fn incident() -> Value {
    object(
        &["title"],
        json!({
            "title": { "type": "string", "pattern": r"\S", "description": "What happened, in a few words. Required, not blank." },
            "severity": text("Free text, e.g. SEV1; the severity policy maps it to due dates."),
            "status": choice("Where the review stands.", ReviewStatus::ALL.iter().map(|s| s.as_str()).collect()),
            "mode": choice("A facilitated review or a self-review.", vec![Mode::Facilitated.as_str(), Mode::SelfReview.as_str()]),
            "summary": text("What happened, in a few sentences."),
            "impact": text("Who or what was affected, for how long, how much."),
            "started_at": time("When the incident started."),
            "detected_at": time("When it was detected."),
            "mitigated_at": time("When the impact stopped growing."),
            "resolved_at": time("When it was resolved."),
            "facilitator": text("Who ran the review."),
            "participants": {
                "type": "array",
                "description": "Who took part; shown by role in presentation mode.",
                "items": object(&["name"], json!({ "name": text("A name."), "role": text("Their role in the incident, e.g. on-call engineer.") })),
            },
            "tags": { "type": "array", "items": { "type": "string" }, "description": "Free tags." },
            "gate_override": text("Why the review was marked reviewed although the gate had items missing."),
            "review_date": { "type": "string", "pattern": DATE_PATTERN, "description": "The day of the review (YYYY-MM-DD, a TOML local date); action due dates count from it." },
            "private_notes": text("A self-review's private notes: kept in the file, never in any output."),
        }),
    )
}

fn event() -> Value {
    object(
        &["id", "at"],
        json!({
            "id": id("A short id no other event uses, e.g. e3."),
            "at": time("When it happened."),
            "kind": choice("What kind of moment it was.", EventKind::ALL.iter().map(|k| k.as_str()).collect()),
            "text": text("What happened."),
            "source": text("The evidence: a link, a log line, a chat message."),
            "known_then": text("What the responders knew at that moment, as opposed to what is known now."),
        }),
    )
}

fn why() -> Value {
    object(
        &["id"],
        json!({
            "id": id("A short id no other why uses, e.g. w2."),
            "parent": id("The why this answers; none when it is asked of the incident itself."),
            "text": text("The answer."),
            "system_condition": { "type": "boolean", "description": "This answer reached a condition of the system someone can change." },
            "note": text("A note on this answer, e.g. the question asked."),
            "reframes": id("The wrong turn (a why id) this answer asks again in system terms."),
        }),
    )
}

fn factor() -> Value {
    object(
        &["id"],
        json!({
            "id": id("A short id no other factor uses, e.g. f1."),
            "text": text("The condition that contributed."),
            "category": choice("The kind of condition.", Category::ALL.iter().map(|c| c.as_str()).collect()),
            "whys": ids("Ids of the whys that evidence this factor."),
            "events": ids("Ids of the timeline events that evidence this factor."),
            "accepted_risk": text("A reasoned decision to accept this risk instead of acting on it."),
        }),
    )
}

fn behaviour() -> Value {
    let answer = json!({ "type": "string", "enum": ["yes", "no", "dont-know"] });
    let nodes = crate::model::just_culture::builtin().map_or(&[][..], |t| t.nodes());
    let questions: Map<String, Value> = (nodes.iter())
        .map(|n| (n.id.clone(), json!({ "type": "string", "enum": ["yes", "no", "dont-know"], "description": n.question })))
        .collect();
    object(
        &["id"],
        json!({
            "id": id("A short id no other behaviour uses, e.g. b1."),
            "act": text("One observable act, never a person."),
            "context": text("What made the act make sense at the time."),
            "answers": { "type": "object", "properties": questions, "additionalProperties": answer, "description": "The Just Culture questions answered, in order; may stop before an outcome while the act is half-classified." },
            "outcome": text("The outcome the answers lead to, in kebab-case."),
            "note": text("Anything the room wants recorded about the classification."),
            "event": id("The timeline event the act belongs to."),
            "evidence": text("Written evidence, required for a reckless outcome."),
            "second_reviewer": text("The second reviewer of a reckless outcome."),
        }),
    )
}

fn action() -> Value {
    object(
        &["id"],
        json!({
            "id": id("A short id no other action uses, e.g. a4."),
            "text": text("The change to make, specific and measurable."),
            "team": text("The team that owns it."),
            "owner": text("The one person who does it."),
            "due": { "type": "string", "pattern": DATE_PATTERN, "description": "The due date: 2026-03-16." },
            "status": choice("Where it stands.", ActionStatus::ALL.iter().map(|s| s.as_str()).collect()),
            "kind": choice("What it does about the incident.", ActionKind::ALL.iter().map(|k| k.as_str()).collect()),
            "factors": ids("Ids of the factors it addresses."),
            "behaviours": ids("Ids of the behaviours it responds to."),
            "ticket": text("The tracker's id for it."),
            "verification": text("How the fix was shown to work; required before verified."),
            "verified_on": { "type": "string", "pattern": DATE_PATTERN, "description": "The day the fix was verified." },
            "decision": text("The decision and its reason; required before wont-do."),
        }),
    )
}

fn dismissed() -> Value {
    object(
        &[],
        json!({
            "item": text("The item: event:e3, why:w2, incident."),
            "field": text("The field: text, known_then, summary…"),
            "rule": text("The language rule that fired."),
            "matched": text("The exact words matched."),
            "reason": text("Why the wording stays."),
        }),
    )
}

fn parked() -> Value {
    object(
        &[],
        json!({
            "id": id("A short id, e.g. p1."),
            "text": text("The point raised."),
            "step": text("The step the room was on."),
        }),
    )
}

fn lessons() -> Value {
    let lines =
        |d: &str| json!({ "type": "array", "items": { "type": "string" }, "description": d });
    object(
        &[],
        json!({
            "went_well": lines("What went well, one lesson a line."),
            "went_wrong": lines("What went wrong, one lesson a line."),
            "lucky": lines("Where we got lucky, one lesson a line."),
        }),
    )
}

fn conflict() -> Value {
    object(
        &["item"],
        json!({
            "item": text("The item both sides changed: action:a3, incident, …"),
            "field": text("For the incident, the field both sides changed."),
            "reason": text("What happened to it in the merge."),
            "base": { "description": "The common ancestor's version, when there was one." },
            "ours": { "description": "Our version (the one the review holds); absent when we deleted it." },
            "theirs": { "description": "Their version; absent when they deleted it." },
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_key_of_every_table_is_in_the_schema() {
        use super::super::format::*;
        let schema = json_schema();
        let keys = |path: &[&str]| -> Vec<String> {
            let mut v = &schema;
            for p in path {
                v = &v[p];
            }
            let mut keys: Vec<String> =
                v["properties"].as_object().unwrap().keys().cloned().collect();
            keys.sort();
            keys
        };
        let sorted = |list: &[&str]| {
            let mut v: Vec<String> = list.iter().map(|s| s.to_string()).collect();
            v.sort();
            v
        };
        assert_eq!(keys(&[]), sorted(TOP_KEYS));
        for (name, list) in [
            ("event", EVENT_KEYS),
            ("why", WHY_KEYS),
            ("factor", FACTOR_KEYS),
            ("behaviour", BEHAVIOUR_KEYS),
            ("action", ACTION_KEYS),
            ("dismissed", DISMISSED_KEYS),
            ("parked", PARKED_KEYS),
            ("conflict", CONFLICT_KEYS),
        ] {
            assert_eq!(keys(&["properties", name, "items"]), sorted(list), "{name}");
        }
        assert_eq!(keys(&["properties", "incident"]), sorted(INCIDENT_KEYS));
        assert_eq!(keys(&["properties", "lessons"]), sorted(LESSONS_KEYS));
    }
}
