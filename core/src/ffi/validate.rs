//! Validation as the bindings call it: the document and the options as JSON text or the
//! reader's tree, answered as data or JSON text.

use super::*;
use crate::api::*;
use crate::catalog::{Diagnostic, DocumentKind, Lang};
use crate::decode::parse_json;
use crate::json::Json;
use crate::validate::Document;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A validation request as one JSON object, for callers that hold only strings.
///
/// ```
/// use learning_week::ffi::ValidateRequest;
/// let r: ValidateRequest = serde_json::from_str(r#"{"kind": "summary", "input": {"host_unit": "东湖区"}}"#).unwrap();
/// assert!(r.options.notice.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ValidateRequest {
    /// 文档类型 / the kind; absent → detected.
    #[serde(default)]
    pub kind: Option<DocumentKind>,
    /// 输入 / the document (an object, or its JSON text to keep line and column).
    pub input: Value,
    /// 校验依据 / notice and plan.
    #[serde(flatten)]
    pub options: ValidateOptions,
}

/// Answers a [`ValidateRequest`] given as JSON text with a [`ValidationAnswer`] as JSON text.
/// A malformed request is answered, not thrown.
///
/// ```
/// let out = learning_week::ffi::validate_request_text(r#"{"input": "{\"host_unit\": 1}"}"#);
/// let a: serde_json::Value = serde_json::from_str(&out).unwrap();
/// assert_eq!(a["valid"], false);
/// ```
pub fn validate_request_text(request: &str) -> String {
    let answer = match parse_json(request) {
        Err(d) => ValidationAnswer::from_diagnostics(None, vec![d], None),
        Ok(v) => match serde_json::from_value::<ValidateRequest>(v) {
            Err(e) => {
                let d = argument_error("request", "{kind?, input, notice?, plan?}", e.to_string());
                ValidationAnswer::from_diagnostics(None, vec![d], None)
            }
            Ok(req) => match &req.input {
                Value::String(text) => validate_json(req.kind, text, &req.options),
                other => validate_value(req.kind, other, &req.options),
            },
        },
    };
    to_json_string(&answer)
}

/// The options a binding takes beside a document, as one object (a JS options object):
/// [`ValidateOptions`] (`notice`, `plan`) plus `kind` and `lang`.
///
/// ```
/// use learning_week::{ffi::binding_options, DocumentKind, Lang};
/// let o = binding_options(r#"{"kind": "plan", "lang": "en", "notice": null}"#).unwrap();
/// assert_eq!((o.kind, o.lang), (Some(DocumentKind::Plan), Lang::En));
/// assert_eq!(binding_options("null").unwrap(), Default::default());
/// let bad = binding_options(r#"{"lang": "fr"}"#).unwrap_err();
/// assert_eq!((bad[0].code.as_str(), bad[0].document.as_deref()), ("type.invalid", Some("options")));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct BindingOptions {
    /// 文档类型 / the kind, for functions that do not fix it; absent → detected.
    #[serde(default)]
    pub kind: Option<DocumentKind>,
    /// 语言 / the language of each diagnostic's `message`.
    #[serde(default)]
    pub lang: Lang,
    /// 返回规范化文档 / whether the answer carries the `document` as read: absent or true → yes;
    /// false → it is not built (a caller that keeps only the diagnostics saves that work).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<bool>,
    /// 校验依据 / notice and plan.
    #[serde(flatten)]
    pub validate: ValidateOptions,
}

/// What `#[derive(Deserialize)]` with `#[serde(flatten)]` reads, written out: the same keys, the
/// same values, the same errors (each key's value is read by its own type's `Deserialize`, in
/// the order the keys come; unknown keys ignored; anything but an object is "invalid type: …,
/// expected struct BindingOptions"), without serde's buffering of the flattened keys (its
/// `Content` and `FlatMapDeserializer`, which nothing else in the WebAssembly module a form
/// loads first needs: issue 21).
///
/// ```
/// use learning_week::ffi::BindingOptions;
/// let o: BindingOptions = serde_json::from_str(r#"{"lang": "en", "plan": {"unit": "东湖区"}, "x": 1}"#).unwrap();
/// assert_eq!((o.lang, o.validate.plan.is_some(), o.validate.notice), (learning_week::Lang::En, true, None));
/// let e = serde_json::from_value::<BindingOptions>(serde_json::json!([1])).unwrap_err();
/// assert_eq!(e.to_string(), "invalid type: sequence, expected struct BindingOptions");
/// ```
impl<'de> Deserialize<'de> for BindingOptions {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Keys;
        impl<'de> serde::de::Visitor<'de> for Keys {
            type Value = BindingOptions;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("struct BindingOptions")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<BindingOptions, A::Error> {
                const FIELDS: [&str; 5] = ["kind", "lang", "document", "notice", "plan"];
                let mut o = BindingOptions::default();
                let mut seen = [false; 5];
                while let Some(key) = map.next_key::<String>()? {
                    // A key given twice (JSON text read straight into this type) is refused, as
                    // the derived code refuses it.
                    if let Some(i) = FIELDS.iter().position(|f| *f == key) {
                        if std::mem::replace(&mut seen[i], true) {
                            return Err(serde::de::Error::duplicate_field(FIELDS[i]));
                        }
                    }
                    match key.as_str() {
                        "kind" => o.kind = map.next_value()?,
                        "lang" => o.lang = map.next_value()?,
                        "document" => o.document = map.next_value()?,
                        "notice" => o.validate.notice = map.next_value()?,
                        "plan" => o.validate.plan = map.next_value()?,
                        _ => {
                            map.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(o)
            }
        }
        deserializer.deserialize_map(Keys)
    }
}

/// Reads a binding's options from JSON text (`null` → defaults); unusable options come back as
/// one diagnostic tagged `document: "options"`.
pub fn binding_options(text: &str) -> Result<BindingOptions, Vec<Diagnostic>> {
    options_json(text, "{kind?, notice?, plan?, lang?: \"zh\" | \"en\"}")
}

/// Options of type `T` from JSON text (`null` → defaults), or the diagnostic tagged `options`.
pub(crate) fn options_json<T: Default + serde::de::DeserializeOwned>(
    text: &str,
    expected: &str,
) -> Result<T, Vec<Diagnostic>> {
    match parse_json(text) {
        Ok(Value::Null) => Ok(T::default()),
        Ok(v) => {
            serde_json::from_value(v).map_err(|e| vec![argument_error("options", expected, e.to_string())])
        }
        Err(mut d) => {
            d.document = Some("options".into());
            Err(vec![d])
        }
    }
}

/// Validation as a binding calls it: the document and the options as JSON text (a host value
/// serialised by the host, or the caller's own text, which keeps line and column), the whole
/// document or, with `pointer`, only the rules that read that field; `kind` (fixed by the
/// binding's function) wins over `options.kind`; messages in `options.lang`.
///
/// ```
/// use learning_week::{ffi, DocumentKind};
/// let a = ffi::validate(Some(DocumentKind::Summary), r#"{"host_unit": "朝阳区"}"#, Some("/host_unit"), r#"{"lang": "en"}"#);
/// assert_eq!(a.codes(), vec!["unit.unknown"]);
/// assert_eq!(a.diagnostics[0].message, a.diagnostics[0].message_en);
/// assert_eq!(ffi::validate(None, "{}", None, "{\"plan\": 3}").codes(), vec!["type.invalid"]);
/// let doc = r#"{"host_unit": "东湖区"}"#;
/// assert!(ffi::validate(None, doc, None, "null").document.is_some());
/// assert!(ffi::validate(None, doc, None, r#"{"document": false}"#).document.is_none());
/// ```
pub fn validate(
    kind: Option<DocumentKind>,
    input: &str,
    pointer: Option<&str>,
    options: &str,
) -> ValidationAnswer {
    with_value_document(binding_answer(kind, options, |kind, o| text_answer(kind, input, pointer, o)))
}

/// A binding's options applied around a validation: unusable options are the answer; `kind`
/// wins over `options.kind`; messages in `options.lang`; no document with `document: false`.
pub(crate) fn binding_answer<'i>(
    kind: Option<DocumentKind>,
    options: &str,
    validate: impl FnOnce(Option<DocumentKind>, &ValidateOptions) -> Typed<'i>,
) -> Typed<'i> {
    let o = match binding_options(options) {
        Ok(o) => o,
        Err(diags) => return (ValidationAnswer::from_diagnostics(kind, diags, None), None),
    };
    let (answer, document) = validate(kind.or(o.kind), &o.validate);
    (answer.in_lang(o.lang), document.filter(|_| o.document != Some(false)))
}

/// [`binding_answer`] for a compiled [`Validator`]'s method: the options carry only `kind`,
/// `lang` and `document`; a `notice` or `plan` there is refused (they were compiled).
pub(crate) fn compiled_answer<'i>(
    kind: Option<DocumentKind>,
    options: &str,
    validate: impl FnOnce(Option<DocumentKind>) -> Typed<'i>,
) -> Typed<'i> {
    binding_answer(kind, options, |kind, context| {
        if context.notice.as_ref().is_some_and(|v| !v.is_null())
            || context.plan.as_ref().is_some_and(|v| !v.is_null())
        {
            let found =
                "notice / plan (they belong to the Validator, given once when it is built)".to_owned();
            let d = argument_error("options", "{kind?, lang?, document?}", found);
            return (ValidationAnswer::from_diagnostics(kind, vec![d], None), None);
        }
        validate(kind)
    })
}

impl Validator {
    /// What a binding's `Validator.validate(…)` answers, as JSON text: the document as JSON
    /// text, optionally one field (`pointer`), and the options (`{kind?, lang?, document?}`)
    /// as JSON text; `kind` (fixed by the binding's method) wins over `options.kind`.
    ///
    /// ```
    /// use learning_week::api::{DocumentKind, Validator};
    /// let v = Validator::default();
    /// let out = v.ffi_validate_text(Some(DocumentKind::Summary), r#"{"host_unit": "朝阳区"}"#, Some("/host_unit"), r#"{"lang": "en"}"#);
    /// assert!(out.contains("unit.unknown"));
    /// assert!(v.ffi_validate_text(None, "{}", None, r#"{"notice": {}}"#).contains("belong to the Validator"));
    /// ```
    pub fn ffi_validate_text(
        &self,
        kind: Option<DocumentKind>,
        input: &str,
        pointer: Option<&str>,
        options: &str,
    ) -> String {
        answer_text(
            compiled_answer(kind, options, |kind| self.answer_text(kind, input, pointer)),
            input.len(),
        )
    }

    /// [`Validator::ffi_validate_text`] for a file as received: its name (a hint only; `""`
    /// for bare bytes) and its bytes, read by [`Validator::validate_file`]'s policy — JSON text,
    /// a Word / Excel 总结表, a notice .docx, or a format it says how to fix.
    ///
    /// ```
    /// let v = learning_week::api::Validator::default();
    /// let out = v.ffi_validate_file(None, "a.wps", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", None, r#"{"lang": "en"}"#);
    /// assert!(out.contains("import.unsupported_format") && out.contains("save it as .docx"));
    /// ```
    pub fn ffi_validate_file(
        &self,
        kind: Option<DocumentKind>,
        name: &str,
        bytes: &[u8],
        pointer: Option<&str>,
        options: &str,
    ) -> String {
        answer_text(
            compiled_answer(kind, options, |kind| self.answer_file(kind, name, bytes, pointer)),
            bytes.len(),
        )
    }

    /// [`Validator::ffi_validate_text`] for a document already in the reader's tree, answered as the
    /// typed [`ValidationAnswer`] (the Python package builds its objects from it).
    ///
    /// ```
    /// let v = learning_week::api::Validator::default();
    /// let tree = learning_week::json::parse(r#"{"host_unit": "朝阳区"}"#).unwrap();
    /// assert!(v.ffi_validate_tree(None, &tree, None, "null").codes().contains(&"unit.unknown"));
    /// ```
    pub fn ffi_validate_tree(
        &self,
        kind: Option<DocumentKind>,
        input: &Json<'_>,
        pointer: Option<&str>,
        options: &str,
    ) -> ValidationAnswer {
        with_value_document(compiled_answer(kind, options, |kind| self.answer_tree(kind, input, pointer)))
    }

    /// A binding's roll-up on this validator's notice: the submissions as a JSON array (see
    /// [`AggregateRequest`]) and the options (`{plans?, grace_days?}`) as JSON text.
    ///
    /// ```
    /// let v = learning_week::api::Validator::default();
    /// let a = v.ffi_aggregate(r#"["{"]"#, r#"{"grace_days": 1}"#);
    /// assert_eq!(a.rollup.unwrap().accounting.rejected.len(), 1);
    /// ```
    pub fn ffi_aggregate(&self, submissions: &str, options: &str) -> AggregateAnswer {
        aggregate_on(Some(self), submissions, options)
    }
}

/// An answer with its typed document, as [`answer_text`] writes it.
#[derive(Serialize)]
struct AnswerText<'a> {
    #[serde(flatten)]
    answer: &'a ValidationAnswer,
    #[serde(skip_serializing_if = "Option::is_none")]
    document: Option<&'a Document<'a>>,
}

/// The answer's JSON text, the document written straight from the typed model: the same text as
/// [`with_value_document`] then [`to_json_string`]. `input_len` is the length of the text the
/// document was read from (0 when unknown): an answer with its document is about as long, so the
/// text starts with that much room (up to a MiB: a file's bytes may be mostly pictures) and is
/// seldom copied to grow.
pub(crate) fn answer_text((answer, document): Typed, input_len: usize) -> String {
    let room = if document.is_some() { input_len.min(1 << 20) + 1024 } else { 1024 };
    to_json_string_sized(&AnswerText { answer: &answer, document: document.as_ref() }, room)
}

/// [`validate`] answered as JSON text, what the Python and WASM packages pass on: the
/// same text as `to_json_string(&ffi::validate(..))`, but the `document` is written straight
/// from the typed model instead of being built as a [`serde_json::Value`] first (a third of the
/// work of a full validation).
///
/// ```
/// use learning_week::{api::to_json_string, ffi::{self, validate_text}};
/// let doc = r#"{"host_unit": "东湖区", "participation": {"participants": "约3.5万人次"}}"#;
/// assert_eq!(validate_text(None, doc, None, "null"), to_json_string(&ffi::validate(None, doc, None, "null")));
/// assert!(validate_text(None, "[", None, "null").contains("json.syntax"));
/// ```
pub fn validate_text(
    kind: Option<DocumentKind>,
    input: &str,
    pointer: Option<&str>,
    options: &str,
) -> String {
    answer_text(binding_answer(kind, options, |kind, o| text_answer(kind, input, pointer, o)), input.len())
}

/// [`validate_text`] for a file as received (its name, a hint only, and its bytes), the notice
/// and plan in the options: see [`Validator::validate_file`].
///
/// ```
/// let out = learning_week::ffi::validate_file_text(None, "", r#"{"host_unit": "朝阳区"}"#.as_bytes(), None, "null");
/// assert!(out.contains("unit.unknown"));
/// ```
pub fn validate_file_text(
    kind: Option<DocumentKind>,
    name: &str,
    bytes: &[u8],
    pointer: Option<&str>,
    options: &str,
) -> String {
    answer_text(
        binding_answer(kind, options, |kind, o| {
            with_validator(kind, o, |v| v.answer_file(kind, name, bytes, pointer))
        }),
        bytes.len(),
    )
}

/// [`validate_file_text`] as a binding calls it with a host value: the bytes, or `None` when the
/// value was not bytes (`found` says what it was) — then one `type.invalid` at the root naming
/// it, never an empty file.
///
/// ```
/// let out = learning_week::ffi::validate_file_bytes(None, "", None, "number", None, "null");
/// assert!(out.contains("type.invalid") && out.contains("number"));
/// ```
pub fn validate_file_bytes(
    kind: Option<DocumentKind>,
    name: &str,
    bytes: Option<&[u8]>,
    found: &str,
    pointer: Option<&str>,
    options: &str,
) -> String {
    match bytes {
        Some(b) => validate_file_text(kind, name, b, pointer, options),
        None => {
            let d = argument_error("input", "Uint8Array | ArrayBuffer (a file's bytes)", found.to_owned());
            to_json_string(&ValidationAnswer::from_diagnostics(kind, vec![d], None))
        }
    }
}

/// [`validate_text`] for a document a binding has already turned into the reader's tree
/// (the Python package walks a `dict` into one instead of writing and re-reading JSON text).
///
/// ```
/// use learning_week::ffi::{validate_text, validate_tree_text};
/// let text = r#"{"host_unit": "朝阳区"}"#;
/// let tree = learning_week::json::parse(text).unwrap();
/// assert_eq!(validate_tree_text(None, &tree, None, "null"), validate_text(None, text, None, "null"));
/// ```
pub fn validate_tree_text(
    kind: Option<DocumentKind>,
    input: &Json<'_>,
    pointer: Option<&str>,
    options: &str,
) -> String {
    answer_text(answer_on_tree(kind, input, pointer, options), 0)
}

/// [`binding_answer`] on the reader's tree: what the two tree entry points share.
pub(crate) fn answer_on_tree<'i>(
    kind: Option<DocumentKind>,
    input: &Json<'i>,
    pointer: Option<&str>,
    options: &str,
) -> Typed<'i> {
    binding_answer(kind, options, |kind, o| tree_answer(kind, input, pointer, o))
}

/// [`validate_tree_text`] answered as the typed [`ValidationAnswer`] (what
/// `to_json_string` of it writes is that function's text): for a binding that builds host
/// objects from the answer instead of handing its text to a JSON parser.
///
/// ```
/// use learning_week::{api::to_json_string, ffi::{validate_tree_text, validate_tree}};
/// let tree = learning_week::json::parse(r#"{"host_unit": "朝阳区"}"#).unwrap();
/// let answer = validate_tree(None, &tree, None, r#"{"lang": "en"}"#);
/// assert!(answer.codes().contains(&"unit.unknown"));
/// assert_eq!(to_json_string(&answer), validate_tree_text(None, &tree, None, r#"{"lang": "en"}"#));
/// ```
pub fn validate_tree(
    kind: Option<DocumentKind>,
    input: &Json<'_>,
    pointer: Option<&str>,
    options: &str,
) -> ValidationAnswer {
    with_value_document(answer_on_tree(kind, input, pointer, options))
}

/// Why a host value (Python's, JavaScript's) has no JSON text, as a binding found it; core
/// words it ([`unconvertible`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unconvertible<'a> {
    /// Nested deeper than the host's encoder can go (a 100,000-deep array): the host's text.
    TooDeep(&'a str),
    /// An object that contains itself.
    Cycle,
    /// A container JSON would write as `{}`, its data lost (a `Map`, a `Set`, a typed array).
    LosesData(&'a str),
    /// A value of a type with no JSON form (a function, a symbol, a Python object): its type.
    NoJson(&'a str),
    /// A key that is not text (a Python tuple as a dict key): its type.
    Key(&'a str),
    /// Reading the value raised (a `toJSON` or getter that throws): the error's own text.
    Raised(&'a str),
    /// Text that is not Unicode (a lone surrogate, bytes that are not UTF-8): the host's text.
    NotUnicode(&'a str),
}

impl<'a> Unconvertible<'a> {
    /// The reason a binding names by its token (`too_deep`, `cycle`, `loses_data`, `no_json`,
    /// `key`, `raised`, `not_unicode`) with its detail; an unknown token is `raised`.
    ///
    /// ```
    /// use learning_week::ffi::Unconvertible;
    /// assert_eq!(Unconvertible::from_token("cycle", ""), Unconvertible::Cycle);
    /// assert_eq!(Unconvertible::from_token("no_json", "function"), Unconvertible::NoJson("function"));
    /// ```
    pub fn from_token(token: &str, detail: &'a str) -> Self {
        match token {
            "too_deep" => Self::TooDeep(detail),
            "cycle" => Self::Cycle,
            "loses_data" => Self::LosesData(detail),
            "no_json" => Self::NoJson(detail),
            "key" => Self::Key(detail),
            "not_unicode" => Self::NotUnicode(detail),
            _ => Self::Raised(detail),
        }
    }

    fn token(self) -> &'static str {
        match self {
            Self::TooDeep(_) => "too_deep",
            Self::Cycle => "cycle",
            Self::LosesData(_) => "loses_data",
            Self::NoJson(_) => "no_json",
            Self::Key(_) => "key",
            Self::Raised(_) => "raised",
            Self::NotUnicode(_) => "not_unicode",
        }
    }
}

/// The diagnostic for a host value that cannot become JSON text at all, at the root, worded
/// in both languages by core whatever the host said: `json.too_deep` for [`Unconvertible::TooDeep`],
/// else `value.unconvertible` with `reason` (the token), `why` / `why_en` and the host's own
/// text, if any, as `detail` (a param, never the message: an engine's English is not the
/// clerk's language).
///
/// ```
/// use learning_week::ffi::{unconvertible, Unconvertible};
/// let d = unconvertible(Unconvertible::TooDeep("RangeError: Maximum call stack size exceeded"));
/// assert_eq!((d.code.as_str(), d.path.as_str()), ("json.too_deep", ""));
/// let d = unconvertible(Unconvertible::Cycle);
/// assert_eq!(d.code, "value.unconvertible");
/// assert!(d.message.contains("循环引用") && d.message_en.contains("cycle"));
/// ```
pub fn unconvertible(why: Unconvertible<'_>) -> Diagnostic {
    use crate::catalog::{make, params, structural as st};
    let (zh, en, detail) = match why {
        Unconvertible::TooDeep(detail) => {
            return make(&st::JSON_TOO_DEEP, String::new(), params! {"line" => 1, "column" => 1, "detail" => detail}, None);
        }
        Unconvertible::Cycle => (
            "对象直接或间接包含了它自身（循环引用）；请传入不含循环的普通数据".to_owned(),
            "an object contains itself (a cycle); give plain data without cycles".to_owned(),
            "",
        ),
        Unconvertible::LosesData(what) => (
            format!("{what} 会被写成 {{}}，其中的数据将丢失；请改用普通对象或数组"),
            format!("{what} would be written as {{}}, its data lost; give a plain object or array"),
            "",
        ),
        Unconvertible::NoJson(what) => (
            format!("“{what}”类型的值没有 JSON 形式；请传入对象、数组、文本、数字、布尔值或 null"),
            format!("a value of type \"{what}\" has no JSON form; give an object, array, text, number, boolean or null"),
            "",
        ),
        Unconvertible::Key(what) => (
            format!("对象的键必须是文本，这里有一个“{what}”类型的键"),
            format!("an object's keys must be text; one here is of type \"{what}\""),
            "",
        ),
        Unconvertible::Raised(detail) => (
            "读取这个值时出错（它的 toJSON 或某个属性的 getter 抛出了异常）".to_owned(),
            "reading it raised an error (its toJSON or a property's getter threw)".to_owned(),
            detail,
        ),
        Unconvertible::NotUnicode(detail) => (
            "文本含有不是有效 Unicode 的内容（如单独的代理项或非 UTF-8 字节）；请检查文本的来源".to_owned(),
            "the text holds what is not valid Unicode (a lone surrogate, bytes that are not UTF-8); check where it came from".to_owned(),
            detail,
        ),
    };
    let mut p = params! {"reason" => why.token(), "why" => zh, "why_en" => en};
    if !detail.is_empty() {
        p.insert("detail".into(), detail.into());
    }
    make(&st::VALUE_UNCONVERTIBLE, String::new(), p, None)
}

/// A binding's argument that is not what the call takes (`validateField`'s pointer given as a
/// number, the inbox's files not an array): `type.invalid` tagged with the argument's name as
/// `document`, `expected` and `found` as given.
///
/// ```
/// let d = learning_week::ffi::argument_invalid("pointer", "string (an RFC 6901 pointer such as /host_unit)", "number");
/// assert_eq!((d.code.as_str(), d.document.as_deref()), ("type.invalid", Some("pointer")));
/// ```
pub fn argument_invalid(argument: &str, expected: &str, found: &str) -> Diagnostic {
    crate::api::argument_error(argument, expected, found.to_owned())
}

#[cfg(test)]
mod tests {
    use super::BindingOptions;
    use serde_json::json;

    /// Every example file and every shared vector's input, with the options each is validated
    /// with (`null`, `{"document": false}` and the vector's own).
    fn inputs() -> Vec<(Option<crate::catalog::DocumentKind>, String, String)> {
        use serde_json::Value;
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut files = Vec::new();
        let mut dirs = vec![root.join("examples"), root.join("tests/vectors")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let p = entry.path();
                if p.is_dir() {
                    dirs.push(p);
                } else if p.extension().is_some_and(|x| x == "json") {
                    files.push(p);
                }
            }
        }
        files.sort();
        assert!(files.len() > 60, "{} files", files.len());
        let mut out = Vec::new();
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap_or_default();
            for options in ["null", r#"{"document": false}"#, r#"{"lang": "en"}"#] {
                out.push((None, text.clone(), options.to_owned()));
            }
            let Ok(v) = serde_json::from_str::<Value>(&text) else { continue };
            for case in v.get("cases").and_then(Value::as_array).into_iter().flatten() {
                let kind = case
                    .get("kind")
                    .and_then(Value::as_str)
                    .and_then(crate::catalog::DocumentKind::from_name);
                let input = match (case.get("input_text").and_then(Value::as_str), case.get("input")) {
                    (Some(t), _) => t.to_owned(),
                    (None, Some(i)) => i.to_string(),
                    (None, None) => continue,
                };
                let options = case.get("options").map_or("null".to_owned(), Value::to_string);
                out.push((kind, input, options));
            }
        }
        out
    }

    /// The typed answers (what `validate_text` writes, the document straight from the model)
    /// and the public ones (the document as a `Value`) are written by our writer exactly as
    /// serde_json writes them, for every example and vector.
    #[test]
    fn answers_are_written_as_serde_json_writes_them() {
        let mut checked = 0;
        for (kind, input, options) in inputs() {
            let (answer, document) =
                super::binding_answer(kind, &options, |k, o| super::text_answer(k, &input, None, o));
            let typed = super::AnswerText { answer: &answer, document: document.as_ref() };
            let ours = crate::json_writer::to_string(&typed).expect("an answer is written");
            assert_eq!(ours, serde_json::to_string(&typed).expect("an answer is written"), "{input}");
            let value = super::with_value_document((answer, document));
            assert_eq!(crate::api::to_json_string(&value), serde_json::to_string(&value).unwrap_or_default());
            checked += 1;
        }
        assert!(checked > 400, "only {checked} answers");
    }

    /// What `BindingOptions` was: `#[derive(Deserialize)]` with the notice and plan flattened in.
    mod derived {
        use crate::api::ValidateOptions;
        use crate::catalog::{DocumentKind, Lang};

        #[derive(Debug, serde::Deserialize)]
        pub struct BindingOptions {
            #[serde(default)]
            pub kind: Option<DocumentKind>,
            #[serde(default)]
            pub lang: Lang,
            #[serde(default)]
            pub document: Option<bool>,
            #[serde(flatten)]
            pub validate: ValidateOptions,
        }
    }

    /// A flattened key given twice in JSON text read straight into the type: the derived code
    /// found it at the end of the object, ours where the second one is (the same message; the
    /// bindings read a parsed value, where no key is twice).
    fn position_free(e: &serde_json::Error) -> String {
        let m = e.to_string();
        if m.starts_with("duplicate field `notice`") || m.starts_with("duplicate field `plan`") {
            m.split(" at line").next().unwrap_or_default().to_owned()
        } else {
            m
        }
    }

    /// Ours and the derived options read alike: the same values, or the same error (`err`).
    fn agree(
        text: &str,
        ours: Result<BindingOptions, serde_json::Error>,
        theirs: Result<derived::BindingOptions, serde_json::Error>,
        err: fn(&serde_json::Error) -> String,
    ) {
        match (ours, theirs) {
            (Ok(a), Ok(b)) => {
                assert_eq!(
                    (a.kind, a.lang, a.document, a.validate),
                    (b.kind, b.lang, b.document, b.validate),
                    "{text}"
                )
            }
            (Err(a), Err(b)) => assert_eq!(err(&a), err(&b), "{text}"),
            (a, b) => panic!("{text}: {a:?} vs {b:?}"),
        }
    }

    fn same(text: &str) {
        agree(text, serde_json::from_str(text), serde_json::from_str(text), position_free);
        let v: serde_json::Value = serde_json::from_str(text).unwrap_or(serde_json::Value::Null);
        agree(text, serde_json::from_value(v.clone()), serde_json::from_value(v), |e| e.to_string());
    }

    #[test]
    fn reads_what_the_derived_flattened_code_read() {
        let values = [
            json!(null),
            json!(true),
            json!(3),
            json!(-1.5),
            json!("x"),
            json!([]),
            json!([1]),
            json!({}),
            json!({"a": 1}),
            json!("plan"),
            json!("zh"),
            json!("en"),
            json!("summary"),
            json!(["en"]),
        ];
        for v in &values {
            same(&v.to_string());
            for key in ["kind", "lang", "document", "notice", "plan", "other"] {
                same(&json!({ key: v }).to_string());
                for w in &values {
                    same(&json!({ key: v, "lang": w }).to_string());
                    same(&json!({ "kind": w, key: v }).to_string());
                }
            }
        }
        for text in [
            r#"{"kind": "plan", "kind": "summary"}"#,
            r#"{"lang": "en", "lang": "zh"}"#,
            r#"{"notice": null, "notice": {}}"#,
            r#"{"plan": 1, "x": 2, "plan": 3}"#,
            r#"{"document": false, "document": true}"#,
            r#"{"kind": "nope", "lang": "fr"}"#,
            r#"{"lang": "fr", "kind": "nope"}"#,
            "[",
        ] {
            same(text);
        }
    }
}
