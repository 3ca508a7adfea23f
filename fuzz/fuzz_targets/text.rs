//! Every text parser, through the api (as the bindings call them) and `find_quantities`.
#![no_main]

use learning_week::api::{parse_text, ParseRequest, TextParser};
use learning_week::CountKind;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest).into_owned();
    let parser = match selector % 7 {
        0 => TextParser::Quantity,
        1 => TextParser::Percent,
        2 => TextParser::Period,
        3 => TextParser::Venues,
        4 => TextParser::Units,
        5 => TextParser::Names,
        _ => {
            for q in learning_week::text::find_quantities(&text).into_iter().flatten() {
                assert!(q.value <= learning_week::text::MAX_VALUE, "value above the cap: {}", q.value);
            }
            return;
        }
    };
    let of_kind = match selector / 7 % 3 {
        0 => None,
        1 => Some(CountKind::People),
        _ => Some(CountKind::PersonTimes),
    };
    let year = if selector & 0x80 != 0 { Some(2021) } else { None };
    let answer = parse_text(&ParseRequest { parser, text, year, of_kind });
    assert_eq!(answer.ok, answer.value.is_some(), "ok without a value");
    assert_eq!(answer.ok, answer.error.is_none(), "ok with an error");
    if let Some(e) = &answer.error {
        common::check_diagnostic(e);
    }
});
