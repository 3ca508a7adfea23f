"""Every document vector of tests/vectors/*.json through the Python binding, with the checks of
core/tests/vectors.rs: `valid`, the sorted multiset of codes, the sorted paths of listed codes,
and every diagnostic rendered, in the catalog, at a JSON Pointer. Cases given as `input` run a
second time as Python data (the `json.dumps` path) and must give the same answer."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import VECTORS, case_text, load

import learning_week as lw

FILES = sorted(VECTORS.glob("*.json"))
CASES = [(f.name, c) for f in FILES for c in load(f).get("cases", [])]
CATALOG = {r.code for r in lw.rules()}


def check(case: dict[str, Any], found: list[lw.Diagnostic]) -> list[str]:
    expect = case["expect"]
    problems = []
    if isinstance(expect.get("valid"), bool):
        valid = not any(d.severity == "error" for d in found)
        if valid != expect["valid"]:
            problems.append(f"valid: expected {expect['valid']}, got {valid}")
    if isinstance(expect.get("codes"), list):
        want = sorted(c for c in expect["codes"] if isinstance(c, str))
        got = sorted(d.code for d in found)
        if want != got:
            problems.append(f"codes: expected {want}, got {got}")
    if isinstance(expect.get("paths"), dict):
        for code, paths in expect["paths"].items():
            want = sorted(p for p in (paths or []) if isinstance(p, str))
            got = sorted(d.path for d in found if d.code == code)
            if want != got:
                problems.append(f"paths of {code}: expected {want}, got {got}")
    for d in found:
        if not d.message or not d.message_en:
            problems.append(f"{d.code}: message not rendered: {d.message!r}")
        if d.code not in CATALOG:
            problems.append(f"{d.code}: code not in the catalog")
        if not (d.path == "" or d.path.startswith("/")):
            problems.append(f"{d.code}: path {d.path!r} is not a JSON Pointer")
    return problems


def run(case: dict[str, Any], document: Any) -> list[lw.Diagnostic]:
    options = case.get("options") or {}
    notice, plan, kind, field = options.get("notice"), options.get("plan"), case.get("kind"), case.get("field")
    found = lw.validate(document, notice=notice, plan=plan, kind=kind, pointer=field)
    # A compiled Validator answers the same, or refuses the notice / plan with those diagnostics.
    try:
        compiled = lw.Validator(notice=notice, plan=plan)
    except lw.ParseError as e:
        assert [d.to_dict() for d in e.diagnostics] == [d.to_dict() for d in found], "Validator refused differently"
    else:
        again = compiled.validate(document, kind=kind, pointer=field)
        assert [d.to_dict() for d in again] == [d.to_dict() for d in found], "Validator answers differently"
    return found


def test_there_are_vectors() -> None:
    assert FILES, f"no vector files in {VECTORS}"
    assert len(CASES) >= 80, f"only {len(CASES)} vectors"


@pytest.mark.parametrize(("file", "case"), CASES, ids=[f"{f}::{c.get('name', '?')}" for f, c in CASES])
def test_vector(file: str, case: dict[str, Any]) -> None:
    found = run(case, case_text(case))
    problems = check(case, found)
    assert not problems, "; ".join(problems)
    # A Python str is JSON text by design, so only non-string inputs have a data form.
    if "input" in case and "input_text" not in case and not isinstance(case["input"], str):
        as_data = run(case, case["input"])
        assert [d.to_dict() for d in as_data] == [d.to_dict() for d in found], "dict input differs from its text"


def test_every_rule_is_fired_by_a_vector() -> None:
    fired = {c for _, case in CASES for c in case.get("expect", {}).get("codes", [])}
    # value.unconvertible is a host value's (a cycle, a Map), which no JSON text can be: the
    # hostile suites fire it (test_hostile.py, hostile.test.mjs).
    missing = [
        code
        for code in sorted(CATALOG)
        if not code.startswith(("text.", "aggregate.", "import.", "division.", "reading."))
        and code != "value.unconvertible"
        and code not in fired
    ]
    assert not missing, f"rule codes no vector fires: {missing}"


# ---- the plain-data path (`Compiled.validate_data`) against the JSON text path -------------

#: The built-in notice, compiled (what `lw.validate` uses when no notice is given).
_BUILTIN = lw._DEFAULT[0]
assert _BUILTIN is not None

EXAMPLES = sorted((VECTORS.parent.parent / "examples" / "nanchang-2021" / "submissions").glob("*.json"))


def _both(kind: str | None, data: Any, options: str, pointer: str | None = None) -> tuple[Any, Any]:
    """The plain-data answer (Python objects) and what json.loads makes of the text path's."""
    import json

    from learning_week import _native
    from learning_week._base import _dumps

    text = _BUILTIN.validate(kind, _dumps(data), options, pointer)
    return _BUILTIN.validate_data(kind, data, options, pointer), json.loads(text)


@pytest.mark.parametrize("options", ["null", '{"lang": "en"}', '{"document": true}'])
def test_plain_data_answers_as_its_json_text(options: str) -> None:
    import json

    docs = [(c.get("kind"), c["input"]) for _, c in CASES if isinstance(c.get("input"), dict)]
    docs += [(None, json.loads(p.read_text(encoding="utf-8"))) for p in EXAMPLES]
    assert len(docs) > 50
    for kind, data in docs:
        for pointer in (None, "/summary/participation/participants"):
            fast, text = _both(kind, data, options, pointer)
            assert fast == text, (kind, pointer, str(data)[:200])
            # …down to the types (True is not 1) and the order of every object's keys
            assert repr(fast) == repr(text), (kind, pointer, str(data)[:200])


@pytest.mark.parametrize(
    "odd",
    [
        {"year": (2021,)},  # a tuple: json.dumps writes a list
        {"year": float("nan")},  # NaN: refused by json.dumps
        {"year": 10**30},  # beyond 64 bits
        {1: "x"},  # a key that is not a str
        {"host_unit": "\ud800"},  # a lone surrogate
    ],
)
def test_plain_data_declines_what_json_dumps_must_handle(odd: dict[Any, Any]) -> None:
    from learning_week import _native

    assert _BUILTIN.validate_data("summary", odd, "null", None) is None
    # …and the public function still answers (through json.dumps), never raises.
    assert isinstance(lw.validate(odd), list)


def test_plain_data_declines_deep_nesting_and_subclasses() -> None:
    from collections import OrderedDict

    from learning_week import _native

    deep: Any = "x"
    for _ in range(100):
        deep = {"k": deep}
    assert _BUILTIN.validate_data(None, deep, "null", None) is None
    # bool is an int subclass in Python but stays a boolean, as json.dumps writes it
    fast, text = _both("summary", {"year": True, "host_unit": 1.5}, "null")
    assert repr(fast) == repr(text) and "type.invalid" in [d["code"] for d in text["diagnostics"]]
    assert _BUILTIN.validate_data(None, OrderedDict(host_unit="东湖区"), "null", None) is None

    class Text(str):
        pass

    assert _BUILTIN.validate_data(None, {"host_unit": Text("东湖区")}, "null", None) is None
    assert [d.code for d in lw.validate({"host_unit": Text("朝阳区")})][:1] == [
        d.code for d in lw.validate({"host_unit": "朝阳区"})
    ][:1]


def _mutate(rng: Any, value: Any, depth: int = 0) -> Any:
    """A random damage of `value`: a value swapped for another type, a key dropped, renamed or
    added, a list shortened or grown; strings with escapes, CJK, emoji and controls."""
    odd: list[Any] = [
        None, True, False, 0, -1, 2**63 - 1, -(2**63), 2**64 - 1, 1.5, -0.0, 1e300, 3.0,
        "", " ", "约3.5万人次", "1200余人", "二十三个", "98%", 'a"b\\c/\n\t\x01', "😀東湖區", "\u2028", [], {},
    ]
    if rng.random() < 0.08 or depth > 6:
        return rng.choice(odd)
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            roll = rng.random()
            if roll < 0.05:
                continue
            if roll < 0.08:
                k = k + rng.choice(["_", "x", "名称", "~/"])
            out[k] = _mutate(rng, v, depth + 1)
        if rng.random() < 0.1:
            out[rng.choice(["extra", "备注", "", "a/b", "~0"])] = rng.choice(odd)
        return out
    if isinstance(value, list):
        items = [_mutate(rng, v, depth + 1) for v in value if rng.random() > 0.05]
        if items and rng.random() < 0.1:
            items.append(_mutate(rng, rng.choice(items), depth + 1))
        return items
    return value if rng.random() < 0.8 else rng.choice(odd)


def test_plain_data_answers_as_its_json_text_on_damaged_documents() -> None:
    """Seeded random damage of every example and dict vector: the plain-data path and the
    json.dumps path give the same answer, objects, types and key order included."""
    import json
    import random

    rng = random.Random(20211122)
    seeds = [json.loads(p.read_text(encoding="utf-8")) for p in EXAMPLES]
    seeds += [c["input"] for _, c in CASES if isinstance(c.get("input"), dict)]
    options = ["null", '{"lang": "en"}', '{"document": true}']
    for i in range(600):
        data = _mutate(rng, rng.choice(seeds))
        if not isinstance(data, dict):
            continue
        for pointer in (None, "/summary/participation/participants"):
            fast, text = _both(None, data, options[i % 3], pointer)
            assert fast is not None, str(data)[:300]
            assert repr(fast) == repr(text), (pointer, str(data)[:300])
