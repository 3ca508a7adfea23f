//! The text parsers' refusals (`text.*`) as data: each code a named rule, so the parsers
//! cannot misspell one.

use super::DocumentKind;
use super::Rule;
use super::Severity::*;

const DOCS: &[DocumentKind] = &[DocumentKind::Summary];
const CLAUSE: &str = "附件·总结表（文本填写）";

const fn rule(
    code: &'static str,
    description: &'static str,
    description_en: &'static str,
    message: &'static str,
    message_en: &'static str,
) -> Rule {
    Rule {
        code,
        severity: Error,
        documents: DOCS,
        reads: &[],
        clause: CLAUSE,
        description,
        description_en,
        message,
        message_en,
        library_only: false,
    }
}

/// A `text.*` finding that does not refuse the cell: the value was read, something beside it
/// was set aside or does not add up.
const fn warning(
    code: &'static str,
    description: &'static str,
    description_en: &'static str,
    message: &'static str,
    message_en: &'static str,
) -> Rule {
    Rule { severity: Warning, ..rule(code, description, description_en, message, message_en) }
}

pub(crate) const NOT_ROW_FIGURE: Rule = rule(
    "text.not_row_figure",
    "栏内唯一的数字不是本次活动周本栏的数值：平均数（年均、平均每场）、预计或计划数（预计、计划、拟、力争、目标）、其他年份（届）的数字，或另一种量（满意度栏的覆盖率、人数栏的年龄、时长、场次）；不予采用，原文保留，原因见 params.reason（average / projected / other_year / other_measure）。",
    "The cell's only figure is not this week's figure for the row: an average (年均, 平均每场), a forecast or plan (预计, 计划, 拟, 力争, 目标), another year's figure, or another measure (a coverage rate as satisfaction; an age, a duration or a number of events as participants); it is not taken, the text is kept, and params.reason says why (average / projected / other_year / other_measure).",
    "「{text}」中的「{figure}」是{why}，不是本次活动周本栏的数值，未予采用（原文已保留）：请填写活动周期间实际达到的数字。",
    "In “{text}”, “{figure}” is {why_en}, not this week's figure for the row; it was not taken (the text is kept): write the figure actually reached during the week.",
);

pub(crate) const FIGURE_SET_ASIDE: Rule = warning(
    "text.figure_set_aside",
    "栏内除本栏数值外还写了同类的其他数字（平均数、预计数、其他年份的数字、另一种比率），该数字未计入本栏；原因见 params.reason。",
    "Beside the row's figure the cell gives another figure of its kind (an average, a forecast, another year's, another rate); that figure is not counted, and params.reason says why.",
    "「{text}」是{why}，未计入本栏；本栏读作 {read_as}。",
    "“{text}” is {why_en} and was not counted; the row reads {read_as}.",
);

pub(crate) const SEVERAL_FIGURES: Rule = rule(
    "text.several_figures",
    "栏内写了几个同类数字（如“开幕式300人，系列活动2万人次”），没有写明合计：不擅自挑选或相加（人与人次从不相加），原文保留。",
    "The cell gives several figures of the row's kind (e.g. 开幕式300人，系列活动2万人次) and no total: none is picked and none is added (人 and 人次 never are); the text is kept.",
    "「{text}」写了{count}个数字（{figures}），没有写明合计，看不出哪一个是本栏的数值[[{never_added}]]：请填写活动周的合计（如“{example}”）。",
    "“{text}” gives {count} figures ({figures}) and no total, so which one is the row's value cannot be told[[{never_added_en}]]: write the week's total (e.g. {example}).",
);

pub(crate) const PARTS_MISMATCH: Rule = warning(
    "text.parts_mismatch",
    "栏内写了合计（共计、合计、总计）及其分项，同类分项之和与合计不一致（只写一项时，该项大于合计）；本栏按合计填写。",
    "The cell gives a total (共计, 合计, 总计) and parts of its kind that do not add up to it (one part alone: larger than it); the row takes the total.",
    "合计「{text}」（{total}）与分项（{parts}）之和 {sum} 不一致：本栏按合计填写，请核对分项。",
    "The total “{text}” ({total}) differs from the sum {sum} of its parts ({parts}): the row takes the total; check the parts.",
);

pub(crate) const PARTS_OTHER_KIND: Rule = warning(
    "text.parts_other_kind",
    "栏内写了合计及其分项，但有分项所计的量与合计不同（合计按人，分项按人次，或反之）；人与人次不能相加，这些分项无法与合计核对；本栏按合计填写。",
    "The cell gives a total and parts, but some parts count another kind than the total (人次 under a total of 人, or the reverse); 人 and 人次 are never added, so those parts cannot be checked against it; the row takes the total.",
    "合计「{text}」按“{unit}”计，分项（{parts}）所计的不同：人与人次不能相加，无法核对分项；本栏按合计填写，请核对单位。",
    "The total “{text}” counts {unit}, but its parts ({parts}) count another kind: 人 and 人次 are never added, so they cannot be checked against it; the row takes the total; check the units.",
);

pub(crate) const NO_NUMBER: Rule = rule(
    "text.no_number",
    "文字中读不出数字或日期（如只有“赢得了市民的广泛好评”），不能据此推测数值。",
    "No figure or date can be read from the text (e.g. only praise such as 赢得了市民的广泛好评); no value is guessed.",
    "「{text}」中没有可读出的数字或日期：请填写具体数字（如 1200人、约3.5万人次、98%）或起止日期；文字评价不能换算成数值。",
    "No figure or date can be read from “{text}”: write a number (e.g. 1200人, 约3.5万人次, 98%) or the dates; praise or description cannot be turned into a value.",
);

pub(crate) const KIND_MISSING: Rule = rule(
    "text.kind_missing",
    "栏内写了数字，但没有写明所计的是本栏要的哪一种量（如参加人数只写“1500”，没有写“人”或“人次”）；不擅自推定（人与人次从不相加），原文保留。",
    "The cell gives a figure but does not say it counts what the row asks (e.g. participants written as a bare 1500, with neither 人 nor 人次); it is not guessed (人 and 人次 are never added), and the text is kept.",
    "「{text}」中的数字没有写明是{kind_zh}：请在数字后写明单位（如 {example}），不擅自推定。",
    "“{text}” gives no figure that says it counts {kind_en}: write the unit after the number (e.g. {example_en}); none is guessed.",
);

pub(crate) const VAGUE: Rule = rule(
    "text.vague",
    "模糊说法（成千上万、数百、上千、几十、若干、两三百、200-300人、9月初、9月中旬、只有月份的“4月~10月”）读不出确切数字或日期，拒绝换算。",
    "Vague wording (成千上万, 数百, 上千, 几十, 若干, ranges such as 两三百 or 200-300人, 9月初, 9月中旬, month-only spans such as 4月~10月) has no definite number or date and is refused.",
    "「{text}」是模糊说法，读不出确切的数字或日期：请写明具体数字（如 1200余人、约3.5万人次）或具体起止日期（如 11月22日至28日）。",
    "“{text}” is vague: no definite number or date can be read from it; write the number (e.g. 1200余人, 约3.5万人次) or the exact dates (e.g. 11月22日至28日).",
);

pub(crate) const NOT_INTEGER: Rule = rule(
    "text.not_integer",
    "小数乘以万、亿后不是整数（如 1.23456万），或人数、场次写成了小数；数量必须是整数。",
    "A decimal times 万/亿 that is not a whole number (e.g. 1.23456万), or a count of people or events written with decimals; counts must be integers.",
    "「{text}」算出的数量是 {value}，不是整数：人数、场次等必须是整数，请核对小数位。",
    "“{text}” works out to {value}, which is not a whole number: counts of people or events must be integers; check the decimals.",
);

pub(crate) const TOO_LARGE: Rule = rule(
    "text.too_large",
    "数量超过可记录的上限（与 JSON 数量字段的上限相同）。",
    "The number exceeds the largest count that can be recorded (the same limit as a JSON count field).",
    "「{text}」超出可记录的最大数量 {max}：请核对是否多写了数位或单位（万、亿）。",
    "“{text}” exceeds the largest count that can be recorded ({max}): check for extra digits or a wrong 万/亿.",
);

pub(crate) const NUMBER_MALFORMED: Rule = rule(
    "text.number_malformed",
    "数字写法不规范或有缺字（如“十十”“1?00”），无法确定数值。",
    "The number is malformed or has a lost character (e.g. 十十, 1?00), so its value cannot be determined.",
    "「{text}」中的数字写法不规范或有缺字，无法确定数值：请改为规范写法（如 3500、3,500 或 三千五百）。",
    "The number in “{text}” is malformed or has a lost character, so its value cannot be determined: write it plainly (e.g. 3500, 3,500 or 三千五百).",
);

pub(crate) const PERCENT_OUT_OF_RANGE: Rule = rule(
    "text.percent_out_of_range",
    "满意率等百分比必须在 0% 到 100% 之间。",
    "A percentage such as a satisfaction rate must lie between 0% and 100%.",
    "「{text}」中的百分比 {value}% 超出 0%–100%：满意率须在百分之零到百分之百之间。",
    "The percentage {value}% in “{text}” is outside 0%–100%: a satisfaction rate lies between 0% and 100%.",
);

pub(crate) const ROLE_UNKNOWN: Rule = rule(
    "text.role_unknown",
    "参与单位只写了一个个数（如“二十三个”），看不出是全市区数还是参与活动的数量，不作猜测。",
    "Participating units are given as one bare count (e.g. 二十三个): whether it is the total or those taking part cannot be told, so it is not guessed.",
    "「{text}」写了个数，但看不出是全市区数还是参与活动的数量：请分别写明（如“全市9个县区，9个参与”）。",
    "“{text}” gives a count but not whether it is the units in total or those taking part: write both (e.g. 全市9个县区，9个参与).",
);

pub(crate) const RATIO_ONLY: Rule = rule(
    "text.ratio_only",
    "参与单位只写了比例（如“区县举办活动周占比达到了100%”），没有个数；比例不能换算成个数。",
    "Participating units are given only as a share (e.g. 占比达到了100%), not as counts; a share cannot be turned into a count.",
    "「{text}」只给出了比例，没有写单位的个数：请填写具体数量（如“全市9个县区，9个参与”）。",
    "“{text}” gives only a share, not how many units took part: write the counts (e.g. 全市9个县区，9个参与).",
);

pub(crate) const YEAR_MISSING: Rule = rule(
    "text.year_missing",
    "日期没有写年份，调用方也未提供默认年份。",
    "The date has no year and the caller gave no default year.",
    "「{text}」没有写年份，也没有默认年份可用：请写明年份（如 2021年11月22日）。",
    "“{text}” gives no year and no default year was supplied: write the year (e.g. 2021年11月22日).",
);

pub(crate) const DATE_GARBLED: Rule = rule(
    "text.date_garbled",
    "日期中的“月”“日”缺失或数字粘连（如“1025日”“119日”“20131028119”），无法确定是哪一天。",
    "A date whose 月/日 markers are lost or whose digits run together (e.g. 1025日, 119日, 20131028119); the day cannot be told.",
    "「{text}」像是日期，但“月”“日”等字缺失或数字粘连，无法确定是哪一天：请按“11月22日”的格式填写。",
    "“{text}” looks like a date but its 月/日 markers are missing or its digits run together, so the day cannot be told: write it as 11月22日.",
);

pub(crate) const DATE_INVALID: Rule = rule(
    "text.date_invalid",
    "日历上不存在的日期（如 11月31日、2月30日、13月）。",
    "A date that does not exist on the calendar (e.g. 11月31日, 2月30日, month 13).",
    "「{text}」不是有效的日期（{date}）：请核对月份和日期。",
    "“{text}” is not a valid calendar date ({date}): check the month and day.",
);

pub(crate) const PERIOD_INVERTED: Rule = rule(
    "text.period_inverted",
    "活动时间的结束日期早于开始日期。",
    "The end date of the period is before its start date.",
    "「{text}」的结束日期 {end} 早于开始日期 {start}：请核对起止日期。",
    "In “{text}” the end date {end} is before the start date {start}: check the dates.",
);

/// One rule per `text.*` code: what the text parsers refuse, and how they say it.
pub(crate) const RULES: &[Rule] = &[
    NO_NUMBER,
    KIND_MISSING,
    VAGUE,
    NOT_INTEGER,
    TOO_LARGE,
    NUMBER_MALFORMED,
    PERCENT_OUT_OF_RANGE,
    RATIO_ONLY,
    ROLE_UNKNOWN,
    YEAR_MISSING,
    DATE_GARBLED,
    DATE_INVALID,
    PERIOD_INVERTED,
    NOT_ROW_FIGURE,
    FIGURE_SET_ASIDE,
    SEVERAL_FIGURES,
    PARTS_MISMATCH,
    PARTS_OTHER_KIND,
];
