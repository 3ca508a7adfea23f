//! The validation engine: decode leniently, apply the field constraints, run the semantic rules.
//!
//! Typed entry points ([`check_summary`], [`check_plan`], [`check_submission`], [`check_notice`])
//! serve Rust callers that already hold model values; [`validate_value`] serves everyone holding
//! JSON (the [`crate::api`] module, the CLI and the bindings go through it).

use crate::catalog::Diagnostic;
use crate::catalog::{params, structural};
use crate::decode::{Decode, Decoder, FieldRules, Labelled, LazyRaw};
use crate::json::{Json, Unsure};
use crate::notice::Notice;
use crate::plan::ActivityPlan;
use crate::rules::{run_semantic, run_semantic_reading, Ctx, Findings};
use crate::submission::Submission;
use crate::summary::SummaryTable;
use crate::DocumentKind;
use serde_json::Value;

/// A decoded document (when anything usable could be read) and every finding about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome<T> {
    /// The document as read; `None` only when the input was not even an object.
    pub value: Option<T>,
    /// Every finding, structural and semantic.
    pub diagnostics: Vec<Diagnostic>,
}

/// Decodes `v` as `T` and applies its field constraints, reporting at `d`'s pointers.
pub(crate) fn decode_checked<'a, T: Decode<'a> + FieldRules + Labelled>(
    v: &Json<'a>,
    d: &mut Decoder,
) -> Option<T> {
    let t = T::decode(v, d)?;
    t.field_rules(d, v);
    Some(t)
}

/// The field constraints of a typed value, as findings (a value read from JSON has them among
/// its reading findings already).
pub(crate) use crate::decode::field_findings as field_diagnostics;

/// The field rules `validator` cannot state: list items that say nothing (`row.blank`).
fn blank_items(t: &SummaryTable<'_>, prefix: &str, d: &mut Decoder) {
    for rel in t.blank_items() {
        let ptr = format!("{prefix}{rel}");
        if d.has_error_at(&ptr) {
            continue;
        }
        let row = rel.rsplit('/').nth(1).unwrap_or_default().to_owned();
        // The label as the form prints it; the row's key only when the form has no label for it.
        let label = d.label_at(&ptr).map_or_else(|| row.clone(), str::to_owned);
        let p = params! {"row" => row, "label" => label};
        d.diagnostics.push(crate::catalog::make(&structural::ROW_BLANK, ptr, p, None));
    }
}

/// Checks a typed 总结表 against a notice (and, when given, the unit's plan).
///
/// ```
/// use learning_week::{validate::check_summary, Notice, SummaryTable};
/// let t: SummaryTable = serde_json::from_str(r#"{"year": 2020, "host_unit": "东湖区"}"#).unwrap();
/// let codes: Vec<String> = check_summary(&t, &Notice::nanchang_2021(), None).into_iter().map(|d| d.code.to_string()).collect();
/// assert!(codes.contains(&"year.mismatch".to_string()));
/// assert!(codes.contains(&"row.missing".to_string()));
/// ```
pub fn check_summary(
    table: &SummaryTable<'_>,
    notice: &Notice,
    plan: Option<&ActivityPlan<'_>>,
) -> Vec<Diagnostic> {
    let mut d = Decoder::new("").with_labels::<SummaryTable>();
    d.diagnostics = field_diagnostics(table);
    blank_items(table, "", &mut d);
    let mut out = Findings { diagnostics: d.diagnostics };
    let ctx = Ctx {
        summary: Some((table, "")),
        plan: plan.map(|p| (p, "plan#")),
        ..Ctx::new(DocumentKind::Summary, notice)
    };
    run_semantic(&ctx, &mut out);
    out.diagnostics
}

/// Checks a typed activity plan against a notice.
///
/// ```
/// use learning_week::{validate::check_plan, ActivityPlan, Notice};
/// let p: ActivityPlan = serde_json::from_str(r#"{"year": 2021, "unit": "南昌县", "activities": []}"#).unwrap();
/// let codes: Vec<String> = check_plan(&p, &Notice::nanchang_2021()).into_iter().map(|d| d.code.to_string()).collect();
/// assert!(codes.contains(&"plan.opening_ceremony_missing".to_string()));
/// assert!(codes.contains(&"plan.rural_activity_missing".to_string()));
/// ```
pub fn check_plan(plan: &ActivityPlan<'_>, notice: &Notice) -> Vec<Diagnostic> {
    let mut out = Findings { diagnostics: field_diagnostics(plan) };
    let ctx = Ctx { plan: Some((plan, "")), ..Ctx::new(DocumentKind::Plan, notice) };
    run_semantic(&ctx, &mut out);
    out.diagnostics
}

/// Checks a typed submission (its 总结表, its plan when included, materials and deadline).
///
/// ```
/// use learning_week::{validate::check_submission, Notice, Submission};
/// let s: Submission = serde_json::from_str(r#"{"submitted_at": "2021-12-08T10:00:00+08:00", "materials": []}"#).unwrap();
/// let d = check_submission(&s, &Notice::nanchang_2021());
/// let late = d.iter().find(|d| d.code == "submission.late").unwrap();
/// assert_eq!(late.params["days_late"], 3);
/// ```
pub fn check_submission(submission: &Submission<'_>, notice: &Notice) -> Vec<Diagnostic> {
    let mut d = Decoder::new("").with_labels::<Submission>();
    d.diagnostics = field_diagnostics(submission);
    if let Some(t) = &submission.summary {
        blank_items(t, "/summary", &mut d);
    }
    let mut out = Findings { diagnostics: d.diagnostics };
    run_submission_rules(submission, notice, false, &mut out);
    out.diagnostics
}

fn run_submission_rules(s: &Submission<'_>, notice: &Notice, written: bool, out: &mut Findings) {
    run_semantic(&submission_ctx(s, notice, written), out);
}

/// The rules' context for a submission; `written`: [`Ctx::satisfaction_written`].
fn submission_ctx<'a>(s: &'a Submission<'a>, notice: &'a Notice, written: bool) -> Ctx<'a> {
    Ctx {
        summary: s.summary.as_ref().map(|t| (t, "/summary")),
        plan: s.plan.as_ref().map(|p| (p, "/plan")),
        submission: Some(s),
        satisfaction_written: written,
        ..Ctx::new(DocumentKind::Submission, notice)
    }
}

/// Checks a notice as a document: field constraints plus its own coherence rules.
///
/// ```
/// use learning_week::{validate::check_notice, Notice};
/// assert!(check_notice(&Notice::nanchang_2021()).is_empty());
/// ```
pub fn check_notice(notice: &Notice) -> Vec<Diagnostic> {
    let mut out = Findings { diagnostics: field_diagnostics(notice) };
    let ctx = Ctx::new(DocumentKind::Notice, notice);
    run_semantic(&ctx, &mut out);
    out.diagnostics
}

/// What makes a notice unusable as the context of a validation: the findings of reading it
/// (`read`: from its JSON, or [`field_diagnostics`] when it came typed) and its own
/// coherence rules (`notice.*`). Any error among them refuses the notice.
pub(crate) fn notice_problems(notice: &Notice, read: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut problems = read;
    problems.extend(check_notice(notice).into_iter().filter(|d| d.code.as_str().starts_with("notice.")));
    problems
}

/// A document read from JSON: its kind, typed value, and every finding.
#[derive(Debug, Clone, PartialEq)]
#[allow(
    clippy::large_enum_variant,
    reason = "one value per validation; boxing would only burden callers' matches"
)]
pub enum Document<'a> {
    /// 通知
    Notice(Notice),
    /// 活动计划和实施方案
    Plan(ActivityPlan<'a>),
    /// 总结表
    Summary(SummaryTable<'a>),
    /// 报送材料
    Submission(Submission<'a>),
}

/// Written as the document itself, without a tag (so an answer's text can carry it straight).
///
/// ```
/// use learning_week::{validate::Document, SummaryTable};
/// let t = SummaryTable { host_unit: Some("东湖区".into()), ..Default::default() };
/// let d = Document::Summary(t.clone());
/// assert_eq!(serde_json::to_string(&d).unwrap(), serde_json::to_string(&t).unwrap());
/// assert_eq!(d.to_json(), serde_json::json!({"host_unit": "东湖区"}));
/// ```
impl serde::Serialize for Document<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Document::Notice(x) => x.serialize(serializer),
            Document::Plan(x) => x.serialize(serializer),
            Document::Summary(x) => x.serialize(serializer),
            Document::Submission(x) => x.serialize(serializer),
        }
    }
}

impl<'a> Document<'a> {
    /// The document's kind.
    ///
    /// ```
    /// use learning_week::{validate::Document, DocumentKind, Notice};
    /// assert_eq!(Document::Notice(Notice::nanchang_2021()).kind(), DocumentKind::Notice);
    /// ```
    pub fn kind(&self) -> DocumentKind {
        match self {
            Document::Notice(_) => DocumentKind::Notice,
            Document::Plan(_) => DocumentKind::Plan,
            Document::Summary(_) => DocumentKind::Summary,
            Document::Submission(_) => DocumentKind::Submission,
        }
    }

    /// The document as JSON (the model's own serialisation: counts read from text appear as
    /// qualified objects, unknown keys are kept).
    ///
    /// ```
    /// use learning_week::{validate::Document, Notice};
    /// assert_eq!(Document::Notice(Notice::nanchang_2021()).to_json()["year"], 2021);
    /// ```
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
    /// The document owning its text, so it outlives the input it was read from.
    ///
    /// ```
    /// use learning_week::{validate::{validate_value, Document}, Notice};
    /// let v = serde_json::json!({"host_unit": "东湖区"});
    /// let doc: Document<'static> = validate_value(None, &v, &Notice::nanchang_2021(), None).value.unwrap().into_owned();
    /// drop(v);
    /// assert_eq!(doc.to_json()["host_unit"], "东湖区");
    /// ```
    pub fn into_owned(self) -> Document<'static> {
        match self {
            Document::Notice(x) => Document::Notice(x),
            Document::Plan(x) => Document::Plan(x.into_owned()),
            Document::Summary(x) => Document::Summary(x.into_owned()),
            Document::Submission(x) => Document::Submission(x.into_owned()),
        }
    }
}

/// Validates a JSON value of the given (or detected) kind against `notice`, with `plan` as the
/// reference a summary is compared with. Every finding comes back; nothing panics.
///
/// ```
/// use learning_week::{validate::validate_value, Notice};
/// let v = serde_json::json!({"host_unit": "东湖区", "year": "2021"});
/// let o = validate_value(None, &v, &Notice::nanchang_2021(), None);
/// assert!(o.diagnostics.iter().any(|d| d.code == "type.invalid" && d.path == "/year"));
/// ```
pub fn validate_value<'v>(
    kind: Option<DocumentKind>,
    v: &'v Value,
    notice: &Notice,
    plan: Option<&ActivityPlan<'_>>,
) -> Outcome<Document<'v>> {
    validate_tree(kind, &Json::borrowed(v), None, notice, plan)
}

/// Re-checks one field, for per-keystroke validation: the reading findings at or below
/// `pointer`, plus every semantic rule whose catalog entry reads that field (they may blame a
/// neighbour: changing `units_total` can raise or clear an error at `units_participating`).
///
/// ```
/// use learning_week::{validate::validate_field, Notice};
/// let v = serde_json::json!({"host_unit": "东湖区", "participation": {"units_total": 5, "units_participating": 7}});
/// let o = validate_field(None, &v, "/participation/units_total", &Notice::nanchang_2021(), None);
/// let codes: Vec<&str> = o.diagnostics.iter().map(|d| d.code.as_str()).collect();
/// assert_eq!(codes, vec!["participation.units_exceed_total"]);
/// ```
pub fn validate_field<'v>(
    kind: Option<DocumentKind>,
    v: &'v Value,
    pointer: &str,
    notice: &Notice,
    plan: Option<&ActivityPlan<'_>>,
) -> Outcome<Document<'v>> {
    validate_tree(kind, &Json::borrowed(v), Some(pointer), notice, plan)
}

/// Whether `path` is `pointer` or lies below it.
pub(crate) fn at_or_below(path: &str, pointer: &str) -> bool {
    path == pointer || (path.starts_with(pointer) && path[pointer.len()..].starts_with('/'))
}

/// [`validate_value`] on the reader's tree ([`crate::json::parse`] of the text): what the
/// `*_json` entry points use, without building a [`serde_json::Value`].
///
/// ```
/// use learning_week::{json, validate::validate_tree, Notice};
/// let j = json::parse(r#"{"host_unit": "东湖区", "year": "2021"}"#).unwrap();
/// let o = validate_tree(None, &j, None, &Notice::nanchang_2021(), None);
/// assert!(o.diagnostics.iter().any(|d| d.code == "type.invalid" && d.path == "/year"));
/// ```
pub fn validate_tree<'a>(
    kind: Option<DocumentKind>,
    v: &Json<'a>,
    field: Option<&str>,
    notice: &Notice,
    plan: Option<&ActivityPlan<'_>>,
) -> Outcome<Document<'a>> {
    let run = |ctx: &Ctx<'_>, out: &mut Findings| run_rules(ctx, field, out);
    // Cells written as text are read against the week's year: the notice's, else (a notice
    // that states none) the document's own.
    let own = || {
        let at = |p: &str| v.pointer(p).and_then(Json::as_i64).and_then(|y| i32::try_from(y).ok());
        at("/year").or_else(|| at("/summary/year")).filter(|y| (1900..=2200).contains(y))
    };
    let mut d = Decoder::new("").with_year(notice.year.or_else(own));
    let Some(kind) = kind.or_else(|| DocumentKind::detect_tree(v)) else {
        if v.is_object() {
            d.emit(&structural::DOCUMENT_KIND_UNKNOWN, params! {"allowed" => DocumentKind::NAMES}, None);
        } else {
            d.wrong_type("object", v);
        }
        return Outcome { value: None, diagnostics: d.diagnostics };
    };
    d = match kind {
        DocumentKind::Summary => d.with_labels::<SummaryTable>(),
        DocumentKind::Plan => d.with_labels::<ActivityPlan>(),
        DocumentKind::Submission => d.with_labels::<Submission>(),
        DocumentKind::Notice => d.with_labels::<Notice>(),
    };
    let mut out = Findings::default();
    let value = match kind {
        DocumentKind::Summary => decode_checked::<SummaryTable>(v, &mut d).map(|t| {
            blank_items(&t, "", &mut d);
            let ctx = Ctx {
                summary: Some((&t, "")),
                plan: plan.map(|p| (p, "plan#")),
                satisfaction_written: unread_satisfaction(&t) && satisfaction_written(v),
                ..Ctx::new(DocumentKind::Summary, notice)
            };
            run(&ctx, &mut out);
            Document::Summary(t)
        }),
        DocumentKind::Plan => decode_checked::<ActivityPlan>(v, &mut d).map(|p| {
            let ctx = Ctx { plan: Some((&p, "")), ..Ctx::new(DocumentKind::Plan, notice) };
            run(&ctx, &mut out);
            Document::Plan(p)
        }),
        DocumentKind::Submission => decode_checked::<Submission>(v, &mut d).map(|s| {
            if let Some(t) = &s.summary {
                blank_items(t, "/summary", &mut d);
            }
            let written = s.summary.as_ref().is_some_and(unread_satisfaction)
                && v.get("summary").is_some_and(satisfaction_written);
            let ctx = submission_ctx(&s, notice, written);
            run(&ctx, &mut out);
            Document::Submission(s)
        }),
        DocumentKind::Notice => decode_checked::<Notice>(v, &mut d).map(|n| {
            let ctx = Ctx::new(DocumentKind::Notice, &n);
            run(&ctx, &mut out);
            Document::Notice(n)
        }),
    };
    Outcome { value, diagnostics: field_diagnostics_of(d.diagnostics, field, out) }
}

/// Every semantic rule (a whole-document check), or those that read the field. Rules name the
/// fields they read relative to their own document; inside a submission the summary sits under
/// /summary and the plan under /plan, so both forms of the field are offered.
fn run_rules(ctx: &Ctx<'_>, field: Option<&str>, out: &mut Findings) {
    let Some(f) = field else { return run_semantic(ctx, out) };
    let inner = f
        .strip_prefix("/summary")
        .or_else(|| f.strip_prefix("/plan"))
        .filter(|r| r.is_empty() || r.starts_with('/'));
    let forms: Vec<&str> = std::iter::once(f).chain(inner).collect();
    run_semantic_reading(ctx, &forms, out);
}

/// The decoder's findings (for a field check, only those at or below the field) followed by
/// the rules' findings.
fn field_diagnostics_of(mut decoded: Vec<Diagnostic>, field: Option<&str>, out: Findings) -> Vec<Diagnostic> {
    if let Some(f) = field {
        decoded.retain(|x| at_or_below(&x.path, f));
    }
    decoded.extend(out.diagnostics);
    decoded
}

/// [`validate_tree`] of a whole document read straight from its JSON text: the decoder walks
/// the text ([`crate::json::Reader`]) and builds the model with no tree of the document in
/// between. The same answer as [`validate_tree`] on [`crate::json::parse`] of the text, byte for
/// byte, whenever it gives one: `None` when the text holds anything the reader is not sure of (a
/// syntax error, a repeated key, deep nesting, an unusual number, an unknown kind), or when the
/// notice states no year (a cell is then read against the document's own); the caller then takes
/// the tree path, whose answer is the reference. The document's kind comes back with the outcome
/// (given, or told from the keys).
///
/// ```
/// use learning_week::{json, validate::{validate_text, validate_tree}, Notice};
/// let text = r#"{"host_unit": "东湖区", "year": "2021"}"#;
/// let n = Notice::nanchang_2021();
/// let (kind, fast) = validate_text(None, text, &n, None).unwrap();
/// assert_eq!(kind, learning_week::DocumentKind::Summary);
/// assert_eq!(fast, validate_tree(None, &json::parse(text).unwrap(), None, &n, None));
/// assert!(validate_text(None, r#"{"year": 1, "year": 2}"#, &n, None).is_none());
/// ```
pub fn validate_text<'t>(
    kind: Option<DocumentKind>,
    text: &'t str,
    notice: &Notice,
    plan: Option<&ActivityPlan<'_>>,
) -> Option<(DocumentKind, Outcome<Document<'t>>)> {
    validate_field_text(kind, text, None, notice, plan)
}

/// [`validate_text`] of one field (`Some(pointer)`, as [`validate_field`] checks it) or of the
/// whole document (`None`): the same answer as [`validate_tree`] on [`crate::json::parse`] of the
/// text with the same field, byte for byte, whenever it gives one (`None` when it cannot be sure,
/// as [`validate_text`]).
///
/// ```
/// use learning_week::{json, validate::{validate_field_text, validate_tree}, Notice};
/// let text = r#"{"host_unit": "东湖区", "year": "2021", "participation": {"units_total": 5, "units_participating": 7}}"#;
/// let n = Notice::nanchang_2021();
/// let field = Some("/participation/units_total");
/// let (_, fast) = validate_field_text(None, text, field, &n, None).unwrap();
/// assert_eq!(fast.diagnostics[0].code, "participation.units_exceed_total");
/// assert_eq!(fast, validate_tree(None, &json::parse(text).unwrap(), field, &n, None));
/// ```
pub fn validate_field_text<'t>(
    kind: Option<DocumentKind>,
    text: &'t str,
    field: Option<&str>,
    notice: &Notice,
    plan: Option<&ActivityPlan<'_>>,
) -> Option<(DocumentKind, Outcome<Document<'t>>)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    notice.year?;
    let read = |kind, keys| text_outcome(kind, text, field, notice, plan, keys);
    if let Some(kind) = kind {
        return read(kind, false).map(|(o, _)| (kind, o));
    }
    // The kind the first key tells (a summary's when it tells none), checked against every key
    // once the document is read: a later key of a kind that ranks above (`summary` after
    // `host_unit`) reads the document again as that kind.
    let first = crate::json::Reader::first_key(text)?;
    let guess = DocumentKind::detect_keys(|k| k == first).unwrap_or(DocumentKind::Summary);
    let (outcome, keys) = read(guess, true)?;
    let kind = DocumentKind::detect_keys(|k| keys.iter().any(|key| key == k))?;
    if kind == guess {
        return Some((kind, outcome));
    }
    read(kind, false).map(|(o, _)| (kind, o))
}

/// [`validate_field_text`] as `kind`, with the outermost object's keys when `keys` is asked for.
fn text_outcome<'t>(
    kind: DocumentKind,
    text: &'t str,
    field: Option<&str>,
    notice: &Notice,
    plan: Option<&ActivityPlan<'_>>,
    keys: bool,
) -> Option<(Outcome<Document<'t>>, Vec<std::borrow::Cow<'t, str>>)> {
    // The tree, read only when a field check's finding asks for its excerpt.
    let tree: std::cell::OnceCell<Option<Json<'_>>> = std::cell::OnceCell::new();
    let tree_now = || tree.get_or_init(|| crate::json::parse(text).ok()).as_ref();
    // Whether a satisfaction the summary left unread is written (not absent): looked up in the
    // text at its pointer, no tree made; `None` when only the tree may answer.
    let written =
        |pointer: &str| crate::json::value_at(text, pointer).ok().map(|v| v.is_some_and(|v| !v.is_null()));
    let run = |ctx: &Ctx<'_>, out: &mut Findings| run_rules(ctx, field, out);
    let mut d = Decoder::new("").with_year(notice.year);
    d = match kind {
        DocumentKind::Summary => d.with_labels::<SummaryTable>(),
        DocumentKind::Plan => d.with_labels::<ActivityPlan>(),
        DocumentKind::Submission => d.with_labels::<Submission>(),
        DocumentKind::Notice => d.with_labels::<Notice>(),
    };
    let mut r = crate::json::Reader::new(text);
    if keys {
        r.keep_top_keys();
    }
    let mut out = Findings::default();
    let value = match kind {
        DocumentKind::Summary => match read_text::<SummaryTable>(&mut r, &tree_now, &mut d).ok()? {
            Some(t) => {
                blank_items(&t, "", &mut d);
                let written = unread_satisfaction(&t) && written("/reach/satisfaction")?;
                let ctx = Ctx {
                    summary: Some((&t, "")),
                    plan: plan.map(|p| (p, "plan#")),
                    satisfaction_written: written,
                    ..Ctx::new(DocumentKind::Summary, notice)
                };
                run(&ctx, &mut out);
                Some(Document::Summary(t))
            }
            None => None,
        },
        DocumentKind::Plan => read_text::<ActivityPlan>(&mut r, &tree_now, &mut d).ok()?.map(|p| {
            let ctx = Ctx { plan: Some((&p, "")), ..Ctx::new(DocumentKind::Plan, notice) };
            run(&ctx, &mut out);
            Document::Plan(p)
        }),
        DocumentKind::Submission => match read_text::<Submission>(&mut r, &tree_now, &mut d).ok()? {
            Some(s) => {
                if let Some(t) = &s.summary {
                    blank_items(t, "/summary", &mut d);
                }
                let written = s.summary.as_ref().is_some_and(unread_satisfaction)
                    && written("/summary/reach/satisfaction")?;
                run(&submission_ctx(&s, notice, written), &mut out);
                Some(Document::Submission(s))
            }
            None => None,
        },
        DocumentKind::Notice => read_text::<Notice>(&mut r, &tree_now, &mut d).ok()?.map(|n| {
            let ctx = Ctx::new(DocumentKind::Notice, &n);
            run(&ctx, &mut out);
            Document::Notice(n)
        }),
    };
    let diagnostics = field_diagnostics_of(d.diagnostics, field, out);
    Some((Outcome { value, diagnostics }, r.top_keys().to_vec()))
}

/// A summary with a `reach` row but no satisfaction read from it.
fn unread_satisfaction(t: &SummaryTable<'_>) -> bool {
    t.reach.as_ref().is_some_and(|r| r.satisfaction.is_none())
}

/// Whether a summary's tree holds a value other than `null` at `/reach/satisfaction`.
fn satisfaction_written(summary: &Json<'_>) -> bool {
    summary.pointer("/reach/satisfaction").is_some_and(|v| !v.is_null())
}

/// [`decode_checked`] from the text: the whole text is one `T`; a field check's excerpt is
/// taken from the tree, read only when one is asked for (`tree`).
fn read_text<'j, 'a, T: Decode<'a> + FieldRules + Labelled>(
    r: &mut crate::json::Reader<'a>,
    tree: &'j dyn Fn() -> Option<&'j Json<'j>>,
    d: &mut Decoder,
) -> Result<Option<T>, Unsure> {
    let t = T::decode_text(r, d)?;
    r.finish()?;
    let Some(t) = t else { return Ok(None) };
    t.field_rules(d, &LazyRaw { tree });
    Ok(Some(t))
}

/// The year a document states of itself: `/year`, else `/summary/year` (a submission).
fn own_year(v: &Value) -> Option<i32> {
    let at = |p: &str| v.pointer(p).and_then(Value::as_i64).and_then(|y| i32::try_from(y).ok());
    at("/year").or_else(|| at("/summary/year")).filter(|y| (1900..=2200).contains(y))
}

/// Reads a context document (a notice or a plan given alongside the input): decoding problems
/// come back tagged with `document` so they are not mistaken for problems of the input.
///
/// With no notice to give the week's year, a cell written as text is read against the
/// document's own year (`/year`, or `/summary/year` of a submission), so 「2019年参与人数达5万人」
/// in a 2021 总结表 is another year's figure whether or not a notice comes with it; a document
/// without a year leaves a written year unjudged.
pub(crate) fn read_context<'v, T: Decode<'v> + FieldRules + Labelled>(
    v: &'v Value,
    document: &str,
) -> Outcome<T> {
    let mut d = Decoder::new("").with_labels::<T>().with_year(own_year(v));
    let value = decode_checked::<T>(&Json::borrowed(v), &mut d);
    let diagnostics = d
        .diagnostics
        .into_iter()
        .map(|mut x| {
            x.document = Some(document.to_owned());
            x
        })
        .collect();
    Outcome { value, diagnostics }
}
