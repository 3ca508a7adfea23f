//! One reading per cell, whatever the door: every case of `tests/vectors/text/cells*.json` read
//! by the text parsers' `cell`, by the label import (the function under the Word / Excel import)
//! and by the JSON decoder (the count or satisfaction field given as text) gives the same value,
//! the same refusal code and the same reason, and the same warnings.

use learning_week::api::{self, parse_text, ParseRequest, TextParser, ValidateOptions};
use learning_week::text::CellRow;
use learning_week::{DocumentKind, SummaryTable};
use serde_json::{json, Value};
use std::path::PathBuf;

/// What a door made of a cell: `Ok((value, sorted warning codes, warning reasons))` or
/// `Err((refusal code, reason))`.
type Reading = Result<(String, Vec<String>, Vec<String>), (String, Option<String>)>;

/// A value as text (a level, absent from the count's `value`, compares as `NaN`).
fn shown(v: f64) -> String {
    format!("{v}")
}

fn label_and_pointer(row: CellRow) -> (&'static str, &'static str) {
    match row {
        CellRow::Participants => ("参加活动人数", "/participation/participants"),
        CellRow::TextReports => ("文字报道", "/publicity/text_reports"),
        CellRow::ImageReports => ("影像图片报道", "/publicity/image_reports"),
        CellRow::Satisfaction => ("群众满意度", "/reach/satisfaction"),
    }
}

/// (code, params.reason) of each finding: the `text.*` codes sorted, their reasons in order.
fn warnings_of<'a>(ds: impl Iterator<Item = (&'a str, Option<&'a Value>)>) -> (Vec<String>, Vec<String>) {
    let mut codes = Vec::new();
    let mut reasons = Vec::new();
    for (code, reason) in ds {
        if code.starts_with("text.") {
            codes.push(code.to_owned());
            if let Some(r) = reason.and_then(Value::as_str) {
                reasons.push(r.to_owned());
            }
        }
    }
    codes.sort();
    (codes, reasons)
}

fn by_parser(text: &str, row: CellRow, year: Option<i32>) -> Reading {
    let a = parse_text(&ParseRequest {
        parser: TextParser::Cell,
        text: text.into(),
        year,
        of_kind: None,
        row: Some(row),
        offsets: Default::default(),
    });
    match (a.value, a.error) {
        (Some(v), _) => {
            let ws = v["warnings"].as_array().cloned().unwrap_or_default();
            let (codes, reasons) = warnings_of(
                ws.iter().map(|w| (w["code"].as_str().unwrap_or_default(), w["params"].get("reason"))),
            );
            Ok((shown(v["value"]["value"].as_f64().unwrap_or(f64::NAN)), codes, reasons))
        }
        (None, Some(e)) => {
            Err((e.code.to_string(), e.params.get("reason").and_then(Value::as_str).map(str::to_owned)))
        }
        (None, None) => Err(("none".into(), None)),
    }
}

fn by_import(text: &str, row: CellRow, year: Option<i32>) -> Reading {
    let (label, pointer) = label_and_pointer(row);
    let r = SummaryTable::from_labeled_text([(label, text)], year);
    let json = serde_json::to_value(&r.summary).unwrap_or_default();
    if let Some(kept) = r.diagnostics.iter().find(|d| d.code == "import.kept_as_text") {
        let code = kept.params.get("refusal").and_then(Value::as_str).unwrap_or_default().to_owned();
        let reason = kept.params.get("refusal_reason").and_then(Value::as_str).map(str::to_owned);
        return Err((code, reason));
    }
    let v = json.pointer(pointer).cloned().unwrap_or(Value::Null);
    let value = shown(v.get("value").and_then(Value::as_f64).unwrap_or(f64::NAN));
    let (codes, reasons) =
        warnings_of(r.diagnostics.iter().map(|d| (d.code.as_str(), d.params.get("reason"))));
    Ok((value, codes, reasons))
}

fn by_decoder(text: &str, row: CellRow) -> Reading {
    let (_, pointer) = label_and_pointer(row);
    let mut doc = json!({"year": 2021});
    let mut at = &mut doc;
    let keys: Vec<&str> = pointer.split('/').skip(1).collect();
    for (i, k) in keys.iter().enumerate() {
        let next = if i + 1 == keys.len() { json!(text) } else { json!({}) };
        at = at.as_object_mut().map(|m| m.entry(*k).or_insert(next)).expect("an object");
    }
    let a = api::validate_json(Some(DocumentKind::Summary), &doc.to_string(), &ValidateOptions::default());
    let here: Vec<_> = a.diagnostics.iter().filter(|d| d.path == pointer).collect();
    if let Some(e) = here.iter().find(|d| d.severity == learning_week::Severity::Error) {
        return Err((e.code.to_string(), e.params.get("reason").and_then(Value::as_str).map(str::to_owned)));
    }
    let doc = a.document.unwrap_or_default();
    let v = doc.pointer(pointer).cloned().unwrap_or(Value::Null);
    let value = shown(v.get("value").and_then(Value::as_f64).or_else(|| v.as_f64()).unwrap_or(f64::NAN));
    let (codes, reasons) = warnings_of(here.iter().map(|d| (d.code.as_str(), d.params.get("reason"))));
    Ok((value, codes, reasons))
}

#[test]
fn every_cell_reads_the_same_through_the_parser_the_import_and_the_decoder() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/text");
    let mut failures = Vec::new();
    let mut total = 0;
    for file in ["cells.json", "cells-holdout.json"] {
        let raw = std::fs::read_to_string(dir.join(file)).expect("the cell vectors");
        let doc: Value = serde_json::from_str(&raw).expect("JSON");
        for case in doc["cases"].as_array().cloned().unwrap_or_default() {
            let text = case["text"].as_str().unwrap_or_default();
            let row: CellRow = serde_json::from_value(case["row"].clone()).expect("a row");
            let year = case["year"].as_i64().and_then(|y| i32::try_from(y).ok());
            total += 1;
            let parsed = by_parser(text, row, year);
            let imported = by_import(text, row, year);
            let same = |a: &Reading, b: &Reading| match (a, b) {
                (Ok(x), Ok(y)) => x.0 == y.0 && x.1 == y.1 && x.2 == y.2,
                (Err(x), Err(y)) => x == y,
                _ => false,
            };
            if !same(&parsed, &imported) {
                failures.push(format!("{text}: parser {parsed:?} ≠ import {imported:?}"));
            }
            // The decoder reads against the built-in notice's year (2021).
            if year == Some(2021) {
                let decoded = by_decoder(text, row);
                if !same(&parsed, &decoded) {
                    failures.push(format!("{text}: parser {parsed:?} ≠ decoder {decoded:?}"));
                }
            }
        }
    }
    assert!(total >= 100, "only {total} cells");
    assert!(failures.is_empty(), "{} of {total} cells differ:\n{}", failures.len(), failures.join("\n"));
}

/// 主会场及分会场数量 and 全市区数及参与活动的数量 get the count rows' checks, through the label
/// import (the row's cell) and the decoder (one field given as text): the same codes and reasons.
#[test]
fn venues_and_units_are_this_weeks_through_the_import_and_the_decoder() {
    let import = |label: &str, text: &str| {
        let r = SummaryTable::from_labeled_text([(label, text)], Some(2021));
        let kept = r.diagnostics.iter().find(|d| d.code == "import.kept_as_text").map(|d| {
            let p = |k: &str| d.params.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
            (p("refusal"), p("refusal_reason"))
        });
        let set_aside: Vec<String> = r
            .diagnostics
            .iter()
            .filter(|d| d.code == "text.figure_set_aside")
            .filter_map(|d| d.params.get("reason").and_then(Value::as_str).map(str::to_owned))
            .collect();
        (serde_json::to_value(&r.summary).unwrap_or_default(), kept, set_aside)
    };
    let refused = |reason: &str| Some(("text.not_row_figure".to_owned(), reason.to_owned()));
    let (_, kept, _) = import("主会场及分会场数量", "计划设立主会场1个、分会场20个");
    assert_eq!(kept, refused("projected"));
    let (s, kept, aside) = import("主会场及分会场数量", "主会场1个；2019年分会场8个");
    assert_eq!((kept, aside), (None, vec!["other_year".to_owned()]));
    assert_eq!(s.pointer("/participation/main_venues/value"), Some(&json!(1)));
    assert_eq!(s.pointer("/participation/sub_venues"), None);
    let (_, kept, _) = import("全市区数及参与活动的数量", "每年全区10个街道全部参与");
    assert_eq!(kept, refused("average"));
    let (s, kept, aside) = import("全市区数及参与活动的数量", "全区10个街道，全部参与");
    assert_eq!((kept, aside.len()), (None, 0));
    assert_eq!(s.pointer("/participation/units_participating/value"), Some(&json!(10)));

    let decode = |key: &str, text: &str| {
        let doc = json!({"year": 2021, "participation": {key: text}});
        let a =
            api::validate_json(Some(DocumentKind::Summary), &doc.to_string(), &ValidateOptions::default());
        let at = format!("/participation/{key}");
        a.diagnostics.iter().find(|d| d.path == at && d.code.as_str().starts_with("text.")).map(|d| {
            (
                d.code.to_string(),
                d.params.get("reason").and_then(Value::as_str).unwrap_or_default().to_owned(),
            )
        })
    };
    assert_eq!(decode("main_venues", "计划设立3个"), refused("projected"));
    assert_eq!(decode("sub_venues", "2019年8个"), refused("other_year"));
    assert_eq!(decode("units_total", "年均10个"), refused("average"));
    assert_eq!(decode("sub_venues", "12个"), None);
}

/// With no notice (a binding's `from_json`), a cell written as text is read against the
/// document's own year: another year's figure is refused as it is when a notice comes with it;
/// a document without a year leaves a written year unjudged.
#[test]
fn without_a_notice_the_documents_own_year_is_the_context() {
    use learning_week::ffi;
    let cell = "2019年参与人数达5万人";
    let reason = |a: &ffi::ReadAnswer| {
        a.diagnostics
            .iter()
            .find(|d| d.path.ends_with("/participation/participants") && d.code == "text.not_row_figure")
            .and_then(|d| d.params.get("reason").and_then(Value::as_str).map(str::to_owned))
    };
    let summary = json!({"year": 2021, "participation": {"participants": cell}}).to_string();
    let a = ffi::read(DocumentKind::Summary, &summary);
    assert_eq!(reason(&a).as_deref(), Some("other_year"));
    let submission = json!({"summary": {"year": 2021, "participation": {"participants": cell}}}).to_string();
    assert_eq!(reason(&ffi::read(DocumentKind::Submission, &submission)).as_deref(), Some("other_year"));
    // The same year as the document's: this year's figure.
    let same = json!({"year": 2019, "participation": {"participants": cell}}).to_string();
    let a = ffi::read(DocumentKind::Summary, &same);
    assert!(a.ok && reason(&a).is_none(), "{:?}", a.diagnostics);
    // No year anywhere: not judged, read as written.
    let none = json!({"participation": {"participants": cell}}).to_string();
    let a = ffi::read(DocumentKind::Summary, &none);
    assert_eq!(
        a.document.and_then(|d| d.pointer("/participation/participants/value").cloned()),
        Some(json!(50000))
    );
}

/// A notice that states no year (a custom one): the document's own year is the context.
#[test]
fn a_notice_without_a_year_leaves_the_documents_own() {
    let mut notice = learning_week::Notice::nanchang_2021();
    notice.year = None;
    let doc = json!({"year": 2021, "participation": {"participants": "2019年参与人数达5万人"}});
    let o = learning_week::validate::validate_value(Some(DocumentKind::Summary), &doc, &notice, None);
    let d = o.diagnostics.iter().find(|d| d.path == "/participation/participants").map(|d| {
        (d.code.to_string(), d.params.get("reason").and_then(Value::as_str).unwrap_or_default().to_owned())
    });
    assert_eq!(d, Some(("text.not_row_figure".to_owned(), "other_year".to_owned())));
}
