//! The roll-up over arbitrary requests; whenever a roll-up is produced, every input is
//! accounted for exactly once.
#![no_main]

use learning_week::api;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    // Either a whole request, or the text as the list of submissions.
    let request = if selector & 1 == 0 {
        text.into_owned()
    } else {
        match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(serde_json::Value::Array(items)) => serde_json::json!({"submissions": items}).to_string(),
            _ => serde_json::json!({"submissions": [text]}).to_string(),
        }
    };
    let answer = api::aggregate_json(&request);
    answer.diagnostics.iter().for_each(common::check_diagnostic);
    if let Some(rollup) = &answer.rollup {
        assert!(rollup.accounting.is_balanced(), "accounting does not balance");
        assert!(rollup.completeness.rate_percent.is_none_or(|r| r <= 100.0), "completeness above 100%");
        assert!(rollup.completeness.reported <= rollup.completeness.expected, "more reported than expected");
        rollup.notes.iter().for_each(common::check_diagnostic);
    }
});
