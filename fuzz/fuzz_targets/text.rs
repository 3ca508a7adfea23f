//! Every text parser, through the api (as the bindings call them) and `find_quantities`; the
//! division registry's look-up.
#![no_main]

use learning_week::api::{parse_text, ParseRequest, TextParser};
use learning_week::text::{CellRow, Offsets};
use learning_week::CountKind;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest).into_owned();
    let parser = match selector % 8 {
        0 => TextParser::Quantity,
        1 => TextParser::Percent,
        2 => TextParser::Period,
        3 => TextParser::Venues,
        4 => TextParser::Units,
        5 => TextParser::Names,
        6 => TextParser::Cell,
        _ => {
            for q in learning_week::text::find_quantities(&text).into_iter().flatten() {
                assert!(q.value <= learning_week::text::MAX_VALUE, "value above the cap: {}", q.value);
            }
            // The division registry answers any name: found exactly when there is no error.
            let a = learning_week::ffi::divisions(&text, None);
            assert_eq!(a.ok, a.error.is_none(), "{:?}", a.error);
            assert_eq!(a.ok, a.division.is_some());
            assert!(a.ok || a.units.is_empty());
            return;
        }
    };
    let of_kind = match selector / 7 % 3 {
        0 => None,
        1 => Some(CountKind::People),
        _ => Some(CountKind::PersonTimes),
    };
    let year = if selector & 0x80 != 0 { Some(2021) } else { None };
    // Spans in each language's units: every recounted span still fits the text.
    let offsets = match selector / 21 % 3 {
        0 => Offsets::Bytes,
        1 => Offsets::Chars,
        _ => Offsets::Utf16,
    };
    let limit = u64::try_from(match offsets {
        Offsets::Bytes => text.len(),
        Offsets::Chars => text.chars().count(),
        Offsets::Utf16 => text.encode_utf16().count(),
    })
    .unwrap_or(u64::MAX);
    // A cell of each row the cell reader knows (none: the request's own refusal).
    let row = match selector / 8 % 5 {
        0 => Some(CellRow::Participants),
        1 => Some(CellRow::TextReports),
        2 => Some(CellRow::ImageReports),
        3 => Some(CellRow::Satisfaction),
        _ => None,
    };
    let answer = parse_text(&ParseRequest { parser, text, year, of_kind, row, offsets });
    if let Some(v) = &answer.value {
        check_spans(v, limit);
    }
    assert_eq!(answer.ok, answer.value.is_some(), "ok without a value");
    assert_eq!(answer.ok, answer.error.is_none(), "ok with an error");
    if let Some(e) = &answer.error {
        common::check_diagnostic(e);
    }
});

/// Every `span` in an answer is ordered and inside the text (counted in the asked units).
fn check_spans(v: &serde_json::Value, limit: u64) {
    match v {
        serde_json::Value::Object(m) => {
            if let Some(s) = m.get("span").filter(|s| !s.is_null()) {
                let (start, end) =
                    (s["start"].as_u64().unwrap_or(u64::MAX), s["end"].as_u64().unwrap_or(u64::MAX));
                assert!(start <= end && end <= limit, "span {start}..{end} outside 0..{limit}");
            }
            m.values().for_each(|x| check_spans(x, limit));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|x| check_spans(x, limit)),
        _ => {}
    }
}
