//! Reading the filled 总结表 from the files districts actually send: Word (.docx, feature `docx`)
//! and Excel (.xlsx, feature `xlsx`).
//!
//! The file gives (label, cell text) pairs — the group cells merged down the side (组织领导 …),
//! the row label, the value cell with its paragraphs joined by a newline — and
//! [`SummaryTable::from_labeled_text`](crate::SummaryTable::from_labeled_text) does the rest:
//! tolerant label matching, the text parsers with their qualifiers, nothing dropped.
//!
//! Crates: `zip` (zip-rs/zip2, the maintained zip reader, built with only flate2's pure-Rust
//! deflate so it compiles for wasm32), `quick-xml` (a pull parser: it never reads a DTD nor
//! expands an entity, and we refuse a DOCTYPE outright) and, for .xlsx only, `calamine` (the
//! maintained pure-Rust spreadsheet reader, read cell by cell so a sparse sheet cannot allocate a
//! huge grid). `docx-rs` was not used: it builds a full document model we do not need and is
//! slower to follow the format's corners (merged cells, nested tables) than thirty lines of events.
//!
//! Hostile files are refused with one error diagnostic in bounded time and memory: the file is at
//! most [`MAX_FILE_BYTES`], every part is decompressed through a reader capped at
//! [`MAX_PART_BYTES`] (a zip bomb stops there, whatever the archive claims), at most
//! [`MAX_TOTAL_BYTES`] are decompressed in all, and XML with a DOCTYPE is refused.

use crate::catalog::import as ir;
use crate::catalog::Diagnostic;
use crate::catalog::{make, params};
use crate::import::{form_row_of, is_form_label, is_group_label};
use crate::text_match::normalise_name;
use serde_json::Value;
use std::io::{Cursor, Read};

#[cfg(feature = "doc")]
pub(crate) mod doc;
pub(crate) mod docx;
pub(crate) use docx::WordFile;
#[cfg(feature = "xlsx")]
pub(crate) mod xlsx;

/// The largest file imported: 20 MiB (the form with a few photos; a 50 MB file is refused).
///
/// ```
/// assert_eq!(learning_week::office::MAX_FILE_BYTES, 20 * 1024 * 1024);
/// ```
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// The largest part (e.g. `word/document.xml`) decompressed: 16 MiB.
///
/// ```
/// assert!(learning_week::office::MAX_PART_BYTES < learning_week::office::MAX_TOTAL_BYTES);
/// ```
pub const MAX_PART_BYTES: u64 = 16 * 1024 * 1024;

/// The most decompressed from one file in all: 48 MiB.
///
/// ```
/// assert_eq!(learning_week::office::MAX_TOTAL_BYTES, 48 * 1024 * 1024);
/// ```
pub const MAX_TOTAL_BYTES: u64 = 48 * 1024 * 1024;

/// The file formats read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    Docx,
    #[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
    Xlsx,
    #[cfg_attr(not(feature = "doc"), allow(dead_code))]
    Doc,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Docx => ".docx",
            Format::Xlsx => ".xlsx",
            Format::Doc => ".doc",
        }
    }
}

/// Why a file could not be imported; each becomes one error diagnostic.
#[derive(Debug, thiserror::Error)]
pub(crate) enum OfficeError {
    #[error("{part} is {size} bytes, over the limit of {limit}")]
    TooLarge { part: String, size: u64, limit: u64 },
    #[error("not a zip archive: {0}")]
    NotZip(String),
    #[error("no {0} in the archive")]
    MissingPart(&'static str),
    #[error("malformed XML in {part}: {detail}")]
    BadXml { part: String, detail: String },
    #[error("DOCTYPE in {0}")]
    Dtd(String),
    #[error("no 总结表 among {0} tables")]
    NoTable(usize),
    #[error("unreadable Word 97–2003 file: {0}")]
    #[cfg_attr(not(feature = "doc"), allow(dead_code))]
    BadDoc(String),
}

impl OfficeError {
    /// The diagnostic the error is shown as.
    pub(crate) fn diagnostic(&self, format: Format) -> Diagnostic {
        let f = format.name();
        match self {
            OfficeError::TooLarge { part, size, limit } => {
                let (zh, en) = if part.is_empty() {
                    ("文件".to_owned(), "The file".to_owned())
                } else {
                    (format!("文件中的 {part}（解压后）"), format!("{part} (decompressed)"))
                };
                let p = params! {"part" => zh, "part_en" => en, "size" => size, "limit" => limit};
                make(&ir::IMPORT_TOO_LARGE, String::new(), p, None)
            }
            OfficeError::NotZip(detail) => {
                make(&ir::IMPORT_NOT_ZIP, String::new(), params! {"format" => f, "detail" => detail}, None)
            }
            OfficeError::MissingPart(part) => {
                make(&ir::IMPORT_MISSING_PART, String::new(), params! {"format" => f, "part" => part}, None)
            }
            OfficeError::BadXml { part, detail } => {
                make(&ir::IMPORT_BAD_XML, String::new(), params! {"part" => part, "detail" => detail}, None)
            }
            OfficeError::Dtd(part) => {
                make(&ir::IMPORT_DTD_REFUSED, String::new(), params! {"part" => part}, None)
            }
            OfficeError::BadDoc(detail) => {
                make(&ir::IMPORT_BAD_DOC, String::new(), params! {"detail" => detail}, None)
            }
            OfficeError::NoTable(tables) => {
                make(&ir::IMPORT_NO_TABLE, String::new(), params! {"tables" => tables}, None)
            }
        }
    }
}

/// A zip archive read with limits.
pub(crate) struct Archive<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    read_total: u64,
}

impl<'a> Archive<'a> {
    /// Opens `bytes` as a zip archive, refusing files over [`MAX_FILE_BYTES`].
    pub(crate) fn open(bytes: &'a [u8]) -> Result<Self, OfficeError> {
        let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
        if size > MAX_FILE_BYTES {
            return Err(OfficeError::TooLarge { part: String::new(), size, limit: MAX_FILE_BYTES });
        }
        if !bytes.starts_with(b"PK") {
            return Err(OfficeError::NotZip("文件头不是 PK / no zip signature".into()));
        }
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| OfficeError::NotZip(e.to_string()))?;
        Ok(Archive { zip, read_total: 0 })
    }

    /// The names of the archive's entries.
    #[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
    pub(crate) fn names(&self) -> Vec<String> {
        self.zip.file_names().filter_map(|n| n.ok().map(|n| n.into_owned())).collect()
    }

    /// Reads one entry, decompressing at most [`MAX_PART_BYTES`] (and [`MAX_TOTAL_BYTES`] over all
    /// entries); `None` when the archive has no such entry.
    pub(crate) fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, OfficeError> {
        let mut file = match self.zip.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(OfficeError::NotZip(format!("{name}: {e}"))),
        };
        let limit = MAX_PART_BYTES.min(MAX_TOTAL_BYTES.saturating_sub(self.read_total));
        let too_large = |size| OfficeError::TooLarge { part: name.to_owned(), size, limit };
        if file.size() > limit {
            return Err(too_large(file.size()));
        }
        let mut buf = Vec::new();
        let n = (&mut file)
            .take(limit.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(|e| OfficeError::NotZip(format!("{name}: {e}")))?;
        let n = u64::try_from(n).unwrap_or(u64::MAX);
        if n > limit {
            return Err(too_large(n));
        }
        self.read_total = self.read_total.saturating_add(n);
        Ok(Some(buf))
    }

    /// Reads an XML entry as text, refusing a DOCTYPE / entity declaration.
    pub(crate) fn read_xml(&mut self, name: &str) -> Result<Option<String>, OfficeError> {
        let Some(bytes) = self.read(name)? else { return Ok(None) };
        let text = String::from_utf8(bytes).map_err(|e| OfficeError::BadXml {
            part: name.to_owned(),
            detail: format!("不是 UTF-8 / not UTF-8: {e}"),
        })?;
        if has_dtd(&text) {
            return Err(OfficeError::Dtd(name.to_owned()));
        }
        Ok(Some(text))
    }
}

/// Whether XML text declares a DTD or entities (Word and Excel never write one).
pub(crate) fn has_dtd(text: &str) -> bool {
    let upper = |n: &str| text.as_bytes().windows(n.len()).any(|w| w.eq_ignore_ascii_case(n.as_bytes()));
    upper("<!DOCTYPE") || upper("<!ENTITY")
}

/// `docProps/core.xml`'s `dcterms:modified`, when the file has one.
pub(crate) fn core_modified(archive: &mut Archive<'_>) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    let xml = archive.read_xml("docProps/core.xml").ok().flatten()?;
    let start = xml.find("modified")?;
    let rest = xml.get(start..)?;
    let open = rest.find('>')? + 1;
    let close = rest.find('<')?;
    let value = rest.get(open..close.max(open))?.trim();
    chrono::DateTime::parse_from_rfc3339(value).ok()
}

/// One row of a table or sheet: the non-empty cells with their column, in order.
pub(crate) type Row = Vec<(usize, String)>;

/// The form's rows read from one table or sheet.
#[derive(Default)]
pub(crate) struct FormRows {
    /// (label, cell text), in order.
    pub pairs: Vec<(String, String)>,
    /// How many labels are rows of the form.
    pub score: usize,
    /// Text in the table that is no row (a title row, a note).
    pub loose: Vec<String>,
}

/// Splits 「主办单位及协办单位：南昌市教育局」 at the first colon when the left side is a row label.
fn split_label(text: &str) -> Option<(String, String)> {
    let (l, r) = text.split_once(['：', ':'])?;
    is_form_label(l).then(|| (l.trim().to_owned(), r.trim().to_owned()))
}

/// Reads (label, text) pairs from a table's rows: group cells (组织领导 …) are skipped, the
/// first other cell is the label, the cells after it the value (joined by a newline). A label and
/// its value in one cell (「举办县区：东湖区」) are split. Rows before the first row label are
/// loose text (a title row); after it an unknown label is kept as a pair (the label import keeps
/// its text in 其他). With `label_col` (a sheet), a row whose first cell lies right of the label
/// column continues the previous value.
pub(crate) fn form_rows(rows: &[Row], label_col: Option<usize>) -> FormRows {
    let mut out = FormRows::default();
    let mut started = false;
    for row in rows {
        // Group cells: the form's group names, or any cell followed by a row label (a group
        // name in characters the label matching does not know).
        let labelled = |t: &str| is_form_label(t) || split_label(t).is_some();
        let skip = row
            .iter()
            .enumerate()
            .take_while(|(i, (_, t))| {
                is_group_label(t) || (!labelled(t) && row.get(i + 1).is_some_and(|(_, n)| labelled(n)))
            })
            .count();
        let cells: Vec<&(usize, String)> = row.iter().skip(skip).collect();
        let Some(((col, first), rest)) = cells.split_first().map(|(f, r)| ((f.0, &f.1), r)) else {
            continue;
        };
        let rest: Vec<&str> = rest.iter().map(|(_, t)| t.as_str()).filter(|t| *t != first).collect();
        if label_col.is_some_and(|c| col > c) && started {
            if let Some((_, v)) = out.pairs.last_mut() {
                let more = std::iter::once(first.as_str()).chain(rest.iter().copied());
                for t in more {
                    if !v.is_empty() {
                        v.push('\n');
                    }
                    v.push_str(t);
                }
            }
            continue;
        }
        let (label, value) = if is_form_label(first) {
            (first.clone(), rest.join("\n"))
        } else if let Some((l, v)) = split_label(first) {
            let value: Vec<&str> = std::iter::once(v.as_str()).chain(rest.iter().copied()).collect();
            (l, value.into_iter().filter(|t| !t.is_empty()).collect::<Vec<_>>().join("\n"))
        } else if started && !rest.is_empty() {
            (first.clone(), rest.join("\n"))
        } else {
            out.loose.push(std::iter::once(first.as_str()).chain(rest).collect::<Vec<_>>().join("\n"));
            continue;
        };
        if is_form_label(&label) {
            started = true;
            out.score += 1;
        }
        out.pairs.push((label, value));
    }
    out
}

/// The form's own fixed text around the table, not reported as outside text.
const FORM_TEXT: &[&str] = &["附件", "详细的活动情况总结、活动照片、活动录像请另附。"];

/// What the title line gives: the year and the unit.
struct Title {
    text: String,
    year: Option<i32>,
    unit: Option<String>,
}

/// Reads 「南昌市东湖区2021年全民终身学习活动周总结表」 / 「2021年东湖区全民终身学习活动周总结表」: the year
/// (four digits, then 年) and the unit (before the year, or between 年 and 全民; a leading city
/// name is dropped, a bare city is not a unit).
fn read_title(text: &str) -> Option<Title> {
    if !normalise_name(text).contains("总结表") {
        return None;
    }
    let chars: Vec<char> = text
        .chars()
        .map(|c| {
            if ('０'..='９').contains(&c) {
                char::from_u32(u32::from(c) - 0xFF10 + 0x30).unwrap_or(c)
            } else {
                c
            }
        })
        .collect();
    let mut year = None;
    let mut unit_text = String::new();
    for i in 0..chars.len().saturating_sub(4) {
        let four: String = chars.get(i..i + 4).map(|s| s.iter().collect()).unwrap_or_default();
        if four.chars().all(|c| c.is_ascii_digit()) && chars.get(i + 4) == Some(&'年') {
            year = four.parse::<i32>().ok().filter(|y| (1990..=2100).contains(y));
            let before: String = chars.get(..i).map(|s| s.iter().collect()).unwrap_or_default();
            let after: String = chars.get(i + 5..).map(|s| s.iter().collect()).unwrap_or_default();
            unit_text = if before.trim().is_empty() {
                after.split("全民").next().unwrap_or("").to_owned()
            } else {
                before
            };
            break;
        }
    }
    let mut unit = unit_text.trim().trim_start_matches("附件").trim().to_owned();
    if let Some((city, rest)) = unit.split_once('市') {
        if !rest.trim().is_empty() && !city.is_empty() {
            unit = rest.trim().to_owned();
        }
    }
    let unit = Some(unit).filter(|u| !u.is_empty() && !u.ends_with('市') && u.chars().count() <= 20);
    Some(Title { text: text.trim().to_owned(), year, unit })
}

/// Imports the chosen tables' rows, with the text outside them (`outside`: paragraphs and loose
/// table text, in order) for the title and the outside-text notes.
pub(crate) fn import_rows(
    tables: Vec<FormRows>,
    outside: Vec<String>,
    year: Option<i32>,
) -> crate::import::LabeledImport {
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut loose = outside;
    for t in tables {
        pairs.extend(t.pairs);
        loose.extend(t.loose);
    }
    let mut notes = Vec::new();
    let has_row = |pairs: &[(String, String)], row: &str| {
        pairs.iter().any(|(l, v)| form_row_of(l) == Some(row) && !v.trim().is_empty())
    };
    let mut year = year;
    let mut title_used = None;
    if let Some(title) = loose.iter().find_map(|t| read_title(t)) {
        if let (Some(y), false) = (title.year, has_row(&pairs, "年度")) {
            year = Some(y);
            let p = params! {"what" => "年度", "what_en" => "The year", "value" => y, "title" => &title.text};
            notes.push(make(&ir::IMPORT_FROM_TITLE, "/year".into(), p, None));
        }
        if let (Some(u), false) = (&title.unit, has_row(&pairs, "举办县区")) {
            pairs.push(("举办县区".into(), u.clone()));
            let p = params! {"what" => "举办县区", "what_en" => "The host unit", "value" => u, "title" => &title.text};
            notes.push(make(&ir::IMPORT_FROM_TITLE, "/host_unit".into(), p, None));
        }
        title_used = Some(title.text);
    }
    for t in &loose {
        let n = normalise_name(t);
        if n.is_empty()
            || title_used.as_deref() == Some(t.trim())
            || FORM_TEXT.iter().any(|f| normalise_name(f) == n)
        {
            continue;
        }
        let input = Value::String(t.clone());
        notes.push(make(&ir::IMPORT_OUTSIDE_TEXT, String::new(), params! {"text" => t}, Some(&input)));
    }
    let mut imported = crate::SummaryTable::from_labeled_text(pairs, year);
    imported.diagnostics.extend(notes);
    imported
}

/// A Word document's tables and paragraphs imported: the tables holding the form's row labels
/// (one, or the form split in two), then the label import; no such table is `NoTable`.
pub(crate) fn import_tables(
    tables: &[Vec<Row>],
    paragraphs: Vec<String>,
    year: Option<i32>,
) -> Result<crate::import::LabeledImport, OfficeError> {
    let forms: Vec<FormRows> = tables.iter().map(|rows| form_rows(rows, None)).collect();
    if forms.iter().all(|t| t.score < 2) {
        return Err(OfficeError::NoTable(tables.len()));
    }
    let chosen: Vec<FormRows> = forms.into_iter().filter(|t| t.score >= 1).collect();
    Ok(import_rows(chosen, paragraphs, year))
}

/// The result of a failed import: an empty table and the error.
pub(crate) fn refused(e: &OfficeError, format: Format) -> crate::import::LabeledImport {
    crate::import::LabeledImport {
        summary: crate::SummaryTable::default(),
        diagnostics: vec![e.diagnostic(format)],
    }
}

#[cfg(test)]
mod tests;

impl crate::SummaryTable<'static> {
    /// Reads the filled 总结表 from a Word file (.docx bytes), as districts fill the attachment:
    /// the table (or the two halves of a split table) holding the form's row labels, group cells
    /// merged down the side, values of several paragraphs joined by a newline, a label and its
    /// value in one cell split at the colon. Then [`from_labeled_text`](Self::from_labeled_text)
    /// maps the labels and parses the values, keeping qualifiers and every word. `year` is the
    /// year when neither a 年度 row nor the title line above the table gives one (the title may
    /// also give the unit: `import.from_title`). Text outside the table is listed
    /// (`import.outside_text`). A file that cannot be used gives an empty table and one error
    /// (`import.not_zip`, `import.too_large`, `import.missing_part`, `import.bad_xml`,
    /// `import.dtd_refused`, `import.no_table`), in bounded time and memory.
    ///
    /// ```
    /// use learning_week::SummaryTable;
    /// let r = SummaryTable::from_docx(b"%PDF-1.7 a scan, not the form", Some(2021));
    /// assert_eq!(r.diagnostics[0].code, "import.not_zip");
    /// assert_eq!(r.summary, SummaryTable::default());
    /// ```
    pub fn from_docx(bytes: &[u8], year: Option<i32>) -> crate::import::LabeledImport {
        docx::import(bytes, year)
    }

    /// Reads the 总结表 retyped in Excel (.xlsx bytes): the sheet column with the most row labels,
    /// each label's value in the cells to its right (a row with nothing in the label column
    /// continues the value above), then [`from_labeled_text`](Self::from_labeled_text). Limits
    /// and refusals as [`from_docx`](Self::from_docx); every XML part is checked before the
    /// spreadsheet reader opens it.
    ///
    /// ```
    /// use learning_week::SummaryTable;
    /// let r = SummaryTable::from_xlsx(b"PK\x03\x04 truncated", None);
    /// assert_eq!(r.diagnostics[0].code, "import.not_zip");
    /// ```
    #[cfg(feature = "xlsx")]
    pub fn from_xlsx(bytes: &[u8], year: Option<i32>) -> crate::import::LabeledImport {
        xlsx::import(bytes, year)
    }

    /// Reads the 总结表 from a Word 97–2003 file (.doc bytes, an OLE compound file): the table's
    /// cells and rows from Word's binary text stream, then the same row-aware import as
    /// [`from_docx`](Self::from_docx). A file that is not a readable .doc (not a compound file,
    /// encrypted, damaged) gives an empty table and one `import.bad_doc` error.
    ///
    /// ```
    /// use learning_week::SummaryTable;
    /// let r = SummaryTable::from_doc(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 truncated", None);
    /// assert_eq!(r.diagnostics[0].code, "import.bad_doc");
    /// ```
    #[cfg(feature = "doc")]
    pub fn from_doc(bytes: &[u8], year: Option<i32>) -> crate::import::LabeledImport {
        doc::import(bytes, year)
    }
}

/// The opening of a .docx without the form — its title and first lines, at most `max_chars`
/// characters — for telling a work summary from a typical case and whose it is; `None` when
/// the bytes are not a readable .docx.
///
/// ```
/// assert_eq!(learning_week::office::docx_opening(b"not a zip", 100), None);
/// ```
pub fn docx_opening(bytes: &[u8], max_chars: usize) -> Option<String> {
    docx::opening(bytes, max_chars)
}

/// The opening of a .doc (Word 97–2003) without the form, as [`docx_opening`] gives a .docx's;
/// `None` when the bytes are not a readable .doc.
///
/// ```
/// assert_eq!(learning_week::office::doc_opening(b"not a compound file", 100), None);
/// ```
#[cfg(feature = "doc")]
pub fn doc_opening(bytes: &[u8], max_chars: usize) -> Option<String> {
    doc::opening(bytes, max_chars)
}

/// The whole text of a .docx — paragraphs one per line, then the tables' rows with cells joined
/// by tabs — or the import's error when the bytes are no readable .docx.
///
/// ```
/// let e = learning_week::office::document_text(b"not a zip").unwrap_err();
/// assert_eq!(e.code, "import.not_zip");
/// ```
pub fn document_text(bytes: &[u8]) -> Result<String, Box<crate::catalog::Diagnostic>> {
    docx::text(bytes).map_err(|e| Box::new(e.diagnostic(Format::Docx)))
}

/// The `dcterms:modified` date of a .docx / .xlsx (`docProps/core.xml`), when it has one: what
/// the roll-up uses as 报送时间 when nothing better is known.
///
/// ```
/// assert_eq!(learning_week::office::document_modified(b"not a zip"), None);
/// ```
pub fn document_modified(bytes: &[u8]) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    docx::modified(bytes)
}
