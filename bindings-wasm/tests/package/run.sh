#!/usr/bin/env bash
# The npm package as a front-end developer gets it: `npm pack` on bindings-wasm/pkg, the tarball
# installed into a fresh npm project, then
#   (a) Node ESM (`import init, { Validator } from "learning-week"`) and CommonJS (`require`);
#   (b) `tsc --strict` over browser code (moduleResolution "bundler") and Node code (nodenext,
#       .mts and .cts) against the installed types;
#   (c) a small page bundled by esbuild and by vite (exact versions in tools/package-lock.json),
#       the office module (learning-week/office) a dynamic import fetched only when asked,
#       each opened in headless Chromium: the .wasm must be fetched (200) and validate.
#
# Usage: bash bindings-wasm/tests/package/run.sh [PKG_DIR]   (scripts/test-wasm.sh runs it)
# The bundlers are installed by `npm ci` into ${LW_CACHE:-$HOME/.cache/learning-week}/wasm/package-tools
# (once; again only when tools/package-lock.json changes). The temp project is removed afterwards
# unless LW_KEEP_PACKAGE_TEST=1.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
wasm_dir=$(cd "$here/../.." && pwd)
pkg=$(cd "${1:-$wasm_dir/pkg}" && pwd)
cache="${LW_CACHE:-$HOME/.cache/learning-week}/wasm"
tools="$cache/package-tools"
export LW_BROWSER_DIR="${LW_BROWSER_DIR:-$cache/browser}"
tsc="$wasm_dir/node_modules/.bin/tsc"
t0=$(date +%s)
say() { echo "-- package: $* ($(( $(date +%s) - t0 )) s)"; }
die() { echo "package test: $*" >&2; exit 1; }

[ -f "$pkg/package.json" ] || die "$pkg/package.json is missing: build with scripts/test-wasm.sh --build-only (it runs bindings-wasm/scripts/package-pkg.mjs)"
[ -x "$tsc" ] || die "$tsc is missing: run 'npm ci' in bindings-wasm/ (scripts/setup.sh does)"

# ---- the bundlers, pinned, cached --------------------------------------------------------
mkdir -p "$tools"
if ! cmp -s "$here/tools/package-lock.json" "$tools/package-lock.json" || [ ! -x "$tools/node_modules/.bin/vite" ] \
   || [ ! -x "$tools/node_modules/.bin/esbuild" ]; then
  say "npm ci esbuild + vite into $tools"
  cp "$here/tools/package.json" "$here/tools/package-lock.json" "$tools/"
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error >"$tools/npm-ci.log" 2>&1) \
    || die "npm ci of the bundlers failed in $tools (registry unreachable?); its output: $tools/npm-ci.log"
fi
esbuild="$tools/node_modules/.bin/esbuild"
vite="$tools/node_modules/.bin/vite"

# ---- pack --------------------------------------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/lw-package-test.XXXXXX")
[ "${LW_KEEP_PACKAGE_TEST:-}" = 1 ] || trap 'rm -rf "$work"' EXIT
say "npm pack $pkg"
tgz=$(cd "$pkg" && npm pack --pack-destination "$work" --loglevel=error | tail -n 1)
[ -f "$work/$tgz" ] || die "npm pack wrote no tarball (said: $tgz)"
listing=$(tar -tzf "$work/$tgz" | sort)
for m in learning_week learning_week_office; do
  for f in package/package.json package/README.md package/web/$m.js package/web/$m.d.ts \
           package/web/${m}_bg.wasm package/node/$m.js package/node/$m.mjs \
           package/node/$m.d.ts package/node/$m.d.mts; do
    grep -qx "$f" <<<"$listing" || die "the tarball $tgz lacks $f; it holds: $(tr '\n' ' ' <<<"$listing")"
  done
done
# Nothing else rides along (a stray dev file, a wasm-bindgen leftover).
extra=$(grep -v -x -e 'package/package.json' -e 'package/README.md' -e 'package/web/[^/]*' -e 'package/node/[^/]*' <<<"$listing" || true)
[ -z "$extra" ] || die "the tarball $tgz holds files outside web/ and node/: $extra"
tar -xzOf "$work/$tgz" package/package.json | node -e '
  const m = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const bad = [];
  if (m.private) bad.push("\"private\": true");
  for (const k of ["name", "version", "exports", "types", "files"]) if (!m[k]) bad.push(`no "${k}"`);
  if (m.sideEffects !== false) bad.push(`sideEffects is ${JSON.stringify(m.sideEffects)}, not false`);
  for (const sub of [".", "./office"]) {
    const e = (m.exports || {})[sub] || {};
    for (const c of ["browser", "node", "default"]) if (!e[c]) bad.push(`exports["${sub}"] has no "${c}" condition`);
    if (!JSON.stringify(e).includes("types")) bad.push(`exports["${sub}"] has no types`);
  }
  for (const w of ["./learning_week_bg.wasm", "./learning_week_office_bg.wasm"]) if (!(m.exports || {})[w]) bad.push(`exports lists no "${w}"`);
  if (bad.length) { console.error("package test: the packed package.json: " + bad.join("; ")); process.exit(1); }
'
size=$(stat -c %s "$work/$tgz")
echo "package: $tgz $size bytes ($(( size / 1024 )) KiB packed, $(tar -tzvf "$work/$tgz" | awk '{s += $3} END {print int(s / 1024)}') KiB unpacked)"

# ---- a fresh project that installs the tarball ----------------------------------------------
say "npm install the tarball into a fresh project"
proj="$work/project"
cp -r "$here/project" "$proj"
echo '{"name": "lw-package-consumer", "version": "1.0.0", "private": true}' >"$proj/package.json"
(cd "$proj" && npm install --no-audit --no-fund --loglevel=error "$work/$tgz" >/dev/null) \
  || die "npm install $work/$tgz into $proj failed"

failures=()
check() { local name=$1; shift; say "$name"; (cd "$proj" && "$@") || failures+=("$name"); }
check "node ESM import" node esm.mjs
check "node CommonJS require" node cjs.cjs
check "tsc --strict, browser code (bundler resolution)" "$tsc" -p tsconfig.bundler.json
check "tsc --strict, Node code (nodenext, .mts + .cts)" "$tsc" -p tsconfig.node.json
check "esbuild $("$esbuild" --version)" bash -c "'$esbuild' app/main-esbuild.js --bundle --format=esm --platform=browser \
    --splitting --loader:.wasm=file --outdir=dist-esbuild --log-level=warning && cp app/index-esbuild.html dist-esbuild/index.html"
check "vite $(cd "$tools" && node -p 'require("vite/package.json").version')" \
  "$vite" build app --base ./ --outDir ../dist-vite --emptyOutDir --logLevel warn
check "Chromium: the esbuild and vite pages" node "$here/bundled.browser.mjs" "esbuild=$proj/dist-esbuild" "vite=$proj/dist-vite"

if [ ${#failures[@]} -gt 0 ]; then
  echo "package test FAILED: ${failures[*]} (project: $proj; LW_KEEP_PACKAGE_TEST=1 keeps it)" >&2
  exit 1
fi
say "all passed"
