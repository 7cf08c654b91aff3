//! The language linter: blame, hindsight and counterfactual wording in free text.
//!
//! A review stays blameless only if the words in it do. [`lint`] finds the phrases that turn
//! a review into a blame session ("should have", "careless", "human error", "the engineer
//! forgot"), says why each one matters and offers a reframing question taken from the
//! spirit of the domain source: *what made that action likely, possible, and undetected?*
//!
//! The rules are data ([`Lexicon`], from `assets/lexicon.toml`); the engine is one pass of a
//! multi-pattern matcher over the text, followed by a light look at the clause around each
//! match: who is the subject (a person, "we", "I", or a system), is the match negated, is it
//! inside quotes or code. A system as the subject ("the health check failed to detect …") is
//! not a finding; neither is the organisation owning a failure at warning level ("we failed
//! you"). Quoted text and code are evidence, reported at most as info.
//!
//! Everything here is a pure function of its input and never panics.

mod clause;
mod engine;
mod expand;
/// The linter's hash for short words, for other word lookups (the action checks' phrases).
pub(crate) use expand::WordBuild;
mod lexicon;
mod load;
mod long_text;
mod matcher;
mod text;
mod tokens;

use serde::Serialize;

pub use lexicon::Lexicon;

/// How much a finding matters. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    /// The name used in JSON, the lexicon and text output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parses `info`, `warning` or `error`.
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// What kind of wording a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// Hindsight and counterfactuals about what a person did: "should have", "in hindsight".
    Counterfactual,
    /// Character given as the explanation: careless, sloppy, lazy, tired as the cause.
    CharacterAttribution,
    /// Not knowing, inexperience or training given as the explanation or the fix.
    KnowledgeDeficit,
    /// "Human error", "operator error", "fat finger", a typo, a single root cause.
    HumanErrorCause,
    /// A person as the subject of a failure: "the engineer forgot / deleted / ignored".
    PersonAsSubject,
    /// Condescension and false simplicity: obviously, clearly, just, simply.
    Condescension,
    /// An act judged by its outcome: catastrophic mistake, fatal typo, inexcusable.
    OutcomeJudgement,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::Counterfactual,
        Category::CharacterAttribution,
        Category::KnowledgeDeficit,
        Category::HumanErrorCause,
        Category::PersonAsSubject,
        Category::Condescension,
        Category::OutcomeJudgement,
    ];

    /// The kebab-case id used in JSON and in the lexicon.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Counterfactual => "counterfactual",
            Category::CharacterAttribution => "character-attribution",
            Category::KnowledgeDeficit => "knowledge-deficit",
            Category::HumanErrorCause => "human-error-cause",
            Category::PersonAsSubject => "person-as-subject",
            Category::Condescension => "condescension",
            Category::OutcomeJudgement => "outcome-judgement",
        }
    }

    /// A short human label for the side pane and text output.
    pub fn label(self) -> &'static str {
        match self {
            Category::Counterfactual => "Hindsight / counterfactual",
            Category::CharacterAttribution => "Character attribution",
            Category::KnowledgeDeficit => "Knowledge deficit as blame",
            Category::HumanErrorCause => "Human error as a cause",
            Category::PersonAsSubject => "Person as the subject of a failure",
            Category::Condescension => "Condescension / false simplicity",
            Category::OutcomeJudgement => "Outcome-weighted judgement",
        }
    }

    /// Parses the kebab-case id.
    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// One piece of wording worth a second look.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The rule's id, e.g. `counterfactual-should-have`.
    pub rule: String,
    pub category: Category,
    pub severity: Severity,
    /// 1-based line of the first character of the match.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Line of the exclusive end.
    pub end_line: usize,
    /// 1-based column, in characters, of the first character after the match.
    pub end_column: usize,
    /// Byte offset of the match in the input, for highlighting.
    #[serde(skip)]
    pub start: usize,
    /// Exclusive byte offset of the end of the match.
    #[serde(skip)]
    pub end: usize,
    /// The exact text matched.
    pub matched: String,
    /// One line: why this wording matters.
    pub message: String,
    /// The reframing question to ask instead.
    pub suggestion: String,
    /// Inside quotes or code: evidence, reported at most as info.
    pub quoted: bool,
    /// The rule says the text is about a person (see [`person_focus`]).
    #[serde(skip)]
    pub about_person: bool,
}

/// What the linter knows about where the text comes from.
#[derive(Debug, Clone, Copy, Default)]
pub struct LintContext<'a> {
    /// People named in the review (participants): a name here is always a person.
    pub known_names: &'a [String],
    /// A solo self-review: first-person self-blame is flagged at the rule's severity.
    pub self_review: bool,
    /// The text is Markdown: fenced code blocks and block quotes are evidence too.
    pub markdown: bool,
    /// The text answers "why?" (a Five Whys answer): it is an explanation by its nature, a
    /// clause with no subject is about the person asked of, a bare human attribute
    /// ("rushed", "tired") is a finding, and names are only the known ones.
    pub answer: bool,
}

/// The person's own lexicon (built-in rules plus theirs), once it has been read.
static ACTIVE: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();

/// Makes `lexicon` the one every check uses from now on. Set once, at start-up, from the
/// user's `lexicon.toml`; later calls are ignored.
pub fn use_lexicon(lexicon: Lexicon) {
    let _ = ACTIVE.set(lexicon);
}

/// Lints `text` with the lexicon in use (the built-in one unless the person added their
/// own). Findings are sorted by position.
pub fn lint(text: &str, ctx: &LintContext) -> Vec<Finding> {
    lint_with(ACTIVE.get().unwrap_or_else(|| Lexicon::builtin()), text, ctx)
}

/// Lints `text` with the lexicon in use, handing each finding to `found` as it is made (in
/// order of position): for output that is written as it goes.
pub fn lint_each(text: &str, ctx: &LintContext, found: &mut dyn FnMut(Finding)) {
    engine::each(ACTIVE.get().unwrap_or_else(|| Lexicon::builtin()), text, ctx, found)
}

/// As [`lint_each`] for a long text, on every core: the findings of each piece of the text
/// are added by `add` to a `T` made on a worker thread, and `take` is given each `T` on
/// this thread, in the text's order, until it returns an error. The findings are exactly
/// [`lint_each`]'s, in the same order.
pub fn lint_in_pieces<T: Default + Send, E>(
    text: &str,
    ctx: &LintContext,
    add: &(dyn Fn(&mut T, Finding) + Sync),
    take: &mut dyn FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    let lexicon = ACTIVE.get().unwrap_or_else(|| Lexicon::builtin());
    long_text::lint_in_pieces(long_text::PIECE, lexicon, text, ctx, add, take)
}

/// Lints `text` with `lexicon` (for example the built-in one plus a user's additions).
pub fn lint_with(lexicon: &Lexicon, text: &str, ctx: &LintContext) -> Vec<Finding> {
    engine::run(lexicon, text, ctx)
}

/// The one question every check asks of a piece of text: does it land on a person — their
/// character, state, knowledge, error, or what they did or did not do — rather than on a
/// condition of the system? The first such finding at warning or above outside quotes, or
/// `None`. The Five Whys ask it of each answer (with `ctx.answer`), the action checks of
/// each action, the review of each text field.
pub fn person_focus(text: &str, ctx: &LintContext) -> Option<Finding> {
    lint(text, ctx).into_iter().find(is_about_person)
}

/// Whether one finding says its text is about a person: at warning or above, outside
/// quotes, from a rule about people (not "the root cause was", not condescension).
pub fn is_about_person(f: &Finding) -> bool {
    f.about_person && f.severity >= Severity::Warning && !f.quoted
}
