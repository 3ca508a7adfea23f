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

pub use names::{split_names, NameItem};
pub use numerals::to_chinese_numeral;
pub use percent::{parse_percent, SatisfactionText};
pub use period::{parse_period, PeriodText};
pub use quantity::{find_quantities, parse_quantity, parse_quantity_of_kind, Quantity, MAX_VALUE};
pub use units::{parse_units, UnitsText};
pub use venues::{parse_venues, VenuesText};

use crate::diagnostic::{render_template, Severity};
use crate::rules::{Check, Rule};
use crate::DocumentKind;
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

impl Span {
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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextError {
    /// 规则代码 / stable code (`text.vague` …).
    pub code: &'static str,
    /// 严重程度 / always an error: nothing could be read.
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
        code: &'static str,
        source: &str,
        span: Option<Span>,
        extra: &[(&str, Value)],
    ) -> TextError {
        Self::new_shared(code, &std::sync::Arc::from(source), span, extra)
    }

    /// [`TextError::new`] with the text already shared.
    pub(crate) fn new_shared(
        code: &'static str,
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
        let rule = RULES.iter().find(|r| r.code == code);
        let (message, message_en) = match rule {
            Some(r) => (render_template(r.message, &params), render_template(r.message_en, &params)),
            None => (code.to_owned(), code.to_owned()),
        };
        TextError {
            code,
            severity: Severity::Error,
            message,
            message_en,
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

/// Codes of the text parsers, as constants so the parsers cannot misspell them.
pub(crate) mod code {
    pub const NO_NUMBER: &str = "text.no_number";
    pub const VAGUE: &str = "text.vague";
    pub const NOT_INTEGER: &str = "text.not_integer";
    pub const TOO_LARGE: &str = "text.too_large";
    pub const NUMBER_MALFORMED: &str = "text.number_malformed";
    pub const PERCENT_OUT_OF_RANGE: &str = "text.percent_out_of_range";
    pub const RATIO_ONLY: &str = "text.ratio_only";
    pub const YEAR_MISSING: &str = "text.year_missing";
    pub const DATE_GARBLED: &str = "text.date_garbled";
    pub const DATE_INVALID: &str = "text.date_invalid";
    pub const PERIOD_INVERTED: &str = "text.period_inverted";
}

const DOCS: &[DocumentKind] = &[DocumentKind::Summary];
const CLAUSE: &str = "附件·总结表（文本填写）";

const fn rule(
    code: &'static str,
    description: &'static str,
    description_en: &'static str,
    message: &'static str,
    message_en: &'static str,
) -> Rule {
    Rule {
        code,
        severity: Severity::Error,
        documents: DOCS,
        reads: &[],
        clause: CLAUSE,
        description,
        description_en,
        message,
        message_en,
        check: Check::Structural,
    }
}

/// One rule per `text.*` code: what the text parsers refuse, and how they say it.
pub(crate) const RULES: &[Rule] = &[
    rule(
        code::NO_NUMBER,
        "文字中读不出数字或日期（如只有“赢得了市民的广泛好评”），不能据此推测数值。",
        "No figure or date can be read from the text (e.g. only praise such as 赢得了市民的广泛好评); no value is guessed.",
        "「{text}」中没有可读出的数字或日期：请填写具体数字（如 1200人、约3.5万人次、98%）或起止日期；文字评价不能换算成数值。",
        "No figure or date can be read from “{text}”: write a number (e.g. 1200人, 约3.5万人次, 98%) or the dates; praise or description cannot be turned into a value.",
    ),
    rule(
        code::VAGUE,
        "模糊说法（成千上万、数百、上千、几十、若干、两三百、200-300人、9月初、9月中旬、只有月份的“4月~10月”）读不出确切数字或日期，拒绝换算。",
        "Vague wording (成千上万, 数百, 上千, 几十, 若干, ranges such as 两三百 or 200-300人, 9月初, 9月中旬, month-only spans such as 4月~10月) has no definite number or date and is refused.",
        "「{text}」是模糊说法，读不出确切的数字或日期：请写明具体数字（如 1200余人、约3.5万人次）或具体起止日期（如 11月22日至28日）。",
        "“{text}” is vague: no definite number or date can be read from it; write the number (e.g. 1200余人, 约3.5万人次) or the exact dates (e.g. 11月22日至28日).",
    ),
    rule(
        code::NOT_INTEGER,
        "小数乘以万、亿后不是整数（如 1.23456万），或人数、场次写成了小数；数量必须是整数。",
        "A decimal times 万/亿 that is not a whole number (e.g. 1.23456万), or a count of people or events written with decimals; counts must be integers.",
        "「{text}」算出的数量是 {value}，不是整数：人数、场次等必须是整数，请核对小数位。",
        "“{text}” works out to {value}, which is not a whole number: counts of people or events must be integers; check the decimals.",
    ),
    rule(
        code::TOO_LARGE,
        "数量超过可记录的上限（与 JSON 数量字段的上限相同）。",
        "The number exceeds the largest count that can be recorded (the same limit as a JSON count field).",
        "「{text}」超出可记录的最大数量 {max}：请核对是否多写了数位或单位（万、亿）。",
        "“{text}” exceeds the largest count that can be recorded ({max}): check for extra digits or a wrong 万/亿.",
    ),
    rule(
        code::NUMBER_MALFORMED,
        "数字写法不规范或有缺字（如“十十”“1?00”），无法确定数值。",
        "The number is malformed or has a lost character (e.g. 十十, 1?00), so its value cannot be determined.",
        "「{text}」中的数字写法不规范或有缺字，无法确定数值：请改为规范写法（如 3500、3,500 或 三千五百）。",
        "The number in “{text}” is malformed or has a lost character, so its value cannot be determined: write it plainly (e.g. 3500, 3,500 or 三千五百).",
    ),
    rule(
        code::PERCENT_OUT_OF_RANGE,
        "满意率等百分比必须在 0% 到 100% 之间。",
        "A percentage such as a satisfaction rate must lie between 0% and 100%.",
        "「{text}」中的百分比 {value}% 超出 0%–100%：满意率不能超过百分之百。",
        "The percentage {value}% in “{text}” is outside 0%–100%: a satisfaction rate cannot exceed 100%.",
    ),
    rule(
        code::RATIO_ONLY,
        "参与单位只写了比例（如“区县举办活动周占比达到了100%”），没有个数；比例不能换算成个数。",
        "Participating units are given only as a share (e.g. 占比达到了100%), not as counts; a share cannot be turned into a count.",
        "「{text}」只给出了比例，没有写单位的个数：请填写具体数量（如“全市9个县区，9个参与”）。",
        "“{text}” gives only a share, not how many units took part: write the counts (e.g. 全市9个县区，9个参与).",
    ),
    rule(
        code::YEAR_MISSING,
        "日期没有写年份，调用方也未提供默认年份。",
        "The date has no year and the caller gave no default year.",
        "「{text}」没有写年份，也没有默认年份可用：请写明年份（如 2021年11月22日）。",
        "“{text}” gives no year and no default year was supplied: write the year (e.g. 2021年11月22日).",
    ),
    rule(
        code::DATE_GARBLED,
        "日期中的“月”“日”缺失或数字粘连（如“1025日”“119日”“20131028119”），无法确定是哪一天。",
        "A date whose 月/日 markers are lost or whose digits run together (e.g. 1025日, 119日, 20131028119); the day cannot be told.",
        "「{text}」像是日期，但“月”“日”等字缺失或数字粘连，无法确定是哪一天：请按“11月22日”的格式填写。",
        "“{text}” looks like a date but its 月/日 markers are missing or its digits run together, so the day cannot be told: write it as 11月22日.",
    ),
    rule(
        code::DATE_INVALID,
        "日历上不存在的日期（如 11月31日、2月30日、13月）。",
        "A date that does not exist on the calendar (e.g. 11月31日, 2月30日, month 13).",
        "「{text}」不是有效的日期（{date}）：请核对月份和日期。",
        "“{text}” is not a valid calendar date ({date}): check the month and day.",
    ),
    rule(
        code::PERIOD_INVERTED,
        "活动时间的结束日期早于开始日期。",
        "The end date of the period is before its start date.",
        "「{text}」的结束日期 {end} 早于开始日期 {start}：请核对起止日期。",
        "In “{text}” the end date {end} is before the start date {start}: check the dates.",
    ),
];

/// Reads a count written as text in a JSON document (「约3.5万人次」): the parsed count with an
/// info diagnostic saying how it was read, or the parser's refusal at this pointer.
pub(crate) fn decode_count_text(
    s: &str,
    v: &crate::json::Json<'_>,
    d: &mut crate::decode::Decoder,
) -> Option<crate::count::Count> {
    match parse_quantity(s) {
        Ok(q) => {
            let c = q.to_count();
            d.emit(
                &crate::rules::structural::COUNT_FROM_TEXT,
                crate::rules::params! {"text" => s, "value" => c.value, "qualifier" => c.qualifier.as_str()},
                Some(v),
            );
            Some(c)
        }
        Err(e) => {
            emit_refusal(&e, v, d);
            None
        }
    }
}

/// Reads a satisfaction written as text (「98%以上」, 「非常满意」).
pub(crate) fn decode_satisfaction_text(
    s: &str,
    v: &crate::json::Json<'_>,
    d: &mut crate::decode::Decoder,
) -> Option<crate::satisfaction::Satisfaction> {
    match parse_percent(s) {
        Ok(t) => {
            let sat = t.to_satisfaction();
            let shown = match &sat {
                crate::satisfaction::Satisfaction::Percent(p) => serde_json::json!(p.value),
                crate::satisfaction::Satisfaction::Level(l) => serde_json::json!(l.as_str()),
            };
            let qualifier = match &sat {
                crate::satisfaction::Satisfaction::Percent(p) => p.qualifier.as_str(),
                crate::satisfaction::Satisfaction::Level(_) => "level",
            };
            d.emit(
                &crate::rules::structural::COUNT_FROM_TEXT,
                crate::rules::params! {"text" => s, "value" => shown, "qualifier" => qualifier},
                Some(v),
            );
            Some(sat)
        }
        Err(e) => {
            emit_refusal(&e, v, d);
            None
        }
    }
}

fn emit_refusal(e: &TextError, v: &crate::json::Json<'_>, d: &mut crate::decode::Decoder) {
    match crate::rules::find(e.code) {
        Some(rule) => d.emit(rule, e.params.clone(), Some(v)),
        None => d.wrong_type("integer or {value, qualifier, unit}", v),
    }
}
