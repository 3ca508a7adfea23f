//! Office import on files built here byte by byte (the hostile ones) and a small form; the
//! fixtures written by python-docx / openpyxl are checked in `tests/office_fixtures.rs`.

use crate::SummaryTable;
use std::io::Write;

fn codes(r: &crate::import::LabeledImport) -> Vec<&str> {
    r.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

/// A zip of `(name, bytes)` entries, deflated.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        w.start_file(*name, opts).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

fn tc(paras: &[&str], props: &str) -> String {
    let body: String = paras.iter().map(|t| p(t)).collect();
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", if body.is_empty() { "<w:p/>".into() } else { body })
}

fn document(body: &str) -> Vec<u8> {
    format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>"#)
        .into_bytes()
}

/// The attachment's layout: a title, a table with 组织领导 merged down three rows.
fn form() -> String {
    let restart = r#"<w:vMerge w:val="restart"/>"#;
    let cont = "<w:vMerge/>";
    let span = r#"<w:gridSpan w:val="2"/>"#;
    let rows = [
        format!("<w:tr>{}{}</w:tr>", tc(&["举办县区"], span), tc(&["东湖区"], "")),
        format!(
            "<w:tr>{}{}{}</w:tr>",
            tc(&["组织", "领导"], restart),
            tc(&["下发活动文件的部门"], ""),
            tc(&["区教育体育局"], "")
        ),
        format!(
            "<w:tr>{}{}{}</w:tr>",
            tc(&[], cont),
            tc(&["出席活动（开幕式）的领导"], ""),
            tc(&["副区长张某", "区教体局局长李某"], "")
        ),
        format!("<w:tr>{}{}{}</w:tr>", tc(&[], cont), tc(&["参加活动人数 ："], ""), tc(&["约3.5万人次"], "")),
        format!("<w:tr>{}{}</w:tr>", tc(&["其他"], span), tc(&["无"], "")),
    ];
    format!(
        "{}<w:tbl>{}</w:tbl>{}",
        p("2021年东湖区全民终身学习活动周总结表"),
        rows.concat(),
        p("详细的活动情况总结、活动照片、活动录像请另附。")
    )
}

#[test]
fn reads_the_attachment_layout_with_merged_group_cells() {
    let bytes = zip_of(&[("word/document.xml", &document(&form()))]);
    let r = SummaryTable::from_docx(&bytes, None);
    assert_eq!(r.summary.year, Some(2021), "{:?}", r.diagnostics);
    assert_eq!(r.summary.host_unit.as_deref(), Some("东湖区"));
    let l = r.summary.leadership.as_ref().unwrap();
    assert_eq!(l.issuing_departments.as_deref(), Some(&["区教育体育局".into()][..]));
    assert_eq!(l.attending_leaders.as_ref().map(Vec::len), Some(2));
    let p = r.summary.participation.as_ref().unwrap().participants.as_ref().unwrap();
    assert_eq!((p.value, p.qualifier), (35_000, crate::Qualifier::Approx));
    assert_eq!(r.summary.other.as_deref(), Some("无"));
    // the year came from the title; no outside text (the closing line is the form's own)
    assert!(codes(&r).contains(&"import.from_title"));
    assert!(!codes(&r).contains(&"import.outside_text"));
}

#[test]
fn refuses_what_is_not_a_zip_or_is_truncated() {
    assert_eq!(codes(&SummaryTable::from_docx(b"", None)), ["import.not_zip"]);
    assert_eq!(codes(&SummaryTable::from_docx(b"%PDF-1.4", None)), ["import.not_zip"]);
    let whole = zip_of(&[("word/document.xml", &document(&form()))]);
    for cut in [10, whole.len() / 2, whole.len() - 10] {
        let r = SummaryTable::from_docx(whole.get(..cut).unwrap(), None);
        assert_eq!(codes(&r), ["import.not_zip"], "cut at {cut}");
    }
}

#[test]
fn refuses_a_zip_without_a_document() {
    let bytes = zip_of(&[("hello.txt", b"hi")]);
    assert_eq!(codes(&SummaryTable::from_docx(&bytes, None)), ["import.missing_part"]);
}

#[test]
fn refuses_a_zip_bomb_without_inflating_it() {
    // 20 MiB of one byte deflate to ~20 KiB: refused on the declared size.
    let zeros = vec![b'<'; 20 * 1024 * 1024];
    let mut bytes = zip_of(&[("word/document.xml", &zeros)]);
    assert!(bytes.len() < 1024 * 1024);
    assert_eq!(codes(&SummaryTable::from_docx(&bytes, None)), ["import.too_large"]);
    // The archive lies (declares 100 bytes): the reader stops at the declared size and the
    // archive is reported damaged — nothing near 20 MiB is inflated.
    for (sig, at) in [(&b"PK\x03\x04"[..], 22), (&b"PK\x01\x02"[..], 24)] {
        let start = bytes.windows(4).position(|w| w == sig).unwrap();
        bytes.splice(start + at..start + at + 4, 100u32.to_le_bytes());
    }
    let t = std::time::Instant::now();
    let r = SummaryTable::from_docx(&bytes, None);
    assert_eq!(codes(&r), ["import.not_zip"]);
    assert!(t.elapsed().as_secs() < 5);
}

#[test]
fn refuses_a_file_over_the_size_limit() {
    let mut big = b"PK\x03\x04".to_vec();
    big.resize(50 * 1024 * 1024, 0);
    let r = SummaryTable::from_docx(&big, None);
    assert_eq!(codes(&r), ["import.too_large"]);
    assert_eq!(r.diagnostics[0].params["size"], 50 * 1024 * 1024);
}

#[test]
fn refuses_doctype_and_entities() {
    let xxe = format!(
        r#"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><w:document {W}><w:body>{}</w:body></w:document>"#,
        p("&lol2;")
    );
    let r = SummaryTable::from_docx(&zip_of(&[("word/document.xml", xxe.as_bytes())]), None);
    assert_eq!(codes(&r), ["import.dtd_refused"]);
    // an undefined entity without a DTD is malformed XML, not expanded
    let undefined = document(&p("&xxe;"));
    let r = SummaryTable::from_docx(&zip_of(&[("word/document.xml", &undefined)]), None);
    assert_eq!(codes(&r), ["import.bad_xml"]);
}

#[test]
fn refuses_malformed_xml_and_a_document_without_the_table() {
    let r = SummaryTable::from_docx(&zip_of(&[("word/document.xml", b"<w:document><w:body><w:p>")]), None);
    assert_eq!(codes(&r), ["import.bad_xml"]);
    let r = SummaryTable::from_docx(&zip_of(&[("word/document.xml", b"\xff\xfe<\x00")]), None);
    assert_eq!(codes(&r), ["import.bad_xml"]);
    let letter = document(&format!(
        "{}<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
        p("关于报送材料的函"),
        tc(&["姓名"], ""),
        tc(&["张三"], "")
    ));
    let r = SummaryTable::from_docx(&zip_of(&[("word/document.xml", &letter)]), None);
    assert_eq!(codes(&r), ["import.no_table"]);
    assert_eq!(r.diagnostics[0].params["tables"], 1);
}

#[test]
fn follows_a_nested_table_and_a_table_split_in_two() {
    let span = r#"<w:gridSpan w:val="2"/>"#;
    let first = format!(
        "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
        tc(&["举办县区"], span),
        tc(&["湾里管理局"], ""),
        tc(&["主办单位及协办单位："], span),
        tc(&["区教育局；区文明办"], "")
    );
    let second = format!(
        "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
        tc(&["群众满意度"], ""),
        tc(&["98%"], ""),
        tc(&["活动时间"], ""),
        tc(&["11月22日至28日"], "")
    );
    let outer = format!("<w:tbl><w:tr><w:tc>{first}<w:p/></w:tc></w:tr></w:tbl>{}{second}", p("（续表）"));
    let r = SummaryTable::from_docx(&zip_of(&[("word/document.xml", &document(&outer))]), Some(2021));
    assert_eq!(r.summary.host_unit.as_deref(), Some("湾里管理局"), "{:?}", codes(&r));
    assert_eq!(r.summary.organizers.as_ref().map(Vec::len), Some(2));
    assert!(r.summary.reach.as_ref().unwrap().satisfaction.is_some());
    assert!(r.summary.theme_and_content.as_ref().unwrap().period.is_some());
    let outside: Vec<_> = r.diagnostics.iter().filter(|d| d.code == "import.outside_text").collect();
    assert_eq!(outside.len(), 1);
    assert_eq!(outside[0].params["text"], "（续表）");
}

#[test]
fn label_and_value_in_one_cell_are_split_at_the_colon() {
    let span = r#"<w:gridSpan w:val="3"/>"#;
    let body = format!(
        "<w:tbl><w:tr>{}</w:tr><w:tr>{}</w:tr></w:tbl>",
        tc(&["举办县区：青山湖区"], span),
        tc(&["主办单位及协办单位：区教育局、区总工会"], span)
    );
    let r = SummaryTable::from_docx(&zip_of(&[("word/document.xml", &document(&body))]), None);
    assert_eq!(r.summary.host_unit.as_deref(), Some("青山湖区"));
    assert_eq!(r.summary.organizers.as_ref().map(Vec::len), Some(2));
}

#[test]
fn title_gives_unit_but_not_a_bare_city() {
    let span = r#"<w:gridSpan w:val="2"/>"#;
    let table = format!(
        "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
        tc(&["举办县区"], span),
        tc(&[], ""),
        tc(&["参加活动人数"], span),
        tc(&["1200余人"], "")
    );
    let city = document(&format!("{}{table}", p("2021年南昌市全民终身学习活动周总结表")));
    let r = SummaryTable::from_docx(&zip_of(&[("word/document.xml", &city)]), None);
    assert_eq!(r.summary.host_unit, None);
    assert_eq!(r.summary.year, Some(2021));
    let unit = document(&format!("{}{table}", p("南昌市进贤县2021年全民终身学习活动周总结表")));
    let r = SummaryTable::from_docx(&zip_of(&[("word/document.xml", &unit)]), None);
    assert_eq!(r.summary.host_unit.as_deref(), Some("进贤县"));
}

#[test]
fn reads_the_modified_date() {
    let core = br#"<?xml version="1.0"?><cp:coreProperties xmlns:cp="x" xmlns:dcterms="y"><dcterms:modified xsi:type="dcterms:W3CDTF">2021-12-04T09:30:00Z</dcterms:modified></cp:coreProperties>"#;
    let bytes = zip_of(&[("word/document.xml", &document(&form())), ("docProps/core.xml", core)]);
    let m = crate::office::document_modified(&bytes).unwrap();
    assert_eq!(m.to_rfc3339(), "2021-12-04T09:30:00+00:00");
    let a = SummaryTable::from_docx(&bytes, None);
    assert!(a.summary.participation.is_some());
    assert!(!a.diagnostics.iter().any(|d| d.severity == crate::Severity::Error));
}

#[cfg(feature = "xlsx")]
#[test]
fn xlsx_refusals() {
    assert_eq!(codes(&SummaryTable::from_xlsx(b"not a zip", None)), ["import.not_zip"]);
    let docx = zip_of(&[("word/document.xml", &document(&form()))]);
    assert_eq!(codes(&SummaryTable::from_xlsx(&docx, None)), ["import.missing_part"]);
    let dtd = zip_of(&[("xl/workbook.xml", b"<!DOCTYPE x [<!ENTITY a 'b'>]><workbook/>")]);
    assert_eq!(codes(&SummaryTable::from_xlsx(&dtd, None)), ["import.dtd_refused"]);
    let bomb = vec![b' '; 40 * 1024 * 1024];
    let b = zip_of(&[("xl/workbook.xml", b"<workbook/>"), ("xl/sharedStrings.xml", &bomb)]);
    assert_eq!(codes(&SummaryTable::from_xlsx(&b, None)), ["import.too_large"]);
}

#[test]
fn damaged_files_never_panic() {
    // Every kind of damage to a real form: a byte changed at many places, the file cut short.
    let whole = zip_of(&[("word/document.xml", &document(&form()))]);
    let stored = {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts =
            zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        w.start_file("word/document.xml", opts).unwrap();
        w.write_all(&document(&form())).unwrap();
        w.finish().unwrap().into_inner()
    };
    for bytes in [&whole, &stored] {
        let step = (bytes.len() / 300).max(1);
        for i in (0..bytes.len()).step_by(step) {
            for flip in [0x01u8, 0x80, 0xff] {
                let mut b = bytes.clone();
                if let Some(x) = b.get_mut(i) {
                    *x ^= flip;
                }
                let r = SummaryTable::from_docx(&b, None);
                // either read (a change inside the text) or refused with exactly one error
                let errors = r.diagnostics.iter().filter(|d| d.severity == crate::Severity::Error).count();
                assert!(errors <= 1, "byte {i}: {:?}", codes(&r));
            }
        }
    }
}
