#!/usr/bin/env bash
# Writes the office import fixtures (tests/vectors/office/fixtures.json) as .docx / .xlsx with
# python-docx and openpyxl — an independent writer — into a build folder, and prints that folder
# (export it as LW_OFFICE_FIXTURES for core/tests/office_fixtures.rs, the Python and WASM suites).
# Venv and output under ${LW_CACHE:-$HOME/.cache/learning-week}. Called by scripts/test-all.sh,
# test-python.sh and test-wasm.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
cache="${LW_CACHE:-$HOME/.cache/learning-week}"
venv="$cache/venv-fixtures"
out="${LW_OFFICE_FIXTURES:-$cache/office-fixtures}"
pins=(python-docx==1.2.0 openpyxl==3.1.5)
if [ ! -x "$venv/bin/python" ]; then
  "$(command -v python3.11 || command -v python3)" -m venv "$venv" >&2
fi
if [ "$(cat "$venv/.lw-pins" 2>/dev/null)" != "${pins[*]}" ]; then
  "$venv/bin/pip" install -q --disable-pip-version-check "${pins[@]}" >&2
  echo "${pins[*]}" >"$venv/.lw-pins"
fi
rm -rf "$out"
"$venv/bin/python" tests/fixtures/make_office_fixtures.py "$out" >&2
echo "$out"
