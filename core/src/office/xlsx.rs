//! .xlsx: the sheet column holding the form's row labels, the values to its right (calamine).

use super::{form_rows, has_dtd, import_rows, refused, Archive, FormRows, Format, OfficeError, Row};
use crate::import::{is_form_label, LabeledImport};
use calamine::{DataRef, DataType, Reader, Xlsx};
use std::collections::BTreeMap;
use std::io::Cursor;

/// The most cells read from one sheet (a retyped form has about fifty).
const MAX_CELLS: usize = 100_000;

/// A cell as text: numbers without a needless `.0`, dates as 2021年11月22日 (the text parsers
/// read that), errors as written.
fn cell_text(v: &DataRef<'_>) -> String {
    match v {
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.trim().to_owned(),
        DataRef::SharedString(s) => s.trim().to_owned(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => f.to_string(),
        DataRef::Bool(b) => b.to_string(),
        DataRef::DateTime(_) => match v.as_date() {
            Some(d) => d.format("%Y年%m月%d日").to_string(),
            None => v.as_f64().map(|f| f.to_string()).unwrap_or_default(),
        },
        DataRef::Error(e) => e.to_string(),
        DataRef::Empty => String::new(),
    }
}

/// Checks every XML part of the archive (bounded reads, no DOCTYPE) before calamine opens it,
/// so calamine only ever sees parts whose real decompressed size is known to be within limits.
fn precheck(bytes: &[u8]) -> Result<(), OfficeError> {
    let mut archive = Archive::open(bytes)?;
    let names = archive.names();
    if !names.iter().any(|n| n == "xl/workbook.xml") {
        return Err(OfficeError::MissingPart("xl/workbook.xml"));
    }
    for name in names.iter().filter(|n| n.ends_with(".xml") || n.ends_with(".rels")) {
        if let Some(b) = archive.read(name)? {
            if has_dtd(&String::from_utf8_lossy(&b)) {
                return Err(OfficeError::Dtd(name.clone()));
            }
        }
    }
    Ok(())
}

fn read(bytes: &[u8], year: Option<i32>) -> Result<LabeledImport, OfficeError> {
    precheck(bytes)?;
    let bad = |e: calamine::XlsxError| OfficeError::BadXml { part: "xl/".into(), detail: e.to_string() };
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(bad)?;
    let mut best: Option<(usize, Vec<Row>, usize)> = None;
    let mut sheets = 0;
    for name in book.sheet_names() {
        sheets += 1;
        let mut reader = book.worksheet_cells_reader(&name).map_err(bad)?;
        let mut grid: BTreeMap<u32, Vec<(usize, String)>> = BTreeMap::new();
        let mut n = 0usize;
        while let Some(cell) = reader.next_cell().map_err(bad)? {
            n += 1;
            if n > MAX_CELLS {
                let limit = u64::try_from(MAX_CELLS).unwrap_or(u64::MAX);
                return Err(OfficeError::TooLarge {
                    part: format!("{name} (cells)"),
                    size: limit + 1,
                    limit,
                });
            }
            let text = cell_text(cell.get_value());
            if !text.is_empty() {
                let (r, c) = cell.get_position();
                grid.entry(r).or_default().push((usize::try_from(c).unwrap_or(usize::MAX), text));
            }
        }
        let mut rows: Vec<Row> = grid.into_values().collect();
        for r in &mut rows {
            r.sort_by_key(|(c, _)| *c);
        }
        // The label column: where most cells are row labels of the form.
        let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
        for (c, t) in rows.iter().flatten() {
            if is_form_label(t) {
                *counts.entry(*c).or_default() += 1;
            }
        }
        if let Some((col, score)) = counts.into_iter().max_by_key(|(c, n)| (*n, std::cmp::Reverse(*c))) {
            if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
                best = Some((score, rows, col));
            }
        }
    }
    let Some((score, rows, col)) = best.filter(|(s, _, _)| *s >= 2) else {
        return Err(OfficeError::NoTable(sheets));
    };
    let _ = score;
    let table: FormRows = form_rows(&rows, Some(col));
    Ok(import_rows(vec![table], Vec::new(), year))
}

/// Reads a .xlsx: the sheet and column with the most row labels, then the label import.
pub(crate) fn import(bytes: &[u8], year: Option<i32>) -> LabeledImport {
    match read(bytes, year) {
        Ok(r) => r,
        Err(e) => refused(&e, Format::Xlsx),
    }
}
