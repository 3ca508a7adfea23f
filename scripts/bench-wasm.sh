#!/usr/bin/env bash
# JS benchmark (BENCHMARKS.md): builds bindings-wasm/pkg (scripts/test-wasm.sh --build-only),
# installs ajv as the schema conformance check does (schemas/conformance), writes the benchmark
# documents (bindings-py/benches/documents.py, stdlib Python) and runs bindings-wasm/bench/bench.mjs:
# validateSubmission and validateField vs ajv, and the gzipped sizes of both .wasm modules (the
# first, loaded by a form, and the office module, loaded on demand). Prints only.
#
#   scripts/bench-wasm.sh [--no-build] [--repeat N]
set -euo pipefail
cd "$(dirname "$0")/.."
cache="${LW_CACHE:-$HOME/.cache/learning-week}"
mkdir -p "$cache"
if [ "${1:-}" = "--no-build" ]; then
  shift
else
  bash scripts/test-wasm.sh --build-only
fi
(cd schemas/conformance && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
docs="$cache/bench-documents.json"
python3 bindings-py/benches/documents.py --out "$docs" --n 1000
node bindings-wasm/bench/bench.mjs "$docs" "$@"

echo "== bindings-wasm/bench/notice.mjs (a notice compiled once vs the built-in)"
node bindings-wasm/bench/notice.mjs
