//! Word / Excel import. Raw bytes exercise the container (zip, sizes, parts); the XML-wrapping
//! modes put the fuzzed bytes into a well-formed zip as `word/document.xml` or
//! `docProps/core.xml`, so the mutations reach the table reader instead of dying in deflate.
//! The same bytes then go through the inbox under names of every kind (one input each), and
//! through `Validator::validate_file`.
#![no_main]

use learning_week::api::{self, OfficeFormat};
use learning_week::Severity;
use libfuzzer_sys::fuzz_target;
use std::io::Write;

#[path = "common.rs"]
mod common;

/// A .docx holding `parts` stored (uncompressed), so the XML is exactly the fuzzed bytes.
fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in parts {
        w.start_file(*name, opts).expect("in-memory zip");
        w.write_all(data).expect("in-memory zip");
    }
    w.finish().expect("in-memory zip").into_inner()
}

const DOC: &[u8] = include_bytes!("../../tests/fixtures/doc/01-standard.doc");

/// The fixture .doc with `data` written over it at the offset its first two bytes give.
fn patched_doc(data: &[u8]) -> Vec<u8> {
    let mut doc = DOC.to_vec();
    let (at, rest) = match data {
        [a, b, rest @ ..] => ((usize::from(*a) << 8 | usize::from(*b)) * 8 % doc.len(), rest),
        _ => (0, data),
    };
    for (i, b) in rest.iter().enumerate() {
        if let Some(slot) = doc.get_mut(at + i) {
            *slot = *b;
        }
    }
    doc
}

const FORM: &str = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>参加活动人数</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>约3.5万人次</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>"#;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let year = if selector & 0x80 != 0 { Some(2021) } else { None };
    let answer = match selector % 6 {
        0 => api::import_office(OfficeFormat::Docx, rest, year),
        1 => api::import_office(OfficeFormat::Xlsx, rest, year),
        // The .doc reader: raw bytes, and a real .doc (LibreOffice's) with the input written over
        // part of it, so the FIB, the piece table and the paragraph properties are reached.
        4 => api::import_office(OfficeFormat::Doc, rest, year),
        5 => api::import_office(OfficeFormat::Doc, &patched_doc(rest), year),
        2 => api::import_docx(&zip_of(&[("word/document.xml", rest)]), year),
        _ => api::import_docx(
            &zip_of(&[("word/document.xml", FORM.as_bytes()), ("docProps/core.xml", rest)]),
            year,
        ),
    };
    answer.diagnostics.iter().for_each(common::check_diagnostic);
    let errors = answer.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    assert_eq!(answer.errors, errors, "error count");
    assert!(answer.summary.is_some() || errors > 0, "no table and no error saying why");
    let text = api::to_json_string(&answer);
    assert!(serde_json::from_str::<serde_json::Value>(&text).is_ok(), "answer is not JSON");

    // The inbox: the same bytes under names of every kind, each one input, every one accounted.
    let names = ["总结表.docx", "总结表.xlsx", "a.json", "~$a.docx", "a.doc", "scan.pdf", "a"];
    let files: Vec<api::InboxFile> = names.iter().map(|n| api::InboxFile::new(*n, rest.to_vec())).collect();
    let v = api::Validator::default();
    let inputs = v.inbox_inputs(&files, None);
    assert_eq!(inputs.len(), files.len(), "one input per file");
    let r = v.aggregate(&inputs, &Default::default());
    assert_eq!(r.accounting.inputs, files.len(), "every file accounted for");
    assert!(r.accounting.is_balanced(), "accounting does not balance");

    // A file validated as received (the CLI's `validate FILE`, Python's `validate(Path)`, JS
    // `validate(bytes)`): whatever the bytes, an answer whose counts match its findings.
    for name in ["总结表.docx", "a.wps", ""] {
        let a = v.validate_file(None, name, rest);
        a.diagnostics.iter().for_each(common::check_diagnostic);
        let errors = a.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
        assert_eq!((a.errors, a.valid), (errors, errors == 0), "validate_file counts");
    }
});
