//! The inbox: the files the city centre saved from the units' e-mails, turned into roll-up
//! inputs by one policy that the CLI, Python and the WebAssembly package all share — so one
//! folder gives one answer whichever door it enters by, and every file is accounted for.
//!
//! Each file is classified by its content first (a zip, an OLE compound file, a PDF, JSON
//! text), then by its name: JSON documents and the Word (.docx, .doc) / Excel 总结表 become
//! submissions; a work summary, a typical case or a stamped scan joins its unit's package; an
//! Office lock file (`~$…`), a WPS file or anything else becomes a rejected input that says
//! what it is and what to do. No file is skipped.
//!
//! ```
//! use learning_week::api::{InboxFile, Validator};
//! use learning_week::aggregate::AggregateOptions;
//! let files = vec![
//!     InboxFile::new("东湖区.json", r#"{"summary": {"year": 2021, "host_unit": "东湖区"}}"#.as_bytes().to_vec()),
//!     InboxFile::new("~$东湖区总结表.docx", vec![0; 162]),
//!     InboxFile::new("青山湖区总结表.wps", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec()),
//!     InboxFile::new("盖章扫描件.pdf", b"%PDF-1.7".to_vec()),
//! ];
//! let v = Validator::default();
//! let r = v.aggregate(&v.inbox_inputs(&files, None), &AggregateOptions::default());
//! assert_eq!(r.accounting.inputs, 4); // every file accounted for
//! assert_eq!(r.accounting.rejected.len(), 3);
//! let says = |what: &str| r.accounting.rejected.iter().any(|x| x.diagnostics.iter().any(|d| d.message.contains(what)));
//! assert!(says("请另存为 .docx") && says("锁定文件") && says("看不出属于哪个单位"));
//! ```

use super::import::office_input;
use super::{import_office, ImportAnswer, OfficeFormat, Validator};
use crate::aggregate::{AggregateInput, RejectReason};
use crate::catalog::{aggregate as ar, make, params, Diagnostic, Severity};
use crate::notice::MaterialKind;
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
    /// Word 97–2003 (`.doc`, an OLE compound file): its 总结表 is read like a .docx's.
    OldWord,
    /// A WPS Office file (`.wps`, `.et`).
    Wps,
    /// A stamped scan: a PDF, or an image whose name says it is the scan (盖章 / 扫描 / scan).
    Scan,
    /// Activity photos or video (「活动照片、活动录像请另附」): an image not named as the scan, a
    /// video, a PDF named as photos. Accounted for, counted toward no requirement.
    Media,
    /// Anything else.
    Other,
}

/// Every file of the folder `root`, as every front door reads a folder of e-mailed files: each
/// entry that is not a folder (a broken link included: it is an input, rejected with its
/// reason, not skipped), in sorted order, sub-folders walked. A link to a folder is followed
/// unless that folder was walked already (a link back up the tree, or a second link to the
/// same folder), so a loop is walked once and no file is counted twice. An error only for a
/// folder that cannot be read.
///
/// ```
/// let dir = std::env::temp_dir().join(format!("lw-folder-doc-{}", std::process::id()));
/// std::fs::create_dir_all(dir.join("sub")).unwrap();
/// std::fs::write(dir.join("sub/a.json"), "{}").unwrap();
/// std::fs::write(dir.join("b.docx"), "").unwrap();
/// #[cfg(unix)]
/// std::os::unix::fs::symlink("..", dir.join("sub/loop")).unwrap();
/// let files = learning_week::api::folder_files(&dir).unwrap();
/// let names: Vec<_> = files.iter().map(|p| p.strip_prefix(&dir).unwrap().to_string_lossy().into_owned()).collect();
/// assert_eq!(names, ["b.docx", "sub/a.json"]); // the loop walked once
/// std::fs::remove_dir_all(&dir).unwrap();
/// ```
pub fn folder_files(root: &std::path::Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut walked = std::collections::HashSet::new();
    let mut out = Vec::new();
    walk_folder(root, &mut walked, &mut out)?;
    Ok(out)
}

/// [`folder_files`] with each file's input id: its path inside `root`, its parts joined by `/`
/// whatever the system (「sub/东湖区总结表.docx」) — the name the roll-up's accounting gives it,
/// the same from the CLI, Python and any other front door that reads a folder.
///
/// ```
/// let dir = std::env::temp_dir().join(format!("lw-folder-ids-{}", std::process::id()));
/// std::fs::create_dir_all(dir.join("sub")).unwrap();
/// std::fs::write(dir.join("sub/a.json"), "{}").unwrap();
/// let ids: Vec<String> = learning_week::api::folder_inputs(&dir).unwrap().into_iter().map(|(id, _)| id).collect();
/// assert_eq!(ids, ["sub/a.json"]);
/// std::fs::remove_dir_all(&dir).unwrap();
/// ```
pub fn folder_inputs(root: &std::path::Path) -> std::io::Result<Vec<(String, std::path::PathBuf)>> {
    Ok(folder_files(root)?
        .into_iter()
        .map(|path| {
            let inside = path.strip_prefix(root).unwrap_or(&path);
            let id: Vec<String> =
                inside.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
            (id.join("/"), path)
        })
        .collect())
}

fn walk_folder(
    dir: &std::path::Path,
    walked: &mut std::collections::HashSet<std::path::PathBuf>,
    out: &mut Vec<std::path::PathBuf>,
) -> std::io::Result<()> {
    // The folder itself, links resolved: walked once, however many ways lead to it.
    if !walked.insert(std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf())) {
        return Ok(());
    }
    let mut paths: Vec<std::path::PathBuf> =
        std::fs::read_dir(dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            // A sub-folder that cannot be read is an error of the walk, as the folder given is.
            walk_folder(&p, walked, out)?;
        } else {
            out.push(p);
        }
    }
    Ok(())
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
/// assert_eq!(classify_file("", b"PK\x03\x04 ... xl/workbook.xml ..."), FileClass::Xlsx);
/// assert_eq!(classify_file("a.xlsx", b"PK\x03\x04 ... word/document.xml ..."), FileClass::Docx);
/// assert_eq!(classify_file("notes.md", b"# hi"), FileClass::Other);
/// assert_eq!(classify_file(".~lock.表.docx#", b",user,host"), FileClass::LockFile);
/// assert_eq!(classify_file("东湖区活动照片.jpg", b"\xFF\xD8\xFF\xE0"), FileClass::Media);
/// assert_eq!(classify_file("东湖区盖章件.jpg", b"\xFF\xD8\xFF\xE0"), FileClass::Scan);
/// assert_eq!(classify_file("开幕式.mp4", b"\0\0\0\x20ftypisom"), FileClass::Media);
/// ```
pub fn classify_file(name: &str, bytes: &[u8]) -> FileClass {
    let ext = extension(name);
    let base = base_name(name);
    // Word / Excel's `~$…`; LibreOffice's `.~lock.…#`.
    if base.starts_with("~$") || (base.starts_with(".~lock.") && base.ends_with('#')) {
        return FileClass::LockFile;
    }
    // The words are CJK (no case) or ASCII: `fold_for_ascii` finds them exactly where
    // `str::to_lowercase` would, without linking Unicode's lowercase table (issue 21).
    let lower = crate::fold::fold_for_ascii(base);
    let says = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    let named_scan = says(&["盖章", "扫描", "签章", "scan"]);
    let named_media = says(&["照片", "图片", "相片", "录像", "视频", "photo", "video"]);
    let video = bytes.get(4..8) == Some(b"ftyp".as_slice())
        || (bytes.starts_with(b"RIFF") && bytes.get(8..11) == Some(b"AVI".as_slice()))
        || matches!(
            ext.as_str(),
            "mp4" | "mov" | "avi" | "wmv" | "mkv" | "flv" | "m4v" | "3gp" | "mpg" | "mpeg"
        );
    let image = bytes.starts_with(b"\x89PNG")
        || bytes.starts_with(b"\xFF\xD8\xFF")
        || bytes.starts_with(b"GIF8")
        || matches!(ext.as_str(), "png" | "jpg" | "jpeg" | "tif" | "tiff" | "gif" | "bmp" | "heic" | "webp");
    if video || (image && !named_scan) {
        return FileClass::Media;
    }
    if image {
        return FileClass::Scan;
    }
    if bytes.starts_with(b"PK\x03\x04") {
        // The archive's own entry names (stored uncompressed) say Word or Excel; the name is
        // only a hint for an archive that names neither.
        let holds = |entry: &[u8]| bytes.windows(entry.len()).any(|w| w == entry);
        return match ext.as_str() {
            "wps" | "et" => FileClass::Wps,
            _ if holds(b"word/document.xml") => FileClass::Docx,
            _ if holds(b"xl/workbook.xml") => FileClass::Xlsx,
            "xlsx" | "xlsm" => FileClass::Xlsx,
            _ => FileClass::Docx,
        };
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        // An Excel or PowerPoint 97–2003 file is a compound file too; it holds no Word text.
        return match ext.as_str() {
            "wps" | "et" => FileClass::Wps,
            "xls" | "ppt" => FileClass::Other,
            _ => FileClass::OldWord,
        };
    }
    if bytes.starts_with(b"%PDF") || ext == "pdf" {
        return if named_media && !named_scan { FileClass::Media } else { FileClass::Scan };
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

/// The extension of a file's own name, lower case (`""` when it has none).
pub(crate) fn extension(name: &str) -> String {
    base_name(name).rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default()
}

/// Why no 总结表 is read from a file of this class, and what to do: one
/// `import.unsupported_format` error (what it is, zh / en; the advice, zh / en).
///
/// ```
/// use learning_week::api::{unsupported_format, FileClass};
/// let d = unsupported_format(FileClass::Wps, "东湖区总结表.wps");
/// assert_eq!(d.code, "import.unsupported_format");
/// assert!(d.message.contains("请另存为 .docx"));
/// assert!(unsupported_format(FileClass::Other, "汇总.xls").message.contains("请另存为 .xlsx"));
/// ```
pub fn unsupported_format(class: FileClass, name: &str) -> crate::catalog::Diagnostic {
    let ext = extension(name);
    let (what, what_en, advice, advice_en): (String, String, &str, &str) = match class {
        FileClass::LockFile => (
            "Office 临时锁定文件（~$ 或 .~lock. 开头，打开文档时自动生成）".into(),
            "An Office lock file (~$… or .~lock.…#, left by an open document)".into(),
            "它不是报送材料，可删除",
            "it is not a report and can be deleted",
        ),
        FileClass::Scan => (
            "扫描件（PDF 或图片）".into(),
            "A scan (PDF or image)".into(),
            "扫描件是报送材料之一，总结表请另报 .docx、.xlsx 或 .json 格式",
            "a scan is one of the materials; send the 总结表 itself as .docx, .xlsx or .json",
        ),
        _ => {
            let (advice, advice_en) = match ext.as_str() {
                "et" | "xls" | "ods" | "csv" | "numbers" => ("请另存为 .xlsx", "save it as .xlsx"),
                "wps" | "wpt" | "rtf" | "odt" | "dot" | "pages" => ("请另存为 .docx", "save it as .docx"),
                "zip" | "rar" | "7z" => (
                    "请解压后把其中的文件放入文件夹再汇总",
                    "unpack it and put its files into the folder, then roll up again",
                ),
                _ => ("总结表请用 .docx、.xlsx 或 .json 格式", "send the 总结表 as .docx, .xlsx or .json"),
            };
            let (what, what_en) = match ext.as_str() {
                "wps" | "et" => (format!("WPS 格式文件（.{ext}）"), format!("A WPS file (.{ext})")),
                "xls" => ("Excel 97–2003 文件（.xls）".into(), "An Excel 97–2003 file (.xls)".into()),
                "zip" | "rar" | "7z" => (format!("压缩包（.{ext}）"), format!("An archive (.{ext})")),
                _ => (format!("不支持的文件类型（.{ext}）"), format!("An unsupported file type (.{ext})")),
            };
            (what, what_en, advice, advice_en)
        }
    };
    crate::catalog::make(
        &crate::catalog::import::IMPORT_UNSUPPORTED_FORMAT,
        String::new(),
        crate::catalog::params! {"file_type" => what, "file_type_en" => what_en, "advice" => advice, "advice_en" => advice_en, "format" => ext},
        None,
    )
}

/// Formats a report may have been saved in by mistake (the advice says what to save it as);
/// any other file is no report material at all.
const REPORT_LIKE: &[&str] =
    &["wps", "wpt", "et", "xls", "ods", "csv", "numbers", "rtf", "odt", "dot", "pages", "zip", "rar", "7z"];

/// A file that is not a report, as a rejected input with its reason: a lock file and a report
/// in a format that cannot be read say what to do (`import.unsupported_format`); anything else
/// is no report material (`aggregate.refused`, reason `unrelated`), never told which format a
/// 总结表 takes.
fn refused_file(class: FileClass, name: &str) -> AggregateInput {
    let ext = extension(name);
    if class == FileClass::LockFile {
        return AggregateInput::refused(
            Some(name),
            RejectReason::LockFile,
            None,
            unsupported_format(class, name),
        );
    }
    if class == FileClass::Wps || REPORT_LIKE.contains(&ext.as_str()) {
        let d = unsupported_format(class, name);
        return AggregateInput::refused(Some(name), RejectReason::UnsupportedFormat, None, d);
    }
    let (what, what_en) = match ext.as_str() {
        "" => ("无扩展名的文件".to_owned(), "a file without an extension".to_owned()),
        "txt" | "md" => (format!("文本文件 .{ext}"), format!("a text file, .{ext}")),
        _ => (format!(".{ext} 文件"), format!("a .{ext} file")),
    };
    refused_input(
        name,
        RejectReason::Unrelated,
        None,
        format!("不是报送材料（{what}）"),
        format!("not a report material ({what_en})"),
    )
}

/// A readable Word file without the form that is neither a work summary nor a typical case (a
/// meeting's minutes, a cover letter): no report material, its `import.no_table` kept as a note.
/// Named as the 总结表, it is told that the form is missing from it.
fn no_form(f: &InboxFile, answer: &ImportAnswer) -> AggregateInput {
    let (detail, detail_en) = if base_name(&f.name).contains("总结表") {
        (
            "文件名写的是总结表，但文件中找不到总结表的表格；请核对是否附错了文件".to_owned(),
            "named as the 总结表, but no form is in it; check whether the wrong file was attached".to_owned(),
        )
    } else {
        (
            "不是报送材料（Word 文件中没有总结表，也不是工作总结材料或典型活动案例）".to_owned(),
            "not a report material (a Word file without the form, neither a work summary nor a typical case)"
                .to_owned(),
        )
    };
    refused_input(&f.name, RejectReason::Unrelated, None, detail, detail_en).with_notes(import_notes(answer))
}

/// A rejected input whose `aggregate.refused` finding gives `detail` (zh / en).
fn refused_input(
    name: &str,
    reason: RejectReason,
    unit: Option<&str>,
    detail: String,
    detail_en: String,
) -> AggregateInput {
    let d = make(
        &ar::REFUSED,
        String::new(),
        params! {"input" => name, "detail" => detail, "detail_en" => detail_en},
        None,
    );
    AggregateInput::refused(Some(name), reason, unit, d)
}

/// How far the inbox has read: `done` of `total` files, the last one named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InboxProgress<'a> {
    /// 已读 / files read so far.
    pub done: usize,
    /// 总数 / files in all.
    pub total: usize,
    /// 文件名 / the file just read.
    pub name: &'a str,
}

/// A file after the first look: ready as a roll-up input, a 总结表 imported from Word / Excel
/// (waiting for its unit's materials), or a material of some unit's package with the unit it
/// names (or the candidates: several, or none).
enum Seen<'f> {
    Ready(AggregateInput),
    Report {
        file: &'f InboxFile,
        answer: Box<ImportAnswer>,
    },
    Material {
        file: &'f InboxFile,
        kind: MaterialKind,
        unit: Result<&'f str, Vec<&'f str>>,
        notes: Vec<Diagnostic>,
    },
}

/// The unit an imported 总结表 is assigned to (see `Validator::report_unit`).
enum Assigned<'a> {
    /// One unit of the notice; `from_name`: its file name gave it (the form left 举办县区 blank);
    /// `notes`: what the inbox says of it.
    Unit { unit: &'a str, from_name: bool, notes: Vec<Diagnostic> },
    /// Several units named: the candidates and why (zh / en).
    Ambiguous { candidates: Vec<&'a str>, detail: String, detail_en: String },
    /// None the notice knows: the roll-up says so (`aggregate.unknown_unit`).
    Unknown,
}

/// The `aggregate.unit_name_conflict` warning: the file `input` is named for `named`, its content
/// (`source`, zh / en) says `unit`, which is used.
fn conflict(input: &str, named: &str, unit: &str, source: (&str, &str)) -> Diagnostic {
    make(
        &ar::UNIT_NAME_CONFLICT,
        String::new(),
        params! {"input" => input, "named" => named, "unit" => unit, "source" => source.0, "source_en" => source.1},
        None,
    )
}

/// The import's findings kept on a roll-up input (as `office_input` keeps them).
fn import_notes(answer: &ImportAnswer) -> Vec<Diagnostic> {
    answer
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info || d.code == crate::catalog::import::IMPORT_FROM_TITLE.code)
        .cloned()
        .collect()
}

/// Which material a Word file without the form is, from its name and its title line: 典型 / 案例
/// → the typical case, 总结 → the work summary; `None` when neither says, or when the title is
/// a cover letter's (关于…, …函).
fn material_kind(name: &str, opening: Option<&str>) -> Option<MaterialKind> {
    let title = opening.and_then(|o| o.lines().next()).unwrap_or("").trim();
    // A cover letter (「关于报送……总结材料的函」) names the materials; it is none of them.
    if title.starts_with("关于") || title.ends_with('函') {
        return None;
    }
    let said = |w: &str| base_name(name).contains(w) || title.contains(w);
    if said("典型") || said("案例") {
        Some(MaterialKind::TypicalCase)
    } else if said("总结") {
        Some(MaterialKind::WorkSummary)
    } else {
        None
    }
}

/// A Word file read once: the notice as JSON text when it is an activity-week notice (a
/// 「关于……的通知」 title, numbered sections and a theme or a week read), the import's answer, and
/// its opening (title and first lines) for telling a material apart.
pub(crate) struct WordLook {
    pub(crate) notice: Option<String>,
    pub(crate) answer: ImportAnswer,
    pub(crate) opening: Option<String>,
}

/// See the other `look_at_word`: with Word reading compiled in, the file is unzipped and its body
/// parsed once for all three.
#[cfg(feature = "docx")]
pub(crate) fn look_at_word(bytes: &[u8], year: Option<i32>) -> WordLook {
    let (answer, word) = super::import::read_word(bytes, year);
    let notice = word.as_ref().and_then(|w| {
        let r = crate::Notice::from_text(&w.text(), &Default::default());
        let n = &r.notice;
        let titled = n.title.as_deref().is_some_and(|t| t.ends_with("通知"));
        (r.is_notice() && titled && (n.theme.is_some() || n.week.is_some()))
            .then(|| crate::api::to_json_string(n))
    });
    WordLook { notice, answer, opening: word.map(|w| w.opening(400)) }
}

/// Without the Word reader: the import's answer says this build does not read .docx.
#[cfg(not(feature = "docx"))]
pub(crate) fn look_at_word(bytes: &[u8], year: Option<i32>) -> WordLook {
    WordLook { notice: None, answer: import_office(OfficeFormat::Docx, bytes, year), opening: None }
}

/// The file's own name without its folder.
fn base_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

/// Why a material could not be given to a unit (zh, en), listing the candidates when several.
fn unassigned(kind: MaterialKind, candidates: &[&str]) -> (String, String) {
    let example = match kind {
        MaterialKind::StampedScan => "东湖区盖章扫描件.pdf",
        MaterialKind::TypicalCase => "东湖区典型活动案例.docx",
        _ => "东湖区工作总结.docx",
    };
    if candidates.is_empty() {
        (
            format!(
                "{}：看不出属于哪个单位，未归入任何单位的报送；请在文件名中写明单位（如「{example}」）",
                kind.as_zh()
            ),
            format!(
                "a {} that names no unit of the notice: it is in no unit's package; put the unit in the file name (e.g. 「{example}」)",
                kind.as_en()
            ),
        )
    } else {
        (
            format!(
                "{}：可能属于 {}，不作猜测；请在文件名中只写明一个单位",
                kind.as_zh(),
                candidates.join("、")
            ),
            format!(
                "a {} that could belong to {}: not guessed; name one unit in the file name",
                kind.as_en(),
                candidates.join(", ")
            ),
        )
    }
}

impl Validator {
    /// The roll-up inputs of the inbox's files, one per file, in order. JSON is read as text;
    /// a Word / Excel 总结表 is imported (its 报送时间 from `given`, else the document's modified
    /// date, else the file's; the input's notes say which) and its submission lists the files
    /// of its unit's package that are in the folder — itself, and each work summary, typical
    /// case and stamped scan assigned to that unit — so the notice's reporting duty is checked
    /// against the real folder. A material is assigned to a unit by its file name, else its
    /// title, else its first lines (aliases included); several candidates or none make it a
    /// rejected input that says so, never a guess. Everything else is a rejected input with its
    /// reason.
    ///
    /// ```
    /// use learning_week::api::{InboxFile, Validator};
    /// let v = Validator::default();
    /// let inputs = v.inbox_inputs(&[InboxFile::new("a.json", b"{".to_vec()), InboxFile::new("b.bin", vec![0])], None);
    /// assert_eq!(inputs.len(), 2);
    /// assert_eq!(inputs[1].id.as_deref(), Some("b.bin"));
    /// let scans = [InboxFile::new("东湖区盖章扫描件.pdf", b"%PDF-1.7".to_vec()), InboxFile::new("扫描件.pdf", b"%PDF-1.7 another".to_vec())];
    /// let r = v.aggregate(&v.inbox_inputs(&scans, None), &Default::default());
    /// assert_eq!(r.accounting.materials[0].unit.as_deref(), Some("东湖区"));
    /// assert_eq!(r.accounting.rejected[0].id.as_deref(), Some("扫描件.pdf"));
    /// ```
    pub fn inbox_inputs(
        &self,
        files: &[InboxFile],
        given: Option<DateTime<FixedOffset>>,
    ) -> Vec<AggregateInput> {
        let refs: Vec<&InboxFile> = files.iter().collect();
        self.inbox_inputs_with_progress(&refs, given, &mut |_| {})
    }

    /// [`Validator::inbox_inputs`] telling `progress` after each file is read (the CLI draws a
    /// bar, Python calls its callback): long folders show how far they are.
    ///
    /// ```
    /// use learning_week::api::{InboxFile, Validator};
    /// let v = Validator::default();
    /// let files = [InboxFile::new("a.json", b"{}".to_vec()), InboxFile::new("b.pdf", b"%PDF".to_vec())];
    /// let mut seen = Vec::new();
    /// let inputs = v.inbox_inputs_with_progress(&files.iter().collect::<Vec<_>>(), None, &mut |p| seen.push((p.done, p.total, p.name.to_owned())));
    /// assert_eq!(inputs.len(), 2);
    /// assert_eq!(seen, [(1, 2, "a.json".to_owned()), (2, 2, "b.pdf".to_owned())]);
    /// ```
    pub fn inbox_inputs_with_progress(
        &self,
        files: &[&InboxFile],
        given: Option<DateTime<FixedOffset>>,
        progress: &mut dyn FnMut(InboxProgress<'_>),
    ) -> Vec<AggregateInput> {
        let year = self.notice().year();
        let total = files.len();
        // The same bytes saved twice (a correction is never byte-identical) count once: the
        // copy with the shortest name (then the first in name order) is the original, whatever
        // order the files came in.
        let hashes: Vec<String> = files.iter().map(|f| crate::aggregate::content_hash(&f.bytes)).collect();
        let rank = |f: &InboxFile| (base_name(&f.name).chars().count(), base_name(&f.name).to_owned());
        let mut original: std::collections::HashMap<&str, &InboxFile> = Default::default();
        for (f, h) in files.iter().zip(&hashes).filter(|(f, _)| !f.bytes.is_empty()) {
            original
                .entry(h)
                .and_modify(|o| {
                    if o.bytes == f.bytes && rank(f) < rank(o) {
                        *o = f;
                    }
                })
                .or_insert(f);
        }
        let seen: Vec<Seen<'_>> = files
            .iter()
            .zip(&hashes)
            .enumerate()
            .map(|(i, (f, h))| {
                let s = match original.get(h.as_str()) {
                    Some(o) if !std::ptr::eq(*o, *f) && o.bytes == f.bytes => {
                        Seen::Ready(AggregateInput::exact_copy(Some(&f.name), base_name(&o.name)))
                    }
                    _ => self.first_look(f, year),
                };
                progress(InboxProgress { done: i + 1, total, name: &f.name });
                s
            })
            .collect();
        // Each unit's materials, in the folder's order.
        let mut package: std::collections::BTreeMap<&str, Vec<serde_json::Value>> = Default::default();
        for s in &seen {
            if let Seen::Material { file, kind, unit: Ok(unit), .. } = s {
                package.entry(unit).or_default().push(material(&file.name, *kind));
            }
        }
        seen.into_iter()
            .map(|s| match s {
                Seen::Ready(input) => input,
                Seen::Report { file, mut answer } => {
                    let (unit, notes) = match self.report_unit(file, &answer) {
                        Assigned::Unit { unit, from_name, notes } => {
                            if from_name {
                                if let Some(t) = answer.summary.as_mut() {
                                    t.host_unit = Some(unit.to_owned().into());
                                }
                            }
                            (Some(unit), notes)
                        }
                        Assigned::Ambiguous { candidates, detail, detail_en } => {
                            let notes = import_notes(&answer);
                            let d = make(
                                &ar::REFUSED,
                                String::new(),
                                params! {"input" => &file.name, "detail" => detail, "detail_en" => detail_en, "candidates" => candidates},
                                None,
                            );
                            return AggregateInput::refused(Some(&file.name), RejectReason::AmbiguousUnit, None, d)
                                .with_notes(notes);
                        }
                        Assigned::Unknown => (None, Vec::new()),
                    };
                    let mut materials = vec![material(&file.name, MaterialKind::SummaryTable)];
                    materials.extend(unit.and_then(|u| package.get(u)).into_iter().flatten().cloned());
                    office_input(
                        Some(&file.name),
                        *answer,
                        given,
                        file.modified,
                        Some(materials),
                        Some(self.notice().model()),
                    )
                    .with_notes(notes)
                }
                Seen::Material { file, kind, unit: Ok(unit), notes } => {
                    AggregateInput::material(Some(&file.name), unit, kind).with_notes(notes)
                }
                Seen::Material { file, kind, unit: Err(candidates), notes } => {
                    let (detail, detail_en) = unassigned(kind, &candidates);
                    let reason =
                        if candidates.is_empty() { RejectReason::UnknownUnit } else { RejectReason::AmbiguousUnit };
                    refused_input(&file.name, reason, None, detail, detail_en).with_notes(notes)
                }
            })
            // The file's own time breaks a tie of equal 报送时间 between two reports of a unit.
            .zip(files)
            .map(|(input, f)| input.with_file_modified(f.modified))
            .collect()
    }

    /// What a file is, read once.
    fn first_look<'f>(&'f self, f: &'f InboxFile, year: Option<i32>) -> Seen<'f> {
        let id = Some(f.name.as_str());
        match classify_file(&f.name, &f.bytes) {
            FileClass::Json => Seen::Ready(match std::str::from_utf8(&f.bytes) {
                Ok(text) => AggregateInput::text(id, text.strip_prefix('\u{feff}').unwrap_or(text)),
                Err(e) => AggregateInput::unreadable(
                    id,
                    format!("文件不是 UTF-8 编码 / {} is not UTF-8 (byte {})", f.name, e.valid_up_to()),
                ),
            }),
            FileClass::Docx => {
                let look = look_at_word(&f.bytes, year);
                // The notice itself saved into the folder (its attachment holds the form's
                // labels): accounted for as the notice it is, never as a unit's report.
                if let Some(notice) = look.notice {
                    return Seen::Ready(AggregateInput::text(id, &notice));
                }
                let answer = look.answer;
                let formless = answer.summary.is_none()
                    && answer
                        .diagnostics
                        .iter()
                        .any(|d| d.code == crate::catalog::import::IMPORT_NO_TABLE.code);
                if !formless {
                    return Seen::Report { file: f, answer: Box::new(answer) };
                }
                let opening = look.opening;
                match material_kind(&f.name, opening.as_deref()) {
                    Some(kind) => {
                        let (unit, notes) = self.unit_named(&f.name, opening.as_deref());
                        Seen::Material { file: f, kind, unit, notes }
                    }
                    None => Seen::Ready(no_form(f, &answer)),
                }
            }
            FileClass::OldWord => {
                let answer = import_office(OfficeFormat::Doc, &f.bytes, year);
                // A .doc without the form is told apart by its text, exactly as a .docx is.
                #[cfg(feature = "doc")]
                if answer.summary.is_none()
                    && answer
                        .diagnostics
                        .iter()
                        .any(|d| d.code == crate::catalog::import::IMPORT_NO_TABLE.code)
                {
                    let opening = crate::office::doc_opening(&f.bytes, 400);
                    return match material_kind(&f.name, opening.as_deref()) {
                        Some(kind) => {
                            let (unit, notes) = self.unit_named(&f.name, opening.as_deref());
                            Seen::Material { file: f, kind, unit, notes }
                        }
                        None => Seen::Ready(no_form(f, &answer)),
                    };
                }
                Seen::Report { file: f, answer: Box::new(answer) }
            }
            FileClass::Xlsx => {
                Seen::Report { file: f, answer: Box::new(import_office(OfficeFormat::Xlsx, &f.bytes, year)) }
            }
            FileClass::Media => {
                let named = self.units_in(base_name(&f.name));
                let unit = match named.as_slice() {
                    [one] => Some(*one),
                    _ => None,
                };
                let of = unit.map(|u| format!("（{u}）")).unwrap_or_default();
                let of_en = unit.map(|u| format!(" ({u})")).unwrap_or_default();
                Seen::Ready(refused_input(
                    &f.name,
                    RejectReason::AttachedMedia,
                    unit,
                    format!("活动照片/录像{of}：另附材料，不计入报送要求（总结表注明「活动照片、活动录像请另附」），不是盖章后扫描件"),
                    format!("activity photos / video{of_en}: sent besides the package (the form says 「活动照片、活动录像请另附」), counted toward no requirement; not the stamped scan"),
                ))
            }
            FileClass::Scan => {
                let (unit, notes) = self.unit_named(&f.name, None);
                Seen::Material { file: f, kind: MaterialKind::StampedScan, unit, notes }
            }
            class => Seen::Ready(refused_file(class, &f.name)),
        }
    }

    /// The units of the notice a text names (its official name or an alias), one entry per
    /// unit, in the notice's order.
    fn units_in(&self, text: &str) -> Vec<&str> {
        self.notice()
            .units()
            .iter()
            .filter(|u| {
                text.contains(u.name())
                    || u.aliases().iter().any(|a| !a.is_empty() && text.contains(a.as_str()))
            })
            .map(|u| u.name())
            .collect()
    }

    /// The unit a material names, content before name: its title line, else its first lines,
    /// else its file name — one unit, or the candidates when several (a file name naming one of
    /// the units its text names settles it). When the file name names another single unit than
    /// the text, the text decides and an `aggregate.unit_name_conflict` warning says so.
    fn unit_named(&self, name: &str, opening: Option<&str>) -> (Result<&str, Vec<&str>>, Vec<Diagnostic>) {
        let title = opening.and_then(|o| o.lines().next());
        let named = self.units_in(base_name(name));
        let content = [(title, ("标题", "the title")), (opening, ("正文", "the text"))]
            .into_iter()
            .filter_map(|(text, source)| Some((self.units_in(text?), source)))
            .find(|(found, _)| !found.is_empty());
        match (content, named.as_slice()) {
            (Some((found, source)), [other]) if found.len() == 1 && found[0] != *other => {
                (Ok(found[0]), vec![conflict(name, other, found[0], source)])
            }
            (Some((found, _)), _) if found.len() == 1 => (Ok(found[0]), Vec::new()),
            (Some((found, _)), [one]) if found.contains(one) => (Ok(*one), Vec::new()),
            (Some((found, _)), _) => (Err(found), Vec::new()),
            (None, [one]) => (Ok(*one), Vec::new()),
            (None, _) => (Err(named), Vec::new()),
        }
    }

    /// The unit of an imported 总结表: its 举办县区 (or the unit its title gave), else the unit its
    /// file name names (aliases included; an `aggregate.unit_from_file_name` note says so). A
    /// 举办县区 or a file name naming several units of the notice is ambiguous — the candidates
    /// listed, never a guess; a unit the notice does not know is left to the roll-up
    /// (`aggregate.unknown_unit`). A file name naming another unit than the form adds an
    /// `aggregate.unit_name_conflict` warning: the form decides.
    fn report_unit<'s>(&'s self, file: &InboxFile, answer: &ImportAnswer) -> Assigned<'s> {
        // A file that could not be read has no unit to give: the roll-up rejects it as unreadable.
        let Some(table) = answer.summary.as_ref() else { return Assigned::Unknown };
        let written = table.host_unit.as_deref().map(str::trim);
        let from_title = answer
            .diagnostics
            .iter()
            .any(|d| d.code == crate::catalog::import::IMPORT_FROM_TITLE.code && d.path == "/host_unit");
        let (source, source_en) = if from_title {
            ("标题", "the title")
        } else {
            ("总结表的举办县区", "the form's 举办县区")
        };
        let named = self.units_in(base_name(&file.name));
        match written.filter(|w| !w.is_empty()) {
            Some(w) => match self.notice().model().official_unit_name(w) {
                Some(official) => {
                    let unit = self.notice().units().iter().map(|u| u.name()).find(|n| *n == official);
                    let Some(unit) = unit else { return Assigned::Unknown };
                    let notes = match named.as_slice() {
                        [other] if *other != unit => {
                            vec![conflict(&file.name, other, unit, (source, source_en))]
                        }
                        _ => Vec::new(),
                    };
                    Assigned::Unit { unit, from_name: false, notes }
                }
                None => {
                    let candidates = self.units_in(w);
                    if candidates.len() < 2 {
                        return Assigned::Unknown;
                    }
                    let list = candidates.join("、");
                    Assigned::Ambiguous {
                        detail: format!("{source}“{w}”写有 {list} 几个单位，不作猜测；请每个单位各报一份总结表，举办县区只填本单位"),
                        detail_en: format!("{source_en} “{w}” names several units ({}): not guessed; each unit sends its own form naming itself alone", candidates.join(", ")),
                        candidates,
                    }
                }
            },
            None => match named.len() {
                0 => Assigned::Unknown,
                1 => {
                    let unit = named[0];
                    let note = make(
                        &ar::UNIT_FROM_FILE_NAME,
                        "/summary/host_unit".into(),
                        params! {"input" => &file.name, "unit" => unit},
                        None,
                    );
                    Assigned::Unit { unit, from_name: true, notes: vec![note] }
                }
                _ => {
                    let list = named.join("、");
                    Assigned::Ambiguous {
                        detail: format!("举办县区未填写，文件名写有 {list} 几个单位，不作猜测；请在举办县区填写本单位"),
                        detail_en: format!("举办县区 is blank and the file name names several units ({}): not guessed; fill in 举办县区", named.join(", ")),
                        candidates: named,
                    }
                }
            },
        }
    }
}

/// One material of a submission as JSON: its kind, its file name and its format.
pub(crate) fn material(name: &str, kind: MaterialKind) -> serde_json::Value {
    let format = base_name(name).rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    serde_json::json!({"kind": kind.as_str(), "file_name": base_name(name), "format": format})
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
        assert_eq!(classify_file("photo.jpg", b"\xFF\xD8\xFF\xE0"), FileClass::Media);
        assert_eq!(classify_file("scan0001.JPG", b"\xFF\xD8\xFF\xE0"), FileClass::Scan);
        assert_eq!(classify_file("东湖区活动照片.pdf", b"%PDF-1.4"), FileClass::Media);
        assert_eq!(classify_file("a.mov", b"\0\0\0\x14ftypqt  "), FileClass::Media);
        assert_eq!(classify_file("dir/.~lock.东湖区总结表.docx#", b",x,"), FileClass::LockFile);
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
