//! Diagnostics as data: a stable code, a severity, a JSON Pointer into the input, messages in
//! Chinese and English rendered from the code's templates, and the parameters used to render them.

use super::{Code, Lang};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// How serious a finding is. The notice's own words decide: 要/须 → error; 鼓励/重点 → warning.
///
/// ```
/// use learning_week::Severity;
/// assert!(Severity::Error > Severity::Warning);
/// assert_eq!(serde_json::to_string(&Severity::Info).unwrap(), "\"info\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// 提示: something was normalised or read from text; nothing to fix.
    Info,
    /// 警告: the notice encourages it, or the value looks wrong.
    Warning,
    /// 错误: the notice requires it, or the input is unusable.
    Error,
}

impl Severity {
    /// The JSON name.
    ///
    /// ```
    /// assert_eq!(learning_week::Severity::Warning.as_str(), "warning");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// The Chinese word for the severity, as shown to users.
    ///
    /// ```
    /// assert_eq!(learning_week::Severity::Error.as_zh(), "错误");
    /// ```
    pub fn as_zh(self) -> &'static str {
        match self {
            Severity::Info => "提示",
            Severity::Warning => "警告",
            Severity::Error => "错误",
        }
    }
}

/// One finding about one place in one document.
///
/// `path` is an RFC 6901 JSON Pointer into the document the caller sent, using the caller's JSON
/// keys (`/participation/units_participating`); `""` is the whole document. `params` holds every
/// value the messages were rendered from, plus `related`: the other pointers a cross-field rule read.
///
/// ```
/// use learning_week::api;
/// let answer = api::validate_json(Some(api::DocumentKind::Summary), "{\"year\": \"2021\"}", &Default::default());
/// let d = answer.diagnostics.iter().find(|d| d.code == "type.invalid").unwrap();
/// assert_eq!(d.path, "/year");
/// assert!(d.message.contains("类型"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Diagnostic {
    /// 规则代码 / stable rule code, e.g. `period.outside_week`.
    pub code: Code,
    /// 严重程度 / severity.
    pub severity: Severity,
    /// 位置 / RFC 6901 JSON Pointer into the input.
    pub path: String,
    /// 中文说明 / message in Chinese.
    pub message: String,
    /// English message.
    pub message_en: String,
    /// 参数 / the values the messages were rendered from.
    #[serde(default)]
    pub params: Map<String, Value>,
    /// 输入值 / the offending input value, truncated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<Value>,
    /// 所属文档 / set when the finding concerns a context document (`notice`, `plan`) rather than the input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
}

impl Diagnostic {
    /// Re-renders the message in `lang` from the code's template and this diagnostic's params.
    ///
    /// ```
    /// use learning_week::{api, Lang};
    /// let a = api::validate_json(Some(api::DocumentKind::Summary), "{", &Default::default());
    /// let d = &a.diagnostics[0];
    /// assert_eq!(d.render(Lang::En), d.message_en);
    /// ```
    pub fn render(&self, lang: Lang) -> String {
        let rule = self.code.rule();
        let template = match lang {
            Lang::En => rule.message_en,
            Lang::Zh => rule.message,
        };
        render_template(template, &self.params)
    }

    /// The message in `lang`, without re-rendering.
    ///
    /// ```
    /// use learning_week::{api, Lang};
    /// let a = api::validate_json(None, "[]", &Default::default());
    /// assert!(a.diagnostics[0].message_in(Lang::En).is_ascii());
    /// ```
    pub fn message_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.message_en,
            Lang::Zh => &self.message,
        }
    }

    /// Whether this finding means the input could not be used at all — not JSON, nested too
    /// deep, of no kind, not an object — or that a context document (the notice, the plan, the
    /// options) it came with is unusable, rather than a document with problems.
    ///
    /// ```
    /// use learning_week::{api, Lang};
    /// let a = api::validate_json(None, "[", &Default::default());
    /// assert!(a.diagnostics[0].makes_input_unusable());
    /// let b = api::validate_json(Some(api::DocumentKind::Summary), r#"{"year": "x"}"#, &Default::default());
    /// assert!(b.diagnostics.iter().all(|d| !d.makes_input_unusable()));
    /// ```
    pub fn makes_input_unusable(&self) -> bool {
        self.code.makes_input_unusable()
            || (self.code == super::structural::TYPE_INVALID.code && self.path.is_empty())
            || self.document.is_some()
    }
}

/// Fills `{name}` placeholders from `params`. Strings are inserted without quotes, arrays are
/// joined with `、`, anything missing stays as the placeholder so a gap is visible, not hidden.
/// A segment in `[[…]]` is optional: it is rendered only when every placeholder inside it has a
/// non-null value, and dropped otherwise (for hints such as "did you mean …").
///
/// ```
/// use learning_week::catalog::render_template;
/// let mut p = serde_json::Map::new();
/// p.insert("days".into(), 3.into());
/// assert_eq!(render_template("迟交 {days} 天", &p), "迟交 3 天");
/// assert_eq!(render_template("x[[ (did you mean {s}?)]]", &p), "x");
/// p.insert("s".into(), "y".into());
/// assert_eq!(render_template("x[[ (did you mean {s}?)]]", &p), "x (did you mean y?)");
/// ```
pub fn render_template(template: &str, params: &Map<String, Value>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = find_pair(rest, '[') {
        fill(&mut out, &rest[..open], params);
        let after = &rest[open + 2..];
        let Some(close) = find_pair(after, ']') else {
            rest = &rest[open..];
            break;
        };
        let segment = &after[..close];
        if placeholders(segment).all(|name| params.get(name).is_some_and(|v| !v.is_null())) {
            fill(&mut out, segment, params);
        }
        rest = &after[close + 2..];
    }
    fill(&mut out, rest, params);
    out
}

/// Where `cc` (two of `c`, an ASCII bracket) first stands in `s`.
fn find_pair(s: &str, c: char) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = s.get(from..)?.find(c) {
        let at = from + i;
        if s[at + 1..].starts_with(c) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// The placeholder names in a template piece.
fn placeholders(s: &str) -> impl Iterator<Item = &str> {
    s.split('{').skip(1).filter_map(|part| part.split_once('}').map(|(name, _)| name))
}

/// Appends `template` to `out` with each `{name}` replaced by its param (kept as written when
/// there is no such param).
fn fill(out: &mut String, template: &str, params: &Map<String, Value>) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match params.get(name) {
                    Some(v) => display_value(out, v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
}

/// Appends a param as a message shows it: strings bare, lists joined with 、, null as nothing.
fn display_value(out: &mut String, v: &Value) {
    match v {
        Value::String(s) => out.push_str(s),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push('、');
                }
                display_value(out, item);
            }
        }
        Value::Null => {}
        other => {
            use std::fmt::Write as _;
            let _ = write!(out, "{other}"); // writing to a String cannot fail
        }
    }
}

/// Longest input excerpt kept in a diagnostic, in characters.
pub const INPUT_EXCERPT_CHARS: usize = 200;

/// A copy of `value` short enough to put in a diagnostic: long strings are cut at
/// [`INPUT_EXCERPT_CHARS`] characters (with `…`), arrays and objects become their truncated JSON text.
///
/// ```
/// use learning_week::catalog::excerpt;
/// let long = serde_json::Value::String("长".repeat(1000));
/// assert_eq!(excerpt(&long).as_str().unwrap().chars().count(), 201);
/// ```
pub fn excerpt(value: &Value) -> Value {
    match value {
        Value::String(s) => Value::String(truncate_chars(s, INPUT_EXCERPT_CHARS)),
        Value::Array(_) | Value::Object(_) => {
            let text = value.to_string();
            Value::String(truncate_chars(&text, INPUT_EXCERPT_CHARS))
        }
        other => other.clone(),
    }
}

fn truncate_chars(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_owned(),
    }
}

/// Escapes one reference token of a JSON Pointer (RFC 6901: `~` → `~0`, `/` → `~1`).
///
/// ```
/// assert_eq!(learning_week::catalog::escape_token("a/b~c"), "a~1b~0c");
/// ```
pub fn escape_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}
