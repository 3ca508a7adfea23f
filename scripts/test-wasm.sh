#!/usr/bin/env bash
# Builds and tests the WebAssembly package (bindings-wasm/) from a fresh machine:
#   wasm32 target, wasm-bindgen CLI (the exact version of the wasm-bindgen crate in Cargo.lock),
#   npm dev dependencies (npm ci), binaryen's wasm-opt, Chromium from Debian if absent; then the
#   wasm build for the web (ES module) and Node (CommonJS) into bindings-wasm/pkg/ (wasm-opt over
#   both modules), the Node suite (every shared vector, hostile inputs through every export,
#   parity with the Rust CLI), `tsc --strict` over a file that uses every export, the browser
#   test of the 总结表 form, the browser test of the roll-up's HTML report (made by the Rust CLI),
#   the npm package packed, installed and bundled (bindings-wasm/tests/package/run.sh), and the
#   gzipped sizes of the two modules.
#
#   scripts/test-wasm.sh               everything
#   scripts/test-wasm.sh --build-only  build bindings-wasm/pkg/ and stop
#
# Respects CARGO_TARGET_DIR. Browser profile, screenshots and downloads go to
# ${LW_CACHE:-$HOME/.cache/learning-week}/wasm. scripts/test-all.sh may call it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
t0=$(date +%s)
step() { echo "== wasm: $* ($(( $(date +%s) - t0 )) s)"; }

cache="${LW_CACHE:-$HOME/.cache/learning-week}/wasm"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
pkg="$root/bindings-wasm/pkg"
mkdir -p "$cache"

# ---- tools (scripts/setup.sh installs them; test-all.sh runs it first) ----------------------
step "toolchain"
bash scripts/setup.sh
cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$cargo_bin:$PATH"
wb_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

# ---- build --------------------------------------------------------------------------------
# Two modules (issue 21): `learning_week` (bindings-wasm: validation, validateField, the roll-up,
# the text parsers), the one a form loads first, and `learning_week_office` (bindings-wasm/office:
# Word / Excel / .doc import, the .docx export, the notice reader, the division registry, the
# inbox), which a page loads on demand. Two cargo runs, so the office features of core never
# reach the first module (one run would unify the features of both crates).
wasm_dir="$target_dir/wasm32-unknown-unknown/wasm"
step "cargo build --target wasm32-unknown-unknown --profile wasm (learning_week)"
cargo build -q --locked -p learning-week-wasm --target wasm32-unknown-unknown --profile wasm
step "cargo build --target wasm32-unknown-unknown --profile wasm (learning_week_office)"
cargo build -q --locked -p learning-week-wasm-office --target wasm32-unknown-unknown --profile wasm

step "wasm-bindgen $wb_version (web + nodejs, both modules)"
rm -rf "$pkg"
for m in learning_week learning_week_office; do
  for t in web nodejs; do
    out="$pkg/${t%js}"   # web → pkg/web, nodejs → pkg/node
    wasm-bindgen "$wasm_dir/${m/learning_week/learning_week_wasm}.wasm" --target "$t" --out-dir "$out" \
      --out-name "$m" --remove-name-section
  done
done
# wasm-opt over both modules, with the passes that shrink them gzipped (BENCHMARKS.md, "The
# first module, issue 21 (stop 19)"): `-O1 --converge --code-folding`. Not `-Oz` / `-Os` / `-O2`:
# they make the first module smaller raw but larger gzipped (+7 %), gzipped being what a page
# downloads.
step "wasm-opt -O1 --converge --code-folding (both modules, web + nodejs)"
wasm_opt="$cache/binaryen/node_modules/.bin/wasm-opt"
for m in learning_week learning_week_office; do
  for t in web node; do
    "$wasm_opt" --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
      --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue \
      -O1 --converge --code-folding "$pkg/$t/${m}_bg.wasm" -o "$pkg/$t/${m}_bg.wasm"
  done
done

# pkg/ as one npm package (package.json with the exports map, the Node ES module face); the web
# build keeps its own {"type": "module"} (the package root stays CommonJS, pitfall 4).
node bindings-wasm/scripts/package-pkg.mjs "$pkg"

raw=$(wc -c <"$pkg/web/learning_week_bg.wasm")
gz=$(gzip -9 -c "$pkg/web/learning_week_bg.wasm" | wc -c)
office_raw=$(wc -c <"$pkg/web/learning_week_office_bg.wasm")
office_gz=$(gzip -9 -c "$pkg/web/learning_week_office_bg.wasm" | wc -c)
echo "wasm size: learning_week $raw bytes, gzipped $gz bytes ($(( gz / 1024 )) KiB; goal ≤ 150 KiB);" \
  "learning_week_office (on demand) $office_raw bytes, gzipped $office_gz bytes ($(( office_gz / 1024 )) KiB)"
if [ "${1:-}" = "--build-only" ]; then
  exit 0
fi

# ---- tests (each runs even when an earlier one failed; the exit status says if any did) ----
failures=()
run() { local name=$1; shift; step "$name"; "$@" || failures+=("$name"); }

run "types.d.ts up to date with schemas/" node bindings-wasm/scripts/gen-types.mjs --check

step "Rust CLI for the parity check"
cargo build -q --locked -p learning-week-cli
export LW_CLI="$target_dir/debug/learning-week"
export LW_WASM_PKG="$pkg"

# The office import fixtures (python-docx writes them) for importDocx; test-all.sh made them already.
if [ -z "${LW_OFFICE_FIXTURES:-}" ]; then
  LW_OFFICE_FIXTURES="$(bash scripts/office-fixtures.sh)"
  export LW_OFFICE_FIXTURES
fi

run "node --test" node --test bindings-wasm/tests/
run "tsc --noEmit --strict" bindings-wasm/node_modules/.bin/tsc -p bindings-wasm/tests/tsconfig.json
export LW_BROWSER_DIR="$cache/browser"
# python-docx reads back the .docx the form downloads (the venv scripts/office-fixtures.sh made).
export LW_DOCX_PYTHON="${LW_DOCX_PYTHON:-${LW_CACHE:-$HOME/.cache/learning-week}/venv-fixtures/bin/python}"
run "browser: the 总结表 form in Chromium" node bindings-wasm/tests/browser/form.browser.mjs
# The roll-up's HTML report (core's export, made by the CLI): SVG charts at A4 width, no network,
# hostile names as text; screenshots and an A4 PDF under $LW_BROWSER_DIR/report/.
run "browser: the roll-up HTML report in Chromium" node bindings-wasm/tests/browser/report.browser.mjs

# The npm package as a front-end developer installs it: npm pack, a fresh project, Node ESM + CJS,
# tsc --strict (bundler and nodenext), a page bundled by esbuild and by vite opened in Chromium.
run "npm package: pack, install, import, tsc, esbuild + vite in Chromium" bash bindings-wasm/tests/package/run.sh "$pkg"

echo "wasm size: learning_week gzipped $gz bytes ($(( gz / 1024 )) KiB; goal ≤ 150 KiB), learning_week_office gzipped $office_gz bytes ($(( office_gz / 1024 )) KiB, loaded on demand)"
if [ ${#failures[@]} -gt 0 ]; then
  echo "wasm: FAILED: ${failures[*]} ($(( $(date +%s) - t0 )) s)" >&2
  exit 1
fi
echo "wasm: all passed in $(( $(date +%s) - t0 )) s"
