//! Validating a full submission from JSON text through the api (`api::validate_json`): the
//! happy path (each example submission) and the error path (a document with 18 findings,
//! core/benches/data/error-path.submission.json). Also `validate_field_json` (one field, as a
//! web form re-checks per keystroke), `validate_binding_json` (the answer as JSON text, document
//! included, as the Python and WASM packages ask) and the diagnostics-only answer.
//! `cargo bench -p learning-week --bench validate`.

mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use learning_week::api::{self, DocumentKind, ValidateOptions};
use std::hint::black_box;

const HAPPY: &str = "examples/nanchang-2021/submissions/donghu.submission.json";
const ERROR: &str = "core/benches/data/error-path.submission.json";
const NO_DOCUMENT: &str = r#"{"document": false}"#;

fn validate(c: &mut Criterion) {
    let options = ValidateOptions::default();
    let happy = common::read(HAPPY);
    let error = common::read(ERROR);
    let examples = common::example_submissions();

    // Not timed: the inputs are what the names say.
    let a = api::validate_json(Some(DocumentKind::Submission), &happy, &options);
    assert!(a.valid, "happy path has errors: {:?}", a.codes());
    let e = api::validate_json(Some(DocumentKind::Submission), &error, &options);
    assert!(e.diagnostics.len() >= 10, "error path has only {} findings", e.diagnostics.len());
    println!("error path: {} findings ({} errors)", e.diagnostics.len(), e.errors);

    let mut g = c.benchmark_group("validate_json");
    g.throughput(Throughput::Elements(1));
    g.bench_function("happy/donghu", |b| {
        b.iter(|| api::validate_json(Some(DocumentKind::Submission), black_box(&happy), &options))
    });
    g.bench_function("happy/donghu-answer-text", |b| {
        b.iter(|| api::validate_binding_json(Some(DocumentKind::Submission), black_box(&happy), None, "null"))
    });
    g.bench_function("happy/donghu-diagnostics-only", |b| {
        // what the Python package asks for: no `document` in the answer
        b.iter(|| api::validate_binding(Some(DocumentKind::Submission), black_box(&happy), None, NO_DOCUMENT))
    });
    g.bench_function("error/18-findings", |b| {
        b.iter(|| api::validate_json(Some(DocumentKind::Submission), black_box(&error), &options))
    });
    g.throughput(Throughput::Elements(examples.len() as u64));
    g.bench_function("happy/all-examples", |b| {
        b.iter(|| {
            for (_, text) in &examples {
                black_box(api::validate_json(Some(DocumentKind::Submission), black_box(text), &options));
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("validate_field_json");
    g.bench_function("participants", |b| {
        b.iter(|| {
            api::validate_field_json(None, black_box(&happy), "/summary/participation/participants", &options)
        })
    });
    g.finish();

    common::print_summary(
        "validate_json",
        &[
            ("happy_donghu", None),
            ("happy_donghu-answer-text", None),
            ("happy_donghu-diagnostics-only", None),
            ("error_18-findings", None),
            ("happy_all-examples", Some(examples.len() as u64)),
        ],
    );
    common::print_summary("validate_field_json", &[("participants", None)]);
}

criterion_group!(benches, validate);
criterion_main!(benches);
