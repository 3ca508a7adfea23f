//! The one binding-facing API: serde request and answer types in and out, plus `*_json`
//! variants for callers that hold only strings (syntax errors then keep line and column).
//!
//! The Python and WebAssembly packages and the CLI only re-export and convert these; they hold
//! no rule, no message and no default. Bad input never panics and never throws: it comes back
//! as diagnostics.

use crate::decode::parse_json;
use crate::diagnostic::{Diagnostic, Severity};
use crate::notice::Notice;
use crate::plan::ActivityPlan;
use crate::rules::RuleDescriptor;
use crate::validate::{read_context, validate_value as engine};
pub use crate::DocumentKind;
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
}

/// Reads a context document given as an object or as JSON text.
fn context_value(v: &Value, document: &str) -> Result<Value, Vec<Diagnostic>> {
    match v {
        Value::String(text) => parse_json(text).map_err(|mut d| {
            d.document = Some(document.to_owned());
            vec![d]
        }),
        other => Ok(other.clone()),
    }
}

/// Resolves the notice of `options`: the given one (decoded and checked) or the built-in default.
/// Errors in a given notice come back tagged `document: "notice"`.
///
/// ```
/// use learning_week::api::{resolve_notice, ValidateOptions};
/// assert_eq!(resolve_notice(&ValidateOptions::default()).unwrap().year, Some(2021));
/// let bad = ValidateOptions { notice: Some(serde_json::json!({"year": "x"})), plan: None };
/// let errs = resolve_notice(&bad).unwrap_err();
/// assert!(errs.iter().all(|d| d.document.as_deref() == Some("notice")));
/// ```
pub fn resolve_notice(options: &ValidateOptions) -> Result<Notice, Vec<Diagnostic>> {
    let Some(v) = options.notice.as_ref().filter(|v| !v.is_null()) else {
        return Ok(Notice::nanchang_2021());
    };
    let v = context_value(v, "notice")?;
    let outcome = read_context::<Notice>(&v, "notice");
    let mut problems: Vec<Diagnostic> = outcome.diagnostics;
    if let Some(n) = &outcome.value {
        problems.extend(
            crate::validate::check_notice(n).into_iter().filter(|d| d.code.starts_with("notice.")).map(
                |mut d| {
                    d.document = Some("notice".into());
                    d
                },
            ),
        );
    }
    match outcome.value {
        Some(n) if !problems.iter().any(|d| d.severity == Severity::Error) => Ok(n),
        _ => Err(problems),
    }
}

fn resolve_plan(options: &ValidateOptions) -> Result<Option<ActivityPlan>, Vec<Diagnostic>> {
    let Some(v) = options.plan.as_ref().filter(|v| !v.is_null()) else { return Ok(None) };
    let v = context_value(v, "plan")?;
    let outcome = read_context::<ActivityPlan>(&v, "plan");
    let structural_errors = outcome
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error && d.code != "row.missing" && d.code != "row.blank");
    match outcome.value {
        Some(p) if !structural_errors => Ok(Some(p)),
        _ => Err(outcome.diagnostics),
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
    let notice = match resolve_notice(options) {
        Ok(n) => n,
        Err(diags) => return ValidationAnswer::from_diagnostics(kind, diags, None),
    };
    let plan = match resolve_plan(options) {
        Ok(p) => p,
        Err(diags) => return ValidationAnswer::from_diagnostics(kind, diags, None),
    };
    let outcome = engine(kind, input, &notice, plan.as_ref());
    let kind = outcome.value.as_ref().map(|d| d.kind()).or(kind);
    let document = outcome.value.as_ref().map(|d| d.to_json());
    ValidationAnswer::from_diagnostics(kind, outcome.diagnostics, document)
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
    match parse_json(input) {
        Ok(v) => validate_value(kind, &v, options),
        Err(d) => ValidationAnswer::from_diagnostics(kind, vec![d], None),
    }
}

/// A validation request as one JSON object, for callers that hold only strings.
///
/// ```
/// use learning_week::api::ValidateRequest;
/// let r: ValidateRequest = serde_json::from_str(r#"{"kind": "summary", "input": {"host_unit": "东湖区"}}"#).unwrap();
/// assert!(r.options.notice.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ValidateRequest {
    /// 文档类型 / the kind; absent → detected.
    #[serde(default)]
    pub kind: Option<DocumentKind>,
    /// 输入 / the document (an object, or its JSON text to keep line and column).
    pub input: Value,
    /// 校验依据 / notice and plan.
    #[serde(flatten)]
    pub options: ValidateOptions,
}

/// Answers a [`ValidateRequest`] given as JSON text with a [`ValidationAnswer`] as JSON text.
/// A malformed request is answered, not thrown.
///
/// ```
/// let out = learning_week::api::validate_request_json(r#"{"input": "{\"host_unit\": 1}"}"#);
/// let a: serde_json::Value = serde_json::from_str(&out).unwrap();
/// assert_eq!(a["valid"], false);
/// ```
pub fn validate_request_json(request: &str) -> String {
    let answer = match parse_json(request) {
        Err(d) => ValidationAnswer::from_diagnostics(None, vec![d], None),
        Ok(v) => match serde_json::from_value::<ValidateRequest>(v) {
            Err(e) => {
                let mut d = crate::rules::make(
                    &crate::rules::structural::TYPE_INVALID,
                    String::new(),
                    crate::rules::params! {"expected" => "{kind?, input, notice?, plan?}", "found" => e.to_string()},
                    None,
                );
                d.document = Some("request".into());
                ValidationAnswer::from_diagnostics(None, vec![d], None)
            }
            Ok(req) => match &req.input {
                Value::String(text) => validate_json(req.kind, text, &req.options),
                other => validate_value(req.kind, other, &req.options),
            },
        },
    };
    to_json_string(&answer)
}

/// Serialises any answer; serialisation of our own types cannot fail, but if it ever did the
/// caller still gets JSON, not a panic.
pub fn to_json_string<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| format!("{{\"error\":{}}}", Value::String(e.to_string())))
}

/// The rule catalog (every code with severity, documents, fields read, zh/en descriptions).
///
/// ```
/// assert!(learning_week::api::rules().iter().any(|r| r.code == "submission.late"));
/// ```
pub fn rules() -> Vec<RuleDescriptor> {
    crate::rules::catalog()
}

/// The built-in 2021 Nanchang notice as JSON.
///
/// ```
/// assert_eq!(learning_week::api::default_notice()["theme"], "庆建党百年华诞，谱终身学习新篇");
/// ```
pub fn default_notice() -> Value {
    serde_json::to_value(Notice::nanchang_2021_ref()).unwrap_or(Value::Null)
}
