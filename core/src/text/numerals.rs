//! Numbers as written: Arabic (with `3,500` separators and decimals), Chinese numerals
//! (二十三, 两千三百, 一万二, 三点五万, 二〇二一) and mixtures (1万2千, 3.5万).
//!
//! Values are exact decimals (`mantissa / 10^scale`) so 3.55万 is exactly 35500 and 1.23456万 is
//! recognisably not an integer.

use super::norm::Norm;

/// An exact non-negative decimal: `m / 10^s`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Dec {
    pub m: u128,
    pub s: u32,
}

/// Why a numeral could not be evaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumErr {
    /// 三四十, 两三百: a range of adjacent digits, not one number.
    Range,
    /// 十十, 一亿万万: not a well-formed numeral.
    Malformed,
    /// Does not fit.
    Overflow,
    /// 「28 6000」: digits split by a space that is not a thousands group — one number or two?
    Grouping,
}

impl NumErr {
    /// The `reason` param of the `text.number_malformed` refusal, for the two malformed kinds.
    pub(crate) fn malformed_reason(self) -> Option<&'static str> {
        match self {
            NumErr::Malformed => Some("numeral_order"),
            NumErr::Grouping => Some("digit_grouping"),
            NumErr::Range | NumErr::Overflow => None,
        }
    }
}

const MAX_SCALE: u32 = 30;

impl Dec {
    pub const ZERO: Dec = Dec { m: 0, s: 0 };

    pub fn int(n: u128) -> Dec {
        Dec { m: n, s: 0 }
    }

    fn align(self, s: u32) -> Option<u128> {
        self.m.checked_mul(10u128.checked_pow(s.checked_sub(self.s)?)?)
    }

    pub fn add(self, o: Dec) -> Option<Dec> {
        let s = self.s.max(o.s);
        Some(Dec { m: self.align(s)?.checked_add(o.align(s)?)?, s })
    }

    pub fn mul_int(self, k: u128) -> Option<Dec> {
        Some(Dec { m: self.m.checked_mul(k)?, s: self.s })
    }

    pub fn is_zero(self) -> bool {
        self.m == 0
    }

    /// The integer value, or `Err(())` when there is a fractional part.
    pub fn to_int(self) -> Result<u128, ()> {
        let p = 10u128.checked_pow(self.s).ok_or(())?;
        if self.m.is_multiple_of(p) {
            Ok(self.m / p)
        } else {
            Err(())
        }
    }

    pub fn to_f64(self) -> f64 {
        let p = 10f64.powi(self.s as i32);
        self.m as f64 / p
    }

    /// Decimal text (`35500`, `12345.6`), trailing zeros of the fraction dropped.
    pub fn to_text(self) -> String {
        let digits = self.m.to_string();
        let s = self.s as usize;
        if s == 0 {
            return digits;
        }
        let padded = format!("{digits:0>width$}", width = s + 1);
        let (int, frac) = padded.split_at(padded.len() - s);
        let frac = frac.trim_end_matches('0');
        if frac.is_empty() {
            int.to_owned()
        } else {
            format!("{int}.{frac}")
        }
    }
}

/// The value of a Chinese digit (零〇一二两三四五六七八九).
pub(crate) fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// 十百千 as powers of ten below a section.
pub(crate) fn small_unit(c: char) -> Option<u128> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => return None,
    })
}

/// 万亿 as section multipliers.
pub(crate) fn big_unit(c: char) -> Option<u128> {
    Some(match c {
        '万' => 10_000,
        '亿' => 100_000_000,
        _ => return None,
    })
}

/// Whether `c` can start or continue a numeral.
pub(crate) fn is_numeral_char(c: char) -> bool {
    c.is_ascii_digit() || cn_digit(c).is_some() || small_unit(c).is_some() || big_unit(c).is_some()
}

/// The everyday numeral a 大写 (financial) numeral stands for: 壹贰叁肆伍陆柒捌玖 and 拾佰仟, as
/// 总结表 filled in by a finance office write them (贰万人次, 叁仟伍佰人), traditional forms too.
pub(crate) fn daxie(c: char) -> Option<char> {
    Some(match c {
        '壹' => '一',
        '贰' | '貳' => '二',
        '叁' | '參' => '三',
        '肆' => '四',
        '伍' => '五',
        '陆' | '陸' => '六',
        '柒' => '七',
        '捌' => '八',
        '玖' => '九',
        '拾' => '十',
        '佰' => '百',
        '仟' => '千',
        _ => return None,
    })
}

/// Whether a 大写 numeral at `i` is one: it stands next to another numeral character (贰万,
/// 伍佰, 拾万) — alone it is a word or a name (陆家嘴, 伍先生, 拾遗), never a figure.
pub(crate) fn daxie_at(n: &Norm<'_>, i: usize) -> bool {
    let numeral = |c: char| is_numeral_char(c) || daxie(c).is_some();
    daxie(n.at(i)).is_some() && (numeral(n.at(i + 1)) || (i > 0 && numeral(n.before(i))))
}

#[derive(Debug, Clone, Copy)]
enum El {
    /// A digit value; `arabic` for a run of Arabic digits (any length, maybe decimal).
    Digit {
        v: Dec,
        arabic: bool,
    },
    Small(u128),
    Big(u128),
    /// 点 followed by Chinese digits: the fractional part.
    Frac(Dec),
}

/// A numeral found in a text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NumTok {
    /// Char range in the normalised text.
    pub start: usize,
    pub end: usize,
    pub value: Result<Dec, NumErr>,
    /// Written only with Chinese characters (no Arabic digits).
    pub chinese_only: bool,
    /// Contains a decimal point.
    pub decimal: bool,
    /// Arabic digits joined by dots twice or more (2021.11.22): a date or version, not a number.
    pub dotted: bool,
    /// Number of Arabic digits in the first run (for dates).
    pub arabic_digits: usize,
    /// Only Chinese digits (二〇二一, 三八), read digit by digit.
    pub digit_string: bool,
}

/// Reads the numeral starting at `i`, if a numeral char is there.
pub(crate) fn scan_numeral(n: &Norm<'_>, i: usize) -> Option<NumTok> {
    if !is_numeral_char(n.at(i)) && !daxie_at(n, i) {
        return None;
    }
    let mut els: Vec<El> = Vec::new();
    let mut j = i;
    let mut decimal = false;
    let mut dotted = false;
    let mut arabic_digits = 0;
    let mut overflow = false;
    let mut grouping = false;
    loop {
        let c = match n.at(j) {
            c if daxie_at(n, j) => daxie(c).unwrap_or(c),
            c => c,
        };
        let last_is_digit = matches!(els.last(), Some(El::Digit { .. }));
        // 3.5 万人次, 12 千人: a space between Arabic digits and the magnitude after them does
        // not end the number (the 万 alone would be read as 1万, the 3.5 lost).
        if n.at(j).is_whitespace() && matches!(els.last(), Some(El::Digit { arabic: true, .. })) {
            let k = n.skip_spaces(j);
            if big_unit(n.at(k)).is_some() || small_unit(n.at(k)).is_some() {
                j = k;
                continue;
            }
            break;
        }
        if c.is_ascii_digit() {
            // 3万零500人次: Arabic digits after a unit and 零 are the number's last section.
            let after_zero = matches!(
                els.as_slice(),
                [.., El::Small(_) | El::Big(_), El::Digit { v, arabic: false }] if v.is_zero()
            );
            if last_is_digit && !after_zero {
                break;
            }
            let (v, len, next, is_dec, is_dotted, is_ambiguous) = match scan_arabic(n, j) {
                Some(x) => x,
                None => {
                    overflow = true;
                    let mut k = j;
                    while n.at(k).is_ascii_digit() || n.at(k) == '.' || n.at(k) == ',' {
                        k += 1;
                    }
                    (Dec::ZERO, 0, k, false, false, false)
                }
            };
            if els.is_empty() {
                arabic_digits = len;
            }
            decimal |= is_dec;
            grouping |= is_ambiguous;
            dotted |= is_dotted;
            els.push(El::Digit { v, arabic: true });
            j = next;
        } else if let Some(d) = cn_digit(c) {
            if matches!(els.last(), Some(El::Digit { arabic: true, .. })) {
                break;
            }
            els.push(El::Digit { v: Dec::int(u128::from(d)), arabic: false });
            j += 1;
        } else if let Some(u) = small_unit(c) {
            if matches!(els.last(), Some(El::Frac(_))) {
                break;
            }
            els.push(El::Small(u));
            j += 1;
        } else if let Some(u) = big_unit(c) {
            els.push(El::Big(u));
            j += 1;
        } else if c == '点'
            && matches!(els.last(), Some(El::Digit { arabic: false, .. }) | Some(El::Small(_)))
            && cn_digit(n.at(j + 1)).is_some()
        {
            let mut k = j + 1;
            let mut f = Dec::ZERO;
            while let Some(d) = cn_digit(n.at(k)) {
                f = match (f.m.checked_mul(10).and_then(|m| m.checked_add(u128::from(d))), f.s < MAX_SCALE) {
                    (Some(m), true) => Dec { m, s: f.s + 1 },
                    _ => {
                        overflow = true;
                        f
                    }
                };
                k += 1;
            }
            decimal = true;
            els.push(El::Frac(f));
            j = k;
        } else {
            break;
        }
    }
    if j == i {
        return None;
    }
    let chinese_only = !els.iter().any(|e| matches!(e, El::Digit { arabic: true, .. }));
    let digit_string = els.len() >= 2 && els.iter().all(|e| matches!(e, El::Digit { arabic: false, .. }));
    let value = if overflow {
        Err(NumErr::Overflow)
    } else if grouping {
        Err(NumErr::Grouping)
    } else {
        evaluate(&els)
    };
    Some(NumTok { start: i, end: j, value, chinese_only, decimal, dotted, arabic_digits, digit_string })
}

/// An Arabic run at `j`: digits, `,`/`，` thousands groups, one decimal part.
/// Returns (value, digits in the integer part, end, decimal, dotted, ambiguous grouping).
fn scan_arabic(n: &Norm<'_>, j: usize) -> Option<(Dec, usize, usize, bool, bool, bool)> {
    let mut k = j;
    let mut m: u128 = 0;
    let mut lead = 0;
    while let Some(d) = n.at(k).to_digit(10) {
        m = m.checked_mul(10)?.checked_add(u128::from(d))?;
        lead += 1;
        k += 1;
    }
    let mut total = lead;
    // Thousands groups: a separator then exactly three digits, when the leading group is 1–3
    // digits — `,` (and `，`, normalised to it), or a space, thin space or narrow no-break space
    // as Word users type them (「28 600人次」); one kind of separator throughout the number.
    let group_sep = |c: char| matches!(c, ',' | ' ' | '\u{2009}' | '\u{202f}');
    let sep = n.at(k);
    if lead <= 3 && group_sep(sep) {
        while n.at(k) == sep && (1..=3).all(|o| n.at(k + o).is_ascii_digit()) && !n.at(k + 4).is_ascii_digit()
        {
            for o in 1..=3 {
                m = m.checked_mul(10)?.checked_add(u128::from(n.at(k + o).to_digit(10)?))?;
            }
            total += 3;
            k += 4;
        }
    }
    // 「12,00人」, 「1,2000人」, 「1200,00」: a comma then digits that are not a thousands group
    // (a slip of the separator, or a decimal comma). Reading on after the comma would take 「00人」
    // for 0 people: the whole run is refused as ambiguous, never read in part.
    if n.at(k) == ',' && n.at(k + 1).is_ascii_digit() {
        while n.at(k) == ',' && n.at(k + 1).is_ascii_digit() {
            k += 1;
            while n.at(k).is_ascii_digit() {
                k += 1;
            }
        }
        return Some((Dec { m, s: 0 }, total, k, false, false, true));
    }
    // 「28 6000」, 「1 20」: a space then more digits that are not a thousands group. Never read a
    // fragment of it: the whole run is refused as ambiguous.
    let space_like = |c: char| matches!(c, ' ' | '\u{2009}' | '\u{202f}');
    if space_like(n.at(k)) && n.at(k + 1).is_ascii_digit() && lead <= 3 {
        while space_like(n.at(k)) && n.at(k + 1).is_ascii_digit() {
            k += 1;
            while n.at(k).is_ascii_digit() {
                k += 1;
            }
        }
        return Some((Dec { m, s: 0 }, total, k, false, false, true));
    }
    let mut s = 0;
    let mut decimal = false;
    let mut dotted = false;
    if n.at(k) == '.' && n.at(k + 1).is_ascii_digit() {
        decimal = true;
        k += 1;
        while let Some(d) = n.at(k).to_digit(10) {
            if s < MAX_SCALE {
                m = m.checked_mul(10)?.checked_add(u128::from(d))?;
                s += 1;
            } else if d != 0 {
                return None;
            }
            k += 1;
        }
        while n.at(k) == '.' && n.at(k + 1).is_ascii_digit() {
            dotted = true;
            k += 1;
            while n.at(k).is_ascii_digit() {
                k += 1;
            }
        }
    }
    Some((Dec { m, s }, total, k, decimal, dotted, false))
}

/// Evaluates a numeral by sections: digits and 十百千 build a section below 万; 万 and 亿
/// close sections. A trailing digit after a unit abbreviates (一万二 = 12000, 三千五 = 3500).
fn evaluate(els: &[El]) -> Result<Dec, NumErr> {
    use NumErr::*;
    let ov = |x: Option<Dec>| x.ok_or(Overflow);
    // Digit strings: 二〇二一 → 2021; two adjacent ascending digits (三四, 两三) are a range.
    if els.len() >= 2 && els.iter().all(|e| matches!(e, El::Digit { arabic: false, .. })) {
        let ds: Vec<u128> =
            els.iter().filter_map(|e| if let El::Digit { v, .. } = e { Some(v.m) } else { None }).collect();
        if let [a, b] = ds.as_slice() {
            if is_range_pair(*a, *b) {
                return Err(Range);
            }
        }
        let mut m: u128 = 0;
        for d in ds {
            m = m.checked_mul(10).and_then(|m| m.checked_add(d)).ok_or(Overflow)?;
        }
        return Ok(Dec::int(m));
    }
    let mut high = Dec::ZERO; // 亿 sections
    let mut wan = Dec::ZERO; // the 万 section
    let mut sec = Dec::ZERO; // below 万
    let mut cur: Option<(Dec, bool)> = None; // pending digit, arabic?
    let mut last_small: u128 = u128::MAX;
    let mut last_big: u128 = u128::MAX;
    let mut prev_unit: Option<u128> = None; // unit just before the pending digit
    let mut zero_seen = false;
    let mut anything = false;
    for (k, el) in els.iter().enumerate() {
        match *el {
            El::Digit { v, arabic } => {
                if let Some((p, p_arabic)) = cur {
                    if !arabic && !p_arabic && p.s == 0 && v.s == 0 && is_range_pair(p.m, v.m) {
                        return Err(Range);
                    }
                    return Err(Malformed);
                }
                if !arabic && v.is_zero() {
                    zero_seen = true;
                    prev_unit = None;
                    continue;
                }
                cur = Some((v, arabic));
                if k == 0 || !matches!(els.get(k - 1), Some(El::Small(_)) | Some(El::Big(_))) {
                    prev_unit = None;
                }
            }
            El::Small(u) => {
                if u >= last_small {
                    return Err(Malformed);
                }
                // 十二 = 12, 百余 = 100, 一百十 = 110: a unit without its digit counts one.
                let d = cur.take().map_or(Dec::int(1), |(d, _)| d);
                sec = ov(sec.add(ov(d.mul_int(u))?))?;
                last_small = u;
                prev_unit = Some(u);
                zero_seen = false;
            }
            El::Big(u) => {
                if u > last_big && u == 10_000 {
                    // 亿万 / 万万 read as a malformed stack (亿万 is an idiom for "countless").
                    return Err(Malformed);
                }
                let mut group = sec;
                if let Some((d, _)) = cur.take() {
                    group = ov(group.add(d))?;
                }
                if u == 10_000 {
                    if !wan.is_zero() {
                        return Err(Malformed);
                    }
                    if group.is_zero() {
                        if anything {
                            return Err(Malformed);
                        }
                        group = Dec::int(1);
                    }
                    wan = ov(group.mul_int(u))?;
                } else {
                    group = ov(group.add(wan))?;
                    if group.is_zero() && high.is_zero() {
                        if anything {
                            return Err(Malformed);
                        }
                        group = Dec::int(1);
                    }
                    high = ov(ov(high.add(group))?.mul_int(u))?;
                    wan = Dec::ZERO;
                }
                sec = Dec::ZERO;
                last_small = u128::MAX;
                last_big = u;
                prev_unit = Some(u);
                zero_seen = false;
            }
            El::Frac(f) => {
                // Integer part so far + fraction, then only 万/亿 may follow.
                let mut int = ov(high.add(wan))?;
                int = ov(int.add(sec))?;
                if let Some((d, _)) = cur.take() {
                    int = ov(int.add(d))?;
                }
                let mut v = ov(int.add(f))?;
                for rest in els.iter().skip(k + 1) {
                    match *rest {
                        El::Big(u) => v = ov(v.mul_int(u))?,
                        _ => return Err(Malformed),
                    }
                }
                return Ok(v);
            }
        }
        anything = true;
    }
    let mut total = ov(ov(high.add(wan))?.add(sec))?;
    if let Some((d, arabic)) = cur {
        // A trailing digit right after a unit abbreviates (三万五, 3万5 = 35000); Arabic digits
        // filling the unit's places add (1万2000 = 12000); fewer digits than that but more than
        // one (3万50: 30050 or 35000?) is no one number.
        let places = prev_unit.map_or(0, |u| u.ilog10());
        let digits = if d.m == 0 { 1 } else { d.m.ilog10() + 1 };
        let d = match prev_unit {
            Some(u) if !zero_seen && u >= 100 && d.s == 0 && digits == 1 => ov(d.mul_int(u / 10))?,
            Some(u) if arabic && !zero_seen && u >= 100 && (d.s != 0 || digits < places) => {
                return Err(Malformed)
            }
            _ => d,
        };
        total = ov(total.add(d))?;
    }
    Ok(total)
}

/// 三四, 七八, 一两, 两三: adjacent digits that express a range.
fn is_range_pair(a: u128, b: u128) -> bool {
    a >= 1 && b == a + 1
}

/// The standard simplified Chinese reading of `n`: 10 → 十, 12 → 十二, 105 → 一百零五,
/// 10000 → 一万, 100000000 → 一亿.
///
/// ```
/// use learning_week::text::to_chinese_numeral;
/// assert_eq!(to_chinese_numeral(0), "零");
/// assert_eq!(to_chinese_numeral(12), "十二");
/// assert_eq!(to_chinese_numeral(105), "一百零五");
/// assert_eq!(to_chinese_numeral(2300), "二千三百");
/// assert_eq!(to_chinese_numeral(10_000), "一万");
/// assert_eq!(to_chinese_numeral(100_010), "十万零一十");
/// assert_eq!(to_chinese_numeral(100_000_000), "一亿");
/// ```
pub fn to_chinese_numeral(n: u64) -> String {
    if n == 0 {
        return "零".to_owned();
    }
    // Sections of four digits, most significant first: 亿亿, 万亿, 亿, 万, (units).
    const BIG: [&str; 5] = ["", "万", "亿", "万亿", "亿亿"];
    let mut sections = Vec::new();
    let mut rest = n;
    while rest > 0 {
        sections.push((rest % 10_000) as u32);
        rest /= 10_000;
    }
    let mut out = String::new();
    let mut need_zero = false;
    for (idx, &sec) in sections.iter().enumerate().rev() {
        if sec == 0 {
            need_zero = !out.is_empty();
            continue;
        }
        if need_zero || (!out.is_empty() && sec < 1000) {
            out.push('零');
        }
        let leading = out.is_empty();
        out.push_str(&section_text(sec, leading));
        out.push_str(BIG.get(idx).copied().unwrap_or(""));
        need_zero = false;
    }
    out
}

/// One section below 万; `leading` drops the 一 of a leading 一十 (十二, not 一十二).
fn section_text(sec: u32, leading: bool) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    const UNITS: [&str; 4] = ["千", "百", "十", ""];
    let ds = [sec / 1000, sec / 100 % 10, sec / 10 % 10, sec % 10];
    let mut out = String::new();
    let mut started = false;
    let mut zero = false;
    for (k, &d) in ds.iter().enumerate() {
        if d == 0 {
            zero = started;
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        let is_ten = k == 2;
        if !(is_ten && d == 1 && leading && !started) {
            out.push(DIGITS.get(d as usize).copied().unwrap_or('零'));
        }
        out.push_str(UNITS.get(k).copied().unwrap_or(""));
        started = true;
    }
    out
}
