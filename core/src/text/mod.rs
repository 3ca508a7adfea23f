//! Reading what districts write: counts (约3.5万人次, 115萬余人), satisfaction (98%以上, 非常满意),
//! periods (11月22日至28日), venues (主会场1个，分会场12个), participating units
//! (13个县区中11个参与) and name lists (…、…、…等领导).
//!
//! Every parser takes the text as written and returns typed values that keep the qualifier
//! (约 → approx, 余 → at least, 不到 → at most), the unit as written, the original text
//! (`source`) and the byte [`Span`] of the phrase read. What cannot be read honestly is refused
//! with a [`TextError`] carrying a stable `text.*` code — never a guess:
//!
//! - vague amounts (成千上万, 数百, 上千, 几十, 若干, 两三百, 200-300人) and vague dates (9月初,
//!   9月中旬, 今年五月, and month-only ranges such as 4月~10月, whose days are unknown) → `text.vague`;
//! - praise with no figure (赢得了市民的广泛好评) → `text.no_number`;
//! - a share where a count is needed (占比达到了100%) → `text.ratio_only`.
//!
//! Before parsing, text is normalised char by char (spans still refer to the original):
//! full-width digits and punctuation become half-width, dashes and tildes become `-`, the
//! traditional characters these phrases use become simplified (萬億兩個場項參與達餘幾數區縣會滿…), and
//! pinyin glosses (活動(dòng)) are dropped.
//!
//! ```
//! use learning_week::text::parse_quantity;
//! use learning_week::{CountKind, Qualifier};
//! let q = parse_quantity("參與人群達到115萬余人").unwrap();
//! assert_eq!((q.value, q.qualifier, q.kind), (1_150_000, Qualifier::AtLeast, CountKind::People));
//! assert_eq!(parse_quantity("成千上万人").unwrap_err().code, "text.vague");
//! ```

#![allow(
    clippy::result_large_err,
    reason = "TextError is data (messages in two languages, params, source): the parsers are not hot, and the API returns it by value"
)]

mod cell;
mod names;
mod norm;
mod numerals;
mod percent;
mod period;
mod quantity;
mod units;
mod venues;

#[cfg(test)]
mod tests;

pub use cell::{
    read_count_cell, read_satisfaction_cell, read_units_cell, read_venues_cell, read_week_count, CellCount,
    CellFigure, CellRow, CellSatisfaction, CellUnits, CellVenues, FigureRole, NotRowReason, ReadContext,
};
pub(crate) use cell::{read_week_row, WeekRow};
pub use names::{split_names, NameItem};
pub use numerals::to_chinese_numeral;
pub use percent::{parse_percent, SatisfactionText};
pub use period::{parse_period, PeriodText};
pub use quantity::{find_quantities, parse_quantity, parse_quantity_of_kind, Quantity, MAX_VALUE};
pub use units::{parse_units, UnitsText};
pub use venues::{parse_venues, VenuesText};

/// The codes of the text parsers: each a rule of the catalog, so the parsers cannot misspell one.
pub(crate) use crate::catalog::text as code;
use crate::catalog::{render_template, Code, Rule, Severity};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A byte range `start..end` in the original text (UTF-8 offsets, as Rust and Python's
/// `str.encode()` count them).
///
/// ```
/// use learning_week::text::{parse_quantity, Span};
/// let text = "共600余人参加";
/// let q = parse_quantity(text).unwrap();
/// assert_eq!(q.span, Span { start: 3, end: 12 });
/// assert_eq!(q.span.of(text), "600余人");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Span {
    /// 起始字节 / first byte.
    pub start: usize,
    /// 结束字节（不含）/ one past the last byte.
    pub end: usize,
}

/// 位置单位 / how a span's offsets count: UTF-8 bytes (Rust's `str` indices, the default), characters
/// (Python's `str` indices) or UTF-16 code units (JavaScript's `String` indices). Each binding
/// asks for its own language's, so `text[start:end]` is the fragment there too.
///
/// ```
/// use learning_week::text::{Offsets, Span};
/// let text = "😀共600余人";
/// let bytes = Span { start: 7, end: 16 }; // "600余人" after a 4-byte emoji and a 3-byte 共
/// assert_eq!(bytes.of(text), "600余人");
/// assert_eq!(bytes.in_offsets(text, Offsets::Chars), Span { start: 2, end: 7 });
/// assert_eq!(bytes.in_offsets(text, Offsets::Utf16), Span { start: 3, end: 8 });
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Offsets {
    /// 字节 / UTF-8 bytes (Rust).
    #[default]
    Bytes,
    /// 字符 / Unicode scalar values (Python).
    Chars,
    /// UTF-16 码元 / UTF-16 code units (JavaScript).
    Utf16,
}

impl Span {
    /// The same span counted in `offsets` over `text` (the text it was read from). An offset
    /// inside a character (never made by the parsers) counts up to that character.
    pub fn in_offsets(self, text: &str, offsets: Offsets) -> Span {
        let count = |at: usize| {
            let mut cut = at.min(text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let head = &text[..cut];
            match offsets {
                Offsets::Bytes => cut,
                Offsets::Chars => head.chars().count(),
                Offsets::Utf16 => head.encode_utf16().count(),
            }
        };
        Span { start: count(self.start), end: count(self.end) }
    }

    /// The text this span covers in `text`, or `""` when it does not fit.
    ///
    /// ```
    /// use learning_week::text::Span;
    /// assert_eq!(Span { start: 0, end: 3 }.of("约100人"), "约");
    /// assert_eq!(Span { start: 1, end: 3 }.of("约"), "");
    /// ```
    pub fn of(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Why a text could not be read: a stable `text.*` code, messages in Chinese and English
/// rendered from the code's rule, the values they were rendered from, the whole text and the
/// span of the offending fragment.
///
/// ```
/// use learning_week::text::parse_quantity;
/// let e = parse_quantity("参与群众数百人").unwrap_err();
/// assert_eq!(e.code, "text.vague");
/// assert_eq!(e.params["text"], "数百人");
/// assert!(e.message.contains("数百人") && e.message_en.contains("vague"));
/// assert_eq!(e.span.map(|s| s.of(&e.source)), Some("数百人"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct TextError {
    /// 规则代码 / stable code (`text.vague` …).
    pub code: Code,
    /// 严重程度 / an error when nothing could be read; a warning beside a value read
    /// (`text.figure_set_aside`, `text.parts_mismatch`, `text.parts_other_kind`).
    pub severity: Severity,
    /// 中文说明 / message in Chinese.
    pub message: String,
    /// English message.
    pub message_en: String,
    /// 参数 / the values the messages were rendered from; always `text`, often `reason`.
    pub params: Map<String, Value>,
    /// 原文 / the whole text that was parsed.
    pub source: std::sync::Arc<str>,
    /// 位置 / the offending fragment, when there is one.
    pub span: Option<Span>,
}

/// Longest text any parser reads, in characters: 65,536, the same bound the decoder puts on
/// every string of a document. A longer text is refused at once as `row.too_long`, before any
/// figure is looked for, so a 4 MB paste costs one pass over it, whichever door it comes by.
///
/// ```
/// use learning_week::text::{parse_quantity, MAX_TEXT_CHARS};
/// let long = "1人、".repeat(MAX_TEXT_CHARS);
/// let e = parse_quantity(&long).unwrap_err();
/// assert_eq!(e.code, "row.too_long");
/// assert_eq!(e.params["chars"], MAX_TEXT_CHARS * 3);
/// assert!(parse_quantity(&"1人".repeat(100)).is_ok());
/// ```
pub const MAX_TEXT_CHARS: usize = 65_536;

/// How many characters `text` has, when that is more than [`MAX_TEXT_CHARS`]; `None` within the
/// bound. One pass at most: a text of at most that many bytes has at most that many characters.
pub(crate) fn chars_over_bound(text: &str) -> Option<usize> {
    if text.len() <= MAX_TEXT_CHARS {
        return None;
    }
    let chars = text.chars().count();
    (chars > MAX_TEXT_CHARS).then_some(chars)
}

/// `row.too_long` when `text` has more than [`MAX_TEXT_CHARS`] characters. Its `text` param is
/// the text's first 20 characters and an ellipsis, not the whole paste; its source is the text.
pub(crate) fn check_length(text: &str) -> Result<(), TextError> {
    let Some(chars) = chars_over_bound(text) else { return Ok(()) };
    let head: String = text.chars().take(20).chain(['…']).collect();
    let mut e = TextError::new(
        &crate::catalog::structural::ROW_TOO_LONG,
        &head,
        None,
        &[("chars", chars.into()), ("max", MAX_TEXT_CHARS.into())],
    );
    e.source = std::sync::Arc::from(text);
    Err(e)
}

impl std::fmt::Display for TextError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

// Not derived with thiserror: the `source` field is the parsed text, not an underlying error.
impl std::error::Error for TextError {}

impl TextError {
    /// Builds the error for `code` about the fragment `span` of `source` (the whole text when
    /// `None`), with extra params; messages come from the code's rule.
    pub(crate) fn new(
        code: &'static Rule,
        source: &str,
        span: Option<Span>,
        extra: &[(&str, Value)],
    ) -> TextError {
        Self::new_shared(code, &std::sync::Arc::from(source), span, extra)
    }

    /// [`TextError::new`] with the text already shared.
    pub(crate) fn new_shared(
        rule: &'static Rule,
        source: &std::sync::Arc<str>,
        span: Option<Span>,
        extra: &[(&str, Value)],
    ) -> TextError {
        let text: &str = source;
        let fragment = span.map_or(text, |s| s.of(text));
        let mut params = Map::new();
        params.insert("text".into(), Value::String(fragment.trim().to_owned()));
        for (k, v) in extra {
            params.insert((*k).to_owned(), v.clone());
        }
        TextError {
            code: Code::of(rule),
            message: render_template(rule.message, &params),
            message_en: render_template(rule.message_en, &params),
            severity: rule.severity,
            params,
            source: std::sync::Arc::clone(source),
            span,
        }
    }

    /// The `reason` param, when the error has one (`vague_word`, `range`, `month_only` …).
    ///
    /// ```
    /// let e = learning_week::text::parse_quantity("两三百人").unwrap_err();
    /// assert_eq!(e.reason(), Some("range"));
    /// ```
    pub fn reason(&self) -> Option<&str> {
        self.params.get("reason").and_then(Value::as_str)
    }
}
