//! The answers' JSON text, written by a compact `serde::Serializer` of our own into a `String`:
//! the same bytes as `serde_json::to_string`, for every value (the tests and the fuzz target
//! compare the two), at about half the cost on the answers' mostly-CJK strings.
//!
//! serde_json checks every byte of a string against its escape table, one at a time, and writes
//! a date through `core::fmt` and its escaper a piece at a time; this writer looks at eight or
//! sixteen bytes at once (the reader's own scan of a string, `json::plain_run`), copies each run
//! that needs no escape in one go, and lets `Display` values (chrono's dates and times) write
//! straight into the text, escaping only if what they wrote needs it.
//! Integers and floats are printed by the crates serde_json 1.0.154 prints them with (`itoa`,
//! `zmij`), so they cannot differ. Which strings are escaped and how is serde_json's: `"`, `\`
//! and the controls below U+0020 (`\b \t \n \f \r` by name, the others as `\u00XX`), nothing
//! else (not `/`, not U+2028 / U+2029, not DEL).

use serde::ser::{self, Impossible, Serialize};
use std::fmt::{self, Display, Write as _};

/// Why a value has no JSON text: what its `Serialize` said (`S::Error::custom`), or a map key
/// that is not a string, a number, a bool or a char. Its text is serde_json's for the same case
/// (`key must be a string`, `float key must be finite (got NaN or +/-inf)`).
///
/// ```
/// use std::collections::BTreeMap;
/// let m: BTreeMap<Vec<u8>, u8> = [(vec![1], 2)].into();
/// let e = learning_week::json_writer::to_string(&m).unwrap_err();
/// assert_eq!(e.to_string(), serde_json::to_string(&m).unwrap_err().to_string());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

fn key_must_be_a_string() -> Error {
    Error("key must be a string".to_owned())
}

/// `value` as compact JSON text: byte for byte what `serde_json::to_string(value)` writes, and
/// an error where it errs.
///
/// ```
/// use learning_week::json_writer::to_string;
/// let v = serde_json::json!({"单位": "东湖区\n", "n": [1, -2.5, 1e300, null], "ok": true});
/// assert_eq!(to_string(&v).unwrap(), serde_json::to_string(&v).unwrap());
/// assert_eq!(to_string(&f64::NAN).unwrap(), "null");
/// ```
pub fn to_string<T: ?Sized + Serialize>(value: &T) -> Result<String, Error> {
    to_string_with_capacity(value, 128)
}

/// [`to_string`] into a `String` that starts with room for `capacity` bytes: for a caller that
/// knows about how long the text will be (an answer carrying a document is about as long as
/// the document's own text), so the text is not copied again each time it outgrows its buffer.
///
/// ```
/// let text = learning_week::json_writer::to_string_with_capacity(&["a", "b"], 4096).unwrap();
/// assert_eq!(text, r#"["a","b"]"#);
/// ```
pub fn to_string_with_capacity<T: ?Sized + Serialize>(value: &T, capacity: usize) -> Result<String, Error> {
    let mut writer = Writer { out: String::with_capacity(capacity) };
    value.serialize(&mut writer)?;
    Ok(writer.out)
}

/// Appends `s` to `out` as a JSON string, quotes included: what `serde_json` writes for it.
///
/// ```
/// let mut out = String::new();
/// learning_week::json_writer::write_str(&mut out, "第一\"行\"\n\u{1}");
/// assert_eq!(out, r#""第一\"行\"\n\u0001""#);
/// ```
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    write_escaped(out, s);
    out.push('"');
}

/// The escape of one byte that needs one ([`crate::json::stops_run`]).
#[inline]
fn push_escape(out: &mut String, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let named = match byte {
        b'"' => "\\\"",
        b'\\' => "\\\\",
        0x08 => "\\b",
        b'\t' => "\\t",
        b'\n' => "\\n",
        0x0c => "\\f",
        b'\r' => "\\r",
        _ => {
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
            return;
        }
    };
    out.push_str(named);
}

/// Where the first byte at or after `from` that needs an escape is: where the reader's plain run
/// of string bytes stops ([`crate::json::plain_run`]: the same bytes, eight and sixteen at once).
#[inline(always)]
fn first_escape(bytes: &[u8], from: usize) -> Option<usize> {
    let end = crate::json::plain_run(bytes, from);
    (end < bytes.len()).then_some(end)
}

/// `s` escaped as serde_json escapes it, without the quotes. Most text needs no escape: looked
/// at once, copied once.
#[inline]
fn write_escaped(out: &mut String, s: &str) {
    match first_escape(s.as_bytes(), 0) {
        None => out.push_str(s),
        Some(at) => write_escaped_from(out, s, at),
    }
}

/// `s` escaped, its first escape at `at`: each run that needs none copied in one go. Every cut
/// is at an ASCII byte (an escape), so every slice of `s` below is at a char boundary.
#[cold]
fn write_escaped_from(out: &mut String, s: &str, mut at: usize) {
    let bytes = s.as_bytes();
    let mut run = 0;
    loop {
        out.push_str(&s[run..at]);
        push_escape(out, bytes[at]);
        run = at + 1;
        match first_escape(bytes, run) {
            Some(next) => at = next,
            None => break,
        }
    }
    out.push_str(&s[run..]);
}

/// Where a `Display` value writes: straight into the text, the escaping left to the end.
struct Straight<'a>(&'a mut String);

impl fmt::Write for Straight<'_> {
    #[inline]
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.push_str(s);
        Ok(())
    }

    #[inline]
    fn write_char(&mut self, c: char) -> fmt::Result {
        self.0.push(c);
        Ok(())
    }
}

/// The serializer itself: compact JSON appended to `out`.
struct Writer {
    out: String,
}

impl Writer {
    fn integer<I: itoa::Integer>(&mut self, i: I) {
        self.out.push_str(itoa::Buffer::new().format(i));
    }

    /// A finite float as serde_json prints it (`zmij`), a NaN or an infinity as `null`.
    fn float<F: zmij::Float>(&mut self, f: F, finite: bool) {
        if finite {
            self.out.push_str(zmij::Buffer::new().format_finite(f));
        } else {
            self.out.push_str("null");
        }
    }

    /// `"`, what `value` displays as (escaped), `"`.
    fn display<T: ?Sized + Display>(&mut self, value: &T) -> Result<(), Error> {
        self.out.push('"');
        let start = self.out.len();
        write!(Straight(&mut self.out), "{value}")
            .map_err(|_| Error("a Display implementation returned an error".to_owned()))?;
        // Chrono's dates and times never need an escape; anything else that does is written
        // again, escaped, from a copy.
        if let Some(at) = first_escape(&self.out.as_bytes()[start..], 0) {
            let written = self.out.split_off(start);
            write_escaped_from(&mut self.out, &written, at);
        }
        self.out.push('"');
        Ok(())
    }

    /// A list or a map opened (`[` / `{`); one announced empty is closed at once, as serde_json
    /// closes it.
    fn open(&mut self, opening: char, closing: char, len: Option<usize>) -> Compound<'_> {
        self.out.push(opening);
        let state = if len == Some(0) {
            self.out.push(closing);
            State::Empty
        } else {
            State::First
        };
        Compound { writer: self, state }
    }

    /// `{"variant":` before a variant's content (serde_json's externally tagged enums).
    fn variant_key(&mut self, variant: &str) {
        self.out.push('{');
        write_str(&mut self.out, variant);
        self.out.push(':');
    }
}

/// Where a list or a map is: before its first item, after one, or already closed (an empty
/// one, closed as it opened — serde_json's own three states, kept so that even a `Serialize`
/// that announces no items and then writes some gets serde_json's text).
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Empty,
    First,
    Rest,
}

/// A list or a map being written.
#[doc(hidden)]
pub struct Compound<'a> {
    writer: &'a mut Writer,
    state: State,
}

impl Compound<'_> {
    /// The `,` before every item but the first.
    #[inline]
    fn next(&mut self) {
        if self.state != State::First {
            self.writer.out.push(',');
        }
        self.state = State::Rest;
    }

    #[inline]
    fn close(&mut self, closing: char) {
        if self.state != State::Empty {
            self.writer.out.push(closing);
        }
    }
}

/// The ten `serialize_<integer>` methods of a `Serializer`, each `body` with `w` the serializer
/// and `v` the integer (the writers differ only in how they write an integer).
macro_rules! integers {
    (|$w:ident, $v:ident| $body:expr) => {
        integers!(@each |$w, $v| $body; serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
            serialize_i64: i64, serialize_i128: i128, serialize_u8: u8, serialize_u16: u16,
            serialize_u32: u32, serialize_u64: u64, serialize_u128: u128);
    };
    (@each |$w:ident, $v:ident| $body:expr; $($method:ident: $t:ty),*) => {
        $(
            fn $method(self, $v: $t) -> Result<(), Error> {
                let $w = self;
                $body
            }
        )*
    };
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }

    integers! { |w, v| {
        w.integer(v);
        Ok(())
    } }

    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.float(v, v.is_finite());
        Ok(())
    }

    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.float(v, v.is_finite());
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        write_str(&mut self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        write_str(&mut self.out, v);
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        self.out.push('[');
        for (i, b) in v.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            self.integer(*b);
        }
        self.out.push(']');
        Ok(())
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.out.push_str("null");
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.variant_key(variant);
        value.serialize(&mut *self)?;
        self.out.push('}');
        Ok(())
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open('[', ']', len))
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.variant_key(variant);
        self.serialize_seq(Some(len))
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open('{', '}', len))
    }

    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.variant_key(variant);
        self.serialize_map(Some(len))
    }

    fn collect_str<T: ?Sized + Display>(self, value: &T) -> Result<(), Error> {
        self.display(value)
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.next();
        value.serialize(&mut *self.writer)
    }

    fn end(mut self) -> Result<(), Error> {
        self.close(']');
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }

    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }

    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }

    fn end(mut self) -> Result<(), Error> {
        self.close(']');
        self.writer.out.push('}');
        Ok(())
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        self.next();
        key.serialize(KeyWriter(&mut *self.writer))
    }

    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.writer.out.push(':');
        value.serialize(&mut *self.writer)
    }

    fn end(mut self) -> Result<(), Error> {
        self.close('}');
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.next();
        write_str(&mut self.writer.out, key);
        ser::SerializeMap::serialize_value(self, value)
    }

    fn end(self) -> Result<(), Error> {
        ser::SerializeMap::end(self)
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }

    fn end(mut self) -> Result<(), Error> {
        self.close('}');
        self.writer.out.push('}');
        Ok(())
    }
}

/// A map key, as serde_json writes one: a string as itself, a number or a bool quoted, anything
/// else an error.
struct KeyWriter<'a>(&'a mut Writer);

impl KeyWriter<'_> {
    fn quoted(self, write: impl FnOnce(&mut Writer)) -> Result<(), Error> {
        self.0.out.push('"');
        write(self.0);
        self.0.out.push('"');
        Ok(())
    }

    /// A float key: quoted when finite, refused (as serde_json refuses it) when not.
    fn float<F: zmij::Float>(self, f: F, finite: bool) -> Result<(), Error> {
        if !finite {
            return Err(Error("float key must be finite (got NaN or +/-inf)".to_owned()));
        }
        self.quoted(|w| w.float(f, true))
    }
}

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.quoted(|w| w.out.push_str(if v { "true" } else { "false" }))
    }

    integers! { |w, v| w.quoted(|w| w.integer(v)) }

    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.float(v, v.is_finite())
    }

    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.float(v, v.is_finite())
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.0.serialize_char(v)
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.0.serialize_str(v)
    }

    fn serialize_bytes(self, _v: &[u8]) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_none(self) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.0.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(key_must_be_a_string())
    }

    fn collect_str<T: ?Sized + Display>(self, value: &T) -> Result<(), Error> {
        self.0.display(value)
    }
}

#[cfg(test)]
mod tests {
    use super::to_string;
    use proptest::prelude::*;
    use serde::ser::{SerializeMap, SerializeSeq, Serializer};
    use serde::Serialize;
    use serde_json::{json, Value};
    use std::collections::BTreeMap;
    use std::fmt;

    /// Ours and serde_json's: the same text, or errors with the same message.
    fn same<T: ?Sized + Serialize>(value: &T) {
        let ours = to_string(value).map_err(|e| e.to_string());
        let theirs = serde_json::to_string(value).map_err(|e| e.to_string());
        assert_eq!(ours, theirs);
    }

    #[test]
    fn every_byte_and_every_escape_class() {
        // Each ASCII byte, alone and at every offset of an eight-byte word, among CJK text.
        for b in 0u8..0x80 {
            let c = char::from(b);
            for pad in 0..17 {
                let before: String = "东".repeat(pad / 3) + &"a".repeat(pad % 3);
                same(&format!("{before}{c}"));
                same(&format!("{before}{c}湖区{c}{c}xyz{c}"));
                same(&format!("{c}{before}"));
            }
        }
        for s in [
            "",
            "\u{2028}\u{2029}\u{7f}\u{80}\u{ff}\u{fffd}\u{10ffff}/",
            "\"\\\u{8}\u{c}\n\r\t\u{0}\u{1f}",
            "\\\\\\\\\\\\\\\\\"\"\"\"\"\"\"\"\"",
            "全民终身学习活动周\u{1}全民终身学习活动周\"全民终身学习活动周",
            "\u{1f600}\u{1}\u{1f600}",
            "0123456\u{1f}",
            "01234567\u{1f}",
            "012345678\u{1f}",
        ] {
            same(s);
            same(&[s, s]);
            same(&BTreeMap::from([(s, s)]));
        }
        for c in ['\0', '\u{1f}', '"', '\\', '/', '\u{2028}', '东', '\u{1f600}'] {
            same(&c);
            same(&BTreeMap::from([(c, 1)]));
        }
    }

    /// A byte that needs an escape followed by any byte, at every place in texts of 8 to 17
    /// bytes: what the word-at-a-time scan could misread (a borrow flags the byte above a hit).
    #[test]
    fn an_escape_then_any_byte_anywhere() {
        for a in (0u8..0x80).filter(|&b| crate::json::stops_run(b)) {
            for b in 0u8..0x80 {
                for len in 8..18 {
                    for at in 0..len - 1 {
                        let mut text = vec![b'x'; len];
                        text[at] = a;
                        text[at + 1] = b;
                        let text = String::from_utf8(text).unwrap_or_default();
                        assert_eq!(to_string(&text).ok(), serde_json::to_string(&text).ok(), "{text:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn numbers_as_serde_json_prints_them() {
        for f in [
            0.0,
            -0.0,
            1.0,
            -1.5,
            0.1,
            1e15,
            1e16,
            1e17,
            1e21,
            1e22,
            1e-5,
            1e-7,
            123_456_789.123_456_79,
            0.3f64 - 0.1,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            5e-324,
            f64::EPSILON,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            same(&f);
            same(&(f as f32));
            same(&json!([f]));
            same(&BTreeMap::from([("f", f)]));
        }
        same(&(
            i64::MIN,
            i64::MAX,
            u64::MAX,
            i128::MIN,
            u128::MAX,
            i8::MIN,
            u8::MAX,
            i16::MIN,
            u16::MAX,
            i32::MIN,
        ));
        same(&(u32::MAX, 0u8, -0i32, true, false, (), Some(1), None::<u8>));
    }

    /// A map written from its pairs, whatever their types (serde_json decides which keys are
    /// keys).
    struct Pairs<K, V>(Vec<(K, V)>);

    impl<K: Serialize, V: Serialize> Serialize for Pairs<K, V> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
        }
    }

    struct Bytes(&'static [u8]);

    impl Serialize for Bytes {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(self.0)
        }
    }

    #[derive(Serialize)]
    enum Shape {
        Unit,
        Newtype(u8),
        Tuple(u8, &'static str),
        Struct { a: u8, b: Vec<u8> },
        EmptyTuple(),
        EmptyStruct {},
    }

    #[derive(Serialize)]
    struct Newtype(&'static str);

    #[derive(Serialize)]
    struct UnitStruct;

    #[derive(Serialize)]
    struct TupleStruct(u8, f64);

    #[test]
    fn map_keys_as_serde_json_takes_or_refuses_them() {
        same(&Pairs(vec![(1i8, 0), (-2, 0)]));
        same(&Pairs(vec![(u64::MAX, 0)]));
        same(&Pairs(vec![(i128::MIN, 0)]));
        same(&Pairs(vec![(true, 0), (false, 1)]));
        same(&Pairs(vec![(1.5f64, 0), (-0.0, 1), (1e300, 2)]));
        same(&Pairs(vec![(0.1f32, 0)]));
        same(&Pairs(vec![(f64::NAN, 0)]));
        same(&Pairs(vec![(f32::INFINITY, 0)]));
        same(&Pairs(vec![('k', 0)]));
        same(&Pairs(vec![(Some("k"), 0)]));
        same(&Pairs(vec![(None::<&str>, 0)]));
        same(&Pairs(vec![((), 0)]));
        same(&Pairs(vec![(UnitStruct, 0)]));
        same(&Pairs(vec![(Newtype("k\n"), 0)]));
        same(&Pairs(vec![(Shape::Unit, 0)]));
        same(&Pairs(vec![(Shape::Newtype(1), 0)]));
        same(&Pairs(vec![(Shape::Tuple(1, "x"), 0)]));
        same(&Pairs(vec![(Shape::Struct { a: 1, b: vec![] }, 0)]));
        same(&Pairs(vec![(Bytes(b"k"), 0)]));
        same(&Pairs(vec![(vec![1], 0)]));
        same(&Pairs(vec![((1, 2), 0)]));
        same(&Pairs(vec![(TupleStruct(1, 2.0), 0)]));
        same(&Pairs(vec![(BTreeMap::from([(1, 2)]), 0)]));
        same(&Pairs(vec![(json!({}), 0)]));
        same(&Pairs(vec![(chrono::NaiveDate::from_ymd_opt(2021, 11, 22), 0)]));
        same(&Pairs::<u8, u8>(vec![]));
    }

    #[test]
    fn every_shape_of_value() {
        same(&vec![
            Shape::Unit,
            Shape::Newtype(2),
            Shape::Tuple(3, "\"t\""),
            Shape::EmptyTuple(),
            Shape::EmptyStruct {},
        ]);
        same(&Shape::Struct { a: 1, b: vec![1, 2] });
        same(&(Newtype("x"), UnitStruct, TupleStruct(1, -0.0), Bytes(b""), Bytes(b"\0\xff")));
        same(&(Vec::<u8>::new(), BTreeMap::<u8, u8>::new(), (), [[[(); 0]; 2]; 1]));
        same(&json!({"a": {"b": [[], {}, [null, {"c": "d"}]], "e": -1, "f": 1.25e-300}}));
        same(&Some(Some(())));
        let d = chrono::NaiveDate::from_ymd_opt(2021, 11, 22);
        let far = chrono::NaiveDate::from_ymd_opt(-12345, 1, 31);
        let t = chrono::DateTime::parse_from_rfc3339("2021-12-06T09:00:00.250+08:00").ok();
        let z = chrono::DateTime::parse_from_rfc3339("2021-12-06T09:00:00Z").ok();
        same(&(d, far, t, z, d.and_then(|d| d.and_hms_nano_opt(23, 59, 59, 1_999_999_999))));
    }

    /// A `Serialize` that says it has no items and then writes some: serde_json writes what it
    /// writes, and so do we.
    struct Liar;

    impl Serialize for Liar {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut seq = s.serialize_seq(Some(0))?;
            seq.serialize_element(&1)?;
            seq.serialize_element(&MapLiar)?;
            seq.end()
        }
    }

    struct MapLiar;

    impl Serialize for MapLiar {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut map = s.serialize_map(Some(0))?;
            map.serialize_entry("a", &1)?;
            map.end()
        }
    }

    /// A `Display` that writes what needs escaping, and one written in pieces.
    struct Shown(&'static str);

    impl fmt::Display for Shown {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            for c in self.0.chars() {
                fmt::Write::write_char(f, c)?;
            }
            write!(f, "{:>5}|{:.2}", "东", 1.0f64 / 3.0)
        }
    }

    impl Serialize for Shown {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_str(self)
        }
    }

    struct Failing;

    impl Serialize for Failing {
        fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
            Err(serde::ser::Error::custom("no text for this \"one\""))
        }
    }

    #[test]
    fn odd_serializers_and_errors() {
        same(&Liar);
        same(&MapLiar);
        same(&(Shown("plain"), Shown("\"quoted\"\n\u{1}东湖"), Shown("")));
        same(&Pairs(vec![(Shown("k\t"), 1)]));
        same(&(1, Failing));
        same(&BTreeMap::from([("a", Failing)]));
        #[derive(Serialize)]
        struct Flat {
            a: u8,
            #[serde(flatten)]
            rest: u8,
        }
        same(&Flat { a: 1, rest: 2 });
        let e = to_string(&(1, Failing)).map_err(|e| e.to_string());
        assert_eq!(e, Err("no text for this \"one\"".to_owned()));
    }

    /// Any JSON value: strings of any char (escapes, controls, CJK, astral), every float, any
    /// integer.
    fn value() -> impl Strategy<Value = Value> {
        let text =
            prop_oneof![any::<String>(), "[\"\\\\/\u{0}-\u{1f}\u{7f}\u{2028}\u{2029}a #\\]!东湖区😀]{0,24}",];
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            (any::<i32>(), -30i32..30).prop_map(|(m, e)| Value::from(f64::from(m) * 10f64.powi(e))),
            text.clone().prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::vec((text.clone(), inner), 0..6)
                    .prop_map(|entries| Value::Object(entries.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn any_value_is_written_as_serde_json_writes_it(v in value()) {
            prop_assert_eq!(to_string(&v).ok(), serde_json::to_string(&v).ok());
        }

        #[test]
        fn any_string_and_float_and_key(s in any::<String>(), f in any::<f64>(), g in any::<f32>(), k in any::<i64>()) {
            prop_assert_eq!(to_string(&(&s, f, g)).ok(), serde_json::to_string(&(&s, f, g)).ok());
            let m = Pairs(vec![(f, &s), (f64::from(g), &s)]);
            prop_assert_eq!(to_string(&m).map_err(|e| e.to_string()), serde_json::to_string(&m).map_err(|e| e.to_string()));
            let m = Pairs(vec![(k, f)]);
            prop_assert_eq!(to_string(&m).ok(), serde_json::to_string(&m).ok());
        }
    }
}
