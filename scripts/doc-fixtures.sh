#!/usr/bin/env bash
# Rewrites the checked-in Word 97–2003 fixtures (tests/fixtures/doc/*.doc) from the python-docx
# fixtures, with LibreOffice (`soffice --headless --convert-to doc`) — a real third-party writer,
# never our code. The .doc files are kept in the repository so every suite runs them without
# LibreOffice; run this after changing tests/vectors/office/fixtures.json (apt install
# libreoffice-writer-nogui).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v soffice >/dev/null || { echo "doc-fixtures: soffice not found (apt install libreoffice-writer-nogui)" >&2; exit 3; }
src="$(bash scripts/office-fixtures.sh)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for name in 01-standard 03-messy-labels 09-split-table 16-work-summary; do
  cp "$src/$name.docx" "$work/"
done
(cd "$work" && soffice --headless --convert-to doc ./*.docx >/dev/null)
cp "$work"/*.doc tests/fixtures/doc/
ls -l tests/fixtures/doc/
