#!/usr/bin/env bash
# Writes the office import fixtures (tests/vectors/office/fixtures.json) as .docx / .xlsx with
# python-docx and openpyxl — an independent writer — into a build folder, and prints that folder
# (export it as LW_OFFICE_FIXTURES for core/tests/office_fixtures.rs, the Python and WASM suites).
# Venv and output under ${LW_CACHE:-$HOME/.cache/learning-week} (or the folder LW_OFFICE_FIXTURES names). Called by scripts/test-all.sh,
# test-python.sh and test-wasm.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/python.sh
. scripts/lib/python.sh
cache="${LW_CACHE:-$HOME/.cache/learning-week}"
venv="$cache/venv-fixtures"
lw_venv "$venv" "${LW_FIXTURE_PINS[@]}"
if [ -n "${LW_OFFICE_FIXTURES:-}" ]; then
  # A folder the caller named: written in place.
  out="$LW_OFFICE_FIXTURES"
  rm -rf "$out"
  "$venv/bin/python" tests/fixtures/make_office_fixtures.py "$out" >&2
  echo "$out"
  exit 0
fi
# The shared cache holds one folder per set of inputs (the writer, its spec, the seed notice and
# the pinned writers' versions), so suites of different checkouts running at once never empty
# each other's folder. A folder is written beside its final name and renamed into place: a
# reader sees a whole folder or none.
key="$(cat tests/fixtures/make_office_fixtures.py tests/vectors/office/fixtures.json \
  core/data/nanchang-2021.notice.txt scripts/office-fixtures.sh scripts/lib/python.sh \
  | sha256sum | cut -c1-16)"
out="$cache/office-fixtures/$key"
if [ ! -d "$out" ]; then
  mkdir -p "$cache/office-fixtures"
  tmp="$(mktemp -d "$cache/office-fixtures/.new-$key.XXXXXX")"
  "$venv/bin/python" tests/fixtures/make_office_fixtures.py "$tmp" >&2
  mv -T "$tmp" "$out" 2>/dev/null || rm -rf "$tmp" # another suite renamed the same inputs first
fi
echo "$out"
