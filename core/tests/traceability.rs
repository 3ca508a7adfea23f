//! docs/traceability.md and the rule catalog name the same codes, both ways.

use std::collections::BTreeSet;

#[test]
fn traceability_names_every_code_and_only_real_ones() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/traceability.md");
    let doc = std::fs::read_to_string(path).expect("docs/traceability.md exists");
    let catalog: BTreeSet<String> =
        learning_week::catalog::descriptors().into_iter().map(|r| r.code).collect();
    // Codes are the backticked tokens of the form `area.what` (lower snake case, one dot or more).
    let named: BTreeSet<String> = doc
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|t| {
            t.contains('.')
                && t.split('.')
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
        })
        .map(str::to_owned)
        .collect();
    let unknown: Vec<_> = named.difference(&catalog).collect();
    let unnamed: Vec<_> = catalog.difference(&named).collect();
    assert!(unknown.is_empty(), "docs/traceability.md names codes the catalog lacks: {unknown:?}");
    assert!(unnamed.is_empty(), "catalog codes missing from docs/traceability.md: {unnamed:?}");
}
