//! Rules of the import from the form's own labels (`SummaryTable::from_labeled_text`): what was
//! read, what was kept as text, which labels matched no row. Nothing the person wrote is dropped.

use super::{Check, Rule};
use crate::diagnostic::Severity::*;
use crate::DocumentKind::{self, *};

const DOCS: &[DocumentKind] = &[Summary];
const CLAUSE: &str = "附件·总结表（按表单栏目导入）";

/// A row was read into its field (`label`, `text`, `value`, `qualifier`).
pub(crate) const IMPORT_PARSED: Rule = Rule {
    code: "import.parsed",
    severity: Info,
    documents: DOCS,
    reads: &[],
    clause: CLAUSE,
    description: "按表单栏目导入时，某一栏的文字已读入对应字段，限定词（约、余、以上）予以保留。",
    description_en: "On import from the form's labels, a row's text was read into its field, keeping its qualifier (约, 余, 以上).",
    message: "「{label}」栏的“{text}”已读作 {value}（{qualifier}）",
    message_en: "Row “{label}”: read “{text}” as {value} ({qualifier})",
    check: Check::Structural,
};

/// A row's text could not be read as its type: kept verbatim in 其他 (`refusal`, `reason`).
pub(crate) const IMPORT_KEPT_AS_TEXT: Rule = Rule {
    code: "import.kept_as_text",
    severity: Warning,
    documents: DOCS,
    reads: &[],
    clause: CLAUSE,
    description: "按表单栏目导入时，某一栏的文字读不出确切数值或日期：不作推测，原文以“【栏目】原文”保留在“其他”中。",
    description_en: "On import from the form's labels, a row's text has no definite value or date: nothing is guessed, and the text is kept in 其他 as “【label】text”.",
    message: "「{label}」栏的“{text}”未能读取（{reason}），原文已保留在“其他”中",
    message_en: "Row “{label}”: “{text}” could not be read ({reason_en}); the text is kept in 其他",
    check: Check::Structural,
};

/// A label matched no row of the form: its text is kept in 其他.
pub(crate) const IMPORT_UNKNOWN_LABEL: Rule = Rule {
    code: "import.unknown_label",
    severity: Warning,
    documents: DOCS,
    reads: &[],
    clause: CLAUSE,
    description: "按表单栏目导入时，某个栏目名不是总结表的栏目：其文字以“【栏目】原文”保留在“其他”中。",
    description_en: "On import from the form's labels, a label matches no row of the 总结表: its text is kept in 其他 as “【label】text”.",
    message: "栏目「{label}」不是总结表的栏目，其内容已保留在“其他”中",
    message_en: "“{label}” is not a row of the 总结表; its text is kept in 其他",
    check: Check::Structural,
};

/// The import rules, in catalog order.
pub(crate) const RULES: &[Rule] = &[IMPORT_PARSED, IMPORT_KEPT_AS_TEXT, IMPORT_UNKNOWN_LABEL];
