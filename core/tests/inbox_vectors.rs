//! Runs every inbox vector in `tests/vectors/inbox/*.json` (the files the Python and JS suites
//! run too; the format is in that folder's README.md): a folder of named files — inline text, or
//! a fixture written by python-docx / openpyxl (`scripts/office-fixtures.sh`) or LibreOffice
//! (`tests/fixtures/doc/`) — rolled up by core's inbox, as the bindings hand it over
//! (`Validator::ffi_aggregate_inbox`). A fixture that is missing fails the vector, never skips it.

use learning_week::api::{InboxFile, Validator};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

mod common;
use common::{matches, office_fixtures_dir as office_dir, vectors};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A file's bytes: its inline `text`, or its `fixture` (`office:<file>` / `doc:<file>`).
fn bytes_of(file: &Value) -> Result<Vec<u8>, String> {
    if let Some(text) = file["text"].as_str() {
        return Ok(text.as_bytes().to_vec());
    }
    let fixture = file["fixture"].as_str().ok_or_else(|| format!("{file}: neither text nor fixture"))?;
    let path = match fixture.split_once(':') {
        Some(("office", f)) => office_dir().join(f),
        Some(("doc", f)) => root().join("tests/fixtures/doc").join(f),
        _ => return Err(format!("{fixture}: not office:<file> or doc:<file>")),
    };
    std::fs::read(&path).map_err(|e| format!("fixture missing: {}: {e}", path.display()))
}

/// The checks of `fires` and `silent` (the README): each fired code on the named input of its
/// accounting list; a silent code on no input at all.
fn codes(v: &Value, accounting: &Value) -> Result<(), String> {
    let has = |record: &Value, code: &str| {
        record["diagnostics"].as_array().into_iter().flatten().any(|d| d["code"] == code)
    };
    for f in v["fires"].as_array().into_iter().flatten() {
        let (code, list, input) =
            (f["code"].as_str().unwrap_or(""), f["in"].as_str().unwrap_or(""), &f["input"]);
        let records =
            accounting[list].as_array().ok_or_else(|| format!("fires: no accounting list {list:?}"))?;
        let record = records
            .iter()
            .find(|r| &r["id"] == input)
            .ok_or_else(|| format!("fires {code}: {input} is not in accounting.{list}"))?;
        if !has(record, code) {
            return Err(format!(
                "fires {code}: not on {input} in accounting.{list}: {}",
                record["diagnostics"]
            ));
        }
    }
    for code in v["silent"].as_array().into_iter().flatten().filter_map(Value::as_str) {
        for list in ["included", "superseded", "rejected", "plans", "materials"] {
            if let Some(r) = accounting[list].as_array().into_iter().flatten().find(|r| has(r, code)) {
                return Err(format!("silent {code}: fired on {} in accounting.{list}", r["id"]));
            }
        }
    }
    Ok(())
}

/// One vector: the roll-up of its files, checked; the first failure.
fn run(v: &Value) -> Result<(), String> {
    let specs = v["files"].as_array().ok_or("no files")?;
    let mut files = Vec::new();
    for f in specs {
        let name = f["name"].as_str().ok_or_else(|| format!("{f}: no name"))?;
        files.push(InboxFile::from_host(name.to_owned(), bytes_of(f)?, f["modified"].as_str()));
    }
    let items: Vec<Value> = (0..files.len()).map(|i| json!({ "inbox_file": i })).collect();
    let options = v.get("options").cloned().unwrap_or_else(|| json!({}));
    let answer = Validator::default().ffi_aggregate_inbox(
        &files,
        &Value::from(items).to_string(),
        &options.to_string(),
    );
    let rollup = answer.rollup.ok_or_else(|| format!("no roll-up: {:?}", answer.diagnostics))?;
    // Every file accounted for.
    let a = &rollup.accounting;
    let counted =
        a.included.len() + a.superseded.len() + a.rejected.len() + a.plans.len() + a.materials.len();
    if !(a.is_balanced() && a.inputs == files.len() && counted == files.len()) {
        return Err(format!(
            "accounting does not balance: {} files, {} inputs, {counted} accounted for",
            files.len(),
            a.inputs
        ));
    }
    let actual = serde_json::to_value(&rollup).map_err(|e| e.to_string())?;
    matches(&v["expect"], &actual, "")?;
    codes(v, &actual["accounting"])
}

#[test]
fn inbox_vectors() {
    let vectors = vectors("inbox");
    assert!(vectors.len() >= 8, "only {} inbox vectors", vectors.len());
    let mut failures = Vec::new();
    for v in &vectors {
        if let Err(e) = run(v) {
            failures.push(format!("{}: {e}", v["name"].as_str().unwrap_or("?")));
        }
    }
    assert!(failures.is_empty(), "{} vector(s) failed:\n{}", failures.len(), failures.join("\n"));
}

/// Each of the inbox's four file-only codes fires in some vector, and each is silent in another
/// (a near miss).
#[test]
fn every_file_only_code_fires_and_misses() {
    let vectors = vectors("inbox");
    for code in [
        "aggregate.refused",
        "aggregate.unit_name_conflict",
        "aggregate.unit_from_file_name",
        "aggregate.superseded_same_time",
    ] {
        let fires =
            vectors.iter().any(|v| v["fires"].as_array().into_iter().flatten().any(|f| f["code"] == code));
        let silent = vectors.iter().any(|v| v["silent"].as_array().into_iter().flatten().any(|c| c == code));
        assert!(fires && silent, "{code}: fires in a vector {fires}, silent in a near miss {silent}");
    }
}
