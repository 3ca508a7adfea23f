//! The checks: each a function over the decoded documents, registered against its rule in the
//! catalog ([`crate::catalog`]), which holds the code, severity, documents, fields read and
//! templates. Checks run per document kind.

pub(crate) use crate::catalog::{make, params, Rule};
use crate::catalog::{Diagnostic, DocumentKind};
use crate::notice::Notice;
use crate::plan::ActivityPlan;
use crate::submission::Submission;
use crate::summary::SummaryTable;
use serde_json::{Map, Value};

pub(crate) mod notice_rules;
pub(crate) mod plan_rules;
pub(crate) mod submission_rules;
pub(crate) mod summary_rules;
mod themes;

/// A check function and the rule (from the catalog) it carries.
pub(crate) type Registered = (&'static Rule, fn(&Ctx<'_>, &mut Findings));

/// Every check, registered against its rule. A check runs only for the document kinds its rule
/// names (`Rule::documents`): no flag in the context tells a rule whether it applies.
const CHECKS: &[&[Registered]] =
    &[summary_rules::CHECKS, plan_rules::CHECKS, submission_rules::CHECKS, notice_rules::CHECKS];

/// The checks that apply to documents of `kind`.
fn checks_for(kind: DocumentKind) -> impl Iterator<Item = &'static Registered> {
    CHECKS.iter().flat_map(|g| g.iter()).filter(move |(rule, _)| rule.documents.contains(&kind))
}

/// What the semantic rules see: the notice and whichever documents are at hand, with the JSON
/// Pointer prefix under which each sits in the caller's input (`/summary` inside a submission).
pub(crate) struct Ctx<'a> {
    /// The kind of the document under validation: it decides which checks run.
    pub kind: DocumentKind,
    pub notice: &'a Notice,
    pub summary: Option<(&'a SummaryTable<'a>, &'a str)>,
    /// The plan, with its pointer prefix (`/plan` inside a submission, `plan#` when it is only
    /// the reference a summary is compared against).
    pub plan: Option<(&'a ActivityPlan<'a>, &'a str)>,
    pub submission: Option<&'a Submission<'a>>,
    /// Whether the input holds a value other than `null` at the summary's `/reach/satisfaction`
    /// (to tell "absent" from "unreadable" when the summary has none).
    pub satisfaction_written: bool,
    /// The written themes next to the notice's, worked out once per call for the three theme
    /// checks that read them (same, near miss, another year's).
    pub themes: std::cell::OnceCell<Vec<summary_rules::ThemeRow>>,
}

impl<'a> Ctx<'a> {
    /// A context for a document of `kind` with only the notice; the callers add the documents.
    pub fn new(kind: DocumentKind, notice: &'a Notice) -> Self {
        Ctx {
            kind,
            notice,
            summary: None,
            plan: None,
            submission: None,
            satisfaction_written: false,
            themes: Default::default(),
        }
    }

    /// The plan when it is under validation (a plan, or the plan of a submission), not merely
    /// the reference a summary is compared against.
    pub fn subject_plan(&self) -> Option<(&'a ActivityPlan<'a>, &'a str)> {
        self.plan.filter(|_| matches!(self.kind, DocumentKind::Plan | DocumentKind::Submission))
    }
}

/// Collects diagnostics, rendering each from its rule's templates.
#[derive(Default)]
pub(crate) struct Findings {
    pub diagnostics: Vec<Diagnostic>,
}

impl Findings {
    /// Emits `rule` at `path` with `params`; `input` is excerpted.
    pub fn emit(
        &mut self,
        rule: &'static Rule,
        path: String,
        params: Map<String, Value>,
        input: Option<&Value>,
    ) {
        self.diagnostics.push(make(rule, path, params, input));
    }
}

/// Runs every semantic rule over `ctx`.
pub(crate) fn run_semantic(ctx: &Ctx<'_>, out: &mut Findings) {
    for (_, check) in checks_for(ctx.kind) {
        check(ctx, out);
    }
}

/// Runs only the semantic rules that read one of `pointers` (for per-keystroke checks).
pub(crate) fn run_semantic_reading(ctx: &Ctx<'_>, pointers: &[&str], out: &mut Findings) {
    for (rule, check) in checks_for(ctx.kind) {
        if rule.reads.iter().any(|r| pointers.iter().any(|p| pointer_matches(r, p))) {
            check(ctx, out);
        }
    }
}

/// Whether a rule's read pattern (`/a/*/b`) concerns a concrete pointer: equal, or one is a
/// prefix of the other (a change to `/participation` touches `/participation/units_total`).
///
/// One walk over both strings, segment by segment, with nothing split or allocated: a field
/// check asks it of every rule's every read (it was a sixth of a field check's cost).
pub(crate) fn pointer_matches(pattern: &str, pointer: &str) -> bool {
    let (a, b) = (pattern.as_bytes(), pointer.as_bytes());
    let (mut i, mut j) = (0, 0);
    loop {
        // a[i..] and b[j..] each start a segment.
        if a.get(i) == Some(&b'*') && matches!(a.get(i + 1), None | Some(b'/')) {
            i += 1;
            while j < b.len() && b[j] != b'/' {
                j += 1;
            }
        } else {
            while i < a.len() && j < b.len() && a[i] == b[j] && a[i] != b'/' {
                i += 1;
                j += 1;
            }
            let ends = |s: &[u8], k: usize| k == s.len() || s[k] == b'/';
            if !(ends(a, i) && ends(b, j)) {
                return false;
            }
        }
        if i == a.len() || j == b.len() {
            return true;
        }
        i += 1;
        j += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_check_carries_a_library_rule_and_each_rule_has_at_most_one_check() {
        let mut seen = std::collections::BTreeSet::new();
        for (rule, _) in CHECKS.iter().flat_map(|g| g.iter()) {
            assert!(rule.library_only, "{} is checked by a function but marked as read-time", rule.code);
            assert!(seen.insert(rule.code), "{} has two checks", rule.code);
            assert!(crate::catalog::Code::find(rule.code).is_some(), "{} is not in the catalog", rule.code);
        }
        assert!(seen.len() >= 30, "only {} checks registered", seen.len());
    }

    #[test]
    fn pointer_patterns_match_prefixes_and_wildcards() {
        assert!(pointer_matches(
            "/participation/featured_activities/*/name",
            "/participation/featured_activities/3/name"
        ));
        assert!(pointer_matches("/participation/units_total", "/participation"));
        assert!(!pointer_matches("/participation/units_total", "/reach"));
        assert!(!pointer_matches("/part", "/participation"));
        assert!(!pointer_matches("/activities/*/name", "/activities/0/names"));
        assert!(pointer_matches("/activities/*/name", "/activities/12"));
        assert!(pointer_matches("/*", "/x/y"));
        assert!(!pointer_matches("/*x", "/ax"));
        assert!(pointer_matches("", "/anything"));
    }

    /// The walk answers what comparing the split segments answers, on pointers built of the
    /// pieces rule reads are made of.
    #[test]
    fn pointer_matches_is_the_segment_comparison() {
        use proptest::prelude::*;
        let split = |a: &str, b: &str| a.split('/').zip(b.split('/')).all(|(x, y)| x == "*" || x == y);
        let piece = prop::sample::select(vec![
            "", "/", "*", "a", "ab", "b", "/*", "/a", "/ab", "//", "*a", "0", "~1",
        ]);
        let pointer = prop::collection::vec(piece, 0..6).prop_map(|v| v.concat());
        proptest!(ProptestConfig::with_cases(5000), |(a in pointer.clone(), b in pointer)| {
            prop_assert_eq!(pointer_matches(&a, &b), split(&a, &b), "{:?} {:?}", a, b);
        });
    }
}
