//! Rules checked while reading a document: JSON syntax, types, domains, unknown keys, and the
//! field constraints declared with `#[validate(…)]` attributes on the model (checked by `decode::FieldRules`; their `code`s are these).

use super::DocumentKind::{self, *};
use super::Rule;
use super::Severity::*;

const ALL: &[DocumentKind] = &[Notice, Plan, Summary, Submission];

macro_rules! structural {
    ($name:ident, $code:literal, $sev:expr, $reads:expr, $clause:literal, $d:literal, $de:literal, $m:literal, $me:literal) => {
        pub(crate) const $name: Rule = Rule {
            code: $code,
            severity: $sev,
            documents: ALL,
            reads: $reads,
            clause: $clause,
            description: $d,
            description_en: $de,
            message: $m,
            message_en: $me,
            library_only: false,
        };
    };
}

structural!(
    JSON_SYNTAX,
    "json.syntax",
    Error,
    &[""],
    "—",
    "输入必须是合法的 JSON。",
    "The input must be well-formed JSON.",
    "JSON 格式错误（第 {line} 行第 {column} 列）：{why}",
    "Malformed JSON at line {line}, column {column}: {why_en}"
);
structural!(
    JSON_TOO_DEEP,
    "json.too_deep",
    Error,
    &[""],
    "—",
    "JSON 嵌套不得超过 127 层。",
    "JSON nesting must not exceed 127 levels.",
    "JSON 嵌套过深（第 {line} 行第 {column} 列）：超过 127 层，已停止读取",
    "JSON nested too deeply (line {line}, column {column}): more than 127 levels, reading stopped"
);
structural!(
    JSON_DUPLICATE_KEY,
    "json.duplicate_key",
    Warning,
    &[],
    "—",
    "同一对象中的键不得重复：JSON 读取时只取最后一次的值，之前的值不会被读取。",
    "A key must not repeat in one object: reading JSON keeps only its last value, and the earlier ones are not read.",
    "键“{key}”在同一对象中出现了 {times} 次：只读取了最后一次的值，之前的值未被读取；请删去重复的键",
    "The key \"{key}\" appears {times} times in one object: only its last value was read, the earlier ones were not; remove the repeats"
);
structural!(DOCUMENT_KIND_UNKNOWN, "document.kind_unknown", Error, &[""], "—",
    "无法判断文档类型（总结表、活动方案、报送材料或通知）。",
    "The document kind (summary table, plan, submission or notice) cannot be told.",
    "无法判断这是哪种文档：总结表应含 host_unit，报送材料应含 summary 与 submitted_at，活动方案应含 activities，通知应含 jurisdiction；请指明文档类型（kind）",
    "Cannot tell what kind of document this is: a summary table has host_unit, a submission has summary and submitted_at, a plan has activities, a notice has jurisdiction; name its kind");
structural!(
    TYPE_INVALID,
    "type.invalid",
    Error,
    &[],
    "—",
    "每个值必须是该行要求的 JSON 类型。",
    "Each value must have the JSON type its row requires.",
    "[[“{label}”]]类型不符：应为 {expected}，实际为 {found}",
    "Wrong type[[ for 「{label}」]]: expected {expected}, found {found}"
);
structural!(
    VALUE_UNCONVERTIBLE,
    "value.unconvertible",
    Error,
    &[""],
    "—",
    "从 Python 或 JavaScript 传入的值必须能写成 JSON（对象、数组、文本、数字、布尔值或 null）。",
    "A value given from Python or JavaScript must have a JSON form (object, array, text, number, boolean or null).",
    "无法把传入的值写成 JSON，未作校验：{why}",
    "The value given cannot be written as JSON, so nothing was checked: {why_en}"
);
structural!(
    FIELD_UNKNOWN,
    "field.unknown",
    Warning,
    &[],
    "—",
    "未识别的字段会原样保留，但不参与校验（可能是拼写错误）。",
    "Unknown keys are kept as they are but not checked (perhaps a misspelling).",
    "未识别的字段“{key}”已原样保留，但不参与校验[[（是否应为“{suggestion}”？）]]",
    "Unknown key \"{key}\" kept as is but not checked[[ (did you mean \"{suggestion}\"?)]]"
);
structural!(
    FIELD_IGNORED,
    "field.ignored",
    Warning,
    &[],
    "—",
    "数量或百分比对象中未识别的字段无法保留，会被忽略（可能是拼写错误）。",
    "Unknown keys inside a count or percentage object cannot be kept and are ignored (perhaps a misspelling).",
    "数量或百分比中的字段“{key}”无法识别，已忽略[[（是否应为“{suggestion}”？）]]",
    "Key \"{key}\" inside a count or percentage is not known and was ignored[[ (did you mean \"{suggestion}\"?)]]"
);
structural!(
    ROW_TOO_LONG,
    "row.too_long",
    Error,
    &[],
    "—",
    "单个文本不得超过 65536 个字符。",
    "A single text must not exceed 65,536 characters.",
    "文本过长：{chars} 个字符，上限 {max}",
    "Text too long: {chars} characters, the limit is {max}"
);
structural!(
    NUMBER_OUT_OF_RANGE,
    "number.out_of_range",
    Error,
    &[],
    "—",
    "数值必须在允许范围内。",
    "A number must lie within its allowed range.",
    "数值超出范围（允许 {min} 至 {max}）",
    "Number out of range (allowed {min} to {max})"
);
structural!(
    DATE_INVALID,
    "date.invalid",
    Error,
    &[],
    "—",
    "日期必须是存在的日历日期，格式为 YYYY-MM-DD。",
    "A date must be a real calendar date written YYYY-MM-DD.",
    "[[“{label}”：]]日期“{value}”无效：应为 YYYY-MM-DD 格式的真实日期",
    "Invalid date \"{value}\": expected a real calendar date as YYYY-MM-DD"
);
structural!(
    DATETIME_INVALID,
    "datetime.invalid",
    Error,
    &["/submitted_at"],
    "四（四）",
    "时间必须是带时区的 RFC 3339 时间（如 2021-12-03T16:20:00+08:00）。",
    "A timestamp must be RFC 3339 with an offset (e.g. 2021-12-03T16:20:00+08:00).",
    "时间“{value}”无效：应为带时区的 RFC 3339 时间，如 2021-12-03T16:20:00+08:00",
    "Invalid timestamp \"{value}\": expected RFC 3339 with offset, e.g. 2021-12-03T16:20:00+08:00"
);
structural!(
    COUNT_NEGATIVE,
    "count.negative",
    Error,
    &[],
    "附件·活动参与情况",
    "数量不能为负数。",
    "A count cannot be negative.",
    "[[“{label}”：]]数量不能为负数",
    "A count cannot be negative[[ (「{label}」)]]"
);
structural!(
    COUNT_SOURCE_MISMATCH,
    "count.source_mismatch",
    Warning,
    &[],
    "附件·活动参与情况",
    "数量对象的数值、限定词或单位应与其所据的原文（source）一致；不一致时按对象所写的数值汇总，但无法判断哪一个是真实数字（人与人次从不相加），须核对。",
    "A count object's value, qualifier and unit should agree with the text it was read from (source); when they do not, the object's figure is the one counted, but which is the real one cannot be told (人 and 人次 are never added): check it.",
    "[[“{label}”：]]数量写作 {written}，但其原文「{source}」读作 {read_as}：请改正数值、限定词或单位，使之与原文一致",
    "The count is written as {written}, but its source “{source}” reads as {read_as_en}[[ (「{label}」)]]: correct the value, qualifier or unit to match the source"
);
structural!(
    COUNT_NOT_INTEGER,
    "count.not_integer",
    Error,
    &[],
    "附件·活动参与情况",
    "数量必须是整数（人数、场次不可为小数）。",
    "A count must be a whole number.",
    "[[“{label}”：]]数量必须是整数",
    "A count must be a whole number[[ (「{label}」)]]"
);
structural!(
    COUNT_TOO_LARGE,
    "count.too_large",
    Error,
    &[],
    "附件·活动参与情况",
    "数量不得超过一万亿（更大的数多为笔误）。",
    "A count must not exceed 10^12 (larger figures are typos).",
    "[[“{label}”：]]数量过大：上限为 {max}",
    "Count too large[[ (「{label}」)]]: the limit is {max}"
);
structural!(
    COUNT_FROM_TEXT,
    "count.from_text",
    Info,
    &[],
    "附件·活动参与情况",
    "以文字填写的数量已被解读，限定词（约、余、不到）予以保留。",
    "A count written as text was read, keeping its qualifier (约, 余, 不到).",
    "已将“{text}”解读为 {read_as}",
    "Read \"{text}\" as {read_as_en}"
);
structural!(
    ENUM_UNKNOWN,
    "enum.unknown",
    Error,
    &[],
    "—",
    "取值必须是规定的选项之一。",
    "A value must be one of the listed options.",
    "[[“{label}”：]]取值不在可选范围内，可选：{allowed}",
    "Not one of the allowed values[[ for 「{label}」]]: {allowed}"
);
structural!(
    ROW_MISSING,
    "row.missing",
    Error,
    &[],
    "附件·总结表",
    "表中要求填写的行不得缺失。",
    "Every required row of the form must be present.",
    "缺少必填项“{label}”",
    "Required row \"{row}\"[[ (「{label}」)]] is missing"
);
structural!(
    ROW_BLANK,
    "row.blank",
    Error,
    &[],
    "附件·总结表",
    "必填项不得为空白。",
    "A required row must not be blank.",
    "必填项“{label}”为空白",
    "Required row \"{row}\"[[ (「{label}」)]] is blank"
);
structural!(
    SATISFACTION_OUT_OF_RANGE,
    "satisfaction.out_of_range",
    Error,
    &["/reach/satisfaction"],
    "附件·活动的群众性",
    "群众满意度须在 0 到 100 之间。",
    "Satisfaction must lie between 0 and 100.",
    "群众满意度 {value} 超出 0–100 的范围",
    "Satisfaction {value} is outside 0–100"
);
structural!(
    SATISFACTION_FRACTION,
    "satisfaction.fraction",
    Error,
    &["/reach/satisfaction"],
    "附件·活动的群众性",
    "群众满意度是百分数（0–100）：0 与 1 之间的小数（0.972）是比率的写法，不作百分数读。",
    "Satisfaction is a percentage (0–100): a fraction between 0 and 1 (0.972) is a ratio's form and is not read as a percentage.",
    "群众满意度 {value} 像是小数写法：若指 {percent}%，请填 {percent}；若确为百分之 {value}，请填“{value}%”",
    "Satisfaction {value} looks like a fraction: for {percent}% write {percent}; if it really is {value} per cent, write \"{value}%\""
);
structural!(
    CONTACT_PHONE_INVALID,
    "contact.phone_invalid",
    Error,
    &["/reporting/contacts/*/phone"],
    "四（四）",
    "联系电话须为 11 位手机号或带区号的固定电话。",
    "A contact phone must be an 11-digit mobile or a landline with area code.",
    "联系电话格式不正确（应为 11 位手机号或如 0791-83989457 的固定电话）",
    "Invalid phone number (expected an 11-digit mobile or a landline such as 0791-83989457)"
);
structural!(
    CONTACT_EMAIL_INVALID,
    "contact.email_invalid",
    Error,
    &["/reporting/email"],
    "四（四）",
    "报送邮箱须为合法的电子邮件地址。",
    "The reporting e-mail must be a valid address.",
    "邮箱地址格式不正确",
    "Invalid e-mail address"
);

structural!(
    POINTER_MALFORMED,
    "pointer.malformed",
    Error,
    &[""],
    "—",
    "逐项校验的字段必须用 JSON Pointer（RFC 6901）指明，以 / 开头。",
    "The field to re-check must be named by a JSON Pointer (RFC 6901), starting with /.",
    "「{pointer}」不是 JSON Pointer：应以 / 开头，如 {nearest}；该字段未校验",
    "\"{pointer}\" is not a JSON Pointer: it must start with /, as in {nearest}; the field was not checked"
);
structural!(
    POINTER_UNKNOWN,
    "pointer.unknown",
    Error,
    &[""],
    "—",
    "逐项校验的字段必须是该文档的一行。",
    "The field to re-check must be a row of the document.",
    "{pointer} 不是{kind_zh}的字段，最接近的是 {nearest}；该字段未校验",
    "{pointer} is not a field of a {kind}; the nearest is {nearest}; the field was not checked"
);

pub(crate) const RULES: &[Rule] = &[
    JSON_SYNTAX,
    JSON_TOO_DEEP,
    JSON_DUPLICATE_KEY,
    DOCUMENT_KIND_UNKNOWN,
    TYPE_INVALID,
    VALUE_UNCONVERTIBLE,
    FIELD_UNKNOWN,
    FIELD_IGNORED,
    ROW_TOO_LONG,
    NUMBER_OUT_OF_RANGE,
    DATE_INVALID,
    DATETIME_INVALID,
    COUNT_NEGATIVE,
    COUNT_SOURCE_MISMATCH,
    COUNT_NOT_INTEGER,
    COUNT_TOO_LARGE,
    COUNT_FROM_TEXT,
    ENUM_UNKNOWN,
    ROW_MISSING,
    ROW_BLANK,
    SATISFACTION_OUT_OF_RANGE,
    SATISFACTION_FRACTION,
    CONTACT_PHONE_INVALID,
    CONTACT_EMAIL_INVALID,
    POINTER_MALFORMED,
    POINTER_UNKNOWN,
];
