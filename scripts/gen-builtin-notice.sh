#!/usr/bin/env bash
# Regenerates the built-in notice (core/data/nanchang-2021.notice.json) from the seed's text
# (core/data/nanchang-2021.notice.txt) read by the notice reader, plus the documented
# corrections (core/data/nanchang-2021.corrections.json). core/tests/notice_reading.rs checks
# that the checked-in file is exactly this output.
set -euo pipefail
cd "$(dirname "$0")/.."
out=core/data/nanchang-2021.notice.json
cargo run -q -p learning-week-cli -- notice read core/data/nanchang-2021.notice.txt \
  --corrections core/data/nanchang-2021.corrections.json --format json >"$out.new" 2>/dev/null || [ $? -eq 1 ]
mv "$out.new" "$out"
echo "wrote $out"
