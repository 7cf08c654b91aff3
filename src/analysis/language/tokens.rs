//! The light look around a match: words and punctuation of the clause before and after it.
//! What the clause says (its subject, negation, a cause) is judged in `clause.rs`.

use std::borrow::Cow;

pub(super) use super::clause::{Judge, Names};
use super::matcher::ASCII_WORD;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    /// `,` or a dash: transparent for the subject, a stop for negation.
    Comma,
    /// `.`, `;`, `:`, `!`, `?` — the end of a sentence or clause.
    Stop,
    /// A blank line or the start of a list item, heading or quote line.
    Break,
    Open,
    Close,
    /// Quote marks and anything else: transparent.
    Other,
    /// The start or end of the text.
    Edge,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok<'a> {
    pub kind: Kind,
    pub text: &'a str,
}

/// Who or what the clause is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    Person,
    Me,
    We,
    System,
    Nothing,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Characters that join two word characters into one word: don't, on-call, v1.2, 14:32.
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-' | '.' | ':' | '/' | '&')
}

fn punct_kind(c: char) -> Kind {
    match c {
        ',' | '\u{2014}' | '\u{2013}' => Kind::Comma,
        '.' | ';' | ':' | '!' | '?' | '\u{2026}' => Kind::Stop,
        '(' | '[' | '{' => Kind::Open,
        ')' | ']' | '}' => Kind::Close,
        _ => Kind::Other,
    }
}

/// Does the line starting at `rest` begin a new block (blank line, list item, heading,
/// quote, table row)?
fn starts_block(rest: &str) -> bool {
    let line = rest.trim_start_matches([' ', '\t', '\r']);
    match line.chars().next() {
        None | Some('\n' | '-' | '*' | '+' | '#' | '>' | '|') => true,
        Some(c) if c.is_ascii_digit() => {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            matches!(line.as_bytes().get(digits), Some(b'.' | b')'))
        }
        _ => false,
    }
}

/// Up to `max` tokens before byte `pos`, nearest first, ending with the token that ends
/// the sentence (a stop, a break or the start of the text) when it is reached.
pub(super) fn before<'a>(text: &'a str, pos: usize, max: usize, out: &mut Vec<Tok<'a>>) {
    out.clear();
    let mut end = pos;
    while out.len() < max {
        let Some(c) = char_before(text, end) else {
            out.push(Tok { kind: Kind::Edge, text: "" });
            return;
        };
        let start = end - c.len_utf8();
        if c == '\n' {
            let blank_before = text[..start].trim_end_matches([' ', '\t', '\r']).ends_with('\n');
            if blank_before || starts_block(&text[end..]) {
                out.push(Tok { kind: Kind::Break, text: "" });
                return;
            }
            end = start;
            continue;
        }
        if c.is_whitespace() {
            end = start;
            continue;
        }
        if is_word_char(c) {
            let mut s = start;
            loop {
                // Plain ASCII word bytes first, a run at a time; then one character.
                while s > 0 && ASCII_WORD[usize::from(text.as_bytes()[s - 1])] {
                    s -= 1;
                }
                let Some(p) = char_before(text, s) else { break };
                let ps = s - p.len_utf8();
                let joined = is_joiner(p) && char_before(text, ps).is_some_and(is_word_char);
                if !(is_word_char(p) || joined) {
                    break;
                }
                s = ps;
            }
            out.push(Tok { kind: Kind::Word, text: &text[s..end] });
            end = s;
            continue;
        }
        let kind = punct_kind(c);
        out.push(Tok { kind, text: &text[start..end] });
        if matches!(kind, Kind::Stop) {
            return;
        }
        end = start;
    }
}

/// Up to `max` tokens after byte `pos`, in order, ending at the end of the sentence.
pub(super) fn after<'a>(text: &'a str, pos: usize, max: usize, out: &mut Vec<Tok<'a>>) {
    out.clear();
    let mut start = pos;
    while out.len() < max {
        let Some(c) = char_at(text, start) else {
            out.push(Tok { kind: Kind::Edge, text: "" });
            return;
        };
        let end = start + c.len_utf8();
        if c == '\n' {
            if starts_block(&text[end..]) {
                out.push(Tok { kind: Kind::Break, text: "" });
                return;
            }
            start = end;
            continue;
        }
        if c.is_whitespace() {
            start = end;
            continue;
        }
        if is_word_char(c) {
            let mut e = end;
            loop {
                while text.as_bytes().get(e).is_some_and(|&b| ASCII_WORD[usize::from(b)]) {
                    e += 1;
                }
                let Some(n) = char_at(text, e) else { break };
                let ne = e + n.len_utf8();
                let joined = is_joiner(n) && char_at(text, ne).is_some_and(is_word_char);
                if !(is_word_char(n) || joined) {
                    break;
                }
                e = ne;
            }
            out.push(Tok { kind: Kind::Word, text: &text[start..e] });
            start = e;
            continue;
        }
        let kind = punct_kind(c);
        out.push(Tok { kind, text: &text[start..end] });
        if matches!(kind, Kind::Stop) {
            return;
        }
        start = end;
    }
}

/// The character before byte `i` (a character boundary); an ASCII byte is read as it is.
fn char_before(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i.wrapping_sub(1)) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text[..i].chars().next_back(),
    }
}

/// The character at byte `i` (a character boundary); an ASCII byte is read as it is.
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text[i..].chars().next(),
    }
}

/// Lower-case, straight apostrophe, without a possessive or a contracted verb ("he'd",
/// "Bob's", "I'm"); "n't" stays, it is a negation.
pub(super) fn norm_word(word: &str) -> Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
        return Cow::Borrowed(word);
    }
    let mut w = if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.replace('\u{2019}', "'").to_lowercase()
    };
    if let Some(i) = w.rfind('\'') {
        let suffix = &w[i + 1..];
        if matches!(suffix, "s" | "d" | "ll" | "re" | "ve" | "m" | "") {
            w.truncate(i);
        }
    }
    Cow::Owned(w)
}
