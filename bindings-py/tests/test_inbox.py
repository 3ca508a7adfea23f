"""The inbox: a folder as the city centre saves it — JSON, Word and Excel 总结表, an Office lock
file, a scan, an unrelated file — rolled up by Python and by the CLI gives one answer, and every
file is accounted for (core's one policy, `Validator::inbox_inputs`)."""

from __future__ import annotations

import datetime
import json
import os
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
    """The fixture inbox every door's parity test reads (tests/fixtures/make_inbox.py: Word forms
    in five layouts, Excel, Word 97–2003, JSON with an alias and a correction, 东湖区's work
    summary, typical case and scan, the notice .docx, a lock file, an exact copy, a WPS file, a
    scan naming no unit, a note)."""
    assert FIXTURES is not None, "LW_OFFICE_FIXTURES is needed (scripts/test-python.sh sets it)"
    inbox = tmp / "inbox"
    subprocess.run(["python3", str(ROOT / "tests/fixtures/make_inbox.py"), str(FIXTURES), str(inbox)], check=True, capture_output=True)
    return inbox


def _cli(*args: str) -> Any:
    assert CLI, "LW_CLI is needed (scripts/test-python.sh builds the CLI and sets it)"
    out = subprocess.run([CLI, *args], capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def _relative(answer: Any, folder: Path) -> Any:
    """The answer with the folder's path taken out of every id and message (files given one by
    one are named by their paths as given; a folder's files by their paths inside it)."""
    return json.loads(json.dumps(answer, ensure_ascii=False).replace(str(folder) + os.sep, ""))


def test_every_file_of_the_inbox_is_accounted_for(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path)
    files = [p for p in inbox.rglob("*") if p.is_file()]
    r = lw.aggregate(inbox)
    a = r.accounting
    assert a.inputs == len(files) == 23
    counted = len(a.included) + len(a.superseded) + len(a.rejected) + len(a.plans) + len(a.materials)
    assert counted == len(files)
    rejected = {x.id: (x.reason, x.diagnostics[0].message) for x in a.rejected}
    assert "锁定文件" in rejected["~$东湖区总结表.docx"][1]
    assert "看不出属于哪个单位" in rejected["盖章扫描件.pdf"][1]
    assert "内容完全相同" in rejected["东湖区总结表(1).docx"][1]
    assert "请另存为 .docx" in rejected["红谷滩区总结表.wps"][1]
    assert "不是报送材料" in rejected["说明.txt"][1] and "总结表请用" not in rejected["说明.txt"][1]
    assert "锁定文件" in rejected[".~lock.东湖区总结表.docx#"][1]
    assert "另附材料" in rejected["东湖区活动照片.jpg"][1]
    reasons = {x.id: x.reason for x in a.rejected}
    assert reasons == {
        "~$东湖区总结表.docx": "lock_file", ".~lock.东湖区总结表.docx#": "lock_file",
        "盖章扫描件.pdf": "unknown_unit", "东湖区总结表(1).docx": "exact_copy",
        "红谷滩区总结表.wps": "unsupported_format", "说明.txt": "unrelated",
        "关于开展2021年全民终身学习活动周的通知.docx": "not_a_submission", "东湖区活动照片.jpg": "attached_media",
    }
    assert rejected["关于开展2021年全民终身学习活动周的通知.docx"][0] == "not_a_submission"
    materials = sorted((x.id, x.unit, x.material) for x in a.materials)
    assert materials == [
        ("东湖区工作总结.docx", "东湖区", "work_summary"),
        ("东湖区盖章扫描件.pdf", "东湖区", "stamped_scan"),
        ("典型案例.docx", "东湖区", "typical_case"),
    ]
    # The Word, Excel and .doc forms are submissions, named by their file, not by a hash; the
    # alias is its unit's official name; the correction names the file it was replaced by.
    units = {x.id: x.unit for x in a.included}
    assert units["东湖区总结表.docx"] == "东湖区" and units["附件.docx"] == "进贤县"
    assert units["高新区总结表.xlsx"] == "南昌高新技术产业开发区"
    assert units["青山湖区总结表.doc"] == "青山湖区"
    assert units["wanli.submission.json"] == "湾里管理局"
    assert [(x.id, x.superseded_by) for x in a.superseded] == [("xihu.v1.submission.json", "xihu.submission.json")]
    # 东湖区's package is complete: no finding names a missing material.
    donghu = next(x for x in a.included if x.id == "东湖区总结表.docx")
    assert "submission.material_missing" not in (donghu.validation.codes if donghu.validation else [])
    # A unit whose package lacks materials is told which, in the finding's own words.
    lacking = [f for x in a.included if x.validation for f in x.validation.findings if f.code == "submission.material_missing"]
    assert lacking and all(f.message.startswith("缺少报送材料：") for f in lacking), [f.message for f in lacking]


def test_bytes_of_a_docx_are_a_file_not_text() -> None:
    assert FIXTURES is not None
    data = (FIXTURES / "01-standard.docx").read_bytes()
    r = lw.aggregate([data], submitted_at="2021-12-03")
    assert r.accounting.inputs == 1
    assert r.reported_units == ["东湖区"], [x.to_dict() for x in r.accounting.rejected]


@pytest.mark.parametrize("submitted_at", [None, "2021-12-03"])
def test_python_and_the_cli_give_the_same_roll_up(tmp_path: Path, submitted_at: str | None) -> None:
    """The whole answer — accounting, units, totals, findings, the city's 总结表 — not a few
    fields; once with the files' own times (document, file), once with a time given."""
    inbox = _inbox(tmp_path)
    given = [] if submitted_at is None else ["--submitted-at", submitted_at]
    py = lw.aggregate(inbox, submitted_at=submitted_at).to_dict()
    cli = _cli("aggregate", "--format", "json", *given, str(inbox))
    # Byte for byte, ids included: both name a folder's files by their path inside it (core's
    # folder_inputs), so nothing is taken out before comparing.
    assert py == cli
    assert py["accounting"]["inputs"] == 23
    assert "东湖区总结表.docx" in [x["id"] for x in py["accounting"]["included"]]


def test_a_list_of_paths_and_bytes_gives_the_folders_answer(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path)
    files = sorted(p for p in inbox.iterdir() if p.is_file())
    as_paths = _relative(lw.aggregate(files).to_dict(), inbox)
    assert as_paths == _relative(lw.aggregate(inbox).to_dict(), inbox)


def test_validate_takes_a_word_excel_or_doc_file_as_the_cli_does(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path)
    v = lw.Validator()
    for name in ["东湖区总结表.docx", "高新区总结表.xlsx", "青山湖区总结表.doc", "红谷滩区总结表.wps",
                 "关于开展2021年全民终身学习活动周的通知.docx", "anyi.submission.json", "典型案例.docx"]:
        path = inbox / name
        found = [d.to_dict() for d in lw.validate(path)]
        assert found == [d.to_dict() for d in v.validate(path)], name
        # Bytes without a name: the content decides (an OLE file without the name is a .doc).
        if not name.endswith(".wps"):
            assert [d.to_dict() for d in lw.validate(path.read_bytes())] == found, name
        cli = _cli_validate(path)
        assert found == cli["diagnostics"], name
    codes = [d.code for d in lw.validate(inbox / "红谷滩区总结表.wps")]
    assert codes == ["import.unsupported_format"]
    assert "请另存为 .docx" in lw.validate(inbox / "红谷滩区总结表.wps")[0].message
    donghu = lw.validate(inbox / "东湖区总结表.docx")
    assert not [d for d in donghu if d.severity == "error"], [d.to_dict() for d in donghu]
    # As a submission of this one file: its time from the document, the materials it lacks named.
    alone = lw.validate(inbox / "东湖区总结表.docx", kind="submission")
    assert [d.code for d in alone if d.severity == "error"] == ["submission.material_missing"] * 3
    assert any(d.code == "import.submitted_at_source" and "(+08:00)" in d.message for d in alone)


def _cli_validate(path: Path) -> Any:
    assert CLI, "LW_CLI is needed (scripts/test-python.sh builds the CLI and sets it)"
    out = subprocess.run([CLI, "validate", "--format", "json", str(path)], capture_output=True, text=True).stdout
    return json.loads(out)


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
    assert len(pd.read_excel(out)) == len(naive)
    # The zone-aware frame writes to Excel too: local times, the zone named in the header.
    df.to_excel(out, index=False)
    back = pd.read_excel(out)
    assert "submitted_at" not in back.columns
    assert list(back["submitted_at (UTC+08:00)"].dropna()) == list(naive["submitted_at"].dropna())
    # Still a frame of pandas' own everywhere else, and a filtered one keeps the behaviour.
    assert isinstance(df, pd.DataFrame) and str(df["submitted_at"].dtype) == "datetime64[ns, UTC+08:00]"
    df[df["submitted_at"].notna()].to_excel(out, index=False)
    assert "submitted_at (UTC+08:00)" in pd.read_excel(out).columns


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


def test_a_file_of_the_folder_that_cannot_be_read_is_rejected_not_skipped(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path)
    files = sorted(p for p in inbox.rglob("*") if p.is_file())
    (inbox / "东湖区总结表（链接）.docx").symlink_to(tmp_path / "gone.docx")
    r = lw.aggregate(inbox, submitted_at="2021-12-03")
    assert r.accounting.inputs == len(files) + 1
    lost = [x for x in r.accounting.rejected if x.id == "东湖区总结表（链接）.docx"]
    assert len(lost) == 1 and "cannot read" in lost[0].diagnostics[-1].message_en
    # The CLI accounts for it the same way.
    cli = _cli("aggregate", "--format", "json", "--submitted-at", "2021-12-03", str(inbox))
    assert cli["accounting"]["inputs"] == r.accounting.inputs


def test_files_held_in_memory_are_named_and_read_as_the_folder_is(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path)
    files = sorted(p for p in inbox.rglob("*") if p.is_file())
    named = [(p.relative_to(inbox).as_posix(), p.read_bytes()) for p in files]
    a = lw.aggregate(named, submitted_at="2021-12-03").to_dict()
    b = lw.aggregate(inbox, submitted_at="2021-12-03").to_dict()
    assert a["accounting"] == b["accounting"] and a["units"] == b["units"]
    # The stamped scan given as named bytes joins 东湖区's package, as from the folder.
    assert any(m["unit"] == "东湖区" and m["material"] == "stamped_scan" for m in a["accounting"]["materials"])
    with pytest.raises(ValueError, match="timezone-aware"):
        lw.aggregate([("a.docx", b"PK", datetime.datetime(2021, 12, 3))])
    with pytest.raises(TypeError, match="tuple"):
        lw.aggregate([("a.docx",)])


def test_a_naive_submitted_at_is_the_notices_local_time() -> None:
    # `submitted_at` is the time of the Word / Excel files (a JSON submission carries its own).
    assert FIXTURES is not None
    doc = (FIXTURES / "01-standard.docx").read_bytes()
    naive = lw.aggregate([doc], submitted_at=datetime.datetime(2021, 12, 6, 9, 0))
    aware = lw.aggregate([doc], submitted_at="2021-12-06T09:00:00+08:00")
    assert naive.late_units == aware.late_units and naive.late_units[0].days_late == 1
    assert naive.units[0].submitted_at == aware.units[0].submitted_at


def test_links_to_folders_are_followed_once_and_a_loop_is_walked_once(tmp_path: Path) -> None:
    """Core's folder policy, the CLI's and Python's alike: a link back up the tree (a loop) and a
    second link to a folder already walked add no file; a link to a folder outside the inbox
    brings its files in, counted once."""
    inbox = _inbox(tmp_path)
    files = sorted(p for p in inbox.rglob("*") if p.is_file())
    (inbox / "sub").mkdir()
    (inbox / "sub" / "loop").symlink_to("..")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "湾里管理局.submission.json").write_text(
        (ROOT / "examples/nanchang-2021/submissions/wanli.submission.json").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (inbox / "linked").symlink_to(outside)
    (inbox / "sub" / "linked-again").symlink_to(outside)
    r = lw.aggregate(inbox, submitted_at="2021-12-03")
    assert r.accounting.inputs == len(files) + 1, [x.id for x in r.accounting.rejected]
    cli = _cli("aggregate", "--format", "json", "--submitted-at", "2021-12-03", str(inbox))
    assert cli["accounting"]["inputs"] == r.accounting.inputs
    assert [str(p) for p in lw._native.folder_files(inbox)] == [str(p) for p in lw._native.folder_files(str(inbox))]
