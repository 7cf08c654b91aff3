//! Compiles the built-in lexicon (`assets/lexicon.toml`) into Rust: each rule's fields, its
//! phrases expanded and normalised, the word lists, and the matcher's trie over every phrase
//! as static arrays, so that no start of waterline parses, expands or builds them. The
//! expansion and the trie come from the crate's own code (`expand.rs`, `matcher.rs`).

use std::fmt::Write as _;

#[allow(dead_code)]
#[path = "src/analysis/language/expand.rs"]
mod expand;
#[allow(dead_code)]
#[path = "src/analysis/language/matcher.rs"]
mod matcher;

use expand::Target;

const LEXICON: &str = "assets/lexicon.toml";

fn main() {
    println!("cargo:rerun-if-changed={LEXICON}");
    println!("cargo:rerun-if-changed=src/analysis/language/expand.rs");
    println!("cargo:rerun-if-changed=src/analysis/language/matcher.rs");
    let text = std::fs::read_to_string(LEXICON).unwrap_or_else(|e| fail(&format!("{e}")));
    let table: toml::Table = text.parse().unwrap_or_else(|e| fail(&format!("{e}")));
    let mut out = String::new();
    for (key, value) in &table {
        match (key.as_str(), value) {
            ("version", toml::Value::Integer(1)) => {}
            ("words" | "rule" | "allow", _) => {}
            _ => fail(&format!("`{key}` is not part of a built-in lexicon")),
        }
    }
    words(&table, &mut out);
    let allow = allowed(&table, &mut out);
    let rules = rules(&table, &mut out);
    let lists: Vec<&[String]> = rules.iter().map(Vec::as_slice).collect();
    let (patterns, targets, clashes) = expand::owners(&allow, &lists);
    if let Some((rule, phrase, other)) = clashes.first() {
        fail(&format!("phrase {phrase:?} of rule {rule} is already matched by rule {other}"));
    }
    let targets: Vec<String> = targets
        .iter()
        .map(|t| match t {
            Target::Allow => "Target::Allow".to_string(),
            Target::Rule(i) => format!("Target::Rule({i})"),
        })
        .collect();
    array(&mut out, "TARGETS", "Target", &targets);
    let trie = matcher::Matcher::new(&patterns);
    array(&mut out, "ROOT", "u32", &trie.root[..]);
    array(&mut out, "NODES", "u64", &trie.nodes);
    let dir = std::env::var("OUT_DIR").unwrap_or_else(|e| fail(&format!("OUT_DIR: {e}")));
    let path = std::path::Path::new(&dir).join("lexicon.rs");
    std::fs::write(&path, out).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
}

fn fail(why: &str) -> ! {
    panic!("{LEXICON}: {why}")
}

fn strings<'a>(value: &'a toml::Value, what: &str) -> Vec<&'a str> {
    let Some(list) = value.as_array() else { fail(&format!("{what} is not a list")) };
    list.iter()
        .map(|v| v.as_str().unwrap_or_else(|| fail(&format!("{what}: {v} is not text"))))
        .collect()
}

fn tables<'a>(table: &'a toml::Table, key: &str) -> Vec<&'a toml::Table> {
    let Some(value) = table.get(key) else { return Vec::new() };
    let Some(list) = value.as_array() else { fail(&format!("`{key}` is not [[{key}]]")) };
    list.iter()
        .map(|v| v.as_table().unwrap_or_else(|| fail(&format!("`{key}` is not [[{key}]]"))))
        .collect()
}

/// `fn words() -> Words`: each list normalised as the run-time reader does; a field the
/// reader does not know fails to compile.
fn words(table: &toml::Table, out: &mut String) {
    // The rest stays `..Words::default()`: a list the file leaves out is empty.
    out.push_str(
        "#[allow(clippy::needless_update)]\npub(super) fn words() -> Words {\n    Words {\n",
    );
    let lists = table.get("words").and_then(toml::Value::as_table);
    for (name, value) in lists.into_iter().flatten() {
        let mut words = Vec::new();
        for word in strings(value, &format!("[words] {name}")) {
            let w = expand::normalise_phrase(word);
            if w.is_empty() || w.contains(' ') {
                fail(&format!("[words] {name}: {word:?} is not a single word"));
            }
            words.push(format!("{w:?}"));
        }
        let _ = writeln!(out, "        {name}: set(&[{}]),", words.join(", "));
    }
    out.push_str("        ..Words::default()\n    }\n}\n\n");
}

/// `ALLOW`: every allowed phrase, expanded, in order.
fn allowed(table: &toml::Table, out: &mut String) -> Vec<String> {
    let mut allow = Vec::new();
    for entry in tables(table, "allow") {
        let phrases = entry.get("phrases").unwrap_or_else(|| fail("[[allow]] needs `phrases`"));
        for phrase in strings(phrases, "[[allow]] phrases") {
            let expanded = expand::expand(phrase)
                .unwrap_or_else(|why| fail(&format!("allowed phrase {phrase:?}: {why}")));
            allow.extend(expanded);
        }
    }
    let quoted: Vec<String> = allow.iter().map(|p| format!("{p:?}")).collect();
    array(out, "ALLOW", "&str", &quoted);
    allow
}

/// `RULES`: each rule's fields as written (checked at start-up as a user's are, in
/// microseconds) with its phrases expanded. A field the reader does not know, or of the
/// wrong type, fails to compile.
fn rules(table: &toml::Table, out: &mut String) -> Vec<Vec<String>> {
    let mut all = Vec::new();
    let mut items = Vec::new();
    let mut ids = std::collections::HashSet::new();
    for rule in tables(table, "rule") {
        let mut fields = String::new();
        let mut phrases = None;
        for (key, value) in rule {
            match value {
                toml::Value::String(s) => {
                    let _ = write!(fields, "{key}: Some(Cow::Borrowed({s:?})), ");
                }
                toml::Value::Boolean(b) => {
                    let _ = write!(fields, "{key}: Some({b}), ");
                }
                toml::Value::Array(_) if key == "phrases" => {
                    phrases = Some(strings(value, "phrases"));
                }
                _ => fail(&format!("rule field `{key}` = {value}")),
            }
        }
        let id = rule
            .get("id")
            .and_then(toml::Value::as_str)
            .unwrap_or_else(|| fail("a rule needs an `id`"));
        if !ids.insert(id) {
            fail(&format!("rule `{id}` is defined twice"));
        }
        let written = phrases.filter(|p| !p.is_empty());
        let written = written.unwrap_or_else(|| fail(&format!("rule `{id}` needs `phrases`")));
        let expanded = expand::rule_phrases(&written)
            .unwrap_or_else(|why| fail(&format!("rule `{id}`: {why}")));
        let quoted: Vec<String> = expanded.iter().map(|p| format!("{p:?}")).collect();
        items.push(format!("(RawRule {{ {fields}..RawRule::UNSET }}, &[{}])", quoted.join(", ")));
        all.push(expanded);
    }
    array(out, "RULES", "(RawRule, &[&str])", &items);
    all
}

fn array<T: std::fmt::Display>(out: &mut String, name: &str, ty: &str, items: &[T]) {
    let _ = write!(out, "pub(super) static {name}: [{ty}; {}] = [", items.len());
    for (i, item) in items.iter().enumerate() {
        // A line every few items keeps the file readable when a build fails in it.
        let sep = if i % 16 == 0 { "\n    " } else { " " };
        let _ = write!(out, "{sep}{item},");
    }
    out.push_str("\n];\n\n");
}
