//! The notice reader over arbitrary bytes (text, or a .docx when they start as a zip), seeded
//! with the published notices: never a panic; every source span fits the text and names the
//! words it says; a text that is no notice gets exactly one finding.
#![no_main]

use learning_week::api;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let r = api::read_notice(data, &Default::default());
    r.diagnostics.iter().for_each(common::check_diagnostic);
    if !r.is_notice() {
        assert_eq!(r.diagnostics.len(), 1, "one finding for what is no notice");
    }
    if let Ok(text) = std::str::from_utf8(data.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(data)) {
        if !data.starts_with(b"PK") {
            for s in &r.sources {
                assert!(s.span.start <= s.span.end && s.span.end <= text.len(), "{} out of the text", s.path);
                assert_eq!(s.span.of(text), s.text, "{}", s.path);
            }
        }
    }
});
