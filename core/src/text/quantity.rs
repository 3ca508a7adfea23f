//! Counts as written: 671场, 约3.5万人次, 115萬余人, 50余万, 百余人, 近两千名, 3,500人.

use super::norm::{is_cjk, is_punct, Norm};
use super::numerals::{big_unit, is_numeral_char, scan_numeral, small_unit, Dec, NumErr, NumTok};
use super::{code, Span, TextError};
use crate::count::{Count, CountKind, Qualifier};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::sync::Arc;

/// The largest count a text may give: the same limit as a JSON count field (10^12).
///
/// ```
/// use learning_week::text::{parse_quantity, MAX_VALUE};
/// assert_eq!(MAX_VALUE, 1_000_000_000_000);
/// assert_eq!(parse_quantity("一万亿").unwrap().value, MAX_VALUE);
/// assert_eq!(parse_quantity("10万亿人").unwrap_err().code, "text.too_large");
/// ```
pub const MAX_VALUE: u64 = 1_000_000_000_000;

/// A count read from text, with its qualifier, unit as written, kind, the whole text and the
/// span of the phrase read.
///
/// ```
/// use learning_week::text::parse_quantity;
/// use learning_week::{CountKind, Qualifier};
/// let q = parse_quantity("参与市民超过350万人次").unwrap();
/// assert_eq!(q.value, 3_500_000);
/// assert_eq!(q.qualifier, Qualifier::AtLeast);
/// assert_eq!(q.unit.as_deref(), Some("人次"));
/// assert_eq!(q.kind, CountKind::PersonTimes);
/// assert_eq!(q.phrase(), "超过350万人次");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Quantity {
    /// 数值 / the number, after 万/亿.
    pub value: u64,
    /// 限定词 / how precise it is.
    pub qualifier: Qualifier,
    /// 单位 / the unit word as written (人次, 場 …).
    pub unit: Option<String>,
    /// 类别 / what the unit counts.
    pub kind: CountKind,
    /// 原文 / the whole text parsed (shared by every quantity [`find_quantities`] finds in it).
    pub source: Arc<str>,
    /// 位置 / the phrase read (qualifier, number, unit).
    pub span: Span,
}

impl Quantity {
    /// The phrase read (`约3.5万人次`), as written.
    ///
    /// ```
    /// let q = learning_week::text::parse_quantity("现场一千余人驻足学习欣赏").unwrap();
    /// assert_eq!(q.phrase(), "一千余人");
    /// ```
    pub fn phrase(&self) -> &str {
        self.span.of(&self.source)
    }

    /// The [`Count`] this quantity fills; its `source` is the phrase read.
    ///
    /// ```
    /// use learning_week::Qualifier;
    /// let c = learning_week::text::parse_quantity("全市共举办活动671场,总计52965人次").unwrap().to_count();
    /// assert_eq!((c.value, c.qualifier), (671, Qualifier::Exact));
    /// assert_eq!(c.unit.as_deref(), Some("场"));
    /// assert_eq!(c.source.as_deref(), Some("671场"));
    /// ```
    pub fn to_count(&self) -> Count {
        Count {
            value: self.value,
            qualifier: self.qualifier,
            unit: self.unit.clone(),
            source: Some(self.phrase().to_owned()),
        }
    }
}

/// Reads the first count in `text`.
///
/// Qualifiers: 约/大约/左右/上下/近/将近/接近/来 → approx; 余/多/超过/逾/以上/不少于/至少 → at least;
/// 不到/不足/以内/以下/低于 → at most; stacked contradicting words (近10余万) → approx.
/// 达/共/总计/多达/累计 are not qualifiers. Numbers followed by 年/月/日/时/岁/% …, ordinals (第三届),
/// and dates are not counts and are skipped. Chinese numerals count only when a unit follows or
/// they stand alone (so 百姓, 统一, 十分满意 are not numbers).
///
/// ```
/// use learning_week::text::parse_quantity;
/// use learning_week::Qualifier;
/// let q = parse_quantity("50余万人").unwrap();
/// assert_eq!((q.value, q.qualifier), (500_000, Qualifier::AtLeast));
/// assert_eq!(parse_quantity("近10余万人次").unwrap().qualifier, Qualifier::Approx);
/// assert_eq!(parse_quantity("多达3200多项").unwrap().value, 3200);
/// assert_eq!(parse_quantity("3.55万").unwrap().value, 35_500);
/// assert_eq!(parse_quantity("1.23456万").unwrap_err().code, "text.not_integer");
/// assert_eq!(parse_quantity("赢得了市民的广泛好评").unwrap_err().code, "text.no_number");
/// ```
pub fn parse_quantity(text: &str) -> Result<Quantity, TextError> {
    crate::text::check_length(text)?;
    let n = Norm::new(text);
    match scan(&n).into_iter().next() {
        Some(f) => f.build(text),
        None => Err(nothing_found(&n)),
    }
}

/// Every count in `text`, in order; vague or unreadable ones as errors in their place. A text
/// longer than [`super::MAX_TEXT_CHARS`] is one `row.too_long`.
///
/// ```
/// use learning_week::text::find_quantities;
/// let all = find_quantities("共组织大型活动40余项,参与市民成千上万");
/// assert_eq!(all.len(), 2);
/// assert_eq!(all[0].as_ref().map(|q| q.value), Ok(40));
/// assert_eq!(all[1].as_ref().map_err(|e| e.code.as_str()), Err("text.vague"));
/// ```
pub fn find_quantities(text: &str) -> Vec<Result<Quantity, TextError>> {
    if let Err(e) = crate::text::check_length(text) {
        return vec![Err(e)];
    }
    // One copy of the text for all the results, not one each (a long text full of numbers
    // would otherwise cost its length times the number of findings).
    let shared: Arc<str> = Arc::from(text);
    scan(&Norm::new(text)).iter().map(|f| f.build_shared(&shared)).collect()
}

/// Reads the first count of `kind` in `text` (the first error of that kind if it comes first).
///
/// For 参加活动人数 people and person-times both answer: asking for [`CountKind::People`] or
/// [`CountKind::PersonTimes`] returns the first of the asked kind, else the first of the other
/// (the result's `kind` says which it is; the two are never added together).
///
/// ```
/// use learning_week::text::parse_quantity_of_kind;
/// use learning_week::CountKind;
/// let text = "每年开展30余场社区教育主题活动,参加活动的社区居民约2000人次";
/// assert_eq!(parse_quantity_of_kind(text, CountKind::PersonTimes).unwrap().value, 2000);
/// assert_eq!(parse_quantity_of_kind(text, CountKind::People).unwrap().kind, CountKind::PersonTimes);
/// assert_eq!(parse_quantity_of_kind(text, CountKind::Events).unwrap().value, 30);
/// // Figures, but none of the asked kind: `text.kind_missing`; no figure at all: `text.no_number`.
/// assert_eq!(parse_quantity_of_kind(text, CountKind::Items).unwrap_err().code, "text.kind_missing");
/// assert_eq!(parse_quantity_of_kind("圆满成功", CountKind::Items).unwrap_err().code, "text.no_number");
/// ```
pub fn parse_quantity_of_kind(text: &str, kind: CountKind) -> Result<Quantity, TextError> {
    crate::text::check_length(text)?;
    let n = Norm::new(text);
    let found = scan(&n);
    let alternative = match kind {
        CountKind::People => Some(CountKind::PersonTimes),
        CountKind::PersonTimes => Some(CountKind::People),
        _ => None,
    };
    let pick = found
        .iter()
        .position(|f| f.kind == kind)
        .or_else(|| alternative.and_then(|alt| found.iter().position(|f| f.kind == alt)));
    match pick.and_then(|p| found.get(p)) {
        Some(f) => f.build(text),
        None if found.is_empty() => Err(nothing_found(&n)),
        None => Err(kind_missing(&std::sync::Arc::from(text), kind)),
    }
}

/// The refusal of a text whose figures do not say they count `kind` (a bare 1500 as
/// participants, 300人 asked as items): `text.kind_missing`, with the words its message needs.
///
/// ```
/// use learning_week::{text::parse_quantity_of_kind, CountKind};
/// let e = parse_quantity_of_kind("1500", CountKind::People).unwrap_err();
/// assert_eq!((e.code.as_str(), e.params["kind"].as_str()), ("text.kind_missing", Some("people")));
/// assert!(e.message.contains("人数还是人次") && e.message_en.contains("人次"));
/// assert_eq!(parse_quantity_of_kind("赢得好评", CountKind::People).unwrap_err().code, "text.no_number");
/// ```
pub(crate) fn kind_missing(source: &std::sync::Arc<str>, kind: CountKind) -> TextError {
    let words = match kind {
        CountKind::People | CountKind::PersonTimes => {
            ("人数还是人次", "people (人) or person-times (人次)", "1500人 或 1500人次", "1500人 or 1500人次")
        }
        CountKind::Events => ("场次（场、次、期）", "events (场, 次, 期)", "12场", "12场"),
        CountKind::Items => ("个数（项、个、所……）", "items (项, 个, 所 …)", "5个", "5个"),
        CountKind::Unspecified => ("本栏的量", "what the row counts", "1200人", "1200人"),
    };
    kind_missing_of(source, kind.as_str(), words)
}

/// [`kind_missing`] for a kind named `kind` (`"percent"` for a satisfaction's bare 98), its
/// message's words: what it is (zh, en) and an example written right (zh, en).
pub(crate) fn kind_missing_of(
    source: &std::sync::Arc<str>,
    kind: &str,
    (kind_zh, kind_en, example, example_en): (&str, &str, &str, &str),
) -> TextError {
    TextError::new_shared(
        &code::KIND_MISSING,
        source,
        None,
        &[
            ("reason", "kind_missing".into()),
            ("kind", kind.into()),
            ("kind_zh", kind_zh.into()),
            ("kind_en", kind_en.into()),
            ("example", example.into()),
            ("example_en", example_en.into()),
        ],
    )
}

/// A count (or a refusal) found at chars `start..end` of the normalised text. It holds no copy
/// of the text: the [`Quantity`] or [`TextError`] (which carry the whole text) are built only
/// for the items returned, so scanning stays linear on long texts.
pub(crate) struct Found {
    pub item: Result<Core, Refusal>,
    pub kind: CountKind,
    pub start: usize,
    pub end: usize,
}

/// A count read, without its source text.
pub(crate) struct Core {
    value: u64,
    qualifier: Qualifier,
    unit: Option<String>,
    span: Span,
}

/// A refusal, without its source text and messages.
pub(crate) struct Refusal {
    code: &'static crate::catalog::Rule,
    span: Span,
    params: Vec<(&'static str, Value)>,
}

impl Refusal {
    fn new(code: &'static crate::catalog::Rule, span: Span, params: Vec<(&'static str, Value)>) -> Refusal {
        Refusal { code, span, params }
    }
}

impl Found {
    pub fn is_ok(&self) -> bool {
        self.item.is_ok()
    }

    /// The quantity or error, for the text `src` it was scanned from.
    pub fn build(&self, src: &str) -> Result<Quantity, TextError> {
        self.build_shared(&Arc::from(src))
    }

    /// [`Found::build`] with the text already shared.
    pub fn build_shared(&self, src: &Arc<str>) -> Result<Quantity, TextError> {
        match &self.item {
            Ok(c) => Ok(Quantity {
                value: c.value,
                qualifier: c.qualifier,
                unit: c.unit.clone(),
                kind: self.kind,
                source: Arc::clone(src),
                span: c.span,
            }),
            Err(r) => Err(TextError::new_shared(r.code, src, Some(r.span), &r.params)),
        }
    }
}

/// The error when a text holds no count: vague when it only says 大量/许多/众多, else no number.
pub(crate) fn nothing_found(n: &Norm<'_>) -> TextError {
    let soft = (0..n.len()).find_map(|i| n.match_at(i, SOFT_VAGUE).map(|w| (i, w.chars().count())));
    if n.chars.iter().any(|c| c.is_ascii_digit()) {
        return TextError::new(&code::NO_NUMBER, n.src, None, &[]);
    }
    match soft {
        Some((i, len)) if !n.starts_with(i + len, "于") => {
            TextError::new(&code::VAGUE, n.src, Some(n.span(i, i + len)), &[("reason", "vague_word".into())])
        }
        _ => TextError::new(&code::NO_NUMBER, n.src, None, &[]),
    }
}

/// Words that say "many" without a magnitude; refused only when the text has no count at all.
const SOFT_VAGUE: &[&str] = &["大量", "许多", "众多", "无数", "不少", "大批", "很多"];

/// Vague phrases with a magnitude, refused where they stand.
const VAGUE_PHRASES: &[&str] = &[
    "成千上万",
    "成百上千",
    "成千上百",
    "成千成万",
    "成百成千",
    "千千万万",
    "成千累万",
    "千家万户",
    "数以万计",
    "数以千计",
    "数以百计",
    "数以十计",
    "数以亿计",
    "不计其数",
    "若干",
    "好几",
    "万人空巷",
];

/// Chars after which 数 belongs to a word (人数, 次数, 总数 …) rather than meaning "several".
const SHU_WORD_BEFORE: &str = "人次总场户件项个半少多参分岁位指倍天家所校系函变基页字票名点";

/// Qualifiers before the number, longest first.
const PREFIX: &[(&str, Qualifier)] = &[
    // Signs as typed online (≥2000人, >=2000人, ≤2000人); > and < are a bound too, the figure
    // itself not reached, which no qualifier says more exactly.
    (">=", Qualifier::AtLeast),
    ("<=", Qualifier::AtMost),
    ("≥", Qualifier::AtLeast),
    ("⩾", Qualifier::AtLeast),
    ("≧", Qualifier::AtLeast),
    ("≤", Qualifier::AtMost),
    ("⩽", Qualifier::AtMost),
    ("≦", Qualifier::AtMost),
    (">", Qualifier::AtLeast),
    ("<", Qualifier::AtMost),
    ("不少于", Qualifier::AtLeast),
    ("不低于", Qualifier::AtLeast),
    ("不超过", Qualifier::AtMost),
    ("不多于", Qualifier::AtMost),
    ("不高于", Qualifier::AtMost),
    ("将近", Qualifier::Approx),
    ("接近", Qualifier::Approx),
    ("大约", Qualifier::Approx),
    ("大概", Qualifier::Approx),
    ("超过", Qualifier::AtLeast),
    ("超出", Qualifier::AtLeast),
    ("多于", Qualifier::AtLeast),
    ("高于", Qualifier::AtLeast),
    ("至少", Qualifier::AtLeast),
    ("至多", Qualifier::AtMost),
    ("最少", Qualifier::AtLeast),
    ("不下", Qualifier::AtLeast),
    ("不到", Qualifier::AtMost),
    ("不足", Qualifier::AtMost),
    ("低于", Qualifier::AtMost),
    ("少于", Qualifier::AtMost),
    ("最多", Qualifier::AtMost),
    ("约", Qualifier::Approx),
    ("近", Qualifier::Approx),
    ("逾", Qualifier::AtLeast),
    ("超", Qualifier::AtLeast),
];

/// Chars before a one-char prefix that make it part of another word (节约, 最近, 高超 …).
fn prefix_blocked(word: &str, before: char) -> bool {
    match word {
        "约" => "节制签预邀相特契公条合履践".contains(before),
        "近" => "最附亲邻远靠贴".contains(before),
        "超" => "高赶".contains(before),
        _ => false,
    }
}

/// Words between a qualifier and its number that change nothing (约有, 超过了, 达到).
const FILLERS: &[&str] = &["达到", "达", "有", "了", "计", "为"];

/// Qualifiers after the number or unit, longest first.
const SUFFIX: &[(&str, Qualifier)] = &[
    // 2000人次（约）: the qualifier put in brackets after the figure.
    ("(约)", Qualifier::Approx),
    ("（约）", Qualifier::Approx),
    ("以上", Qualifier::AtLeast),
    ("有余", Qualifier::AtLeast),
    ("以下", Qualifier::AtMost),
    ("以内", Qualifier::AtMost),
    ("之内", Qualifier::AtMost),
    ("不到", Qualifier::AtMost),
    ("左右", Qualifier::Approx),
    ("上下", Qualifier::Approx),
    ("之多", Qualifier::Exact),
];

/// Words after a number that make it a date, time, age, duration or ratio, not a count.
const NOT_COUNT_UNITS: &[&str] = &[
    "个半小时",
    "个小时",
    "个星期",
    "个工作日",
    "个半月",
    "个月",
    "期间",
    "小时",
    "工作日",
    "星期",
    "周岁",
    "世纪",
    "年代",
    "年度",
    "分钟",
    "年",
    "月",
    "日",
    "号",
    "时",
    "点",
    "分",
    "秒",
    "周",
    "天",
    "岁",
    "倍",
    "成",
    "%",
    "‰",
];

/// Unit words of counts (normalised), longest first.
const COUNT_UNITS: &[&str] = &[
    "人次", "场次", "课时", "学时", "人", "名", "位", "户", "场", "次", "期", "届", "轮", "项", "个", "所",
    "块", "家", "处", "件", "篇", "条", "张", "类", "支", "幅", "份", "册", "本", "门", "节", "堂", "批",
    "组", "队", "种", "座", "间", "套", "首", "台", "元", "辆", "棵", "株", "枚", "盏", "段", "部", "帧",
];

enum Unit {
    /// A count's unit: its length in chars and the kind it counts.
    Count(usize, CountKind),
    NotCount(usize),
}

fn unit_at(n: &Norm<'_>, i: usize) -> Option<Unit> {
    if let Some(w) = n.match_at(i, NOT_COUNT_UNITS) {
        return Some(Unit::NotCount(w.chars().count()));
    }
    let w = n.match_at(i, COUNT_UNITS)?;
    // 人/次, 人·次, 人 次, 人（次）: person-times written apart, never people.
    let apart = if w == "人" { person_times_apart(n, i + 1) } else { 0 };
    let kind = if apart > 0 { CountKind::PersonTimes } else { CountKind::from_unit(w) };
    Some(Unit::Count(w.chars().count() + apart, kind))
}

/// Whether a minus sign (-, －, −, 负) stands right before char `start` with no word or number
/// before it (so not a range such as 200-300, nor a name such as COVID-19): the count or
/// percentage starting there is negative.
pub(crate) fn minus_before(n: &Norm<'_>, start: usize) -> bool {
    start >= 1
        && matches!(n.before(start), '-' | '－' | '−' | '负')
        && matches!(
            n.before(start - 1),
            '\0' | ' ' | '\u{3000}' | '，' | ',' | '、' | '：' | ':' | '（' | '(' | '；' | ';' | '='
        )
}

/// How many chars at `i`, right after a 人, make it 人次 written apart (`/次`, `·次`, ` 次`,
/// `（次）`); 0 when they do not.
fn person_times_apart(n: &Norm<'_>, i: usize) -> usize {
    match (n.at(i), n.at(i + 1), n.at(i + 2)) {
        // …but not 人 次日 (the next day).
        (s, '次', after) if crate::count::PERSON_TIMES_SEPARATORS.contains(&s) && after != '日' => 2,
        ('(' | '（', '次', ')' | '）') => 3,
        _ => 0,
    }
}

/// The first figure of `text` that is no count: a number followed by a unit of time, age or
/// share (7天, 3小时, 65岁, 85%), or 百分之…; dates too (they are no count either).
pub(crate) fn other_measure(n: &Norm<'_>) -> Option<Span> {
    let mut i = 0;
    while i < n.len() {
        if n.starts_with(i, "百分之") {
            let end = scan_numeral(n, i + 3).map_or(i + 3, |t| t.end);
            return Some(n.span(i, end));
        }
        if let Some(t) = scan_numeral(n, i) {
            let mut k = n.skip_spaces(t.end);
            if matches!(n.at(k), '余' | '多') {
                k += 1;
            }
            if let Some(Unit::NotCount(len)) = unit_at(n, k) {
                return Some(n.span(t.start, k + len));
            }
            i = t.end.max(i + 1);
            continue;
        }
        i += 1;
    }
    None
}

/// Chars before a lone 一 that make it part of a word (统一, 唯一, 第一 …).
const YI_WORD_BEFORE: &str = "统唯逐之同万专划单均合进第其某任这那每若如归";

/// Chars that may stand right before a Chinese numeral with no unit (共二十三, 为一百).
const NUMERAL_LEAD: &str = "共达计有为是至及与和约近余逾到超过足于：:";

/// Scans the whole text for counts.
pub(crate) fn scan(n: &Norm<'_>) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < n.len() {
        if let Some(end) = vague_at(n, i) {
            push_vague(n, &mut out, i, end, "vague_word");
            i = end.max(i + 1);
            continue;
        }
        let c = n.at(i);
        if c == '第' {
            // 第三届, 第1-3名: ordinals, with the range they may open.
            i = scan_numeral(n, i + 1).map_or(i + 1, |t| t.end);
            if matches!(n.at(i), '-' | '至' | '到') {
                i = scan_numeral(n, i + 1).map_or(i, |t| t.end);
            }
            continue;
        }
        if is_numeral_char(c) || super::numerals::daxie_at(n, i) {
            if let Some(t) = scan_numeral(n, i) {
                i = phrase(n, &t, &mut out).max(i + 1);
                continue;
            }
        }
        i += 1;
    }
    out
}

/// End of a vague phrase starting at `i`.
fn vague_at(n: &Norm<'_>, i: usize) -> Option<usize> {
    if let Some(w) = n.match_at(i, VAGUE_PHRASES) {
        return Some(i + w.chars().count());
    }
    let c = n.at(i);
    let next = n.at(i + 1);
    let units_after = |mut k: usize| {
        while small_unit(n.at(k)).is_some() || big_unit(n.at(k)).is_some() {
            k += 1;
        }
        k
    };
    let magnitude = small_unit(next).is_some() || big_unit(next).is_some();
    match c {
        '数' if magnitude && !SHU_WORD_BEFORE.contains(n.before(i)) => Some(units_after(i + 1)),
        '几' if magnitude => Some(units_after(i + 1)),
        '几' if matches!(unit_at(n, i + 1), Some(Unit::Count(..))) => Some(i + 1),
        '上' if magnitude && next != '十' && !"以线网马晚早北向往".contains(n.before(i)) => {
            Some(units_after(i + 1))
        }
        _ => None,
    }
}

/// Records a vague phrase `start..end`, extended over a following 余/多 and unit.
fn push_vague(n: &Norm<'_>, out: &mut Vec<Found>, start: usize, end: usize, reason: &str) {
    let mut e = n.skip_spaces(end);
    if matches!(n.at(e), '余' | '多') {
        e += 1;
    }
    let (e, kind) = match unit_at(n, e) {
        Some(Unit::Count(len, kind)) => (e + len, kind),
        _ => (end, CountKind::Unspecified),
    };
    let err = Refusal::new(&code::VAGUE, n.span(start, e), vec![("reason", reason.to_owned().into())]);
    out.push(Found { item: Err(err), kind, start, end: e });
}

/// Reads the phrase around numeral `t`; pushes what it finds and returns where to resume.
fn phrase(n: &Norm<'_>, t: &NumTok, out: &mut Vec<Found>) -> usize {
    let mut j = t.end;
    // 百分之… is a percentage.
    if n.at(t.start) == '百' && t.end == t.start + 1 && n.starts_with(j, "分之") {
        return scan_numeral(n, j + 2).map_or(j + 2, |t2| t2.end);
    }
    // 1.2w人次, 3k人, 2W+: w for 万 and k for 千 as typed online, when a count's unit (or 余,
    // 多, +) follows — so 4K视频 and 5G stay codes.
    let abbreviated = match n.at(j) {
        'w' | 'W' => Some(10_000),
        'k' | 'K' => Some(1_000),
        _ => None,
    }
    .filter(|_| {
        !t.chinese_only
            && !n.before(t.start).is_ascii_alphabetic()
            && (matches!(n.at(j + 1), '+' | '余' | '多')
                || matches!(unit_at(n, j + 1), Some(Unit::Count(..))))
    });
    // Dates and versions (2021.11.22, 2021-11-22, 2021/11/22), codes such as G20 or 5G.
    if t.dotted
        || n.before(t.start).is_ascii_alphabetic()
        || (n.at(j).is_ascii_alphabetic() && abbreviated.is_none())
    {
        return skip_digits_and_seps(n, j);
    }
    if !t.chinese_only
        && t.arabic_digits == 4
        && matches!(n.at(j), '-' | '/' | '.')
        && n.at(j + 1).is_ascii_digit()
        && !count_range_after(n, j + 1)
    {
        return skip_digits_and_seps(n, j);
    }
    // Clock times (9:30).
    if !t.chinese_only && n.at(j) == ':' && n.at(j + 1).is_ascii_digit() {
        return skip_digits_and_seps(n, j + 1);
    }
    // A minus sign before the number (「-3」, 「－3张」) where no word or number precedes it (so
    // not a range such as 200-300, nor a name such as COVID-19): a count is never negative.
    // 负5人 too. The refusal carries the unit's kind (-100人 is a count of people refused, not a
    // figure of no kind) and its span the unit.
    if minus_before(n, t.start) {
        let mut end = j;
        let mut kind = CountKind::Unspecified;
        let k = n.skip_spaces(j);
        let k = if matches!(n.at(k), '余' | '多') { k + 1 } else { k };
        if let Some(Unit::Count(len, unit_kind)) = unit_at(n, k) {
            kind = unit_kind;
            end = k + len;
        }
        let err = Refusal::new(&crate::catalog::structural::COUNT_NEGATIVE, n.span(t.start - 1, end), vec![]);
        out.push(Found { item: Err(err), kind, start: t.start - 1, end });
        return end;
    }
    // A lost character next to a number (1?00人): its value cannot be known.
    if n.before(t.start) == '?' || n.at(j) == '?' || n.at(j) == '\u{fffd}' {
        let mut e = j;
        while n.at(e) == '?' || n.at(e) == '\u{fffd}' || is_numeral_char(n.at(e)) {
            e += 1;
        }
        let start = if n.before(t.start) == '?' { t.start - 1 } else { t.start };
        let err =
            Refusal::new(&code::NUMBER_MALFORMED, n.span(start, e), vec![("reason", "lost_char".into())]);
        out.push(Found { item: Err(err), kind: CountKind::Unspecified, start, end: e });
        return e;
    }
    // 十几人, 二十几个: a vague count.
    if n.at(j) == '几' {
        push_vague(n, out, t.start, vague_at(n, j).unwrap_or(j + 1), "vague_word");
        return out.last().map_or(j + 1, |f| f.end);
    }
    let mut value = t.value;
    let mut qualifier = Qualifier::Exact;
    let mut marked = false;
    let mut multiplied = false;
    if let Some(u) = abbreviated {
        value = value.and_then(|v| v.mul_int(u).ok_or(NumErr::Overflow));
        multiplied = true;
        j += 1;
    }
    let k = n.skip_spaces(j);
    if matches!(n.at(k), '余' | '多') {
        qualifier = Qualifier::AtLeast;
        marked = true;
        j = k + 1;
        // 50余万, 10余万, 一千多万: the multiplier comes after 余.
        while let Some(u) = small_unit(n.at(j)).or_else(|| big_unit(n.at(j))) {
            value = value.and_then(|v| v.mul_int(u).ok_or(NumErr::Overflow));
            multiplied = true;
            j += 1;
        }
    } else if n.at(k) == '来' && matches!(unit_at(n, k + 1), Some(Unit::Count(..))) {
        qualifier = Qualifier::Approx;
        marked = true;
        j = k + 1;
    }
    let k = n.skip_spaces(j);
    // The unit's span and kind.
    let mut unit = None;
    match unit_at(n, k) {
        Some(Unit::NotCount(len)) => return k + len,
        Some(Unit::Count(len, kind)) => {
            unit = Some((k, k + len, kind));
            j = k + len;
        }
        None => {}
    }
    let mut end = j;
    let k = n.skip_spaces(j);
    if let Some((w, q)) = SUFFIX.iter().find(|(w, _)| n.starts_with(k, w)) {
        qualifier = qualifier.combine(*q);
        marked = true;
        end = k + w.chars().count();
    } else if n.at(j) == '+' && !is_numeral_char(n.at(j + 1)) {
        // 10万+ : at least (but 1+5个 is a sum, left alone); 10万+人次: the unit after the plus.
        qualifier = qualifier.combine(Qualifier::AtLeast);
        marked = true;
        end = j + 1;
        if let (None, Some(Unit::Count(len, kind))) = (unit, unit_at(n, j + 1)) {
            unit = Some((j + 1, j + 1 + len, kind));
            end = j + 1 + len;
        }
    }
    let (pq, start) = prefix_qualifier(n, t.start);
    let prefixed = start != t.start;
    qualifier = pq.combine(qualifier);

    if t.chinese_only {
        let lone_yi = t.end == t.start + 1 && n.at(t.start) == '一';
        if lone_yi && YI_WORD_BEFORE.contains(n.before(t.start)) {
            return t.end;
        }
        if unit.is_none() && !marked {
            let b = n.before(start);
            let lead_ok = prefixed || b == '\0' || !is_cjk(b) || NUMERAL_LEAD.contains(b);
            let a = n.at(end);
            let tail_ok = a == '\0' || !is_cjk(a) || is_punct(a);
            if !(lead_ok && tail_ok) {
                return t.end;
            }
        }
    }
    // A range (200-300人, 200至300人) is vague; a range of days (25-31日) is a date.
    let k = n.skip_spaces(end);
    if matches!(n.at(k), '-' | '至' | '到') {
        if let Some(t2) = scan_numeral(n, n.skip_spaces(k + 1)) {
            let mut e2 = n.skip_spaces(t2.end);
            if matches!(n.at(e2), '余' | '多') {
                e2 += 1;
            }
            match unit_at(n, e2) {
                Some(Unit::NotCount(len)) => return e2 + len,
                Some(Unit::Count(len, _)) => e2 += len,
                None => e2 = t2.end,
            }
            push_vague(n, out, start, e2, "range");
            return e2;
        }
    }

    // A decimal with no multiplier and no unit (9.30, 2.0) is not a count.
    let has_multiplier = multiplied
        || n.chars
            .get(t.start..t.end)
            .is_some_and(|cs| cs.iter().any(|c| small_unit(*c).is_some() || big_unit(*c).is_some()));
    if t.decimal && !has_multiplier && unit.is_none() && !marked && !prefixed {
        return end;
    }

    let span = n.span(start, end);
    let kind = unit.map_or(CountKind::Unspecified, |(_, _, kind)| kind);
    let item = match value {
        Err(NumErr::Range) => Err(Refusal::new(&code::VAGUE, span, vec![("reason", "range".into())])),
        Err(NumErr::Overflow) => Err(too_large(span)),
        Err(e @ (NumErr::Malformed | NumErr::Grouping)) => {
            let reason = e.malformed_reason().unwrap_or_default();
            Err(Refusal::new(&code::NUMBER_MALFORMED, span, vec![("reason", reason.into())]))
        }
        Ok(d) => to_value(d, span).map(|value| Core {
            value,
            qualifier,
            unit: unit.map(|(a, b, _)| n.slice(a, b).to_owned()),
            span,
        }),
    };
    out.push(Found { item, kind, start, end });
    end
}

fn too_large(span: Span) -> Refusal {
    Refusal::new(&code::TOO_LARGE, span, vec![("max", MAX_VALUE.into())])
}

/// An exact decimal as a count: an integer no larger than [`MAX_VALUE`].
fn to_value(d: Dec, span: Span) -> Result<u64, Refusal> {
    match d.to_int() {
        Ok(v) => match u64::try_from(v) {
            Ok(v) if v <= MAX_VALUE => Ok(v),
            _ => Err(too_large(span)),
        },
        Err(()) => Err(Refusal::new(
            &code::NOT_INTEGER,
            span,
            vec![("value", Value::String(d.to_text())), ("reason", "fraction".into())],
        )),
    }
}

/// The qualifier written before the number starting at `start` and where the phrase starts.
pub(crate) fn prefix_qualifier(n: &Norm<'_>, start: usize) -> (Qualifier, usize) {
    let mut k = n.skip_spaces_back(start);
    for _ in 0..2 {
        match FILLERS.iter().find(|w| n.ends_with(k, w)) {
            Some(w) => k = n.skip_spaces_back(k - w.chars().count()),
            None => break,
        }
    }
    for (w, q) in PREFIX {
        let len = w.chars().count();
        if n.ends_with(k, w) && !prefix_blocked(w, n.before(k - len)) {
            return (*q, k - len);
        }
    }
    (Qualifier::Exact, start)
}

/// Qualifier written after a number or `%` at `k` (以上, 左右 …), with the chars it takes.
pub(crate) fn suffix_qualifier(n: &Norm<'_>, k: usize) -> Option<(Qualifier, usize)> {
    SUFFIX.iter().find(|(w, _)| n.starts_with(k, w)).map(|(w, q)| (*q, w.chars().count()))
}

/// Whether the Arabic digits at `i`, after a four-digit figure and a dash, end a range of
/// counts (3000-4000人, 2000~3000人次: a count's unit after them) rather than a date (2021-11-22).
fn count_range_after(n: &Norm<'_>, i: usize) -> bool {
    let mut k = i;
    while n.at(k).is_ascii_digit() {
        k += 1;
    }
    let k = n.skip_spaces(k);
    let k = if matches!(n.at(k), '余' | '多') { k + 1 } else { k };
    n.at(i - 1) == '-' && matches!(unit_at(n, k), Some(Unit::Count(..)))
}

fn skip_digits_and_seps(n: &Norm<'_>, mut j: usize) -> usize {
    while n.at(j).is_ascii_digit()
        || (matches!(n.at(j), '-' | '/' | '.' | ':') && n.at(j + 1).is_ascii_digit())
    {
        j += 1;
    }
    j
}
