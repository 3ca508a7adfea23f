//! The label import: JSON of label → text, and tab-separated lines of label and text.
#![no_main]

use learning_week::SummaryTable;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let year = if selector & 1 == 0 { Some(2021) } else { None };
    if selector & 2 == 0 {
        let out = learning_week::ffi::import_labels_text(&text, year);
        let v: serde_json::Value = serde_json::from_str(&out).expect("answer is JSON");
        assert!(v.get("diagnostics").is_some_and(|d| d.is_array()), "no diagnostics: {out}");
    } else {
        let cells: Vec<(String, String)> = text
            .lines()
            .map(|l| l.split_once('\t').unwrap_or((l, "")))
            .map(|(a, b)| (a.to_owned(), b.to_owned()))
            .collect();
        let r = SummaryTable::from_labeled_text(cells.iter().cloned(), year);
        r.diagnostics.iter().for_each(common::check_diagnostic);
        // Nothing dropped silently: every cell with text is read, kept as text, or reported
        // (a label with an empty cell is a blank row of the form).
        let filled = cells.iter().filter(|(_, v)| !v.trim().is_empty()).count();
        assert!(r.diagnostics.len() >= filled, "{filled} filled cells, {} diagnostics", r.diagnostics.len());
    }
});
