//! Rules of reading a published notice (`Notice::from_text`, `Notice::from_docx`): what the reader
//! found, what it could not find or read, and the deadlines and weeks that are not plain dates.
//! Nothing is guessed: a part the reader cannot read is a finding at that part's pointer.

use super::DocumentKind::{self, *};
use super::Rule;
use super::Severity::*;

const DOCS: &[DocumentKind] = &[Notice];
const CLAUSE: &str = "通知原文（公文）";

/// The text is not an activity-week notice at all (no 通知 title, no numbered sections).
pub(crate) const NOT_A_NOTICE: Rule = Rule {
    code: "reading.not_a_notice",
    severity: Error,
    documents: DOCS,
    reads: &[],
    clause: CLAUSE,
    description: "读入的文字不是活动周通知：没有“关于……的通知”标题，也没有“一、二、……”编号的部分。",
    description_en: "The text is not an activity-week notice: it has no title “关于……的通知” and no numbered sections (一、二、…).",
    message: "这份文字不是活动周通知（{why}）",
    message_en: "This text is not an activity-week notice ({why_en})",
    library_only: false,
};

/// A part of the notice the reader looked for and did not find (`part`, `part_en`).
pub(crate) const PART_MISSING: Rule = Rule {
    code: "reading.part_missing",
    severity: Warning,
    documents: DOCS,
    reads: &[],
    clause: CLAUSE,
    description: "通知中找不到某一部分（如活动主题、活动时间、报送截止日期）：该项留空，不作推测，请补填。",
    description_en: "A part of the notice (the theme, the week, the deadline …) was not found: it is left empty, never guessed; fill it in.",
    message: "通知中没有找到“{part}”，该项留空",
    message_en: "The notice's “{part_en}” was not found; it is left empty",
    library_only: false,
};

/// A part was found but its words could not be read as its type (`part`, `text`, `reason`).
pub(crate) const PART_UNREADABLE: Rule = Rule {
    code: "reading.part_unreadable",
    severity: Warning,
    documents: DOCS,
    reads: &[],
    clause: CLAUSE,
    description: "通知中某一部分找到了，但其文字读不出所需的值（如日期）：该项留空，原文见参数 text。",
    description_en: "A part of the notice was found but its words do not give the value needed (a date, say): it is left empty; its text is in params.text.",
    message: "“{part}”的原文“{text}”未能读取（{reason}），该项留空",
    message_en: "The notice's “{part_en}”: “{text}” could not be read ({reason_en}); it is left empty",
    library_only: false,
};

/// The deadline is not a plain date: a month, ten days, relative to an event, or 另行通知 (`kind`, `text`).
pub(crate) const DEADLINE_TERM: Rule = Rule {
    code: "reading.deadline_term",
    severity: Info,
    documents: DOCS,
    reads: &["/reporting/deadline_term"],
    clause: "四、组织要求·报送截止时间",
    description: "通知的报送截止时间不是具体日期（某月、上中下旬、某事件后若干时间、另行通知）：按原样记录，及时性只在能判断时判断。",
    description_en: "The notice's deadline is not a plain date (a month, ten days, a time after an event, to be announced): it is kept as written, and timeliness is judged only where it can be.",
    message: "报送截止时间为“{text}”（{kind_zh}），{consequence}",
    message_en: "The deadline is “{text}” ({kind_en}); {consequence_en}",
    library_only: false,
};

/// The week is given by its first day only (「此后一周」): the last day is the sixth after it.
pub(crate) const WEEK_FROM_START: Rule = Rule {
    code: "reading.week_from_start",
    severity: Info,
    documents: DOCS,
    reads: &["/week/end"],
    clause: "二、活动时间",
    description: "通知只给出活动周的开始日期和“一周”：结束日期按开始日期后第6天计。",
    description_en: "The notice gives the week's first day and “one week”: the last day is taken as the sixth day after it.",
    message: "活动时间“{text}”只给出开始日期 {start}，结束日期按一周计为 {end}",
    message_en: "The week “{text}” gives only its first day {start}; its last day is taken as {end}, a week on",
    library_only: false,
};

/// A value the reader took from the notice's context rather than its own words: a cited
/// notice's 「省」 or 「市」 spelled out from the jurisdiction (`text`, `value`).
pub(crate) const EXPANDED: Rule = Rule {
    code: "reading.expanded",
    severity: Info,
    documents: DOCS,
    reads: &[],
    clause: CLAUSE,
    description: "通知中的简称（“市教育局”“省教育厅”）按通知所在的市、省补全为全称。",
    description_en: "A short name in the notice (市教育局, 省教育厅) is spelled out with the notice's own city or province.",
    message: "“{text}”补全为“{value}”",
    message_en: "“{text}” is spelled out as “{value}”",
    library_only: false,
};

pub(crate) const RULES: &[Rule] =
    &[NOT_A_NOTICE, PART_MISSING, PART_UNREADABLE, DEADLINE_TERM, WEEK_FROM_START, EXPANDED];
