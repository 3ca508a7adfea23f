#!/usr/bin/env python3
"""Generates the shared test vectors in tests/vectors/*.json.

The Rust (core/tests/vectors.rs), Python and JS suites all run these files; see README.md for
the format. Each case starts from one of three valid base documents written below (a 总结表 of
东湖区, its activity plan, and a submission carrying the 总结表) and changes one row, so the
name of a case says which row and which rule it exercises. The expected codes were worked out
from the rules (core/src/rules/*.rs) and the notice, not copied from the library's output.

Run from anywhere:    python3 tests/vectors/generate.py
It rewrites every <group>.json of this folder (not text/ nor aggregate/, which other generators
own) deterministically: same script, same bytes. Python 3.8+, standard library only.
"""

import copy
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
with open(os.path.join(ROOT, "core", "data", "nanchang-2021.notice.json"), encoding="utf-8") as f:
    NOTICE = json.load(f)

THEME = "庆建党百年华诞，谱终身学习新篇"

# Severity of every code the cases expect; a case is valid when none of its codes is an error.
NOT_ERRORS = {
    "field.unknown", "field.ignored", "participation.participants_not_people", "period.partly_outside_week",
    "theme.mismatch", "theme.near_miss", "theme.other_year", "plan.featured_not_in_plan", "plan.period_inconsistent",
    "plan.activity_outside_week", "plan.focus_item_missing", "plan.publicity_channels_missing",
    "submission.before_week_end", "text.figure_set_aside", "text.parts_mismatch", "text.parts_other_kind",
    "json.duplicate_key", "count.source_mismatch",  # warnings
    "count.from_text", "unit.alias_normalised", "satisfaction.missing",  # infos
}

# ------------------------------------------------------------------------------------------
# Base documents: each is valid and gives no diagnostic at all against the built-in notice.

BASE_SUMMARY = {
    "year": 2021,
    "host_unit": "东湖区",
    "organizers": [
        {"name": "东湖区教育体育局", "role": "host"},
        {"name": "东湖区社区教育学院", "role": "implementer"},
        {"name": "各街道社区教育学校", "role": "co_organiser"},
    ],
    "leadership": {
        "issuing_departments": ["东湖区教育体育局"],
        "attending_leaders": [{"title": "区人民政府副区长"}, {"title": "区教育体育局局长"}],
        "coordinating_department": "东湖区教育体育局职成教育科",
        "planning_department": "东湖区社区教育学院",
    },
    "participation": {
        "units_total": 10,
        "units_participating": 9,
        "main_venues": 1,
        "sub_venues": 12,
        "participants": {"value": 28600, "qualifier": "exact", "unit": "人次"},
        "featured_activities": [
            {"name": "“双减”课后服务进社区", "topics": ["双减"]},
            {"name": "“智慧助老”智能手机培训班", "topics": ["智慧助老"]},
        ],
    },
    "theme_and_content": {
        "theme": THEME,
        "content": "围绕主题开展社区教育服务“双减”、“智慧助老”、职业技能培训和全民健康讲座等活动。",
        "outcomes": "共开展各类学习活动40余场，参与群众28600人次。",
        "period": {"start": "2021-11-22", "end": "2021-11-28"},
    },
    "reach": {
        "scope": "公园街道、滕王阁街道、豫章街道等9个街道及辖区中小学校、企事业单位",
        "satisfaction": 98.5,
        "self_assessment": "组织有序，参与面广，取得了圆满成功。",
    },
    "publicity": {
        "scope": "区教育官网、“东湖教育”微信公众号、南昌日报",
        "text_reports": 36,
        "image_reports": 58,
    },
    "other": "详细的活动情况总结、活动照片另附。",
}

BASE_PLAN = {
    "year": 2021,
    "unit": "东湖区",
    "drafting_department": "东湖区教育体育局",
    "theme": THEME,
    "opening_ceremony": {
        "date": "2021-11-22",
        "venue": "东湖区社区教育学院",
        "leaders": [{"title": "区人民政府副区长"}],
    },
    "activities": [
        {"name": "“双减”课后服务进社区", "topics": ["双减"], "form": "主题活动日", "mode": "offline",
         "period": {"start": "2021-11-22", "end": "2021-11-28"}, "venue": "公园街道社区教育学校",
         "expected_participants": 1500},
        {"name": "“智慧助老”智能手机培训班", "topics": ["智慧助老"], "form": "培训", "mode": "offline",
         "period": {"start": "2021-11-23", "end": "2021-11-27"}, "venue": "滕王阁街道社区学习中心",
         "target_groups": ["老年人群"], "expected_participants": 600},
        {"name": "“全民健康”中医养生讲座", "topics": ["全民健康"], "form": "专题讲座", "mode": "hybrid",
         "period": {"start": "2021-11-26", "end": "2021-11-26"}},
    ],
    "epidemic_prevention": {"responsible": "东湖区教育体育局", "measures": ["扫码、测温、佩戴口罩"]},
    "safety_measures": ["制定安全应急预案"],
    "funding": "区社区教育专项经费列支",
    "publicity_channels": ["教育官网", "教育微信公众号"],
}

BASE_MATERIALS = [
    {"kind": "work_summary", "file_name": "东湖区活动周工作总结.docx", "format": "docx"},
    {"kind": "summary_table", "file_name": "东湖区活动周总结表.docx", "format": "docx"},
    {"kind": "typical_case", "file_name": "东湖区典型活动案例.docx", "format": "docx"},
    {"kind": "stamped_scan", "file_name": "东湖区活动周总结（盖章）.pdf", "format": "pdf"},
]

BASE_SUBMISSION = {
    "summary": BASE_SUMMARY,
    "submitted_at": "2021-12-03T16:20:00+08:00",
    "materials": BASE_MATERIALS,
}

RURAL_PLAN = dict(copy.deepcopy(BASE_PLAN), unit="南昌县", drafting_department="南昌县教育体育局")

# ------------------------------------------------------------------------------------------
# Helpers

DELETE = object()


def tokens(pointer):
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]


def set_at(doc, pointer, value):
    """A deep copy of doc with the value at pointer replaced (DELETE removes it; "-" appends)."""
    doc = copy.deepcopy(doc)
    if pointer == "":
        return value
    *parents, last = tokens(pointer)
    node = doc
    for t in parents:
        node = node[int(t)] if isinstance(node, list) else node[t]
    if isinstance(node, list):
        if last == "-":
            node.append(value)
        elif value is DELETE:
            del node[int(last)]
        else:
            node[int(last)] = value
    elif value is DELETE:
        del node[last]
    else:
        node[last] = value
    return doc


def edit(doc, *changes):
    """Applies (pointer, value) pairs in order."""
    for pointer, value in changes:
        doc = set_at(doc, pointer, value)
    return doc


def summary(*changes):
    return edit(BASE_SUMMARY, *changes)


def plan(*changes):
    return edit(BASE_PLAN, *changes)


def submission(*changes):
    return edit(BASE_SUBMISSION, *changes)


def notice(*changes):
    return edit(NOTICE, *changes)


def dumps(v):
    return json.dumps(v, ensure_ascii=False, separators=(",", ":"))


GROUPS = {}


def case(group, name, kind, expect, *, input=None, input_text=None, input_generated=None,
         options=None, paths=None, valid=None, field=None):
    """Adds one case. `expect` is the multiset of codes (sorted here); `valid` defaults to
    "no error among the codes"; `field` (a JSON Pointer) re-checks that field only, as
    `validate_field` / `validateField` / `validate(pointer=…)` do."""
    c = {"name": name, "kind": kind}
    if field is not None:
        c["field"] = field
    if input_text is not None:
        c["input_text"] = input_text
    elif input_generated is not None:
        c["input_generated"] = input_generated
    else:
        c["input"] = input
    if options:
        c["options"] = options
    codes = sorted(expect)
    if valid is None:
        valid = all(code in NOT_ERRORS for code in codes)
    e = {"valid": valid, "codes": codes}
    if paths:
        e["paths"] = {k: sorted(v) for k, v in sorted(paths.items())}
    c["expect"] = e
    GROUPS.setdefault(group, []).append(c)


# ------------------------------------------------------------------------------------------
# summary-participation: 活动参与情况

G = "summary-participation"
case(G, "base 总结表 is valid: no rule fires", "summary", [], input=summary())
case(G, "participation.units_participating exceeds units_total → participation.units_exceed_total", "summary",
     ["participation.units_exceed_total"], input=summary(("/participation/units_participating", 11)),
     paths={"participation.units_exceed_total": ["/participation/units_participating"]})
case(G, "participation.units_participating equals units_total: no participation.units_exceed_total", "summary",
     [], input=summary(("/participation/units_participating", 10)))
case(G, "participation.units_participating at_least 11 of exactly 10 → participation.units_exceed_total", "summary",
     ["participation.units_exceed_total"],
     input=summary(("/participation/units_participating", {"value": 11, "qualifier": "at_least"})),
     paths={"participation.units_exceed_total": ["/participation/units_participating"]})
case(G, "participation.units_participating at_most 12 of 10 may be fewer: no participation.units_exceed_total",
     "summary", [], input=summary(("/participation/units_participating", {"value": 12, "qualifier": "at_most"})))
case(G, "participation.units_total at_least 8 is unbounded: 9 participating is no participation.units_exceed_total",
     "summary", [], input=summary(("/participation/units_total", {"value": 8, "qualifier": "at_least"})))
case(G, "participation.main_venues 0 → participation.no_main_venue", "summary",
     ["participation.no_main_venue"], input=summary(("/participation/main_venues", 0)),
     paths={"participation.no_main_venue": ["/participation/main_venues"]})
case(G, "participation.main_venues at_most 0 → participation.no_main_venue", "summary",
     ["participation.no_main_venue"],
     input=summary(("/participation/main_venues", {"value": 0, "qualifier": "at_most"})),
     paths={"participation.no_main_venue": ["/participation/main_venues"]})
case(G, "participation.main_venues at_least 0 is not certainly zero: no participation.no_main_venue", "summary",
     [], input=summary(("/participation/main_venues", {"value": 0, "qualifier": "at_least"})))
case(G, "participation.featured_activities empty → participation.featured_empty", "summary",
     ["participation.featured_empty"], input=summary(("/participation/featured_activities", [])),
     paths={"participation.featured_empty": ["/participation/featured_activities"]})
case(G, "participation.featured_activities one item with a blank name → row.blank", "summary",
     ["row.blank"], input=summary(("/participation/featured_activities", [{"name": "  "}])),
     paths={"row.blank": ["/participation/featured_activities/0/name"]})
case(G, "participation.participants counted in 场 → participation.participants_not_people (warning)", "summary",
     ["participation.participants_not_people"],
     input=summary(("/participation/participants", {"value": 671, "unit": "场"})),
     paths={"participation.participants_not_people": ["/participation/participants"]})
case(G, "participation.participants counted in 项 → participation.participants_not_people (warning)", "summary",
     ["participation.participants_not_people"],
     input=summary(("/participation/participants", {"value": 11, "unit": "项"})))
case(G, "participation.participants in 人 (people): no participation.participants_not_people", "summary",
     [], input=summary(("/participation/participants", {"value": 600, "qualifier": "at_least", "unit": "人"})))
case(G, "participation.participants bare integer (no unit): no participation.participants_not_people", "summary",
     [], input=summary(("/participation/participants", 28600)))
case(G, "participation.participants approx 35000 人次 with source text: valid", "summary",
     [], input=summary(("/participation/participants",
                        {"value": 35000, "qualifier": "approx", "unit": "人次", "source": "约3.5万人次"})))
case(G, "participation.participants negative → count.negative", "summary",
     ["count.negative"], input=summary(("/participation/participants", -5)),
     paths={"count.negative": ["/participation/participants"]})
case(G, "participation.participants object with negative value → count.negative at /value", "summary",
     ["count.negative"], input=summary(("/participation/participants", {"value": -1, "unit": "人次"})),
     paths={"count.negative": ["/participation/participants/value"]})
case(G, "participation.participants 10^30 → count.too_large", "summary",
     ["count.too_large"],
     input_text=dumps(summary(("/participation/participants", 0))).replace(
         '"participants":0', '"participants":1000000000000000000000000000000'),
     paths={"count.too_large": ["/participation/participants"]})
case(G, "participation.participants 10^12 is the largest count accepted", "summary",
     [], input_text=dumps(summary(("/participation/participants", 1000000000000))))
case(G, "participation.participants 10^12+1 → count.too_large", "summary",
     ["count.too_large"], input_text=dumps(summary(("/participation/participants", 1000000000001))),
     paths={"count.too_large": ["/participation/participants"]})
case(G, "participation.participants u64 max → count.too_large", "summary",
     ["count.too_large"], input_text=dumps(summary(("/participation/participants", 18446744073709551615))))
case(G, "participation.participants 3.5 → count.not_integer", "summary",
     ["count.not_integer"], input_text=dumps(summary(("/participation/participants", 3.5))),
     paths={"count.not_integer": ["/participation/participants"]})
case(G, "participation.sub_venues true → type.invalid", "summary",
     ["type.invalid"], input=summary(("/participation/sub_venues", True)),
     paths={"type.invalid": ["/participation/sub_venues"]})
case(G, "participation.sub_venues qualifier roughly → enum.unknown at /qualifier", "summary",
     ["enum.unknown"], input=summary(("/participation/sub_venues", {"value": 12, "qualifier": "roughly"})),
     paths={"enum.unknown": ["/participation/sub_venues/qualifier"]})
case(G, "participation.sub_venues object without value → row.missing at /value", "summary",
     ["row.missing"], input=summary(("/participation/sub_venues", {"qualifier": "approx", "unit": "个"})),
     paths={"row.missing": ["/participation/sub_venues/value"]})
case(G, "participation.sub_venues object with an unknown key → field.ignored (warning: a count cannot keep it)", "summary",
     ["field.ignored"], input=summary(("/participation/sub_venues", {"value": 12, "note": "含线上"})),
     paths={"field.ignored": ["/participation/sub_venues/note"]})
case(G, "participation.sub_venues {negative value, unknown key}: both reported, whatever the key order", "summary",
     ["count.negative", "field.ignored"], input=summary(("/participation/sub_venues", {"value": -1, "note": "含线上"})),
     paths={"count.negative": ["/participation/sub_venues/value"], "field.ignored": ["/participation/sub_venues/note"]})
case(G, "participation.sub_venues {unknown key, negative value}: the other key order gives the same", "summary",
     ["count.negative", "field.ignored"], input=summary(("/participation/sub_venues", {"note": "含线上", "value": -1})),
     paths={"count.negative": ["/participation/sub_venues/value"], "field.ignored": ["/participation/sub_venues/note"]})
case(G, "participation.units_total missing → row.missing", "summary",
     ["row.missing"], input=summary(("/participation/units_total", DELETE)),
     paths={"row.missing": ["/participation/units_total"]})
case(G, "participation.participants written as text 约3.5万人次 → count.from_text (info)", "summary",
     ["count.from_text"], input=summary(("/participation/participants", "约3.5万人次")),
     paths={"count.from_text": ["/participation/participants"]})
# A cell given as text is read for its row, as the label import reads it (text/cells.json has the
# parsers' side of the same cells): the notice's year tells another year's figure.
PP = "/participation/participants"
case(G, "participation.participants as text 2019年参与人数达5万人 (a 2021 notice) → text.not_row_figure, reason other_year", "summary",
     ["text.not_row_figure"], input=summary((PP, "2019年参与人数达5万人")), paths={"text.not_row_figure": [PP]})
case(G, "participation.participants as text 年均服务居民8万人次 → text.not_row_figure, reason average", "summary",
     ["text.not_row_figure"], input=summary((PP, "年均服务居民8万人次")), paths={"text.not_row_figure": [PP]})
case(G, "participation.participants as text 预计参与群众将超1万人 → text.not_row_figure, reason projected", "summary",
     ["text.not_row_figure"], input=summary((PP, "预计参与群众将超1万人")), paths={"text.not_row_figure": [PP]})
case(G, "participation.participants as text 参与者平均年龄65岁 → text.not_row_figure, reason other_measure", "summary",
     ["text.not_row_figure"], input=summary((PP, "参与者平均年龄65岁")), paths={"text.not_row_figure": [PP]})
case(G, "participation.participants as text 获奖人数达190人次 (prize winners) → text.not_row_figure, reason other_measure", "summary",
     ["text.not_row_figure"], input=summary((PP, "获奖人数达190人次")), paths={"text.not_row_figure": [PP]})
# 主会场及分会场 and 全市区数 are this week's too: a planned, averaged or other year's figure is refused.
for key, text, why in [("main_venues", "计划设立3个", "projected"), ("sub_venues", "2019年分会场8个", "other_year"),
                       ("sub_venues", "每年设分会场10个", "average"), ("units_total", "预计全区10个街道", "projected"),
                       ("units_participating", "2020年参与12个", "other_year")]:
    ptr = "/participation/" + key
    case(G, f"participation.{key} as text {text} → text.not_row_figure, reason {why}", "summary",
         ["text.not_row_figure"], input=summary((ptr, text)), paths={"text.not_row_figure": [ptr]})
case(G, "participation.participants as text 1500 (neither 人 nor 人次) → text.kind_missing, not guessed", "summary",
     ["text.kind_missing"], input=summary((PP, "1500")), paths={"text.kind_missing": [PP]})
case(G, "participation.participants as text 1500人次 → count.from_text (the unit is written)", "summary",
     ["count.from_text"], input=summary((PP, "1500人次")), paths={"count.from_text": [PP]})
case(G, "participation.sub_venues as text 主会场1个、分会场12个 → count.from_text (the row's own figure, 12)", "summary",
     ["count.from_text"], input=summary(("/participation/sub_venues", "主会场1个、分会场12个")),
     paths={"count.from_text": ["/participation/sub_venues"]})
case(G, "participation.main_venues as text 分会场12个 (the other venue only) → text.kind_missing", "summary",
     ["text.kind_missing"], input=summary(("/participation/main_venues", "分会场12个")),
     paths={"text.kind_missing": ["/participation/main_venues"]})
case(G, "participation.sub_venues as text 主、分会场共13个 (both together) → text.kind_missing", "summary",
     ["text.kind_missing"], input=summary(("/participation/sub_venues", "主、分会场共13个")),
     paths={"text.kind_missing": ["/participation/sub_venues"]})
case(G, "participation.sub_venues as text 3.5万人 (people, not venues) → text.kind_missing", "summary",
     ["text.kind_missing"], input=summary(("/participation/sub_venues", "3.5万人")),
     paths={"text.kind_missing": ["/participation/sub_venues"]})
case(G, "participation.units_participating as text 全区10个街道，9个参与 → count.from_text (the row's own figure, 9)", "summary",
     ["count.from_text"], input=summary(("/participation/units_participating", "全区10个街道，9个参与")),
     paths={"count.from_text": ["/participation/units_participating"]})
case(G, "participation.participants as text 12,00人 (a misplaced comma) → text.number_malformed, never 0", "summary",
     ["text.number_malformed"], input=summary((PP, "12,00人")), paths={"text.number_malformed": [PP]})
case(G, "participation.participants as text 1200人/次 → count.from_text (person-times)", "summary",
     ["count.from_text"], input=summary((PP, "1200人/次")), paths={"count.from_text": [PP]})
case(G, "participation.sub_venues as text 12个 → count.from_text (this week's)", "summary",
     ["count.from_text"], input=summary(("/participation/sub_venues", "12个")),
     paths={"count.from_text": ["/participation/sub_venues"]})
case(G, "participation.participants as text 原计划2000人参加，实际到场2600余人 → read, text.figure_set_aside", "summary",
     ["count.from_text", "text.figure_set_aside"], input=summary((PP, "原计划2000人参加，实际到场2600余人")),
     paths={"text.figure_set_aside": [PP]})
case(G, "participation.participants as text 开幕式300人，系列活动2万人次 → text.several_figures (never summed)", "summary",
     ["text.several_figures"], input=summary((PP, "开幕式300人，系列活动2万人次")), paths={"text.several_figures": [PP]})
case(G, "participation.participants as text 合计… with parts that do not add up → read, text.parts_mismatch", "summary",
     ["count.from_text", "text.parts_mismatch"], input=summary((PP, "合计1.2万人次，其中开幕式2000人次、分会场9000人次")),
     paths={"text.parts_mismatch": [PP]})
case(G, "participation.participants as an object whose unit contradicts its source (人 / 3000人次) → count.source_mismatch", "summary",
     ["count.source_mismatch"], input=summary((PP, {"value": 3000, "unit": "人", "source": "3000人次"})),
     paths={"count.source_mismatch": [PP]})
case(G, "participation.participants as an object whose qualifier contradicts its source (exact / 约3000人次) → count.source_mismatch", "summary",
     ["count.source_mismatch"], input=summary((PP, {"value": 3000, "qualifier": "exact", "unit": "人次", "source": "约3000人次"})))
case(G, "participation.participants as an object that agrees with its whole-cell source (the total of 共计…其中…) → valid", "summary",
     [], input=summary((PP, {"value": 23000, "qualifier": "exact", "unit": "人次", "source": "共计2.3万人次，其中线上1.5万人次、线下8000人次"})))
case(G, "participation.participants as an object with a source the reader refuses → not judged", "summary",
     [], input=summary((PP, {"value": 23000, "unit": "人次", "source": "很多"})))
case(G, "participation.participants as text 3000人，其中线上2000人次 → read as 3000人, text.parts_other_kind (never summed, not left out silently)", "summary",
     ["count.from_text", "text.parts_other_kind"], input=summary((PP, "3000人，其中线上2000人次")),
     paths={"text.parts_other_kind": [PP]})
case(G, "participation.participants as text 约3.5万人次 with its parts in a bracket → read, the bracket's parts add up", "summary",
     ["count.from_text"], input=summary((PP, "约3.5万人次（线上2万人次，线下1.5万人次）")))
case(G, "participation.participants as text 共计… with parts that add up → read, confirmed", "summary",
     ["count.from_text"], input=summary((PP, "共计2.3万人次，其中线上1.5万人次、线下8000人次")))

# ------------------------------------------------------------------------------------------
# summary-period: 活动时间

G = "summary-period"
P = "/theme_and_content/period"
case(G, "theme_and_content.period exactly the week: no period rule fires", "summary", [], input=summary())
case(G, "theme_and_content.period one day inside the week: valid", "summary",
     [], input=summary((P, {"start": "2021-11-25", "end": "2021-11-25"})))
case(G, "theme_and_content.period end before start → period.start_after_end", "summary",
     ["period.start_after_end"], input=summary((P, {"start": "2021-11-28", "end": "2021-11-22"})),
     paths={"period.start_after_end": [P + "/end"]})
case(G, "theme_and_content.period starts 11-19 (三天前启动) → period.partly_outside_week at /start", "summary",
     ["period.partly_outside_week"], input=summary((P, {"start": "2021-11-19", "end": "2021-11-28"})),
     paths={"period.partly_outside_week": [P + "/start"]})
case(G, "theme_and_content.period ends 11-29 → period.partly_outside_week at /end", "summary",
     ["period.partly_outside_week"], input=summary((P, {"start": "2021-11-22", "end": "2021-11-29"})),
     paths={"period.partly_outside_week": [P + "/end"]})
case(G, "theme_and_content.period spans the whole week and more → period.partly_outside_week at /start", "summary",
     ["period.partly_outside_week"], input=summary((P, {"start": "2021-11-15", "end": "2021-12-05"})),
     paths={"period.partly_outside_week": [P + "/start"]})
case(G, "theme_and_content.period in October (10月12至10月18日) → period.outside_week", "summary",
     ["period.outside_week"], input=summary((P, {"start": "2021-10-12", "end": "2021-10-18"})),
     paths={"period.outside_week": [P + "/start"]})
case(G, "theme_and_content.period after the week → period.outside_week at /start", "summary",
     ["period.outside_week"], input=summary((P, {"start": "2021-11-29", "end": "2021-12-03"})),
     paths={"period.outside_week": [P + "/start"]})
case(G, "theme_and_content.period.end 2021-11-31 → date.invalid", "summary",
     ["date.invalid"], input=summary((P + "/end", "2021-11-31")),
     paths={"date.invalid": [P + "/end"]})
case(G, "theme_and_content.period.start 2021/11/22 (slashes) → date.invalid", "summary",
     ["date.invalid"], input=summary((P + "/start", "2021/11/22")),
     paths={"date.invalid": [P + "/start"]})
case(G, "theme_and_content.period.start 2021-11-22T09:00:00 (a timestamp) → date.invalid", "summary",
     ["date.invalid"], input=summary((P + "/start", "2021-11-22T09:00:00")))
case(G, "theme_and_content.period.start 2021-2-29 (short and not a day) → date.invalid", "summary",
     ["date.invalid"], input=summary((P + "/start", "2021-2-29")))
case(G, "theme_and_content.period.start as a number 20211122 → type.invalid", "summary",
     ["type.invalid"], input=summary((P + "/start", 20211122)),
     paths={"type.invalid": [P + "/start"]})
case(G, "theme_and_content.period.end missing → row.missing", "summary",
     ["row.missing"], input=summary((P + "/end", DELETE)),
     paths={"row.missing": [P + "/end"]})
case(G, "theme_and_content.period missing → row.missing", "summary",
     ["row.missing"], input=summary((P, DELETE)),
     paths={"row.missing": [P]})
case(G, "theme_and_content.period given as text 11月22日至28日 → type.invalid", "summary",
     ["type.invalid"], input=summary((P, "11月22日至28日")),
     paths={"type.invalid": [P]})
case(G, "theme_and_content.period judged against options.notice (2022 week): 2021 dates → period.outside_week",
     "summary", ["period.outside_week", "year.mismatch"],
     input=summary(),
     options={"notice": notice(("/year", 2022), ("/title", "关于举办2022年南昌市全民终身学习活动周的通知"),
                               ("/week", {"start": "2022-11-07", "end": "2022-11-13"}),
                               ("/reporting/deadline", "2022-11-30"))},
     paths={"period.outside_week": [P + "/start"], "year.mismatch": ["/year"]})

# ------------------------------------------------------------------------------------------
# summary-unit: 举办县区, 年度, 活动主题

G = "summary-unit"
case(G, "host_unit official name 东湖区: no unit rule fires", "summary", [], input=summary())
case(G, "host_unit 南昌市南昌县 (the unit after its city's name) → unit.alias_normalised (info), not unit.unknown", "summary",
     ["unit.alias_normalised"], input=summary(("/host_unit", "南昌市南昌县")))
case(G, "host_unit 南昌市高新区 (an alias after the city's name) → unit.alias_normalised (info)", "summary",
     ["unit.alias_normalised"], input=summary(("/host_unit", "南昌市高新区")))
case(G, "host_unit 湾里区 (alias of 湾里管理局) → unit.alias_normalised (info)", "summary",
     ["unit.alias_normalised"], input=summary(("/host_unit", "湾里区")),
     paths={"unit.alias_normalised": ["/host_unit"]})
case(G, "host_unit 经开区 (alias) → unit.alias_normalised (info)", "summary",
     ["unit.alias_normalised"], input=summary(("/host_unit", "经开区")))
case(G, "host_unit 湾里 管理局 with a space is the official name, noted as normalised (info)", "summary",
     ["unit.alias_normalised"], input=summary(("/host_unit", "湾里 管理局")))
case(G, "host_unit 東湖區 in traditional characters is 东湖区 (info)", "summary",
     ["unit.alias_normalised"], input=summary(("/host_unit", "東湖區")))
case(G, "host_unit with its alias in brackets 南昌经济技术开发区（经开区） is recognised (info)", "summary",
     ["unit.alias_normalised"], input=summary(("/host_unit", "南昌经济技术开发区（经开区）")))
case(G, "leadership.attending_leaders [] → row.blank", "summary",
     ["row.blank"], input=summary(("/leadership/attending_leaders", [])),
     paths={"row.blank": ["/leadership/attending_leaders"]})
case(G, "leadership.attending_leaders [{}] (neither title nor name) → row.blank at the item", "summary",
     ["row.blank"], input=summary(("/leadership/attending_leaders", [{}])),
     paths={"row.blank": ["/leadership/attending_leaders/0"]})
case(G, "leadership.issuing_departments with a blank item → row.blank at the item", "summary",
     ["row.blank"], input=summary(("/leadership/issuing_departments", ["区教体局", "  "])),
     paths={"row.blank": ["/leadership/issuing_departments/1"]})
case(G, "organizers [] → row.blank", "summary",
     ["row.blank"], input=summary(("/organizers", [])), paths={"row.blank": ["/organizers"]})
case(G, "host_unit 南昌市 (a city-level table) is accepted: no diagnostic", "summary",
     [], input=summary(("/host_unit", "南昌市")))
case(G, "host_unit 朝阳区 (not in the jurisdiction) → unit.unknown", "summary",
     ["unit.unknown"], input=summary(("/host_unit", "朝阳区")),
     paths={"unit.unknown": ["/host_unit"]})
case(G, "host_unit blank → row.blank", "summary",
     ["row.blank"], input=summary(("/host_unit", "   ")),
     paths={"row.blank": ["/host_unit"]})
case(G, "host_unit an ideographic space only → row.blank", "summary",
     ["row.blank"], input=summary(("/host_unit", "\u3000")),
     paths={"row.blank": ["/host_unit"]})
case(G, "host_unit null counts as absent → row.missing", "summary",
     ["row.missing"], input=summary(("/host_unit", None)),
     paths={"row.missing": ["/host_unit"]})
case(G, "host_unit a number → type.invalid", "summary",
     ["type.invalid"], input=summary(("/host_unit", 1)),
     paths={"type.invalid": ["/host_unit"]})
case(G, "year 2020 → year.mismatch", "summary",
     ["year.mismatch"], input=summary(("/year", 2020)),
     paths={"year.mismatch": ["/year"]})
case(G, "year as a string \"2021\" → type.invalid", "summary",
     ["type.invalid"], input=summary(("/year", "2021")),
     paths={"type.invalid": ["/year"]})
case(G, "year 10^10 does not fit → number.out_of_range", "summary",
     ["number.out_of_range"], input_text=dumps(summary(("/year", 10000000000))),
     paths={"number.out_of_range": ["/year"]})
case(G, "year missing → row.missing", "summary",
     ["row.missing"], input=summary(("/year", DELETE)),
     paths={"row.missing": ["/year"]})
case(G, "theme_and_content.theme with a space instead of the comma: no theme.mismatch", "summary",
     [], input=summary(("/theme_and_content/theme", "庆建党百年华诞 谱终身学习新篇")))
case(G, "theme_and_content.theme quoted with a doubled 的 (as written in a real summary): no theme.mismatch",
     "summary", [], input=summary(("/theme_and_content/theme", "以“庆建党百年华诞 谱终身学习新篇”为主题的的终身学习周")))
case(G, "theme_and_content.theme with ASCII comma: no theme.mismatch", "summary",
     [], input=summary(("/theme_and_content/theme", "庆建党百年华诞,谱终身学习新篇")))
case(G, "theme_and_content.theme the national theme of 2014 → theme.other_year (warning), says which year", "summary",
     ["theme.other_year"], input=summary(("/theme_and_content/theme", "全民终身学习、创造出彩人生")),
     paths={"theme.other_year": ["/theme_and_content/theme"]})
case(G, "theme_and_content.theme one character added (谱写) → theme.near_miss (warning), not theme.mismatch", "summary",
     ["theme.near_miss"], input=summary(("/theme_and_content/theme", "庆建党百年华诞，谱写终身学习新篇")),
     paths={"theme.near_miss": ["/theme_and_content/theme"]})
case(G, "theme_and_content.theme two characters dropped inside a sentence → theme.near_miss", "summary",
     ["theme.near_miss"], input=summary(("/theme_and_content/theme", "以“庆建党华诞，谱终身学习新篇”为主题")))
case(G, "theme_and_content.theme another theme, no national one → theme.mismatch (warning)", "summary",
     ["theme.mismatch"], input=summary(("/theme_and_content/theme", "服务‘八八战略’,推进全民终身学习")),
     paths={"theme.mismatch": ["/theme_and_content/theme"]})
case(G, "theme_and_content.theme only half of the notice's theme → theme.mismatch (warning)", "summary",
     ["theme.mismatch"], input=summary(("/theme_and_content/theme", "谱终身学习新篇")))
case(G, "organizers.0.role sponsor → enum.unknown", "summary",
     ["enum.unknown"], input=summary(("/organizers/0/role", "sponsor")),
     paths={"enum.unknown": ["/organizers/0/role"]})
case(G, "leadership.issuing_departments empty → row.blank", "summary",
     ["row.blank"], input=summary(("/leadership/issuing_departments", [])),
     paths={"row.blank": ["/leadership/issuing_departments"]})

# ------------------------------------------------------------------------------------------
# summary-structure: rows, types, satisfaction, unknown keys

G = "summary-structure"
case(G, "re-check of one field: only that field's findings → text.vague", "summary",
     ["text.vague"], input=summary(("/participation/participants", "很多"), ("/year", "x")),
     field="/participation/participants")
case(G, "re-check of a misspelt field → pointer.unknown (nearest: /participation/participants)", "summary",
     ["pointer.unknown"], input=summary(("/participation/participants", "很多")),
     field="/participation/particpants")
case(G, "re-check of a field without the leading slash → pointer.malformed", "summary",
     ["pointer.malformed"], input=summary(("/participation/participants", "很多")),
     field="participation/participants")
case(G, "re-check of a key the model does not know but the input has → field.unknown", "summary",
     ["field.unknown"], input=summary(("/remarks", "见附件")), field="/remarks")
case(G, "re-check inside a submission's 总结表 → the rule under /summary", "submission",
     ["participation.units_exceed_total"], input=submission(("/summary/participation/units_participating", 11)),
     field="/summary/participation/units_total")
case(G, "reach.satisfaction absent → satisfaction.missing (info), still valid", "summary",
     ["satisfaction.missing"], input=summary(("/reach/satisfaction", DELETE)),
     paths={"satisfaction.missing": ["/reach/satisfaction"]})
case(G, "reach.satisfaction null → satisfaction.missing (info)", "summary",
     ["satisfaction.missing"], input=summary(("/reach/satisfaction", None)))
case(G, "reach.satisfaction level 非常满意: valid", "summary",
     [], input=summary(("/reach/satisfaction", "非常满意")))
case(G, "reach.satisfaction {level: 基本满意}: valid", "summary",
     [], input=summary(("/reach/satisfaction", {"level": "基本满意"})))
case(G, "reach.satisfaction at_least 98 (98%以上): valid", "summary",
     [], input=summary(("/reach/satisfaction", {"value": 98, "qualifier": "at_least", "source": "98%以上"})))
case(G, "reach.satisfaction 100 (upper bound): valid", "summary", [], input=summary(("/reach/satisfaction", 100)))
case(G, "reach.satisfaction 0 (lower bound): valid", "summary", [], input=summary(("/reach/satisfaction", 0)))
case(G, "reach.satisfaction as text 社区覆盖率达90% → text.not_row_figure, reason other_measure (no satisfaction.missing)", "summary",
     ["text.not_row_figure"], input=summary(("/reach/satisfaction", "社区覆盖率达90%")),
     paths={"text.not_row_figure": ["/reach/satisfaction"]})
case(G, "reach.satisfaction as text 社区覆盖率达90%，群众满意度98% → 98 read, the coverage set aside", "summary",
     ["count.from_text", "text.figure_set_aside"], input=summary(("/reach/satisfaction", "社区覆盖率达90%，群众满意度98%")),
     paths={"text.figure_set_aside": ["/reach/satisfaction"]})
case(G, "publicity.image_reports as text 图片200余张，视频5个 → the images read, the cell kept as source", "summary",
     ["count.from_text"], input=summary(("/publicity/image_reports", "图片200余张，视频5个")))
case(G, "participation.participants in 人头 (a unit no kind knows) → participation.participants_not_people", "summary",
     ["participation.participants_not_people"],
     input=summary(("/participation/participants", {"value": 28600, "qualifier": "exact", "unit": "人头"})),
     paths={"participation.participants_not_people": ["/participation/participants"]})
case(G, "reach.satisfaction 0.972 (a ratio for 97.2%) → satisfaction.fraction, not read as 0.972%", "summary",
     ["satisfaction.fraction"], input=summary(("/reach/satisfaction", 0.972)),
     paths={"satisfaction.fraction": ["/reach/satisfaction"]})
case(G, "reach.satisfaction {value: 0.5, qualifier: approx} → satisfaction.fraction", "summary",
     ["satisfaction.fraction"], input=summary(("/reach/satisfaction", {"value": 0.5, "qualifier": "approx"})),
     paths={"satisfaction.fraction": ["/reach/satisfaction/value"]})
case(G, "reach.satisfaction 1 (1%, a whole number) is read as written", "summary",
     [], input=summary(("/reach/satisfaction", 1)))
case(G, "reach.satisfaction 101 → satisfaction.out_of_range (and no satisfaction.missing)", "summary",
     ["satisfaction.out_of_range"], input=summary(("/reach/satisfaction", 101)),
     paths={"satisfaction.out_of_range": ["/reach/satisfaction"]})
case(G, "reach.satisfaction -1 → satisfaction.out_of_range", "summary",
     ["satisfaction.out_of_range"], input=summary(("/reach/satisfaction", -1)))
case(G, "reach.satisfaction {value: 150} → satisfaction.out_of_range at /value", "summary",
     ["satisfaction.out_of_range"], input=summary(("/reach/satisfaction", {"value": 150})),
     paths={"satisfaction.out_of_range": ["/reach/satisfaction/value"]})
case(G, "reach.satisfaction qualifier roughly → enum.unknown", "summary",
     ["enum.unknown"], input=summary(("/reach/satisfaction", {"value": 98, "qualifier": "roughly"})),
     paths={"enum.unknown": ["/reach/satisfaction/qualifier"]})
case(G, "reach.satisfaction {level: 很好} → enum.unknown", "summary",
     ["enum.unknown"], input=summary(("/reach/satisfaction", {"level": "很好"})),
     paths={"enum.unknown": ["/reach/satisfaction/level"]})
case(G, "reach.satisfaction {level, unknown key}: the unknown key after level → field.ignored (warning)", "summary",
     ["field.ignored"], input=summary(("/reach/satisfaction", {"level": "满意", "note": "问卷"})),
     paths={"field.ignored": ["/reach/satisfaction/note"]})
case(G, "reach.satisfaction {level, value}: ambiguous → type.invalid at the object", "summary",
     ["type.invalid"], input=summary(("/reach/satisfaction", {"level": "满意", "value": 98})),
     paths={"type.invalid": ["/reach/satisfaction"]})
case(G, "reach.satisfaction true → type.invalid", "summary",
     ["type.invalid"], input=summary(("/reach/satisfaction", True)),
     paths={"type.invalid": ["/reach/satisfaction"]})
case(G, "reach.self_assessment blank → row.blank", "summary",
     ["row.blank"], input=summary(("/reach/self_assessment", "")),
     paths={"row.blank": ["/reach/self_assessment"]})
case(G, "publicity.text_reports missing → row.missing", "summary",
     ["row.missing"], input=summary(("/publicity/text_reports", DELETE)),
     paths={"row.missing": ["/publicity/text_reports"]})
case(G, "publicity.image_reports -0.5 → count.negative", "summary",
     ["count.negative"], input_text=dumps(summary(("/publicity/image_reports", -0.5))),
     paths={"count.negative": ["/publicity/image_reports"]})
case(G, "an unknown top-level key → field.unknown (warning), still valid", "summary",
     ["field.unknown"], input=summary(("/remarks", "备注")),
     paths={"field.unknown": ["/remarks"]})
case(G, "an unknown nested key (participation.online_venues) → field.unknown (warning)", "summary",
     ["field.unknown"], input=summary(("/participation/online_venues", 3)),
     paths={"field.unknown": ["/participation/online_venues"]})
case(G, "a misspelt key hots_unit → field.unknown and row.missing for host_unit", "summary",
     ["field.unknown", "row.missing"], input=edit(BASE_SUMMARY, ("/host_unit", DELETE), ("/hots_unit", "东湖区")),
     paths={"field.unknown": ["/hots_unit"], "row.missing": ["/host_unit"]})
case(G, "a key with / and ~ is escaped in the pointer → field.unknown", "summary",
     ["field.unknown"], input=summary(("/reach/a~1b~0c", 1)),
     paths={"field.unknown": ["/reach/a~1b~0c"]})
case(G, "every row of the wrong type → one type.invalid at each row", "summary",
     ["type.invalid"] * 9,
     input={"year": "2021", "host_unit": 12, "organizers": {"name": "x"}, "leadership": [],
            "participation": "many", "theme_and_content": 1, "reach": True, "publicity": [], "other": 5},
     paths={"type.invalid": ["/year", "/host_unit", "/organizers", "/leadership", "/participation",
                             "/theme_and_content", "/reach", "/publicity", "/other"]})
case(G, "every row of participation of the wrong type → type.invalid at each", "summary",
     ["type.invalid"] * 6,
     input=summary(("/participation", {"units_total": [10], "units_participating": [], "main_venues": False,
                                       "sub_venues": {"value": "12"}, "participants": True,
                                       "featured_activities": {}})),
     paths={"type.invalid": ["/participation/units_total", "/participation/units_participating",
                             "/participation/main_venues", "/participation/sub_venues/value",
                             "/participation/participants", "/participation/featured_activities"]})
case(G, "an empty object as a 总结表 → row.missing for each of the 8 required rows", "summary",
     ["row.missing"] * 8, input={},
     paths={"row.missing": ["/year", "/host_unit", "/organizers", "/leadership", "/participation",
                            "/theme_and_content", "/reach", "/publicity"]})
case(G, "an empty participation → row.missing for each of its 6 rows", "summary",
     ["row.missing"] * 6, input=summary(("/participation", {})),
     paths={"row.missing": ["/participation/units_total", "/participation/units_participating",
                            "/participation/main_venues", "/participation/sub_venues",
                            "/participation/participants", "/participation/featured_activities"]})
case(G, "kind detected from host_unit alone (no kind given): a half-filled 总结表", None,
     ["row.missing"] * 6, input={"year": 2021, "host_unit": "东湖区"})

# ------------------------------------------------------------------------------------------
# plan: 活动计划和实施方案（含开幕式）

G = "plan"
case(G, "base plan is valid: no plan rule fires", "plan", [], input=plan())
case(G, "plan detected without kind (has activities and unit): valid", None, [], input=plan())
case(G, "opening_ceremony missing → plan.opening_ceremony_missing", "plan",
     ["plan.opening_ceremony_missing"], input=plan(("/opening_ceremony", DELETE)),
     paths={"plan.opening_ceremony_missing": ["/opening_ceremony"]})
case(G, "opening_ceremony.date 11-21 (the day before) → plan.opening_ceremony_outside_week", "plan",
     ["plan.opening_ceremony_outside_week"], input=plan(("/opening_ceremony/date", "2021-11-21")),
     paths={"plan.opening_ceremony_outside_week": ["/opening_ceremony/date"]})
case(G, "opening_ceremony.date 11-28 (last day of the week): no plan.opening_ceremony_outside_week", "plan",
     [], input=plan(("/opening_ceremony/date", "2021-11-28")))
case(G, "opening_ceremony.date missing → row.missing", "plan",
     ["row.missing"], input=plan(("/opening_ceremony/date", DELETE)),
     paths={"row.missing": ["/opening_ceremony/date"]})
case(G, "opening_ceremony.venue blank → row.blank", "plan",
     ["row.blank"], input=plan(("/opening_ceremony/venue", " ")),
     paths={"row.blank": ["/opening_ceremony/venue"]})
case(G, "activities empty → plan.no_activities and both focus items missing", "plan",
     ["plan.no_activities", "plan.focus_item_missing", "plan.focus_item_missing"],
     input=plan(("/activities", [])),
     paths={"plan.no_activities": ["/activities"], "plan.focus_item_missing": ["/activities", "/activities"]})
case(G, "activities missing → row.missing only", "plan",
     ["row.missing"], input=plan(("/activities", DELETE)),
     paths={"row.missing": ["/activities"]})
case(G, "activities.2.name blank → row.blank", "plan",
     ["row.blank"], input=plan(("/activities/2/name", "")),
     paths={"row.blank": ["/activities/2/name"]})
case(G, "activities without 双减 → plan.focus_item_missing (warning)", "plan",
     ["plan.focus_item_missing"], input=plan(("/activities/0", DELETE)),
     paths={"plan.focus_item_missing": ["/activities"]})
case(G, "activities without 智慧助老 → plan.focus_item_missing (warning)", "plan",
     ["plan.focus_item_missing"], input=plan(("/activities/1", DELETE)),
     paths={"plan.focus_item_missing": ["/activities"]})
case(G, "智慧助老 covered by the keyword 智能手机 in a name: no plan.focus_item_missing", "plan",
     [], input=plan(("/activities/1", {"name": "老年人智能手机使用培训", "form": "培训"})))
case(G, "双减 covered by the keyword 课后服务 in topics: no plan.focus_item_missing", "plan",
     [], input=plan(("/activities/0", {"name": "青少年学习活动", "topics": ["课后服务"]})))
case(G, "activities.2.period wholly after the week → plan.activity_outside_week (warning)", "plan",
     ["plan.activity_outside_week"],
     input=plan(("/activities/2/period", {"start": "2021-12-01", "end": "2021-12-02"})),
     paths={"plan.activity_outside_week": ["/activities/2/period"]})
case(G, "activities.2.period partly before the week → plan.activity_outside_week (warning)", "plan",
     ["plan.activity_outside_week"],
     input=plan(("/activities/2/period", {"start": "2021-11-19", "end": "2021-11-23"})),
     paths={"plan.activity_outside_week": ["/activities/2/period"]})
case(G, "activities.2.mode livestream → enum.unknown", "plan",
     ["enum.unknown"], input=plan(("/activities/2/mode", "livestream")),
     paths={"enum.unknown": ["/activities/2/mode"]})
case(G, "activities.0.expected_participants negative → count.negative", "plan",
     ["count.negative"], input=plan(("/activities/0/expected_participants", -100)),
     paths={"count.negative": ["/activities/0/expected_participants"]})
case(G, "activities.0.period.start 2021-02-30 → date.invalid", "plan",
     ["date.invalid"], input=plan(("/activities/0/period/start", "2021-02-30")),
     paths={"date.invalid": ["/activities/0/period/start"]})
case(G, "rural unit 南昌县 with no rural activity nor outreach → plan.rural_activity_missing", "plan",
     ["plan.rural_activity_missing"], input=RURAL_PLAN,
     paths={"plan.rural_activity_missing": ["/rural_outreach"]})
case(G, "rural unit 南昌县 with rural_outreach: no plan.rural_activity_missing", "plan",
     [], input=edit(RURAL_PLAN, ("/rural_outreach", ["组织教师到村开展农业技术宣讲"])))
case(G, "rural unit 南昌县 with a 乡村振兴 activity: no plan.rural_activity_missing", "plan",
     [], input=edit(RURAL_PLAN, ("/activities/-", {"name": "乡村振兴农民夜校", "topics": ["乡村振兴与可持续发展"]})))
case(G, "rural unit 南昌县 with only blank rural_outreach → plan.rural_activity_missing", "plan",
     ["plan.rural_activity_missing"], input=edit(RURAL_PLAN, ("/rural_outreach", ["", "  "])))
case(G, "rural unit written 湾里区 → unit.alias_normalised and plan.rural_activity_missing", "plan",
     ["unit.alias_normalised", "plan.rural_activity_missing"], input=edit(RURAL_PLAN, ("/unit", "湾里区")),
     paths={"unit.alias_normalised": ["/unit"], "plan.rural_activity_missing": ["/rural_outreach"]})
case(G, "urban unit 东湖区 without rural activity: no plan.rural_activity_missing", "plan", [], input=plan())
case(G, "unit unknown 朝阳区 → unit.unknown", "plan",
     ["unit.unknown"], input=plan(("/unit", "朝阳区")),
     paths={"unit.unknown": ["/unit"]})
case(G, "year 2020 → year.mismatch", "plan",
     ["year.mismatch"], input=plan(("/year", 2020)),
     paths={"year.mismatch": ["/year"]})
case(G, "theme of another year → theme.mismatch (warning)", "plan",
     ["theme.mismatch"], input=plan(("/theme", "学习成就梦想")),
     paths={"theme.mismatch": ["/theme"]})
case(G, "epidemic_prevention missing → plan.epidemic_responsibility_missing", "plan",
     ["plan.epidemic_responsibility_missing"], input=plan(("/epidemic_prevention", DELETE)),
     paths={"plan.epidemic_responsibility_missing": ["/epidemic_prevention/responsible"]})
case(G, "epidemic_prevention with measures but no responsible → plan.epidemic_responsibility_missing", "plan",
     ["plan.epidemic_responsibility_missing"], input=plan(("/epidemic_prevention/responsible", DELETE)))
case(G, "epidemic_prevention.responsible blank → plan.epidemic_responsibility_missing", "plan",
     ["plan.epidemic_responsibility_missing"], input=plan(("/epidemic_prevention/responsible", " ")))
case(G, "safety_measures empty → plan.safety_measures_missing", "plan",
     ["plan.safety_measures_missing"], input=plan(("/safety_measures", [])),
     paths={"plan.safety_measures_missing": ["/safety_measures"]})
case(G, "safety_measures missing → plan.safety_measures_missing", "plan",
     ["plan.safety_measures_missing"], input=plan(("/safety_measures", DELETE)))
case(G, "funding blank → plan.funding_missing", "plan",
     ["plan.funding_missing"], input=plan(("/funding", "")),
     paths={"plan.funding_missing": ["/funding"]})
case(G, "publicity_channels missing → plan.publicity_channels_missing (warning)", "plan",
     ["plan.publicity_channels_missing"], input=plan(("/publicity_channels", DELETE)),
     paths={"plan.publicity_channels_missing": ["/publicity_channels"]})
case(G, "plan duties not required by options.notice: no epidemic/safety/funding/opening rule fires", "plan",
     [], input=edit(BASE_PLAN, ("/opening_ceremony", DELETE), ("/epidemic_prevention", DELETE),
                    ("/safety_measures", DELETE), ("/funding", DELETE)),
     options={"notice": notice(("/arrangements/opening_ceremony_required", False),
                               ("/organisation/epidemic_responsibility_required", False),
                               ("/organisation/safety_required", False),
                               ("/organisation/funding_required", False))})
case(G, "drafting_department missing → row.missing", "plan",
     ["row.missing"], input=plan(("/drafting_department", DELETE)),
     paths={"row.missing": ["/drafting_department"]})
case(G, "an unknown key in opening_ceremony.leaders → field.unknown (warning)", "plan",
     ["field.unknown"], input=plan(("/opening_ceremony/leaders/0/phone", "13800000000")),
     paths={"field.unknown": ["/opening_ceremony/leaders/0/phone"]})

# ------------------------------------------------------------------------------------------
# submission: 报送（截止日期、材料）

case("plan", "activities.0.period inverted (end before start) → period.start_after_end", "plan",
     ["period.start_after_end"], input=plan(("/activities/0/period", {"start": "2021-11-27", "end": "2021-11-23"})),
     paths={"period.start_after_end": ["/activities/0/period/end"]})
case("plan", "a UTF-8 byte order mark before the JSON is skipped (Windows tools write one)", "plan",
     [], input_text="\ufeff" + dumps(plan()))
case("plan", "year 2021.0 (a float with no fraction) is the year 2021", "plan",
     [], input_text=dumps(plan()).replace('"year": 2021', '"year": 2021.0', 1))

G = "submission"
case(G, "base submission (sent 12-03) is valid", "submission", [], input=submission())
case(G, "submission detected without kind: valid", None, [], input=submission())
case(G, "submitted_at 2021-12-08 → submission.late (3 days)", "submission",
     ["submission.late"], input=submission(("/submitted_at", "2021-12-08T10:00:00+08:00")),
     paths={"submission.late": ["/submitted_at"]})
case(G, "submitted_at 23:59:59 +08:00 on the deadline day 12-05: on time", "submission",
     [], input=submission(("/submitted_at", "2021-12-05T23:59:59+08:00")))
case(G, "submitted_at 00:00 +08:00 on 12-06 → submission.late", "submission",
     ["submission.late"], input=submission(("/submitted_at", "2021-12-06T00:00:00+08:00")))
case(G, "submitted_at 17:00Z on 12-05 is 01:00 on 12-06 in Beijing → submission.late", "submission",
     ["submission.late"], input=submission(("/submitted_at", "2021-12-05T17:00:00Z")),
     paths={"submission.late": ["/submitted_at"]})
case(G, "submitted_at 15:59:59Z on 12-05 is 23:59:59 in Beijing: on time", "submission",
     [], input=submission(("/submitted_at", "2021-12-05T15:59:59Z")))
case(G, "submitted_at 23:00 -10:00 on 12-05 is 12-06 in Beijing → submission.late", "submission",
     ["submission.late"], input=submission(("/submitted_at", "2021-12-05T23:00:00-10:00")))
case(G, "deadline exclusive (options.notice): a package on 12-05 → submission.late", "submission",
     ["submission.late"], input=submission(("/submitted_at", "2021-12-05T09:00:00+08:00")),
     options={"notice": notice(("/reporting/deadline_inclusive", False))})
case(G, "grace_days 2 (options.notice): a package on 12-07 is on time", "submission",
     [], input=submission(("/submitted_at", "2021-12-07T09:00:00+08:00")),
     options={"notice": notice(("/reporting/grace_days", 2))})
case(G, "grace_days 2 (options.notice): a package on 12-08 → submission.late", "submission",
     ["submission.late"], input=submission(("/submitted_at", "2021-12-08T09:00:00+08:00")),
     options={"notice": notice(("/reporting/grace_days", 2))})
UNRESOLVED = {"kind": "unresolved", "text": "报送时间另行通知"}
TEN_DAYS = {"kind": "ten_days", "text": "12月上旬", "from": "2021-12-01", "until": "2021-12-10"}
case(G, "deadline 另行通知 (options.notice) → submission.deadline_undecided (info), never late", "submission",
     ["submission.deadline_undecided"], input=submission(("/submitted_at", "2022-03-01T09:00:00+08:00")),
     options={"notice": notice(("/reporting/deadline", DELETE), ("/reporting/deadline_term", UNRESOLVED))},
     paths={"submission.deadline_undecided": ["/submitted_at"]}, valid=True)
case(G, "deadline 12月上旬 (options.notice): a package on 12-10 is on time", "submission",
     [], input=submission(("/submitted_at", "2021-12-10T20:00:00+08:00")),
     options={"notice": notice(("/reporting/deadline", DELETE), ("/reporting/deadline_term", TEN_DAYS))})
case(G, "deadline 12月上旬 (options.notice): a package on 12-11 → submission.late", "submission",
     ["submission.late"], input=submission(("/submitted_at", "2021-12-11T09:00:00+08:00")),
     options={"notice": notice(("/reporting/deadline", DELETE), ("/reporting/deadline_term", TEN_DAYS))})
case(G, "notice utc_offset Z (options.notice): 17:00Z on 12-05 is still 12-05, on time", "submission",
     [], input=submission(("/submitted_at", "2021-12-05T17:00:00Z")),
     options={"notice": notice(("/reporting/utc_offset", "Z"))})
case(G, "submitted_at 11-27, before the week ends → submission.before_week_end (warning)", "submission",
     ["submission.before_week_end"], input=submission(("/submitted_at", "2021-11-27T10:00:00+08:00")),
     paths={"submission.before_week_end": ["/submitted_at"]})
case(G, "submitted_at on the week's last day 11-28: no submission.before_week_end", "submission",
     [], input=submission(("/submitted_at", "2021-11-28T18:00:00+08:00")))
case(G, "submitted_at 16:30Z on 11-27 is 11-28 in Beijing: no submission.before_week_end", "submission",
     [], input=submission(("/submitted_at", "2021-11-27T16:30:00Z")))
case(G, "submitted_at without offset → datetime.invalid", "submission",
     ["datetime.invalid"], input=submission(("/submitted_at", "2021-12-03T16:20:00")),
     paths={"datetime.invalid": ["/submitted_at"]})
case(G, "submitted_at as a date only → datetime.invalid", "submission",
     ["datetime.invalid"], input=submission(("/submitted_at", "2021-12-03")))
case(G, "submitted_at 2021-11-31T10:00:00+08:00 → datetime.invalid", "submission",
     ["datetime.invalid"], input=submission(("/submitted_at", "2021-11-31T10:00:00+08:00")))
case(G, "submitted_at a Unix timestamp number → type.invalid", "submission",
     ["type.invalid"], input=submission(("/submitted_at", 1638519600)),
     paths={"type.invalid": ["/submitted_at"]})
case(G, "submitted_at missing → row.missing", "submission",
     ["row.missing"], input=submission(("/submitted_at", DELETE)),
     paths={"row.missing": ["/submitted_at"]})
case(G, "summary missing → row.missing", "submission",
     ["row.missing"], input=submission(("/summary", DELETE)),
     paths={"row.missing": ["/summary"]})
case(G, "materials empty → submission.material_missing for each of the 4 required kinds", "submission",
     ["submission.material_missing"] * 4, input=submission(("/materials", [])),
     paths={"submission.material_missing": ["/materials"] * 4})
case(G, "materials without the typical case → submission.material_missing", "submission",
     ["submission.material_missing"], input=submission(("/materials/2", DELETE)),
     paths={"submission.material_missing": ["/materials"]})
case(G, "materials with two typical cases → submission.material_count", "submission",
     ["submission.material_count"],
     input=submission(("/materials/-", {"kind": "typical_case", "file_name": "案例二.docx", "format": "docx"})),
     paths={"submission.material_count": ["/materials"]})
case(G, "materials with two work summaries: no submission.material_count", "submission",
     [], input=submission(("/materials/-", {"kind": "work_summary", "file_name": "总结（补充）.docx"})))
case(G, "stamped scan in docx → submission.scan_not_pdf at /format", "submission",
     ["submission.scan_not_pdf"],
     input=submission(("/materials/3", {"kind": "stamped_scan", "file_name": "盖章件.docx", "format": "docx"})),
     paths={"submission.scan_not_pdf": ["/materials/3/format"]})
case(G, "stamped scan without format, file name .jpg → submission.scan_not_pdf at /file_name", "submission",
     ["submission.scan_not_pdf"], input=submission(("/materials/3", {"kind": "stamped_scan", "file_name": "盖章件.jpg"})),
     paths={"submission.scan_not_pdf": ["/materials/3/file_name"]})
case(G, "stamped scan without format, file name .PDF (upper case): no submission.scan_not_pdf", "submission",
     [], input=submission(("/materials/3", {"kind": "stamped_scan", "file_name": "盖章件.PDF"})))
case(G, "stamped scan with format PDF (upper case): no submission.scan_not_pdf", "submission",
     [], input=submission(("/materials/3/format", "PDF")))
case(G, "an extra material of kind photo → enum.unknown", "submission",
     ["enum.unknown"], input=submission(("/materials/-", {"kind": "photo", "file_name": "照片.zip"})),
     paths={"enum.unknown": ["/materials/4/kind"]})
case(G, "a material without kind → row.missing", "submission",
     ["row.missing"], input=submission(("/materials/-", {"file_name": "照片.zip"})),
     paths={"row.missing": ["/materials/4/kind"]})
case(G, "a material with a blank file name → row.blank", "submission",
     ["row.blank"], input=submission(("/materials/0/file_name", " ")),
     paths={"row.blank": ["/materials/0/file_name"]})
case(G, "summary.participation exceeds total inside a submission → pointer under /summary", "submission",
     ["participation.units_exceed_total"], input=submission(("/summary/participation/units_participating", 13)),
     paths={"participation.units_exceed_total": ["/summary/participation/units_participating"]})
case(G, "summary.year a string inside a submission → type.invalid at /summary/year", "submission",
     ["type.invalid"], input=submission(("/summary/year", "二〇二一")),
     paths={"type.invalid": ["/summary/year"]})
case(G, "summary.reach.satisfaction absent inside a submission → satisfaction.missing at /summary/...", "submission",
     ["satisfaction.missing"], input=submission(("/summary/reach/satisfaction", DELETE)),
     paths={"satisfaction.missing": ["/summary/reach/satisfaction"]})
case(G, "summary as a string inside a submission → type.invalid at /summary", "submission",
     ["type.invalid"], input=submission(("/summary", "见附件")),
     paths={"type.invalid": ["/summary"]})
case(G, "late, no typical case and a docx scan: all three at once", "submission",
     ["submission.late", "submission.material_missing", "submission.scan_not_pdf"],
     input=edit(BASE_SUBMISSION, ("/submitted_at", "2021-12-10T08:00:00+08:00"),
                ("/materials/3/format", "docx"), ("/materials/2", DELETE)),
     paths={"submission.scan_not_pdf": ["/materials/2/format"]})

# ------------------------------------------------------------------------------------------
# against-plan: the 总结表 compared with the unit's plan (options.plan, or embedded in a submission)

G = "against-plan"
case(G, "总结表 matching its plan (options.plan): valid, no against-plan rule fires", "summary",
     [], input=summary(), options={"plan": plan()})
case(G, "featured activity not in the plan → plan.featured_not_in_plan (warning)", "summary",
     ["plan.featured_not_in_plan"],
     input=summary(("/participation/featured_activities/-", {"name": "社区书法作品展"})),
     options={"plan": plan()},
     paths={"plan.featured_not_in_plan": ["/participation/featured_activities/2/name"]})
case(G, "featured activity written without quotes and with a space: matches the plan", "summary",
     [], input=summary(("/participation/featured_activities/1/name", "智慧助老 智能手机培训班")),
     options={"plan": plan()})
case(G, "featured activity named by a part of the planned name: matches the plan", "summary",
     [], input=summary(("/participation/featured_activities/1/name", "智慧助老")),
     options={"plan": plan()})
case(G, "no plan given: featured activities are not compared", "summary",
     [], input=summary(("/participation/featured_activities/-", {"name": "社区书法作品展"})))
case(G, "period ends before the planned opening ceremony → plan.period_inconsistent (warning)", "summary",
     ["plan.period_inconsistent"],
     input=summary(("/theme_and_content/period", {"start": "2021-11-22", "end": "2021-11-26"})),
     options={"plan": plan(("/opening_ceremony/date", "2021-11-27"),
                           ("/activities/0/period/start", "2021-11-22"))},
     paths={"plan.period_inconsistent": ["/theme_and_content/period"]})
case(G, "period misses a planned activity start inside the week → plan.period_inconsistent (warning)",
     "summary", ["plan.period_inconsistent"],
     input=summary(("/theme_and_content/period", {"start": "2021-11-22", "end": "2021-11-25"})),
     options={"plan": plan()},
     paths={"plan.period_inconsistent": ["/theme_and_content/period"]})
case(G, "an activity planned before the week is not expected in the period: no plan.period_inconsistent",
     "summary", [],
     input=summary(),
     options={"plan": plan(("/activities/2/period", {"start": "2021-11-19", "end": "2021-11-19"}))})
case(G, "plan of another unit → plan.unit_mismatch", "summary",
     ["plan.unit_mismatch"], input=summary(), options={"plan": plan(("/unit", "西湖区"))},
     paths={"plan.unit_mismatch": ["/host_unit"]})
case(G, "总结表 written 湾里区, plan 湾里管理局: same unit, only unit.alias_normalised", "summary",
     ["unit.alias_normalised"], input=summary(("/host_unit", "湾里区")),
     options={"plan": plan(("/unit", "湾里管理局"))},
     paths={"unit.alias_normalised": ["/host_unit"]})
case(G, "a reference plan is not itself checked: no opening ceremony in it gives nothing", "summary",
     [], input=summary(), options={"plan": plan(("/opening_ceremony", DELETE))})
case(G, "a reference plan with a wrong type → its type.invalid comes back, input not judged", "summary",
     ["type.invalid"], input=summary(), options={"plan": plan(("/activities", "见附件"))})
case(G, "options.plan given as JSON text: used like an object", "summary",
     ["plan.unit_mismatch"], input=summary(), options={"plan": dumps(plan(("/unit", "西湖区")))})
case(G, "submission embedding its plan: valid", "submission", [], input=submission(("/plan", plan())))
case(G, "submission embedding another unit's plan → plan.unit_mismatch at /summary/host_unit", "submission",
     ["plan.unit_mismatch"], input=submission(("/plan", plan(("/unit", "西湖区")))),
     paths={"plan.unit_mismatch": ["/summary/host_unit"]})
case(G, "submission embedding a plan without opening ceremony → plan.opening_ceremony_missing at /plan/...",
     "submission", ["plan.opening_ceremony_missing"],
     input=submission(("/plan", plan(("/opening_ceremony", DELETE)))),
     paths={"plan.opening_ceremony_missing": ["/plan/opening_ceremony"]})
case(G, "submission embedding a plan without 智慧助老 → plan.focus_item_missing at /plan/activities",
     "submission", ["plan.focus_item_missing"],
     input=edit(BASE_SUBMISSION, ("/plan", plan(("/activities/1", DELETE))),
                ("/summary/participation/featured_activities/1", DELETE)),
     paths={"plan.focus_item_missing": ["/plan/activities"]})
case(G, "submission: featured activity not in the embedded plan → plan.featured_not_in_plan under /summary",
     "submission", ["plan.featured_not_in_plan"],
     input=edit(BASE_SUBMISSION, ("/plan", plan()),
                ("/summary/participation/featured_activities/0/name", "社区书法作品展")),
     paths={"plan.featured_not_in_plan": ["/summary/participation/featured_activities/0/name"]})

# ------------------------------------------------------------------------------------------
# notice: a notice validated as a document (kind notice)

G = "notice"
U = "/jurisdiction/units"
case(G, "the embedded 2021 Nanchang notice is valid", "notice", [], input=notice())
case(G, "notice detected without kind (has jurisdiction): valid", None, [], input=notice())
case(G, "week ends before it starts → notice.week_inverted", "notice",
     ["notice.week_inverted"], input=notice(("/week", {"start": "2021-11-28", "end": "2021-11-22"})),
     paths={"notice.week_inverted": ["/week/end"]})
case(G, "deadline before the week ends → notice.deadline_before_week_end", "notice",
     ["notice.deadline_before_week_end"], input=notice(("/reporting/deadline", "2021-11-25")),
     paths={"notice.deadline_before_week_end": ["/reporting/deadline"]})
case(G, "deadline on the week's last day: no notice.deadline_before_week_end", "notice",
     [], input=notice(("/reporting/deadline", "2021-11-28")))
case(G, "no deadline and no deadline_term → notice.deadline_missing", "notice",
     ["notice.deadline_missing"], input=notice(("/reporting/deadline", DELETE)),
     paths={"notice.deadline_missing": ["/reporting/deadline"]})
case(G, "deadline_term 另行通知 instead of a deadline: a valid notice", "notice",
     [], input=notice(("/reporting/deadline", DELETE), ("/reporting/deadline_term", {"kind": "unresolved", "text": "另行通知"})))
case(G, "jurisdiction with no unit → notice.jurisdiction_empty", "notice",
     ["notice.jurisdiction_empty"], input=notice((U, [])),
     paths={"notice.jurisdiction_empty": [U]})
case(G, "jurisdiction missing → row.missing", "notice",
     ["row.missing"], input=notice(("/jurisdiction", DELETE)),
     paths={"row.missing": ["/jurisdiction"]})
case(G, "alias 湾里区 given to a second unit → notice.unit_name_ambiguous", "notice",
     ["notice.unit_name_ambiguous"], input=notice((U + "/12/aliases/-", "湾里区")),
     paths={"notice.unit_name_ambiguous": [U + "/12/aliases/1"]})
case(G, "a unit repeating its own name as alias: no notice.unit_name_ambiguous", "notice",
     [], input=notice((U + "/0/aliases", ["东湖区"])))
case(G, "two units with the same name (spacing aside) → notice.unit_name_ambiguous", "notice",
     ["notice.unit_name_ambiguous"],
     input=notice((U + "/-", {"name": "东湖 区", "kind": "district"})),
     paths={"notice.unit_name_ambiguous": [U + "/13/name"]})
case(G, "utc_offset CST → notice.utc_offset_invalid", "notice",
     ["notice.utc_offset_invalid"], input=notice(("/reporting/utc_offset", "CST")),
     paths={"notice.utc_offset_invalid": ["/reporting/utc_offset"]})
case(G, "utc_offset +8 → notice.utc_offset_invalid", "notice",
     ["notice.utc_offset_invalid"], input=notice(("/reporting/utc_offset", "+8")))
case(G, "utc_offset Z: valid", "notice", [], input=notice(("/reporting/utc_offset", "Z")))
case(G, "contact phone 12345 → contact.phone_invalid", "notice",
     ["contact.phone_invalid"], input=notice(("/reporting/contacts/0/phone", "12345")),
     paths={"contact.phone_invalid": ["/reporting/contacts/0/phone"]})
case(G, "contact phone (0791)83989457: valid", "notice",
     [], input=notice(("/reporting/contacts/1/phone", "(0791)83989457")))
case(G, "reporting email without @ → contact.email_invalid", "notice",
     ["contact.email_invalid"], input=notice(("/reporting/email", "14582472.qq.com")),
     paths={"contact.email_invalid": ["/reporting/email"]})
case(G, "year 1999 → number.out_of_range", "notice",
     ["number.out_of_range"], input=notice(("/year", 1999)),
     paths={"number.out_of_range": ["/year"]})
case(G, "grace_days 400 → number.out_of_range", "notice",
     ["number.out_of_range"], input=notice(("/reporting/grace_days", 400)),
     paths={"number.out_of_range": ["/reporting/grace_days"]})
case(G, "grace_days -1 → number.out_of_range", "notice",
     ["number.out_of_range"], input=notice(("/reporting/grace_days", -1)),
     paths={"number.out_of_range": ["/reporting/grace_days"]})
case(G, "required material count 0 → number.out_of_range", "notice",
     ["number.out_of_range"], input=notice(("/reporting/materials/2/count", 0)),
     paths={"number.out_of_range": ["/reporting/materials/2/count"]})
case(G, "organisation role sponsor → enum.unknown", "notice",
     ["enum.unknown"], input=notice(("/organisation/roles/0/role", "sponsor")),
     paths={"enum.unknown": ["/organisation/roles/0/role"]})
case(G, "unit kind village (村, no kind of unit) → enum.unknown", "notice",
     ["enum.unknown"], input=notice((U + "/0/kind", "village")),
     paths={"enum.unknown": [U + "/0/kind"]})
case(G, "theme blank → row.blank", "notice",
     ["row.blank"], input=notice(("/theme", "")),
     paths={"row.blank": ["/theme"]})
case(G, "a reference without document number → row.missing", "notice",
     ["row.missing"], input=notice(("/references/0/number", DELETE)),
     paths={"row.missing": ["/references/0/number"]})
case(G, "an invalid options.notice is reported instead of judging the input", "summary",
     ["notice.week_inverted"], input=summary(),
     options={"notice": notice(("/week", {"start": "2021-11-28", "end": "2021-11-22"}))})
case(G, "options.notice given as malformed JSON text → json.syntax", "summary",
     ["json.syntax"], input=summary(), options={"notice": "{\"year\": 2021,"})
case(G, "a 总结表 judged by another notice (2022, other theme): year, period and theme rules follow it (its theme is 2021's national one: theme.other_year)",
     "summary", ["year.mismatch", "period.outside_week", "theme.other_year"],
     input=summary(),
     options={"notice": notice(("/year", 2022), ("/theme", "有效学习，终身成长"),
                               ("/week", {"start": "2022-11-07", "end": "2022-11-13"}),
                               ("/reporting/deadline", "2022-11-30"))})

# ------------------------------------------------------------------------------------------
# hostile: what a public endpoint must survive

G = "hostile"
FULL = dumps(summary())
case(G, "empty input text → json.syntax", "summary", ["json.syntax"], input_text="",
     paths={"json.syntax": [""]})
case(G, "whitespace only → json.syntax", None, ["json.syntax"], input_text=" \n\t ")
case(G, "truncated JSON (cut inside a string) → json.syntax", "summary",
     ["json.syntax"], input_text=FULL[: len(FULL) // 2], paths={"json.syntax": [""]})
case(G, "truncated JSON (cut after a key) → json.syntax", None,
     ["json.syntax"], input_text='{"year": 2021, "host_unit":')
case(G, "a trailing comma → json.syntax", "summary",
     ["json.syntax"], input_text='{"year": 2021, "host_unit": "东湖区",}')
case(G, "single quotes → json.syntax", None, ["json.syntax"], input_text="{'host_unit': '东湖区'}")
case(G, "a bare NaN as a count → json.syntax", "summary",
     ["json.syntax"], input_text=FULL.replace('"units_total":10', '"units_total":NaN'))
case(G, "a bare Infinity as satisfaction → json.syntax", "summary",
     ["json.syntax"], input_text=FULL.replace('"satisfaction":98.5', '"satisfaction":Infinity'))
case(G, "two documents back to back → json.syntax", None, ["json.syntax"], input_text=FULL + FULL)
case(G, "a key written twice in one object → the last value read, json.duplicate_key (warning) at it", "summary",
     ["json.duplicate_key"], input_text=FULL.replace('"units_total":10', '"units_total":9,"units_total":10'),
     paths={"json.duplicate_key": ["/participation/units_total"]})
case(G, "the unit written twice, the last another unit's → read as the last, json.duplicate_key names it", "summary",
     ["json.duplicate_key", "unit.unknown"], input_text=FULL.replace('"host_unit":"东湖区"', '"host_unit":"东湖区","host_unit":"朝阳区"', 1),
     paths={"json.duplicate_key": ["/host_unit"]})
case(G, "a key written three times in one object → one json.duplicate_key", "summary",
     ["json.duplicate_key"], input_text=FULL.replace('"units_total":10', '"units_total":10,"units_total":10,"units_total":10'))
case(G, "a repeated key, one field re-checked elsewhere → not this field's finding", "summary",
     [], input_text=FULL.replace('"units_total":10', '"units_total":9,"units_total":10'), field="/host_unit")

case(G, "100,000 nested arrays → json.too_deep, no crash", "summary",
     ["json.too_deep"], input_generated={"prefix": "", "repeat": "[", "count": 100000, "suffix": ""},
     paths={"json.too_deep": [""]})
case(G, "100,000 nested arrays around a number → json.too_deep", None,
     ["json.too_deep"], input_generated={"prefix": "", "repeat": "[", "count": 100000, "suffix": "1"})
case(G, "100,000 nested objects under an unknown key → json.too_deep", "summary",
     ["json.too_deep"], input_generated={"prefix": '{"host_unit": "东湖区", "x": ', "repeat": '{"a":',
                                         "count": 100000, "suffix": "1"})
case(G, "127 nested arrays as the root still parse → type.invalid (not an object)", "summary",
     ["type.invalid"], input_text="[" * 127 + "]" * 127, paths={"type.invalid": [""]})
case(G, "128 nested arrays (the documented limit: at most 127 levels) → json.too_deep", "summary",
     ["json.too_deep"], input_text="[" * 128 + "]" * 128)
LONG = dumps(summary(("/theme_and_content/content", "@@LONG@@"))).split("@@LONG@@")
case(G, "a 3 MB string in theme_and_content.content → row.too_long", "summary",
     ["row.too_long"], input_generated={"prefix": LONG[0], "repeat": "学", "count": 1000000, "suffix": LONG[1]},
     paths={"row.too_long": ["/theme_and_content/content"]})
case(G, "65,536 characters in theme_and_content.content is the limit: valid", "summary",
     [], input_generated={"prefix": LONG[0], "repeat": "学", "count": 65536, "suffix": LONG[1]})
case(G, "65,537 characters in theme_and_content.content → row.too_long", "summary",
     ["row.too_long"], input_generated={"prefix": LONG[0], "repeat": "学", "count": 65537, "suffix": LONG[1]})
LONGH = dumps(summary(("/host_unit", "@@LONG@@"))).split("@@LONG@@")
case(G, "a 3 MB string as host_unit → row.too_long only (no unit.unknown)", "summary",
     ["row.too_long"], input_generated={"prefix": LONGH[0], "repeat": "区", "count": 1000000, "suffix": LONGH[1]},
     paths={"row.too_long": ["/host_unit"]})
case(G, "root is an array → type.invalid at the root", "summary", ["type.invalid"], input=[summary()],
     paths={"type.invalid": [""]})
case(G, "root is a string → type.invalid at the root", "summary", ["type.invalid"], input="东湖区",
     paths={"type.invalid": [""]})
case(G, "root is a number → type.invalid at the root", "submission", ["type.invalid"], input=2021,
     paths={"type.invalid": [""]})
case(G, "root is null → type.invalid at the root", "plan", ["type.invalid"], input=None,
     paths={"type.invalid": [""]})
case(G, "root is an array, kind not given → type.invalid at the root", None, ["type.invalid"], input=[],
     paths={"type.invalid": [""]})
case(G, "root is null, kind not given → type.invalid at the root", None, ["type.invalid"], input=None)
case(G, "an empty object, kind not given → document.kind_unknown", None, ["document.kind_unknown"], input={},
     paths={"document.kind_unknown": [""]})
case(G, "an object of unknown keys, kind not given → document.kind_unknown", None,
     ["document.kind_unknown"], input={"标题": "总结", "内容": "见附件"})
case(G, "an empty object as a plan → row.missing for its 5 required rows and the plan duties it lacks", "plan",
     ["row.missing"] * 5 + ["plan.opening_ceremony_missing", "plan.epidemic_responsibility_missing",
                            "plan.safety_measures_missing", "plan.funding_missing",
                            "plan.publicity_channels_missing"], input={},
     paths={"row.missing": ["/year", "/unit", "/drafting_department", "/theme", "/activities"]})
case(G, "an empty object as a submission → row.missing for summary, submitted_at, materials", "submission",
     ["row.missing"] * 3, input={},
     paths={"row.missing": ["/summary", "/submitted_at", "/materials"]})
case(G, "NaN-like strings: year \"NaN\" → type.invalid, period.start \"Infinity\" → date.invalid", "summary",
     ["type.invalid", "date.invalid"],
     input=edit(BASE_SUMMARY, ("/year", "NaN"), ("/theme_and_content/period/start", "Infinity")),
     paths={"type.invalid": ["/year"], "date.invalid": ["/theme_and_content/period/start"]})
case(G, "count -10^30 → count.negative", "summary",
     ["count.negative"], input_text=FULL.replace('"units_total":10', '"units_total":-1000000000000000000000000000000'),
     paths={"count.negative": ["/participation/units_total"]})
case(G, "count 1e400 (beyond f64) → json.syntax", "summary",
     ["json.syntax"], input_text=FULL.replace('"units_total":10', '"units_total":1e400'))
case(G, "an unknown qualifier in every count → enum.unknown at each", "summary",
     ["enum.unknown"] * 3,
     input=edit(BASE_SUMMARY, ("/participation/units_total", {"value": 10, "qualifier": "maybe"}),
                ("/participation/participants", {"value": 1, "qualifier": "多"}),
                ("/publicity/text_reports", {"value": 3, "qualifier": ""})),
     paths={"enum.unknown": ["/participation/units_total/qualifier", "/participation/participants/qualifier",
                             "/publicity/text_reports/qualifier"]})
case(G, "control characters and a lone emoji in free text are just text: valid", "summary",
     [], input=summary(("/other", "\u0000\u0007\t\u202e🎉")))
case(G, "unknown keys everywhere are kept and warned: field.unknown at each, still valid", "submission",
     ["field.unknown"] * 4,
     input=edit(BASE_SUBMISSION, ("/x", 1), ("/summary/x", 1), ("/summary/reach/x", 1), ("/materials/0/x", 1)),
     paths={"field.unknown": ["/x", "/summary/x", "/summary/reach/x", "/materials/0/x"]})
case(G, "a submission whose every row has the wrong type → type.invalid at each", "submission",
     ["type.invalid"] * 4, input={"summary": [], "submitted_at": 20211203, "materials": {}, "plan": "见附件"},
     paths={"type.invalid": ["/summary", "/submitted_at", "/materials", "/plan"]})


# ------------------------------------------------------------------------------------------

def main():
    total = 0
    for group in sorted(GROUPS):
        cases = GROUPS[group]
        names = [c["name"] for c in cases]
        dup = {n for n in names if names.count(n) > 1}
        assert not dup, f"duplicate case names in {group}: {dup}"
        path = os.path.join(HERE, f"{group}.json")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            json.dump({"group": group, "cases": cases}, f, ensure_ascii=False, indent=1)
            f.write("\n")
        total += len(cases)
        print(f"{group}.json: {len(cases)} cases")
    print(f"total: {total} cases")


if __name__ == "__main__":
    main()
