//! Fields a hand-edited file carried that this version does not know.

use std::ops::Deref;
use std::sync::OnceLock;

/// Fields a hand-edited file carried that this version does not know. They are kept and
/// written back on save so nothing a person typed is lost. Almost every item has none, so
/// an empty set is one word rather than a whole table: a review of 20,000 events would
/// otherwise carry 1.6 MB of empty tables.
#[derive(Debug, Clone, Default)]
pub struct Extra(Option<Box<toml::Table>>);

impl Extra {
    pub fn new() -> Extra {
        Extra(None)
    }
}

fn empty() -> &'static toml::Table {
    static EMPTY: OnceLock<toml::Table> = OnceLock::new();
    EMPTY.get_or_init(toml::Table::new)
}

impl Deref for Extra {
    type Target = toml::Table;

    fn deref(&self) -> &toml::Table {
        match &self.0 {
            Some(table) => table,
            None => empty(),
        }
    }
}

impl PartialEq for Extra {
    fn eq(&self, other: &Extra) -> bool {
        **self == **other
    }
}

impl From<toml::Table> for Extra {
    fn from(table: toml::Table) -> Extra {
        Extra((!table.is_empty()).then(|| Box::new(table)))
    }
}

impl FromIterator<(String, toml::Value)> for Extra {
    fn from_iter<I: IntoIterator<Item = (String, toml::Value)>>(items: I) -> Extra {
        Extra::from(items.into_iter().collect::<toml::Table>())
    }
}

impl<'a> IntoIterator for &'a Extra {
    type Item = (&'a String, &'a toml::Value);
    type IntoIter = toml::map::Iter<'a, String, toml::Value>;

    fn into_iter(self) -> Self::IntoIter {
        (**self).iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_set_takes_no_table_and_equals_any_other_empty_one() {
        assert_eq!(size_of::<Extra>(), size_of::<usize>());
        let one: Extra = [("k".to_string(), toml::Value::from(1))].into_iter().collect();
        assert_eq!(one.get("k"), Some(&toml::Value::from(1)));
        assert_ne!(one, Extra::new());
        let none: Extra = std::iter::empty().collect();
        assert!(none.0.is_none());
        assert!(Extra::from(toml::Table::new()).0.is_none());
        assert_eq!(Extra::from(toml::Table::new()), Extra::default());
    }
}
