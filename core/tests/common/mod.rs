//! What the vector runners share (`mod common;` in core/tests/aggregate_vectors.rs and
//! core/tests/inbox_vectors.rs).

use serde_json::Value;

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
