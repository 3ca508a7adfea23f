//! Runs every roll-up vector in `tests/vectors/aggregate/*.json` (the files the Python and JS
//! suites run too; the format is in that folder's README.md), and rolls up the 2021 Nanchang
//! example package.

use learning_week::aggregate::{aggregate, AggregateInput, AggregateOptions};
use learning_week::api::{self, AggregateRequest};
use learning_week::Notice;
use std::path::{Path, PathBuf};

mod common;
use common::{matches, vectors};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[test]
fn aggregate_vectors() {
    let vectors = vectors("aggregate");
    assert!(vectors.len() >= 15, "only {} aggregate vectors", vectors.len());
    let mut failures = Vec::new();
    for v in vectors {
        let name = v["name"].as_str().unwrap_or("?").to_owned();
        let request: AggregateRequest = serde_json::from_value(v.clone()).expect("a vector is a request");
        let answer = api::aggregate_value(&request);
        let Some(rollup) = answer.rollup else {
            failures.push(format!("{name}: no roll-up: {:?}", answer.diagnostics));
            continue;
        };
        assert!(rollup.accounting.is_balanced(), "{name}: accounting does not balance");
        let actual = serde_json::to_value(&rollup).expect("serialises");
        if let Err(e) = matches(&v["expect"], &actual, "") {
            failures.push(format!("{name}: {e}"));
        }
        // Every roll-up diagnostic is in the catalog and rendered.
        for d in rollup
            .accounting
            .rejected
            .iter()
            .chain(&rollup.accounting.superseded)
            .flat_map(|r| &r.diagnostics)
        {
            assert_eq!(d.render(learning_week::Lang::Zh), d.message, "{name}: {} does not re-render", d.code);
            assert!(!d.message.contains('{') || d.code == "json.syntax", "{name}: unrendered {}", d.message);
        }
    }
    assert!(failures.is_empty(), "{} vector(s) failed:\n{}", failures.len(), failures.join("\n"));
}

/// Reads every *.json under `dir` (sorted) as an input named by its path relative to the root.
fn folder_inputs(dir: &Path) -> Vec<AggregateInput> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> =
            std::fs::read_dir(dir).into_iter().flatten().filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "json") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(dir, &mut files);
    files
        .iter()
        .map(|f| {
            let id = f.strip_prefix(dir).unwrap_or(f).display().to_string();
            AggregateInput::text(Some(&id), std::fs::read_to_string(f).unwrap_or_default())
        })
        .collect()
}

#[test]
fn nanchang_2021_example_package() {
    let dir = root().join("examples/nanchang-2021");
    if !dir.join("submissions").is_dir() {
        eprintln!("examples/nanchang-2021 not present: skipped");
        return;
    }
    let inputs = folder_inputs(&dir);
    let r = aggregate(&Notice::nanchang_2021(), &inputs, &AggregateOptions::default());
    assert_eq!(r.expected_units, 13);
    assert_eq!(r.reported_units.len(), 12, "{:?}", r.reported_units);
    assert_eq!(r.missing_units, vec!["南昌小蓝经济技术开发区"]);
    assert_eq!(r.late_units.len(), 1);
    assert_eq!((r.late_units[0].unit.as_str(), r.late_units[0].days_late), ("进贤县", 3));
    assert_eq!(r.accounting.superseded.len(), 1);
    assert_eq!(r.accounting.superseded[0].unit.as_deref(), Some("西湖区"));
    assert_eq!(r.accounting.superseded[0].id.as_deref(), Some("submissions/xihu.v1.submission.json"));
    assert!(r.accounting.rejected.is_empty(), "{:#?}", r.accounting.rejected);
    assert_eq!(r.accounting.plans.len(), 13);
    assert!(r.accounting.is_balanced());
    assert!(r.reported_units.iter().any(|u| u == "湾里管理局"));
    // 青云谱区 wrote 约3.5万人次: the total stays approximate.
    assert_eq!(r.totals.participants.qualifier, learning_week::Qualifier::Approx);
    assert_eq!(r.totals.participants.unit.as_deref(), Some("人次"));
    // The city's own 总结表 passes validation as a city-level table.
    assert_eq!(r.city_summary_validation.errors, 0, "{:?}", r.city_summary_validation.codes);
    assert_eq!(r.city_summary.host_unit.as_deref(), Some("南昌市"));
    // Order does not matter.
    let mut reversed = inputs.clone();
    reversed.reverse();
    assert_eq!(aggregate(&Notice::nanchang_2021(), &reversed, &AggregateOptions::default()), r);
    let text = r.to_text(learning_week::Lang::Zh);
    assert!(text.contains("12/13"));
    assert!(text.contains("进贤县 3天"));
}
