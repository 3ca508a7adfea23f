//! The office fixtures written by python-docx / openpyxl (scripts/office-fixtures.sh, into the
//! folder named by LW_OFFICE_FIXTURES) imported and checked against
//! tests/vectors/office/fixtures.json — the same expectations the Python and JS suites assert.

use learning_week::api::{import_office, OfficeFormat};
use serde_json::Value;
use std::path::Path;

mod common;
use common::office_fixtures_dir as fixtures_dir;

fn spec() -> Value {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/office/fixtures.json");
    serde_json::from_str(&std::fs::read_to_string(p).expect("fixtures.json")).expect("valid JSON")
}

/// Checks one imported answer against a fixture's `expect`; returns the failures.
fn check(name: &str, answer: &Value, expect: &Value) -> Vec<String> {
    let mut bad = Vec::new();
    let codes: Vec<&str> =
        answer["diagnostics"].as_array().into_iter().flatten().filter_map(|d| d["code"].as_str()).collect();
    if let Some(e) = expect.get("errors") {
        if &answer["errors"] != e {
            bad.push(format!("{name}: errors {} != {e} ({codes:?})", answer["errors"]));
        }
    }
    let summary = &answer["summary"];
    for (pointer, want) in expect["fields"].as_object().into_iter().flatten() {
        let got = summary.pointer(pointer).unwrap_or(&Value::Null);
        let same = match (got.as_f64(), want.as_f64()) {
            (Some(a), Some(b)) => a == b,
            _ => got == want,
        };
        if !same {
            bad.push(format!("{name}: {pointer} = {got}, expected {want}"));
        }
    }
    for c in expect["codes"].as_array().into_iter().flatten().filter_map(Value::as_str) {
        if !codes.contains(&c) {
            bad.push(format!("{name}: code {c} missing ({codes:?})"));
        }
    }
    for c in expect["absent_codes"].as_array().into_iter().flatten().filter_map(Value::as_str) {
        if codes.contains(&c) {
            bad.push(format!("{name}: code {c} present"));
        }
    }
    let other = summary["other"].as_str().unwrap_or("");
    for s in expect["other_contains"].as_array().into_iter().flatten().filter_map(Value::as_str) {
        if !other.contains(s) {
            bad.push(format!("{name}: other {other:?} lacks {s:?}"));
        }
    }
    if !bad.is_empty() {
        bad.push(format!("{name}: answer {answer}"));
    }
    if let Some(n) = expect.get("outside_text_count") {
        let got = codes.iter().filter(|c| **c == "import.outside_text").count();
        if Some(got as u64) != n.as_u64() {
            bad.push(format!("{name}: {got} outside_text, expected {n}"));
        }
    }
    bad
}

#[test]
fn office_fixtures_import_as_expected() {
    let dir = fixtures_dir();
    let spec = spec();
    let fixtures = spec["fixtures"].as_array().expect("fixtures");
    assert!(fixtures.len() >= 12);
    let mut failures = Vec::new();
    for f in fixtures {
        let name = f["name"].as_str().expect("name");
        let ext = f["format"].as_str().expect("format");
        let path = dir.join(format!("{name}.{ext}"));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let format = OfficeFormat::from_file_name(&path.to_string_lossy()).expect("docx or xlsx");
        let t = std::time::Instant::now();
        let answer = import_office(format, &bytes, None);
        let took = t.elapsed();
        println!("{name}.{ext}: {} bytes imported in {:.2} ms", bytes.len(), took.as_secs_f64() * 1e3);
        let value = serde_json::to_value(&answer).expect("serialisable");
        failures.extend(check(name, &value, &f["expect"]));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A folder as the centre saves it: 东湖区's Word 总结表 with its work summary, its typical case
/// (whose unit only its first lines name) and its stamped scan; 进贤县's form alone; a scan that
/// names no unit. Each material joins its unit's package, so 东湖区's duty is met from the real
/// folder and 进贤县's findings name what it did not send; the unnamed scan is rejected, not guessed.
#[test]
fn the_inbox_assigns_each_material_to_its_units_package() {
    use learning_week::api::{InboxFile, Validator};
    let dir = fixtures_dir();
    let read = |name: &str| std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let files = vec![
        InboxFile::new("东湖区总结表.docx", read("01-standard.docx")),
        InboxFile::new("东湖区工作总结.docx", read("16-work-summary.docx")),
        InboxFile::new("典型案例.docx", read("17-typical-case.docx")),
        InboxFile::new("东湖区盖章件.pdf", b"%PDF-1.4\n% donghu\n".to_vec()),
        InboxFile::new("进贤县总结表.docx", read("02-title-gives-unit.docx")),
        InboxFile::new("扫描件.pdf", b"%PDF-1.4\n".to_vec()),
        // The typical case saved twice: counted once, so "exactly 1 典型活动案例" still holds.
        InboxFile::new("典型案例(1).docx", read("17-typical-case.docx")),
    ];
    let v = Validator::default();
    let t = chrono::DateTime::parse_from_rfc3339("2021-12-03T10:00:00+08:00").unwrap();
    let r = v.aggregate(&v.inbox_inputs(&files, Some(t)), &Default::default());
    let a = &r.accounting;
    assert!(a.is_balanced() && a.inputs == files.len(), "{a:?}");
    let mut materials: Vec<(&str, &str, &str)> = a
        .materials
        .iter()
        .map(|m| {
            (
                m.id.as_deref().unwrap_or(""),
                m.unit.as_deref().unwrap_or(""),
                m.material.map_or("", |k| k.as_str()),
            )
        })
        .collect();
    materials.sort();
    assert_eq!(
        materials,
        [
            ("东湖区工作总结.docx", "东湖区", "work_summary"),
            ("东湖区盖章件.pdf", "东湖区", "stamped_scan"),
            ("典型案例.docx", "东湖区", "typical_case"),
        ]
    );
    let unnamed = a
        .rejected
        .iter()
        .find(|x| x.id.as_deref() == Some("扫描件.pdf"))
        .expect("the unnamed scan is rejected");
    assert!(unnamed.diagnostics.iter().any(|d| d.message.contains("看不出属于哪个单位")), "{unnamed:?}");
    let codes_of = |unit: &str| {
        a.included
            .iter()
            .find(|x| x.unit.as_deref() == Some(unit))
            .and_then(|x| x.validation.clone())
            .map(|s| s.codes)
    };
    let donghu = codes_of("东湖区").expect("东湖区 is counted");
    assert!(!donghu.iter().any(|c| c.starts_with("submission.material") || c == "row.missing"), "{donghu:?}");
    let jinxian = codes_of("进贤县").expect("进贤县 is counted");
    assert!(jinxian.contains(&"submission.material_missing".to_string()), "{jinxian:?}");
}

/// The Word 97–2003 fixtures (LibreOffice wrote them from the python-docx ones, checked in so
/// every suite runs them; `scripts/doc-fixtures.sh` rewrites them): each .doc gives the very
/// 总结表 its .docx gives — same rows, same values, same qualifiers — and the same findings.
#[test]
fn a_doc_reads_as_its_docx() {
    let dir = fixtures_dir();
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/doc");
    let mut seen = 0;
    for name in ["01-standard", "03-messy-labels", "09-split-table"] {
        let doc =
            std::fs::read(docs.join(format!("{name}.doc"))).unwrap_or_else(|e| panic!("{name}.doc: {e}"));
        let docx =
            std::fs::read(dir.join(format!("{name}.docx"))).unwrap_or_else(|e| panic!("{name}.docx: {e}"));
        let from_doc = import_office(OfficeFormat::Doc, &doc, Some(2021));
        let from_docx = import_office(OfficeFormat::Docx, &docx, Some(2021));
        assert!(from_doc.summary.is_some(), "{name}.doc: {:?}", from_doc.diagnostics);
        assert_eq!(from_doc.summary, from_docx.summary, "{name}: the .doc and the .docx differ");
        let codes = |a: &learning_week::api::ImportAnswer| {
            a.diagnostics.iter().map(|d| (d.code.to_string(), d.path.clone())).collect::<Vec<_>>()
        };
        assert_eq!(codes(&from_doc), codes(&from_docx), "{name}: findings differ");
        seen += 1;
    }
    assert_eq!(seen, 3);
    // A work summary without the form is what the .docx says it is: no 总结表.
    let ws = std::fs::read(docs.join("16-work-summary.doc")).expect("16-work-summary.doc");
    let a = import_office(OfficeFormat::Doc, &ws, None);
    assert_eq!(a.diagnostics.iter().map(|d| d.code.as_str()).collect::<Vec<_>>(), ["import.no_table"]);
    // Damaged: the compound file cut short is one import.bad_doc, never a panic.
    let doc = std::fs::read(docs.join("01-standard.doc")).expect("01-standard.doc");
    for cut in [8, 512, 4096, doc.len() / 2] {
        let a = import_office(OfficeFormat::Doc, &doc[..cut], None);
        assert_eq!(a.errors, 1, "cut at {cut}: {:?}", a.diagnostics);
        assert_eq!(a.diagnostics[0].code, "import.bad_doc", "cut at {cut}");
    }
}

/// The seed notice as a Word file written by python-docx reads as its published text does.
#[test]
fn the_seed_notice_as_docx_reads_as_its_text() {
    let bytes = std::fs::read(fixtures_dir().join("notice-nanchang-2021.docx"))
        .expect("the notice fixture is written");
    let from_docx = learning_week::Notice::from_docx(&bytes, &Default::default());
    let text = include_str!("../data/nanchang-2021.notice.txt");
    let from_text = learning_week::Notice::from_text(text, &Default::default());
    assert!(from_docx.is_notice(), "{:?}", from_docx.diagnostics);
    assert_eq!(from_docx.notice, from_text.notice);
    let codes = |r: &learning_week::reading::NoticeReading| {
        r.diagnostics.iter().map(|d| d.code.as_str()).collect::<Vec<_>>()
    };
    assert_eq!(codes(&from_docx), codes(&from_text));
}

/// The notice itself saved into the folder (its attached form holds the row labels) is
/// accounted for as the notice, never counted as a unit's report.
#[test]
fn the_notice_in_the_inbox_is_the_notice_not_a_report() {
    use learning_week::api::{InboxFile, Validator};
    let dir = fixtures_dir();
    let read = |name: &str| std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let files = vec![
        InboxFile::new("东湖区总结表.docx", read("01-standard.docx")),
        InboxFile::new("关于举办2021年活动周的通知.docx", read("notice-nanchang-2021.docx")),
    ];
    let v = Validator::default();
    let t = chrono::DateTime::parse_from_rfc3339("2021-12-03T10:00:00+08:00").unwrap();
    let r = v.aggregate(&v.inbox_inputs(&files, Some(t)), &Default::default());
    let a = &r.accounting;
    assert!(a.is_balanced() && a.inputs == 2, "{a:?}");
    assert_eq!(r.reported_units, ["东湖区"]);
    let notice = a
        .rejected
        .iter()
        .find(|x| x.id.as_deref() == Some("关于举办2021年活动周的通知.docx"))
        .expect("rejected");
    assert_eq!(notice.reason, Some(learning_week::aggregate::RejectReason::NotASubmission), "{notice:?}");
}

/// A Word, Excel or .doc file validated as received (`Validator::validate_file`, what the CLI's
/// `validate FILE`, Python's `validate(Path(…))` and JS `validate(bytes)` call) answers the
/// import's notes, then exactly what validating the imported 总结表 as JSON answers; bare bytes
/// (no name) give the same answer, the content deciding; a notice .docx is validated as the
/// notice; a WPS file says to save it as .docx.
#[test]
fn a_file_is_validated_as_its_imported_table() {
    use learning_week::api::{DocumentKind, Validator};
    let dir = fixtures_dir();
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/doc");
    let v = Validator::default();
    for (path, format) in [
        (dir.join("01-standard.docx"), OfficeFormat::Docx),
        (dir.join("05-text-around.docx"), OfficeFormat::Docx),
        (dir.join("15-xlsx-grouped.xlsx"), OfficeFormat::Xlsx),
        (docs.join("03-messy-labels.doc"), OfficeFormat::Doc),
    ] {
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = path.to_string_lossy();
        let a = v.validate_file(None, &name, &bytes);
        assert_eq!(a.kind, Some(DocumentKind::Summary), "{name}");
        let imported = import_office(format, &bytes, Some(2021));
        let table = serde_json::to_string(&imported.summary.expect("imported")).expect("JSON");
        let direct = v.validate_json(Some(DocumentKind::Summary), &table);
        let import_notes = a.diagnostics.len() - direct.diagnostics.len();
        assert_eq!(a.diagnostics[import_notes..], direct.diagnostics[..], "{name}");
        assert!(
            a.diagnostics[..import_notes].iter().all(|d| d.code.as_str().starts_with("import.")),
            "{name}"
        );
        assert_eq!(v.validate_file(None, "", &bytes), a, "{name}: bare bytes");
    }
    let notice = std::fs::read(dir.join("notice-nanchang-2021.docx")).expect("notice fixture");
    assert_eq!(v.validate_file(None, "通知.docx", &notice).kind, Some(DocumentKind::Notice));
    let wps = v.validate_file(None, "东湖区.wps", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    assert_eq!(wps.codes(), ["import.unsupported_format"]);
    assert!(wps.input_unusable() && wps.diagnostics[0].message.contains("请另存为 .docx"));
}

/// Rolls a folder of fixtures up (each `(name in the inbox, fixture or bytes)`), every file at
/// `modified` unless given, and returns the roll-up.
fn inbox_of(files: &[(&str, Result<&str, &[u8]>)]) -> learning_week::aggregate::CityRollup {
    use learning_week::api::{InboxFile, Validator};
    let dir = fixtures_dir();
    let t = chrono::DateTime::parse_from_rfc3339("2021-12-04T18:00:00+08:00").expect("a time");
    let files: Vec<InboxFile> = files
        .iter()
        .map(|(name, source)| {
            let bytes = match source {
                Ok(fixture) => std::fs::read(dir.join(fixture)).unwrap_or_else(|e| panic!("{fixture}: {e}")),
                Err(bytes) => bytes.to_vec(),
            };
            InboxFile::new(*name, bytes).modified_at(t)
        })
        .collect();
    let v = Validator::default();
    let r = v.aggregate(&v.inbox_inputs(&files, None), &Default::default());
    assert!(r.accounting.is_balanced() && r.accounting.inputs == files.len(), "{:?}", r.accounting);
    r
}

/// A 总结表 whose 举办县区 is blank (and whose title names no unit) is its file name's unit; a
/// file name or a 举办县区 naming two of the city's units is ambiguous — rejected listing both,
/// never guessed, and never called an unknown sender.
#[test]
fn a_blank_unit_comes_from_the_file_name_and_two_units_are_ambiguous() {
    use learning_week::aggregate::RejectReason;
    let r = inbox_of(&[("安义县总结表.docx", Ok("07-empty-form.docx"))]);
    let anyi = &r.accounting.included[0];
    assert_eq!(anyi.unit.as_deref(), Some("安义县"));
    assert!(anyi.diagnostics.iter().any(|d| d.code == "aggregate.unit_from_file_name"), "{anyi:?}");
    // The same bytes under two names would be an exact copy: two folders.
    let r = inbox_of(&[
        ("东湖区西湖区总结表.docx", Ok("07-empty-form.docx")),
        ("x.docx", Ok("18-two-units.docx")),
    ]);
    let a = &r.accounting;
    for (id, says) in
        [("东湖区西湖区总结表.docx", "文件名写有 东湖区、西湖区"), ("x.docx", "举办县区“东湖区、西湖区”")]
    {
        let x = a.rejected.iter().find(|x| x.id.as_deref() == Some(id)).expect(id);
        assert_eq!(x.reason, Some(RejectReason::AmbiguousUnit), "{x:?}");
        assert_eq!(x.diagnostics[0].code, "aggregate.refused");
        assert!(x.diagnostics[0].message.contains(says), "{}", x.diagnostics[0].message);
        assert_eq!(x.diagnostics[0].params["candidates"], serde_json::json!(["东湖区", "西湖区"]));
    }
    assert!(r.completeness.unknown_senders.is_empty(), "{:?}", r.completeness.unknown_senders);
}

/// A file name that names another unit than the content: the content decides (the form's
/// 举办县区; a material's title or text), and a warning on the input names both and says which
/// was used — never silently.
#[test]
fn a_name_and_content_that_disagree_are_told_not_resolved_silently() {
    let r = inbox_of(&[
        ("西湖区总结表.docx", Ok("01-standard.docx")),
        ("青云谱区典型案例.docx", Ok("17-typical-case.docx")),
    ]);
    let a = &r.accounting;
    let warning = |x: &learning_week::aggregate::InputRecord| {
        x.diagnostics
            .iter()
            .find(|d| d.code == "aggregate.unit_name_conflict")
            .map(|d| d.message.clone())
            .unwrap_or_else(|| panic!("no warning on {x:?}"))
    };
    let form = a.included.iter().find(|x| x.id.as_deref() == Some("西湖区总结表.docx")).expect("counted");
    assert_eq!(form.unit.as_deref(), Some("东湖区"));
    assert_eq!(
        warning(form),
        "西湖区总结表.docx：文件名写的是“西湖区”，总结表的举办县区写的是“东湖区”，已按总结表的举办县区归入 东湖区，请核对"
    );
    let case = &a.materials[0];
    assert_eq!((case.unit.as_deref(), case.id.as_deref()), (Some("东湖区"), Some("青云谱区典型案例.docx")));
    assert!(warning(case).contains("正文写的是“东湖区”，已按正文归入 东湖区"), "{}", warning(case));
    // A name and content that agree say nothing.
    let r = inbox_of(&[
        ("东湖区总结表.docx", Ok("01-standard.docx")),
        ("东湖区典型案例.docx", Ok("17-typical-case.docx")),
    ]);
    let all = r.accounting.included.iter().chain(&r.accounting.materials);
    assert!(all.flat_map(|x| &x.diagnostics).all(|d| d.code != "aggregate.unit_name_conflict"));
}

/// Every refused file says its own reason: lock files (Office's and LibreOffice's), a format to
/// save again, an archive to unpack, a note that is no report material (never told which format a
/// 总结表 takes), a scan naming no unit; activity photos and video are attached media — never the
/// stamped scan, so 东湖区's package still lacks its scan and no `submission.scan_not_pdf` comes.
#[test]
fn each_refused_file_has_its_own_reason_and_photos_are_not_the_scan() {
    use learning_week::aggregate::RejectReason::*;
    let r = inbox_of(&[
        ("东湖区总结表.docx", Ok("01-standard.docx")),
        ("东湖区活动照片.jpg", Err(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")),
        ("东湖区开幕式录像.mp4", Err(b"\x00\x00\x00\x20ftypisom\x00\x00")),
        ("~$东湖区总结表.docx", Err(b"\x0cAdministrator\x00\x00")),
        (".~lock.东湖区总结表.docx#", Err(b",Administrator,PC,04.12.2021 18:00,file:///C:/;")),
        ("新建区总结表.wps", Err(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00")),
        ("材料.zip", Err(b"PK\x05\x06\x00\x00")),
        ("备忘.txt", Err("周五下午三点开会。".as_bytes())),
        ("scan0001.pdf", Err(b"%PDF-1.4\n")),
        ("会议纪要.docx", Ok("13-no-table.docx")),
    ]);
    let a = &r.accounting;
    let of = |id: &str| {
        a.rejected.iter().find(|x| x.id.as_deref() == Some(id)).unwrap_or_else(|| panic!("{id}: {a:?}"))
    };
    for (id, reason, says) in [
        ("东湖区活动照片.jpg", AttachedMedia, "另附材料，不计入报送要求"),
        ("东湖区开幕式录像.mp4", AttachedMedia, "另附材料"),
        ("~$东湖区总结表.docx", LockFile, "锁定文件"),
        (".~lock.东湖区总结表.docx#", LockFile, "锁定文件"),
        ("新建区总结表.wps", UnsupportedFormat, "请另存为 .docx"),
        ("材料.zip", UnsupportedFormat, "请解压"),
        ("备忘.txt", Unrelated, "不是报送材料（文本文件 .txt）"),
        ("scan0001.pdf", UnknownUnit, "看不出属于哪个单位"),
        ("会议纪要.docx", Unrelated, "不是报送材料"),
    ] {
        let x = of(id);
        assert_eq!(x.reason, Some(reason), "{x:?}");
        assert!(x.diagnostics[0].message.contains(says), "{id}: {}", x.diagnostics[0].message);
        assert!(!x.diagnostics[0].message.contains("总结表请用"), "{id}: {}", x.diagnostics[0].message);
    }
    assert_eq!(of("东湖区活动照片.jpg").unit.as_deref(), Some("东湖区"));
    assert!(a.materials.is_empty(), "{:?}", a.materials);
    let donghu = a.included[0].validation.clone().expect("validated").codes;
    assert!(donghu.contains(&"submission.material_missing".to_owned()), "{donghu:?}");
    assert!(!donghu.contains(&"submission.scan_not_pdf".to_owned()), "{donghu:?}");
    // The text report prints each reason's own finding.
    let text = r.to_text(learning_week::Lang::Zh);
    assert!(
        text.contains("备忘.txt [无关文件] 备忘.txt 未计入汇总：不是报送材料（文本文件 .txt）"),
        "{text}"
    );
}

/// An unknown unit's line in the text and markdown reports is the reason, not the first note
/// of the import (「年度取自标题…」); the notice saved into the folder is named in Chinese.
#[test]
fn an_unknown_units_line_says_the_reason_and_the_notice_is_named_in_chinese() {
    let r = inbox_of(&[
        ("总结表.docx", Ok("07-empty-form.docx")),
        ("关于开展2021年全民终身学习活动周的通知.docx", Ok("notice-nanchang-2021.docx")),
    ]);
    for out in [r.to_text(learning_week::Lang::Zh), r.to_markdown(learning_week::Lang::Zh)] {
        assert!(out.contains("总结表.docx [非辖区单位] 报送 总结表.docx 的举办县区“（未填写 / not given）”不是本通知的报送单位"), "{out}");
        assert!(out.contains("（识别为：通知）"), "{out}");
    }
}

/// A .doc work summary (LibreOffice wrote it from the python-docx one) joins its unit's package
/// as the .docx does — its text tells what it is and whose — so the unit's duty is met.
#[test]
fn a_doc_work_summary_is_a_material_as_its_docx_is() {
    let doc = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/doc/16-work-summary.doc");
    let doc = std::fs::read(doc).expect("16-work-summary.doc");
    let r = inbox_of(&[
        ("东湖区总结表.docx", Ok("01-standard.docx")),
        ("东湖区工作总结.doc", Err(&doc)),
        ("典型案例.docx", Ok("17-typical-case.docx")),
        ("东湖区盖章件.pdf", Err(b"%PDF-1.4\n% donghu\n")),
    ]);
    let a = &r.accounting;
    assert!(a.rejected.is_empty(), "{:?}", a.rejected);
    let ws = a.materials.iter().find(|m| m.id.as_deref() == Some("东湖区工作总结.doc")).expect("a material");
    assert_eq!((ws.unit.as_deref(), ws.material.map(|k| k.as_str())), (Some("东湖区"), Some("work_summary")));
    let codes = a.included[0].validation.clone().expect("validated").codes;
    assert!(!codes.iter().any(|c| c.starts_with("submission.material")), "{codes:?}");
}

/// Two reports of a unit with the same document time: the file modified later counts, whatever
/// the names' order, and the finding says the times were equal and what decided.
#[test]
fn equal_document_times_are_decided_by_the_files_own_time_and_say_so() {
    use learning_week::api::{InboxFile, Validator};
    let dir = fixtures_dir();
    let read = |name: &str| std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let at = |t: &str| chrono::DateTime::parse_from_rfc3339(t).expect("a time");
    // Both carry the same docProps modified time (2021-12-03 10:00); the blank form gets its unit from its name.
    let files = [
        InboxFile::new("A-东湖区总结表（更正）.docx", read("07-empty-form.docx"))
            .modified_at(at("2021-12-04T16:30:00+08:00")),
        InboxFile::new("B-东湖区总结表.docx", read("01-standard.docx"))
            .modified_at(at("2021-12-02T09:00:00+08:00")),
    ];
    let v = Validator::default();
    for order in [[0, 1], [1, 0]] {
        let files: Vec<InboxFile> = order.iter().map(|&i| files[i].clone()).collect();
        let r = v.aggregate(&v.inbox_inputs(&files, None), &Default::default());
        let a = &r.accounting;
        assert_eq!(a.included[0].submitted_at, a.superseded[0].submitted_at, "the document times are equal");
        assert_eq!(a.included[0].id.as_deref(), Some("A-东湖区总结表（更正）.docx"));
        let d = a.superseded[0]
            .diagnostics
            .iter()
            .find(|d| d.code == "aggregate.superseded_same_time")
            .expect("said");
        assert!(
            d.message.contains("报送时间相同") && d.message.contains("文件修改时间较晚"),
            "{}",
            d.message
        );
        assert!(!d.message.contains("较晚的报送"), "{}", d.message);
    }
}

/// A cell the import could not read (a bare 1500 in 参加活动人数: neither 人 nor 人次) is among
/// the unit's findings in the roll-up, beside the row's own `row.missing`: what the district
/// wrote and why it was not read is in the list the unit is told to fix.
#[test]
fn a_cell_kept_as_text_is_among_the_units_findings_in_the_roll_up() {
    use learning_week::api::{InboxFile, Validator};
    let bytes = std::fs::read(fixtures_dir().join("15-xlsx-grouped.xlsx")).expect("15-xlsx-grouped.xlsx");
    let v = Validator::default();
    let t = chrono::DateTime::parse_from_rfc3339("2021-12-03T10:00:00+08:00").unwrap();
    let r = v.aggregate(
        &v.inbox_inputs(&[InboxFile::new("高新区总结表.xlsx", bytes)], Some(t)),
        &Default::default(),
    );
    let status =
        r.accounting.included.iter().find_map(|x| x.validation.as_ref()).expect("the table is counted");
    let kept =
        status.findings.iter().find(|f| f.code == "import.kept_as_text").expect("the kept cell is a finding");
    assert_eq!(kept.path, "/summary/participation/participants");
    assert!(kept.message.contains("1500") && kept.message_en.contains("人次"), "{kept:?}");
    assert!(
        status.findings.iter().any(|f| f.code == "row.missing" && f.path == kept.path),
        "the row is still empty"
    );
    assert!(status.codes.iter().any(|c| c == "import.kept_as_text"));
}
