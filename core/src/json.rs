//! The JSON tree the validator reads: strings borrowed from the input text, objects as vectors of
//! entries, no hashing.
//!
//! Reading a document used to start by parsing it into a [`serde_json::Value`]: an allocation
//! for every string and key, a hash map for every object, half of a validation's instructions.
//! [`Json`] borrows what it can from the text (a string without escapes is a slice of it), and
//! keeps each object's entries in order in one vector (documents have objects of a few keys, where a
//! linear search beats hashing).
//!
//! The meaning is serde_json's, by construction: [`parse`] accepts exactly what serde_json
//! accepts and reads it to the same values. Its own scanner handles the common shapes; anything
//! it is not sure of (a number outside the simple forms, a lone surrogate, nesting deeper than
//! [`FAST_DEPTH`], any syntax error) is handed to serde_json, whose answer (its value, or its
//! error with line and column) is then the answer. Duplicate keys keep their first position
//! and their last value, as serde_json's `preserve_order` map does. The differential tests below
//! and the `validate` fuzz target check the agreement.

use serde_json::{Map, Number, Value};
use std::borrow::Cow;
use std::collections::HashMap;

/// Nesting the scanner handles itself; deeper input goes to serde_json (which refuses beyond 127
/// levels with its own error).
pub const FAST_DEPTH: usize = 64;

/// An object's entries, in document order, keys unique.
pub type Object<'a> = Vec<(Cow<'a, str>, Json<'a>)>;

/// A JSON value whose strings borrow from the text it was read from where they can.
///
/// ```
/// use learning_week::json::{parse, Json};
/// let j = parse(r#"{"host_unit": "东湖区", "year": 2021}"#).unwrap();
/// assert_eq!(j.get("host_unit").and_then(Json::as_str), Some("东湖区"));
/// assert_eq!(j.get("year").and_then(Json::as_i64), Some(2021));
/// assert_eq!(j.to_value(), serde_json::json!({"host_unit": "东湖区", "year": 2021}));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as serde_json reads it (u64, i64 or f64).
    Number(Number),
    /// A string: borrowed when the text had no escape in it.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Json<'a>>),
    /// An object, entries in document order.
    Object(Object<'a>),
}

impl<'a> Json<'a> {
    /// A view of a [`serde_json::Value`] (strings borrowed from it).
    ///
    /// ```
    /// use learning_week::json::Json;
    /// let v = serde_json::json!({"a": [1, "x"]});
    /// assert_eq!(Json::borrowed(&v).to_value(), v);
    /// ```
    pub fn borrowed(v: &'a Value) -> Json<'a> {
        match v {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(n) => Json::Number(n.clone()),
            Value::String(s) => Json::String(Cow::Borrowed(s)),
            Value::Array(items) => Json::Array(items.iter().map(Json::borrowed).collect()),
            Value::Object(m) => {
                Json::Object(m.iter().map(|(k, v)| (Cow::Borrowed(k.as_str()), Json::borrowed(v))).collect())
            }
        }
    }

    /// Takes a [`serde_json::Value`] over.
    ///
    /// ```
    /// use learning_week::json::Json;
    /// assert_eq!(Json::owned(serde_json::json!("x")).as_str(), Some("x"));
    /// ```
    pub fn owned(v: Value) -> Json<'static> {
        match v {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(b),
            Value::Number(n) => Json::Number(n),
            Value::String(s) => Json::String(Cow::Owned(s)),
            Value::Array(items) => Json::Array(items.into_iter().map(Json::owned).collect()),
            Value::Object(m) => {
                Json::Object(m.into_iter().map(|(k, v)| (Cow::Owned(k), Json::owned(v))).collect())
            }
        }
    }

    /// The same value as a [`serde_json::Value`] (copies every string).
    ///
    /// ```
    /// let j = learning_week::json::parse("[null, true, 1.5]").unwrap();
    /// assert_eq!(j.to_value(), serde_json::json!([null, true, 1.5]));
    /// ```
    pub fn to_value(&self) -> Value {
        match self {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(n) => Value::Number(n.clone()),
            Json::String(s) => Value::String(s.as_ref().to_owned()),
            Json::Array(items) => Value::Array(items.iter().map(Json::to_value).collect()),
            Json::Object(entries) => {
                let mut m = Map::new();
                for (k, v) in entries {
                    m.insert(k.as_ref().to_owned(), v.to_value());
                }
                Value::Object(m)
            }
        }
    }

    /// The value at `key` of an object.
    ///
    /// ```
    /// let j = learning_week::json::parse(r#"{"a": 1}"#).unwrap();
    /// assert!(j.get("a").is_some() && j.get("b").is_none());
    /// ```
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        match self {
            Json::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The item at `index` of an array.
    ///
    /// ```
    /// let j = learning_week::json::parse("[7]").unwrap();
    /// assert_eq!(j.index(0).and_then(|x| x.as_u64()), Some(7));
    /// ```
    pub fn index(&self, index: usize) -> Option<&Json<'a>> {
        match self {
            Json::Array(items) => items.get(index),
            _ => None,
        }
    }

    /// The value at a JSON Pointer (RFC 6901), as [`serde_json::Value::pointer`].
    ///
    /// ```
    /// let j = learning_week::json::parse(r#"{"reach": {"a/b": [0, 5]}}"#).unwrap();
    /// assert_eq!(j.pointer("/reach/a~1b/1").and_then(|x| x.as_u64()), Some(5));
    /// assert!(j.pointer("/reach/x").is_none());
    /// ```
    pub fn pointer(&self, pointer: &str) -> Option<&Json<'a>> {
        if pointer.is_empty() {
            return Some(self);
        }
        let rest = pointer.strip_prefix('/')?;
        rest.split('/').try_fold(self, |at, token| {
            let token = unescape_token(token);
            match at {
                Json::Object(_) => at.get(&token),
                Json::Array(_) => array_index(&token).and_then(|i| at.index(i)),
                _ => None,
            }
        })
    }

    /// The object's entries.
    ///
    /// ```
    /// let j = learning_week::json::parse(r#"{"a": 1, "b": 2}"#).unwrap();
    /// assert_eq!(j.as_object().map(|o| o.len()), Some(2));
    /// ```
    pub fn as_object(&self) -> Option<&Object<'a>> {
        match self {
            Json::Object(entries) => Some(entries),
            _ => None,
        }
    }

    /// The string, if this is one.
    ///
    /// ```
    /// assert_eq!(learning_week::json::parse(r#""a\"b""#).unwrap().as_str(), Some("a\"b"));
    /// ```
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number as `f64`, if this is one.
    ///
    /// ```
    /// assert_eq!(learning_week::json::parse("98.5").unwrap().as_f64(), Some(98.5));
    /// ```
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => n.as_f64(),
            _ => None,
        }
    }

    /// The number as `i64`, if it is an integer that fits.
    ///
    /// ```
    /// assert_eq!(learning_week::json::parse("-3").unwrap().as_i64(), Some(-3));
    /// ```
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Json::Number(n) => n.as_i64(),
            _ => None,
        }
    }

    /// The number as `u64`, if it is a non-negative integer that fits.
    ///
    /// ```
    /// assert_eq!(learning_week::json::parse("3").unwrap().as_u64(), Some(3));
    /// ```
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    /// True for `null`.
    ///
    /// ```
    /// assert!(learning_week::json::parse("null").unwrap().is_null());
    /// ```
    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    /// True for a string.
    ///
    /// ```
    /// assert!(learning_week::json::parse(r#""x""#).unwrap().is_string());
    /// ```
    pub fn is_string(&self) -> bool {
        matches!(self, Json::String(_))
    }

    /// True for an object.
    ///
    /// ```
    /// assert!(learning_week::json::parse("{}").unwrap().is_object());
    /// ```
    pub fn is_object(&self) -> bool {
        matches!(self, Json::Object(_))
    }
}

/// Written back as the JSON it was read from (same order, same values).
///
/// ```
/// let j = learning_week::json::parse(r#"{"b": 1, "a": ["x", null]}"#).unwrap();
/// assert_eq!(serde_json::to_string(&j).unwrap(), r#"{"b":1,"a":["x",null]}"#);
/// ```
impl serde::Serialize for Json<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            Json::Null => serializer.serialize_unit(),
            Json::Bool(b) => serializer.serialize_bool(*b),
            Json::Number(n) => n.serialize(serializer),
            Json::String(s) => serializer.serialize_str(s),
            Json::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Object(entries) => {
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    map.serialize_entry(k.as_ref(), v)?;
                }
                map.end()
            }
        }
    }
}

/// Parses JSON text: the same acceptance, values and errors as
/// `serde_json::from_str::<serde_json::Value>`, with strings borrowed from `text`.
///
/// ```
/// use learning_week::json::parse;
/// assert!(parse(r#"{"a": [1, 2.5, "x\u00e9", null]}"#).is_ok());
/// let e = parse("{\"a\": 1,}").unwrap_err();
/// assert_eq!((e.line(), e.column()), (1, 9)); // serde_json's own error
/// ```
pub fn parse(text: &str) -> Result<Json<'_>, serde_json::Error> {
    let mut scanner =
        Scanner { text, bytes: text.as_bytes(), pos: 0, depth: 0, items: Vec::new(), entries: Vec::new() };
    match scanner.document() {
        Some(json) => Ok(json),
        None => serde_json::from_str::<Value>(text).map(Json::owned),
    }
}

/// An RFC 6901 reference token as written in a pointer (`~1` for `/`, `~0` for `~`), unescaped.
pub(crate) fn unescape_token(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// The array index a reference token names: decimal digits, no leading zero, no sign.
fn array_index(token: &str) -> Option<usize> {
    let valid = token == "0" || !token.starts_with(['0', '+']);
    token.parse::<usize>().ok().filter(|_| valid)
}

/// The value at a JSON Pointer of `text`, as `parse(text)` then [`Json::pointer`] would find it,
/// with no tree made of the rest: every value before it on the way is skipped, and the search
/// stops there. For a text the [`Reader`] has read whole (so well-formed, and read as [`parse`]
/// reads it), through objects a model walked (so each key is there once: the first is the
/// tree's); [`Unsure`] for anything its scanner does not read itself.
pub(crate) fn value_at<'a>(text: &'a str, pointer: &str) -> Result<Option<Json<'a>>, Unsure> {
    let mut s =
        Scanner { text, bytes: text.as_bytes(), pos: 0, depth: 0, items: Vec::new(), entries: Vec::new() };
    if !pointer.is_empty() {
        let Some(rest) = pointer.strip_prefix('/') else { return Ok(None) };
        for token in rest.split('/') {
            let token = unescape_token(token);
            s.skip_ws();
            let found = match s.peek().ok_or(Unsure)? {
                b'{' => s.find_key(&token),
                b'[' => match array_index(&token) {
                    Some(i) => s.find_index(i),
                    None => return Ok(None),
                },
                _ => return Ok(None),
            };
            match found.ok_or(Unsure)? {
                Some(at) => s.pos = at,
                None => return Ok(None),
            }
        }
    }
    s.value().map(Some).ok_or(Unsure)
}

/// Why the [`Reader`] stopped: the text holds something it is not sure of (a duplicate key, deep
/// nesting, a number or string outside the simple forms, a syntax error). The caller then reads
/// the whole text through [`parse`] and the tree, whose answer is the reference.
///
/// ```
/// use learning_week::json::{Reader, Unsure};
/// assert_eq!(Reader::new("1e400").value(), Err(Unsure)); // serde_json's to answer (an error)
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unsure;

/// A key of an object walked by [`Reader::next_field`]: one of the names the caller knows, by
/// its index, or any other key.
///
/// ```
/// use learning_week::json::{Key, Reader};
/// let mut r = Reader::new(r#"{"x": 1}"#);
/// let mark = r.begin_object().unwrap();
/// assert_eq!(r.next_field(mark, &mut true, &["a"], 0), Ok(Some(Key::Other("x".into()))));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key<'a> {
    /// The name at this index of the names given.
    Field(usize),
    /// A key that is none of them.
    Other(Cow<'a, str>),
}

/// A pull reader over JSON text: the decoder walks objects and arrays in it key by key, item by
/// item, and takes each leaf (or any value it does not walk) as a [`Json`] read by the tree's own
/// scanner, so no tree of the whole document is built. It accepts only what [`parse`] reads
/// itself, to the same values; anything else is [`Unsure`].
///
/// ```
/// use learning_week::json::{Json, Reader};
/// let mut r = Reader::new(r#"{"a": [1, "x"], "b": null}"#);
/// assert_eq!(r.begin_object(), Ok(0));
/// let mut first = true;
/// assert_eq!(r.next_key(0, &mut first).unwrap().as_deref(), Some("a"));
/// r.begin_array().unwrap();
/// let mut first_item = true;
/// assert_eq!(r.next_item(&mut first_item), Ok(true));
/// assert_eq!(r.value().unwrap().as_u64(), Some(1));
/// assert_eq!(r.next_item(&mut first_item), Ok(true));
/// assert_eq!(r.value().unwrap().as_str(), Some("x"));
/// assert_eq!(r.next_item(&mut first_item), Ok(false));
/// assert_eq!(r.next_key(0, &mut first).unwrap().as_deref(), Some("b"));
/// assert_eq!(r.null(), Ok(true));
/// assert_eq!(r.next_key(0, &mut first), Ok(None));
/// assert_eq!(r.finish(), Ok(()));
/// ```
pub struct Reader<'a> {
    scanner: Scanner<'a>,
    /// The keys of the objects being walked, innermost last (a repeated key is [`Unsure`]).
    keys: Vec<Cow<'a, str>>,
    /// The keys of the outermost object, when kept ([`Reader::keep_top_keys`]).
    top: Option<Vec<Cow<'a, str>>>,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `text`.
    ///
    /// ```
    /// assert!(learning_week::json::Reader::new("1").value().is_ok());
    /// ```
    pub fn new(text: &'a str) -> Self {
        Reader {
            scanner: Scanner {
                text,
                bytes: text.as_bytes(),
                pos: 0,
                depth: 0,
                items: Vec::new(),
                entries: Vec::new(),
            },
            keys: Vec::new(),
            top: None,
        }
    }

    /// The first byte of the next value (after white space).
    ///
    /// ```
    /// assert_eq!(learning_week::json::Reader::new("  [1]").peek(), Ok(b'['));
    /// ```
    pub fn peek(&mut self) -> Result<u8, Unsure> {
        self.scanner.skip_ws();
        self.scanner.peek().ok_or(Unsure)
    }

    /// Reads the next value whole, as [`parse`] would read it there.
    ///
    /// ```
    /// let mut r = learning_week::json::Reader::new(r#"{"a": 1}"#);
    /// assert_eq!(r.value().unwrap().get("a").and_then(|x| x.as_u64()), Some(1));
    /// ```
    pub fn value(&mut self) -> Result<Json<'a>, Unsure> {
        self.scanner.value().ok_or(Unsure)
    }

    /// Consumes the next value when it is `null` (true), else leaves it (false).
    ///
    /// ```
    /// let mut r = learning_week::json::Reader::new("null");
    /// assert_eq!(r.null(), Ok(true));
    /// ```
    pub fn null(&mut self) -> Result<bool, Unsure> {
        if self.peek()? != b'n' {
            return Ok(false);
        }
        self.scanner.literal(b"null", Json::Null).map(|_| true).ok_or(Unsure)
    }

    /// Enters the object that is the next value; the mark it returns is passed to
    /// [`Reader::next_key`].
    ///
    /// ```
    /// assert!(learning_week::json::Reader::new("[]").begin_object().is_err());
    /// ```
    pub fn begin_object(&mut self) -> Result<usize, Unsure> {
        if self.peek()? != b'{' {
            return Err(Unsure);
        }
        self.scanner.enter().ok_or(Unsure)?;
        Ok(self.keys.len())
    }

    /// Past the comma (or, for the first key, nothing) to the next key's opening quote: `true`;
    /// or past the object's closing brace: `false` (the keys read since `mark` forgotten).
    /// Inlined into both readers of a key: it runs once per key (out of line it cost 4k a call).
    #[inline(always)]
    fn at_key(&mut self, mark: usize, first: &mut bool) -> Result<bool, Unsure> {
        let s = &mut self.scanner;
        s.skip_ws();
        match (s.peek().ok_or(Unsure)?, *first) {
            (b'}', _) => {
                s.pos += 1;
                s.depth -= 1;
                self.keys.truncate(mark);
                return Ok(false);
            }
            (b'"', true) => {}
            (b',', false) => {
                s.pos += 1;
                s.skip_ws();
                if s.peek() != Some(b'"') {
                    return Err(Unsure);
                }
            }
            _ => return Err(Unsure),
        }
        *first = false;
        Ok(true)
    }

    /// The next key of the object entered at `mark` (its value is next), or `None` at its end
    /// (the object is left). `first` starts true and is kept by the reader. Repeated keys are
    /// the caller's to find (a struct knows its own fields; [`Reader::first_time`] for others).
    ///
    /// ```
    /// let mut r = learning_week::json::Reader::new(r#"{"a": 1, "b": 2}"#);
    /// let (mark, mut first) = (r.begin_object().unwrap(), true);
    /// assert_eq!(r.next_key(mark, &mut first).unwrap().as_deref(), Some("a"));
    /// r.value().unwrap();
    /// assert_eq!(r.next_key(mark, &mut first).unwrap().as_deref(), Some("b"));
    /// ```
    pub fn next_key(&mut self, mark: usize, first: &mut bool) -> Result<Option<Cow<'a, str>>, Unsure> {
        if !self.at_key(mark, first)? {
            return Ok(None);
        }
        let s = &mut self.scanner;
        let key = s.string().ok_or(Unsure)?;
        s.skip_ws();
        if s.peek() != Some(b':') {
            return Err(Unsure);
        }
        s.pos += 1;
        if s.depth == 1 {
            if let Some(top) = &mut self.top {
                top.push(key.clone());
            }
        }
        Ok(Some(key))
    }

    /// [`Reader::next_key`] for an object whose keys a model knows: the next key as the index of
    /// its name in `names`, or as itself when it names none; after the colon and the white space
    /// that follows it (the value's first byte is next). `guess` is the field most likely next
    /// (the one after the field last read: documents list a model's fields in its order); its
    /// name is compared with the text's bytes before anything else, so a key guessed right is
    /// neither scanned nor copied nor looked up. A key written with escapes is never guessed,
    /// only read and looked up: the answer is the same.
    ///
    /// ```
    /// use learning_week::json::{Key, Reader};
    /// const NAMES: &[&str] = &["a", "b"];
    /// let mut r = Reader::new(r#"{"a": 1, "b": 2, "c": 3, "\u0061": 4}"#);
    /// let (mark, mut first) = (r.begin_object().unwrap(), true);
    /// assert_eq!(r.next_field(mark, &mut first, NAMES, 0), Ok(Some(Key::Field(0))));
    /// r.value().unwrap();
    /// assert_eq!(r.next_field(mark, &mut first, NAMES, 1), Ok(Some(Key::Field(1))));
    /// r.value().unwrap();
    /// assert_eq!(r.next_field(mark, &mut first, NAMES, 2), Ok(Some(Key::Other("c".into()))));
    /// r.value().unwrap();
    /// assert_eq!(r.next_field(mark, &mut first, NAMES, 0), Ok(Some(Key::Field(0))));
    /// r.value().unwrap();
    /// assert_eq!(r.next_field(mark, &mut first, NAMES, 1), Ok(None));
    /// ```
    pub fn next_field(
        &mut self,
        mark: usize,
        first: &mut bool,
        names: &'static [&'static str],
        guess: usize,
    ) -> Result<Option<Key<'a>>, Unsure> {
        if !self.at_key(mark, first)? {
            return Ok(None);
        }
        let s = &mut self.scanner;
        let start = s.pos + 1;
        let guessed = names.get(guess).filter(|name| {
            let rest = s.bytes.get(start..).unwrap_or_default();
            rest.starts_with(name.as_bytes()) && rest.get(name.len()) == Some(&b'"')
        });
        let key = match guessed {
            Some(name) => {
                s.pos = start + name.len() + 1;
                Key::Field(guess)
            }
            None => {
                let key = s.string().ok_or(Unsure)?;
                match names.iter().position(|name| *name == key) {
                    Some(i) => Key::Field(i),
                    None => Key::Other(key),
                }
            }
        };
        s.skip_ws();
        if s.peek() != Some(b':') {
            return Err(Unsure);
        }
        s.pos += 1;
        s.skip_ws();
        if s.depth == 1 {
            if let Some(top) = &mut self.top {
                top.push(match &key {
                    Key::Field(i) => Cow::Borrowed(names.get(*i).copied().unwrap_or_default()),
                    Key::Other(k) => k.clone(),
                });
            }
        }
        Ok(Some(key))
    }

    /// The next value when it is a string (its text, borrowed where it has no escape), else
    /// `None` (the value is left where it is).
    ///
    /// ```
    /// let mut r = learning_week::json::Reader::new(r#"["a\"b", 1]"#);
    /// r.begin_array().unwrap();
    /// assert!(r.next_item(&mut true).unwrap());
    /// assert_eq!(r.string().unwrap().as_deref(), Some("a\"b"));
    /// ```
    pub fn string(&mut self) -> Result<Option<Cow<'a, str>>, Unsure> {
        if self.peek()? != b'"' {
            return Ok(None);
        }
        self.scanner.string().map(Some).ok_or(Unsure)
    }

    /// Notes `key` of the object entered at `mark`: [`Unsure`] when it was noted before (a
    /// repeated key keeps its first place and its last value, which only the tree gives).
    ///
    /// ```
    /// let mut r = learning_week::json::Reader::new(r#"{"a": 1, "a": 2}"#);
    /// let (mark, mut first) = (r.begin_object().unwrap(), true);
    /// let a = r.next_key(mark, &mut first).unwrap().unwrap();
    /// assert!(r.first_time(mark, a).is_ok());
    /// r.value().unwrap();
    /// let again = r.next_key(mark, &mut first).unwrap().unwrap();
    /// assert!(r.first_time(mark, again).is_err());
    /// ```
    pub fn first_time(&mut self, mark: usize, key: Cow<'a, str>) -> Result<(), Unsure> {
        if self.keys.get(mark..).unwrap_or_default().contains(&key) {
            return Err(Unsure);
        }
        self.keys.push(key);
        Ok(())
    }

    /// Enters the array that is the next value.
    ///
    /// ```
    /// assert!(learning_week::json::Reader::new("[]").begin_array().is_ok());
    /// ```
    pub fn begin_array(&mut self) -> Result<(), Unsure> {
        if self.peek()? != b'[' {
            return Err(Unsure);
        }
        self.scanner.enter().ok_or(Unsure)
    }

    /// Whether the array has another item (it is next), else leaves it. `first` starts true.
    ///
    /// ```
    /// let mut r = learning_week::json::Reader::new("[]");
    /// r.begin_array().unwrap();
    /// assert_eq!(r.next_item(&mut true), Ok(false));
    /// ```
    pub fn next_item(&mut self, first: &mut bool) -> Result<bool, Unsure> {
        let s = &mut self.scanner;
        s.skip_ws();
        match s.peek().ok_or(Unsure)? {
            // `[1,]` never closes here: after a comma an item is read, and `]` is no value.
            b']' => {
                s.pos += 1;
                s.depth -= 1;
                Ok(false)
            }
            b',' if !*first => {
                s.pos += 1;
                Ok(true)
            }
            _ if *first => {
                *first = false;
                Ok(true)
            }
            _ => Err(Unsure),
        }
    }

    /// The first key of the object the text holds (`None`: not an object, or an empty one, or
    /// nothing the reader reads itself): what telling a document's kind starts from.
    ///
    /// ```
    /// use learning_week::json::Reader;
    /// assert_eq!(Reader::first_key(r#" {"summary": {}}"#).as_deref(), Some("summary"));
    /// assert!(Reader::first_key("[1]").is_none() && Reader::first_key("{}").is_none());
    /// ```
    pub fn first_key(text: &'a str) -> Option<Cow<'a, str>> {
        let mut r = Reader::new(text);
        let mark = r.begin_object().ok()?;
        r.next_key(mark, &mut true).ok()?
    }

    /// Keeps every key of the outermost object from now on, for [`Reader::top_keys`].
    ///
    /// ```
    /// let mut r = learning_week::json::Reader::new(r#"{"a": {"b": 1}, "c": 2}"#);
    /// r.keep_top_keys();
    /// r.value().unwrap(); // read whole: the scanner's own keys are not kept
    /// assert!(r.top_keys().is_empty());
    /// ```
    pub fn keep_top_keys(&mut self) {
        self.top = Some(Vec::new());
    }

    /// The keys of the outermost object walked by [`Reader::next_key`] since
    /// [`Reader::keep_top_keys`], in order.
    ///
    /// ```
    /// let mut r = learning_week::json::Reader::new(r#"{"a": {"b": 1}, "c": 2}"#);
    /// r.keep_top_keys();
    /// let (mark, mut first) = (r.begin_object().unwrap(), true);
    /// while let Some(_) = r.next_key(mark, &mut first).unwrap() {
    ///     r.value().unwrap();
    /// }
    /// assert_eq!(r.top_keys(), ["a", "c"]);
    /// ```
    pub fn top_keys(&self) -> &[Cow<'a, str>] {
        self.top.as_deref().unwrap_or_default()
    }

    /// Succeeds when only white space is left.
    ///
    /// ```
    /// let mut r = learning_week::json::Reader::new("1 x");
    /// r.value().unwrap();
    /// assert!(r.finish().is_err());
    /// ```
    pub fn finish(&mut self) -> Result<(), Unsure> {
        self.scanner.skip_ws();
        (self.scanner.pos == self.scanner.bytes.len()).then_some(()).ok_or(Unsure)
    }
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    /// Items of the arrays being read, innermost last: each array is moved out in one
    /// exact-size allocation when it closes (no growth of every array one push at a time).
    items: Vec<Json<'a>>,
    /// The same for the entries of the objects being read.
    entries: Object<'a>,
}

/// Objects with more keys than this find duplicates through a hash map.
const LINEAR_KEYS: usize = 16;

impl<'a> Scanner<'a> {
    /// The whole text as one value; `None` hands the text to serde_json.
    fn document(&mut self) -> Option<Json<'a>> {
        let v = self.value()?;
        self.skip_ws();
        (self.pos == self.bytes.len()).then_some(v)
    }

    fn skip_ws(&mut self) {
        const SPACES: u64 = u64::from_ne_bytes(*b"        ");
        let bytes = self.bytes;
        let mut pos = self.pos;
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = bytes.get(pos) {
            pos += 1;
            // One white space byte before the value (after a colon): done, with no word read.
            if bytes.get(pos).is_some_and(|&b| b > b' ') {
                break;
            }
            // A run of spaces (indentation, most of a pretty-printed document's white space, of
            // any width): eight bytes at a time, the spaces leading a word counted as its
            // leading zero bytes once the spaces are xor-ed away.
            while let Some(chunk) = bytes.get(pos..).and_then(|rest| rest.first_chunk::<8>()) {
                let other = u64::from_le_bytes(*chunk) ^ SPACES;
                if other != 0 {
                    pos += (other.trailing_zeros() / 8) as usize;
                    break;
                }
                pos += 8;
            }
        }
        self.pos = pos;
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn literal(&mut self, word: &[u8], v: Json<'a>) -> Option<Json<'a>> {
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word) {
            self.pos += word.len();
            Some(v)
        } else {
            None
        }
    }

    fn value(&mut self) -> Option<Json<'a>> {
        self.skip_ws();
        match self.peek()? {
            b'{' => self.object(),
            b'[' => self.array(),
            b'"' => self.string().map(Json::String),
            b'n' => self.literal(b"null", Json::Null),
            b't' => self.literal(b"true", Json::Bool(true)),
            b'f' => self.literal(b"false", Json::Bool(false)),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    fn enter(&mut self) -> Option<()> {
        self.depth += 1;
        self.pos += 1;
        (self.depth <= FAST_DEPTH).then_some(())
    }

    fn array(&mut self) -> Option<Json<'a>> {
        self.enter()?;
        let start = self.items.len();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
        } else {
            loop {
                let item = self.value()?;
                self.items.push(item);
                self.skip_ws();
                match self.peek()? {
                    b',' => self.pos += 1,
                    b']' => {
                        self.pos += 1;
                        break;
                    }
                    _ => return None,
                }
            }
        }
        self.depth -= 1;
        Some(Json::Array(self.items.split_off(start)))
    }

    fn object(&mut self) -> Option<Json<'a>> {
        self.enter()?;
        let start = self.entries.len();
        let mut index: Option<HashMap<Cow<'a, str>, usize>> = None;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
        } else {
            loop {
                let key = self.key()?;
                let value = self.value()?;
                insert(&mut self.entries, start, &mut index, key, value);
                self.skip_ws();
                match self.peek()? {
                    b',' => self.pos += 1,
                    b'}' => {
                        self.pos += 1;
                        break;
                    }
                    _ => return None,
                }
            }
        }
        self.depth -= 1;
        Some(Json::Object(self.entries.split_off(start)))
    }

    /// A string at `pos` (which holds the opening quote). The common case, no escape, is one
    /// run of plain bytes ([`plain_run`]) ended by the closing quote: a slice of the text, found
    /// without looking at any byte twice (the text is a `str`: its UTF-8 is valid already).
    #[inline]
    fn string(&mut self) -> Option<Cow<'a, str>> {
        let start = self.pos + 1;
        let end = plain_run(self.bytes, start);
        if self.bytes.get(end) == Some(&b'"') {
            self.pos = end + 1;
            // Both ends are ASCII quotes, so the slice is on character boundaries.
            return self.text.get(start..end).map(Cow::Borrowed);
        }
        self.pos = end;
        self.escaped_string(start)
    }

    /// The rest of a string begun at `start` whose plain run stopped at `pos` on something other
    /// than its closing quote: an escape (the string is then copied and unescaped), a control
    /// character or the end of the text (serde_json's to answer).
    #[cold]
    fn escaped_string(&mut self, start: usize) -> Option<Cow<'a, str>> {
        if self.peek()? != b'\\' {
            return None;
        }
        let mut out = String::from(self.text.get(start..self.pos)?);
        loop {
            match *self.bytes.get(self.pos)? {
                b'"' => {
                    self.pos += 1;
                    return Some(Cow::Owned(out));
                }
                b'\\' => {
                    let escape = *self.bytes.get(self.pos + 1)?;
                    self.pos += 2;
                    match escape {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        // Surrogates (pairs included) are left to serde_json.
                        b'u' => out.push(char::from_u32(self.hex4()?)?),
                        _ => return None,
                    }
                }
                0..=0x1f => return None,
                _ => {
                    let run = self.pos;
                    self.pos = plain_run(self.bytes, run);
                    out.push_str(self.text.get(run..self.pos)?);
                }
            }
        }
    }

    /// Skips the value at `pos` (after white space), building nothing.
    fn skip(&mut self) -> Option<()> {
        self.skip_ws();
        match self.peek()? {
            b'{' => {
                self.enter()?;
                self.skip_ws();
                if self.peek() == Some(b'}') {
                    self.pos += 1;
                } else {
                    loop {
                        self.key()?;
                        self.skip()?;
                        if self.close(b'}')? {
                            break;
                        }
                    }
                }
                self.depth -= 1;
                Some(())
            }
            b'[' => {
                self.enter()?;
                self.skip_ws();
                if self.peek() == Some(b']') {
                    self.pos += 1;
                } else {
                    loop {
                        self.skip()?;
                        if self.close(b']')? {
                            break;
                        }
                    }
                }
                self.depth -= 1;
                Some(())
            }
            b'"' => self.string().map(drop),
            _ => self.value().map(drop),
        }
    }

    /// A key and its colon, at `pos` (after white space).
    fn key(&mut self) -> Option<Cow<'a, str>> {
        self.skip_ws();
        if self.peek()? != b'"' {
            return None;
        }
        let key = self.string()?;
        self.skip_ws();
        if self.peek()? != b':' {
            return None;
        }
        self.pos += 1;
        Some(key)
    }

    /// After an item: a comma (false: another follows) or `end` (true: passed).
    fn close(&mut self, end: u8) -> Option<bool> {
        self.skip_ws();
        match self.peek()? {
            b',' => {
                self.pos += 1;
                Some(false)
            }
            b if b == end => {
                self.pos += 1;
                Some(true)
            }
            _ => None,
        }
    }

    /// Where the value of `key` starts in the object at `pos` (its first, the caller's keys being
    /// unique).
    fn find_key(&mut self, key: &str) -> Option<Option<usize>> {
        self.enter()?;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            return Some(None);
        }
        loop {
            if self.key()? == key {
                return Some(Some(self.pos));
            }
            self.skip()?;
            if self.close(b'}')? {
                return Some(None);
            }
        }
    }

    /// Where item `index` of the array at `pos` starts.
    fn find_index(&mut self, index: usize) -> Option<Option<usize>> {
        self.enter()?;
        self.skip_ws();
        if self.peek() == Some(b']') {
            return Some(None);
        }
        for _ in 0..index {
            self.skip()?;
            if self.close(b']')? {
                return Some(None);
            }
        }
        self.skip_ws();
        Some(Some(self.pos))
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.text.get(self.pos..self.pos + 4)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.pos += 4;
        u32::from_str_radix(digits, 16).ok()
    }

    fn number(&mut self) -> Option<Json<'a>> {
        let start = self.pos;
        let mut simple = true; // a non-negative integer without leading zeros, at most 19 digits
        if self.peek() == Some(b'-') {
            self.pos += 1;
            simple = false;
        }
        match self.peek()? {
            b'0' => self.pos += 1,
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            simple = false;
            if !self.peek()?.is_ascii_digit() {
                return None;
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            simple = false;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !self.peek()?.is_ascii_digit() {
                return None;
            }
            self.digits();
        }
        let token = self.text.get(start..self.pos)?;
        if simple && token.len() <= 19 {
            return token.parse::<u64>().ok().map(|n| Json::Number(n.into()));
        }
        // Negative, fractional, exponent or long: serde_json's own number reading (-0 is a
        // float there, 1e400 an error).
        serde_json::from_str::<Number>(token).ok().map(Json::Number)
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }
}

/// Whether a byte stops a plain run of string bytes: `"`, `\\` or a control character (what
/// JSON text may not hold raw inside a string, and what the answers' writer escapes).
#[inline]
pub(crate) fn stops_run(b: u8) -> bool {
    b == b'"' || b == b'\\' || b < 0x20
}

/// The position of the first byte at or after `from` that a string stops at ([`stops_run`]), or
/// the end of `bytes`: sixteen, then eight bytes at a time while it can, then the last eight
/// bytes at once (those already looked at masked off) or, in a slice shorter than that, one by
/// one. The reader scans its strings with it; the answers' writer (`json_writer`) its text.
/// Inlined where it is called: out of line it cost the writer 10k instructions a call (about
/// 300 short strings).
#[inline(always)]
pub(crate) fn plain_run(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `w` that is `"`, `\\` or below 0x20 (the high bits of the three
    // tests, or-ed and then masked once). Borrows only carry upwards, so the lowest bit set always
    // marks the first such byte.
    let stops = |w: u64| {
        let quote = w ^ (ONES * u64::from(b'"'));
        let backslash = w ^ (ONES * u64::from(b'\\'));
        ((quote.wrapping_sub(ONES) & !quote)
            | (backslash.wrapping_sub(ONES) & !backslash)
            | (w.wrapping_sub(ONES * 0x20) & !w))
            & HIGHS
    };
    let mut pos = from;
    // Two words per step, one branch for both while neither stops the run.
    while let Some(chunk) = bytes.get(pos..).and_then(|rest| rest.first_chunk::<16>()) {
        let (lo, hi) = chunk.split_at(8);
        let (Ok(lo), Ok(hi)) = (<[u8; 8]>::try_from(lo), <[u8; 8]>::try_from(hi)) else { break };
        let (lo, hi) = (stops(u64::from_le_bytes(lo)), stops(u64::from_le_bytes(hi)));
        if lo | hi != 0 {
            let at = if lo != 0 { lo.trailing_zeros() } else { 64 + hi.trailing_zeros() };
            return pos + (at / 8) as usize;
        }
        pos += 16;
    }
    while let Some(chunk) = bytes.get(pos..).and_then(|rest| rest.first_chunk::<8>()) {
        let found = stops(u64::from_le_bytes(*chunk));
        if found != 0 {
            return pos + (found.trailing_zeros() / 8) as usize;
        }
        pos += 8;
    }
    let len = bytes.len();
    if pos == len {
        return len;
    }
    if from + 8 <= len {
        // Fewer than eight bytes left, and the eight that end `bytes` begin at or after `from`:
        // one word, its bytes already looked at (clean: they flag nothing, borrow nothing)
        // masked off.
        if let Some(last) = bytes.last_chunk::<8>() {
            let seen = 8 - (len - pos);
            let found = stops(u64::from_le_bytes(*last)) & (u64::MAX << (8 * seen));
            return if found == 0 { len } else { len - 8 + (found.trailing_zeros() / 8) as usize };
        }
    }
    while bytes.get(pos).is_some_and(|&b| !stops_run(b)) {
        pos += 1;
    }
    pos
}

/// Adds an entry as serde_json's ordered map does: a repeated key keeps its first position and
/// takes the last value.
fn insert<'a>(
    all: &mut Object<'a>,
    start: usize,
    index: &mut Option<HashMap<Cow<'a, str>, usize>>,
    key: Cow<'a, str>,
    value: Json<'a>,
) {
    let entries = all.get_mut(start..).unwrap_or_default();
    let found = match index {
        Some(map) => map.get(&key).copied(),
        None => entries.iter().position(|(k, _)| *k == key),
    };
    if let Some(slot) = found.and_then(|i| entries.get_mut(i)) {
        slot.1 = value;
        return;
    }
    let len = entries.len();
    if let Some(map) = index {
        map.insert(key.clone(), len);
    } else if len == LINEAR_KEYS {
        let mut map: HashMap<Cow<'a, str>, usize> =
            entries.iter().enumerate().map(|(i, (k, _))| (k.clone(), i)).collect();
        map.insert(key.clone(), len);
        *index = Some(map);
    }
    all.push((key, value));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The parse of `text` as serde_json sees it: the value, or the error's line and column.
    fn reference(text: &str) -> Result<Value, (usize, usize, String)> {
        serde_json::from_str::<Value>(text).map_err(|e| (e.line(), e.column(), e.to_string()))
    }

    fn ours(text: &str) -> Result<Value, (usize, usize, String)> {
        parse(text).map(|j| j.to_value()).map_err(|e| (e.line(), e.column(), e.to_string()))
    }

    /// Same value (numbers compared by their serde_json representation) or same error.
    fn agree(text: &str) {
        let (a, b) = (ours(text), reference(text));
        assert_eq!(a, b, "{text:?}");
        if let (Ok(a), Ok(b)) = (a, b) {
            assert_eq!(a.to_string(), b.to_string(), "{text:?}");
        }
    }

    #[test]
    fn agrees_with_serde_json_on_the_edges() {
        for text in [
            "0",
            "-0",
            "-0.0",
            "1",
            "01",
            "1.",
            ".5",
            "1e5",
            "1E+5",
            "1e-5",
            "1e400",
            "-1e400",
            "1.5e308",
            "18446744073709551615",
            "18446744073709551616",
            "9999999999999999999",
            "-9223372036854775808",
            "-9223372036854775809",
            "123456789012345678901234567890",
            "2021.0",
            "-",
            "--1",
            "+1",
            "1e",
            "1e+",
            "0x10",
            "NaN",
            "Infinity",
            "true",
            "tru",
            "nul",
            "null ",
            " \n\t\r null",
            "null x",
            "\u{feff}null",
            "\"\"",
            "\"a\\\"b\"",
            "\"\\u00e9\\u4e1c\"",
            "\"\\ud83d\\ude00\"",
            "\"\\ud83d\"",
            "\"\\ude00\"",
            "\"\\ud83dx\"",
            "\"\\u12\"",
            "\"\\x\"",
            "\"a\nb\"",
            "\"\u{1}\"",
            "\"\\/\\b\\f\\n\\r\\t\"",
            "\"\\u0000\"",
            "\"东湖区\"",
            "\"abc",
            "[",
            "]",
            "[1,]",
            "[,1]",
            "[1 2]",
            "[[]]",
            "{}",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{a:1}",
            "{\"a\":1,\"a\":2}",
            "{\"a\":1,\"b\":2,\"a\":3}",
            "{\"a\\u0062\":1,\"ab\":2}",
            "{\"\":0}",
            "[1, {\"x\": [true, false, null]}, \"s\"]",
            "",
            " ",
            "{\"a\":}",
            "[\"\\",
            "{\"a\":1}}",
        ] {
            agree(text);
        }
    }

    #[test]
    fn agrees_wherever_a_special_byte_falls_in_a_word() {
        // The scanner reads string bodies sixteen and eight bytes at a time: a quote, a
        // backslash, a control character or a many-byte character at every offset, in strings
        // that end at and away from the end of the text.
        for len in 0..40 {
            for special in ["\"", "\\n", "\u{1f}", "\u{7f}", "东", " "] {
                for at in 0..=len {
                    let body: String = (0..len).map(|i| if i == at { special } else { "a" }).collect();
                    agree(&format!("\"{body}\""));
                    agree(&format!("[\"{body}\", \"tail of the text\"]"));
                }
            }
        }
    }

    #[test]
    fn agrees_on_white_space_of_every_width() {
        // Runs of spaces are counted eight bytes at a time: every width, ended by each kind of
        // byte, near and away from the end of the text.
        for width in 0..20 {
            let spaces = " ".repeat(width);
            for end in ["", "\n", "\t", "\r", "x", "1", "]", "\u{a0}"] {
                agree(&format!("[{spaces}{end}1{spaces}]{spaces}"));
                agree(&format!("{{\"a\"{spaces}:{spaces}\n{spaces}{end}true,{spaces}\"b\":2}}"));
                agree(&format!("{spaces}{end}null{spaces}{end}"));
            }
        }
    }

    #[test]
    fn agrees_on_deep_nesting_and_wide_objects() {
        for depth in [FAST_DEPTH - 1, FAST_DEPTH, FAST_DEPTH + 1, 126, 127, 128, 129, 1000] {
            agree(&format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
            agree(&format!("{}1{}", "{\"k\":".repeat(depth), "}".repeat(depth)));
        }
        let keys: Vec<String> = (0..100).map(|i| format!("\"k{}\": {i}", i % 37)).collect();
        agree(&format!("{{{}}}", keys.join(",")));
    }

    #[test]
    fn agrees_on_every_shared_document() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
        let mut seen = 0;
        for dir in ["examples/nanchang-2021", "examples/nanchang-2021/submissions", "tests/vectors"] {
            let Ok(entries) = std::fs::read_dir(format!("{root}/{dir}")) else { continue };
            for entry in entries.flatten() {
                if entry.path().extension().is_some_and(|e| e == "json") {
                    let text = std::fs::read_to_string(entry.path()).unwrap();
                    agree(&text);
                    seen += 1;
                }
            }
        }
        assert!(seen > 20, "only {seen} documents found");
    }

    #[test]
    fn a_value_is_found_in_the_text_where_the_tree_has_it() {
        let text =
            r#"{"a": {"b": [1, {"c/d": "x", "e~f": null}], "h": [0, "\"7"]}, "g": {}, "i": {"b": [2, 3]}}"#;
        let tree = parse(text).unwrap();
        for pointer in [
            "", "/a", "/a/b", "/a/b/0", "/a/b/1", "/a/b/2", "/a/b/01", "/a/b/+1", "/a/h/1", "/a/x", "/g",
            "/g/x", "/a/b/1/c", "/i/b/1", "x", "/",
        ] {
            assert_eq!(value_at(text, pointer), Ok(tree.pointer(pointer).cloned()), "{pointer}");
        }
        let text = r#"[{"c/d": "x", "e~f": null, "": 5}, []]"#;
        let tree = parse(text).unwrap();
        for pointer in ["/0/c~1d", "/0/e~0f", "/0/", "/1/0", "/2"] {
            assert_eq!(value_at(text, pointer), Ok(tree.pointer(pointer).cloned()), "{pointer}");
        }
    }

    #[test]
    fn plain_strings_are_borrowed() {
        let text = r#"{"host_unit": "东湖区", "note": "a\"b"}"#;
        let j = parse(text).unwrap();
        let Json::Object(entries) = &j else { panic!("object") };
        assert!(matches!(entries[0], (Cow::Borrowed(_), Json::String(Cow::Borrowed(_)))));
        assert!(matches!(entries[1].1, Json::String(Cow::Owned(_))));
    }

    fn json_text() -> impl Strategy<Value = String> {
        let leaf = prop_oneof![
            Just("null".to_owned()),
            Just("true".to_owned()),
            any::<i64>().prop_map(|n| n.to_string()),
            any::<u64>().prop_map(|n| n.to_string()),
            any::<f64>().prop_map(|f| format!("{f:e}")),
            "[-0-9.eE+]{1,8}",
            any::<String>().prop_map(|s| serde_json::to_string(&s).unwrap()),
            "\"([a-z东湖\\\\\"/]|\\\\u[0-9a-fA-F]{4}|\\\\[bfnrt/])*\"",
        ];
        leaf.prop_recursive(5, 64, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(|v| format!("[{}]", v.join(","))),
                prop::collection::vec(("[a-c]{1,2}", inner), 0..6).prop_map(|v| {
                    let items: Vec<String> = v.into_iter().map(|(k, x)| format!("\"{k}\" : {x}")).collect();
                    format!("{{ {} }}", items.join(" ,"))
                }),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn agrees_on_generated_documents(text in json_text()) {
            agree(&text);
        }

        #[test]
        fn agrees_on_damaged_documents(text in json_text(), at in any::<prop::sample::Index>(), byte in prop::sample::select(vec!["", "\"", "\\", ",", "]", "}", "{", "[", ":", " ", "\u{1}", "0", "-", "e", "u"])) {
            let mut cut = at.index(text.len() + 1);
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            agree(&format!("{}{}{}", &text[..cut], byte, &text[cut..]));
            agree(&text[..cut]);
        }

        #[test]
        fn agrees_on_arbitrary_text(text in any::<String>()) {
            agree(&text);
        }

        /// The white space scan (one byte after a colon, indentation eight bytes at a time)
        /// stops where a byte-by-byte one does, from every start, over runs of white space,
        /// other control bytes, spaces and text.
        #[test]
        fn skip_ws_stops_where_a_byte_scan_stops(parts in prop::collection::vec(prop::sample::select(vec![
            " ", "  ", "        ", "\n", "\r\n", "\t", "\u{1}", "\u{b}", "\u{1f}", "!", "\"", "{", "东", "\u{7f}", "\u{80}",
        ]), 0..40)) {
            let text = parts.concat();
            let bytes = text.as_bytes();
            for from in 0..=bytes.len() {
                let mut naive = from;
                while matches!(bytes.get(naive), Some(b' ' | b'\n' | b'\t' | b'\r')) {
                    naive += 1;
                }
                let mut s = Scanner { text: &text, bytes, pos: from, depth: 0, items: Vec::new(), entries: Vec::new() };
                s.skip_ws();
                prop_assert_eq!(s.pos, naive, "{:?} from {}", text, from);
            }
        }
    }
}
