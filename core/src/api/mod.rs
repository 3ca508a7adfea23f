//! The one binding-facing API: serde request and answer types in and out, plus `*_json`
//! variants for callers that hold only strings (syntax errors then keep line and column).
//!
//! The Python and WebAssembly packages and the CLI only re-export and convert these; they hold
//! no rule, no message and no default. Bad input never panics and never throws: it comes back
//! as diagnostics.

pub mod inbox;
pub mod validator;
pub use inbox::{classify_file, FileClass, InboxFile};
pub use validator::{Checked, CompileError, CompiledNotice, Unit, Validator};

use crate::catalog::RuleDescriptor;
use crate::catalog::{Diagnostic, Severity};
use crate::decode::parse_json;
use crate::json::Json;
use crate::notice::Notice;
use crate::plan::ActivityPlan;
use crate::validate::{read_context, Document};
pub use crate::DocumentKind;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What a validation is checked against.
///
/// ```
/// use learning_week::api::ValidateOptions;
/// let o: ValidateOptions = serde_json::from_str(r#"{"notice": null}"#).unwrap();
/// assert!(o.notice.is_none()); // the embedded 2021 Nanchang notice is used
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ValidateOptions {
    /// 通知 / the notice (a JSON object, or its JSON text); absent → the built-in 2021 Nanchang notice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<Value>,
    /// 活动方案 / the unit's plan to compare a 总结表 with (object or JSON text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<Value>,
}

/// The answer to a validation: never an exception, always data.
///
/// ```
/// use learning_week::api;
/// let a = api::validate_json(None, "{\"host_unit\": \"东湖区\"}", &Default::default());
/// assert_eq!(a.kind, Some(api::DocumentKind::Summary));
/// assert!(!a.valid);
/// assert_eq!(a.errors, a.diagnostics.iter().filter(|d| d.severity == learning_week::Severity::Error).count());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ValidationAnswer {
    /// 是否通过 / true when no diagnostic is an error.
    pub valid: bool,
    /// 文档类型 / the kind validated (given or detected); absent when it could not be told.
    pub kind: Option<DocumentKind>,
    /// 错误数 / number of errors.
    pub errors: usize,
    /// 警告数 / number of warnings.
    pub warnings: usize,
    /// 诊断 / every finding.
    pub diagnostics: Vec<Diagnostic>,
    /// 规范化文档 / the document as read (counts read from text become qualified objects).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<Value>,
}

impl ValidationAnswer {
    /// Builds an answer from diagnostics, counting severities.
    ///
    /// ```
    /// use learning_week::api::ValidationAnswer;
    /// let a = ValidationAnswer::from_diagnostics(None, vec![], None);
    /// assert!(a.valid);
    /// ```
    pub fn from_diagnostics(
        kind: Option<DocumentKind>,
        diagnostics: Vec<Diagnostic>,
        document: Option<Value>,
    ) -> Self {
        let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
        let warnings = diagnostics.iter().filter(|d| d.severity == Severity::Warning).count();
        ValidationAnswer { valid: errors == 0, kind, errors, warnings, diagnostics, document }
    }

    /// The codes of all diagnostics, in order.
    ///
    /// ```
    /// use learning_week::api;
    /// let a = api::validate_json(None, "[", &Default::default());
    /// assert_eq!(a.codes(), vec!["json.syntax"]);
    /// ```
    pub fn codes(&self) -> Vec<&str> {
        self.diagnostics.iter().map(|d| d.code.as_str()).collect()
    }

    /// Whether the input could not be used at all — not JSON, nested too deep, of no kind, not
    /// an object, or the notice, plan, options or pointer it came with unusable — rather than a
    /// document with problems. Front doors map it to their own signal (the CLI: exit 2, not 1).
    ///
    /// ```
    /// use learning_week::api::Validator;
    /// let v = Validator::default();
    /// assert!(v.validate_json(None, "[").input_unusable());
    /// assert!(v.validate_json(None, "{}").input_unusable()); // no kind can be told
    /// let bad = v.validate_json(None, r#"{"host_unit": "朝阳区"}"#);
    /// assert!(!bad.valid && !bad.input_unusable()); // a 总结表 with problems
    /// assert!(v.validate_field_json(None, r#"{"host_unit": "东湖区"}"#, "/nowhere").input_unusable());
    /// ```
    pub fn input_unusable(&self) -> bool {
        self.diagnostics.iter().any(|d| {
            matches!(d.code.as_str(), "json.syntax" | "json.too_deep" | "document.kind_unknown")
                || (d.code == "type.invalid" && d.path.is_empty())
                || d.document.is_some()
        })
    }
}

/// Resolves the notice of `options`: the given one (decoded and checked) or the built-in default.
/// Errors in a given notice come back tagged `document: "notice"`. A caller that validates more
/// than once compiles a [`Validator`] instead.
///
/// ```
/// use learning_week::api::{resolve_notice, ValidateOptions};
/// assert_eq!(resolve_notice(&ValidateOptions::default()).unwrap().year, Some(2021));
/// let bad = ValidateOptions { notice: Some(serde_json::json!({"year": "x"})), plan: None };
/// let errs = resolve_notice(&bad).unwrap_err();
/// assert!(errs.iter().all(|d| d.document.as_deref() == Some("notice")));
/// ```
pub fn resolve_notice(options: &ValidateOptions) -> Result<Notice, Vec<Diagnostic>> {
    let notice_only = ValidateOptions { notice: options.notice.clone(), plan: None };
    Validator::from_options(&notice_only).map(|v| v.notice().model().clone()).map_err(|e| e.diagnostics)
}

/// Runs `f` with the validator of `options`, or answers with why it cannot be compiled.
fn with_validator(
    kind: Option<DocumentKind>,
    options: &ValidateOptions,
    f: impl FnOnce(&Validator) -> Typed,
) -> Typed {
    match Validator::from_options(options) {
        Ok(v) => f(&v),
        Err(e) => (ValidationAnswer::from_diagnostics(kind, e.diagnostics, None), None),
    }
}

/// Validates a JSON value. `kind` may be `None` to detect it from the keys.
///
/// ```
/// use learning_week::api::{self, DocumentKind};
/// let v = serde_json::json!({"participation": {"participants": -5}});
/// let a = api::validate_value(Some(DocumentKind::Summary), &v, &Default::default());
/// assert!(a.diagnostics.iter().any(|d| d.code == "count.negative" && d.path == "/participation/participants"));
/// ```
pub fn validate_value(
    kind: Option<DocumentKind>,
    input: &Value,
    options: &ValidateOptions,
) -> ValidationAnswer {
    with_value_document(tree_answer(kind, &Json::borrowed(input), None, options))
}

/// An answer without its `document`, and the document as read (typed): the whole document's,
/// never when only one field was re-checked.
type Typed = (ValidationAnswer, Option<Document>);

/// The answer as the public structs carry it: the document as a [`serde_json::Value`].
fn with_value_document((answer, document): Typed) -> ValidationAnswer {
    ValidationAnswer { document: document.map(|d| d.to_json()), ..answer }
}

/// Validates the reader's tree (one field of it when `field` is given).
fn tree_answer(
    kind: Option<DocumentKind>,
    input: &Json<'_>,
    field: Option<&str>,
    options: &ValidateOptions,
) -> Typed {
    with_validator(kind, options, |v| v.answer_tree(kind, input, field))
}

/// [`tree_answer`] for JSON text: malformed text is one `json.syntax` / `json.too_deep` finding.
fn text_answer(
    kind: Option<DocumentKind>,
    input: &str,
    field: Option<&str>,
    options: &ValidateOptions,
) -> Typed {
    with_validator(kind, options, |v| v.answer_text(kind, input, field))
}

/// Validates JSON text; malformed JSON gives one `json.syntax` diagnostic with line and column.
///
/// ```
/// use learning_week::api;
/// let a = api::validate_json(None, "{\"host_unit\": \"东湖区\",}", &Default::default());
/// assert_eq!(a.diagnostics[0].code, "json.syntax");
/// assert_eq!(a.diagnostics[0].params["line"], 1);
/// ```
pub fn validate_json(kind: Option<DocumentKind>, input: &str, options: &ValidateOptions) -> ValidationAnswer {
    with_value_document(text_answer(kind, input, None, options))
}

/// Re-checks one field of a document (per keystroke in a web form): the reading findings at or
/// below `pointer`, and the rules whose catalog entry reads that field (see [`rules`]).
///
/// ```
/// use learning_week::api;
/// let v = serde_json::json!({"host_unit": "东湖区", "year": "2021", "participation": {"main_venues": 0}});
/// let a = api::validate_field_value(None, &v, "/participation/main_venues", &Default::default());
/// assert_eq!(a.codes(), vec!["participation.no_main_venue"]); // the bad /year is not this field's business
/// ```
pub fn validate_field_value(
    kind: Option<DocumentKind>,
    input: &Value,
    pointer: &str,
    options: &ValidateOptions,
) -> ValidationAnswer {
    with_value_document(tree_answer(kind, &Json::borrowed(input), Some(pointer), options))
}

/// [`validate_field_value`] for JSON text.
///
/// ```
/// let a = learning_week::api::validate_field_json(None, "{\"host_unit\": \"朝阳区\"}", "/host_unit", &Default::default());
/// assert_eq!(a.codes(), vec!["unit.unknown"]);
/// ```
pub fn validate_field_json(
    kind: Option<DocumentKind>,
    input: &str,
    pointer: &str,
    options: &ValidateOptions,
) -> ValidationAnswer {
    with_value_document(text_answer(kind, input, Some(pointer), options))
}

/// A validation request as one JSON object, for callers that hold only strings.
///
/// ```
/// use learning_week::api::ValidateRequest;
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
/// let out = learning_week::api::validate_request_json(r#"{"input": "{\"host_unit\": 1}"}"#);
/// let a: serde_json::Value = serde_json::from_str(&out).unwrap();
/// assert_eq!(a["valid"], false);
/// ```
pub fn validate_request_json(request: &str) -> String {
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

/// Serialises any answer; serialisation of our own types cannot fail, but if it ever did the
/// caller still gets JSON, not a panic.
pub fn to_json_string<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| format!("{{\"error\":{}}}", Value::String(e.to_string())))
}

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

// ---- aggregation ----

/// A roll-up request: the notice, the submissions, optional plans and options.
///
/// Each item of `submissions` and `plans` is the document itself (a JSON object), its JSON text
/// (a string), or a wrapper `{"id"?: "...", "input": <object or text>}` / `{"id"?: "...",
/// "input_text": "..."}` to name it (a wrapper is an object whose keys are only `id`, `input`,
/// `input_text`). A submission may also be a bare 总结表 or a plan (then used as a plan).
///
/// ```
/// use learning_week::api::AggregateRequest;
/// let r: AggregateRequest = serde_json::from_str(r#"{"submissions": [{"input_text": "{"}], "options": {"grace_days": 1}}"#).unwrap();
/// assert_eq!(r.options.grace_days, Some(1));
/// assert!(r.plans.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AggregateRequest {
    /// 通知 / the notice (object or JSON text); absent → the built-in 2021 Nanchang notice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<Value>,
    /// 报送材料 / the submissions received.
    #[serde(default)]
    pub submissions: Vec<Value>,
    /// 活动方案 / plans sent separately (used for topic coverage).
    #[serde(default)]
    pub plans: Vec<Value>,
    /// 汇总选项 / options (grace days).
    #[serde(default)]
    pub options: crate::aggregate::AggregateOptions,
}

/// The answer to a roll-up: the roll-up, or (when the notice or the request itself is unusable)
/// the diagnostics saying why. An unreadable submission is never a failure: it is a rejected input.
///
/// ```
/// use learning_week::api::{aggregate_value, AggregateRequest};
/// let a = aggregate_value(&AggregateRequest::default());
/// assert!(a.ok);
/// assert_eq!(a.rollup.unwrap().expected_units, 13);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AggregateAnswer {
    /// 是否成功 / true when a roll-up was produced.
    pub ok: bool,
    /// 诊断 / why no roll-up was produced (a bad notice or request).
    pub diagnostics: Vec<Diagnostic>,
    /// 全市汇总 / the roll-up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rollup: Option<crate::aggregate::CityRollup>,
}

impl AggregateAnswer {
    fn failure(diagnostics: Vec<Diagnostic>) -> Self {
        AggregateAnswer { ok: false, diagnostics, rollup: None }
    }
}

/// Reads one request item (document, text or `{id, input | input_text}` wrapper) as an input.
///
/// ```
/// use learning_week::api::aggregate_input;
/// use learning_week::aggregate::InputContent;
/// let i = aggregate_input(&serde_json::json!({"id": "a.json", "input_text": "{"}));
/// assert_eq!(i.id.as_deref(), Some("a.json"));
/// assert_eq!(i.content, InputContent::Text("{".into()));
/// assert!(matches!(aggregate_input(&serde_json::json!({"summary": {}})).content, InputContent::Json(_)));
/// ```
pub fn aggregate_input(item: &Value) -> crate::aggregate::AggregateInput {
    use crate::aggregate::AggregateInput;
    let wrapper = item.as_object().filter(|o| {
        (o.contains_key("input") || o.contains_key("input_text"))
            && o.keys().all(|k| matches!(k.as_str(), "id" | "input" | "input_text"))
    });
    let (id, body) = match wrapper {
        Some(o) => (
            o.get("id").and_then(Value::as_str),
            o.get("input_text").or_else(|| o.get("input")).unwrap_or(&Value::Null),
        ),
        None => (None, item),
    };
    match body {
        Value::String(text) => AggregateInput::text(id, text.clone()),
        other => AggregateInput::json(id, other.clone()),
    }
}

/// Rolls up a request given as a value. Never panics; an unusable notice comes back as
/// diagnostics tagged `document: "notice"`.
///
/// ```
/// use learning_week::api::{aggregate_value, AggregateRequest};
/// let req = AggregateRequest {
///     submissions: vec![
///         serde_json::json!({"submitted_at": "2021-12-06T09:00:00+08:00", "summary": {"year": 2021, "host_unit": "东湖区"}}),
///         serde_json::json!("not json"),
///     ],
///     ..Default::default()
/// };
/// let r = aggregate_value(&req).rollup.unwrap();
/// assert_eq!(r.late_units[0].days_late, 1);
/// assert_eq!(r.accounting.rejected.len(), 1);
/// ```
pub fn aggregate_value(request: &AggregateRequest) -> AggregateAnswer {
    let options = ValidateOptions { notice: request.notice.clone(), plan: None };
    match Validator::from_options(&options) {
        Ok(v) => aggregate_with(&v, request),
        Err(e) => AggregateAnswer::failure(e.diagnostics),
    }
}

/// A roll-up request answered on a compiled validator (its `notice` is not read again).
fn aggregate_with(validator: &Validator, request: &AggregateRequest) -> AggregateAnswer {
    let inputs: Vec<crate::aggregate::AggregateInput> = request
        .submissions
        .iter()
        .map(aggregate_input)
        .chain(request.plans.iter().map(|p| aggregate_input(p).as_plan()))
        .collect();
    let rollup = validator.aggregate(&inputs, &request.options);
    AggregateAnswer { ok: true, diagnostics: Vec::new(), rollup: Some(rollup) }
}

/// Rolls up a request given as JSON text; a malformed request is answered, not thrown.
///
/// ```
/// let a = learning_week::api::aggregate_json(r#"{"submissions": ["{", {"input_text": "[1"}]}"#);
/// assert_eq!(a.rollup.unwrap().accounting.rejected.len(), 2);
/// assert!(!learning_week::api::aggregate_json("{").ok);
/// ```
pub fn aggregate_json(request: &str) -> AggregateAnswer {
    match parse_json(request) {
        Err(d) => AggregateAnswer::failure(vec![d]),
        Ok(v) => match serde_json::from_value::<AggregateRequest>(v) {
            Ok(req) => aggregate_value(&req),
            Err(e) => AggregateAnswer::failure(vec![argument_error(
                "request",
                "{notice?, submissions, plans?, options?}",
                e.to_string(),
            )]),
        },
    }
}

/// [`aggregate_json`] with the answer as JSON text, for callers that hold only strings.
///
/// ```
/// let out = learning_week::api::aggregate_request_json(r#"{"submissions": []}"#);
/// let v: serde_json::Value = serde_json::from_str(&out).unwrap();
/// assert_eq!(v["rollup"]["expected_units"], 13);
/// ```
pub fn aggregate_request_json(request: &str) -> String {
    to_json_string(&aggregate_json(request))
}

// ---- python/wasm shared helpers ----

pub use crate::Lang;

impl ValidationAnswer {
    /// The answer with every diagnostic's `message` in `lang` (`message_en` stays English).
    ///
    /// ```
    /// use learning_week::api::{self, Lang};
    /// let a = api::validate_json(None, "[", &Default::default()).in_lang(Lang::En);
    /// assert_eq!(a.diagnostics[0].message, a.diagnostics[0].message_en);
    /// ```
    pub fn in_lang(mut self, lang: Lang) -> Self {
        if lang == Lang::En {
            for d in &mut self.diagnostics {
                d.message.clone_from(&d.message_en);
            }
        }
        self
    }
}

/// The options a binding takes beside a document, as one object (a JS options object):
/// [`ValidateOptions`] (`notice`, `plan`) plus `kind` and `lang`.
///
/// ```
/// use learning_week::api::{binding_options_json, DocumentKind, Lang};
/// let o = binding_options_json(r#"{"kind": "plan", "lang": "en", "notice": null}"#).unwrap();
/// assert_eq!((o.kind, o.lang), (Some(DocumentKind::Plan), Lang::En));
/// assert_eq!(binding_options_json("null").unwrap(), Default::default());
/// let bad = binding_options_json(r#"{"lang": "fr"}"#).unwrap_err();
/// assert_eq!((bad[0].code.as_str(), bad[0].document.as_deref()), ("type.invalid", Some("options")));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
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

/// A `type.invalid` diagnostic about a binding's argument (`options`, `submissions`).
fn argument_error(document: &str, expected: &str, found: String) -> Diagnostic {
    let mut d = crate::catalog::make(
        &crate::catalog::structural::TYPE_INVALID,
        String::new(),
        crate::catalog::params! {"expected" => expected, "found" => found},
        None,
    );
    d.document = Some(document.to_owned());
    d
}

/// Reads a binding's options from JSON text (`null` → defaults); unusable options come back as
/// one diagnostic tagged `document: "options"`.
pub fn binding_options_json(text: &str) -> Result<BindingOptions, Vec<Diagnostic>> {
    options_json(text, "{kind?, notice?, plan?, lang?: \"zh\" | \"en\"}")
}

/// Options of type `T` from JSON text (`null` → defaults), or the diagnostic tagged `options`.
fn options_json<T: Default + serde::de::DeserializeOwned>(
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
/// use learning_week::api::{validate_binding, DocumentKind};
/// let a = validate_binding(Some(DocumentKind::Summary), r#"{"host_unit": "朝阳区"}"#, Some("/host_unit"), r#"{"lang": "en"}"#);
/// assert_eq!(a.codes(), vec!["unit.unknown"]);
/// assert_eq!(a.diagnostics[0].message, a.diagnostics[0].message_en);
/// assert_eq!(validate_binding(None, "{}", None, "{\"plan\": 3}").codes(), vec!["type.invalid"]);
/// let doc = r#"{"host_unit": "东湖区"}"#;
/// assert!(validate_binding(None, doc, None, "null").document.is_some());
/// assert!(validate_binding(None, doc, None, r#"{"document": false}"#).document.is_none());
/// ```
pub fn validate_binding(
    kind: Option<DocumentKind>,
    input: &str,
    pointer: Option<&str>,
    options: &str,
) -> ValidationAnswer {
    with_value_document(binding_answer(kind, options, |kind, o| text_answer(kind, input, pointer, o)))
}

/// A binding's options applied around a validation: unusable options are the answer; `kind`
/// wins over `options.kind`; messages in `options.lang`; no document with `document: false`.
fn binding_answer(
    kind: Option<DocumentKind>,
    options: &str,
    validate: impl FnOnce(Option<DocumentKind>, &ValidateOptions) -> Typed,
) -> Typed {
    let o = match binding_options_json(options) {
        Ok(o) => o,
        Err(diags) => return (ValidationAnswer::from_diagnostics(kind, diags, None), None),
    };
    let (answer, document) = validate(kind.or(o.kind), &o.validate);
    (answer.in_lang(o.lang), document.filter(|_| o.document != Some(false)))
}

/// [`binding_answer`] for a compiled [`Validator`]'s method: the options carry only `kind`,
/// `lang` and `document`; a `notice` or `plan` there is refused (they were compiled).
fn compiled_answer(
    kind: Option<DocumentKind>,
    options: &str,
    validate: impl FnOnce(Option<DocumentKind>) -> Typed,
) -> Typed {
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
    /// let out = v.binding_json(Some(DocumentKind::Summary), r#"{"host_unit": "朝阳区"}"#, Some("/host_unit"), r#"{"lang": "en"}"#);
    /// assert!(out.contains("unit.unknown"));
    /// assert!(v.binding_json(None, "{}", None, r#"{"notice": {}}"#).contains("belong to the Validator"));
    /// ```
    pub fn binding_json(
        &self,
        kind: Option<DocumentKind>,
        input: &str,
        pointer: Option<&str>,
        options: &str,
    ) -> String {
        answer_text(compiled_answer(kind, options, |kind| self.answer_text(kind, input, pointer)))
    }

    /// [`Validator::binding_json`] for a document already in the reader's tree, answered as the
    /// typed [`ValidationAnswer`] (the Python package builds its objects from it).
    ///
    /// ```
    /// let v = learning_week::api::Validator::default();
    /// let tree = learning_week::json::parse(r#"{"host_unit": "朝阳区"}"#).unwrap();
    /// assert!(v.binding_tree_answer(None, &tree, None, "null").codes().contains(&"unit.unknown"));
    /// ```
    pub fn binding_tree_answer(
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
    /// let a = v.aggregate_binding(r#"["{"]"#, r#"{"grace_days": 1}"#);
    /// assert_eq!(a.rollup.unwrap().accounting.rejected.len(), 1);
    /// ```
    pub fn aggregate_binding(&self, submissions: &str, options: &str) -> AggregateAnswer {
        aggregate_binding_with(Some(self), submissions, options)
    }
}

/// The answer's JSON text, the document written straight from the typed model: the same text as
/// [`with_value_document`] then [`to_json_string`].
fn answer_text((answer, document): Typed) -> String {
    #[derive(Serialize)]
    struct Text<'a> {
        #[serde(flatten)]
        answer: &'a ValidationAnswer,
        #[serde(skip_serializing_if = "Option::is_none")]
        document: Option<&'a Document>,
    }
    to_json_string(&Text { answer: &answer, document: document.as_ref() })
}

/// [`validate_binding`] answered as JSON text, what the Python and WASM packages pass on: the
/// same text as `to_json_string(&validate_binding(..))`, but the `document` is written straight
/// from the typed model instead of being built as a [`serde_json::Value`] first (a third of the
/// work of a full validation).
///
/// ```
/// use learning_week::api::{to_json_string, validate_binding, validate_binding_json};
/// let doc = r#"{"host_unit": "东湖区", "participation": {"participants": "约3.5万人次"}}"#;
/// assert_eq!(validate_binding_json(None, doc, None, "null"), to_json_string(&validate_binding(None, doc, None, "null")));
/// assert!(validate_binding_json(None, "[", None, "null").contains("json.syntax"));
/// ```
pub fn validate_binding_json(
    kind: Option<DocumentKind>,
    input: &str,
    pointer: Option<&str>,
    options: &str,
) -> String {
    answer_text(binding_answer(kind, options, |kind, o| text_answer(kind, input, pointer, o)))
}

/// [`validate_binding_json`] for a document a binding has already turned into the reader's tree
/// (the Python package walks a `dict` into one instead of writing and re-reading JSON text).
///
/// ```
/// use learning_week::api::{validate_binding_json, validate_binding_tree};
/// let text = r#"{"host_unit": "朝阳区"}"#;
/// let tree = learning_week::json::parse(text).unwrap();
/// assert_eq!(validate_binding_tree(None, &tree, None, "null"), validate_binding_json(None, text, None, "null"));
/// ```
pub fn validate_binding_tree(
    kind: Option<DocumentKind>,
    input: &Json<'_>,
    pointer: Option<&str>,
    options: &str,
) -> String {
    answer_text(tree_binding(kind, input, pointer, options))
}

/// [`binding_answer`] on the reader's tree: what the two tree entry points share.
fn tree_binding(kind: Option<DocumentKind>, input: &Json<'_>, pointer: Option<&str>, options: &str) -> Typed {
    binding_answer(kind, options, |kind, o| tree_answer(kind, input, pointer, o))
}

/// [`validate_binding_tree`] answered as the typed [`ValidationAnswer`] (what
/// `to_json_string` of it writes is that function's text): for a binding that builds host
/// objects from the answer instead of handing its text to a JSON parser.
///
/// ```
/// use learning_week::api::{to_json_string, validate_binding_tree, validate_binding_tree_answer};
/// let tree = learning_week::json::parse(r#"{"host_unit": "朝阳区"}"#).unwrap();
/// let answer = validate_binding_tree_answer(None, &tree, None, r#"{"lang": "en"}"#);
/// assert!(answer.codes().contains(&"unit.unknown"));
/// assert_eq!(to_json_string(&answer), validate_binding_tree(None, &tree, None, r#"{"lang": "en"}"#));
/// ```
pub fn validate_binding_tree_answer(
    kind: Option<DocumentKind>,
    input: &Json<'_>,
    pointer: Option<&str>,
    options: &str,
) -> ValidationAnswer {
    with_value_document(tree_binding(kind, input, pointer, options))
}

/// The diagnostic for a host value that cannot become JSON text at all (a JS object nested
/// deeper than the engine's stack, a cycle, a BigInt): `json.too_deep` when `too_deep`, else
/// `type.invalid`, at the root, with the host's reason as `detail` / `found`.
///
/// ```
/// let d = learning_week::api::host_value_error("RangeError: Maximum call stack size exceeded", true);
/// assert_eq!((d.code.as_str(), d.path.as_str()), ("json.too_deep", ""));
/// assert_eq!(learning_week::api::host_value_error("BigInt", false).code, "type.invalid");
/// ```
pub fn host_value_error(detail: &str, too_deep: bool) -> Diagnostic {
    let (rule, params) = if too_deep {
        (
            &crate::catalog::structural::JSON_TOO_DEEP,
            crate::catalog::params! {"line" => 1, "column" => 1, "detail" => detail},
        )
    } else {
        (
            &crate::catalog::structural::TYPE_INVALID,
            crate::catalog::params! {"expected" => "JSON", "found" => detail},
        )
    };
    crate::catalog::make(rule, String::new(), params, None)
}

/// The options of a binding's roll-up: [`AggregateRequest`] without `submissions`, with
/// `grace_days` beside `notice` and `plans`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AggregateBindingOptions {
    /// 通知 / the notice (object or JSON text); absent → the built-in 2021 Nanchang notice.
    #[serde(default)]
    pub notice: Option<Value>,
    /// 活动方案 / plans sent separately.
    #[serde(default)]
    pub plans: Vec<Value>,
    /// 宽限天数 / grace days; absent → the notice's.
    #[serde(default)]
    pub grace_days: Option<u32>,
}

/// A roll-up as a binding calls it: the submissions (a JSON array of items, see
/// [`AggregateRequest`]) and the options as JSON text (`null` → defaults).
///
/// ```
/// let a = learning_week::api::aggregate_binding(r#"["{", {"summary": {"year": 2021, "host_unit": "东湖区"}}]"#, "null");
/// assert_eq!(a.rollup.unwrap().accounting.rejected.len(), 1);
/// assert!(!learning_week::api::aggregate_binding("{}", "null").ok);
/// ```
pub fn aggregate_binding(submissions: &str, options: &str) -> AggregateAnswer {
    aggregate_binding_with(None, submissions, options)
}

/// A binding's `submissions` argument: a JSON array, or the failure that says why not.
fn submissions_array(submissions: &str) -> Result<Vec<Value>, Vec<Diagnostic>> {
    match parse_json(submissions) {
        Ok(Value::Array(items)) => Ok(items),
        Ok(other) => {
            let found = crate::decode::value_type(&other).to_owned();
            Err(vec![argument_error("submissions", "array", found)])
        }
        Err(mut d) => {
            d.document = Some("submissions".into());
            Err(vec![d])
        }
    }
}

/// [`aggregate_binding`] with a compiled validator (then a `notice` in the options is refused).
fn aggregate_binding_with(
    validator: Option<&Validator>,
    submissions: &str,
    options: &str,
) -> AggregateAnswer {
    let submissions = match submissions_array(submissions) {
        Ok(items) => items,
        Err(diags) => return AggregateAnswer::failure(diags),
    };
    let options: AggregateBindingOptions = match options_json(options, "{notice?, plans?, grace_days?}") {
        Ok(o) => o,
        Err(diags) => return AggregateAnswer::failure(diags),
    };
    let request = AggregateRequest {
        notice: options.notice,
        submissions,
        plans: options.plans,
        options: crate::aggregate::AggregateOptions { grace_days: options.grace_days },
    };
    match validator {
        None => aggregate_value(&request),
        Some(_) if request.notice.as_ref().is_some_and(|n| !n.is_null()) => {
            let found = "notice (it belongs to the Validator, given once when it is built)".to_owned();
            AggregateAnswer::failure(vec![argument_error("options", "{plans?, grace_days?}", found)])
        }
        Some(v) => aggregate_with(v, &request),
    }
}

/// A document read without being checked against a notice (a binding's `from_json`): the
/// document as read, and the findings of reading it (decoding and field constraints; for a
/// notice also its own coherence, as when it is given as `options.notice`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReadAnswer {
    /// 可读 / true when the document is usable as it is: no reading error other than a missing
    /// or blank row (the policy for a plan given as context), and for a notice none at all.
    pub ok: bool,
    /// 文档类型 / the kind read.
    pub kind: DocumentKind,
    /// 读取发现 / the findings of reading (no rule against a notice).
    pub diagnostics: Vec<Diagnostic>,
    /// 规范化文档 / the document as read (absent when nothing could be read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<Value>,
}

/// Whether reading findings leave a usable document: only a missing or blank row is allowed
/// among the errors (a value of the wrong type, out of range or too long is lost or unusable).
fn readable(diagnostics: &[Diagnostic]) -> bool {
    !diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error && d.code != "row.missing" && d.code != "row.blank")
}

fn read_as<T>(v: &Value) -> (Option<Value>, Vec<Diagnostic>)
where
    T: crate::decode::Decode + ::validator::Validate + crate::decode::Labelled + Serialize,
{
    let outcome = read_context::<T>(v, "");
    let diagnostics = outcome
        .diagnostics
        .into_iter()
        .map(|mut d| {
            d.document = None;
            d
        })
        .collect();
    (outcome.value.and_then(|t| serde_json::to_value(t).ok()), diagnostics)
}

/// Reads a document of `kind` from JSON text without validating it against a notice.
///
/// ```
/// use learning_week::api::{read_binding, DocumentKind};
/// let a = read_binding(DocumentKind::Summary, r#"{"host_unit": "东湖区", "participation": {"participants": 5}}"#);
/// assert!(a.ok); // rows are missing and no notice rule ran: still a readable 总结表
/// assert_eq!(a.document.unwrap()["participation"]["participants"], 5);
/// let bad = read_binding(DocumentKind::Summary, r#"{"year": "x"}"#);
/// assert!(!bad.ok && bad.diagnostics.iter().any(|d| d.code == "type.invalid" && d.path == "/year"));
/// assert!(!read_binding(DocumentKind::Plan, "[1]").ok);
/// assert_eq!(read_binding(DocumentKind::Plan, "{").diagnostics[0].code, "json.syntax");
/// ```
pub fn read_binding(kind: DocumentKind, input: &str) -> ReadAnswer {
    let v = match parse_json(input) {
        Ok(v) => v,
        Err(d) => return ReadAnswer { ok: false, kind, diagnostics: vec![d], document: None },
    };
    let (document, diagnostics) = match kind {
        DocumentKind::Summary => read_as::<crate::SummaryTable>(&v),
        DocumentKind::Plan => read_as::<ActivityPlan>(&v),
        DocumentKind::Submission => read_as::<crate::Submission>(&v),
        DocumentKind::Notice => {
            let options = ValidateOptions { notice: Some(v), plan: None };
            match resolve_notice(&options) {
                Ok(n) => (serde_json::to_value(n).ok(), Vec::new()),
                // The notice is the document here, not a context.
                Err(diags) => (None, diags.into_iter().map(|d| Diagnostic { document: None, ..d }).collect()),
            }
        }
    };
    let ok = document.is_some() && readable(&diagnostics);
    ReadAnswer { ok, kind, diagnostics, document }
}

// ---- text parsers ----

/// Which text parser to run (the CLI's `parse PARSER` too, with the feature `clap`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[serde(rename_all = "snake_case")]
pub enum TextParser {
    /// 数量：约3.5万人次
    Quantity,
    /// 满意度：98%以上、非常满意
    Percent,
    /// 活动时间：2021年11月22日—11月28日
    Period,
    /// 会场：主会场1个，分会场12个
    Venues,
    /// 参与单位：全市9个县区全部参与
    Units,
    /// 名单：区教体局、区文明办
    Names,
}

/// A text-parsing request: the parser, the text, and for periods the year from context.
///
/// ```
/// use learning_week::api::{parse_text, ParseRequest, TextParser};
/// let a = parse_text(&ParseRequest { parser: TextParser::Quantity, text: "115萬余人".into(), year: None, of_kind: None });
/// assert!(a.ok);
/// assert_eq!(a.value.unwrap()["value"], 1_150_000);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ParseRequest {
    /// 解析器 / which parser.
    pub parser: TextParser,
    /// 原文 / the text as written.
    pub text: String,
    /// 年度 / the year a period without one falls in (usually the notice's year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// 数量种类 / for quantities: pick the first of this kind (`people` for 参加活动人数).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of_kind: Option<crate::CountKind>,
}

/// The answer of a text parser: the parsed value, or the refusal as a diagnostic. Never both.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ParseAnswer {
    /// 是否解析成功 / true when the text was read.
    pub ok: bool,
    /// 解析结果 / the parsed value (the parser's own shape).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// 拒绝原因 / why the text was refused (`text.vague`, `text.date_garbled` …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<Diagnostic>,
}

/// Runs one text parser. A refused text is an answer with `ok: false` and a `text.*` diagnostic.
///
/// ```
/// use learning_week::api::{parse_text, ParseRequest, TextParser};
/// let a = parse_text(&ParseRequest { parser: TextParser::Quantity, text: "成千上万人".into(), year: None, of_kind: None });
/// assert!(!a.ok);
/// assert_eq!(a.error.unwrap().code, "text.vague");
/// ```
pub fn parse_text(request: &ParseRequest) -> ParseAnswer {
    use crate::text;
    let text = request.text.as_str();
    let result: Result<Value, text::TextError> = match request.parser {
        TextParser::Quantity => match request.of_kind {
            Some(kind) => text::parse_quantity_of_kind(text, kind),
            None => text::parse_quantity(text),
        }
        .map(|q| json_value(&q)),
        TextParser::Percent => text::parse_percent(text).map(|p| json_value(&p)),
        TextParser::Period => text::parse_period(text, request.year).map(|p| json_value(&p)),
        TextParser::Venues => text::parse_venues(text).map(|v| json_value(&v)),
        TextParser::Units => text::parse_units(text).map(|u| json_value(&u)),
        TextParser::Names => Ok(json_value(&text::split_names(text))),
    };
    match result {
        Ok(value) => ParseAnswer { ok: true, value: Some(value), error: None },
        Err(e) => {
            let error = crate::catalog::make(
                e.code.rule(),
                String::new(),
                e.params.clone(),
                Some(&Value::String(e.source.to_string())),
            );
            ParseAnswer { ok: false, value: None, error: Some(error) }
        }
    }
}

/// [`parse_text`] for a request given as JSON text; a malformed request is answered, not thrown.
///
/// ```
/// let out = learning_week::api::parse_text_json(r#"{"parser": "period", "text": "11月22日至28日", "year": 2021}"#);
/// let a: serde_json::Value = serde_json::from_str(&out).unwrap();
/// assert_eq!(a["value"]["start"], "2021-11-22");
/// ```
pub fn parse_text_json(request: &str) -> String {
    let refused = |error: Diagnostic| ParseAnswer { ok: false, value: None, error: Some(error) };
    let answer = match parse_json(request) {
        Err(d) => refused(d),
        Ok(v) => match serde_json::from_value::<ParseRequest>(v) {
            Ok(req) => parse_text(&req),
            Err(e) => refused(crate::catalog::make(
                &crate::catalog::structural::TYPE_INVALID,
                String::new(),
                crate::catalog::params! {"expected" => "{parser, text, year?, of_kind?}", "found" => e.to_string()},
                None,
            )),
        },
    };
    to_json_string(&answer)
}

fn json_value<T: Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

/// Imports a 总结表 from a JSON object of form label → cell text
/// ([`SummaryTable::from_labeled_text`](crate::SummaryTable::from_labeled_text)); answers
/// `{summary, diagnostics}` as JSON text. A number as a cell is read as its digits; another
/// non-string cell is a `type.invalid` error at its pointer; input that is not a JSON object
/// answers `summary: null`.
///
/// ```
/// let out = learning_week::api::import_labels_json(r#"{"参加活动人数": "约3.5万人次", "备注": "见附件"}"#, Some(2021));
/// let a: serde_json::Value = serde_json::from_str(&out).unwrap();
/// assert_eq!(a["summary"]["participation"]["participants"]["qualifier"], "approx");
/// assert_eq!(a["summary"]["other"], "【备注】见附件");
/// assert_eq!(a["diagnostics"][1]["code"], "import.unknown_label");
/// let bad: serde_json::Value = serde_json::from_str(&learning_week::api::import_labels_json("[1]", None)).unwrap();
/// assert!(bad["summary"].is_null());
/// ```
pub fn import_labels_json(text: &str, year: Option<i32>) -> String {
    #[derive(Serialize)]
    struct Answer {
        summary: Option<crate::SummaryTable>,
        diagnostics: Vec<Diagnostic>,
    }
    let invalid = |path: String, expected: &str, found: &Value| {
        crate::catalog::make(
            &crate::catalog::structural::TYPE_INVALID,
            path,
            crate::catalog::params! {"expected" => expected, "found" => crate::decode::value_type(found)},
            Some(found),
        )
    };
    let map = match parse_json(text) {
        Ok(Value::Object(m)) => m,
        Ok(other) => {
            let d = invalid(String::new(), "object of label → text", &other);
            return to_json_string(&Answer { summary: None, diagnostics: vec![d] });
        }
        Err(d) => return to_json_string(&Answer { summary: None, diagnostics: vec![d] }),
    };
    let mut bad = Vec::new();
    let mut cells = Vec::new();
    for (label, v) in map {
        match v {
            Value::String(s) => cells.push((label, s)),
            Value::Number(n) => cells.push((label, n.to_string())),
            Value::Null => {}
            other => {
                bad.push(invalid(format!("/{}", crate::catalog::escape_token(&label)), "string", &other))
            }
        }
    }
    let imported = crate::SummaryTable::from_labeled_text(cells, year);
    let mut diagnostics = bad;
    diagnostics.extend(imported.diagnostics);
    to_json_string(&Answer { summary: Some(imported.summary), diagnostics })
}

// ---- export (feature `export`: Word, Excel, HTML) ----

#[cfg(feature = "export")]
pub use crate::export::{rollup_html, rollup_html_fragment, rollup_xlsx, summary_docx, ExportError};

/// The options of an export, as JSON text for bindings: `{notice?, kind?}` (the notice gives
/// the city of the form's title; absent → the built-in 2021 Nanchang notice).
#[cfg(feature = "export")]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ExportOptions {
    /// 文档类型 / `summary` or `submission`; absent → detected from the keys.
    #[serde(default)]
    pub kind: Option<DocumentKind>,
    /// 通知 / the notice (object or JSON text).
    #[serde(default)]
    pub notice: Option<Value>,
}

/// Reads the 总结表 to export from JSON text: a bare 总结表, or a submission (its `summary`);
/// `kind` says which, absent → told from the keys as `validate` does. A half-filled table is
/// fine (its empty rows print empty); a value of the wrong type, a submission without
/// `summary`, or another kind of document is not.
///
/// ```
/// use learning_week::api::{summary_for_export, DocumentKind};
/// let t = summary_for_export(r#"{"submitted_at": "2021-12-01T10:00:00+08:00", "summary": {"host_unit": "东湖区"}}"#, None).unwrap();
/// assert_eq!(t.host_unit.as_deref(), Some("东湖区"));
/// assert_eq!(summary_for_export(r#"{"activities": []}"#, None).unwrap_err()[0].code, "type.invalid");
/// assert_eq!(summary_for_export(r#"{"materials": []}"#, None).unwrap_err()[0].code, "row.missing");
/// assert!(summary_for_export("{}", Some(DocumentKind::Summary)).is_ok()); // an empty form
/// ```
#[cfg(feature = "export")]
pub fn summary_for_export(
    input: &str,
    kind: Option<DocumentKind>,
) -> Result<crate::SummaryTable, Vec<Diagnostic>> {
    use crate::catalog::{make, params, structural as st};
    let v = parse_json(input).map_err(|d| vec![d])?;
    let kind = kind.or_else(|| DocumentKind::detect(&v));
    let (document, diagnostics) = match kind {
        Some(DocumentKind::Submission) => read_as::<crate::Submission>(&v),
        Some(DocumentKind::Summary) => read_as::<crate::SummaryTable>(&v),
        other => {
            let found =
                other.map_or_else(|| crate::decode::value_type(&v).to_owned(), |k| k.as_str().to_owned());
            let expected = "总结表 (summary) or submission";
            return Err(vec![make(
                &st::TYPE_INVALID,
                String::new(),
                params! {"expected" => expected, "found" => found},
                None,
            )]);
        }
    };
    if !readable(&diagnostics) {
        return Err(diagnostics);
    }
    let table = match (kind, document) {
        (Some(DocumentKind::Submission), Some(mut d)) => match d.get_mut("summary").map(Value::take) {
            Some(t) if t.is_object() => t,
            _ => {
                let p = params! {"row" => "summary", "label" => "总结表"};
                return Err(vec![make(&st::ROW_MISSING, "/summary".into(), p, None)]);
            }
        },
        (_, Some(d)) => d,
        (_, None) => return Err(diagnostics),
    };
    // The document as read is core's own JSON: it reads back without loss.
    serde_json::from_value(table).map_err(|e| {
        vec![make(
            &st::TYPE_INVALID,
            String::new(),
            params! {"expected" => "总结表", "found" => e.to_string()},
            None,
        )]
    })
}

/// The filled 总结表 of JSON text (a 总结表 or a submission) as the bytes of a .docx file, with
/// the options as JSON text (`{notice?, kind?}`, `null` → defaults). Unusable input or options come
/// back as [`ExportError::Input`] with the diagnostics.
///
/// ```
/// use learning_week::api::{summary_docx_json, ExportError};
/// let docx = summary_docx_json(r#"{"host_unit": "东湖区"}"#, "null").unwrap();
/// assert_eq!(&docx[..2], b"PK");
/// assert!(matches!(summary_docx_json("{", "null"), Err(ExportError::Input(d)) if d[0].code == "json.syntax"));
/// ```
#[cfg(feature = "export")]
pub fn summary_docx_json(input: &str, options: &str) -> Result<Vec<u8>, ExportError> {
    let options: ExportOptions = options_json(options, "{notice?, kind?}").map_err(ExportError::Input)?;
    let notice = resolve_notice(&ValidateOptions { notice: options.notice, plan: None })
        .map_err(ExportError::Input)?;
    let table = summary_for_export(input, options.kind).map_err(ExportError::Input)?;
    summary_docx(&table, &notice)
}

/// A roll-up from its JSON text (as [`aggregate_json`] answers it, or a binding holds it).
#[cfg(feature = "export")]
fn rollup_from_json(rollup: &str) -> Result<crate::aggregate::CityRollup, ExportError> {
    let v = parse_json(rollup).map_err(|d| ExportError::Input(vec![d]))?;
    serde_json::from_value(v)
        .map_err(|e| ExportError::Input(vec![argument_error("rollup", "CityRollup", e.to_string())]))
}

/// The roll-up of JSON text as the bytes of an .xlsx workbook ([`rollup_xlsx`]).
///
/// ```
/// let r = learning_week::api::aggregate_json(r#"{"submissions": []}"#).rollup.unwrap();
/// let xlsx = learning_week::api::rollup_xlsx_json(&serde_json::to_string(&r).unwrap()).unwrap();
/// assert_eq!(&xlsx[..2], b"PK");
/// assert!(learning_week::api::rollup_xlsx_json("{}").is_err());
/// ```
#[cfg(feature = "export")]
pub fn rollup_xlsx_json(rollup: &str) -> Result<Vec<u8>, ExportError> {
    rollup_xlsx(&rollup_from_json(rollup)?)
}

/// The roll-up of JSON text as a self-contained HTML page ([`rollup_html`]).
///
/// ```
/// let r = learning_week::api::aggregate_json(r#"{"submissions": []}"#).rollup.unwrap();
/// let html = learning_week::api::rollup_html_json(&serde_json::to_string(&r).unwrap()).unwrap();
/// assert!(html.starts_with("<!DOCTYPE html>"));
/// ```
#[cfg(feature = "export")]
pub fn rollup_html_json(rollup: &str) -> Result<String, ExportError> {
    Ok(rollup_html(&rollup_from_json(rollup)?))
}

/// The roll-up of JSON text as an HTML fragment for notebooks ([`rollup_html_fragment`]).
///
/// ```
/// let r = learning_week::api::aggregate_json(r#"{"submissions": []}"#).rollup.unwrap();
/// let html = learning_week::api::rollup_html_fragment_json(&serde_json::to_string(&r).unwrap()).unwrap();
/// assert!(html.contains("<table"));
/// ```
#[cfg(feature = "export")]
pub fn rollup_html_fragment_json(rollup: &str) -> Result<String, ExportError> {
    Ok(rollup_html_fragment(&rollup_from_json(rollup)?))
}

/// 文件导入结果 / what importing a Word / Excel file gave: the table (absent when the file could
/// not be used), every import diagnostic, their counts, and the document's own modified date.
///
/// ```
/// let a = learning_week::api::ImportAnswer::from_import(learning_week::SummaryTable::from_labeled_text(
///     [("参加活动人数", "成千上万人")], Some(2021)), None);
/// assert_eq!((a.errors, a.warnings), (0, 1));
/// assert!(a.summary.is_some());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportAnswer {
    /// 总结表 / the table read; `null` when the file could not be used (see the errors).
    pub summary: Option<crate::SummaryTable>,
    /// 导入说明 / what was read with which qualifier, kept as text, not recognised, or refused.
    pub diagnostics: Vec<Diagnostic>,
    /// 错误数 / errors (the file could not be used).
    pub errors: usize,
    /// 警告数 / warnings (text kept in 其他, unknown labels): a person should look.
    pub warnings: usize,
    /// 文件修改时间 / the document's `dcterms:modified`, if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modified: Option<chrono::DateTime<chrono::FixedOffset>>,
}

impl ImportAnswer {
    /// Wraps an import: the table is dropped when an error says the file could not be used.
    ///
    /// ```
    /// let a = learning_week::api::ImportAnswer::from_import(learning_week::SummaryTable::from_labeled_text(
    ///     Vec::<(String, String)>::new(), None), None);
    /// assert_eq!(a.errors, 0);
    /// ```
    pub fn from_import(
        imported: crate::import::LabeledImport,
        modified: Option<chrono::DateTime<chrono::FixedOffset>>,
    ) -> Self {
        let count = |s| imported.diagnostics.iter().filter(|d| d.severity == s).count();
        let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
        ImportAnswer {
            summary: (errors == 0).then_some(imported.summary),
            diagnostics: imported.diagnostics,
            errors,
            warnings,
            modified,
        }
    }
}

/// The office formats imported.
///
/// ```
/// use learning_week::api::OfficeFormat;
/// assert_eq!(OfficeFormat::from_file_name("东湖区总结表.DOCX"), Some(OfficeFormat::Docx));
/// assert_eq!(OfficeFormat::from_file_name("a.json"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfficeFormat {
    /// Word (.docx)
    Docx,
    /// Excel (.xlsx)
    Xlsx,
}

impl OfficeFormat {
    /// The format a file name's extension names (.docx, .xlsx; any case).
    ///
    /// ```
    /// assert_eq!(learning_week::api::OfficeFormat::from_file_name("x.xlsx"), Some(learning_week::api::OfficeFormat::Xlsx));
    /// ```
    pub fn from_file_name(name: &str) -> Option<Self> {
        let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        match ext.as_deref() {
            Some("docx") => Some(OfficeFormat::Docx),
            Some("xlsx") => Some(OfficeFormat::Xlsx),
            _ => None,
        }
    }

    /// Whether this build reads the format (features `docx`, `xlsx`).
    ///
    /// ```
    /// use learning_week::api::OfficeFormat;
    /// assert!(!OfficeFormat::Xlsx.supported() || OfficeFormat::Docx.supported()); // xlsx builds on docx
    /// ```
    pub fn supported(self) -> bool {
        match self {
            OfficeFormat::Docx => cfg!(feature = "docx"),
            OfficeFormat::Xlsx => cfg!(feature = "xlsx"),
        }
    }
}

/// Imports a Word / Excel file's bytes ([`SummaryTable::from_docx`](crate::SummaryTable::from_docx),
/// `from_xlsx`); `year` is the year when the file gives none. A format this build does not read
/// answers one `import.missing_part` error rather than failing.
///
/// ```
/// use learning_week::api::{import_office, OfficeFormat};
/// let a = import_office(OfficeFormat::Docx, b"not a zip", Some(2021));
/// assert!(a.summary.is_none());
/// assert_eq!(a.errors, 1);
/// ```
pub fn import_office(format: OfficeFormat, bytes: &[u8], year: Option<i32>) -> ImportAnswer {
    #[cfg(feature = "docx")]
    let modified = || crate::office::document_modified(bytes);
    match format {
        #[cfg(feature = "docx")]
        OfficeFormat::Docx => {
            ImportAnswer::from_import(crate::SummaryTable::from_docx(bytes, year), modified())
        }
        #[cfg(feature = "xlsx")]
        OfficeFormat::Xlsx => {
            ImportAnswer::from_import(crate::SummaryTable::from_xlsx(bytes, year), modified())
        }
        #[allow(unreachable_patterns, reason = "reached when a feature is off")]
        other => {
            let _ = (bytes, year);
            let (part, fmt) = match other {
                OfficeFormat::Docx => ("word/document.xml", ".docx"),
                OfficeFormat::Xlsx => ("xl/workbook.xml", ".xlsx"),
            };
            let d = crate::catalog::make(
                &crate::catalog::import::IMPORT_MISSING_PART,
                String::new(),
                crate::catalog::params! {"part" => format!("{part}（本版本未启用 {fmt} 导入 / this build does not read {fmt}）"), "format" => fmt},
                None,
            );
            ImportAnswer { summary: None, diagnostics: vec![d], errors: 1, warnings: 0, modified: None }
        }
    }
}

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
/// use learning_week::api::import_docx_binding;
/// let a = import_docx_binding(None, "number", "null");
/// assert_eq!((a.diagnostics[0].code.as_str(), a.diagnostics[0].document.as_deref()), ("type.invalid", Some("input")));
/// let a = import_docx_binding(Some(b""), "", r#"{"year": 2021.5}"#);
/// assert_eq!(a.diagnostics[0].document.as_deref(), Some("options"));
/// assert_eq!(import_docx_binding(Some(b""), "", r#"{"year": 2021}"#).diagnostics[0].code, "import.not_zip");
/// ```
pub fn import_docx_binding(bytes: Option<&[u8]>, found: &str, options: &str) -> ImportAnswer {
    let refuse = |d: Diagnostic| ImportAnswer {
        summary: None,
        diagnostics: vec![d],
        errors: 1,
        warnings: 0,
        modified: None,
    };
    let Some(bytes) = bytes else {
        return refuse(argument_error(
            "input",
            "Uint8Array | ArrayBuffer (the .docx file's bytes)",
            found.to_owned(),
        ));
    };
    match options_json::<ImportOptions>(options, "{year?: integer}") {
        Ok(o) => import_docx(bytes, o.year),
        Err(mut diags) => refuse(diags.remove(0)),
    }
}

/// Imports a .docx (see [`import_office`]).
///
/// ```
/// assert_eq!(learning_week::api::import_docx(b"", None).diagnostics[0].code, "import.not_zip");
/// ```
pub fn import_docx(bytes: &[u8], year: Option<i32>) -> ImportAnswer {
    import_office(OfficeFormat::Docx, bytes, year)
}

/// [`import_docx`] answered as JSON text `{summary, diagnostics, errors, warnings, modified?}`.
///
/// ```
/// let v: serde_json::Value = serde_json::from_str(&learning_week::api::import_docx_json(b"PK", None)).unwrap();
/// assert!(v["summary"].is_null());
/// ```
pub fn import_docx_json(bytes: &[u8], year: Option<i32>) -> String {
    to_json_string(&import_docx(bytes, year))
}

/// Imports a .xlsx (see [`import_office`]).
///
/// ```
/// assert_eq!(learning_week::api::import_xlsx(b"\x00", None).errors, 1);
/// ```
pub fn import_xlsx(bytes: &[u8], year: Option<i32>) -> ImportAnswer {
    import_office(OfficeFormat::Xlsx, bytes, year)
}

/// [`import_xlsx`] answered as JSON text.
///
/// ```
/// let v: serde_json::Value = serde_json::from_str(&learning_week::api::import_xlsx_json(b"", None)).unwrap();
/// assert_eq!(v["errors"], 1);
/// ```
pub fn import_xlsx_json(bytes: &[u8], year: Option<i32>) -> String {
    to_json_string(&import_xlsx(bytes, year))
}

/// Where the 报送时间 of an imported file came from, most trusted first.
///
/// ```
/// use learning_week::api::SubmittedAtSource;
/// assert_eq!(SubmittedAtSource::Option.as_zh(), "汇总时给定的报送时间");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubmittedAtSource {
    /// Given by the person running the roll-up (the CLI's `--submitted-at`, a binding's argument).
    Option,
    /// The document's own `dcterms:modified` (docProps/core.xml): when it was last saved, so it
    /// was sent no earlier.
    DocumentModified,
    /// The file's modification time on disk (e.g. when the attachment was saved from the mail).
    FileModified,
}

impl SubmittedAtSource {
    /// The source in Chinese.
    ///
    /// ```
    /// assert_eq!(learning_week::api::SubmittedAtSource::FileModified.as_zh(), "文件的修改时间");
    /// ```
    pub fn as_zh(self) -> &'static str {
        match self {
            SubmittedAtSource::Option => "汇总时给定的报送时间",
            SubmittedAtSource::DocumentModified => "文档属性中的修改时间（docProps/core.xml）",
            SubmittedAtSource::FileModified => "文件的修改时间",
        }
    }

    /// The source in English.
    ///
    /// ```
    /// assert_eq!(learning_week::api::SubmittedAtSource::Option.as_en(), "the submission time given for the roll-up");
    /// ```
    pub fn as_en(self) -> &'static str {
        match self {
            SubmittedAtSource::Option => "the submission time given for the roll-up",
            SubmittedAtSource::DocumentModified => "the document's modified date (docProps/core.xml)",
            SubmittedAtSource::FileModified => "the file's modification time",
        }
    }
}

/// A Word / Excel file as a roll-up input: imported, wrapped as a submission whose 报送时间 is
/// `given`, else the document's `dcterms:modified`, else `file_modified` (an
/// `import.submitted_at_source` note says which; with none it has no time, like a submission
/// without `submitted_at`). The import's warnings and errors are the record's notes; a file that
/// cannot be used is a rejected input with its error, never dropped.
///
/// ```
/// use learning_week::api::{office_aggregate_input, OfficeFormat};
/// let i = office_aggregate_input(Some("东湖区.docx"), OfficeFormat::Docx, b"oops", None, None, Some(2021));
/// let r = learning_week::aggregate::aggregate(&learning_week::Notice::nanchang_2021(), &[i], &Default::default());
/// assert_eq!(r.accounting.rejected[0].id.as_deref(), Some("东湖区.docx"));
/// assert!(r.accounting.rejected[0].diagnostics.iter().any(|d| d.code == "import.not_zip"));
/// ```
pub fn office_aggregate_input(
    id: Option<&str>,
    format: OfficeFormat,
    bytes: &[u8],
    given: Option<chrono::DateTime<chrono::FixedOffset>>,
    file_modified: Option<chrono::DateTime<chrono::FixedOffset>>,
    year: Option<i32>,
) -> crate::aggregate::AggregateInput {
    use crate::aggregate::AggregateInput;
    let answer = import_office(format, bytes, year);
    let notes: Vec<Diagnostic> = answer
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info || d.code == "import.from_title")
        .cloned()
        .collect();
    let Some(summary) = answer.summary else {
        let detail = answer.diagnostics.first().map(|d| d.message.clone()).unwrap_or_default();
        return AggregateInput::unreadable(id, detail).with_notes(notes);
    };
    let when = given
        .map(|t| (t, SubmittedAtSource::Option))
        .or(answer.modified.map(|t| (t, SubmittedAtSource::DocumentModified)))
        .or(file_modified.map(|t| (t, SubmittedAtSource::FileModified)));
    let mut doc = serde_json::Map::new();
    let mut notes = notes;
    if let Some((t, source)) = when {
        doc.insert("submitted_at".into(), Value::String(t.to_rfc3339()));
        notes.push(crate::catalog::make(
            &crate::catalog::import::IMPORT_SUBMITTED_AT_SOURCE,
            "/submitted_at".into(),
            crate::catalog::params! {"submitted_at" => t.to_rfc3339(), "source" => source.as_zh(), "source_en" => source.as_en()},
            None,
        ));
    }
    doc.insert("summary".into(), json_value(&summary));
    AggregateInput::json(id, Value::Object(doc)).with_notes(notes)
}
