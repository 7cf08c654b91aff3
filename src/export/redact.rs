//! Names replaced by roles: every participant, the facilitator, action owners, second
//! reviewers and any extra name given, wherever the name appears — whole or first name
//! alone, in any case, as a possessive, or inside an `@handle` or an e-mail address.

use std::borrow::Cow;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::words;
use crate::model::Session;

/// A name to hide that the review itself does not list: `Name`, or `Name = role`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtraName {
    pub name: String,
    pub role: String,
}

impl ExtraName {
    /// One line of a names file: `Kenji`, or `Kenji = database vendor`. Blank lines and
    /// lines starting with `#` give nothing.
    pub fn parse(line: &str) -> Option<ExtraName> {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        let (name, role) = match line.split_once('=') {
            Some((name, role)) => (name.trim(), role.trim()),
            None => (line, ""),
        };
        (!name.is_empty()).then(|| ExtraName { name: name.to_string(), role: role.to_string() })
    }

    /// Every name in a names file, in order.
    pub fn parse_all(text: &str) -> Vec<ExtraName> {
        text.lines().filter_map(ExtraName::parse).collect()
    }
}

/// One person to hide, and what they become.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The name as the review gives it.
    pub name: String,
    /// What replaces it: the role, numbered when several people share it ("SRE 2").
    pub label: String,
    /// Lower-cased forms matched as whole words: the full name, then its parts.
    forms: Vec<String>,
}

/// How many mentions of each person were replaced, in the order of [`Redactor::people`].
pub type Counts = Vec<usize>;

/// Replaces the names of a review's people with their roles.
pub struct Redactor {
    people: Vec<Person>,
    /// Over the lower-cased forms; `owner[i]` is the person of pattern `i`.
    matcher: Option<AhoCorasick>,
    owner: Vec<usize>,
}

impl Redactor {
    /// The people of `session` — participants, the facilitator, action owners and second
    /// reviewers not already among them — and the extra names, in that order.
    pub fn new(session: &Session, extra: &[ExtraName]) -> Redactor {
        let mut found: Vec<(String, String)> = Vec::new();
        let mut add = |name: &str, role: &str| {
            let name = name.trim();
            if name.is_empty() || is_known(&found, name) {
                return;
            }
            found.push((name.to_string(), role.trim().to_string()));
        };
        let incident = &session.incident;
        for p in &incident.participants {
            let role = if p.role.trim().is_empty() { words::ROLE_PARTICIPANT } else { &p.role };
            add(&p.name, role);
        }
        // "Marta (SRE, not involved)": the name is the first word, as the checks read it.
        let facilitator = incident.facilitator.split([' ', '(', ',']).next().unwrap_or("");
        add(facilitator, words::ROLE_FACILITATOR);
        for a in &session.actions {
            add(&a.owner, words::ROLE_OWNER);
        }
        for b in &session.behaviours {
            add(&b.second_reviewer, words::ROLE_SECOND_REVIEWER);
        }
        for e in extra {
            let role = if e.role.is_empty() { words::ROLE_OTHER } else { &e.role };
            add(&e.name, role);
        }
        let people = number_shared_roles(found);
        let mut patterns = Vec::new();
        let mut owner = Vec::new();
        for (i, person) in people.iter().enumerate() {
            for form in &person.forms {
                patterns.push(form.clone());
                owner.push(i);
            }
        }
        let matcher = (!patterns.is_empty())
            .then(|| {
                AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(&patterns)
            })
            .and_then(Result::ok);
        Redactor { people, matcher, owner }
    }

    pub fn people(&self) -> &[Person] {
        &self.people
    }

    /// A fresh tally, one count per person.
    pub fn counts(&self) -> Counts {
        vec![0; self.people.len()]
    }

    /// The label a person's name becomes, when `name` is one of the people.
    pub fn label_of(&self, name: &str) -> Option<&str> {
        let name = name.trim().to_lowercase();
        self.people.iter().find(|p| p.name.to_lowercase() == name).map(|p| p.label.as_str())
    }

    /// `text` with every mention of a person replaced by their label; each replacement is
    /// added to `counts`.
    pub fn apply<'t>(&self, text: &'t str, counts: &mut Counts) -> Cow<'t, str> {
        let Some(matcher) = &self.matcher else { return Cow::Borrowed(text) };
        let mut spans: Vec<(usize, usize, usize)> = self.addresses(text);
        let (lower, map) = lowered(text);
        for m in matcher.find_iter(lower.as_str()) {
            let (start, end) = (map[m.start()], map[m.end()]);
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            let word = before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric());
            let inside_address = spans.iter().any(|(s, e, _)| start < *e && end > *s);
            if word && !inside_address {
                spans.push((start, end, self.owner[m.pattern().as_usize()]));
            }
        }
        if spans.is_empty() {
            return Cow::Borrowed(text);
        }
        spans.sort_unstable();
        let mut out = String::with_capacity(text.len() + 16);
        let mut at = 0;
        for (start, end, person) in spans {
            if start < at {
                continue;
            }
            out.push_str(&text[at..start]);
            out.push_str(&self.people[person].label);
            if let Some(n) = counts.get_mut(person) {
                *n += 1;
            }
            at = end;
        }
        out.push_str(&text[at..]);
        Cow::Owned(out)
    }

    /// `@handles` and e-mail addresses whose name part contains one of a person's names.
    fn addresses(&self, text: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        if !text.contains('@') {
            return out;
        }
        let bytes = text.as_bytes();
        let handle =
            |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'+' | b'%');
        for (at, _) in text.match_indices('@') {
            let mut start = at;
            while start > 0 && handle(bytes[start - 1]) {
                start -= 1;
            }
            let mut end = at + 1;
            while end < bytes.len() && handle(bytes[end]) {
                end += 1;
            }
            // A sentence's full stop is not part of the address.
            while end > at + 1 && matches!(bytes[end - 1], b'.' | b'-') {
                end -= 1;
            }
            let local = text[start..at].to_lowercase();
            let domain = &text[at + 1..end];
            let name_part = if local.is_empty() { domain.to_lowercase() } else { local };
            if name_part.is_empty() {
                continue;
            }
            let person = self.people.iter().position(|p| {
                p.forms.iter().any(|f| {
                    let squeezed: String = f.chars().filter(|c| c.is_alphanumeric()).collect();
                    squeezed.chars().count() >= 3 && squeezed_contains(&name_part, &squeezed)
                })
            });
            if let Some(person) = person {
                out.push((start, end, person));
            }
        }
        out
    }
}

/// Whether `hay` (an address part like `priya.raman`) contains `name` once separators are
/// ignored.
fn squeezed_contains(hay: &str, name: &str) -> bool {
    let hay: String = hay.chars().filter(|c| c.is_alphanumeric()).collect();
    hay.contains(name)
}

/// Already listed under the same name, or as the first name of someone listed.
fn is_known(found: &[(String, String)], name: &str) -> bool {
    let lower = name.to_lowercase();
    found.iter().any(|(n, _)| {
        let n = n.to_lowercase();
        n == lower || n.split_whitespace().next() == Some(lower.as_str())
    })
}

/// Two people with one role become "SRE 1" and "SRE 2", in the order they were listed.
fn number_shared_roles(found: Vec<(String, String)>) -> Vec<Person> {
    let key = |role: &str| role.to_lowercase();
    let mut seen: Vec<(String, usize)> = Vec::new();
    found
        .iter()
        .map(|(name, role)| {
            let shared = found.iter().filter(|(_, r)| key(r) == key(role)).count() > 1;
            let label = if shared {
                let n = match seen.iter_mut().find(|(r, _)| *r == key(role)) {
                    Some((_, n)) => {
                        *n += 1;
                        *n
                    }
                    None => {
                        seen.push((key(role), 1));
                        1
                    }
                };
                format!("{role} {n}")
            } else {
                role.clone()
            };
            Person { name: name.clone(), label, forms: forms(name) }
        })
        .collect()
}

/// The full name, then each part that is a name rather than a particle ("van", "de"):
/// parts written with a capital, or the only part.
fn forms(name: &str) -> Vec<String> {
    let parts: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | '"'))
        .filter(|p| !p.is_empty())
        .collect();
    let mut out = vec![parts.join(" ").to_lowercase()];
    for part in &parts {
        let capital = part.chars().next().is_some_and(char::is_uppercase);
        if (capital || parts.len() == 1) && part.chars().count() >= 2 {
            out.push(part.to_lowercase());
        }
    }
    out.retain(|f| !f.is_empty());
    out.dedup();
    out
}

/// The text in lower case, and for each byte of it the byte of `text` it came from (plus
/// one entry for the end), so matches map back even where lower-casing changes lengths.
fn lowered(text: &str) -> (String, Vec<usize>) {
    if text.is_ascii() {
        let map = (0..=text.len()).collect();
        return (text.to_ascii_lowercase(), map);
    }
    let mut lower = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        for l in c.to_lowercase() {
            for _ in 0..l.len_utf8() {
                map.push(at);
            }
            lower.push(l);
        }
    }
    map.push(text.len());
    (lower, map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionItem, Participant};

    fn review(people: &[(&str, &str)]) -> Session {
        let mut s = Session::new("t");
        s.incident.participants = people
            .iter()
            .map(|(name, role)| Participant { name: name.to_string(), role: role.to_string() })
            .collect();
        s
    }

    fn redact(r: &Redactor, text: &str) -> String {
        let mut counts = r.counts();
        r.apply(text, &mut counts).into_owned()
    }

    #[test]
    fn full_and_first_names_possessives_and_any_case_become_the_role() {
        let r = Redactor::new(&review(&[("Priya Raman", "payments engineer")]), &[]);
        assert_eq!(redact(&r, "Priya Raman paged"), "payments engineer paged");
        assert_eq!(
            redact(&r, "PRIYA's change, raman's note"),
            "payments engineer's change, payments engineer's note"
        );
        assert_eq!(redact(&r, "Priyanka is someone else"), "Priyanka is someone else");
    }

    #[test]
    fn handles_and_addresses_built_on_the_name_are_replaced_whole() {
        let r = Redactor::new(&review(&[("Priya Raman", "payments engineer")]), &[]);
        assert_eq!(
            redact(&r, "ask @priya.r or p.raman@example.com."),
            "ask payments engineer or payments engineer."
        );
        assert_eq!(redact(&r, "@PriyaR said"), "payments engineer said");
        assert_eq!(redact(&r, "mail ops@example.com"), "mail ops@example.com");
    }

    #[test]
    fn two_people_with_one_role_are_numbered_in_order() {
        let r = Redactor::new(&review(&[("Dev", "SRE"), ("Ana", "SRE"), ("Li", "lead")]), &[]);
        assert_eq!(redact(&r, "Ana then Dev, Li watching"), "SRE 2 then SRE 1, lead watching");
    }

    #[test]
    fn owners_facilitator_and_extra_names_are_hidden_too_and_counted() {
        let mut s = review(&[("Priya", "payments engineer")]);
        s.incident.facilitator = "Marta (SRE)".into();
        s.actions.push(ActionItem { owner: "Kenji".into(), ..ActionItem::default() });
        s.actions.push(ActionItem { owner: "priya".into(), ..ActionItem::default() });
        let extra = ExtraName::parse_all("# people\nLena = vendor engineer\n\nOmar\n");
        let r = Redactor::new(&s, &extra);
        let labels: Vec<&str> = r.people().iter().map(|p| p.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "payments engineer",
                "facilitator",
                "action owner",
                "vendor engineer",
                "another person"
            ]
        );
        let mut counts = r.counts();
        let out = r.apply("Marta asked Kenji and Lena; Omar and Priya agreed", &mut counts);
        assert_eq!(
            out,
            "facilitator asked action owner and vendor engineer; another person and payments engineer agreed"
        );
        assert_eq!(counts, [1, 1, 1, 1, 1]);
    }

    #[test]
    fn a_name_inside_the_replacement_is_not_replaced_again() {
        let r = Redactor::new(&review(&[("Dev", "on-call SRE"), ("Sam", "dev lead")]), &[]);
        assert_eq!(redact(&r, "Sam and Dev"), "dev lead and on-call SRE");
    }

    #[test]
    fn non_ascii_names_match_in_any_case() {
        let r = Redactor::new(&review(&[("Zoë Åberg", "DBA")]), &[]);
        assert_eq!(redact(&r, "ZOË said ÅBERG's query"), "DBA said DBA's query");
    }

    #[test]
    fn particles_are_not_names_on_their_own() {
        let r = Redactor::new(&review(&[("Anna van Dijk", "SRE")]), &[]);
        assert_eq!(
            redact(&r, "the van arrived; Anna van Dijk called"),
            "the van arrived; SRE called"
        );
    }
}
