//! .doc (Word 97–2003): the 总结表 read from the binary format, as district offices still send it.
//!
//! A .doc is an OLE compound file. Its `WordDocument` stream starts with the FIB, which says
//! which table stream (`0Table` / `1Table`) holds the piece table (CLX) and where the paragraph
//! properties (PlcBtePapx) are. The piece table maps the document's characters to bytes —
//! 8-bit (cp1252-like) or UTF-16LE pieces. In the main text, a paragraph ends with `\r`, a table
//! cell with `\x07`; the paragraph after a row's last cell is the row's end mark, a `\x07`
//! paragraph whose properties carry `sprmPFTtp`. That is enough to recover the table's rows
//! and cells, which then go through the same row-aware import as a .docx ([MS-DOC] 2.3–2.9).
//!
//! Everything is bounded: the file size ([`super::MAX_FILE_BYTES`]), the text length, every
//! offset checked before it is read. A file that is not a .doc, is encrypted or is damaged is
//! one `import.bad_doc` error, never a panic.

use super::{refused, Format, OfficeError, Row};
use crate::import::LabeledImport;
use std::io::Read;

/// The OLE compound file signature.
const CFB_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
/// The FIB's `wIdent` for Word 97 and later.
const WORD_IDENT: u16 = 0xA5EC;
/// Most characters of main text read (a 总结表 is a few thousand).
const MAX_CHARS: usize = 2_000_000;

fn bad(detail: impl Into<String>) -> OfficeError {
    OfficeError::BadDoc(detail.into())
}

fn u16_at(b: &[u8], at: usize) -> Result<u16, OfficeError> {
    b.get(at..at + 2)
        .map(|s| u16::from_le_bytes([s[0], s[1]]))
        .ok_or_else(|| bad(format!("文件在第 {at} 字节处截断 / truncated at byte {at}")))
}

fn u32_at(b: &[u8], at: usize) -> Result<u32, OfficeError> {
    b.get(at..at + 4)
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
        .ok_or_else(|| bad(format!("文件在第 {at} 字节处截断 / truncated at byte {at}")))
}

fn usize_at(b: &[u8], at: usize) -> Result<usize, OfficeError> {
    u32_at(b, at).map(|v| v as usize)
}

/// One stream of the compound file, read whole (the file itself is already bounded).
fn stream(file: &mut cfb::CompoundFile<std::io::Cursor<&[u8]>>, name: &str) -> Result<Vec<u8>, OfficeError> {
    let mut s = file.open_stream(name).map_err(|e| bad(format!("{name}: {e}")))?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).map_err(|e| bad(format!("{name}: {e}")))?;
    Ok(buf)
}

/// One character of the main text and the byte offset in `WordDocument` it came from.
struct Char {
    c: char,
    fc: usize,
}

/// The main text, character by character, through the piece table.
fn main_text(word: &[u8], table: &[u8], fib: &Fib) -> Result<Vec<Char>, OfficeError> {
    let clx = table
        .get(fib.fc_clx..fib.fc_clx.saturating_add(fib.lcb_clx))
        .ok_or_else(|| bad("piece table outside the table stream"))?;
    // Skip the Prc entries (formatting), then the Pcdt (the piece table).
    let mut at = 0;
    while clx.get(at) == Some(&0x01) {
        at += 3 + usize::from(u16_at(clx, at + 1)?);
    }
    if clx.get(at) != Some(&0x02) {
        return Err(bad("no piece table (Pcdt)"));
    }
    let lcb = usize_at(clx, at + 1)?;
    let plc = clx.get(at + 5..at + 5 + lcb).ok_or_else(|| bad("piece table truncated"))?;
    if lcb < 4 || (lcb - 4) % 12 != 0 {
        return Err(bad("piece table of a wrong size"));
    }
    let pieces = (lcb - 4) / 12;
    let mut out = Vec::new();
    for i in 0..pieces {
        let (cp0, cp1) = (usize_at(plc, i * 4)?, usize_at(plc, (i + 1) * 4)?);
        if cp0 >= fib.ccp_text {
            break;
        }
        let n = cp1.saturating_sub(cp0).min(fib.ccp_text - cp0);
        if out.len() + n > MAX_CHARS {
            return Err(bad(format!("正文超过 {MAX_CHARS} 个字符 / main text over {MAX_CHARS} characters")));
        }
        let pcd = (pieces + 1) * 4 + i * 8;
        let raw = u32_at(plc, pcd + 2)?;
        let compressed = raw & 0x4000_0000 != 0;
        let fc = (raw & 0x3FFF_FFFF) as usize;
        if compressed {
            let start = fc / 2;
            let bytes = word.get(start..start + n).ok_or_else(|| bad("a text piece outside the document"))?;
            out.extend(bytes.iter().enumerate().map(|(k, b)| Char { c: cp1252(*b), fc: start + k }));
        } else {
            let bytes = word.get(fc..fc + 2 * n).ok_or_else(|| bad("a text piece outside the document"))?;
            let units: Vec<u16> = bytes.chunks_exact(2).map(|u| u16::from_le_bytes([u[0], u[1]])).collect();
            for (k, c) in char::decode_utf16(units.iter().copied()).enumerate() {
                out.push(Char { c: c.unwrap_or('\u{FFFD}'), fc: fc + 2 * k });
            }
        }
    }
    Ok(out)
}

/// The characters of an 8-bit piece: cp1252, whose 0x80–0x9F differ from Latin-1.
fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
        '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// What the reader needs from the FIB.
struct Fib {
    table_stream: &'static str,
    ccp_text: usize,
    fc_clx: usize,
    lcb_clx: usize,
    fc_papx: usize,
    lcb_papx: usize,
}

fn fib(word: &[u8]) -> Result<Fib, OfficeError> {
    if u16_at(word, 0)? != WORD_IDENT {
        return Err(bad("不是 Word 97–2003 文档（FIB 标识不符）/ not a Word 97–2003 document (FIB ident)"));
    }
    let flags = u16_at(word, 0x0A)?;
    if flags & 0x0100 != 0 {
        return Err(bad("文档已加密 / the document is encrypted"));
    }
    // FibBase (32 bytes), csw + FibRgW, cslw + FibRgLw, cbRgFcLcb + FibRgFcLcb.
    let csw = usize::from(u16_at(word, 32)?);
    let lw = 34 + csw * 2;
    let cslw = usize::from(u16_at(word, lw)?);
    let ccp_text = usize_at(word, lw + 2 + 3 * 4)?;
    let fc = lw + 2 + cslw * 4 + 2;
    Ok(Fib {
        table_stream: if flags & 0x0200 != 0 { "1Table" } else { "0Table" },
        ccp_text,
        fc_papx: usize_at(word, fc + 0x68)?,
        lcb_papx: usize_at(word, fc + 0x6C)?,
        fc_clx: usize_at(word, fc + 0x108)?,
        lcb_clx: usize_at(word, fc + 0x10C)?,
    })
}

/// Where a paragraph's properties put it: in a table, or a table row's end mark.
#[derive(Default, Clone, Copy)]
struct ParaMark {
    in_table: bool,
    row_end: bool,
}

/// The paragraph properties of every run of bytes (in `WordDocument`) that sets
/// `sprmPFInTable` (0x2416) or `sprmPFTtp` (0x2417, `sprmPFInnerTtp` 0x244C for nested rows).
fn para_marks(word: &[u8], table: &[u8], fib: &Fib) -> Result<Vec<(usize, usize, ParaMark)>, OfficeError> {
    let plc = table
        .get(fib.fc_papx..fib.fc_papx.saturating_add(fib.lcb_papx))
        .ok_or_else(|| bad("paragraph properties outside the table stream"))?;
    if plc.len() < 4 || (plc.len() - 4) % 8 != 0 {
        return Ok(Vec::new());
    }
    let n = (plc.len() - 4) / 8;
    let mut marks = Vec::new();
    for i in 0..n {
        let pn = usize_at(plc, (n + 1) * 4 + i * 4)? & 0x003F_FFFF;
        let Some(fkp) = word.get(pn * 512..pn * 512 + 512) else { continue };
        let crun = usize::from(fkp[511]);
        if (crun + 1) * 4 + crun * 13 > 511 {
            continue;
        }
        for r in 0..crun {
            let (start, end) = (usize_at(fkp, r * 4)?, usize_at(fkp, (r + 1) * 4)?);
            let offset = usize::from(fkp[(crun + 1) * 4 + r * 13]) * 2;
            if offset == 0 || offset >= 511 {
                continue;
            }
            let cb = usize::from(fkp[offset]);
            let (at, len) = if cb == 0 {
                (offset + 2, usize::from(*fkp.get(offset + 1).unwrap_or(&0)) * 2)
            } else {
                (offset + 1, cb * 2 - 1)
            };
            // GrpPrlAndIstd: the style (2 bytes), then the sprms.
            let Some(grpprl) = fkp.get(at + 2..(at + len).min(511)) else { continue };
            let mark = sprm_marks(grpprl);
            if mark.in_table || mark.row_end {
                marks.push((start, end, mark));
            }
        }
    }
    // In file order, as Word writes them; sorted anyway so `body` can search them.
    marks.sort_by_key(|m| m.0);
    Ok(marks)
}

/// The table flags a list of sprms sets.
fn sprm_marks(mut g: &[u8]) -> ParaMark {
    let mut mark = ParaMark::default();
    while g.len() >= 2 {
        let sprm = u16::from_le_bytes([g[0], g[1]]);
        let operand = &g[2..];
        let size = match (sprm >> 13) & 7 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            _ => match sprm {
                0xD608 => operand.get(..2).map_or(0, |s| usize::from(u16::from_le_bytes([s[0], s[1]])) + 1),
                _ => operand.first().map_or(0, |b| usize::from(*b) + 1),
            },
        };
        let on = operand.first().is_some_and(|b| *b != 0);
        match sprm {
            0x2416 => mark.in_table |= on,
            0x2417 | 0x244C => mark.row_end |= on,
            _ => {}
        }
        g = operand.get(size..).unwrap_or(&[]);
    }
    mark
}

/// What the main text holds: its tables (rows of (column, text)) and the paragraphs outside them.
struct Body {
    tables: Vec<Vec<Row>>,
    paragraphs: Vec<String>,
}

/// Splits the main text into paragraphs (ended by `\r`) and cells (ended by `\x07`). A
/// paragraph inside a table belongs to the cell it is in; a `\x07` paragraph marked as a row
/// end closes the row; a paragraph outside any table closes the table before it.
fn body(chars: &[Char], marks: &[(usize, usize, ParaMark)]) -> Body {
    // The runs are sorted by start (para_marks): the one holding `fc` is the last starting at or
    // before it — a binary search, not a scan per paragraph mark.
    let mark_at = |fc: usize| {
        let i = marks.partition_point(|(s, _, _)| *s <= fc);
        i.checked_sub(1)
            .and_then(|i| marks.get(i))
            .filter(|(_, e, _)| fc < *e)
            .map(|m| m.2)
            .unwrap_or_default()
    };
    let mut body = Body { tables: Vec::new(), paragraphs: Vec::new() };
    let (mut text, mut cell, mut row, mut rows) =
        (String::new(), Vec::<String>::new(), Row::new(), Vec::<Row>::new());
    let mut col = 0usize;
    for ch in chars {
        match ch.c {
            '\r' | '\u{07}' => {
                let line = std::mem::take(&mut text).trim().to_owned();
                let mark = mark_at(ch.fc);
                if ch.c == '\u{07}' && mark.row_end {
                    rows.push(std::mem::take(&mut row));
                    cell.clear();
                    col = 0;
                } else if ch.c == '\u{07}' {
                    cell.push(line);
                    let parts: Vec<String> = cell.drain(..).filter(|p| !p.is_empty()).collect();
                    // An empty cell (a merged cell's continuation, a blank value) is no cell of
                    // the form; its column still counts.
                    if !parts.is_empty() {
                        row.push((col, parts.join("\n")));
                    }
                    col += 1;
                } else if mark.in_table {
                    cell.push(line);
                } else {
                    if !rows.is_empty() {
                        body.tables.push(std::mem::take(&mut rows));
                    }
                    if !line.is_empty() {
                        body.paragraphs.push(line);
                    }
                }
            }
            '\u{0B}' => text.push('\n'),
            // Field marks, pictures and other control characters carry no text of the form.
            c if (c as u32) < 0x20 && c != '\t' => {}
            c => text.push(c),
        }
    }
    if !rows.is_empty() {
        body.tables.push(rows);
    }
    let rest = text.trim();
    if !rest.is_empty() {
        body.paragraphs.push(rest.to_owned());
    }
    body
}

fn read(bytes: &[u8], year: Option<i32>) -> Result<LabeledImport, OfficeError> {
    let body = read_body(bytes)?;
    super::import_tables(&body.tables, body.paragraphs, year)
}

/// The opening of a .doc — its paragraphs' first `max_chars` characters, one per line, as
/// [`super::docx_opening`] gives a .docx's — `None` when it is no readable .doc.
pub(crate) fn opening(bytes: &[u8], max_chars: usize) -> Option<String> {
    let body = read_body(bytes).ok()?;
    let lines: Vec<&str> = body.paragraphs.iter().map(|p| p.trim()).filter(|p| !p.is_empty()).collect();
    Some(lines.join("\n").chars().take(max_chars).collect())
}

fn read_body(bytes: &[u8]) -> Result<Body, OfficeError> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > super::MAX_FILE_BYTES {
        return Err(OfficeError::TooLarge { part: String::new(), size, limit: super::MAX_FILE_BYTES });
    }
    if !bytes.starts_with(CFB_MAGIC) {
        return Err(bad("不是 OLE 复合文档 / not an OLE compound file"));
    }
    let mut file = cfb::CompoundFile::open(std::io::Cursor::new(bytes)).map_err(|e| bad(e.to_string()))?;
    let word = stream(&mut file, "WordDocument")?;
    let fib = fib(&word)?;
    let table = stream(&mut file, fib.table_stream)?;
    let chars = main_text(&word, &table, &fib)?;
    let marks = para_marks(&word, &table, &fib)?;
    Ok(body(&chars, &marks))
}

/// Reads a .doc: the tables holding the form's row labels, then the label import.
pub(crate) fn import(bytes: &[u8], year: Option<i32>) -> LabeledImport {
    match read(bytes, year) {
        Ok(r) => r,
        Err(e) => refused(&e, Format::Doc),
    }
}
