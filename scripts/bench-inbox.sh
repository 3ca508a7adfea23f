#!/usr/bin/env bash
# Inbox benchmark (issue 17): a folder of N filled Word 总结表 (python-docx copies of the office
# fixtures, each with its own unit and figure: tests/fixtures/make_bench_inbox.py) rolled up by
# the release CLI and by Python (`lw.aggregate(Path(folder))`), best of 5 runs each. Prints;
# asserts nothing about time.
#
#   scripts/bench-inbox.sh [N]        (default 500)
#
# Venv and wheel as scripts/test-python.sh (${LW_CACHE:-$HOME/.cache/learning-week}); respects
# CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/python.sh
. scripts/lib/python.sh
n="${1:-500}"
root=$(pwd)
cache="${LW_CACHE:-$HOME/.cache/learning-week}"
venv="$cache/venv-py"
lw_venv "$venv" "${LW_PY_PINS[@]}"
fixtures="$(bash scripts/office-fixtures.sh)"
folder="$(mktemp -d)/inbox"
trap 'rm -rf "$(dirname "$folder")"' EXIT
"$venv/bin/python" tests/fixtures/make_bench_inbox.py "$fixtures" "$folder" "$n"

echo "== cargo build --release -p learning-week-cli"
cargo build -q --release --locked -p learning-week-cli
cli="${CARGO_TARGET_DIR:-$root/target}/release/learning-week"
best=""
for _ in 1 2 3 4 5; do
  s=$( { /usr/bin/env time -f "%e" "$cli" aggregate --format json "$folder" >/dev/null; } 2>&1 )
  if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s; fi
done
echo "cli aggregate: $n files in $best s (best of 5)"

echo "== maturin build --release (abi3 wheel)"
lw_wheel "$venv" "$cache/wheels-py" >/dev/null
"$venv/bin/python" bindings-py/benches/bench_inbox.py "$folder"
