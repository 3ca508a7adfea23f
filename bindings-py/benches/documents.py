"""The benchmark documents (BENCHMARKS.md), the same for the Python and JS benches: the example
submissions of examples/nanchang-2021, the error-path document of core/benches/data, and
deterministic mutations of them up to N (default 1,000). Stdlib only.

About a third of the mutations break a rule (a negative or fractional count, satisfaction above
100, more units participating than exist, an inverted period, a late or unknown unit, a wrong
type), so every validator does both its accepting and its reporting work.

    python3 bindings-py/benches/documents.py --out docs.json [--n 1000]
"""

from __future__ import annotations

import argparse
import copy
import json
import random
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
UNITS = ["东湖区", "西湖区", "青云谱区", "青山湖区", "新建区", "红谷滩区", "南昌县", "进贤县", "安义县",
         "湾里管理局", "湾里区", "南昌高新区", "南昌经开区", "小蓝经开区"]


def base_documents() -> list[dict[str, Any]]:
    """The example submissions (sorted by file name), then the error-path document."""
    paths = sorted((ROOT / "examples" / "nanchang-2021" / "submissions").glob("*.json"))
    paths.append(ROOT / "core" / "benches" / "data" / "error-path.submission.json")
    return [json.loads(p.read_text(encoding="utf-8")) for p in paths]


def _break(doc: dict[str, Any], rng: random.Random) -> None:
    s = doc["summary"]
    p = s["participation"]
    how = rng.randrange(8)
    if how == 0:
        p["sub_venues"] = -rng.randrange(1, 9)
    elif how == 1:
        p["units_participating"] = p["units_total"] + rng.randrange(1, 5)
    elif how == 2:
        s["reach"]["satisfaction"] = 100 + rng.randrange(1, 90) / 10
    elif how == 3:
        s["theme_and_content"]["period"] = {"start": "2021-11-28", "end": "2021-11-22"}
    elif how == 4:
        s["publicity"]["text_reports"] = rng.randrange(1, 50) + 0.5
    elif how == 5:
        s["year"] = str(s["year"])
    elif how == 6:
        p["main_venues"] = 0
    else:
        doc["materials"] = [m for m in doc["materials"] if m["kind"] != "stamped_scan"]


def mutate(doc: dict[str, Any], i: int) -> dict[str, Any]:
    """Document `i`: `doc` with unit, counts, satisfaction and time varied; every third broken."""
    rng = random.Random(i)
    d = copy.deepcopy(doc)
    s = d["summary"]
    p = s["participation"]
    s["host_unit"] = rng.choice(UNITS)
    p["units_total"] = rng.randrange(5, 21)
    p["units_participating"] = rng.randrange(1, p["units_total"] + 1)
    p["sub_venues"] = rng.randrange(0, 41)
    unit = rng.choice(["人次", "人"])
    if rng.randrange(3) == 0:
        p["participants"] = {"value": rng.randrange(1, 90) * 1000, "qualifier": "approx", "unit": unit}
    else:
        p["participants"] = {"value": rng.randrange(100, 200_001), "unit": unit}
    s["publicity"]["text_reports"] = rng.randrange(0, 81)
    s["publicity"]["image_reports"] = rng.randrange(0, 121)
    s["reach"]["satisfaction"] = rng.randrange(800, 1001) / 10
    day = rng.randrange(29, 39)  # 2021-11-29 … 2021-12-08 (deadline 2021-12-05)
    month, dd = (11, day) if day <= 30 else (12, day - 30)
    d["submitted_at"] = f"2021-{month:02}-{dd:02}T{rng.randrange(8, 19):02}:{rng.randrange(60):02}:00+08:00"
    if i % 3 == 0:
        _break(d, rng)
    return d


def documents(n: int = 1000) -> list[dict[str, Any]]:
    """The bases as they are, then mutations of them (round robin) up to `n`."""
    bases = base_documents()
    docs = [copy.deepcopy(b) for b in bases[:n]]
    i = 0
    while len(docs) < n:
        base = bases[i % (len(bases) - 1)]  # mutate the examples, not the error-path document
        docs.append(mutate(base, i))
        i += 1
    return docs


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--n", type=int, default=1000)
    args = ap.parse_args()
    Path(args.out).write_text(json.dumps(documents(args.n), ensure_ascii=False), encoding="utf-8")
