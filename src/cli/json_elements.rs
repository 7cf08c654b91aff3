//! Elements of a JSON array made apart from the document they go in (on another thread,
//! say), byte for byte as serde_json's pretty printer writes them in place.

use serde::Serialize;
use serde_json::ser::Formatter;

use super::visible;

/// Array elements at a depth, each written as it would follow `[` or the element before,
/// and escaped for a terminal as [`visible::json`] escapes.
#[derive(Debug, Default)]
pub struct Elements {
    json: Vec<u8>,
    depth: usize,
}

impl Elements {
    /// Elements of an array that is `depth` levels deep (`1` for the array of a top-level
    /// object's field).
    pub fn new(depth: usize) -> Elements {
        Elements { json: Vec::new(), depth }
    }

    pub fn push<T: Serialize>(&mut self, value: &T) -> serde_json::Result<()> {
        let from = self.json.len();
        self.json.extend_from_slice(b",\n");
        indent(&mut self.json, self.depth + 1);
        let formatter = Nested { depth: self.depth + 1, has_value: false };
        value.serialize(&mut serde_json::Serializer::with_formatter(&mut self.json, formatter))?;
        visible::escape_json_from(&mut self.json, from);
        Ok(())
    }

    pub fn is_empty(&self) -> bool {
        self.json.is_empty()
    }

    /// The elements as they follow `[` (`first`) or an element before them.
    pub fn text(&self, first: bool) -> &[u8] {
        if first { self.json.get(1..).unwrap_or_default() } else { &self.json }
    }
}

/// What closes an array of `depth` that had elements (`any`) or none.
pub fn close(depth: usize, any: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if any {
        out.push(b'\n');
        indent(&mut out, depth);
    }
    out.push(b']');
    out
}

fn indent(out: &mut Vec<u8>, depth: usize) {
    out.extend(std::iter::repeat_n(b' ', depth * 2));
}

/// serde_json's pretty layout (two spaces a level) from a depth other than the top.
struct Nested {
    depth: usize,
    has_value: bool,
}

impl Nested {
    fn open<W: ?Sized + std::io::Write>(&mut self, w: &mut W, c: &[u8]) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(c)
    }

    fn close<W: ?Sized + std::io::Write>(&mut self, w: &mut W, c: &[u8]) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            spaces(w, self.depth)?;
        }
        w.write_all(c)
    }

    fn item<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        spaces(w, self.depth)
    }
}

/// Two spaces a level.
fn spaces<W: ?Sized + std::io::Write>(w: &mut W, depth: usize) -> std::io::Result<()> {
    const SPACES: &[u8] = b"                                ";
    for _ in 0..depth * 2 / SPACES.len() {
        w.write_all(SPACES)?;
    }
    w.write_all(&SPACES[..depth * 2 % SPACES.len()])
}

impl Formatter for Nested {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(w, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(w, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Doc<'a> {
        name: &'a str,
        list: Vec<serde_json::Value>,
    }

    /// The document as serde_json writes it whole, and as it is put together from
    /// elements made apart.
    fn both(list: Vec<serde_json::Value>) -> (String, String) {
        let whole = visible::json(&Doc { name: "n", list: list.clone() }).expect("json");
        let mut parts = Elements::new(1);
        for value in &list {
            parts.push(value).expect("element");
        }
        let mut joined = b"{\n  \"name\": \"n\",\n  \"list\": [".to_vec();
        joined.extend_from_slice(parts.text(true));
        joined.extend(close(1, !parts.is_empty()));
        joined.extend_from_slice(b"\n}");
        (whole, String::from_utf8(joined).expect("utf-8"))
    }

    #[test]
    fn elements_made_apart_are_the_document_serde_json_writes() {
        let nested = serde_json::json!({
            "a": [1, {"b": [], "c": {}}, [[]]],
            "text": "tab\t quote\" \u{9b}[31m \u{202e}rtl \u{1b}",
            "n": null,
        });
        for list in [vec![], vec![serde_json::json!(1)], vec![nested.clone(), nested, 2.into()]] {
            let (whole, joined) = both(list);
            assert_eq!(joined, whole);
        }
    }
}
