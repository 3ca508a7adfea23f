//! The inbox: the files the city centre saved from the units' e-mails, turned into roll-up
//! inputs by one policy that the CLI, Python and the WebAssembly package all share — so one
//! folder gives one answer whichever door it enters by, and every file is accounted for.
//!
//! Each file is classified by its content first (a zip, an OLE compound file, a PDF, JSON
//! text), then by its name: JSON documents and the Word / Excel 总结表 become submissions; an
//! Office lock file (`~$…`), an old Word 97–2003 `.doc`, a WPS file, a stamped scan (PDF or
//! image) or anything else becomes a rejected input that says what it is and what to do. No
//! file is skipped.
//!
//! ```
//! use learning_week::api::{InboxFile, Validator};
//! use learning_week::aggregate::AggregateOptions;
//! let files = vec![
//!     InboxFile::new("东湖区.json", r#"{"summary": {"year": 2021, "host_unit": "东湖区"}}"#.as_bytes().to_vec()),
//!     InboxFile::new("~$东湖区总结表.docx", vec![0; 162]),
//!     InboxFile::new("青山湖区总结表.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec()),
//!     InboxFile::new("盖章扫描件.pdf", b"%PDF-1.7".to_vec()),
//! ];
//! let v = Validator::default();
//! let r = v.aggregate(&v.inbox_inputs(&files, None), &AggregateOptions::default());
//! assert_eq!(r.accounting.inputs, 4); // every file accounted for
//! assert_eq!(r.accounting.rejected.len(), 3);
//! let says = |what: &str| r.accounting.rejected.iter().any(|x| x.diagnostics.iter().any(|d| d.message.contains(what)));
//! assert!(says("请另存为 .docx") && says("锁定文件") && says("盖章扫描件"));
//! ```

use super::{office_aggregate_input, OfficeFormat, Validator};
use crate::aggregate::AggregateInput;
use chrono::{DateTime, FixedOffset};

/// One file of the inbox: its name (as saved, a path relative to the folder), its bytes, and
/// its modification time when known.
#[derive(Debug, Clone, PartialEq)]
pub struct InboxFile {
    /// 文件名 / the file's name or path relative to the folder; the roll-up's input id.
    pub name: String,
    /// 内容 / the file's bytes.
    pub bytes: Vec<u8>,
    /// 修改时间 / the file's modification time, when the front door knows it.
    pub modified: Option<DateTime<FixedOffset>>,
}

impl InboxFile {
    /// A file without a known modification time.
    ///
    /// ```
    /// let f = learning_week::api::InboxFile::new("a.json", b"{}".to_vec());
    /// assert!(f.modified.is_none());
    /// ```
    pub fn new(name: impl Into<String>, bytes: Vec<u8>) -> Self {
        InboxFile { name: name.into(), bytes, modified: None }
    }

    /// A file as a binding hands it over: the modification time as RFC 3339 text (an
    /// unreadable time is no time: the file is still read, and its record says no time was known).
    ///
    /// ```
    /// let f = learning_week::api::InboxFile::from_host("a.docx".into(), vec![], Some("2021-12-03T10:00:00+08:00"));
    /// assert!(f.modified.is_some());
    /// assert!(learning_week::api::InboxFile::from_host("a".into(), vec![], Some("later")).modified.is_none());
    /// ```
    pub fn from_host(name: String, bytes: Vec<u8>, modified: Option<&str>) -> Self {
        InboxFile { name, bytes, modified: modified.and_then(|t| DateTime::parse_from_rfc3339(t).ok()) }
    }

    /// The same file with its modification time.
    ///
    /// ```
    /// let t = chrono::DateTime::parse_from_rfc3339("2021-12-03T10:00:00+08:00").unwrap();
    /// let f = learning_week::api::InboxFile::new("a.docx", vec![]).modified_at(t);
    /// assert_eq!(f.modified, Some(t));
    /// ```
    pub fn modified_at(mut self, t: DateTime<FixedOffset>) -> Self {
        self.modified = Some(t);
        self
    }
}

/// What a file of the inbox is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileClass {
    /// JSON text: a submission, a 总结表 or a plan (the roll-up tells which).
    Json,
    /// A Word .docx: the filled 总结表 (or a letter without it, which the import says).
    Docx,
    /// An Excel .xlsx 总结表.
    Xlsx,
    /// An Office lock file (`~$…`), left behind by an open document: not a report.
    LockFile,
    /// Word 97–2003 (`.doc`, an OLE compound file): not read by this version.
    OldWord,
    /// A WPS Office file (`.wps`, `.et`).
    Wps,
    /// A stamped scan: PDF or an image.
    Scan,
    /// Anything else.
    Other,
}

/// Classifies a file by its content first, then by its name.
///
/// ```
/// use learning_week::api::{classify_file, FileClass};
/// assert_eq!(classify_file("a.txt", b" {\"summary\": {}}"), FileClass::Json);
/// assert_eq!(classify_file("x", b"%PDF-1.4"), FileClass::Scan);
/// assert_eq!(classify_file("~$表.docx", b"PK\x03\x04"), FileClass::LockFile);
/// assert_eq!(classify_file("表.xlsx", b"PK\x03\x04"), FileClass::Xlsx);
/// assert_eq!(classify_file("表", b"PK\x03\x04"), FileClass::Docx);
/// assert_eq!(classify_file("notes.md", b"# hi"), FileClass::Other);
/// ```
pub fn classify_file(name: &str, bytes: &[u8]) -> FileClass {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let ext = base.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    if base.starts_with("~$") {
        return FileClass::LockFile;
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return match ext.as_str() {
            "xlsx" | "xlsm" => FileClass::Xlsx,
            "wps" | "et" => FileClass::Wps,
            _ => FileClass::Docx,
        };
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return if matches!(ext.as_str(), "wps" | "et") { FileClass::Wps } else { FileClass::OldWord };
    }
    if bytes.starts_with(b"%PDF")
        || bytes.starts_with(b"\x89PNG")
        || bytes.starts_with(b"\xFF\xD8\xFF")
        || matches!(ext.as_str(), "pdf" | "png" | "jpg" | "jpeg" | "tif" | "tiff")
    {
        return FileClass::Scan;
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = text.iter().copied().find(|b| !b.is_ascii_whitespace());
    if ext == "json" || matches!(first, Some(b'{') | Some(b'[')) {
        return FileClass::Json;
    }
    match ext.as_str() {
        "docx" => FileClass::Docx,
        "xlsx" => FileClass::Xlsx,
        "doc" => FileClass::OldWord,
        "wps" | "et" => FileClass::Wps,
        _ => FileClass::Other,
    }
}

/// Why a file that is not a report is not counted, and what to do (zh / en).
fn refusal(class: FileClass, name: &str) -> String {
    match class {
        FileClass::LockFile => "Office 临时锁定文件（~$ 开头），不是报送材料，可删除 / an Office lock file (~$…), not a report; it can be deleted".into(),
        FileClass::OldWord => "Word 97–2003 格式（.doc），本版本尚不能读取：请另存为 .docx 后重新汇总 / Word 97–2003 (.doc), not read by this version: save it as .docx and roll up again".into(),
        FileClass::Wps => "WPS 格式，不能读取：请另存为 .docx / a WPS file, which cannot be read: save it as .docx".into(),
        FileClass::Scan => "盖章扫描件（PDF 或图片）：本版本尚不能将其归入某单位的报送材料，请人工核对 / a stamped scan (PDF or image): this version does not yet match it to a unit's package; check it by hand".into(),
        _ => {
            let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
            format!("不支持的文件类型（.{ext}）：不是总结表（.docx / .xlsx / .json） / an unsupported file type (.{ext}): not a 总结表 (.docx / .xlsx / .json)")
        }
    }
}

impl Validator {
    /// The roll-up inputs of the inbox's files, one per file, in order: JSON as text, Word /
    /// Excel imported (their 报送时间 from `given`, else the document's modified date, else the
    /// file's; the input's notes say which), everything else a rejected input with its reason.
    ///
    /// ```
    /// use learning_week::api::{InboxFile, Validator};
    /// let v = Validator::default();
    /// let inputs = v.inbox_inputs(&[InboxFile::new("a.json", b"{".to_vec()), InboxFile::new("b.bin", vec![0])], None);
    /// assert_eq!(inputs.len(), 2);
    /// assert_eq!(inputs[1].id.as_deref(), Some("b.bin"));
    /// ```
    pub fn inbox_inputs(
        &self,
        files: &[InboxFile],
        given: Option<DateTime<FixedOffset>>,
    ) -> Vec<AggregateInput> {
        let year = self.notice().year();
        files
            .iter()
            .map(|f| {
                let id = Some(f.name.as_str());
                match classify_file(&f.name, &f.bytes) {
                    FileClass::Json => match std::str::from_utf8(&f.bytes) {
                        Ok(text) => AggregateInput::text(id, text.strip_prefix('\u{feff}').unwrap_or(text)),
                        Err(e) => AggregateInput::unreadable(
                            id,
                            format!(
                                "文件不是 UTF-8 编码 / {} is not UTF-8 (byte {})",
                                f.name,
                                e.valid_up_to()
                            ),
                        ),
                    },
                    FileClass::Docx => {
                        office_aggregate_input(id, OfficeFormat::Docx, &f.bytes, given, f.modified, year)
                    }
                    FileClass::Xlsx => {
                        office_aggregate_input(id, OfficeFormat::Xlsx, &f.bytes, given, f.modified, year)
                    }
                    class => AggregateInput::unreadable(id, refusal(class, &f.name)),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_is_told_from_content_before_name() {
        assert_eq!(classify_file("总结表.docx", b"%PDF-1.7"), FileClass::Scan);
        assert_eq!(classify_file("总结表.json", b"PK\x03\x04"), FileClass::Docx);
        assert_eq!(classify_file("a.wps", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), FileClass::Wps);
        assert_eq!(classify_file("a.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), FileClass::OldWord);
        assert_eq!(classify_file("dir/~$a.docx", b""), FileClass::LockFile);
        assert_eq!(classify_file("a.json", b"\xEF\xBB\xBF{}"), FileClass::Json);
        assert_eq!(classify_file("photo.jpg", b"\xFF\xD8\xFF\xE0"), FileClass::Scan);
        assert_eq!(classify_file(".DS_Store", b"\0\0\0\x01Bud1"), FileClass::Other);
    }

    #[test]
    fn a_bom_is_not_a_syntax_error_and_bad_utf8_is_named() {
        let v = Validator::default();
        let inputs = v.inbox_inputs(
            &[
                InboxFile::new(
                    "a.json",
                    "\u{feff}{\"summary\": {\"year\": 2021, \"host_unit\": \"东湖区\"}}".as_bytes().to_vec(),
                ),
                InboxFile::new("b.json", b"{\"\xFF\"}".to_vec()),
            ],
            None,
        );
        let r = v.aggregate(&inputs, &Default::default());
        assert_eq!(r.accounting.inputs, 2);
        let rejected: Vec<(&str, String)> = r
            .accounting
            .rejected
            .iter()
            .flat_map(|x| {
                x.diagnostics.iter().map(move |d| (x.id.as_deref().unwrap_or(""), d.message.clone()))
            })
            .collect();
        assert!(rejected.iter().any(|(id, m)| *id == "b.json" && m.contains("UTF-8")), "{rejected:?}");
        assert!(!rejected.iter().any(|(id, _)| *id == "a.json"), "{rejected:?}");
    }
}
