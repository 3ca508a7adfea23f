"""Every roll-up vector of tests/vectors/aggregate/*.json through `learning_week.aggregate`, with
the matching of core/tests/aggregate_vectors.rs (see that folder's README.md), and the 2021
Nanchang example package rolled up as the Rust suite does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, VECTORS, load

import learning_week as lw

FILES = sorted((VECTORS / "aggregate").glob("*.json"))
CATALOG = {r.code for r in lw.rules()}


def is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def matches(expect: Any, actual: Any, at: str) -> str | None:
    """`expect` as a subset of `actual`; the first mismatch with its JSON Pointer, or None."""
    if isinstance(expect, dict) and isinstance(actual, dict):
        for k, ev in expect.items():
            err = matches(ev, actual.get(k), f"{at}/{k}")
            if err:
                return err
        return None
    if isinstance(expect, list) and isinstance(actual, list):
        is_open = bool(expect) and expect[-1] == "..."
        items = expect[:-1] if is_open else expect
        if (len(items) > len(actual)) if is_open else (len(items) != len(actual)):
            return f"{at}: expected {len(items)} items, got {len(actual)}: {actual}"
        used = [False] * len(actual)
        for i, ev in enumerate(items):
            j = next((j for j, av in enumerate(actual) if not used[j] and matches(ev, av, "") is None), None)
            if j is None:
                return f"{at}/{i}: no item matches {ev} in {actual}"
            used[j] = True
        return None
    if is_number(expect) and isinstance(actual, list):
        # serde's as_u64: a non-negative whole number
        if isinstance(expect, int) and expect >= 0 and expect == len(actual):
            return None
        return f"{at}: expected {expect}, got {actual}"
    if is_number(expect) and is_number(actual):
        return None if abs(float(expect) - float(actual)) < 1e-9 else f"{at}: expected {expect}, got {actual}"
    if expect == actual and type(expect) is type(actual) or (expect is None and actual is None):
        return None
    return f"{at}: expected {expect!r}, got {actual!r}"


def balanced(r: lw.CityRollup) -> bool:
    a = r.accounting
    return len(a.included) + len(a.superseded) + len(a.rejected) + len(a.plans) == a.inputs


def test_there_are_vectors() -> None:
    assert len(FILES) >= 15, f"only {len(FILES)} aggregate vectors"


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_vector(path: Path) -> None:
    v = load(path)
    r = lw.aggregate(
        v.get("submissions", []),
        notice=v.get("notice"),
        plans=v.get("plans"),
        grace_days=(v.get("options") or {}).get("grace_days"),
    )
    assert balanced(r), "accounting does not balance"
    err = matches(v["expect"], r.to_dict(), "")
    assert err is None, err
    for rec in [*r.accounting.rejected, *r.accounting.superseded]:
        for d in rec.diagnostics:
            assert d.code in CATALOG, f"{d.code} not in the catalog"
            assert "{" not in d.message or d.code == "json.syntax", f"unrendered {d.message}"


def test_nanchang_2021_example_package() -> None:
    r = lw.aggregate(EXAMPLES)
    assert r.expected_units == 13
    assert len(r.reported_units) == 12
    assert r.missing_units == ["南昌小蓝经济技术开发区"]
    assert [(u.unit, u.days_late) for u in r.late_units] == [("进贤县", 3)]
    assert len(r.accounting.superseded) == 1
    assert r.accounting.superseded[0].unit == "西湖区"
    assert r.accounting.superseded[0].id == "submissions/xihu.v1.submission.json"
    assert r.accounting.rejected == []
    assert len(r.accounting.plans) == 13
    assert balanced(r)
    assert "湾里管理局" in r.reported_units
    assert r.totals.participants.qualifier == "approx"
    assert r.totals.participants.unit == "人次"
    assert r.city_summary_validation.errors == 0, r.city_summary_validation.codes
    assert r.city_summary.host_unit == "南昌市"
    # Order does not matter; files, paths and parsed documents give the same roll-up.
    files = sorted(EXAMPLES.rglob("*.json"))
    assert lw.aggregate(reversed([EXAMPLES])) == r
    by_files = lw.aggregate(files[::-1])
    assert by_files.missing_units == r.missing_units and by_files.totals == r.totals
