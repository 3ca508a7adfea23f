//! Reading a published notice as the bindings call it.

use super::validate::options_json;
use crate::api::{argument_error, to_json_string};
use crate::reading::{NoticeReading, ReadOptions};
use crate::Notice;

/// A notice read as a binding calls it: the file's bytes or the text, or `None` when the host
/// value was neither (`found` says what it was), and the options (`{city?, year?, offsets?}`)
/// as JSON text. An unusable argument is an answer with one `type.invalid` diagnostic tagged
/// `input` / `options`.
///
/// ```
/// use learning_week::ffi::read_notice;
/// let r = read_notice(None, "number", "null");
/// assert_eq!((r.diagnostics[0].code.as_str(), r.diagnostics[0].document.as_deref()), ("type.invalid", Some("input")));
/// let r = read_notice(Some(b"12345"), "", r#"{"city": 3}"#);
/// assert_eq!(r.diagnostics[0].document.as_deref(), Some("options"));
/// ```
pub fn read_notice(input: Option<&[u8]>, found: &str, options: &str) -> NoticeReading {
    let refuse = |d| NoticeReading { notice: Notice::default(), diagnostics: vec![d], sources: Vec::new() };
    let Some(bytes) = input else {
        return refuse(argument_error(
            "input",
            "string | Uint8Array | ArrayBuffer (the notice's text or .docx bytes)",
            found.to_owned(),
        ));
    };
    match options_json::<ReadOptions>(
        options,
        "{city?: string, year?: integer, offsets?: \"bytes\" | \"chars\" | \"utf16\"}",
    ) {
        Ok(o) => crate::api::read_notice(bytes, &o),
        Err(mut diags) => refuse(diags.remove(0)),
    }
}

/// [`read_notice`] answered as JSON text `{notice, diagnostics, sources}`.
///
/// ```
/// let v: serde_json::Value = serde_json::from_str(&learning_week::ffi::read_notice_text(Some(b""), "", "null")).unwrap();
/// assert_eq!(v["diagnostics"][0]["code"], "reading.not_a_notice");
/// ```
pub fn read_notice_text(input: Option<&[u8]>, found: &str, options: &str) -> String {
    to_json_string(&read_notice(input, found, options))
}

/// [`crate::api::context_file`] as a binding calls it (Python's `notice=Path(…)` or bytes),
/// answered as JSON text: `{"text": "…"}`, the JSON text to put in the options, or
/// `{"diagnostics": […]}` saying why the file is no notice or plan.
///
/// ```
/// use learning_week::{ffi::context_file_text, DocumentKind};
/// let ok: serde_json::Value = serde_json::from_str(&context_file_text(DocumentKind::Notice, "n.json", b"{}")).unwrap();
/// assert_eq!(ok["text"], "{}");
/// let bad: serde_json::Value = serde_json::from_str(&context_file_text(DocumentKind::Notice, "n.pdf", b"%PDF-1.4")).unwrap();
/// assert_eq!(bad["diagnostics"][0]["code"], "reading.not_a_notice");
/// ```
pub fn context_file_text(kind: crate::catalog::DocumentKind, name: &str, bytes: &[u8]) -> String {
    match crate::api::context_file(kind, name, bytes) {
        Ok(text) => to_json_string(&serde_json::json!({ "text": text })),
        Err(diagnostics) => to_json_string(&serde_json::json!({ "diagnostics": diagnostics })),
    }
}
