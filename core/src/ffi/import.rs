//! Word / Excel import as the bindings call it: bytes in, a typed or JSON-text answer out.

use super::*;
use crate::api::*;
use crate::catalog::Diagnostic;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The options of a binding's Word import: `{year?}` (an integer year), as JSON text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ImportOptions {
    /// 年度 / the year when neither a 年度 row nor the title gives one (usually the notice's).
    #[serde(default)]
    pub year: Option<i32>,
}

/// A .docx import as a binding calls it: the file's bytes, or `None` when the host value was
/// not bytes at all (`found` says what it was), and the options (`{year?}`) as JSON text. An
/// unusable argument — not bytes, a fractional or out-of-range year — is an answer with one
/// `type.invalid` diagnostic tagged `input` / `options`, never silently an empty file or no year.
///
/// ```
/// use learning_week::ffi::import_docx;
/// let a = import_docx(None, "number", "null");
/// assert_eq!((a.diagnostics[0].code.as_str(), a.diagnostics[0].document.as_deref()), ("type.invalid", Some("input")));
/// let a = import_docx(Some(b""), "", r#"{"year": 2021.5}"#);
/// assert_eq!(a.diagnostics[0].document.as_deref(), Some("options"));
/// assert_eq!(import_docx(Some(b""), "", r#"{"year": 2021}"#).diagnostics[0].code, "import.not_zip");
/// ```
pub fn import_docx(bytes: Option<&[u8]>, found: &str, options: &str) -> ImportAnswer {
    import_office_bytes(OfficeFormat::Docx, bytes, found, options)
}

/// [`import_docx`] answered as JSON text `{summary, diagnostics, errors, warnings, modified?}`.
///
/// ```
/// let v: serde_json::Value = serde_json::from_str(&learning_week::ffi::import_docx_text(b"PK", None)).unwrap();
/// assert!(v["summary"].is_null());
/// ```
pub fn import_docx_text(bytes: &[u8], year: Option<i32>) -> String {
    to_json_string(&crate::api::import_docx(bytes, year))
}

/// [`import_xlsx`] answered as JSON text.
///
/// ```
/// let v: serde_json::Value = serde_json::from_str(&learning_week::ffi::import_xlsx_text(b"", None)).unwrap();
/// assert_eq!(v["errors"], 1);
/// ```
pub fn import_xlsx_text(bytes: &[u8], year: Option<i32>) -> String {
    to_json_string(&crate::api::import_xlsx(bytes, year))
}

/// A Word / Excel / .doc import as a binding calls it ([`import_docx`] for any
/// [`OfficeFormat`]): the bytes, or `None` when the host value was not bytes (`found` says what
/// it was), and the options (`{year?}`) as JSON text. A format this build does not read answers
/// one `import.unsupported_format` error saying where it is read ([`import_office`]).
///
/// ```
/// use learning_week::{api::OfficeFormat, ffi::import_office_bytes};
/// let a = import_office_bytes(OfficeFormat::Xlsx, None, "string", "null");
/// assert_eq!(a.diagnostics[0].code, "type.invalid");
/// assert!(a.diagnostics[0].message_en.contains(".xlsx"));
/// let code = import_office_bytes(OfficeFormat::Docx, Some(b""), "", "null").diagnostics[0].code.clone();
/// assert_eq!(code, if OfficeFormat::Docx.supported() { "import.not_zip" } else { "import.unsupported_format" });
/// ```
pub fn import_office_bytes(
    format: OfficeFormat,
    bytes: Option<&[u8]>,
    found: &str,
    options: &str,
) -> ImportAnswer {
    let refuse = |d: Diagnostic| ImportAnswer {
        summary: None,
        diagnostics: vec![d],
        errors: 1,
        warnings: 0,
        modified: None,
    };
    let expected = match format {
        OfficeFormat::Docx => "Uint8Array | ArrayBuffer (the .docx file's bytes)",
        OfficeFormat::Xlsx => "Uint8Array | ArrayBuffer (the .xlsx file's bytes)",
        OfficeFormat::Doc => "Uint8Array | ArrayBuffer (the .doc file's bytes)",
    };
    let Some(bytes) = bytes else {
        return refuse(argument_error("input", expected, found.to_owned()));
    };
    match options_json::<ImportOptions>(options, "{year?: integer}") {
        Ok(o) => crate::api::import_office(format, bytes, o.year),
        Err(mut diags) => refuse(diags.remove(0)),
    }
}
