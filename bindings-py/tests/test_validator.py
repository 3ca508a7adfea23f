"""The compiled Validator: built once from any notice, the same answers as `validate`, immutable,
picklable, shareable across threads; an unusable notice refuses at construction."""

from __future__ import annotations

import json
import os
import pickle
import threading
from pathlib import Path

import pytest

import learning_week as lw

ROOT = Path(__file__).resolve().parents[2]
DONGHU = ROOT / "examples/nanchang-2021/submissions/donghu.submission.json"
NOTICE_TEXT = json.dumps(json.loads(lw._native.default_notice()), ensure_ascii=False)


def codes(found: list[lw.Diagnostic]) -> list[str]:
    return sorted(d.code for d in found)


def test_a_custom_notice_answers_as_the_builtin() -> None:
    doc = {"year": 2021, "host_unit": "湾里区", "participation": {"units_total": 5, "units_participating": 7}}
    custom = lw.Validator(notice=NOTICE_TEXT)
    assert [d.to_dict() for d in custom.validate(doc)] == [d.to_dict() for d in lw.validate(doc)]
    assert "participation.units_exceed_total" in codes(custom.validate(doc))
    p = "/participation/units_participating"
    assert codes(custom.validate(doc, pointer=p)) == ["participation.units_exceed_total"]


def test_every_notice_form_compiles_to_the_same_validator(tmp_path: Path) -> None:
    path = tmp_path / "notice.json"
    path.write_text(NOTICE_TEXT, encoding="utf-8")
    doc = DONGHU.read_text(encoding="utf-8")
    want = [d.to_dict() for d in lw.validate(doc)]
    for notice in (NOTICE_TEXT, NOTICE_TEXT.encode(), path, json.loads(NOTICE_TEXT), lw.Notice.nanchang_2021()):
        assert [d.to_dict() for d in lw.Validator(notice=notice).validate(doc)] == want, type(notice)
        assert [d.to_dict() for d in lw.validate(doc, notice=notice)] == want, type(notice)


def test_an_unusable_notice_refuses_at_construction_and_module_validate_answers_it() -> None:
    with pytest.raises(lw.ParseError) as e:
        lw.Validator(notice={"year": "x"})
    assert e.value.diagnostics and all(d.document == "notice" for d in e.value.diagnostics)
    found = lw.validate({"host_unit": "东湖区"}, notice={"year": "x"})
    assert [d.to_dict() for d in found] == [d.to_dict() for d in e.value.diagnostics]
    with pytest.raises(lw.ParseError):
        lw.Validator(plan='{"activities": 1}')


def test_the_validator_is_immutable_and_picklable() -> None:
    v = lw.Validator(notice=NOTICE_TEXT, plan={"unit": "东湖区", "activities": [{"name": "读书节"}]})
    with pytest.raises(AttributeError):
        v.anything = 1  # type: ignore[attr-defined]
    back = pickle.loads(pickle.dumps(v))
    doc = DONGHU.read_text(encoding="utf-8")
    assert [d.to_dict() for d in back.validate(doc)] == [d.to_dict() for d in v.validate(doc)]
    assert back.plan is not None and back.plan.unit == "东湖区"
    assert back.notice.year == 2021
    assert "2021" in repr(back)


def test_the_validator_is_shared_across_threads() -> None:
    v = lw.Validator(notice=NOTICE_TEXT)
    doc = DONGHU.read_text(encoding="utf-8")
    want = [d.to_dict() for d in v.validate(doc)]
    results: list[list[dict[str, object]]] = []

    def work() -> None:
        for _ in range(20):
            results.append([d.to_dict() for d in v.validate(doc)])

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 80 and all(r == want for r in results)


def test_a_pointer_to_no_field_is_a_finding() -> None:
    doc = {"host_unit": "东湖区", "participation": {"participants": "很多"}}
    assert codes(lw.validate(doc, pointer="/participation/participants")) == ["text.vague"]
    typo = lw.validate(doc, pointer="/participation/particpants")
    assert codes(typo) == ["pointer.unknown"]
    assert typo[0].params["nearest"] == "/participation/participants"
    assert codes(lw.validate(doc, pointer="participation/participants")) == ["pointer.malformed"]


def test_the_validator_rolls_up_on_its_notice() -> None:
    v = lw.Validator(notice=NOTICE_TEXT)
    folder = ROOT / "examples/nanchang-2021"
    mine, module = v.aggregate(folder), lw.aggregate(folder)
    assert mine.to_dict() == module.to_dict()
    assert mine.expected_units == 13


def test_module_validate_compiles_each_notice_once() -> None:
    lw._COMPILED.clear()
    for _ in range(5):
        lw.validate({"host_unit": "东湖区"}, notice=NOTICE_TEXT)
    assert len(lw._COMPILED) == 1


def test_a_notice_file_that_changes_is_compiled_again(tmp_path: Path) -> None:
    path = tmp_path / "notice.json"
    path.write_text(NOTICE_TEXT, encoding="utf-8")
    doc = {"year": 2021, "host_unit": "东湖区"}
    assert "year.mismatch" not in codes(lw.validate(doc, notice=path))
    other = json.loads(NOTICE_TEXT)
    other["year"] = 2022
    other["week"] = {"start": "2022-11-21", "end": "2022-11-27"}
    other["reporting"]["deadline"] = "2022-12-05"
    path.write_text(json.dumps(other, ensure_ascii=False) + "\n", encoding="utf-8")
    assert "year.mismatch" in codes(lw.validate(doc, notice=path))


def test_a_changed_dict_is_compiled_again_and_a_model_is_kept_by_identity() -> None:
    lw._COMPILED.clear()
    notice = json.loads(NOTICE_TEXT)
    doc = {"year": 2021, "host_unit": "东湖区"}
    assert "year.mismatch" not in codes(lw.validate(doc, notice=notice))
    notice["year"] = 2022
    assert "year.mismatch" in codes(lw.validate(doc, notice=notice))
    model = lw.Notice.from_json(NOTICE_TEXT)
    for _ in range(3):
        lw.validate(doc, notice=model)
    assert sum(1 for k in lw._COMPILED if isinstance(k, tuple) and k[0] == ("model", id(model))) == 1


def test_a_notice_file_is_read_by_cores_policy_whatever_its_format(tmp_path: Path) -> None:
    # The published text and its .docx are read by the notice reader, as `Notice.from_text` /
    # `from_docx` read them; the same file as a path or as bytes gives the same validator.
    text = ROOT / "tests/fixtures/notices/jiangxi-province-2023.txt"
    read = lw.Notice.from_text(text.read_text(encoding="utf-8")).notice
    for given in (text, text.read_bytes()):
        v = lw.Validator(notice=given)
        assert (v.notice.year, v.notice.theme) == (2023, read.theme)
        assert v.notice.to_dict() == read.to_dict()
    assert [d.to_dict() for d in lw.validate({"host_unit": "东湖区"}, notice=text)] == [
        d.to_dict() for d in lw.Validator(notice=text).validate({"host_unit": "东湖区"})
    ]
    # The notice as a bureau publishes it in Word (python-docx wrote it: tests/fixtures).
    fixtures = os.environ.get("LW_OFFICE_FIXTURES")
    assert fixtures, "LW_OFFICE_FIXTURES is needed (scripts/test-python.sh sets it)"
    path = Path(fixtures) / "notice-nanchang-2021.docx"
    assert lw.Validator(notice=path).notice.to_dict() == lw.Notice.from_docx(path).notice.to_dict()
    # A file that is no notice says what it is, at construction and in validate's answer.
    pdf = tmp_path / "通知.pdf"
    pdf.write_bytes(b"%PDF-1.7 scanned")
    with pytest.raises(lw.ParseError) as e:
        lw.Validator(notice=pdf)
    assert [(d.code, d.document) for d in e.value.diagnostics] == [("reading.not_a_notice", "notice")]
    assert "PDF" in e.value.diagnostics[0].message
    assert [d.code for d in lw.validate({"host_unit": "东湖区"}, notice=pdf)] == ["reading.not_a_notice"]
    # A plan is JSON only: a Word file is refused with what was expected.
    with pytest.raises(lw.ParseError) as e:
        lw.Validator(plan=path)
    assert [(d.code, d.document) for d in e.value.diagnostics] == [("type.invalid", "plan")]


def test_the_cli_reads_a_notice_file_as_python_does() -> None:
    import subprocess

    cli = os.environ.get("LW_CLI")
    assert cli, "LW_CLI is needed (scripts/test-python.sh builds the CLI and sets it)"
    text = ROOT / "tests/fixtures/notices/jiangxi-province-2023.txt"
    out = subprocess.run(
        [cli, "validate", "--format", "json", "--notice", str(text), str(DONGHU)], capture_output=True, text=True
    ).stdout
    cli_codes = sorted(d["code"] for d in json.loads(out)["diagnostics"])
    assert cli_codes == codes(lw.validate(DONGHU, notice=text))
    assert cli_codes != codes(lw.validate(DONGHU)), "the Jiangxi 2023 notice judges 东湖区 2021 otherwise"
    pdf = subprocess.run([cli, "validate", "--notice", "/dev/null", str(DONGHU)], capture_output=True, text=True)
    assert pdf.returncode == 2
