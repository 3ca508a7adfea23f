//! 活动时间 as written: 2021年11月22日—11月28日, 11月22日至28日, 11月22-28日, 2021.11.22-2021.11.28,
//! 10月12至10月18日 (日 missing), 十一月二十二日, single days, ranges across months and years.

use super::norm::Norm;
use super::numerals::{scan_numeral, NumTok};
use super::{code, Span, TextError};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A period read from text: first and last day (equal for a single day), the whole text and
/// the span of the dates read.
///
/// ```
/// use learning_week::text::parse_period;
/// let p = parse_period("于10月8日至10月15日在全市范围内开展", Some(2021)).unwrap();
/// assert_eq!(p.start.to_string(), "2021-10-08");
/// assert_eq!(p.end.to_string(), "2021-10-15");
/// assert_eq!(p.phrase(), "10月8日至10月15日");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PeriodText {
    /// 开始日期 / first day.
    pub start: NaiveDate,
    /// 结束日期 / last day.
    pub end: NaiveDate,
    /// 原文 / the whole text parsed.
    pub source: String,
    /// 位置 / the dates read.
    pub span: Span,
}

impl PeriodText {
    /// The dates read, as written.
    ///
    /// ```
    /// let p = learning_week::text::parse_period("将活动时间确定为2016年10月10日至21日", None).unwrap();
    /// assert_eq!(p.phrase(), "2016年10月10日至21日");
    /// ```
    pub fn phrase(&self) -> &str {
        self.span.of(&self.source)
    }
}

/// Reads the first period in `text`.
///
/// The year comes from the text, else `default_year`, else `text.year_missing`. An end with
/// no year and an earlier month than the start is in the next year (12月30日至1月2日).
/// Refusals: garbled dates (1025日, 119日, 20131028119) → `text.date_garbled`; 11月31日 →
/// `text.date_invalid`; end before start → `text.period_inverted`; 9月初, 9月中旬, 今年五月 and
/// month-only ranges (4月~10月: the days are unknown) → `text.vague`. A refusal is reported only
/// when the text holds no readable date at all, so a garbled issue date before the real period
/// does not hide it.
///
/// ```
/// use learning_week::text::parse_period;
/// let p = parse_period("2021年12月30日至2022年1月2日", None).unwrap();
/// assert_eq!((p.start.to_string(), p.end.to_string()), ("2021-12-30".into(), "2022-01-02".into()));
/// let p = parse_period("11月22-28日", Some(2021)).unwrap();
/// assert_eq!(p.end.to_string(), "2021-11-28");
/// assert_eq!(parse_period("11月22日", None).unwrap_err().code, "text.year_missing");
/// assert_eq!(parse_period("市教育局于1025日下发", Some(2013)).unwrap_err().code, "text.date_garbled");
/// assert_eq!(parse_period("于4月~10月组织开展了", Some(2021)).unwrap_err().code, "text.vague");
/// assert_eq!(parse_period("11月31日", Some(2021)).unwrap_err().code, "text.date_invalid");
/// ```
pub fn parse_period(text: &str, default_year: Option<i32>) -> Result<PeriodText, TextError> {
    crate::text::check_length(text)?;
    let n = Norm::new(text);
    let mut problem: Option<TextError> = None;
    let mut context_year: Option<i32> = None;
    let mut i = 0;
    while i < n.len() {
        if !starts_token(&n, i) {
            i += 1;
            continue;
        }
        match date_at(&n, i) {
            Scan::Date(first) => {
                return finish(&n, first, context_year.or(default_year));
            }
            Scan::YearOnly(y, end) => {
                context_year = context_year.or(Some(y));
                i = end;
            }
            Scan::Problem(p) => {
                if problem.is_none() {
                    problem = Some(p.error(text));
                }
                i = p.end.max(i + 1);
            }
            Scan::Skip(end) => i = end.max(i + 1),
        }
    }
    Err(problem.unwrap_or_else(|| TextError::new(&code::NO_NUMBER, text, None, &[])))
}

/// A date as written; missing parts are `None` (day-only ends, month-only phrases).
#[derive(Debug, Clone, Copy)]
struct DatePart {
    y: Option<i32>,
    m: Option<u32>,
    d: Option<u32>,
    start: usize,
    end: usize,
    /// The separator of a numeric date (2021.11.22 → '.').
    sep: Option<char>,
}

enum Scan {
    Date(DatePart),
    YearOnly(i32, usize),
    Problem(Problem),
    Skip(usize),
}

/// A refusal found while scanning; the error (with its copy of the text) is built only for
/// the one reported.
struct Problem {
    code: &'static crate::catalog::Rule,
    span: Span,
    reason: &'static str,
    end: usize,
}

impl Problem {
    fn error(&self, src: &str) -> TextError {
        TextError::new(self.code, src, Some(self.span), &[("reason", self.reason.into())])
    }
}

fn starts_token(n: &Norm<'_>, i: usize) -> bool {
    let c = n.at(i);
    let b = n.before(i);
    super::numerals::is_numeral_char(c) && !super::numerals::is_numeral_char(b) && !b.is_ascii_digit()
}

fn small(t: &NumTok) -> Option<u32> {
    match t.value {
        Ok(d) if !t.decimal => d.to_int().ok().and_then(|v| u32::try_from(v).ok()),
        _ => None,
    }
}

fn garbled(n: &Norm<'_>, start: usize, end: usize, reason: &'static str) -> Scan {
    Scan::Problem(Problem { code: &code::DATE_GARBLED, span: n.span(start, end), reason, end })
}

fn vague(n: &Norm<'_>, start: usize, end: usize, reason: &'static str) -> Scan {
    Scan::Problem(Problem { code: &code::VAGUE, span: n.span(start, end), reason, end })
}

/// Words after a month that make it vague (9月初, 9月中旬, 9月底).
const MONTH_VAGUE: &[&str] = &["上旬", "中旬", "下旬", "初", "中", "底", "末", "份"];

/// Reads the date starting at `i`, if a numeral is there.
fn date_at(n: &Norm<'_>, i: usize) -> Scan {
    if let Some(d) = numeric_date(n, i, false) {
        return d;
    }
    let Some(t) = scan_numeral(n, i) else { return Scan::Skip(i + 1) };
    let arabic_len = if t.chinese_only { 0 } else { t.arabic_digits };
    let k = n.skip_spaces(t.end);
    match n.at(k) {
        '年' => {
            let Some(y) = year_of(&t) else { return garbled(n, i, k + 1, "year_digits") };
            let k2 = n.skip_spaces(k + 1);
            match scan_numeral(n, k2) {
                Some(tm) if n.at(n.skip_spaces(tm.end)) == '月' => month_day(n, i, Some(y), &tm),
                _ => Scan::YearOnly(y, k + 1),
            }
        }
        '月' => month_day(n, i, None, &t),
        '日' | '号' if arabic_len >= 3 => garbled(n, i, k + 1, "month_lost"),
        '日' | '号' if !t.chinese_only => vague(n, i, k + 1, "month_missing"),
        _ if arabic_len >= 6 && (n.starts_with(i, "19") || n.starts_with(i, "20")) => {
            garbled(n, i, t.end, "digits_run_together")
        }
        _ => Scan::Skip(t.end),
    }
}

fn year_of(t: &NumTok) -> Option<i32> {
    let four = (!t.chinese_only && t.arabic_digits == 4) || (t.digit_string && t.end == t.start + 4);
    let y = small(t)?;
    (four && (1900..=2100).contains(&y)).then_some(y as i32)
}

/// `M月[D日]` starting with month numeral `tm`; the phrase starts at `start`.
fn month_day(n: &Norm<'_>, start: usize, y: Option<i32>, tm: &NumTok) -> Scan {
    let k = n.skip_spaces(tm.end) + 1; // after 月
    if !tm.chinese_only && tm.arabic_digits > 2 {
        return garbled(n, start, k, "digits_run_together");
    }
    let Some(m) = small(tm) else { return garbled(n, start, k, "month") };
    let k2 = n.skip_spaces(k);
    if let Some(td) = scan_numeral(n, k2) {
        let k3 = n.skip_spaces(td.end);
        let has_ri = matches!(n.at(k3), '日' | '号');
        if !td.chinese_only && td.arabic_digits > 2 {
            return garbled(n, start, if has_ri { k3 + 1 } else { td.end }, "digits_run_together");
        }
        if n.at(k3) != '月' && n.at(k3) != '年' {
            if let Some(d) = small(&td) {
                if has_ri || !td.chinese_only || matches!(n.at(k3), '-' | '至' | '到') {
                    let end = if has_ri { k3 + 1 } else { td.end };
                    return Scan::Date(DatePart { y, m: Some(m), d: Some(d), start, end, sep: None });
                }
            }
        }
    }
    // No day: vague (9月初, 9月中旬, 今年五月, 4月~10月).
    let mut end = k;
    if let Some(w) = n.match_at(k2, MONTH_VAGUE) {
        end = k2 + w.chars().count();
    }
    let mut reason = "month_only";
    let k3 = n.skip_spaces(end);
    if matches!(n.at(k3), '-' | '至' | '到') {
        let k4 = n.skip_spaces(skip_seps(n, k3));
        if let Some(t2) = scan_numeral(n, k4) {
            let k5 = n.skip_spaces(t2.end);
            if n.at(k5) == '月' {
                end = k5 + 1;
                reason = "month_only_range";
            }
        }
    }
    vague(n, if n.ends_with(start, "今年") { start - 2 } else { start }, end, reason)
}

/// A numeric date at `i`: `Y.M.D` / `Y/M/D` / `Y-M-D`, or `M.D` / `M/D` (at the start of a
/// period only when a range or 日 follows, so 3.5万 is not March 5th).
fn numeric_date(n: &Norm<'_>, i: usize, is_end: bool) -> Option<Scan> {
    let run = |k: usize| {
        let mut e = k;
        while n.at(e).is_ascii_digit() {
            e += 1;
        }
        (e - k, e)
    };
    let value = |a: usize, b: usize| n.text(a, b).parse::<u32>().ok();
    let (l1, e1) = run(i);
    let sep = n.at(e1);
    if l1 == 0 || !matches!(sep, '.' | '/' | '-') {
        return None;
    }
    let (l2, e2) = run(e1 + 1);
    if l2 == 0 {
        return None;
    }
    let tail = |e: usize| if matches!(n.at(e), '日' | '号') { e + 1 } else { e };
    if l1 == 4 {
        let y = value(i, e1).and_then(|y| i32::try_from(y).ok())?;
        if n.at(e2) == sep && n.at(e2 + 1).is_ascii_digit() {
            let (l3, e3) = run(e2 + 1);
            if l2 > 2 || l3 > 2 {
                return Some(garbled(n, i, e3, "digits_run_together"));
            }
            let (m, d) = (value(e1 + 1, e2)?, value(e2 + 1, e3)?);
            return Some(Scan::Date(DatePart {
                y: Some(y),
                m: Some(m),
                d: Some(d),
                start: i,
                end: tail(e3),
                sep: Some(sep),
            }));
        }
        if l2 <= 2 && sep != '-' {
            // 2021.11 / 2021/11: a month.
            return Some(vague(n, i, e2, "month_only"));
        }
        return None;
    }
    // M.D / M/D (not M-D: 25-31 is a range of days or of counts).
    if l1 <= 2 && l2 <= 2 {
        let (m, d) = (value(i, e1)?, value(e1 + 1, e2)?);
        let after = n.at(n.skip_spaces(e2));
        // M-D only before 至/到 (25-31日 is a range of days, not May 31st).
        let follows = if is_end {
            !super::numerals::is_numeral_char(after) && !matches!(after, '%' | '.' | '-')
        } else if sep == '-' {
            matches!(after, '至' | '到')
        } else {
            matches!(after, '-' | '至' | '到' | '日' | '号')
        };
        if (1..=12).contains(&m) && (1..=31).contains(&d) && follows {
            return Some(Scan::Date(DatePart {
                y: None,
                m: Some(m),
                d: Some(d),
                start: i,
                end: tail(e2),
                sep: Some(sep),
            }));
        }
    }
    None
}

fn skip_seps(n: &Norm<'_>, mut k: usize) -> usize {
    while matches!(n.at(k), '-' | '至' | '到') {
        k += 1;
    }
    k
}

/// Skips `(星期一)`, `（周一）`, 起 after a date.
fn skip_weekday(n: &Norm<'_>, k: usize) -> usize {
    let k = n.skip_spaces(k);
    if n.at(k) == '(' && ["星期", "周", "礼拜"].iter().any(|w| n.starts_with(k + 1, w)) {
        for e in k + 1..k + 8 {
            if n.at(e) == ')' {
                return n.skip_spaces(e + 1);
            }
        }
    }
    if n.at(k) == '起' {
        return n.skip_spaces(k + 1);
    }
    k
}

/// Skips a time of day (上午9:00, 下午两点半) when a range separator follows it.
fn skip_time(n: &Norm<'_>, k: usize) -> usize {
    let mut e = k;
    if let Some(w) = n.match_at(e, &["上午", "下午", "晚上", "早上", "中午", "凌晨", "傍晚", "晚"])
    {
        e += w.chars().count();
    }
    while super::numerals::is_numeral_char(n.at(e))
        || matches!(n.at(e), ':' | '点' | '时' | '半' | '分' | '整' | ' ')
    {
        e += 1;
    }
    if e > k && matches!(n.at(e), '-' | '至' | '到') {
        e
    } else {
        k
    }
}

/// The end of a range after the separator at `k`, in the style of `first`.
fn end_part(n: &Norm<'_>, k: usize, first: &DatePart) -> Option<Result<DatePart, TextError>> {
    if first.sep.is_some() {
        if let Some(Scan::Date(d)) = numeric_date(n, k, true) {
            return Some(Ok(d));
        }
        // 2021.11.22-28: a day only.
        let (mut e, start) = (k, k);
        while n.at(e).is_ascii_digit() {
            e += 1;
        }
        let d = n.text(start, e).parse::<u32>().ok().filter(|_| e - start <= 2)?;
        let end = if matches!(n.at(e), '日' | '号') { e + 1 } else { e };
        return Some(Ok(DatePart { y: None, m: None, d: Some(d), start, end, sep: first.sep }));
    }
    let t = scan_numeral(n, k)?;
    let k2 = n.skip_spaces(t.end);
    match n.at(k2) {
        '年' | '月' => match date_at(n, k) {
            Scan::Date(d) => Some(Ok(d)),
            Scan::Problem(p) => Some(Err(p.error(n.src))),
            _ => None,
        },
        '日' | '号' => {
            if !t.chinese_only && t.arabic_digits > 2 {
                return Some(Err(TextError::new(
                    &code::DATE_GARBLED,
                    n.src,
                    Some(n.span(k, k2 + 1)),
                    &[("reason", "digits_run_together".into())],
                )));
            }
            small(&t).map(|d| Ok(DatePart { y: None, m: None, d: Some(d), start: k, end: k2 + 1, sep: None }))
        }
        _ if !t.chinese_only && t.arabic_digits <= 2 && !t.decimal => {
            small(&t).map(|d| Ok(DatePart { y: None, m: None, d: Some(d), start: k, end: t.end, sep: None }))
        }
        _ => None,
    }
}

fn date_text(y: i32, m: u32, d: u32) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn make_date(n: &Norm<'_>, y: i32, m: u32, d: u32, part: &DatePart) -> Result<NaiveDate, TextError> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
        TextError::new(
            &code::DATE_INVALID,
            n.src,
            Some(n.span(part.start, part.end)),
            &[("date", date_text(y, m, d).into())],
        )
    })
}

/// Completes the period that starts with `first`: the end of a range, years, validation.
fn finish(n: &Norm<'_>, first: DatePart, fallback_year: Option<i32>) -> Result<PeriodText, TextError> {
    let k = skip_time(n, skip_weekday(n, first.end));
    let mut second: Option<DatePart> = None;
    if matches!(n.at(k), '-' | '至' | '到') {
        let k2 = n.skip_spaces(skip_seps(n, k));
        match end_part(n, k2, &first) {
            Some(Ok(d)) => second = Some(d),
            Some(Err(e)) => return Err(e),
            None => {}
        }
    }
    let (m1, d1) = (first.m.unwrap_or(0), first.d.unwrap_or(0));
    // The start's year: written, else from a written end year, else the fallback.
    let y1 = match (first.y, second.and_then(|s| s.y.map(|y| (y, s.m)))) {
        (Some(y), _) => y,
        (None, Some((y2, m2))) => {
            if m2.is_some_and(|m2| m2 < m1) {
                y2 - 1
            } else {
                y2
            }
        }
        (None, None) => match fallback_year {
            Some(y) => y,
            None => {
                // 11月31日 exists in no year: say so rather than ask for a year.
                make_date(n, 2000, m1, d1, &first)?;
                if let Some(s) = second {
                    make_date(n, 2000, s.m.unwrap_or(m1), s.d.unwrap_or(0), &s)?;
                }
                let end = second.map_or(first.end, |s| s.end);
                return Err(TextError::new(&code::YEAR_MISSING, n.src, Some(n.span(first.start, end)), &[]));
            }
        },
    };
    let start = make_date(n, y1, m1, d1, &first)?;
    let Some(s) = second else {
        return Ok(PeriodText {
            start,
            end: start,
            source: n.src.to_owned(),
            span: n.span(first.start, first.end),
        });
    };
    let m2 = s.m.unwrap_or(m1);
    let d2 = s.d.unwrap_or(0);
    let y2 = match s.y {
        Some(y) => y,
        // 12月30日至1月2日: the end's month is earlier, so it is the next year.
        None if s.m.is_some() && m2 < m1 => y1 + 1,
        None => y1,
    };
    let end = make_date(n, y2, m2, d2, &s)?;
    let span = n.span(first.start, s.end);
    if end < start {
        return Err(TextError::new(
            &code::PERIOD_INVERTED,
            n.src,
            Some(span),
            &[("start", start.to_string().into()), ("end", end.to_string().into())],
        ));
    }
    Ok(PeriodText { start, end, source: n.src.to_owned(), span })
}
