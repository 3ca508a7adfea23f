//! A driver for profiling (BENCHMARKS.md): validates one JSON file N times through
//! `api::validate_json`, or with `--no-document` as the Python package asks (diagnostics
//! only), or with `--text` answers as JSON text with the document (`ffi::validate_text`,
//! what the WASM package does), or with `--field POINTER` re-checks one field, or with
//! `--aggregate` rolls the file up N times over (N copies of it as inputs), or with
//! `--aggregate-varied` N variants of it (the notice's units in turn, each its own 报送时间,
//! so every input has its own hash and the roll-up has 13 winners and N − 13 superseded, as in
//! `core/benches/aggregate.rs`).
//! Under `valgrind --tool=callgrind` its instruction counts are repeatable on a busy machine.
//!
//! ```sh
//! cargo build --profile bench -p learning-week --example profile_validate
//! valgrind --tool=callgrind target/release/examples/profile_validate FILE 200
//! ```
use learning_week::aggregate::{aggregate, AggregateInput};
use learning_week::api::{self, DocumentKind};
use learning_week::ffi;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().cloned().unwrap_or_default();
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(100);
    let mode = args.get(2).map(String::as_str);
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    // LW_PROFILE_NOTICE=custom: the default and --field modes use a Validator compiled from the
    // built-in notice's own JSON (issue 22: a custom notice costs what the built-in costs).
    let custom = std::env::var("LW_PROFILE_NOTICE").is_ok_and(|v| v == "custom");
    let validator = if custom {
        api::Validator::from_json(learning_week::Notice::nanchang_2021_json()).unwrap_or_default()
    } else {
        api::Validator::default()
    };
    let mut findings = 0;
    match mode {
        Some("--aggregate") => {
            let inputs: Vec<AggregateInput> =
                (0..n).map(|_| AggregateInput::text(None, text.clone())).collect();
            let r = aggregate(&learning_week::Notice::nanchang_2021(), &inputs, &Default::default());
            findings = r.accounting.rejected.len();
        }
        Some("--aggregate-varied") => {
            let notice = learning_week::Notice::nanchang_2021();
            let units: Vec<String> = notice.units().iter().filter_map(|u| u.name.clone()).collect();
            let inputs: Vec<AggregateInput> = (0..n)
                .map(|i| {
                    let unit = units.get(i % units.len().max(1)).map_or("", String::as_str);
                    let (day, hour, minute) = (1 + (i * 7) % 8, 8 + (i / 8) % 10, (i / 80) % 60);
                    let at = format!("2021-12-{day:02}T{hour:02}:{minute:02}:00+08:00");
                    let t = with_string(&text, "host_unit", unit);
                    AggregateInput::text(None, with_string(&t, "submitted_at", &at))
                })
                .collect();
            let started = std::time::Instant::now();
            let r = aggregate(&notice, &inputs, &Default::default());
            // Wall time of the roll-up alone (not of making the inputs), for a rough look.
            eprintln!("aggregate of {n}: {:.3} s", started.elapsed().as_secs_f64());
            findings = r.accounting.rejected.len() + r.accounting.superseded.len();
        }
        Some("--no-document") => {
            for _ in 0..n {
                let a = ffi::validate(Some(DocumentKind::Submission), &text, None, r#"{"document": false}"#);
                findings += a.diagnostics.len();
            }
        }
        Some("--text") => {
            for _ in 0..n {
                let a = ffi::validate_text(Some(DocumentKind::Submission), &text, None, "null");
                findings += a.matches("\"code\"").count();
            }
        }
        Some("--field") => {
            let pointer = args.get(3).map(String::as_str).unwrap_or("");
            for _ in 0..n {
                findings += validator.validate_field_json(None, &text, pointer).diagnostics.len();
            }
        }
        _ => {
            for _ in 0..n {
                findings += validator.validate_json(Some(DocumentKind::Submission), &text).diagnostics.len();
            }
        }
    }
    println!("{n} runs, {findings} findings");
}

/// `text` with the first `"key": "…"` string set to `value` (a plain edit of the text, so that
/// making the inputs costs next to nothing beside the roll-up).
fn with_string(text: &str, key: &str, value: &str) -> String {
    let open = format!("\"{key}\": \"");
    let Some(start) = text.find(&open).map(|i| i + open.len()) else { return text.to_owned() };
    let Some(len) = text.get(start..).and_then(|rest| rest.find('"')) else { return text.to_owned() };
    let mut out = String::with_capacity(text.len() + value.len());
    out.push_str(text.get(..start).unwrap_or_default());
    out.push_str(value);
    out.push_str(text.get(start + len..).unwrap_or_default());
    out
}
