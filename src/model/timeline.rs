//! Timeline events, their kinds, and the milestones that give time-to-detect and friends.

use chrono::Duration;
use serde::{Deserialize, Serialize};

use super::{Extra, Incident, Timestamp};

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: String,
    pub at: Timestamp,
    pub kind: EventKind,
    pub text: String,
    /// Evidence: a link, a log line, a chat message.
    pub source: String,
    /// What the responders knew at the time, as opposed to what we know now.
    pub known_then: String,
    pub extra: Extra,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    Trigger,
    Change,
    Detection,
    Alert,
    Action,
    Communication,
    Decision,
    #[default]
    Observation,
    Mitigation,
    Recovery,
    Note,
}

impl EventKind {
    pub const ALL: [EventKind; 11] = [
        Self::Trigger,
        Self::Change,
        Self::Detection,
        Self::Alert,
        Self::Action,
        Self::Communication,
        Self::Decision,
        Self::Observation,
        Self::Mitigation,
        Self::Recovery,
        Self::Note,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Trigger => "trigger",
            Self::Change => "change",
            Self::Detection => "detection",
            Self::Alert => "alert",
            Self::Action => "action",
            Self::Communication => "communication",
            Self::Decision => "decision",
            Self::Observation => "observation",
            Self::Mitigation => "mitigation",
            Self::Recovery => "recovery",
            Self::Note => "note",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The next kind in the list, wrapping; used by the kind selector.
    pub fn cycle(self, forward: bool) -> Self {
        let i = Self::ALL.iter().position(|k| *k == self).unwrap_or(0);
        let n = Self::ALL.len();
        Self::ALL[if forward { (i + 1) % n } else { (i + n - 1) % n }]
    }
}

/// The moments that frame an incident; each sets one time on the incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Milestone {
    Start,
    Detected,
    Mitigated,
    Resolved,
}

impl Milestone {
    pub const ALL: [Milestone; 4] = [Self::Start, Self::Detected, Self::Mitigated, Self::Resolved];

    pub fn label(self) -> &'static str {
        match self {
            Self::Start => "start",
            Self::Detected => "detected",
            Self::Mitigated => "mitigated",
            Self::Resolved => "resolved",
        }
    }

    pub fn get(self, incident: &Incident) -> Option<Timestamp> {
        match self {
            Self::Start => incident.started_at,
            Self::Detected => incident.detected_at,
            Self::Mitigated => incident.mitigated_at,
            Self::Resolved => incident.resolved_at,
        }
    }

    pub fn slot(self, incident: &mut Incident) -> &mut Option<Timestamp> {
        match self {
            Self::Start => &mut incident.started_at,
            Self::Detected => &mut incident.detected_at,
            Self::Mitigated => &mut incident.mitigated_at,
            Self::Resolved => &mut incident.resolved_at,
        }
    }
}

/// The one event that carries a milestone's mark: the first listed at the milestone's
/// instant. Several events can share that instant; the mark stays on one of them.
pub fn milestone_event(session: &super::Session, milestone: Milestone) -> Option<usize> {
    let at = milestone.get(&session.incident)?;
    session.events.iter().position(|e| e.at == at)
}

/// Time from the start of the incident to a milestone, when both are known and in order.
pub fn time_to(incident: &Incident, milestone: Milestone) -> Option<Duration> {
    let start = incident.started_at?;
    let at = milestone.get(incident)?;
    let d = at.signed_duration_since(start);
    (d >= Duration::zero()).then_some(d)
}

/// A short human duration: `45s`, `19m`, `1h 28m`, `2d 3h`.
pub fn format_duration(d: Duration) -> String {
    let secs = d.num_seconds();
    let (sign, secs) = if secs < 0 { ("-", -secs) } else { ("", secs) };
    let (days, hours, mins, s) = (secs / 86_400, secs / 3600 % 24, secs / 60 % 60, secs % 60);
    // Beyond ten days the hours no longer matter, and the timeline's gap column stays narrow.
    let body = if days >= 10 {
        format!("{days}d")
    } else if days > 0 {
        format!("{days}d {hours}h")
    } else if hours > 0 {
        format!("{hours}h {mins:02}m")
    } else if mins > 0 {
        if s == 0 { format!("{mins}m") } else { format!("{mins}m {s:02}s") }
    } else {
        format!("{s}s")
    };
    format!("{sign}{body}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_duration_reads_naturally() {
        assert_eq!(format_duration(Duration::seconds(45)), "45s");
        assert_eq!(format_duration(Duration::minutes(19)), "19m");
        assert_eq!(format_duration(Duration::seconds(19 * 60 + 5)), "19m 05s");
        assert_eq!(format_duration(Duration::minutes(88)), "1h 28m");
        assert_eq!(format_duration(Duration::hours(51)), "2d 3h");
        assert_eq!(format_duration(Duration::hours(269 * 24 + 22)), "269d");
    }

    #[test]
    fn kind_cycle_wraps_both_ways() {
        assert_eq!(EventKind::Note.cycle(true), EventKind::Trigger);
        assert_eq!(EventKind::Trigger.cycle(false), EventKind::Note);
    }
}
