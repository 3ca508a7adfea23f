//! Rules over a notice loaded from JSON: a notice is a rulebook and must itself be coherent.

use super::{params, Check, Ctx, Findings, Rule};
use crate::diagnostic::Severity::*;
use crate::notice::{fold_name, parse_utc_offset};
use crate::DocumentKind::*;
use serde_json::Value;
use std::collections::BTreeMap;

pub(crate) const WEEK_INVERTED: Rule = Rule {
    code: "notice.week_inverted",
    severity: Error,
    documents: &[Notice],
    reads: &["/week/start", "/week/end"],
    clause: "二、活动时间",
    description: "活动周的开始日期不得晚于结束日期。",
    description_en: "The week must not end before it starts.",
    message: "活动周结束日期 {end} 早于开始日期 {start}",
    message_en: "The week ends ({end}) before it starts ({start})",
    check: Check::Semantic(week_inverted),
};

fn week_inverted(ctx: &Ctx<'_>, out: &mut Findings) {
    if !ctx.checking_notice {
        return;
    }
    let Some(w) = &ctx.notice.week else { return };
    if let (Some(s), Some(e)) = (w.start, w.end) {
        if s > e {
            out.emit(
                &WEEK_INVERTED,
                "/week/end".into(),
                params! {"start" => s.to_string(), "end" => e.to_string(), "related" => ["/week/start"]},
                Some(&Value::String(e.to_string())),
            );
        }
    }
}

pub(crate) const DEADLINE_BEFORE_WEEK_END: Rule = Rule {
    code: "notice.deadline_before_week_end",
    severity: Error,
    documents: &[Notice],
    reads: &["/reporting/deadline", "/week/end"],
    clause: "四（四）报送截止日期",
    description: "报送截止日期不得早于活动周结束日。",
    description_en: "The reporting deadline cannot fall before the week ends.",
    message: "报送截止日期 {deadline} 早于活动周结束日 {week_end}",
    message_en: "The deadline {deadline} falls before the week ends ({week_end})",
    check: Check::Semantic(deadline_before_week_end),
};

fn deadline_before_week_end(ctx: &Ctx<'_>, out: &mut Findings) {
    if !ctx.checking_notice {
        return;
    }
    let Some(d) = ctx.notice.reporting.as_ref().and_then(|r| r.deadline) else { return };
    let Some(end) = ctx.notice.week.as_ref().and_then(|w| w.end) else { return };
    if d < end {
        out.emit(
            &DEADLINE_BEFORE_WEEK_END,
            "/reporting/deadline".into(),
            params! {"deadline" => d.to_string(), "week_end" => end.to_string(), "related" => ["/week/end"]},
            Some(&Value::String(d.to_string())),
        );
    }
}

pub(crate) const JURISDICTION_EMPTY: Rule = Rule {
    code: "notice.jurisdiction_empty",
    severity: Error,
    documents: &[Notice],
    reads: &["/jurisdiction/units"],
    clause: "主送单位",
    description: "通知必须列出至少一个报送单位。",
    description_en: "A notice must list at least one reporting unit.",
    message: "通知没有列出任何报送单位",
    message_en: "The notice lists no reporting unit",
    check: Check::Semantic(jurisdiction_empty),
};

fn jurisdiction_empty(ctx: &Ctx<'_>, out: &mut Findings) {
    if ctx.checking_notice
        && ctx.notice.jurisdiction.as_ref().and_then(|j| j.units.as_ref()).is_some_and(|u| u.is_empty())
    {
        out.emit(&JURISDICTION_EMPTY, "/jurisdiction/units".into(), params! {}, None);
    }
}

pub(crate) const NAME_AMBIGUOUS: Rule = Rule {
    code: "notice.unit_name_ambiguous",
    severity: Error,
    documents: &[Notice],
    reads: &["/jurisdiction/units/*/name", "/jurisdiction/units/*/aliases"],
    clause: "主送单位",
    description: "同一名称或别称不得指向两个报送单位。",
    description_en: "A name or alias must not point to two reporting units.",
    message: "名称“{name}”同时指向“{first}”和“{second}”",
    message_en: "The name \"{name}\" points to both \"{first}\" and \"{second}\"",
    check: Check::Semantic(name_ambiguous),
};

fn name_ambiguous(ctx: &Ctx<'_>, out: &mut Findings) {
    if !ctx.checking_notice {
        return;
    }
    let mut seen: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for (i, u) in ctx.notice.units().iter().enumerate() {
        let official = u.name.clone().unwrap_or_default();
        let names = u
            .name
            .iter()
            .map(|n| (n, "name".to_string()))
            .chain(u.aliases.iter().flatten().enumerate().map(|(j, a)| (a, format!("aliases/{j}"))));
        for (n, field) in names {
            let key = fold_name(n);
            if key.is_empty() {
                continue;
            }
            match seen.get(&key) {
                Some((first_i, first)) if *first_i != i => out.emit(
                    &NAME_AMBIGUOUS,
                    format!("/jurisdiction/units/{i}/{field}"),
                    params! {"name" => n, "first" => first, "second" => official,
                    "related" => [format!("/jurisdiction/units/{first_i}")]},
                    Some(&Value::String(n.clone())),
                ),
                Some(_) => {}
                None => {
                    seen.insert(key, (i, official.clone()));
                }
            }
        }
    }
}

pub(crate) const OFFSET_INVALID: Rule = Rule {
    code: "notice.utc_offset_invalid",
    severity: Error,
    documents: &[Notice],
    reads: &["/reporting/utc_offset"],
    clause: "四（四）报送截止日期",
    description: "截止日期的时区须写作 +08:00 这样的 UTC 偏移。",
    description_en: "The deadline's time zone must be a UTC offset such as +08:00.",
    message: "时区“{value}”无效：应写作 +08:00 这样的 UTC 偏移",
    message_en: "Invalid time zone \"{value}\": expected a UTC offset such as +08:00",
    check: Check::Semantic(offset_invalid),
};

fn offset_invalid(ctx: &Ctx<'_>, out: &mut Findings) {
    if !ctx.checking_notice {
        return;
    }
    if let Some(o) = ctx.notice.reporting.as_ref().and_then(|r| r.utc_offset.as_deref()) {
        if parse_utc_offset(o).is_none() {
            out.emit(
                &OFFSET_INVALID,
                "/reporting/utc_offset".into(),
                params! {"value" => o},
                Some(&Value::String(o.into())),
            );
        }
    }
}

pub(crate) const RULES: &[Rule] =
    &[WEEK_INVERTED, DEADLINE_BEFORE_WEEK_END, JURISDICTION_EMPTY, NAME_AMBIGUOUS, OFFSET_INVALID];
