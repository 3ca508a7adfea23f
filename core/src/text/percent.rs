//! 群众满意度 as written: 98%, 98.5％, 百分之九十八点五, 满意率达98%以上, 95%左右, 近百分之百, 九成以上,
//! or a level word (非常满意, 满意, 基本满意, 不满意), also inside a sentence.

use super::norm::Norm;
use super::numerals::{scan_numeral, NumErr, NumTok};
use super::quantity::{prefix_qualifier, suffix_qualifier};
use super::{code, Span, TextError};
use crate::count::Qualifier;
use crate::satisfaction::{Percent, Satisfaction, SatisfactionLevel};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A satisfaction read from text: a percentage with its qualifier, or a level word.
///
/// Serialised untagged: `{"value": 98.0, "qualifier": "at_least", "source": …, "span": …}` or
/// `{"level": "非常满意", "source": …, "span": …}`.
///
/// ```
/// use learning_week::text::{parse_percent, SatisfactionText};
/// let p = parse_percent("满意率达98%以上").unwrap();
/// let json = serde_json::to_value(&p).unwrap();
/// assert_eq!(json["value"], 98.0);
/// assert_eq!(json["qualifier"], "at_least");
/// let l = parse_percent("群众非常满意").unwrap();
/// assert_eq!(serde_json::to_value(&l).unwrap()["level"], "非常满意");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum SatisfactionText {
    /// 满意率 as a percentage, 0–100.
    Percent {
        /// 百分比 / the percentage.
        value: f64,
        /// 限定词 / how precise it is.
        qualifier: Qualifier,
        /// 原文 / the whole text parsed.
        source: String,
        /// 位置 / the phrase read.
        span: Span,
    },
    /// 满意程度 as a level word.
    Level {
        /// 满意程度 / the level.
        level: SatisfactionLevel,
        /// 原文 / the whole text parsed.
        source: String,
        /// 位置 / the word read.
        span: Span,
    },
}

impl SatisfactionText {
    /// The phrase read (`98%以上`, `非常满意`), as written.
    ///
    /// ```
    /// assert_eq!(learning_week::text::parse_percent("满意率约为95%左右").unwrap().phrase(), "约为95%左右");
    /// ```
    pub fn phrase(&self) -> &str {
        match self {
            SatisfactionText::Percent { source, span, .. } | SatisfactionText::Level { source, span, .. } => {
                span.of(source)
            }
        }
    }

    /// The [`Satisfaction`] this fills; a percentage keeps the phrase read as its `source`.
    ///
    /// ```
    /// use learning_week::{Satisfaction, SatisfactionLevel, Qualifier};
    /// use learning_week::text::parse_percent;
    /// let s = parse_percent("百分之九十八点五").unwrap().to_satisfaction();
    /// assert!(matches!(s, Satisfaction::Percent(ref p) if p.value == 98.5 && p.qualifier == Qualifier::Exact));
    /// let l = parse_percent("基本满意").unwrap().to_satisfaction();
    /// assert_eq!(l, Satisfaction::Level(SatisfactionLevel::FairlySatisfied));
    /// ```
    pub fn to_satisfaction(&self) -> Satisfaction {
        match self {
            SatisfactionText::Percent { value, qualifier, .. } => Satisfaction::Percent(Percent {
                value: *value,
                qualifier: *qualifier,
                source: Some(self.phrase().to_owned()),
            }),
            SatisfactionText::Level { level, .. } => Satisfaction::Level(*level),
        }
    }
}

/// Level words, longest first; 不太满意 and the like are 不满意, 比较满意 is 基本满意.
const LEVELS: &[(&str, SatisfactionLevel)] = &[
    ("非常满意", SatisfactionLevel::VerySatisfied),
    ("基本满意", SatisfactionLevel::FairlySatisfied),
    ("比较满意", SatisfactionLevel::FairlySatisfied),
    ("不太满意", SatisfactionLevel::Dissatisfied),
    ("不够满意", SatisfactionLevel::Dissatisfied),
    ("不很满意", SatisfactionLevel::Dissatisfied),
    ("不甚满意", SatisfactionLevel::Dissatisfied),
    ("不满意", SatisfactionLevel::Dissatisfied),
    ("满意", SatisfactionLevel::Satisfied),
];

/// Reads a satisfaction from `text`: the first percentage if there is one, else the first
/// level word. 满意率/满意度 are labels, not levels. Praise with no figure is refused
/// (`text.no_number`); above 100% is `text.percent_out_of_range`.
///
/// ```
/// use learning_week::text::{parse_percent, SatisfactionText};
/// use learning_week::{Qualifier, SatisfactionLevel};
/// let p = parse_percent("近百分之百").unwrap();
/// assert!(matches!(p, SatisfactionText::Percent { value, qualifier: Qualifier::Approx, .. } if value == 100.0));
/// let l = parse_percent("群众不满意").unwrap();
/// assert!(matches!(l, SatisfactionText::Level { level: SatisfactionLevel::Dissatisfied, .. }));
/// assert_eq!(parse_percent("120%").unwrap_err().code, "text.percent_out_of_range");
/// assert_eq!(parse_percent("赢得了市民的广泛好评").unwrap_err().code, "text.no_number");
/// ```
pub fn parse_percent(text: &str) -> Result<SatisfactionText, TextError> {
    crate::text::check_length(text)?;
    let n = Norm::new(text);
    let found = scan_percents(&n);
    if let Some(p) = found.percents.into_iter().next() {
        return p.item;
    }
    match found.level {
        Some((level, a, b)) => {
            Ok(SatisfactionText::Level { level, source: text.to_owned(), span: n.span(a, b) })
        }
        None => Err(no_percent(&std::sync::Arc::from(text), &n)),
    }
}

/// The refusal of a satisfaction with neither a percentage nor a level word: a bare number
/// (「98」, 「0.97」, 「98分」) is `text.kind_missing` (a rate, a score or a share? not guessed);
/// no number at all is `text.no_number`.
pub(crate) fn no_percent(source: &std::sync::Arc<str>, n: &Norm<'_>) -> TextError {
    // (A text whose only percentages are 不满意率 has no satisfaction: no number of it.)
    let digits = (0..n.len()).any(|i| n.at(i).is_ascii_digit());
    if digits && !(0..n.len()).any(|i| n.at(i) == '%' || n.starts_with(i, "百分之")) {
        let words = ("百分比（%）", "a percentage (%)", "98%", "98%");
        return crate::text::quantity::kind_missing_of(source, "percent", words);
    }
    TextError::new_shared(&code::NO_NUMBER, source, None, &[])
}

/// A percentage found at char `at` (where its number starts) of the normalised text.
pub(crate) struct PercentFound {
    pub at: usize,
    pub item: Result<SatisfactionText, TextError>,
}

/// Every percentage of a text, in order, and its first level word.
pub(crate) struct PercentScan {
    pub percents: Vec<PercentFound>,
    pub level: Option<(SatisfactionLevel, usize, usize)>,
}

/// Scans the whole text for percentages (a 不满意率 is none) and level words.
pub(crate) fn scan_percents(n: &Norm<'_>) -> PercentScan {
    let mut out = PercentScan { percents: Vec::new(), level: None };
    let mut i = 0;
    while i < n.len() {
        if n.starts_with(i, "百分之") {
            if let Some(t) = scan_numeral(n, i + 3).filter(|_| !dissatisfaction(n, i)) {
                out.percents.push(PercentFound { at: i, item: percent_at(n, i, &t, t.end, 1) });
                i = t.end.max(i + 1);
                continue;
            }
            i += 3;
            continue;
        }
        if let Some(t) = scan_numeral(n, i) {
            let k = n.skip_spaces(t.end);
            if n.at(k) == '%' && !dissatisfaction(n, t.start) {
                out.percents.push(PercentFound { at: t.start, item: percent_at(n, t.start, &t, k + 1, 1) });
                i = k + 1;
                continue;
            }
            // 九成 = 90%.
            if n.at(k) == '成'
                && t.chinese_only
                && matches!(t.value, Ok(v) if v.m <= 10 && v.s == 0 && v.m > 0)
            {
                out.percents.push(PercentFound { at: t.start, item: percent_at(n, t.start, &t, k + 1, 10) });
                i = k + 1;
                continue;
            }
            i = t.end.max(i + 1);
            continue;
        }
        if out.level.is_none() {
            if let Some((w, l)) = LEVELS.iter().find(|(w, _)| n.starts_with(i, w)) {
                let end = i + w.chars().count();
                // 满意率, 满意度, 满意程度 are the row's label, not an answer.
                if !matches!(n.at(end), '率' | '度' | '程') {
                    out.level = Some((*l, i, end));
                }
                i = end;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Whether the percentage at `i` is a 不满意率 (its clause names dissatisfaction): not a satisfaction.
fn dissatisfaction(n: &Norm<'_>, i: usize) -> bool {
    let reach = i.saturating_sub(40);
    let from = (reach..i).rev().find(|&x| matches!(n.at(x), ',' | ';' | '。')).map_or(reach, |x| x + 1);
    (from..i).any(|x| n.starts_with(x, "不满意"))
}

/// The percentage whose number is `t`, written from `start` to `end` (after `%` or the
/// numeral), scaled by `factor` (10 for 成).
fn percent_at(
    n: &Norm<'_>,
    start: usize,
    t: &NumTok,
    end: usize,
    factor: u128,
) -> Result<SatisfactionText, TextError> {
    let (pq, start) = prefix_qualifier(n, start);
    let mut end = end;
    let mut qualifier = pq;
    let k = n.skip_spaces(end);
    if let Some((q, len)) = suffix_qualifier(n, k) {
        qualifier = qualifier.combine(q);
        end = k + len;
    }
    let span = n.span(start, end);
    // 90-95%, 九十至九十五%: the percentage closes a range, which is vague.
    if start >= 1
        && matches!(n.before(start), '-' | '至' | '到')
        && crate::text::numerals::is_numeral_char(n.before(start - 1))
    {
        let from = (0..start - 1)
            .rev()
            .find(|&x| !crate::text::numerals::is_numeral_char(n.at(x)))
            .map_or(0, |x| x + 1);
        return Err(TextError::new(
            &code::VAGUE,
            n.src,
            Some(n.span(from, end)),
            &[("reason", "range".into())],
        ));
    }
    // -5%, 负5%: a minus where no word or number precedes it (not the range 90-95%).
    if super::quantity::minus_before(n, start) {
        let value = format!("-{}", n.slice(t.start, t.end));
        return Err(TextError::new(
            &code::PERCENT_OUT_OF_RANGE,
            n.src,
            Some(n.span(start - 1, end)),
            &[("value", value.into())],
        ));
    }
    // 95%-98%, 百分之九十至九十五: a range is vague.
    let k = n.skip_spaces(end);
    if matches!(n.at(k), '-' | '至' | '到') && scan_numeral(n, n.skip_spaces(k + 1)).is_some() {
        let e = scan_numeral(n, n.skip_spaces(k + 1)).map_or(k + 1, |t2| t2.end);
        let e = if n.at(e) == '%' { e + 1 } else { e };
        return Err(TextError::new(
            &code::VAGUE,
            n.src,
            Some(n.span(start, e)),
            &[("reason", "range".into())],
        ));
    }
    let value = match t.value.map(|d| d.mul_int(factor)) {
        Ok(Some(d)) => d,
        Ok(None) | Err(NumErr::Overflow) => {
            return Err(TextError::new(
                &code::PERCENT_OUT_OF_RANGE,
                n.src,
                Some(span),
                &[("value", n.slice(t.start, t.end).into())],
            ))
        }
        Err(NumErr::Range) => {
            return Err(TextError::new(&code::VAGUE, n.src, Some(span), &[("reason", "range".into())]))
        }
        Err(e @ (NumErr::Malformed | NumErr::Grouping)) => {
            let reason = e.malformed_reason().unwrap_or_default();
            return Err(TextError::new(
                &code::NUMBER_MALFORMED,
                n.src,
                Some(span),
                &[("reason", reason.into())],
            ));
        }
    };
    let v = value.to_f64();
    if !(0.0..=100.0).contains(&v) || value.m > 100u128.saturating_mul(10u128.saturating_pow(value.s)) {
        return Err(TextError::new(
            &code::PERCENT_OUT_OF_RANGE,
            n.src,
            Some(span),
            &[("value", Value::String(value.to_text()))],
        ));
    }
    Ok(SatisfactionText::Percent { value: v, qualifier, source: n.src.to_owned(), span })
}
