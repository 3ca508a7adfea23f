"""The office fixtures (python-docx / openpyxl wrote them: scripts/office-fixtures.sh, folder in
LW_OFFICE_FIXTURES) through `SummaryTable.from_docx` / `from_xlsx`, judged against
tests/vectors/office/fixtures.json exactly as core/tests/office_fixtures.rs judges them."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import VECTORS, load

import learning_week as lw

SPEC = load(VECTORS / "office" / "fixtures.json")
FIXTURES: list[dict[str, Any]] = SPEC["fixtures"]
ROOT = Path(__file__).resolve().parents[2]


def _fixtures_dir() -> str:
    """LW_OFFICE_FIXTURES, or the folder scripts/office-fixtures.sh writes now (python-docx /
    openpyxl): the suite never skips for want of its fixtures."""
    given = os.environ.get("LW_OFFICE_FIXTURES")
    if given:
        return given
    done = subprocess.run(["bash", str(ROOT / "scripts/office-fixtures.sh")], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"the office fixtures could not be written (scripts/office-fixtures.sh): {done.stderr[-500:]}")
    return done.stdout.strip()


DIR = _fixtures_dir()


def _pointer(data: Any, pointer: str) -> Any:
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(data, dict):
            data = data.get(token)
        elif isinstance(data, list) and token.isdigit() and int(token) < len(data):
            data = data[int(token)]
        else:
            return None
    return data


def _answer(f: dict[str, Any], source: Any) -> tuple[dict[str, Any] | None, list[str], int]:
    """(summary as data, codes, errors) from the binding, ParseError counted as errors."""
    importer = lw.SummaryTable.from_docx if f["format"] == "docx" else lw.SummaryTable.from_xlsx
    try:
        r = importer(source)
    except lw.ParseError as e:
        codes = [d.code for d in e.diagnostics]
        return None, codes, sum(1 for d in e.diagnostics if d.severity == "error")
    assert isinstance(r, lw.LabeledImport)
    codes = [d.code for d in r.diagnostics]
    return r.summary.to_dict(), codes, sum(1 for d in r.diagnostics if d.severity == "error")


@pytest.mark.parametrize("f", FIXTURES, ids=[f["name"] for f in FIXTURES])
def test_fixture(f: dict[str, Any]) -> None:
    path = Path(str(DIR)) / f"{f['name']}.{f['format']}"
    summary, codes, errors = _answer(f, path)
    expect = f["expect"]
    if "errors" in expect:
        assert errors == expect["errors"], codes
    for pointer, want in (expect.get("fields") or {}).items():
        assert _pointer(summary, pointer) == want, (pointer, summary)
    for c in expect.get("codes") or []:
        assert c in codes
    for c in expect.get("absent_codes") or []:
        assert c not in codes
    other = (summary or {}).get("other") or ""
    for s in expect.get("other_contains") or []:
        assert s in other
    if "outside_text_count" in expect:
        assert codes.count("import.outside_text") == expect["outside_text_count"]
    # bytes and a str path give the same answer as a Path
    assert _answer(f, path.read_bytes()) == (summary, codes, errors)
    assert _answer(f, str(path)) == (summary, codes, errors)


def test_typed_access_and_modified_date() -> None:
    r = lw.SummaryTable.from_docx(Path(str(DIR)) / "01-standard.docx")
    p = r.summary.participation
    assert p is not None and p.participants is not None
    assert (p.participants.value, p.participants.qualifier) == (35000, "approx")
    assert r.modified is not None and r.modified.year == 2021
    # The standard fixture is a complete, correct 东湖区 form: it validates with no finding at all,
    # and the same validation of the dict gives the same (empty) answer.
    assert r.summary.host_unit == "东湖区"
    assert [d.code for d in r.summary.validate()] == []
    assert lw.validate(r.summary.to_dict(), kind="summary") == []


@pytest.mark.parametrize(
    "data,code",
    [
        (b"", "import.not_zip"),
        (b"%PDF-1.7 scanned", "import.not_zip"),
        (b"PK\x03\x04" + bytes(64), "import.not_zip"),
        (b"PK\x03\x04" + bytes(50 * 1024 * 1024), "import.too_large"),
    ],
)
def test_hostile_files_raise_parse_error(data: bytes, code: str) -> None:
    for importer in (lw.SummaryTable.from_docx, lw.SummaryTable.from_xlsx):
        with pytest.raises(lw.ParseError) as e:
            importer(data)
        assert [d.code for d in e.value.diagnostics] == [code]


def test_wrong_argument_type() -> None:
    with pytest.raises(TypeError):
        lw.SummaryTable.from_docx(12)  # type: ignore[arg-type]
