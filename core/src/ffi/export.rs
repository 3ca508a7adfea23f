//! Exports as the bindings call them: JSON text in, bytes or HTML out.

use super::*;
use crate::api::*;

/// The filled 总结表 of JSON text (a 总结表 or a submission) as the bytes of a .docx file, with
/// the options as JSON text (`{notice?, kind?}`, `null` → defaults). Unusable input or options come
/// back as [`ExportError::Input`] with the diagnostics.
///
/// ```
/// use learning_week::{api::ExportError, ffi::summary_docx_from_text};
/// let docx = summary_docx_from_text(r#"{"host_unit": "东湖区"}"#, "null").unwrap();
/// assert_eq!(&docx[..2], b"PK");
/// assert!(matches!(summary_docx_from_text("{", "null"), Err(ExportError::Input(d)) if d[0].code == "json.syntax"));
/// ```
#[cfg(feature = "export")]
pub fn summary_docx_from_text(input: &str, options: &str) -> Result<Vec<u8>, ExportError> {
    let options: ExportOptions = options_json(options, "{notice?, kind?}").map_err(ExportError::Input)?;
    let notice = resolve_notice(&ValidateOptions { notice: options.notice, plan: None })
        .map_err(ExportError::Input)?;
    let table = summary_for_export(input, options.kind).map_err(ExportError::Input)?;
    summary_docx(&table, &notice)
}

/// The roll-up of JSON text as the bytes of an .xlsx workbook ([`rollup_xlsx`]).
///
/// ```
/// let r = learning_week::api::aggregate_json(r#"{"submissions": []}"#).rollup.unwrap();
/// let xlsx = learning_week::ffi::rollup_xlsx_from_text(&serde_json::to_string(&r).unwrap()).unwrap();
/// assert_eq!(&xlsx[..2], b"PK");
/// assert!(learning_week::ffi::rollup_xlsx_from_text("{}").is_err());
/// ```
#[cfg(feature = "export")]
pub fn rollup_xlsx_from_text(rollup: &str) -> Result<Vec<u8>, ExportError> {
    rollup_xlsx(&rollup_from_json(rollup)?)
}

/// The roll-up of JSON text as a self-contained HTML page ([`rollup_html`]).
///
/// ```
/// let r = learning_week::api::aggregate_json(r#"{"submissions": []}"#).rollup.unwrap();
/// let html = learning_week::ffi::rollup_html_from_text(&serde_json::to_string(&r).unwrap()).unwrap();
/// assert!(html.starts_with("<!DOCTYPE html>"));
/// ```
#[cfg(feature = "export")]
pub fn rollup_html_from_text(rollup: &str) -> Result<String, ExportError> {
    Ok(rollup_html(&rollup_from_json(rollup)?))
}

/// The roll-up of JSON text as an HTML fragment for notebooks ([`rollup_html_fragment`]).
///
/// ```
/// let r = learning_week::api::aggregate_json(r#"{"submissions": []}"#).rollup.unwrap();
/// let html = learning_week::ffi::rollup_html_fragment_from_text(&serde_json::to_string(&r).unwrap()).unwrap();
/// assert!(html.contains("<table"));
/// ```
#[cfg(feature = "export")]
pub fn rollup_html_fragment_from_text(rollup: &str) -> Result<String, ExportError> {
    Ok(rollup_html_fragment(&rollup_from_json(rollup)?))
}
