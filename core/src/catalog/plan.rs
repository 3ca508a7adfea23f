//! The plan rules as data (their checks are in `rules::plan_rules`).

use super::DocumentKind::{self, *};
use super::Rule;
use super::Severity::*;

pub(crate) const P: &[DocumentKind] = &[Plan, Submission];

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
    library_only: true,
};

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
    library_only: true,
};

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
    library_only: true,
};

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
    library_only: true,
};

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
    library_only: true,
};

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
    library_only: true,
};

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
    library_only: true,
};

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
    library_only: true,
};

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
    library_only: true,
};

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
    library_only: true,
};

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
