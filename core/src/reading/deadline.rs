//! 报送截止时间 as written: 12月5日前 (a date), 12月上旬 (ten days), 2025年12月 (a month),
//! 启动仪式后一个月内 (relative to an event), 另行通知 (not given yet).

use crate::notice::{DeadlineKind, DeadlineTerm};
use chrono::NaiveDate;

/// A deadline read from the words after 「于」 / 「在」 / 「截止」.
#[derive(Debug, PartialEq)]
pub(crate) enum Deadline {
    Date(NaiveDate),
    Term(DeadlineTerm),
}

/// Reads the number at the start of `s` (ASCII or full-width digits), with its length in bytes.
fn number(s: &str) -> Option<(u32, usize)> {
    let mut n: u32 = 0;
    let mut len = 0;
    for c in s.chars() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => break,
        };
        n = n.checked_mul(10)?.checked_add(d)?;
        len += c.len_utf8();
    }
    (len > 0).then_some((n, len))
}

fn last_day(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

/// Reads the deadline in `phrase` (the words of the duty, 「请于12月5日前，报送…」). `year` is
/// the week's year, `week_month` its month: a deadline month before it is in the next year.
pub(crate) fn read(phrase: &str, year: Option<i32>, week_month: Option<u32>) -> Option<Deadline> {
    let term = |kind, text: &str| DeadlineTerm {
        kind: Some(kind),
        text: Some(text.to_owned()),
        ..Default::default()
    };
    if let Some(at) = phrase.find("另行通知") {
        let start = phrase[..at].rfind(['，', '。', '；']).map_or(0, |p| p + '，'.len_utf8());
        return Some(Deadline::Term(term(DeadlineKind::Unresolved, &phrase[start..at + "另行通知".len()])));
    }
    // 「启动仪式后一个月内」, 「活动结束后10日内」
    if let Some(inside) = phrase.find("内") {
        let head = &phrase[..inside];
        if let Some(after) = head.rfind('后') {
            let start = head[..after]
                .rfind(['于', '在', '，'])
                .map_or(0, |p| p + head[p..].chars().next().map_or(0, char::len_utf8));
            let event = &head[start..after];
            let within = &head[after + '后'.len_utf8()..];
            if !event.is_empty() && !within.is_empty() && within.chars().count() <= 8 {
                let mut t = term(DeadlineKind::Relative, &phrase[start..inside + '内'.len_utf8()]);
                t.after = Some(event.to_owned());
                t.within = Some(within.to_owned());
                return Some(Deadline::Term(t));
            }
        }
    }
    // dates: [YYYY年]M月[D日|上旬|中旬|下旬|底]
    let mut i = 0;
    while i < phrase.len() {
        let rest = &phrase[i..];
        let Some((n, len)) = number(rest) else {
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let start = i;
        let mut y = year;
        let mut after = &rest[len..];
        let mut consumed = len;
        let month = if let Some(tail) = after.strip_prefix('年') {
            y = i32::try_from(n).ok();
            consumed += '年'.len_utf8();
            let (m, ml) = number(tail)?;
            after = &tail[ml..];
            consumed += ml;
            m
        } else {
            n
        };
        let Some(tail) = after.strip_prefix('月') else {
            i += len;
            continue;
        };
        consumed += '月'.len_utf8();
        if !(1..=12).contains(&month) {
            return None;
        }
        let explicit_year = y != year;
        let y = match (y, week_month) {
            (Some(y), Some(wm)) if !explicit_year && month < wm => Some(y + 1),
            (y, _) => y,
        }?;
        if let Some((d, dl)) = number(tail) {
            if tail[dl..].starts_with('日') || tail[dl..].starts_with('号') {
                return NaiveDate::from_ymd_opt(y, month, d).map(Deadline::Date);
            }
            return None;
        }
        for (word, from, to) in [("上旬", 1, Some(10)), ("中旬", 11, Some(20)), ("下旬", 21, None)] {
            if tail.starts_with(word) {
                let mut t = term(DeadlineKind::TenDays, &phrase[start..i + consumed + word.len()]);
                t.from = NaiveDate::from_ymd_opt(y, month, from);
                t.until = match to {
                    Some(d) => NaiveDate::from_ymd_opt(y, month, d),
                    None => last_day(y, month),
                };
                return Some(Deadline::Term(t));
            }
        }
        let word_len = ["底", "末"].iter().find(|w| tail.starts_with(**w)).map_or(0, |w| w.len());
        let mut t = term(DeadlineKind::Month, &phrase[start..i + consumed + word_len]);
        t.from = NaiveDate::from_ymd_opt(y, month, 1);
        t.until = last_day(y, month);
        return Some(Deadline::Term(t));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn every_kind_of_deadline() {
        assert_eq!(
            read("各县区请于12月5日前，报送", Some(2021), Some(11)),
            Some(Deadline::Date(date("2021-12-05")))
        );
        assert_eq!(read("请于1月10日前报送", Some(2021), Some(11)), Some(Deadline::Date(date("2022-01-10"))));
        assert_eq!(
            read("请于2022年1月10日前报送", Some(2021), Some(11)),
            Some(Deadline::Date(date("2022-01-10")))
        );
        let Some(Deadline::Term(t)) = read("请于12月上旬前报送", Some(2021), Some(11)) else {
            panic!()
        };
        assert_eq!(
            (t.kind, t.from, t.until),
            (Some(DeadlineKind::TenDays), Some(date("2021-12-01")), Some(date("2021-12-10")))
        );
        assert_eq!(t.text.as_deref(), Some("12月上旬"));
        let Some(Deadline::Term(t)) = read("请于2025年12月底前报送", Some(2025), Some(10)) else {
            panic!()
        };
        assert_eq!((t.kind, t.until), (Some(DeadlineKind::Month), Some(date("2025-12-31"))));
        let Some(Deadline::Term(t)) = read("请于启动仪式后一个月内报送", Some(2025), Some(10))
        else {
            panic!()
        };
        assert_eq!(
            (t.kind, t.after.as_deref(), t.within.as_deref()),
            (Some(DeadlineKind::Relative), Some("启动仪式"), Some("一个月"))
        );
        let Some(Deadline::Term(t)) = read("报送时间另行通知", Some(2025), Some(10)) else {
            panic!()
        };
        assert_eq!((t.kind, t.text.as_deref()), (Some(DeadlineKind::Unresolved), Some("报送时间另行通知")));
        assert_eq!(read("请于12月32日前报送", Some(2021), Some(11)), None);
        assert_eq!(read("请及时报送", Some(2021), Some(11)), None);
    }
}
