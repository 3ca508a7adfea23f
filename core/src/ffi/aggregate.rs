//! The roll-up as the bindings call it.

use super::*;
use crate::api::*;
use crate::catalog::Diagnostic;
use crate::decode::parse_json;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The options of a binding's roll-up: [`AggregateRequest`] without `submissions`, with
/// `grace_days` beside `notice` and `plans`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AggregateBindingOptions {
    /// 通知 / the notice (object or JSON text); absent → the built-in 2021 Nanchang notice.
    #[serde(default)]
    pub notice: Option<Value>,
    /// 活动方案 / plans sent separately.
    #[serde(default)]
    pub plans: Vec<Value>,
    /// 宽限天数 / grace days; absent → the notice's.
    #[serde(default)]
    pub grace_days: Option<u32>,
}

/// A roll-up as a binding calls it: the submissions (a JSON array of items, see
/// [`AggregateRequest`]) and the options as JSON text (`null` → defaults).
///
/// ```
/// let a = learning_week::ffi::aggregate(r#"["{", {"summary": {"year": 2021, "host_unit": "东湖区"}}]"#, "null");
/// assert_eq!(a.rollup.unwrap().accounting.rejected.len(), 1);
/// assert!(!learning_week::ffi::aggregate("{}", "null").ok);
/// ```
pub fn aggregate(submissions: &str, options: &str) -> AggregateAnswer {
    aggregate_on(None, submissions, options)
}

/// A binding's `submissions` argument: a JSON array, or the failure that says why not.
pub(crate) fn submissions_array(submissions: &str) -> Result<Vec<Value>, Vec<Diagnostic>> {
    match parse_json(submissions) {
        Ok(Value::Array(items)) => Ok(items),
        Ok(other) => {
            let found = crate::decode::value_type(&other).to_owned();
            Err(vec![argument_error("submissions", "array", found)])
        }
        Err(mut d) => {
            d.document = Some("submissions".into());
            Err(vec![d])
        }
    }
}

/// [`aggregate_binding`] with a compiled validator (then a `notice` in the options is refused).
pub(crate) fn aggregate_on(
    validator: Option<&Validator>,
    submissions: &str,
    options: &str,
) -> AggregateAnswer {
    let submissions = match submissions_array(submissions) {
        Ok(items) => items,
        Err(diags) => return AggregateAnswer::failure(diags),
    };
    let options: AggregateBindingOptions = match options_json(options, "{notice?, plans?, grace_days?}") {
        Ok(o) => o,
        Err(diags) => return AggregateAnswer::failure(diags),
    };
    let request = AggregateRequest {
        notice: options.notice,
        submissions,
        plans: options.plans,
        options: crate::aggregate::AggregateOptions { grace_days: options.grace_days },
    };
    match validator {
        None => aggregate_value(&request),
        Some(_) if request.notice.as_ref().is_some_and(|n| !n.is_null()) => {
            let found = "notice (it belongs to the Validator, given once when it is built)".to_owned();
            AggregateAnswer::failure(vec![argument_error("options", "{plans?, grace_days?}", found)])
        }
        Some(v) => aggregate_with(v, &request),
    }
}

/// [`aggregate_json`] with the answer as JSON text, for callers that hold only strings.
///
/// ```
/// let out = learning_week::ffi::aggregate_request_text(r#"{"submissions": []}"#);
/// let v: serde_json::Value = serde_json::from_str(&out).unwrap();
/// assert_eq!(v["rollup"]["expected_units"], 13);
/// ```
pub fn aggregate_request_text(request: &str) -> String {
    to_json_string(&aggregate_json(request))
}
