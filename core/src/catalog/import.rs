//! Rules of the import from the form's own labels (`SummaryTable::from_labeled_text`): what was
//! read, what was kept as text, which labels matched no row. Nothing the person wrote is dropped.
//! And of reading the filled form from Word and Excel files (`SummaryTable::from_docx`,
//! `from_xlsx`): a file that cannot be used is refused with one error, in bounded time and memory.

use super::DocumentKind::{self, *};
use super::Rule;
use super::Severity::*;

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
    library_only: false,
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
    library_only: false,
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
    library_only: false,
};

const FILE_CLAUSE: &str = "附件·总结表（Word / Excel 文件导入）";

/// The file is larger than the import accepts (`size`, `limit` in bytes; `part`: the file or an
/// entry of the archive, whose decompressed size is capped against zip bombs).
pub(crate) const IMPORT_TOO_LARGE: Rule = Rule {
    code: "import.too_large",
    severity: Error,
    documents: DOCS,
    reads: &[],
    clause: FILE_CLAUSE,
    description: "导入的文件或其中某一部分（解压后）超过大小上限：不予读取（防止压缩炸弹占满内存）。",
    description_en: "The imported file, or one part of it once decompressed, exceeds the size limit: it is not read (a zip bomb cannot fill the memory).",
    message: "{part}超过大小上限（{size} 字节，上限 {limit} 字节），未读取",
    message_en: "{part_en} is over the size limit ({size} bytes, limit {limit} bytes); not read",
    library_only: false,
};

/// The file is not a zip archive (every .docx and .xlsx is one), or the archive is damaged.
pub(crate) const IMPORT_NOT_ZIP: Rule = Rule {
    code: "import.not_zip",
    severity: Error,
    documents: DOCS,
    reads: &[],
    clause: FILE_CLAUSE,
    description: "文件不是有效的 .docx / .xlsx（二者都是 zip 压缩包）：可能是旧版 .doc/.xls、PDF，或文件已损坏、不完整。",
    description_en: "The file is not a valid .docx / .xlsx (both are zip archives): perhaps an old .doc/.xls, a PDF, or a damaged or truncated file.",
    message: "文件不是有效的 {format} 文件（{detail}），请另存为 {format} 后重新报送",
    message_en: "The file is not a valid {format} file ({detail}); save it as {format} and send it again",
    library_only: false,
};

/// The archive lacks the part that holds the document (`part`): not a Word / Excel file.
pub(crate) const IMPORT_MISSING_PART: Rule = Rule {
    code: "import.missing_part",
    severity: Error,
    documents: DOCS,
    reads: &[],
    clause: FILE_CLAUSE,
    description: "压缩包中没有文档正文（word/document.xml 或 xl/workbook.xml）：不是 Word / Excel 文件。",
    description_en: "The archive has no document body (word/document.xml or xl/workbook.xml): it is not a Word / Excel file.",
    message: "文件中没有 {part}，不是 {format} 文件",
    message_en: "The file has no {part}; it is not a {format} file",
    library_only: false,
};

/// The document's XML is malformed (`part`, `detail`).
pub(crate) const IMPORT_BAD_XML: Rule = Rule {
    code: "import.bad_xml",
    severity: Error,
    documents: DOCS,
    reads: &[],
    clause: FILE_CLAUSE,
    description: "文档中的 XML 格式错误，无法读取。",
    description_en: "The document's XML is malformed and cannot be read.",
    message: "{part} 的 XML 格式错误：{detail}",
    message_en: "The XML of {part} is malformed: {detail}",
    library_only: false,
};

/// The document's XML declares a DTD or entities: refused, never processed (XXE, billion laughs).
pub(crate) const IMPORT_DTD_REFUSED: Rule = Rule {
    code: "import.dtd_refused",
    severity: Error,
    documents: DOCS,
    reads: &[],
    clause: FILE_CLAUSE,
    description: "文档中的 XML 含有 DOCTYPE / 实体声明：Word 和 Excel 从不写入，为防止实体扩展攻击不予处理。",
    description_en: "The document's XML has a DOCTYPE / entity declarations: Word and Excel never write one, and it is refused rather than processed (entity-expansion attacks).",
    message: "{part} 含有 DOCTYPE 或实体声明，已拒绝读取",
    message_en: "{part} has a DOCTYPE or entity declarations; refused",
    library_only: false,
};

/// No table (Word) or sheet (Excel) with the 总结表's row labels was found.
pub(crate) const IMPORT_BAD_DOC: Rule = Rule {
    code: "import.bad_doc",
    severity: Error,
    documents: DOCS,
    reads: &[],
    clause: FILE_CLAUSE,
    description: "Word 97–2003 文件（.doc）无法读取：不是 OLE 复合文档、已加密或已损坏。",
    description_en:
        "A Word 97–2003 file (.doc) that cannot be read: not an OLE compound file, encrypted or damaged.",
    message: "Word 97–2003 文件（.doc）无法读取（{detail}）：请用 Word 打开后另存为 .docx",
    message_en:
        "The Word 97–2003 file (.doc) cannot be read ({detail}): open it in Word and save it as .docx",
    library_only: false,
};

pub(crate) const IMPORT_NO_TABLE: Rule = Rule {
    code: "import.no_table",
    severity: Error,
    documents: DOCS,
    reads: &[],
    clause: FILE_CLAUSE,
    description: "文件中找不到总结表：没有一个表格（或工作表的一列）含有至少两个总结表栏目名。",
    description_en:
        "No 总结表 in the file: no table (or sheet column) holds at least two of the form's row labels.",
    message: "文件中找不到总结表（{tables} 个表格中没有总结表的栏目）",
    message_en: "No 总结表 in the file (none of its {tables} tables has the form's row labels)",
    library_only: false,
};

/// A file in a format no 总结表 is read from (a WPS or Excel 97–2003 file, a lock file, a scan,
/// a note): what it is (`file_type`, `file_type_en`) and what to do (`advice`, `advice_en`).
pub(crate) const IMPORT_UNSUPPORTED_FORMAT: Rule = Rule {
    code: "import.unsupported_format",
    severity: Error,
    documents: DOCS,
    reads: &[],
    clause: FILE_CLAUSE,
    description: "文件的格式无法读出总结表（WPS、Excel 97–2003、锁定文件、扫描件、其他文件）：说明是什么文件、应怎样处理（如“请另存为 .docx”），从不略过。",
    description_en: "A file in a format no 总结表 can be read from (WPS, Excel 97–2003, a lock file, a scan, anything else): says what it is and what to do (e.g. save it as .docx); never skipped.",
    message: "{file_type}，不能读取总结表：{advice}",
    message_en: "{file_type_en}: no 总结表 can be read from it; {advice_en}",
    library_only: false,
};

/// The year or the unit was taken from the title line above the table (`what`, `value`, `title`).
pub(crate) const IMPORT_FROM_TITLE: Rule = Rule {
    code: "import.from_title",
    severity: Info,
    documents: DOCS,
    reads: &[],
    clause: FILE_CLAUSE,
    description: "表格中未填的年度或举办县区，取自表格上方的标题（如“2021年东湖区全民终身学习活动周总结表”）。",
    description_en: "The year or host unit, absent from the table, was taken from the title above it (e.g. “2021年东湖区全民终身学习活动周总结表”).",
    message: "{what}取自标题“{title}”：{value}",
    message_en: "{what_en} taken from the title “{title}”: {value}",
    library_only: false,
};

/// Text outside the form's rows (around the table, a note inside it) was not imported.
pub(crate) const IMPORT_OUTSIDE_TEXT: Rule = Rule {
    code: "import.outside_text",
    severity: Info,
    documents: DOCS,
    reads: &[],
    clause: FILE_CLAUSE,
    description: "表格之外的文字（说明、落款等）不属于总结表的栏目，未导入；此处列出以便核对。",
    description_en: "Text outside the form's rows (notes, signatures) belongs to no row of the 总结表 and was not imported; listed here for checking.",
    message: "表格之外的文字未导入：“{text}”",
    message_en: "Text outside the table was not imported: “{text}”",
    library_only: false,
};

/// Where the 报送时间 of an imported Word / Excel file came from (`source`, `submitted_at`).
pub(crate) const IMPORT_SUBMITTED_AT_SOURCE: Rule = Rule {
    code: "import.submitted_at_source",
    severity: Info,
    documents: &[Submission],
    reads: &[],
    clause: FILE_CLAUSE,
    description: "Word / Excel 文件本身没有报送时间：汇总时取自给定的报送时间、文件属性中的修改时间或文件的修改时间，并注明来源。",
    description_en: "A Word / Excel file has no submission time: the roll-up takes it from an option, the document's modified date or the file's modification time, and says which.",
    message: "报送时间 {submitted_local} 取自{source}",
    message_en: "Submission time {submitted_local} taken from {source_en}",
    library_only: false,
};

/// A Word / Excel file's own time (its document's modified date or the file's modification time)
/// is no sending time: after the last day on time by more than [`FILE_TIME_MAX_DAYS_LATE`] days (a folder
/// copied or re-saved long after the round), or before the week began (a template's date). The
/// report is rolled up without a 报送时间, as one that carries none, rather than judged late (or
/// on time) on that evidence (`submitted_local`, `source`, `why`).
pub(crate) const IMPORT_SUBMITTED_AT_IMPLAUSIBLE: Rule = Rule {
    code: "import.submitted_at_implausible",
    severity: Warning,
    documents: &[Submission],
    reads: &[],
    clause: FILE_CLAUSE,
    description: "Word / Excel 文件的修改时间晚于按期的最后一天 30 天以上（文件夹被复制或另存），或早于活动周开始（模板的时间），不能作为报送时间：该报送按无报送时间汇总，不据此判定是否按期；知道报送时间时，请在汇总时给定。",
    description_en: "A Word / Excel file's own time is more than 30 days after the last day on time (the folder copied or re-saved later) or before the week began (a template's date): it is no sending time, so the report is rolled up without one and its timeliness is not judged on it; give the submission time for the roll-up when it is known.",
    message: "{source} {submitted_local} {why}，不作为报送时间，未判定是否按期；如知道报送时间，请在汇总时给定",
    message_en: "{source_en} {submitted_local} is {why_en}: not taken as the submission time, so timeliness is not judged; give the submission time for the roll-up if it is known",
    library_only: false,
};

/// Days after the deadline beyond which a file's own time is not taken as its sending time
/// ([`IMPORT_SUBMITTED_AT_IMPLAUSIBLE`]).
pub(crate) const FILE_TIME_MAX_DAYS_LATE: i64 = 30;

/// The import rules, in catalog order.
pub(crate) const RULES: &[Rule] = &[
    IMPORT_PARSED,
    IMPORT_KEPT_AS_TEXT,
    IMPORT_UNKNOWN_LABEL,
    IMPORT_TOO_LARGE,
    IMPORT_NOT_ZIP,
    IMPORT_MISSING_PART,
    IMPORT_BAD_XML,
    IMPORT_DTD_REFUSED,
    IMPORT_BAD_DOC,
    IMPORT_NO_TABLE,
    IMPORT_UNSUPPORTED_FORMAT,
    IMPORT_FROM_TITLE,
    IMPORT_OUTSIDE_TEXT,
    IMPORT_SUBMITTED_AT_SOURCE,
    IMPORT_SUBMITTED_AT_IMPLAUSIBLE,
];
