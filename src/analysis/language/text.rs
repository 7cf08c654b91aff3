//! The text around the matcher: a normalised copy to match on (with a map back to the
//! original bytes), the quoted and code regions, and line/column positions.

use std::ops::Range;

/// The input with whitespace runs folded to one space (a blank line to `\n`) and curly
/// apostrophes and quotes made straight, so "should\nhave" and "didn’t" match their
/// phrases. Every replaced piece is a whole character, so offsets map back onto character
/// boundaries of the original.
pub(super) struct Normalised {
    pub text: String,
    /// `(normalised, original)` offsets from which bytes are copied one to one.
    points: Vec<(usize, usize)>,
}

fn space_len(b: &[u8], i: usize) -> usize {
    match b[i] {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => 1,
        0xC2 if b.get(i + 1) == Some(&0xA0) => 2,
        0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x80..=0x8A | 0xAF)) => {
            3
        }
        0xE3 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x80) => 3,
        _ => 0,
    }
}

/// The end of the run of space the normaliser folds into one character, from `from`, and
/// how many newlines it holds (two or more make it a blank line).
fn space_run(b: &[u8], from: usize) -> (usize, usize) {
    let (mut end, mut newlines) = (from, 0);
    while end < b.len() {
        let m = space_len(b, end);
        if m == 0 {
            break;
        }
        newlines += usize::from(b[end] == b'\n');
        end += m;
    }
    (end, newlines)
}

fn straight_quote(b: &[u8], i: usize) -> Option<u8> {
    if b[i] != 0xE2 || b.get(i + 1) != Some(&0x80) {
        return None;
    }
    match b.get(i + 2)? {
        0x98 | 0x99 | 0x9B => Some(b'\''),
        0x9C..=0x9F => Some(b'"'),
        _ => None,
    }
}

/// Bytes the normaliser has to look at: whitespace other than a lone space, and the lead
/// bytes of NBSP, the Unicode spaces and the curly quotes.
const fn special_bytes() -> [bool; 256] {
    let mut t = [false; 256];
    t[b'\t' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[0x0b] = true;
    t[0x0c] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t
}

static SPECIAL: [bool; 256] = special_bytes();

/// How far from `from` the text runs in whole chunks with nothing to fold: no special byte
/// (as in [`special_bytes`]) and no two spaces in a row, checked a chunk at a time with
/// comparisons the compiler does many bytes at once. The byte loop finds the exact place.
fn plain_chunks(b: &[u8], from: usize) -> usize {
    const CHUNK: usize = 32;
    let mut j = from;
    // One byte past the chunk too: a space at its end is folded if more space follows.
    while let Some(w) = b.get(j..j + CHUNK + 1).and_then(|w| <&[u8; CHUNK + 1]>::try_from(w).ok()) {
        // Fixed sizes and no early exit: the compiler checks the chunk in a few vector steps.
        let mut hit = 0u8;
        for k in 0..CHUNK {
            let (c, n) = (w[k], w[k + 1]);
            let space = c.wrapping_sub(b'\t') <= b'\r' - b'\t';
            let lead = c == 0xC2 || c == 0xE2 || c == 0xE3;
            hit |= u8::from(space | lead | (c == b' ' && n == b' '));
        }
        let last = w[CHUNK];
        hit |= u8::from(
            last.wrapping_sub(b'\t') <= b'\r' - b'\t' || matches!(last, 0xC2 | 0xE2 | 0xE3),
        );
        if hit != 0 {
            break;
        }
        j += CHUNK;
    }
    j
}

impl Normalised {
    pub fn new(src: &str) -> Normalised {
        let b = src.as_bytes();
        let mut out = Vec::with_capacity(b.len());
        let mut points = vec![(0, 0)];
        let mut i = 0;
        while i < b.len() {
            // Copy the plain stretch in one go; a space is plain unless more space follows.
            let mut j = plain_chunks(b, i);
            while j < b.len() {
                let c = b[j];
                if SPECIAL[c as usize]
                    || (c == b' '
                        && b.get(j + 1).is_some_and(|&n| n == b' ' || SPECIAL[n as usize]))
                {
                    break;
                }
                j += 1;
            }
            out.extend_from_slice(&b[i..j]);
            i = j;
            if i >= b.len() {
                break;
            }
            if space_len(b, i) > 0 {
                let start = i;
                let newlines;
                (i, newlines) = space_run(b, i);
                out.push(if newlines >= 2 { b'\n' } else { b' ' });
                if i - start != 1 {
                    points.push((out.len(), i));
                }
                continue;
            }
            if let Some(q) = straight_quote(b, i) {
                out.push(q);
                i += 3;
                points.push((out.len(), i));
                continue;
            }
            out.push(b[i]);
            i += 1;
        }
        // Only whole characters were replaced, by ASCII, so this is always UTF-8.
        let text = String::from_utf8(out).unwrap_or_else(|_| {
            points = vec![(0, 0)];
            src.to_string()
        });
        Normalised { text, points }
    }

    /// The original offset of a normalised offset.
    #[cfg(test)]
    pub fn original(&self, pos: usize) -> usize {
        self.original_from(&mut 0, pos)
    }

    /// The original offset of a normalised offset, walking on from the point `at` (kept by
    /// the caller): offsets asked for in increasing order cost nothing to look up.
    pub fn original_from(&self, at: &mut usize, pos: usize) -> usize {
        let from = (*at).min(self.points.len().saturating_sub(1));
        let k = if self.points.get(from).is_some_and(|&(n, _)| n <= pos) {
            // Forward a few points; far ahead or behind, a binary search.
            let near = self.points[from..].iter().take(8).take_while(|&&(n, _)| n <= pos).count();
            if near < 8 || from + near == self.points.len() {
                from + near
            } else {
                from + self.points[from..].partition_point(|&(n, _)| n <= pos)
            }
        } else {
            self.points.partition_point(|&(n, _)| n <= pos)
        };
        let k = k.saturating_sub(1);
        *at = k;
        let (n, o) = self.points[k];
        o + (pos - n)
    }
}

const fn quote_bytes() -> [bool; 256] {
    let mut t = [false; 256];
    t[b'`' as usize] = true;
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[b'\n' as usize] = true;
    t[0xE2] = true;
    t
}

static QUOTE_BYTES: [bool; 256] = quote_bytes();

/// Byte ranges of the original text that are evidence rather than the author's words:
/// inline code spans and quotations always; in Markdown also fenced code blocks and block
/// quotes. Sorted and disjoint.
pub(super) fn quoted_regions(text: &str, markdown: bool) -> Vec<Range<usize>> {
    let blocks = if markdown { markdown_blocks(text) } else { Vec::new() };
    let b = text.as_bytes();
    let mut regions = Vec::new();
    let mut next_block = 0;
    let mut double: Option<usize> = None;
    let mut single: Option<usize> = None;
    let mut i = 0;
    while i < b.len() {
        if let Some(block) = blocks.get(next_block)
            && i >= block.start
        {
            i = i.max(block.end);
            next_block += 1;
            double = None;
            single = None;
            continue;
        }
        let limit = blocks.get(next_block).map_or(b.len(), |r| r.start);
        if !QUOTE_BYTES[b[i] as usize] {
            i += next_quote_byte(&b[i..limit]).unwrap_or(limit - i).max(1);
            continue;
        }
        match b[i] {
            b'`' => {
                let run = b[i..].iter().take_while(|&&c| c == b'`').count();
                match closing_backticks(b, i + run, run, limit) {
                    Some(end) => {
                        regions.push(i..end);
                        i = end;
                    }
                    None => i += run,
                }
                continue;
            }
            b'"' => match double.take() {
                Some(open) => regions.push(open..i + 1),
                None => double = Some(i),
            },
            b'\'' => {
                let before = text[..i].chars().next_back();
                let after = text[i + 1..].chars().next();
                let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
                if let Some(open) = single {
                    if !word(after) && !before.is_some_and(char::is_whitespace) {
                        regions.push(open..i + 1);
                        single = None;
                    } else if i - open > 300 {
                        single = None;
                    }
                } else if !word(before) && word(after) {
                    single = Some(i);
                }
            }
            0xE2 if b.get(i + 1) == Some(&0x80) => match b.get(i + 2) {
                Some(0x9C) => double = Some(i),
                Some(0x9D) => {
                    if let Some(open) = double.take() {
                        regions.push(open..i + 3);
                    }
                }
                Some(0x98) => single = Some(i),
                Some(0x99) => {
                    let after = text.get(i + 3..).and_then(|t| t.chars().next());
                    if let Some(open) = single
                        && !after.is_some_and(char::is_alphanumeric)
                    {
                        regions.push(open..i + 3);
                        single = None;
                    }
                }
                _ => {}
            },
            b'\n' if paragraph_break(b, i) => {
                double = None;
                single = None;
            }
            _ => {}
        }
        i += 1;
    }
    regions.extend(blocks);
    regions.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(regions.len());
    for r in regions {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// Where the first of [`quote_bytes`] is in `b`: two vectorised searches, the second only
/// as far as the first found one.
fn next_quote_byte(b: &[u8]) -> Option<usize> {
    let first = memchr::memchr3(b'"', b'\'', b'\n', b);
    let before = first.unwrap_or(b.len());
    memchr::memchr2(b'`', 0xE2, &b[..before]).or(first)
}

/// Is the newline at `i` followed by a blank line?
fn paragraph_break(b: &[u8], i: usize) -> bool {
    let rest = &b[i + 1..];
    let blank = rest.iter().take_while(|&&c| c == b' ' || c == b'\t' || c == b'\r').count();
    rest.get(blank) == Some(&b'\n')
}

/// The end of the backtick run of exactly `run` that closes a code span opened before
/// `from`, within the paragraph and a few kilobytes.
fn closing_backticks(b: &[u8], from: usize, run: usize, limit: usize) -> Option<usize> {
    let end = limit.min(from.saturating_add(8192)).min(b.len());
    let mut j = from;
    while j < end {
        match b[j] {
            b'`' => {
                let n = b[j..].iter().take_while(|&&c| c == b'`').count();
                if n == run {
                    return Some(j + n);
                }
                j += n;
            }
            b'\n' if paragraph_break(b, j) => return None,
            _ => j += 1,
        }
    }
    None
}

/// Fenced code blocks (``` or ~~~, up to the closing fence or the end) and block quote
/// lines (`>`), as whole lines.
fn markdown_blocks(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut fence: Option<(usize, u8, usize)> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let indent = line.bytes().take_while(|&c| c == b' ').count();
        let rest = &line.as_bytes()[indent..];
        if let Some((open, ch, n)) = fence {
            let run = rest.iter().take_while(|&&c| c == ch).count();
            if indent <= 3 && run >= n && rest[run..].iter().all(u8::is_ascii_whitespace) {
                out.push(open..pos);
                fence = None;
            }
            continue;
        }
        if indent > 3 {
            continue;
        }
        match rest.first() {
            Some(&ch @ (b'`' | b'~')) => {
                let run = rest.iter().take_while(|&&c| c == ch).count();
                if run >= 3 {
                    fence = Some((start, ch, run));
                }
            }
            Some(b'>') => out.push(start..pos),
            _ => {}
        }
    }
    if let Some((open, _, _)) = fence {
        out.push(open..text.len());
    }
    out
}

/// Walks forward through the original text turning byte offsets into 1-based lines and
/// columns (in characters). Offsets must be asked for in increasing order.
pub(super) struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
    column: usize,
    /// Where it started, and goes back to for an offset before where it stands.
    origin: (usize, usize, usize),
}

impl<'a> Cursor<'a> {
    pub fn new(text: &'a str) -> Cursor<'a> {
        Cursor::starting(text, 0, 1, 1)
    }

    /// A cursor that starts at byte `pos`, which is on `line` at `column`, and is asked
    /// about offsets from there on.
    pub fn starting(text: &'a str, pos: usize, line: usize, column: usize) -> Cursor<'a> {
        Cursor { bytes: text.as_bytes(), pos, line, column, origin: (pos, line, column) }
    }

    pub fn at(&mut self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.bytes.len());
        if offset < self.pos {
            let (pos, line, column) = self.origin;
            (self.pos, self.line, self.column) = (pos, line, column);
        }
        let offset = offset.max(self.pos);
        let stretch = &self.bytes[self.pos..offset];
        // Written as a sum of 0/1 so the compiler vectorises it.
        let chars = |s: &[u8]| s.iter().map(|&b| usize::from(b & 0xC0 != 0x80)).sum::<usize>();
        match memchr::memrchr(b'\n', stretch) {
            None => self.column += chars(stretch),
            Some(last) => {
                self.line += memchr::memchr_iter(b'\n', &stretch[..=last]).count();
                self.column = 1 + chars(&stretch[last + 1..]);
            }
        }
        self.pos = offset;
        (self.line, self.column)
    }
}

/// A stretch of a text that can be linted apart from the rest (see [`pieces`]), with the
/// line and column it starts at.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Piece {
    pub range: Range<usize>,
    pub line: usize,
    pub column: usize,
}

impl Piece {
    pub fn whole(text: &str) -> Piece {
        Piece { range: 0..text.len(), line: 1, column: 1 }
    }
}

/// `text` cut into pieces of about `size` bytes or more, each cut made where a blank line
/// ends: at the first byte after it that the normaliser does not fold into the blank. No
/// phrase spans a blank line, no clause is read across one and no quotation or code span
/// runs on past one (only a Markdown code block does), so each piece's findings are the
/// whole text's findings in it. A text with no blank line is one piece.
pub(super) fn pieces(text: &str, size: usize) -> Vec<Piece> {
    let b = text.as_bytes();
    let mut cuts = vec![0];
    let mut from = size;
    while from < b.len() {
        let Some(cut) = blank_line_end(b, from) else { break };
        if cut >= b.len() {
            break;
        }
        cuts.push(cut);
        from = cut + size;
    }
    let mut cursor = Cursor::new(text);
    (cuts.iter().enumerate())
        .map(|(i, &start)| {
            let end = cuts.get(i + 1).copied().unwrap_or(b.len());
            let (line, column) = cursor.at(start);
            Piece { range: start..end, line, column }
        })
        .collect()
}

/// The end of the first run of folded space at or after `from` that holds a paragraph
/// break as the quote finder sees one (a newline, then only spaces, tabs and `\r`, then
/// another): every quotation and code span ends there, and so does any phrase or clause.
fn blank_line_end(b: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        let newline = at + memchr::memchr(b'\n', b.get(at..)?)?;
        if paragraph_break(b, newline) {
            return Some(space_run(b, newline).0);
        }
        at = newline + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalised_folds_whitespace_and_quotes_and_maps_back() {
        let src = "he  didn’t\n\nknow\nit";
        let n = Normalised::new(src);
        assert_eq!(n.text, "he didn't\nknow it");
        for (pos, want) in [(0, 0), (3, 4), (6, 7), (7, 8), (8, 11), (9, 12), (10, 14), (15, 19)] {
            assert_eq!(n.original(pos), want, "at {pos}");
        }
    }

    #[test]
    fn long_plain_stretches_fold_as_byte_by_byte() {
        // Each special byte at each place in and around a 32-byte chunk.
        let specials =
            ["\t", "\n", "\r", "\u{0b}", "\u{0c}", "  ", "\u{a0}", "\u{2009}", "’", "\u{3000}"];
        for special in specials {
            for at in 0..70 {
                let src = format!(
                    "{}{special}{}",
                    "ab cd ".repeat(12).get(..at).unwrap_or(""),
                    "x y ".repeat(20)
                );
                let n = Normalised::new(&src);
                let mut want = src.replace('’', "'");
                for space in
                    ["\t", "\n", "\r", "\u{0b}", "\u{0c}", "\u{a0}", "\u{2009}", "\u{3000}"]
                {
                    want = want.replace(space, " ");
                }
                while want.contains("  ") {
                    want = want.replace("  ", " ");
                }
                assert_eq!(n.text, want, "{special:?} at {at}");
            }
        }
    }

    #[test]
    fn offsets_map_back_the_same_asked_in_any_order() {
        let src = "a  b\n\n c\t d’e   f ".repeat(40);
        let n = Normalised::new(&src);
        let scan = |pos: usize| {
            let &(p, o) = n.points.iter().rev().find(|&&(p, _)| p <= pos).expect("(0, 0)");
            o + (pos - p)
        };
        let mut hint = 0;
        for pos in 0..=n.text.len() {
            assert_eq!(n.original_from(&mut hint, pos), scan(pos), "at {pos}");
        }
        for pos in (0..=n.text.len()).rev().step_by(7).chain([0, 500, 3, 640]) {
            assert_eq!(n.original_from(&mut hint, pos), scan(pos), "at {pos}");
        }
    }

    #[test]
    fn quotes_and_code_spans_are_regions() {
        let text = "a \"b\" c `d` e 'f g' h’s “i”";
        let r = quoted_regions(text, false);
        let pieces: Vec<&str> = r.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(pieces, ["\"b\"", "`d`", "'f g'", "“i”"]);
    }

    #[test]
    fn unclosed_quotes_stop_at_the_paragraph() {
        let text = "a \"b c\n\nd \"e\"";
        let r = quoted_regions(text, false);
        assert_eq!(r.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(), ["\"e\""]);
    }

    #[test]
    fn markdown_fences_and_block_quotes() {
        let text = "x\n```\ncode \"q\n```\n> quoted\ny `z`";
        let r = quoted_regions(text, true);
        let pieces: Vec<&str> = r.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(pieces, ["```\ncode \"q\n```\n> quoted\n", "`z`"]);
        assert_eq!(quoted_regions(text, false).len(), 2);
    }

    #[test]
    fn cursor_counts_characters() {
        let text = "é\nab→c";
        let mut c = Cursor::new(text);
        assert_eq!(c.at(0), (1, 1));
        assert_eq!(c.at(2), (1, 2));
        assert_eq!(c.at(3), (2, 1));
        assert_eq!(c.at(8), (2, 4));
    }
}
