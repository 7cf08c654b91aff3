//! A review: the incident, and everything the room finds out about it.

use serde::{Deserialize, Serialize};

use super::{
    ActionItem, Behaviour, Conflict, Dismissal, Event, Extra, Factor, Lessons, Parked, Timestamp,
    Why,
};

/// One postmortem review: the unit saved as one file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Session {
    pub incident: Incident,
    pub events: Vec<Event>,
    pub whys: Vec<Why>,
    pub factors: Vec<Factor>,
    pub behaviours: Vec<Behaviour>,
    pub actions: Vec<ActionItem>,
    /// Language findings kept on purpose, with the reason.
    pub dismissed: Vec<Dismissal>,
    /// Points parked for later.
    pub parked: Vec<Parked>,
    /// Items a git merge found changed on both sides, waiting for someone to choose.
    pub conflicts: Vec<Conflict>,
    /// What went well, what went wrong, where we got lucky.
    pub lessons: Lessons,
    /// Top-level keys this version does not know, kept for the next save.
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Incident {
    pub title: String,
    pub severity: String,
    pub status: ReviewStatus,
    pub mode: Mode,
    pub summary: String,
    pub impact: String,
    pub started_at: Option<Timestamp>,
    pub detected_at: Option<Timestamp>,
    pub mitigated_at: Option<Timestamp>,
    pub resolved_at: Option<Timestamp>,
    /// The day of the review: action due dates are judged from it. Set to the day a review
    /// is created; a file without it falls back to the day the incident started.
    pub review_date: Option<chrono::NaiveDate>,
    pub facilitator: String,
    pub participants: Vec<Participant>,
    pub tags: Vec<String>,
    /// Why the review was marked reviewed although the gate had items missing.
    pub gate_override: String,
    /// A self-review's private notes: kept in the file, never in any report or output.
    pub private_notes: String,
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Participant {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewStatus {
    #[default]
    Draft,
    InReview,
    Reviewed,
    Closed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    #[default]
    Facilitated,
    SelfReview,
}

impl ReviewStatus {
    pub const ALL: [ReviewStatus; 4] = [Self::Draft, Self::InReview, Self::Reviewed, Self::Closed];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::InReview => "in-review",
            Self::Reviewed => "reviewed",
            Self::Closed => "closed",
        }
    }
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Facilitated => "facilitated",
            Self::SelfReview => "self-review",
        }
    }
}

impl Session {
    /// A new, empty review with the given title.
    pub fn new(title: impl Into<String>) -> Self {
        Session {
            incident: Incident { title: title.into(), ..Incident::default() },
            ..Session::default()
        }
    }

    /// Committed actions that are not finished yet (ideas and decided-against ones excluded).
    pub fn open_action_count(&self) -> usize {
        self.actions.iter().filter(|a| a.status.is_open()).count()
    }

    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    pub fn event_mut(&mut self, id: &str) -> Option<&mut Event> {
        self.events.iter_mut().find(|e| e.id == id)
    }

    /// Removes an event and every reference to it, so the file stays consistent.
    pub fn remove_event(&mut self, id: &str) -> Option<Event> {
        let index = self.events.iter().position(|e| e.id == id)?;
        for factor in &mut self.factors {
            factor.events.retain(|e| e != id);
        }
        for behaviour in &mut self.behaviours {
            if behaviour.event.as_deref() == Some(id) {
                behaviour.event = None;
            }
        }
        Some(self.events.remove(index))
    }

    pub fn behaviour(&self, id: &str) -> Option<&Behaviour> {
        self.behaviours.iter().find(|b| b.id == id)
    }

    pub fn behaviour_mut(&mut self, id: &str) -> Option<&mut Behaviour> {
        self.behaviours.iter_mut().find(|b| b.id == id)
    }

    /// Removes a behaviour and every link to it; the actions themselves stay.
    pub fn remove_behaviour(&mut self, id: &str) -> Option<Behaviour> {
        let index = self.behaviours.iter().position(|b| b.id == id)?;
        for action in &mut self.actions {
            action.behaviours.retain(|b| b != id);
        }
        Some(self.behaviours.remove(index))
    }

    /// The actions linked to a behaviour.
    pub fn actions_for(&self, behaviour: &str) -> impl Iterator<Item = &ActionItem> {
        self.actions.iter().filter(move |a| a.behaviours.iter().any(|b| b == behaviour))
    }

    /// Removes an answer and everything under it, and every factor's link to them.
    pub fn remove_why_subtree(&mut self, id: &str) -> Vec<Why> {
        use super::whys::WhyTreeEdit;
        let removed = self.whys.remove_subtree(id);
        for factor in &mut self.factors {
            factor.whys.retain(|w| removed.iter().all(|r| &r.id != w));
        }
        removed
    }

    pub fn why_mut(&mut self, id: &str) -> Option<&mut Why> {
        self.whys.iter_mut().find(|w| w.id == id)
    }

    pub fn factor(&self, id: &str) -> Option<&Factor> {
        self.factors.iter().find(|f| f.id == id)
    }

    pub fn factor_mut(&mut self, id: &str) -> Option<&mut Factor> {
        self.factors.iter_mut().find(|f| f.id == id)
    }

    /// Removes a factor and every action's link to it.
    pub fn remove_factor(&mut self, id: &str) -> Option<Factor> {
        let index = self.factors.iter().position(|f| f.id == id)?;
        for action in &mut self.actions {
            action.factors.retain(|f| f != id);
        }
        Some(self.factors.remove(index))
    }

    /// The day the action checks count from: the day of the review, or, for a file that
    /// does not say, the day the incident started.
    pub fn review_day(&self) -> Option<chrono::NaiveDate> {
        self.incident.review_date.or_else(|| self.incident.started_at.map(|t| t.date_naive()))
    }

    /// Keeps events in time order; equal times keep their entry order.
    pub fn sort_events(&mut self) {
        self.events.sort_by_key(|e| e.at);
    }
}
