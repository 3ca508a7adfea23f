"""Python benchmark (BENCHMARKS.md; run by scripts/bench-python.sh): `learning_week.validate`
against (a) pydantic v2 on an equivalent model written here for the benchmark (field constraints,
plus model validators for the cross-field rules pydantic can express), (a') pydantic v2 on the
lean model a user writes first (types, ranges and five cross-field checks only) and (b) pure-Python
`jsonschema` (Draft202012Validator, formats checked) with our exported schemas/submission.schema.json,
on the same documents (bindings-py/benches/documents.py: the examples and deterministic mutations).

Every validator gets the same Python dict and must report every problem it can see: the
library returns its findings, pydantic raises one ValidationError carrying its errors, jsonschema
lists `iter_errors`. Each document is timed with the four validators in turn (so load on a
shared machine hits all four alike); a document's time is the median of `--repeat` runs; the
table shows the median over documents and the ratios of those medians, measured in this run.
Then batch validation of `--batch` dicts (the documents repeated). Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
from importlib import metadata
import json
import os
import platform
import statistics
import sys
import time
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Callable, Literal, Optional, Union

import jsonschema
import pydantic
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

import learning_week as lw

sys.path.insert(0, str(Path(__file__).resolve().parent))
from documents import ROOT, documents  # noqa: E402

# ---- (a) the pydantic v2 model: the 总结表 + plan + materials, as a typical service would write it

NonBlank = Annotated[str, Field(min_length=1, max_length=65536, pattern=r"\S")]
Text = Annotated[str, Field(max_length=65536)]
NonNeg = Annotated[int, Field(ge=0, le=1_000_000_000_000, strict=True)]
WEEK = (date(2021, 11, 22), date(2021, 11, 28))
DEADLINE = date(2021, 12, 5)
UNITS = {"东湖区", "西湖区", "青云谱区", "青山湖区", "新建区", "红谷滩区", "南昌县", "进贤县", "安义县",
         "湾里管理局", "湾里", "湾里区", "南昌高新技术产业开发区", "高新区", "南昌高新区", "南昌国家高新技术产业开发区",
         "南昌经济技术开发区", "经开区", "南昌经开区", "南昌小蓝经济技术开发区", "小蓝经开区"}


class Model(BaseModel):
    model_config = ConfigDict(extra="allow")


class Count(Model):
    value: NonNeg
    qualifier: Literal["exact", "approx", "at_least", "at_most"] = "exact"
    unit: Optional[Text] = None
    source: Optional[Text] = None


class Period(Model):
    start: date
    end: date

    @model_validator(mode="after")
    def ordered(self) -> "Period":
        if self.start > self.end:
            raise ValueError("period.start_after_end")
        return self


class Organizer(Model):
    name: NonBlank
    role: Literal["host", "undertaker", "co_organiser", "implementer", "supporter"]


class Leader(Model):
    name: Optional[Text] = None
    title: Optional[NonBlank] = None


class Leadership(Model):
    issuing_departments: Optional[list[NonBlank]] = None
    attending_leaders: Optional[list[Leader]] = None
    coordinating_department: Optional[NonBlank] = None
    planning_department: Optional[NonBlank] = None


class FeaturedActivity(Model):
    name: NonBlank
    description: Optional[Text] = None
    topics: Optional[list[NonBlank]] = None


class Participation(Model):
    units_total: NonNeg
    units_participating: NonNeg
    main_venues: NonNeg
    sub_venues: NonNeg
    participants: Union[NonNeg, Count]
    featured_activities: list[FeaturedActivity] = Field(min_length=1)

    @model_validator(mode="after")
    def cross(self) -> "Participation":
        if self.units_participating > self.units_total:
            raise ValueError("participation.units_exceed_total")
        if self.main_venues < 1:
            raise ValueError("participation.no_main_venue")
        return self


class ThemeAndContent(Model):
    theme: NonBlank
    content: NonBlank
    outcomes: Optional[Text] = None
    period: Period

    @model_validator(mode="after")
    def in_week(self) -> "ThemeAndContent":
        if self.period.start < WEEK[0] or self.period.end > WEEK[1]:
            raise ValueError("period.outside_week")
        return self


class Reach(Model):
    scope: NonBlank
    self_assessment: Optional[Text] = None
    satisfaction: Union[Annotated[float, Field(ge=0, le=100)], Text, dict[str, Any], None] = None


class Publicity(Model):
    scope: Optional[Text] = None
    text_reports: Optional[NonNeg] = None
    image_reports: Optional[NonNeg] = None


class SummaryTable(Model):
    year: Annotated[int, Field(ge=2000, le=2100, strict=True)]
    host_unit: NonBlank
    organizers: list[Organizer]
    leadership: Leadership
    participation: Participation
    theme_and_content: ThemeAndContent
    reach: Reach
    publicity: Publicity
    other: Optional[Text] = None

    @model_validator(mode="after")
    def notice(self) -> "SummaryTable":
        if self.year != 2021:
            raise ValueError("year.mismatch")
        if self.host_unit not in UNITS:
            raise ValueError("unit.unknown")
        return self


class Material(Model):
    kind: Literal["work_summary", "summary_table", "typical_case", "stamped_scan", "other"]
    file_name: NonBlank
    format: Optional[Text] = None


class OpeningCeremony(Model):
    date: date
    venue: NonBlank
    leaders: Optional[list[Leader]] = None


class Activity(Model):
    name: NonBlank
    topics: Optional[list[NonBlank]] = None
    form: Optional[Text] = None
    mode: Optional[Literal["online", "offline", "hybrid"]] = None
    period: Optional[Period] = None
    venue: Optional[Text] = None
    organiser: Optional[Text] = None
    target_groups: Optional[list[NonBlank]] = None
    expected_participants: Optional[Union[NonNeg, Count]] = None


class EpidemicPrevention(Model):
    responsible: NonBlank
    measures: Optional[list[NonBlank]] = None


class ActivityPlan(Model):
    year: Annotated[int, Field(ge=2000, le=2100, strict=True)]
    unit: NonBlank
    drafting_department: Optional[Text] = None
    theme: NonBlank
    opening_ceremony: OpeningCeremony
    activities: list[Activity] = Field(min_length=1)
    epidemic_prevention: EpidemicPrevention
    safety_measures: Optional[list[NonBlank]] = None
    funding: Optional[Text] = None
    publicity_channels: Optional[list[NonBlank]] = None
    open_venues: Optional[list[NonBlank]] = None


class Submission(Model):
    summary: SummaryTable
    submitted_at: datetime
    materials: list[Material]
    plan: Optional[ActivityPlan] = None

    @model_validator(mode="after")
    def package(self) -> "Submission":
        if self.submitted_at.date() > DEADLINE:
            raise ValueError("submission.late")
        kinds = [m.kind for m in self.materials]
        for k in ("work_summary", "summary_table", "typical_case", "stamped_scan"):
            if k not in kinds:
                raise ValueError("submission.material_missing")
        if kinds.count("typical_case") != 1:
            raise ValueError("submission.typical_case_count")
        return self


# ---- (b) the lean pydantic v2 model: what a user writes first (issue 21) — the same rows with
# just their types and ranges, and five cross-field checks: participating ≤ total, the period in
# order, its start and its end inside the week, the unit in the jurisdiction. Nothing else.

LeanCount = Union[NonNeg, Count]


class LeanPeriod(BaseModel):
    start: date
    end: date


class LeanParticipation(BaseModel):
    units_total: LeanCount
    units_participating: LeanCount
    main_venues: LeanCount
    sub_venues: LeanCount
    participants: LeanCount


class LeanTheme(BaseModel):
    theme: str
    content: str
    period: LeanPeriod


class LeanSummary(BaseModel):
    year: Annotated[int, Field(ge=2000, le=2100)]
    host_unit: str
    participation: LeanParticipation
    theme_and_content: LeanTheme

    @model_validator(mode="after")
    def cross(self) -> "LeanSummary":
        p, period = self.participation, self.theme_and_content.period
        value = lambda c: c if isinstance(c, int) else c.value  # noqa: E731
        if value(p.units_participating) > value(p.units_total):
            raise ValueError("participation.units_exceed_total")
        if period.start > period.end:
            raise ValueError("period.start_after_end")
        if period.start < WEEK[0]:
            raise ValueError("period.outside_week")
        if period.end > WEEK[1]:
            raise ValueError("period.outside_week")
        if self.host_unit not in UNITS:
            raise ValueError("unit.unknown")
        return self


class LeanMaterial(BaseModel):
    kind: Literal["work_summary", "summary_table", "typical_case", "stamped_scan", "other"]
    file_name: str


class LeanSubmission(BaseModel):
    summary: LeanSummary
    submitted_at: datetime
    materials: list[LeanMaterial]


# ---- the four validators: each returns how many problems it reported

def run_lw(doc: dict[str, Any]) -> int:
    # errors only: the library also reports warnings and infos, the others have none
    return sum(1 for d in lw.validate(doc, kind="submission") if d.severity == "error")


def pydantic_runner(model: type[BaseModel]) -> Callable[[dict[str, Any]], int]:
    def run(doc: dict[str, Any]) -> int:
        try:
            model.model_validate(doc)
            return 0
        except ValidationError as e:
            return e.error_count()

    return run


SCHEMA = json.loads((ROOT / "schemas" / "submission.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def run_jsonschema(doc: dict[str, Any]) -> int:
    return sum(1 for _ in VALIDATOR.iter_errors(doc))


TOOLS: dict[str, Callable[[dict[str, Any]], int]] = {
    "learning_week.validate": run_lw,
    f"pydantic {pydantic.VERSION} (rich model)": pydantic_runner(Submission),
    f"pydantic {pydantic.VERSION} (lean model)": pydantic_runner(LeanSubmission),
    f"jsonschema {metadata.version('jsonschema')} (pure Python)": run_jsonschema,
}


def fmt(ns: float) -> str:
    return f"{ns / 1e3:10.1f} µs" if ns < 1e7 else f"{ns / 1e9:10.3f} s "


def main() -> None:
    ap = argparse.ArgumentParser(description="learning_week.validate vs pydantic v2 (rich and lean) vs jsonschema")
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--batch", type=int, default=10_000)
    args = ap.parse_args()

    docs = documents(args.docs)
    names = list(TOOLS)
    print(f"python {platform.python_version()}, {os.cpu_count()} cpus, {len(docs)} documents, "
          f"repeat {args.repeat}; learning_week {lw.__version__}")
    # Not timed: how many documents each validator rejects.
    rejected = {n: sum(1 for d in docs if TOOLS[n](d) > 0) for n in names}
    for n in names:
        print(f"  {n}: rejects {rejected[n]} of {len(docs)}")
    print("  (the library also checks what the others cannot express: the plan against the 总结表,\n"
          "   the theme, focus items, rural duty, file formats …; so it rejects more)")

    per_doc: dict[str, list[float]] = {n: [] for n in names}
    clock = time.perf_counter_ns
    for d in docs:
        samples: dict[str, list[int]] = {n: [] for n in names}
        for _ in range(args.repeat):
            for n in names:
                f = TOOLS[n]
                t0 = clock()
                f(d)
                samples[n].append(clock() - t0)
        for n in names:
            per_doc[n].append(statistics.median(samples[n]))

    base = names[0]
    med = {n: statistics.median(per_doc[n]) for n in names}
    print("\nper document (median over documents of each document's median):")
    print(f"  {'validator':40} {'median':>13} {'p90':>13}   learning_week is N× faster")
    for n in names:
        p90 = statistics.quantiles(per_doc[n], n=10)[-1]
        print(f"  {n:40} {fmt(med[n])} {fmt(p90)}   {med[n] / med[base]:8.2f}×")

    # Batch: `--batch` dicts, the documents repeated; one pass each, tools in turn.
    batch = [docs[i % len(docs)] for i in range(args.batch)]
    print(f"\nbatch of {len(batch)} dicts (one pass each):")
    totals = {}
    for n in names:
        f = TOOLS[n]
        t0 = clock()
        for d in batch:
            f(d)
        totals[n] = clock() - t0
    for n in names:
        print(f"  {n:40} {fmt(totals[n])} total, {fmt(totals[n] / len(batch))} per dict   "
              f"{totals[n] / totals[base]:8.2f}×")


if __name__ == "__main__":
    main()
