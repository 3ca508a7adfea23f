//! learning-week for WebAssembly (browser and Node): the 总结表 rules for web forms.
//!
//! Thin by design: every rule, message and default lives in core ([`learning_week::api`]). This
//! crate turns JS values into JSON text (a string is the caller's own JSON text, kept for line
//! and column; anything else goes through the engine's `JSON.stringify`) and answers back into
//! plain JS objects (`JSON.parse` of core's answer). Nothing here can panic on input: a value
//! `JSON.stringify` refuses (100,000-deep arrays, cycles, BigInt) is a diagnostic, and JSON text
//! is read by core's parser, which stops at 128 levels.
#![allow(clippy::result_large_err, reason = "a diagnostic is returned once per call, straight to JS")]

use learning_week::api::{self, DocumentKind, ValidationAnswer};
use learning_week::ffi;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(typescript_custom_section)]
const MODEL_TYPES: &str = include_str!("types.d.ts");

/// The API types written by hand: only what a JSON Schema cannot say, as thin wrappers over the
/// interfaces generated from core's Rust types into `types.d.ts` (`schemas/api.schema.json` →
/// `scripts/gen-types.mjs`: the answers, options and text-parser results) — generics (a document
/// being filled in, an answer typed by its document or parser), documents and roll-up items
/// where Rust takes any JSON value, bytes, and the `Error` a constructor throws.
#[wasm_bindgen(typescript_custom_section)]
const API_TYPES: &str = r#"
// Written by hand in bindings-wasm/src/lib.rs: only what JSON Schema cannot say (generics, typed
// documents where Rust takes any JSON value, bytes, Error), over the generated interfaces above.
/** A document being filled in: any row may be absent or null (validation reports what is missing). */
export type Draft<T> = T extends (infer U)[] ? Array<Draft<U>> : T extends object ? { [K in keyof T]?: Draft<T[K]> | null } : T;
/** A document: the object, or its JSON text (syntax errors then keep line and column). */
export type DocumentInput<T> = Draft<T> | string;
/** A document to validate: as `DocumentInput`, or a file's bytes (JSON text, or a Word 总结表 — core tells them apart by the content). */
export type FileInput<T> = DocumentInput<T> | Uint8Array | ArrayBuffer;
/** Options of the one-shot validations: `BindingOptions` with the notice and plan typed. */
export interface ValidateOptions extends Omit<BindingOptions, "kind" | "notice" | "plan"> {
  notice?: DocumentInput<Notice> | null;
  plan?: DocumentInput<ActivityPlan> | null;
}
/** Options of `validate` and `validateField`: also the kind, when it is not to be detected from the keys. */
export type FieldOptions = ValidateOptions & Pick<BindingOptions, "kind">;
/** Options of a compiled `Validator`'s calls (the notice and plan were given to its constructor). */
export type CallOptions = Omit<BindingOptions, "notice" | "plan">;
/** The answer to a validation, its `document` typed by the kind validated. */
export interface ValidationAnswer<D = SummaryTable | ActivityPlan | Submission | Notice> extends Omit<ValidationAnswerBase, "document"> {
  document?: D;
}
/** One item of a roll-up: a submission (or a bare 总结表, or a plan), its JSON text, or a wrapper naming it. */
export type AggregateItem =
  | DocumentInput<Submission>
  | Draft<SummaryTable>
  | Draft<ActivityPlan>
  | { id?: string; input: DocumentInput<Submission> | Draft<SummaryTable> | Draft<ActivityPlan> }
  | { id?: string; input_text: string };
/** Options of a roll-up: `AggregateBindingOptions` with the notice and plans typed. */
export interface AggregateOptions extends Omit<AggregateBindingOptions, "notice" | "plans"> {
  notice?: DocumentInput<Notice> | null;
  plans?: AggregateItem[];
}
/** Options of a compiled `Validator`'s roll-up. */
export type CompiledAggregateOptions = Omit<AggregateOptions, "notice">;
/** Options of `Validator.aggregateFiles`: `InboxOptionsBase` with the plans typed. */
export interface InboxOptions extends Omit<InboxOptionsBase, "plans"> {
  plans?: AggregateItem[];
}
/** A file of the inbox, as the browser reads a dropped `File`; `modified` in RFC 3339 (`new Date(file.lastModified).toISOString()`). */
export interface InboxFile {
  name: string;
  bytes: Uint8Array | ArrayBuffer;
  modified?: string | null;
}
/** What `new Validator(…)` throws for an unusable notice or plan. */
export interface CompileError extends Error {
  diagnostics: Diagnostic[];
}
/** The answer of a text parser, its `value` typed by the parser. Never thrown. */
export interface ParseAnswer<V> extends Omit<ParseAnswerBase, "value"> {
  value?: V;
}
/** Options of `parseQuantity` and `parsePeriod`. */
export type QuantityOptions = Pick<ParseRequest, "of_kind">;
export type PeriodOptions = Pick<ParseRequest, "year">;
/** Options of `divisions`: the year whose division changes apply. */
export type DivisionsOptions = Pick<DivisionsRequest, "year">;
/** Options of `readCell`: the form's row (required) and the report's year. */
export type CellOptions = Required<Pick<ParseRequest, "row">> & Pick<ParseRequest, "year">;
/** What `readCell` answers: a count cell, or for `satisfaction` a satisfaction cell. */
export type TextCell = CellCount | CellSatisfaction;
/** The text parsers' results under their earlier names. */
export type TextQuantity = Quantity;
export type TextSatisfaction = SatisfactionText;
export type TextPeriod = PeriodText;
export type TextVenues = VenuesText;
export type TextUnits = UnitsText;
export type TextName = NameItem;
export type TextSpan = Span;
export type TextRefusal = TextError;
"#;

/// JSON text of a JS value, or the diagnostic saying why it has none.
fn json_text(value: &JsValue) -> Result<String, learning_week::Diagnostic> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    match js_sys::JSON::stringify(value) {
        Ok(text) => match text.as_string() {
            Some(t) => Ok(t),
            // `undefined` is an absent value (null); a function or a symbol has no JSON at all
            None if value.is_undefined() => Ok("null".to_owned()),
            None => Err(ffi::unconvertible_value(&type_name(value), false)),
        },
        Err(e) => {
            let detail = match e.dyn_ref::<js_sys::Error>() {
                Some(err) => format!("{}: {}", String::from(err.name()), String::from(err.message())),
                None => "JSON.stringify failed".to_owned(),
            };
            Err(ffi::unconvertible_value(&detail, e.is_instance_of::<js_sys::RangeError>()))
        }
    }
}

/// Options as JSON text; `undefined` → `null` (defaults).
fn options_text(options: &JsValue) -> Result<String, learning_week::Diagnostic> {
    json_text(options).map_err(|mut d| {
        d.document = Some("options".into());
        d
    })
}

/// A core answer as a plain JS object.
fn to_js<T: serde::Serialize>(answer: &T) -> JsValue {
    from_json_text(&api::to_json_string(answer))
}

/// A core answer given as JSON text, as a plain JS object.
fn from_json_text(text: &str) -> JsValue {
    js_sys::JSON::parse(text).unwrap_or(JsValue::NULL)
}

/// A validation's answer as a JS object: the input and the options as JSON text handed to
/// `validate` (core's text answer), or the diagnostic saying why one of them has no text.
fn answer_with(
    kind: Option<DocumentKind>,
    input: &JsValue,
    options: &JsValue,
    validate: impl FnOnce(&str, &str) -> String,
) -> JsValue {
    match (json_text(input), options_text(options)) {
        (Ok(input), Ok(options)) => from_json_text(&validate(&input, &options)),
        (Err(d), _) | (_, Err(d)) => to_js(&ValidationAnswer::from_diagnostics(kind, vec![d], None)),
    }
}

fn validate_any(
    kind: Option<DocumentKind>,
    input: &JsValue,
    pointer: Option<&str>,
    options: &JsValue,
) -> JsValue {
    if let Some(answer) =
        file_answer(kind, input, options, |b, o| ffi::validate_file_text(kind, "", b, pointer, o))
    {
        return answer;
    }
    answer_with(kind, input, options, |i, o| ffi::validate_text(kind, i, pointer, o))
}

/// A document given as bytes (`Uint8Array` / `ArrayBuffer`: a dropped file's) goes to core as the
/// bytes it is, which tells JSON text from a Word 总结表 by the content; `None` for anything else.
fn file_answer(
    kind: Option<DocumentKind>,
    input: &JsValue,
    options: &JsValue,
    validate: impl FnOnce(&[u8], &str) -> String,
) -> Option<JsValue> {
    let bytes = bytes_of(input)?;
    Some(match options_text(options) {
        Ok(options) => from_json_text(&validate(&bytes, &options)),
        Err(d) => to_js(&ValidationAnswer::from_diagnostics(kind, vec![d], None)),
    })
}

/// The answer to a `validateField` whose pointer is not a string (a diagnostic, not a TypeError).
fn not_a_pointer() -> JsValue {
    let mut d = ffi::unconvertible_value("pointer: not a string", false);
    d.document = Some("pointer".into());
    to_js(&ValidationAnswer::from_diagnostics(None, vec![d], None))
}

/// Validates a 总结表 (object or JSON text) against the notice (and the unit's plan, if given).
#[wasm_bindgen(js_name = validateSummary, unchecked_return_type = "ValidationAnswer<SummaryTable>")]
pub fn validate_summary(
    #[wasm_bindgen(unchecked_param_type = "FileInput<SummaryTable>")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: JsValue,
) -> JsValue {
    validate_any(Some(DocumentKind::Summary), &input, None, &options)
}

/// Validates an activity plan (活动计划和实施方案（含开幕式）).
#[wasm_bindgen(js_name = validatePlan, unchecked_return_type = "ValidationAnswer<ActivityPlan>")]
pub fn validate_plan(
    #[wasm_bindgen(unchecked_param_type = "FileInput<ActivityPlan>")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: JsValue,
) -> JsValue {
    validate_any(Some(DocumentKind::Plan), &input, None, &options)
}

/// Validates a submission (报送: 总结表 + materials + submitted_at).
#[wasm_bindgen(js_name = validateSubmission, unchecked_return_type = "ValidationAnswer<Submission>")]
pub fn validate_submission(
    #[wasm_bindgen(unchecked_param_type = "FileInput<Submission>")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: JsValue,
) -> JsValue {
    validate_any(Some(DocumentKind::Submission), &input, None, &options)
}

/// Validates a document of any kind: `options.kind`, or detected from its keys.
#[wasm_bindgen(unchecked_return_type = "ValidationAnswer")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "FileInput<SummaryTable | ActivityPlan | Submission | Notice>")]
    input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "FieldOptions")] options: JsValue,
) -> JsValue {
    validate_any(None, &input, None, &options)
}

/// Re-checks one field (RFC 6901 pointer) of a document, per keystroke: the reading findings at or
/// below it and the rules whose catalog entry reads it. The kind is `options.kind` or detected.
#[wasm_bindgen(js_name = validateField, unchecked_return_type = "ValidationAnswer<never>")]
pub fn validate_field(
    #[wasm_bindgen(
        unchecked_param_type = "FileInput<SummaryTable> | FileInput<ActivityPlan> | FileInput<Submission>"
    )]
    input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] pointer: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "FieldOptions")] options: JsValue,
) -> JsValue {
    // Taken as a JS value so that a non-string is a diagnostic, not a TypeError in the glue.
    match pointer.as_string() {
        Some(p) => validate_any(None, &input, Some(&p), &options),
        None => not_a_pointer(),
    }
}

/// Rolls up the submissions received (汇总): completeness, timeliness, totals, the city's 总结表.
#[wasm_bindgen(unchecked_return_type = "AggregateAnswer")]
pub fn aggregate(
    #[wasm_bindgen(unchecked_param_type = "AggregateItem[] | string")] submissions: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AggregateOptions")] options: JsValue,
) -> JsValue {
    let answer = match (json_text(&submissions), options_text(&options)) {
        (Ok(submissions), Ok(options)) => ffi::aggregate(&submissions, &options),
        (Err(mut d), _) => {
            d.document = Some("submissions".into());
            api::AggregateAnswer { ok: false, diagnostics: vec![d], rollup: None }
        }
        (_, Err(d)) => api::AggregateAnswer { ok: false, diagnostics: vec![d], rollup: None },
    };
    to_js(&answer)
}

/// A notice (and optionally a unit's plan) compiled once: build it when the page loads, then
/// validate every keystroke against it. `new Validator()` is the built-in 2021 Nanchang notice.
/// An unusable notice or plan throws at construction — an `Error` whose `diagnostics` say why —
/// never at a call. Call `free()` when done with it (or let the FinalizationRegistry do it).
#[wasm_bindgen]
pub struct Validator {
    inner: api::Validator,
}

/// The `Error` a constructor throws: the message in Chinese and English, and `diagnostics`.
fn compile_error(e: &api::CompileError) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    // Reflect.set on a fresh Error cannot fail; were it ever to, the message still says why.
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("diagnostics"), &to_js(&e.diagnostics));
    err.into()
}

/// A context document as JSON text (`undefined` / `null` → none), or the error to throw.
fn context_text(value: &JsValue, document: &str) -> Result<Option<String>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    json_text(value).map(Some).map_err(|mut d| {
        d.document = Some(document.into());
        compile_error(&api::CompileError { diagnostics: vec![d] })
    })
}

#[wasm_bindgen]
impl Validator {
    /// Compiles `notice` (object or JSON text; absent → the built-in one) and `plan`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "DocumentInput<Notice> | null")] notice: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "DocumentInput<ActivityPlan> | null")] plan: JsValue,
    ) -> Result<Validator, JsValue> {
        let base = match context_text(&notice, "notice")? {
            None => api::Validator::default(),
            Some(text) => api::Validator::from_json(&text).map_err(|e| compile_error(&e))?,
        };
        let inner = match context_text(&plan, "plan")? {
            None => base,
            Some(text) => base.with_plan_json(&text).map_err(|e| compile_error(&e))?,
        };
        Ok(Validator { inner })
    }

    fn answer(
        &self,
        kind: Option<DocumentKind>,
        input: &JsValue,
        pointer: Option<&str>,
        options: &JsValue,
    ) -> JsValue {
        let file = |b: &[u8], o: &str| self.inner.ffi_validate_file(kind, "", b, pointer, o);
        if let Some(answer) = file_answer(kind, input, options, file) {
            return answer;
        }
        answer_with(kind, input, options, |i, o| self.inner.ffi_validate_text(kind, i, pointer, o))
    }

    /// Validates a document of any kind (`options.kind`, or detected from its keys).
    #[wasm_bindgen(unchecked_return_type = "ValidationAnswer")]
    pub fn validate(
        &self,
        #[wasm_bindgen(
            unchecked_param_type = "FileInput<SummaryTable | ActivityPlan | Submission | Notice>"
        )]
        input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> JsValue {
        self.answer(None, &input, None, &options)
    }

    /// Validates a 总结表 against the compiled notice (and plan).
    #[wasm_bindgen(js_name = validateSummary, unchecked_return_type = "ValidationAnswer<SummaryTable>")]
    pub fn validate_summary(
        &self,
        #[wasm_bindgen(unchecked_param_type = "FileInput<SummaryTable>")] input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> JsValue {
        self.answer(Some(DocumentKind::Summary), &input, None, &options)
    }

    /// Validates an activity plan against the compiled notice.
    #[wasm_bindgen(js_name = validatePlan, unchecked_return_type = "ValidationAnswer<ActivityPlan>")]
    pub fn validate_plan(
        &self,
        #[wasm_bindgen(unchecked_param_type = "FileInput<ActivityPlan>")] input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> JsValue {
        self.answer(Some(DocumentKind::Plan), &input, None, &options)
    }

    /// Validates a submission (报送: 总结表 + materials + submitted_at) against the compiled notice.
    #[wasm_bindgen(js_name = validateSubmission, unchecked_return_type = "ValidationAnswer<Submission>")]
    pub fn validate_submission(
        &self,
        #[wasm_bindgen(unchecked_param_type = "FileInput<Submission>")] input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> JsValue {
        self.answer(Some(DocumentKind::Submission), &input, None, &options)
    }

    /// Re-checks one field (RFC 6901 pointer), per keystroke; a pointer to no field of the
    /// document is a `pointer.unknown` / `pointer.malformed` finding.
    #[wasm_bindgen(js_name = validateField, unchecked_return_type = "ValidationAnswer<never>")]
    pub fn validate_field(
        &self,
        #[wasm_bindgen(
            unchecked_param_type = "FileInput<SummaryTable> | FileInput<ActivityPlan> | FileInput<Submission>"
        )]
        input: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] pointer: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> JsValue {
        match pointer.as_string() {
            Some(p) => self.answer(None, &input, Some(&p), &options),
            None => not_a_pointer(),
        }
    }

    /// Rolls up the submissions received against the compiled notice.
    #[wasm_bindgen(unchecked_return_type = "AggregateAnswer")]
    pub fn aggregate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AggregateItem[] | string")] submissions: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CompiledAggregateOptions")] options: JsValue,
    ) -> JsValue {
        let answer = match (json_text(&submissions), options_text(&options)) {
            (Ok(submissions), Ok(options)) => self.inner.ffi_aggregate(&submissions, &options),
            (Err(mut d), _) => {
                d.document = Some("submissions".into());
                api::AggregateAnswer { ok: false, diagnostics: vec![d], rollup: None }
            }
            (_, Err(d)) => api::AggregateAnswer { ok: false, diagnostics: vec![d], rollup: None },
        };
        to_js(&answer)
    }

    /// Rolls up files as the browser has them (dropped or chosen `File`s, read into bytes): each
    /// goes through core's inbox exactly as the CLI's folder walk does — JSON, Word and Excel
    /// become submissions; a lock file, a .doc, a scan or anything else is listed as rejected
    /// with its reason. `options`: `{plans?, grace_days?, submitted_at?}`.
    #[wasm_bindgen(js_name = aggregateFiles, unchecked_return_type = "AggregateAnswer")]
    pub fn aggregate_files(
        &self,
        #[wasm_bindgen(unchecked_param_type = "InboxFile[]")] files: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "InboxOptions")] options: JsValue,
    ) -> JsValue {
        let failure = |d: learning_week::Diagnostic| {
            to_js(&api::AggregateAnswer { ok: false, diagnostics: vec![d], rollup: None })
        };
        let Some(list) = files.dyn_ref::<js_sys::Array>() else {
            let mut d = ffi::unconvertible_value("files: not an array of {name, bytes, modified?}", false);
            d.document = Some("submissions".into());
            return failure(d);
        };
        let mut inbox = Vec::with_capacity(list.length() as usize);
        for (i, f) in list.iter().enumerate() {
            let get =
                |key: &str| js_sys::Reflect::get(&f, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
            let data = bytes_of(&get("bytes"));
            let (Some(name), Some(data)) = (get("name").as_string(), data) else {
                let mut d = ffi::unconvertible_value(
                    &format!("files[{i}]: not {{name: string, bytes: Uint8Array | ArrayBuffer}}"),
                    false,
                );
                d.document = Some("submissions".into());
                return failure(d);
            };
            inbox.push(api::InboxFile::from_host(name, data, get("modified").as_string().as_deref()));
        }
        let items: Vec<serde_json::Value> =
            (0..inbox.len()).map(|i| serde_json::json!({ "inbox_file": i })).collect();
        match options_text(&options) {
            Ok(o) => to_js(&self.inner.ffi_aggregate_inbox(
                &inbox,
                &serde_json::Value::Array(items).to_string(),
                &o,
            )),
            Err(d) => failure(d),
        }
    }

    /// The compiled notice.
    #[wasm_bindgen(getter, unchecked_return_type = "Notice")]
    pub fn notice(&self) -> JsValue {
        to_js(self.inner.notice().model())
    }
}

/// The built-in 2021 Nanchang notice (jurisdiction, week, theme, deadline …).
#[wasm_bindgen(js_name = defaultNotice, unchecked_return_type = "Notice")]
pub fn default_notice() -> JsValue {
    to_js(&api::default_notice())
}

/// The rule catalog: every code with severity, documents, fields read and zh/en descriptions.
#[wasm_bindgen(unchecked_return_type = "RuleDescriptor[]")]
pub fn rules() -> JsValue {
    to_js(&api::rules())
}

// ---- text parsers ----

/// A JS string, boolean or number as JSON (anything else as null), for core to answer
/// `type.invalid` about when it is not what the request wants.
fn scalar(v: &JsValue) -> serde_json::Value {
    if let Some(s) = v.as_string() {
        serde_json::Value::String(s)
    } else if let Some(b) = v.as_bool() {
        serde_json::Value::Bool(b)
    } else if let Some(n) = v.as_f64().and_then(serde_json::Number::from_f64) {
        serde_json::Value::Number(n)
    } else {
        serde_json::Value::Null
    }
}

/// `ffi::parse_request_text` for `parser`: the text (a non-string is answered `type.invalid` by
/// core) and the options object's `year` / `of_kind`; an answer, never an exception.
fn parse_with(parser: &str, text: &JsValue, options: &JsValue, keys: &[&str]) -> JsValue {
    let mut request = serde_json::Map::new();
    request.insert("parser".into(), parser.into());
    request.insert("text".into(), scalar(text));
    // Spans in JavaScript's own units (UTF-16): `text.slice(start, end)` is the fragment.
    request.insert("offsets".into(), "utf16".into());
    if !keys.is_empty() && options.is_object() {
        let opts = match options_text(options) {
            Ok(t) => serde_json::from_str::<serde_json::Value>(&t).unwrap_or(serde_json::Value::Null),
            Err(d) => return to_js(&api::ParseAnswer { ok: false, value: None, error: Some(d) }),
        };
        for key in keys {
            if let Some(v) = opts.get(*key).filter(|v| !v.is_null()) {
                request.insert((*key).into(), v.clone());
            }
        }
    }
    let answer = ffi::parse_request_text(&serde_json::Value::Object(request).to_string());
    js_sys::JSON::parse(&answer).unwrap_or(JsValue::NULL)
}

/// 数量: the first quantity of `text` (`约3.5万人次`), of `options.of_kind` when given.
#[wasm_bindgen(js_name = parseQuantity, unchecked_return_type = "ParseAnswer<TextQuantity>")]
pub fn parse_quantity(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "QuantityOptions")] options: JsValue,
) -> JsValue {
    parse_with("quantity", &text, &options, &["of_kind"])
}

/// 满意度: a percentage (`98%以上`) or a level word (`非常满意`).
#[wasm_bindgen(js_name = parsePercent, unchecked_return_type = "ParseAnswer<TextSatisfaction>")]
pub fn parse_percent(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue) -> JsValue {
    parse_with("percent", &text, &JsValue::UNDEFINED, &[])
}

/// 活动时间: the first period of `text`; `options.year` for dates written without one.
#[wasm_bindgen(js_name = parsePeriod, unchecked_return_type = "ParseAnswer<TextPeriod>")]
pub fn parse_period(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PeriodOptions")] options: JsValue,
) -> JsValue {
    parse_with("period", &text, &options, &["year"])
}

/// 会场: 主会场 and 分会场 counts (`主会场1个，分会场12个`).
#[wasm_bindgen(js_name = parseVenues, unchecked_return_type = "ParseAnswer<TextVenues>")]
pub fn parse_venues(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue) -> JsValue {
    parse_with("venues", &text, &JsValue::UNDEFINED, &[])
}

/// 参与单位: units in all and units taking part (`全市9个县区全部参与`).
#[wasm_bindgen(js_name = parseUnits, unchecked_return_type = "ParseAnswer<TextUnits>")]
pub fn parse_units(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue) -> JsValue {
    parse_with("units", &text, &JsValue::UNDEFINED, &[])
}

/// 按栏目读取: a cell of the 总结表 read for `options.row` (参加活动人数 `participants`,
/// `text_reports`, `image_reports`, `satisfaction`), `options.year` the report's year — as the
/// decoder and the Word import read it: a figure that is not this week's is refused
/// (`text.not_row_figure`, `params.reason`) or set aside with a warning, several are kept apart.
#[wasm_bindgen(js_name = readCell, unchecked_return_type = "ParseAnswer<TextCell>")]
pub fn read_cell(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CellOptions")] options: JsValue,
) -> JsValue {
    parse_with("cell", &text, &options, &["row", "year"])
}

/// 名单: the names of a list (`区教体局、区文明办`).
#[wasm_bindgen(js_name = splitNames, unchecked_return_type = "ParseAnswer<TextName[]>")]
pub fn split_names(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue) -> JsValue {
    parse_with("names", &text, &JsValue::UNDEFINED, &[])
}

// ---- the registry of official divisions ----

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

/// 总结表 from a Word file: the bytes of a .docx (`Uint8Array` or `ArrayBuffer`, e.g. from a file
/// drop) read as core's `SummaryTable::from_docx` — the form's table with its merged group
/// cells, each row parsed keeping its qualifier — answered as `{summary, diagnostics, errors,
/// warnings, modified?}`. Never thrown: a file that is not a .docx (or anything that is not
/// bytes) is an `import.not_zip` error, a hostile one `import.too_large` / `import.dtd_refused`.
/// A host value's bytes: a `Uint8Array` or an `ArrayBuffer` (copied), else `None`. A detached
/// buffer (transferred to a worker, say) has no bytes left: it reads as an empty file, never
/// as a `TypeError` thrown across the boundary.
fn bytes_of(v: &JsValue) -> Option<Vec<u8>> {
    if let Some(a) = v.dyn_ref::<js_sys::Uint8Array>() {
        if a.buffer().byte_length() == 0 {
            return Some(Vec::new());
        }
        Some(a.to_vec())
    } else {
        v.dyn_ref::<js_sys::ArrayBuffer>().map(|b| {
            if b.byte_length() == 0 {
                Vec::new()
            } else {
                js_sys::Uint8Array::new(b).to_vec()
            }
        })
    }
}

/// What a host value is, for an argument error (`null`, `number`, `object` …).
fn type_name(v: &JsValue) -> String {
    if v.is_null() {
        "null".to_owned()
    } else {
        v.js_typeof().as_string().unwrap_or_default()
    }
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

#[wasm_bindgen(js_name = importDocx, unchecked_return_type = "ImportAnswer")]
pub fn import_docx(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ImportOptions")] options: JsValue,
) -> JsValue {
    let data = bytes_of(&bytes);
    let found = type_name(&bytes);
    let answer = match options_text(&options) {
        Ok(o) => ffi::import_docx(data.as_deref(), &found, &o),
        Err(d) => {
            api::ImportAnswer { summary: None, diagnostics: vec![d], errors: 1, warnings: 0, modified: None }
        }
    };
    to_js(&answer)
}
