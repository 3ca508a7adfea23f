//! What the vector and fixture runners share (`mod common;` in core/tests/aggregate_vectors.rs,
//! core/tests/inbox_vectors.rs and core/tests/office_fixtures.rs); each uses part of it.
#![allow(dead_code)]

use serde_json::Value;
use std::path::PathBuf;

/// Every vector of `tests/vectors/<group>/` (its `*.json` files, sorted by name), parsed; a file
/// that is not JSON fails the test, naming the file.
pub fn vectors(group: &str) -> Vec<Value> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors").join(group);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| {
            serde_json::from_str(&std::fs::read_to_string(f).expect("readable"))
                .unwrap_or_else(|e| panic!("{}: {e}", f.display()))
        })
        .collect()
}

/// The office fixtures' folder: LW_OFFICE_FIXTURES, else the one `scripts/office-fixtures.sh`
/// writes now (python-docx / openpyxl, an independent writer), so a test never skips for want of
/// its fixtures. Written once per test process: the tests run in parallel, and the script
/// rewrites the folder.
pub fn office_fixtures_dir() -> PathBuf {
    static DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        if let Some(dir) = std::env::var_os("LW_OFFICE_FIXTURES") {
            return PathBuf::from(dir);
        }
        let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/office-fixtures.sh");
        let out = std::process::Command::new("bash").arg(&script).output().expect("bash runs");
        assert!(
            out.status.success(),
            "the office fixtures could not be written ({}): {}",
            script.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
    })
    .clone()
}

/// `expect` matched as a subset of `actual` (see tests/vectors/aggregate/README.md):
/// objects by key, arrays as multisets of the same length (a trailing "..." allows more items),
/// a number against an array by length,
/// numbers within 1e-9. Returns the first mismatch with its JSON Pointer.
pub fn matches(expect: &Value, actual: &Value, at: &str) -> Result<(), String> {
    match (expect, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                let av = a.get(k).unwrap_or(&Value::Null);
                matches(ev, av, &format!("{at}/{k}"))?;
            }
            Ok(())
        }
        (Value::Array(e), Value::Array(a)) => {
            // A trailing "..." means "at least these items".
            let open = e.last().is_some_and(|x| x == "...");
            let e = if open { &e[..e.len() - 1] } else { &e[..] };
            if if open { e.len() > a.len() } else { e.len() != a.len() } {
                return Err(format!("{at}: expected {} items, got {}: {}", e.len(), a.len(), actual));
            }
            let mut used = vec![false; a.len()];
            for (i, ev) in e.iter().enumerate() {
                let found = a
                    .iter()
                    .enumerate()
                    .find(|(j, av)| !used[*j] && matches(ev, av, "").is_ok())
                    .map(|(j, _)| j);
                match found {
                    Some(j) => used[j] = true,
                    None => return Err(format!("{at}/{i}: no item matches {ev} in {actual}")),
                }
            }
            Ok(())
        }
        (Value::Number(n), Value::Array(a)) if n.as_u64() == Some(a.len() as u64) => Ok(()),
        (Value::Number(e), Value::Number(a)) => match (e.as_f64(), a.as_f64()) {
            (Some(x), Some(y)) if (x - y).abs() < 1e-9 => Ok(()),
            _ => Err(format!("{at}: expected {e}, got {a}")),
        },
        (e, a) if e == a => Ok(()),
        (e, a) => Err(format!("{at}: expected {e}, got {a}")),
    }
}
