"""The inbox benchmark's Python half (scripts/bench-inbox.sh): `lw.aggregate(Path(folder))` on
a folder of Word forms, best of `--repeat` runs, in seconds. Prints; asserts nothing about time."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import learning_week as lw


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("folder", type=Path)
    p.add_argument("--repeat", type=int, default=5)
    a = p.parse_args()
    v = lw.Validator()
    best = float("inf")
    for _ in range(a.repeat):
        t = time.perf_counter()
        r = v.aggregate(a.folder)
        best = min(best, time.perf_counter() - t)
    print(f"python aggregate: {r.accounting.inputs} files in {best:.3f} s (best of {a.repeat})")


if __name__ == "__main__":
    main()
