//! The JSON Schemas checked in under `schemas/` are exactly what the code generates: a change to
//! the model, a rule or an example file that changes a schema fails here until they are
//! regenerated (`cargo run -p learning-week-cli -- schema --out schemas/`, from the repository root).

use learning_week::schema::{all_with_examples, file_text, Examples};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every `*.json` under `dir` as (path relative to `dir` with '/', text), as the CLI reads them.
fn example_files(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
    let mut paths: Vec<PathBuf> =
        std::fs::read_dir(dir).expect("example folder").filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            example_files(&p, root, out);
        } else if p.extension().is_some_and(|x| x == "json") {
            let rel = p.strip_prefix(root).expect("inside the folder");
            let name =
                rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
            out.push((name, std::fs::read_to_string(&p).expect("readable example")));
        }
    }
}

#[test]
fn checked_in_schemas_match_the_generated_ones() {
    let examples_dir = repo().join("examples/nanchang-2021");
    let mut files = Vec::new();
    example_files(&examples_dir, &examples_dir, &mut files);
    let schemas = all_with_examples(&Examples::from_files(&files));
    let dir = repo().join("schemas");

    let mut stale = Vec::new();
    for (name, schema) in &schemas {
        let on_disk = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        if on_disk != file_text(schema) {
            stale.push(format!("schemas/{name}"));
        }
    }
    let generated: Vec<&str> = schemas.iter().map(|(n, _)| *n).collect();
    let mut extra = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("schemas/ exists").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".schema.json") && !generated.contains(&name.as_str()) {
            extra.push(format!("schemas/{name}"));
        }
    }
    assert!(
        stale.is_empty() && extra.is_empty(),
        "JSON Schemas out of date: {stale:?}; not generated any more (delete them): {extra:?}.\n\
         Regenerate from the repository root with:\n    cargo run -p learning-week-cli -- schema --out schemas/\n\
         then run scripts/schema-conformance.sh"
    );
}
