//! 全市区数及参与活动的数量 as written: 全市9个县区全部参与; 全区12个街道，参与活动12个; 13个县区中11个参与;
//! 68個區縣參與了此項活動; 珠海市所属香洲区、金湾区、斗门区全部参与.

use super::norm::{is_cjk, is_punct, Norm};
use super::numerals::is_numeral_char;
use super::quantity::{scan, Found, Quantity};
use super::{code, TextError};
use crate::count::{CountKind, Qualifier};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Units in the area and units that took part, as read from text.
///
/// ```
/// use learning_week::text::parse_units;
/// let u = parse_units("13个县区中11个参与").unwrap();
/// assert_eq!(u.units_total.map(|q| q.value), Some(13));
/// assert_eq!(u.units_participating.map(|q| q.value), Some(11));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UnitsText {
    /// 全市区数 / units in the area.
    pub units_total: Option<Quantity>,
    /// 参与活动的数量 / units that took part.
    pub units_participating: Option<Quantity>,
}

/// Words before a count that make it the total (全市9个县区, 共13个, 下辖12个街道).
const TOTAL_BEFORE: &[&str] = &[
    "全市",
    "全区",
    "全县",
    "全镇",
    "全乡",
    "全省",
    "全部",
    "共有",
    "共计",
    "共",
    "下辖",
    "所辖",
    "辖",
    "所属",
    "现有",
    "应参与",
    "应参加",
    "应有",
];
/// How far back (in chars) a clause is searched for 参与 before a count.
const CLAUSE_REACH: usize = 40;
/// Words after a count's noun that make it the total (13个县区中).
const TOTAL_AFTER: &[&str] = &["之中", "当中", "中"];
/// Words that mark taking part.
const TAKE_PART: &[&str] = &["参与", "参加", "举办", "开展", "组织"];
/// Words that say every unit took part.
const ALL_TOOK_PART: &[&str] = &[
    "全部参与",
    "全部参加",
    "全部举办",
    "全部开展",
    "均参与",
    "均参加",
    "均举办",
    "均开展",
    "都参与",
    "都参加",
    "全员参与",
    "悉数参与",
    "全覆盖",
    "全部",
];
/// Words after which a list of unit names starts (珠海市所属香洲区、…).
const LIST_LEAD: &[&str] = &["所属", "下辖", "所辖", "辖", "包括", "的"];
/// Endings of unit names in a list.
const UNIT_NAME_END: &[char] = &['区', '县', '市', '镇', '乡', '街', '道', '局', '园', '场'];

/// Reads units in total and units taking part.
///
/// A count is the total when 全市/全区/共/下辖/所属 stand before it or 中 follows its noun
/// (13个县区中); it is the participating count when 参与/参加/举办 follows it or precedes it
/// in its clause. 全部参与/均参与 after the total makes both equal. A list of names followed by
/// 全部参与 counts the names (3 listed districts → 3 of 3). Two unmarked counts are read in
/// the row's order (total, then participating); a single unmarked count is not guessed. A share
/// with no count (区县举办活动周占比达到了100%) is refused with `text.ratio_only`.
///
/// ```
/// use learning_week::text::parse_units;
/// let u = parse_units("全市9个县区全部参与").unwrap();
/// assert_eq!((u.units_total.unwrap().value, u.units_participating.unwrap().value), (9, 9));
/// let u = parse_units("珠海市所属香洲区、金湾区、斗门区全部参与").unwrap();
/// assert_eq!(u.units_participating.unwrap().value, 3);
/// assert_eq!(parse_units("区县举办活动周占比达到了100%").unwrap_err().code, "text.ratio_only");
/// ```
pub fn parse_units(text: &str) -> Result<UnitsText, TextError> {
    crate::text::check_length(text)?;
    let n = Norm::new(text);
    let found = scan(&n);
    let ok = |f: &Found| f.is_ok();
    let total_idx = found.iter().position(|f| ok(f) && is_total(&n, f));
    let part_idx = found
        .iter()
        .enumerate()
        .position(|(k, f)| ok(f) && Some(k) != total_idx && takes_part(&n, f, &found, k));
    // 全区4个乡镇、1个街道: the total is written as typed parts; they add up to it.
    let listed = total_idx.map(|k| enumerated(&n, &found, k)).unwrap_or_default();
    let part_idx = part_idx.filter(|p| !listed.contains(p));
    let get = |p: Option<usize>| p.and_then(|p| found.get(p)).and_then(|f| f.build(text).ok());
    let mut total = if listed.len() > 1 { sum_of(&n, &found, &listed, text) } else { get(total_idx) };
    let mut part = get(part_idx);
    if part.is_none() {
        let end = listed.last().or(total_idx.as_ref()).and_then(|p| found.get(*p)).map(|f| f.end);
        if let Some(end) = end {
            if all_after(&n, end).is_some() {
                part = total.clone();
            }
        }
    }
    if total.is_none() && part.is_none() {
        let unmarked: Vec<&Found> = found.iter().filter(|f| ok(f)).collect();
        if let [a, b] = unmarked.as_slice() {
            total = a.build(text).ok();
            part = b.build(text).ok();
        } else if let Some(q) = listed_names(&n) {
            total = Some(q.clone());
            part = Some(q);
        }
    }
    if total.is_none() && part.is_none() {
        let ratio = n.chars.contains(&'%')
            || (0..n.len()).any(|i| ["百分之", "占比", "比例", "比率"].iter().any(|w| n.starts_with(i, w)));
        if let Some(Err(e)) = found.iter().find(|f| !f.is_ok()).map(|f| f.build(text)) {
            if !ratio {
                return Err(e);
            }
        }
        return Err(if ratio {
            TextError::new(&code::RATIO_ONLY, text, None, &[("reason", "share_without_count".into())])
        } else if found.iter().any(ok) {
            TextError::new(&code::ROLE_UNKNOWN, text, None, &[])
        } else {
            super::quantity::nothing_found(&n)
        });
    }
    Ok(UnitsText { units_total: total, units_participating: part })
}

/// The counts listed with `found[k]` as typed parts of one whole (「4个乡镇、1个街道」): each
/// followed by its noun, joined by 、 (或 和/及), every one read.
fn enumerated(n: &Norm<'_>, found: &[Found], k: usize) -> Vec<usize> {
    let mut out = vec![k];
    let mut cur = k;
    while let (Some(f), Some(g)) = (found.get(cur), found.get(cur + 1)) {
        if !g.is_ok() || g.start < f.end + 2 || g.start > f.end + 9 {
            break;
        }
        let sep = n.skip_spaces_back(g.start).saturating_sub(1);
        let noun_ok = (f.end..sep).all(|x| is_cjk(n.at(x)) && !is_numeral_char(n.at(x))) && sep > f.end;
        if !noun_ok || !matches!(n.at(sep), '、' | '和' | '及') || !is_cjk(n.at(g.end)) {
            break;
        }
        out.push(cur + 1);
        cur += 1;
    }
    out
}

/// The whole of the parts `idx`: their sum, the qualifiers combined, the span over them all.
fn sum_of(n: &Norm<'_>, found: &[Found], idx: &[usize], text: &str) -> Option<Quantity> {
    let parts: Vec<Quantity> =
        idx.iter().filter_map(|p| found.get(*p)).filter_map(|f| f.build(text).ok()).collect();
    let mut whole = parts.first()?.clone();
    whole.value = parts.iter().map(|q| q.value).sum();
    whole.qualifier = parts.iter().fold(crate::count::Qualifier::Exact, |q, p| q.combine(p.qualifier));
    let last = idx.last().and_then(|p| found.get(*p))?;
    let end =
        (last.end..n.len()).find(|&x| !is_cjk(n.at(x)) || TAKE_PART.iter().any(|w| n.starts_with(x, w)));
    whole.span = n.span(found.get(*idx.first()?)?.start, end.unwrap_or(n.len()));
    Some(whole)
}

/// Whether chars `a..b` lie within one clause: no punctuation and no numbers.
fn same_clause(n: &Norm<'_>, a: usize, b: usize, max: usize) -> bool {
    b >= a && b - a <= max && (a..b).all(|k| !breaks(n.at(k)) && !is_numeral_char(n.at(k)) && n.at(k) != ' ')
}

/// Punctuation that ends a clause (a colon does not: 参与单位：12个).
fn breaks(c: char) -> bool {
    c != ':' && is_punct(c)
}

fn is_total(n: &Norm<'_>, f: &Found) -> bool {
    let k = n.skip_spaces_back(f.start);
    if TOTAL_BEFORE.iter().any(|w| n.ends_with(k, w)) {
        return true;
    }
    (f.end..f.end + 7).any(|e| same_clause(n, f.end, e, 6) && TOTAL_AFTER.iter().any(|w| n.starts_with(e, w)))
}

fn takes_part(n: &Norm<'_>, f: &Found, found: &[Found], k: usize) -> bool {
    // 68个区县参与, 11个参与: the word follows in the clause.
    let follows = (f.end..f.end + 7).any(|e| {
        same_clause(n, f.end, e, 6)
            && TAKE_PART.iter().any(|w| n.starts_with(e, w))
            && !TOTAL_AFTER.iter().any(|w| (f.end..e).any(|x| n.starts_with(x, w)))
    });
    if follows {
        return true;
    }
    // 参与活动12个: the word precedes in the clause, with no other count between.
    let clause_start = (f.start.saturating_sub(CLAUSE_REACH)..f.start)
        .rev()
        .find(|&x| breaks(n.at(x)))
        .map_or(f.start.saturating_sub(CLAUSE_REACH), |x| x + 1);
    let prev_end = k.checked_sub(1).and_then(|p| found.get(p)).map_or(0, |p| p.end);
    let from = clause_start.max(prev_end);
    (from..f.start).any(|x| TAKE_PART.iter().any(|w| n.starts_with(x, w)))
}

fn all_after(n: &Norm<'_>, from: usize) -> Option<usize> {
    let clause_end = (from..n.len()).find(|&x| matches!(n.at(x), ';' | '。')).unwrap_or(n.len());
    (from..clause_end).find(|&x| ALL_TOOK_PART.iter().any(|w| n.starts_with(x, w)))
}

/// 香洲区、金湾区、斗门区全部参与: the names listed before 全部参与, counted.
fn listed_names(n: &Norm<'_>) -> Option<Quantity> {
    let p = all_after(n, 0)?;
    let clause_start = (0..p).rev().find(|&x| matches!(n.at(x), ',' | ';' | '。' | ':')).map_or(0, |x| x + 1);
    let lead = (clause_start..p)
        .rev()
        .find_map(|x| LIST_LEAD.iter().find(|w| n.ends_with(x, w)).map(|_| x))
        .unwrap_or(clause_start);
    let start = n.skip_spaces(lead);
    let items: Vec<String> = n.text(start, p).split('、').map(|s| s.trim().to_owned()).collect();
    let named = items.iter().all(|s| s.chars().last().is_some_and(|c| UNIT_NAME_END.contains(&c)));
    if items.len() < 2 || !named {
        return None;
    }
    Some(Quantity {
        value: items.len() as u64,
        qualifier: Qualifier::Exact,
        unit: None,
        kind: CountKind::Unspecified,
        source: std::sync::Arc::from(n.src),
        span: n.span(start, p),
    })
}
