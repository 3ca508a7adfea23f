//! .docx: the tables and paragraphs of `word/document.xml`, read as quick-xml events.

use super::{refused, Archive, Format, OfficeError, Row};
use crate::import::LabeledImport;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// Deepest nesting of tables followed (a table in a cell in a table …).
const MAX_TABLE_DEPTH: usize = 32;

const DOCUMENT: &str = "word/document.xml";

#[derive(Default)]
struct Cell {
    paras: Vec<String>,
    merged_above: bool,
    span: usize,
}

struct TableBuild {
    slot: usize,
    rows: Vec<Row>,
    row: Option<(Vec<(usize, String)>, usize)>,
    cell: Option<Cell>,
}

/// What `word/document.xml` holds: every table's rows (nested tables apart, in document order)
/// and the paragraphs outside any table.
#[derive(Default)]
pub(crate) struct Body {
    pub tables: Vec<Vec<Row>>,
    pub paragraphs: Vec<String>,
}

fn val(e: &BytesStart<'_>) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.local_name().as_ref() == "val").map(|a| a.value.into_owned())
}

fn bad(detail: String) -> OfficeError {
    OfficeError::BadXml { part: DOCUMENT.into(), detail }
}

/// Parses the body. Text is taken from `w:t` (with `w:tab`, `w:br`), never from deleted text or
/// field codes; `mc:Fallback` (a second copy of a text box) is skipped.
pub(crate) fn parse_body(xml: &str) -> Result<Body, OfficeError> {
    let mut reader = Reader::from_str(xml);
    let mut body = Body::default();
    let mut stack: Vec<TableBuild> = Vec::new();
    let mut para_depth = 0usize;
    let mut para = String::new();
    let mut in_text = false;
    let mut depth = 0usize;
    loop {
        let event =
            reader.read_event().map_err(|e| bad(format!("{e} (字节 / byte {})", reader.error_position())))?;
        match event {
            Event::DocType(_) => return Err(OfficeError::Dtd(DOCUMENT.into())),
            Event::Eof if depth == 0 => break,
            Event::Eof => return Err(bad("文档不完整 / unexpected end of the document".into())),
            Event::Start(ref e) if e.local_name().as_ref() == "Fallback" => {
                reader.read_to_end(e.name()).map_err(|e| bad(e.to_string()))?;
            }
            Event::Start(e) => {
                depth += 1;
                match e.local_name().as_ref() {
                    "tbl" => {
                        if stack.len() >= MAX_TABLE_DEPTH {
                            return Err(bad(format!(
                                "表格嵌套超过 {MAX_TABLE_DEPTH} 层 / tables nested too deep"
                            )));
                        }
                        body.tables.push(Vec::new());
                        stack.push(TableBuild {
                            slot: body.tables.len() - 1,
                            rows: Vec::new(),
                            row: None,
                            cell: None,
                        });
                    }
                    "tr" => {
                        if let Some(t) = stack.last_mut() {
                            t.row = Some((Vec::new(), 0));
                        }
                    }
                    "tc" => {
                        if let Some(t) = stack.last_mut() {
                            t.cell = Some(Cell { span: 1, ..Default::default() });
                        }
                    }
                    "p" => {
                        para_depth += 1;
                        if para_depth == 1 {
                            para.clear();
                        }
                    }
                    "t" => in_text = para_depth > 0,
                    "vMerge" => merge(&mut stack, &e),
                    _ => {}
                }
            }
            Event::Empty(e) => match e.local_name().as_ref() {
                "tab" if para_depth > 0 => para.push('\t'),
                "br" | "cr" if para_depth > 0 => para.push('\n'),
                "vMerge" => merge(&mut stack, &e),
                "gridSpan" => {
                    if let Some(c) = stack.last_mut().and_then(|t| t.cell.as_mut()) {
                        c.span = val(&e).and_then(|v| v.parse().ok()).unwrap_or(1).clamp(1, 64);
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_text => para.push_str(&t.xml10_content()),
            Event::CData(t) if in_text => para.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => {
                let c = match r.resolve_char_ref().map_err(|e| bad(e.to_string()))? {
                    Some(c) => c,
                    None => match r.xml10_content().as_ref() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => return Err(bad(format!("未定义的实体 / undefined entity &{other};"))),
                    },
                };
                para.push(c);
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                match e.local_name().as_ref() {
                    "t" => in_text = false,
                    "p" => {
                        para_depth = para_depth.saturating_sub(1);
                        if para_depth > 0 {
                            para.push('\n');
                        } else {
                            let text = std::mem::take(&mut para);
                            match stack.last_mut() {
                                Some(t) => {
                                    if let Some(c) = t.cell.as_mut() {
                                        c.paras.push(text);
                                    }
                                }
                                None => body.paragraphs.push(text.trim().to_owned()),
                            }
                        }
                    }
                    "tc" => {
                        if let Some(t) = stack.last_mut() {
                            if let (Some(c), Some((row, col))) = (t.cell.take(), t.row.as_mut()) {
                                let text: Vec<&str> =
                                    c.paras.iter().map(|p| p.trim()).filter(|p| !p.is_empty()).collect();
                                if !c.merged_above && !text.is_empty() {
                                    row.push((*col, text.join("\n")));
                                }
                                *col += c.span;
                            }
                        }
                    }
                    "tr" => {
                        if let Some(t) = stack.last_mut() {
                            if let Some((row, _)) = t.row.take() {
                                t.rows.push(row);
                            }
                        }
                    }
                    "tbl" => {
                        if let Some(t) = stack.pop() {
                            if let Some(slot) = body.tables.get_mut(t.slot) {
                                *slot = t.rows;
                            }
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    Ok(body)
}

/// `w:vMerge` without `w:val="restart"` continues the cell above: its (empty) text is not a cell.
fn merge(stack: &mut [TableBuild], e: &BytesStart<'_>) {
    if let Some(c) = stack.last_mut().and_then(|t| t.cell.as_mut()) {
        c.merged_above = val(e).is_none_or(|v| v != "restart");
    }
}

/// A .docx opened and its body parsed once: what the import, the notice check, the opening of a
/// material and the 报送时间 all read (the inbox reads each Word file once, not once per use).
pub(crate) struct WordFile {
    body: Body,
    modified: Option<chrono::DateTime<chrono::FixedOffset>>,
}

impl WordFile {
    /// Opens the archive, parses `word/document.xml` and reads `docProps/core.xml`'s modified date.
    pub(crate) fn open(bytes: &[u8]) -> Result<Self, OfficeError> {
        let mut archive = Archive::open(bytes)?;
        let xml = archive.read_xml(DOCUMENT)?.ok_or(OfficeError::MissingPart(DOCUMENT))?;
        let body = parse_body(&xml)?;
        drop(xml);
        Ok(WordFile { body, modified: super::core_modified(&mut archive) })
    }

    /// The document's `dcterms:modified`, if it has one.
    pub(crate) fn modified(&self) -> Option<chrono::DateTime<chrono::FixedOffset>> {
        self.modified
    }

    /// The 总结表 read from the tables holding the form's row labels (one, or the form split in
    /// two), then the label import; no such table is `import.no_table`.
    pub(crate) fn import(&self, year: Option<i32>) -> LabeledImport {
        match super::import_tables(&self.body.tables, self.body.paragraphs.clone(), year) {
            Ok(r) => r,
            Err(e) => refused(&e, Format::Docx),
        }
    }

    /// The text of the paragraphs outside tables, non-empty ones joined by newlines, at most
    /// `max_chars` characters.
    pub(crate) fn opening(&self, max_chars: usize) -> String {
        let lines: Vec<&str> =
            self.body.paragraphs.iter().map(|p| p.trim()).filter(|p| !p.is_empty()).collect();
        lines.join("\n").chars().take(max_chars).collect()
    }

    /// The whole text: the paragraphs outside tables, one per line, then every table's rows with
    /// their cells joined by a tab (what a notice's reader takes).
    pub(crate) fn text(&self) -> String {
        let mut out = self.body.paragraphs.join("\n");
        for table in &self.body.tables {
            for row in table {
                out.push('\n');
                let cells: Vec<&str> = row.iter().map(|(_, t)| t.as_str()).collect();
                out.push_str(&cells.join("\t"));
                out.push('\t');
            }
        }
        out
    }
}

/// Reads a .docx: the tables holding the form's row labels (one, or the form split in two),
/// then the label import.
pub(crate) fn import(bytes: &[u8], year: Option<i32>) -> LabeledImport {
    match WordFile::open(bytes) {
        Ok(w) => w.import(year),
        Err(e) => refused(&e, Format::Docx),
    }
}

/// The text of the document's paragraphs outside tables (see [`WordFile::opening`]); `None`
/// when it is not a readable .docx.
pub(crate) fn opening(bytes: &[u8], max_chars: usize) -> Option<String> {
    WordFile::open(bytes).ok().map(|w| w.opening(max_chars))
}

/// The document's `dcterms:modified`, if it has one and is a readable .docx/.xlsx.
pub(crate) fn modified(bytes: &[u8]) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    let mut archive = Archive::open(bytes).ok()?;
    super::core_modified(&mut archive)
}

/// The whole text of a .docx (see [`WordFile::text`]).
pub(crate) fn text(bytes: &[u8]) -> Result<String, OfficeError> {
    WordFile::open(bytes).map(|w| w.text())
}
