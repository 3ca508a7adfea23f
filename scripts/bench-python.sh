#!/usr/bin/env bash
# Python benchmark (BENCHMARKS.md): builds the abi3 wheel with maturin (release) into a venv of
# its own that also holds pydantic v2 and jsonschema, then runs bindings-py/benches/bench_validate.py
# (learning_week.validate vs pydantic v2 — a rich and a lean model — vs pure-Python jsonschema, same documents,
# ratios from the same run). Prints; asserts nothing about time.
#
#   scripts/bench-python.sh [--docs N] [--batch N] [--repeat N]   (arguments go to the script)
#
# Cache: ${LW_CACHE:-$HOME/.cache/learning-week}/venv-bench; respects CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/python.sh
. scripts/lib/python.sh
cache="${LW_CACHE:-$HOME/.cache/learning-week}"
venv="$cache/venv-bench"
py="$venv/bin/python"
wheels="$cache/wheels-bench"

# maturin as in scripts/test-python.sh; jsonschema as in schemas/conformance/requirements.txt.
pins=(maturin==1.16.0 pydantic==2.12.5 jsonschema==4.26.0)
lw_venv "$venv" "${pins[@]}"

echo "== maturin build --release (abi3 wheel)"
lw_wheel "$venv" "$wheels" >/dev/null

echo "== bindings-py/benches/bench_validate.py"
"$py" bindings-py/benches/bench_validate.py "$@"

echo "== bindings-py/benches/bench_notice.py (a notice compiled once vs the built-in)"
"$py" bindings-py/benches/bench_notice.py
