"""No input may crash the package or let a Rust panic through (pyo3's PanicException is a
BaseException): the hostile inputs of tests/vectors/hostile.json, and hostile Python values,
through EVERY entry point. Each call must return normally or raise ParseError (ValueError)."""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable
from typing import Any

import pytest
from conftest import VECTORS, case_text, load

import learning_week as lw


def deep_list(n: int) -> Any:
    x: Any = []
    for _ in range(n):
        x = [x]
    return x


def deep_dict(n: int) -> Any:
    x: Any = 1
    for _ in range(n):
        x = {"a": x}
    return x


def cycle() -> Any:
    x: list[Any] = []
    x.append(x)
    return x


HOSTILE_TEXTS = {c["name"]: case_text(c) for c in load(VECTORS / "hostile.json")["cases"]}
HOSTILE_TEXTS.update(
    {
        "a count of 10^30": '{"participation": {"participants": 1' + "0" * 30 + "}}",
        "a 3 MB string": '"' + "区" * 1_000_000 + '"',
        "100,000 [": "[" * 100_000,
        "100,000 {": '{"a":' * 100_000,
    }
)
HOSTILE_VALUES: dict[str, Any] = {
    "100,000-deep list": deep_list(100_000),
    "100,000-deep dict": deep_dict(100_000),
    "100,000-deep dict under a summary": {"host_unit": "东湖区", "other": deep_dict(100_000)},
    "a cycle": cycle(),
    "NaN": {"participation": {"participants": math.nan}},
    "infinity": {"reach": {"satisfaction": math.inf}},
    "10^30": {"participation": {"participants": 10**30}},
    "-10^30": {"participation": {"participants": -(10**30)}},
    "a 3 MB string": {"host_unit": "区" * 1_000_000},
    "a lone surrogate": {"host_unit": "\ud800"},
    "a lone surrogate as text": '{"host_unit": "\ud800"}',
    "invalid UTF-8": b'{"host_unit": "\xff\xfe"}',
    "a BOM": "\ufeff{}".encode(),
    "an object": {"host_unit": object()},
    "a naive datetime": {"submitted_at": datetime.datetime(2021, 12, 1, 10, 0)},
    "a non-string key": {1: 2},
    "a list root": [1, 2, 3],
    "a number root": 2021,
    "None": None,
    "True": True,
    "empty bytes": b"",
}
INPUTS = {**{f"text: {k}": v for k, v in HOSTILE_TEXTS.items()}, **{f"value: {k}": v for k, v in HOSTILE_VALUES.items()}}


def entry_points() -> dict[str, Callable[[Any], object]]:
    e: dict[str, Callable[[Any], object]] = {
        "validate": lambda x: lw.validate(x),
        "validate kind=summary": lambda x: lw.validate(x, kind="summary"),
        "validate kind=submission": lambda x: lw.validate(x, kind="submission"),
        "validate kind=notice": lambda x: lw.validate(x, kind="notice"),
        "validate pointer": lambda x: lw.validate(x, kind="summary", pointer="/participation/participants"),
        "validate notice=": lambda x: lw.validate({"host_unit": "东湖区"}, notice=x),
        "validate plan=": lambda x: lw.validate({"host_unit": "东湖区"}, plan=x),
        "aggregate item": lambda x: lw.aggregate([x]),
        "aggregate notice=": lambda x: lw.aggregate([], notice=x),
        "aggregate plans=": lambda x: lw.aggregate([], plans=[x]),
    }
    for cls in (lw.SummaryTable, lw.ActivityPlan, lw.Submission, lw.Notice):
        e[f"{cls.__name__}.from_json"] = lambda x, cls=cls: cls.from_json(x)  # type: ignore[misc]
        e[f"{cls.__name__}.from_dict"] = lambda x, cls=cls: cls.from_dict(x)  # type: ignore[misc]
    for name in ("parse_quantity", "parse_percent", "parse_period", "parse_venues", "parse_units", "split_names"):
        if hasattr(lw, name):
            e[name] = getattr(lw, name)
    return e


ENTRY_POINTS = entry_points()


@pytest.mark.parametrize("entry", sorted(ENTRY_POINTS))
def test_no_hostile_input_escapes(entry: str) -> None:
    call = ENTRY_POINTS[entry]
    failures = []
    for name, value in INPUTS.items():
        try:
            call(value)
        except lw.ParseError as e:
            assert e.diagnostics, f"{name}: ParseError without diagnostics"
        except TypeError as e:
            # Only where the argument is not even of an accepted Python type (text parsers take str).
            if not entry.startswith(("parse_", "split_")) or isinstance(value, (str, bytes)):
                failures.append(f"{name}: TypeError {e}")
        except BaseException as e:  # noqa: BLE001 - a PanicException is a BaseException
            failures.append(f"{name}: {type(e).__name__}: {str(e)[:200]}")
    assert not failures, "\n".join(failures)


def test_deep_input_is_a_diagnostic() -> None:
    for value in (deep_list(100_000), deep_dict(100_000), "[" * 100_000):
        (d,) = lw.validate(value, kind="summary")
        assert d.code == "json.too_deep" and d.path == ""
    with pytest.raises(lw.ParseError) as e:
        lw.SummaryTable.from_dict(deep_dict(100_000))
    assert [d.code for d in e.value.diagnostics] == ["json.too_deep"]


def test_values_json_cannot_hold_are_diagnostics() -> None:
    """Core words why (in both languages, Python's own English kept as `detail` only), with
    the same reasons the JS package gives."""
    cases = [
        (cycle(), "cycle", "循环引用", "a cycle"),
        ({"a": object()}, "no_json", "“object”类型", 'type "object"'),
        ({("a", "b"): 1}, "key", "“tuple”类型的键", 'type "tuple"'),
        ('{"host_unit": "\ud800"}', "not_unicode", "Unicode", "Unicode"),
    ]
    for value, reason, zh, en in cases:
        (d,) = lw.validate(value)
        assert (d.code, d.path, d.params["reason"]) == ("value.unconvertible", "", reason), d
        assert zh in d.message and en in d.message_en, d
        assert "Circular reference" not in d.message and "codec" not in d.message, d
    (d,) = lw.validate(b"\xff")
    assert d.code == "type.invalid"


def test_every_text_parser_refuses_a_text_over_the_bound() -> None:
    """A 4 MB text of figures is `row.too_long` at once from every parser (core's bound, the
    same as the decoder's), its `text` param an excerpt of 20 characters and an ellipsis."""
    text = "约3万人次，98%，11月22日，主会场1个，9个县区、" * 150_000
    calls: dict[str, Callable[[], Any]] = {
        "parse_quantity": lambda: lw.parse_quantity(text),
        "parse_percent": lambda: lw.parse_percent(text),
        "parse_period": lambda: lw.parse_period(text, year=2021),
        "parse_venues": lambda: lw.parse_venues(text),
        "parse_units": lambda: lw.parse_units(text),
        "split_names": lambda: lw.split_names(text),
        "read_cell": lambda: lw.read_cell(text, "participants", year=2021),
    }
    for name, call in calls.items():
        with pytest.raises(lw.ParseError) as e:
            call()
        (d,) = e.value.diagnostics
        assert d.code == "row.too_long", name
        assert d.params["max"] == 65536 and d.params["chars"] == len(text), name
        assert d.params["text"] == text[:20] + "…", name


def test_nan_and_infinity_are_read_where_they_stand() -> None:
    """A float json.dumps refuses (NaN, ±Infinity: what a form's number field gives for text it
    could not read) is read as the text "NaN" / "Infinity" / "-Infinity" at its own row, as
    the JS package reads the same values — never the whole document refused, never missing."""

    def summary(participants: Any) -> dict[str, Any]:
        return {"host_unit": "东湖区", "year": 2021, "participation": {"participants": participants}}

    for value, text in ((math.nan, "NaN"), (math.inf, "Infinity"), (-math.inf, "-Infinity")):
        got = lw.validate(summary(value), kind="summary")
        assert got == lw.validate(summary(text), kind="summary"), text
        at = [d for d in got if d.path == "/participation/participants"]
        assert [d.code for d in at] == ["text.no_number"] and text in at[0].message_en, at
        field = "/participation/participants"
        assert lw.validate(summary(value), kind="summary", pointer=field) == lw.validate(summary(text), kind="summary", pointer=field)
        # Inside a model's data, a tuple and the roll-up alike.
        assert lw.aggregate([summary(value)])._data == lw.aggregate([summary(text)])._data
        nested = {"host_unit": "东湖区", "organizers": ({"name": "教体局", "x": value},)}
        assert lw.validate(nested, kind="summary") == lw.validate(
            {"host_unit": "东湖区", "organizers": [{"name": "教体局", "x": text}]}, kind="summary"
        )
