#!/usr/bin/env bash
# Writes the office import fixtures (tests/vectors/office/fixtures.json) as .docx / .xlsx with
# python-docx and openpyxl — an independent writer — into a build folder, and prints that folder
# (export it as LW_OFFICE_FIXTURES for core/tests/office_fixtures.rs, the Python and WASM suites).
# Venv and output under ${LW_CACHE:-$HOME/.cache/learning-week}. Called by scripts/test-all.sh,
# test-python.sh and test-wasm.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/python.sh
. scripts/lib/python.sh
cache="${LW_CACHE:-$HOME/.cache/learning-week}"
venv="$cache/venv-fixtures"
out="${LW_OFFICE_FIXTURES:-$cache/office-fixtures}"
lw_venv "$venv" "${LW_FIXTURE_PINS[@]}"
rm -rf "$out"
"$venv/bin/python" tests/fixtures/make_office_fixtures.py "$out" >&2
echo "$out"
