#!/usr/bin/env bash
# Instruction counts per validation (valgrind --tool=callgrind), repeatable on a busy machine:
# runs core/examples/profile_validate once and 1+N times on the same input and prints
# (count(1+N) - count(1)) / N, i.e. the cost of one call without start-up and first-use costs.
#
#   scripts/callgrind-core.sh                      happy path, error path, one field, roll-up
#   scripts/callgrind-core.sh FILE [MODE [ARG]]    one input (MODE: --no-document | --text | --field POINTER | --aggregate | --aggregate-varied)
#
# Profiles stay in ${LW_CACHE:-$HOME/.cache/learning-week}/callgrind/ for callgrind_annotate.
# Respects CARGO_TARGET_DIR. Used for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
target_dir="${CARGO_TARGET_DIR:-$(pwd)/target}"
out="${LW_CACHE:-$HOME/.cache/learning-week}/callgrind"
mkdir -p "$out"
n=${LW_CALLGRIND_RUNS:-20}
cargo build -q --profile bench -p learning-week --example profile_validate
bin="$target_dir/release/examples/profile_validate"

count() { # label file runs [mode args...]
  local label=$1 file=$2 runs=$3
  shift 3
  valgrind --tool=callgrind --callgrind-out-file="$out/$label.$runs.out" "$bin" "$file" "$runs" "$@" 2>&1 |
    awk '/Collected :/ { print $NF }'
}
measure() { # label file [mode args...]
  local label=$1 file=$2
  shift 2
  local one many
  one=$(count "$label" "$file" 1 "$@")
  many=$(count "$label" "$file" $((n + 1)) "$@")
  printf '%-28s %12d instructions per call  (%s)\n' "$label" $(((many - one) / n)) "$out/$label.$((n + 1)).out"
}

if [ $# -gt 0 ]; then
  measure "$(basename "$1" .json)" "$@"
  exit 0
fi
measure happy examples/nanchang-2021/submissions/donghu.submission.json
measure happy-text examples/nanchang-2021/submissions/donghu.submission.json --text
measure happy-no-document examples/nanchang-2021/submissions/donghu.submission.json --no-document
measure error core/benches/data/error-path.submission.json
measure field examples/nanchang-2021/submissions/donghu.submission.json --field /summary/participation/participants
# --aggregate: the runs are the number of copies rolled up, so this is the cost per submission.
measure aggregate examples/nanchang-2021/submissions/donghu.submission.json --aggregate
