#!/usr/bin/env bash
# Checks the JSON Schemas of schemas/ with two validators no one here wrote: every shared vector
# of tests/vectors/*.json whose verdict a schema can give is run through Python `jsonschema`
# (draft 2020-12, formats checked) and JS `ajv` (2020 mode, ajv-formats, strict), and both must
# agree with the library (the vectors' `expect`, which core/tests/vectors.rs asserts).
# Caches: the venv under ${LW_CACHE:-$HOME/.cache/learning-week}/venv-schema, node_modules in
# schemas/conformance (git-ignored). scripts/test-all.sh calls it.
set -euo pipefail
cd "$(dirname "$0")/.."

cache="${LW_CACHE:-$HOME/.cache/learning-week}"
venv="$cache/venv-schema"
req=schemas/conformance/requirements.txt

echo "== schema conformance: Python jsonschema"
mkdir -p "$cache"
# Reinstall only when requirements.txt changed since the venv was made.
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$req" "$venv/requirements.txt"; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req"
  cp "$req" "$venv/requirements.txt"
fi
py_status=0
"$venv/bin/python" schemas/conformance/check.py || py_status=$?

echo "== schema conformance: ajv"
if ! cmp -s schemas/conformance/package-lock.json schemas/conformance/node_modules/.package-lock.json.copy 2>/dev/null; then
  (cd schemas/conformance && npm ci --no-audit --no-fund --loglevel=error >/dev/null &&
    cp package-lock.json node_modules/.package-lock.json.copy)
fi
js_status=0
node schemas/conformance/check.mjs || js_status=$?

if [ "$py_status" -ne 0 ] || [ "$js_status" -ne 0 ]; then
  echo "schema conformance FAILED (python exit $py_status, ajv exit $js_status)" >&2
  exit 1
fi
echo "schema conformance: both validators agree with the library"
