//! Reading a document without checking it against a notice (a binding's `from_json`).

use crate::api::*;
use crate::catalog::{Diagnostic, DocumentKind};
use crate::decode::parse_json;
use crate::plan::ActivityPlan;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A document read without being checked against a notice (a binding's `from_json`): the
/// document as read, and the findings of reading it (decoding and field constraints; for a
/// notice also its own coherence, as when it is given as `options.notice`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReadAnswer {
    /// 可读 / true when the document is usable as it is: no reading error other than a missing
    /// or blank row (the policy for a plan given as context), and for a notice none at all.
    pub ok: bool,
    /// 文档类型 / the kind read.
    pub kind: DocumentKind,
    /// 读取发现 / the findings of reading (no rule against a notice).
    pub diagnostics: Vec<Diagnostic>,
    /// 规范化文档 / the document as read (absent when nothing could be read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<Value>,
}

/// Reads a document of `kind` from JSON text without validating it against a notice.
///
/// ```
/// use learning_week::{ffi, DocumentKind};
/// let a = ffi::read(DocumentKind::Summary, r#"{"host_unit": "东湖区", "participation": {"participants": 5}}"#);
/// assert!(a.ok); // rows are missing and no notice rule ran: still a readable 总结表
/// assert_eq!(a.document.unwrap()["participation"]["participants"], 5);
/// let bad = ffi::read(DocumentKind::Summary, r#"{"year": "x"}"#);
/// assert!(!bad.ok && bad.diagnostics.iter().any(|d| d.code == "type.invalid" && d.path == "/year"));
/// assert!(!ffi::read(DocumentKind::Plan, "[1]").ok);
/// assert_eq!(ffi::read(DocumentKind::Plan, "{").diagnostics[0].code, "json.syntax");
/// ```
pub fn read(kind: DocumentKind, input: &str) -> ReadAnswer {
    let v = match parse_json(input) {
        Ok(v) => v,
        Err(d) => return ReadAnswer { ok: false, kind, diagnostics: vec![d], document: None },
    };
    let (document, diagnostics) = match kind {
        DocumentKind::Summary => read_as::<crate::SummaryTable>(&v),
        DocumentKind::Plan => read_as::<ActivityPlan>(&v),
        DocumentKind::Submission => read_as::<crate::Submission>(&v),
        DocumentKind::Notice => {
            let options = ValidateOptions { notice: Some(v), plan: None };
            match resolve_notice(&options) {
                Ok(n) => (serde_json::to_value(n).ok(), Vec::new()),
                // The notice is the document here, not a context.
                Err(diags) => (None, diags.into_iter().map(|d| Diagnostic { document: None, ..d }).collect()),
            }
        }
    };
    let ok = document.is_some() && readable(&diagnostics);
    ReadAnswer { ok, kind, diagnostics, document }
}
