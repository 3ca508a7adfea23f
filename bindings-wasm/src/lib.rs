//! learning-week for WebAssembly (browser and Node): the 总结表 rules for web forms — the module
//! a page loads first (validation, `validateField`, the roll-up, the text parsers). Word / Excel /
//! .doc import, the .docx export, the notice reader and the division registry are the second
//! module, `learning_week_office` (bindings-wasm/office), which a page loads when it needs them.
//!
//! Thin by design: every rule, message and default lives in core ([`learning_week::api`]). This
//! crate turns JS values into JSON text (a string is the caller's own JSON text, kept for line
//! and column; anything else goes through the engine's `JSON.stringify`) and answers back into
//! plain JS objects (`JSON.parse` of core's answer). Nothing here can panic on input: a value
//! `JSON.stringify` refuses (100,000-deep arrays, cycles, BigInt) is a diagnostic, and JSON text
//! is read by core's parser, which stops at 128 levels.
#![allow(clippy::result_large_err, reason = "a diagnostic is returned once per call, straight to JS")]

#[path = "common.rs"]
mod common;

use common::{bytes_of, from_json_text, json_text, options_text, scalar, to_js};
use learning_week::api::{self, DocumentKind, ValidationAnswer};
use learning_week::ffi;
use wasm_bindgen::prelude::*;

/// The `Error` a constructor throws: the message in Chinese and English, and `diagnostics`.
fn compile_error(e: &api::CompileError) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    // Reflect.set on a fresh Error cannot fail; were it ever to, the message still says why.
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("diagnostics"), &to_js(&e.diagnostics));
    err.into()
}

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
fn not_a_pointer(found: &str) -> JsValue {
    let d = ffi::argument_invalid("pointer", "string (an RFC 6901 pointer such as /host_unit)", found);
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
        None => not_a_pointer(&common::type_name(&pointer)),
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

#[wasm_bindgen]
impl Validator {
    /// Compiles `notice` (object or JSON text; absent → the built-in one) and `plan`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "DocumentInput<Notice> | null")] notice: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "DocumentInput<ActivityPlan> | null")] plan: JsValue,
    ) -> Result<Validator, JsValue> {
        let inner = common::compile(&notice, &plan).map_err(|e| compile_error(&e))?;
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
            None => not_a_pointer(&common::type_name(&pointer)),
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

    /// The compiled notice.
    #[wasm_bindgen(getter, unchecked_return_type = "Notice")]
    pub fn notice(&self) -> JsValue {
        to_js(self.inner.notice().model())
    }
}

/// The built-in 2021 Nanchang notice (jurisdiction, week, theme, deadline …).
#[wasm_bindgen(js_name = defaultNotice, unchecked_return_type = "Notice")]
pub fn default_notice() -> JsValue {
    // Written straight from the model (the text `api::default_notice()`'s `Value` writes), so the
    // notice's `Serialize` is not instantiated for the `Value` serializer as well (issue 21).
    to_js(learning_week::Notice::nanchang_2021_ref())
}

/// The rule catalog: every code with severity, documents, fields read and zh/en descriptions.
#[wasm_bindgen(unchecked_return_type = "RuleDescriptor[]")]
pub fn rules() -> JsValue {
    to_js(&api::rules())
}

// ---- text parsers ----

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
    // Core's writer, not `Value::to_string`: serde_json's serializer stays out of the module.
    let answer = ffi::parse_request_text(&api::to_json_string(&serde_json::Value::Object(request)));
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
