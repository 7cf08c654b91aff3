//! The five checks of an action item — Specific, Measurable, Assignable, Realistic,
//! Systemic — each pass / warn / fail with a reason and a suggestion. Pure functions: the
//! day is always an argument, never read from the clock here.

use chrono::NaiveDate;
use serde::Serialize;

use super::action_messages as say;
use super::action_shape::{Shape, read};
use super::language::{LintContext, person_focus};
use super::phrases::{LISTS, ShapeMeasure, contains, find, is_number, quote, starting_at, words};
use super::policy::DuePolicy;
pub use super::strength::{Strength, strength};
use crate::model::{ActionItem, Session};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Pass,
    Warn,
    Fail,
}

impl Verdict {
    /// Readable without colour: ✓ pass, ! warn, ✗ fail.
    pub fn glyph(self) -> &'static str {
        match self {
            Self::Pass => "✓",
            Self::Warn => "!",
            Self::Fail => "✗",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pass => "pass",
            Self::Warn => "warn",
            Self::Fail => "fail",
        }
    }
}

/// One criterion's result. `suggestion` is empty on a pass.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    pub result: Verdict,
    pub reason: String,
    pub suggestion: String,
}

impl Check {
    fn pass(reason: impl Into<String>) -> Check {
        Check { result: Verdict::Pass, reason: reason.into(), suggestion: String::new() }
    }

    fn warn(reason: impl Into<String>, suggestion: impl Into<String>) -> Check {
        Check { result: Verdict::Warn, reason: reason.into(), suggestion: suggestion.into() }
    }

    fn fail(reason: impl Into<String>, suggestion: impl Into<String>) -> Check {
        Check { result: Verdict::Fail, reason: reason.into(), suggestion: suggestion.into() }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Criterion {
    Specific,
    Measurable,
    Assignable,
    Realistic,
    Systemic,
}

impl Criterion {
    pub const ALL: [Criterion; 5] =
        [Self::Specific, Self::Measurable, Self::Assignable, Self::Realistic, Self::Systemic];

    pub fn label(self) -> &'static str {
        match self {
            Self::Specific => "Specific",
            Self::Measurable => "Measurable",
            Self::Assignable => "Assignable",
            Self::Realistic => "Realistic",
            Self::Systemic => "Systemic",
        }
    }
}

/// The five results, in the order of `Criterion::ALL`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Checks {
    pub specific: Check,
    pub measurable: Check,
    pub assignable: Check,
    pub realistic: Check,
    pub systemic: Check,
}

impl Checks {
    pub fn get(&self, criterion: Criterion) -> &Check {
        match criterion {
            Criterion::Specific => &self.specific,
            Criterion::Measurable => &self.measurable,
            Criterion::Assignable => &self.assignable,
            Criterion::Realistic => &self.realistic,
            Criterion::Systemic => &self.systemic,
        }
    }

    pub fn all(&self) -> [(Criterion, &Check); 5] {
        Criterion::ALL.map(|c| (c, self.get(c)))
    }

    /// "✓✓✗!✓": one glyph per criterion.
    pub fn glyphs(&self) -> String {
        self.all().iter().map(|(_, c)| c.result.glyph()).collect()
    }

    pub fn worst(&self) -> Verdict {
        self.all().iter().map(|(_, c)| c.result).max().unwrap_or(Verdict::Pass)
    }
}

/// What the checks need to know besides the action itself.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub severity: &'a str,
    pub policy: &'a DuePolicy,
    /// The day the policy's window counts from: the day of the review
    /// ([`Session::review_day`]), so a review of an old incident can still be written.
    pub review_day: Option<NaiveDate>,
    /// The day the due date was set: a date before it is in the past. The day of the
    /// review, unless a form sets it to today.
    pub set_on: Option<NaiveDate>,
    /// People named in the review: a name here is a person.
    pub known_names: &'a [String],
}

impl<'a> Context<'a> {
    /// For the actions of `session`: the one context the list of actions, the form and
    /// `check` all judge with, counting from the day of the review.
    pub fn stored(session: &'a Session, policy: &'a DuePolicy, names: &'a [String]) -> Self {
        let review_day = session.review_day();
        Context {
            severity: &session.incident.severity,
            policy,
            review_day,
            set_on: review_day,
            known_names: names,
        }
    }

    /// The due date is being set today, after the day of the review.
    pub fn set_today(self, today: NaiveDate) -> Self {
        Context { set_on: Some(today), ..self }
    }
}

/// Team names the organisation says are real teams (`[teams] names` in config.toml), so
/// a name that would otherwise be generic ("Ops") passes Assignable.
static KNOWN_TEAMS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();

/// Makes `teams` the organisation's real team names from now on. Set once, at start-up,
/// from config; later calls are ignored.
pub fn use_known_teams(teams: Vec<String>) {
    let _ = KNOWN_TEAMS.set(teams);
}

/// All five checks.
pub fn check(action: &ActionItem, ctx: &Context) -> Checks {
    Checks {
        specific: specific(&action.text),
        measurable: measurable(&action.text),
        assignable: assignable(&action.team, &action.owner),
        realistic: realistic(&action.text, action.due, ctx),
        systemic: systemic(&action.text, &action.factors, ctx.known_names),
    }
}

/// Names people in the review: participants, the facilitator, and action owners. The one
/// list every check uses to tell a person from a system.
pub fn known_names(session: &Session) -> Vec<String> {
    let i = &session.incident;
    let mut names: Vec<String> = i.participants.iter().map(|p| p.name.clone()).collect();
    names.extend(i.facilitator.split([' ', '(', ',']).next().map(str::to_string));
    names.extend(session.actions.iter().map(|a| a.owner.clone()));
    names.retain(|n| !n.trim().is_empty() && !is_placeholder(n));
    names.sort();
    names.dedup();
    names
}

/// Specific: the exact change, not a general area. A named thing and a change to it is
/// specific whatever the verb; an area, a wish, an intention, activity under way or an
/// inquiry with nothing to deliver is not.
pub fn specific(text: &str) -> Check {
    let w = words(text);
    match read(&w) {
        Shape::Empty => Check::fail(say::EMPTY, say::WRITE_THE_CHANGE),
        Shape::Vague { at, len, rescued: true, .. } => {
            Check::pass(say::names_change(&quote(&w, at, len + 2)))
        }
        Shape::Vague { at, len, suggestion, .. } => {
            Check::fail(say::vague_lead(&quote(&w, at, len)), suggestion)
        }
        Shape::Ongoing { at, len } => {
            Check::fail(say::ongoing(&quote(&w, at, len)), say::ACTIVITY_SUGGESTION)
        }
        Shape::Done { at, len } => {
            Check::fail(say::already_done(&quote(&w, at, len)), say::ACTIVITY_SUGGESTION)
        }
        Shape::Aspiration { at, len } => {
            Check::fail(say::aspiration(&quote(&w, at, len)), say::WISH_SUGGESTION)
        }
        Shape::Directed { at, len } => {
            Check::warn(say::directed(&quote(&w, at, len + 1)), say::DIRECTED_SUGGESTION)
        }
        Shape::NoVerb => Check::warn(say::NO_CHANGE_VERB, say::NO_CHANGE_VERB_SUGGESTION),
        Shape::Unspecified { at, len } => {
            Check::warn(say::unspecified(&quote(&w, at, len)), say::UNSPECIFIED_SUGGESTION)
        }
        Shape::Short { at } => {
            Check::warn(say::too_short(&quote(&w, at, w.len() - at)), say::TOO_SHORT_SUGGESTION)
        }
        Shape::Concrete { at } => Check::pass(say::names_change(&quote(&w, at, 3))),
    }
}

/// Measurable: a clear done / not-done state — a number, or a thing that will exist or a
/// state that can be checked afterwards. A noun in the sentence is not one by itself.
pub fn measurable(text: &str) -> Check {
    let w = words(text);
    if w.is_empty() {
        return Check::fail(say::EMPTY, say::DONE_STATE_SUGGESTION);
    }
    if let Some((at, len, _)) = find(&LISTS.measurable.vague_quantities, &w) {
        return Check::fail(
            say::vague_quantity(&quote(&w, at, len)),
            say::VAGUE_QUANTITY_SUGGESTION,
        );
    }
    let number = w
        .iter()
        .position(|x| is_number(x))
        .map(|at| (at, 1))
        .or_else(|| find(&LISTS.measurable.number_words, &w).map(|(at, len, _)| (at, len)));
    let nothing = |at: usize, len: usize| {
        Check::fail(say::names_nothing(&quote(&w, at, len)), say::DONE_STATE_SUGGESTION)
    };
    let lead = match read(&w) {
        Shape::Empty => return Check::fail(say::EMPTY, say::DONE_STATE_SUGGESTION),
        Shape::Vague { at, len, measure, rescued, .. } => match measure {
            Some(ShapeMeasure::Fail) if !rescued => return nothing(at, len),
            Some(ShapeMeasure::Warn) => {
                return Check::warn(say::NO_DONE_STATE, say::DONE_STATE_SUGGESTION);
            }
            Some(ShapeMeasure::Inquiry) if !rescued => {
                let verb = quote(&w, at, len);
                return Check::fail(
                    say::inquiry_without_deliverable(&verb),
                    say::INQUIRY_SUGGESTION,
                );
            }
            Some(ShapeMeasure::Direction) if !rescued => {
                let verb = quote(&w, at, len);
                return Check::fail(
                    say::direction_without_number(&verb),
                    say::DIRECTION_SUGGESTION,
                );
            }
            // "Harden the SSH configuration by disabling password login": the method is
            // the change, and its own done state.
            Some(ShapeMeasure::Direction) if number.is_none() => {
                let by = (at..w.len()).find(|&i| w[i] == "by").unwrap_or(at);
                return Check::pass(say::change_is_done_state(&quote(&w, by, 3)));
            }
            // "Ensure backups are tested": judged on the state it names.
            None => None,
            _ => Some(at),
        },
        Shape::Ongoing { at, len } | Shape::Done { at, len } | Shape::Aspiration { at, len } => {
            return nothing(at, len);
        }
        Shape::Directed { .. } => {
            return Check::warn(say::NO_DONE_STATE, say::DONE_STATE_SUGGESTION);
        }
        Shape::NoVerb => None,
        Shape::Unspecified { .. } | Shape::Short { .. } => {
            return match number {
                Some((at, len)) => Check::pass(say::has_number(&quote(&w, at, len + 1))),
                None => Check::warn(say::NO_DONE_STATE, say::DONE_STATE_SUGGESTION),
            };
        }
        Shape::Concrete { at } => Some(at),
    };
    if let Some(at) = lead {
        if number.is_none()
            && let Some((len, _)) = starting_at(&LISTS.measurable.direction_verbs, &w, at)
        {
            let verb = quote(&w, at, len);
            return Check::fail(say::direction_without_number(&verb), say::DIRECTION_SUGGESTION);
        }
        if let Some((len, _)) = starting_at(&LISTS.measurable.inquiry_verbs, &w, at)
            && !contains(&LISTS.measurable.deliverables, &w)
            && !super::action_shape::change_follows(&w, at + len)
        {
            let verb = quote(&w, at, len);
            return Check::fail(say::inquiry_without_deliverable(&verb), say::INQUIRY_SUGGESTION);
        }
        if let Some((at, len)) = number {
            return Check::pass(say::has_number(&quote(&w, at, len + 1)));
        }
        if let Some((scope_at, len, _)) = find(&LISTS.realistic.unbounded_scope, &w) {
            let scope = quote(&w, scope_at, len);
            return Check::warn(say::unbounded_done(&scope), say::BOUND_SUGGESTION);
        }
        return Check::pass(say::change_is_done_state(&quote(&w, at, 3)));
    }
    if let Some((at, len)) = number {
        return Check::pass(say::has_number(&quote(&w, at, len + 1)));
    }
    if let Some((at, len, _)) =
        find(&LISTS.measurable.checkables, &w).or_else(|| find(&LISTS.measurable.deliverables, &w))
    {
        return Check::pass(say::checkable(&quote(&w, at, len)));
    }
    Check::warn(say::NO_DONE_STATE, say::DONE_STATE_SUGGESTION)
}

/// Assignable: a team and one person, in the fields — not "we", "someone", "TBD", and not
/// a generic team ("Engineering", "Ops") unless config names it as a real team.
pub fn assignable(team: &str, owner: &str) -> Check {
    assignable_among(team, owner, KNOWN_TEAMS.get().map_or(&[], Vec::as_slice))
}

/// Assignable, with `real_teams` the organisation's own team names (lower-case).
pub fn assignable_among(team: &str, owner: &str, real_teams: &[String]) -> Check {
    let (team, owner) = (team.trim(), owner.trim());
    if team.is_empty() && owner.is_empty() {
        return Check::fail(say::NO_TEAM_OR_OWNER, say::ASSIGN_SUGGESTION);
    }
    if is_placeholder(team) {
        return Check::fail(say::placeholder("team", team), say::ASSIGN_SUGGESTION);
    }
    if is_generic_team(team, real_teams) {
        return Check::fail(say::generic_team(team), say::GENERIC_TEAM_SUGGESTION);
    }
    if is_placeholder(owner) {
        return Check::fail(say::placeholder("owner", owner), say::ASSIGN_SUGGESTION);
    }
    if team.is_empty() {
        return Check::fail(say::NO_TEAM, say::ASSIGN_SUGGESTION);
    }
    if owner.is_empty() {
        return Check::fail(say::NO_OWNER, say::ASSIGN_SUGGESTION);
    }
    if contains(&LISTS.assignable.group_words, &words(owner)) {
        return Check::warn(say::owner_is_group(owner), say::ONE_OWNER_SUGGESTION);
    }
    let several =
        owner.contains([',', '/', '&', '+', ';']) || words(owner).iter().any(|w| w == "and");
    if several {
        return Check::warn(say::several_owners(owner), say::ONE_OWNER_SUGGESTION);
    }
    Check::pass(say::assigned(team, owner))
}

/// "Engineering", "Ops", "IT": a name too broad to own the work, unless config says the
/// organisation has a team of that name.
fn is_generic_team(team: &str, real_teams: &[String]) -> bool {
    let lower = |t: &str| {
        let t = t.trim().trim_end_matches('.').to_lowercase();
        t.strip_suffix(" team").map_or(t.clone(), str::to_string)
    };
    let team = lower(team);
    !real_teams.iter().any(|t| lower(t) == team) && LISTS.assignable.generic_teams.contains(&team)
}

fn is_placeholder(value: &str) -> bool {
    let value = value.trim().trim_end_matches('.').to_lowercase();
    !value.is_empty() && LISTS.assignable.placeholders.contains(&value)
}

/// Realistic: a due date not past when set, within the severity policy, and a bounded
/// scope ("all 3,868 rules" is bounded; "all systems" is not).
pub fn realistic(text: &str, due: Option<NaiveDate>, ctx: &Context) -> Check {
    let allowed = ctx.policy.days_for(ctx.severity);
    let from = ctx.review_day.or(ctx.set_on);
    let Some(due) = due else {
        let latest = from.map(|d| d + chrono::Days::new(u64::from(allowed)));
        return Check::fail(say::no_due(allowed, ctx.severity), say::no_due_suggestion(latest));
    };
    if let Some(set_on) = ctx.set_on
        && due < set_on
    {
        return Check::fail(say::due_in_past(due, set_on), say::FUTURE_DATE_SUGGESTION);
    }
    let days = from.map(|from| (due - from).num_days());
    let mut warnings = Vec::new();
    if let (Some(from), Some(days)) = (from, days.filter(|d| *d > i64::from(allowed))) {
        let reason = say::beyond_policy(days, allowed, ctx.severity, from);
        warnings.push((reason, say::SPLIT_SUGGESTION));
    }
    let w = words(text);
    if let Some((at, len, _)) = find(&LISTS.realistic.unbounded_scope, &w) {
        warnings.push((say::unbounded(&quote(&w, at, len)), say::BOUND_SUGGESTION));
    }
    match warnings.as_slice() {
        [] => Check::pass(say::due_within(due, days, allowed, ctx.severity)),
        [(reason, suggestion)] => Check::warn(reason.clone(), *suggestion),
        [(first, suggestion), (second, _), ..] => {
            Check::warn(format!("{first}; {second}"), *suggestion)
        }
    }
}

/// Systemic: changes a condition of the system, not a person; linked to a factor.
pub fn systemic(text: &str, factors: &[String], known_names: &[String]) -> Check {
    if words(text).is_empty() {
        return Check::fail(say::EMPTY, say::SYSTEMIC_SUGGESTION);
    }
    if let Some(reason) = person_focused(text, known_names) {
        return Check::fail(reason, say::SYSTEMIC_SUGGESTION);
    }
    if factors.is_empty() {
        return Check::warn(say::NO_FACTOR, say::LINK_FACTOR_SUGGESTION);
    }
    Check::pass(say::linked(factors))
}

/// Why an action aims at a person rather than the system, if it does.
///
/// The phrase lists of `assets/action_checks.toml` (shapes of a fix aimed at a person:
/// "remind", "be careful", "train X"), then the language linter's one person-focus question
/// ([`person_focus`]), whose message becomes the reason.
pub fn person_focused(text: &str, known_names: &[String]) -> Option<String> {
    let w = words(text);
    if let Some((at, len, _)) = find(&LISTS.systemic.vigilance, &w) {
        return Some(say::relies_on_vigilance(&quote(&w, at, len)));
    }
    if let Some((at, len, _)) = find(&LISTS.systemic.person_fix, &w) {
        return Some(say::fixes_person(&quote(&w, at, len)));
    }
    let people = person_positions(text, &w, known_names);
    // "remind engineers", "train Sarah": the person is the object of the fix.
    for at in 0..w.len() {
        if let Some((len, _)) = starting_at(&LISTS.systemic.person_object_verbs, &w, at)
            && let Some(&(p, plen)) =
                people.iter().find(|(p, _)| *p >= at + len && *p <= at + len + 2)
        {
            return Some(say::person_as_object(&quote(&w, at, p + plen - at)));
        }
    }
    // "engineers must", "Sarah should": a person is the safeguard.
    for &(p, plen) in &people {
        if starting_at(&LISTS.systemic.person_modals, &w, p + plen).is_some() {
            return Some(say::person_as_mechanism(&quote(&w, p, plen + 1)));
        }
    }
    // "… instead of editing it by hand" removes the manual step rather than relying on it.
    let replaced = |at: usize| {
        w[at.saturating_sub(4)..at].iter().any(|x| {
            matches!(x.as_str(), "instead" | "rather" | "without" | "no" | "never" | "stop")
        })
    };
    if let Some((at, len, _)) = find(&LISTS.systemic.manual_checks, &w)
        && !replaced(at)
        && !has_mechanism(&w)
    {
        return Some(say::manual_check_only(&quote(&w, at, len)));
    }
    let ctx = LintContext { known_names, ..LintContext::default() };
    person_focus(text, &ctx).map(|f| format!("{} (“{}”)", f.message, f.matched))
}

/// A mechanism the action builds: a mechanism word and a verb that makes something.
/// "Be careful with the cleanup script" names a script but builds nothing.
pub(crate) fn has_mechanism(w: &[String]) -> bool {
    contains(&LISTS.systemic.mechanisms, w) && find(&LISTS.specific.change_verbs, w).is_some()
}

/// Where people are named in `w`: person words ("engineers", "the on-call engineer") and
/// known names, matched with their capitals so "dev" the environment is not "Dev".
fn person_positions(text: &str, w: &[String], known_names: &[String]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for at in 0..w.len() {
        if let Some((len, _)) = starting_at(&LISTS.systemic.person_words, w, at) {
            out.push((at, len));
        }
    }
    let cased: Vec<String> = text
        .replace('’', "'")
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '%' | '_')))
        .map(|x| x.trim_matches(|c: char| matches!(c, '-' | '\'' | '_')))
        .filter(|x| !x.is_empty())
        .map(|x| x.trim_end_matches("'s").to_string())
        .collect();
    let parts: Vec<&str> = known_names.iter().flat_map(|n| n.split_whitespace()).collect();
    for (at, word) in cased.iter().enumerate() {
        if parts.contains(&word.as_str()) && !out.iter().any(|(p, _)| *p == at) {
            out.push((at, 1));
        }
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdict_glyphs_differ_without_colour() {
        let glyphs = [Verdict::Pass, Verdict::Warn, Verdict::Fail].map(Verdict::glyph);
        assert_eq!(glyphs, ["✓", "!", "✗"]);
    }

    #[test]
    fn a_known_name_is_matched_with_its_capitals() {
        let names = vec!["Dev".to_string()];
        assert!(person_focused("Dev should check the dashboard", &names).is_some());
        assert_eq!(person_focused("Deploy to dev should fail closed by default", &names), None);
    }
}
