//! Short, stable item ids (`e3`, `w7`): allocated past the highest ever seen, so an id
//! freed by a delete is never handed to a new item while the old one can still be undone.
//! One allocator per kind of item; the count never wraps.

use super::Session;

/// Every id of a kind is taken: the file holds the largest number there is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("No new id is left for this kind of item: the file already holds {prefix}{max}.")]
pub struct Exhausted {
    pub prefix: &'static str,
    pub max: u64,
}

/// Allocates ids for one prefix.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdAllocator {
    prefix: &'static str,
    high_water: u64,
}

impl IdAllocator {
    pub fn new(prefix: &'static str) -> Self {
        IdAllocator { prefix, high_water: 0 }
    }

    /// Raises the high-water mark past every id in `existing`.
    pub fn observe<'a>(&mut self, existing: impl IntoIterator<Item = &'a str>) {
        for id in existing {
            if let Some(n) = id.strip_prefix(self.prefix).and_then(|d| d.parse::<u64>().ok()) {
                self.high_water = self.high_water.max(n);
            }
        }
    }

    /// The next id, never one handed out or seen before.
    pub fn next_id(&mut self) -> Result<String, Exhausted> {
        let n = self
            .high_water
            .checked_add(1)
            .ok_or(Exhausted { prefix: self.prefix, max: self.high_water })?;
        self.high_water = n;
        Ok(format!("{}{n}", self.prefix))
    }
}

impl IdAllocator {
    /// An id to suggest in a message about a file: the next one, or a plain word when the
    /// kind is exhausted (the message is about another problem).
    pub fn suggestion(&mut self) -> String {
        self.next_id().unwrap_or_else(|_| format!("{}new", self.prefix))
    }
}

/// One allocator per kind of item of a review, parked points included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ids {
    pub events: IdAllocator,
    pub whys: IdAllocator,
    pub factors: IdAllocator,
    pub behaviours: IdAllocator,
    pub actions: IdAllocator,
    pub parked: IdAllocator,
}

impl Ids {
    /// Allocators past every id in `session`.
    pub fn of(session: &Session) -> Self {
        let mut ids = Ids {
            events: IdAllocator::new("e"),
            whys: IdAllocator::new("w"),
            factors: IdAllocator::new("f"),
            behaviours: IdAllocator::new("b"),
            actions: IdAllocator::new("a"),
            parked: IdAllocator::new("p"),
        };
        ids.observe(session);
        ids
    }

    /// Raises each kind's mark past the ids in `session` (after an undo brought some back).
    pub fn observe(&mut self, session: &Session) {
        self.events.observe(session.events.iter().map(|e| e.id.as_str()));
        self.whys.observe(session.whys.iter().map(|w| w.id.as_str()));
        self.factors.observe(session.factors.iter().map(|f| f.id.as_str()));
        self.behaviours.observe(session.behaviours.iter().map(|b| b.id.as_str()));
        self.actions.observe(session.actions.iter().map(|a| a.id.as_str()));
        self.parked.observe(session.parked.iter().map(|p| p.id.as_str()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_never_reused_after_deletes() {
        let mut ids = IdAllocator::new("e");
        ids.observe(["e1", "e2", "e7"]);
        assert_eq!(ids.next_id().as_deref(), Ok("e8"));
        // e8 deleted: the set seen now is smaller, but the next id still moves on.
        ids.observe(["e1", "e2"]);
        assert_eq!(ids.next_id().as_deref(), Ok("e9"));
    }

    #[test]
    fn foreign_and_odd_ids_are_ignored() {
        let mut ids = IdAllocator::new("e");
        ids.observe(["w4", "e", "ex", "e03", "e99999999999999999999999"]);
        assert_eq!(ids.next_id().as_deref(), Ok("e4"));
    }

    #[test]
    fn the_largest_id_is_an_error_not_a_wrap() {
        let mut ids = IdAllocator::new("e");
        ids.observe([format!("e{}", u64::MAX).as_str()]);
        let err = ids.next_id().expect_err("nothing is left");
        assert_eq!(err, Exhausted { prefix: "e", max: u64::MAX });
        assert!(err.to_string().contains("e18446744073709551615"), "{err}");
        assert!(ids.next_id().is_err(), "and it stays so, never wrapping to e0");
    }

    #[test]
    fn parked_points_have_their_own_allocator() {
        let mut session = Session::new("t");
        session.parked.push(crate::model::Parked {
            id: "p4".into(),
            text: "x".into(),
            step: "timeline".into(),
            extra: Default::default(),
        });
        let mut ids = Ids::of(&session);
        assert_eq!(ids.parked.next_id().as_deref(), Ok("p5"));
        session.parked.clear();
        ids.observe(&session);
        assert_eq!(ids.parked.next_id().as_deref(), Ok("p6"), "a removed point's id stays used");
    }
}
