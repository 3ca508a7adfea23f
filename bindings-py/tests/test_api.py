"""The Python surface: models, inputs of every accepted type, exceptions, pickling, export."""

from __future__ import annotations

import copy
import datetime
import json
import pickle
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES

import learning_week as lw

DONGHU = EXAMPLES / "submissions" / "donghu.submission.json"
QINGYUNPU = EXAMPLES / "submissions" / "qingyunpu.submission.json"
JINXIAN = EXAMPLES / "submissions" / "jinxian.submission.json"


@pytest.fixture(scope="module")
def sub() -> lw.Submission:
    return lw.Submission.from_json(QINGYUNPU.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rollup() -> lw.CityRollup:
    return lw.aggregate(EXAMPLES)


def test_typed_attribute_access(sub: lw.Submission) -> None:
    assert sub.summary is not None and sub.summary.participation is not None
    p = sub.summary.participation.participants
    assert p is not None
    assert (p.value, p.qualifier, p.unit, p.source) == (35000, "approx", "人次", "约3.5万人次")
    # A bare integer is an exact count: same attributes.
    units = sub.summary.participation.units_total
    assert units is not None and (units.value, units.qualifier, units.unit) == (7, "exact", None)
    assert isinstance(sub.submitted_at, datetime.datetime)
    assert sub.submitted_at.utcoffset() == datetime.timedelta(hours=8)
    period = sub.summary.theme_and_content.period  # type: ignore[union-attr]
    assert period is not None and period.start == datetime.date(2021, 11, 22)
    sat = sub.summary.reach.satisfaction  # type: ignore[union-attr]
    assert sat is not None and (sat.value, sat.qualifier, sat.level) == (98.0, "at_least", None)
    assert sub.plan is not None and isinstance(sub.plan, lw.ActivityPlan)
    assert all(isinstance(m, lw.models.Material) for m in sub.materials or [])


def test_round_trip_and_equality(sub: lw.Submission) -> None:
    again = lw.Submission.from_dict(sub.to_dict())
    assert again == sub and again is not sub
    assert lw.Submission.from_json(sub.to_json()) == sub
    assert lw.Submission.from_json(sub.to_json().encode("utf-8")) == sub
    assert lw.Submission.from_dict(sub) == sub
    assert sub != lw.Submission.from_json(DONGHU.read_text(encoding="utf-8"))
    assert sub.summary != sub  # another class
    d = sub.to_dict()
    d["summary"]["host_unit"] = "changed"
    assert sub.summary.host_unit == "青云谱区"  # type: ignore[union-attr]  # to_dict is a copy
    with pytest.raises(AttributeError):
        sub.summary = None  # type: ignore[misc]
    with pytest.raises(TypeError):
        lw.SummaryTable()
    with pytest.raises(TypeError):
        hash(sub)


def test_unknown_keys_are_kept() -> None:
    t = lw.SummaryTable.from_dict({"host_unit": "东湖区", "备注": "x"})
    assert t.to_dict()["备注"] == "x"
    assert [d.code for d in lw.validate(t)].count("field.unknown") == 1


def test_repr_is_useful(sub: lw.Submission) -> None:
    r = repr(sub.summary.participation.participants)  # type: ignore[union-attr]
    assert r == "Count(value=35000, qualifier='approx', unit='人次', source='约3.5万人次')"
    assert repr(sub).startswith("Submission(summary=SummaryTable(year=2021, host_unit='青云谱区'")
    (d,) = lw.validate(JINXIAN.read_text(encoding="utf-8"))
    assert repr(d).startswith("Diagnostic(error submission.late at /submitted_at:")
    assert str(d).startswith("error submission.late at /submitted_at: ")


def test_dates_may_be_python_objects() -> None:
    raw = json.loads(DONGHU.read_text(encoding="utf-8"))
    raw["submitted_at"] = datetime.datetime(
        2021, 12, 8, 9, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=8))
    )
    raw["summary"]["theme_and_content"]["period"] = {
        "start": datetime.date(2021, 11, 22),
        "end": datetime.date(2021, 11, 28),
    }
    (late,) = lw.validate(raw)
    assert late.code == "submission.late" and late.params["days_late"] == 3
    sub = lw.Submission.from_dict(raw)
    assert sub.submitted_at == raw["submitted_at"]


def test_inputs_of_every_type_agree() -> None:
    text = JINXIAN.read_text(encoding="utf-8")
    obj = lw.Submission.from_json(text)
    answers = [lw.validate(x) for x in (text, text.encode(), json.loads(text), obj, bytearray(text.encode()))]
    assert all(a == answers[0] for a in answers) and [d.code for d in answers[0]] == ["submission.late"]


def test_validate_options() -> None:
    plan = lw.ActivityPlan.from_json((EXAMPLES / "plans" / "donghu.plan.json").read_text(encoding="utf-8"))
    summary = lw.Submission.from_json(DONGHU.read_text(encoding="utf-8")).summary
    assert summary is not None
    assert lw.validate(summary, plan=plan) == []
    assert lw.validate(summary, plan=plan.to_json()) == []
    other = lw.Notice.nanchang_2021().to_dict()
    other["year"] = 2022
    codes = [d.code for d in lw.validate(summary, notice=other)]
    assert "year.mismatch" in codes
    en = lw.validate('{"host_unit": "朝阳区"}', kind="summary", pointer="/host_unit", lang="en")
    assert [d.code for d in en] == ["unit.unknown"] and en[0].message == en[0].message_en
    bad_notice = lw.validate(summary, notice={"year": "x"})
    assert bad_notice and all(d.document == "notice" for d in bad_notice)
    with pytest.raises(ValueError, match="kind must be one of"):
        lw.validate("{}", kind="letter")  # type: ignore[arg-type]
    with pytest.raises(lw.ParseError):
        lw.validate("{}", lang="fr")  # type: ignore[arg-type]


def test_diagnostic_fields() -> None:
    (d,) = lw.validate('{"participation": {"participants": -5}}', kind="summary", pointer="/participation/participants")
    assert (d.code, d.severity, d.path) == ("count.negative", "error", "/participation/participants")
    assert d.message and d.message_en and isinstance(d.params, dict)
    assert d.input == -5 and d.document is None
    assert lw.models.Diagnostic is lw.Diagnostic


def test_parse_error() -> None:
    with pytest.raises(lw.ParseError) as e:
        lw.SummaryTable.from_json("{")
    assert isinstance(e.value, ValueError)
    (d,) = e.value.diagnostics
    assert d.code == "json.syntax" and d.params["line"] == 1
    assert "json.syntax" in str(e.value)
    with pytest.raises(lw.ParseError) as e:
        lw.SummaryTable.from_dict({"year": "x", "participation": {"participants": -1}})
    found = {(d.code, d.path) for d in e.value.diagnostics}  # every reading finding, at once
    assert {("count.negative", "/participation/participants"), ("type.invalid", "/year")} <= found
    again = pickle.loads(pickle.dumps(e.value))
    assert isinstance(again, lw.ParseError) and again.diagnostics == e.value.diagnostics
    # Missing rows and broken rules are for validate(), not parse errors.
    t = lw.SummaryTable.from_dict({"host_unit": "朝阳区"})
    assert "unit.unknown" in [d.code for d in lw.validate(t)]
    with pytest.raises(lw.ParseError):
        lw.Notice.from_dict({"year": "x"})


def test_notice() -> None:
    n = lw.Notice.nanchang_2021()
    assert n.year == 2021 and n.theme == "庆建党百年华诞，谱终身学习新篇"
    assert n.week is not None and n.week.start == datetime.date(2021, 11, 22)
    assert lw.Notice.from_dict(n.to_dict()) == n
    assert lw.validate(n) == []


def test_rules() -> None:
    rules = lw.rules()
    late = next(r for r in rules if r.code == "submission.late")
    assert late.severity == "error" and "submission" in late.documents and late.description_en


def test_aggregate(rollup: lw.CityRollup) -> None:
    assert rollup.expected_units == 13 and rollup.completeness.rate_percent < 100
    assert rollup.late_units[0].submitted_at.tzinfo is not None  # type: ignore[union-attr]
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((EXAMPLES / "submissions").glob("*.json"))]
    objs = [lw.Submission.from_dict(d) for d in docs]
    by_docs, by_objs = lw.aggregate(docs), lw.aggregate(objs)
    assert by_docs.totals == by_objs.totals == rollup.totals
    assert lw.aggregate(docs, grace_days=3).late_units == []
    broken = lw.aggregate(["{", {"id": "x.json", "input_text": "[1"}])
    assert [r.reason for r in broken.accounting.rejected] == ["unreadable", "unreadable"]
    with pytest.raises(lw.ParseError) as e:
        lw.aggregate([], notice={"year": "x"})
    assert all(d.document == "notice" for d in e.value.diagnostics)
    with pytest.raises(lw.ParseError):
        lw.aggregate([], grace_days=-1)
    with pytest.raises(TypeError):
        lw.aggregate("[]")  # type: ignore[arg-type]


def test_records(rollup: lw.CityRollup) -> None:
    records = rollup.to_records()
    assert [r["unit"] for r in records] == [u.unit for u in rollup.units]
    assert len(records) == 13 and len({tuple(r) for r in records}) == 1  # same columns everywhere
    qyp = next(r for r in records if r["unit"] == "青云谱区")
    assert (qyp["participants"], qyp["participants_qualifier"], qyp["participants_unit"]) == (35000, "approx", "人次")
    missing = next(r for r in records if r["unit"] == "南昌小蓝经济技术开发区")
    assert missing["status"] == "missing" and missing["participants"] is None


def test_pandas(rollup: lw.CityRollup) -> None:
    pd = pytest.importorskip("pandas")
    df = rollup.to_pandas()
    assert isinstance(df, pd.DataFrame) and len(df) == 13
    assert df.set_index("unit").loc["进贤县", "days_late"] == 3
    assert str(df["participants"].dtype) == "Int64"


def test_pandas_missing_is_a_clear_import_error(rollup: lw.CityRollup, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        rollup.to_pandas()


def test_pickle_and_copy(sub: lw.Submission, rollup: lw.CityRollup) -> None:
    for obj in (sub, sub.summary, rollup, rollup.units[0], lw.rules()[0], lw.Notice.nanchang_2021()):
        again = pickle.loads(pickle.dumps(obj))
        assert again == obj and type(again) is type(obj)
        assert copy.deepcopy(obj) == obj and copy.copy(obj) == obj


def test_paths_are_files_and_folders(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(DONGHU.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.json").write_bytes(b"\xff{")
    r = lw.aggregate(tmp_path)
    assert r.reported_units == ["东湖区"] and [x.id for x in r.accounting.rejected] == ["b.json"]
    assert lw.aggregate([tmp_path / "a.json"]).reported_units == ["东湖区"]


def test_version() -> None:
    assert lw.__version__.count(".") == 2


def test_document_validate_method() -> None:
    sub = lw.Submission.from_json(JINXIAN.read_text(encoding="utf-8"))
    assert sub.validate() == lw.validate(sub)
    assert [d.code for d in sub.validate(lang="en")] == ["submission.late"]


def test_spans_are_python_string_indices() -> None:
    # An emoji (4 UTF-8 bytes, 2 UTF-16 units, 1 Python character) before the figure: byte or
    # UTF-16 offsets would cut the wrong fragment.
    text = "😀参与群众共600余人，图片200余张"
    q = lw.parse_quantity(text)
    assert text[q["span"]["start"]:q["span"]["end"]] == "600余人"
    names = "😀 区教体局、区文明办"
    items = lw.split_names(names)
    assert [names[i["span"]["start"]:i["span"]["end"]] for i in items] == [i["text"] for i in items]
    assert [i["text"] for i in items][-2:] == ["区教体局", "区文明办"]
