//! [`Validator`]: a notice (and, optionally, a unit's plan) compiled once, then shared.
//!
//! As jsonschema-rs compiles a schema once and pydantic a model, a validator reads and checks
//! its notice once — an unusable notice is an error at construction, with its diagnostics —
//! and keeps what the rules need (the unit names, the week, the deadline in the notice's time
//! zone). Every call after that is only the document's own work. The built-in 2021 Nanchang
//! notice is just [`Validator::default`]; there is no separate fast path.
//!
//! ```
//! use learning_week::api::{DocumentKind, Validator};
//! let v = Validator::default(); // the built-in notice; Validator::from_json(text)? for any other
//! let a = v.validate_json(Some(DocumentKind::Summary), r#"{"year": 2021, "host_unit": "东湖区"}"#);
//! assert!(a.codes().contains(&"row.missing"));
//! assert_eq!(v.notice().units().len(), 13);
//! ```

use super::{ValidateOptions, ValidationAnswer};
use crate::aggregate::{AggregateInput, AggregateOptions, CityRollup};
use crate::catalog::{make, params, structural};
use crate::catalog::{Diagnostic, Severity};
use crate::decode::{parse_document, parse_json, Labelled};
use crate::json::Json;
use crate::notice::{Notice, ReportingUnit, UnitKind};
use crate::plan::ActivityPlan;
use crate::submission::Submission;
use crate::summary::SummaryTable;
use crate::validate::{read_context, validate_field_text, validate_tree, Document};
use crate::DocumentKind;
use serde_json::Value;
use std::sync::{Arc, LazyLock};

/// A notice (and optionally a plan) compiled once: `Send + Sync` and cheap to clone (one
/// reference count), so a service builds it at start-up and shares it across threads.
///
/// ```
/// use learning_week::api::Validator;
/// let text = learning_week::Notice::nanchang_2021_json();
/// let custom = Validator::from_json(text).unwrap();     // any year's, any city's notice
/// let same = custom.clone();                            // shares the compiled notice
/// std::thread::spawn(move || same.validate_json(None, "{}")).join().unwrap();
/// assert!(Validator::from_json(r#"{"year": "x"}"#).is_err()); // unusable: an error now, not per call
/// ```
#[derive(Debug, Clone)]
pub struct Validator {
    inner: Arc<Compiled>,
}

#[derive(Debug)]
struct Compiled {
    notice: CompiledNotice,
    plan: Option<ActivityPlan<'static>>,
}

/// Why a notice or plan cannot be compiled: its diagnostics, each tagged with the document it
/// is about (`"notice"`, `"plan"`).
///
/// ```
/// let e = learning_week::api::Validator::from_json("{").unwrap_err();
/// assert_eq!(e.diagnostics[0].code, "json.syntax");
/// assert!(e.to_string().contains("json.syntax"));
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", describe(.diagnostics))]
pub struct CompileError {
    /// 诊断 / what makes the notice or plan unusable (errors first), and what else was found.
    pub diagnostics: Vec<Diagnostic>,
}

fn describe(diagnostics: &[Diagnostic]) -> String {
    let errors: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
    let first = errors.first().copied().or(diagnostics.first());
    let document = first.and_then(|d| d.document.as_deref()).unwrap_or("notice");
    match first {
        Some(d) => format!(
            "the {document} cannot be used ({} error(s)); first: {} at {:?}: {} / {}",
            errors.len(),
            d.code,
            d.path,
            d.message_en,
            d.message
        ),
        None => format!("the {document} cannot be used"),
    }
}

fn tagged(mut diagnostics: Vec<Diagnostic>, document: &str) -> Vec<Diagnostic> {
    for d in &mut diagnostics {
        d.document = Some(document.to_owned());
    }
    diagnostics
}

/// Reads a context document's JSON text (or value); a syntax error is tagged with `document`.
fn context_value(text: &str, document: &str) -> Result<Value, CompileError> {
    parse_json(text).map_err(|d| CompileError { diagnostics: tagged(vec![d], document) })
}

static BUILTIN: LazyLock<Validator> = LazyLock::new(|| {
    // The embedded notice is tested valid (`builtin_notice_compiles`); were it ever not, the
    // validator would still work on it rather than fail every call.
    let notice = Notice::nanchang_2021();
    Validator::new(notice.clone()).unwrap_or_else(|_| Validator::compiled(notice, None))
});

impl Default for Validator {
    /// The built-in 2021 Nanchang notice, compiled once per process.
    fn default() -> Self {
        BUILTIN.clone()
    }
}

impl Validator {
    fn compiled(notice: Notice, plan: Option<ActivityPlan<'static>>) -> Self {
        Validator { inner: Arc::new(Compiled { notice: CompiledNotice::new(notice), plan }) }
    }

    /// Compiles a typed notice: its field constraints and its own coherence rules
    /// (`notice.week_inverted`, `notice.deadline_before_week_end` …) are checked now.
    ///
    /// ```
    /// use learning_week::{api::Validator, Notice};
    /// let mut n = Notice::nanchang_2021();
    /// n.theme = Some("  ".into());
    /// let e = Validator::new(n).unwrap_err();
    /// assert!(e.diagnostics.iter().all(|d| d.document.as_deref() == Some("notice")));
    /// ```
    pub fn new(notice: Notice) -> Result<Self, CompileError> {
        let problems = crate::validate::notice_problems(&notice, crate::validate::field_diagnostics(&notice));
        Self::accept_notice(Some(notice), problems)
    }

    fn accept_notice(notice: Option<Notice>, problems: Vec<Diagnostic>) -> Result<Self, CompileError> {
        let problems = tagged(problems, "notice");
        match notice {
            Some(n) if !problems.iter().any(|d| d.severity == Severity::Error) => Ok(Self::compiled(n, None)),
            _ => Err(CompileError { diagnostics: problems }),
        }
    }

    /// Compiles a notice from its JSON text (the shape `learning-week notice show` prints);
    /// problems are diagnostics at the notice's own pointers.
    ///
    /// ```
    /// let e = learning_week::api::Validator::from_json(r#"{"year": 2022}"#).unwrap_err();
    /// assert!(e.diagnostics.iter().any(|d| d.code == "row.missing" && d.path == "/theme"));
    /// ```
    pub fn from_json(notice: &str) -> Result<Self, CompileError> {
        Self::from_value(&context_value(notice, "notice")?)
    }

    /// Compiles a notice given as a JSON value.
    ///
    /// ```
    /// let v: serde_json::Value = serde_json::from_str(learning_week::Notice::nanchang_2021_json()).unwrap();
    /// assert_eq!(learning_week::api::Validator::from_value(&v).unwrap().notice().year(), Some(2021));
    /// ```
    pub fn from_value(notice: &Value) -> Result<Self, CompileError> {
        let outcome = read_context::<Notice>(notice, "notice");
        let problems = match &outcome.value {
            Some(n) => crate::validate::notice_problems(n, outcome.diagnostics),
            None => outcome.diagnostics,
        };
        Self::accept_notice(outcome.value, problems)
    }

    /// The validator of `options` (`notice`, `plan`: objects or JSON text); the built-in one
    /// when neither is given.
    ///
    /// ```
    /// use learning_week::api::{ValidateOptions, Validator};
    /// let v = Validator::from_options(&ValidateOptions::default()).unwrap();
    /// assert_eq!(v.notice().city(), Some("南昌市"));
    /// let bad = ValidateOptions { plan: Some(serde_json::json!(3)), ..Default::default() };
    /// assert_eq!(Validator::from_options(&bad).unwrap_err().diagnostics[0].document.as_deref(), Some("plan"));
    /// ```
    pub fn from_options(options: &ValidateOptions) -> Result<Self, CompileError> {
        let base = match options.notice.as_ref().filter(|v| !v.is_null()) {
            None => Self::default(),
            Some(Value::String(text)) => Self::from_json(text)?,
            Some(v) => Self::from_value(v)?,
        };
        match options.plan.as_ref().filter(|v| !v.is_null()) {
            None => Ok(base),
            Some(Value::String(text)) => base.with_plan_value(&context_value(text, "plan")?),
            Some(v) => base.with_plan_value(v),
        }
    }

    /// The same notice with the unit's plan, which a 总结表 is then compared with
    /// (`plan.featured_not_in_plan`, `plan.period_mismatch`). A plan may be half filled; it is
    /// refused only when it cannot be read (a wrong type, not a missing row).
    ///
    /// ```
    /// use learning_week::api::Validator;
    /// let plan = r#"{"unit": "东湖区", "activities": [{"name": "读书节"}]}"#;
    /// let v = Validator::default().with_plan_json(plan).unwrap();
    /// assert!(v.plan().is_some());
    /// assert!(Validator::default().with_plan_json(r#"{"activities": 1}"#).is_err());
    /// ```
    pub fn with_plan_json(&self, plan: &str) -> Result<Self, CompileError> {
        self.with_plan_value(&context_value(plan, "plan")?)
    }

    /// [`Validator::with_plan_json`] for a JSON value.
    ///
    /// ```
    /// let v = learning_week::api::Validator::default().with_plan_value(&serde_json::json!({"unit": "东湖区"}));
    /// assert!(v.is_ok());
    /// ```
    pub fn with_plan_value(&self, plan: &Value) -> Result<Self, CompileError> {
        let outcome = read_context::<ActivityPlan>(plan, "plan");
        let unreadable = outcome
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error && d.code != "row.missing" && d.code != "row.blank");
        match outcome.value {
            Some(p) if !unreadable => Ok(self.with_plan(p)),
            _ => Err(CompileError { diagnostics: outcome.diagnostics }),
        }
    }

    /// The same notice with a typed plan.
    ///
    /// ```
    /// use learning_week::{api::Validator, ActivityPlan};
    /// let v = Validator::default().with_plan(ActivityPlan { unit: Some("东湖区".into()), ..Default::default() });
    /// assert_eq!(v.plan().and_then(|p| p.unit.as_deref()), Some("东湖区"));
    /// ```
    pub fn with_plan(&self, plan: ActivityPlan<'_>) -> Self {
        let plan = Some(plan.into_owned());
        Validator { inner: Arc::new(Compiled { notice: self.inner.notice.clone(), plan }) }
    }

    /// The compiled notice: typed accessors ([`CompiledNotice::units`]) and, through `Deref`,
    /// the notice model as given.
    ///
    /// ```
    /// let v = learning_week::api::Validator::default();
    /// let names: Vec<&str> = v.notice().units().iter().map(|u| u.name()).collect();
    /// assert!(names.contains(&"湾里管理局"));
    /// assert_eq!(v.notice().theme.as_deref(), Some("庆建党百年华诞，谱终身学习新篇"));
    /// ```
    pub fn notice(&self) -> &CompiledNotice {
        &self.inner.notice
    }

    /// The plan a 总结表 is compared with, if one was given.
    ///
    /// ```
    /// assert!(learning_week::api::Validator::default().plan().is_none());
    /// ```
    pub fn plan(&self) -> Option<&ActivityPlan<'static>> {
        self.inner.plan.as_ref()
    }

    /// Checks the reader's tree (one field of it when `field` is given), the engine every front
    /// door shares: the answer and the typed document (the whole document's; none for one field).
    pub(crate) fn answer_tree<'i>(
        &self,
        kind: Option<DocumentKind>,
        input: &Json<'i>,
        field: Option<&str>,
    ) -> (ValidationAnswer, Option<Document<'i>>) {
        // The kind, given or told from the keys once: the pointer check and the engine share it.
        let kind = kind.or_else(|| DocumentKind::detect_tree(input));
        if let (Some(pointer), Some(k)) = (field, kind) {
            if let Some(d) = pointer_problem(k, pointer, input) {
                return (ValidationAnswer::from_diagnostics(kind, vec![d], None), None);
            }
        }
        let outcome = validate_tree(kind, input, field, &self.inner.notice.model, self.inner.plan.as_ref());
        let document = outcome.value.filter(|_| field.is_none());
        (ValidationAnswer::from_diagnostics(kind, outcome.diagnostics, None), document)
    }

    /// [`Validator::answer_tree`] for JSON text: malformed text is one `json.syntax` finding.
    pub(crate) fn answer_text<'i>(
        &self,
        kind: Option<DocumentKind>,
        input: &'i str,
        field: Option<&str>,
    ) -> (ValidationAnswer, Option<Document<'i>>) {
        // Straight from the text when the reader is sure of it, and (for one field) the pointer
        // names a field of the kind; the tree otherwise, which also judges any other pointer
        // (the same answer: `validate_field_text`'s tests and the fuzz target compare them).
        let (notice, plan) = (&self.inner.notice.model, self.inner.plan.as_ref());
        if let Some((kind, outcome)) = validate_field_text(kind, input, field, notice, plan) {
            if field.is_none_or(|p| pointer_known(kind, p)) {
                let document = outcome.value.filter(|_| field.is_none());
                return (ValidationAnswer::from_diagnostics(Some(kind), outcome.diagnostics, None), document);
            }
        }
        match parse_document(input) {
            Ok((tree, repeats)) => {
                let (answer, document) = self.answer_tree(kind, &tree, field);
                // A key the text repeats: the tree read its last value; the others are named
                // first (those at or below the field, for one field).
                let mut found: Vec<_> = repeats
                    .into_iter()
                    .filter(|d| field.is_none_or(|p| crate::validate::at_or_below(&d.path, p)))
                    .collect();
                if found.is_empty() {
                    return (answer, document);
                }
                found.extend(answer.diagnostics);
                (ValidationAnswer::from_diagnostics(answer.kind, found, answer.document), document)
            }
            Err(d) => (ValidationAnswer::from_diagnostics(kind, vec![d], None), None),
        }
    }

    /// Validates JSON text (`kind` `None` → detected from the keys). Malformed JSON is one
    /// `json.syntax` diagnostic with line and column.
    ///
    /// ```
    /// let v = learning_week::api::Validator::default();
    /// let a = v.validate_json(None, r#"{"host_unit": "朝阳区"}"#);
    /// assert!(a.codes().contains(&"unit.unknown"));
    /// assert!(a.document.is_some());
    /// ```
    pub fn validate_json(&self, kind: Option<DocumentKind>, input: &str) -> ValidationAnswer {
        with_document(self.answer_text(kind, input, None))
    }

    /// Validates a JSON value.
    ///
    /// ```
    /// let v = learning_week::api::Validator::default();
    /// let a = v.validate_value(None, &serde_json::json!({"participation": {"participants": -5}}));
    /// assert!(a.diagnostics.iter().any(|d| d.code == "count.negative"));
    /// ```
    pub fn validate_value(&self, kind: Option<DocumentKind>, input: &Value) -> ValidationAnswer {
        with_document(self.answer_tree(kind, &Json::borrowed(input), None))
    }

    /// Re-checks one field (an RFC 6901 JSON Pointer), as a web form does per keystroke: the
    /// reading findings at or below it and the rules that read it. A pointer to no field of the
    /// document is a finding (`pointer.unknown`, `pointer.malformed`, with the nearest real
    /// pointer), never a silent pass.
    ///
    /// ```
    /// let v = learning_week::api::Validator::default();
    /// let doc = r#"{"host_unit": "东湖区", "participation": {"participants": "很多"}}"#;
    /// assert_eq!(v.validate_field_json(None, doc, "/participation/participants").codes(), vec!["text.vague"]);
    /// let typo = v.validate_field_json(None, doc, "/participation/particpants");
    /// assert_eq!(typo.codes(), vec!["pointer.unknown"]);
    /// assert_eq!(typo.diagnostics[0].params["nearest"], "/participation/participants");
    /// assert_eq!(v.validate_field_json(None, doc, "participation/participants").codes(), vec!["pointer.malformed"]);
    /// ```
    pub fn validate_field_json(
        &self,
        kind: Option<DocumentKind>,
        input: &str,
        pointer: &str,
    ) -> ValidationAnswer {
        with_document(self.answer_text(kind, input, Some(pointer)))
    }

    /// [`Validator::validate_field_json`] for a JSON value.
    ///
    /// ```
    /// let v = learning_week::api::Validator::default();
    /// let doc = serde_json::json!({"host_unit": "东湖区", "participation": {"main_venues": 0}});
    /// assert_eq!(v.validate_field_value(None, &doc, "/participation/main_venues").codes(), vec!["participation.no_main_venue"]);
    /// ```
    pub fn validate_field_value(
        &self,
        kind: Option<DocumentKind>,
        input: &Value,
        pointer: &str,
    ) -> ValidationAnswer {
        with_document(self.answer_tree(kind, &Json::borrowed(input), Some(pointer)))
    }

    /// A 总结表 that validates without errors, as a checked view whose required rows are plain
    /// values; otherwise the answer saying why not.
    ///
    /// ```
    /// let v = learning_week::api::Validator::default();
    /// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/nanchang-2021/submissions/donghu.submission.json")).unwrap();
    /// let sub: serde_json::Value = serde_json::from_str(&text).unwrap();
    /// let summary = v.checked_summary(&sub["summary"].to_string()).unwrap();
    /// assert_eq!(summary.table.host_unit, "东湖区");
    /// assert!(summary.table.participation.participants.value > 0);
    /// assert!(v.checked_summary(r#"{"host_unit": "东湖区"}"#).is_err());
    /// ```
    pub fn checked_summary(
        &self,
        input: &str,
    ) -> Result<Checked<crate::checked::CheckedSummary>, ValidationAnswer> {
        let (answer, document) = self.answer_text(Some(DocumentKind::Summary), input, None);
        match document {
            Some(Document::Summary(t)) if answer.valid => match t.into_checked() {
                Ok(table) => Ok(Checked { table, diagnostics: answer.diagnostics }),
                Err(t) => Err(ValidationAnswer { document: Some(Document::Summary(*t).to_json()), ..answer }),
            },
            other => Err(ValidationAnswer { document: other.map(|d| d.to_json()), ..answer }),
        }
    }

    /// Rolls up the units' reports against this notice (see [`crate::aggregate::aggregate`]).
    ///
    /// ```
    /// use learning_week::aggregate::{AggregateInput, AggregateOptions};
    /// let v = learning_week::api::Validator::default();
    /// let r = v.aggregate(&[AggregateInput::text(Some("a.json"), "{".to_owned())], &AggregateOptions::default());
    /// assert_eq!((r.expected_units, r.accounting.rejected.len()), (13, 1));
    /// ```
    pub fn aggregate(&self, inputs: &[AggregateInput], options: &AggregateOptions) -> CityRollup {
        crate::aggregate::aggregate(&self.inner.notice.model, inputs, options)
    }
}

/// A document that validated without errors: its checked view, and the warnings and notes
/// that remain.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked<T> {
    /// 已校验文档 / the checked view (required rows are plain values).
    pub table: T,
    /// 诊断 / the warnings and infos (never an error).
    pub diagnostics: Vec<Diagnostic>,
}

fn with_document((answer, document): (ValidationAnswer, Option<Document>)) -> ValidationAnswer {
    ValidationAnswer { document: document.map(|d| d.to_json()), ..answer }
}

/// A notice, compiled: what the rules need, computed once, and the model as given (`Deref`).
///
/// ```
/// let v = learning_week::api::Validator::default();
/// let n = v.notice();
/// assert_eq!((n.year(), n.deadline().map(|d| d.to_string())), (Some(2021), Some("2021-12-05".into())));
/// assert_eq!(n.units().iter().filter(|u| u.rural()).count(), 5);
/// ```
#[derive(Debug, Clone)]
pub struct CompiledNotice {
    model: Notice,
    units: Vec<Unit>,
}

/// A reporting unit of a compiled notice: its name is always there (a notice whose unit has
/// none does not compile).
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    name: String,
    aliases: Vec<String>,
    kind: Option<UnitKind>,
    rural: bool,
}

impl Unit {
    fn from_model(u: &ReportingUnit) -> Option<Unit> {
        Some(Unit {
            name: u.name.clone()?,
            aliases: u.aliases.clone().unwrap_or_default(),
            kind: u.kind,
            rural: u.rural.unwrap_or(false),
        })
    }

    /// 正式名称 / the official name.
    ///
    /// ```
    /// assert_eq!(learning_week::api::Validator::default().notice().units()[0].name(), "东湖区");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// 别称 / other names still written (湾里区 for 湾里管理局); empty when none.
    ///
    /// ```
    /// let v = learning_week::api::Validator::default();
    /// let wanli = v.notice().units().iter().find(|u| u.name() == "湾里管理局").unwrap();
    /// assert!(wanli.aliases().iter().any(|a| a == "湾里区"));
    /// ```
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }

    /// 类别 / district, county, development zone or management bureau, when the notice says.
    ///
    /// ```
    /// use learning_week::notice::UnitKind;
    /// let v = learning_week::api::Validator::default();
    /// assert!(v.notice().units().iter().any(|u| u.kind() == Some(UnitKind::County)));
    /// ```
    pub fn kind(&self) -> Option<UnitKind> {
        self.kind
    }

    /// 涉农县区 / whether the unit carries the rural duty (false when the notice does not say).
    ///
    /// ```
    /// let v = learning_week::api::Validator::default();
    /// assert!(v.notice().units().iter().any(|u| u.name() == "南昌县" && u.rural()));
    /// ```
    pub fn rural(&self) -> bool {
        self.rural
    }
}

impl CompiledNotice {
    fn new(model: Notice) -> Self {
        let units = model.units().iter().filter_map(Unit::from_model).collect();
        CompiledNotice { model, units }
    }

    /// 报送单位 / the reporting units, each with its name.
    ///
    /// ```
    /// assert_eq!(learning_week::api::Validator::default().notice().units().len(), 13);
    /// ```
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    /// 年度 / the notice's year.
    ///
    /// ```
    /// assert_eq!(learning_week::api::Validator::default().notice().year(), Some(2021));
    /// ```
    pub fn year(&self) -> Option<i32> {
        self.model.year
    }

    /// 报送截止日期 / the reporting deadline (a day in the notice's time zone).
    ///
    /// ```
    /// let d = learning_week::api::Validator::default().notice().deadline().unwrap();
    /// assert_eq!(d.to_string(), "2021-12-05");
    /// ```
    pub fn deadline(&self) -> Option<chrono::NaiveDate> {
        self.model.reporting.as_ref().and_then(|r| r.deadline)
    }

    /// The notice model as given (every row optional, unknown keys kept).
    ///
    /// ```
    /// let v = learning_week::api::Validator::default();
    /// assert_eq!(v.notice().model(), learning_week::Notice::nanchang_2021_ref());
    /// ```
    pub fn model(&self) -> &Notice {
        &self.model
    }
}

impl std::ops::Deref for CompiledNotice {
    type Target = Notice;
    fn deref(&self) -> &Notice {
        &self.model
    }
}

// ---- pointers -------------------------------------------------------------------------------

/// Every field pointer of each kind, computed once (for the nearest suggestion).
static FIELD_POINTERS: LazyLock<[Vec<String>; 4]> = LazyLock::new(|| {
    fn all<T: Labelled>() -> Vec<String> {
        let mut out = Vec::new();
        T::field_pointers("", &mut out);
        out
    }
    [all::<Notice>(), all::<ActivityPlan>(), all::<SummaryTable>(), all::<Submission>()]
});

fn has_field(kind: DocumentKind, tokens: &[&str]) -> bool {
    match kind {
        DocumentKind::Notice => Notice::has_field(tokens),
        DocumentKind::Plan => ActivityPlan::has_field(tokens),
        DocumentKind::Summary => SummaryTable::has_field(tokens),
        DocumentKind::Submission => Submission::has_field(tokens),
    }
}

/// The value at `tokens` in the caller's own document (a key the model does not know is still
/// the caller's: its `field.unknown` warning is what a re-check of it shows).
fn present<'j>(input: &'j Json<'j>, tokens: &[String]) -> bool {
    let mut at = input;
    for t in tokens {
        let next = match at {
            Json::Object(_) => at.get(t),
            Json::Array(items) => t.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => None,
        };
        match next {
            Some(n) => at = n,
            None => return false,
        }
    }
    true
}

/// RFC 6901 tokens of a pointer that starts with `/`.
fn tokens(pointer: &str) -> Vec<String> {
    pointer.split('/').skip(1).map(crate::json::unescape_token).collect()
}

/// Whether `pointer` is the whole document or a field `kind` has: no need to look for it in the
/// document itself (see [`pointer_problem`]).
fn pointer_known(kind: DocumentKind, pointer: &str) -> bool {
    pointer.is_empty()
        || pointer.starts_with('/') && {
            let t = tokens(pointer);
            let refs: Vec<&str> = t.iter().map(String::as_str).collect();
            has_field(kind, &refs)
        }
}

/// A `pointer.malformed` / `pointer.unknown` finding when `pointer` names no field of `kind`.
fn pointer_problem(kind: DocumentKind, pointer: &str, input: &Json<'_>) -> Option<Diagnostic> {
    if pointer_known(kind, pointer) {
        return None;
    }
    let (rule, wanted) = if pointer.starts_with('/') {
        if present(input, &tokens(pointer)) {
            return None;
        }
        (&structural::POINTER_UNKNOWN, pointer.to_owned())
    } else {
        (&structural::POINTER_MALFORMED, format!("/{pointer}"))
    };
    let nearest = nearest_pointer(kind, &wanted);
    let p = params! {
        "pointer" => pointer,
        "nearest" => nearest,
        "kind" => kind.as_str(),
        "kind_zh" => kind.as_zh(),
    };
    let mut d = make(rule, String::new(), p, None);
    d.document = Some("pointer".into());
    Some(d)
}

/// The field pointer of `kind` closest to `wanted` (edit distance over characters, array
/// indices compared as 0 and given back as the caller wrote them).
fn nearest_pointer(kind: DocumentKind, wanted: &str) -> String {
    let given = tokens(wanted);
    let normal: String = given
        .iter()
        .map(|t| {
            if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
                "/0".to_owned()
            } else {
                format!("/{t}")
            }
        })
        .collect();
    let candidates = &FIELD_POINTERS[kind as usize];
    let best =
        candidates.iter().min_by_key(|c| (edit_distance(c, &normal), c.len())).cloned().unwrap_or_default();
    // Put the caller's own indices back where the candidate has an index at the same place.
    tokens(&best)
        .iter()
        .enumerate()
        .map(|(i, t)| match given.get(i) {
            Some(g) if t == "0" && !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()) => format!("/{g}"),
            _ => format!("/{t}"),
        })
        .collect()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb { prev } else { 1 + prev.min(cur).min(row[j]) };
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync + Clone>() {}

    #[test]
    fn validator_is_send_sync_and_clone() {
        assert_send_sync::<Validator>();
    }

    #[test]
    fn builtin_notice_compiles() {
        assert!(Validator::new(Notice::nanchang_2021()).is_ok());
        assert!(Validator::from_json(Notice::nanchang_2021_json()).is_ok());
    }

    #[test]
    fn a_custom_notice_answers_as_the_builtin() {
        let custom = Validator::from_json(Notice::nanchang_2021_json()).unwrap();
        let builtin = Validator::default();
        let doc = r#"{"year": 2021, "host_unit": "湾里区", "participation": {"units_total": 5, "units_participating": 7}}"#;
        assert_eq!(custom.validate_json(None, doc), builtin.validate_json(None, doc));
        let p = "/participation/units_participating";
        assert_eq!(custom.validate_field_json(None, doc, p), builtin.validate_field_json(None, doc, p));
    }

    #[test]
    fn pointers_to_unknown_keys_of_the_input_are_the_callers_own() {
        let v = Validator::default();
        let doc = r#"{"host_unit": "东湖区", "remarks": "x"}"#;
        assert_eq!(v.validate_field_json(None, doc, "/remarks").codes(), vec!["field.unknown"]);
        let a = v.validate_field_json(None, doc, "/leadership/attending_leaders/3/nmae");
        assert_eq!(a.diagnostics[0].params["nearest"], "/leadership/attending_leaders/3/name");
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "ab"), 2);
        assert_eq!(edit_distance("参加", "参加"), 0);
    }
}
