//! Runs the division-registry vectors (`tests/vectors/divisions/*.json`) through
//! `ffi::divisions_text`, as the Python and JS suites do; reports every failing case by name.

use serde_json::Value;
use std::path::PathBuf;

fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/divisions")
}

/// Where `got` fails to match `want` (objects: the keys given; arrays: same length, element-wise;
/// numbers as numbers), as JSON Pointers.
fn mismatches(want: &Value, got: &Value, at: &str, out: &mut Vec<String>) {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => {
            for (k, wv) in w {
                match g.get(k) {
                    Some(gv) => mismatches(wv, gv, &format!("{at}/{k}"), out),
                    None => out.push(format!("{at}/{k}: absent")),
                }
            }
        }
        (Value::Array(w), Value::Array(g)) if w.len() == g.len() => {
            for (i, (wv, gv)) in w.iter().zip(g).enumerate() {
                mismatches(wv, gv, &format!("{at}/{i}"), out);
            }
        }
        (Value::Number(w), Value::Number(g)) if w.as_f64() == g.as_f64() => {}
        (w, g) if w == g => {}
        (w, g) => out.push(format!("{at}: expected {w}, got {g}")),
    }
}

#[test]
fn every_division_vector_passes() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(vectors_dir())
        .expect("tests/vectors/divisions exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    let mut fired = std::collections::BTreeSet::new();
    let mut total = 0;
    for f in &files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(f).expect("readable")).expect("JSON");
        for case in doc["cases"].as_array().into_iter().flatten() {
            total += 1;
            let name = case["name"].as_str().unwrap_or("?");
            let query = case["query"].as_str().unwrap_or_default();
            let year = case.get("year").and_then(Value::as_i64).and_then(|y| i32::try_from(y).ok());
            let answer: Value = serde_json::from_str(&learning_week::ffi::divisions_text(query, year))
                .expect("answer is JSON");
            if let Some(code) = answer.pointer("/error/code").and_then(Value::as_str) {
                fired.insert(code.to_owned());
            }
            let mut out = Vec::new();
            mismatches(&case["expect"], &answer, "", &mut out);
            if !out.is_empty() {
                failures.push(format!("{name}:\n    {}", out.join("\n    ")));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {total} division vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(total >= 10, "only {total} division vectors");
    let missing: Vec<String> = learning_week::catalog::descriptors()
        .into_iter()
        .map(|r| r.code)
        .filter(|c| c.starts_with("division.") && !fired.contains(c))
        .collect();
    assert!(missing.is_empty(), "division codes no vector fires: {missing:?}");
}
