//! Invariants every fuzz target checks on top of "does not panic".
#![allow(dead_code)] // each target uses part of it

use learning_week::{api::ValidationAnswer, Diagnostic, Severity};

/// Every diagnostic names a rule of the catalog and carries both messages.
pub fn check_diagnostic(d: &Diagnostic) {
    assert_eq!(d.severity, d.code.rule().severity, "severity of {} differs from its rule", d.code);
    assert!(!d.message.is_empty() && !d.message_en.is_empty(), "empty message for {}", d.code);
    assert!(d.path.is_empty() || d.path.starts_with('/'), "not a JSON Pointer: {:?}", d.path);
}

/// An answer agrees with its own diagnostics and serialises to JSON that parses back.
pub fn check_answer(a: &ValidationAnswer) {
    let errors = a.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    assert_eq!(a.errors, errors, "error count");
    assert_eq!(a.valid, errors == 0, "valid flag");
    a.diagnostics.iter().for_each(check_diagnostic);
    let text = learning_week::api::to_json_string(a);
    assert!(serde_json::from_str::<serde_json::Value>(&text).is_ok(), "answer is not JSON");
    // Core's writer writes what serde_json writes, byte for byte (the document, a `Value` built
    // from the fuzzed input, carries its strings and numbers as they came).
    assert_eq!(Some(&text), serde_json::to_string(a).ok().as_ref(), "json_writer and serde_json differ");
}
