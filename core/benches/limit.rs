//! Issue 21's measure: one submission from JSON text (donghu, 9.4 KB with its plan) validated,
//! beside serde_json reading the same text into `IgnoredAny` (the scan: the parsing limit) and
//! into a `serde_json::Value`, in one run, with the ratios printed (ratios hold from machine to
//! machine where microseconds do not). The library is measured as the Python package asks
//! (`ffi::validate`, diagnostics only), with the document in the answer (`api::validate_json`),
//! and on the tree path (`json::parse` then `validate_tree`: how every text was read before the
//! text path, still the reference and what the text path hands unsure input to).
//! `cargo bench -p learning-week --bench limit`.

mod common;

use criterion::{criterion_group, criterion_main, Criterion};
use learning_week::api::{self, DocumentKind, ValidateOptions};
use learning_week::{ffi, json, validate, Notice};
use std::hint::black_box;
use std::time::Duration;

const HAPPY: &str = "examples/nanchang-2021/submissions/donghu.submission.json";
const GROUP: &str = "parsing_limit";

fn limit(c: &mut Criterion) {
    let text = common::read(HAPPY);
    let kind = Some(DocumentKind::Submission);
    let options = ValidateOptions::default();
    let notice = Notice::nanchang_2021();
    // Not timed: the text path and the tree give one answer, and the text path takes donghu.
    let tree = json::parse(&text).expect("donghu is JSON");
    let (_, fast) = validate::validate_text(kind, &text, &notice, None).expect("donghu takes the text path");
    assert_eq!(fast, validate::validate_tree(kind, &tree, None, &notice, None));

    let mut g = c.benchmark_group(GROUP);
    g.measurement_time(Duration::from_secs(4));
    g.bench_function("serde_json/ignored_any", |b| {
        b.iter(|| serde_json::from_str::<serde::de::IgnoredAny>(black_box(&text)).map(drop))
    });
    g.bench_function("serde_json/value", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&text)).map(drop))
    });
    g.bench_function("library/diagnostics-only", |b| {
        b.iter(|| ffi::validate(kind, black_box(&text), None, r#"{"document": false}"#))
    });
    g.bench_function("library/with-document", |b| {
        b.iter(|| api::validate_json(kind, black_box(&text), &options))
    });
    g.bench_function("library/text-path", |b| {
        b.iter(|| validate::validate_text(kind, black_box(&text), &notice, None))
    });
    g.bench_function("library/tree-path", |b| {
        b.iter(|| {
            json::parse(black_box(&text))
                .map(|tree| validate::validate_tree(kind, &tree, None, &notice, None))
        })
    });
    g.finish();

    let ids = [
        "serde_json_ignored_any",
        "serde_json_value",
        "library_diagnostics-only",
        "library_with-document",
        "library_text-path",
        "library_tree-path",
    ];
    common::print_summary(GROUP, &ids.map(|id| (id, None)));
    println!("\n== ratios (goal: the library ≤ 10 µs, about 2× the scan)");
    for (label, a) in [
        ("diagnostics only", "library_diagnostics-only"),
        ("with the document", "library_with-document"),
        ("the engine, text path", "library_text-path"),
        ("the engine, tree path", "library_tree-path"),
    ] {
        common::print_ratio(GROUP, &format!("{label} / the scan"), a, "serde_json_ignored_any");
        common::print_ratio(GROUP, &format!("{label} / a Value"), a, "serde_json_value");
    }
    common::print_ratio(GROUP, "text path / tree path", "library_text-path", "library_tree-path");
}

criterion_group!(benches, limit);
criterion_main!(benches);
