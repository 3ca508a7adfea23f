//! Validation for Rust callers: options, the answer, and the one-shot entry points (a caller
//! that validates more than once compiles a [`Validator`]).

use super::*;
use crate::catalog::{Diagnostic, DocumentKind, Lang, Severity};
use crate::json::Json;
use crate::notice::Notice;
use crate::validate::read_context;
use crate::validate::Document;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What a validation is checked against.
///
/// ```
/// use learning_week::api::ValidateOptions;
/// let o: ValidateOptions = serde_json::from_str(r#"{"notice": null}"#).unwrap();
/// assert!(o.notice.is_none()); // the embedded 2021 Nanchang notice is used
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ValidateOptions {
    /// 通知 / the notice (a JSON object, or its JSON text); absent → the built-in 2021 Nanchang notice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<Value>,
    /// 活动方案 / the unit's plan to compare a 总结表 with (object or JSON text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<Value>,
}

/// The answer to a validation: never an exception, always data.
///
/// ```
/// use learning_week::api;
/// let a = api::validate_json(None, "{\"host_unit\": \"东湖区\"}", &Default::default());
/// assert_eq!(a.kind, Some(api::DocumentKind::Summary));
/// assert!(!a.valid);
/// assert_eq!(a.errors, a.diagnostics.iter().filter(|d| d.severity == learning_week::Severity::Error).count());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ValidationAnswer {
    /// 是否通过 / true when no diagnostic is an error.
    pub valid: bool,
    /// 文档类型 / the kind validated (given or detected); absent when it could not be told.
    pub kind: Option<DocumentKind>,
    /// 错误数 / number of errors.
    pub errors: usize,
    /// 警告数 / number of warnings.
    pub warnings: usize,
    /// 诊断 / every finding.
    pub diagnostics: Vec<Diagnostic>,
    /// 规范化文档 / the document as read (counts read from text become qualified objects).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<Value>,
}

impl ValidationAnswer {
    /// Builds an answer from diagnostics, counting severities.
    ///
    /// ```
    /// use learning_week::api::ValidationAnswer;
    /// let a = ValidationAnswer::from_diagnostics(None, vec![], None);
    /// assert!(a.valid);
    /// ```
    pub fn from_diagnostics(
        kind: Option<DocumentKind>,
        diagnostics: Vec<Diagnostic>,
        document: Option<Value>,
    ) -> Self {
        let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
        let warnings = diagnostics.iter().filter(|d| d.severity == Severity::Warning).count();
        ValidationAnswer { valid: errors == 0, kind, errors, warnings, diagnostics, document }
    }

    /// The codes of all diagnostics, in order.
    ///
    /// ```
    /// use learning_week::api;
    /// let a = api::validate_json(None, "[", &Default::default());
    /// assert_eq!(a.codes(), vec!["json.syntax"]);
    /// ```
    pub fn codes(&self) -> Vec<&str> {
        self.diagnostics.iter().map(|d| d.code.as_str()).collect()
    }

    /// Whether the input could not be used at all — not JSON, nested too deep, of no kind, not
    /// an object, or the notice, plan, options or pointer it came with unusable — rather than a
    /// document with problems. Front doors map it to their own signal (the CLI: exit 2, not 1).
    ///
    /// ```
    /// use learning_week::api::Validator;
    /// let v = Validator::default();
    /// assert!(v.validate_json(None, "[").input_unusable());
    /// assert!(v.validate_json(None, "{}").input_unusable()); // no kind can be told
    /// let bad = v.validate_json(None, r#"{"host_unit": "朝阳区"}"#);
    /// assert!(!bad.valid && !bad.input_unusable()); // a 总结表 with problems
    /// assert!(v.validate_field_json(None, r#"{"host_unit": "东湖区"}"#, "/nowhere").input_unusable());
    /// ```
    pub fn input_unusable(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::makes_input_unusable)
    }
}

/// Resolves the notice of `options`: the given one (decoded and checked) or the built-in default.
/// Errors in a given notice come back tagged `document: "notice"`. A caller that validates more
/// than once compiles a [`Validator`] instead.
///
/// ```
/// use learning_week::api::{resolve_notice, ValidateOptions};
/// assert_eq!(resolve_notice(&ValidateOptions::default()).unwrap().year, Some(2021));
/// let bad = ValidateOptions { notice: Some(serde_json::json!({"year": "x"})), plan: None };
/// let errs = resolve_notice(&bad).unwrap_err();
/// assert!(errs.iter().all(|d| d.document.as_deref() == Some("notice")));
/// ```
pub fn resolve_notice(options: &ValidateOptions) -> Result<Notice, Vec<Diagnostic>> {
    let notice_only = ValidateOptions { notice: options.notice.clone(), plan: None };
    Validator::from_options(&notice_only).map(|v| v.notice().model().clone()).map_err(|e| e.diagnostics)
}

/// Runs `f` with the validator of `options`, or answers with why it cannot be compiled.
pub(crate) fn with_validator<'i>(
    kind: Option<DocumentKind>,
    options: &ValidateOptions,
    f: impl FnOnce(&Validator) -> Typed<'i>,
) -> Typed<'i> {
    match Validator::from_options(options) {
        Ok(v) => f(&v),
        Err(e) => (ValidationAnswer::from_diagnostics(kind, e.diagnostics, None), None),
    }
}

/// Validates a JSON value. `kind` may be `None` to detect it from the keys.
///
/// ```
/// use learning_week::api::{self, DocumentKind};
/// let v = serde_json::json!({"participation": {"participants": -5}});
/// let a = api::validate_value(Some(DocumentKind::Summary), &v, &Default::default());
/// assert!(a.diagnostics.iter().any(|d| d.code == "count.negative" && d.path == "/participation/participants"));
/// ```
pub fn validate_value(
    kind: Option<DocumentKind>,
    input: &Value,
    options: &ValidateOptions,
) -> ValidationAnswer {
    with_value_document(tree_answer(kind, &Json::borrowed(input), None, options))
}

/// An answer without its `document`, and the document as read (typed): the whole document's,
/// never when only one field was re-checked.
pub(crate) type Typed<'a> = (ValidationAnswer, Option<Document<'a>>);

/// The answer as the public structs carry it: the document as a [`serde_json::Value`].
pub(crate) fn with_value_document((answer, document): Typed<'_>) -> ValidationAnswer {
    ValidationAnswer { document: document.map(|d| d.to_json()), ..answer }
}

/// Validates the reader's tree (one field of it when `field` is given).
pub(crate) fn tree_answer<'i>(
    kind: Option<DocumentKind>,
    input: &Json<'i>,
    field: Option<&str>,
    options: &ValidateOptions,
) -> Typed<'i> {
    with_validator(kind, options, |v| v.answer_tree(kind, input, field))
}

/// [`tree_answer`] for JSON text: malformed text is one `json.syntax` / `json.too_deep` finding.
pub(crate) fn text_answer<'i>(
    kind: Option<DocumentKind>,
    input: &'i str,
    field: Option<&str>,
    options: &ValidateOptions,
) -> Typed<'i> {
    with_validator(kind, options, |v| v.answer_text(kind, input, field))
}

/// Validates JSON text; malformed JSON gives one `json.syntax` diagnostic with line and column.
///
/// ```
/// use learning_week::api;
/// let a = api::validate_json(None, "{\"host_unit\": \"东湖区\",}", &Default::default());
/// assert_eq!(a.diagnostics[0].code, "json.syntax");
/// assert_eq!(a.diagnostics[0].params["line"], 1);
/// ```
pub fn validate_json(kind: Option<DocumentKind>, input: &str, options: &ValidateOptions) -> ValidationAnswer {
    with_value_document(text_answer(kind, input, None, options))
}

/// Re-checks one field of a document (per keystroke in a web form): the reading findings at or
/// below `pointer`, and the rules whose catalog entry reads that field (see [`rules`]).
///
/// ```
/// use learning_week::api;
/// let v = serde_json::json!({"host_unit": "东湖区", "year": "2021", "participation": {"main_venues": 0}});
/// let a = api::validate_field_value(None, &v, "/participation/main_venues", &Default::default());
/// assert_eq!(a.codes(), vec!["participation.no_main_venue"]); // the bad /year is not this field's business
/// ```
pub fn validate_field_value(
    kind: Option<DocumentKind>,
    input: &Value,
    pointer: &str,
    options: &ValidateOptions,
) -> ValidationAnswer {
    with_value_document(tree_answer(kind, &Json::borrowed(input), Some(pointer), options))
}

/// [`validate_field_value`] for JSON text.
///
/// ```
/// let a = learning_week::api::validate_field_json(None, "{\"host_unit\": \"朝阳区\"}", "/host_unit", &Default::default());
/// assert_eq!(a.codes(), vec!["unit.unknown"]);
/// ```
pub fn validate_field_json(
    kind: Option<DocumentKind>,
    input: &str,
    pointer: &str,
    options: &ValidateOptions,
) -> ValidationAnswer {
    with_value_document(text_answer(kind, input, Some(pointer), options))
}

impl ValidationAnswer {
    /// The answer with every diagnostic's `message` in `lang` (`message_en` stays English).
    ///
    /// ```
    /// use learning_week::api::{self, Lang};
    /// let a = api::validate_json(None, "[", &Default::default()).in_lang(Lang::En);
    /// assert_eq!(a.diagnostics[0].message, a.diagnostics[0].message_en);
    /// ```
    pub fn in_lang(mut self, lang: Lang) -> Self {
        if lang == Lang::En {
            for d in &mut self.diagnostics {
                d.message.clone_from(&d.message_en);
            }
        }
        self
    }
}

/// Whether reading findings leave a usable document: only a missing or blank row is allowed
/// among the errors (a value of the wrong type, out of range or too long is lost or unusable).
pub(crate) fn readable(diagnostics: &[Diagnostic]) -> bool {
    !diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error && d.code != "row.missing" && d.code != "row.blank")
}

pub(crate) fn read_as<'v, T>(v: &'v Value) -> (Option<Value>, Vec<Diagnostic>)
where
    T: crate::decode::Decode<'v> + crate::decode::FieldRules + crate::decode::Labelled + Serialize,
{
    let outcome = read_context::<T>(v, "");
    let diagnostics = outcome
        .diagnostics
        .into_iter()
        .map(|mut d| {
            d.document = None;
            d
        })
        .collect();
    (outcome.value.and_then(|t| serde_json::to_value(t).ok()), diagnostics)
}
