//! Elements of a JSON array made apart from the document they go in (on another thread,
//! say) and joined into it, in the layout of serde_json's pretty printer.

use super::visible;

/// Array elements, each written as it follows `[` or the element before, and escaped for
/// a terminal as [`visible::json`] escapes.
#[derive(Debug, Default)]
pub struct Elements {
    json: Vec<u8>,
}

impl Elements {
    /// Adds an element written by `write`, which appends it as it follows `[` or the
    /// element before (see [`Elements::text`]): `,`, a new line and its indent first.
    pub fn push_written(&mut self, write: impl FnOnce(&mut Vec<u8>)) {
        let from = self.json.len();
        write(&mut self.json);
        visible::escape_json_from(&mut self.json, from);
    }

    pub fn is_empty(&self) -> bool {
        self.json.is_empty()
    }

    /// The elements as they follow `[` (`first`) or an element before them.
    pub fn text(&self, first: bool) -> &[u8] {
        if first { self.json.get(1..).unwrap_or_default() } else { &self.json }
    }
}

/// What closes an array `depth` levels deep that had elements (`any`) or none.
pub fn close(depth: usize, any: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if any {
        out.push(b'\n');
        out.extend(std::iter::repeat_n(b' ', depth * 2));
    }
    out.push(b']');
    out
}
