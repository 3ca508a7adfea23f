"""Export read back by independent readers: the filled 总结表 (.docx) with python-docx, the
roll-up workbook (.xlsx) with openpyxl, compared cell by cell with the source JSON.

The expected cell texts are computed here from the JSON with the attachment's layout written
out below, not with the library's own renderer: a round trip through our own code would prove
nothing."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from conftest import EXAMPLES

import learning_week as lw

SUBMISSIONS = sorted((EXAMPLES / "submissions").glob("*.json"))

# The attachment's table (附件 总结表), row by row: (group, label). The year is in the title.
LAYOUT: list[tuple[str | None, str]] = [
    (None, "举办县区"),
    (None, "主办单位及协办单位"),
    ("组织领导", "下发活动文件的部门"),
    ("组织领导", "出席活动（开幕式）的领导"),
    ("组织领导", "具体协调部门"),
    ("组织领导", "制定活动方案部门"),
    ("活动参与情况", "全市区数及参与活动的数量"),
    ("活动参与情况", "主会场及分会场数量"),
    ("活动参与情况", "参加活动人数"),
    ("活动参与情况", "有特色的活动"),
    ("活动主题与内容", "活动主题"),
    ("活动主题与内容", "活动内容"),
    ("活动主题与内容", "活动成效"),
    ("活动主题与内容", "活动时间"),
    ("活动的群众性", "活动范围（包括参与活动的街道、企事业单位等）"),
    ("活动的群众性", "群众满意度"),
    ("活动的群众性", "自我评价"),
    ("宣传报道", "宣传范围"),
    ("宣传报道", "文字报道"),
    ("宣传报道", "影像图片报道"),
    (None, "其他"),
]
CLOSING = "详细的活动情况总结、活动照片、活动录像请另附。"
ROLE_ZH = {"host": "主办", "undertaker": "承办", "co_organiser": "协办", "implementer": "组织实施", "supporter": "支持"}


def count(c: Any) -> str:
    """A count as the form prints it: what was written, else the number with its qualifier."""
    if c is None:
        return ""
    if isinstance(c, int):
        return str(c)
    if c.get("source"):
        return str(c["source"])
    v, unit = c["value"], c.get("unit") or ""
    return {
        "exact": f"{v}{unit}",
        "approx": f"约{v}{unit}",
        "at_least": f"{v}余{unit}",
        "at_most": f"不超过{v}{unit}",
    }[c.get("qualifier", "exact")]


def percent(s: Any) -> str:
    if s is None:
        return ""
    if isinstance(s, str):
        return s
    if isinstance(s, (int, float)):
        return f"{s:g}%"
    if s.get("source"):
        return str(s["source"])
    v = f"{s['value']:g}"
    return {"exact": f"{v}%", "approx": f"约{v}%", "at_least": f"{v}%以上", "at_most": f"不超过{v}%"}[s["qualifier"]]


def date_zh(iso: str, year: bool) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{y}年{m}月{d}日" if year else f"{m}月{d}日"


def expected_cells(s: dict[str, Any]) -> dict[str, str]:
    """label → the value cell's text, from the 总结表's JSON."""
    lead, part = s.get("leadership") or {}, s.get("participation") or {}
    theme, reach, pub = s.get("theme_and_content") or {}, s.get("reach") or {}, s.get("publicity") or {}

    def pair(a: tuple[str, Any], b: tuple[str, Any], first: str = "") -> str:
        parts = [f"{label}：{first if i == 0 else ''}{count(c)}" for i, (label, c) in enumerate([a, b]) if c is not None]
        return "；".join(parts)

    def featured(f: dict[str, Any]) -> str:
        out = f.get("name") or ""
        if f.get("description"):
            out += ("：" if out else "") + f["description"]
        if f.get("topics"):
            out += "（涉及主题：" + "、".join(f["topics"]) + "）"
        return out

    period = theme.get("period")
    period_text = ""
    if period:
        same_year = period["start"][:4] == period["end"][:4]
        period_text = f"{date_zh(period['start'], True)}—{date_zh(period['end'], not same_year)}"
    return {
        "举办县区": s.get("host_unit") or "",
        "主办单位及协办单位": "\n".join(
            f"{o['name']}（{ROLE_ZH[o['role']]}）" if o.get("role") else o["name"] for o in s.get("organizers") or []
        ),
        "下发活动文件的部门": "\n".join(lead.get("issuing_departments") or []),
        "出席活动（开幕式）的领导": "\n".join(
            " ".join(x for x in (l.get("title"), l.get("name")) if x) for l in lead.get("attending_leaders") or []
        ),
        "具体协调部门": lead.get("coordinating_department") or "",
        "制定活动方案部门": lead.get("planning_department") or "",
        "全市区数及参与活动的数量": pair(
            ("全市区数", part.get("units_total")), ("参与活动的数量", part.get("units_participating")), "共"
        ),
        "主会场及分会场数量": pair(("主会场数量", part.get("main_venues")), ("分会场数量", part.get("sub_venues"))),
        "参加活动人数": count(part.get("participants")),
        "有特色的活动": "\n".join(featured(f) for f in part.get("featured_activities") or []),
        "活动主题": theme.get("theme") or "",
        "活动内容": theme.get("content") or "",
        "活动成效": theme.get("outcomes") or "",
        "活动时间": period_text,
        "活动范围（包括参与活动的街道、企事业单位等）": reach.get("scope") or "",
        "群众满意度": percent(reach.get("satisfaction")),
        "自我评价": reach.get("self_assessment") or "",
        "宣传范围": pub.get("scope") or "",
        "文字报道": count(pub.get("text_reports")),
        "影像图片报道": count(pub.get("image_reports")),
        "其他": s.get("other") or "",
    }


def read_form(data: bytes) -> tuple[Any, Any]:
    d = docx.Document(io.BytesIO(data))
    assert len(d.tables) == 1, "one table"
    return d, d.tables[0]


def check_layout(d: Any, table: Any, year: int) -> None:
    """Title, rows in order, group cells merged vertically, spanning rows, closing line, A4."""
    assert d.paragraphs[0].text == f"{year}年南昌市全民终身学习活动周总结表"
    assert d.paragraphs[-1].text == CLOSING
    section = d.sections[0]
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.5)
    assert len(table.rows) == len(LAYOUT)
    previous = None
    for row, (group, label) in zip(table.rows, LAYOUT):
        cells = row.cells
        assert len(cells) == 3
        first_tc = cells[0]._tc
        if group is None:
            assert first_tc.grid_span == 2 and len(row._tr.tc_lst) == 2, label
            assert cells[0].text == label
        else:
            # python-docx gives the merged cell's text on every row it spans; the XML says how.
            assert cells[0].text == group
            own_tc = row._tr.tc_lst[0]
            assert own_tc.vMerge == ("continue" if previous == group else "restart"), (label, own_tc.vMerge)
            assert cells[1].text == label
        previous = group


@pytest.mark.parametrize("path", SUBMISSIONS, ids=lambda p: p.name)
def test_docx_of_every_example_reads_back_cell_by_cell(path: Path, tmp_path: Path) -> None:
    source = json.loads(path.read_text(encoding="utf-8"))
    sub = lw.Submission.from_json(path.read_text(encoding="utf-8"))
    assert sub.summary is not None
    out = tmp_path / "form.docx"
    data = sub.summary.to_docx(out)
    assert out.read_bytes() == data
    d, table = read_form(data)
    check_layout(d, table, source["summary"]["year"])
    expected = expected_cells(source["summary"])
    for row, (_, label) in zip(table.rows, LAYOUT):
        assert row.cells[2].text == expected[label], label


MESSY: dict[str, Any] = {
    "year": 2021,
    "host_unit": "<script>alert('湾里')</script> & 湾里区",
    "organizers": [{"name": "区教体局 <b>"}, {"name": "社区教育学院", "role": "implementer"}],
    "leadership": {
        "issuing_departments": ["区教体局\t职成科"],
        "attending_leaders": [{"name": "张三"}, {"title": "副区长"}],
        "coordinating_department": "职成科\x01（控制字符）",
    },
    "participation": {
        # A source that lost the 约: the form must still say 约.
        "participants": {"value": 35000, "qualifier": "approx", "unit": "人次", "source": "35000人次"},
        "sub_venues": {"value": 9, "qualifier": "at_least", "unit": "个"},
        "featured_activities": [{"name": "“双减”进社区"}, {"description": "只有简介"}],
    },
    "theme_and_content": {
        "content": "第一段\r\n\r\n第二段\n" + "长" * 5000,
        "period": {"start": "2021-11-29", "end": "2022-01-02"},
    },
    "publicity": {"text_reports": {"value": 30, "qualifier": "at_most", "unit": "篇"}},
    "other": "]]> &amp; 」",
}


def test_messy_table_reads_back_with_qualifiers_and_hostile_text(tmp_path: Path) -> None:
    t = lw.SummaryTable.from_dict(MESSY)
    d, table = read_form(t.to_docx())
    check_layout(d, table, 2021)
    cells = {label: row.cells[2].text for row, (_, label) in zip(table.rows, LAYOUT)}
    assert cells["举办县区"] == MESSY["host_unit"]
    assert cells["主办单位及协办单位"] == "区教体局 <b>\n社区教育学院（组织实施）"
    assert cells["下发活动文件的部门"] == "区教体局\t职成科"
    assert cells["出席活动（开幕式）的领导"] == "张三\n副区长"
    assert cells["具体协调部门"] == "职成科\ufffd（控制字符）"
    assert cells["参加活动人数"] == "约35000人次"  # never 35000 exactly
    assert cells["主会场及分会场数量"] == "分会场数量：9余个"
    assert cells["有特色的活动"] == "“双减”进社区\n只有简介"
    assert cells["活动内容"] == "第一段\n第二段\n" + "长" * 5000
    assert cells["活动时间"] == "2021年11月29日—2022年1月2日"
    assert cells["文字报道"] == "不超过30篇"
    assert cells["群众满意度"] == "" and cells["活动范围（包括参与活动的街道、企事业单位等）"] == ""
    assert cells["其他"] == "]]> &amp; 」"


def test_empty_form_and_bytes_without_path() -> None:
    data = lw.SummaryTable.from_json("{}").to_docx()
    assert isinstance(data, bytes) and data[:2] == b"PK"
    d, table = read_form(data)
    assert all(row.cells[2].text == "" for row in table.rows)
    assert d.paragraphs[-1].text == CLOSING


def test_to_docx_with_an_unusable_notice_raises_parse_error() -> None:
    with pytest.raises(lw.ParseError) as e:
        lw.SummaryTable.from_json("{}").to_docx(notice="{")
    assert e.value.diagnostics[0].code == "json.syntax"


# ---- the roll-up workbook ------------------------------------------------------------------


@pytest.fixture(scope="module")
def rollup() -> lw.CityRollup:
    return lw.aggregate(EXAMPLES)


@pytest.fixture(scope="module")
def workbook(rollup: lw.CityRollup, tmp_path_factory: pytest.TempPathFactory) -> Any:
    path = tmp_path_factory.mktemp("xlsx") / "rollup.xlsx"
    data = rollup.to_xlsx(path)
    assert path.read_bytes() == data
    return openpyxl.load_workbook(path)


def rows(ws: Any) -> list[tuple[Any, ...]]:
    return [r for r in ws.iter_rows(min_row=2, values_only=True) if any(v is not None for v in r)]


def test_xlsx_sheets_and_bilingual_headers(workbook: Any) -> None:
    assert workbook.sheetnames == ["单位 Units", "合计 Totals", "未报送 Missing", "迟交 Late", "需修改 To fix"]
    head = [c.value for c in workbook["单位 Units"][1]]
    assert head[0] == "单位\nUnit" and "参加活动人数\nParticipants" in head and "迟交天数\nDays late" in head


def test_xlsx_unit_rows_match_the_rollup(workbook: Any, rollup: lw.CityRollup) -> None:
    ws = workbook["单位 Units"]
    r = rollup.to_dict()
    got = rows(ws)
    assert [g[0] for g in got] == [u["unit"] for u in r["units"]]
    for excel_row, u in zip(ws.iter_rows(min_row=2), r["units"]):
        v = [c.value for c in excel_row]
        assert v[1].startswith("已报送" if u["status"] == "reported" else "未报送")
        if u["status"] == "missing":
            assert all(x is None for x in v[2:15])
            continue
        assert v[3] == u["days_late"]
        assert v[2].startswith("按期" if u["days_late"] == 0 else "迟交")
        p = u["participants"]
        value, qualifier = (p, "exact") if isinstance(p, int) else (p["value"], p.get("qualifier", "exact"))
        assert (v[5], v[6]) == (value, qualifier)
        # The qualifier shows on screen through the number format.
        fmt = excel_row[5].number_format
        assert ("约" in fmt) == (qualifier == "approx") and ("余" in fmt) == (qualifier == "at_least")
        assert v[8] == count(p)
        assert v[9] == (u["main_venues"] if isinstance(u["main_venues"], int) else u["main_venues"]["value"])
        assert v[11] == percent(u.get("satisfaction")) or (v[11] is None and "satisfaction" not in u)
        assert (v[12], v[13]) == (u["validation"]["errors"], u["validation"]["warnings"])


def test_xlsx_totals_missing_and_late_match_the_rollup(workbook: Any, rollup: lw.CityRollup) -> None:
    r = rollup.to_dict()
    totals = {row[0]: row for row in rows(workbook["合计 Totals"])}
    p = r["totals"]["participants"]
    assert totals["参加活动人数"][2] == p["value"] and totals["参加活动人数"][3] == p["qualifier"] == "approx"
    assert totals["分会场"][3] == r["totals"]["sub_venues"]["qualifier"]
    assert totals["应报单位数"][2] == r["expected_units"] and totals["已报单位数"][2] == len(r["reported_units"])
    assert totals["报送率（%）"][2] == pytest.approx(r["completeness"]["rate_percent"])
    assert [row[0] for row in rows(workbook["未报送 Missing"])] == r["missing_units"]
    late = [(row[0], row[1]) for row in rows(workbook["迟交 Late"])]
    assert late == [(u["unit"], u["days_late"]) for u in r["late_units"]]
    fixes = rows(workbook["需修改 To fix"])
    assert ("进贤县" in {f[0] for f in fixes}) and all(f[3] for f in fixes)


def test_html_report_and_notebook_table(rollup: lw.CityRollup) -> None:
    html = rollup.to_html()
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html
    assert html.count('<rect class="bar"') == sum(1 for u in rollup.units if u.participants is not None)
    table = rollup._repr_html_()
    assert "<table" in table and table.count("<tr data-unit=") == rollup.expected_units
    assert "<html" not in table
