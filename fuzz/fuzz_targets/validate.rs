//! The validate entry points: `validate_json` for each document kind (and detection),
//! `validate_field_json`, and the string-only `validate_request_text`; that the reader's JSON
//! tree (`learning_week::json::parse`) agrees with serde_json on every input; and that the text
//! path (`validate::validate_field_text`, whole documents and one field) answers what the tree
//! path answers.
#![no_main]

use learning_week::api::{self, ValidateOptions};
use learning_week::ffi;
use learning_week::validate;
use learning_week::DocumentKind;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let kind = match selector % 5 {
        0 => Some(DocumentKind::Notice),
        1 => Some(DocumentKind::Plan),
        2 => Some(DocumentKind::Summary),
        3 => Some(DocumentKind::Submission),
        _ => None,
    };
    // The reader's tree (learning_week::json) means what serde_json means: same value or same
    // error, at the same line and column.
    let ours = learning_week::json::parse(&text).map(|j| j.to_value()).map_err(|e| (e.line(), e.column()));
    let theirs = serde_json::from_str::<serde_json::Value>(&text).map_err(|e| (e.line(), e.column()));
    assert_eq!(ours, theirs, "json::parse disagrees with serde_json on {text:?}");
    // Core's writer (json_writer) writes any value as serde_json writes it.
    if let Ok(v) = &ours {
        let ours = learning_week::json_writer::to_string(v).map_err(|e| e.to_string());
        assert_eq!(
            ours,
            serde_json::to_string(v).map_err(|e| e.to_string()),
            "json_writer differs on {text:?}"
        );
    }
    // The text path (the model read straight from the text) answers what the tree path answers,
    // whenever it answers at all.
    let notice = learning_week::Notice::nanchang_2021();
    // So does one field's check (`validate_field_text`), for a field the selector picks.
    const FIELDS: [Option<&str>; 6] = [
        None,
        Some("/participation/units_total"),
        Some("/summary/participation/participants"),
        Some("/host_unit"),
        Some("/activities/0/period"),
        Some("/summary/reach/satisfaction"),
    ];
    let field = FIELDS[usize::from(selector / 15) % FIELDS.len()];
    if let Some((k, fast)) = validate::validate_field_text(kind, &text, field, &notice, None) {
        let stripped = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let tree = learning_week::json::parse(stripped).expect("the text path read what the tree refuses");
        assert_eq!(Some(k), kind.or_else(|| DocumentKind::detect_tree(&tree)), "kind differs on {text:?}");
        let slow = validate::validate_tree(kind, &tree, field, &notice, None);
        assert_eq!(fast, slow, "the text path and the tree differ on {field:?} {text:?}");
    }
    let options = ValidateOptions::default();
    match selector / 5 % 3 {
        0 => common::check_answer(&api::validate_json(kind, &text, &options)),
        1 => {
            // The pointer is the text's first line, the document the rest.
            let (pointer, doc) = text.split_once('\n').unwrap_or(("/host_unit", &text));
            common::check_answer(&api::validate_field_json(kind, doc, pointer, &options));
        }
        _ => {
            let out = ffi::validate_request_text(&text);
            let v: serde_json::Value = serde_json::from_str(&out).expect("answer is JSON");
            assert!(v.get("valid").is_some_and(|b| b.is_boolean()), "no valid flag: {out}");
        }
    }
});
