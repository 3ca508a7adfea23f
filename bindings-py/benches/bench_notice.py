"""Issue 22: a notice compiled once. Per call of `validate` on donghu's submission (and of one
field, `pointer=`), with the built-in notice, a compiled `Validator` of the same notice loaded
from its own JSON, and the module-level `validate(…, notice=…)` given the notice as text, as a
`Path` and as a `Notice` object. Interleaved rounds in alternating order, medians; ratios against the built-in,
measured in this run (goal: the custom notice ≤ 1.10× the built-in).

    python bindings-py/benches/bench_notice.py [CALLS]
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

import learning_week as lw

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    doc: dict[str, Any] = json.loads((ROOT / "examples/nanchang-2021/submissions/donghu.submission.json").read_text("utf-8"))
    text = json.dumps(json.loads(lw._native.default_notice()), ensure_ascii=False)
    folder = tempfile.mkdtemp()
    path = Path(folder) / "notice.json"
    path.write_text(text, encoding="utf-8")
    notice_obj = lw.Notice.from_json(text)
    custom = lw.Validator(notice=text)
    field = "/summary/participation/participants"
    cases: dict[str, Callable[[], object]] = {
        "validate, built-in": lambda: lw.validate(doc),
        "validate, Validator(custom)": lambda: custom.validate(doc),
        "validate(notice=text)": lambda: lw.validate(doc, notice=text),
        "validate(notice=Path)": lambda: lw.validate(doc, notice=path),
        "validate(notice=Notice)": lambda: lw.validate(doc, notice=notice_obj),
        "field, built-in": lambda: lw.validate(doc, pointer=field),
        "field, Validator(custom)": lambda: custom.validate(doc, pointer=field),
        "field, validate(notice=text)": lambda: lw.validate(doc, notice=text, pointer=field),
    }
    for f in cases.values():  # warm up, and the answers agree
        f()
    assert [d.to_dict() for d in custom.validate(doc)] == [d.to_dict() for d in lw.validate(doc)]
    samples: dict[str, list[float]] = {n: [] for n in cases}
    order = list(cases.items())
    for r in range(15):
        # Forwards, then backwards: no case always runs first (a fixed order skewed it by 10 %).
        for n, f in order if r % 2 == 0 else order[::-1]:
            t = time.perf_counter_ns()
            for _ in range(calls):
                f()
            samples[n].append((time.perf_counter_ns() - t) / calls)
    med = {n: statistics.median(v) for n, v in samples.items()}
    print(f"{calls} calls × 15 interleaved rounds (order alternating), median µs per call (ratio to the built-in of the same call)")
    for n, v in med.items():
        base = med["field, built-in"] if n.startswith("field") else med["validate, built-in"]
        print(f"  {n:32} {v / 1000:9.1f} µs   {v / base:5.2f}×")


if __name__ == "__main__":
    main()
