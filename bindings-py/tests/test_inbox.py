"""The inbox: a folder as the city centre saves it — JSON, Word and Excel 总结表, an Office lock
file, a scan, an unrelated file — rolled up by Python and by the CLI gives one answer, and every
file is accounted for (core's one policy, `Validator::inbox_inputs`)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from test_office import DIR

import learning_week as lw

ROOT = Path(__file__).resolve().parents[2]
FIXTURES: Path | None = Path(DIR)  # LW_OFFICE_FIXTURES, or written now by scripts/office-fixtures.sh
CLI = os.environ.get("LW_CLI")


def _inbox(tmp: Path) -> Path:
    """Eight units' JSON submissions, two Word forms and an Excel one (python-docx / openpyxl
    wrote them), a Word 97–2003 form (LibreOffice), 东湖区's work summary, typical case and scan, a lock file, a scan that names no
    unit and a note."""
    assert FIXTURES is not None, "LW_OFFICE_FIXTURES is needed (scripts/test-python.sh sets it)"
    inbox = tmp / "inbox"
    inbox.mkdir()
    for p in sorted((ROOT / "examples/nanchang-2021/submissions").glob("*.json"))[:8]:
        shutil.copy(p, inbox / p.name)
    shutil.copy(FIXTURES / "01-standard.docx", inbox / "东湖区总结表.docx")
    shutil.copy(FIXTURES / "02-title-gives-unit.docx", inbox / "附件.docx")
    shutil.copy(FIXTURES / "14-xlsx-retyped.xlsx", inbox / "总结表.xlsx")
    # An old Word 97–2003 form (LibreOffice wrote it from a python-docx one; checked in).
    shutil.copy(ROOT / "tests/fixtures/doc/03-messy-labels.doc", inbox / "青山湖区总结表.doc")
    (inbox / "~$东湖区总结表.docx").write_bytes(b"\x0cAdministrator" + b"\x00" * 148)
    (inbox / "盖章扫描件.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")  # names no unit
    # 东湖区's package: its work summary, its typical case (only its first lines name the unit)
    # and its stamped scan.
    shutil.copy(FIXTURES / "16-work-summary.docx", inbox / "东湖区工作总结.docx")
    shutil.copy(FIXTURES / "17-typical-case.docx", inbox / "典型案例.docx")
    (inbox / "东湖区盖章扫描件.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n% donghu\n")
    # 东湖区's form saved twice (byte for byte): counted once, listed as an exact copy.
    shutil.copy(FIXTURES / "01-standard.docx", inbox / "东湖区总结表(1).docx")
    (inbox / "说明.txt").write_text("各单位材料见附件。", encoding="utf-8")
    return inbox


def _rel(record_id: str | None, folder: Path) -> str:
    text = record_id or ""
    prefix = str(folder) + os.sep
    return text[len(prefix):] if text.startswith(prefix) else text


def test_every_file_of_the_inbox_is_accounted_for(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path)
    files = [p for p in inbox.rglob("*") if p.is_file()]
    r = lw.aggregate(inbox, submitted_at="2021-12-03")
    a = r.accounting
    assert a.inputs == len(files) == 19
    counted = len(a.included) + len(a.superseded) + len(a.rejected) + len(a.plans) + len(a.materials)
    assert counted == len(files)
    rejected = {x.id: x.diagnostics[0].message for x in a.rejected}
    assert "锁定文件" in rejected["~$东湖区总结表.docx"]
    assert "看不出属于哪个单位" in rejected["盖章扫描件.pdf"]
    assert "内容完全相同" in rejected["东湖区总结表(1).docx"]
    materials = sorted((x.id, x.unit, x.material) for x in a.materials)
    assert materials == [
        ("东湖区工作总结.docx", "东湖区", "work_summary"),
        ("东湖区盖章扫描件.pdf", "东湖区", "stamped_scan"),
        ("典型案例.docx", "东湖区", "typical_case"),
    ]
    assert "不支持的文件类型" in rejected["说明.txt"]
    # The Word and Excel forms are submissions, named by their file, not by a hash.
    ids = {x.id for x in a.included} | {x.id for x in a.superseded}
    # The .doc is read as the 总结表 it is (counted, or superseded by 青山湖区's later JSON).
    doc = [x for x in [*a.included, *a.superseded] if x.id == "青山湖区总结表.doc"]
    assert doc and doc[0].unit == "青山湖区", [x.to_dict() for x in a.rejected]
    assert "东湖区总结表.docx" in ids or any(x.superseded_by == "东湖区总结表.docx" for x in a.superseded)


def test_bytes_of_a_docx_are_a_file_not_text() -> None:
    assert FIXTURES is not None
    data = (FIXTURES / "01-standard.docx").read_bytes()
    r = lw.aggregate([data], submitted_at="2021-12-03")
    assert r.accounting.inputs == 1
    assert r.reported_units == ["东湖区"], [x.to_dict() for x in r.accounting.rejected]


def _view(r: dict[str, Any], folder: Path) -> dict[str, Any]:
    a = r["accounting"]
    return {
        "inputs": a["inputs"],
        "included": sorted(_rel(x.get("id"), folder) for x in a["included"]),
        "superseded": sorted((_rel(x.get("id"), folder), _rel(x.get("superseded_by"), folder)) for x in a["superseded"]),
        "rejected": sorted((_rel(x.get("id"), folder), x.get("reason")) for x in a["rejected"]),
        "materials": sorted((_rel(x.get("id"), folder), x.get("unit"), x.get("material")) for x in a["materials"]),
        "codes": sorted((_rel(x.get("id"), folder), tuple((x.get("validation") or {}).get("codes", []))) for x in a["included"]),
        "missing": r["missing_units"],
        "totals": r["totals"],
        "late": [(u["unit"], u["days_late"]) for u in r["late_units"]],
    }


def test_python_and_the_cli_give_the_same_roll_up(tmp_path: Path) -> None:
    assert CLI, "LW_CLI is needed (scripts/test-python.sh builds the CLI and sets it)"
    inbox = _inbox(tmp_path)
    py = lw.aggregate(inbox, submitted_at="2021-12-03").to_dict()
    out = subprocess.run(
        [CLI, "aggregate", "--format", "json", "--submitted-at", "2021-12-03", str(inbox)],
        capture_output=True, text=True, check=True,
    ).stdout
    assert _view(py, inbox) == _view(json.loads(out), inbox)


@pytest.mark.parametrize("bad", ["12月3日", "soon"])
def test_an_unreadable_submitted_at_is_refused(tmp_path: Path, bad: str) -> None:
    with pytest.raises(lw.ParseError):
        lw.aggregate([], submitted_at=bad)


def test_times_in_a_frame_are_one_dtype_in_the_notices_zone(tmp_path: Path) -> None:
    import pandas as pd  # pinned in scripts/test-python.sh: a missing pandas fails, never skips
    inbox = _inbox(tmp_path)
    # A Word form's time comes as UTC (its own modified date); the JSON ones in +08:00.
    r = lw.aggregate(inbox)
    df = r.to_pandas()
    assert str(df["submitted_at"].dtype) == "datetime64[ns, UTC+08:00]"
    naive = r.to_pandas(naive_local=True)
    assert str(naive["submitted_at"].dtype) == "datetime64[ns]"
    # The same instants, shown as Nanchang's wall-clock time.
    aware = df["submitted_at"].dropna().iloc[0]
    assert naive["submitted_at"].dropna().iloc[0] == aware.tz_localize(None)
    out = tmp_path / "frame.xlsx"
    naive.to_excel(out)
    assert out.stat().st_size > 0
    assert len(pd.read_excel(out)) == len(naive)


def test_progress_is_told_after_each_file_and_its_exception_is_raised(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path)
    files = sorted(p for p in inbox.rglob("*") if p.is_file())
    seen: list[tuple[int, int, str]] = []
    r = lw.aggregate(inbox, submitted_at="2021-12-03", progress=lambda done, total, name: seen.append((done, total, name)))
    assert [d for d, _, _ in seen] == list(range(1, len(files) + 1))
    assert {t for _, t, _ in seen} == {len(files)}
    assert r.accounting.inputs == len(files)

    def stop(done: int, total: int, name: str) -> None:
        raise ValueError(f"stopped at {name}")

    with pytest.raises(ValueError, match="stopped at"):
        lw.aggregate(inbox, progress=stop)
    with pytest.raises(TypeError, match="callable"):
        lw.aggregate(inbox, progress=3)  # type: ignore[arg-type]
