//! The API for Rust callers, split by operation: [`validate`](validate_json) (one-shot, or a
//! compiled [`Validator`]), [`aggregate`](aggregate_json), [`parse`](parse_text), Word / Excel
//! import ([`import_office`]) and exports, plus the inbox ([`InboxFile`]) that turns a folder
//! of files into roll-up inputs. Bad input never panics and never throws: it comes back as
//! diagnostics. The bindings (Python, WebAssembly) go through [`crate::ffi`], which sits above.

mod aggregate;
#[cfg(feature = "export")]
mod export;
mod file;
mod import;
pub mod inbox;
mod notice;
mod parse;
mod validate;
pub mod validator;

pub use aggregate::*;
#[cfg(feature = "export")]
pub use export::*;
pub use import::*;
pub use inbox::{
    classify_file, folder_files, folder_inputs, unsupported_format, FileClass, InboxFile, InboxProgress,
};
pub use notice::{context_file, read_notice};
pub use parse::*;
pub use validate::*;
pub use validator::{Checked, CompileError, CompiledNotice, Unit, Validator};

use crate::catalog::{Diagnostic, RuleDescriptor};
pub use crate::catalog::{DocumentKind, Lang};
use crate::notice::Notice;
use serde::Serialize;
use serde_json::Value;

/// The rule catalog (every code with severity, documents, fields read, zh/en descriptions).
///
/// ```
/// assert!(learning_week::api::rules().iter().any(|r| r.code == "submission.late"));
/// ```
pub fn rules() -> Vec<RuleDescriptor> {
    crate::catalog::descriptors()
}

/// The built-in 2021 Nanchang notice as JSON.
///
/// ```
/// assert_eq!(learning_week::api::default_notice()["theme"], "庆建党百年华诞，谱终身学习新篇");
/// ```
pub fn default_notice() -> Value {
    serde_json::to_value(Notice::nanchang_2021_ref()).unwrap_or(Value::Null)
}

/// Serialises any answer as compact JSON text, byte for byte what `serde_json::to_string`
/// writes (written by [`crate::json_writer`], which writes the answers' mostly-CJK strings at
/// about half serde_json's cost);
/// serialisation of our own types cannot fail, but if it ever did the caller still gets JSON,
/// not a panic.
///
/// ```
/// use learning_week::api::to_json_string;
/// let v = serde_json::json!({"host_unit": "东湖区", "n": [1, 2.5]});
/// assert_eq!(to_json_string(&v), serde_json::to_string(&v).unwrap());
/// let bad: std::collections::BTreeMap<(u8, u8), u8> = [((1, 2), 3)].into();
/// assert_eq!(to_json_string(&bad), r#"{"error":"key must be a string"}"#);
/// ```
pub fn to_json_string<T: Serialize + ?Sized>(value: &T) -> String {
    to_json_string_sized(value, 128)
}

/// [`to_json_string`] into a buffer that starts with room for `capacity` bytes (about the length
/// of the text, when the caller knows it: an answer carrying a document is about as long as the
/// document's text), so the text is not copied each time it outgrows its buffer.
///
/// ```
/// use learning_week::api::{to_json_string, to_json_string_sized};
/// assert_eq!(to_json_string_sized(&["东湖区"], 4096), to_json_string(&["东湖区"]));
/// ```
pub fn to_json_string_sized<T: Serialize + ?Sized>(value: &T, capacity: usize) -> String {
    crate::json_writer::to_string_with_capacity(value, capacity).unwrap_or_else(|e| {
        let mut out = String::from("{\"error\":");
        crate::json_writer::write_str(&mut out, &e.to_string());
        out.push('}');
        out
    })
}

/// A `type.invalid` diagnostic about a binding's argument (`options`, `submissions`).
pub(crate) fn argument_error(document: &str, expected: &str, found: String) -> Diagnostic {
    let mut d = crate::catalog::make(
        &crate::catalog::structural::TYPE_INVALID,
        String::new(),
        crate::catalog::params! {"expected" => expected, "found" => found},
        None,
    );
    d.document = Some(document.to_owned());
    d
}
