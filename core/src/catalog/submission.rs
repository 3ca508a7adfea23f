//! The submission rules as data (their checks are in `rules::submission_rules`).

use super::DocumentKind::*;
use super::Rule;
use super::Severity::*;

pub(crate) const LATE: Rule = Rule {
    code: "submission.late",
    severity: Error,
    documents: &[Submission],
    reads: &["/submitted_at"],
    clause: "四（四）各县区请于12月5日前报送",
    description: "材料须在通知规定的截止日期前报送（按通知所在时区的日历日判断，可设宽限天数）。",
    description_en: "The package must arrive by the notice's deadline (calendar day in the notice's time zone, with optional grace days).",
    message: "报送时间 {submitted_local} 晚于截止日期 {deadline}，迟交 {days_late} 天",
    message_en: "Submitted at {submitted_local}, after the deadline {deadline}: {days_late} day(s) late",
    library_only: true,
};

pub(crate) const DEADLINE_UNDECIDED: Rule = Rule {
    code: "submission.deadline_undecided",
    severity: Info,
    documents: &[Submission],
    reads: &["/submitted_at"],
    clause: "四（四）报送截止时间",
    description: "通知的截止时间没有可判断的日期（另行通知、某事件后若干时间）：是否按时报送无法判断，也不作推测。",
    description_en: "The notice's deadline has no day to judge against (to be announced, a time after an event): whether the package is on time cannot be decided, and is not guessed.",
    message: "通知的截止时间为“{deadline_text}”，无法判断 {submitted_local} 的报送是否按时",
    message_en: "The notice's deadline is “{deadline_text}”: whether a package sent at {submitted_local} is on time cannot be decided",
    library_only: true,
};

pub(crate) const BEFORE_WEEK_END: Rule = Rule {
    code: "submission.before_week_end",
    severity: Warning,
    documents: &[Submission],
    reads: &["/submitted_at"],
    clause: "四（四）报送活动周工作总结材料",
    description: "总结材料应在活动周结束后报送；更早的报送时间多为填写错误。",
    description_en: "A summary is sent after the week ends; an earlier timestamp is most likely a typo.",
    message: "报送时间 {submitted_local} 早于活动周结束日 {week_end}",
    message_en: "Submitted at {submitted_local}, before the week ends on {week_end}",
    library_only: true,
};

pub(crate) const MATERIAL_MISSING: Rule = Rule {
    code: "submission.material_missing",
    severity: Error,
    documents: &[Submission],
    reads: &["/materials"],
    clause: "四（四）工作总结材料、总结表和1个典型活动案例；电子版和盖章后扫描件（PDF格式）",
    description: "通知要求的每种材料都必须报送。",
    description_en: "Every material the notice requires must be sent.",
    message: "缺少报送材料：{material}",
    message_en: "Missing material: {material_en}",
    library_only: true,
};

pub(crate) const MATERIAL_COUNT: Rule = Rule {
    code: "submission.material_count",
    severity: Error,
    documents: &[Submission],
    reads: &["/materials"],
    clause: "四（四）1个典型活动案例",
    description: "有数量要求的材料（典型活动案例恰好 1 个）必须符合数量。",
    description_en: "Materials with a set number (exactly one typical case) must match it.",
    message: "{material}应为 {expected} 份，实际 {found} 份",
    message_en: "Expected exactly {expected} of {material_en}, found {found}",
    library_only: true,
};

pub(crate) const SCAN_NOT_PDF: Rule = Rule {
    code: "submission.scan_not_pdf",
    severity: Error,
    documents: &[Submission],
    reads: &["/materials/*/format", "/materials/*/file_name"],
    clause: "四（四）盖章后扫描件（PDF格式）",
    description: "盖章后扫描件必须是 PDF 格式。",
    description_en: "The stamped scan must be a PDF.",
    message: "盖章后扫描件应为 {format_expected} 格式，实际为“{format}”",
    message_en: "The stamped scan must be {format_expected}, found \"{format}\"",
    library_only: true,
};

pub(crate) const RULES: &[Rule] =
    &[LATE, DEADLINE_UNDECIDED, BEFORE_WEEK_END, MATERIAL_MISSING, MATERIAL_COUNT, SCAN_NOT_PDF];
