//! Word / Excel import for Rust callers, and an imported file as a roll-up input.

use super::*;
use crate::catalog::{Diagnostic, Severity};
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

/// 文件导入结果 / what importing a Word / Excel file gave: the table (absent when the file could
/// not be used), every import diagnostic, their counts, and the document's own modified date.
///
/// ```
/// let a = learning_week::api::ImportAnswer::from_import(learning_week::SummaryTable::from_labeled_text(
///     [("参加活动人数", "成千上万人")], Some(2021)), None);
/// assert_eq!((a.errors, a.warnings), (0, 1));
/// assert!(a.summary.is_some());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ImportAnswer {
    /// 总结表 / the table read; `null` when the file could not be used (see the errors).
    pub summary: Option<crate::SummaryTable<'static>>,
    /// 导入说明 / what was read with which qualifier, kept as text, not recognised, or refused.
    pub diagnostics: Vec<Diagnostic>,
    /// 错误数 / errors (the file could not be used).
    pub errors: usize,
    /// 警告数 / warnings (text kept in 其他, unknown labels): a person should look.
    pub warnings: usize,
    /// 文件修改时间 / the document's `dcterms:modified`, if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modified: Option<chrono::DateTime<chrono::FixedOffset>>,
}

impl ImportAnswer {
    /// Wraps an import: the table is dropped when an error says the file could not be used.
    ///
    /// ```
    /// let a = learning_week::api::ImportAnswer::from_import(learning_week::SummaryTable::from_labeled_text(
    ///     Vec::<(String, String)>::new(), None), None);
    /// assert_eq!(a.errors, 0);
    /// ```
    pub fn from_import(
        imported: crate::import::LabeledImport,
        modified: Option<chrono::DateTime<chrono::FixedOffset>>,
    ) -> Self {
        let count = |s| imported.diagnostics.iter().filter(|d| d.severity == s).count();
        let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
        ImportAnswer {
            summary: (errors == 0).then_some(imported.summary),
            diagnostics: imported.diagnostics,
            errors,
            warnings,
            modified,
        }
    }
}

/// The office formats imported.
///
/// ```
/// use learning_week::api::OfficeFormat;
/// assert_eq!(OfficeFormat::from_file_name("东湖区总结表.DOCX"), Some(OfficeFormat::Docx));
/// assert_eq!(OfficeFormat::from_file_name("a.json"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfficeFormat {
    /// Word (.docx)
    Docx,
    /// Excel (.xlsx)
    Xlsx,
    /// Word 97–2003 (.doc)
    Doc,
}

impl OfficeFormat {
    /// The format a file name's extension names (.docx, .xlsx; any case).
    ///
    /// ```
    /// assert_eq!(learning_week::api::OfficeFormat::from_file_name("x.xlsx"), Some(learning_week::api::OfficeFormat::Xlsx));
    /// ```
    pub fn from_file_name(name: &str) -> Option<Self> {
        let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        match ext.as_deref() {
            Some("docx") => Some(OfficeFormat::Docx),
            Some("xlsx") => Some(OfficeFormat::Xlsx),
            Some("doc") => Some(OfficeFormat::Doc),
            _ => None,
        }
    }

    /// Whether this build reads the format (features `docx`, `xlsx`).
    ///
    /// ```
    /// use learning_week::api::OfficeFormat;
    /// assert!(!OfficeFormat::Xlsx.supported() || OfficeFormat::Docx.supported()); // xlsx builds on docx
    /// ```
    pub fn supported(self) -> bool {
        match self {
            OfficeFormat::Docx => cfg!(feature = "docx"),
            OfficeFormat::Xlsx => cfg!(feature = "xlsx"),
            OfficeFormat::Doc => cfg!(feature = "doc"),
        }
    }
}

/// Imports a Word / Excel file's bytes ([`SummaryTable::from_docx`](crate::SummaryTable::from_docx),
/// `from_xlsx`); `year` is the year when the file gives none. A format this build does not read
/// (the web page's first module reads none) answers one `import.unsupported_format` error that
/// says where it is read, rather than failing.
///
/// ```
/// use learning_week::api::{import_office, OfficeFormat};
/// let a = import_office(OfficeFormat::Docx, b"not a zip", Some(2021));
/// assert!(a.summary.is_none());
/// assert_eq!(a.errors, 1);
/// ```
pub fn import_office(format: OfficeFormat, bytes: &[u8], year: Option<i32>) -> ImportAnswer {
    #[cfg(feature = "docx")]
    let modified = || crate::office::document_modified(bytes);
    match format {
        #[cfg(feature = "docx")]
        OfficeFormat::Docx => read_word(bytes, year).0,
        #[cfg(feature = "xlsx")]
        OfficeFormat::Xlsx => {
            ImportAnswer::from_import(crate::SummaryTable::from_xlsx(bytes, year), modified())
        }
        // A .doc has no `dcterms:modified` the reader takes: its time comes from the file.
        #[cfg(feature = "doc")]
        OfficeFormat::Doc => ImportAnswer::from_import(crate::SummaryTable::from_doc(bytes, year), None),
        #[allow(unreachable_patterns, reason = "reached when a feature is off")]
        other => {
            let _ = (bytes, year);
            let (zh, en, fmt) = match other {
                OfficeFormat::Docx => ("Word 文件", "A Word file", ".docx"),
                OfficeFormat::Xlsx => ("Excel 文件", "An Excel file", ".xlsx"),
                OfficeFormat::Doc => ("Word 97–2003 文件", "A Word 97–2003 file", ".doc"),
            };
            // The file is what it is; this build (the web page's first module) does not read it.
            let d = crate::catalog::make(
                &crate::catalog::import::IMPORT_UNSUPPORTED_FORMAT,
                String::new(),
                crate::catalog::params! {
                    "file_type" => format!("{zh}（{fmt}）"),
                    "file_type_en" => format!("{en} ({fmt})"),
                    "advice" => format!("本程序包未含 {fmt} 导入：网页请用办公文件模块（learning_week_office 的 importDocx、validateFile），或用命令行、Python 版本"),
                    "advice_en" => format!("this build does not read {fmt}: in a web page use the office module (learning_week_office: importDocx, validateFile), or the CLI or the Python package"),
                    "format" => fmt
                },
                None,
            );
            ImportAnswer { summary: None, diagnostics: vec![d], errors: 1, warnings: 0, modified: None }
        }
    }
}

/// A .docx opened and parsed once: its import's answer, and the parsed file for whatever else
/// reads it (the inbox's notice check and a material's opening); `None` when it cannot be opened.
#[cfg(feature = "docx")]
pub(crate) fn read_word(bytes: &[u8], year: Option<i32>) -> (ImportAnswer, Option<crate::office::WordFile>) {
    use crate::office::{document_modified, refused, Format, WordFile};
    match WordFile::open(bytes) {
        Ok(w) => (ImportAnswer::from_import(w.import(year), w.modified()), Some(w)),
        Err(e) => (ImportAnswer::from_import(refused(&e, Format::Docx), document_modified(bytes)), None),
    }
}

/// Imports a .docx (see [`import_office`]).
///
/// ```
/// assert_eq!(learning_week::api::import_docx(b"", None).diagnostics[0].code, "import.not_zip");
/// ```
pub fn import_docx(bytes: &[u8], year: Option<i32>) -> ImportAnswer {
    import_office(OfficeFormat::Docx, bytes, year)
}

/// Imports a .xlsx (see [`import_office`]).
///
/// ```
/// assert_eq!(learning_week::api::import_xlsx(b"\x00", None).errors, 1);
/// ```
pub fn import_xlsx(bytes: &[u8], year: Option<i32>) -> ImportAnswer {
    import_office(OfficeFormat::Xlsx, bytes, year)
}

/// Where the 报送时间 of an imported file came from, most trusted first.
///
/// ```
/// use learning_week::api::SubmittedAtSource;
/// assert_eq!(SubmittedAtSource::Option.as_zh(), "汇总时给定的报送时间");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubmittedAtSource {
    /// Given by the person running the roll-up (the CLI's `--submitted-at`, a binding's argument).
    Option,
    /// The document's own `dcterms:modified` (docProps/core.xml): when it was last saved, so it
    /// was sent no earlier.
    DocumentModified,
    /// The file's modification time on disk (e.g. when the attachment was saved from the mail).
    FileModified,
}

impl SubmittedAtSource {
    /// The source in Chinese.
    ///
    /// ```
    /// assert_eq!(learning_week::api::SubmittedAtSource::FileModified.as_zh(), "文件的修改时间");
    /// ```
    pub fn as_zh(self) -> &'static str {
        match self {
            SubmittedAtSource::Option => "汇总时给定的报送时间",
            SubmittedAtSource::DocumentModified => "文档属性中的修改时间（docProps/core.xml）",
            SubmittedAtSource::FileModified => "文件的修改时间",
        }
    }

    /// The source in English.
    ///
    /// ```
    /// assert_eq!(learning_week::api::SubmittedAtSource::Option.as_en(), "the submission time given for the roll-up");
    /// ```
    pub fn as_en(self) -> &'static str {
        match self {
            SubmittedAtSource::Option => "the submission time given for the roll-up",
            SubmittedAtSource::DocumentModified => "the document's modified date (docProps/core.xml)",
            SubmittedAtSource::FileModified => "the file's modification time",
        }
    }
}

/// A Word / Excel file as a roll-up input: imported, wrapped as a submission whose 报送时间 is
/// `given`, else the document's `dcterms:modified`, else `file_modified` (an
/// `import.submitted_at_source` note says which; with none it has no time, like a submission
/// without `submitted_at`; knowing no notice, it takes a file's own time as it is, where the
/// inbox refuses one that cannot be a sending time: `import.submitted_at_implausible`). The import's warnings and errors are the record's notes; a file that
/// cannot be used is a rejected input with its error, never dropped.
///
/// ```
/// use learning_week::api::{office_aggregate_input, OfficeFormat};
/// let i = office_aggregate_input(Some("东湖区.docx"), OfficeFormat::Docx, b"oops", None, None, Some(2021));
/// let r = learning_week::aggregate::aggregate(&learning_week::Notice::nanchang_2021(), &[i], &Default::default());
/// assert_eq!(r.accounting.rejected[0].id.as_deref(), Some("东湖区.docx"));
/// assert!(r.accounting.rejected[0].diagnostics.iter().any(|d| d.code == "import.not_zip"));
/// ```
pub fn office_aggregate_input(
    id: Option<&str>,
    format: OfficeFormat,
    bytes: &[u8],
    given: Option<chrono::DateTime<chrono::FixedOffset>>,
    file_modified: Option<chrono::DateTime<chrono::FixedOffset>>,
    year: Option<i32>,
) -> crate::aggregate::AggregateInput {
    office_input(id, import_office(format, bytes, year), given, file_modified, None, None)
}

/// The `import.submitted_at_source` note: the time (shown in the notice's zone when the notice
/// is known) and where it came from.
pub(crate) fn submitted_at_note(
    t: chrono::DateTime<chrono::FixedOffset>,
    source: SubmittedAtSource,
    notice: Option<&Notice>,
) -> Diagnostic {
    crate::catalog::make(
        &crate::catalog::import::IMPORT_SUBMITTED_AT_SOURCE,
        "/submitted_at".into(),
        crate::catalog::params! {"submitted_at" => t.to_rfc3339(), "submitted_local" => notice.map_or_else(|| t.to_rfc3339(), |n| n.show_time(t)),
        "source" => source.as_zh(), "source_en" => source.as_en()},
        None,
    )
}

/// Why a file's own time cannot be the time its report was sent, if it cannot: more than
/// [`FILE_TIME_MAX_DAYS_LATE`](crate::catalog::import::FILE_TIME_MAX_DAYS_LATE) days after the
/// last day on time (the deadline and its grace days), or before its week began (in the notice's zone); in Chinese and English.
fn implausible_time(t: chrono::DateTime<chrono::FixedOffset>, notice: &Notice) -> Option<(String, String)> {
    use crate::catalog::import::FILE_TIME_MAX_DAYS_LATE;
    if let Some(days) = notice.days_late(t).filter(|d| *d > FILE_TIME_MAX_DAYS_LATE) {
        let deadline = notice.last_on_time_day().map(|d| d.to_string()).unwrap_or_default();
        return Some((
            format!("晚于按期的最后一天（{deadline}）{days} 天"),
            format!("{days} days after the last day on time ({deadline})"),
        ));
    }
    let (start, _) = notice.week.as_ref()?.bounds()?;
    let day = t.with_timezone(&notice.utc_offset()).date_naive();
    (day < start).then(|| (format!("早于活动周开始（{start}）"), format!("before the week began ({start})")))
}

/// [`office_aggregate_input`] for a file already imported, with the materials of its unit's
/// package when the inbox knows them (`None`: the submission says nothing of its materials);
/// with the notice, the note shows the time in the notice's zone (「2021-12-03 18:00 (+08:00)」).
pub(crate) fn office_input(
    id: Option<&str>,
    answer: ImportAnswer,
    given: Option<chrono::DateTime<chrono::FixedOffset>>,
    file_modified: Option<chrono::DateTime<chrono::FixedOffset>>,
    materials: Option<Vec<Value>>,
    notice: Option<&Notice>,
) -> crate::aggregate::AggregateInput {
    use crate::aggregate::AggregateInput;
    let notes: Vec<Diagnostic> = answer
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info || d.code == "import.from_title")
        .cloned()
        .collect();
    let Some(summary) = answer.summary else {
        let detail = answer.diagnostics.first().map(|d| d.message.clone()).unwrap_or_default();
        return AggregateInput::unreadable(id, detail).with_notes(notes);
    };
    let when = given
        .map(|t| (t, SubmittedAtSource::Option))
        .or(answer.modified.map(|t| (t, SubmittedAtSource::DocumentModified)))
        .or(file_modified.map(|t| (t, SubmittedAtSource::FileModified)));
    let mut doc = serde_json::Map::new();
    let mut notes = notes;
    if let Some((t, source)) = when {
        match notice.filter(|_| source != SubmittedAtSource::Option).and_then(|n| implausible_time(t, n)) {
            Some((why, why_en)) => notes.push(crate::catalog::make(
                &crate::catalog::import::IMPORT_SUBMITTED_AT_IMPLAUSIBLE,
                "/submitted_at".into(),
                crate::catalog::params! {"submitted_at" => t.to_rfc3339(), "submitted_local" => notice.map_or_else(|| t.to_rfc3339(), |n| n.show_time(t)),
                "source" => source.as_zh(), "source_en" => source.as_en(), "why" => why, "why_en" => why_en},
                None,
            )),
            None => {
                doc.insert("submitted_at".into(), Value::String(t.to_rfc3339()));
                notes.push(submitted_at_note(t, source, notice));
            }
        }
    }
    doc.insert("summary".into(), json_value(&summary));
    if let Some(m) = materials {
        doc.insert("materials".into(), Value::Array(m));
    }
    AggregateInput::json(id, Value::Object(doc)).with_notes(notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> chrono::DateTime<chrono::FixedOffset> {
        chrono::DateTime::parse_from_rfc3339(s).expect("a time")
    }

    #[test]
    fn a_file_time_is_a_sending_time_only_within_the_round() {
        let n = Notice::nanchang_2021();
        // The week 2021-11-22…, the last day on time 2021-12-05, 30 days after it still taken.
        for ok in ["2021-11-22T00:00:00+08:00", "2021-12-03T10:00:00+08:00", "2022-01-04T23:59:00+08:00"] {
            assert_eq!(implausible_time(t(ok), &n), None, "{ok}");
        }
        let late = implausible_time(t("2022-01-05T00:00:00+08:00"), &n).expect("31 days late");
        assert_eq!(late.1, "31 days after the last day on time (2021-12-05)");
        // Read in the notice's zone: 16:00 UTC on the 21st is already the 22nd in Nanchang.
        assert_eq!(implausible_time(t("2021-11-21T16:00:00+00:00"), &n), None);
        let early = implausible_time(t("2021-11-21T15:59:00+00:00"), &n).expect("before the week");
        assert_eq!(early.0, "早于活动周开始（2021-11-22）");
    }

    #[test]
    fn a_given_time_is_taken_whatever_it_is() {
        let n = Notice::nanchang_2021();
        let answer = ImportAnswer {
            summary: Some(Default::default()),
            diagnostics: Vec::new(),
            errors: 0,
            warnings: 0,
            modified: None,
        };
        let given = t("2026-11-30T10:00:00+08:00");
        let i = office_input(Some("a.docx"), answer, Some(given), None, None, Some(&n));
        let codes: Vec<&str> = i.notes.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, ["import.submitted_at_source"]);
    }
}
