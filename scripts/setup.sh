#!/usr/bin/env bash
# Installs everything the test suite needs that a fresh machine of this kind lacks (it has the Rust
# toolchain by rustup, Python 3.11 and Node 20), idempotently: a second run only checks.
#
#   rustup: components rustfmt + clippy, target wasm32-unknown-unknown, toolchain nightly (minimal)
#   cargo:  wasm-bindgen-cli at the exact version of Cargo.lock's wasm-bindgen, cargo-fuzz
#   apt:    chromium, chromium-driver, fonts-wqy-microhei (only the ones missing)
#   npm:    bindings-wasm/ and schemas/conformance/ node_modules from their package-lock.json (npm ci);
#           esbuild + vite for the package test into $LW_CACHE/wasm/package-tools; binaryen's
#           wasm-opt (bindings-wasm/tools/binaryen) into $LW_CACHE/wasm/binaryen
#   pip:    the Python venvs (maturin, pytest, mypy, pandas, python-docx, openpyxl, jsonschema; pinned)
#
# Caches live outside the clone: ${LW_CACHE:-$HOME/.cache/learning-week} (venvs, wheels, browser
# profile, fixtures) and $CARGO_HOME/bin (the cargo tools). Called first by scripts/test-all.sh.
# A step that cannot run (no network to a registry, no apt rights) stops with one line saying
# what is missing and how to get it; the tool's own output is kept in $LW_CACHE/setup.log.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
cache="${LW_CACHE:-$HOME/.cache/learning-week}"
mkdir -p "$cache"
log="$cache/setup.log"
: >"$log"
cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$cargo_bin:$PATH"
t0=$(date +%s)

# need WHAT HOW CMD...: runs CMD with its output in the log; on failure prints one line —
# what could not be installed and how to install it by hand — and exits 3.
need() {
  local what=$1 how=$2
  shift 2
  echo "setup: $what" >&2
  if ! "$@" >>"$log" 2>&1; then
    echo "setup: FAILED to install $what — $how (tool output: $log, last line: $(tail -n 1 "$log"))" >&2
    exit 3
  fi
}

# ---- rustup ---------------------------------------------------------------------------------
command -v rustup >/dev/null 2>&1 ||
  { echo "setup: rustup not found — install the Rust toolchain from https://rustup.rs" >&2; exit 3; }
for c in rustfmt clippy; do
  rustup component list --installed 2>/dev/null | grep -q "^$c" ||
    need "rustup component $c" "run: rustup component add $c (needs static.rust-lang.org)" \
      rustup component add "$c"
done
rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown ||
  need "rustup target wasm32-unknown-unknown" \
    "run: rustup target add wasm32-unknown-unknown (needs static.rust-lang.org)" \
    rustup target add wasm32-unknown-unknown
rustup toolchain list 2>/dev/null | grep -q '^nightly' ||
  need "rustup toolchain nightly (for cargo-fuzz)" \
    "run: rustup toolchain install nightly --profile minimal (needs static.rust-lang.org)" \
    rustup toolchain install nightly --profile minimal

# ---- cargo tools ----------------------------------------------------------------------------
# The wasm-bindgen CLI must be the very version of the wasm-bindgen crate that Cargo.lock resolved.
wb_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$wb_version" ] || { echo "setup: wasm-bindgen not found in Cargo.lock" >&2; exit 3; }
install_wasm_bindgen() {
  # `cargo install --locked` of the published crate pins webpki-roots 1.0.11, which the registry
  # this machine reaches does not serve: unpack the .crate, move that one pin back, install.
  local src
  src=$(mktemp -d)
  curl -sSfL -o "$src/cli.crate" \
    "https://static.crates.io/crates/wasm-bindgen-cli/wasm-bindgen-cli-$wb_version.crate"
  tar -xzf "$src/cli.crate" -C "$src"
  (
    cd "$src/wasm-bindgen-cli-$wb_version"
    if grep -q '^name = "webpki-roots"' Cargo.lock; then
      cargo update -q -p webpki-roots --precise 1.0.10 || true
    fi
    CARGO_TARGET_DIR="$src/target" cargo install -q --path . --locked --root "${CARGO_HOME:-$HOME/.cargo}"
  )
  rm -rf "$src"
}
[ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$wb_version" ] ||
  need "wasm-bindgen-cli $wb_version (about 2 min, once; into $cargo_bin)" \
    "it builds from static.crates.io/crates/wasm-bindgen-cli/wasm-bindgen-cli-$wb_version.crate; see docs/TOOLCHAIN facts" \
    install_wasm_bindgen
command -v cargo-fuzz >/dev/null 2>&1 ||
  need "cargo-fuzz (about 1 min, once; into $cargo_bin)" \
    "run: cargo install cargo-fuzz --locked (needs crates.io)" \
    cargo install -q cargo-fuzz --locked

# ---- apt: Chromium for the browser tests, a CJK font for readable screenshots ----------------
apt_pkgs=()
[ -x /usr/bin/chromium ] || apt_pkgs+=(chromium chromium-driver)
fc-list :lang=zh 2>/dev/null | grep -q . || apt_pkgs+=(fonts-wqy-microhei)
if [ ${#apt_pkgs[@]} -gt 0 ]; then
  sudo_=""
  [ "$(id -u)" -eq 0 ] || sudo_="sudo"
  apt_install() {
    export DEBIAN_FRONTEND=noninteractive
    $sudo_ apt-get update -qq && $sudo_ apt-get install -y -qq --no-install-recommends "${apt_pkgs[@]}"
  }
  need "apt packages ${apt_pkgs[*]}" \
    "run: sudo apt-get install --no-install-recommends ${apt_pkgs[*]} (needs Debian's mirrors and root)" \
    apt_install
fi

# ---- npm: the WASM package's dev dependencies, exactly as package-lock.json says ------------
if ! cmp -s bindings-wasm/package-lock.json bindings-wasm/node_modules/.package-lock.json.copy 2>/dev/null; then
  npm_ci() {
    (cd bindings-wasm && npm ci --no-audit --no-fund --loglevel=error &&
      cp package-lock.json node_modules/.package-lock.json.copy)
  }
  need "npm ci in bindings-wasm/ (typescript, playwright-core)" \
    "run: (cd bindings-wasm && npm ci) (needs registry.npmjs.org)" npm_ci
fi

# The schema conformance check's ajv (schemas/conformance/package-lock.json).
if ! cmp -s schemas/conformance/package-lock.json schemas/conformance/node_modules/.package-lock.json.copy 2>/dev/null; then
  npm_ci_schemas() {
    (cd schemas/conformance && npm ci --no-audit --no-fund --loglevel=error &&
      cp package-lock.json node_modules/.package-lock.json.copy)
  }
  need "npm ci in schemas/conformance/ (ajv, ajv-formats)" \
    "run: (cd schemas/conformance && npm ci) (needs registry.npmjs.org)" npm_ci_schemas
fi

# The bundlers the npm package test builds a page with (bindings-wasm/tests/package/tools, exact
# versions), into the cache: the test installs them itself too when run alone.
tools_src=bindings-wasm/tests/package/tools
tools="$cache/wasm/package-tools"
if ! cmp -s "$tools_src/package-lock.json" "$tools/package-lock.json" 2>/dev/null ||
   [ ! -x "$tools/node_modules/.bin/vite" ] || [ ! -x "$tools/node_modules/.bin/esbuild" ]; then
  npm_ci_tools() {
    mkdir -p "$tools" && cp "$tools_src/package.json" "$tools_src/package-lock.json" "$tools/" &&
      (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
  }
  need "npm ci of esbuild + vite into $tools" \
    "run: mkdir -p $tools && cp $tools_src/package*.json $tools/ && (cd $tools && npm ci) (needs registry.npmjs.org)" npm_ci_tools
fi

# binaryen's wasm-opt (pinned in bindings-wasm/tools/binaryen), which scripts/test-wasm.sh runs
# over the first module (issue 21: −1.8 % gzipped with `-O1 --converge --code-folding`).
binaryen_src=bindings-wasm/tools/binaryen
binaryen="$cache/wasm/binaryen"
if ! cmp -s "$binaryen_src/package-lock.json" "$binaryen/package-lock.json" 2>/dev/null ||
   [ ! -x "$binaryen/node_modules/.bin/wasm-opt" ]; then
  npm_ci_binaryen() {
    mkdir -p "$binaryen" && cp "$binaryen_src/package.json" "$binaryen_src/package-lock.json" "$binaryen/" &&
      (cd "$binaryen" && npm ci --no-audit --no-fund --loglevel=error)
  }
  need "npm ci of binaryen (wasm-opt) into $binaryen" \
    "run: mkdir -p $binaryen && cp $binaryen_src/package*.json $binaryen/ && (cd $binaryen && npm ci) (needs registry.npmjs.org)" npm_ci_binaryen
fi

# ---- pip: the venvs (each script re-checks its pins; this installs them up front) ------------
# shellcheck source=lib/python.sh
. scripts/lib/python.sh
need "python venv for the office fixtures ($cache/venv-fixtures)" \
  "needs python3.11 with venv and pypi.org; run: python3 -m venv $cache/venv-fixtures" \
  lw_venv "$cache/venv-fixtures" "${LW_FIXTURE_PINS[@]}"
need "python venv for the package tests ($cache/venv-py)" \
  "needs python3.11 with venv and pypi.org; run: python3 -m venv $cache/venv-py" \
  lw_venv "$cache/venv-py" "${LW_PY_PINS[@]}"

schema_venv() {
  local venv="$cache/venv-schema" req=schemas/conformance/requirements.txt
  if [ ! -x "$venv/bin/python" ] || ! cmp -s "$req" "$venv/requirements.txt"; then
    rm -rf "$venv"
    "$(command -v python3.11 || command -v python3)" -m venv "$venv" &&
      "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req" &&
      cp "$req" "$venv/requirements.txt"
  fi
}
need "python venv for the schema conformance check ($cache/venv-schema)" \
  "needs python3.11 with venv and pypi.org (schemas/conformance/requirements.txt)" schema_venv

echo "setup: ready in $(( $(date +%s) - t0 )) s (caches: $cache, $cargo_bin; root $root)" >&2
