//! Runs the language-neutral text vectors (`tests/vectors/text/*.json`) against the Rust
//! parsers; the Python and JS suites read the same files. Reports every failing case by name.

use learning_week::text::{
    parse_percent, parse_period, parse_quantity, parse_quantity_of_kind, parse_units, parse_venues,
    read_count_cell, read_satisfaction_cell, split_names, CellRow, Quantity, ReadContext, SatisfactionText,
    TextError,
};
use learning_week::CountKind;
use serde_json::{json, Value};

mod common;

fn err(e: &TextError) -> Value {
    json!({"ok": false, "code": e.code, "reason": e.reason()})
}

/// A cell's warnings: their codes sorted, and the reasons of those that have one, in order.
fn warnings_json(out: &mut Value, warnings: &[TextError]) {
    let mut codes: Vec<&str> = warnings.iter().map(|w| w.code.as_str()).collect();
    codes.sort_unstable();
    out["warnings"] = json!(codes);
    out["reasons"] = json!(warnings.iter().filter_map(TextError::reason).collect::<Vec<_>>());
}

fn quantity_json(q: &Quantity) -> Value {
    json!({"ok": true, "value": q.value, "qualifier": q.qualifier, "unit": q.unit, "kind": q.kind, "phrase": q.phrase()})
}

fn count_value(q: &Option<Quantity>) -> Value {
    q.as_ref().map_or(Value::Null, |q| json!(q.value))
}

/// The parser's answer for one case, in the vectors' format (with extra keys the case may check).
fn run(parser: &str, case: &Value) -> Result<Value, String> {
    let text = case["text"].as_str().ok_or("case has no text")?;
    Ok(match parser {
        "quantity" => {
            let r = match case.get("of_kind").and_then(Value::as_str) {
                Some(k) => {
                    let kind: CountKind = serde_json::from_value(json!(k)).map_err(|e| e.to_string())?;
                    parse_quantity_of_kind(text, kind)
                }
                None => parse_quantity(text),
            };
            r.as_ref().map_or_else(err, quantity_json)
        }
        "percent" => match parse_percent(text) {
            Ok(p @ SatisfactionText::Percent { value, qualifier, .. }) => {
                json!({"ok": true, "value": value, "qualifier": qualifier, "phrase": p.phrase()})
            }
            Ok(p @ SatisfactionText::Level { level, .. }) => {
                json!({"ok": true, "level": level, "phrase": p.phrase()})
            }
            Err(e) => err(&e),
        },
        "period" => {
            let year = case.get("year").and_then(Value::as_i64).and_then(|y| i32::try_from(y).ok());
            match parse_period(text, year) {
                Ok(p) => json!({"ok": true, "start": p.start, "end": p.end, "phrase": p.phrase()}),
                Err(e) => err(&e),
            }
        }
        "venues" => match parse_venues(text) {
            Ok(v) => json!({
                "ok": true,
                "main_venues": count_value(&v.main_venues),
                "sub_venues": count_value(&v.sub_venues),
                "refused": v.refused.iter().map(|e| e.code).collect::<Vec<_>>(),
            }),
            Err(e) => err(&e),
        },
        "units" => match parse_units(text) {
            Ok(u) => json!({
                "ok": true,
                "units_total": count_value(&u.units_total),
                "units_participating": count_value(&u.units_participating),
            }),
            Err(e) => err(&e),
        },
        "cell" => {
            let row: CellRow = serde_json::from_value(case["row"].clone()).map_err(|e| e.to_string())?;
            let year = case.get("year").and_then(Value::as_i64).and_then(|y| i32::try_from(y).ok());
            let ctx = ReadContext { year };
            if row == CellRow::Satisfaction {
                match read_satisfaction_cell(text, &ctx) {
                    Ok(c) => {
                        let mut out = match &c.value {
                            SatisfactionText::Percent { value, qualifier, .. } => {
                                json!({"ok": true, "value": value, "qualifier": qualifier})
                            }
                            SatisfactionText::Level { level, .. } => json!({"ok": true, "level": level}),
                        };
                        warnings_json(&mut out, &c.warnings);
                        out
                    }
                    Err(e) => err(&e),
                }
            } else {
                match read_count_cell(text, row, &ctx) {
                    Ok(c) => {
                        let mut out = quantity_json(&c.value);
                        out["parts_add_up"] = json!(c.parts_add_up);
                        out["videos"] = count_value(&c.videos);
                        warnings_json(&mut out, &c.warnings);
                        out
                    }
                    Err(e) => err(&e),
                }
            }
        }
        "names" => {
            json!({"ok": true, "names": split_names(text).into_iter().map(|i| i.text).collect::<Vec<_>>()})
        }
        other => return Err(format!("unknown parser {other}")),
    })
}

/// Every key of `expect` must equal the answer's; keys the case does not give are not checked,
/// except that a missing optional count (`main_venues` …) must be absent or null in both.
fn compare(expect: &Value, got: &Value) -> Vec<String> {
    let Some(exp) = expect.as_object() else { return vec!["expect is not an object".into()] };
    let mut diffs = Vec::new();
    for (k, v) in exp {
        let g = got.get(k).unwrap_or(&Value::Null);
        let same = match (v, g) {
            (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
            _ => v == g,
        };
        if !same {
            diffs.push(format!("{k}: expected {v}, got {g}"));
        }
    }
    diffs
}

#[test]
fn every_text_vector_passes() {
    let docs = common::vectors("text");
    assert!(!docs.is_empty(), "no vector files in tests/vectors/text");
    let mut failures = Vec::new();
    let mut total = 0;
    for doc in &docs {
        let parser = doc["parser"].as_str().unwrap_or_default().to_owned();
        let cases = doc["cases"].as_array().cloned().unwrap_or_default();
        for case in &cases {
            total += 1;
            let name = case["name"].as_str().unwrap_or("<unnamed>");
            match run(&parser, case) {
                Ok(got) => {
                    let diffs = compare(&case["expect"], &got);
                    if !diffs.is_empty() {
                        failures.push(format!(
                            "[{parser}] {name} «{}»: {} (got {got})",
                            case["text"].as_str().unwrap_or(""),
                            diffs.join("; ")
                        ));
                    }
                }
                Err(e) => failures.push(format!("[{parser}] {name}: {e}")),
            }
        }
    }
    assert!(total >= 200, "only {total} vector cases");
    assert!(
        failures.is_empty(),
        "{} of {total} vector cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
