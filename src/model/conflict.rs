//! A merge conflict kept in the review itself: one item, or one incident field, changed
//! differently on both sides of a git merge, with every version, until someone chooses.

use super::Extra;

/// One item both sides of a merge changed differently. The review holds our version of the
/// item (theirs when we deleted it), so the file loads and every reference still leads
/// somewhere; the conflict keeps the other versions beside it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Conflict {
    /// The item: `event:e3`, `why:w2`, `action:a1`, `parked:p1`, `incident`, or a top-level
    /// key of the file.
    pub item: String,
    /// For the incident, the field both sides changed (`summary`); empty for a whole item.
    pub field: String,
    /// What happened, in a line: changed on both sides, deleted on one side…
    pub reason: String,
    /// The common ancestor's version; `None` when the item did not exist there.
    pub base: Option<toml::Value>,
    /// Our version; `None` when we deleted it.
    pub ours: Option<toml::Value>,
    /// Their version; `None` when they deleted it.
    pub theirs: Option<toml::Value>,
    pub extra: Extra,
}

/// Which version of a conflicting item to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Ours,
    Theirs,
}

impl Conflict {
    /// The version the review holds now: ours, or theirs when we deleted the item.
    pub fn kept(&self) -> Side {
        if self.ours.is_some() { Side::Ours } else { Side::Theirs }
    }

    /// The version on `side`, `None` when that side deleted it.
    pub fn version(&self, side: Side) -> Option<&toml::Value> {
        match side {
            Side::Ours => self.ours.as_ref(),
            Side::Theirs => self.theirs.as_ref(),
        }
    }

    /// `kind` and `id` of the item (`("action", "a1")`); the incident and top-level keys
    /// have no id.
    pub fn kind_and_id(&self) -> (&str, &str) {
        self.item.split_once(':').unwrap_or((self.item.as_str(), ""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kept_version_is_ours_unless_we_deleted_the_item() {
        let mut c = Conflict {
            item: "action:a3".into(),
            ours: Some(toml::Value::from("ours")),
            theirs: Some(toml::Value::from("theirs")),
            ..Conflict::default()
        };
        assert_eq!(c.kept(), Side::Ours);
        c.ours = None;
        assert_eq!(c.kept(), Side::Theirs);
        assert_eq!(c.kind_and_id(), ("action", "a3"));
    }
}
