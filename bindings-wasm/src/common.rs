//! What both WebAssembly modules share (`learning_week` and `learning_week_office`, included by
//! `#[path]` into each): JS values to JSON text and bytes, core answers back to plain JS objects.
//! Conversion only; every rule and message is core's.

use learning_week::api::{self, CompileError};
use learning_week::ffi::{self, Unconvertible};
use learning_week::Diagnostic;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// JSON text of a JS value, or the diagnostic saying why it has none.
pub(crate) fn json_text(value: &JsValue) -> Result<String, Diagnostic> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    // What JSON.stringify writes as {} and so would lose silently: a Map, a Set, a typed array
    // other than bytes (those are read as a file before this), a DataView.
    let lost = if value.is_instance_of::<js_sys::Map>() {
        Some("Map")
    } else if value.is_instance_of::<js_sys::Set>() {
        Some("Set")
    } else if js_sys::ArrayBuffer::is_view(value) {
        Some("TypedArray / DataView")
    } else {
        None
    };
    if let Some(what) = lost {
        return Err(ffi::unconvertible(Unconvertible::LosesData(what)));
    }
    match js_sys::JSON::stringify(value) {
        // `JSON.stringify` writes NaN and ±Infinity as null (a figure typed as text a form's
        // `Number()` could not read would then be reported missing) and throws on a BigInt:
        // written again with those values as the text a caller would read them as ("NaN",
        // "Infinity", a BigInt's number or digits), core reads them where they stand — the same answer
        // as Python gives for the same values. Only a text holding null (or the BigInt's
        // TypeError) is written twice.
        Ok(text) => match text.as_string() {
            Some(t) if t.contains("null") => Ok(with_host_scalars(value).unwrap_or(t)),
            Some(t) => Ok(t),
            // `undefined` is an absent value (null); a function or a symbol has no JSON at all
            None if value.is_undefined() => Ok("null".to_owned()),
            None => Err(ffi::unconvertible(Unconvertible::NoJson(&type_name(value)))),
        },
        Err(e) => {
            if e.is_instance_of::<js_sys::TypeError>() {
                if let Some(text) = with_host_scalars(value) {
                    return Ok(text);
                }
            }
            let detail = match e.dyn_ref::<js_sys::Error>() {
                Some(err) => [String::from(err.name()), String::from(err.message())].join(": "),
                None => e.as_string().unwrap_or_else(|| "JSON.stringify failed".to_owned()),
            };
            // The engine's own words only classify (V8 says "circular", SpiderMonkey and
            // JavaScriptCore "cyclic"); core words the diagnostic, the engine's text kept as detail.
            let why = if e.is_instance_of::<js_sys::RangeError>() {
                Unconvertible::TooDeep(&detail)
            } else if e.is_instance_of::<js_sys::TypeError>()
                && (detail.contains("circular") || detail.contains("cyclic"))
            {
                Unconvertible::Cycle
            } else {
                Unconvertible::Raised(&detail)
            };
            Err(ffi::unconvertible(why))
        }
    }
}

/// `value`'s JSON text with NaN and ±Infinity written as the strings "NaN", "Infinity" and
/// "-Infinity" and a BigInt as its number (within 2^53) or its digits, or `None` if `JSON.stringify` still
/// refuses it (a cycle, a throwing `toJSON`).
fn with_host_scalars(value: &JsValue) -> Option<String> {
    let replacer = Closure::<dyn Fn(JsValue, JsValue) -> JsValue>::new(|_key: JsValue, v: JsValue| {
        if let Some(n) = v.as_f64() {
            return match (n.is_nan(), n.is_finite(), n > 0.0) {
                (true, ..) => JsValue::from_str("NaN"),
                (_, false, true) => JsValue::from_str("Infinity"),
                (_, false, false) => JsValue::from_str("-Infinity"),
                _ => v,
            };
        }
        if v.is_bigint() {
            // Within 2^53 a number, exactly (as Python's int is); beyond it its digits as text,
            // which core reads exactly (and refuses as too large for any count).
            let big = v.unchecked_ref::<js_sys::BigInt>().clone();
            return match i64::try_from(big.clone()) {
                #[allow(clippy::cast_precision_loss, reason = "within 2^53: exact")]
                Ok(n) if n.unsigned_abs() < (1 << 53) => JsValue::from_f64(n as f64),
                _ => big.to_string(10).map(JsValue::from).unwrap_or(v),
            };
        }
        v
    });
    js_sys::JSON::stringify_with_replacer(value, replacer.as_ref()).ok()?.as_string()
}

/// Options as JSON text; `undefined` → `null` (defaults).
pub(crate) fn options_text(options: &JsValue) -> Result<String, Diagnostic> {
    json_text(options).map_err(|mut d| {
        d.document = Some("options".into());
        d
    })
}

/// A core answer as a plain JS object.
pub(crate) fn to_js<T: serde::Serialize>(answer: &T) -> JsValue {
    from_json_text(&api::to_json_string(answer))
}

/// A core answer given as JSON text, as a plain JS object.
pub(crate) fn from_json_text(text: &str) -> JsValue {
    js_sys::JSON::parse(text).unwrap_or(JsValue::NULL)
}

/// What a host value is, for an argument error (`null`, `number`, `object` …).
pub(crate) fn type_name(v: &JsValue) -> String {
    if v.is_null() {
        "null".to_owned()
    } else {
        v.js_typeof().as_string().unwrap_or_default()
    }
}

/// A context document as JSON text (`undefined` / `null` → none), or the diagnostic saying why
/// it has none, tagged with `document`.
pub(crate) fn context_text(value: &JsValue, document: &str) -> Result<Option<String>, Diagnostic> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    json_text(value).map(Some).map_err(|mut d| {
        d.document = Some(document.into());
        d
    })
}

/// A notice and a plan (JSON text, object, or absent) compiled into core's validator.
pub(crate) fn compile(notice: &JsValue, plan: &JsValue) -> Result<api::Validator, CompileError> {
    let fail = |d: Diagnostic| CompileError { diagnostics: vec![d] };
    let base = match context_text(notice, "notice").map_err(fail)? {
        None => api::Validator::default(),
        Some(text) => api::Validator::from_json(&text)?,
    };
    match context_text(plan, "plan").map_err(fail)? {
        None => Ok(base),
        Some(text) => base.with_plan_json(&text),
    }
}

/// A JS string, boolean or number as JSON (anything else as null), for core to answer
/// `type.invalid` about when it is not what the request wants.
pub(crate) fn scalar(v: &JsValue) -> serde_json::Value {
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

/// A host value's bytes: a `Uint8Array` or an `ArrayBuffer` (copied), else `None`. A detached
/// buffer (transferred to a worker, say) has no bytes left: it reads as an empty file, never
/// as a `TypeError` thrown across the boundary.
pub(crate) fn bytes_of(v: &JsValue) -> Option<Vec<u8>> {
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
