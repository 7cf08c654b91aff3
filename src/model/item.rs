//! A reference to one item of a review (`why w4`), or to a kind of item as a whole (the
//! whys, the factors). Typed inside the program; written as `kind:id` text only where a
//! person or another program reads it: `check`'s output, a kept wording in the file.

use std::fmt;

/// What kind of item a reference points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKind {
    Incident,
    Event,
    Why,
    Factor,
    Behaviour,
    Action,
}

impl ItemKind {
    /// The name before the colon in `kind:id`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Incident => "incident",
            Self::Event => "event",
            Self::Why => "why",
            Self::Factor => "factor",
            Self::Behaviour => "behaviour",
            Self::Action => "action",
        }
    }

    /// The name of the kind as a whole (`whys`, `factors`); the incident is one.
    pub fn plural(self) -> &'static str {
        match self {
            Self::Incident => "incident",
            Self::Event => "events",
            Self::Why => "whys",
            Self::Factor => "factors",
            Self::Behaviour => "behaviours",
            Self::Action => "actions",
        }
    }

    const ALL: [ItemKind; 6] =
        [Self::Incident, Self::Event, Self::Why, Self::Factor, Self::Behaviour, Self::Action];
}

/// One item (`kind` and `id`), or a kind as a whole when `id` is `None`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemRef {
    pub kind: ItemKind,
    pub id: Option<String>,
}

impl ItemRef {
    pub fn new(kind: ItemKind, id: &str) -> Self {
        ItemRef { kind, id: Some(id.to_string()) }
    }

    /// The kind as a whole: "no factors yet" is about the factors, not one of them.
    pub fn all(kind: ItemKind) -> Self {
        ItemRef { kind, id: None }
    }

    pub fn incident() -> Self {
        Self::all(ItemKind::Incident)
    }

    pub fn event(id: &str) -> Self {
        Self::new(ItemKind::Event, id)
    }

    pub fn why(id: &str) -> Self {
        Self::new(ItemKind::Why, id)
    }

    pub fn factor(id: &str) -> Self {
        Self::new(ItemKind::Factor, id)
    }

    pub fn behaviour(id: &str) -> Self {
        Self::new(ItemKind::Behaviour, id)
    }

    pub fn action(id: &str) -> Self {
        Self::new(ItemKind::Action, id)
    }

    /// The id, or `""` for a kind as a whole.
    pub fn id(&self) -> &str {
        self.id.as_deref().unwrap_or("")
    }

    /// Reads `kind:id`, or a kind's plural (`whys`) or `incident`. Only the names
    /// `Display` writes are read back, so one spelling means one thing.
    pub fn parse(text: &str) -> Option<ItemRef> {
        match text.split_once(':') {
            Some((kind, id)) if !id.is_empty() && kind != "incident" => {
                let kind = ItemKind::ALL.into_iter().find(|k| k.as_str() == kind)?;
                Some(ItemRef::new(kind, id))
            }
            Some(_) => None,
            None => ItemKind::ALL.into_iter().find(|k| k.plural() == text).map(ItemRef::all),
        }
    }
}

impl fmt::Display for ItemRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "{}:{id}", self.kind.as_str()),
            None => f.write_str(self.kind.plural()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_read_back_what_they_write() {
        for text in ["why:w4", "factor:f2", "action:a1", "event:e3", "behaviour:b1"] {
            let item = ItemRef::parse(text).expect("reads");
            assert_eq!(item.to_string(), text);
        }
        assert_eq!(ItemRef::parse("incident"), Some(ItemRef::incident()));
        assert_eq!(ItemRef::parse("whys"), Some(ItemRef::all(ItemKind::Why)));
        assert_eq!(ItemRef::all(ItemKind::Factor).to_string(), "factors");
        assert_eq!(ItemRef::incident().to_string(), "incident");
    }

    #[test]
    fn odd_spellings_are_not_references() {
        for text in ["whys:w4", "why:", "why", "incident:x", "task:t1", "", ":w4"] {
            assert_eq!(ItemRef::parse(text), None, "{text:?}");
        }
    }
}
