//! Rules over the activity plan (活动计划和实施方案（含开幕式）), against the notice.

use super::{params, Check, Ctx, Findings, Rule};
use crate::diagnostic::Severity::*;
use crate::period::Overlap;
use crate::plan::ActivityPlan;
use crate::DocumentKind::{self, *};
use serde_json::Value;

const P: &[DocumentKind] = &[Plan, Submission];

fn plan<'a>(ctx: &Ctx<'a>) -> Option<(&'a ActivityPlan, &'a str)> {
    ctx.subject_plan()
}

fn blank(s: Option<&str>) -> bool {
    s.is_none_or(|s| s.trim().is_empty())
}

fn empty_list(l: Option<&Vec<String>>) -> bool {
    l.is_none_or(|l| l.iter().all(|s| s.trim().is_empty()))
}

pub(crate) const OPENING_MISSING: Rule = Rule {
    code: "plan.opening_ceremony_missing",
    severity: Error,
    documents: P,
    reads: &["/opening_ceremony"],
    clause: "三（一）活动计划和实施方案（含开幕式）；四（一）",
    description: "活动方案必须包含开幕式（通知要求时）。",
    description_en: "The plan must include an opening ceremony (when the notice requires one).",
    message: "活动方案缺少开幕式：通知要求方案“含开幕式”",
    message_en: "The plan has no opening ceremony: the notice requires one",
    check: Check::Semantic(opening_missing),
};

fn opening_missing(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((p, pre)) = plan(ctx) else { return };
    let required =
        ctx.notice.arrangements.as_ref().and_then(|a| a.opening_ceremony_required).unwrap_or(false);
    if required && p.opening_ceremony.is_none() {
        out.emit(
            &OPENING_MISSING,
            format!("{pre}/opening_ceremony"),
            params! {"related" => ["notice#/arrangements/opening_ceremony_required"]},
            None,
        );
    }
}

pub(crate) const OPENING_OUTSIDE_WEEK: Rule = Rule {
    code: "plan.opening_ceremony_outside_week",
    severity: Error,
    documents: P,
    reads: &["/opening_ceremony/date"],
    clause: "二、活动时间；三（一）含开幕式",
    description: "开幕式必须在活动周内举行。",
    description_en: "The opening ceremony must fall within the week.",
    message: "开幕式日期 {date} 不在活动周（{week_start} 至 {week_end}）内",
    message_en: "The opening ceremony on {date} is outside the week ({week_start} to {week_end})",
    check: Check::Semantic(opening_outside_week),
};

fn opening_outside_week(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((p, pre)) = plan(ctx) else { return };
    let (Some(d), Some(week)) = (p.opening_ceremony.as_ref().and_then(|o| o.date), ctx.notice.week.as_ref())
    else {
        return;
    };
    let Some((ws, we)) = week.bounds() else { return };
    if !week.contains(d) {
        out.emit(
            &OPENING_OUTSIDE_WEEK,
            format!("{pre}/opening_ceremony/date"),
            params! {"date" => d.to_string(), "week_start" => ws.to_string(), "week_end" => we.to_string(), "related" => ["notice#/week"]},
            Some(&Value::String(d.to_string())),
        );
    }
}

pub(crate) const NO_ACTIVITIES: Rule = Rule {
    code: "plan.no_activities",
    severity: Error,
    documents: P,
    reads: &["/activities"],
    clause: "三（一）面向广大市民积极开展……活动",
    description: "活动方案至少安排一项活动。",
    description_en: "The plan must list at least one activity.",
    message: "活动方案没有安排任何活动",
    message_en: "The plan lists no activity",
    check: Check::Semantic(no_activities),
};

fn no_activities(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((p, pre)) = plan(ctx) else { return };
    if p.activities.as_ref().is_some_and(|a| a.is_empty()) {
        out.emit(&NO_ACTIVITIES, format!("{pre}/activities"), params! {}, None);
    }
}

pub(crate) const ACTIVITY_OUTSIDE_WEEK: Rule = Rule {
    code: "plan.activity_outside_week",
    severity: Warning,
    documents: P,
    reads: &["/activities/*/period"],
    clause: "二、活动时间",
    description: "方案中的活动宜安排在活动周内。",
    description_en: "Planned activities should fall within the week.",
    message: "活动“{name}”的时间 {start} 至 {end} {how}不在活动周（{week_start} 至 {week_end}）内",
    message_en:
        "Activity \"{name}\" ({start} to {end}) lies {how_en} outside the week ({week_start} to {week_end})",
    check: Check::Semantic(activity_outside_week),
};

fn activity_outside_week(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((p, pre)) = plan(ctx) else { return };
    let Some(week) = ctx.notice.week.as_ref() else { return };
    let Some((ws, we)) = week.bounds() else { return };
    for (i, a) in p.activities.iter().flatten().enumerate() {
        let Some(period) = &a.period else { continue };
        let Some((s, e)) = period.bounds() else { continue };
        let (how, how_en) = match period.overlap(week) {
            Some(Overlap::Disjoint) => ("完全", "wholly"),
            Some(Overlap::Partial) => ("部分", "partly"),
            _ => continue,
        };
        out.emit(
            &ACTIVITY_OUTSIDE_WEEK,
            format!("{pre}/activities/{i}/period"),
            params! {"name" => a.name.clone().unwrap_or_default(), "start" => s.to_string(), "end" => e.to_string(),
                     "how" => how, "how_en" => how_en, "week_start" => ws.to_string(), "week_end" => we.to_string(),
                     "related" => ["notice#/week"]},
            None,
        );
    }
}

pub(crate) const FOCUS_ITEM_MISSING: Rule = Rule {
    code: "plan.focus_item_missing",
    severity: Warning,
    documents: P,
    reads: &["/activities"],
    clause: "三（二）重点开展社区教育服务双减政策和“智慧助老”专题宣传展示活动",
    description: "方案应安排通知重点开展的项目（2021 年：双减、智慧助老）。",
    description_en: "The plan should cover the notice's focus items (2021: 双减 and 智慧助老).",
    message: "方案中没有“{item}”相关活动（通知要求重点开展）",
    message_en: "No activity for the focus item \"{item}\" (the notice asks to focus on it)",
    check: Check::Semantic(focus_item_missing),
};

fn focus_item_missing(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((p, pre)) = plan(ctx) else { return };
    let Some(acts) = &p.activities else { return };
    let texts: Vec<String> = acts.iter().map(|a| a.search_text()).collect();
    for (i, item) in ctx.notice.focus_items().iter().enumerate() {
        if !texts.iter().any(|t| item.matches(t)) {
            out.emit(
                &FOCUS_ITEM_MISSING,
                format!("{pre}/activities"),
                params! {"item" => item.name.clone().unwrap_or_default(), "key" => item.key.clone().unwrap_or_default(),
                         "related" => [format!("notice#/arrangements/focus_items/{i}")]},
                None,
            );
        }
    }
}

pub(crate) const RURAL_MISSING: Rule = Rule {
    code: "plan.rural_activity_missing",
    severity: Error,
    documents: P,
    reads: &["/rural_outreach", "/activities", "/unit"],
    clause: "三（四）涉农县区要积极开展农村社区教育",
    description: "涉农县区的方案必须安排面向农村社区的活动。",
    description_en: "A rural unit's plan must include rural community education.",
    message: "“{unit}”为涉农县区，方案中没有面向农村社区的活动（宣讲、咨询、培训等）",
    message_en:
        "\"{unit}\" is a rural unit but the plan has no rural community activity (talks, advice, training)",
    check: Check::Semantic(rural_missing),
};

fn rural_missing(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((p, pre)) = plan(ctx) else { return };
    let Some(written) = p.unit.as_deref() else { return };
    let official = ctx.notice.official_unit_name(written);
    let Some(unit) = ctx.notice.units().iter().find(|u| u.name.as_deref() == official) else { return };
    if unit.rural != Some(true) {
        return;
    }
    let Some(duty) = ctx.notice.arrangements.as_ref().and_then(|a| a.rural_duty.as_ref()) else { return };
    let has_outreach = !empty_list(p.rural_outreach.as_ref());
    let has_activity = p.activities.iter().flatten().any(|a| duty.matches(&a.search_text()));
    if !has_outreach && !has_activity {
        out.emit(
            &RURAL_MISSING,
            format!("{pre}/rural_outreach"),
            params! {"unit" => unit.name.clone().unwrap_or_default(),
            "related" => [format!("{pre}/activities"), "notice#/arrangements/rural_duty".to_string()]},
            None,
        );
    }
}

pub(crate) const EPIDEMIC_MISSING: Rule = Rule {
    code: "plan.epidemic_responsibility_missing",
    severity: Error,
    documents: P,
    reads: &["/epidemic_prevention/responsible"],
    clause: "四（一）明确疫情防控主体责任",
    description: "方案必须写明疫情防控主体责任单位。",
    description_en: "The plan must name who bears responsibility for epidemic prevention.",
    message: "方案未写明疫情防控主体责任单位",
    message_en: "The plan does not name who is responsible for epidemic prevention",
    check: Check::Semantic(epidemic_missing),
};

fn epidemic_missing(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((p, pre)) = plan(ctx) else { return };
    let required =
        ctx.notice.organisation.as_ref().and_then(|o| o.epidemic_responsibility_required).unwrap_or(false);
    if required && blank(p.epidemic_prevention.as_ref().and_then(|e| e.responsible.as_deref())) {
        out.emit(&EPIDEMIC_MISSING, format!("{pre}/epidemic_prevention/responsible"), params! {}, None);
    }
}

pub(crate) const SAFETY_MISSING: Rule = Rule {
    code: "plan.safety_measures_missing",
    severity: Error,
    documents: P,
    reads: &["/safety_measures"],
    clause: "四（三）落实相关部门和人员的安全责任，完善安全措施",
    description: "方案必须列出安全措施。",
    description_en: "The plan must list safety measures.",
    message: "方案未列出安全措施",
    message_en: "The plan lists no safety measures",
    check: Check::Semantic(safety_missing),
};

fn safety_missing(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((p, pre)) = plan(ctx) else { return };
    let required = ctx.notice.organisation.as_ref().and_then(|o| o.safety_required).unwrap_or(false);
    if required && empty_list(p.safety_measures.as_ref()) {
        out.emit(&SAFETY_MISSING, format!("{pre}/safety_measures"), params! {}, None);
    }
}

pub(crate) const FUNDING_MISSING: Rule = Rule {
    code: "plan.funding_missing",
    severity: Error,
    documents: P,
    reads: &["/funding"],
    clause: "四（三）各县区要为活动周的开展提供必要的经费保障",
    description: "方案必须说明经费保障。",
    description_en: "The plan must state how the week is funded.",
    message: "方案未说明经费保障",
    message_en: "The plan does not state its funding",
    check: Check::Semantic(funding_missing),
};

fn funding_missing(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((p, pre)) = plan(ctx) else { return };
    let required = ctx.notice.organisation.as_ref().and_then(|o| o.funding_required).unwrap_or(false);
    if required && blank(p.funding.as_deref()) {
        out.emit(&FUNDING_MISSING, format!("{pre}/funding"), params! {}, None);
    }
}

pub(crate) const PUBLICITY_MISSING: Rule = Rule {
    code: "plan.publicity_channels_missing",
    severity: Warning,
    documents: P,
    reads: &["/publicity_channels"],
    clause: "四（二）加大活动周宣传力度",
    description: "方案应写明宣传渠道（教育官网、微信公众号、新闻媒体等）。",
    description_en:
        "The plan should name its publicity channels (education website, WeChat account, media …).",
    message: "方案未写明宣传渠道（如：{channels}）",
    message_en: "The plan names no publicity channel (e.g. {channels})",
    check: Check::Semantic(publicity_missing),
};

fn publicity_missing(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((p, pre)) = plan(ctx) else { return };
    if empty_list(p.publicity_channels.as_ref()) {
        let channels =
            ctx.notice.organisation.as_ref().and_then(|o| o.publicity_channels.clone()).unwrap_or_default();
        out.emit(
            &PUBLICITY_MISSING,
            format!("{pre}/publicity_channels"),
            params! {"channels" => channels},
            None,
        );
    }
}

pub(crate) const RULES: &[Rule] = &[
    OPENING_MISSING,
    OPENING_OUTSIDE_WEEK,
    NO_ACTIVITIES,
    ACTIVITY_OUTSIDE_WEEK,
    FOCUS_ITEM_MISSING,
    RURAL_MISSING,
    EPIDEMIC_MISSING,
    SAFETY_MISSING,
    FUNDING_MISSING,
    PUBLICITY_MISSING,
];
