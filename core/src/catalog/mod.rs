//! The catalog: the bottom layer every other one reads. Each rule as data — its typed [`Code`],
//! severity, the documents it applies to, the fields it reads, the notice clause it carries and
//! its zh/en templates — with the [`Diagnostic`] built and rendered from it, and the shared names
//! [`DocumentKind`] and [`Lang`]. Nothing here knows the model or how a rule is checked: the
//! checks live in `rules`, each registered against its rule's constant from this catalog.

mod diagnostic;
mod kind;

pub mod divisions;

pub(crate) mod aggregate;
pub(crate) mod import;
pub(crate) mod notice;
pub(crate) mod plan;
pub(crate) mod reading;
pub(crate) mod structural;
pub(crate) mod submission;
pub(crate) mod summary;
pub(crate) mod text;

pub use diagnostic::{escape_token, excerpt, render_template, Diagnostic, Severity, INPUT_EXCERPT_CHARS};
pub use kind::{DocumentKind, Lang};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One rule: what it checks, where it comes from, how its messages read.
///
/// ```
/// let rule = learning_week::catalog::Code::find("submission.late").unwrap().rule();
/// assert_eq!(rule.severity, learning_week::Severity::Error);
/// assert!(rule.library_only);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// Stable code, `area.what` in snake_case.
    pub code: &'static str,
    /// Severity, from the notice's own words (要/须 → error, 鼓励/重点 → warning).
    pub severity: Severity,
    /// The documents the rule applies to; a rule's check runs only for these kinds.
    pub documents: &'static [DocumentKind],
    /// JSON Pointers (relative to the document, `*` for any array index) the rule reads;
    /// a form re-checks the rule when one of them changes.
    pub reads: &'static [&'static str],
    /// The clause of the notice (or row of the 总结表) the rule carries.
    pub clause: &'static str,
    /// What the rule checks, in Chinese.
    pub description: &'static str,
    /// What the rule checks, in English.
    pub description_en: &'static str,
    /// The Chinese message template (`{param}` placeholders).
    pub message: &'static str,
    /// The English message template.
    pub message_en: &'static str,
    /// True when a JSON Schema cannot express the rule (cross-field, against the notice,
    /// deadline): only this library checks it. False for what reading the document finds.
    pub library_only: bool,
}

/// A rule's stable code, typed: it can only name a rule of the catalog, compares with the
/// code's text (`d.code == "json.syntax"`), and serialises as that text.
///
/// ```
/// use learning_week::catalog::Code;
/// let code = Code::find("json.syntax").unwrap();
/// assert_eq!(code, "json.syntax");
/// assert!(code.makes_input_unusable());
/// assert_eq!(serde_json::to_string(&code).unwrap(), "\"json.syntax\"");
/// assert!(Code::find("no.such.code").is_none());
/// ```
#[derive(Clone, Copy)]
pub struct Code(&'static Rule);

/// The codes whose finding means the input could not be used at all (not JSON, nested too
/// deep, of no kind): front doors answer them with their own "unusable" signal (the CLI: exit 2).
const UNUSABLE: &[&Rule] = &[
    &structural::JSON_SYNTAX,
    &structural::JSON_TOO_DEEP,
    &structural::DOCUMENT_KIND_UNKNOWN,
    // A file no 总结表 could be read from (`Validator::validate_file`).
    &import::IMPORT_TOO_LARGE,
    &import::IMPORT_NOT_ZIP,
    &import::IMPORT_MISSING_PART,
    &import::IMPORT_BAD_XML,
    &import::IMPORT_DTD_REFUSED,
    &import::IMPORT_BAD_DOC,
    &import::IMPORT_NO_TABLE,
    &import::IMPORT_UNSUPPORTED_FORMAT,
];

impl Code {
    /// The code of a rule constant.
    pub(crate) const fn of(rule: &'static Rule) -> Code {
        Code(rule)
    }

    /// Looks a code up by its text.
    ///
    /// ```
    /// assert_eq!(learning_week::catalog::Code::find("period.outside_week").unwrap().as_str(), "period.outside_week");
    /// ```
    pub fn find(code: &str) -> Option<Code> {
        all().find(|r| r.code == code).map(Code)
    }

    /// The code's text, e.g. `period.outside_week`.
    ///
    /// ```
    /// let c = learning_week::catalog::Code::find("row.missing").unwrap();
    /// assert!(c.as_str().starts_with("row."));
    /// ```
    pub fn as_str(self) -> &'static str {
        self.0.code
    }

    /// The rule the code names.
    ///
    /// ```
    /// let c = learning_week::catalog::Code::find("row.missing").unwrap();
    /// assert_eq!(c.rule().code, "row.missing");
    /// ```
    pub fn rule(self) -> &'static Rule {
        self.0
    }

    /// Whether a finding with this code means the input could not be used at all.
    ///
    /// ```
    /// use learning_week::catalog::Code;
    /// assert!(Code::find("json.too_deep").unwrap().makes_input_unusable());
    /// assert!(!Code::find("row.missing").unwrap().makes_input_unusable());
    /// ```
    pub fn makes_input_unusable(self) -> bool {
        UNUSABLE.iter().any(|r| r.code == self.0.code)
    }
}

impl PartialEq for Code {
    fn eq(&self, other: &Code) -> bool {
        self.as_str() == other.as_str()
    }
}
impl Eq for Code {}
impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}
impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}
impl PartialEq<String> for Code {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}
impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Code) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Code {
    fn cmp(&self, other: &Code) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}
impl std::hash::Hash for Code {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}
impl std::fmt::Debug for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}
impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Code, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Code::find(&text).ok_or_else(|| serde::de::Error::custom(format!("unknown rule code {text:?}")))
    }
}
impl JsonSchema for Code {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "String".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
    fn inline_schema() -> bool {
        true
    }
}

/// A rule as data, for `rules()` in every binding and for the docs.
///
/// ```
/// let catalog = learning_week::catalog::descriptors();
/// let r = catalog.iter().find(|r| r.code == "submission.late").unwrap();
/// assert_eq!(r.severity, learning_week::Severity::Error);
/// assert!(r.reads.contains(&"/submitted_at".to_string()));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RuleDescriptor {
    /// 规则代码 / stable code.
    pub code: String,
    /// 严重程度 / severity.
    pub severity: Severity,
    /// 适用文档 / the documents it applies to.
    pub documents: Vec<DocumentKind>,
    /// 读取字段 / JSON Pointers the rule reads (`*` = any array index).
    pub reads: Vec<String>,
    /// 通知条款 / the notice clause or 总结表 row it carries.
    pub clause: String,
    /// 说明 / description in Chinese.
    pub description: String,
    /// Description in English.
    pub description_en: String,
    /// 是否仅由本库检查 / true when a JSON Schema cannot express the rule (cross-field, against the notice, deadline).
    pub library_only: bool,
}

const GROUPS: &[&[Rule]] = &[
    structural::RULES,
    summary::RULES,
    plan::RULES,
    submission::RULES,
    notice::RULES,
    text::RULES,
    aggregate::RULES,
    import::RULES,
    reading::RULES,
    divisions::RULES,
];

/// Every rule, in catalog order.
pub(crate) fn all() -> impl Iterator<Item = &'static Rule> {
    GROUPS.iter().flat_map(|g| g.iter())
}

/// The rule catalog: every code with its severity, documents, fields read and descriptions.
///
/// ```
/// let codes: Vec<String> = learning_week::catalog::descriptors().into_iter().map(|r| r.code).collect();
/// assert!(codes.contains(&"period.outside_week".to_string()));
/// ```
pub fn descriptors() -> Vec<RuleDescriptor> {
    all()
        .map(|r| RuleDescriptor {
            code: r.code.to_owned(),
            severity: r.severity,
            documents: r.documents.to_vec(),
            reads: r.reads.iter().map(|s| (*s).to_owned()).collect(),
            clause: r.clause.to_owned(),
            description: r.description.to_owned(),
            description_en: r.description_en.to_owned(),
            library_only: r.library_only,
        })
        .collect()
}

/// Builds a diagnostic from a rule, a path, params and the offending input (excerpted).
pub(crate) fn make(
    rule: &'static Rule,
    path: String,
    params: Map<String, Value>,
    input: Option<&Value>,
) -> Diagnostic {
    Diagnostic {
        code: Code(rule),
        severity: rule.severity,
        message: render_template(rule.message, &params),
        message_en: render_template(rule.message_en, &params),
        path,
        params,
        input: input.map(excerpt),
        document: None,
    }
}

/// Builds a params map from `(key, value)` pairs. A value is what `serde_json::to_value` makes
/// of it; text, numbers, booleans and lists or options of them are converted directly
/// ([`param`]), without serde's `Value` serializer instantiated for each of their types.
macro_rules! params {
    () => { ::serde_json::Map::new() };
    ($($k:expr => $v:expr),+ $(,)?) => {{
        #[allow(unused_imports)]
        use $crate::catalog::param::{Direct as _, Serde as _};
        let mut m = ::serde_json::Map::new();
        $( m.insert(($k).to_string(), (&$crate::catalog::param::Of(&$v)).param()); )+
        m
    }};
}
pub(crate) use params;

/// A value of `params!`, converted without serde when its type is [`param::Plain`] (issue 21:
/// the first WebAssembly module's size): the same `Value` as `serde_json::to_value` gives.
/// Any other `Serialize` type still goes through `serde_json::to_value` (autoref dispatch:
/// [`param::Direct`] is found before [`param::Serde`] whenever it applies).
pub(crate) mod param {
    use serde_json::Value;

    /// The value being converted.
    pub struct Of<'a, T: ?Sized>(pub &'a T);

    /// A type `params!` converts directly; `to_param` is what `serde_json::to_value` gives.
    pub trait Plain {
        fn to_param(&self) -> Value;
    }

    /// The direct conversion, found first (its `self` is `&Of`).
    pub trait Direct {
        fn param(&self) -> Value;
    }
    impl<T: Plain + ?Sized> Direct for Of<'_, T> {
        fn param(&self) -> Value {
            self.0.to_param()
        }
    }

    /// serde's conversion, for any other type (its `self` is `&&Of`: found only when
    /// [`Direct`] does not apply).
    pub trait Serde {
        fn param(&self) -> Value;
    }
    impl<T: serde::Serialize + ?Sized> Serde for &Of<'_, T> {
        fn param(&self) -> Value {
            serde_json::to_value(self.0).unwrap_or(Value::Null)
        }
    }

    macro_rules! plain_from {
        ($($t:ty),*) => { $( impl Plain for $t { fn to_param(&self) -> Value { Value::from(*self) } } )* };
    }
    plain_from!(bool, u8, u16, u32, u64, usize, i8, i16, i32, i64, isize, f64);

    impl Plain for str {
        fn to_param(&self) -> Value {
            Value::String(self.to_owned())
        }
    }
    impl Plain for String {
        fn to_param(&self) -> Value {
            Value::String(self.clone())
        }
    }
    impl Plain for Value {
        fn to_param(&self) -> Value {
            self.clone()
        }
    }
    impl<T: Plain + ?Sized> Plain for &T {
        fn to_param(&self) -> Value {
            (**self).to_param()
        }
    }
    impl<T: Plain> Plain for Option<T> {
        fn to_param(&self) -> Value {
            self.as_ref().map_or(Value::Null, Plain::to_param)
        }
    }
    impl<T: Plain> Plain for [T] {
        fn to_param(&self) -> Value {
            Value::Array(self.iter().map(Plain::to_param).collect())
        }
    }
    impl<T: Plain, const N: usize> Plain for [T; N] {
        fn to_param(&self) -> Value {
            self.as_slice().to_param()
        }
    }
    impl<T: Plain> Plain for Vec<T> {
        fn to_param(&self) -> Value {
            self.as_slice().to_param()
        }
    }
    impl Plain for std::borrow::Cow<'_, str> {
        fn to_param(&self) -> Value {
            Value::String(self.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_are_what_serde_json_to_value_makes() {
        #[derive(serde::Serialize)]
        struct Other {
            a: u8,
        }
        let text = String::from("东湖区");
        let list = vec![format!("/a/{}", 1), "b".to_owned()];
        let direct = params! {"s" => "x", "t" => text, "r" => &text, "u" => u32::MAX, "i" => -3i32,
        "f" => 1.5f64, "nan" => f64::NAN, "b" => true, "o" => Some("y"), "n" => None::<&str>,
        "l" => list, "a" => ["p", "q"], "v" => Value::Null, "c" => std::borrow::Cow::from("c"),
        "other" => Other { a: 1 }, "f32" => 0.1f32};
        let serde: Map<String, Value> = [
            ("s", serde_json::to_value("x")),
            ("t", serde_json::to_value(&text)),
            ("r", serde_json::to_value(&text)),
            ("u", serde_json::to_value(u32::MAX)),
            ("i", serde_json::to_value(-3i32)),
            ("f", serde_json::to_value(1.5f64)),
            ("nan", serde_json::to_value(f64::NAN)),
            ("b", serde_json::to_value(true)),
            ("o", serde_json::to_value(Some("y"))),
            ("n", serde_json::to_value(None::<&str>)),
            ("l", serde_json::to_value(vec!["/a/1", "b"])),
            ("a", serde_json::to_value(["p", "q"])),
            ("v", serde_json::to_value(Value::Null)),
            ("c", serde_json::to_value("c")),
            ("other", serde_json::to_value(Other { a: 1 })),
            ("f32", serde_json::to_value(0.1f32)),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.unwrap_or(Value::Null)))
        .collect();
        assert_eq!(direct, serde);
    }

    #[test]
    fn codes_are_unique_and_templates_have_no_dangling_braces() {
        let mut seen = std::collections::BTreeSet::new();
        for r in all() {
            assert!(seen.insert(r.code), "duplicate rule code {}", r.code);
            for t in [r.message, r.message_en] {
                assert_eq!(t.matches('{').count(), t.matches('}').count(), "{}", r.code);
            }
            assert!(!r.description.is_empty() && !r.description_en.is_empty(), "{}", r.code);
            assert!(!r.documents.is_empty(), "{}", r.code);
        }
    }

    #[test]
    fn a_code_round_trips_through_json_and_refuses_unknown_text() {
        let c = Code::find("period.outside_week").unwrap();
        let back: Code = serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
        assert_eq!(back, c);
        let err = serde_json::from_str::<Code>("\"period.nowhere\"").unwrap_err();
        assert!(err.to_string().contains("period.nowhere"), "{err}");
    }
}
