//! The Just Culture decision table (DESIGN §4) as data, from `assets/just_culture.toml`.
//! A table is only ever built through [`DecisionTable::parse`], which checks it whole, so
//! walking a table never meets a missing target or a loop.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::Deserialize;

use super::behaviour::Answer;

/// The table built into the program.
pub const BUILTIN: &str = include_str!("../../assets/just_culture.toml");

static TABLE: LazyLock<Result<DecisionTable, Vec<TableError>>> =
    LazyLock::new(|| DecisionTable::parse(BUILTIN));

/// The built-in table, or what is wrong with it (a test keeps it right).
pub fn builtin() -> Result<&'static DecisionTable, &'static [TableError]> {
    TABLE.as_ref().map_err(Vec::as_slice)
}

/// One question of the table.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub id: String,
    /// A few words for the path so far.
    pub short: String,
    pub question: String,
    /// The question explained in plain words.
    pub help: String,
    /// The same question in the first person, for a self-review ("Did I…").
    #[serde(default)]
    pub self_question: Option<String>,
    /// The explanation spoken to the person reviewing their own act ("you").
    #[serde(default)]
    pub self_help: Option<String>,
    pub yes: String,
    pub no: String,
    pub dont_know: String,
    /// The investigation drafted when the answer is "don't know".
    pub investigate: String,
    #[serde(default)]
    pub if_yes: Option<Lead>,
    #[serde(default)]
    pub if_no: Option<Lead>,
}

impl Node {
    /// The question as asked: in the first person in a self-review, when the table says it so.
    pub fn asks(&self, self_review: bool) -> &str {
        self.self_question.as_deref().filter(|_| self_review).unwrap_or(&self.question)
    }

    /// The explanation, spoken to "you" in a self-review.
    pub fn explains(&self, self_review: bool) -> &str {
        self.self_help.as_deref().filter(|_| self_review).unwrap_or(&self.help)
    }
}

/// What an answer points to: a contributing factor, and the system action it suggests.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lead {
    pub factor: String,
    #[serde(default)]
    pub draft: Option<String>,
}

/// Where the questions end.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Kebab-case, as written in the session file: `at-risk-drift`.
    pub id: String,
    pub family: Family,
    pub label: String,
    /// The label in lists: "at-risk (drift)".
    pub short: String,
    /// Least (0) to most weight on the person; only used to check "don't know" branches.
    pub rank: u8,
    /// The response this outcome proposes is about the person (coaching, support, referral).
    #[serde(default)]
    pub about_person: bool,
    pub response: String,
    /// The response spoken to the person reviewing their own act ("you").
    #[serde(default)]
    pub self_response: Option<String>,
    /// A guard rail the screen must show with this outcome.
    #[serde(default)]
    pub notice: Option<String>,
    /// Draft system actions; `{act}` stands for the act.
    pub drafts: Vec<String>,
}

impl Outcome {
    /// The response as shown: spoken to "you" in a self-review, when the table says it so.
    pub fn responds(&self, self_review: bool) -> &str {
        self.self_response.as_deref().filter(|_| self_review).unwrap_or(&self.response)
    }
}

/// The four outcomes `check` reports; every outcome belongs to one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    HumanError,
    AtRisk,
    Reckless,
    OutOfScope,
}

impl Family {
    pub const ALL: [Family; 4] = [Self::HumanError, Self::AtRisk, Self::Reckless, Self::OutOfScope];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::HumanError => "human-error",
            Self::AtRisk => "at-risk",
            Self::Reckless => "reckless",
            Self::OutOfScope => "out-of-scope",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::HumanError => "human error",
            Self::AtRisk => "at-risk behaviour",
            Self::Reckless => "reckless behaviour",
            Self::OutOfScope => "out of scope",
        }
    }
}

/// Where an answer leads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Target<'t> {
    Node(&'t Node),
    Outcome(&'t Outcome),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Index {
    Node(usize),
    Outcome(usize),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TableError {
    #[error("the decision table is not valid TOML: {0}")]
    Syntax(String),
    #[error("the decision table starts at `{0}`, which is not one of its questions")]
    NoStart(String),
    #[error("`{0}` is used as an id twice; each question and outcome needs its own")]
    Duplicate(String),
    #[error(
        "question `{node}` sends {answer} to `{target}`, which is neither a question nor an outcome"
    )]
    Dangling { node: String, answer: &'static str, target: String },
    #[error("`{0}` can never be reached from the first question")]
    Unreachable(String),
    #[error("the questions {} lead back to themselves; every path must end at an outcome", .0.join(" → "))]
    Cycle(Vec<String>),
    #[error("question `{0}` sends \"don't know\" somewhere other than its yes or no branch")]
    DontKnowElsewhere(String),
    #[error(
        "question `{0}` sends \"don't know\" to the more culpable branch; it must take the less culpable one"
    )]
    DontKnowHarsher(String),
    #[error("`{item}` has an empty `{field}`")]
    Empty { item: String, field: &'static str },
}

/// A checked decision table.
#[derive(Debug, Clone)]
pub struct DecisionTable {
    nodes: Vec<Node>,
    outcomes: Vec<Outcome>,
    start: usize,
    /// Per node: where yes, no and don't know lead.
    edges: Vec<[Index; 3]>,
    /// Per node: the most questions a path starting there can ask, itself included.
    longest: Vec<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TableFile {
    start: String,
    #[serde(default)]
    node: Vec<Node>,
    #[serde(default)]
    outcome: Vec<Outcome>,
}

impl DecisionTable {
    /// Reads and checks a table. Every problem found is returned, none panics.
    pub fn parse(text: &str) -> Result<DecisionTable, Vec<TableError>> {
        let file: TableFile =
            toml::from_str(text).map_err(|e| vec![TableError::Syntax(e.message().to_string())])?;
        check(file)
    }

    pub fn start(&self) -> &Node {
        &self.nodes[self.start]
    }

    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    pub fn outcomes(&self) -> &[Outcome] {
        &self.outcomes
    }

    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }

    pub fn outcome(&self, id: &str) -> Option<&Outcome> {
        self.outcomes.iter().find(|o| o.id == id)
    }

    /// Where `answer` to `node` leads. `node` must belong to this table.
    pub fn next(&self, node: &Node, answer: Answer) -> Option<Target<'_>> {
        let i = self.nodes.iter().position(|n| n.id == node.id)?;
        let slot = match answer {
            Answer::Yes => 0,
            Answer::No => 1,
            Answer::DontKnow => 2,
        };
        Some(self.resolve(self.edges[i][slot]))
    }

    /// The most questions a path from `node` can still ask, `node` included.
    pub fn longest_from(&self, node: &Node) -> usize {
        self.nodes.iter().position(|n| n.id == node.id).map_or(0, |i| self.longest[i])
    }

    /// The answer "don't know" is taken as at `node`: the branch it shares a target with.
    pub fn dont_know_means(node: &Node) -> Answer {
        if node.dont_know == node.yes { Answer::Yes } else { Answer::No }
    }

    fn resolve(&self, index: Index) -> Target<'_> {
        match index {
            Index::Node(i) => Target::Node(&self.nodes[i]),
            Index::Outcome(i) => Target::Outcome(&self.outcomes[i]),
        }
    }
}

const ANSWERS: [&str; 3] = ["yes", "no", "don't know"];

fn check(file: TableFile) -> Result<DecisionTable, Vec<TableError>> {
    let mut errors = Vec::new();
    let mut ids: HashMap<&str, Index> = HashMap::new();
    let items = (file.node.iter().enumerate().map(|(i, n)| (n.id.as_str(), Index::Node(i))))
        .chain(file.outcome.iter().enumerate().map(|(i, o)| (o.id.as_str(), Index::Outcome(i))));
    for (id, index) in items {
        if ids.insert(id, index).is_some() {
            errors.push(TableError::Duplicate(id.to_string()));
        }
    }
    empty_fields(&file, &mut errors);
    let mut rows: Vec<[Option<Index>; 3]> = Vec::with_capacity(file.node.len());
    for node in &file.node {
        let targets = [&node.yes, &node.no, &node.dont_know];
        let mut row = [None; 3];
        for (slot, target) in targets.into_iter().enumerate() {
            row[slot] = ids.get(target.as_str()).copied();
            if row[slot].is_none() {
                errors.push(TableError::Dangling {
                    node: node.id.clone(),
                    answer: ANSWERS[slot],
                    target: target.clone(),
                });
            }
        }
        if node.dont_know != node.yes && node.dont_know != node.no {
            errors.push(TableError::DontKnowElsewhere(node.id.clone()));
        }
        rows.push(row);
    }
    let Some(Index::Node(start)) = ids.get(file.start.as_str()).copied() else {
        errors.push(TableError::NoStart(file.start.clone()));
        return Err(errors);
    };
    // The walks skip targets that point nowhere; those are reported already.
    errors.extend(find_cycles(&file.node, &rows));
    errors.extend(unreachable(&file, start, &rows));
    if !errors.is_empty() {
        return Err(errors);
    }
    let edges = rows.iter().filter_map(|r| Some([r[0]?, r[1]?, r[2]?])).collect();
    finish(DecisionTable {
        longest: Vec::new(),
        nodes: file.node,
        outcomes: file.outcome,
        start,
        edges,
    })
}

/// Fills in the longest paths and checks that "don't know" is never the harsher branch.
fn finish(mut table: DecisionTable) -> Result<DecisionTable, Vec<TableError>> {
    let n = table.nodes.len();
    let mut longest = vec![0usize; n];
    let mut worst = vec![0u8; n];
    // Children before parents: repeat until stable (the graph is small and acyclic).
    for _ in 0..=n {
        for i in 0..n {
            let (mut l, mut w) = (1usize, 0u8);
            for index in table.edges[i] {
                let (cl, cw) = match index {
                    Index::Node(j) => (longest[j] + 1, worst[j]),
                    Index::Outcome(j) => (1, table.outcomes[j].rank),
                };
                l = l.max(cl);
                w = w.max(cw);
            }
            longest[i] = l;
            worst[i] = w;
        }
    }
    let worst_of = |index: Index| match index {
        Index::Node(j) => worst[j],
        Index::Outcome(j) => table.outcomes[j].rank,
    };
    let mut errors = Vec::new();
    for (i, node) in table.nodes.iter().enumerate() {
        let [yes, no, dont_know] = table.edges[i];
        let other = if dont_know == yes { no } else { yes };
        if worst_of(dont_know) > worst_of(other) {
            errors.push(TableError::DontKnowHarsher(node.id.clone()));
        }
    }
    table.longest = longest;
    if errors.is_empty() { Ok(table) } else { Err(errors) }
}

fn empty_fields(file: &TableFile, errors: &mut Vec<TableError>) {
    let mut need = |item: &str, field: &'static str, value: &str| {
        if value.trim().is_empty() {
            errors.push(TableError::Empty { item: item.to_string(), field });
        }
    };
    for n in &file.node {
        need(&n.id, "id", &n.id);
        need(&n.id, "short", &n.short);
        need(&n.id, "question", &n.question);
        need(&n.id, "help", &n.help);
        need(&n.id, "investigate", &n.investigate);
        // First-person wording is optional, but never blank when given.
        if let Some(q) = &n.self_question {
            need(&n.id, "self_question", q);
        }
        if let Some(h) = &n.self_help {
            need(&n.id, "self_help", h);
        }
    }
    for o in &file.outcome {
        need(&o.id, "id", &o.id);
        need(&o.id, "label", &o.label);
        need(&o.id, "short", &o.short);
        need(&o.id, "response", &o.response);
        if let Some(r) = &o.self_response {
            need(&o.id, "self_response", r);
        }
        // Every outcome proposes at least one system action (DESIGN §4).
        need(&o.id, "drafts", o.drafts.first().map_or("", String::as_str));
    }
}

/// Depth-first search with a path stack; a target already on the stack closes a loop.
fn find_cycles(nodes: &[Node], rows: &[[Option<Index>; 3]]) -> Vec<TableError> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        OnPath,
        Done,
    }
    fn visit(
        i: usize,
        nodes: &[Node],
        rows: &[[Option<Index>; 3]],
        marks: &mut [Mark],
        path: &mut Vec<usize>,
        found: &mut Vec<TableError>,
    ) {
        marks[i] = Mark::OnPath;
        path.push(i);
        for index in rows[i].iter().flatten() {
            let Index::Node(j) = *index else { continue };
            match marks[j] {
                Mark::New => visit(j, nodes, rows, marks, path, found),
                Mark::OnPath => {
                    let from = path.iter().position(|p| *p == j).unwrap_or(0);
                    let mut ids: Vec<String> =
                        path[from..].iter().map(|k| nodes[*k].id.clone()).collect();
                    ids.push(nodes[j].id.clone());
                    found.push(TableError::Cycle(ids));
                }
                Mark::Done => {}
            }
        }
        path.pop();
        marks[i] = Mark::Done;
    }
    let mut marks = vec![Mark::New; nodes.len()];
    let mut found = Vec::new();
    for i in 0..nodes.len() {
        if marks[i] == Mark::New {
            visit(i, nodes, rows, &mut marks, &mut Vec::new(), &mut found);
        }
    }
    found
}

fn unreachable(file: &TableFile, start: usize, rows: &[[Option<Index>; 3]]) -> Vec<TableError> {
    let mut seen: HashSet<Index> = HashSet::from([Index::Node(start)]);
    let mut todo = vec![start];
    while let Some(i) = todo.pop() {
        for index in rows[i].iter().flatten() {
            if seen.insert(*index)
                && let Index::Node(j) = index
            {
                todo.push(*j);
            }
        }
    }
    let nodes = (file.node.iter().enumerate())
        .filter(|(i, _)| !seen.contains(&Index::Node(*i)))
        .map(|(_, n)| TableError::Unreachable(n.id.clone()));
    let outcomes = (file.outcome.iter().enumerate())
        .filter(|(i, _)| !seen.contains(&Index::Outcome(*i)))
        .map(|(_, o)| TableError::Unreachable(o.id.clone()));
    nodes.chain(outcomes).collect()
}

#[cfg(test)]
#[path = "just_culture_tests.rs"]
mod tests;
