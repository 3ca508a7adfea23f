# Sourced by the scripts that need a Python venv (test-python.sh, bench-python.sh,
# office-fixtures.sh): one way to make a pinned venv and to install the package's wheel.
# pip's and maturin's chatter goes to stderr, so a caller's stdout stays its own.

# The pins, once (scripts/setup.sh installs them up front; each script re-checks its own).
# python-docx and openpyxl are the independent writers of the office fixtures and the independent
# readers of the exported .docx and .xlsx; maturin 1.16 per the toolchain facts.
LW_FIXTURE_PINS=(python-docx==1.2.0 openpyxl==3.1.5)
LW_PY_PINS=(maturin==1.16.0 pytest==8.4.2 mypy==1.20.2 pandas==2.3.3 pandas-stubs==2.3.3.260113
  python-docx==1.2.0 openpyxl==3.1.5)

# lw_venv VENV PIN...: makes VENV with the machine's Python 3.11 (or python3) and installs the
# pinned packages, once per set of pins (stamped in VENV/.lw-pins).
lw_venv() {
  local venv=$1
  shift
  if [ ! -x "$venv/bin/python" ]; then
    "$(command -v python3.11 || command -v python3)" -m venv "$venv" >&2
  fi
  if [ "$(cat "$venv/.lw-pins" 2>/dev/null)" != "$*" ]; then
    "$venv/bin/python" -m pip install -q --disable-pip-version-check "$@" >&2
    echo "$*" >"$venv/.lw-pins"
  fi
}

# lw_wheel VENV WHEELS: builds the abi3 wheel of bindings-py/ with VENV's maturin into WHEELS
# (emptied first), installs it into VENV and prints the wheel's path.
lw_wheel() {
  local venv=$1 wheels=$2 wheel
  rm -rf "$wheels"
  "$venv/bin/maturin" build --release -q -i "$venv/bin/python" -m bindings-py/Cargo.toml --out "$wheels" >&2
  wheel=$(ls "$wheels"/learning_week-*-abi3-*.whl)
  "$venv/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps "$wheel" >&2
  echo "$wheel"
}
