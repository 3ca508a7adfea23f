#!/usr/bin/env python3
"""Share of form cells read right through the row-aware label import (`learning-week import
--labels`), over tests/vectors/text/cells.json (our own cells in the style of activity-week
reports: averages, forecasts, other years' figures, other measures, several figures in a cell).

A cell is read right when, for a row figure that is there, the row holds the expected value and
qualifier (and, where the case expects one, a warning at that row; 影像图片报道 also its videos);
for a figure that is not the row's, the row is left empty and the text kept (import.kept_as_text)
or a warning is given. `reason right` also asks that the refusal or warning names the expected
reason. Usage: scripts/measure-cells.py [path/to/learning-week]   (standard library only)
"""
import json, os, subprocess, sys, tempfile
from collections import defaultdict

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
BIN = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "debug", "learning-week")
LABEL = {"participants": "参加活动人数", "satisfaction": "群众满意度", "text_reports": "文字报道", "image_reports": "影像图片报道"}
PTR = {"participants": ("participation", "participants"), "satisfaction": ("reach", "satisfaction"),
       "text_reports": ("publicity", "text_reports"), "image_reports": ("publicity", "image_reports")}

def run(case):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump({LABEL[case["row"]]: case["text"]}, f, ensure_ascii=False)
    out = subprocess.run([BIN, "import", "--labels", f.name, "--year", str(case.get("year", 2021))], capture_output=True, text=True)
    os.unlink(f.name)
    return json.loads(out.stdout)

def judge(case, a):
    e, s = case["expect"], a["summary"]
    group, key = PTR[case["row"]]
    got = (s.get(group) or {}).get(key)
    diags = a["diagnostics"]
    warn = [d for d in diags if d["severity"] == "warning" and d["code"] != "import.kept_as_text"]
    kept = [d for d in diags if d["code"] == "import.kept_as_text"]
    reasons = {str((d.get("params") or {}).get("refusal_reason") or (d.get("params") or {}).get("reason")) for d in warn + kept}
    if e["ok"]:
        right = isinstance(got, dict) and float(got.get("value", -1)) == float(e["value"]) and got.get("qualifier") == e["qualifier"]
        if e.get("warnings"):
            right = right and bool(warn)
        if "videos" in e and e["videos"] is not None:
            v = (s.get("publicity") or {}).get("video_reports")
            right = right and isinstance(v, dict) and v.get("value") == e["videos"]
        reason_right = right and all(r in reasons for r in e.get("reasons", []))
    else:
        right = got is None and bool(kept)
        reason_right = right and e["reason"] in reasons
    return right, reason_right

FILE = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "tests", "vectors", "text", "cells.json")
cases = json.load(open(FILE, encoding="utf-8"))["cases"]
by = defaultdict(lambda: [0, 0, 0])
for c in cases:
    r, rr = judge(c, run(c))
    t = by[c["category"]]
    t[0] += 1; t[1] += r; t[2] += rr
    if not rr:
        print(f"  {'miss' if not r else 'reason'} [{c['category']}] {c['text']}", file=sys.stderr)
tot = [sum(v[i] for v in by.values()) for i in range(3)]
for k, (n, r, rr) in sorted(by.items()):
    print(f"{k:14} {r:3}/{n:<3} read right ({100*r/n:5.1f} %), reason right {rr}/{n}")
print(f"{'all':14} {tot[1]:3}/{tot[0]:<3} read right ({100*tot[1]/tot[0]:5.1f} %), reason right {tot[2]}/{tot[0]}")
