"""The city centre's job in one script: read the districts' reports, check them, roll them up,
and get one row per unit as a DataFrame. Run from the repository root:

    python examples/python/city_rollup.py [FOLDER]

FOLDER defaults to examples/nanchang-2021 (a plan and a submission per unit, defects planted).
CI runs it (scripts/test-python.sh) and type-checks it with `mypy --strict`; it uses every public
name of `learning_week`.
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path
from typing import Any

import learning_week as lw
from learning_week import models

ROOT = Path(__file__).resolve().parents[2]


def main(folder: Path) -> int:
    print(f"learning_week {lw.__version__}: {len(lw.rules())} rules")
    notice: lw.Notice = lw.Notice.nanchang_2021()
    week = notice.week
    assert week is not None
    print(f"notice: {notice.title} ({week.start} – {week.end})")

    # 1. Read every submission and check it against the notice (all findings at once, as data).
    submissions: list[lw.Submission] = []
    for path in sorted((folder / "submissions").glob("*.json")):
        try:
            sub = lw.Submission.from_json(path.read_text(encoding="utf-8"))
        except lw.ParseError as e:  # malformed JSON, a value of the wrong type …
            print(f"{path.name}: unreadable: {e.diagnostics[0].message}")
            continue
        submissions.append(sub)
        summary: lw.SummaryTable | None = sub.summary
        participants: lw.Count | None = None
        if summary is not None and summary.participation is not None:
            participants = summary.participation.participants
        figure = "—" if participants is None else f"{participants.value} ({participants.qualifier}, {participants.unit})"
        findings: list[lw.Diagnostic] = lw.validate(sub, notice=notice)
        worst = [d for d in findings if d.severity != "info"]
        host = summary.host_unit if summary is not None else None
        print(f"{path.name}: {host}, participants {figure}, {len(worst)} to look at")
        for d in worst:
            print(f"    {d.severity} {d.code} at {d.path}: {d.message_en}")

    # 2. A plan on its own, and a 总结表 checked against it (kind given explicitly).
    plan = lw.ActivityPlan.from_json((folder / "plans" / "donghu.plan.json").read_bytes())
    kind: lw.DocumentKind = "summary"
    draft: lw.DocumentInput = {"year": 2021, "host_unit": "东湖区", "participation": {"main_venues": 0}}
    codes = sorted({d.code for d in lw.validate(draft, plan=plan, kind=kind, lang="en")})
    print(f"draft 总结表 against the 东湖区 plan: {', '.join(codes)}")

    # 3. The roll-up: the whole folder (plans included), or the objects read above.
    rollup: lw.CityRollup = lw.aggregate(folder, notice=notice)
    again = lw.aggregate(submissions, plans=[folder / "plans"])
    assert again.missing_units == rollup.missing_units
    c = rollup.completeness
    print(f"reported {c.reported}/{c.expected} ({c.rate_percent:.1f}%), missing: {', '.join(rollup.missing_units)}")
    late: list[models.LateUnit] = rollup.late_units
    for u in late:
        when: datetime.datetime | None = u.submitted_at
        print(f"late: {u.unit} by {u.days_late} day(s), sent {when}")
    total = rollup.totals.participants
    print(f"participants in total: {total.value} {total.unit or ''} ({total.qualifier})")

    # 4. One flat row per unit: a DataFrame when pandas is installed.
    records = rollup.to_records()
    try:
        df = rollup.to_pandas()
    except ImportError as e:
        print(f"(no pandas: {e}); first record: {records[0]}")
    else:
        print(df[["unit", "status", "days_late", "participants", "participants_qualifier"]].to_string())

    # 5. Errors are exceptions carrying the diagnostics.
    try:
        lw.SummaryTable.from_json("{")
    except lw.ParseError as e:
        print(f"ParseError: {e}")

    # 6. Text parsers: the free text of a 总结表 cell read into values (dicts), or ParseError.
    qty: dict[str, Any] = lw.parse_quantity("约3.5万人次", of_kind="person_times")
    pct: dict[str, Any] = lw.parse_percent("满意率98%以上")
    period: dict[str, Any] = lw.parse_period("11月22日至28日", year=2021)
    venues: dict[str, Any] = lw.parse_venues("主会场1个，分会场12个")
    units: dict[str, Any] = lw.parse_units("全市9个县区全部参与")
    names: list[dict[str, Any]] = lw.split_names("区教体局、区文明办")
    print(qty["value"], pct["value"], period["start"], venues["sub_venues"], units["units_total"], len(names))
    try:
        lw.parse_quantity("成千上万人")
    except lw.ParseError as e:
        print(f"ParseError: {e.diagnostics[0].code}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "examples" / "nanchang-2021"))
