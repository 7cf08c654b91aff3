//! Adding imported events to a review: an event with the same time and text as one already
//! there (or earlier in the same file) is a duplicate and left out; chat and Slack authors
//! are added as participants with an empty role, for the room to fill in, so that export
//! redaction, which replaces participants' names, covers them too.

use std::collections::{HashSet, VecDeque};
use std::hash::{BuildHasherDefault, Hash, Hasher};

use super::Candidate;
use crate::model::ids::{Exhausted, IdAllocator};
use crate::model::zone::Zone;
use crate::model::{Event, EventKind, Participant, Session, Timestamp};

/// Where times of day alone start: the incident's start, else the earliest event, else now.
pub fn reference(session: &Session, now: Timestamp) -> Timestamp {
    session.incident.started_at.or_else(|| session.events.iter().map(|e| e.at).min()).unwrap_or(now)
}

/// The zone for times without an offset: `--tz`, else the review's own offset (its start,
/// else its first event), else this computer's zone.
pub fn default_zone(session: &Session, tz: Option<Zone>) -> Zone {
    tz.or_else(|| {
        let own = session.incident.started_at.or_else(|| session.events.iter().map(|e| e.at).min());
        own.map(|t| Zone::Fixed(*t.offset()))
    })
    .unwrap_or(Zone::Local)
}

/// How many of the newest events read are remembered to find duplicates within a file,
/// besides every event already in the review: far more than one import may add
/// (`MAX_EVENTS`, 10,000), so an import finds every duplicate, and bounded, so reading a
/// file of any size holds at most about 3 MB for it.
pub const REMEMBERED: usize = 65_536;

/// Events already seen, by instant and a hash of their text.
#[derive(Debug, Clone, Default)]
pub struct Seen {
    keys: HashSet<Key, BuildHasherDefault<KeyHash>>,
    recent: VecDeque<Key>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Key(i64, u64);

impl Seen {
    /// The events already in the review.
    pub fn of(session: &Session) -> Seen {
        let mut seen = Seen::default();
        for event in &session.events {
            seen.keys.insert(key(&event.at, &event.text));
        }
        seen
    }

    /// True the first time this instant and text are seen; false for a duplicate.
    pub fn first_time(&mut self, at: &Timestamp, text: &str) -> bool {
        let key = key(at, text);
        if !self.keys.insert(key) {
            return false;
        }
        self.recent.push_back(key);
        if self.recent.len() > REMEMBERED
            && let Some(oldest) = self.recent.pop_front()
        {
            self.keys.remove(&oldest);
        }
        true
    }
}

fn key(at: &Timestamp, text: &str) -> Key {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    Key(at.timestamp(), hasher.finish())
}

/// The keys are already a hash: mixing them once is enough.
#[derive(Debug, Clone, Copy, Default)]
struct KeyHash(u64);

impl Hasher for KeyHash {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(26) ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn write_i64(&mut self, n: i64) {
        self.write_u64(n as u64);
    }
}

/// What [`add`] changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Added {
    /// The new events' ids, in the order given.
    pub ids: Vec<String>,
    /// Names added to the participants.
    pub participants: Vec<String>,
}

/// Adds candidates (already free of duplicates: see [`Seen`]) as events of `kind`, keeps
/// the timeline in time order, and offers their authors as participants.
pub fn add(
    session: &mut Session,
    ids: &mut IdAllocator,
    candidates: Vec<Candidate>,
    kind: EventKind,
) -> Result<Added, Exhausted> {
    ids.observe(session.events.iter().map(|e| e.id.as_str()));
    let authors: Vec<String> = candidates.iter().filter_map(|c| c.author.clone()).collect();
    let mut added = Added::default();
    for candidate in candidates {
        let id = ids.next_id()?;
        added.ids.push(id.clone());
        session.events.push(Event {
            id,
            at: candidate.at,
            kind,
            text: candidate.text,
            source: candidate.source,
            known_then: String::new(),
            extra: Default::default(),
        });
    }
    session.sort_events();
    for name in new_participants(session, authors.iter().map(String::as_str)) {
        session.incident.participants.push(Participant { name: name.clone(), role: String::new() });
        added.participants.push(name);
    }
    Ok(added)
}

/// Authors not yet among the participants (or the facilitator), each once, in order.
pub fn new_participants<'a>(
    session: &Session,
    authors: impl Iterator<Item = &'a str>,
) -> Vec<String> {
    let mut known: HashSet<String> =
        session.incident.participants.iter().map(|p| p.name.trim().to_lowercase()).collect();
    known.insert(session.incident.facilitator.trim().to_lowercase());
    let mut out = Vec::new();
    for author in authors {
        let author = author.trim();
        if !author.is_empty() && known.insert(author.to_lowercase()) {
            out.push(author.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn ts(s: &str) -> Timestamp {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn candidate(at: &str, text: &str, author: Option<&str>) -> Candidate {
        Candidate {
            line: 1,
            at: ts(at),
            text: text.into(),
            author: author.map(Into::into),
            source: "chat.txt:1".into(),
        }
    }

    fn review() -> Session {
        let mut s = Session::new("Checkout errors");
        s.incident.facilitator = "Sam".into();
        s.incident
            .participants
            .push(Participant { name: "Maria Lopez".into(), role: "on-call".into() });
        s.events.push(Event {
            id: "e4".into(),
            at: ts("2026-03-02T09:30:00Z"),
            kind: EventKind::Alert,
            text: "Error rate alert".into(),
            source: String::new(),
            known_then: String::new(),
            extra: Default::default(),
        });
        s
    }

    #[test]
    fn duplicates_are_the_same_instant_and_text() {
        let mut seen = Seen::of(&review());
        assert!(
            !seen.first_time(&ts("2026-03-02T10:30:00+01:00"), "Error rate alert"),
            "same instant"
        );
        assert!(seen.first_time(&ts("2026-03-02T09:30:00Z"), "Error rate alert!"));
        assert!(seen.first_time(&ts("2026-03-02T09:31:00Z"), "Error rate alert"));
        assert!(!seen.first_time(&ts("2026-03-02T09:31:00Z"), "Error rate alert"));
    }

    #[test]
    fn seen_forgets_only_the_oldest_new_events_never_the_reviews_own() {
        let mut seen = Seen::of(&review());
        let base = ts("2026-03-02T10:00:00Z");
        for i in 0..=REMEMBERED as i64 {
            assert!(seen.first_time(&(base + chrono::TimeDelta::seconds(i)), "tick"));
        }
        assert!(seen.first_time(&base, "tick"), "the very first one has been forgotten");
        let last = base + chrono::TimeDelta::seconds(REMEMBERED as i64);
        assert!(!seen.first_time(&last, "tick"), "a recent one is remembered");
        assert!(
            !seen.first_time(&ts("2026-03-02T09:30:00Z"), "Error rate alert"),
            "the review's own stay"
        );
    }

    #[test]
    fn add_gives_new_ids_keeps_time_order_and_offers_authors() {
        let mut s = review();
        let mut ids = IdAllocator::new("e");
        let added = add(
            &mut s,
            &mut ids,
            vec![
                candidate("2026-03-02T09:40:00Z", "rolling back", Some("Chen Wei")),
                candidate("2026-03-02T09:20:00Z", "deploy", Some("maria lopez")),
                candidate("2026-03-02T09:41:00Z", "ack", Some("Chen Wei")),
                candidate("2026-03-02T09:42:00Z", "note", Some("sam")),
            ],
            EventKind::Communication,
        )
        .expect("ids are left");
        assert_eq!(added.ids, ["e5", "e6", "e7", "e8"]);
        assert_eq!(
            added.participants,
            ["Chen Wei"],
            "known names and the facilitator are not added"
        );
        let order: Vec<&str> = s.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(order, ["e6", "e4", "e5", "e7", "e8"]);
        let chen = s.incident.participants.iter().find(|p| p.name == "Chen Wei").unwrap();
        assert_eq!(chen.role, "", "the role is for the room to fill in");
        assert!(
            s.events.iter().filter(|e| e.id != "e4").all(|e| e.kind == EventKind::Communication)
        );
    }

    #[test]
    fn reference_and_zone_come_from_the_review() {
        let mut s = review();
        let now = ts("2026-05-01T12:00:00+09:00");
        assert_eq!(reference(&s, now), ts("2026-03-02T09:30:00Z"));
        assert_eq!(default_zone(&s, None), Zone::UTC);
        s.incident.started_at = Some(ts("2026-03-02T10:12:00+01:00"));
        assert_eq!(reference(&s, now), ts("2026-03-02T10:12:00+01:00"));
        assert_eq!(default_zone(&s, None).label(), "+01:00");
        let berlin = Zone::parse("Europe/Berlin").unwrap();
        assert_eq!(default_zone(&s, Some(berlin)), berlin);
        assert_eq!(reference(&Session::new("x"), now), now);
        assert_eq!(default_zone(&Session::new("x"), None), Zone::Local);
    }
}
