//! Inputs shared by the criterion benches (see BENCHMARKS.md): the example submissions, the
//! error-path document, deterministic variations of both, and a summary printer that reads
//! criterion's own estimates back so each run ends with one table of medians.
//!
//! Nothing here asserts a time: the benches report, they never fail on speed.

#![allow(dead_code)] // each bench uses part of it

use serde_json::Value;
use std::path::{Path, PathBuf};

/// The repository root (core/..).
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Reads a file of the repository as text; the benches cannot run without their inputs.
pub fn read(rel: &str) -> String {
    let path = repo().join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("bench input {}: {e}", path.display()))
}

/// The example submissions of examples/nanchang-2021/submissions, sorted by file name.
pub fn example_submissions() -> Vec<(String, String)> {
    let dir = repo().join("examples/nanchang-2021/submissions");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (name, text)
        })
        .collect()
}

/// A small deterministic generator (64-bit LCG, Knuth's constants): the same inputs every run.
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Self {
        Lcg(seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407))
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() as usize) % items.len()]
    }
}

fn set(doc: &mut Value, pointer: &str, value: Value) {
    if let Some(slot) = doc.pointer_mut(pointer) {
        *slot = value;
    }
}

/// The units of the built-in notice, official names and aliases both (湾里区 → 湾里管理局).
const UNITS: &[&str] = &[
    "东湖区",
    "西湖区",
    "青云谱区",
    "青山湖区",
    "新建区",
    "红谷滩区",
    "南昌县",
    "进贤县",
    "安义县",
    "湾里管理局",
    "湾里区",
    "南昌高新区",
    "南昌经开区",
    "小蓝经开区",
];

/// Submission `i` of a synthetic batch: an example (round robin) with the unit, counts,
/// satisfaction, the participants' unit and qualifier, and the submission time varied.
/// Some come late, some in another unit's name; all are valid JSON submissions.
pub fn synthesise(examples: &[Value], i: usize) -> Value {
    let mut rng = Lcg::new(i as u64);
    let mut doc = examples[i % examples.len()].clone();
    let unit = *rng.pick(UNITS);
    set(&mut doc, "/summary/host_unit", Value::from(unit));
    let total = rng.range(5, 20);
    set(&mut doc, "/summary/participation/units_total", Value::from(total));
    set(&mut doc, "/summary/participation/units_participating", Value::from(rng.range(1, total)));
    set(&mut doc, "/summary/participation/sub_venues", Value::from(rng.range(0, 40)));
    let person_unit = if rng.next().is_multiple_of(2) { "人次" } else { "人" };
    let participants = if rng.next().is_multiple_of(3) {
        serde_json::json!({"value": rng.range(1, 90) * 1000, "qualifier": "approx", "unit": person_unit})
    } else {
        serde_json::json!({"value": rng.range(100, 200_000), "unit": person_unit})
    };
    set(&mut doc, "/summary/participation/participants", participants);
    set(&mut doc, "/summary/publicity/text_reports", Value::from(rng.range(0, 80)));
    set(&mut doc, "/summary/publicity/image_reports", Value::from(rng.range(0, 120)));
    let satisfaction = rng.range(800, 1000) as f64 / 10.0;
    set(&mut doc, "/summary/reach/satisfaction", Value::from(satisfaction));
    let day = rng.range(29, 38); // 2021-11-29 … 2021-12-08 (deadline 2021-12-05)
    let at = if day <= 30 {
        format!("2021-11-{day:02}T{:02}:{:02}:00+08:00", rng.range(8, 18), rng.range(0, 59))
    } else {
        format!("2021-12-{:02}T{:02}:{:02}:00+08:00", day - 30, rng.range(8, 18), rng.range(0, 59))
    };
    set(&mut doc, "/submitted_at", Value::from(at));
    doc
}

/// The example submissions parsed, for [`synthesise`].
pub fn example_values() -> Vec<Value> {
    example_submissions()
        .into_iter()
        .map(|(name, text)| serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}")))
        .collect()
}

/// Quantity strings in the style of tests/vectors/text/quantity.json and the corpus: every
/// case text of the vectors, then the same texts with their ASCII digits re-drawn, up to `n`.
pub fn quantity_strings(n: usize) -> Vec<String> {
    let doc: Value =
        serde_json::from_str(&read("tests/vectors/text/quantity.json")).expect("quantity vectors");
    let base: Vec<String> = doc["cases"]
        .as_array()
        .map(|cases| cases.iter().filter_map(|c| c["text"].as_str().map(str::to_owned)).collect())
        .unwrap_or_default();
    assert!(!base.is_empty(), "no quantity vectors");
    let mut rng = Lcg::new(7);
    (0..n)
        .map(|i| {
            let text = &base[i % base.len()];
            if i < base.len() {
                return text.clone();
            }
            let mut first = true;
            text.chars()
                .map(|c| {
                    if c.is_ascii_digit() {
                        // keep a leading digit non-zero so "0" prefixes do not appear
                        let d = if first { rng.range(1, 9) } else { rng.range(0, 9) };
                        first = false;
                        char::from(b'0' + d as u8)
                    } else {
                        first = true;
                        c
                    }
                })
                .collect()
        })
        .collect()
}

/// Prints one line per benchmark of `group` from criterion's estimates (median, and per item
/// when `items` is given), so a run ends with the numbers BENCHMARKS.md quotes.
pub fn print_summary(group: &str, ids: &[(&str, Option<u64>)]) {
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| repo().join("target"));
    println!("\n== summary: {group} (median of criterion's samples)");
    for (id, items) in ids {
        let path = target.join("criterion").join(group).join(id).join("new/estimates.json");
        let Some(median_ns) = std::fs::read_to_string(&path)
            .ok()
            .and_then(|t| serde_json::from_str::<Value>(&t).ok())
            .and_then(|v| v["median"]["point_estimate"].as_f64())
        else {
            println!("{group}/{id}: (no estimate at {})", path.display());
            continue;
        };
        match items {
            Some(n) => println!(
                "{group}/{id}: median {} total, {} per item",
                human(median_ns),
                human(median_ns / *n as f64)
            ),
            None => println!("{group}/{id}: median {}", human(median_ns)),
        }
    }
}

/// criterion's median (ns) of `group/id` from this run's estimates.
pub fn median(group: &str, id: &str) -> Option<f64> {
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| repo().join("target"));
    let path = target.join("criterion").join(group).join(id).join("new/estimates.json");
    std::fs::read_to_string(&path)
        .ok()
        .and_then(|t| serde_json::from_str::<Value>(&t).ok())
        .and_then(|v| v["median"]["point_estimate"].as_f64())
}

/// Prints `a / b` of two benchmarks of `group`, measured in this run.
pub fn print_ratio(group: &str, label: &str, a: &str, b: &str) {
    match (median(group, a), median(group, b)) {
        (Some(x), Some(y)) => {
            println!("{group}: {label}: {a} / {b} = {:.2}× ({} vs {})", x / y, human(x), human(y))
        }
        _ => println!("{group}: {label}: (no estimate)"),
    }
}

/// Nanoseconds in a readable unit.
pub fn human(ns: f64) -> String {
    if ns >= 1e9 {
        format!("{:.3} s", ns / 1e9)
    } else if ns >= 1e6 {
        format!("{:.3} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.2} µs", ns / 1e3)
    } else {
        format!("{ns:.0} ns")
    }
}
