//! JSON Schemas (draft 2020-12) of every document the library reads and every answer it gives,
//! generated from the model types by schemars and brought into agreement with the reader.
//!
//! schemars reflects the serde shape and the `validator` attributes it understands (length,
//! range, email, regex, required → `minItems`/`minimum`/`maximum`/`format`/`pattern`/non-null).
//! The reader ([`crate::decode`]) accepts and refuses a little more than that shape says, so the
//! generated schema is post-processed here, in one place, so that a schema validator and the
//! library agree on every purely structural question:
//!
//! * `required`: every model field is an `Option` with `#[serde(default)]`, so schemars never
//!   lists it as required; `#[validate(required)]` strips the `null` instead. A model property
//!   that does not admit `null` is therefore a required row, and is listed in `required`
//!   (the library reports `row.missing` for an absent or `null` required row).
//! * every string gets `maxLength` [`MAX_TEXT_CHARS`] (`row.too_long`); every count
//!   `minimum` 0 and `maximum` [`MAX_COUNT`] (`count.negative`, `count.too_large`); `i32`/`u32`
//!   fields get their integer bounds (`number.out_of_range`); schemars' non-standard formats
//!   (`int32`, `uint64`, `double` …) are dropped, so strict validators (ajv) accept the schemas.
//! * counts and 群众满意度 accept text as well (「约3.5万人次」, 「98%以上」): the library reads
//!   it (`count.from_text`) or refuses it with a `text.*` error, which a schema cannot judge,
//!   so the schema must not be stricter than the library there.
//! * descriptions: rustdoc code blocks are removed; a variant documented only in Chinese gets its
//!   English name appended, so every description reads 「中文 / English」.
//! * rules a schema cannot express (cross-field, against the notice, the deadline, text that
//!   cannot be read) are listed as the `examples` of the definition [`RULES_DEF`]
//!   (`$defs/LibraryRule`): code, severity, the pointers read and the zh/en descriptions, for
//!   the rules that apply to the document kind. Standard keywords only: ajv loads the schemas in
//!   its default strict mode.
//! * every branch of a union (`anyOf` / `oneOf`) has a Chinese `title` (「精确数」,
//!   「文字填写的数量」, 「不填」), so form builders (RJSF) label the options.
//!
//! A build tool behind the feature `schema` (off by default: the WebAssembly and Python packages
//! do not carry it; the CLI turns it on).
//!
//! Besides the documents and answers, `api.schema.json` holds the bindings' answers, options and
//! text-parser results as `$defs` (no root type), from which `bindings-wasm/scripts/gen-types.mjs`
//! generates the WebAssembly package's TypeScript API.
//!
//! `learning-week schema --out schemas/` writes [`all_with_examples`] (with examples read from
//! `examples/nanchang-2021/`); `core/tests/schemas_in_sync.rs` fails when the checked-in files
//! differ.
//!
//! ```
//! let schemas = learning_week::schema::all();
//! let (_, summary) = schemas.iter().find(|(name, _)| *name == "summary.schema.json").unwrap();
//! assert_eq!(summary["$id"], "https://learning-week.invalid/schemas/summary.schema.json");
//! assert_eq!(summary["properties"]["host_unit"]["title"], "举办县区");
//! assert!(summary["required"].as_array().unwrap().contains(&"host_unit".into()));
//! ```

use crate::aggregate::{aggregate, AggregateInput, AggregateOptions, CityRollup};
use crate::catalog::{descriptors as catalog, RuleDescriptor};
use crate::decode::{MAX_COUNT, MAX_TEXT_CHARS};
use crate::{ActivityPlan, Diagnostic, DocumentKind, Notice, Submission, SummaryTable};
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, SchemaGenerator};
use serde_json::{json, Map, Value};

pub use crate::checks::{EMAIL_PATTERN, NON_BLANK_PATTERN, PHONE_PATTERN};

/// The base of every schema's `$id`: `https://learning-week.invalid/schemas/<file name>`
/// (`.invalid` is reserved by RFC 2606: the ids name the schemas, they are not fetched).
pub const BASE_ID: &str = "https://learning-week.invalid/schemas/";

/// The `$defs` entry listing the rules only the library checks: the schema of one rule
/// (code, severity, reads, descriptions), whose `examples` are every such rule of the document.
/// A definition with standard keywords only, so ajv in its default strict mode loads the schemas
/// as they are (an `x-` keyword at the root would need `ajv.addKeyword`). Read it as
/// `schema["$defs"]["LibraryRule"]["examples"]`.
pub const RULES_DEF: &str = "LibraryRule";

/// The RFC 3339 shape the library reads (chrono: `T`, `t` or a space between date and time, an
/// offset `Z` or `±hh:mm`), as a `pattern` next to `format: date-time`: ajv's format also takes
/// `+0800`, which the library refuses.
pub const DATETIME_PATTERN: &str =
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:[Zz]|[+-][0-9]{2}:[0-9]{2})$(?!\\n)";

/// Code prefix of the roll-up's findings, listed under [`RULES_DEF`] of `city-rollup.schema.json`.
pub const ROLLUP_PREFIX: &str = "aggregate.";

/// How many example documents of each kind a schema carries.
pub const EXAMPLES_PER_KIND: usize = 2;

/// Rule codes a schema expresses itself (as `type`, `required`, `pattern`, `format`,
/// `minimum`/`maximum`, `maxLength`, `minItems`, `enum`/`const`): purely structural findings.
/// A vector whose expected error codes are all among these is judged alike by a schema validator.
pub const SCHEMA_CODES: &[&str] = &[
    "type.invalid",
    "row.missing",
    "row.blank",
    "row.too_long",
    "count.negative",
    "count.not_integer",
    "count.too_large",
    "date.invalid",
    "datetime.invalid",
    "enum.unknown",
    "number.out_of_range",
    "satisfaction.out_of_range",
    "contact.phone_invalid",
    "contact.email_invalid",
];

/// Rule codes that are about the input text or the request rather than a JSON value of a known
/// kind: a schema neither expresses them nor lists them.
pub const NOT_SCHEMA_QUESTIONS: &[&str] = &["json.syntax", "json.too_deep", "document.kind_unknown"];

/// Example documents for the schemas' `examples`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Examples {
    /// Activity plans.
    pub plans: Vec<Value>,
    /// Submissions (their `summary` members serve as 总结表 examples).
    pub submissions: Vec<Value>,
    /// The city roll-up of every example file (submissions and plans).
    pub rollup: Option<Value>,
}

impl Examples {
    /// Picks examples from files given as `(name, JSON text)`: `*.plan.json` and
    /// `*.submission.json`, in file-name order, the first [`EXAMPLES_PER_KIND`] of each kind that
    /// the library accepts without an error (the example set plants defects on purpose); the
    /// roll-up example aggregates all of them (plans as plans), each named by the name given —
    /// pass paths relative to the example folder so the output does not depend on the machine.
    /// Reading the files is the caller's business: core touches no filesystem.
    ///
    /// ```
    /// use learning_week::schema::Examples;
    /// let files = vec![
    ///     ("b.plan.json".to_string(), "{\"unit\": 1}".to_string()),
    ///     ("notes.txt".to_string(), "x".to_string()),
    /// ];
    /// assert!(Examples::from_files(&files).plans.is_empty()); // refused by the library
    /// ```
    pub fn from_files(files: &[(String, String)]) -> Examples {
        let mut files: Vec<&(String, String)> = files.iter().collect();
        files.sort_by(|a, b| file_name(&a.0).cmp(file_name(&b.0)).then(a.0.cmp(&b.0)));
        let pick = |suffix: &str, kind: DocumentKind| -> Vec<Value> {
            files
                .iter()
                .filter(|(name, _)| file_name(name).ends_with(suffix))
                .filter_map(|(_, text)| {
                    let answer = crate::api::validate_json(Some(kind), text, &Default::default());
                    if answer.errors > 0 {
                        return None;
                    }
                    serde_json::from_str::<Value>(text).ok()
                })
                .take(EXAMPLES_PER_KIND)
                .collect()
        };
        let inputs: Vec<AggregateInput> = files
            .iter()
            .filter_map(|(name, text)| {
                let input = AggregateInput::text(Some(name), text.as_str());
                if file_name(name).ends_with(".plan.json") {
                    Some(input.as_plan())
                } else {
                    file_name(name).ends_with(".submission.json").then_some(input)
                }
            })
            .collect();
        let rollup = (!inputs.is_empty())
            .then(|| aggregate(Notice::nanchang_2021_ref(), &inputs, &AggregateOptions::default()))
            .and_then(|r| serde_json::to_value(r).ok());
        Examples {
            plans: pick(".plan.json", DocumentKind::Plan),
            submissions: pick(".submission.json", DocumentKind::Submission),
            rollup,
        }
    }
}

fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// Every schema as `(file name, schema)`, with the built-in notice as the notice's example and
/// no other examples (see [`all_with_examples`]).
///
/// ```
/// let names: Vec<&str> = learning_week::schema::all().into_iter().map(|(n, _)| n).collect();
/// assert!(names.contains(&"submission.schema.json"));
/// assert!(names.contains(&"rules.schema.json"));
/// ```
pub fn all() -> Vec<(&'static str, Value)> {
    all_with_examples(&Examples::default())
}

/// Every schema as `(file name, schema)`, carrying the given examples.
///
/// ```
/// use learning_week::schema::{all_with_examples, Examples};
/// let plan = serde_json::json!({"unit": "南昌县"});
/// let s = all_with_examples(&Examples { plans: vec![plan.clone()], ..Default::default() });
/// let (_, p) = s.iter().find(|(n, _)| *n == "plan.schema.json").unwrap();
/// assert_eq!(p["examples"][0], plan);
/// ```
pub fn all_with_examples(examples: &Examples) -> Vec<(&'static str, Value)> {
    let summaries: Vec<Value> =
        examples.submissions.iter().filter_map(|s| s.get("summary").cloned()).collect();
    let notice = serde_json::to_value(Notice::nanchang_2021_ref()).unwrap_or(Value::Null);
    let mut out = vec![
        document::<Notice>(
            "notice.schema.json",
            DocumentKind::Notice,
            "通知",
            "全民终身学习活动周通知：一年活动周的规则（主题、活动时间、报送要求、报送单位）/ \
             the city's notice for one year's activity week: theme, dates, reporting duty, reporting units",
            vec![notice],
        ),
        document::<ActivityPlan>(
            "plan.schema.json",
            DocumentKind::Plan,
            "活动计划和实施方案（含开幕式）",
            "县区的活动计划和实施方案，须含开幕式 / a unit's activity plan, including the opening ceremony",
            examples.plans.clone(),
        ),
        document::<SummaryTable>(
            "summary.schema.json",
            DocumentKind::Summary,
            "总结表",
            "全民终身学习活动周总结表（通知附件）/ the summary table a unit fills after the week (the notice's attachment)",
            summaries,
        ),
        document::<Submission>(
            "submission.schema.json",
            DocumentKind::Submission,
            "报送材料",
            "一个县区报送的材料：总结表、材料清单、报送时间 / one unit's submission: the summary table, the files sent, when it arrived",
            examples.submissions.clone(),
        ),
    ];
    let rollup_rules = catalog().into_iter().filter(|r| r.code.starts_with(ROLLUP_PREFIX)).collect();
    out.push(output::<CityRollup>(
        "city-rollup.schema.json",
        "全市汇总",
        "市社区教育指导中心对各县区报送材料的汇总（`learning-week aggregate --format json`）：完成率、及时性、输入核算、合计、全市总结表 / \
         the city's roll-up of the units' submissions: completeness, timeliness, accounting of every input, totals, the city's own summary table",
        Some(rollup_rules),
        examples.rollup.iter().cloned().collect(),
    ));
    out.push(output::<Diagnostic>(
        "diagnostic.schema.json",
        "诊断",
        "校验发现的一个问题：代码、严重程度、JSON Pointer、中英文消息 / one finding of validation: code, severity, JSON Pointer, messages in Chinese and English",
        None,
        diagnostic_examples(),
    ));
    let catalog_example: Vec<RuleDescriptor> = catalog().into_iter().take(3).collect();
    out.push(api());
    out.push(output::<Vec<RuleDescriptor>>(
        "rules.schema.json",
        "规则目录",
        "规则目录（`learning-week rules --format json`）：每条规则的代码、严重程度、适用文档、读取字段与中英文说明 / \
         the rule catalog: every rule's code, severity, documents, fields read and descriptions",
        None,
        vec![serde_json::to_value(catalog_example).unwrap_or(Value::Null)],
    ));
    out
}

/// The answers of the bindings' calls and the text parsers' results (the library writes them);
/// the `$ref` of each.
fn api_answers(g: &mut SchemaGenerator) -> Vec<schemars::Schema> {
    use crate::text;
    vec![
        g.subschema_for::<crate::api::ValidationAnswer>(),
        g.subschema_for::<crate::api::AggregateAnswer>(),
        g.subschema_for::<crate::api::ImportAnswer>(),
        g.subschema_for::<crate::api::ParseAnswer>(),
        g.subschema_for::<crate::ffi::ReadAnswer>(),
        g.subschema_for::<crate::reading::NoticeReading>(),
        g.subschema_for::<crate::ffi::DivisionsAnswer>(),
        g.subschema_for::<text::Quantity>(),
        g.subschema_for::<text::SatisfactionText>(),
        g.subschema_for::<text::PeriodText>(),
        g.subschema_for::<text::VenuesText>(),
        g.subschema_for::<text::UnitsText>(),
        g.subschema_for::<text::NameItem>(),
        g.subschema_for::<text::CellCount>(),
        g.subschema_for::<text::CellSatisfaction>(),
        g.subschema_for::<text::Span>(),
        g.subschema_for::<text::TextError>(),
    ]
}

/// The options and requests the bindings read. (`api::ValidateOptions` is flattened into
/// `BindingOptions`: its fields are there.)
fn api_options(g: &mut SchemaGenerator) {
    g.subschema_for::<crate::ffi::BindingOptions>();
    g.subschema_for::<crate::ffi::AggregateBindingOptions>();
    g.subschema_for::<crate::ffi::InboxOptions>();
    g.subschema_for::<crate::ffi::ImportOptions>();
    g.subschema_for::<crate::reading::ReadOptions>();
    g.subschema_for::<crate::api::ParseRequest>();
    g.subschema_for::<crate::ffi::DivisionsRequest>();
}

/// `api.schema.json`: the bindings' answers, options and text-parser results as `$defs` (no
/// root type), for `bindings-wasm/scripts/gen-types.mjs` (the package's TypeScript API).
///
/// Read like every other schema here (serde's deserialize side: a field with a default may be
/// absent), so the documents, diagnostics and roll-up they carry are exactly the definitions of
/// their own schema files; but an answer's own `required` is what the library always writes
/// (the serialize side: `kind` of a validation answer is `null`, never absent).
fn api() -> (&'static str, Value) {
    let file = "api.schema.json";
    let mut read = SchemaSettings::draft2020_12().into_generator();
    api_answers(&mut read);
    api_options(&mut read);
    let mut defs = read.take_definitions(true);
    let mut written = SchemaSettings::draft2020_12().for_serialize().into_generator();
    let answers = api_answers(&mut written);
    let written_defs = written.take_definitions(true);
    for answer in &answers {
        let Some(name) = answer.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/"))
        else {
            continue;
        };
        let required = written_defs.get(name).and_then(|d| d.get("required")).cloned();
        let Some(Value::Object(def)) = defs.get_mut(name) else { continue };
        let always: Vec<Value> = required.as_ref().and_then(Value::as_array).cloned().unwrap_or_default();
        match required {
            Some(r) => def.insert("required".into(), r),
            None => def.remove("required"),
        };
        // What the library may leave out it leaves out (`skip_serializing_if = "Option::is_none"`),
        // never writes as `null`.
        if let Some(Value::Object(props)) = def.get_mut("properties") {
            for (key, prop) in props.iter_mut() {
                if !always.iter().any(|k| k == key.as_str()) {
                    never_null(prop);
                }
            }
        }
    }
    let mut schema = json!({ "$defs": defs });
    visit(&mut schema, &mut |m| {
        field_checks(m);
        clean_description(m);
        drop_nonstandard_format(m);
        bilingual_variant(m);
        bilingual_output(m);
    });
    let schema = root(
        file,
        "接口类型",
        "各语言绑定的应答、选项与文字解析结果（仅 `$defs`，无根类型；WebAssembly 包的 TypeScript 类型由此生成） / \
         the bindings' answers, options and text-parser results (`$defs` only, no root type; the WebAssembly \
         package's TypeScript types are generated from it)",
        schema,
        None,
        vec![],
    );
    (file, schema)
}

/// `schema` without its `null` branch (`type: [t, "null"]` → `t`, `anyOf: [s, {type: null}]` → `s`).
fn never_null(schema: &mut Value) {
    let Value::Object(m) = schema else { return };
    if let Some(Value::Array(types)) = m.get_mut("type") {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            let t = types.remove(0);
            m.insert("type".into(), t);
        }
    }
    let Some(Value::Array(mut branches)) = m.remove("anyOf") else { return };
    branches.retain(|b| b.get("type").and_then(Value::as_str) != Some("null"));
    if let [Value::Object(only)] = branches.as_slice() {
        for (k, v) in only {
            m.entry(k.clone()).or_insert_with(|| v.clone());
        }
    } else {
        m.insert("anyOf".into(), Value::Array(branches));
    }
}

/// A schema as its file's text: pretty JSON with a final newline (what `schemas/` holds).
///
/// ```
/// let text = learning_week::schema::file_text(&serde_json::json!({"a": 1}));
/// assert_eq!(text, "{\n  \"a\": 1\n}\n");
/// ```
pub fn file_text(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}

fn diagnostic_examples() -> Vec<Value> {
    let answer = crate::api::validate_json(
        Some(DocumentKind::Summary),
        r#"{"year": 2021, "host_unit": "东湖区", "participation": {"units_total": 5, "units_participating": 7}}"#,
        &Default::default(),
    );
    answer
        .diagnostics
        .iter()
        .filter(|d| d.code == "participation.units_exceed_total")
        .filter_map(|d| serde_json::to_value(d).ok())
        .collect()
}

fn generate<T: JsonSchema + ?Sized>() -> Value {
    SchemaSettings::draft2020_12().into_generator().into_root_schema_for::<T>().to_value()
}

/// A document schema: generated, reconciled with the reader, with its library rules and examples.
fn document<T: JsonSchema>(
    file: &'static str,
    kind: DocumentKind,
    title: &str,
    description: &str,
    examples: Vec<Value>,
) -> (&'static str, Value) {
    let mut schema = generate::<T>();
    reconcile(&mut schema);
    let schema = root(file, title, description, schema, Some(library_rules(kind)), examples);
    (file, schema)
}

/// An output schema (what the library answers): generated, formats and descriptions cleaned;
/// `rules` are the findings it reports, if any.
fn output<T: JsonSchema + ?Sized>(
    file: &'static str,
    title: &str,
    description: &str,
    rules: Option<Vec<RuleDescriptor>>,
    examples: Vec<Value>,
) -> (&'static str, Value) {
    let mut schema = generate::<T>();
    visit(&mut schema, &mut |m| {
        field_checks(m);
        clean_description(m);
        drop_nonstandard_format(m);
        bilingual_variant(m);
        bilingual_output(m);
    });
    (file, root(file, title, description, schema, rules, examples))
}

/// Puts the root keywords first, in a fixed order, then the generated body.
fn root(
    file: &str,
    title: &str,
    description: &str,
    schema: Value,
    rules: Option<Vec<RuleDescriptor>>,
    examples: Vec<Value>,
) -> Value {
    let mut out = Map::new();
    out.insert("$schema".into(), "https://json-schema.org/draft/2020-12/schema".into());
    out.insert("$id".into(), format!("{BASE_ID}{file}").into());
    out.insert(
        "$comment".into(),
        "Generated by `learning-week schema --out schemas/` from the Rust types; do not edit by hand. \
         生成文件，请勿手工修改。"
            .into(),
    );
    out.insert("title".into(), title.into());
    out.insert("description".into(), description.into());
    let Value::Object(mut body) = schema else { return Value::Object(out) };
    let defs = body.remove("$defs");
    for (k, v) in body {
        if !matches!(k.as_str(), "$schema" | "$id" | "title" | "description") {
            out.insert(k, v);
        }
    }
    if !examples.is_empty() {
        out.insert("examples".into(), Value::Array(examples));
    }
    // `$defs` last: the document's own rows read first.
    let mut defs = match defs {
        Some(Value::Object(d)) => d,
        _ => Map::new(),
    };
    if let Some(rules) = rules {
        defs.insert(RULES_DEF.into(), library_rule_def(&rules));
    }
    if !defs.is_empty() {
        out.insert("$defs".into(), Value::Object(defs));
    }
    let mut schema = Value::Object(out);
    title_branches(&mut schema, None);
    schema
}

/// The [`RULES_DEF`] definition: what one rule entry is, and the rules as its `examples`.
fn library_rule_def(rules: &[RuleDescriptor]) -> Value {
    let text = json!({"type": "string"});
    json!({
        "title": "只由本库检查的规则",
        "description": "本模式无法表达、由本库在校验时检查的规则（跨栏目、对照通知与计划、截止日期、文字能否读取）；examples 列出适用于本文档的全部规则 / \
                        a rule this schema cannot state and the library checks (across fields, against the notice and the plan, \
                        the deadline, whether text can be read); `examples` lists every such rule of this document",
        "type": "object",
        "properties": {
            "code": text,
            "severity": {"enum": ["info", "warning", "error"]},
            "reads": {"type": "array", "items": text},
            "description": text,
            "description_en": text,
        },
        "required": ["code", "severity", "reads", "description", "description_en"],
        "examples": rules.iter().map(library_rule).collect::<Vec<_>>(),
    })
}

/// The Chinese name in a description: the text before ` / ` (or `）/ `), cut at the first
/// `，`、`：`、`、`、`:` outside brackets and before any English word; for a description in English
/// with the Chinese name in brackets (「An exact count (精确数).」), the bracketed name. Short
/// enough to label an option.
fn chinese_label(description: &str) -> Option<String> {
    let is_cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let zh = description.split(" / ").next().unwrap_or(description);
    let zh = zh.split("/ ").next().unwrap_or(zh);
    let mut depth = 0usize;
    let mut out = String::new();
    for c in zh.chars() {
        match c {
            // An English aside after the name: 「中文 (default).」
            '(' if depth == 0 && out.chars().any(is_cjk) => break,
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            '，' | '：' | '、' | '。' | ':' | ',' if depth == 0 => break,
            c if depth == 0 && c.is_ascii_alphabetic() && out.chars().any(is_cjk) => break,
            _ => {}
        }
        out.push(c);
    }
    let label = out.trim().trim_end_matches(['(', '（']).trim();
    if label.chars().next().is_some_and(is_cjk) {
        return Some(label.to_owned());
    }
    // English first: a Chinese name in brackets.
    let open = description.find(['（', '('])?;
    let inner = &description[open..];
    let inner = inner.trim_start_matches(['（', '(']);
    let close = inner.find(['）', ')'])?;
    let name = inner[..close].trim();
    name.chars().next().filter(|c| is_cjk(*c)).map(|_| name.to_owned())
}

/// The Chinese title of a schema: its `title` (its Chinese part), else its description's name.
fn zh_title(m: &Map<String, Value>) -> Option<String> {
    m.get("title")
        .and_then(Value::as_str)
        .map(|t| t.split(" / ").next().unwrap_or(t).to_owned())
        .or_else(|| m.get("description").and_then(Value::as_str).and_then(chinese_label))
}

/// Every branch of every `anyOf` / `oneOf` gets a `title` (schema-driven form builders such as
/// RJSF label a union's options with it, else 「option 1」): a `null` branch is 「不填」, a
/// constant or any other branch the Chinese name in its description, a `$ref` its definition's
/// title or the row's, a branch requiring one property 「填写」 and that property's name; what has
/// none of these is named by the row and its number.
fn title_branches(v: &mut Value, row: Option<&str>) {
    let defs: Map<String, Value> = v.get("$defs").and_then(Value::as_object).cloned().unwrap_or_default();
    walk_titles(v, row, &defs);
}

fn walk_titles(v: &mut Value, row: Option<&str>, defs: &Map<String, Value>) {
    match v {
        Value::Object(m) => {
            let here = zh_title(m).or_else(|| row.map(str::to_owned));
            // The properties a branch may name: this schema's, or those of the definition it refers to.
            let referred = m
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/$defs/"))
                .and_then(|r| defs.get(r));
            let siblings: Option<Map<String, Value>> = m
                .get("properties")
                .or_else(|| referred.and_then(|d| d.get("properties")))
                .and_then(Value::as_object)
                .cloned();
            for key in ["anyOf", "oneOf"] {
                let Some(Value::Array(branches)) = m.get_mut(key) else { continue };
                for (i, b) in branches.iter_mut().enumerate() {
                    let Value::Object(bm) = b else { continue };
                    if bm.contains_key("title") {
                        continue;
                    }
                    let title =
                        branch_title(bm, here.as_deref(), siblings.as_ref(), defs).unwrap_or_else(|| {
                            match &here {
                                Some(r) => format!("{r}（{}）", i + 1),
                                None => format!("选项 {}", i + 1),
                            }
                        });
                    bm.insert("title".into(), title.into());
                }
            }
            for (k, x) in m.iter_mut() {
                // Examples and constants are instances, not schemas.
                if !matches!(k.as_str(), "examples" | "const" | "default" | "enum") {
                    walk_titles(x, here.as_deref(), defs);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|x| walk_titles(x, row, defs)),
        _ => {}
    }
}

fn branch_title(
    b: &Map<String, Value>,
    here: Option<&str>,
    siblings: Option<&Map<String, Value>>,
    defs: &Map<String, Value>,
) -> Option<String> {
    if b.get("type").and_then(Value::as_str) == Some("null") {
        return Some("不填".into());
    }
    if let Some(label) = b.get("description").and_then(Value::as_str).and_then(chinese_label) {
        return Some(label);
    }
    if let Some(c) = b.get("const").and_then(Value::as_str) {
        return Some(c.to_owned());
    }
    if let Some(r) = b.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/")) {
        let def = defs.get(r).and_then(Value::as_object).and_then(zh_title);
        return def.or_else(|| here.map(str::to_owned)).or_else(|| Some(r.to_owned()));
    }
    // A branch that only requires one property (a leader with a 职务 or a 姓名).
    if let Some([Value::String(key)]) = b.get("required").and_then(Value::as_array).map(Vec::as_slice) {
        let named = siblings
            .and_then(|p| p.get(key))
            .and_then(Value::as_object)
            .and_then(zh_title)
            .unwrap_or_else(|| key.clone());
        return Some(format!("填写{named}"));
    }
    None
}

/// One entry of [`RULES_DEF`]'s examples: code, severity, the pointers read, the zh/en descriptions.
fn library_rule(r: &RuleDescriptor) -> Value {
    json!({
        "code": r.code,
        "severity": r.severity,
        "reads": r.reads,
        "description": r.description,
        "description_en": r.description_en,
    })
}

/// The rules of a document kind that the schema does not express, in catalog order: every
/// semantic (`library_only`) rule, and the structural ones outside [`SCHEMA_CODES`] (unknown
/// keys are kept with a warning; text is read by the library). The roll-up's findings
/// (`aggregate.*`) are listed by the city roll-up schema instead: validating one document
/// never reports them.
///
/// ```
/// use learning_week::{schema::library_rules, DocumentKind};
/// let codes: Vec<String> = library_rules(DocumentKind::Submission).into_iter().map(|r| r.code).collect();
/// assert!(codes.contains(&"submission.late".to_string()));
/// assert!(!codes.contains(&"row.missing".to_string()));
/// ```
pub fn library_rules(kind: DocumentKind) -> Vec<RuleDescriptor> {
    catalog()
        .into_iter()
        .filter(|r| r.documents.contains(&kind))
        .filter(|r| {
            !SCHEMA_CODES.contains(&r.code.as_str()) && !NOT_SCHEMA_QUESTIONS.contains(&r.code.as_str())
        })
        .filter(|r| !r.code.starts_with(ROLLUP_PREFIX))
        .collect()
}

/// Applies every reconciliation to a document schema (see the module docs).
fn reconcile(schema: &mut Value) {
    let count = count_schema();
    let count_any_of = generate::<crate::count::CountRepr>().get("anyOf").cloned();
    // First, before anything changes them: inline copies of the count shape (a required count
    // row is inlined by schemars) become references to the one `Count` definition.
    let mut counts = false;
    visit(schema, &mut |m| {
        if count_any_of.is_some() && m.get("anyOf") == count_any_of.as_ref() {
            m.remove("anyOf");
            m.insert("$ref".into(), "#/$defs/Count".into());
        }
        counts |= m.get("$ref").and_then(Value::as_str) == Some("#/$defs/Count");
    });
    visit(schema, &mut |m| {
        field_checks(m);
        clean_description(m);
        drop_nonstandard_format(m);
        required_rows(m);
        cap_strings(m);
        portable_patterns(m);
        leaders_not_blank(m);
        bilingual_variant(m);
        bilingual_output(m);
    });
    let Some(defs) = schema.get_mut("$defs").and_then(Value::as_object_mut) else { return };
    if counts {
        defs.insert("Count".into(), count);
    }
    if defs.contains_key("Satisfaction") {
        defs.insert("Satisfaction".into(), satisfaction_schema());
        if let Some(Value::Object(p)) = defs.get_mut("Percent") {
            percent_object(p);
        }
    }
}

/// Calls `f` on every schema object in `v`, children first.
fn visit(v: &mut Value, f: &mut impl FnMut(&mut Map<String, Value>)) {
    let Value::Object(m) = v else { return };
    for key in ["properties", "patternProperties", "$defs"] {
        if let Some(Value::Object(children)) = m.get_mut(key) {
            for child in children.values_mut() {
                visit(child, f);
            }
        }
    }
    for key in ["anyOf", "oneOf", "allOf", "prefixItems"] {
        if let Some(Value::Array(children)) = m.get_mut(key) {
            for child in children {
                visit(child, f);
            }
        }
    }
    for key in ["items", "additionalProperties", "not", "if", "then", "else", "contains"] {
        if let Some(child) = m.get_mut(key) {
            visit(child, f);
        }
    }
    f(m);
}

/// Removes rustdoc code blocks and link brackets from a description.
fn clean_description(m: &mut Map<String, Value>) {
    let Some(Value::String(d)) = m.get_mut("description") else { return };
    let mut out = String::new();
    let mut in_code = false;
    for line in d.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if !in_code {
            out.push_str(line);
            out.push('\n');
        }
    }
    let cleaned = out.trim().replace("[`", "`").replace("`]", "`");
    *d = cleaned;
}

/// Drops schemars' non-standard numeric formats, keeping the bounds they stood for.
fn drop_nonstandard_format(m: &mut Map<String, Value>) {
    let Some(Value::String(format)) = m.get("format") else { return };
    let bounds: Option<(Value, Value)> = match format.as_str() {
        "int32" => Some((i32::MIN.into(), i32::MAX.into())),
        "uint32" => Some((0.into(), u32::MAX.into())),
        "uint64" | "uint" => Some((0.into(), Value::Null)),
        "int64" | "int" | "double" | "float" | "uint8" | "int8" | "uint16" | "int16" => {
            Some((Value::Null, Value::Null))
        }
        _ => None,
    };
    let Some((min, max)) = bounds else { return };
    m.remove("format");
    if !min.is_null() && !m.contains_key("minimum") {
        m.insert("minimum".into(), min);
    }
    if !max.is_null() && !m.contains_key("maximum") {
        m.insert("maximum".into(), max);
    }
}

/// Whether a schema admits `null` (`type: [.., "null"]` or an `anyOf` branch `{type: null}`).
fn admits_null(v: &Value) -> bool {
    match v.get("type") {
        Some(Value::String(t)) if t == "null" => return true,
        Some(Value::Array(ts)) if ts.iter().any(|t| t == "null") => return true,
        _ => {}
    }
    v.get("anyOf").and_then(Value::as_array).is_some_and(|bs| bs.iter().any(admits_null))
}

/// A model object (every property an `Option`, so schemars gave no `required`): the properties
/// that do not admit `null` are the `#[validate(required)]` rows.
fn required_rows(m: &mut Map<String, Value>) {
    if m.contains_key("required") {
        return;
    }
    let Some(Value::Object(props)) = m.get("properties") else { return };
    let required: Vec<Value> =
        props.iter().filter(|(_, p)| !admits_null(p)).map(|(k, _)| Value::String(k.clone())).collect();
    if !required.is_empty() {
        m.insert("required".into(), Value::Array(required));
    }
}

fn is_string_type(m: &Map<String, Value>) -> bool {
    match m.get("type") {
        Some(Value::String(t)) => t == "string",
        Some(Value::Array(ts)) => ts.iter().any(|t| t == "string"),
        _ => false,
    }
}

/// Every free string: at most [`MAX_TEXT_CHARS`] characters (`row.too_long`).
fn cap_strings(m: &mut Map<String, Value>) {
    if is_string_type(m)
        && !m.contains_key("enum")
        && !m.contains_key("const")
        && !m.contains_key("maxLength")
    {
        m.insert("maxLength".into(), MAX_TEXT_CHARS.into());
    }
}

/// A model field's declared check (`x-check`, or `x-check-each` for a list's items, put there by
/// `model!`) becomes the check's own schema keywords ([`crate::checks::FieldCheck`]): its
/// `pattern` and `format`. The marker goes; an unknown name fails loudly (a typo in a model).
fn field_checks(m: &mut Map<String, Value>) {
    let apply = |target: &mut Map<String, Value>, name: &str| {
        let Some(check) = crate::checks::field_check(name) else {
            panic!("model field declares the unknown check `{name}` (see checks::FIELD_CHECKS)");
        };
        target.insert("pattern".into(), check.pattern.into());
        if let Some(format) = check.format {
            target.insert("format".into(), format.into());
        }
    };
    if let Some(Value::String(name)) = m.remove("x-check") {
        apply(m, &name);
    }
    if let Some(Value::String(name)) = m.remove("x-check-each") {
        let items = m.entry("items").or_insert_with(|| json!({"type": "string"}));
        if let Value::Object(items) = items {
            apply(items, &name);
        }
    }
}

/// Patterns every dialect reads alike: a final `$` that Python would also match before a trailing
/// newline made strict; timestamps get the library's own grammar next to their `format`
/// ([`DATETIME_PATTERN`]). (The field checks bring their own portable patterns: [`field_checks`].)
fn portable_patterns(m: &mut Map<String, Value>) {
    if let Some(Value::String(p)) = m.get_mut("pattern") {
        if p.ends_with('$') && !p.ends_with("\\$") {
            p.push_str("(?!\\n)");
        }
    }
    if m.get("format").and_then(Value::as_str) == Some("date-time") {
        m.entry("pattern").or_insert_with(|| DATETIME_PATTERN.into());
    }
}

/// 出席活动（开幕式）的领导: a leader the 总结表 lists must have a title or a name that is not
/// blank (`SummaryTable::blank_items`, reported as `row.blank`). The plan's leaders share the
/// `Leader` definition without that rule, so it is stated where the 总结表 lists them.
fn leaders_not_blank(m: &mut Map<String, Value>) {
    let Some(Value::Object(props)) = m.get_mut("properties") else { return };
    if !props.contains_key("issuing_departments") {
        return;
    }
    let Some(Value::Object(items)) = props.get_mut("attending_leaders").and_then(|l| l.get_mut("items"))
    else {
        return;
    };
    let said = |key: &str| {
        json!({
            "required": [key],
            "properties": {key: {"type": "string", "pattern": NON_BLANK_PATTERN, "maxLength": MAX_TEXT_CHARS}},
        })
    };
    items.insert("type".into(), "object".into());
    items.insert("anyOf".into(), json!([said("title"), said("name")]));
}

/// English names of the 群众满意度 levels (their JSON names are Chinese).
const LEVELS_EN: &[(&str, &str)] = &[
    ("非常满意", "very satisfied"),
    ("满意", "satisfied"),
    ("基本满意", "fairly satisfied"),
    ("不满意", "dissatisfied"),
];

/// A variant documented in Chinese only gets its English name: the JSON name with spaces.
fn bilingual_variant(m: &mut Map<String, Value>) {
    let Some(Value::String(name)) = m.get("const") else { return };
    let english = match LEVELS_EN.iter().find(|(zh, _)| zh == name) {
        Some((_, en)) => (*en).to_owned(),
        None if name.is_ascii() => name.replace('_', " "),
        None => return,
    };
    let Some(Value::String(d)) = m.get_mut("description") else { return };
    if !d.chars().any(|c| c.is_ascii_alphabetic()) {
        *d = format!("{d} / {english}");
    }
}

/// Chinese for the few doc comments written in English only (mostly answer types, documented
/// for Rust readers first), by how they start; the schema shows 「中文 / English」 like everywhere
/// else. `core/tests/schema_keywords.rs` fails on any description left monolingual.
const OUTPUT_ZH: &[(&str, &str)] = &[
    ("A satisfaction level as the form's respondents write it.", "满意程度"),
    ("English message.", "英文消息"),
    ("Description in English.", "英文说明"),
    ("A rule as data, for `rules()` in every binding and for the docs.", "规则（数据形式）"),
    ("The four kinds of document the library reads.", "文档类型"),
    ("One finding about one place in one document.", "诊断：一份文档中一处的一个问题"),
    ("Anything else, or no unit written.", "其他单位或未写单位"),
    ("The wire form of a `Count`", "数量（整数或带限定词的对象）"),
    ("Wire form of `Satisfaction`.", "群众满意度（百分比或满意程度）"),
    // api.schema.json: the bindings' answers, options and text-parser results.
    ("The answer to a validation:", "校验应答"),
    ("The answer to a roll-up:", "汇总应答"),
    ("The answer of a text parser:", "文字解析应答"),
    ("A document read without being checked", "读取应答（不对照通知校验）"),
    ("A count read from text", "从文字读出的数量"),
    ("A byte range `start..end`", "原文中的字节范围"),
    ("A period read from text", "从文字读出的活动时间"),
    ("Venue counts read from text", "从文字读出的会场数量"),
    ("Why a text could not be read", "文字无法读取的原因"),
    ("Units in the area and units that took part", "从文字读出的参与单位"),
    ("One name from a list", "名单中的一个名称"),
    ("The options a binding takes beside a document", "校验选项"),
    ("The language people read", "语言"),
    ("English.", "英文"),
    ("The options of a binding's roll-up", "汇总选项"),
    ("The options of a binding's Word import", "导入选项"),
    ("The options of a binding's inbox roll-up", "文件汇总选项"),
    ("A text-parsing request", "文字解析请求"),
    ("Which text parser to run", "解析器"),
];

/// Prefixes the Chinese of an English-only description that starts as listed in [`OUTPUT_ZH`].
fn bilingual_output(m: &mut Map<String, Value>) {
    let Some(Value::String(d)) = m.get_mut("description") else { return };
    if d.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
        return;
    }
    if let Some((_, zh)) = OUTPUT_ZH.iter().find(|(en, _)| d.starts_with(en)) {
        *d = format!("{zh} / {d}");
    }
}

fn integer_count(description: &str) -> Value {
    json!({
        "description": description,
        "type": "integer",
        "minimum": 0,
        "maximum": MAX_COUNT,
    })
}

/// A count: a whole number, a qualified object, or text the library reads.
fn count_schema() -> Value {
    json!({
        "title": "数量 / count",
        "description": "数量：整数、带限定词的对象，或文字（如“约3.5万人次”，由本库解读并保留限定词） / \
                        a count: a whole number, a qualified object, or text such as 约3.5万人次 that the library \
                        reads, keeping its qualifier",
        "anyOf": [
            integer_count("精确数 / an exact count, 0 to 10^12."),
            {
                "description": "带限定词的数量（约/余/不到）、单位和原文 / a count with its qualifier (约/余/不到), the unit word and the source text.",
                "type": "object",
                "properties": {
                    "value": integer_count("数值 / the number, after 万/亿 multipliers."),
                    "qualifier": {
                        "description": "限定词 / how precise the number is.",
                        "$ref": "#/$defs/Qualifier",
                        "default": "exact",
                    },
                    "unit": {
                        "description": "单位 / the unit word as written (人次, 人, 场 …).",
                        "type": "string",
                        "maxLength": MAX_TEXT_CHARS,
                    },
                    "source": {
                        "description": "原文 / the text the number was read from.",
                        "type": "string",
                        "maxLength": MAX_TEXT_CHARS,
                    },
                },
                "required": ["value"],
            },
            {
                "description": "文字填写的数量（如“约3.5万人次”“1200余人”），由本库解读（count.from_text）或以 text.* 错误拒绝 / \
                                a count written as text (约3.5万人次, 1200余人): the library reads it (count.from_text) \
                                or refuses it with a text.* error",
                "type": "string",
                "maxLength": MAX_TEXT_CHARS,
            },
        ],
    })
}

/// 群众满意度: a percentage, a qualified percentage, a level (bare or as `{level}`), or text.
fn satisfaction_schema() -> Value {
    json!({
        "title": "群众满意度 / satisfaction",
        "description": "群众满意度：百分比（0–100）、带限定词的百分比、满意程度，或文字（如“98%以上”，由本库解读） / \
                        satisfaction: a percentage (0–100), a qualified percentage, a level word, or text such as \
                        98%以上 that the library reads",
        "anyOf": [
            {
                "description": "满意率（精确）/ an exact percentage, 0–100.",
                "type": "number",
                "minimum": 0,
                "maximum": 100,
            },
            {
                "description": "满意率及限定词 / a percentage with qualifier.",
                "$ref": "#/$defs/Percent",
                "type": "object",
                "properties": {"level": false},
            },
            {
                "description": "满意程度（对象形式）/ a level, as an object (not together with a percentage `value`).",
                "type": "object",
                "properties": {
                    "level": {"$ref": "#/$defs/SatisfactionLevel"},
                    "qualifier": {"$ref": "#/$defs/Qualifier"},
                    "source": {"type": "string", "maxLength": MAX_TEXT_CHARS},
                    "value": false,
                },
                "required": ["level"],
            },
            {
                "description": "满意程度 / a level word.",
                "$ref": "#/$defs/SatisfactionLevel",
            },
            {
                "description": "文字填写的满意度（如“98%以上”），由本库解读或以 text.* 错误拒绝 / \
                                satisfaction written as text (98%以上): the library reads it or refuses it with a text.* error",
                "type": "string",
                "maxLength": MAX_TEXT_CHARS,
            },
        ],
    })
}

/// The `Percent` object as the reader takes it: `source` must be text when present (not `null`).
fn percent_object(p: &mut Map<String, Value>) {
    if let Some(Value::Object(source)) = p.get_mut("properties").and_then(|props| props.get_mut("source")) {
        source.insert("type".into(), "string".into());
    }
}
