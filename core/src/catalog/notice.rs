//! The notice rules as data (their checks are in `rules::notice_rules`).

use super::DocumentKind::*;
use super::Rule;
use super::Severity::*;

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
    library_only: true,
};

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
    library_only: true,
};

pub(crate) const DEADLINE_MISSING: Rule = Rule {
    code: "notice.deadline_missing",
    severity: Error,
    documents: &[Notice],
    reads: &["/reporting/deadline", "/reporting/deadline_term"],
    clause: "四（四）报送截止日期",
    description: "通知须给出报送截止日期，或以 deadline_term 写明截止时间的写法（某月、上中下旬、某事件后、另行通知）。",
    description_en: "A notice gives its reporting deadline, or says in deadline_term how it gives it (a month, ten days, after an event, to be announced).",
    message: "缺少报送截止日期（或截止时间的写法）",
    message_en: "The reporting deadline (or how the notice gives it) is missing",
    library_only: true,
};

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
    library_only: true,
};

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
    library_only: true,
};

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
    library_only: true,
};

pub(crate) const RULES: &[Rule] = &[
    WEEK_INVERTED,
    DEADLINE_BEFORE_WEEK_END,
    DEADLINE_MISSING,
    JURISDICTION_EMPTY,
    NAME_AMBIGUOUS,
    OFFSET_INVALID,
];
