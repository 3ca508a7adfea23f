//! Exports (feature `export`): the filled 总结表 as Word, the roll-up as Excel and HTML.

use super::*;
use crate::catalog::{Diagnostic, DocumentKind};
use crate::decode::parse_json;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

// ---- export (feature `export`: Word, Excel, HTML) ----

#[cfg(feature = "export")]
pub use crate::export::{rollup_html, rollup_html_fragment, rollup_xlsx, summary_docx, ExportError};

/// The options of an export, as JSON text for bindings: `{notice?, kind?}` (the notice gives
/// the city of the form's title; absent → the built-in 2021 Nanchang notice).
#[cfg(feature = "export")]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ExportOptions {
    /// 文档类型 / `summary` or `submission`; absent → detected from the keys.
    #[serde(default)]
    pub kind: Option<DocumentKind>,
    /// 通知 / the notice (object or JSON text).
    #[serde(default)]
    pub notice: Option<Value>,
}

/// Reads the 总结表 to export from JSON text: a bare 总结表, or a submission (its `summary`);
/// `kind` says which, absent → told from the keys as `validate` does. A half-filled table is
/// fine (its empty rows print empty); a value of the wrong type, a submission without
/// `summary`, or another kind of document is not.
///
/// ```
/// use learning_week::api::{summary_for_export, DocumentKind};
/// let t = summary_for_export(r#"{"submitted_at": "2021-12-01T10:00:00+08:00", "summary": {"host_unit": "东湖区"}}"#, None).unwrap();
/// assert_eq!(t.host_unit.as_deref(), Some("东湖区"));
/// assert_eq!(summary_for_export(r#"{"activities": []}"#, None).unwrap_err()[0].code, "type.invalid");
/// assert_eq!(summary_for_export(r#"{"materials": []}"#, None).unwrap_err()[0].code, "row.missing");
/// assert!(summary_for_export("{}", Some(DocumentKind::Summary)).is_ok()); // an empty form
/// ```
#[cfg(feature = "export")]
pub fn summary_for_export(
    input: &str,
    kind: Option<DocumentKind>,
) -> Result<crate::SummaryTable<'static>, Vec<Diagnostic>> {
    use crate::catalog::{make, params, structural as st};
    let v = parse_json(input).map_err(|d| vec![d])?;
    let kind = kind.or_else(|| DocumentKind::detect(&v));
    let (document, diagnostics) = match kind {
        Some(DocumentKind::Submission) => read_as::<crate::Submission>(&v),
        Some(DocumentKind::Summary) => read_as::<crate::SummaryTable>(&v),
        other => {
            let found =
                other.map_or_else(|| crate::decode::value_type(&v).to_owned(), |k| k.as_str().to_owned());
            let expected = "总结表 (summary) or submission";
            return Err(vec![make(
                &st::TYPE_INVALID,
                String::new(),
                params! {"expected" => expected, "found" => found},
                None,
            )]);
        }
    };
    if !readable(&diagnostics) {
        return Err(diagnostics);
    }
    let table = match (kind, document) {
        (Some(DocumentKind::Submission), Some(mut d)) => match d.get_mut("summary").map(Value::take) {
            Some(t) if t.is_object() => t,
            _ => {
                let p = params! {"row" => "summary", "label" => "总结表"};
                return Err(vec![make(&st::ROW_MISSING, "/summary".into(), p, None)]);
            }
        },
        (_, Some(d)) => d,
        (_, None) => return Err(diagnostics),
    };
    // The document as read is core's own JSON: it reads back without loss.
    serde_json::from_value(table).map_err(|e| {
        vec![make(
            &st::TYPE_INVALID,
            String::new(),
            params! {"expected" => "总结表", "found" => e.to_string()},
            None,
        )]
    })
}

/// A roll-up from its JSON text (as [`aggregate_json`] answers it, or a binding holds it).
#[cfg(feature = "export")]
pub(crate) fn rollup_from_json(rollup: &str) -> Result<crate::aggregate::CityRollup, ExportError> {
    let v = parse_json(rollup).map_err(|d| ExportError::Input(vec![d]))?;
    serde_json::from_value(v)
        .map_err(|e| ExportError::Input(vec![argument_error("rollup", "CityRollup", e.to_string())]))
}
