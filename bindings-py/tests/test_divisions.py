"""The division-registry vectors (tests/vectors/divisions/*.json) through `learning_week.divisions`,
judged as core/tests/divisions_vectors.rs judges them: every key of `expect` matches the answer
(objects on the keys given, arrays of the same length element by element, numbers as numbers)."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import VECTORS, load

import learning_week as lw

FILES = sorted((VECTORS / "divisions").glob("*.json"))
CASES = [c for f in FILES for c in load(f).get("cases", [])]


def _mismatches(want: Any, got: Any, at: str = "") -> list[str]:
    if isinstance(want, dict) and isinstance(got, dict):
        out: list[str] = []
        for k, w in want.items():
            out += _mismatches(w, got[k], f"{at}/{k}") if k in got else [f"{at}/{k}: absent"]
        return out
    if isinstance(want, list) and isinstance(got, list) and len(want) == len(got):
        return [m for i, (w, g) in enumerate(zip(want, got)) for m in _mismatches(w, g, f"{at}/{i}")]
    numbers = (int, float)
    if isinstance(want, numbers) and isinstance(got, numbers) and not isinstance(want, bool) and not isinstance(got, bool):
        return [] if float(want) == float(got) else [f"{at}: expected {want!r}, got {got!r}"]
    return [] if want == got and type(want) is type(got) else [f"{at}: expected {want!r}, got {got!r}"]


def test_there_are_division_vectors() -> None:
    assert len(CASES) >= 10


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_division_vector(case: dict[str, Any]) -> None:
    answer = lw.divisions(case["query"], case.get("year"))
    problems = _mismatches(case["expect"], answer)
    assert not problems, "\n".join(problems)


def test_every_division_code_is_fired() -> None:
    fired = {c["expect"]["error"]["code"] for c in CASES if isinstance(c["expect"].get("error"), dict)}
    codes = {r.code for r in lw.rules() if r.code.startswith("division.")}
    assert codes and codes <= fired, f"division codes no vector fires: {sorted(codes - fired)}"


def test_bad_arguments_are_type_errors_and_hostile_names_answers() -> None:
    with pytest.raises(TypeError):
        lw.divisions(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        lw.divisions("南昌市", year="2021")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        lw.divisions("南昌市", year=True)
    with pytest.raises(ValueError):
        lw.divisions("南昌市", year=2**40)
    for q in ["", "\x00", "市" * 100_000, "\ufffd"]:
        a = lw.divisions(q)
        assert a["ok"] is False and a["error"]["code"] == "division.unknown"
        assert a["error"]["message"] and a["error"]["message_en"]


def test_nanchang_2021_gives_the_built_in_units() -> None:
    built_in = {u["name"]: u.get("aliases") or [] for u in lw.Notice.nanchang_2021().to_dict()["jurisdiction"]["units"]}
    ours = {u["name"]: u["aliases"] for u in lw.divisions("南昌市", 2021)["units"]}
    assert ours == built_in
