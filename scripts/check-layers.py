#!/usr/bin/env python3
"""Fails when core's top-level modules import each other in a cycle or import a layer above.

Reads core/src/*.rs and core/src/*/mod.rs (a top-level module and everything below it count as
one), collects `crate::<module>` references (use lines and paths in code, comments excluded) and
reports each strongly connected component of more than one module, and each import from a
module into a layer above its own (LAYERS below). Exit 1 on either.

    python3 scripts/check-layers.py [--graph]
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "core" / "src"

#: The layers, leaf first: a module may import only modules of its own layer or below (and no
#: cycle, checked separately). A module missing from this table fails the check, so a new
#: module is placed on purpose.
LAYERS = [
    ("catalog", {"catalog", "json", "json_writer", "count", "checks", "text_match"}),
    ("text", {"satisfaction", "text", "times", "fold"}),
    ("decoding", {"decode"}),
    ("model", {"period", "notice", "jurisdiction", "plan", "summary", "submission", "checked"}),
    ("rules", {"rules", "import"}),
    ("validate", {"validate", "office", "reading"}),
    ("aggregate", {"aggregate"}),
    ("export", {"export"}),
    ("api", {"api"}),
    ("ffi", {"ffi"}),
    ("build tools", {"schema"}),
]


def modules() -> dict[str, list[Path]]:
    mods: dict[str, list[Path]] = {}
    for p in sorted(SRC.glob("*.rs")):
        if p.name not in ("lib.rs", "main.rs"):
            mods.setdefault(p.stem, []).append(p)
    for d in sorted(x for x in SRC.iterdir() if x.is_dir()):
        mods.setdefault(d.name, []).extend(sorted(d.rglob("*.rs")))
    return mods


def code_of(text: str) -> str:
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return "\n".join(line.split("//", 1)[0] for line in text.splitlines())


def edges(mods: dict[str, list[Path]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {m: set() for m in mods}
    for m, files in mods.items():
        for f in files:
            code = code_of(f.read_text(encoding="utf-8"))
            for target in re.findall(r"\bcrate::([a-z_][a-z0-9_]*)", code):
                if target in mods and target != m:
                    out[m].add(target)
            # `use crate::{a, b::c}` groups
            for group in re.findall(r"\bcrate::\{([^}]*)\}", code):
                for target in re.findall(r"(?:^|,)\s*([a-z_][a-z0-9_]*)", group):
                    if target in mods and target != m:
                        out[m].add(target)
    return out


def sccs(graph: dict[str, set[str]]) -> list[list[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def main() -> int:
    graph = edges(modules())
    if "--graph" in sys.argv:
        for m in sorted(graph):
            print(f"{m} -> {', '.join(sorted(graph[m])) or '(nothing)'}")
    failed = False
    for c in sccs(graph):
        print("import cycle among core's top-level modules: " + " ↔ ".join(c), file=sys.stderr)
        failed = True
    rank = {m: i for i, (_, mods) in enumerate(LAYERS) for m in mods}
    for m in sorted(graph):
        if m not in rank:
            print(f"core module `{m}` is in no layer: add it to LAYERS in {Path(__file__).name}", file=sys.stderr)
            failed = True
            continue
        for target in sorted(graph[m]):
            if target in rank and rank[target] > rank[m]:
                print(f"`{m}` (layer {LAYERS[rank[m]][0]}) imports `{target}` from the layer above it "
                      f"({LAYERS[rank[target]][0]})", file=sys.stderr)
                failed = True
    if failed:
        return 1
    print(f"layers: {len(graph)} top-level modules of core in {len(LAYERS)} layers "
          f"({' → '.join(name for name, _ in LAYERS)}), no import cycle, no import upwards")
    return 0

if __name__ == "__main__":
    sys.exit(main())
