//! The summary rules as data (their checks are in `rules::summary_rules`).

use super::DocumentKind::{self, *};
use super::Rule;
use super::Severity::*;

pub(crate) const S: &[DocumentKind] = &[Summary, Submission];
pub(crate) const SP: &[DocumentKind] = &[Summary, Plan, Submission];

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
    library_only: true,
};

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
    library_only: true,
};

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
    library_only: true,
};

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
    library_only: true,
};

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
    library_only: true,
};

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
    library_only: true,
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
    library_only: true,
};

pub(crate) const UNIT_UNKNOWN: Rule = Rule {
    code: "unit.unknown",
    severity: Error,
    documents: SP,
    reads: &["/host_unit", "/unit"],
    clause: "主送单位；四（四）各县区报送",
    description: "举办县区必须是通知辖区内的报送单位（可用别称）。",
    description_en: "The unit must be one of the notice's reporting units (aliases accepted).",
    message: "“{written}”不是本通知的报送单位[[（是否应为“{suggestion}”？）]]；应为：{expected}",
    message_en: "\"{written}\" is not a reporting unit of this notice[[ (did you mean \"{suggestion}\"?)]]; expected one of: {expected}",
    library_only: true,
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
    library_only: true,
};

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
    library_only: true,
};

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
    library_only: true,
};

pub(crate) const THEME_NEAR_MISS: Rule = Rule {
    code: "theme.near_miss",
    severity: Warning,
    documents: SP,
    reads: &["/theme_and_content/theme", "/theme"],
    clause: "一、活动主题；三（一）结合主题",
    description: "活动主题与通知主题只差几个字（多字、漏字或错字），指出差别。",
    description_en:
        "The theme is a few characters off the notice's (added, dropped or changed); the difference is shown.",
    message: "活动主题“{written}”与通知主题“{notice_theme}”有出入：{difference}",
    message_en:
        "The theme \"{written}\" is a few characters off the notice's \"{notice_theme}\": {difference_en}",
    library_only: true,
};

pub(crate) const THEME_OTHER_YEAR: Rule = Rule {
    code: "theme.other_year",
    severity: Warning,
    documents: SP,
    reads: &["/theme_and_content/theme", "/theme"],
    clause: "一、活动主题；三（一）结合主题",
    description: "活动主题是另一年度的全国活动周主题，不是本年度通知的主题。",
    description_en: "The theme is the national activity week's theme of another year, not this year's notice's.",
    message: "活动主题“{theme}”是 {year} 年的全国活动周主题“{national_theme}”（{source}），本年度通知的主题是“{notice_theme}”",
    message_en: "The theme \"{theme}\" is the national theme of {year} (\"{national_theme}\", {source}); this year's notice's theme is \"{notice_theme}\"",
    library_only: true,
};

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
    library_only: true,
};

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
    library_only: true,
};

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
    library_only: true,
};

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
    library_only: true,
};

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
    THEME_NEAR_MISS,
    THEME_OTHER_YEAR,
    SATISFACTION_MISSING,
    FEATURED_NOT_IN_PLAN,
    PERIOD_INCONSISTENT_WITH_PLAN,
    PLAN_UNIT_MISMATCH,
];
