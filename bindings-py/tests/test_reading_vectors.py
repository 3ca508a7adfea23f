"""The notice reader's shared vectors (tests/vectors/reading/), through `Notice.from_text`: the
same codes and values as Rust and JS, spans in Python's own `str` indices."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import learning_week as lw

ROOT = Path(__file__).resolve().parents[2]
CASES = json.loads((ROOT / "tests/vectors/reading/notices.json").read_text(encoding="utf-8"))["cases"]


def _pointer(data, pointer: str):
    for step in pointer.split("/")[1:]:
        if isinstance(data, list):
            i = int(step)
            data = data[i] if i < len(data) else None
        elif isinstance(data, dict):
            data = data.get(step)
        else:
            return None
    return data


def test_there_are_cases() -> None:
    assert len(CASES) >= 8


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_reading_vector(case: dict) -> None:
    text = case.get("input_text")
    if text is None:
        text = (ROOT / case["input_file"]).read_text(encoding="utf-8")
    options = case.get("options", {})
    city = options.get("city")
    if city is not None and not isinstance(city, str):
        with pytest.raises(TypeError):
            lw.Notice.from_text(text, city=city)
        return
    r = lw.Notice.from_text(text, city=city, year=options.get("year"))
    assert sorted(d.code for d in r.diagnostics) == case["expect"]["codes"]
    data = r.notice.to_dict()
    for pointer, want in case["expect"]["values"].items():
        assert _pointer(data, pointer) == want, pointer
    for s in r.sources:
        assert text[s.start : s.end] == s.text, s.path
    for pointer, want in case["expect"].get("sources", {}).items():
        assert next(s.text for s in r.sources if s.path == pointer) == want


def test_from_docx_refuses_what_is_no_notice_with_one_finding() -> None:
    r = lw.Notice.from_docx(b"not a zip")
    assert [d.code for d in r.diagnostics] == ["reading.not_a_notice"]
    r = lw.Notice.from_docx(b"PK\x03\x04 a broken zip")
    assert [d.code for d in r.diagnostics] == ["import.not_zip"]
    assert r.notice.to_dict() == {}


def test_from_text_takes_text_only() -> None:
    with pytest.raises(TypeError):
        lw.Notice.from_text(3)  # type: ignore[arg-type]
