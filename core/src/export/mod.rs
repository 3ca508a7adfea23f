//! 导出: the filled 总结表 as a Word file in the attachment's layout, and the city roll-up as an
//! Excel workbook and a self-contained HTML report (feature `export`; not in the WebAssembly
//! package).
//!
//! Figures are written as people wrote them: a count keeps its qualifier (约3.5万人次 stays
//! approximate), and the text it was read from is shown only when it still says the same
//! number with the same qualifier; otherwise the count is rendered from its value and
//! qualifier ([`Count::display_zh`]). Nothing is made more precise than it was.
//!
//! ```
//! use learning_week::{export, Notice, SummaryTable};
//! let t: SummaryTable = serde_json::from_str(r#"{"year": 2021, "host_unit": "东湖区",
//!     "participation": {"participants": {"value": 35000, "qualifier": "approx", "unit": "人次", "source": "约3.5万人次"}}}"#).unwrap();
//! let docx = export::summary_docx(&t, &Notice::nanchang_2021()).unwrap();
//! assert_eq!(&docx[..2], b"PK"); // a zip container
//! let rows = export::form_rows(&t);
//! assert_eq!(rows.iter().find(|r| r.label == "参加活动人数").unwrap().paragraphs, vec!["约3.5万人次"]);
//! ```

mod docx;
mod form;
mod html;
mod xlsx;

pub use docx::summary_docx;
pub use form::{count_text, form_rows, satisfaction_text, FormRow, CLOSING_LINE};
pub use html::{rollup_html, rollup_html_fragment};
pub use xlsx::rollup_xlsx;

/// 导出错误 / why a file could not be made: the input could not be read as the document
/// exported (its diagnostics say why), or a writer failed. A half-filled 总结表 is no error:
/// a missing row is an empty cell.
///
/// ```
/// let e = learning_week::export::ExportError::Zip("disk full".into());
/// assert!(e.to_string().contains("disk full"));
/// ```
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ExportError {
    /// 输入无法使用 / the input is not a readable 总结表, submission or roll-up.
    #[error("输入无法使用 / the input cannot be used: {}", .0.iter().map(|d| format!("{} at {}: {}", d.code, if d.path.is_empty() { "/" } else { &d.path }, d.message_en)).collect::<Vec<_>>().join("; "))]
    Input(Vec<crate::catalog::Diagnostic>),
    /// 压缩包写入失败 / the .docx container could not be written.
    #[error("无法写入 .docx 压缩包 / cannot write the .docx container: {0}")]
    Zip(String),
    /// 工作簿写入失败 / the .xlsx workbook could not be written.
    #[error("无法写入 .xlsx 工作簿 / cannot write the .xlsx workbook: {0}")]
    Xlsx(String),
}

/// Text as XML 1.0 allows it: characters XML cannot carry (C0 controls other than tab and
/// line breaks, lone surrogates cannot occur in `str`, U+FFFE/U+FFFF) become U+FFFD, so a
/// hostile string cannot break the file.
pub(crate) fn xml_safe_char(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => c,
        '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => '\u{fffd}',
        _ => c,
    }
}

/// Escapes text for XML and HTML element content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().map(xml_safe_char) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;
