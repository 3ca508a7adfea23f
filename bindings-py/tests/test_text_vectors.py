"""Every text vector of tests/vectors/text/*.json through the Python text parsers, judged as
core/tests/text_vectors.rs judges them: the parser named by the file, `year` (periods) and
`of_kind` (quantities), `row` (cells) from the case, the answer put in the vectors' format, and every key of
`expect` equal to the answer's (numbers compared as floats; a missing key counts as null)."""

from __future__ import annotations

from typing import Any, Callable

import pytest
from conftest import VECTORS, load

import learning_week as lw

FILES = sorted((VECTORS / "text").glob("*.json"))
CASES = [(str(load(f).get("parser") or ""), c) for f in FILES for c in load(f).get("cases", [])]


def _phrase(value: dict[str, Any]) -> str:
    """`Span::of` in Python's units: `source[start:end]` (the package counts spans in
    characters), or "" when it does not fit."""
    raw = str(value.get("source", ""))
    span = value.get("span") or {}
    start, end = span.get("start"), span.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end <= len(raw):
        return ""
    return raw[start:end]


def _count(q: Any) -> Any:
    return q["value"] if isinstance(q, dict) else None


def _year(case: dict[str, Any]) -> int | None:
    y = case.get("year")
    if isinstance(y, int) and not isinstance(y, bool) and -(2**31) <= y < 2**31:
        return y
    return None


def _quantity(case: dict[str, Any]) -> dict[str, Any]:
    k = case.get("of_kind")
    q = lw.parse_quantity(case["text"], k) if isinstance(k, str) else lw.parse_quantity(case["text"])
    return {
        "ok": True,
        "value": q["value"],
        "qualifier": q["qualifier"],
        "unit": q.get("unit"),
        "kind": q["kind"],
        "phrase": _phrase(q),
    }


def _percent(case: dict[str, Any]) -> dict[str, Any]:
    p = lw.parse_percent(case["text"])
    if "level" in p:
        return {"ok": True, "level": p["level"], "phrase": _phrase(p)}
    return {"ok": True, "value": p["value"], "qualifier": p["qualifier"], "phrase": _phrase(p)}


def _period(case: dict[str, Any]) -> dict[str, Any]:
    p = lw.parse_period(case["text"], _year(case))
    return {"ok": True, "start": p["start"], "end": p["end"], "phrase": _phrase(p)}


def _venues(case: dict[str, Any]) -> dict[str, Any]:
    v = lw.parse_venues(case["text"])
    return {
        "ok": True,
        "main_venues": _count(v.get("main_venues")),
        "sub_venues": _count(v.get("sub_venues")),
        "refused": [e["code"] for e in v.get("refused", [])],
    }


def _units(case: dict[str, Any]) -> dict[str, Any]:
    u = lw.parse_units(case["text"])
    return {
        "ok": True,
        "units_total": _count(u.get("units_total")),
        "units_participating": _count(u.get("units_participating")),
    }


def _warnings(out: dict[str, Any], warnings: list[dict[str, Any]]) -> dict[str, Any]:
    out["warnings"] = sorted(str(w["code"]) for w in warnings)
    out["reasons"] = [w["params"]["reason"] for w in warnings if "reason" in w.get("params", {})]
    return out


def _cell(case: dict[str, Any]) -> dict[str, Any]:
    c = lw.read_cell(case["text"], case["row"], _year(case))
    v = c["value"]
    if case["row"] == "satisfaction":
        out = {"ok": True, "level": v["level"]} if "level" in v else {"ok": True, "value": v["value"], "qualifier": v["qualifier"]}
        return _warnings(out, c["warnings"])
    out = {
        "ok": True,
        "value": v["value"],
        "qualifier": v["qualifier"],
        "unit": v.get("unit"),
        "kind": v["kind"],
        "phrase": _phrase(v),
        "parts_add_up": c.get("parts_add_up"),
        "videos": _count(c.get("videos")),
    }
    return _warnings(out, c["warnings"])


def _names(case: dict[str, Any]) -> dict[str, Any]:
    return {"ok": True, "names": [i["text"] for i in lw.split_names(case["text"])]}


RUNNERS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "quantity": _quantity,
    "percent": _percent,
    "period": _period,
    "venues": _venues,
    "units": _units,
    "names": _names,
    "cell": _cell,
}


def run(parser: str, case: dict[str, Any]) -> dict[str, Any]:
    """The parser's answer in the vectors' format; a refusal is `{ok: false, code}`."""
    if not isinstance(case.get("text"), str):
        raise AssertionError("case has no text")
    if parser not in RUNNERS:
        raise AssertionError(f"unknown parser {parser}")
    try:
        return RUNNERS[parser](case)
    except lw.ParseError as e:
        d = e.diagnostics[0]
        return {"ok": False, "code": d.code, "reason": d.params.get("reason")}


def _is_num(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _json_eq(a: Any, b: Any) -> bool:
    """serde_json's `Value ==`: types must match (a bool is no number, 1 is not 1.0)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(_json_eq(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_json_eq(a[k], b[k]) for k in a)
    return bool(a == b)


def compare(expect: Any, got: dict[str, Any]) -> list[str]:
    if not isinstance(expect, dict):
        return ["expect is not an object"]
    diffs = []
    for k, v in expect.items():
        g = got.get(k)
        same = float(v) == float(g) if _is_num(v) and _is_num(g) else _json_eq(v, g)
        if not same:
            diffs.append(f"{k}: expected {v!r}, got {g!r}")
    return diffs


def test_enough_cases() -> None:
    assert FILES, f"no vector files in {VECTORS / 'text'}"
    assert len(CASES) >= 200, f"only {len(CASES)} vector cases"


@pytest.mark.parametrize(("parser", "case"), CASES, ids=[f"{p}:{c.get('name', '<unnamed>')}" for p, c in CASES])
def test_text_vector(parser: str, case: dict[str, Any]) -> None:
    got = run(parser, case)
    diffs = compare(case["expect"], got)
    assert not diffs, f"[{parser}] {case.get('name')} «{case.get('text')}»: {'; '.join(diffs)} (got {got})"


def test_refusal_is_parse_error_with_the_diagnostic() -> None:
    with pytest.raises(lw.ParseError) as e:
        lw.parse_quantity("成千上万人")
    assert [d.code for d in e.value.diagnostics] == ["text.vague"]
    assert e.value.diagnostics[0].message and e.value.diagnostics[0].message_en
    assert lw.parse_quantity("115萬余人")["value"] == 1_150_000
    assert lw.parse_period("11月22日至28日", year=2021)["start"] == "2021-11-22"
