#!/usr/bin/env bash
# Runs the cargo-fuzz targets (fuzz/, nightly toolchain) one after another, each for SECONDS
# (default 60), seeded from the shared vectors and examples. Any crash or hang fails the run and
# leaves the input under fuzz/artifacts/<target>/. docs/fuzzing.md records the long runs.
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"; shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(validate text labels aggregate office notice); fi

# nightly and cargo-fuzz: scripts/setup.sh installs them (once; a second run only checks).
bash scripts/setup.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

work="${FUZZ_WORK:-${CARGO_TARGET_DIR:-$PWD/target}/fuzz-work}"
mkdir -p "$work"
# The office target is seeded with the python-docx / openpyxl fixtures.
if [ -z "${LW_OFFICE_FIXTURES:-}" ]; then
  LW_OFFICE_FIXTURES="$(bash scripts/office-fixtures.sh)"
  export LW_OFFICE_FIXTURES
fi
python3 fuzz/seed.py "$work/seed"
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-${CARGO_TARGET_DIR:-$PWD/target}/fuzz}"

for t in "${targets[@]}"; do
  corpus="$work/corpus/$t"
  mkdir -p "$corpus" "fuzz/artifacts/$t"
  cp -n "$work/seed/corpus/$t/"* "$corpus/" 2>/dev/null || true
  echo "== fuzz $t for ${seconds}s (corpus: $(ls "$corpus" | wc -l) inputs)"
  status=0
  cargo +nightly fuzz run --fuzz-dir fuzz "$t" "$corpus" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -dict="$work/seed/dict.txt" -print_final_stats=1 >"$work/$t.log" 2>&1 || status=$?
  grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|SUMMARY|==[0-9]+==ERROR)' "$work/$t.log" || true
  if [ "$status" -ne 0 ]; then
    echo "fuzz target $t failed; see $work/$t.log and fuzz/artifacts/$t/" >&2
    exit 1
  fi
done
echo "fuzz: all targets ran clean"
