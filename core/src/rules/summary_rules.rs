//! Rules over the 总结表: cross-field, against the notice, against the plan.

use super::{params, Check, Ctx, Findings, Rule};
use crate::count::{Count, Qualifier};
use crate::diagnostic::Severity::*;
use crate::notice::UnitMatch;
use crate::period::Overlap;
use crate::summary::SummaryTable;
use crate::text_match::{normalise_name, theme_matches};
use crate::CountKind;
use crate::DocumentKind::{self, *};
use serde_json::Value;

const S: &[DocumentKind] = &[Summary, Submission];
const SP: &[DocumentKind] = &[Summary, Plan, Submission];

fn json<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

/// The lowest value a qualified count can stand for.
fn lower(c: &Count) -> u64 {
    match c.qualifier {
        Qualifier::AtMost => 0,
        _ => c.value,
    }
}

/// The highest value a qualified count can stand for (`None`: unbounded).
fn upper(c: &Count) -> Option<u64> {
    match c.qualifier {
        Qualifier::AtLeast => None,
        _ => Some(c.value),
    }
}

fn summary<'a>(ctx: &Ctx<'a>) -> Option<(&'a SummaryTable, &'a str)> {
    ctx.summary
}

pub(crate) const UNITS_EXCEED_TOTAL: Rule = Rule {
    code: "participation.units_exceed_total",
    severity: Error,
    documents: S,
    reads: &["/participation/units_participating", "/participation/units_total"],
    clause: "附件·活动参与情况·全市区数及参与活动的数量",
    description: "参与活动的数量不得超过全市区数（考虑约、余等限定词后仍超过即报错）。",
    description_en: "Units participating cannot exceed units in total (after allowing for qualifiers).",
    message: "参与活动的数量（{participating}）超过了全市区数（{total}）",
    message_en: "Units participating ({participating}) exceed units in total ({total})",
    check: Check::Semantic(units_exceed_total),
};

fn units_exceed_total(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((t, pre)) = summary(ctx) else { return };
    let Some(p) = &t.participation else { return };
    let (Some(part), Some(total)) = (&p.units_participating, &p.units_total) else { return };
    if upper(total).is_some_and(|u| lower(part) > u) {
        out.emit(
            &UNITS_EXCEED_TOTAL,
            format!("{pre}/participation/units_participating"),
            params! {
                "participating" => part.display_zh(),
                "total" => total.display_zh(),
                "related" => [format!("{pre}/participation/units_total")],
            },
            Some(&json(part)),
        );
    }
}

pub(crate) const NO_MAIN_VENUE: Rule = Rule {
    code: "participation.no_main_venue",
    severity: Error,
    documents: S,
    reads: &["/participation/main_venues"],
    clause: "附件·活动参与情况·主会场及分会场数量；三（一）含开幕式",
    description: "至少应有一个主会场（开幕式所在地）。",
    description_en: "There must be at least one main venue (where the opening ceremony was held).",
    message: "主会场数量为 0：至少应有一个主会场",
    message_en: "No main venue: at least one is required",
    check: Check::Semantic(no_main_venue),
};

fn no_main_venue(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((t, pre)) = summary(ctx) else { return };
    if let Some(m) = t.participation.as_ref().and_then(|p| p.main_venues.as_ref()) {
        if m.is_certainly_zero() {
            out.emit(&NO_MAIN_VENUE, format!("{pre}/participation/main_venues"), params! {}, Some(&json(m)));
        }
    }
}

pub(crate) const FEATURED_EMPTY: Rule = Rule {
    code: "participation.featured_empty",
    severity: Error,
    documents: S,
    reads: &["/participation/featured_activities"],
    clause: "附件·活动参与情况·有特色的活动",
    description: "“有特色的活动”至少填写一项。",
    description_en: "At least one featured activity must be listed.",
    message: "“有特色的活动”为空：至少填写一项",
    message_en: "Featured activities is empty: list at least one",
    check: Check::Semantic(featured_empty),
};

fn featured_empty(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((t, pre)) = summary(ctx) else { return };
    if t.participation.as_ref().and_then(|p| p.featured_activities.as_ref()).is_some_and(|f| f.is_empty()) {
        out.emit(&FEATURED_EMPTY, format!("{pre}/participation/featured_activities"), params! {}, None);
    }
}

pub(crate) const PARTICIPANTS_NOT_PEOPLE: Rule = Rule {
    code: "participation.participants_not_people",
    severity: Warning,
    documents: S,
    reads: &["/participation/participants"],
    clause: "附件·活动参与情况·参加活动人数",
    description: "参加活动人数应以人或人次计，而不是场次或项数。",
    description_en:
        "Participants must be counted in people (人) or person-times (人次), not events or items.",
    message: "参加活动人数的单位是“{unit}”：应以人或人次计",
    message_en: "Participants are counted in \"{unit}\": expected people (人) or person-times (人次)",
    check: Check::Semantic(participants_not_people),
};

fn participants_not_people(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((t, pre)) = summary(ctx) else { return };
    if let Some(c) = t.participation.as_ref().and_then(|p| p.participants.as_ref()) {
        if matches!(c.kind(), CountKind::Events | CountKind::Items) {
            out.emit(
                &PARTICIPANTS_NOT_PEOPLE,
                format!("{pre}/participation/participants"),
                params! {"unit" => c.unit.clone().unwrap_or_default()},
                Some(&json(c)),
            );
        }
    }
}

pub(crate) const PERIOD_INVERTED: Rule = Rule {
    code: "period.start_after_end",
    severity: Error,
    documents: SP,
    reads: &[
        "/theme_and_content/period/start",
        "/theme_and_content/period/end",
        "/activities/*/period/start",
        "/activities/*/period/end",
    ],
    clause: "附件·活动主题与内容·活动时间",
    description: "活动时间的开始日期不得晚于结束日期。",
    description_en: "The period's start must not be after its end.",
    message: "活动时间的结束日期 {end} 早于开始日期 {start}",
    message_en: "The period ends ({end}) before it starts ({start})",
    check: Check::Semantic(period_inverted),
};

fn period_inverted(ctx: &Ctx<'_>, out: &mut Findings) {
    let summary_period = summary(ctx).and_then(|(t, pre)| {
        let p = t.theme_and_content.as_ref()?.period.as_ref()?;
        Some((p, format!("{pre}/theme_and_content/period")))
    });
    let plan_periods = ctx.subject_plan().into_iter().flat_map(|(p, pre)| {
        p.activities.iter().flatten().enumerate().filter_map(move |(i, a)| {
            a.period.as_ref().map(|period| (period, format!("{pre}/activities/{i}/period")))
        })
    });
    for (p, at) in summary_period.into_iter().chain(plan_periods) {
        if let (Some(s), Some(e)) = (p.start, p.end) {
            if s > e {
                out.emit(
                    &PERIOD_INVERTED,
                    format!("{at}/end"),
                    params! {"start" => s.to_string(), "end" => e.to_string(), "related" => [format!("{at}/start")]},
                    Some(&Value::String(e.to_string())),
                );
            }
        }
    }
}

pub(crate) const PERIOD_OUTSIDE_WEEK: Rule = Rule {
    code: "period.outside_week",
    severity: Error,
    documents: S,
    reads: &["/theme_and_content/period/start", "/theme_and_content/period/end"],
    clause: "二、活动时间",
    description: "活动时间必须与通知规定的活动周有交集。",
    description_en: "The period must overlap the week the notice sets.",
    message: "活动时间 {start} 至 {end} 完全不在活动周（{week_start} 至 {week_end}）内",
    message_en: "The period {start} to {end} lies wholly outside the week ({week_start} to {week_end})",
    check: Check::Semantic(period_vs_week),
};

pub(crate) const PERIOD_PARTLY_OUTSIDE_WEEK: Rule = Rule {
    code: "period.partly_outside_week",
    severity: Warning,
    documents: S,
    reads: &["/theme_and_content/period/start", "/theme_and_content/period/end"],
    clause: "二、活动时间",
    description: "活动时间宜在活动周之内；部分在外给出警告。",
    description_en: "The period should lie within the week; partly outside gives a warning.",
    message: "活动时间 {start} 至 {end} 有部分不在活动周（{week_start} 至 {week_end}）内",
    message_en: "The period {start} to {end} lies partly outside the week ({week_start} to {week_end})",
    check: Check::Semantic(|_, _| {}),
};

fn period_vs_week(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((t, pre)) = summary(ctx) else { return };
    let Some(p) = t.theme_and_content.as_ref().and_then(|c| c.period.as_ref()) else { return };
    let Some(week) = &ctx.notice.week else { return };
    let (Some((s, e)), Some((ws, we))) = (p.bounds(), week.bounds()) else { return };
    let rule = match p.overlap(week) {
        Some(Overlap::Disjoint) => &PERIOD_OUTSIDE_WEEK,
        Some(Overlap::Partial) => &PERIOD_PARTLY_OUTSIDE_WEEK,
        _ => return,
    };
    // Blame the end that is outside (the start when both are).
    let blamed = if s < ws || s > we { "start" } else { "end" };
    out.emit(
        rule,
        format!("{pre}/theme_and_content/period/{blamed}"),
        params! {"start" => s.to_string(), "end" => e.to_string(),
        "week_start" => ws.to_string(), "week_end" => we.to_string(),
        "related" => [format!("{pre}/theme_and_content/period"), "notice#/week".to_string()]},
        Some(&Value::String(if blamed == "start" { s } else { e }.to_string())),
    );
}

pub(crate) const UNIT_UNKNOWN: Rule = Rule {
    code: "unit.unknown",
    severity: Error,
    documents: SP,
    reads: &["/host_unit", "/unit"],
    clause: "主送单位；四（四）各县区报送",
    description: "举办县区必须是通知辖区内的报送单位（可用别称）。",
    description_en: "The unit must be one of the notice's reporting units (aliases accepted).",
    message: "“{written}”不是本通知的报送单位；应为：{expected}",
    message_en: "\"{written}\" is not a reporting unit of this notice; expected one of: {expected}",
    check: Check::Semantic(unit_known),
};

pub(crate) const UNIT_ALIAS: Rule = Rule {
    code: "unit.alias_normalised",
    severity: Info,
    documents: SP,
    reads: &["/host_unit", "/unit"],
    clause: "主送单位",
    description: "以别称填写的单位已规范为正式名称（如 湾里区 → 湾里管理局）。",
    description_en:
        "A unit written by an alias is normalised to its official name (e.g. 湾里区 → 湾里管理局).",
    message: "“{written}”已按正式名称“{official}”处理",
    message_en: "\"{written}\" is taken as the official name \"{official}\"",
    check: Check::Semantic(|_, _| {}),
};

fn unit_known(ctx: &Ctx<'_>, out: &mut Findings) {
    let mut check = |written: &str, path: String| match ctx.notice.find_unit(written) {
        Some(UnitMatch::City) => {}
        // Official, but written differently (traditional characters, spaces): say so.
        Some(UnitMatch::Official(u)) if u.name.as_deref() == Some(written) => {}
        Some(UnitMatch::Official(u)) | Some(UnitMatch::Alias(u)) => out.emit(
            &UNIT_ALIAS,
            path,
            params! {"written" => written, "official" => u.name.clone().unwrap_or_default()},
            Some(&Value::String(written.to_owned())),
        ),
        None => {
            let expected: Vec<String> = ctx.notice.units().iter().filter_map(|u| u.name.clone()).collect();
            out.emit(
                &UNIT_UNKNOWN,
                path,
                params! {"written" => written, "expected" => expected, "related" => ["notice#/jurisdiction/units"]},
                Some(&Value::String(written.to_owned())),
            );
        }
    };
    if let Some((t, pre)) = ctx.summary {
        if let Some(h) = t.host_unit.as_deref().filter(|h| !h.trim().is_empty()) {
            check(h, format!("{pre}/host_unit"));
        }
    }
    if let Some((p, pre)) = ctx.subject_plan() {
        if let Some(u) = p.unit.as_deref().filter(|h| !h.trim().is_empty()) {
            check(u, format!("{pre}/unit"));
        }
    }
}

pub(crate) const YEAR_MISMATCH: Rule = Rule {
    code: "year.mismatch",
    severity: Error,
    documents: SP,
    reads: &["/year"],
    clause: "标题（年度）",
    description: "年度必须与通知的年度一致。",
    description_en: "The year must match the notice's year.",
    message: "年度 {year} 与通知的年度 {notice_year} 不一致",
    message_en: "Year {year} does not match the notice's year {notice_year}",
    check: Check::Semantic(year_mismatch),
};

fn year_mismatch(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some(ny) = ctx.notice.year else { return };
    let docs = [ctx.summary.map(|(t, p)| (t.year, p)), ctx.subject_plan().map(|(t, p)| (t.year, p))];
    for (year, pre) in docs.into_iter().flatten() {
        if let Some(y) = year.filter(|y| *y != ny) {
            out.emit(
                &YEAR_MISMATCH,
                format!("{pre}/year"),
                params! {"year" => y, "notice_year" => ny, "related" => ["notice#/year"]},
                Some(&Value::from(y)),
            );
        }
    }
}

pub(crate) const THEME_MISMATCH: Rule = Rule {
    code: "theme.mismatch",
    severity: Warning,
    documents: SP,
    reads: &["/theme_and_content/theme", "/theme"],
    clause: "一、活动主题；三（一）结合主题",
    description: "活动主题应结合通知的主题（标点、空格差异不计）。",
    description_en: "The theme should carry the notice's theme (punctuation and spacing aside).",
    message: "活动主题“{theme}”未体现通知主题“{notice_theme}”",
    message_en: "The theme \"{theme}\" does not carry the notice's theme \"{notice_theme}\"",
    check: Check::Semantic(theme_mismatch),
};

fn theme_mismatch(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some(nt) = ctx.notice.theme.as_deref() else { return };
    let docs = [
        ctx.summary.and_then(|(t, p)| {
            t.theme_and_content
                .as_ref()?
                .theme
                .as_deref()
                .map(|th| (th, format!("{p}/theme_and_content/theme")))
        }),
        ctx.subject_plan().and_then(|(t, p)| t.theme.as_deref().map(|th| (th, format!("{p}/theme")))),
    ];
    for (theme, path) in docs.into_iter().flatten() {
        if !theme.trim().is_empty() && !theme_matches(theme, nt) {
            out.emit(
                &THEME_MISMATCH,
                path,
                params! {"theme" => theme, "notice_theme" => nt, "related" => ["notice#/theme"]},
                Some(&Value::String(theme.to_owned())),
            );
        }
    }
}

pub(crate) const SATISFACTION_MISSING: Rule = Rule {
    code: "satisfaction.missing",
    severity: Info,
    documents: S,
    reads: &["/reach/satisfaction"],
    clause: "附件·活动的群众性·群众满意度；三（一）提高满意度",
    description: "未填写群众满意度（允许，但汇总时会单列）。",
    description_en: "No satisfaction given (allowed; the roll-up lists such units).",
    message: "未填写群众满意度：可填百分比（如 98%）或等级（非常满意/满意/基本满意/不满意）",
    message_en: "No satisfaction given: a percentage (e.g. 98) or a level (非常满意/满意/基本满意/不满意) can be entered",
    check: Check::Semantic(satisfaction_missing),
};

fn satisfaction_missing(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((t, pre)) = summary(ctx) else { return };
    if let Some(r) = &t.reach {
        let raw_has = ctx.raw.and_then(|v| v.pointer("/reach/satisfaction")).is_some_and(|v| !v.is_null());
        if r.satisfaction.is_none() && !raw_has {
            out.emit(&SATISFACTION_MISSING, format!("{pre}/reach/satisfaction"), params! {}, None);
        }
    }
}

pub(crate) const FEATURED_NOT_IN_PLAN: Rule = Rule {
    code: "plan.featured_not_in_plan",
    severity: Warning,
    documents: &[Summary, Submission],
    reads: &["/participation/featured_activities/*/name", "plan#/activities"],
    clause: "三（一）精心制定活动计划和实施方案",
    description: "总结表中的特色活动应能在活动方案中找到。",
    description_en: "Each featured activity of the summary should appear in the plan.",
    message: "特色活动“{name}”在活动方案中找不到",
    message_en: "Featured activity \"{name}\" is not in the plan",
    check: Check::Semantic(featured_not_in_plan),
};

fn featured_not_in_plan(ctx: &Ctx<'_>, out: &mut Findings) {
    let (Some((t, pre)), Some((plan, plan_pre))) = (ctx.summary, ctx.plan) else { return };
    let Some(acts) = &plan.activities else { return };
    let planned: Vec<String> = acts.iter().filter_map(|a| a.name.as_deref()).map(normalise_name).collect();
    let Some(featured) = t.participation.as_ref().and_then(|p| p.featured_activities.as_ref()) else {
        return;
    };
    for (i, f) in featured.iter().enumerate() {
        let Some(name) = f.name.as_deref().filter(|n| !n.trim().is_empty()) else { continue };
        let n = normalise_name(name);
        // Equal, or one inside the other (only the longer can hold the shorter).
        let found = planned.iter().any(|p| {
            !p.is_empty()
                && match p.len().cmp(&n.len()) {
                    std::cmp::Ordering::Equal => p == &n,
                    std::cmp::Ordering::Greater => p.contains(&n),
                    std::cmp::Ordering::Less => n.contains(p.as_str()),
                }
        });
        if !found {
            out.emit(
                &FEATURED_NOT_IN_PLAN,
                format!("{pre}/participation/featured_activities/{i}/name"),
                params! {"name" => name, "related" => [format!("{plan_pre}/activities")]},
                Some(&Value::String(name.to_owned())),
            );
        }
    }
}

pub(crate) const PERIOD_INCONSISTENT_WITH_PLAN: Rule = Rule {
    code: "plan.period_inconsistent",
    severity: Warning,
    documents: &[Summary, Submission],
    reads: &["/theme_and_content/period", "plan#/opening_ceremony/date", "plan#/activities/*/period"],
    clause: "三（一）活动计划和实施方案（含开幕式）",
    description: "总结表的活动时间应覆盖方案中的开幕式和活动日期。",
    description_en: "The summary's period should cover the plan's opening ceremony and activity dates.",
    message: "活动时间 {start} 至 {end} 与方案不一致：方案中的{what}在 {date}",
    message_en: "The period {start} to {end} disagrees with the plan: its {what_en} is on {date}",
    check: Check::Semantic(period_vs_plan),
};

fn period_vs_plan(ctx: &Ctx<'_>, out: &mut Findings) {
    let (Some((t, pre)), Some((plan, plan_pre))) = (ctx.summary, ctx.plan) else { return };
    let Some(period) = t.theme_and_content.as_ref().and_then(|c| c.period.as_ref()) else { return };
    let Some((s, e)) = period.bounds() else { return };
    let mut emit = |what: &str, what_en: &str, date: chrono::NaiveDate, related: String| {
        out.emit(
            &PERIOD_INCONSISTENT_WITH_PLAN,
            format!("{pre}/theme_and_content/period"),
            params! {"start" => s.to_string(), "end" => e.to_string(), "what" => what, "what_en" => what_en,
            "date" => date.to_string(), "related" => [related]},
            None,
        );
    };
    if let Some(d) = plan.opening_ceremony.as_ref().and_then(|o| o.date) {
        if !period.contains(d) {
            emit("开幕式", "opening ceremony", d, format!("{plan_pre}/opening_ceremony/date"));
            return;
        }
    }
    // Only activities planned inside the notice's week are expected inside the summary's period.
    let week = ctx.notice.week.as_ref();
    for (i, a) in plan.activities.iter().flatten().enumerate() {
        let Some((as_, _)) = a.period.as_ref().and_then(|p| p.bounds()) else { continue };
        if week.is_some_and(|w| w.contains(as_)) && !period.contains(as_) {
            emit("活动", "activity", as_, format!("{plan_pre}/activities/{i}/period"));
            return;
        }
    }
}

pub(crate) const PLAN_UNIT_MISMATCH: Rule = Rule {
    code: "plan.unit_mismatch",
    severity: Error,
    documents: &[Summary, Submission],
    reads: &["/host_unit", "plan#/unit"],
    clause: "三（一）各县区制定活动方案",
    description: "活动方案与总结表必须出自同一县区。",
    description_en: "The plan and the summary must come from the same unit.",
    message: "总结表的举办县区“{host_unit}”与方案的县区“{plan_unit}”不一致",
    message_en: "The summary's unit \"{host_unit}\" differs from the plan's unit \"{plan_unit}\"",
    check: Check::Semantic(plan_unit_mismatch),
};

fn plan_unit_mismatch(ctx: &Ctx<'_>, out: &mut Findings) {
    let (Some((t, pre)), Some((plan, plan_pre))) = (ctx.summary, ctx.plan) else { return };
    let (Some(h), Some(u)) = (t.host_unit.as_deref(), plan.unit.as_deref()) else { return };
    let canon =
        |w: &str| ctx.notice.official_unit_name(w).map(str::to_owned).unwrap_or_else(|| normalise_name(w));
    if canon(h) != canon(u) {
        out.emit(
            &PLAN_UNIT_MISMATCH,
            format!("{pre}/host_unit"),
            params! {"host_unit" => h, "plan_unit" => u, "related" => [format!("{plan_pre}/unit")]},
            Some(&Value::String(h.to_owned())),
        );
    }
}

pub(crate) const RULES: &[Rule] = &[
    UNITS_EXCEED_TOTAL,
    NO_MAIN_VENUE,
    FEATURED_EMPTY,
    PARTICIPANTS_NOT_PEOPLE,
    PERIOD_INVERTED,
    PERIOD_OUTSIDE_WEEK,
    PERIOD_PARTLY_OUTSIDE_WEEK,
    UNIT_UNKNOWN,
    UNIT_ALIAS,
    YEAR_MISMATCH,
    THEME_MISMATCH,
    SATISFACTION_MISSING,
    FEATURED_NOT_IN_PLAN,
    PERIOD_INCONSISTENT_WITH_PLAN,
    PLAN_UNIT_MISMATCH,
];
