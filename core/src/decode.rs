//! Reading JSON into the model without stopping at the first problem.
//!
//! serde stops at its first error and names Rust fields; a form wants every problem at once, at
//! the JSON Pointer of the key the client sent. So documents are first parsed to a
//! [`Json`] tree (serde_json's meaning, strings borrowed from the text; syntax errors keep line
//! and column; nesting is capped by serde_json's recursion limit), then walked by [`Decode`]: a value of the wrong type or outside its domain
//! gets a diagnostic at its own pointer and the walk goes on. Unknown keys are kept in each
//! struct's `extra` map (round-trip) and reported as warnings, never dropped.

use crate::catalog::structural as st;
use crate::catalog::DocumentKind;
use crate::catalog::{escape_token, Diagnostic, Severity};
use crate::catalog::{make, params, Rule};
use crate::count::{Count, CountKind, Qualifier};
use crate::json::{Json, Object, Reader, Unsure};
use crate::satisfaction::{Percent, Satisfaction, SatisfactionLevel};
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde_json::{Map, Value};

/// Longest string accepted in any field, in characters (a 3 MB paste is an error, not a cell):
/// the text parsers' own bound, [`crate::text::MAX_TEXT_CHARS`].
pub use crate::text::MAX_TEXT_CHARS;

/// Largest count accepted: beyond this a figure is a typo, and it must stay exact in an f64
/// (JavaScript numbers) for the web form.
pub const MAX_COUNT: u64 = 1_000_000_000_000;

/// Walks a JSON value, collecting diagnostics at JSON Pointers.
pub(crate) struct Decoder {
    /// The pointer prefix under which the document sits (`""` for the root).
    prefix: String,
    /// The current JSON Pointer below the prefix, one step per level: a model's field name, an
    /// index or an escaped key. Written out only when a finding needs it, so going down a level
    /// is one push (most fields have nothing to report).
    steps: Vec<Step>,
    labeller: fn(&[&str]) -> Option<&'static str>,
    /// What a cell written as text is read against: the year of the week (the notice's), so
    /// 「2019年…」 is not taken as this year's figure.
    pub context: crate::text::ReadContext,
    pub diagnostics: Vec<Diagnostic>,
}

/// One level of a [`Decoder`]'s pointer.
enum Step {
    /// A model's own field name (needs no escaping).
    Field(&'static str),
    /// An array index.
    Index(usize),
    /// Any other key, escaped as a pointer token.
    Key(String),
}

fn no_labels(_: &[&str]) -> Option<&'static str> {
    None
}

impl Decoder {
    /// A decoder whose pointers start with `prefix` (`""` for the document root).
    pub fn new(prefix: &str) -> Self {
        Decoder {
            prefix: prefix.to_owned(),
            steps: Vec::with_capacity(8),
            labeller: no_labels,
            context: crate::text::ReadContext::default(),
            diagnostics: Vec::new(),
        }
    }

    /// Reads cells written as text against `year` (the week's), when known.
    pub fn with_year(mut self, year: Option<i32>) -> Self {
        self.context.year = year;
        self
    }

    /// Names fields by the form labels of `T` in diagnostics (`label` param).
    pub fn with_labels<T: Labelled>(mut self) -> Self {
        self.labeller = T::label;
        self
    }

    /// The form label of the field at a pointer relative to the document root.
    pub fn label_at(&self, pointer: &str) -> Option<&'static str> {
        let rel = pointer.strip_prefix(self.prefix.as_str()).unwrap_or(pointer);
        let tokens: Vec<&str> = rel.split('/').skip(1).collect();
        (self.labeller)(&tokens)
    }

    /// The current JSON Pointer.
    pub fn pointer(&self) -> String {
        let mut out = String::with_capacity(self.prefix.len() + 16 * self.steps.len());
        out.push_str(&self.prefix);
        for step in &self.steps {
            out.push('/');
            match step {
                Step::Field(key) => out.push_str(key),
                Step::Index(i) => push_decimal(&mut out, *i),
                Step::Key(key) => out.push_str(key),
            }
        }
        out
    }

    /// Runs `f` one level deeper.
    fn at<T>(&mut self, step: Step, f: impl FnOnce(&mut Self) -> T) -> T {
        self.steps.push(step);
        let out = f(self);
        self.steps.pop();
        out
    }

    /// Runs `f` one key deeper.
    pub fn at_key<T>(&mut self, key: &str, f: impl FnOnce(&mut Self) -> T) -> T {
        let token = if key.contains(['~', '/']) { escape_token(key) } else { key.to_owned() };
        self.at(Step::Key(token), f)
    }

    /// [`Decoder::at_key`] for a key known to need no escaping (a model's own field name).
    pub fn at_field<T>(&mut self, key: &'static str, f: impl FnOnce(&mut Self) -> T) -> T {
        self.at(Step::Field(key), f)
    }

    /// Runs `f` one array index deeper.
    pub fn at_index<T>(&mut self, index: usize, f: impl FnOnce(&mut Self) -> T) -> T {
        self.at(Step::Index(index), f)
    }

    /// Emits `rule` at the current pointer.
    pub fn emit(&mut self, rule: &'static Rule, mut params: Map<String, Value>, input: Option<&Json<'_>>) {
        let pointer = self.pointer();
        if let Some(label) = self.label_at(&pointer) {
            params.entry("label").or_insert_with(|| label.into());
        }
        let d = make(rule, pointer, params, input.map(Json::to_value).as_ref());
        self.diagnostics.push(d);
    }

    /// Emits an already-built diagnostic (e.g. from the text parsers) at the current pointer.
    #[allow(dead_code, reason = "the text parsers report through it")]
    pub fn push_diagnostic(&mut self, mut d: Diagnostic) {
        d.path = self.pointer();
        self.diagnostics.push(d);
    }

    /// Emits `type.invalid` for `found` where `expected` was wanted.
    pub fn wrong_type(&mut self, expected: &str, found: &Json<'_>) {
        self.emit(
            &st::TYPE_INVALID,
            params! {"expected" => expected, "found" => json_type(found)},
            Some(found),
        );
    }

    /// Reads an object's fields, reporting and keeping unknown keys.
    pub fn object<'v, 'a>(&mut self, v: &'v Json<'a>) -> Option<&'v Object<'a>> {
        match v {
            Json::Object(m) => Some(m),
            other => {
                self.wrong_type("object", other);
                None
            }
        }
    }

    /// Reports an unknown key (kept by the caller in `extra`).
    pub fn unknown_key(&mut self, key: &str, value: &Json<'_>, known: &[&str]) {
        let suggestion = known.iter().find(|k| similar(k, key)).copied();
        self.at_key(key, |d| {
            let mut p = params! {"key" => key};
            if let Some(s) = suggestion {
                p.insert("suggestion".into(), s.into());
            }
            d.emit(&st::FIELD_UNKNOWN, p, Some(value))
        });
    }

    /// Reports an unknown key inside a value that has no place to keep it (counts, percentages).
    pub fn ignored_key(&mut self, key: &str, value: &Json<'_>, known: &[&str]) {
        let suggestion = known.iter().find(|k| similar(k, key)).copied();
        self.at_key(key, |d| {
            let mut p = params! {"key" => key};
            if let Some(s) = suggestion {
                p.insert("suggestion".into(), s.into());
            }
            d.emit(&st::FIELD_IGNORED, p, Some(value))
        });
    }

    /// True when an error diagnostic was emitted at `pointer` or below it.
    pub fn has_error_at(&self, pointer: &str) -> bool {
        self.diagnostics.iter().any(|d| {
            d.severity == Severity::Error
                && (d.path == pointer
                    || (d.path.starts_with(pointer) && d.path[pointer.len()..].starts_with('/')))
        })
    }
}

/// Appends `n` in decimal (what `write!` does, without the formatting machinery: this runs for
/// every array item read).
fn push_decimal(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

/// Loose similarity for "did you mean": same key ignoring case, `-`/`_`, or one edit apart.
fn similar(known: &str, key: &str) -> bool {
    let norm = |s: &str| crate::fold::fold_for_ascii(s).replace('-', "_");
    let (a, b) = (norm(known), norm(key));
    if a == b {
        return true;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 1 || a.len() < 4 {
        return false;
    }
    // two neighbours swapped (hots_unit for host_unit)
    if a.len() == b.len() {
        let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
        if let [i, j] = diff[..] {
            if j == i + 1 && a[i] == b[j] && a[j] == b[i] {
                return true;
            }
        }
    }
    // one edit (substitution, insertion or deletion) apart
    let (mut i, mut j, mut edits) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            i += 1;
            j += 1;
            continue;
        }
        edits += 1;
        if edits > 1 {
            return false;
        }
        match a.len().cmp(&b.len()) {
            std::cmp::Ordering::Greater => i += 1,
            std::cmp::Ordering::Less => j += 1,
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
        }
    }
    edits + (a.len() - i) + (b.len() - j) <= 1
}

/// [`json_type`] of a [`serde_json::Value`].
pub(crate) fn value_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_u64() || n.is_i64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// The JSON type name of a value, as used in `type.invalid` params.
pub(crate) fn json_type(v: &Json<'_>) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "boolean",
        Json::Number(n) if n.is_u64() || n.is_i64() => "integer",
        Json::Number(_) => "number",
        Json::String(_) => "string",
        Json::Array(_) => "array",
        Json::Object(_) => "object",
    }
}

/// Types that know the form's label of each field below them (a JSON Pointer's tokens).
pub trait Labelled {
    /// The label of the field at `path` (tokens of a JSON Pointer; array indices are skipped).
    ///
    /// ```
    /// use learning_week::{decode::Labelled, SummaryTable};
    /// assert_eq!(SummaryTable::label(&["reach", "scope"]), Some("活动范围（包括参与活动的街道、企事业单位等）"));
    /// assert_eq!(SummaryTable::label(&["participation", "featured_activities", "0", "name"]), Some("活动名称"));
    /// ```
    fn label(path: &[&str]) -> Option<&'static str>;

    /// Whether the model has a field at `path` (tokens of a JSON Pointer; an array index is any
    /// run of digits): `validate_field` refuses a pointer to nowhere instead of passing it.
    ///
    /// ```
    /// use learning_week::{decode::Labelled, SummaryTable};
    /// assert!(SummaryTable::has_field(&["participation", "participants"]));
    /// assert!(SummaryTable::has_field(&["participation", "participants", "value"]));
    /// assert!(!SummaryTable::has_field(&["participation", "particpants"]));
    /// ```
    fn has_field(path: &[&str]) -> bool {
        path.is_empty()
    }

    /// Every field pointer below `prefix` (arrays shown at index 0), to suggest the nearest one.
    ///
    /// ```
    /// use learning_week::{decode::Labelled, SummaryTable};
    /// let mut all = Vec::new();
    /// SummaryTable::field_pointers("", &mut all);
    /// assert!(all.contains(&"/participation/featured_activities/0/name".to_string()));
    /// ```
    fn field_pointers(prefix: &str, out: &mut Vec<String>) {
        let _ = (prefix, out);
    }
}

macro_rules! unlabelled {
    ($($t:ty),*) => {$(
        impl Labelled for $t {
            fn label(_: &[&str]) -> Option<&'static str> { None }
        }
    )*};
}
unlabelled!(String, Text<'_>, bool, i32, u32, NaiveDate, DateTime<FixedOffset>);

/// Leaves written either as a scalar or as an object with these keys (a qualified count, a
/// qualified percentage).
macro_rules! leaf_with_keys {
    ($($t:ty => $keys:expr),*) => {$(
        impl Labelled for $t {
            fn label(_: &[&str]) -> Option<&'static str> { None }
            fn has_field(path: &[&str]) -> bool {
                match path {
                    [] => true,
                    [key] => $keys.contains(key),
                    _ => false,
                }
            }
            fn field_pointers(prefix: &str, out: &mut Vec<String>) {
                out.extend($keys.iter().map(|k| format!("{prefix}/{k}")));
            }
        }
    )*};
}
leaf_with_keys!(Count => ["value", "qualifier", "unit", "source"],
    Satisfaction => ["value", "qualifier", "source", "level"]);

/// Free JSON: any path below it is its own.
impl Labelled for Value {
    fn label(_: &[&str]) -> Option<&'static str> {
        None
    }
    fn has_field(_: &[&str]) -> bool {
        true
    }
}

impl<T: Labelled> Labelled for Vec<T> {
    fn label(path: &[&str]) -> Option<&'static str> {
        match path.split_first() {
            Some((idx, rest)) if idx.bytes().all(|b| b.is_ascii_digit()) => T::label(rest),
            _ => None,
        }
    }
    fn has_field(path: &[&str]) -> bool {
        match path.split_first() {
            None => true,
            Some((idx, rest)) => {
                !idx.is_empty() && idx.bytes().all(|b| b.is_ascii_digit()) && T::has_field(rest)
            }
        }
    }
    fn field_pointers(prefix: &str, out: &mut Vec<String>) {
        let item = format!("{prefix}/0");
        T::field_pointers(&item, out);
        out.push(item);
    }
}

/// Types that can be read leniently from JSON.
pub(crate) trait Decode<'a>: Sized {
    /// Reads `v`, emitting diagnostics into `d`; `None` when nothing usable could be read.
    /// Text is borrowed from `v` wherever the model's field borrows ([`Text`]).
    fn decode(v: &Json<'a>, d: &mut Decoder) -> Option<Self>;

    /// Reads the next value of `r` straight from the text, with the same findings as
    /// [`Decode::decode`] of its tree. Structs and lists are walked key by key, item by item;
    /// every other value is read whole ([`Reader::value`]) and decoded as from the tree.
    /// [`Unsure`]: the text holds something only the tree path may answer.
    fn decode_text(r: &mut Reader<'a>, d: &mut Decoder) -> Result<Option<Self>, Unsure> {
        let v = r.value()?;
        Ok(Self::decode(&v, d))
    }

    /// [`Decode::decode_text`] into `slot` (`None` before the call), where the value is to live:
    /// a model's struct is then built in its field's own place, not returned through each level
    /// and moved into it.
    fn decode_text_into(r: &mut Reader<'a>, d: &mut Decoder, slot: &mut Option<Self>) -> Result<(), Unsure> {
        *slot = Self::decode_text(r, d)?;
        Ok(())
    }
}

/// A model's text: borrowed from the input it was read from (JSON text, a JSON value), or owned
/// (a document built in code, read from a Word file, or made to outlive its input with
/// `into_owned`). Compares, hashes and prints as the `str` it holds.
///
/// ```
/// use learning_week::decode::Text;
/// let borrowed: Text<'_> = "东湖区".into();
/// let owned: Text<'static> = String::from("东湖区").into();
/// assert_eq!(borrowed, owned);
/// ```
pub type Text<'a> = std::borrow::Cow<'a, str>;

/// A value made to own everything it borrowed from its input, so it outlives it.
///
/// ```
/// use learning_week::{decode::IntoOwned, SummaryTable};
/// let text = String::from(r#"{"host_unit": "东湖区"}"#);
/// let t: SummaryTable<'static> = serde_json::from_str::<SummaryTable<'_>>(&text).unwrap().into_owned();
/// drop(text);
/// assert_eq!(t.host_unit.as_deref(), Some("东湖区"));
/// ```
pub trait IntoOwned {
    /// The same value, owning its text.
    type Owned: 'static;
    /// Copies what is borrowed; what is owned already moves.
    fn into_owned(self) -> Self::Owned;
}

impl IntoOwned for Text<'_> {
    type Owned = Text<'static>;
    fn into_owned(self) -> Text<'static> {
        std::borrow::Cow::Owned(std::borrow::Cow::into_owned(self))
    }
}

impl<T: IntoOwned> IntoOwned for Option<T> {
    type Owned = Option<T::Owned>;
    fn into_owned(self) -> Self::Owned {
        self.map(T::into_owned)
    }
}

impl<T: IntoOwned> IntoOwned for Vec<T> {
    type Owned = Vec<T::Owned>;
    fn into_owned(self) -> Self::Owned {
        self.into_iter().map(T::into_owned).collect()
    }
}

/// Values that own all they hold already.
macro_rules! owned_already {
    ($($t:ty),*) => {$(
        impl $crate::decode::IntoOwned for $t {
            type Owned = $t;
            fn into_owned(self) -> $t { self }
        }
    )*};
}
owned_already!(String, bool, i32, u32, NaiveDate, DateTime<FixedOffset>, Count, Satisfaction, Value);
pub(crate) use owned_already;

impl<'a> Decode<'a> for Text<'a> {
    fn decode(v: &Json<'a>, d: &mut Decoder) -> Option<Self> {
        match v {
            Json::String(s) => {
                if text_too_long(s, v, d) {
                    return None;
                }
                Some(s.clone())
            }
            other => {
                d.wrong_type("string", other);
                None
            }
        }
    }

    fn decode_text(r: &mut Reader<'a>, d: &mut Decoder) -> Result<Option<Self>, Unsure> {
        // A string is taken as it is, with no tree value made of it, unless it is too long
        // (the finding's excerpt is the value).
        match r.string()? {
            Some(s) if crate::text::chars_over_bound(&s).is_none() => Ok(Some(s)),
            Some(s) => Ok(Self::decode(&Json::String(s), d)),
            None => Ok(Self::decode(&r.value()?, d)),
        }
    }
}

/// The notice's text, owned: read as [`Text`] is.
impl<'a> Decode<'a> for String {
    fn decode(v: &Json<'a>, d: &mut Decoder) -> Option<Self> {
        Text::decode(v, d).map(std::borrow::Cow::into_owned)
    }
}

impl<'a> Decode<'a> for bool {
    fn decode(v: &Json<'a>, d: &mut Decoder) -> Option<Self> {
        match v {
            Json::Bool(b) => Some(*b),
            other => {
                d.wrong_type("boolean", other);
                None
            }
        }
    }
}

/// An integer, also when written as a float with no fraction (`2021.0`, as some tools emit).
fn integral(v: &Json<'_>) -> Option<i64> {
    v.as_i64().or_else(|| v.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15).map(|f| f as i64))
}

impl<'a> Decode<'a> for i32 {
    fn decode(v: &Json<'a>, d: &mut Decoder) -> Option<Self> {
        match integral(v) {
            Some(n) => match i32::try_from(n) {
                Ok(n) => Some(n),
                Err(_) => {
                    d.emit(&st::NUMBER_OUT_OF_RANGE, params! {"min" => i32::MIN, "max" => i32::MAX}, Some(v));
                    None
                }
            },
            None => {
                d.wrong_type("integer", v);
                None
            }
        }
    }
}

impl<'a> Decode<'a> for u32 {
    fn decode(v: &Json<'a>, d: &mut Decoder) -> Option<Self> {
        match integral(v) {
            Some(n) => match u32::try_from(n) {
                Ok(n) => Some(n),
                Err(_) => {
                    d.emit(&st::NUMBER_OUT_OF_RANGE, params! {"min" => 0, "max" => u32::MAX}, Some(v));
                    None
                }
            },
            None => {
                d.wrong_type("integer", v);
                None
            }
        }
    }
}

impl<'a> Decode<'a> for NaiveDate {
    fn decode(v: &Json<'a>, d: &mut Decoder) -> Option<Self> {
        let Json::String(s) = v else {
            d.wrong_type("string (YYYY-MM-DD)", v);
            return None;
        };
        match parse_iso_date(s) {
            Some(date) => Some(date),
            None => {
                d.emit(&st::DATE_INVALID, params! {"value" => s}, Some(v));
                None
            }
        }
    }
}

/// Parses exactly `YYYY-MM-DD` (a real calendar date; `2021-11-31` is refused).
///
/// ```
/// use learning_week::decode::parse_iso_date;
/// assert!(parse_iso_date("2021-11-22").is_some());
/// assert!(parse_iso_date("2021-11-31").is_none());
/// assert!(parse_iso_date("2021-1-2").is_none());
/// ```
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return None;
    }
    // The shape is checked: read the three numbers directly (chrono's format parser costs
    // more than the rest of a date's decoding).
    let num = |from: usize, to: usize| s.get(from..to).and_then(|t| t.parse::<u32>().ok());
    let year = i32::try_from(num(0, 4)?).ok()?;
    NaiveDate::from_ymd_opt(year, num(5, 7)?, num(8, 10)?)
}

impl<'a> Decode<'a> for DateTime<FixedOffset> {
    fn decode(v: &Json<'a>, d: &mut Decoder) -> Option<Self> {
        let Json::String(s) = v else {
            d.wrong_type("string (RFC 3339)", v);
            return None;
        };
        match DateTime::parse_from_rfc3339(s) {
            Ok(t) => Some(t),
            Err(_) => {
                d.emit(&st::DATETIME_INVALID, params! {"value" => s}, Some(v));
                None
            }
        }
    }
}

impl<'a, T: Decode<'a>> Decode<'a> for Vec<T> {
    fn decode(v: &Json<'a>, d: &mut Decoder) -> Option<Self> {
        let Json::Array(items) = v else {
            d.wrong_type("array", v);
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            if let Some(x) = d.at_index(i, |d| T::decode(item, d)) {
                out.push(x);
            }
        }
        Some(out)
    }

    fn decode_text(r: &mut Reader<'a>, d: &mut Decoder) -> Result<Option<Self>, Unsure> {
        if r.peek()? != b'[' {
            let v = r.value()?;
            return Ok(Self::decode(&v, d));
        }
        r.begin_array()?;
        // Lists in the forms are short: room for a few items saves the first regrowths.
        let (mut out, mut first, mut i) = (Vec::with_capacity(4), true, 0);
        while r.next_item(&mut first)? {
            let mut slot = None;
            d.at_index(i, |d| T::decode_text_into(r, d, &mut slot))?;
            if let Some(x) = slot {
                out.push(x);
            }
            i += 1;
        }
        Ok(Some(out))
    }
}

impl<'a> Decode<'a> for Value {
    fn decode(v: &Json<'a>, _d: &mut Decoder) -> Option<Self> {
        Some(v.to_value())
    }
}

/// Reads a JSON number as a count value: a non-negative integer no larger than [`MAX_COUNT`].
fn count_value(v: &Json<'_>, d: &mut Decoder) -> Option<u64> {
    let Json::Number(n) = v else {
        d.wrong_type("integer", v);
        return None;
    };
    if let Some(u) = n.as_u64() {
        if u > MAX_COUNT {
            d.emit(&st::COUNT_TOO_LARGE, params! {"max" => MAX_COUNT}, Some(v));
            return None;
        }
        return Some(u);
    }
    if n.as_i64().is_some_and(|i| i < 0) {
        d.emit(&st::COUNT_NEGATIVE, params! {}, Some(v));
        return None;
    }
    match n.as_f64() {
        Some(f) if f < 0.0 => {
            d.emit(&st::COUNT_NEGATIVE, params! {}, Some(v));
            None
        }
        Some(f) if f > MAX_COUNT as f64 => {
            d.emit(&st::COUNT_TOO_LARGE, params! {"max" => MAX_COUNT}, Some(v));
            None
        }
        Some(f) if f.fract() == 0.0 => Some(f as u64),
        _ => {
            d.emit(&st::COUNT_NOT_INTEGER, params! {}, Some(v));
            None
        }
    }
}

const COUNT_KEYS: &[&str] = &["value", "qualifier", "unit", "source"];

impl<'a> Decode<'a> for Count {
    fn decode(v: &Json<'a>, d: &mut Decoder) -> Option<Self> {
        match v {
            Json::Number(_) => count_value(v, d).map(Count::exact),
            Json::String(s) => decode_count_text(s, v, d),
            Json::Object(m) => {
                // Every key is read, whatever the order, so all problems are reported.
                let (mut value, mut qualifier_ok) = (None, true);
                let mut out = Count::exact(0);
                for (k, val) in m {
                    match k.as_ref() {
                        "value" => value = Some(d.at_key(k, |d| count_value(val, d))),
                        "qualifier" => match d.at_key(k, |d| qualifier(val, d)) {
                            Some(q) => out.qualifier = q,
                            None => qualifier_ok = false,
                        },
                        "unit" => out.unit = d.at_key(k, |d| String::decode(val, d)),
                        "source" => out.source = d.at_key(k, |d| String::decode(val, d)),
                        _ => d.ignored_key(k, val, COUNT_KEYS),
                    }
                }
                match value {
                    Some(Some(n)) if qualifier_ok => {
                        out.value = n;
                        source_agrees(&out, d);
                        Some(out)
                    }
                    Some(_) => None,
                    None => {
                        d.at_key("value", |d| {
                            d.emit(
                                &st::ROW_MISSING,
                                params! {"row" => "value", "label" => "数值 value"},
                                None,
                            )
                        });
                        None
                    }
                }
            }
            other => {
                d.wrong_type("integer or {value, qualifier, unit}", other);
                None
            }
        }
    }
}

/// `count.source_mismatch` when a count object's `source` reads (as the field's own text would
/// be read there) to another value, qualifier or kind than the object states: 「3000人次」 as the
/// source of `{"value": 3000, "unit": "人"}` would otherwise be added up as people. A source the
/// reader refuses, or that gives no unit where the object names one, is not judged.
fn source_agrees(c: &Count, d: &mut Decoder) {
    let Some(source) = c.source.as_deref() else { return };
    let mut quiet = Decoder::new(&d.pointer()).with_year(d.context.year);
    let Some(read) = decode_count_text(source, &Json::String(source.into()), &mut quiet) else { return };
    let kind = |c: &Count| c.unit.as_deref().map(CountKind::from_unit);
    let same_kind = match (kind(c), kind(&read)) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    if read.value == c.value && read.qualifier == c.qualifier && same_kind {
        return;
    }
    d.emit(
        &st::COUNT_SOURCE_MISMATCH,
        params! {
            "written" => c.display_zh(), "source" => source,
            "read_as" => read.display_zh(), "read_as_en" => read.display_en(),
        },
        None,
    );
}

fn qualifier(v: &Json<'_>, d: &mut Decoder) -> Option<Qualifier> {
    match v.as_str().and_then(Qualifier::from_name) {
        Some(q) => Some(q),
        None => {
            d.emit(&st::ENUM_UNKNOWN, params! {"allowed" => Qualifier::NAMES}, Some(v));
            None
        }
    }
}

fn percent_value(v: &Json<'_>, d: &mut Decoder) -> Option<f64> {
    let Some(f) = v.as_f64() else {
        d.wrong_type("number", v);
        return None;
    };
    if !(0.0..=100.0).contains(&f) {
        d.emit(&st::SATISFACTION_OUT_OF_RANGE, params! {"value" => v}, Some(v));
        return None;
    }
    // 0.972 for 97.2%: a ratio where the form wants a percentage. Read as 0.972% it would sink
    // the city's mean (97.3% → 78.2% with one such unit); it is not counted, and the message
    // says which figure was meant either way (a text with % — 「0.5%」 — is read as written).
    if f > 0.0 && f < 1.0 {
        let percent = (f * 100.0 * 1e6).round() / 1e6;
        d.emit(&st::SATISFACTION_FRACTION, params! {"value" => v, "percent" => percent}, Some(v));
        return None;
    }
    Some(f)
}

const PERCENT_KEYS: &[&str] = &["value", "qualifier", "source", "level"];

impl<'a> Decode<'a> for Satisfaction {
    fn decode(v: &Json<'a>, d: &mut Decoder) -> Option<Self> {
        match v {
            Json::Number(_) => percent_value(v, d).map(|value| {
                Satisfaction::Percent(Percent { value, qualifier: Qualifier::Exact, source: None })
            }),
            Json::String(s) => match SatisfactionLevel::from_word(s) {
                Some(level) if level.as_str() == s => Some(Satisfaction::Level(level)),
                _ => decode_satisfaction_text(s, v, d),
            },
            Json::Object(m) => {
                // Every key is read, whatever the order; a level and a percentage together are ambiguous.
                let (mut value, mut level, mut ok) = (None, None, true);
                let mut out = Percent { value: 0.0, qualifier: Qualifier::Exact, source: None };
                for (k, val) in m {
                    match k.as_ref() {
                        "value" => value = Some(d.at_key(k, |d| percent_value(val, d))),
                        "level" => {
                            level = Some(d.at_key(k, |d| {
                                decode_enum::<SatisfactionLevel>(val, d, &SatisfactionLevel::NAMES)
                            }))
                        }
                        "qualifier" => match d.at_key(k, |d| qualifier(val, d)) {
                            Some(q) => out.qualifier = q,
                            None => ok = false,
                        },
                        "source" => out.source = d.at_key(k, |d| String::decode(val, d)),
                        _ => d.ignored_key(k, val, PERCENT_KEYS),
                    }
                }
                match (value, level) {
                    (Some(_), Some(_)) => {
                        d.wrong_type("either {value, qualifier} or {level}, not both", v);
                        None
                    }
                    (None, Some(l)) => l.map(Satisfaction::Level),
                    (Some(Some(p)), None) if ok => {
                        out.value = p;
                        Some(Satisfaction::Percent(out))
                    }
                    (Some(_), None) => None,
                    (None, None) => {
                        d.at_key("value", |d| {
                            d.emit(
                                &st::ROW_MISSING,
                                params! {"row" => "value", "label" => "数值 value"},
                                None,
                            )
                        });
                        None
                    }
                }
            }
            other => {
                d.wrong_type("number, {value, qualifier} or level", other);
                None
            }
        }
    }
}

/// Reads a string enum through serde, reporting `enum.unknown` with the allowed values.
pub(crate) fn decode_enum<'de, T: serde::Deserialize<'de>>(
    v: &Json<'_>,
    d: &mut Decoder,
    allowed: &[&str],
) -> Option<T> {
    if !v.is_string() {
        d.wrong_type("string", v);
        return None;
    }
    let name = v.as_str().unwrap_or_default();
    match T::deserialize(serde::de::value::StrDeserializer::<serde::de::value::Error>::new(name)) {
        Ok(x) => Some(x),
        Err(_) => {
            d.emit(&st::ENUM_UNKNOWN, params! {"allowed" => allowed}, Some(v));
            None
        }
    }
}

/// Implements [`Decode`] for a string enum through serde, with its allowed JSON names.
macro_rules! decode_via_enum {
    ($ty:ty, $names:expr) => {
        impl<'a> $crate::decode::Decode<'a> for $ty {
            fn decode(v: &$crate::json::Json<'a>, d: &mut $crate::decode::Decoder) -> Option<Self> {
                $crate::decode::decode_enum::<$ty>(v, d, &$names)
            }
        }
        impl $crate::decode::Labelled for $ty {
            fn label(_: &[&str]) -> Option<&'static str> {
                None
            }
        }
        $crate::decode::owned_already!($ty);
    };
}
pub(crate) use decode_via_enum;

/// Defines a model struct whose fields are all optional (a form can be half filled), with an
/// `extra` map that keeps unknown keys, and its lenient [`Decode`] implementation.
/// Field names are the JSON keys: no serde renames, so pointers always name what the client sent.
/// Each field carries the form's own label (`=> "举办县区"`): it becomes the JSON Schema `title`
/// and the label diagnostics show, through [`Labelled`]. A field check is declared once after the
/// label (`=> "举办县区", check non_blank`, or `each non_blank` for every item of a list): the
/// named [`crate::checks::FieldCheck`] becomes both the decoding check (a `validator` custom
/// function) and the schema's `pattern` / `format` (written by the generator from the check's
/// name, which the field's schema carries as `x-check` until then).
macro_rules! model {
    // A struct whose text borrows from its input (`pub struct SummaryTable<'a>`, text fields
    // `Text<'a>`): decoding keeps every string the input held as it is, with no copy.
    (
        $(#[$meta:meta])*
        pub struct $name:ident<$lt:lifetime> {
            $(
                $(#[doc = $doc:expr])*
                $(#[validate($($rule:tt)*)])?
                pub $field:ident : Option<$ty:ty> => $title:literal $(, check $check:ident)? $(, each $each:ident)?,
            )*
        }
    ) => {
        $crate::decode::model! { @emit [$(#[$meta])*] [$name] [<$lt>] [$name<$lt>] [$name<'static>] $lt {
            $(
                $(#[doc = $doc])*
                $(#[validate($($rule)*)])?
                pub $field : Option<$ty> => $title $(, check $check)? $(, each $each)?,
            )*
        } }
    };
    // A struct that owns its text (the notice's, compiled once).
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[doc = $doc:expr])*
                $(#[validate($($rule:tt)*)])?
                pub $field:ident : Option<$ty:ty> => $title:literal $(, check $check:ident)? $(, each $each:ident)?,
            )*
        }
    ) => {
        $crate::decode::model! { @emit [$(#[$meta])*] [$name] [] [$name] [$name] 'de {
            $(
                $(#[doc = $doc])*
                $(#[validate($($rule)*)])?
                pub $field : Option<$ty> => $title $(, check $check)? $(, each $each)?,
            )*
        } }
    };
    (
        @emit [$(#[$meta:meta])*] [$name:ident] [$($gen:tt)*] [$($this:tt)*] [$($owned:tt)*] $lt:lifetime {
            $(
                $(#[doc = $doc:expr])*
                $(#[validate($($rule:tt)*)])?
                pub $field:ident : Option<$ty:ty> => $title:literal $(, check $check:ident)? $(, each $each:ident)?,
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, ::serde::Serialize, ::serde::Deserialize, ::schemars::JsonSchema)]
        pub struct $name $($gen)* {
            $(
                $(#[doc = $doc])*
                // Read by schemars for the schema's keywords, and by `field_rules!` for the checks.
                $(#[validate($($rule)*)])?
                $(
                    #[schemars(extend("x-check" = stringify!($check)))]
                )?
                $(
                    #[schemars(extend("x-check-each" = stringify!($each)))]
                )?
                #[schemars(title = $title)]
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<$ty>,
            )*
            /// 未识别字段 / keys this version of the model does not know, kept verbatim for the round trip
            /// (each is reported as a `field.unknown` warning).
            #[serde(flatten)]
            #[schemars(skip)]
            pub extra: ::serde_json::Map<String, ::serde_json::Value>,
        }

        impl $($gen)* $($this)* {
            /// The JSON keys this struct knows.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($field)),*];

            /// The list fields whose every item has a declared check (`each`), with the check and
            /// the items: what the field rules run over a list's items.
            #[allow(dead_code, unused_mut, reason = "generated for every model; used where a list declares `each`")]
            pub(crate) fn each_checked(&self) -> Vec<(&'static str, &'static $crate::checks::FieldCheck, Vec<&str>)> {
                let mut out = Vec::new();
                $( $(
                    if let (Some(items), Some(check)) =
                        (self.$field.as_deref(), $crate::checks::field_check(stringify!($each)))
                    {
                        out.push((stringify!($field), check, items.iter().map(|s| ::core::convert::AsRef::<str>::as_ref(s)).collect()));
                    }
                )? )*
                out
            }

            /// The document as an owned value, which outlives the input it was read from.
            ///
            /// ```
            #[doc = concat!("use ", module_path!(), "::", stringify!($name), ";")]
            #[doc = concat!("let owned = ", stringify!($name), "::default().into_owned();")]
            #[doc = concat!("assert_eq!(owned, ", stringify!($name), "::default());")]
            /// ```
            pub fn into_owned(self) -> $($owned)* {
                $crate::decode::IntoOwned::into_owned(self)
            }
        }

        impl $($gen)* $crate::decode::IntoOwned for $($this)* {
            type Owned = $($owned)*;
            fn into_owned(self) -> $($owned)* {
                $name {
                    $( $field: self.$field.map($crate::decode::IntoOwned::into_owned), )*
                    extra: self.extra,
                }
            }
        }

        impl $($gen)* $crate::decode::FieldRules for $($this)* {
            #[allow(unused_variables, reason = "a field that declares no rule reads nothing")]
            fn field_rules(&self, d: &mut $crate::decode::Decoder, raw: &dyn $crate::decode::Raw) {
                // Fields in the order of their names, as `validator` reported them.
                const ORDER: [&str; [$(stringify!($field)),*].len()] = $crate::decode::sorted_keys([$(stringify!($field)),*]);
                for name in ORDER {
                    match name {
                        $(
                            stringify!($field) => {
                                let value = &self.$field;
                                $crate::decode::field_rules!(value, name, d, raw; $($($rule)*)?);
                                $(
                                    if let Some(x) = value {
                                        if let Err(e) = $crate::checks::$check(x) {
                                            $crate::decode::field_error(d, name, e.code, ::serde_json::Map::new(), raw);
                                        }
                                    }
                                )?
                            }
                        )*
                        _ => {}
                    }
                }
            }
        }

        impl $($gen)* $crate::decode::FieldFindings for $($this)* {
            fn field_findings(&self) -> Vec<$crate::catalog::Diagnostic> {
                $crate::decode::field_findings(self)
            }
        }

        impl $($gen)* $crate::decode::Labelled for $($this)* {
            fn label(path: &[&str]) -> Option<&'static str> {
                let (first, rest) = path.split_first()?;
                match *first {
                    $(
                        stringify!($field) if rest.is_empty() => Some($title),
                        stringify!($field) => <$ty as $crate::decode::Labelled>::label(rest),
                    )*
                    _ => None,
                }
            }
            fn has_field(path: &[&str]) -> bool {
                let Some((first, rest)) = path.split_first() else { return true };
                match *first {
                    $( stringify!($field) => <$ty as $crate::decode::Labelled>::has_field(rest), )*
                    _ => false,
                }
            }
            fn field_pointers(prefix: &str, out: &mut Vec<String>) {
                $(
                    let here = format!("{prefix}/{}", stringify!($field));
                    <$ty as $crate::decode::Labelled>::field_pointers(&here, out);
                    out.push(here);
                )*
            }
        }

        impl<$lt> $crate::decode::Decode<$lt> for $($this)* {
            fn decode(v: &$crate::json::Json<$lt>, d: &mut $crate::decode::Decoder) -> Option<Self> {
                let obj = d.object(v)?;
                let mut out = $name::default();
                for (k, val) in obj {
                    match k.as_ref() {
                        $(
                            stringify!($field) => {
                                if !val.is_null() {
                                    out.$field = d.at_field(stringify!($field), |d| <$ty as $crate::decode::Decode<$lt>>::decode(val, d));
                                }
                            }
                        )*
                        _ => {
                            d.unknown_key(k, val, Self::KEYS);
                            out.extra.insert(k.to_string(), val.to_value());
                        }
                    }
                }
                Some(out)
            }

            fn decode_text(
                r: &mut $crate::json::Reader<$lt>,
                d: &mut $crate::decode::Decoder,
            ) -> Result<Option<Self>, $crate::json::Unsure> {
                let mut slot = None;
                <Self as $crate::decode::Decode<$lt>>::decode_text_into(r, d, &mut slot)?;
                Ok(slot)
            }

            fn decode_text_into(
                r: &mut $crate::json::Reader<$lt>,
                d: &mut $crate::decode::Decoder,
                slot: &mut Option<Self>,
            ) -> Result<(), $crate::json::Unsure> {
                if r.peek()? != b'{' {
                    let v = r.value()?;
                    *slot = <Self as $crate::decode::Decode<$lt>>::decode(&v, d);
                    return Ok(());
                }
                // Each field's bit in `seen`: a repeated key is left to the tree.
                #[allow(non_camel_case_types, dead_code, reason = "one variant per field, named as the field")]
                enum Field { $($field),* }
                const _: () = assert!([$(stringify!($field)),*].len() <= 64);
                let (mark, mut first, mut seen) = (r.begin_object()?, true, 0u64);
                // The field after the one last read is the one the text most likely holds next.
                let mut guess = 0;
                let out = slot.insert($name::default());
                while let Some(k) = r.next_field(mark, &mut first, Self::KEYS, guess)? {
                    match k {
                        $crate::json::Key::Field(i) => {
                            guess = i + 1;
                            let bit = 1u64 << i;
                            if seen & bit != 0 {
                                return Err($crate::json::Unsure);
                            }
                            seen |= bit;
                            if r.null()? {
                                continue;
                            }
                            match i {
                                $(
                                    i if i == Field::$field as usize => {
                                        d.at_field(stringify!($field), |d| <$ty as $crate::decode::Decode<$lt>>::decode_text_into(r, d, &mut out.$field))?;
                                    }
                                )*
                                _ => {}
                            }
                        }
                        $crate::json::Key::Other(k) => {
                            r.first_time(mark, k.clone())?;
                            let val = r.value()?;
                            d.unknown_key(&k, &val, Self::KEYS);
                            out.extra.insert(k.to_string(), val.to_value());
                        }
                    }
                }
                Ok(())
            }
        }
    };
}
pub(crate) use model;

/// Where the excerpt of a field rule's finding comes from: the tree at hand, or a tree read only
/// when an excerpt is asked for ([`LazyRaw`]); either is looked up at the finding's pointer.
pub(crate) trait Raw {
    /// The value at `pointer` (a finding's, from the document's root), as the finding's excerpt.
    fn excerpt_at(&self, pointer: &str) -> Option<Value>;
}

/// No input to excerpt: a value built in code.
impl Raw for () {
    fn excerpt_at(&self, _: &str) -> Option<Value> {
        None
    }
}

/// The tree a document was read from.
impl Raw for Json<'_> {
    fn excerpt_at(&self, pointer: &str) -> Option<Value> {
        self.pointer(pointer).map(Json::to_value)
    }
}

/// A tree read only when an excerpt is first asked for (the text path reads no tree unless a
/// field rule needs one).
pub(crate) struct LazyRaw<'r, 'j> {
    pub tree: &'r dyn Fn() -> Option<&'r Json<'j>>,
}

impl Raw for LazyRaw<'_, '_> {
    fn excerpt_at(&self, pointer: &str) -> Option<Value> {
        (self.tree)()?.pointer(pointer).map(Json::to_value)
    }
}

/// The field rules a model declares, checked over a decoded value: `required` (`row.missing`),
/// `length(min = 1)` (`row.blank`), `range` (its code), the field's `check`, and `nested` (the
/// rules of the value's own fields). Findings come at the decoder's pointer + `/field`, fields in
/// the order of their names, items in order — the order and the params `validator` gave them, whose derive
/// this replaces (one walk, no map of errors, nothing allocated unless a rule fails).
pub(crate) trait FieldRules {
    /// Checks the rules of every field of `self`, at `d`'s pointer (that of `self`), into `d`;
    /// excerpts come from `raw`.
    fn field_rules(&self, d: &mut Decoder, raw: &dyn Raw);
}

/// The findings of a typed model value's field rules (`row.missing`, `row.blank`, a range, a
/// field check), at pointers from the value: what validating it as part of a document reports
/// about its own fields.
///
/// ```
/// use learning_week::{decode::FieldFindings, summary::Organizer, SummaryTable};
/// let found: Vec<String> = Organizer::default().field_findings().into_iter().map(|d| format!("{} {}", d.code, d.path)).collect();
/// assert_eq!(found, ["row.missing /name"]);
/// let t = SummaryTable { organizers: Some(vec![]), ..Default::default() };
/// assert!(t.field_findings().iter().any(|d| d.code == "row.blank" && d.path == "/organizers"));
/// ```
pub trait FieldFindings {
    /// The findings, in the order validation reports them.
    fn field_findings(&self) -> Vec<Diagnostic>;
}

/// [`FieldFindings::field_findings`] of any model value: its field rules' findings, labelled as
/// the form labels its rows, at pointers from the value; no excerpt (there is no input).
pub(crate) fn field_findings<T: FieldRules + Labelled>(t: &T) -> Vec<Diagnostic> {
    let mut d = Decoder::new("").with_labels::<T>();
    t.field_rules(&mut d, &());
    d.diagnostics
}

impl<T: FieldRules> FieldRules for Vec<T> {
    fn field_rules(&self, d: &mut Decoder, raw: &dyn Raw) {
        for (i, item) in self.iter().enumerate() {
            d.at_index(i, |d| item.field_rules(d, raw));
        }
    }
}

/// The rules of one field, in the order its `#[validate(…)]` states them.
macro_rules! field_rules {
    ($v:ident, $name:ident, $d:ident, $raw:ident; ) => {};
    ($v:ident, $name:ident, $d:ident, $raw:ident; required $(, $($rest:tt)*)?) => {
        if $v.is_none() {
            $crate::decode::field_error($d, $name, "row.missing", ::serde_json::Map::new(), $raw);
        }
        $crate::decode::field_rules!($v, $name, $d, $raw; $($($rest)*)?);
    };
    ($v:ident, $name:ident, $d:ident, $raw:ident; length(min = $min:literal, code = $code:literal) $(, $($rest:tt)*)?) => {
        if let Some(x) = $v {
            if x.len() < $min {
                let p = $crate::catalog::params! {"min" => $min};
                $crate::decode::field_error($d, $name, $code, p, $raw);
            }
        }
        $crate::decode::field_rules!($v, $name, $d, $raw; $($($rest)*)?);
    };
    ($v:ident, $name:ident, $d:ident, $raw:ident; range(min = $min:literal, max = $max:literal, code = $code:literal) $(, $($rest:tt)*)?) => {
        if let Some(x) = $v {
            if !($min..=$max).contains(x) {
                let p = $crate::catalog::params! {"max" => $max, "min" => $min};
                $crate::decode::field_error($d, $name, $code, p, $raw);
            }
        }
        $crate::decode::field_rules!($v, $name, $d, $raw; $($($rest)*)?);
    };
    ($v:ident, $name:ident, $d:ident, $raw:ident; nested $(, $($rest:tt)*)?) => {
        if let Some(x) = $v {
            $d.at_field($name, |d| $crate::decode::FieldRules::field_rules(x, d, $raw));
        }
        $crate::decode::field_rules!($v, $name, $d, $raw; $($($rest)*)?);
    };
}
pub(crate) use field_rules;

/// A field rule's finding at the decoder's pointer + `/field` (`code` with `params`), unless the
/// decoder already said what is wrong with the value there; the label as the form prints it, the
/// key when the form has none.
pub(crate) fn field_error(
    d: &mut Decoder,
    field: &str,
    code: &str,
    params: Map<String, Value>,
    raw: &dyn Raw,
) {
    let mut ptr = d.pointer();
    ptr.push('/');
    ptr.push_str(field);
    if d.has_error_at(&ptr) {
        return;
    }
    let Some(rule) = crate::catalog::Code::find(code).map(|c| c.rule()) else { return };
    let label = d.label_at(&ptr).map_or_else(|| field.to_owned(), str::to_owned);
    let mut p = params! {"row" => field, "label" => label};
    p.extend(params);
    let excerpt = ptr.get(d.prefix.len()..).and_then(|rel| raw.excerpt_at(rel));
    d.diagnostics.push(make(rule, ptr, p, excerpt.as_ref()));
}

/// The keys in the order of their bytes (what `validator`'s sorted errors followed), at compile
/// time: `["b", "a", "ab"]` becomes `["a", "ab", "b"]`.
pub(crate) const fn sorted_keys<const N: usize>(mut keys: [&'static str; N]) -> [&'static str; N] {
    const fn less(a: &str, b: &str) -> bool {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        let mut i = 0;
        while i < a.len() && i < b.len() {
            if a[i] != b[i] {
                return a[i] < b[i];
            }
            i += 1;
        }
        a.len() < b.len()
    }
    let mut i = 1;
    while i < N {
        let mut j = i;
        while j > 0 && less(keys[j], keys[j - 1]) {
            let t = keys[j];
            keys[j] = keys[j - 1];
            keys[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    keys
}

/// Parses JSON text into a value, or one `json.syntax` / `json.too_deep` diagnostic with line
/// and column. serde_json caps nesting at 128 levels, so deep input is an error, not a crash.
/// A UTF-8 byte order mark (written by Windows tools) is skipped.
#[allow(
    clippy::result_large_err,
    reason = "once per document, never in a loop; callers move the diagnostic on"
)]
pub(crate) fn parse_json(text: &str) -> Result<Value, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str::<Value>(text).map_err(|e| syntax_diagnostic(&e, text))
}

/// [`parse_json`] to the borrowed tree the decoder reads ([`crate::json`]): same acceptance,
/// same values, same diagnostics, a fraction of the allocations — with the
/// [`duplicate_key_findings`] of the text, which every reader of a tree reports (the tree kept
/// only each repeated key's last value), found here once for all of them.
#[allow(
    clippy::result_large_err,
    reason = "once per document, never in a loop; callers move the diagnostic on"
)]
pub(crate) fn parse_document(text: &str) -> Result<(Json<'_>, Vec<Diagnostic>), Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let tree = crate::json::parse(text).map_err(|e| syntax_diagnostic(&e, text))?;
    Ok((tree, duplicate_key_findings(text)))
}

/// `json.duplicate_key` (a warning) for every key written more than once in one object of
/// `text`, at the pointer of the value that is read (the last), in document order: the tree keeps
/// only the last value, so the earlier ones would otherwise be lost without a word. Only the
/// tree path needs it (the text path hands any text with a repeated key to the tree); a text
/// that is not JSON gives none (its `json.syntax` says why).
///
/// ```ignore
/// let found = duplicate_key_findings(r#"{"a": {"b": 1, "b": 2, "b": 3}}"#);
/// assert_eq!((found[0].path.as_str(), &found[0].params["times"]), ("/a/b", &serde_json::json!(3)));
/// ```
fn duplicate_key_findings(text: &str) -> Vec<Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut found = Vec::new();
    // The text's own reader (no serde code of its own in the first WebAssembly module); a part
    // it is not sure of (nesting beyond its depth, a number outside its forms) ends the walk
    // with what was found before it.
    let _ = repeats(&mut crate::json::Reader::new(text), "", &mut found);
    found
        .into_iter()
        .map(|(path, key, times)| {
            make(&st::JSON_DUPLICATE_KEY, path, params! {"key" => key, "times" => times}, None)
        })
        .collect()
}

/// Walks the value next in `r` at `path`, noting each key an object repeats: (pointer, key, times).
fn repeats(
    r: &mut crate::json::Reader<'_>,
    path: &str,
    found: &mut Vec<(String, String, usize)>,
) -> Result<(), Unsure> {
    match r.peek()? {
        b'{' => {
            let (mark, mut first) = (r.begin_object()?, true);
            // Each key with how often it came, in the order of first appearance.
            let mut keys: Vec<(std::borrow::Cow<'_, str>, usize)> = Vec::new();
            while let Some(key) = r.next_key(mark, &mut first)? {
                let here = format!("{path}/{}", escape_token(&key));
                match keys.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, times)) => *times += 1,
                    None => keys.push((key, 1)),
                }
                repeats(r, &here, found)?;
            }
            for (key, times) in keys.into_iter().filter(|(_, times)| *times > 1) {
                found.push((format!("{path}/{}", escape_token(&key)), key.into_owned(), times));
            }
        }
        b'[' => {
            r.begin_array()?;
            let (mut first, mut i) = (true, 0usize);
            while r.next_item(&mut first)? {
                repeats(r, &format!("{path}/{i}"), found)?;
                i += 1;
            }
        }
        _ => {
            r.value()?;
        }
    }
    Ok(())
}

fn syntax_diagnostic(e: &serde_json::Error, text: &str) -> Diagnostic {
    let said = e.to_string();
    let rule = if said.contains("recursion limit") { &st::JSON_TOO_DEEP } else { &st::JSON_SYNTAX };
    // The parser's own words without the position it appends (the message gives it once).
    let what = said.rsplit_once(" at line ").map_or(said.as_str(), |(what, _)| what);
    let (why, why_en) = syntax_why(what, text.trim().is_empty());
    make(
        rule,
        String::new(),
        // Columns count from 1; the parser says 0 at the start of a line it found empty.
        params! {"line" => e.line(), "column" => e.column().max(1), "why" => why, "why_en" => why_en, "detail" => said},
        None,
    )
}

/// What went wrong in a text that is not JSON, in Chinese and English, from serde_json's
/// message (its list of syntax errors; anything else is named as a malformed text).
fn syntax_why(what: &str, empty: bool) -> (&'static str, &'static str) {
    match what {
        _ if empty => ("内容为空：没有可读取的 JSON", "the text is empty: there is no JSON to read"),
        w if w.starts_with("EOF while parsing") => (
            "内容在此处意外结束：括号或引号没有闭合（文件可能不完整）",
            "the text ends too early: a bracket or quote is not closed (the file may be incomplete)",
        ),
        "key must be a string" => (
            "此处应为带引号的键：可能多了一个逗号，或键没有加双引号",
            "a quoted key is expected here: perhaps a comma too many, or a key without double quotes",
        ),
        "trailing comma" => ("最后一项之后多了一个逗号", "a comma after the last item"),
        "trailing characters" => {
            ("JSON 结束之后还有多余的内容", "there is more text after the end of the JSON")
        }
        "expected `:`" => ("键之后缺少冒号“:”", "a colon (:) is missing after a key"),
        "expected `,` or `]`" => ("列表中缺少逗号或右方括号“]”", "a comma or ] is missing in a list"),
        "expected `,` or `}`" => ("对象中缺少逗号或右花括号“}”", "a comma or } is missing in an object"),
        "expected value" | "expected ident" => (
            "此处应为一个值（文本须加双引号；true、false、null 须小写）",
            "a value is expected here (text in double quotes; true, false and null in lower case)",
        ),
        "invalid number" | "number out of range" => {
            ("数字写法不合 JSON 的规定", "a number is not written as JSON writes numbers")
        }
        w if w.starts_with("control character") => (
            "文本中有未转义的控制字符（如换行或制表符须写作 \\n、\\t）",
            "a text holds an unescaped control character (a line break or tab must be written \\n, \\t)",
        ),
        w if w.contains("escape") || w.contains("surrogate") || w.contains("unicode") => {
            ("文本中的转义写法无效（\\ 之后的字符）", "an escape in a text is invalid (what follows a \\)")
        }
        "recursion limit exceeded" => ("嵌套层数过多", "nested too deeply"),
        _ => ("不是合法的 JSON", "this is not well-formed JSON"),
    }
}

/// The row of the form a count field at `pointer` fills, when its cell is read for its row.
fn cell_row(pointer: &str) -> Option<crate::text::CellRow> {
    use crate::text::CellRow;
    let mut tail = pointer.rsplit('/');
    match (tail.next(), tail.next()) {
        (Some("participants"), Some("participation")) => Some(CellRow::Participants),
        (Some("text_reports"), Some("publicity")) => Some(CellRow::TextReports),
        (Some("image_reports"), Some("publicity")) => Some(CellRow::ImageReports),
        _ => None,
    }
}

/// A count or satisfaction given as text longer than any row may be (`row.too_long`), checked
/// before the text parsers run, as for every other string.
fn text_too_long(s: &str, v: &Json<'_>, d: &mut Decoder) -> bool {
    let Some(chars) = crate::text::chars_over_bound(s) else { return false };
    d.emit(&st::ROW_TOO_LONG, params! {"chars" => chars, "max" => MAX_TEXT_CHARS}, Some(v));
    true
}

/// Reads a count written as text in a JSON document (「约3.5万人次」): the parsed count with an
/// info diagnostic saying how it was read, or the parser's refusal at this pointer. A row's cell
/// (参加活动人数, 文字报道, 影像图片报道) is read for its row, as the label import reads it: a figure
/// that is not this week's is refused or set aside with a warning, several are kept apart.
fn decode_count_text(s: &str, v: &Json<'_>, d: &mut Decoder) -> Option<Count> {
    if text_too_long(s, v, d) {
        return None;
    }
    let with_params = |c: Count| {
        let p = params! {
            "text" => s, "value" => c.value, "qualifier" => c.qualifier.as_str(),
            "read_as" => c.display_zh(), "read_as_en" => c.display_en(),
        };
        (c, p)
    };
    let pointer = d.pointer();
    let Some(row) = cell_row(&pointer) else {
        // Venues and sub-units are this week's too: a planned, averaged or other year's figure
        // is refused with its reason, as the label import refuses it; and each row takes its own
        // figure of a text that names both (主会场1个、分会场12个 as 分会场数量: 12).
        let mut tail = pointer.rsplit('/');
        let (key, group) = (tail.next().unwrap_or(""), tail.next().unwrap_or(""));
        let week = crate::text::WeekRow::of_key(key).filter(|_| group == "participation");
        let Some(week) = week else {
            return read_from_text(crate::text::parse_quantity(s).map(|q| with_params(q.to_count())), v, d);
        };
        let read = crate::text::read_week_row(s, week, &d.context).map(|(q, warnings)| {
            let mut c = q.to_count();
            // The whole cell is the source when the text holds more than the row's figure.
            c.source = Some(s.to_owned());
            (with_params(c), warnings)
        });
        return read_cell_from_text(read, v, d);
    };
    let read = crate::text::read_count_cell(s, row, &d.context).map(|cell| {
        let mut c = cell.value.to_count();
        // More than one figure: the whole cell is the source, so nothing written is lost.
        if cell.figures.len() > 1 {
            c.source = Some(s.to_owned());
        }
        (with_params(c), cell.warnings)
    });
    read_cell_from_text(read, v, d)
}

/// Reads a satisfaction written as text (「98%以上」, 「非常满意」), for its row (another rate or
/// another year's figure is set aside).
fn decode_satisfaction_text(s: &str, v: &Json<'_>, d: &mut Decoder) -> Option<Satisfaction> {
    if text_too_long(s, v, d) {
        return None;
    }
    let read = crate::text::read_satisfaction_cell(s, &d.context).map(|cell| {
        let sat = cell.value.to_satisfaction();
        let p = match &sat {
            Satisfaction::Percent(p) => params! {
                "text" => s, "value" => p.value, "qualifier" => p.qualifier.as_str(),
                "read_as" => p.display_zh(), "read_as_en" => p.display_en(),
            },
            Satisfaction::Level(l) => params! {
                "text" => s, "value" => l.as_str(), "qualifier" => "level",
                "read_as" => l.as_str(), "read_as_en" => l.as_str().replace('_', " "),
            },
        };
        ((sat, p), cell.warnings)
    });
    read_cell_from_text(read, v, d)
}

/// A cell read for its row: the value with its `count.from_text` params, and the warnings.
type CellRead<T> = Result<((T, Map<String, Value>), Vec<crate::text::TextError>), crate::text::TextError>;

/// [`read_from_text`] for a cell read for its row: its warnings too, at this pointer.
fn read_cell_from_text<T>(read: CellRead<T>, v: &Json<'_>, d: &mut Decoder) -> Option<T> {
    match read {
        Ok((value, warnings)) => {
            let out = read_from_text(Ok(value), v, d);
            for w in warnings {
                d.emit(w.code.rule(), w.params, Some(v));
            }
            out
        }
        Err(e) => read_from_text(Err(e), v, d),
    }
}

/// A value read from text: the value, with the info diagnostic saying how it was read
/// (`count.from_text`), or the parser's refusal at this pointer.
fn read_from_text<T>(
    read: Result<(T, Map<String, Value>), crate::text::TextError>,
    v: &Json<'_>,
    d: &mut Decoder,
) -> Option<T> {
    match read {
        Ok((value, p)) => {
            d.emit(&st::COUNT_FROM_TEXT, p, Some(v));
            Some(value)
        }
        Err(e) => {
            d.emit(e.code.rule(), e.params.clone(), Some(v));
            None
        }
    }
}

/// Telling a document's kind belongs to reading it.
impl crate::catalog::DocumentKind {
    /// Tells a document's kind from its keys: a submission has `submitted_at` or `summary`;
    /// a notice has `jurisdiction` or `reporting`; a plan has `activities`, `opening_ceremony`
    /// or `unit`; a summary has `host_unit`, `participation` and the other rows of the form.
    ///
    /// ```
    /// use learning_week::DocumentKind;
    /// let v = serde_json::json!({"host_unit": "东湖区"});
    /// assert_eq!(DocumentKind::detect(&v), Some(DocumentKind::Summary));
    /// assert_eq!(DocumentKind::detect(&serde_json::json!([1])), None);
    /// ```
    pub fn detect(value: &serde_json::Value) -> Option<DocumentKind> {
        let obj = value.as_object()?;
        Self::detect_keys(|k| obj.contains_key(k))
    }

    /// [`DocumentKind::detect`] on the reader's tree.
    ///
    /// ```
    /// use learning_week::{json, DocumentKind};
    /// let j = json::parse(r#"{"activities": []}"#).unwrap();
    /// assert_eq!(DocumentKind::detect_tree(&j), Some(DocumentKind::Plan));
    /// ```
    pub fn detect_tree(value: &crate::json::Json<'_>) -> Option<DocumentKind> {
        let obj = value.as_object()?;
        Self::detect_keys(|k| obj.iter().any(|(key, _)| key == k))
    }
}

#[cfg(test)]
mod tests {
    use super::push_decimal;

    #[test]
    fn keys_are_sorted_as_strings_sort() {
        assert_eq!(super::sorted_keys(["b", "a", "ab", "", "ba"]), ["", "a", "ab", "b", "ba"]);
        let fields = ["year", "host_unit", "organizers", "leadership", "participation", "theme_and_content"];
        let mut keys = fields.to_vec();
        keys.sort_unstable();
        assert_eq!(super::sorted_keys(fields).to_vec(), keys);
    }

    #[test]
    fn decimals_are_written_as_format_writes_them() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, usize::MAX] {
            let mut s = String::from("/a");
            push_decimal(&mut s, n);
            assert_eq!(s, format!("/a{n}"));
        }
    }
}

#[cfg(test)]
mod repeated_keys {
    #[test]
    fn a_text_that_is_not_json_is_told_in_both_languages_where_columns_count_from_one() {
        let cases = [
            ("", "内容为空", "the text is empty", 1, 1),
            (" \n\t ", "内容为空", "the text is empty", 2, 2),
            (r#"{"summary": {"year": 2021,,}}"#, "多了一个逗号", "a comma too many", 1, 27),
            (r#"{"a": 1,}"#, "最后一项之后多了一个逗号", "a comma after the last item", 1, 9),
            (r#"{"a": "x"#, "意外结束", "ends too early", 1, 8),
            (r#"{"a": 1} x"#, "多余的内容", "more text after", 1, 10),
        ];
        for (text, zh, en, line, column) in cases {
            let d = super::parse_document(text).map(|_| ()).unwrap_err();
            assert_eq!(
                (d.code.as_str(), &d.params["line"], &d.params["column"]),
                ("json.syntax", &serde_json::json!(line), &serde_json::json!(column)),
                "{text:?}"
            );
            assert!(
                d.message.contains(zh) && d.message_en.contains(en),
                "{text:?}: {} / {}",
                d.message,
                d.message_en
            );
            // serde_json's English only as the detail param, the position written once.
            assert!(
                !d.message.chars().any(|c| c.is_ascii_alphabetic()
                    && c != 'J'
                    && c != 'S'
                    && c != 'O'
                    && c != 'N'),
                "{}",
                d.message
            );
            assert_eq!(d.message_en.matches("line").count(), 1, "{}", d.message_en);
        }
    }

    use super::duplicate_key_findings;

    #[test]
    fn each_repeated_key_once_at_the_value_read_with_how_often() {
        let found =
            duplicate_key_findings(r#"{"a": {"b": 1, "b": 2, "b": 3}, "c": [{"d~/": 1, "d~/": 2}], "e": 1}"#);
        let got: Vec<(&str, &serde_json::Value)> =
            found.iter().map(|d| (d.path.as_str(), &d.params["times"])).collect();
        assert_eq!(got, [("/a/b", &serde_json::json!(3)), ("/c/0/d~0~1", &serde_json::json!(2))]);
        assert!(found.iter().all(|d| d.code == "json.duplicate_key"));
        assert!(duplicate_key_findings(r#"{"a": 1, "b": {"a": 2}}"#).is_empty());
        assert!(duplicate_key_findings("{ not json").is_empty());
    }
}
