//! The roll-up for Rust callers: the request, the answer, and its entry points.

use super::*;
use crate::catalog::Diagnostic;
use crate::decode::parse_json;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

// ---- aggregation ----

/// A roll-up request: the notice, the submissions, optional plans and options.
///
/// Each item of `submissions` and `plans` is the document itself (a JSON object), its JSON text
/// (a string), or a wrapper `{"id"?: "...", "input": <object or text>}` / `{"id"?: "...",
/// "input_text": "..."}` to name it (a wrapper is an object whose keys are only `id`, `input`,
/// `input_text`). A submission may also be a bare 总结表 or a plan (then used as a plan).
///
/// ```
/// use learning_week::api::AggregateRequest;
/// let r: AggregateRequest = serde_json::from_str(r#"{"submissions": [{"input_text": "{"}], "options": {"grace_days": 1}}"#).unwrap();
/// assert_eq!(r.options.grace_days, Some(1));
/// assert!(r.plans.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AggregateRequest {
    /// 通知 / the notice (object or JSON text); absent → the built-in 2021 Nanchang notice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<Value>,
    /// 报送材料 / the submissions received.
    #[serde(default)]
    pub submissions: Vec<Value>,
    /// 活动方案 / plans sent separately (used for topic coverage).
    #[serde(default)]
    pub plans: Vec<Value>,
    /// 汇总选项 / options (grace days).
    #[serde(default)]
    pub options: crate::aggregate::AggregateOptions,
}

/// The answer to a roll-up: the roll-up, or (when the notice or the request itself is unusable)
/// the diagnostics saying why. An unreadable submission is never a failure: it is a rejected input.
///
/// ```
/// use learning_week::api::{aggregate_value, AggregateRequest};
/// let a = aggregate_value(&AggregateRequest::default());
/// assert!(a.ok);
/// assert_eq!(a.rollup.unwrap().expected_units, 13);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AggregateAnswer {
    /// 是否成功 / true when a roll-up was produced.
    pub ok: bool,
    /// 诊断 / why no roll-up was produced (a bad notice or request).
    pub diagnostics: Vec<Diagnostic>,
    /// 全市汇总 / the roll-up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rollup: Option<crate::aggregate::CityRollup>,
}

impl AggregateAnswer {
    pub(crate) fn failure(diagnostics: Vec<Diagnostic>) -> Self {
        AggregateAnswer { ok: false, diagnostics, rollup: None }
    }
}

/// Reads one request item (document, text, `{id, input | input_text}` wrapper, or `{id,
/// unreadable}` for a file the front door could not read) as an input.
///
/// ```
/// use learning_week::api::aggregate_input;
/// use learning_week::aggregate::InputContent;
/// let i = aggregate_input(&serde_json::json!({"id": "a.json", "input_text": "{"}));
/// assert_eq!(i.id.as_deref(), Some("a.json"));
/// assert_eq!(i.content, InputContent::Text("{".into()));
/// assert!(matches!(aggregate_input(&serde_json::json!({"summary": {}})).content, InputContent::Json(_)));
/// let lost = aggregate_input(&serde_json::json!({"id": "a.docx", "unreadable": "cannot read: broken link"}));
/// assert_eq!(lost.content, InputContent::Unreadable("cannot read: broken link".into()));
/// ```
pub fn aggregate_input(item: &Value) -> crate::aggregate::AggregateInput {
    use crate::aggregate::AggregateInput;
    // `{id, unreadable}`: a file the front door could not read (a broken link, no permission),
    // still one input of the roll-up, rejected with the reason it gives.
    if let Some(o) = item.as_object().filter(|o| o.keys().all(|k| matches!(k.as_str(), "id" | "unreadable")))
    {
        if let Some(detail) = o.get("unreadable").and_then(Value::as_str) {
            return AggregateInput::unreadable(o.get("id").and_then(Value::as_str), detail);
        }
    }
    let wrapper = item.as_object().filter(|o| {
        (o.contains_key("input") || o.contains_key("input_text"))
            && o.keys().all(|k| matches!(k.as_str(), "id" | "input" | "input_text"))
    });
    let (id, body) = match wrapper {
        Some(o) => (
            o.get("id").and_then(Value::as_str),
            o.get("input_text").or_else(|| o.get("input")).unwrap_or(&Value::Null),
        ),
        None => (None, item),
    };
    match body {
        Value::String(text) => AggregateInput::text(id, text.clone()),
        other => AggregateInput::json(id, other.clone()),
    }
}

/// Rolls up a request given as a value. Never panics; an unusable notice comes back as
/// diagnostics tagged `document: "notice"`.
///
/// ```
/// use learning_week::api::{aggregate_value, AggregateRequest};
/// let req = AggregateRequest {
///     submissions: vec![
///         serde_json::json!({"submitted_at": "2021-12-06T09:00:00+08:00", "summary": {"year": 2021, "host_unit": "东湖区"}}),
///         serde_json::json!("not json"),
///     ],
///     ..Default::default()
/// };
/// let r = aggregate_value(&req).rollup.unwrap();
/// assert_eq!(r.late_units[0].days_late, 1);
/// assert_eq!(r.accounting.rejected.len(), 1);
/// ```
pub fn aggregate_value(request: &AggregateRequest) -> AggregateAnswer {
    let options = ValidateOptions { notice: request.notice.clone(), plan: None };
    match Validator::from_options(&options) {
        Ok(v) => aggregate_with(&v, request),
        Err(e) => AggregateAnswer::failure(e.diagnostics),
    }
}

/// A roll-up request answered on a compiled validator (its `notice` is not read again).
pub(crate) fn aggregate_with(validator: &Validator, request: &AggregateRequest) -> AggregateAnswer {
    let inputs: Vec<crate::aggregate::AggregateInput> = request
        .submissions
        .iter()
        .map(aggregate_input)
        .chain(request.plans.iter().map(|p| aggregate_input(p).as_plan()))
        .collect();
    let rollup = validator.aggregate(&inputs, &request.options);
    AggregateAnswer { ok: true, diagnostics: Vec::new(), rollup: Some(rollup) }
}

/// Rolls up a request given as JSON text; a malformed request is answered, not thrown.
///
/// ```
/// let a = learning_week::api::aggregate_json(r#"{"submissions": ["{", {"input_text": "[1"}]}"#);
/// assert_eq!(a.rollup.unwrap().accounting.rejected.len(), 2);
/// assert!(!learning_week::api::aggregate_json("{").ok);
/// ```
pub fn aggregate_json(request: &str) -> AggregateAnswer {
    match parse_json(request) {
        Err(d) => AggregateAnswer::failure(vec![d]),
        Ok(v) => match serde_json::from_value::<AggregateRequest>(v) {
            Ok(req) => aggregate_value(&req),
            Err(e) => AggregateAnswer::failure(vec![argument_error(
                "request",
                "{notice?, submissions, plans?, options?}",
                e.to_string(),
            )]),
        },
    }
}
