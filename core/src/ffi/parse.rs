//! The text parsers and the label import as the bindings call them (JSON text in and out).

use crate::api::*;
use crate::catalog::Diagnostic;
use crate::decode::parse_json;
use serde::Serialize;
use serde_json::Value;

/// [`parse_text`] for a request given as JSON text; a malformed request is answered, not thrown.
///
/// ```
/// let out = learning_week::ffi::parse_request_text(r#"{"parser": "period", "text": "11月22日至28日", "year": 2021}"#);
/// let a: serde_json::Value = serde_json::from_str(&out).unwrap();
/// assert_eq!(a["value"]["start"], "2021-11-22");
/// ```
pub fn parse_request_text(request: &str) -> String {
    let refused = |error: Diagnostic| ParseAnswer { ok: false, value: None, error: Some(error) };
    let answer = match parse_json(request) {
        Err(d) => refused(d),
        Ok(v) => match serde_json::from_value::<ParseRequest>(v) {
            Ok(req) => parse_text(&req),
            Err(e) => refused(crate::catalog::make(
                &crate::catalog::structural::TYPE_INVALID,
                String::new(),
                crate::catalog::params! {"expected" => "{parser, text, year?, of_kind?}", "found" => e.to_string()},
                None,
            )),
        },
    };
    to_json_string(&answer)
}

/// Imports a 总结表 from a JSON object of form label → cell text
/// ([`SummaryTable::from_labeled_text`](crate::SummaryTable::from_labeled_text)); answers
/// `{summary, diagnostics}` as JSON text. A number as a cell is read as its digits; another
/// non-string cell is a `type.invalid` error at its pointer; input that is not a JSON object
/// answers `summary: null`.
///
/// ```
/// let out = learning_week::ffi::import_labels_text(r#"{"参加活动人数": "约3.5万人次", "备注": "见附件"}"#, Some(2021));
/// let a: serde_json::Value = serde_json::from_str(&out).unwrap();
/// assert_eq!(a["summary"]["participation"]["participants"]["qualifier"], "approx");
/// assert_eq!(a["summary"]["other"], "【备注】见附件");
/// assert_eq!(a["diagnostics"][1]["code"], "import.unknown_label");
/// let bad: serde_json::Value = serde_json::from_str(&learning_week::ffi::import_labels_text("[1]", None)).unwrap();
/// assert!(bad["summary"].is_null());
/// ```
pub fn import_labels_text(text: &str, year: Option<i32>) -> String {
    #[derive(Serialize)]
    struct Answer {
        summary: Option<crate::SummaryTable<'static>>,
        diagnostics: Vec<Diagnostic>,
    }
    let invalid = |path: String, expected: &str, found: &Value| {
        crate::catalog::make(
            &crate::catalog::structural::TYPE_INVALID,
            path,
            crate::catalog::params! {"expected" => expected, "found" => crate::decode::value_type(found)},
            Some(found),
        )
    };
    let map = match parse_json(text) {
        Ok(Value::Object(m)) => m,
        Ok(other) => {
            let d = invalid(String::new(), "object of label → text", &other);
            return to_json_string(&Answer { summary: None, diagnostics: vec![d] });
        }
        Err(d) => return to_json_string(&Answer { summary: None, diagnostics: vec![d] }),
    };
    let mut bad = Vec::new();
    let mut cells = Vec::new();
    for (label, v) in map {
        match v {
            Value::String(s) => cells.push((label, s)),
            Value::Number(n) => cells.push((label, n.to_string())),
            Value::Null => {}
            other => {
                bad.push(invalid(format!("/{}", crate::catalog::escape_token(&label)), "string", &other))
            }
        }
    }
    let imported = crate::SummaryTable::from_labeled_text(cells, year);
    let mut diagnostics = bad;
    diagnostics.extend(imported.diagnostics);
    to_json_string(&Answer { summary: Some(imported.summary), diagnostics })
}
