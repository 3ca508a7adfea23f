#!/usr/bin/env bash
# The Python package (bindings-py): builds the abi3 wheel with maturin, installs it into a venv,
# and runs the pytest suite (the shared vectors, hostile inputs, the Python surface),
# `mypy --strict` on the example, stubtest, and the example script itself.
# Caches (venv, wheel) live under ${LW_CACHE:-$HOME/.cache/learning-week}; CARGO_TARGET_DIR is
# respected (cargo reads it). Called by scripts/test-all.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/python.sh
. scripts/lib/python.sh
root=$(pwd)
cache="${LW_CACHE:-$HOME/.cache/learning-week}"
venv="$cache/venv-py"
py="$venv/bin/python"
wheels="$cache/wheels-py"
t0=$(date +%s)
export MYPY_CACHE_DIR="$cache/mypy-cache"

echo "== python venv ($venv)"
lw_venv "$venv" "${LW_PY_PINS[@]}"

echo "== maturin build --release (abi3 wheel)"
wheel=$(lw_wheel "$venv" "$wheels")
echo "built $(basename "$wheel")"

# The checks below all run; the script fails at the end if any did.
failed=()
step() {
  local name=$1
  shift
  echo "== $name"
  "$@" || failed+=("$name")
}
# The office import fixtures (python-docx / openpyxl write them); test-all.sh has made them already.
if [ -z "${LW_OFFICE_FIXTURES:-}" ]; then
  LW_OFFICE_FIXTURES="$(bash scripts/office-fixtures.sh)"
  export LW_OFFICE_FIXTURES
fi
# The CLI, for the inbox parity test (Python and the CLI roll one folder up alike).
cargo build -q --locked -p learning-week-cli
export LW_CLI="${CARGO_TARGET_DIR:-$root/target}/debug/learning-week"
step "pytest (bindings-py/tests)" "$py" -m pytest -q -p no:cacheprovider bindings-py/tests
step "mypy --strict examples/python/city_rollup.py" "$venv/bin/mypy" --strict examples/python/city_rollup.py
step "mypy --strict -p learning_week" "$venv/bin/mypy" --strict -p learning_week
step "stubtest learning_week" "$py" -m mypy.stubtest learning_week
step "examples/python/city_rollup.py" "$py" examples/python/city_rollup.py "$root/examples/nanchang-2021"

echo "python: done in $(( $(date +%s) - t0 )) s"
if [ ${#failed[@]} -gt 0 ]; then
  printf 'python: FAILED: %s\n' "${failed[@]}" >&2
  exit 1
fi
