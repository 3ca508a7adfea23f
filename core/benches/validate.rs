//! Validating a full submission from JSON text through the api (`api::validate_json`): the
//! happy path (each example submission) and the error path (a document with 18 findings,
//! core/benches/data/error-path.submission.json). Also `validate_field_json` (one field, as a
//! web form re-checks per keystroke), `validate_text` (the answer as JSON text, document
//! included, as the Python and WASM packages ask) and the diagnostics-only answer.
//! `cargo bench -p learning-week --bench validate`.

mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use learning_week::api::{self, DocumentKind, ValidateOptions, Validator};
use learning_week::ffi;
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
        b.iter(|| ffi::validate_text(Some(DocumentKind::Submission), black_box(&happy), None, "null"))
    });
    g.bench_function("happy/donghu-diagnostics-only", |b| {
        // what the Python package asks for: no `document` in the answer
        b.iter(|| ffi::validate(Some(DocumentKind::Submission), black_box(&happy), None, NO_DOCUMENT))
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
    compiled_notice(c, &happy);
}

/// Issue 22: a custom notice (the built-in one, loaded from its own JSON) compiled once costs
/// what the built-in costs per call; the one-shot path with the notice as options (what every
/// call paid before the Validator) is the "before".
fn compiled_notice(c: &mut Criterion, happy: &str) {
    let notice_text = learning_week::Notice::nanchang_2021_json();
    let builtin = Validator::default();
    let custom = Validator::from_json(notice_text).expect("the built-in notice compiles");
    let per_call =
        ValidateOptions { notice: Some(serde_json::Value::String(notice_text.to_owned())), plan: None };
    let kind = Some(DocumentKind::Submission);
    let field = "/summary/participation/participants";
    // Not timed: the three give one answer.
    assert_eq!(custom.validate_json(kind, happy), builtin.validate_json(kind, happy));
    assert_eq!(api::validate_json(kind, happy, &per_call), builtin.validate_json(kind, happy));

    let mut g = c.benchmark_group("compiled_notice");
    g.bench_function("validate/builtin", |b| b.iter(|| builtin.validate_json(kind, black_box(happy))));
    g.bench_function("validate/custom", |b| b.iter(|| custom.validate_json(kind, black_box(happy))));
    g.bench_function("validate/notice-per-call", |b| {
        b.iter(|| api::validate_json(kind, black_box(happy), &per_call))
    });
    g.bench_function("field/builtin", |b| {
        b.iter(|| builtin.validate_field_json(None, black_box(happy), field))
    });
    g.bench_function("field/custom", |b| {
        b.iter(|| custom.validate_field_json(None, black_box(happy), field))
    });
    g.bench_function("field/notice-per-call", |b| {
        b.iter(|| api::validate_field_json(None, black_box(happy), field, &per_call))
    });
    g.bench_function("compile", |b| b.iter(|| Validator::from_json(black_box(notice_text))));
    g.finish();

    common::print_summary(
        "compiled_notice",
        &[
            ("validate_builtin", None),
            ("validate_custom", None),
            ("validate_notice-per-call", None),
            ("field_builtin", None),
            ("field_custom", None),
            ("field_notice-per-call", None),
            ("compile", None),
        ],
    );
    println!("\n== ratios (goal: custom / builtin ≤ 1.10×)");
    common::print_ratio("compiled_notice", "validate, custom notice", "validate_custom", "validate_builtin");
    common::print_ratio("compiled_notice", "field, custom notice", "field_custom", "field_builtin");
    common::print_ratio(
        "compiled_notice",
        "validate, before (notice per call)",
        "validate_notice-per-call",
        "validate_builtin",
    );
    common::print_ratio(
        "compiled_notice",
        "field, before (notice per call)",
        "field_notice-per-call",
        "field_builtin",
    );
}

criterion_group!(benches, validate);
criterion_main!(benches);
