//! The phrase matcher: one trie of every phrase (ASCII letters folded to lower case), tried
//! only where a word can start. A finding must begin and end on word boundaries, so no
//! match ever needs to start inside a word, and the trie needs none of the failure links a
//! general multi-pattern automaton computes. The built-in lexicon's trie is built by
//! `build.rs` with this same code and kept as static arrays; a user's lexicon builds its own
//! at start-up, in about a millisecond.

use std::borrow::Cow;

/// A match: byte range in the haystack and the index of the phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Found {
    pub start: usize,
    pub end: usize,
    pub pattern: usize,
}

const NONE: u32 = u32::MAX;

/// The trie laid out for walking it. Each node is two words of header (how many children
/// and the phrase ending there, or `NONE`; which of the [`SYMBOLS`] it has a child for)
/// followed by its children (the byte, and where the child's header is): those whose byte
/// is a symbol first, in symbol order, so the child for a symbol is found by counting the
/// bits below it, with no search; the rest after them. A step reads one short run of
/// memory.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Matcher {
    /// Where the header of the root's child for each byte (either case of a letter) is, or
    /// `NONE`.
    pub(super) root: Cow<'static, [u32; 256]>,
    pub(super) nodes: Cow<'static, [u64]>,
}

/// The bytes phrases are made of, nearly all: letters (either case), space, `'`, `-`, `/`,
/// `:` and `0`. Each has a bit in a node's header.
static SYMBOLS: [u8; 256] = {
    let mut t = [u8::MAX; 256];
    let mut c = 0;
    while c < 26 {
        t[b'a' as usize + c] = c as u8;
        t[b'A' as usize + c] = c as u8;
        c += 1;
    }
    let others = *b" '-/:0";
    let mut k = 0;
    while k < others.len() {
        t[others[k] as usize] = 26 + k as u8;
        k += 1;
    }
    t
};

/// The walking layout of a trie given as arrays: node `n`'s children are
/// `bytes[edges[n]..edges[n + 1]]`, with the child of each in `next`.
fn layout(
    root: &[u32; 256],
    edges: &[u32],
    bytes: &[u8],
    next: &[u32],
    terminal: &[u32],
) -> Matcher {
    let children = |n: usize| match (edges.get(n), edges.get(n + 1)) {
        (Some(&lo), Some(&hi)) => lo as usize..(hi as usize).max(lo as usize),
        _ => 0..0,
    };
    let mut at = Vec::with_capacity(terminal.len());
    let mut size = 0u32;
    for n in 0..terminal.len() {
        at.push(size);
        size += 2 + children(n).len() as u32;
    }
    let header = |n: u32| at.get(n as usize).copied().unwrap_or(NONE);
    let mut nodes = Vec::with_capacity(size as usize);
    let mut kids: Vec<(u8, u32)> = Vec::new();
    for (n, &phrase) in terminal.iter().enumerate() {
        kids.clear();
        kids.extend(children(n).map(|k| {
            (bytes.get(k).copied().unwrap_or(0), next.get(k).map_or(NONE, |&c| header(c)))
        }));
        kids.sort_by_key(|&(byte, _)| (SYMBOLS[usize::from(byte)], byte));
        let bits = kids.iter().fold(0u32, |bits, &(byte, _)| match SYMBOLS[usize::from(byte)] {
            u8::MAX => bits,
            symbol => bits | 1 << symbol,
        });
        nodes.push((kids.len() as u64) << 32 | u64::from(phrase));
        nodes.push(u64::from(bits));
        nodes.extend(kids.iter().map(|&(byte, child)| u64::from(byte) << 32 | u64::from(child)));
    }
    let root = root.map(|n| if n == NONE { NONE } else { header(n) });
    Matcher { root: Cow::Owned(root), nodes: Cow::Owned(nodes) }
}

impl Matcher {
    /// The longest phrase starting at `start` that ends on a word boundary.
    fn longest_at(&self, hay: &str, start: usize) -> Option<Found> {
        let b = hay.as_bytes();
        let mut at = self.root[usize::from(b[start])] as usize;
        let mut p = start + 1;
        let mut best = None;
        while let Some(&[header, bits]) = self.nodes.get(at..at + 2).and_then(|h| h.first_chunk()) {
            let pattern = header as u32;
            if pattern != NONE && ends_word(hay, p) {
                best = Some(Found { start, end: p, pattern: pattern as usize });
            }
            let Some(&c) = b.get(p) else { break };
            let (bits, count) = (bits as u32, (header >> 32) as usize);
            let child = match SYMBOLS[usize::from(c)] {
                u8::MAX => {
                    // Every ASCII letter is a symbol: this byte needs no folding.
                    let c = u64::from(c);
                    let rest = self.nodes.get(at + 2 + bits.count_ones() as usize..at + 2 + count);
                    rest.and_then(|rest| rest.iter().find(|&&child| child >> 32 == c))
                }
                symbol if bits & 1 << symbol == 0 => None,
                // Four nodes in five have one child: no counting.
                _ if count == 1 => self.nodes.get(at + 2),
                symbol => {
                    self.nodes.get(at + 2 + (bits & ((1 << symbol) - 1)).count_ones() as usize)
                }
            };
            let Some(&child) = child else { break };
            at = child as u32 as usize;
            p += 1;
        }
        best
    }

    /// The trie of `patterns`; the first of two equal phrases owns the match.
    pub fn new<P: AsRef<[u8]>>(patterns: &[P]) -> Matcher {
        // Phrases in byte order share their prefix with the one before: each adds only the
        // nodes past that prefix, and every node's edges come out sorted.
        let folded: Vec<Vec<u8>> =
            patterns.iter().map(|p| p.as_ref().to_ascii_lowercase()).collect();
        let mut order: Vec<usize> = (0..folded.len()).collect();
        order.sort_by(|&a, &b| folded[a].cmp(&folded[b]).then(a.cmp(&b)));
        // (parent, byte, child) for every edge, and the path of the phrase before.
        let mut links: Vec<(u32, u8, u32)> = Vec::new();
        let mut terminal: Vec<u32> = vec![NONE];
        let mut path: Vec<u32> = vec![0];
        let mut previous: &[u8] = &[];
        for &index in &order {
            let phrase = folded[index].as_slice();
            if phrase.is_empty() {
                continue;
            }
            let shared = phrase.iter().zip(previous).take_while(|(a, b)| a == b).count();
            path.truncate(shared + 1);
            for &b in &phrase[shared..] {
                let child = terminal.len() as u32;
                terminal.push(NONE);
                links.push((path[path.len() - 1], b, child));
                path.push(child);
            }
            let end = path[path.len() - 1] as usize;
            // Equal phrases sort by index, so the first one is seen first and keeps it.
            if terminal[end] == NONE {
                terminal[end] = index as u32;
            }
            previous = phrase;
        }
        // Edges grouped by parent (a counting sort, which keeps each parent's edges in the
        // byte order they were made in).
        let nodes = terminal.len();
        let mut edges = vec![0u32; nodes + 1];
        for &(parent, _, _) in &links {
            edges[parent as usize + 1] += 1;
        }
        for n in 0..nodes {
            edges[n + 1] += edges[n];
        }
        let mut fill: Vec<u32> = edges[..nodes].to_vec();
        let mut bytes = vec![0u8; links.len()];
        let mut next = vec![0u32; links.len()];
        for &(parent, b, child) in &links {
            let at = fill[parent as usize] as usize;
            bytes[at] = b;
            next[at] = child;
            fill[parent as usize] += 1;
        }
        let mut root = [NONE; 256];
        for (&b, &child) in bytes[..edges[1] as usize].iter().zip(&next) {
            root[usize::from(b)] = child;
            // ASCII letters match either case: the haystack is folded as it is read.
            root[usize::from(b.to_ascii_uppercase())] = child;
        }
        layout(&root, &edges, &bytes, &next, &terminal)
    }

    /// A trie built before (by `build.rs`, with [`Matcher::new`]).
    pub fn from_static(root: &'static [u32; 256], nodes: &'static [u64]) -> Matcher {
        Matcher { root: Cow::Borrowed(root), nodes: Cow::Borrowed(nodes) }
    }

    /// How many distinct phrases the trie holds.
    #[cfg(test)]
    pub fn patterns_len(&self) -> usize {
        let (mut at, mut phrases) = (0, 0);
        while let Some(&header) = self.nodes.get(at) {
            phrases += usize::from(header as u32 != NONE);
            at += 2 + (header >> 32) as usize;
        }
        phrases
    }

    /// The first match at or after `from` that begins and ends on word boundaries: at the
    /// first place where some phrase does, the longest such phrase there.
    pub fn find(&self, hay: &str, from: usize) -> Option<Found> {
        let b = hay.as_bytes();
        let root: &[u32; 256] = &self.root;
        let mut p = from;
        while p < b.len() {
            let c = b[p];
            if root[usize::from(c)] == NONE {
                p += 1;
                continue;
            }
            let word = ASCII_WORD[usize::from(c)];
            // Inside a run of ASCII word characters nothing can start: skip to its end.
            if word && p > 0 && ASCII_WORD[usize::from(b[p - 1])] {
                p = word_end(b, p + 1);
                continue;
            }
            if starts_word(hay, p)
                && let Some(found) = self.longest_at(hay, p)
            {
                return Some(found);
            }
            // Nothing starts here, nor anywhere else in this word.
            p = if word { word_end(b, p + 1) } else { p + 1 };
        }
        None
    }
}

/// ASCII letters, digits and `_`: the word characters of one byte.
pub(super) static ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 128 {
        t[c] = (c as u8).is_ascii_alphanumeric() || c == b'_' as usize;
        c += 1;
    }
    t
};

/// The end of the run of ASCII word characters at `from`.
fn word_end(b: &[u8], from: usize) -> usize {
    let mut p = from;
    while p < b.len() && ASCII_WORD[usize::from(b[p])] {
        p += 1;
    }
    p
}

/// [`left_boundary`], read straight from the bytes when they are ASCII (nearly always).
fn starts_word(hay: &str, start: usize) -> bool {
    let b = hay.as_bytes();
    let c = b[start];
    if !c.is_ascii() {
        return left_boundary(hay, start);
    }
    if !ASCII_WORD[usize::from(c)] || start == 0 {
        return true;
    }
    match b[start - 1] {
        prev if ASCII_WORD[usize::from(prev)] => false,
        b' ' | b'\n' | b',' | b'(' | b'"' => true,
        _ => left_boundary(hay, start),
    }
}

/// [`right_boundary`], read straight from the bytes when they are ASCII (nearly always).
fn ends_word(hay: &str, end: usize) -> bool {
    let b = hay.as_bytes();
    match (b.get(end.wrapping_sub(1)), b.get(end)) {
        (Some(&last), Some(&next)) if last.is_ascii() && next.is_ascii() => {
            if !ASCII_WORD[usize::from(last)] {
                return true;
            }
            match next {
                n if ASCII_WORD[usize::from(n)] => false,
                b'-' | b'.' => right_boundary(hay, end),
                _ => true,
            }
        }
        _ => right_boundary(hay, end),
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Nothing of a word runs into the match from the left: not a letter, and not a hyphen,
/// apostrophe or dot joined to one ("non-negligent", ".gitignore" stay whole).
fn left_boundary(hay: &str, start: usize) -> bool {
    let head = &hay[..start];
    let first = hay[start..].chars().next();
    if !first.is_some_and(is_word) {
        return true;
    }
    let mut back = head.chars().rev();
    match back.next() {
        None => true,
        Some(c) if is_word(c) => false,
        Some('-' | '\'' | '.') => !back.next().is_some_and(is_word),
        Some(_) => true,
    }
}

/// Nothing of a word runs on after the match: not a letter, not a hyphen or dot followed
/// by one ("lazy-loaded", "ignore.txt"). An apostrophe may follow ("Bob's").
fn right_boundary(hay: &str, end: usize) -> bool {
    // A match ends on a character boundary; a cut inside a character is no match.
    let (Some(before), Some(after)) = (hay.get(..end), hay.get(end..)) else { return false };
    let last = before.chars().next_back();
    if !last.is_some_and(is_word) {
        return true;
    }
    let mut ahead = after.chars();
    match ahead.next() {
        None => true,
        Some(c) if is_word(c) => false,
        Some('-' | '.') => !ahead.next().is_some_and(is_word),
        Some(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The first match by trying every phrase at every place: what the trie must find.
    fn reference(phrases: &[&str], hay: &str, from: usize) -> Option<Found> {
        let starts = (from..hay.len()).filter(|&p| hay.is_char_boundary(p));
        starts.filter(|&p| left_boundary(hay, p)).find_map(|p| {
            let fits = |(_, phrase): &(usize, &&str)| {
                let end = p + phrase.len();
                !phrase.is_empty()
                    && hay.get(p..end).is_some_and(|h| h.eq_ignore_ascii_case(phrase))
                    && right_boundary(hay, end)
            };
            let best = phrases
                .iter()
                .enumerate()
                .filter(fits)
                .max_by_key(|(i, f)| (f.len(), usize::MAX - i));
            best.map(|(i, phrase)| Found { start: p, end: p + phrase.len(), pattern: i })
        })
    }

    proptest! {
        #[test]
        fn the_trie_finds_what_trying_every_phrase_finds(
            hay in "[abAB01/:' \\-.üé’x]{0,24}",
            from in 0usize..4,
        ) {
            let phrases = ["a", "ab", "a b", "ab:0", "b/1", "0", "ü", "aé", "b'a", "a-b", "x’a", "é"];
            let m = Matcher::new(&phrases);
            let from = (from..=hay.len()).find(|&p| hay.is_char_boundary(p)).unwrap_or(hay.len());
            prop_assert_eq!(m.find(&hay, from), reference(&phrases, &hay, from));
        }

        #[test]
        fn the_byte_boundaries_agree_with_the_character_ones(
            hay in "[aZ9_ .,'\\-\n\"(]{0,3}[aü’é\u{a0}\\- ']{0,2}[ab_.'\\- ]{0,4}",
        ) {
            for p in (0..hay.len()).filter(|&p| hay.is_char_boundary(p)) {
                prop_assert_eq!(starts_word(&hay, p), left_boundary(&hay, p), "start {}", p);
            }
            for p in (1..=hay.len()).filter(|&p| hay.is_char_boundary(p)) {
                prop_assert_eq!(ends_word(&hay, p), right_boundary(&hay, p), "end {}", p);
            }
        }
    }

    fn all(m: &Matcher, hay: &str) -> Vec<(String, usize)> {
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some(f) = m.find(hay, pos) {
            out.push((hay[f.start..f.end].to_string(), f.pattern));
            pos = f.end;
        }
        out
    }

    #[test]
    fn longest_whole_words_win_in_any_case() {
        let m = Matcher::new(&["should have", "should", "have known", "careless"]);
        assert_eq!(
            all(&m, "He SHOULD HAVE known; should've? carelessly, careless."),
            [("SHOULD HAVE".to_string(), 0), ("should".to_string(), 1), ("careless".into(), 3)]
        );
    }

    #[test]
    fn a_match_inside_a_word_or_a_joined_word_is_not_one() {
        let m = Matcher::new(&["lazy", "negligent", "ignore"]);
        assert!(all(&m, "lazy-loaded non-negligent a.ignore ignore.txt blazy").is_empty());
        assert_eq!(all(&m, "lazy. Bob's lazy's").len(), 2);
    }

    #[test]
    fn a_shorter_phrase_is_taken_when_the_longer_runs_into_a_word() {
        let m = Matcher::new(&["human error", "human errors", "human"]);
        assert_eq!(all(&m, "human errorsome"), [("human".to_string(), 2)]);
        assert_eq!(all(&m, "human errors."), [("human errors".to_string(), 1)]);
    }

    #[test]
    fn non_ascii_text_is_walked_safely() {
        let m = Matcher::new(&["tired", "müde"]);
        let found = all(&m, "é tired, Müde müde ü");
        assert_eq!(found, [("tired".into(), 0), ("Müde".into(), 1), ("müde".into(), 1)]);
    }
}
