//! learning-week for WebAssembly, the second module (`learning_week_office`): what a form needs
//! only when a file is dropped or a Word file is asked for — the 总结表 read from Word (.docx),
//! Excel (.xlsx) and Word 97–2003 (.doc), the filled 总结表 written as .docx (the CLI's
//! `export summary`), the notice reader, the registry of official divisions and the inbox
//! roll-up of dropped files. The first module (`learning_week`, bindings-wasm/src/lib.rs) holds
//! validation and the roll-up; a page loads this one on demand (`await import(…)`).
//!
//! Thin by design, like the first: every rule, message and default lives in core; this crate
//! turns JS values into JSON text and bytes and answers back into plain JS objects. Never
//! thrown: a bad argument is a diagnostic in the answer.
#![allow(clippy::result_large_err, reason = "a diagnostic is returned once per call, straight to JS")]

#[path = "../../src/common.rs"]
mod common;

use common::{bytes_of, compile, from_json_text, options_text, scalar, to_js, type_name};
use learning_week::api::{self, OfficeFormat};
use learning_week::ffi;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(typescript_custom_section)]
const MODEL_TYPES: &str = include_str!("../../src/types.d.ts");

/// The API types written by hand (what JSON Schema cannot say), over the generated ones above.
#[wasm_bindgen(typescript_custom_section)]
const API_TYPES: &str = r#"
// Written by hand in bindings-wasm/office/src/lib.rs, over the generated interfaces above.
/** A document to read: the object, or its JSON text. */
export type DocumentInput<T> = T | string;
/** Options of `divisions`: the year whose division changes apply. */
export type DivisionsOptions = Pick<DivisionsRequest, "year">;
/** A file of the inbox, as the browser reads a dropped `File`; `modified` in RFC 3339 (`new Date(file.lastModified).toISOString()`). */
export interface InboxFile {
  name: string;
  bytes: Uint8Array | ArrayBuffer;
  modified?: string | null;
}
/** Options of `aggregateFiles`: the notice (absent → the built-in one), the plans sent separately, grace days, the files' time. */
export interface InboxOptions extends Omit<InboxOptionsBase, "plans"> {
  notice?: DocumentInput<Notice> | null;
  plans?: unknown[];
}
/** Options of `exportSummaryDocx`: the notice whose title and rows the form takes (absent → the built-in one), and the input's kind. */
export interface ExportDocxOptions {
  notice?: DocumentInput<Notice> | null;
  kind?: "summary" | "submission" | null;
}
/** What `exportSummaryDocx` answers: the .docx bytes, or why there are none. Never thrown. */
export interface ExportAnswer {
  ok: boolean;
  /** The .docx file (`new Blob([bytes], {type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"})`). */
  bytes?: Uint8Array;
  /** Why the input cannot be exported (it is no 总结表 or submission; the options are unusable). */
  diagnostics: Diagnostic[];
  /** A writer failure (zh / en), when there are no diagnostics to say why. */
  error?: string;
}
"#;

/// An office file's bytes imported as `format`, answered as a JS object.
fn import_as(format: OfficeFormat, bytes: &JsValue, options: &JsValue) -> JsValue {
    let data = bytes_of(bytes);
    let found = type_name(bytes);
    let answer = match options_text(options) {
        Ok(o) => ffi::import_office_bytes(format, data.as_deref(), &found, &o),
        Err(d) => {
            api::ImportAnswer { summary: None, diagnostics: vec![d], errors: 1, warnings: 0, modified: None }
        }
    };
    to_js(&answer)
}

/// A file as received — a Word (.docx), Excel (.xlsx) or Word 97–2003 (.doc) 总结表, a notice
/// .docx, or JSON text: the content decides, `options.name` is a hint — validated as the CLI's
/// `validate FILE` validates it (one policy in core, `Validator::validate_file`): a form is
/// imported, then its table validated, the import's notes first. The other options are
/// `validate`'s (`{kind?, notice?, plan?, lang?}`). What is not bytes is `type.invalid`.
#[wasm_bindgen(js_name = validateFile, unchecked_return_type = "ValidationAnswerBase")]
pub fn validate_file(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "BindingOptions & { name?: string }")] options: JsValue,
) -> JsValue {
    let data = bytes_of(&bytes);
    let found = type_name(&bytes);
    let text = match options_text(&options) {
        Ok(o) => o,
        Err(d) => return to_js(&api::ValidationAnswer::from_diagnostics(None, vec![d], None)),
    };
    // `name` is this call's own; the rest are the validation options (`kind` among them).
    let (name, rest) = match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(serde_json::Value::Object(mut o)) => {
            let name = o.remove("name").and_then(|n| n.as_str().map(str::to_owned)).unwrap_or_default();
            (name, serde_json::Value::Object(o).to_string())
        }
        _ => (String::new(), text),
    };
    from_json_text(&ffi::validate_file_bytes(None, &name, data.as_deref(), &found, None, &rest))
}

/// 总结表 from a Word file: the bytes of a .docx (`Uint8Array` or `ArrayBuffer`, e.g. from a file
/// drop) read as core's `SummaryTable::from_docx` — the form's table with its merged group
/// cells, each row parsed keeping its qualifier — answered as `{summary, diagnostics, errors,
/// warnings, modified?}`. Never thrown: a file that is not a .docx is an `import.not_zip` error,
/// anything that is not bytes `type.invalid`, a hostile one `import.too_large` / `import.dtd_refused`.
#[wasm_bindgen(js_name = importDocx, unchecked_return_type = "ImportAnswer")]
pub fn import_docx(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ImportOptions")] options: JsValue,
) -> JsValue {
    import_as(OfficeFormat::Docx, &bytes, &options)
}

/// 总结表 from an Excel workbook (.xlsx): the same row-aware import as `importDocx`.
#[wasm_bindgen(js_name = importXlsx, unchecked_return_type = "ImportAnswer")]
pub fn import_xlsx(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ImportOptions")] options: JsValue,
) -> JsValue {
    import_as(OfficeFormat::Xlsx, &bytes, &options)
}

/// 总结表 from a Word 97–2003 file (.doc, an OLE compound file): the same row-aware import.
#[wasm_bindgen(js_name = importDoc, unchecked_return_type = "ImportAnswer")]
pub fn import_doc(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ImportOptions")] options: JsValue,
) -> JsValue {
    import_as(OfficeFormat::Doc, &bytes, &options)
}

/// The filled 总结表 as a Word .docx, the attachment's layout — the very export of the CLI's
/// `learning-week export summary --format docx` (core's `ffi::summary_docx_from_text`). `input`
/// is a 总结表 or a submission (object or JSON text; a half-filled table gives empty cells);
/// `options`: `{notice?, kind?}`. Never thrown.
#[wasm_bindgen(js_name = exportSummaryDocx, unchecked_return_type = "ExportAnswer")]
pub fn export_summary_docx(
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ExportDocxOptions")] options: JsValue,
) -> JsValue {
    let answer = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| {
        let _ = js_sys::Reflect::set(&answer, &JsValue::from_str(k), v);
    };
    let result = match (common::json_text(&input), options_text(&options)) {
        (Ok(i), Ok(o)) => ffi::summary_docx_from_text(&i, &o),
        (Err(mut d), _) => {
            d.document = Some("input".into());
            Err(api::ExportError::Input(vec![d]))
        }
        (_, Err(d)) => Err(api::ExportError::Input(vec![d])),
    };
    let empty: Vec<learning_week::Diagnostic> = Vec::new();
    match result {
        Ok(bytes) => {
            set("ok", &JsValue::TRUE);
            set("bytes", &js_sys::Uint8Array::from(bytes.as_slice()).into());
            set("diagnostics", &to_js(&empty));
        }
        Err(api::ExportError::Input(diagnostics)) => {
            set("ok", &JsValue::FALSE);
            set("diagnostics", &to_js(&diagnostics));
        }
        Err(e) => {
            set("ok", &JsValue::FALSE);
            set("diagnostics", &to_js(&empty));
            set("error", &JsValue::from_str(&e.to_string()));
        }
    }
    answer.into()
}

/// 读通知: a published notice's text (a string) or its .docx (bytes) read into a notice, with
/// what the reader could not find or read and the source span of every value (UTF-16 offsets:
/// `text.slice(start, end)` is the words). An answer, never an exception.
#[wasm_bindgen(js_name = readNotice, unchecked_return_type = "NoticeReading")]
pub fn read_notice(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ReadOptions")] options: JsValue,
) -> JsValue {
    let data: Option<Vec<u8>> = input.as_string().map(String::into_bytes).or_else(|| bytes_of(&input));
    let found = type_name(&input);
    // spans in JavaScript's own units, whatever the caller's options say
    let options = match options_text(&options) {
        Ok(o) => {
            let mut v: serde_json::Value = serde_json::from_str(&o).unwrap_or(serde_json::Value::Null);
            if v.is_null() {
                v = serde_json::json!({});
            }
            if let Some(m) = v.as_object_mut() {
                m.insert("offsets".into(), "utf16".into());
            }
            v.to_string()
        }
        Err(d) => {
            return to_js(&learning_week::reading::NoticeReading {
                notice: Default::default(),
                diagnostics: vec![d],
                sources: Vec::new(),
            })
        }
    };
    let answer = ffi::read_notice_text(data.as_deref(), &found, &options);
    js_sys::JSON::parse(&answer).unwrap_or(JsValue::NULL)
}

/// What the registry of official divisions knows about a name (`ffi::divisions_request_text`):
/// a province → its cities; a city (九江市, 九江) or a municipality → its county-level divisions in
/// force in `options.year` and its known zones and bureaus, aliases included; a county-level
/// name → its place. An unknown or ambiguous name (or a query that is no string) is an answer
/// with `ok: false`, a `division.*` (or `type.invalid`) error and the near names, never thrown.
#[wasm_bindgen(unchecked_return_type = "DivisionsAnswer")]
pub fn divisions(
    #[wasm_bindgen(unchecked_param_type = "string")] query: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DivisionsOptions")] options: JsValue,
) -> JsValue {
    let mut request = serde_json::Map::new();
    request.insert("query".into(), scalar(&query));
    if options.is_object() {
        match options_text(&options).map(|t| serde_json::from_str::<serde_json::Value>(&t)) {
            Ok(Ok(opts)) => {
                if let Some(year) = opts.get("year").filter(|v| !v.is_null()) {
                    request.insert("year".into(), year.clone());
                }
            }
            Ok(Err(_)) => {}
            // Options JSON cannot carry (a cycle, a BigInt): core refuses the request as
            // `type.invalid`, this reason as what it found.
            Err(d) => {
                request.insert("year".into(), serde_json::Value::String(d.message));
            }
        }
    }
    from_json_text(&ffi::divisions_request_text(&serde_json::Value::Object(request).to_string()))
}

/// Rolls up files as the browser has them (dropped or chosen `File`s, read into bytes): each
/// goes through core's inbox exactly as the CLI's folder walk does — JSON, Word, Excel and .doc
/// become submissions; a lock file, a scan or anything else is listed as rejected with its
/// reason. `options`: `{notice?, plans?, grace_days?, submitted_at?}` (the notice compiled for
/// this call; an unusable one is the answer's diagnostic).
#[wasm_bindgen(js_name = aggregateFiles, unchecked_return_type = "AggregateAnswer")]
pub fn aggregate_files(
    #[wasm_bindgen(unchecked_param_type = "InboxFile[]")] files: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "InboxOptions")] options: JsValue,
) -> JsValue {
    let failure = |d: learning_week::Diagnostic| {
        to_js(&api::AggregateAnswer { ok: false, diagnostics: vec![d], rollup: None })
    };
    let Some(list) = files.dyn_ref::<js_sys::Array>() else {
        let expected = "an array of files {name: string, bytes: Uint8Array | ArrayBuffer, modified?: string}";
        return failure(ffi::argument_invalid("submissions", expected, &type_name(&files)));
    };
    let mut inbox = Vec::with_capacity(list.length() as usize);
    for (i, f) in list.iter().enumerate() {
        let get = |key: &str| js_sys::Reflect::get(&f, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
        let data = bytes_of(&get("bytes"));
        let (Some(name), Some(data)) = (get("name").as_string(), data) else {
            let expected =
                format!("files[{i}]: {{name: string, bytes: Uint8Array | ArrayBuffer, modified?: string}}");
            return failure(ffi::argument_invalid("submissions", &expected, &type_name(&f)));
        };
        inbox.push(api::InboxFile::from_host(name, data, get("modified").as_string().as_deref()));
    }
    let items: Vec<serde_json::Value> =
        (0..inbox.len()).map(|i| serde_json::json!({ "inbox_file": i })).collect();
    // The notice is this binding's to take out of the options: core's inbox options have none.
    let get =
        |key: &str| js_sys::Reflect::get(&options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    let (notice, rest) = if options.is_object() {
        let rest = js_sys::Object::assign(&js_sys::Object::new(), options.unchecked_ref());
        let _ = js_sys::Reflect::delete_property(&rest, &JsValue::from_str("notice"));
        (get("notice"), JsValue::from(rest))
    } else {
        (JsValue::UNDEFINED, options.clone())
    };
    let validator = match compile(&notice, &JsValue::UNDEFINED) {
        Ok(v) => v,
        Err(e) => {
            return to_js(&api::AggregateAnswer { ok: false, diagnostics: e.diagnostics, rollup: None })
        }
    };
    match options_text(&rest) {
        Ok(o) => {
            to_js(&validator.ffi_aggregate_inbox(&inbox, &serde_json::Value::Array(items).to_string(), &o))
        }
        Err(d) => failure(d),
    }
}
