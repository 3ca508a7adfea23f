//! The filled 总结表 as a Word (.docx) file in the attachment's layout, ready to print on A4,
//! stamp and scan.
//!
//! The OOXML is written here (five small parts) and packed with the `zip` crate, which
//! `rust_xlsxwriter` needs anyway: the layout (a three-column table, group cells merged
//! vertically with `w:vMerge`, the spanning rows with `w:gridSpan`) is a few dozen lines of
//! XML, fewer than the builder calls of a document library would be, and it adds no dependency.

use super::form::{form_rows, FormRow, CLOSING_LINE};
use super::{escape, ExportError};
use crate::notice::Notice;
use crate::summary::SummaryTable;
use std::io::{Cursor, Write};

/// A4 in twentieths of a point, and the margins (2.6 cm left and right, 2.54 cm top and bottom).
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const MARGIN_X: u32 = 1474;
const MARGIN_Y: u32 = 1440;
/// The three columns: group, row label, value; together the text width of the page.
const COLS: [u32; 3] = [1134, 2608, PAGE_W - 2 * MARGIN_X - 1134 - 2608];

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

/// 宋体 五号 (10.5 pt) for the body, Times New Roman for Latin text, as official forms are set.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体" w:cs="Times New Roman"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#;

/// A run of text: tabs as `w:tab`, spaces preserved.
fn run(out: &mut String, text: &str, bold: bool) {
    out.push_str("<w:r>");
    if bold {
        out.push_str("<w:rPr><w:b/><w:bCs/></w:rPr>");
    }
    for (i, part) in text.split('\t').enumerate() {
        if i > 0 {
            out.push_str("<w:tab/>");
        }
        if !part.is_empty() {
            out.push_str("<w:t xml:space=\"preserve\">");
            out.push_str(&escape(part));
            out.push_str("</w:t>");
        }
    }
    out.push_str("</w:r>");
}

fn paragraph(out: &mut String, text: &str, center: bool, bold: bool) {
    out.push_str("<w:p>");
    if center {
        out.push_str("<w:pPr><w:jc w:val=\"center\"/></w:pPr>");
    }
    if !text.is_empty() {
        run(out, text, bold);
    }
    out.push_str("</w:p>");
}

/// How a cell sits in the grid.
enum Merge {
    None,
    Restart,
    Continue,
}

fn cell(out: &mut String, width: u32, span: u32, merge: Merge, paragraphs: &[String], label: bool) {
    out.push_str(&format!("<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>"));
    if span > 1 {
        out.push_str(&format!("<w:gridSpan w:val=\"{span}\"/>"));
    }
    match merge {
        Merge::None => {}
        Merge::Restart => out.push_str("<w:vMerge w:val=\"restart\"/>"),
        Merge::Continue => out.push_str("<w:vMerge/>"),
    }
    out.push_str("<w:vAlign w:val=\"center\"/></w:tcPr>");
    if paragraphs.is_empty() || matches!(merge, Merge::Continue) {
        out.push_str("<w:p/>"); // a cell must hold a paragraph
    } else {
        for p in paragraphs {
            paragraph(out, p, label, false);
        }
    }
    out.push_str("</w:tc>");
}

fn table(out: &mut String, rows: &[FormRow]) {
    let border =
        |side: &str| format!("<w:{side} w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/>");
    let borders: String =
        ["top", "left", "bottom", "right", "insideH", "insideV"].iter().map(|s| border(s)).collect();
    out.push_str(&format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid>",
        COLS.iter().sum::<u32>()
    ));
    for w in COLS {
        out.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
    }
    out.push_str("</w:tblGrid>");
    let mut previous_group: Option<&str> = None;
    for row in rows {
        // At least 1 cm per row, so an empty form leaves room to write by hand; a row is not
        // split across two pages (a stamped scan must show each row whole).
        out.push_str("<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val=\"567\"/></w:trPr>");
        let label = [row.label.to_owned()];
        match row.group {
            None => cell(out, COLS[0] + COLS[1], 2, Merge::None, &label, true),
            Some(g) => {
                let merge = if previous_group == Some(g) { Merge::Continue } else { Merge::Restart };
                cell(out, COLS[0], 1, merge, &[g.to_owned()], true);
                cell(out, COLS[1], 1, Merge::None, &label, true);
            }
        }
        cell(out, COLS[2], 1, Merge::None, &row.paragraphs, false);
        out.push_str("</w:tr>");
        previous_group = row.group;
    }
    out.push_str("</w:tbl>");
}

/// The title line: 「2021年南昌市全民终身学习活动周总结表」 from the table's year (else the
/// notice's) and the notice's city.
fn title(summary: &SummaryTable, notice: &Notice) -> String {
    let year = summary.year.or(notice.year).map(|y| format!("{y}年")).unwrap_or_default();
    format!("{year}{}全民终身学习活动周总结表", notice.city().unwrap_or(""))
}

/// `word/document.xml` of the filled form.
pub(crate) fn document_xml(summary: &SummaryTable, notice: &Notice) -> String {
    let mut out = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#,
    );
    // 二号 bold, centred, in 黑体 like the attachment's heading; a blank line under it.
    out.push_str(r#"<w:p><w:pPr><w:jc w:val="center"/><w:spacing w:after="240"/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:bCs/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr>"#);
    out.push_str(&format!("<w:t>{}</w:t></w:r></w:p>", escape(&title(summary, notice))));
    table(&mut out, &form_rows(summary));
    out.push_str(r#"<w:p><w:pPr><w:spacing w:before="120"/></w:pPr>"#);
    run(&mut out, CLOSING_LINE, false);
    out.push_str("</w:p>");
    out.push_str(&format!(
        "<w:sectPr><w:pgSz w:w=\"{PAGE_W}\" w:h=\"{PAGE_H}\"/><w:pgMar w:top=\"{MARGIN_Y}\" w:right=\"{MARGIN_X}\" w:bottom=\"{MARGIN_Y}\" w:left=\"{MARGIN_X}\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    ));
    out
}

fn core_xml(summary: &SummaryTable, notice: &Notice) -> String {
    let creator = summary.host_unit.as_deref().unwrap_or("");
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>zh-CN</dc:language></cp:coreProperties>"#,
        escape(&title(summary, notice)),
        escape(creator)
    )
}

/// The filled 总结表 as the bytes of a .docx file: the title line, the table with the group
/// cells merged vertically, the closing line; A4 portrait. The notice gives the city of the
/// title. Deterministic: the same table gives the same bytes.
///
/// ```
/// use learning_week::{export::summary_docx, Notice, SummaryTable};
/// let a = summary_docx(&SummaryTable::default(), &Notice::nanchang_2021()).unwrap();
/// let b = summary_docx(&SummaryTable::default(), &Notice::nanchang_2021()).unwrap();
/// assert_eq!(a, b);
/// ```
pub fn summary_docx(summary: &SummaryTable, notice: &Notice) -> Result<Vec<u8>, ExportError> {
    let zip_err = |e: zip::result::ZipError| ExportError::Zip(e.to_string());
    let io_err = |e: std::io::Error| ExportError::Zip(e.to_string());
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let parts: [(&str, String); 5] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", ROOT_RELS.to_owned()),
        ("docProps/core.xml", core_xml(summary, notice)),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_owned()),
        ("word/styles.xml", STYLES.to_owned()),
    ];
    for (name, xml) in parts.iter() {
        zip.start_file(*name, options).map_err(zip_err)?;
        zip.write_all(xml.as_bytes()).map_err(io_err)?;
    }
    zip.start_file("word/document.xml", options).map_err(zip_err)?;
    zip.write_all(document_xml(summary, notice).as_bytes()).map_err(io_err)?;
    Ok(zip.finish().map_err(zip_err)?.into_inner())
}
