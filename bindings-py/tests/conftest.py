"""Shared paths for the Python suite. The suite runs the repository's own vectors, so it runs
from a checkout (scripts/test-python.sh), against the installed wheel."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ROOT / "tests" / "vectors"
EXAMPLES = ROOT / "examples" / "nanchang-2021"


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def case_text(case: dict[str, Any]) -> str:
    """The input text of a document vector, as core/tests/vectors.rs builds it: `input_text`,
    or `input_generated` (prefix + repeat × count + suffix), or `input` serialised."""
    if isinstance(case.get("input_text"), str):
        return str(case["input_text"])
    g = case.get("input_generated")
    if isinstance(g, dict):
        return str(g.get("prefix", "")) + str(g.get("repeat", "")) * int(g.get("count", 0)) + str(g.get("suffix", ""))
    return json.dumps(case.get("input"), ensure_ascii=False, separators=(",", ":"))
