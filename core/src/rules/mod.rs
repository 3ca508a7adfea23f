//! The rules: each a named constant with its code, severity, the fields it reads, the notice
//! clause it comes from and its zh/en templates, next to the function that checks it.
//! The catalog ([`catalog`]) is built from these constants, never maintained beside them.

use crate::diagnostic::{excerpt, render_template, Diagnostic, Severity};
use crate::notice::Notice;
use crate::plan::ActivityPlan;
use crate::submission::Submission;
use crate::summary::SummaryTable;
use crate::DocumentKind;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub(crate) mod aggregate_rules;
pub(crate) mod import_rules;
pub(crate) mod notice_rules;
pub(crate) mod plan_rules;
pub(crate) mod structural;
pub(crate) mod submission_rules;
pub(crate) mod summary_rules;

/// How a rule is checked.
#[derive(Clone, Copy)]
pub(crate) enum Check {
    /// Emitted while reading the document (types, unknown keys, field constraints).
    Structural,
    /// A function over the decoded documents.
    Semantic(fn(&Ctx<'_>, &mut Findings)),
}

/// One rule: what it checks, where it comes from, how its messages read.
#[derive(Clone, Copy)]
pub struct Rule {
    /// Stable code, `area.what` in snake_case.
    pub code: &'static str,
    /// Severity, from the notice's own words (要/须 → error, 鼓励/重点 → warning).
    pub severity: Severity,
    /// The documents the rule applies to.
    pub documents: &'static [DocumentKind],
    /// JSON Pointers (relative to the document, `*` for any array index) the rule reads;
    /// a form re-checks the rule when one of them changes.
    pub reads: &'static [&'static str],
    /// The clause of the notice (or row of the 总结表) the rule carries.
    pub clause: &'static str,
    /// What the rule checks, in Chinese.
    pub description: &'static str,
    /// What the rule checks, in English.
    pub description_en: &'static str,
    /// The Chinese message template (`{param}` placeholders).
    pub message: &'static str,
    /// The English message template.
    pub message_en: &'static str,
    pub(crate) check: Check,
}

/// A rule as data, for `rules()` in every binding and for the docs.
///
/// ```
/// let catalog = learning_week::rules::catalog();
/// let r = catalog.iter().find(|r| r.code == "submission.late").unwrap();
/// assert_eq!(r.severity, learning_week::Severity::Error);
/// assert!(r.reads.contains(&"/submitted_at".to_string()));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RuleDescriptor {
    /// 规则代码 / stable code.
    pub code: String,
    /// 严重程度 / severity.
    pub severity: Severity,
    /// 适用文档 / the documents it applies to.
    pub documents: Vec<DocumentKind>,
    /// 读取字段 / JSON Pointers the rule reads (`*` = any array index).
    pub reads: Vec<String>,
    /// 通知条款 / the notice clause or 总结表 row it carries.
    pub clause: String,
    /// 说明 / description in Chinese.
    pub description: String,
    /// Description in English.
    pub description_en: String,
    /// 是否仅由本库检查 / true when a JSON Schema cannot express the rule (cross-field, against the notice, deadline).
    pub library_only: bool,
}

const GROUPS: &[&[Rule]] = &[
    structural::RULES,
    summary_rules::RULES,
    plan_rules::RULES,
    submission_rules::RULES,
    notice_rules::RULES,
    crate::text::RULES,
    aggregate_rules::RULES,
    import_rules::RULES,
];

/// Every rule, in catalog order.
pub(crate) fn all() -> impl Iterator<Item = &'static Rule> {
    GROUPS.iter().flat_map(|g| g.iter())
}

/// Looks a rule up by code.
///
/// ```
/// assert!(learning_week::rules::find("json.syntax").is_some());
/// assert!(learning_week::rules::find("no.such.code").is_none());
/// ```
pub fn find(code: &str) -> Option<&'static Rule> {
    all().find(|r| r.code == code)
}

/// The rule catalog: every code with its severity, documents, fields read and descriptions.
///
/// ```
/// let codes: Vec<String> = learning_week::rules::catalog().into_iter().map(|r| r.code).collect();
/// assert!(codes.contains(&"period.outside_week".to_string()));
/// ```
pub fn catalog() -> Vec<RuleDescriptor> {
    all()
        .map(|r| RuleDescriptor {
            code: r.code.to_owned(),
            severity: r.severity,
            documents: r.documents.to_vec(),
            reads: r.reads.iter().map(|s| (*s).to_owned()).collect(),
            clause: r.clause.to_owned(),
            description: r.description.to_owned(),
            description_en: r.description_en.to_owned(),
            library_only: matches!(r.check, Check::Semantic(_)),
        })
        .collect()
}

/// What the semantic rules see: the notice and whichever documents are at hand, with the JSON
/// Pointer prefix under which each sits in the caller's input (`/summary` inside a submission).
pub(crate) struct Ctx<'a> {
    pub notice: &'a Notice,
    pub summary: Option<(&'a SummaryTable, &'a str)>,
    /// The plan, with its pointer prefix (`/plan` inside a submission, `plan#` when it is only
    /// the reference a summary is compared against).
    pub plan: Option<(&'a ActivityPlan, &'a str)>,
    /// True when the plan is part of the input and its own rules apply.
    pub plan_checked: bool,
    pub submission: Option<&'a Submission>,
    /// The raw summary JSON (where the summary sits), to tell "absent" from "unreadable".
    pub raw: Option<&'a crate::json::Json<'a>>,
    /// True when the notice itself is the document under validation.
    pub checking_notice: bool,
}

impl<'a> Ctx<'a> {
    /// A context with only the notice; the callers set what they check.
    pub fn new(notice: &'a Notice) -> Self {
        Ctx {
            notice,
            summary: None,
            plan: None,
            plan_checked: false,
            submission: None,
            raw: None,
            checking_notice: false,
        }
    }

    /// The plan when it is under validation (not merely a reference).
    pub fn subject_plan(&self) -> Option<(&'a ActivityPlan, &'a str)> {
        self.plan.filter(|_| self.plan_checked)
    }
}

/// Collects diagnostics, rendering each from its rule's templates.
#[derive(Default)]
pub(crate) struct Findings {
    pub diagnostics: Vec<Diagnostic>,
}

impl Findings {
    /// Emits `rule` at `path` with `params`; `input` is excerpted.
    pub fn emit(&mut self, rule: &Rule, path: String, params: Map<String, Value>, input: Option<&Value>) {
        self.diagnostics.push(make(rule, path, params, input));
    }
}

/// Builds a diagnostic from a rule, a path, params and the offending input.
pub(crate) fn make(
    rule: &Rule,
    path: String,
    params: Map<String, Value>,
    input: Option<&Value>,
) -> Diagnostic {
    Diagnostic {
        code: rule.code.to_owned(),
        severity: rule.severity,
        message: render_template(rule.message, &params),
        message_en: render_template(rule.message_en, &params),
        path,
        params,
        input: input.map(excerpt),
        document: None,
    }
}

/// Builds a params map from `(key, value)` pairs.
macro_rules! params {
    () => { ::serde_json::Map::new() };
    ($($k:expr => $v:expr),+ $(,)?) => {{
        let mut m = ::serde_json::Map::new();
        $( m.insert(($k).to_string(), ::serde_json::json!($v)); )+
        m
    }};
}
pub(crate) use params;

/// Runs every semantic rule over `ctx`.
pub(crate) fn run_semantic(ctx: &Ctx<'_>, out: &mut Findings) {
    for rule in all() {
        if let Check::Semantic(f) = rule.check {
            f(ctx, out);
        }
    }
}

/// Runs only the semantic rules that read one of `pointers` (for per-keystroke checks).
pub(crate) fn run_semantic_reading(ctx: &Ctx<'_>, pointers: &[&str], out: &mut Findings) {
    for rule in all() {
        if let Check::Semantic(f) = rule.check {
            if rule.reads.iter().any(|r| pointers.iter().any(|p| pointer_matches(r, p))) {
                f(ctx, out);
            }
        }
    }
}

/// Whether a rule's read pattern (`/a/*/b`) concerns a concrete pointer: equal, or one is a
/// prefix of the other (a change to `/participation` touches `/participation/units_total`).
pub(crate) fn pointer_matches(pattern: &str, pointer: &str) -> bool {
    pattern.split('/').zip(pointer.split('/')).all(|(a, b)| a == "*" || a == b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_templates_have_no_dangling_braces() {
        let mut seen = std::collections::BTreeSet::new();
        for r in all() {
            assert!(seen.insert(r.code), "duplicate rule code {}", r.code);
            for t in [r.message, r.message_en] {
                assert_eq!(t.matches('{').count(), t.matches('}').count(), "{}", r.code);
            }
            assert!(!r.description.is_empty() && !r.description_en.is_empty(), "{}", r.code);
            assert!(!r.documents.is_empty(), "{}", r.code);
        }
    }

    #[test]
    fn pointer_patterns_match_prefixes_and_wildcards() {
        assert!(pointer_matches(
            "/participation/featured_activities/*/name",
            "/participation/featured_activities/3/name"
        ));
        assert!(pointer_matches("/participation/units_total", "/participation"));
        assert!(!pointer_matches("/participation/units_total", "/reach"));
    }
}
