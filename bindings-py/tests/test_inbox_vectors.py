"""Every inbox vector of tests/vectors/inbox/*.json through `learning_week.aggregate`, the files
given as `(name, bytes, modified)` tuples (the time a timezone-aware `datetime`), with the matching and the checks of
core/tests/inbox_vectors.rs (see that folder's README.md). A fixture that is missing fails the
vector, never skips it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, VECTORS, load
from test_aggregate_vectors import matches
from test_office import DIR

import learning_week as lw

FILES = sorted((VECTORS / "inbox").glob("*.json"))
FOLDERS = {"office": Path(DIR), "doc": ROOT / "tests" / "fixtures" / "doc"}
LISTS = ("included", "superseded", "rejected", "plans", "materials")
FILE_ONLY = ("aggregate.refused", "aggregate.unit_name_conflict", "aggregate.unit_from_file_name", "aggregate.superseded_same_time")


def file_bytes(spec: dict[str, Any]) -> bytes:
    """A file's bytes: its inline `text` (UTF-8), or its `fixture` (`office:<file>` / `doc:<file>`)."""
    if isinstance(spec.get("text"), str):
        return str(spec["text"]).encode("utf-8")
    kind, _, name = str(spec["fixture"]).partition(":")
    path = FOLDERS[kind] / name
    assert path.is_file(), f"fixture missing: {path}"
    return path.read_bytes()


def code_errors(v: dict[str, Any], accounting: dict[str, Any]) -> str | None:
    """`fires`: each code on the named input of its accounting list; `silent`: on no input."""
    def has(record: dict[str, Any], code: str) -> bool:
        return any(d.get("code") == code for d in record.get("diagnostics") or [])

    for f in v.get("fires", []):
        records = [r for r in accounting[f["in"]] if r.get("id") == f["input"]]
        if not records:
            return f"fires {f['code']}: {f['input']} is not in accounting.{f['in']}"
        if not has(records[0], f["code"]):
            return f"fires {f['code']}: not on {f['input']} in accounting.{f['in']}: {records[0].get('diagnostics')}"
    for code in v.get("silent", []):
        for name in LISTS:
            for r in accounting[name]:
                if has(r, code):
                    return f"silent {code}: fired on {r.get('id')} in accounting.{name}"
    return None


def test_there_are_vectors_and_each_file_only_code_fires_and_misses() -> None:
    assert len(FILES) >= 8, f"only {len(FILES)} inbox vectors"
    vectors = [load(p) for p in FILES]
    for code in FILE_ONLY:
        assert any(f["code"] == code for v in vectors for f in v.get("fires", [])), f"{code} fires in no vector"
        assert any(code in v.get("silent", []) for v in vectors), f"{code} is silent in no near miss"


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_vector(path: Path) -> None:
    v = load(path)
    files = [
        (str(f["name"]), file_bytes(f), datetime.fromisoformat(f["modified"]) if f.get("modified") else None)
        for f in v["files"]
    ]
    options = v.get("options") or {}
    r = lw.aggregate(files, grace_days=options.get("grace_days"), submitted_at=options.get("submitted_at"))
    a = r.accounting
    counted = sum(len(getattr(a, name)) for name in LISTS)
    assert a.inputs == len(files) == counted, f"accounting does not balance: {len(files)} files, {a.inputs} inputs, {counted} accounted for"
    actual = r.to_dict()
    err = matches(v["expect"], actual, "")
    assert err is None, err
    err = code_errors(v, actual["accounting"])
    assert err is None, err
