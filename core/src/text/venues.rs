//! 主会场及分会场数量 as written: 主会场1个，分会场12个; 1个主会场、5个分会场; 一个主会场，十二个分会场;
//! 设主会场1个、分会场若干 (the sub-venues refused as vague, the main venue still read).

use super::norm::{is_punct, Norm};
use super::numerals::is_numeral_char;
use super::quantity::{scan, Found, Quantity};
use super::{code, TextError};
use schemars::JsonSchema;
use serde::Serialize;

/// Venue counts read from text; a count that was written but could not be read is in `refused`.
///
/// ```
/// use learning_week::text::parse_venues;
/// let v = parse_venues("设主会场1个、分会场若干").unwrap();
/// assert_eq!(v.main_venues.map(|q| q.value), Some(1));
/// assert!(v.sub_venues.is_none());
/// assert_eq!(v.refused[0].code, "text.vague");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct VenuesText {
    /// 主会场数量 / main venues.
    pub main_venues: Option<Quantity>,
    /// 分会场数量 / sub-venues.
    pub sub_venues: Option<Quantity>,
    /// 未能读出的数量 / counts written but refused (若干 …).
    pub refused: Vec<TextError>,
}

const MAIN: &str = "主会场";
const SUB: &str = "分会场";

/// Reads the numbers of main and sub-venues. The number may stand before the word (1个主会场)
/// or after it (主会场1个); the first venue word decides which style the whole text uses, so
/// 主会场1个分会场12个 is not misread without punctuation. An error only when nothing was read:
/// the first refusal, else `text.no_number` (主会场+分会场, 开幕式在开发区职校成功进行).
///
/// ```
/// use learning_week::text::parse_venues;
/// let v = parse_venues("1个主会场、5个分会场").unwrap();
/// assert_eq!((v.main_venues.unwrap().value, v.sub_venues.unwrap().value), (1, 5));
/// let v = parse_venues("一个主会场，十二个分会场").unwrap();
/// assert_eq!(v.sub_venues.unwrap().value, 12);
/// assert_eq!(parse_venues("主会场+分会场").unwrap_err().code, "text.no_number");
/// // One figure for both: neither is guessed.
/// assert_eq!(parse_venues("主、分会场共13个").unwrap_err().code, "text.kind_missing");
/// ```
pub fn parse_venues(text: &str) -> Result<VenuesText, TextError> {
    crate::text::check_length(text)?;
    let n = Norm::new(text);
    // 主、分会场共13个: one figure for both, which neither row may take.
    if (0..n.len()).any(|i| {
        n.at(i) == '主' && {
            let k =
                if matches!(n.at(i + 1), ',' | '、' | '/' | '及' | '和' | '与') { i + 2 } else { i + 1 };
            n.starts_with(k, SUB)
        }
    }) {
        let words = (
            "主会场和分会场各自的数量",
            "the main venues and the sub-venues apart",
            "主会场1个、分会场12个",
            "主会场1个、分会场12个",
        );
        return Err(crate::text::quantity::kind_missing_of(&std::sync::Arc::from(text), "venues", words));
    }
    let found = scan(&n);
    let words: Vec<(usize, bool)> = (0..n.len())
        .filter_map(|i| {
            if n.starts_with(i, MAIN) {
                Some((i, true))
            } else if n.starts_with(i, SUB) {
                Some((i, false))
            } else {
                None
            }
        })
        .collect();
    let before = |i: usize| found.iter().rposition(|f| f.end <= i && gap_ok(&n, f.end, i, 4));
    let after = |i: usize| found.iter().position(|f| f.start >= i + 3 && gap_ok(&n, i + 3, f.start, 6));
    let number_first = words.first().is_some_and(|&(i, _)| before(i).is_some());
    let mut claimed = vec![false; found.len()];
    let mut main: Option<usize> = None;
    let mut sub: Option<usize> = None;
    for &(i, is_main) in &words {
        let slot = if is_main { &mut main } else { &mut sub };
        if slot.is_some() {
            continue;
        }
        let (first, second) = if number_first { (before(i), after(i)) } else { (after(i), before(i)) };
        let pick = [first, second].into_iter().flatten().find(|&p| !claimed.get(p).copied().unwrap_or(true));
        if let Some(p) = pick {
            if let Some(c) = claimed.get_mut(p) {
                *c = true;
            }
            *slot = Some(p);
        }
    }
    let mut out = VenuesText { main_venues: None, sub_venues: None, refused: Vec::new() };
    for (slot, target) in [(main, &mut out.main_venues), (sub, &mut out.sub_venues)] {
        match slot.and_then(|p| found.get(p)).map(|f: &Found| f.build(text)) {
            Some(Ok(q)) => *target = Some(q),
            Some(Err(e)) => out.refused.push(e),
            None => {}
        }
    }
    if out.main_venues.is_none() && out.sub_venues.is_none() {
        return Err(match out.refused.into_iter().next() {
            Some(e) => e,
            None => TextError::new(&code::NO_NUMBER, text, None, &[("reason", "venue_count_missing".into())]),
        });
    }
    Ok(out)
}

/// Whether chars `a..b` are a short gap inside one clause: no punctuation, no numbers, no venue word.
fn gap_ok(n: &Norm<'_>, a: usize, b: usize, max: usize) -> bool {
    b >= a
        && b - a <= max
        && (a..b).all(|k| {
            let c = n.at(k);
            (c == ':' || !is_punct(c))
                && !is_numeral_char(c)
                && !n.starts_with(k, MAIN)
                && !n.starts_with(k, SUB)
        })
}
