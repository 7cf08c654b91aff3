//! Short, stable item ids (`e3`, `w7`): allocated past the highest ever seen, so an id
//! freed by a delete is never handed to a new item while the old one can still be undone.

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

    pub fn next_id(&mut self) -> String {
        self.high_water += 1;
        format!("{}{}", self.prefix, self.high_water)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_never_reused_after_deletes() {
        let mut ids = IdAllocator::new("e");
        ids.observe(["e1", "e2", "e7"]);
        assert_eq!(ids.next_id(), "e8");
        // e8 deleted: the set seen now is smaller, but the next id still moves on.
        ids.observe(["e1", "e2"]);
        assert_eq!(ids.next_id(), "e9");
    }

    #[test]
    fn foreign_and_odd_ids_are_ignored() {
        let mut ids = IdAllocator::new("e");
        ids.observe(["w4", "e", "ex", "e03"]);
        assert_eq!(ids.next_id(), "e4");
    }
}
