"""A 总结表 read alone (`from_json`, no notice) judges a written year against its own `year`, as
core does (core/tests/cell_paths.rs has the Rust side of the same cells)."""

import pytest

import learning_week as lw

CELL = "2019年参与人数达5万人"


def test_another_years_figure_is_refused_against_the_documents_own_year():
    with pytest.raises(lw.ParseError) as e:
        lw.SummaryTable.from_json({"year": 2021, "participation": {"participants": CELL}})
    d = next(d for d in e.value.diagnostics if d.path == "/participation/participants")
    assert (d.code, d.params["reason"]) == ("text.not_row_figure", "other_year")


def test_the_documents_own_year_is_this_years_figure():
    t = lw.SummaryTable.from_json({"year": 2019, "participation": {"participants": CELL}})
    assert t.participation.participants.value == 50000


def test_without_a_year_a_written_year_is_not_judged():
    t = lw.SummaryTable.from_json({"participation": {"participants": CELL}})
    assert t.participation.participants.value == 50000
